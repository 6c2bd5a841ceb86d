"""Page layout that shows in an article's text and is not names: banner and headline-case lines, wire datelines.

Why its own module: the recognizer (``actors.recognize``) reads names from capitalised runs, and a news text
capitalises many words that are no name because of where they stand: headline text set in capitals ("SYRIA
CRISIS DEEPENS") or in headline case ("Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Shooting
Comments."), a label alone on its line ("ABSTRACT."), and a wire dateline's place and agency ("METAIRIE , LA. -",
"DADHKAI , India -LRB- Reuters -RRB- -"). These functions find them from the tokens and the text alone (issues 16
and 17: "Calls Hillary Clinton", "Obama Says African-American Museum Will Tell" and "ABSTRACT" were speakers,
"METAIRIE", "LA" and "YORK" organisations).
"""

from __future__ import annotations

import bisect
import re

from parley.actors.lexicon import Token
from parley.actors.mention import CUE_VERBS

# a wire dateline at a line's start: an all-capitals place, a comma, a region or state, maybe a date, then the
# agency in brackets or a dash ("METAIRIE , LA. -", "DADHKAI , India -LRB- Reuters -RRB-"): places, not names
DATELINE_PLACE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]+)*)[ \t]*,[ \t]*"
                            r"([A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*)?)?[ \t]*(?:,[ \t]*[A-Z][a-z]+\.?[ \t]+\d{1,2}[ \t]*)?"
                            r"(?:-LRB-|\(|--|-[ \t]|—|–)")
# words a headline leaves in lower case ("Tell of", "Over the"); a paragraph whose other words are all capitalised,
# at least HEADLINE_MIN of them, is in headline case (``headline_words``)
HEADLINE_SMALL = frozenset("a an the of to in on at for and or but by with from as vs via into over".split())
HEADLINE_MIN = 5
CONTRACTIONS = ("n't", "'ll", "'re", "'ve")


def dateline_places(text: str) -> list[tuple[int, int]]:
    """Character spans of the places of wire datelines that open a line (``DATELINE_PLACE``)."""
    return [(m.start(1), m.end(2) if m.group(2) else m.end(1)) for m in DATELINE_PLACE.finditer(text)]


def dateline_credit(text: str, s: int, e: int) -> bool:
    """text[s:e] is the agency in a wire dateline, "(Reuters) -", "-LRB- EWN -RRB- --": a credit of the copy, not a
    participant of the lede."""
    before, after = text[max(0, s - 8):s].rstrip(), text[e:e + 10].lstrip()
    if not before.endswith(("(", "-LRB-")):
        return False
    for close in (")", "-RRB-"):
        if after.startswith(close):
            return after[len(close):].lstrip()[:1] in ("-", "—", "–")
    return False


def banner_runs(toks: list[Token], text: str) -> set[int]:
    """Token indices of all-capitals runs that are headline or label text, not names: three or more all-capitals
    words in a row on one line ("SYRIA CRISIS DEEPENS"), or two or more before a colon ("FULL TEXT :"). A name
    set in capitals in such a run is still found by the dictionary pass."""
    out: set[int] = set()
    i, n = 0, len(toks)
    while i < n:
        j = i
        while j < n and toks[j].kind == "word" and len(toks[j].text) >= 2 and toks[j].text.isupper() and (
                j == i or "\n" not in text[toks[j - 1].e:toks[j].s]):
            j += 1
        if j - i >= 3 or (j - i >= 2 and j < n and toks[j].text == ":"):
            out.update(range(i, j))
        i = max(j, i + 1)
    return out


def headline_words(toks: list[Token], paragraphs, lower_vocab: set, org_words) -> set[int]:
    """Token indices of ordinary words set in headline case: in a paragraph of ``HEADLINE_MIN`` or more words where
    every word but the small ones is capitalised, a capitalised word the document also writes in lower case
    ("Calls", "Over", "Police"), a speech verb ("Says") or a contraction ("Won’t") is no part of a name, as a
    sentence-initial ordinary word is not (an organisation word such as "Council" stays); an all-capitals label
    alone on its line ("ABSTRACT.") neither."""
    out: set[int] = set()
    starts = [t.s for t in toks]
    for ps, pe in paragraphs:
        a, b = bisect.bisect_left(starts, ps), bisect.bisect_left(starts, pe)
        words = [x for x in range(a, b) if toks[x].kind == "word" and toks[x].text[:1].isalpha()]
        if len(words) == 1 and toks[words[0]].text.isupper() and len(toks[words[0]].text) >= 3:
            out.add(words[0])
            continue
        big = [x for x in words if toks[x].low not in HEADLINE_SMALL]
        if len(big) < HEADLINE_MIN or not all(toks[x].cap for x in big):
            continue
        out.update(x for x in big if (toks[x].low in lower_vocab or toks[x].low in CUE_VERBS
                                      or toks[x].low.endswith(CONTRACTIONS)) and toks[x].low not in org_words)
    return out
