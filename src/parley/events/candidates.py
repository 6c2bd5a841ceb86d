"""Event candidates: the parts of a document the events stage reads — the optional dependency parse, each sentence's
actor mentions (nested mentions keep the longer one) and a sentence's opening subject pronoun standing for the
person named just before.

Why a module of its own: roles, dating and the stage all read mentions the same way; keeping that reading in one
place keeps the three consistent.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from parley.document import Document


def parse_doc(doc: Document, ctx):
    """A spaCy Doc over ``doc.text`` from ``parley.nlp.parsed`` when that module and spaCy are available."""
    try:
        from parley import nlp  # noqa: PLC0415 — optional, may be absent
    except ImportError:
        return None
    try:
        return nlp.parsed(doc, ctx)
    except Exception:  # noqa: BLE001 — a parser failure must not stop the stage; the rules take over
        return None


class DocIndex:
    """Sorted mentions, times and paragraphs of one document, so that each sentence reads its own in
    O(log n + k) (issue 15: the stage scanned every mention and time expression of the article per sentence and
    per trigger)."""

    def __init__(self, doc: Document):
        ms = sorted((ms, me, a) for a in doc.actors for ms, me in a.mentions)
        self._ms = [(a, b, x) for a, b, x in ms]
        self._ms_starts = [m[0] for m in self._ms]
        self.times = sorted(doc.times, key=lambda t: (t.start, t.end))
        self._t_starts = [t.start for t in self.times]
        self.paragraphs = sorted((a, b) for a, b in doc.paragraphs)
        self._p_starts = [p[0] for p in self.paragraphs]
        self.sent_starts = [s for s, _ in doc.sentences]
        qs = [(q.start, i, q) for i, q in enumerate(doc.quotes)]
        qs += [(q.speaker_span[0], i, q) for i, q in enumerate(doc.quotes) if q.speaker_span]
        qs.sort(key=lambda x: (x[0], x[1]))
        self._quotes = qs
        self._q_starts = [x[0] for x in qs]
        self.actors = {a.id: a for a in doc.actors}
        self.cache: dict = {}

    def quotes_in(self, s: int, e: int) -> list:
        """Quotes that start, or whose speaker mention starts, in [s, e), each once, in document order."""
        out, seen = [], set()
        for _, i, q in self._quotes[bisect_left(self._q_starts, s):bisect_left(self._q_starts, e)]:
            if i not in seen:
                seen.add(i)
                out.append((i, q))
        return [q for _, q in sorted(out, key=lambda x: x[0])]

    def mentions(self, s: int, e: int) -> list[tuple[int, int, object]]:
        out = []
        for i in range(bisect_left(self._ms_starts, s), len(self._ms)):
            ms, me, a = self._ms[i]
            if ms >= e:
                break
            if me <= e:
                out.append((ms - s, me - s, a))
        return out

    def times_in(self, s: int, e: int) -> list:
        lo, hi = bisect_left(self._t_starts, s), bisect_left(self._t_starts, e)
        return self.times[lo:hi]

    def paragraph(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self._p_starts, pos) - 1
        if i >= 0 and self.paragraphs[i][0] <= pos < self.paragraphs[i][1]:
            return self.paragraphs[i]
        return None

    def sentences_between(self, a: int, b: int) -> range:
        """Indices of the sentences that start in [a, b)."""
        return range(bisect_left(self.sent_starts, a), bisect_left(self.sent_starts, b))


def doc_index(doc: Document, rebuild: bool = False) -> DocIndex:
    """The document's index, built once per stage run (``rebuild`` at the start of the stage)."""
    idx = getattr(doc, "_event_index", None)
    if idx is None or rebuild:
        idx = DocIndex(doc)
        doc._event_index = idx  # a private attribute: not a dataclass field, never serialised
    return idx


def sentence_mentions(doc: Document, s: int, e: int) -> list[tuple[int, int, object]]:
    """Actor mentions inside [s, e), relative offsets, in order; nested mentions keep the longer one."""
    out = doc_index(doc).mentions(s, e)
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept = []
    for m in out:
        if kept and m[0] < kept[-1][1]:
            continue
        kept.append(m)
    return kept


# "He …", or "He" after an opening adverbial that names no one ("In addition, he …", "On Monday, she …",
# "Later that day, he …"): the sentence's subject pronoun
OPENING_PRONOUN = re.compile(r"(?:[A-Z][^,;:\"“”]{0,40}?,\s+)?(?P<p>[Hh]e|[Ss]he)\b")


def pronoun_subject(doc: Document, si: int, mentions) -> list[tuple[int, int, object]]:
    """A sentence whose subject is "He"/"She" ("He remains influential despite stepping down …", "In addition, he
    canceled …"): the pronoun as a mention of the person the nearest earlier sentence names first (up to three
    sentences back), the usual antecedent of a sentence-initial subject pronoun. Its span is the pronoun, so the
    evidence shows it. ``mentions``: the sentence's own (a mention before the pronoun makes it no opening
    subject: "After Obama spoke, he …" has its antecedent in the sentence)."""
    s, e = doc.sentences[si]
    pron = OPENING_PRONOUN.match(doc.text[s:e])
    if not pron or (mentions and mentions[0][0] < pron.end("p")):
        return []
    for sj in range(si - 1, max(-1, si - 4), -1):
        persons = [x for x in sentence_mentions(doc, *doc.sentences[sj]) if getattr(x[2], "type", "") == "person"]
        if persons:
            return [(pron.start("p"), pron.end("p"), persons[0][2])]
    return []


def inside(pos: int, spans) -> bool:
    """``pos`` lies in one of ``spans`` (sorted by start): a bisection, then the few spans that may still reach
    over ``pos`` (quotes rarely nest)."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    for j in range(i, max(-1, i - 4), -1):
        if spans[j][0] <= pos < spans[j][1]:
            return True
    return False

