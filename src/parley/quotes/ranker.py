"""A trained speaker ranker over candidate mentions of a direct quote, the rules' choice one of its features.

Why: the rules pick one speaker per quote by a fixed order of preference; a reader weighs several cues at
once (a person named right before the quote who is the sentence's subject, the last speaker, how often the
story names someone). The ranker scores each candidate -- the actors named outside quotes in the quote's
paragraph and the two before it, plus the rules' speaker -- with a model trained on PolNeAR train
(``bench/train_speaker_ranker.py``): logistic weights or a small gradient-boosted tree ensemble, the one that
did better on the check slice, in ``parley/data/quotes/speaker_ranker.json`` (numpy only at run time). Besides
where a candidate stands (gap, paragraph, sentence, subject, cue next to it), its features say what the quote
offers: the gender of a pronoun cue ("…,” she said) against the candidate's, who spoke recently, whether the
quote opens its paragraph (a continuation) and whether the rules' speaker stands after it. Trees can weigh these
by context (a gender clash far from the cue, a count where the rules found no one), a linear model cannot. Without
the file the rules alone decide.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from parley.quotes.view import UNNAMED, _Speaker

WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "quotes" / "speaker_ranker.json"
FEATURES = ["rule", "rule_none", "rule_owncue", "before", "log_gap", "same_para", "paras_back", "same_sent",
            "person", "org", "subject", "cue_next", "cue_prev", "salience", "rank1", "last_speaker",
            "possessive", "after_prep", "bias",
            # what the candidate and the quote offer beyond the rules' order (for a nonlinear model)
            "pron_agree", "pron_clash", "doc_count", "spoke_before", "quote_opens_para", "cue_after", "in_window"]
_PRONOUN_CUE_AFTER = re.compile(r"[\s,”\"'’]*(he|she)\b", re.I)  # “…,” she said
_PRONOUN_CUE_BEFORE = re.compile(r"\b(he|she)\s+[a-z]+(?:\s+[a-z]+)?[,:]?\s*[“\"'‘]?$", re.I)  # He said: “…”


@lru_cache(maxsize=1)
def load_weights(path: Path = WEIGHTS):
    """(scorer, margin): the scorer maps a candidates x features array to scores (log-odds); None without file."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    margin = float(data.get("margin", 0.0))
    if "trees" in data:
        return _Trees(data), margin
    w = np.array([data["weights"].get(f, 0.0) for f in FEATURES])
    return (lambda x: x @ w), margin


class _Trees:
    """A gradient-boosted tree ensemble exported by bench/train_speaker_ranker.py: per tree parallel arrays
    (feature, threshold, left, right, value; feature -1 marks a leaf), summed with the learning rate onto
    the prior log-odds. Evaluated in numpy, a few candidates at a time."""

    def __init__(self, data: dict):
        cols = {f: k for k, f in enumerate(FEATURES)}
        self.init, self.rate = float(data["init"]), float(data["rate"])
        self.trees = [(np.array([cols[data["features"][f]] if f >= 0 else -1 for f in t["feature"]]),
                       np.array(t["threshold"]), np.array(t["left"]), np.array(t["right"]), np.array(t["value"]))
                      for t in data["trees"]]

    def __call__(self, x: np.ndarray) -> np.ndarray:
        out = np.full(len(x), self.init)
        rows = np.arange(len(x))
        for feat, thr, left, right, value in self.trees:
            node = np.zeros(len(x), dtype=int)
            while True:
                f = feat[node]
                inner = f >= 0
                if not inner.any():
                    break
                go_left = x[rows, np.where(inner, f, 0)] <= thr[node]
                node = np.where(inner, np.where(go_left, left[node], right[node]), node)
            out += self.rate * value[node]
        return out


def candidates(at, chain, sp: _Speaker | None, own_cue: bool) -> list[tuple[_Speaker, list[float]]]:
    """(speaker, features) for each candidate of the quote ``chain``; ``at`` is the Attributor."""
    first, last = chain[0], chain[-1]
    p_lo = at.paras[max(0, first.para - 2)][0]
    p_hi = at.paras[last.para][1]
    lo = bisect.bisect_left(at.mention_starts, p_lo)
    hi = bisect.bisect_left(at.mention_starts, p_hi, lo)
    counts: dict[str, int] = {}
    for _s, _e, a in at.mentions[bisect.bisect_left(at.mention_starts, max(0, first.open - 6000)):lo]:
        counts[a.id] = counts.get(a.id, 0) + 1
    best: dict[str, tuple[int, int, object]] = {}
    for s, e, a in at.mentions[lo:hi]:
        if a.type not in ("person", "organization", "group") or at._in_quote(s):
            continue
        counts[a.id] = counts.get(a.id, 0) + (1 if s < first.open else 0)
        gap = first.open - e if e <= first.open else s - last.close
        if gap < 0:
            continue
        if a.id not in best or gap < best[a.id][0]:
            best[a.id] = (gap, s, (s, e, a))
    rule_id = sp.id if sp is not None and sp is not UNNAMED else None
    last_id = at.events[-1][1].id if at.events else None
    top = max(counts.values(), default=0)
    q = _quote_context(at, chain, sp)
    out = []
    seen_rule = False
    for aid, (gap, _s, men) in best.items():
        spk = at._speaker(men)
        out.append((spk, _features(at, men, gap, first, aid == rule_id, sp, own_cue, counts, top, last_id)
                    + _offers(at, aid, q, True)))
        seen_rule |= aid == rule_id
    if sp is not None and sp is not UNNAMED and not seen_rule:
        out.append((sp, _rule_only(sp, own_cue, first, at, counts, top, last_id) + _offers(at, sp.id, q, False)))
    return out


def _quote_context(at, chain, sp) -> dict:
    """What the quote itself offers: the gender of a pronoun cue ("…,” she said"), whether the quote opens its
    paragraph, whether the rules' speaker stands after it, and who spoke in the last 30 quotes and cues (``at.events``)."""
    first, last = chain[0], chain[-1]
    t = at.t
    m = _PRONOUN_CUE_AFTER.match(t, last.close + 1, min(len(t), last.close + 12))
    if m is None:
        m = _PRONOUN_CUE_BEFORE.search(t, max(at.paras[first.para][0], first.open - 40), first.open)
    spoke: dict[str, int] = {}
    for _pos, who, _para in at.events[-30:]:  # the recent speakers (bounded: a long transcript stays linear)
        spoke[who.id] = spoke.get(who.id, 0) + 1
    p0 = at.paras[first.para][0]
    return {"pron": None if m is None else "male" if m.group(1).lower() == "he" else "female",
            "opens": not t[p0:first.open].strip(" \t“\"'‘«„"), "spoke": spoke,
            "after": bool(sp is not None and sp is not UNNAMED and sp.span and sp.span[0] >= last.close)}


def _offers(at, aid: str | None, q: dict, in_window: bool) -> list[float]:
    g = at.gender.get(aid) if aid else None
    n = at.mention_counts.get(aid, 0) if aid else 0
    return [float(q["pron"] is not None and g == q["pron"]), float(q["pron"] is not None and g is not None
            and g != q["pron"]), math.log1p(n) / 3, math.log1p(q["spoke"].get(aid, 0)) / 2 if aid else 0.0,
            float(q["opens"]), float(q["after"]), float(in_window)]


def _features(at, men, gap, first, is_rule, sp, own_cue, counts, top, last_id) -> list[float]:
    s, e, a = men
    before = e <= first.open
    si = at._sent_of(s)
    t = at.t
    nxt = at.lex.cue_re.search(t, e, min(len(t), e + 25))
    prv = at.lex.cue_re.search(t, max(0, s - 25), s)
    return [
        float(is_rule), float(sp is None or sp is UNNAMED), float(is_rule and own_cue), float(before),
        math.log1p(gap) / 8, float(at._para_of(s) == first.para), float(first.para - at._para_of(s)) / 2,
        float(si == at._sent_of(first.open)), float(a.type == "person"), float(a.type != "person"),
        float(_is_subject(at, s)), float(nxt is not None and not at._in_quote(nxt.start())),
        float(prv is not None and not at._in_quote(prv.start())), counts.get(a.id, 0) / max(1, top),
        float(counts.get(a.id, 0) == top), float(a.id == last_id), float(t[e:e + 2] in ("’s", "'s")),
        float(at._word_before(s, max(0, s - 40)) in at.lex.prepositions), 1.0,
    ]


def _rule_only(sp, own_cue, first, at, counts, top, last_id) -> list[float]:
    """The rules' speaker when no mention of it lies in the window (a pronoun resolved further back, a name
    the actors stage missed)."""
    near = sp.span is not None and 0 <= first.open - sp.span[1] < 400
    return [1.0, 0.0, float(own_cue), 1.0, math.log1p(first.open - sp.span[1]) / 8 if near else 1.0,
            float(near), 0.0 if near else 1.0, 0.0, float(sp.type == "person"), float(sp.type != "person"),
            0.0, 0.0, 0.0, counts.get(sp.id, 0) / max(1, top) if sp.id else 0.0,
            float(bool(sp.id) and counts.get(sp.id, 0) == top), float(sp.id is not None and sp.id == last_id),
            0.0, 0.0, 1.0]


def _is_subject(at, s: int) -> bool:
    k = bisect.bisect_left(at.subject_starts, s)
    return k < len(at.subject_starts) and at.subject_starts[k] == s


def choose(at, chain, sp: _Speaker | None, own_cue: bool) -> _Speaker | None:
    """The ranker's speaker for ``chain`` (the rules' when no weights or no candidate beats it by the margin)."""
    w = load_weights()
    if w is None or sp is UNNAMED or (sp is None and chain[0].partial):
        # a speaker phrase that names no one ("…, a newspaper reported", "officials said") stays unnamed (the
        # training quotes all had a named gold speaker); an embedded quote the rules give no one (no cue, no
        # subject: "praise for Ruiz came as “…” from the press") stays so
        return sp
    cands = candidates(at, chain, sp, own_cue)
    if not cands:
        return sp
    scorer, margin = w
    scores = scorer(np.array([f for _s, f in cands]))
    k = int(np.argmax(scores))
    rule = next((i for i, (c, _f) in enumerate(cands) if _f[0] == 1.0), None)
    if rule is not None and scores[k] - scores[rule] <= margin:
        return sp
    return cands[k][0]
