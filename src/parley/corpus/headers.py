"""Sentence-opening headers a timeline entry leaves out: datelines, live-blog time stamps, opening asides.

Why: a news sentence often opens with furniture that is not part of what it reports — a dateline ("TRIPOLI
(Reuters) -", "Benghazi , Libya -LRB- CNN -RRB- --", "NEW ORLEANS --"), a live blog's time stamp ("LIBYA ,
5:29 p.m. ET , 12:29 a.m. local :") or an opening parenthesis ("(Update 2:45 p.m. in Cairo , 7:45 a.m. ET)").
As a timeline summary it is noise: the entry carries its own date and sources. ``body_start`` says where the
sentence proper begins, so the summary (and its evidence offsets) start there. Sentence splitting, day
references and the article's term counts still see the whole text.

The forms are those of wire and web news (the Penn Treebank ``-LRB-``/``-RRB-`` of tokenized text included);
a header needs a dash or colon after it and a capital (or opening quote) after that, so "President Obama --
who ..." or "BP - and Mr Hayward" keep their opening. Reader comments' headers ("At 11:43 am on 29 May 2009 ,
X wrote :") are left alone: the comment stays recognisably a comment.
"""

from __future__ import annotations

import re

_OPEN, _CLOSE = r"(?:-LRB-|\()", r"(?:-RRB-|\))"
_DASH = r"(?:--|-|\u2013|\u2014)"
_PLACE = r"[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3}"
_NEXT = r"(?=[A-Z0-9\"\u201c`])"
# "Tripoli , Libya (CNN) --", "WASHINGTON (AP) --", "UNITED NATIONS (Reuters) -"
_AGENCY = re.compile(rf"[ \t]*{_PLACE}(?:[ \t]*,[ \t]*{_PLACE}){{0,2}}[ \t]*{_OPEN}[ \t]*[A-Z][\w.&' ]{{0,30}}?[ \t]*"
                     rf"{_CLOSE}[ \t]*{_DASH}[ \t]+{_NEXT}")
# "NEW ORLEANS --", "ORANGE BEACH , Ala. --": a place in capitals, maybe its state or country
_CAPS = re.compile(rf"[ \t]*[A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]+){{0,2}}(?:[ \t]*,[ \t]*{_PLACE}){{0,2}}[ \t]*{_DASH}"
                   rf"[ \t]+{_NEXT}")
# "LIBYA , 5:29 p.m. ET , 12:29 a.m. local :"
_STAMP = re.compile(rf"[ \t]*[A-Z][A-Z .'-]{{0,30}}[ \t]*,[ \t]*\d{{1,2}}(?::\d\d)?[ \t]*[ap]\.?m\.?(?:[^:\n]|(?<=\d):(?=\d)){{0,50}}?:[ \t]+"
                    rf"{_NEXT}")
# "(Update 2:45 p.m. in Cairo , 7:45 a.m. ET)", "-LRB- 12:26 p.m. Monday ET , 6:26 p.m. Monday in Libya -RRB-"
_ASIDE = re.compile(rf"[ \t]*{_OPEN}[^()\n]{{0,80}}?{_CLOSE}[ \t]+{_NEXT}")
_FORMS = (_AGENCY, _STAMP, _ASIDE, _CAPS)


def body_start(text: str, start: int, end: int) -> int:
    """Where the sentence ``text[start:end]`` begins after its headers (``start`` when it has none); a
    sentence that would be left with fewer than three words keeps its opening."""
    pos = start
    for _ in range(3):  # "WASHINGTON -- WASHINGTON (AP) -- Overwhelmed ...": headers repeat
        for form in _FORMS:
            m = form.match(text, pos, end)
            if m:
                pos = m.end()
                break
        else:
            break
    if pos > start and len(text[pos:end].split()) < 3:
        return start
    return pos
