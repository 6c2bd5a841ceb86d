"""Quote marks and quoted spans: which double marks open and close, and where each quote's words lie.

Double marks only (“ ” " „ « », NYT-style ''…'' written as two apostrophes, and the Penn Treebank's
``…'' that tokenized corpora such as Timeline17 write), mixed freely; the direction of each mark comes from its
neighbours, the glyph only breaks ties. Two backticks only ever open: no writing convention closes with them,
and tokenized text spaces them on both sides, so their neighbours say nothing; in a text that writes them, two
apostrophes only ever close (a quote running over two sentence lines closes with a spaced '' that its
neighbours would read as an opening). Single marks are never quote
marks at top level (apostrophes, single-quoted headlines), except in tokenized text that writes British single
quotes as a lone backtick (` Our great error , ' said Auden): there a lone ` opens and a lone ' with a space or
nothing on both sides closes a quote a lone ` opened ("n't", "Russia 's" touch a word; inside ``…'' both are
text, a nested quote).

A quote left open at a paragraph's end continues in the next paragraph either by reopening (the usual
convention: one segment per paragraph, chained by ``cues``) or, as some outlets and tokenized text write it,
without a reopening mark: then the next paragraph's first mark, when it closes, ends the quote, and the
paragraph's start up to it is the quote's next segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.quotes.lexicon import Lexicon, default_lexicon

DQ = "\"“”„«»"
OPENERS_CTX = "([{—–/:"
CLOSERS_CTX = ".,;:!?)]}—–…"
_MARK = re.compile("``|''|[" + DQ + "]")  # NYT style ''…'' is two apostrophes, PTB style ``…''
# tokenized British single quotes (` Our great error , ' said Auden): a lone backtick opens, a lone apostrophe
# spaced on its left closes (contractions and possessives touch a word on the right: "n't", "Russia 's")
_SINGLE_MARK = re.compile("``|''|(?<!`)`(?!`)|(?<![\\w'])'(?![\\w'])|[" + DQ + "]")
_SINGLE_TEXT = re.compile(r"(?:^|\s)`(?!`)\s")


@dataclass
class _Seg:
    open: int  # offset of the opening mark
    cs: int  # content start
    ce: int  # content end (before closing mark / cut comma)
    close: int  # offset just after the closing mark (== ce when unclosed)
    para: int
    closed: bool
    after: int | None  # where an attribution after the quote may start
    partial: bool = False




def find_segments(text: str, paragraphs: list[list[int]], lex: Lexicon | None = None) -> list[_Seg]:
    """Quoted spans (double marks, either glyph), one per contiguous span, with paragraph index."""
    lex = lex or default_lexicon()
    segs: list[_Seg] = []
    ptb = "``" in text  # Penn Treebank marks: '' then only ever closes
    single = _SINGLE_TEXT.search(text) is not None  # tokenized single quotes: ` opens, a spaced ' closes
    marks = _SINGLE_MARK if single else _MARK
    for pi, (p0, p1) in enumerate(paragraphs):
        open_at, ow = None, 1
        # the previous paragraph left a quote open (no ", he said" cut): a closing mark before any opening one
        # here ends that quote, continued without a reopening mark ("“We want new blood.¶But to talk of it is
        # ridiculous,” he told French TV.")
        carried = bool(segs) and segs[-1].para == pi - 1 and not segs[-1].closed and segs[-1].after is None
        for mk in marks.finditer(text, p0, p1):  # the marks only, not every character
            i, w = mk.start(), mk.end() - mk.start()
            if single and w == 1 and text[i] in "`'":
                # lone marks nested in a double quote are text (``… the word ` weblog ' …''); a lone ' closes
                # only a quote a lone ` opened
                o = open_at if open_at is not None else segs[-1].open if carried else None
                if o is not None and (text[o] != "`" or text[o + 1:o + 2] == "`"):
                    continue
                if text[i] == "'" and o is None:
                    continue
                d = "close" if text[i] == "'" else "open"
            else:
                d = "close" if ptb and w == 2 and text[i] == "'" else _direction(text, i, p0, p1, w)
            if d == "toggle":
                d = "close" if open_at is not None or carried else "open"
            if d == "close" and carried:
                segs.append(_Seg(p0, p0, i, i + w, pi, True, i + w))
            carried = False
            if d == "open" and open_at is None:
                open_at, ow = i, w
            elif d == "close" and open_at is not None:
                segs.append(_Seg(open_at, open_at + ow, i, i + w, pi, True, i + w))
                open_at = None
        if open_at is not None:
            seg = _Seg(open_at, open_at + ow, p1, p1, pi, False, None)
            cut = _trailing_cue(text, open_at + ow, p1, lex)
            if cut is not None:
                seg.ce, seg.close, seg.after = cut, cut, cut
            segs.append(seg)
    for seg in segs:
        seg.cs, seg.ce = _trim(text, seg.cs, seg.ce)
        seg.partial = _is_partial(text, seg, paragraphs[seg.para][0])
    return segs


def _direction(text: str, i: int, lo: int, hi: int, width: int = 1) -> str:
    if text[i] == "`":
        return "open"
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    left_open = prev.isspace() or prev in OPENERS_CTX
    right_close = nxt.isspace() or nxt in CLOSERS_CTX
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    if text[i] in "“„«":
        return "open"
    if text[i] in "”»":
        return "close"
    return "toggle"


def _trailing_cue(text: str, s: int, e: int, lex: Lexicon) -> int | None:
    """An unclosed quote ending ", he said." lacks its closing mark: return the offset of that comma."""
    m = re.search(r",\s+((?:[A-Za-z][\w’'-]*\s+){1,4}?)([a-z]+)\b[^,.;!?]{0,40}[.!]?\s*$", text[s:e])
    if not m or m.group(2) not in lex.cues:
        return None
    who = m.group(1).split()
    if len(who) == 1 and who[0].lower() in lex.pronouns or all(w[0].isupper() for w in who):
        return s + m.start()
    return None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _is_partial(text: str, seg: _Seg, p0: int) -> bool:
    """A quote embedded in running text (“a balance of power”), as opposed to one that stands as a sentence."""
    j = seg.open
    while j > p0 and text[j - 1].isspace():
        j -= 1
    if j <= p0:
        return False
    prev = text[j - 1]
    if prev in ".!?:'" or prev in DQ:
        return False
    if prev == "," and seg.cs < len(text) and text[seg.cs].isupper():
        return False
    return True

