"""Paragraphs and sentences with character offsets into the cleaned text.

Rule-based on purpose: no model to download, and on news text a good abbreviation list gives the same
splits as heavier splitters at a fraction of the cost. Choices:

- a paragraph is a run of non-blank lines; cleaned text separates paragraphs with blank lines; a line break
  always ends a sentence (T17-style input has one sentence per line);
- a sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus any closing quotes/brackets) followed by space and an
  upper-case letter, digit or opening quote — unless the word before is a known abbreviation ("Sept.",
  "U.N.", "Mr."), a single initial ("J."), or the break is inside an open quotation in the same paragraph
  (so a quoted passage of several sentences stays one sentence, attributed as a whole).
"""

from __future__ import annotations

import re

from parley.document import Document

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep rev st sr jr mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol pp fig inc ltd co corp bros dept est approx vs etc al
    u.s u.n u.k e.u u.s.a a.m p.m i.e e.g d.c""".split()
)

OPEN_QUOTES = "“‘«"
CLOSE_QUOTES = "”’»"
_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_BOUNDARY = re.compile(r"(?:[.!?]+|…)[\"”’'»)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def paragraphs(text: str) -> list[list[int]]:
    """Offsets of paragraphs (runs of non-blank lines), stripped of surrounding spaces."""
    spans = []
    for m in _PARA.finditer(text):
        s, e = _strip(text, m.start(), m.end())
        if s < e:
            spans.append([s, e])
    return spans


def sentences(text: str, start: int = 0, end: int | None = None) -> list[list[int]]:
    """Sentence offsets within ``text[start:end]``; a line break always ends a sentence."""
    end = len(text) if end is None else end
    out: list[list[int]] = []
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        out.extend(_line_sentences(text, line_start, line_end))
        line_start = line_end + 1
    return out


def _line_sentences(text: str, start: int, end: int) -> list[list[int]]:
    out: list[list[int]] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        if _is_abbreviation(text, cur, m.start(), m.group()) or _inside_quote(text, cur, stop):
            continue
        s, e = _strip(text, cur, stop)
        if s < e:
            out.append([s, e])
        cur = stop
    s, e = _strip(text, cur, end)
    if s < e:
        out.append([s, e])
    return out


def segment(doc: Document, ctx=None) -> Document:
    """Pipeline stage: fill ``doc.paragraphs`` and ``doc.sentences``."""
    doc.paragraphs = paragraphs(doc.text)
    doc.sentences = [s for p0, p1 in doc.paragraphs for s in sentences(doc.text, p0, p1)]
    return doc


def sentence_index(doc: Document, offset: int) -> int:
    """Index of the sentence that contains ``offset`` (or the last one starting before it)."""
    lo, hi = 0, len(doc.sentences) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if doc.sentences[mid][0] <= offset:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return best


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_abbreviation(text: str, cur: int, pos: int, punct: str) -> bool:
    if not punct.startswith(".") or punct.startswith(".."):
        return False
    m = _WORD_BEFORE.search(text, max(cur, pos - 12), pos + 1)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    return word.lower().rstrip(".") in ABBREVIATIONS


def _inside_quote(text: str, cur: int, stop: int) -> bool:
    """True when a quotation opened in text[cur:stop] is still open at ``stop``."""
    chunk = text[cur:stop]
    depth = 0
    for ch in chunk:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
    if depth:
        return True
    # straight double quotes toggle; an odd count means one is open
    return chunk.count('"') % 2 == 1
