"""Stemmed TF-IDF vectors for the corpus timeline: sentences as dicts, articles and span centroids as arrays.

Split from ``timeline`` so the ranking and sentence choice stay apart from the vector arithmetic, which is
where a topic's CPU time went (stemming, article vectors, centroids, cosines). Why the two forms:

- A *sentence* vector is a small dict {stem: weight}; only candidate sentences ever get one (cached).
- An *article* vector is a pair of arrays (term ids in first-occurrence order, unit weights), built once per
  collection and ``idf_add``; a span's centroid is one ``np.bincount`` over the span's articles. Every sum is
  taken in the same order as the plain Python loops it replaced (``np.bincount`` and ``np.cumsum`` add
  sequentially), so the floats, and the timelines, are bit for bit those of the dict version.

Terms: content words (``_WORD`` tokens, lower case) minus the stop list ``data/stopwords_rouge.txt`` and bare
numbers, stemmed by snowballstemmer's Porter (each word stemmed once per process: ``_STEMS``). snowballstemmer
runs on PyStemmer, its C build of the same Snowball algorithms, when that is installed (a dependency since
2026-12-02: the same stems on all 81,078 word types of T17, 0.17 s against 1.74 s): without it a topic's first
stemming pass was about a fifth of its time.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path

import numpy as np
import snowballstemmer

WORD = re.compile(r"[a-z0-9]+(?:['.-][a-z0-9]+)*")
_STEMS: dict[str, str | None] = {}
_TOKENS: dict[bytes, object] = {}  # a run of [a-z0-9'.-] bytes -> its stem, None, or its words' stems (``terms``)
_MISS = object()
_RUNS = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789'.-" else 32 for c in range(256))
_STOPWORDS = Path(__file__).resolve().parents[1] / "data" / "stopwords_rouge.txt"
_PORTER = snowballstemmer.stemmer("porter")
_ZEROS = repeat(0.0)
_LOG1: list[float] = [0.0]  # _LOG1[c] = 1 + log(c), the sublinear term frequency, grown on demand


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The SMART stop list with ROUGE's news additions (``data/stopwords_rouge.txt``)."""
    lines = _STOPWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _stem(w: str) -> str | None:
    """The stem of a word, None for a stop word or a number; each word stemmed once per process."""
    s = _STEMS.get(w, 0)
    if s == 0:
        s = _STEMS[w] = None if w in stopwords() or w.isdigit() else _PORTER.stemWord(w)
    return s


def _token_entry(tok: bytes):
    """What a run of ``[a-z0-9'.-]`` stands for: its stem (or None) when the run is one ``WORD`` token, else the
    tuple of its ``WORD`` tokens' stems (a sentence's final "end." is "end"; "a..b" is two; "--" none)."""
    words = WORD.findall(tok.decode("ascii"))
    if len(words) == 1 and len(words[0]) == len(tok):
        return _stem(words[0])
    return tuple(_stem(w) for w in words)


def terms(text: str) -> tuple[Counter, int]:
    """(stem counts, token count) of a text: the counts of the stems of ``WORD.findall(text.lower())`` (stop
    words and numbers dropped), keyed in the order the stems first occur, found faster than that regex. The
    lower-cased text goes to ASCII bytes (any other character becomes "?") and every byte outside
    ``[a-z0-9'.-]`` to a space, all in C; a ``WORD`` match never crosses such a byte, so the whitespace-split
    runs hold the matches, and each distinct run is read once per process (``_token_entry``): over T17's 4,625
    articles (31 MB) the regex took 1.35 s, the runs 0.45 s. The order holds: the runs are taken in the order
    they first occur and a run's words in their order, which is the order of the words' first occurrences."""
    toks = text.lower().encode("ascii", "replace").translate(_RUNS).split()
    n = len(toks)
    out: dict[str, int] = {}
    get = out.get
    entries = _TOKENS
    get_entry = entries.get
    for tok, c in Counter(toks).items():
        s = get_entry(tok, _MISS)
        if s is _MISS:
            s = entries[tok] = _token_entry(tok)
        if s.__class__ is str:
            out[s] = get(s, 0) + c
        elif s is not None:
            n += c * (len(s) - 1)
            for x in s:
                if x is not None:
                    out[x] = get(x, 0) + c
    return Counter(out), n


def log1(c: int) -> float:
    """1 + log(c), from a table (the same float ``1 + math.log(c)`` gives)."""
    if c >= len(_LOG1):
        _LOG1.extend(1 + math.log(k) for k in range(len(_LOG1), 2 * c + 1))
    return _LOG1[c]


def sent_vec(counts: Counter, idf: dict) -> dict[str, float]:
    """The unit TF-IDF vector of a sentence's stem counts (terms without an idf weigh 0)."""
    g = idf.get
    v = {t: log1(c) * g(t, 0.0) for t, c in counts.items()}
    norm = math.sqrt(sum([x * x for x in v.values()])) or 1.0
    return {t: x / norm for t, x in v.items()}


def dot(a: dict, b: dict) -> float:
    """The dot product of two sparse vectors, summed over the smaller one's terms in its order."""
    if len(a) > len(b):
        a, b = b, a
    return sum(map(mul, a.values(), map(b.get, a, _ZEROS)))  # a term b lacks adds 0.0: the same sum


def _seq_sum(a: np.ndarray) -> float:
    """The left-to-right sum of ``a`` (what Python's ``sum`` gives; ``np.sum`` adds pairwise)."""
    return float(np.cumsum(a)[-1]) if len(a) else 0.0


class ArticleVectors:
    """Unit TF-IDF vectors of a collection's articles for one ``idf_add``, and span centroids over them."""

    def __init__(self, vocab: list[str], art_idx: list[np.ndarray], art_cnt: list[np.ndarray], idf: dict):
        self.vocab = vocab
        self.idx = art_idx
        idf_arr = np.array([idf[t] for t in vocab], dtype=float)
        top = max((int(c.max()) for c in art_cnt if len(c)), default=1)
        log1(top)
        tf = np.array(_LOG1[:top + 1], dtype=float)
        self.vals = []
        for idx, cnt in zip(art_idx, art_cnt, strict=True):
            v = tf[cnt] * idf_arr[idx]
            norm = math.sqrt(_seq_sum(v * v)) or 1.0
            self.vals.append(v / norm)
        self._spans: dict = {}

    def centroid(self, arts: list[int]) -> tuple[np.ndarray, dict[str, float]]:
        """The unit centroid of the articles' vectors, as an array over the vocabulary and as a dict keyed in
        the order the terms first occur (the order the dict sum of the vectors would have); cached per span."""
        key = (arts[0] if arts else -1, arts[-1] if arts else -1, len(arts))
        got = self._spans.get(key)
        if got is not None:
            return got
        if not arts:
            got = self._spans[key] = (np.zeros(len(self.vocab)), {})
            return got
        idx = np.concatenate([self.idx[ai] for ai in arts])
        acc = np.bincount(idx, weights=np.concatenate([self.vals[ai] for ai in arts]), minlength=len(self.vocab))
        ids, first = np.unique(idx, return_index=True)
        order = ids[np.argsort(first, kind="stable")]
        cv = acc[order]
        cnorm = math.sqrt(_seq_sum(cv * cv)) or 1.0
        vocab = self.vocab
        got = self._spans[key] = (acc / cnorm, dict(zip([vocab[i] for i in order.tolist()], (cv / cnorm).tolist(),
                                                          strict=True)))
        return got

    def centroid_array(self, arts: list[int]) -> np.ndarray:
        """The unit centroid of any set of articles as an array over the vocabulary (not cached: a day's
        articles, read against a few candidate sentences)."""
        if not arts:
            return np.zeros(len(self.vocab))
        acc = np.bincount(np.concatenate([self.idx[ai] for ai in arts]),
                          weights=np.concatenate([self.vals[ai] for ai in arts]), minlength=len(self.vocab))
        return acc / (math.sqrt(float(acc @ acc)) or 1.0)

    def similarity(self, ai: int, centroid: np.ndarray) -> float:
        """Cosine of article ``ai`` with a centroid array (both unit vectors)."""
        return _seq_sum(self.vals[ai] * centroid[self.idx[ai]])


class ChosenVectors:
    """The sentence vectors already chosen for a timeline, each with its date, asked whether a new vector is too
    similar (dot product above a threshold) to one chosen within a window of days: the cross-date redundancy
    check, which compared each candidate with every chosen sentence in Python (about a tenth of a timeline's
    time). The chosen vectors are kept as one sparse matrix, so a candidate's dot products with all of them are
    one numpy gather and ``bincount``; those sums are in another order, so they only select the vectors within
    ``_SLACK`` of the threshold, and ``dot`` (the exact sum) decides: the answer is the plain loop's."""

    _SLACK = 1e-9  # far above the rounding of a sum of at most a few hundred unit-vector products

    def __init__(self):
        self.vecs: list[dict] = []
        self.days: list[int] = []
        self.cols: dict[str, int] = {}
        self._rows: list[int] = []
        self._idx: list[int] = []
        self._vals: list[float] = []
        self._arrays = None

    def add(self, day: int, vec: dict) -> None:
        row, cols = len(self.vecs), self.cols
        self.vecs.append(vec)
        self.days.append(day)
        for t, x in vec.items():
            c = cols.get(t)
            if c is None:
                c = cols[t] = len(cols)
            self._rows.append(row)
            self._idx.append(c)
            self._vals.append(x)
        self._arrays = None

    def similar(self, vec: dict, day: int, window: int, threshold: float) -> bool:
        """Whether ``dot(vec, c) > threshold`` for a chosen ``c`` of a day at most ``window`` days from ``day``."""
        if not self.vecs:
            return False
        if threshold < 4 * self._SLACK:  # near zero every vector sharing nothing is a candidate: the plain loop
            return any(abs(cd - day) <= window and dot(vec, c) > threshold
                       for cd, c in zip(self.days, self.vecs, strict=True))
        if self._arrays is None:
            self._arrays = (np.array(self._rows, dtype=np.intp), np.array(self._idx, dtype=np.intp),
                            np.array(self._vals), np.array(self.days))
        rows, idx, vals, days = self._arrays
        w = np.zeros(len(self.cols) + 1)
        cols = self.cols
        hit = False
        for t, x in vec.items():
            c = cols.get(t)
            if c is not None:
                w[c] = x
                hit = True
        if not hit:  # no shared term: every product is 0
            return False
        approx = np.bincount(rows, weights=vals * w[idx], minlength=len(self.vecs))
        near = np.flatnonzero((approx > threshold - self._SLACK) & (np.abs(days - day) <= window))
        return any(dot(vec, self.vecs[j]) > threshold for j in near.tolist())
