"""Sentence-level coding for ``parley code`` and the PLV benchmark for ``parley eval code``.

A record's ``actor``/``recipient`` strings, when found in its text, are marked (<s>…</s>, <t>…</t>) exactly as
the pipeline marks actor mentions; PLV texts arrive already marked. All records of a batch are encoded together.
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


def _cue_matches(onto, marked: list[str], use_cues: bool) -> list[tuple[str, list]]:
    out = []
    for mk in marked:
        # cues inside the marked actor/recipient ("Riot police") are names, not predicates
        plain = F.strip_marks(re.sub(r"<([st])>(.*?)</\1>", lambda m: " " * len(m.group(2)), mk))
        out.append((plain, coding.find_cues(onto, plain) if use_cues else []))
    return out


def _code_marked(marked: list[str], ctx, use_cues: bool = True) -> list[dict]:
    onto = get_ontology(ctx)
    clf = get_classifier(ctx)
    # the cue regexes hold the GIL while onnxruntime releases it: match cues in a thread during encoding
    with ThreadPoolExecutor(1) as pool:
        cues = pool.submit(_cue_matches, onto, marked, use_cues)
        probs = clf.predict(marked)
        found = cues.result()
    out = []
    for p, (plain, matches) in zip(probs, found, strict=True):
        events = coding.event_matches(matches, plain)
        speech = [m for m in matches if m.cue.kind == "speech"]
        cue = min(events, key=lambda m: (not m.cue.precise, m.start)).cue if events else None
        etype, conf = coding.decide(onto, p, cue)
        if not events and speech:  # a bare statement: CAMEO 01x, no PLOVER type
            fields = coding.code_fields(onto, None, speech[0].cue)
            conf = 0.6
        else:
            fields = coding.code_fields(onto, etype, cue if cue and cue.event == etype else None)
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
    RETREAT). Scores the trained classifier alone (``clf``) and with the cue rules (``clf+rules``)."""
    from collections import Counter

    rows = list(csv.DictReader(Path(path).open(encoding="utf-8"), delimiter="\t"))
    marked = [r.get("marked_sentence") or r["sentence"] for r in rows]
    gold = [r["gold_root"] for r in rows]
    gquad = [int(r["gold_penta"]) for r in rows]
    result = {"n": len(rows)}
    for name, use_cues in (("clf", False), ("clf+rules", True)):
        coded = _code_marked(marked, ctx, use_cues=use_cues)
        pred = [F.coarse(c["event"]) if c["event"] else "NONE" for c in coded]
        quad = [c["quad"] for c in coded]
        acc = sum(p == g for p, g in zip(pred, gold, strict=True)) / max(1, len(rows))
        f1s = []
        for lab in sorted(set(gold)):
            tp = sum(p == g == lab for p, g in zip(pred, gold, strict=True))
            fp = sum(p == lab != g for p, g in zip(pred, gold, strict=True))
            fn = sum(g == lab != p for p, g in zip(pred, gold, strict=True))
            f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        result[name] = {"root_accuracy": round(acc, 4), "macro_f1": round(sum(f1s) / len(f1s), 4),
                        "quad_accuracy": round(sum(q == g for q, g in zip(quad, gquad, strict=True)) / max(1, len(rows)), 4),
                        "predicted": dict(Counter(pred))}
    return result


