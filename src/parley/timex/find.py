"""Finding: run every rule over a span, keep the longest non-overlapping candidates, then resolve what needs
context — anchored offsets ("two months later"), open intervals ("since May 2"), a clock time joined to its day
("10 p.m. Wednesday"), a weekday to its date ("Saturday, April 25"), a season to a spelled-out year, a bare second
day ("April 24 and 25"), "a year ago" after a quarter (the same quarter a year before), "the day" renaming the
date before it ("Oct. 12, the day before the plunge") — and fill the TIMEX3 fields. The joins follow TimeBank's extents (``tests/test_timex_conventions.py``).

Overlaps are settled longest span first, then by rule priority; taken spans are kept as a sorted list of
disjoint intervals and each candidate is checked against its two neighbours by bisection, so a span with n
candidates costs O(n log n), not O(n^2) (``bench/timex.py`` prints a scaling check).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from parley.document import TimeExpr
from parley.timex import durations as du
from parley.timex import holidays as hol
from parley.timex import relative as rel
from parley.timex import rules as ru
from parley.timex.dates import ORDER, PREV_WORD, iso, parse_iso, shift
from parley.timex.lexicon import FUNCTION_WORDS, MONTH_NEEDLES, SEASON_MONTHS

_UNITS = ("day", "week", "month", "year", "decade")
_DUR_UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "centur")
_GATE_BACK, _GATE_AHEAD = 48, 24  # a gated match starts at most this far before its gate word, ends this far after
_MON_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# (priority: lower wins among equal-length overlapping spans; handler; needles: lower-case substrings one of
# which the span must contain for the rule to be tried at all — a cheap prefilter that keeps the scan fast;
# digits: the rule needs a digit in the span (True) or a four-digit year (YEAR); gate: words (lower case) one of which every match contains, the
# rule is run only in windows around their occurrences — the unit-counting rules would otherwise try their long
# number alternations at every word of every sentence)
YEAR = "year"
RULES = [
    (0, ru.R_DAY_RANGE, ru.h_day_range, ("-", "–", "—", " to ", "through", "until"), True, None),
    (1, ru.R_DATE, ru.h_date, _MON_ABBR, True, None),
    (1, ru.R_ISO_DATE, ru.h_iso_date, ("-",), YEAR, None),
    (2, ru.R_YEAR_RANGE, ru.h_year_range, ("from", "between", "-", "–", "—", "/"), YEAR, None),
    (3, ru.R_MONTH_YEAR, ru.h_month_year, None, YEAR, None),
    (4, ru.R_SEASON, ru.h_season, ("spring", "summer", "autumn", "fall", "winter"), False, None),
    (4, ru.R_QUARTER, ru.h_quarter, ("quarter", "period"), False, None),
    (4, ru.R_HALF, ru.h_half, ("half", "two quarters"), False, None),
    (4, ru.R_FISCAL, ru.h_fiscal, ("fiscal", "financial"), False, None),
    (5, ru.R_DECADE, ru.h_decade, ("0s", "0's", "0’s", "ties"), False, None),
    (5, ru.R_CENTURY, ru.h_century, ("century",), False, None),
    (6, ru.R_QUAL_YEAR, ru.h_year_only, ("early", "late", "mid", "end", "start", "beginning"), YEAR, None),
    (7, rel.R_ANCHORED, rel.h_anchored, ("later", "earlier", "after", "before", "next", "following", "previous",
                                         "preceding", "that"), False, _UNITS),
    (7, rel.R_THEN, rel.h_then, ("until then", "till then"), False, None),
    (8, rel.R_AGO, rel.h_ago, ("ago",), False, _UNITS),
    (8, rel.R_HENCE, rel.h_hence, ("from now", "from today", "' time", "’ time", "'s time", "’s time"), False, _UNITS),
    (8, rel.R_YEAR_ADJ, rel.h_year_adj, ("year-",), False, None),
    (9, du.R_VAGUE, du.h_vague, None, False, ("days", "weeks", "months", "years")),
    (9, du.R_SET, du.h_set, None, False, ("every", "each", "per ", "hourly", "daily", "nightly", "weekly", "monthly",
                                          "annually", "yearly", " a day", " a week", " a month", " a year",
                                          " a quarter", " a decade", " an hour")),
    (10, du.R_DURATION, du.h_duration, None, False, _DUR_UNITS),
    (10, du.R_WHILE, du.h_while, ("a while", "a little while"), False, None),
    (11, rel.R_RELATIVE_UNIT, rel.h_relative_unit, ("last", "this", "next"), False, None),
    (12, rel.R_RELATIVE_DAY, rel.h_relative_day, ("yesterday", "today", "tonight", "tomorrow", "night",
                                                  "this morning", "this afternoon", "this evening"), False, None),
    (12, rel.R_CLOCK, rel.h_clock, None, True, ("a.m", "p.m", "am", "pm", ":", "gmt", "utc")),
    (12, rel.R_ORDINAL_DAY, rel.h_ordinal_day, ("the ",), True, None),
    (12, rel.R_CLOCK_WORD, rel.h_clock, ("noon", "midnight", "midday", "morning", "afternoon", "evening"), False,
     None),
    (13, ru.R_PREP_MONTH, ru.h_prep_month, None, False, MONTH_NEEDLES),
    (14, ru.R_NOUN_YEAR, ru.h_noun_year, None, YEAR, None),
    (15, ru.R_PREP_YEAR, ru.h_prep_year, None, YEAR, None),
    (16, rel.R_WEEKDAY, rel.h_weekday, ("day",), False, None),
    (4, ru.R_SPELLED_YEAR, ru.h_spelled_year, ("nineteen", "two thousand"), False, None),
    (4, hol.R_HOLIDAY, hol.h_holiday, ("christmas", "new year", "valentine", "halloween", "thanksgiving", "easter",
                                      "election day"), False, None),
    (6, ru.R_PERIOD_END, ru.h_period_end, ("end", "year"), False, None),
    (11, rel.R_WEEKEND, rel.h_weekend, ("weekend",), False, None),
    (11, rel.R_IN_THE, rel.h_in_the, (" in the ",), False, None),
    (18, ru.R_BARE_YEAR, ru.h_bare_year, None, YEAR, None),
    (17, rel.R_REF, rel.h_ref, None, False, rel.REF_NEEDLES),
]
_DAY_UNKNOWN = {"month": "-XX", "year": "-XX-XX"}
_THEN_REACH = 160  # characters from the time named to "until then" (the sentence before, at most)


def _near_thens(out: list[TimeExpr], extras: dict[int, dict]) -> list[TimeExpr]:
    """ "Until then" kept only when the time it takes is named just before it ("terminate on Nov. 30. Until
    then,"); further back "then" is as often an event ("until the tears came"), so it is dropped."""
    keep, prev = [], None
    for t in out:
        if extras.get(id(t), {}).get("then"):
            if not (t.value and prev is not None and prev.value == t.value and t.start - prev.end <= _THEN_REACH):
                continue
        keep.append(t)
        prev = t
    return keep


_HAS_DIGIT = re.compile(r"\d")
_HAS_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")  # what ``lexicon.YEAR`` and ``BARE_YEAR`` need
_EXPLICIT_KINDS = ("date", "range", "since", "until")
_DEICTIC_KINDS = ("relative", "weekday")  # resolved from publication, then an anchor like an explicit date
_PART = re.compile(r"\d{4}-(?:Q\d|H\d|SP|SU|FA|WI)$")
_QH = re.compile(r"\d{4}-(?:Q\d|H\d)$")


class _Taken:
    """Disjoint taken spans, sorted by start: overlap test and insert by bisection."""

    __slots__ = ("starts", "ends")

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add_if_free(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, s)
        if i and self.ends[i - 1] > s:
            return False
        if i < len(self.starts) and self.starts[i] < e:
            return False
        self.starts.insert(i, s)
        self.ends.insert(i, e)
        return True


def find_times(text: str, base: date | None, start: int = 0, end: int | None = None,
               context: dict | None = None) -> list[TimeExpr]:
    """Time expressions in ``text[start:end]``, offsets into ``text``, normalised against ``base``.

    ``base`` is the publication date (``None`` when unknown). Anchored expressions ("two months later") are
    resolved against the nearest preceding explicit date inside the same span, so pass a sentence or a
    paragraph, not a whole corpus. ``context`` (a dict the caller keeps between paragraphs of one article)
    carries the last quarter or half named, so that "a year earlier" in a later paragraph of an earnings
    report is that quarter a year before.
    """
    end = len(text) if end is None else end
    low = text[start:end].lower()
    digits = _HAS_DIGIT.search(low) is not None
    years = digits and _HAS_YEAR.search(low) is not None
    cands = []
    has = low.__contains__  # bound once: the needle test below runs for every rule of every sentence
    months = any(map(has, _MON_ABBR))
    for prio, rx, handler, needles, gate in _RULES_FOR[digits, years, months]:
        if needles and not any(map(has, needles)):
            continue
        for ws, we in (_windows(low, gate, start, end) if gate else ((start, end),)):
            for m in rx.finditer(text, ws, we):
                got = handler(m, text, base, start)
                if got is None:
                    continue
                if isinstance(got, list):
                    cands.extend((g, prio) for g in got)
                else:
                    cands.append((got, prio))
    if not cands:
        return []
    cands.sort(key=lambda c: (-(c[0][1] - c[0][0]), c[1], c[0][0]))
    taken = _Taken()
    chosen = []
    for (s, e, value, prec, end_value, kind, extra), _prio in cands:
        if not taken.add_if_free(s, e):
            continue
        t = TimeExpr(text=text[s:e], start=s, end=e, value=value, precision=prec, end_value=end_value, kind=kind)
        chosen.append((t, extra or {}))
    chosen.sort(key=lambda c: c[0].start)
    if len(chosen) > 1:  # the joins pair neighbours
        chosen = _join_weekday_dates(text, chosen)
        chosen = _join_season_years(text, chosen)
    chosen = _second_days(text, chosen, end)
    chosen = _join_clock_times(text, chosen)
    out = [_trim_article(_fill(t, x)) for t, x in chosen]
    _mark_open_intervals(text, out, start)
    extras = {id(t): x for t, x in chosen}
    _resolve_anchors(text, out, extras, context)
    if any(x.get("then") for x in extras.values()):
        out = _near_thens(out, extras)
    _future_in_past(text, out, extras)
    return _appositions(text, out, end)


def _future_in_past(text: str, times: list[TimeExpr], extras: dict[int, dict]) -> None:
    """ "The minister said on Friday he would travel on Monday": a weekday ahead only through "would" is the
    first such day after the report's day named before it in the sentence, which may lie before publication."""
    for i, t in enumerate(times):
        wd = extras.get(id(t), {}).get("weekday")
        if wd is None or not i:
            continue
        p = times[i - 1]
        if p.kind not in ("weekday", "date", "relative") or p.precision != "day" or not p.value or p.end_value \
                or not t.anchor or p.value >= t.anchor or _SENTENCE_BREAK.search(text, p.end, t.start):
            continue
        said = parse_iso(p.value)
        d = said + timedelta(days=(wd - said.weekday()) % 7 or 7)
        t.value, t.timex = d.isoformat(), d.isoformat() + (t.timex[10:] if t.timex else "")
        t.direction = "past" if d.isoformat() < t.anchor else "future"


def _windows(low: str, gate: re.Pattern, start: int, end: int) -> list[tuple[int, int]]:
    """Merged windows of ``text`` (``low`` is ``text[start:end]`` lower-cased) around every gate word."""
    out: list[list[int]] = []
    for g in gate.finditer(low):
        a, b = max(start, start + g.start() - _GATE_BACK), min(end, start + g.start() + _GATE_AHEAD)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _gate(words) -> re.Pattern:
    """A word-start regex for gate words (a leading space in a word stands for itself)."""
    starts = "|".join(re.escape(w) for w in words if w[0] != " ")
    spaced = "|".join(re.escape(w) for w in words if w[0] == " ")
    return re.compile("|".join(p for p in (starts and rf"(?<![a-z])(?:{starts})", spaced) if p))


# rules whose every match holds a month name: tried only when one of ``_MON_ABBR`` occurs in the span (tested
# once per span, not once per rule); their own needles, if any, are tested after it
_NEEDS_MONTH = (ru.h_day_range, ru.h_date, ru.h_month_year, ru.h_prep_month)
RULES = [(p, rx, h, None if needles == _MON_ABBR or gate == MONTH_NEEDLES else needles or gate, digit,
          _gate(gate) if gate else None, h in _NEEDS_MONTH)
         for p, rx, h, needles, digit, gate in RULES]  # gate words also serve as needles
# the rules worth trying for each (has a digit, has a year, has a month name) of a span, in RULES order: the
# digit/year/month tests are made once per span instead of once per rule (same candidates, same order)
_RULES_FOR = {(d, y, m): [(p, rx, h, needles, gate) for p, rx, h, needles, digit, gate, need_month in RULES
                          if not (digit and not (y if digit is YEAR else d) or need_month and not m)]
              for d in (False, True) for y in (False, True) for m in (False, True)}


def _fill(t: TimeExpr, extra: dict) -> TimeExpr:
    """The TIMEX3 type and value: what the handler set, else derived from the calendar value."""
    t.anchor = extra.get("anchor")
    t.direction = extra.get("direction")
    t.generic = bool(extra.get("generic"))
    t.type = extra.get("type") or {"duration": "DURATION", "set": "SET", "time": "TIME"}.get(t.kind, "DATE")
    if "timex" in extra:
        t.timex = extra["timex"]
    elif t.value is not None:
        t.timex = t.value[:3] if t.precision == "decade" else t.value
    return t


_ADJ_ARTICLE = re.compile(r"(?i)the\s+(?=(?:fiscal\s+)?\S+-(?:quarter|ago|earlier)$)")


def _trim_article(t: TimeExpr) -> TimeExpr:
    """ "the third-quarter results", "the year-earlier $4.5 million": the article belongs to the noun the
    hyphenated time modifies, so the span starts at the modifier (TimeBank: "third-quarter", "year-earlier")."""
    m = _ADJ_ARTICLE.match(t.text)
    if m:
        t.start += m.end()
        t.text = t.text[m.end():]
    return t


_GAP = re.compile(r"\s*(?:,|on|at)?\s*$")
_WD_GAP = re.compile(r",?\s{1,2}$")


_AND_DAY = re.compile(r"\s+(?:and|or|&)\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![\d,.]\d|\s*%)"
                      r"(?=\s*(?:[.,;:)]|$)|\s+(?P<w>[a-z]+))")


def _second_days(text: str, chosen: list, end: int) -> list:
    """ "April 24 and 25": the bare second day number is a date of its own in the same month (TimeML annotates
    two expressions); only before punctuation or a function word, so "May 5 and 6 people" stays a count."""
    out = []
    for t, x in chosen:
        out.append((t, x))
        if t.kind != "date" or t.precision != "day" or not t.value or not t.text[-1:].isdigit():
            continue
        m = _AND_DAY.match(text, t.end, end)
        if not m or (m.group("w") and m.group("w") not in FUNCTION_WORDS):
            continue
        day = int(m.group("d"))
        if day <= int(t.value[8:10]):
            continue
        try:
            value = date(int(t.value[:4]), int(t.value[5:7]), day).isoformat()
        except ValueError:
            continue
        s, e = m.start("d"), m.end("d")
        out.append((TimeExpr(text=text[s:e], start=s, end=e, value=value, precision="day", kind="date"),
                    {"anchor": t.value}))
    return out


_OF_GAP = re.compile(r"\s+of\s+")
_SEASON = re.compile(r"\d{4}-(SP|SU|FA|WI)$")


def _join_season_years(text: str, chosen: list) -> list:
    """ "the winter of nineteen ninety-four": the season of the spelled-out year that follows (a written year is
    taken by the season rule itself)."""
    out = []
    for t, x in chosen:
        if out and t.precision == "year" and t.value and len(t.value) == 4:
            p, px = out[-1]
            code = _SEASON.match(px.get("timex") or "")
            if code and _OF_GAP.fullmatch(text[p.end:t.start]):
                first, last = SEASON_MONTHS[code.group(1)]
                y = int(t.value)
                j = TimeExpr(text=text[p.start:t.end], start=p.start, end=t.end, value=f"{y:04d}-{first:02d}",
                             precision="season", end_value=f"{y + (last < first):04d}-{last:02d}", kind="range")
                out[-1] = (j, {"timex": f"{y:04d}-{code.group(1)}"})
                continue
        out.append((t, x))
    return out


def _join_weekday_dates(text: str, chosen: list) -> list:
    """ "Saturday, April 25", "Friday Oct. 13": one DATE with the date's value (TimeBank annotates the pair as one
    expression, 7 of 7 times), so the weekday is not resolved on its own against the publication date."""
    out = []
    for t, x in chosen:
        if out and t.kind == "date" and t.precision == "day" and t.end_value is None:
            p, px = out[-1]
            if p.kind == "weekday" and not px.get("type") and _WD_GAP.fullmatch(text[p.end:t.start]):
                out[-1] = (TimeExpr(text=text[p.start:t.end], start=p.start, end=t.end, value=t.value,
                                    precision=t.precision, kind=t.kind), x)
                continue
        out.append((t, x))
    return out


def _day_like(c) -> bool:
    t, x = c
    return (not x.get("clock") and bool(t.value) and t.precision == "day" and t.end_value is None
            and t.kind in ("date", "weekday", "relative") and x.get("type") is None)


def _join_clock_times(text: str, chosen: list) -> list:
    """ "10 p.m. Wednesday", "Friday at 3 p.m.", "noon Thursday": one TIME expression on that day; a bare
    "morning" keeps no value (no day to hang it on)."""
    out = []
    i = 0
    while i < len(chosen):
        t, x = chosen[i]
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        if nxt and len(text[t.end:nxt[0].start]) <= 6 and _GAP.match(text[t.end:nxt[0].start]):
            pair = ((t, x), nxt) if x.get("clock") and _day_like(nxt) else \
                (nxt, (t, x)) if nxt[1].get("clock") and _day_like((t, x)) else None
            if pair:
                (_c, cx), (d, dx) = pair
                code = cx.get("timex") or ""
                code = code[code.index("T"):] if "T" in code else ""
                j = TimeExpr(text=text[t.start:nxt[0].end], start=t.start, end=nxt[0].end, value=d.value,
                             precision="day", kind=d.kind)
                out.append((j, {**dx, "type": "TIME", "timex": f"{d.value}{code}"}))
                i += 2
                continue
        if x.get("clock") and (x.get("timex") or "").startswith("T"):
            x = {**x, "timex": None}
        out.append((t, x))
        i += 1
    return out


# "Oct. 12, the day before the plunge", "in 1987, the year after the merger": the noun phrase renames the time
_APPOSED = re.compile(r",\s+(?P<np>the\s+(?P<u>day|month|year))\b(?![-'’])")


def _appositions(text: str, times: list[TimeExpr], end: int) -> list[TimeExpr]:
    """A definite "the day/month/year" in apposition right after a time of that precision names the same time
    (TIMEX3 tags it with that value: "Oct. 12, the day before the stock market plunge" is Oct. 12, not the
    day before it); a span another expression already holds ("the day before." read as an offset) is left."""
    out: list[TimeExpr] = []
    for i, t in enumerate(times):
        out.append(t)
        if not t.value or t.kind not in _EXPLICIT_KINDS + ("weekday",) or t.type != "DATE":
            continue
        m = _APPOSED.match(text, t.end, end)
        if not m or m.group("u").lower() != t.precision:
            continue
        nxt = times[i + 1].start if i + 1 < len(times) else end
        if m.end("np") > nxt:
            continue
        out.append(TimeExpr(text=m.group("np"), start=m.start("np"), end=m.end("np"), value=t.value,
                            precision=t.precision, kind="anchored", type="DATE", timex=t.timex, anchor=t.value))
    return out


def _mark_open_intervals(text: str, times: list[TimeExpr], lo: int) -> None:
    for t in times:
        if t.kind != "date" or t.value is None:
            continue
        prev = PREV_WORD.search(text[max(lo, t.start - 14):t.start])
        if not prev:
            continue
        w = prev.group(1).lower()
        if w == "since":
            t.kind = "since"
        elif w in ("until", "till", "through"):
            t.kind = "until"


def _set_part(t: TimeExpr, y: int, code: str) -> None:
    """Make ``t`` the quarter or half ``code`` ("Q3", "H1") of year ``y``."""
    n = int(code[1])
    first, last = (3 * n - 2, 3 * n) if code[0] == "Q" else (6 * n - 5, 6 * n)
    t.value, t.end_value, t.kind = f"{y:04d}-{first:02d}", f"{y:04d}-{last:02d}", "range"
    t.precision = "quarter" if code[0] == "Q" else "half"
    t.timex = f"{y:04d}-{code}"


_APPOSITION = re.compile(r",\s+")
_ENDED = re.compile(r"\s+end(?:ed|ing)\s+")
_MONTHS_SPAN = re.compile(r"P(?:[2-9]|1[01])M$")  # "the first nine months", "the six months": not a quarter
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"“]")


def _resolve_anchors(text: str, times: list[TimeExpr], extras: dict[int, dict], context: dict | None) -> None:
    """ "two months later" from the nearest preceding explicit time (in this span, else the last one of an
    earlier span through ``context``); "a year earlier/ago", "year-earlier" after a quarter or half (in this
    span, or earlier in the article through ``context``) is that quarter or half a year before ("1988-Q3"), as
    TimeBank annotates earnings reports — unless a span of months ("the first nine months") was named since in
    the same sentence: then it is the year before. A year-ago quarter ("the year-earlier period") says which
    quarter is under discussion (the one a year after it), and "the 1989 period" is that quarter in 1989; a
    quarter in apposition to a year-ago one ("the year-ago quarter, the second quarter ended ...") is that same
    quarter, and "that quarter" is the quarter named last (TimeML anchors it to that time, not to publication)."""
    anchor: TimeExpr | None = None
    carried: TimeExpr | None = (context or {}).get("anchor")  # the last explicit time of an earlier paragraph
    part = (context or {}).get("part")
    named = (context or {}).get("named")  # the last quarter or half named, year-ago ones included
    fiscal = (context or {}).get("fiscal")  # the fiscal quarter a report is about ("the fiscal first quarter")
    months_end: int | None = None
    previous: TimeExpr | None = None
    for t in times:
        x = extras.get(id(t), {})
        t_prev, previous = previous, t
        if x.get("same_part") and part and t.value:  # "the 1989 period" in a report on a third quarter
            _set_part(t, int(t.value[:4]), part[5:])
        elif x.get("that_part") and named:  # "Results for that quarter": the one named last
            _set_part(t, int(named[:4]), named[5:])
        elif x.get("focus") and fiscal:  # after "the fiscal first quarter", "the quarter (ended Sept. 30)" is it
            _set_part(t, int(fiscal[:4]), fiscal[5:])
            named = t.timex
        elif t.timex and _QH.match(t.timex) and t.kind == "range":
            if t_prev is not None and t_prev.timex and _QH.match(t_prev.timex) \
                    and extras.get(id(t_prev), {}).get("yago") and not re.search(r"\d", t.text) \
                    and _APPOSITION.fullmatch(text, t_prev.end, t.start):
                # "the year-ago quarter, the second quarter ended Oct. 31": one quarter, named twice
                _set_part(t, int(t_prev.timex[:4]), t.timex[5:])
                _set_part(t_prev, int(t_prev.timex[:4]), t.timex[5:])
                x = extras[id(t)] = {**x, "yago": True}
            named = t.timex
            fiscal = t.timex if x.get("fiscal") else None if not x.get("yago") else fiscal
            if x.get("yago"):  # "the year-ago quarter" (1988-Q3): the quarter discussed is 1989-Q3
                part = f"{int(t.timex[:4]) + 1:04d}{t.timex[4:]}"
            elif "year-" not in t.text.lower():
                part = t.timex  # a quarter named for itself
            months_end = None
        elif t_prev is not None and extras.get(id(t_prev), {}).get("yago") and t.direction and t.kind == "date" \
                and t.precision == "day" and t.value and _ENDED.fullmatch(text, t_prev.end, t.start):
            # "the year-ago quarter ended Oct. 31": that quarter's end, a year before the one now ending
            d = shift(parse_iso(t.value), -1, "year")
            t.value = t.timex = d.isoformat()
        if t.type == "DURATION" and t.timex and _MONTHS_SPAN.match(t.timex):
            months_end = t.end
        by_year = months_end is not None and not _SENTENCE_BREAK.search(text, months_end, t.start)
        if t.kind == "duration" and t.end_value and t.end_value.startswith("@"):
            n, unit = t.end_value[1:].split(":")
            t.end_value = None
            if anchor is None and part and unit == "year" and n == "-1":
                y = int(part[:4]) - 1
                t.value, t.precision, t.kind, t.direction = str(y), "year", "anchored", "past"
                t.timex = str(y) if by_year else f"{y}{part[4:]}"
                continue
            a = anchor or carried  # "The following month," opening a paragraph: from the last time named before
            if a is None:
                continue
            if a.timex and _PART.match(a.timex) and unit == "year":
                t.timex = f"{int(a.timex[:4]) + int(n):04d}" + ("" if by_year else a.timex[4:])
                t.value, t.precision, t.kind = str(int(a.timex[:4]) + int(n)), "year", "anchored"
                t.anchor = a.value
                continue
            aval = a.end_value if a.kind == "range" and a.end_value else a.value
            aprec = a.precision
            if aprec not in ORDER or aprec in ("decade", "century"):
                continue
            prec = max(aprec, rel.UNIT_PRECISION[unit], key=ORDER.__getitem__)
            d = shift(parse_iso(aval), int(n), unit)
            if d is not None:
                t.value, t.precision, t.kind = iso(d, prec), prec, "anchored"
                t.anchor, t.direction = aval, "past" if int(n) < 0 else "future"
                if t.type != "DURATION":  # "three days later" keeps its TIMEX3 duration (see relative.h_anchored)
                    t.timex = t.value
                    if unit == "day" and prec in _DAY_UNKNOWN:
                        # "that same day" after "last October": a day of that month, its number unknown
                        # (TIMEX3 "1998-10-XX"); ``value`` keeps the month, no finer than the evidence
                        t.timex += _DAY_UNKNOWN[prec]
        elif t.kind in _EXPLICIT_KINDS and t.value:
            # "the quarter ended Sept. 30": the quarter, not its last day, is what "a year earlier" counts from
            ended = t_prev is not None and t_prev.timex and _QH.match(t_prev.timex) \
                and _ENDED.fullmatch(text, t_prev.end, t.start)
            anchor = t_prev if ended else t
        elif x.get("year_back") and part and not by_year:
            y = int(part[:4]) - 1
            t.timex = f"{y:04d}{part[4:]}"
        elif t.kind in _DEICTIC_KINDS and t.value and not t.generic and not t.end_value:
            # "last year ... the year before", "on Monday ... two days later": from that time; a week is no
            # anchor ("last week ... two days later" names no day)
            anchor = t
    if context is not None and part:
        context["part"] = part
    if context is not None and named:
        context["named"], context["fiscal"] = named, fiscal
    if context is not None and anchor is not None:
        context["anchor"] = anchor
