"""Event candidates: the parts of a document the events stage reads — the optional dependency parse, each sentence's
actor mentions (nested mentions keep the longer one) and a sentence-initial pronoun standing for the person named
just before.

Why a module of its own: roles, dating and the stage all read mentions the same way; keeping that reading in one
place keeps the three consistent.
"""

from __future__ import annotations

import re

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


def sentence_mentions(doc: Document, s: int, e: int) -> list[tuple[int, int, object]]:
    """Actor mentions inside [s, e), relative offsets, in order; nested mentions keep the longer one."""
    out = []
    for a in doc.actors:
        for ms, me in a.mentions:
            if s <= ms and me <= e:
                out.append((ms - s, me - s, a))
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept = []
    for m in out:
        if kept and m[0] < kept[-1][1]:
            continue
        kept.append(m)
    return kept


def pronoun_subject(doc: Document, si: int, mentions) -> list[tuple[int, int, object]]:
    """A sentence that opens with "He"/"She" ("He remains influential despite stepping down …"): the pronoun as a
    mention of the person the nearest earlier sentence names first (up to three sentences back), the usual
    antecedent of a sentence-initial subject pronoun. Its span is the pronoun, so the evidence shows it.
    ``mentions``: the sentence's own (a mention at its start is no pronoun)."""
    s, e = doc.sentences[si]
    pron = re.match(r"(?:He|She)\b", doc.text[s:e])
    if not pron or (mentions and mentions[0][0] == 0):
        return []
    for sj in range(si - 1, max(-1, si - 4), -1):
        persons = [x for x in sentence_mentions(doc, *doc.sentences[sj]) if getattr(x[2], "type", "") == "person"]
        if persons:
            return [(0, pron.end(), persons[0][2])]
    return []


def inside(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)
