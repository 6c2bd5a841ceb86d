"""Named days: holidays with a fixed month-day or a computed rule (Easter, US Thanksgiving and Election Day), and
the week or weekend holding one ("Easter week", "Thanksgiving weekend").

The names and rules are data (``timex.yaml``: ``holidays``); a holiday without year is placed like a yearless
date ("on Christmas Eve" in a December story is the coming one), by the tense of its clause.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from parley.timex.dates import placed, safe, tense
from parley.timex.lexicon import COMMA, YEAR, C
from parley.timex.rules import hit

_HOLIDAYS = C["holidays"]
R_HOLIDAY = re.compile(
    r"\b(?P<h>" + "|".join(re.escape(h).replace("\\ ", r"\s+").replace("'", "[’']")
                           for h in sorted(_HOLIDAYS, key=len, reverse=True)) + r")\b(?!\s+(?:tree|card|party|gift))"
    r"(?:\s+(?P<wk>week(?:end)?)\b)?", re.I)


def _easter(y: int) -> date:
    """Western Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lm = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lm) // 451
    month_, day_ = divmod(h + lm - 7 * m + 114, 31)
    return date(y, month_, day_ + 1)


def _holiday_in(name: str, y: int) -> date | None:
    rule = _HOLIDAYS[name]
    if rule == "easter":
        return _easter(y)
    if rule == "thanksgiving":
        first = date(y, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if rule == "us_election":  # the Tuesday after the first Monday of November
        second = date(y, 11, 2)
        return second + timedelta(days=(1 - second.weekday()) % 7)
    mo, dd = (int(x) for x in rule.split("-"))
    return safe(y, mo, dd)


def h_holiday(m, text, base, lo):
    """ "on Christmas Eve", "Thanksgiving Day": that day, its year placed like a yearless date's."""
    name = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'")
    if _HOLIDAYS[name] == "us_election" and not m.group("h")[0].isupper():
        return None  # "election day" in general; the capitalised name is the US one
    after = re.match(rf"{COMMA}(?P<y>{YEAR})\b", text[m.end():m.end() + 8])
    if after:
        d = _holiday_in(name, int(after.group("y")))
        return hit(m.start(), m.end() + after.end(), d and d.isoformat(), "day") if d else None
    if base is None:
        return hit(m.start(), m.end(), None, "day")
    way = tense(text, m.start(), m.end(), lo)
    cands = [d for y in (base.year - 1, base.year, base.year + 1) if (d := _holiday_in(name, y))]
    if m.group("wk"):
        return _holiday_week(m, cands, base, way, m.group("wk").lower() == "weekend")
    if way == "future":
        d = min((c for c in cands if c >= base), default=None)
    elif way == "past":
        d = max((c for c in cands if c <= base), default=None)
    else:  # the coming one when near, else the last one (as for "Dec. 15")
        ahead = min((c for c in cands if c > base), default=None)
        d = ahead if ahead and (ahead - base).days <= 92 else max((c for c in cands if c <= base), default=None)
    if d is None:
        return None
    return hit(m.start(), m.end(), d.isoformat(), "day", anchor=base.isoformat(), direction=placed(d, base, way))


def _holiday_week(m, cands: list[date], base: date, way: str | None, weekend: bool):
    """ "Easter week", "Thanksgiving weekend": the ISO week (or its weekend) holding the holiday (TIMEX3
    ``2000-W16``, ``2000-W16-WE``). The tense places the week's start, not the holiday ("as Easter week began"
    on its Monday is this one): the latest begun by publication in the past, the first not yet ended in the
    future, else the one under way or the coming one when near, as for the day itself."""
    spans = []
    for d in cands:
        mon = d - timedelta(days=d.weekday())
        a = mon + timedelta(days=5) if weekend else mon
        spans.append((a, mon + timedelta(days=6), d))
    if way == "past":
        pick = max((c for c in spans if c[0] <= base), default=None)
    elif way == "future":
        pick = min((c for c in spans if c[1] >= base), default=None)
    else:
        pick = next((c for c in spans if c[0] <= base <= c[1]), None) or min(
            (c for c in spans if c[0] > base and (c[0] - base).days <= 92), default=None) or max(
            (c for c in spans if c[1] < base), default=None)
    if pick is None:
        return None
    a, b, _d = pick
    y, w, _ = a.isocalendar()
    return hit(m.start(), m.end(), a.isoformat(), "day", b.isoformat(), "relative",
               timex=f"{y:04d}-W{w:02d}" + ("-WE" if weekend else ""), anchor=base.isoformat(),
               direction="future" if a > base else "past")
