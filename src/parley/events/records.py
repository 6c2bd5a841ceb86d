"""Sentence-level coding for ``parley code`` and the PLV benchmark for ``parley eval code``.

A record's ``actor``/``recipient`` strings, when found in its text, are marked (<s>…</s>, <t>…</t>) exactly as
the pipeline marks actor mentions; PLV texts arrive already marked. All records of a batch are encoded together.

Decision: the PLOVER type is the trained classifier's, which reads the marks and so types the relation between
the two actors; a cue of the same type found in the sentence only adds its mode and CAMEO code. Letting precise cues
override the classifier (as the article stage does for its trigger words) scored far lower here — in 5-fold CV on
PLV_train, root accuracy 0.711 against 0.855 — because a sentence's first strong predicate is often not the one
that links the marked pair ("had summoned the ambassador to complain": ACCUSE, not COERCE). A sentence with a speech
cue and no event cue stays a statement (event None, CAMEO 01x) unless the classifier is ``STATEMENT_BELOW`` sure.
"""

from __future__ import annotations

import csv
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from parley.events import coding
from parley.events import features as F
from parley.events.classifier import get_classifier
from parley.events.ontology import get_ontology


def _find(text: str, needle: str | None) -> tuple[int, int] | None:
    if not needle:
        return None
    i = text.lower().find(needle.lower())
    return (i, i + len(needle)) if i >= 0 else None


# a sentence with a speech cue and no event cue is a statement unless the classifier is at least this sure of a type
STATEMENT_BELOW = 0.5


def _cue_matches(onto, marked: list[str], use_cues: bool) -> list[tuple[str, list]]:
    out = []
    for mk in marked:
        # cues inside the marked actor/recipient ("Riot police") are names, not predicates
        plain = F.strip_marks(re.sub(r"<([st])>(.*?)</\1>", lambda m: " " * len(m.group(2)), mk))
        out.append((plain, coding.find_cues(onto, plain) if use_cues else []))
    return out


def _code_marked(marked: list[str], ctx, use_cues: bool = True, probs: list[dict] | None = None) -> list[dict]:
    """Code marked sentences; ``probs`` (one dict over the 16 types per sentence) replaces the shipped classifier,
    so that the cross-validation in bench/train_events.py scores fold models through this same decision."""
    onto = get_ontology(ctx)
    if probs is None:
        clf = get_classifier(ctx)
        # the cue regexes hold the GIL while onnxruntime releases it: match cues in a thread during encoding
        with ThreadPoolExecutor(1) as pool:
            cues = pool.submit(_cue_matches, onto, marked, use_cues)
            probs = clf.predict(marked)
            found = cues.result()
    else:
        found = _cue_matches(onto, marked, use_cues)
    out = []
    for p, (plain, matches) in zip(probs, found, strict=True):
        etype = max(p, key=p.get)
        conf = p[etype]
        events = coding.event_matches(matches, plain)
        speech = [m for m in matches if m.cue.kind == "speech"]
        if not events and speech and conf < STATEMENT_BELOW:  # a bare statement: CAMEO 01x, no PLOVER type
            fields = coding.code_fields(onto, None, speech[0].cue)
            conf = 1.0 - conf
        else:  # the type is the classifier's; a cue of that type adds its mode and CAMEO detail
            cue = next((m.cue for m in sorted(events, key=lambda m: (not m.cue.precise, m.start))
                        if m.cue.event == etype), None)
            fields = coding.code_fields(onto, etype, cue)
        fields["confidence"] = round(float(conf), 3)
        out.append(fields)
    return out


def code_records(records: list[dict], ctx) -> list[dict]:
    """Add ``event, mode, context, cameo, quad, goldstein, confidence`` to each ``{"id", "text", ...}`` record."""
    marked = []
    for r in records:
        text = r.get("text") or ""
        if "<s>" in text or "<t>" in text:
            marked.append(text)
        else:
            marked.append(F.mark(text, _find(text, r.get("actor")), _find(text, r.get("recipient"))))
    coded = _code_marked(marked, ctx) if records else []
    return [{**r, **c} for r, c in zip(records, coded, strict=True)]


def evaluate_plv(path, ctx) -> dict:
    """Root accuracy, macro-F1 and quad accuracy on a PLV-format TSV (gold_root / gold_penta; YIELD = CONCEDE +
    RETREAT): the trained classifier alone (``classifier``) and what `parley code` returns (``code``: the same
    types, with bare statements left untyped). On PLV_train itself these are in-sample figures (the shipped model
    was trained on it); bench/train_events.py gives the cross-validated ones."""
    rows = list(csv.DictReader(Path(path).open(encoding="utf-8"), delimiter="\t"))
    marked = [r.get("marked_sentence") or r["sentence"] for r in rows]
    gold = [r["gold_root"] for r in rows]
    gquad = [int(r["gold_penta"]) for r in rows]
    result = {"n": len(rows)}
    for name, use_cues in (("classifier", False), ("code", True)):
        result[name] = plv_scores(_code_marked(marked, ctx, use_cues=use_cues), gold, gquad)
    return result


def plv_scores(coded: list[dict], gold: list[str], gquad: list[int]) -> dict:
    """PLV scoring of coded records: root accuracy, macro-F1 over the gold roots, quad accuracy; a record with no
    PLOVER type (a bare statement) counts as the root "NONE"."""
    from collections import Counter

    pred = [F.coarse(c["event"]) if c["event"] else "NONE" for c in coded]
    quad = [c["quad"] for c in coded]
    n = max(1, len(gold))
    f1s = []
    for lab in sorted(set(gold)):
        tp = sum(p == g == lab for p, g in zip(pred, gold, strict=True))
        fp = sum(p == lab != g for p, g in zip(pred, gold, strict=True))
        fn = sum(g == lab != p for p, g in zip(pred, gold, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return {"root_accuracy": round(sum(p == g for p, g in zip(pred, gold, strict=True)) / n, 4),
            "macro_f1": round(sum(f1s) / max(1, len(f1s)), 4),
            "quad_accuracy": round(sum(q == g for q, g in zip(quad, gquad, strict=True)) / n, 4),
            "predicted": dict(Counter(pred))}
