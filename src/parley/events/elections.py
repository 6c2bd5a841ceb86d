"""Elections: PLOVER 2024 has no election type (elections are its ``election`` context) and CAMEO has no election
code, so forcing one (SUPPORT, MOBILIZE …) would be a wrong coding. A *dated* election ("the July 28 polls", "the
2018 general election", "the election set to be held on July 29") becomes an untyped event — event, cameo, quad
and goldstein None, context ["election"], trigger the election noun — once per document and date; its actor is the
party that won/garnered N seats in that sentence, if any.
"""

from __future__ import annotations

import re

from parley.document import Document, Event
from parley.events.candidates import doc_index, sentence_mentions
from parley.events.dating import is_deadline, modified_span, time_value
from parley.events.roles import group_before

ELECT_WIN = re.compile(r"\b(?:to\s+)?(?:win|wins|won|winning|garner(?:s|ed)?|secur(?:e|es|ed)|t[ao]ok|take)\s+"
                       r"(?:all\s+|\d+\s+of\s+(?:the\s+)?)?(?:[\d,]+|\w+)\s+(?:\w+\s+)?seats\b", re.I)
ELECT_DATE_GAP = re.compile(r"^\s*(?:(?:was|were|is|are|will\s+be)\s+)?(?:(?:set|scheduled|slated|due|expected|"
                            r"planned)\s+(?:to\s+be\s+|for\s+)?)?(?:held\s+)?(?:in|on|of)?\s*$", re.I)


def election_events(doc: Document, elections, counts, make_event) -> list[Event]:
    """One untyped ``election`` event per dated election per document (see the module docstring); ``make_event``
    builds the record (the stage's own builder, so that ids and fields match its other events)."""
    out: list[Event] = []
    dates = set()
    for si, m in elections:
        s, e = doc.sentences[si]
        sent = doc.text[s:e]
        t = _election_time(doc, si, s + m.start, s + m.end)
        if t is None or t.value in dates:
            continue
        dates.add(t.value)
        winner, w_spans = [], []
        w = ELECT_WIN.search(sent)
        if w:
            mentions = sentence_mentions(doc, s, e)
            w_spans = group_before(sent, mentions, w.start())[-1:]
            winner = [x[2] for x in w_spans]
        when = time_value(t)
        fl = {"negated": False, "hypothetical": False,
              "future": bool(doc.published and t.value > doc.published[: len(t.value)])}
        fields = {"event": None, "mode": None, "context": ["election"], "cameo": None, "quad": None,
                  "goldstein": None}
        spans = {"trigger": (s + m.start, s + m.end), "actor": [[s + x[0], s + x[1]] for x in w_spans]}
        out.append(make_event(doc, s, e, counts, fields, winner, [], 0.8, sent[m.start:m.end], when, fl, spans,
                              "election"))
    return out


def _election_time(doc: Document, si: int, a: int, b: int):
    """The time attached to the election noun at [a, b): a premodifier ("the July 28 polls") or "held on X"."""
    s, e = doc.sentences[si]
    for t in doc_index(doc).times_in(s, e):
        if not t.value or t.kind in ("duration", "vague"):
            continue
        np = modified_span(doc.text, t, e)
        if np and np[0] <= a < np[1]:
            return t
        if t.end <= a and re.fullmatch(r"(?:’s|'s)?\s*(?:[a-z-]+\s+){0,2}", doc.text[t.end:a]) and \
                re.search(r"\b(?:the|a|an|its|their)\s+(?:[\w-]+\s+)?$", doc.text[max(s, t.start - 25):t.start]):
            return t
        if t.start >= b and ELECT_DATE_GAP.match(doc.text[b:t.start]) and not is_deadline(doc.text, t):
            return t
    return None
