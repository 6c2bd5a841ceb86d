"""The pipeline stage: ``find_times`` paragraph by paragraph against the article's reference date.

The reference date is the publication date, unless the article opens with a wire dateline ("JOHANNESBURG,
August 7 (Xinhua) --", "GENEVA, 15 June (IPS) -") dated up to a week before it, or the publication date is known only to the month or
year: then the dateline's day is the story's own "today", and every relative expression is resolved from it.
The dateline date itself stays an expression of the text. A publication date known only to the month or year
(the clean stage's ``meta["date_precision"]``, written as a stand-in day) dates "yesterday" or "on Thursday" to
that month or year only (``_coarsen``), never to a day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from parley.document import Document, TimeExpr
from parley.timex.dates import md_date, safe
from parley.timex.find import find_times
from parley.timex.lexicon import DAY, MON, YEAR, day, month

_DATELINE = re.compile(
    rf"\A\s*[A-Z][A-Za-z.'’ -]{{1,40}}(?:,\s*[A-Z][A-Za-z.'’ -]{{1,30}})?,?\s+"
    rf"(?:(?P<m>{MON})\s?(?P<d>{DAY})|(?P<d2>{DAY})\s+(?P<m2>{MON})\.?)(?:,?\s+(?P<y>{YEAR}))?\s*"
    rf"(?:\([A-Za-z .-]{{1,30}}\)\s*)?(?:--|—|–|_|-)")


def base_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def dateline_date(text: str, published: str | None) -> date | None:
    """The dateline's date, its year from the dateline or the (possibly coarse) publication date."""
    m = _DATELINE.match(text[:160])
    if not m:
        return None
    mo, d = month(m.group("m") or m.group("m2")), day(m.group("d") or m.group("d2"))
    if m.group("y"):
        return safe(int(m.group("y")), mo, d)
    full = base_date(published)
    if full:
        return md_date(mo, d, full, "past")
    year = re.match(r"(\d{4})(?:-(\d\d))?", published or "")
    if not year:
        return None
    y, pm = int(year.group(1)), int(year.group(2) or 12)
    return safe(y if mo <= pm else y - 1, mo, d)


def published_as_known(doc: Document) -> str | None:
    """The publication date cut to the precision it is known to: the clean stage writes a date it inferred to
    the month as the month's first day ("2016-06-01", ``meta["date_precision"] == "month"``), which must not
    let "yesterday" become 2016-05-31."""
    prec = (doc.meta or {}).get("date_precision")
    if doc.published and prec in ("month", "year"):
        return doc.published[:7 if prec == "month" else 4]
    return doc.published


def reference_date(doc: Document) -> date | None:
    base = base_date(doc.published)
    dl = dateline_date(doc.text, published_as_known(doc))
    if dl and (base is None or timedelta(0) <= base - dl <= timedelta(days=7) or _coarse(doc)):
        return dl
    return base


def _coarse(doc: Document) -> str | None:
    """The publication date's known part ("2016-06", "2016") when it is known only to the month or year."""
    known = published_as_known(doc)
    return known if known and known != doc.published else None


def _coarsen(times: list[TimeExpr], base: date, known: str) -> None:
    """Expressions counted from a publication day that is only a month's (or year's) stand-in — "yesterday",
    "on Thursday", "last week" — get the month (or year) the publication is known to, at that precision, never
    the stand-in's day; expressions that spell their own month or year keep their values."""
    prec = "month" if len(known) == 7 else "year"
    finer = ("day",) if prec == "month" else ("day", "month")
    for t in times:
        if t.anchor == base.isoformat() and t.value and t.precision in finer and t.kind != "duration":
            t.value, t.end_value, t.precision, t.timex = known, None, prec, known


def annotate(doc: Document, ctx=None) -> Document:
    """Pipeline stage: fill ``doc.times``, paragraph by paragraph, against the reference date."""
    base = reference_date(doc)
    spans = doc.paragraphs
    if not spans:
        from parley.text import paragraphs

        spans = paragraphs(doc.text)
    times: list[TimeExpr] = []
    context: dict = {}
    for s, e in spans:
        times.extend(find_times(doc.text, base, s, e, context))
    known = _coarse(doc)
    if known and base is not None and base.isoformat() == doc.published[:10]:
        _coarsen(times, base, known)
    doc.times = times
    return doc
