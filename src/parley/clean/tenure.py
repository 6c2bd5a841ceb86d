"""Office tenures as date evidence: "Foreign Minister X" says the story was written while X held the office.

Why through ``ctx``: the dated roles live in the actor dictionaries, a later stage's data. The clean stage
does not import the actors package; it asks the context for the ``office_tenures`` resource, which the
pipeline provides (``parley.pipeline.wire``) and the context loads on first use. Without it (``clean`` run
alone on a bare Context, or no dictionary with dated roles) this evidence is simply absent.

The resource needs two things (``parley.actors.tenure.OfficeTenures``): ``titles``, one pattern for every
dated role title, and ``holder(text, pos)``, the dictionary person named at ``pos`` as (their dated roles as
(role, ISO start) pairs, name start, name end), or None.
"""

from __future__ import annotations

import re
from datetime import date

from parley.clean.dates import safe_date
from parley.clean.page import Page
from parley.context import Context

RESOURCE = "office_tenures"

# a title so qualified is not the office itself ("deputy president", "former minister", "then-premier")
_NOT_CURRENT = re.compile(r"\b(?:former|ex|then|late|outgoing|incoming|designate|elect|would-be|future|deputy|vice"
                          r"|acting|interim|caretaker|assistant|co|honorary|shadow)\W*$", re.IGNORECASE)


def role_bounds(p: Page, ctx: Context | None) -> list[tuple[date, str]]:
    """Offices the article gives people ("Foreign Minister Prak Sokhon") bound its date by their tenure.

    A name from the actor dictionaries preceded by the title of one of its dated roles, not marked
    "former"/"then-"/"-elect", says the story was written while the person held that office: the role's start
    is a lower bound (its end would be an upper one, but tenures that ended are often still written in the
    present, so ends are not used). Only the exact title counts; when the person held it more than once, the
    earliest start. Returns (start, the mention) per mention; empty without the resource.
    """
    if ctx is None:
        return []
    try:
        tenures = ctx.resource(RESOURCE)
    except Exception:  # a broken user dictionary must not stop cleaning
        return []
    if tenures is None or tenures.titles is None:
        return []
    out = []
    for ln in p.body:
        for tm in tenures.titles.finditer(ln.text):  # only what follows a dated title is looked up
            found = tenures.holder(ln.text, tm.end())
            if not found:
                continue
            roles, name_start, name_end = found
            before = ln.text[max(0, tm.end() - 60):tm.end()]
            starts = []
            for role, start in roles:
                words = re.findall(r"[A-Za-z]+", role)
                title = re.search(r"\b" + r"[\W_]+".join(words) + r"[\W_]*$", before, re.IGNORECASE) if words else None
                if title and not _NOT_CURRENT.search(before[:title.start()]):
                    starts.append((safe_date(*map(int, start[:10].split("-"))), title.start()))
            starts = [x for x in starts if x[0]]
            if starts:  # the same title held several times (another party, another term): the earliest start
                start, at = min(starts)
                out.append((start, before[at:].strip() + " " + ln.text[name_start:name_end]))
    return out
