"""The byline and header stack glued to the first line of a plain-text article.

Why: plain-text news dumps (Timeline17's files, many scrapes) print the byline, headline and story highlights on
the first line with no sentence punctuation, run straight into the lede: "By the CNN Wire Staff NEW : An advocacy
group documents … Gadhafi The Al-Jazeera cameraman … -LRB- CNN -RRB- -- An Al-Jazeera cameraman was killed …".
Read as one sentence it gave the byline as an actor ("CNN Wire Staff") and coded each highlight again on top of
the body sentence that tells it. The wire dateline ("(CNN) --", "TRIPOLI (Reuters) -") is where the story proper
begins, so what stands before it on that line is header: a leading byline goes to the byline field, the rest is
kept as the article's standfirst (its own paragraph, so its own sentences; ``meta["standfirst_spans"]``) with an
undated dateline; a dated one starts the body (the publication-date rules read it there).

Wire pages printed as text also carry a page stamp before the dateline, "BENGHAZI , Libya | Mon Apr 11 , 2011
10:29 pm IST", glued to the headline before it and the lede after it, and a "Full Article" link label with the
teaser of another story on the lines above it (issue 17, item a: the teaser's "Holy Grail", the label's "Full
Article Libyan" and the time zone "IST" became actors, and the lede's events went to the label). ``split_stamp``
takes the stamp out as a byline (the publication-date rules read bylines first), puts the headline before it on a
line of its own, and drops what stands before an article label.
"""

from __future__ import annotations

import re

from parley.clean.lines import article_label

# "(CNN) --", "-LRB- Reuters -RRB- -", "WASHINGTON, March 5 (AP) —": an agency name in brackets, then a dash; an
# all-caps place name and a "Month Day" date before it belong to the dateline
_BRA, _KET = r"(?:\(|-LRB-)", r"(?:\)|-RRB-)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(rf"(?:\b[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*\s*,?\s*)?"
                      rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:\s*,\s*\d{{4}})?\s*)?{_BRA}\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*{_KET}\s*(?:--|-|—|–)\s")
# "By the CNN Wire Staff", "By Staff Reporter", "By Associated Press Writer": a byline that names no person ends at
# its staff word; "By Jane Doe , CNN" is not cut (where a person's name ends is not knowable here)
BYLINE = re.compile(r"^By\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,4}(?:Wire\s+)?(?:Staff|Writers?|Reporters?|"
                    r"Correspondents?)\b\s*")
# the wire page stamp: "[PLACE[ , Region][ , Month Day] | ]Wkd Mon D , YYYY H:MM am|pm [TZ]"
_WKD = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?"
STAMP = re.compile(rf"(?:\b[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*(?:\s*,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)?"
                   rf"(?:\s*,\s*{_MONTH}\s+\d{{1,2}})?\s*\|\s*)?\b{_WKD}\s+{_MONTH}\s+\d{{1,2}}\s*,\s*\d{{4}}\s+"
                   rf"\d{{1,2}}:\d\d\s*[AaPp]\.?[Mm]\b\.?(?:\s+[A-Z]{{2,5}}\b)?")
STAMP_WITHIN = 3  # non-empty lines from the top
MIN_HEADER_WORDS = 3
DATELINE_WITHIN = 8


def split_header(content: str) -> tuple[str | None, str | None, str]:
    """(byline, header, content without them). The first line is cut at a wire dateline that follows at least
    ``MIN_HEADER_WORDS`` words on it; a first line that opens with a byline and has no dateline is header as a whole
    when a dateline starts the story within the next ``DATELINE_WITHIN`` lines (the highlights ran over several
    lines); a byline alone is still cut off. (None, None, content) when none of these holds."""
    first, nl, rest = content.partition("\n")
    first = first.strip()
    b = BYLINE.match(first)
    byline = first[:b.end()].strip() if b else None
    if b:
        first = first[b.end():]
    m = DATELINE.search(first)
    if m is not None and len(first[:m.start()].split()) >= MIN_HEADER_WORDS:
        # an undated dateline goes with the header: its agency is no participant of the lede ("(CNN) -- A CNN
        # crew …" made CNN the actor); a dated one opens the body, where the publication-date rules read it
        cut = m.start() if m.group("date") else m.end()
        return byline, first[:cut].strip(), first[cut:].lstrip() + nl + rest
    if byline is None:
        return None, None, content
    if first.strip() and any(DATELINE.search(ln) for ln in rest.split("\n")[:DATELINE_WITHIN]):
        return byline, first.strip(), rest
    return byline, None, first.strip() + nl + rest


def split_stamp(content: str) -> tuple[str | None, str | None, str]:
    """(stamp, headline, content without them): the wire page stamp (``STAMP``) in one of the first
    ``STAMP_WITHIN`` non-empty lines is cut out; the words before it on its line are the headline (kept as the
    standfirst, as ``split_header`` keeps a header), the words after it (the dateline and lede) stay in place;
    where a line above it opens with an article label ("Full Article", ``page_chrome.yaml``), the lines before
    that line and the label itself are dropped (teasers of other stories). (None, None, content) when there is
    no stamp."""
    lines = content.split("\n")
    seen, at, m = 0, -1, None
    for k, ln in enumerate(lines):
        if not ln.strip():
            continue
        seen += 1
        m = STAMP.search(ln)
        if m is not None:
            at = k
            break
        if seen >= STAMP_WITHIN:
            break
    if m is None or at < 0:
        return None, None, content
    ln = lines[at]
    above, headline = lines[:at], ln[:m.start()].strip()
    if article_label(headline):
        above, headline = [], headline[article_label(headline):].strip()
    for h in range(len(above) - 1, -1, -1):
        cut = article_label(above[h])
        if cut:
            above = [above[h][cut:].strip()] + above[h + 1:]
            break
    kept = [x for x in above if x.strip()] + [ln[m.end():].strip()] + lines[at + 1:]
    return m.group().strip(), headline or None, "\n".join(kept)
