"""Caption and headline runs glued into a line of plain text, split back into lines.

Why: plain-text news dumps (Timeline17's BBC, Guardian and CNN files, many scrapes) print a photo caption, a pull
quote or a story highlight with no closing punctuation and run it straight into the next sentence on the same line:
"Of the 108 people killed on 25 May , 49 were children Syrian troops and militia were behind …", "No more than 20
appeared to have been killed by shellfire A government investigation blames armed groups …", "… the panic in the
UK An electron micrograph of …". Read as one sentence the caption's words became the next sentence's actor or
event (issue 16: "shellfire A government investigation blames" was an ACCUSE of the wrong sides; item j of the
round's list). The junction is plain to see where a sentence-opening function word ("The", "A", "In", "But",
"Meanwhile", …) is capitalised after a word with no punctuation between and is followed by a lower-case word:
running prose capitalises none of them mid-sentence. "The Hague", "The Times" (a capital after "The") and "Plan A
is", "influenza A virus" (a letter name after a capitalised word or a naming noun) are not junctions.

Two more junctions, both seen in headlines glued to the lede (issue 16: the headline's words became a false
event, or took the lede's event's place): a quotation closed on a word and followed straight by a capitalised word
("… vow to continue ` partnership ' British Foreign Secretary … called", "‘so big so fast’ Government : …"):
headlines quote in single quotes, running prose in double ones ("`` settlement '' BP agreed", "'' French Foreign
Minister Alain Juppe said" are prose: not cut), and a quoted capitalised name ("` Mo ' Hassan") is no junction; and on a
first line that opens with a headline label ("Obama : I told X he must deliver on his promises President Barack
Obama spoke with …"), the first lower-case word (no article or preposition) within twelve words that is followed
by a run of two or more capitalised words and a lower-case word (the lede's named subject and its verb), with ten
words or more from there to the first stop (a lede; a headline alone on its line is not cut). The label is mixed case: an all-capitals "CAIRO :" is a
dateline before prose, where "met President Hosni Mubarak on" is no junction.
"""

from __future__ import annotations

import re

# sentence-opening words that running prose never capitalises mid-sentence (a title after them is excluded by
# the lower-case word that must follow)
OPENERS = "The|An|In|On|At|But|Among|It|He|She|They|We|This|These|Those|Meanwhile|However"
# "type A virus", "vitamin A deficiency": a letter name, not the article "A"
LETTER_NAMERS = frozenset("""type types vitamin hepatitis influenza flu plan grade class group section category item
option exhibit appendix annex schedule part side team division level box row gate terminal block building wing ward
route star size list series pool""".split())
# no sentence ends on an article, preposition or conjunction ("as part of In New Music We Trust")
NEVER_LAST = frozenset("""the a an of to in on at for with by from into and or but as than that about behind during near
against after before over under between among across through toward towards outside inside beyond without within via
including like upon onto off past around along amid despite""".split())
# "intervention In Azaz , rescuers …": a fronted place after a lower-case word ("Laughter In The Rain", a title, has
# a capital before it)
# … of which these may be a name after a capitalised word ("Hun Many rejected …"): only after a lower-case one
NAMELIKE = "Many|Several|Most|Some|His|Her|Their"
JUNCTION = re.compile(rf"\b(?P<prev>[\w'-]+)[ \t]+(?=(?P<namelike>(?:{NAMELIKE})[ \t]+[a-z])|(?:{OPENERS})[ \t]+[a-z]|(?P<place>In[ \t]+[A-Z][\w'-]*[ \t]*,)|"
                      r"(?P<letter>A[ \t]+[a-z]))")
# "Monday 14 February 2005 17.14 GMT The first full day …": a dated timestamp opens the lede, where the
# publication-date rules read it (as ``clean.header`` keeps a dated dateline in the body)
STAMP_BEFORE = re.compile(r"(?:\b\d{1,2}[.:]\d\d(?:\s*[ap]\.?m\.?)?|\b(?:GMT|BST|UTC|EST|EDT|CET|CEST|PST|PDT|ET))\s*$",
                          re.I)


# a quotation closed on a word, then a capitalised word: the opener is checked in ``_opened``
QUOTE_JUNCTION = re.compile(r"(?<=\w)(?:[ \t]+(?P<close>')|(?P<curly>’))[ \t]+(?=[A-Z][\w.'-]*[ \t]+\S)")
OPENERS_OF = {"'": "`", "’": "‘"}
# a headline label opening the first line ("Syria crisis :", "Tony Hayward :"), one to four words, not all capitals
LABEL = re.compile(r"[ \t]*(?=[^:\n]*[a-z])[A-Z][\w.'-]*(?:[ \t]+[\w.'-]+){0,3}[ \t]*:[ \t]")
LEDE_WORDS = 10  # the lede's first sentence is long; "The Latest: Sanders wins Minnesota Democratic caucuses." is
# a headline alone on its line
HEADLINE_WORDS = 12  # a headline after its label is short; a run further on is inside the lede ("meets Libyan leader
# Moammar Gadhafi in a tent")
# after the label: a lower-case word, then two or more capitalised words and a lower-case word
LEDE_SUBJECT = re.compile(r"(?<![\w'’])[a-z][\w'-]*[ \t]+(?=[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*)+[ \t]+[a-z])")

SENTENCE_END = re.compile(r"[.!?]\s+(?:[`'\"“‘]+\s*)?[A-Z]")


def split_glued(content: str) -> str:
    """``content`` with a line break at each glued caption or headline junction (see the module doc); the text is
    otherwise unchanged. The first line is cut only where no sentence ends before the junction: a run of prose
    cut there would leave its first piece, with no closing stop, to be read as the title and dropped from the body
    ("… met Elsa Marr in the capital . Later forces loyal to Tomas Brell The crew …")."""
    first, nl, rest = content.lstrip("\n").partition("\n")
    lead = content[:len(content) - len(content.lstrip("\n"))]
    first = _cut_label_headline(first)
    content = lead + first + nl + rest
    j = JUNCTION.search(first)
    if j is not None and SENTENCE_END.search(first, 0, j.start("prev")):
        return lead + first + nl + _cut_all(rest)
    return _cut_all(content)


def _cut_all(text: str) -> str:
    return QUOTE_JUNCTION.sub(_cut_quote, JUNCTION.sub(_cut, text))


def _cut_label_headline(line: str) -> str:
    """A first line opening with a headline label, cut before the lede's subject (see the module doc)."""
    label = LABEL.match(line)
    if label is None:
        return line
    end = SENTENCE_END.search(line, label.end())
    stop = end.start() if end else len(line)
    j = next((m for m in LEDE_SUBJECT.finditer(line, label.end(), stop) if m.group().split()[0] not in NEVER_LAST
              and len(line[label.end():m.end()].split()) <= HEADLINE_WORDS
              and len(line[m.end():stop].split()) >= LEDE_WORDS), None)
    return line if j is None else line[:j.end()].rstrip(" \t") + "\n" + line[j.end():]


def _cut_quote(m: re.Match) -> str:
    close = m.group("close") or m.group("curly")
    before = m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()]
    return m.group()[:m.end(m.lastindex) - m.start()] + "\n" if _opened(before, close) else m.group()


def _opened(before: str, close: str) -> bool:
    """Whether a quotation that ``close`` ends is open at the end of ``before`` (its line so far): PTB-style
    quotes are tokens of their own ("` x '", "`` x ''"; a lone "'" is also a plural possessive); a curly one is
    open when its opener comes after the last closer."""
    opener = OPENERS_OF[close]
    if close == "'":
        toks = before.split()
        for k in range(len(toks) - 1, -1, -1):
            if toks[k] in (close, opener):
                return toks[k] == opener and any(w[:1].islower() for w in toks[k + 1:])
        return False
    i = before.rfind(opener)
    return i >= 0 and close not in before[i:] and any(w[:1].islower() for w in before[i + 1:].split())


def _cut(m: re.Match) -> str:
    prev = m.group("prev")
    if prev.lower() in NEVER_LAST or STAMP_BEFORE.search(m.string, max(0, m.start() - 8), m.end("prev")):
        return m.group()
    if (m.group("place") or m.group("letter") or m.group("namelike")) and not prev.islower():
        return m.group()
    if m.group("letter") and prev in LETTER_NAMERS:
        return m.group()
    return prev + "\n"
