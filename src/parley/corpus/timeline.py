"""Cross-article timeline: the L most important dates of a collection, K summary sentences each.

Why this method (unsupervised, pure Python, under a second for a collection of a thousand articles):

- *Dates are ranked by how often the collection refers to them*, not only by how many articles were published
  on them: an event is reported the day after ("on Tuesday", "yesterday", "on April 20") and recalled for
  weeks. Each article casts one vote per day it refers to (a long article cannot dominate); a reference to
  the publication day itself ("today") counts a quarter, and each article published on a day half a vote.
- *Day references* come from ``fast_day_refs``, one compiled regex over the article (explicit dates, weekday
  names, yesterday/today/tomorrow). ``parley.timex.find_times`` is more complete but about 170 us a sentence
  (2.5x slower end to end on T17) and gave no better dates there (Date-F1 0.540 vs 0.545), so it is opt-in:
  ``prepare(articles, timex=True)``.
- *Candidate sentences of a date* are the sentences that refer to it (from articles published on or after
  it) plus the first ``LEAD`` sentences of articles published on that day or the next that refer to no other
  day. Every sentence keeps its evidence: article id and character offsets.
- *Sentences are chosen by centroid similarity* (TF-IDF over Porter-stemmed content words, stop list
  ``data/stopwords_rouge.txt``): the centroid of a date's candidates says what that day's coverage is about.
  The idf is log(N/df) + ``IDF_ADD`` so the topic's own words ("oil", "spill") still count; sentences that
  name the day get a bonus, more so when written a week or more later (retrospective sentences read like
  timeline entries); sentences too similar (cosine > ``REDUNDANCY``) to one already chosen for any date are
  skipped (redundancy control across dates).
- ``query`` (optional keywords) halves the votes and gains of sentences that contain none of them.

The module constants were set by hand on Timeline17 (all topics); a leave-one-topic-out choice of the two
that matter most (``IDF_ADD``, ``SAME_DAY_VOTE``) scores AR-1 0.117 / AR-2 0.037 / Date-F1 0.562 against
0.120 / 0.039 / 0.562 with them fixed (``parley eval tls``).

Defaults (``None``): L = the number of days with at least 2 article votes, clamped to 5..20; K = 2.
``prepare`` (sentences, day references, term cache) is separate from ``summarize`` so that one prepared
collection serves several timelines over different spans (the T17 benchmark reuses it per topic).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from parley.evaluate.rouge import stem, stopwords
from parley.text import sentences as split_sentences

try:  # the project's time expression normaliser
    from parley.timex import find_times
except ImportError:  # pragma: no cover - only while timex is missing
    find_times = None

DAY_KINDS = frozenset({"date", "weekday", "relative", "anchored", "since", "until"})
_WORD = re.compile(r"[a-z0-9]+(?:['.-][a-z0-9]+)*")
_MIN_TOKENS, _MAX_TOKENS = 6, 60
PUB_WEIGHT = 0.5        # votes per article published on a day (a reference to the day counts 1)
LEAD = 5                # opening sentences of the day's (and next day's) articles that are candidates
REF_BONUS = 0.3         # preference for sentences that name the day
REDUNDANCY = 0.5        # cosine above which a sentence repeats one already chosen
LENGTH_WEIGHT = 0.2     # gain times (tokens / 20) ** LENGTH_WEIGHT: mildly prefers fuller sentences
IDF_ADD = 4.0           # added to log(N/df): keeps the topic's own words ("oil", "spill") in the centroid
LATE_BONUS, LATE_DAYS = 1.0, 7  # preference for recalling a day later (retrospective, summary-like sentences)
NAMED_BONUS = 0.0       # extra preference when the day is named by its month ("on April 20")
SAME_DAY_VOTE = 0.25    # weight of a reference to the publication day itself ("today", "on Tuesday" in a Tuesday story)

# --- fast day references (default; see the module docstring) -----------------------------------------------
_MONTHS = {"Jan": 1, "January": 1, "Feb": 2, "February": 2, "Mar": 3, "March": 3, "Apr": 4, "April": 4, "May": 5,
           "Jun": 6, "June": 6, "Jul": 7, "July": 7, "Aug": 8, "August": 8, "Sep": 9, "Sept": 9,
           "September": 9, "Oct": 10, "October": 10, "Nov": 11, "November": 11, "Dec": 12, "December": 12}
_WEEKDAYS = {d: i for i, d in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                         "Sunday"))}
_MON = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_DAY_RX = re.compile(
    rf"\b(?P<m1>{_MON})\b\.?\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y1>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON})\b\.?(?:\s*,?\s*(?P<y2>(?:19|20)\d\d)\b)?"
    r"|\b(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)\b"
    r"|\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"
    r"|\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast night|[Tt]his (?:morning|afternoon|evening))\b")
_FUTURE = re.compile(r"\b(?:will|next|scheduled|due to|expected to|plans? to|set to|is to|are to)\b")
_REL = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}


def _ymd(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def fast_day_refs(text: str, base: date, explicit: bool = False) -> list[tuple]:
    """(offset, date ordinal) of day-precise references in ``text`` published on ``base``.

    Covers what carries a day in news text: "April 20", "20 April", "April 20 , 2010", ISO dates, weekday names
    (the latest such day on or before publication, the next one after "will/next/scheduled ..." in the 50
    characters before) and yesterday/today/tonight/tomorrow/last night/this morning. Month names are
    case-sensitive, so the modal "may" is no month. With ``explicit`` each item also says whether the day was
    named by its month (rather than by weekday or "yesterday").
    """
    out = []
    for m in _DAY_RX.finditer(text):
        g = m.group
        d = None
        if g("m1") or g("m2"):
            mon = _MONTHS[g("m1") or g("m2")]
            day = int(g("d1") or g("d2"))
            year = g("y1") or g("y2")
            if year:
                d = _ymd(int(year), mon, day)
            else:
                d = _ymd(base.year, mon, day)
                if d is not None and d.toordinal() > base.toordinal() + 31:
                    d = _ymd(base.year - 1, mon, day)
                elif d is not None and d.toordinal() < base.toordinal() - 335:
                    d = _ymd(base.year + 1, mon, day)
        elif g("iy"):
            d = _ymd(int(g("iy")), int(g("im")), int(g("id")))
        elif g("wd"):
            back = (base.weekday() - _WEEKDAYS[g("wd")]) % 7
            if _FUTURE.search(text, max(0, m.start() - 50), m.start()):
                d = base + timedelta(days=(7 - back) % 7 or 7)
            else:
                d = base - timedelta(days=back)
        else:
            rel = g("rel").lower()
            d = base + timedelta(days=_REL.get(rel, 0))
        if d is not None:
            out.append((m.start(), d.toordinal(), bool(g("m1") or g("m2") or g("iy"))) if explicit
                       else (m.start(), d.toordinal()))
    return out


def _timex_refs(text: str, base: date, s: int, e: int) -> list[int]:
    """Day references by ``parley.timex`` (complete, but about 170 us a sentence)."""
    try:
        times = find_times(text, base, s, e)
    except (ValueError, OverflowError):  # e.g. "7,000 years ago" beyond the calendar: no day reference
        return []
    out = []
    for t in times:
        if t.value and t.precision == "day" and t.kind in DAY_KINDS and len(t.value) == 10:
            try:
                out.append(date.fromisoformat(t.value).toordinal())
            except ValueError:
                continue
    return out


@dataclass
class Collection:
    """A prepared article collection (see ``prepare``)."""

    ids: list[str]
    pub: list[int]                      # publication date ordinal per article
    texts: list[str]
    sent_art: list[int] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    first: list[int] = field(default_factory=list)            # index of each article's first sentence
    refs: list[list[int]] = field(default_factory=list)       # day ordinals each sentence refers to
    named: set = field(default_factory=set)                   # (sentence, day) where the day is named by month
    df: Counter = field(default_factory=Counter)              # article frequency of stemmed terms
    cache: dict = field(default_factory=dict)                 # sentence index -> (terms, token count)

    @property
    def n_sents(self) -> int:
        return len(self.spans)

    def terms(self, i: int) -> tuple[Counter, int]:
        got = self.cache.get(i)
        if got is None:
            s, e = self.spans[i]
            got = self.cache[i] = _terms(self.texts[self.sent_art[i]][s:e])
        return got


def _base(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_STEMS: dict[str, str | None] = {}


def _stems(words) -> list[str]:
    out = []
    for w in words:
        st = _STEMS.get(w, "")
        if st == "":
            st = _STEMS[w] = None if w in stopwords() or w.isdigit() else stem(w)
        if st is not None:
            out.append(st)
    return out


def _terms(text: str) -> tuple[Counter, int]:
    words = _WORD.findall(text.lower())
    return Counter(_stems(words)), len(words)


def prepare(articles: list[dict], timex: bool = False) -> Collection:
    """Split articles into sentences and find the days each sentence refers to.

    ``timex=True`` uses ``parley.timex.find_times`` per sentence instead of ``fast_day_refs``.
    """
    arts = [(a, _base(a.get("time"))) for a in articles if a.get("text")]
    arts = [(a, b) for a, b in arts if b is not None]
    coll = Collection(ids=[str(a["id"]) for a, _ in arts], pub=[b.toordinal() for _, b in arts],
                      texts=[a["text"] for a, _ in arts])
    use_timex = timex and find_times is not None
    for ai, (a, base) in enumerate(arts):
        text = a["text"]
        spans = split_sentences(text)
        coll.first.append(len(coll.spans))
        coll.sent_art.extend([ai] * len(spans))
        coll.spans.extend((s, e) for s, e in spans)
        if use_timex:
            coll.refs.extend(_timex_refs(text, base, s, e) for s, e in spans)
        else:
            refs: list[list[int]] = [[] for _ in spans]
            starts = [s for s, _ in spans]
            for off, d, named in fast_day_refs(text, base, explicit=True):
                k = bisect_right(starts, off) - 1
                if k >= 0:
                    refs[k].append(d)
                    if named:
                        coll.named.add((len(coll.spans) - len(spans) + k, d))
            coll.refs.extend(refs)
        coll.df.update(set(_stems(_WORD.findall(text.lower()))))
    coll.first.append(len(coll.spans))
    return coll


def _vec(coll: Collection, i: int, idf: dict) -> dict[str, float]:
    v = {t: (1 + math.log(c)) * idf.get(t, 0.0) for t, c in coll.terms(i)[0].items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


def _dot(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b[t] for t, x in a.items() if t in b)


def _good(coll: Collection, i: int) -> bool:
    n = coll.terms(i)[1]
    if not (_MIN_TOKENS <= n <= _MAX_TOKENS):
        return False
    s, e = coll.spans[i]
    text = coll.texts[coll.sent_art[i]][s:e]
    return "|" not in text and not text.rstrip().endswith("?")


def summarize(coll: Collection, dates: int | None = None, sentences: int | None = None, query: str | None = None,
              start: str | None = None, end: str | None = None) -> list[dict]:
    """The timeline of a prepared collection from the articles published in [start, end] (ISO dates, inclusive);
    with ``start`` given only days in [start, end] are chosen."""
    lo = date.fromisoformat(start).toordinal() if start else min(coll.pub, default=0)
    hi = date.fromisoformat(end).toordinal() if end else max(coll.pub, default=0)
    arts = [ai for ai, p in enumerate(coll.pub) if lo <= p <= hi]
    # without an explicit span, days up to a year before the first article may be chosen (background events)
    dlo = lo if start else lo - 366
    if not arts:
        return []
    qterms = set(_terms(query)[0]) if query else set()

    def qweight(i: int) -> float:
        if not qterms:
            return 1.0
        return 1.0 if qterms & coll.terms(i)[0].keys() else 0.5

    # --- date votes: one per (article, referred day), plus half a vote per article published that day
    votes: dict[int, float] = defaultdict(float)
    ref_sents: dict[int, list[int]] = defaultdict(list)
    by_pub: dict[int, list[int]] = defaultdict(list)
    for ai in arts:
        pub = coll.pub[ai]
        by_pub[pub].append(ai)
        seen: set[int] = set()
        for i in range(coll.first[ai], coll.first[ai + 1]):
            for d in coll.refs[i]:
                if dlo <= d <= hi and d <= pub:
                    ref_sents[d].append(i)
                    if d not in seen:
                        seen.add(d)
                        votes[d] += qweight(i) * (SAME_DAY_VOTE if d == pub else 1.0)
    score = {d: votes.get(d, 0.0) + PUB_WEIGHT * len(by_pub.get(d, ())) for d in set(votes) | set(by_pub)}
    if dates is None:
        dates = min(20, max(5, sum(1 for v in votes.values() if v >= 2)))
    k = sentences if sentences is not None else 2
    ranked = sorted(score, key=lambda d: (-score[d], d))
    n_arts = max(len(coll.ids), 1)
    idf = {t: math.log(n_arts / df) + IDF_ADD for t, df in coll.df.items()}

    chosen_vecs: list[dict] = []
    out = []
    for d in ranked:
        if len(out) >= dates:
            break
        cands: dict[int, float] = {}
        for i in ref_sents.get(d, []):
            if _good(coll, i):
                lag = coll.pub[coll.sent_art[i]] - d
                cands[i] = 1.0 + NAMED_BONUS * ((i, d) in coll.named) + LATE_BONUS * min(1.0, lag / LATE_DAYS)
        for day in (d, d + 1):
            for ai in by_pub.get(day, ()):
                for i in range(coll.first[ai], min(coll.first[ai] + LEAD, coll.first[ai + 1])):
                    if i not in cands and all(r == d for r in coll.refs[i]) and _good(coll, i):
                        cands[i] = 0.0
        if not cands:
            continue
        vecs = {i: _vec(coll, i, idf) for i in cands}
        centroid: dict[str, float] = defaultdict(float)
        for v in vecs.values():
            for t, x in v.items():
                centroid[t] += x
        cnorm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
        gain = {i: _dot(v, centroid) / cnorm * (1.0 + REF_BONUS * cands[i]) * qweight(i)
                * (coll.terms(i)[1] / 20) ** LENGTH_WEIGHT for i, v in vecs.items()}
        picked: list[int] = []
        for i in sorted(gain, key=lambda j: (-gain[j], j)):
            if len(picked) >= k:
                break
            v = vecs[i]
            if any(_dot(v, vecs[j]) > REDUNDANCY for j in picked) \
                    or any(_dot(v, c) > REDUNDANCY for c in chosen_vecs):
                continue
            picked.append(i)
        if not picked:
            continue
        chosen_vecs.extend(vecs[i] for i in picked)
        evidence, sents, sources = [], [], []
        for i in picked:
            ai = coll.sent_art[i]
            s, e = coll.spans[i]
            sents.append(coll.texts[ai][s:e])
            evidence.append([coll.ids[ai], s, e])
            if coll.ids[ai] not in sources:
                sources.append(coll.ids[ai])
        support = sorted({coll.ids[coll.sent_art[i]] for i in ref_sents.get(d, [])} - set(sources))
        out.append({"date": date.fromordinal(d).isoformat(), "sentences": sents, "sources": sources + support,
                    "evidence": evidence, "score": round(score[d], 3)})
    out.sort(key=lambda e: e["date"])
    return out


def build_timeline(articles: list[dict], dates: int | None = None, sentences: int | None = None,
                   query: str | None = None) -> list[dict]:
    """Timeline of ``articles`` (``{"id", "time", "title"?, "text"}``): at most ``dates`` dates, ``sentences``
    sentences each, sorted by date; each entry ``{"date", "sentences", "sources", "evidence", "score"}`` where
    ``evidence[i] = [article_id, start, end]`` locates ``sentences[i]`` in that article's text."""
    return summarize(prepare(articles), dates=dates, sentences=sentences, query=query)
