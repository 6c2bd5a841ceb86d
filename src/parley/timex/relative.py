"""Expressions resolved against the publication date or an earlier time: today/yesterday, last week, weekdays,
"two years ago", "two months later", clock times and parts of the day, and the PRESENT/PAST/FUTURE_REF words.

Weekdays: the most recent such day on or before publication ("said Tuesday" in a Tuesday story is that day),
unless the clause is in the future ("will meet on Friday") or says "next", or a present-tense verb of a scheduled
happening comes right before it in a clause with no tense ("the leaders meet Monday", "trading resumes
Wednesday"); a past-tense verb right before the weekday ("met Friday", "met separately Friday") always means
the past. Weeks are day ranges with a TIMEX3 ISO week ("last week" ->
Monday..Sunday, ``1998-W05``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from parley.timex.dates import (
    PREV_WORD,
    add_months,
    future_in_past,
    is_future,
    iso,
    only_would,
    past_verb_before,
    shift,
    tense,
)
from parley.timex.durations import period
from parley.timex.lexicon import NUM, QUALNUM, UNIT, WD, WEEKDAYS, C, alt, inum, num
from parley.timex.rules import hit

_NOT_WD = frozenset(C["not_weekday_before"])
_GENERIC_TODAY = frozenset(C["generic_today_nouns"])
_NOT_CURRENT = frozenset(C["not_current_before"])
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI",
         "midday": "T12:00", "noon": "T12:00", "midnight": "T24:00"}
UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}

R_RELATIVE_DAY = re.compile(
    r"\b(?P<w>(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow|yesterday|today|tonight|"
    r"tomorrow|last\s+night|overnight|(?:later\s+|earlier\s+)?this\s+(?:morning|afternoon|evening))\b"
    r"(?P<gen>[’']s\s+[a-z]+(?:\s+[a-z]+)?)?", re.I)
R_RELATIVE_UNIT = re.compile(
    r"\b(?:(?P<pre>earlier|later|early|late)\s+)?(?P<mod>last|this|next)\s+(?P<u>week|weekend|month|year)\b", re.I)
R_WEEKDAY = re.compile(rf"\b(?:(?P<mod>(?i:last|next|this|coming|past))\s+)?(?P<wd>{WD})(?P<pl>s\b)?(?![A-Za-z])"
                       r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night))(?P<ppl>s\b)?)?")
R_AGO = re.compile(rf"(?<![\d,.])\b{QUALNUM}?(?P<n>{NUM})\s+(?P<u>{UNIT})s?\s+(?:or\s+so\s+)?ago\b", re.I)
R_ANCHORED = re.compile(
    rf"\b{QUALNUM}?(?P<n>{NUM})\s+(?P<u>{UNIT})s?\s+(?P<dir>later|earlier|afterwards?|before|after)\b"
    rf"|\bthe\s+(?P<nx>next|following|previous|preceding)\s+(?P<u2>day|week|month|year)\b"
    rf"|\bthe\s+(?P<u3>day|week|month|year)\s+(?P<dir3>before|after)(?=\s*[,.;:!?)]|\s*$)"
    # "that year", "later that month": the unit of the time last named
    rf"|\b(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?P<u5>day|week|month|year)\b",
    re.I,
)
# "Until then": the time named last (TimeML tags an anaphoric "then"; TimeBank "terminate on Nov. 30. Until then,"
# Nov. 30); resolved like "that day" in find._resolve_anchors, and dropped when nothing was named before it
R_THEN = re.compile(r"(?<=\b[Uu]ntil\s)then\b|(?<=\b[Tt]ill\s)then\b")
# clock times: "3:30 p.m.", "10 a.m.", "noon", "midnight"; a time zone stays in the span
R_CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s?(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b)"
    r"(?:\s+(?P<tz>EST|EDT|CST|CDT|PST|PDT|GMT|UTC))?"
    r"|\b(?P<h24>[01]\d|2[0-3]):?(?P<mi24>[0-5]\d)\s+(?:GMT|UTC|local\s+time|hours)\b", re.I)  # "0830 GMT"
R_CLOCK_WORD = re.compile(
    r"(?<!high\s)(?<!High\s)\b(?P<w>noon|midnight|midday)\b"
    r"|\b(?:(?P<pq>mid|early|late)[\s-]*)?(?P<part>morning|afternoon|evening)\b(?=\s+(?:yesterday|today|tomorrow))"
    # "at 4 in the morning", "9 o'clock in the evening"
    r"|(?<=\bat\s)(?P<ih>[1-9]|1[0-2])(?::(?P<imi>[0-5]\d))?\s+(?:o['’]clock\s+)?in\s+the\s+"
    r"(?P<ip>morning|afternoon|evening)\b",
    re.I)
_REFS = {w: v for v, words in C["refs"].items() for w in words}
_REF_ALT = alt(_REFS).replace("\\ ", r"\s+")
R_REF = re.compile(rf"\b(?P<w>{_REF_ALT})\b", re.I)
# the longest word of each REF phrase: one of them must occur for R_REF to be tried
REF_NEEDLES = tuple(sorted({max(w.split(), key=len) for w in _REFS}))


def _day_value(base: date | None, off: int) -> str | None:
    return (base + timedelta(days=off)).isoformat() if base else None


def h_relative_day(m, text, base, lo):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    s, e = m.start(), m.end("w")
    if m.group("gen"):  # "today's youth", "today's young voters": no particular day
        if w == "today" and any(n.lower() in _GENERIC_TODAY for n in m.group("gen").split()[1:]):
            return hit(s, e, None, "day", None, "vague", type="DATE", timex="PRESENT_REF", generic=True)
    if w == "today" and _generic_today(text, s, e, lo):
        return hit(s, e, None, "day", None, "vague", type="DATE", timex="PRESENT_REF", generic=True)
    off = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(w, 0)
    if "before yesterday" in w:
        off = -2
    elif "after tomorrow" in w:
        off = 2
    val = _day_value(base, off)
    part = next((PARTS[p] for p in ("morning", "afternoon", "evening", "night", "overnight", "tonight") if p in w),
                None)
    extra = {"anchor": base.isoformat()} if base else {}
    if part:
        return hit(s, e, val, "day", None, "relative", type="TIME", timex=val and f"{val}T{part}", **extra)
    return hit(s, e, val, "day", None, "relative", **extra)


def _generic_today(text: str, s: int, e: int, lo: int) -> bool:
    """ "the Europe of today": the present, not the day (``today's <noun>`` is checked by the caller)."""
    return bool(re.search(r"\bof\s+$", text[max(lo, s - 5):s], re.I))


def h_relative_unit(m, text, base, lo):
    pre, mod, unit = (m.group("pre") or "").lower(), m.group("mod").lower(), m.group("u").lower()
    if m.group("mod")[0].isupper() and m.group("u")[:1].isupper() and not m.group("u").isupper():
        return None  # "ABC's "This Week"": a title (both words capitalised), not a week
    if base is None:
        return hit(m.start(), m.end(), None, {"week": "day", "weekend": "day"}.get(unit, unit), None, "relative")
    step = {"last": -1, "this": 0, "next": 1}[mod]
    extra = {"anchor": base.isoformat(), "direction": {-1: "past", 1: "future"}.get(step)}
    if unit in ("week", "weekend"):
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        a, b = (monday, monday + timedelta(days=6)) if unit == "week" else (
            monday + timedelta(days=5), monday + timedelta(days=6))
        if mod == "this" and pre == "earlier":
            b = max(monday, base - timedelta(days=1))
        elif mod == "this" and pre == "later":
            a = min(b, base + timedelta(days=1))
        y, w, _ = monday.isocalendar()
        tx = f"{y:04d}-W{w:02d}" + ("-WE" if unit == "weekend" else "")
        return hit(m.start(), m.end(), a.isoformat(), "day", b.isoformat(), "relative", timex=tx, **extra)
    if unit == "month":
        return hit(m.start(), m.end(), iso(add_months(base.replace(day=1), step), "month"), "month", None,
                   "relative", **extra)
    return hit(m.start(), m.end(), str(base.year + step), "year", None, "relative", **extra)


_SHARED_PLURAL_PART = re.compile(rf"\s+(?:and|or|&)\s+(?:{WD})\s+(?P<p>morning|afternoon|evening|night)s\b", re.I)


def h_weekday(m, text, base, lo):
    wd = WEEKDAYS[m.group("wd").lower()]
    mod = (m.group("mod") or "").lower()
    prev = PREV_WORD.search(text[max(lo, m.start() - 12):m.start()])
    if not mod and prev and prev.group(1).lower() in _NOT_WD:
        return None  # "Good Friday"
    s = m.start() if mod else m.start("wd")
    part = m.group("part")
    shared = None if part or m.group("pl") else _SHARED_PLURAL_PART.match(text, m.end())
    if shared:  # "on Monday and Tuesday nights": the plural part of the day is Monday's too (a SET)
        part = shared.group("p")
    if m.group("pl") or m.group("ppl") or shared:  # "on Sundays", "Tuesday nights": a weekday in every week (SET)
        tx = f"XXXX-WXX-{wd + 1}" + (f"T{PARTS[part.lower()]}" if part else "")
        return hit(m.start("wd"), m.end(), None, "day", None, "set", type="SET", timex=tx)
    if base is None:
        return hit(s, m.end(), None, "day", None, "weekday", type="TIME" if part else None)
    back = (base.weekday() - wd) % 7
    fwd = (wd - base.weekday()) % 7
    if mod in ("last", "past"):
        d, direction = base - timedelta(days=back or 7), "past"
    elif mod in ("next", "coming"):
        d, direction = base + timedelta(days=fwd or 7), "future"
    elif not past_verb_before(text, m.start(), lo) and not future_in_past(text, m.start(), m.end(), lo) and \
            tense(text, m.start(), m.end(), lo) in ("future", "ahead"):  # (a scheduled verb reads as future)
        d, direction = base + timedelta(days=fwd), "future"
    else:
        d, direction = base - timedelta(days=back), "past"
    extra = {"anchor": base.isoformat(), "direction": direction}
    if direction == "future" and not mod and only_would(text, m.start(), lo):
        extra["weekday"] = wd  # a future in the past: counted from the report's day, if one is named (find)
    if part:
        return hit(s, m.end(), d.isoformat(), "day", None, "weekday", type="TIME",
                   timex=f"{d.isoformat()}T{PARTS[part.lower()]}", **extra)
    return hit(s, m.end(), d.isoformat(), "day", None, "weekday", **extra)


def h_ago(m, text, base, lo):
    unit = m.group("u").lower()
    prec = UNIT_PRECISION[unit]
    if num(m.group("n")) is None:  # "several years ago": some time in the past
        return hit(m.start(), m.end(), None, prec, None, "vague", type="DATE", timex="PAST_REF")
    if base is None:
        return hit(m.start(), m.end(), None, prec, None, "relative")
    d = shift(base, -inum(m.group("n")), unit)
    if d is None:
        return hit(m.start(), m.end(), None, prec, None, "duration")
    back = 1 if unit == "year" and m.group("n").lower() in ("a", "one") else None
    extra = {}
    if unit == "week":  # "six weeks ago": TimeML names the week ("1998-W02"); the value keeps its day
        y, w, _ = d.isocalendar()
        extra["timex"] = f"{y:04d}-W{w:02d}"
    return hit(m.start(), m.end(), iso(d, prec), prec, None, "relative", anchor=base.isoformat(), direction="past",
               year_back=back, **extra)


# "two years from now", "in three months' time", "a week's time": that far ahead of publication, a point in time
# ("in": "took two years' time", "within a year's time" are lengths)
R_HENCE = re.compile(rf"(?<![\d,.])\b{QUALNUM}?(?P<n>{NUM})\s+(?P<u>{UNIT})s?\s+from\s+(?:now|today)\b"
                     rf"|(?<=\b[Ii]n\s){QUALNUM}?(?P<n2>{NUM})\s+(?P<u2>{UNIT})s?[’']s?\s+time\b", re.I)


def h_hence(m, text, base, lo):
    g = "" if m.group("n") else "2"
    unit, count = m.group("u" + g).lower(), m.group("n" + g)
    prec = UNIT_PRECISION[unit]
    if num(count) is None:  # "a few years from now": some time ahead
        return hit(m.start(), m.end(), None, prec, None, "vague", type="DATE", timex="FUTURE_REF",
                   direction="future")
    d = shift(base, inum(count), unit) if base else None
    if d is None:
        return hit(m.start(), m.end(), None, prec, None, "relative", type="DATE")
    extra = {}
    if unit == "week":  # as "six weeks ago": the week named, the value keeps its day
        y, w, _ = d.isocalendar()
        extra["timex"] = f"{y:04d}-W{w:02d}"
    return hit(m.start(), m.end(), iso(d, prec), prec, None, "relative", anchor=base.isoformat(),
               direction="future", **extra)


# "year-earlier profit", "the year-ago results": the same period a year before (a quarter, in earnings reports)
R_YEAR_ADJ = re.compile(r"\b(?:the\s+)?year-(?:earlier|ago)\b", re.I)


def h_year_adj(m, text, base, lo):
    if base is None:
        return hit(m.start(), m.end(), None, "year", None, "relative", year_back=1)
    return hit(m.start(), m.end(), str(base.year - 1), "year", None, "relative", anchor=base.isoformat(),
               direction="past", year_back=1)


def h_anchored(m, text, base, lo):
    # resolved later against the nearest preceding explicit date (see find.resolve_anchors)
    if m.group("nx"):
        direction = -1 if m.group("nx").lower() in ("previous", "preceding") else 1
        n, unit = 1, m.group("u2").lower()
    elif m.group("u3"):
        direction = -1 if m.group("dir3").lower() == "before" else 1
        n, unit = 1, m.group("u3").lower()
    elif m.group("u5"):
        direction, n, unit = 1, 0, m.group("u5").lower()
    else:
        d = m.group("dir").lower()
        unit = m.group("u").lower()
        if d in ("before", "after") and re.match(r"\s*[A-Za-z“\"‘']", text[m.end():m.end() + 3]):
            # "three years after the war": a length before/after an event, not a time
            # (the span keeps "after": events read "two months after <event>" from it)
            n = num(m.group("n"))
            return hit(m.start(), m.end(), None, UNIT_PRECISION[unit], None, "duration", type="DURATION",
                       timex=period(n, unit))
        direction = -1 if d in ("earlier", "before") else 1
        n = inum(m.group("n"))
        if unit in ("day", "week"):
            # "three days later": TimeBank types a short offset DURATION ("P3D", "a few days" PXD); the calendar
            # value is still resolved from the anchor (find._resolve_anchors), "a year earlier" stays a DATE
            return hit(m.start(), m.end(), None, "day", f"@{direction * n}:{unit}", "duration", type="DURATION",
                       timex=period(num(m.group("n")), unit))
    return hit(m.start(), m.end(), None, UNIT_PRECISION[unit], f"@{direction * n}:{unit}", "duration",
               type="DATE")


def h_then(m, text, base, lo):
    return hit(m.start(), m.end(), None, "day", "@0:day", "duration", type="DATE", then=True)


def h_clock(m, text, base, lo):
    bd = base.isoformat() if base else None
    groups = m.re.groupindex
    if "part" in groups and m.group("part"):
        code = PARTS[m.group("part").lower()]
        return hit(m.start(), m.end(), None, "day", None, "time", type="TIME", timex=f"T{code}", clock=True)
    if "ih" in groups and m.group("ih"):  # "4 in the morning" T04:00, "9 in the evening" T21:00
        h = int(m.group("ih")) % 12 + (0 if m.group("ip").lower() == "morning" else 12)
        code = f"T{h:02d}:{m.group('imi') or '00'}"
    elif "w" in groups:
        code = PARTS[m.group("w").lower()]
    elif m.group("h24"):
        code = f"T{int(m.group('h24')):02d}:{m.group('mi24')}"
    else:
        h = int(m.group("h"))
        if h > 12:
            return None
        pm = m.group("ap").lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
        code = f"T{h:02d}:{m.group('mi') or '00'}"
    return hit(m.start(), m.end(), bd, "day", None, "time", type="TIME", timex=bd and f"{bd}{code}", clock=True,
               anchor=bd)


def h_ref(m, text, base, lo):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if m.group("w") == "Now" and text.startswith(",", m.end()):
        return None  # "Now, ..." opening a sentence is a discourse marker, not the present
    ref = _REFS[w]
    s = m.start()
    lead = re.match(r"(?:in|at)\s+", m.group("w"), re.I)
    if lead:  # "in the past", "at present": the span excludes the preposition, as every span does (TimeBank 16
        # of 16)
        s += lead.end()
    if w == "current":  # the adjective: "current conditions" PRESENT_REF, "the then current price" PAST_REF
        nxt = re.match(r"\s+([a-z’']+)", text[m.end():m.end() + 20])
        mid = re.search(r"[^\s.!?\"“‘'(]\s*$", text[max(lo, s - 3):s])
        if m.group("w")[0] == "C" and mid or nxt and nxt.group(1) in _NOT_CURRENT:
            return None  # "Gulf Current", "current account": names and terms
        then = re.search(r"\bthen\s+$", text[max(lo, s - 6):s], re.I)
        if then:
            s, ref = s - len(then.group()), "PAST_REF"
    return hit(s, m.end(), None, "day", None, "vague", type="DATE", timex=ref,
               generic=True, direction={"PAST_REF": "past", "FUTURE_REF": "future"}.get(ref))


R_IN_THE = re.compile(r"\b(?:earlier|later)\s+in\s+the\s+(?P<u>day|week|month|year)\b", re.I)


def h_in_the(m, text, base, lo):
    """ "earlier in the year", "later in the day": that unit of the reference date."""
    unit = m.group("u").lower()
    if base is None:
        return hit(m.start(), m.end(), None, UNIT_PRECISION[unit], None, "relative")
    if unit == "week":
        monday = base - timedelta(days=base.weekday())
        y, w, _ = monday.isocalendar()
        return hit(m.start(), m.end(), monday.isoformat(), "day", (monday + timedelta(days=6)).isoformat(),
                   "relative", timex=f"{y:04d}-W{w:02d}", anchor=base.isoformat())
    return hit(m.start(), m.end(), iso(base, UNIT_PRECISION[unit]), UNIT_PRECISION[unit], None, "relative",
               anchor=base.isoformat())


R_WEEKEND = re.compile(r"\bthe\s+weekend\b", re.I)


def h_weekend(m, text, base, lo):
    """ "over the weekend": the latest Saturday-Sunday begun by publication (the next one in a future clause)."""
    if base is None:
        return hit(m.start(), m.end(), None, "day", None, "relative")
    sat = base - timedelta(days=(base.weekday() - 5) % 7)
    direction = "past"
    if is_future(text, m.start(), lo) and base.weekday() < 5:
        sat, direction = sat + timedelta(days=7), "future"
    y, w, _ = sat.isocalendar()
    return hit(m.start(), m.end(), sat.isoformat(), "day", (sat + timedelta(days=1)).isoformat(), "relative",
               timex=f"{y:04d}-W{w:02d}-WE", anchor=base.isoformat(), direction=direction)


# "on the 10th", "by the 25th of this month": a day of the month around publication, when nothing follows that
# it could number ("on the 10th floor", "the 5th of the candidates" are no dates)
R_ORDINAL_DAY = re.compile(
    r"\b(?:on|by|until|till|since|from|before|after)\s+(?P<x>the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    r"(?:\s+of\s+(?P<rel>this|last|next)\s+month\b)?)"
    r"(?=\s*(?:[^\w\s]|$)|\s+(?:and|or|to|when|at|in|as|with|but|after|before|amid)\b)", re.I)


def h_ordinal_day(m, text, base, lo):
    """The day of this month (a past clause: the latest such day; a future one: the next), or of the month
    named ("of last month")."""
    n = int(m.group("d"))
    s = m.start("x")
    if base is None:
        return hit(s, m.end(), None, "day", None, "relative")
    rel = (m.group("rel") or "").lower()
    step = {"this": 0, "last": -1, "next": 1}.get(rel, 0)
    way = None
    if not rel:
        way = tense(text, s, m.end(), lo)
        step = -1 if way == "past" and n > base.day else 1 if way == "future" and n < base.day else 0
    first = add_months(base.replace(day=1), step)
    try:
        d = first.replace(day=n)
    except ValueError:
        return None
    return hit(s, m.end(), d.isoformat(), "day", None, "relative", anchor=base.isoformat(),
               direction="past" if d < base else "future" if d > base else None)
