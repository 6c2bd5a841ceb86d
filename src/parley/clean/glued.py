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
NEVER_LAST = frozenset("""the a an of to in on at for with by from into and or but as than that about""".split())
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


SENTENCE_END = re.compile(r"[.!?]\s+(?:[`'\"“‘]+\s*)?[A-Z]")


def split_glued(content: str) -> str:
    """``content`` with a line break at each glued caption or headline junction (see the module doc); the text is
    otherwise unchanged. The first line is cut only where no sentence ends before the junction: a run of prose
    cut there would leave its first piece, with no closing stop, to be read as the title and dropped from the body
    ("… met Elsa Marr in the capital . Later forces loyal to Tomas Brell The crew …")."""
    first, nl, rest = content.lstrip("\n").partition("\n")
    lead = content[:len(content) - len(content.lstrip("\n"))]
    j = JUNCTION.search(first)
    if j is not None and SENTENCE_END.search(first, 0, j.start("prev")):
        return lead + first + nl + JUNCTION.sub(_cut, rest)
    return JUNCTION.sub(_cut, content)


def _cut(m: re.Match) -> str:
    prev = m.group("prev")
    if prev.lower() in NEVER_LAST or STAMP_BEFORE.search(m.string, max(0, m.start() - 8), m.end("prev")):
        return m.group()
    if (m.group("place") or m.group("letter") or m.group("namelike")) and not prev.islower():
        return m.group()
    if m.group("letter") and prev in LETTER_NAMERS:
        return m.group()
    return prev + "\n"
