"""Classifier input: the sentence with its source and target marked, embedded by the runtime encoder.

PLV-style marks ``<s>…</s>`` (source) and ``<t>…</t>`` (target) are rewritten to plain-word tags
("[SRC] … [TGT] …") before embedding, so the classifier learns *who acts on whom* from the same text shape
at training time (PLV, gold records) and at run time (actor/recipient mentions of a sentence).
The feature vector concatenates the embedding of the marked sentence with TF-IDF word uni/bigrams of its
*relation window* (from the first mark to eight words after the last: "[SRC] X has condemned [TGT] Y …"), which
carries the predicate; one encoder pass per sentence keeps ``parley code`` fast (measured in
bench/train_events.py / bench/code.py: see models/README.md).

Labels: the main model predicts 15 "coarse" roots (PLV merges CONCEDE and RETREAT into YIELD); a binary
model then splits YIELD into CONCEDE / RETREAT.
"""

from __future__ import annotations

import re

import numpy as np

COARSE_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "YIELD": 2, "CONCEDE": 1, "RETREAT": 2, "COOPERATE": 2,
               "AID": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4,
               "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
_MARKS = re.compile(r"</?[st]>")
STYLE = "keep"  # the fine-tuned model reads the marks as single tokens (see encoder.py)


def coarse(label: str) -> str:
    return "YIELD" if label in ("CONCEDE", "RETREAT") else label


def mark(text: str, source: tuple[int, int] | None, target: tuple[int, int] | None) -> str:
    """Insert ``<s>…</s>``/``<t>…</t>`` around the given spans (offsets into ``text``) of a sentence."""
    inserts = []
    if source:
        inserts += [(source[0], 1, "<s>"), (source[1], 0, "</s>")]
    if target:
        inserts += [(target[0], 1, "<t>"), (target[1], 0, "</t>")]
    out = text
    for pos, _, tag in sorted(inserts, key=lambda x: (x[0], x[1]), reverse=True):
        out = out[:pos] + tag + out[pos:]
    return out


def strip_marks(marked: str) -> str:
    return re.sub(r"\s+", " ", _MARKS.sub("", marked)).strip()


def prepare(marked: str, style: str = STYLE) -> str:
    if style == "keep":
        return marked
    if style == "plain":
        return strip_marks(marked)
    text = marked.replace("<s>", "[SRC] ").replace("</s>", "").replace("<t>", "[TGT] ").replace("</t>", "")
    return re.sub(r"\s+", " ", text).strip()


def relation_text(marked: str) -> str:
    """The span from the first mark to eight words after the last one (the whole sentence when unmarked)."""
    starts = [i for i in (marked.find("<s>"), marked.find("<t>")) if i >= 0]
    ends = [marked.find(x) + 4 for x in ("</s>", "</t>") if marked.find(x) >= 0]
    if not starts or not ends:
        return strip_marks(marked)
    a, b = min(starts), max(ends)
    return prepare(marked[a:b] + " " + " ".join(marked[b:].split()[:8]))


_TOKEN = re.compile(r"(?u)\b\w\w+\b")


class Tfidf:
    """Runtime twin of sklearn's TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, norm="l2")."""

    def __init__(self, vocab: list[str], idf: np.ndarray):
        self.index = {t: i for i, t in enumerate(vocab)}
        self.idf = idf

    def transform(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(self.idf)), dtype=np.float32)
        for r, text in enumerate(texts):
            toks = _TOKEN.findall(text.lower())
            grams = toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]
            counts: dict[int, int] = {}
            for g in grams:
                j = self.index.get(g)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            if counts:
                idx = np.fromiter(counts, dtype=np.int64)
                val = (1 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * self.idf[idx]
                out[r, idx] = val / np.linalg.norm(val)
        return out


def features(encoder, marked: list[str], tfidf: Tfidf | None = None, weight: float = 0.5,
             style: str = STYLE) -> np.ndarray:
    """Feature matrix for marked sentences (marks optional): [embedding | weight · TF-IDF(relation window)]."""
    a = encoder.encode([prepare(m, style) for m in marked])
    if tfidf is None:
        return a
    return np.hstack([a, weight * tfidf.transform([relation_text(m) for m in marked])])
