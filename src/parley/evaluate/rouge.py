"""ROUGE-1/2 counts and the alignment-based timeline ROUGE of Martschat & Markert (EACL 2017).

Why a reimplementation: the news-tls protocol (Ghalandari & Ifrim, ACL 2020) scores timelines with tilse's
``TimelineRougeEvaluator``; its fast path (``RougeReimplementation``) and the metric definitions are small
enough to restate here with no Perl, nltk or scipy at run time. Semantics reproduced (from tilse's documented
behaviour, written anew):

- Tokens are the whitespace-separated tokens of each sentence (T17 text is already tokenised), lower-cased;
  stop words (``data/stopwords_rouge.txt``) and the punctuation tokens ``. , ; : `` '' - "`` are dropped; the
  rest are Porter-stemmed (nltk's default "NLTK_EXTENSIONS" variant of the algorithm, implemented below).
  Bigrams are formed over the filtered sequence of the whole summary.
- Counts are raw: hits = sum over n-grams of min(count in prediction, count in reference); precision
  denominator = number of predicted n-grams, recall denominator = number of reference n-grams.
- ``align_m2o`` is tilse's ``evaluate_align_date_content_costs_many_to_one``: every predicted date is aligned
  to the reference date of least cost and, separately, every reference date to the predicted date of least
  cost; cost(p, r) = (1 - 1/(|p-r|+1)) * (1 - F1 of raw-token unigram overlap) (raw tokens: case kept, no stop
  words removed, no stemming). An aligned pair contributes hits * 1/(|p-r|+1) to the numerator and its full
  n-gram count to the denominator; precision and recall are micro-averaged over dates. Ties go to the
  earlier date (argmin order).
- ``date_prf`` is set overlap of dates (Date-F1).

The evaluation is text-only and deterministic; ``stem`` is cached since vocabularies repeat.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path

PUNCTUATION = frozenset([".", ",", ";", ":", "``", "''", "-", '"'])
_DATA = Path(__file__).resolve().parents[1] / "data" / "stopwords_rouge.txt"


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = _DATA.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# ----------------------------------------------------------------------------------------------- Porter
# M. F. Porter (1980), "An algorithm for suffix stripping", with the departures nltk makes by default
# (words of <= 2 letters kept; a few irregular forms; ies/ied of 4-letter words -> ie; y -> i only after a
# consonant that is not the first letter; alli/fulli/logi in step 2; cvc also for 2-letter stems).
_IRREGULAR = {"skies": "sky", "sky": "sky", "dying": "die", "lying": "lie", "tying": "tie", "news": "news",
              "innings": "inning", "inning": "inning", "outings": "outing", "outing": "outing",
              "cannings": "canning", "canning": "canning", "howe": "howe", "proceed": "proceed",
              "exceed": "exceed", "succeed": "succeed"}


def _cons(w: str, i: int) -> bool:
    c = w[i]
    if c in "aeiou":
        return False
    if c == "y":
        return i == 0 or not _cons(w, i - 1)
    return True


def _measure(stem: str) -> int:
    m, prev_vowel = 0, False
    for i in range(len(stem)):
        c = _cons(stem, i)
        if c and prev_vowel:
            m += 1
        prev_vowel = not c
    return m


def _has_vowel(stem: str) -> bool:
    return any(not _cons(stem, i) for i in range(len(stem)))


def _double_cons(w: str) -> bool:
    return len(w) >= 2 and w[-1] == w[-2] and _cons(w, len(w) - 1)


def _cvc(w: str) -> bool:
    n = len(w)
    if n >= 3 and _cons(w, n - 3) and not _cons(w, n - 2) and _cons(w, n - 1) and w[-1] not in "wxy":
        return True
    return n == 2 and not _cons(w, 0) and _cons(w, 1)


def _m_pos(stem: str) -> bool:
    return _measure(stem) > 0


def _m_gt1(stem: str) -> bool:
    return _measure(stem) > 1


def _rules(word: str, rules) -> str:
    """Apply the first rule whose suffix matches (and only it): Porter's longest-match convention."""
    for suffix, repl, cond in rules:
        if word.endswith(suffix):
            stem = word[: len(word) - len(suffix)]
            return stem + repl if cond is None or cond(stem) else word
    return word


_STEP2 = [("ational", "ate", _m_pos), ("tional", "tion", _m_pos), ("enci", "ence", _m_pos),
          ("anci", "ance", _m_pos), ("izer", "ize", _m_pos), ("bli", "ble", _m_pos), ("alli", "al", _m_pos),
          ("entli", "ent", _m_pos), ("eli", "e", _m_pos), ("ousli", "ous", _m_pos), ("ization", "ize", _m_pos),
          ("ation", "ate", _m_pos), ("ator", "ate", _m_pos), ("alism", "al", _m_pos), ("iveness", "ive", _m_pos),
          ("fulness", "ful", _m_pos), ("ousness", "ous", _m_pos), ("aliti", "al", _m_pos),
          ("iviti", "ive", _m_pos), ("biliti", "ble", _m_pos), ("fulli", "ful", _m_pos)]
_STEP3 = [("icate", "ic", _m_pos), ("ative", "", _m_pos), ("alize", "al", _m_pos), ("iciti", "ic", _m_pos),
          ("ical", "ic", _m_pos), ("ful", "", _m_pos), ("ness", "", _m_pos)]
_STEP4 = [(s, "", _m_gt1) for s in ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
                                      "ent")]
_STEP4 += [("ion", "", lambda st: _measure(st) > 1 and st[-1:] in ("s", "t"))]
_STEP4 += [(s, "", _m_gt1) for s in ("ou", "ism", "ate", "iti", "ous", "ive", "ize")]


def _step1b(w: str) -> str:
    if w.endswith("ied"):
        return w[:-3] + ("ie" if len(w) == 4 else "i")
    if w.endswith("eed"):
        stem = w[:-3]
        return stem + "ee" if _measure(stem) > 0 else w
    for suffix in ("ed", "ing"):
        if w.endswith(suffix) and _has_vowel(w[: -len(suffix)]):
            stem = w[: -len(suffix)]
            break
    else:
        return w
    if stem.endswith(("at", "bl", "iz")):
        return stem + "e"
    if _double_cons(stem):
        return stem if stem[-1] in "lsz" else stem[:-1]
    if _measure(stem) == 1 and _cvc(stem):
        return stem + "e"
    return stem


def _step2(w: str) -> str:
    if w.endswith("alli") and _m_pos(w[:-4]):
        return _step2(w[:-4] + "al")
    if w.endswith("logi") and _m_pos(w[:-3]):
        return w[:-1]
    return _rules(w, _STEP2)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of a lower-case word (nltk's default variant)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 2:
        return word
    w = word
    # step 1a
    if w.endswith("ies") and len(w) == 4:
        w = w[:-3] + "ie"
    else:
        w = _rules(w, [("sses", "ss", None), ("ies", "i", None), ("ss", "ss", None), ("s", "", None)])
    w = _step1b(w)
    # step 1c
    if w.endswith("y") and len(w) > 2 and _cons(w, len(w) - 2):
        w = w[:-1] + "i"
    w = _step2(w)
    w = _rules(w, _STEP3)
    w = _rules(w, _STEP4)
    # step 5a
    if w.endswith("e"):
        st = w[:-1]
        m = _measure(st)
        if m > 1 or (m == 1 and not _cvc(st)):
            w = st
    # step 5b
    if w.endswith("ll") and _measure(w[:-1]) > 1:
        w = w[:-1]
    return w


# ----------------------------------------------------------------------------------------------- ROUGE
def tokens(sentences: list[str]) -> list[str]:
    """Evaluation tokens of a summary: lower-cased, stop words and punctuation dropped, stemmed."""
    drop = stopwords()
    out = []
    for s in sentences:
        for t in s.split():
            t = t.lower()
            if t not in drop and t not in PUNCTUATION:
                out.append(stem(t))
    return out


def ngrams(toks: list[str], n: int) -> Counter:
    return Counter(toks) if n == 1 else Counter(zip(*(toks[i:] for i in range(n)), strict=False))


def rouge_counts(pred: Counter, ref: Counter) -> tuple[int, int, int]:
    """(hits, predicted n-grams, reference n-grams)."""
    hits = sum(min(c, ref[g]) for g, c in pred.items() if g in ref)
    return hits, sum(pred.values()), sum(ref.values())


def _raw_f1(pred: list[str], ref: list[str]) -> float:
    """tilse's content-cost approximation: unigram F1 over raw whitespace tokens."""
    p = Counter(t for s in pred for t in s.split())
    r = Counter(t for s in ref for t in s.split())
    match = sum(min(c, r[t]) for t, c in p.items() if t in r)
    np_, nr = sum(p.values()), sum(r.values())
    prec = match / np_ if np_ else 0.0
    rec = match / nr if nr else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def f_score(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(num: float, pden: float, rnum: float, rden: float) -> dict[str, float]:
    p = num / pden if pden else 0.0
    r = rnum / rden if rden else 0.0
    return {"precision": p, "recall": r, "f_score": f_score(p, r)}


def align_m2o(pred: dict[date, list[str]], ref: dict[date, list[str]], orders=(1, 2)) -> dict[str, dict]:
    """Alignment-based ROUGE-n (many-to-one, date and content costs) of a predicted vs one reference timeline.

    ``pred``/``ref`` map dates to lists of (tokenised) sentences. Returns ``{"rouge_1": {precision, recall,
    f_score}, "rouge_2": {...}}``.
    """
    pdates, rdates = sorted(pred), sorted(ref)
    out = {}
    if not pdates or not rdates:
        return {f"rouge_{n}": {"precision": 0.0, "recall": 0.0, "f_score": 0.0} for n in orders}
    # cost[i][j] for predicted i, reference j (the cost is symmetric in which side is being aligned)
    content = [[1.0 - _raw_f1(pred[p], ref[r]) for r in rdates] for p in pdates]
    dist = [[abs(p.toordinal() - r.toordinal()) for r in rdates] for p in pdates]
    cost = [[(1 - 1 / (dist[i][j] + 1)) * content[i][j] for j in range(len(rdates))] for i in range(len(pdates))]
    p_to_r = [min(range(len(rdates)), key=lambda j, i=i: cost[i][j]) for i in range(len(pdates))]
    r_to_p = [min(range(len(pdates)), key=lambda i, j=j: cost[i][j]) for j in range(len(rdates))]
    ptoks = {p: tokens(pred[p]) for p in pdates}
    rtoks = {r: tokens(ref[r]) for r in rdates}
    for n in orders:
        pg = {p: ngrams(t, n) for p, t in ptoks.items()}
        rg = {r: ngrams(t, n) for r, t in rtoks.items()}
        pnum = pden = rnum = rden = 0.0
        for i, j in enumerate(p_to_r):
            h, np_, _ = rouge_counts(pg[pdates[i]], rg[rdates[j]])
            pnum += h / (dist[i][j] + 1)
            pden += np_
        for j, i in enumerate(r_to_p):
            h, _, nr = rouge_counts(pg[pdates[i]], rg[rdates[j]])
            rnum += h / (dist[i][j] + 1)
            rden += nr
        out[f"rouge_{n}"] = _prf(pnum, pden, rnum, rden)
    return out


def date_prf(pred_dates, ref_dates) -> dict[str, float]:
    """Date selection precision/recall/F1 (set overlap)."""
    p, r = set(pred_dates), set(ref_dates)
    shared = len(p & r)
    prec = shared / len(p) if p else 0.0
    rec = shared / len(r) if r else 0.0
    return {"precision": prec, "recall": rec, "f_score": f_score(prec, rec)}
