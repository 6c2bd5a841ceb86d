"""Time expressions normalised against the publication date.

Why rules and not ``dateparser.search_dates``: news dates follow a handful of patterns, and a scan of compiled
regexes, each tried only when a cheap substring prefilter says it can match, is about 20x faster on T17
sentences (``bench/timex.py``; timeline summarisation runs this over thousands of articles) and avoids
dateparser's known slips (a weekday equal to the base day sent to the week before; the base day's
number copied into "in November 2017"; numbers such as "10,000" read as years).

Entry points: ``find_times(text, base, start, end)`` (pure, used by timeline/events) and the pipeline stage
``annotate(doc, ctx)``, which runs ``find_times`` paragraph by paragraph against ``doc.published``.

Design choices (what a value means):

- ``value`` is ISO at its ``precision``: ``YYYY-MM-DD`` (day), ``YYYY-MM`` (month), ``YYYY`` (year),
  ``YYY0`` (decade, "the 1990s" -> "1990"). Ranges carry ``end_value`` ("Oct. 4-5", "from 2013 to 2015",
  "2013–2021"). Spans exclude a leading preposition ("in 1997" -> "1997") but include modifiers that change the
  value ("last week", "next Monday", "late 2009", "earlier this week").
- ``kind``: ``date`` (explicit calendar date, with or without year), ``range``, ``weekday``, ``relative``
  (yesterday, last month, two years ago ...), ``decade``, ``since`` / ``until`` (an explicit date right after
  "since" or "until/till/through": an open interval starting/ending there), ``anchored`` (resolved "two months
  later"), ``duration`` (value None: "for nearly three decades", "more than three years after X was
  arrested", or "two months later" with nothing to anchor it), ``vague`` (value None: "in recent days").
- Without a publication date (``base`` None) only expressions that carry their own year get a value; a date
  without year, a weekday or a relative expression keeps ``value`` None.
- Weekdays: the most recent such day on or before publication ("said Tuesday" in a Tuesday story is that
  day), unless the clause is in the future ("will meet on Friday") or says "next"; "last Monday" is strictly
  before. A past-tense verb right before the weekday ("said Friday") always means the past.
- Month and day without year: the latest occurrence not more than 31 days after publication ("on Dec. 30" in
  a Jan. 2 story is the previous year; "on Feb. 29" finds the last leap year), or the next occurrence on or
  after publication when the clause is in the future ("set for June 18"). A month alone ("in June") is the
  latest such month not after publication, or the next one in a future clause.
- Weeks are day ranges: "last week" = Monday .. Sunday of the previous week (precision day, with
  ``end_value``); "earlier this week" = Monday .. the day before publication. "late 2009", "early 2015",
  "mid-2010" keep year precision (the modifier stays in ``text``); "late March 2013" keeps month precision.
- Years alone count only in a date context: after in/since/by/until/from/before/after/during/of ..., when not
  followed by a counted noun ("in 2000 cases"), or before an event noun ("the 2018 general election"). Lexical
  cues (event nouns, future cues, irregular past verbs) live in ``data/timex.yaml``.
- "N units later/earlier" is anchored on the nearest preceding explicit date in the same call's span (the
  stage passes a paragraph), with the coarser of the two precisions ("January 2020 ... two months later" ->
  2020-03, month). "N units after <event>" names its anchor as an event, not a time: kind ``duration``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from parley.document import Document, TimeExpr

# ----------------------------------------------------------------------------------------------- lexicon
# Calendar vocabulary is closed-class grammar (not a dictionary of names), so it lives here.
_MONTH_FORMS = {
    1: ("January", "Jan"), 2: ("February", "Feb"), 3: ("March", "Mar"), 4: ("April", "Apr"), 5: ("May",),
    6: ("June", "Jun"), 7: ("July", "Jul"), 8: ("August", "Aug"), 9: ("September", "Sept", "Sep"),
    10: ("October", "Oct"), 11: ("November", "Nov"), 12: ("December", "Dec"),
}
MONTHS = {form.lower(): n for n, forms in _MONTH_FORMS.items() for form in forms}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}  # monday=0
_WD_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "a couple of": 2, "a few": 3, "several": 3, "a dozen": 12,
}
# irregular plurals that mark a count ("in 2000 people"), as plural "-s" nouns do
_COUNTED = frozenset("people men women children police personnel staff feet cattle sheep fish yen yuan".split())
# words that may follow a bare year after a preposition ("in 1997 he ...", "in 2012 and"); any other lower-case
# word means the number counts something ("in 2000 cases")
_FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet as at by for from in into of on onto to with without when whence where while
    whereas after before since until till than that which who whom whose what he she it they we you i his her
    its their our my your this these those there here is was were are be been being has had have will would
    could should may might must can did do does not no also only then amid against during through throughout
    because although though if unless despite following under over about around per via versus vs""".split()
)


@lru_cache(maxsize=1)
def _cues() -> dict:
    with open(Path(__file__).parent / "data" / "timex.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_C = _cues()
_MON_FULL = _alt(f[0] for f in _MONTH_FORMS.values())
# abbreviations need a dot or a following digit/space; "May" has no abbreviation
_MON_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MON = rf"(?:{_MON_FULL}|{_MON_ABBR})(?![A-Za-z])"
_WD = _alt(calendar.day_name)
_WD_ANY = rf"(?:{_WD}|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?)(?![A-Za-z])"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"  # years with a month; a bare year needs 18xx-20xx (see _BARE_YEAR)
_BARE_YEAR = r"(?:18\d\d|19\d\d|20\d\d)"
COMMA = r"\s?,?\s?"  # T17 is tokenised: "Mar 30 , 2011"
NUM = rf"(?:\d+|{_alt(NUMBER_WORDS)})"
UNIT = r"(?:day|week|month|year|decade)"
QUALNUM = r"(?:(?:more\s+than|less\s+than|nearly|almost|about|around|roughly|some|over|under|just\s+over|" \
    r"just\s+under|at\s+least|at\s+most|up\s+to|another|only)\s+)"
QUAL = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end|start)"
DASH = r"\s?[-–—]\s?"
_YEAR_NOUN = _alt(_C["year_nouns"])
_FUTURE = re.compile(rf"\b(?:{_alt(_C['future_cues'])})\b", re.I)
_PAST_VERBS = frozenset(_C["past_verbs"])
_NOT_WD = frozenset(_C["not_weekday_before"])

I = re.I  # noqa: E741 — short flag alias keeps the rule table readable


def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)


# ------------------------------------------------------------------------------------------------- rules
# Each rule: (priority, compiled regex, handler). Overlaps are settled by span length, then priority.
R_DAY_RANGE = _rx(
    rf"\b(?P<m1>{MON})\s?(?P<d1>{DAY})(?:{COMMA}(?P<y1>{YEAR}))?(?:{DASH}|\s+(?:to|through|until)\s+)"
    rf"(?:(?P<m2>{MON})\s?)?(?P<d2>{DAY})(?:{COMMA}(?P<y2>{YEAR})(?!\d))?"
    rf"|\b(?P<d3>{DAY}){DASH}(?P<d4>{DAY})\s(?P<m3>{MON}){COMMA}(?P<y3>{YEAR})?(?!\d)"
)
R_DATE = _rx(
    rf"(?:\b(?P<wd>{_WD_ANY}){COMMA})?"
    rf"(?:\b(?P<m>{MON})\s?(?P<d>{DAY})(?:{COMMA}(?P<y>{YEAR})(?!\d))?"
    rf"|\b(?:the\s+)?(?P<d2>{DAY})\s(?:of\s)?(?P<m2>{MON})(?:{COMMA}(?P<y2>{YEAR})(?!\d))?)"
    rf"|\b(?P<iy>{YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-3]\d)\b"
)
R_MONTH_YEAR = _rx(rf"\b(?:(?P<q>{QUAL})(?:\s+|-))?(?P<m>{MON})(?:{COMMA}|\s+of\s+)(?P<y>{YEAR})(?!\d|,\d)", 0)
R_SEASON_YEAR = _rx(rf"\b(?:(?:early|late|mid)(?:\s+|-))?(?:spring|summer|autumn|fall|winter)(?:\s+of)?\s+"
                    rf"(?P<y>{YEAR})(?!\d)", I)
R_QUAL_YEAR = _rx(rf"\b(?P<q>{QUAL})(?:\s+|-)(?P<y>{_BARE_YEAR})(?!\d|,\d|[’']?s\b)", I)
R_DECADE = _rx(r"\b(?:(?:the\s+)?(?P<q>early|late|mid)(?:\s+|-))?(?P<y>(?:1[5-9]|20)\d0)[’']?s\b"
               r"|(?<![\w’'])[’'](?P<yy>\d0)s\b", I)
R_YEAR_RANGE = _rx(
    rf"\b(?P<p>from|between)\s+(?:(?P<m1>{MON})\s+)?(?P<y1>{_BARE_YEAR})\s+"
    rf"(?:to|and|until|till|through)\s+(?:(?P<m2>{MON})\s+)?(?P<y2>{_BARE_YEAR})(?!\d|,\d)"
    rf"|\b(?P<p2>from|between)\s+(?P<m3>{MON})\s+(?:to|and|until|till|through)\s+(?P<m4>{MON}){COMMA}"
    rf"(?P<y3>{YEAR})(?!\d|,\d)"
    rf"|(?<![\d$£€.,/-])\b(?P<y4>{_BARE_YEAR})\s?[-–—/]\s?(?P<y5>{_BARE_YEAR}|\d\d)(?!\d|,\d|\s?%|-)",
    0,
)
R_PREP_YEAR = _rx(
    r"(?<![\w$£€])(?P<p>(?i:in|since|by|until|till|from|before|after|during|of|through|throughout|around|"
    r"circa|as\s+of|year|early\s+as|late\s+as))\s+"
    rf"(?P<y>{_BARE_YEAR})(?![\d,.]\d|\s?%|\s?(?i:percent|per\b))"
)
R_NOUN_YEAR = _rx(
    rf"(?<![\w$£€.,])(?P<y>{_BARE_YEAR})(?:[’']s)?\s+(?:(?![A-Za-z-]*s\s)[A-Za-z-]+\s+){{0,2}}?(?i:{_YEAR_NOUN})s?\b"
    rf"|(?<![\w$£€.,])(?P<y2>{_BARE_YEAR})[’']s\b"
)
R_PREP_MONTH = _rx(
    rf"(?:(?<![\w])(?i:in|since|by|until|till|from|during|through|throughout|before|after|of)\s+"
    rf"|\b(?P<mod>(?i:last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    rf"the\s+middle\s+of))(?:\s+|-))(?P<m>{_MON_FULL})\b(?!{COMMA}\d)"
    rf"(?:\s+(?P<ymod>(?i:last|this|next))\s+year\b)?"
)
R_RELATIVE_DAY = _rx(
    r"\b(?P<w>(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow|yesterday|today|tonight|"
    r"tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b", I)
R_RELATIVE_UNIT = _rx(
    r"\b(?:(?P<pre>earlier|later)\s+)?(?P<mod>last|this|next)\s+(?P<u>week|weekend|month|year)\b", I)
R_WEEKDAY = _rx(rf"\b(?:(?P<mod>(?i:last|next|this|coming|past))\s+)?(?P<wd>{_WD})(?!s\b)(?![A-Za-z])")
R_AGO = _rx(rf"(?<![\d,.])\b{QUALNUM}?(?P<n>{NUM})\s+(?P<u>{UNIT})s?\s+ago\b", I)
R_ANCHORED = _rx(
    rf"\b{QUALNUM}?(?P<n>{NUM})\s+(?P<u>{UNIT})s?\s+(?P<dir>later|earlier|afterwards?|before|after)\b"
    rf"|\bthe\s+(?P<nx>next|following|previous|preceding)\s+(?P<u2>day|week|month|year)\b"
    rf"|\bthe\s+(?P<u3>day|week|month|year)\s+(?P<dir3>before|after)(?=\s*[,.;:!?)]|\s*$)",
    I,
)
R_DURATION = _rx(
    rf"\b(?:for|over|during|within|in|throughout|of)\s+(?:(?:the|a)\s+)?(?:(?:past|last|next|first|coming|"
    rf"previous|following)\s+)?{QUALNUM}?(?P<n>{NUM})\s+(?P<u>{UNIT})s?\b"
    rf"|\b(?:for|over)\s+(?:many\s+|several\s+|some\s+)?(?:days|weeks|months|years|decades)\b"
    rf"|\bthe\s+(?:past|last|previous|next|coming)\s+{QUALNUM}?(?P<n2>{NUM})\s+(?P<u2>{UNIT})s?\b",
    I,
)
R_VAGUE = _rx(
    r"\b(?:in|over|during|within)\s+(?:the\s+)?(?:recent|past|last|coming|next|few|upcoming)\s+(?:few\s+)?"
    r"(?:days|weeks|months|years)\b|\bin\s+recent\s+(?:days|weeks|months|years)\b", I)

# sentence/clause boundary for the tense window
_CLAUSE_END = re.compile(r"[.!?;:,]\s|[“”\"]")
_PREV_WORD = re.compile(r"([A-Za-z’']+)\W*$")


# --------------------------------------------------------------------------------------------- helpers
def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _weekday(name: str) -> int:
    key = name.rstrip(".").lower()
    return WEEKDAYS.get(key, _WD_ABBR.get(key, -1))


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _num(s: str) -> int:
    s = re.sub(r"\s+", " ", s.lower())
    return int(s) if s.isdigit() else NUMBER_WORDS.get(s, 1)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _iso(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "decade":
        return f"{d.year - d.year % 10:04d}"
    return f"{d.year:04d}"


def _parse_iso(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


_ORDER = {"day": 0, "month": 1, "year": 2, "decade": 3}


def _clause_before(text: str, pos: int, lo: int) -> str:
    window = text[max(lo, pos - 90):pos]
    cut = 0
    for m in _CLAUSE_END.finditer(window):
        cut = m.end()
    return window[cut:]


def _is_future(text: str, pos: int, lo: int) -> bool:
    return bool(_FUTURE.search(_clause_before(text, pos, lo)))


def _past_verb_before(text: str, pos: int, lo: int) -> bool:
    before = text[max(lo, pos - 30):pos]
    before = re.sub(r"(?:\b(?:on|late|early)\s*)+$", "", before.rstrip(), flags=re.I)
    m = _PREV_WORD.search(before)
    if not m:
        return False
    w = m.group(1).lower()
    return w in _PAST_VERBS or (w.endswith("ed") and len(w) > 3)


def _md_date(m: int, d: int, base: date, future: bool) -> date | None:
    """Year of a month-day without year (see the module docstring)."""
    if future:
        for y in range(base.year, base.year + 5):
            cand = _safe(y, m, d)
            if cand and cand >= base:
                return cand
        return None
    limit = base + timedelta(days=31)
    for y in range(base.year + 1, base.year - 5, -1):
        cand = _safe(y, m, d)
        if cand and cand <= limit:
            return cand
    return None


def _month_year(m: int, base: date, future: bool) -> int:
    if future:
        return base.year if m >= base.month else base.year + 1
    limit = base + timedelta(days=31)  # as for dates: up to a month ahead still reads as "this" one
    return base.year if date(base.year, m, 1) <= limit else base.year - 1


# --------------------------------------------------------------------------------------------- handlers
# A handler returns (start, end, value, precision, end_value, kind) or None to drop the match.
def _h_day_range(m, text, base, lo):
    if m.group("d3"):
        m1 = m2 = _month(m.group("m3"))
        d1, d2, y = _day(m.group("d3")), _day(m.group("d4")), m.group("y3")
        y1 = y2 = y
    else:
        m1 = _month(m.group("m1"))
        m2 = _month(m.group("m2")) if m.group("m2") else m1
        d1, d2 = _day(m.group("d1")), _day(m.group("d2"))
        y1, y2 = m.group("y1"), m.group("y2")
        y1 = y1 or y2
        y2 = y2 or y1
    if y1:
        a, b = _safe(int(y1), m1, d1), _safe(int(y2), m2, d2)
    elif base:
        a = _md_date(m1, d1, base, _is_future(text, m.start(), lo))
        b = a and _safe(a.year + (1 if m2 < m1 else 0), m2, d2)
    else:
        if not (_safe(2000, m1, d1) and _safe(2000, m2, d2)):
            return None
        return m.start(), m.end(), None, "day", None, "range"
    if not a or not b or b < a:
        return None
    return m.start(), m.end(), a.isoformat(), "day", b.isoformat(), "range"


def _h_date(m, text, base, lo):
    if m.group("iy"):
        d = _safe(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        return (m.start(), m.end(), d.isoformat(), "day", None, "date") if d else None
    mon, day, y = (m.group("m"), m.group("d"), m.group("y")) if m.group("m") else (
        m.group("m2"), m.group("d2"), m.group("y2"))
    mo, dd = _month(mon), _day(day)
    if y:
        d = _safe(int(y), mo, dd)
    elif base:
        d = _md_date(mo, dd, base, _is_future(text, m.start(), lo))
        wd = m.group("wd")
        if d and wd and d.weekday() != _weekday(wd):  # "Tuesday 2 November": the year whose day fits
            fits = [c for y in (base.year - 1, base.year, base.year + 1)
                    if (c := _safe(y, mo, dd)) and c.weekday() == _weekday(wd)]
            d = min(fits, key=lambda c: abs((c - base).days)) if fits else d
    else:
        return (m.start(), m.end(), None, "day", None, "date") if _safe(2000, mo, dd) else None
    if d is None:
        return None
    return m.start(), m.end(), d.isoformat(), "day", None, "date"


def _h_month_year(m, text, base, lo):
    return m.start(), m.end(), f"{int(m.group('y')):04d}-{_month(m.group('m')):02d}", "month", None, "date"


def _h_year_only(m, text, base, lo):
    return m.start(), m.end(), m.group("y"), "year", None, "date"


def _h_decade(m, text, base, lo):
    if m.group("yy"):
        yy = int(m.group("yy"))
        century = 1900 if base is None or yy > base.year % 100 else 2000
        y = century + yy
    else:
        y = int(m.group("y"))
    s = m.start()
    if text.startswith("the ", s) or text.startswith("The ", s):
        s += 4
    return s, m.end(), f"{y:04d}", "decade", None, "decade"


def _h_year_range(m, text, base, lo):
    if m.group("y3"):
        y = int(m.group("y3"))
        a, b = _month(m.group("m3")), _month(m.group("m4"))
        ya = y - 1 if a > b else y
        return m.start(), m.end(), f"{ya:04d}-{a:02d}", "month", f"{y:04d}-{b:02d}", "range"
    if m.group("y4"):
        y1 = int(m.group("y4"))
        raw = m.group("y5")
        y2 = int(raw) if len(raw) == 4 else y1 - y1 % 100 + int(raw)
        if not 0 < y2 - y1 <= 100:
            return None
        return m.start(), m.end(), str(y1), "year", str(y2), "range"
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    m1 = m.group("m1")
    m2 = m.group("m2")
    if y2 < y1:
        return None
    start = m.start()  # "from 2013 to 2015": the whole phrase is the range
    if m1 and m2:
        return start, m.end(), f"{y1:04d}-{_month(m1):02d}", "month", f"{y2:04d}-{_month(m2):02d}", "range"
    return start, m.end(), str(y1), "year", str(y2), "range"


def _h_prep_year(m, text, base, lo):
    after = text[m.end():m.end() + 30]
    w = re.match(r"\s+([a-z][a-z-]*)", after)
    if w and w.group(1) not in _FUNCTION_WORDS and (w.group(1).endswith("s") or w.group(1) in _COUNTED):
        return None  # "in 2000 cases": a counted noun follows
    return m.start("y"), m.end("y"), m.group("y"), "year", None, "date"


def _h_noun_year(m, text, base, lo):
    g = "y" if m.group("y") else "y2"
    if re.search(r"[$£€]\s?$", text[max(lo, m.start() - 2):m.start()]):
        return None
    return m.start(g), m.end(g), m.group(g), "year", None, "date"


def _h_prep_month(m, text, base, lo):
    mo = _month(m.group("m"))
    mod = (m.group("mod") or "").lower()
    s = m.start() if mod else m.start("m")
    if base is None:
        return s, m.end(), None, "month", None, "date"
    if m.group("ymod"):
        y = base.year + {"last": -1, "this": 0, "next": 1}[m.group("ymod").lower()]
    elif mod == "last":
        y = base.year if mo < base.month else base.year - 1
    elif mod == "next":
        y = base.year if mo > base.month else base.year + 1
    elif mod == "this":
        y = base.year
    else:
        y = _month_year(mo, base, _is_future(text, m.start(), lo))
    return s, m.end(), f"{y:04d}-{mo:02d}", "month", None, "date"


def _h_relative_day(m, text, base, lo):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    off = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(w, 0)
    if "before yesterday" in w:
        off = -2
    elif "after tomorrow" in w:
        off = 2
    val = (base + timedelta(days=off)).isoformat() if base else None
    return m.start(), m.end(), val, "day", None, "relative"


def _h_relative_unit(m, text, base, lo):
    pre, mod, unit = (m.group("pre") or "").lower(), m.group("mod").lower(), m.group("u").lower()
    if base is None:
        return m.start(), m.end(), None, {"week": "day", "weekend": "day"}.get(unit, unit), None, "relative"
    step = {"last": -1, "this": 0, "next": 1}[mod]
    if unit in ("week", "weekend"):
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        a, b = (monday, monday + timedelta(days=6)) if unit == "week" else (
            monday + timedelta(days=5), monday + timedelta(days=6))
        if mod == "this" and pre == "earlier":
            b = max(monday, base - timedelta(days=1))
        elif mod == "this" and pre == "later":
            a = min(b, base + timedelta(days=1))
        return m.start(), m.end(), a.isoformat(), "day", b.isoformat(), "relative"
    if unit == "month":
        return m.start(), m.end(), _iso(_add_months(base.replace(day=1), step), "month"), "month", None, "relative"
    return m.start(), m.end(), str(base.year + step), "year", None, "relative"


def _h_weekday(m, text, base, lo):
    wd = WEEKDAYS[m.group("wd").lower()]
    mod = (m.group("mod") or "").lower()
    prev = _PREV_WORD.search(text[max(lo, m.start() - 12):m.start()])
    if not mod and prev and prev.group(1).lower() in _NOT_WD:
        return None  # "Good Friday"
    s = m.start() if mod else m.start("wd")
    if base is None:
        return s, m.end(), None, "day", None, "weekday"
    back = (base.weekday() - wd) % 7
    fwd = (wd - base.weekday()) % 7
    if mod == "last" or mod == "past":
        d = base - timedelta(days=back or 7)
    elif mod in ("next", "coming"):
        d = base + timedelta(days=fwd or 7)
    elif not _past_verb_before(text, m.start(), lo) and _is_future(text, m.start(), lo):
        d = base + timedelta(days=fwd)
    else:
        d = base - timedelta(days=back)
    return s, m.end(), d.isoformat(), "day", None, "weekday"


def _offset(d: date, n: int, unit: str) -> date | None:
    """``d`` moved by ``n`` units, or None when that leaves the calendar ("7,000 years ago")."""
    try:
        return _shift(d, n, unit)
    except (ValueError, OverflowError):
        return None


def _shift(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return _add_months(d, n)
    years = n * (10 if unit == "decade" else 1)
    return _safe(d.year + years, d.month, d.day) or date(d.year + years, d.month, 28)


_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}


def _h_ago(m, text, base, lo):
    unit = m.group("u").lower()
    prec = _UNIT_PRECISION[unit]
    if base is None:
        return m.start(), m.end(), None, prec, None, "relative"
    d = _offset(base, -_num(m.group("n")), unit)
    if d is None:
        return m.start(), m.end(), None, prec, None, "duration"
    return m.start(), m.end(), _iso(d, prec), prec, None, "relative"


def _h_anchored(m, text, base, lo):
    # resolved later against the nearest preceding explicit date (see _resolve_anchors)
    if m.group("nx"):
        direction = -1 if m.group("nx").lower() in ("previous", "preceding") else 1
        n, unit = 1, m.group("u2").lower()
    elif m.group("u3"):
        direction = -1 if m.group("dir3").lower() == "before" else 1
        n, unit = 1, m.group("u3").lower()
    else:
        d = m.group("dir").lower()
        if d in ("before", "after") and re.match(r"\s*[A-Za-z“\"‘']", text[m.end():m.end() + 3]):
            return m.start(), m.end(), None, _UNIT_PRECISION[m.group("u").lower()], None, "duration"
        else:
            direction = -1 if d in ("earlier", "before") else 1
        n, unit = _num(m.group("n")), m.group("u").lower()
    return m.start(), m.end(), None, _UNIT_PRECISION[unit], f"@{direction * n}:{unit}", "duration"


def _h_duration(m, text, base, lo):
    s = m.start()
    lead = re.match(r"(?i:for|over|during|within|in|throughout|of)\s+", text[s:m.end()])
    if lead:
        s += lead.end()
    return s, m.end(), None, "day", None, "duration"


def _h_vague(m, text, base, lo):
    return m.start(), m.end(), None, "day", None, "vague"


# (priority: lower wins among equal-length overlapping spans; needles: lower-case substrings one of which the span
# must contain for the rule to be tried at all — a cheap prefilter that keeps the scan fast)
_MONTH_NEEDLES = tuple(f[0].lower() for f in _MONTH_FORMS.values())
RULES = [
    (0, R_DAY_RANGE, _h_day_range, ("-", "–", "—", " to ", "through", "until")),
    (1, R_DATE, _h_date, None),
    (2, R_YEAR_RANGE, _h_year_range, ("from", "between", "-", "–", "—", "/")),
    (3, R_MONTH_YEAR, _h_month_year, None),
    (4, R_SEASON_YEAR, _h_year_only, ("spring", "summer", "autumn", "fall", "winter")),
    (5, R_DECADE, _h_decade, ("0s", "0's", "0’s")),
    (6, R_QUAL_YEAR, _h_year_only, ("early", "late", "mid", "end", "start", "beginning")),
    (7, R_ANCHORED, _h_anchored, ("later", "earlier", "after", "before", "next", "following", "previous",
                                  "preceding")),
    (8, R_AGO, _h_ago, ("ago",)),
    (9, R_VAGUE, _h_vague, ("days", "weeks", "months", "years")),
    (10, R_DURATION, _h_duration, ("day", "week", "month", "year", "decade")),
    (11, R_RELATIVE_UNIT, _h_relative_unit, ("last", "this", "next")),
    (12, R_RELATIVE_DAY, _h_relative_day, ("yesterday", "today", "tonight", "tomorrow", "last night",
                                           "this morning", "this afternoon", "this evening")),
    (13, R_PREP_MONTH, _h_prep_month, _MONTH_NEEDLES),
    (14, R_NOUN_YEAR, _h_noun_year, ("1", "2")),
    (15, R_PREP_YEAR, _h_prep_year, ("1", "2")),
    (16, R_WEEKDAY, _h_weekday, ("day",)),
]
_DIGIT_RULES = frozenset((R_DAY_RANGE, R_DATE, R_YEAR_RANGE, R_MONTH_YEAR, R_SEASON_YEAR, R_DECADE, R_QUAL_YEAR,
                          R_NOUN_YEAR, R_PREP_YEAR))
_HAS_DIGIT = re.compile(r"\d")
_EXPLICIT_KINDS = ("date", "range", "since", "until")


def find_times(text: str, base: date | None, start: int = 0, end: int | None = None) -> list[TimeExpr]:
    """Time expressions in ``text[start:end]``, offsets into ``text``, normalised against ``base``.

    ``base`` is the publication date (``None`` when unknown). Anchored expressions ("two months later") are
    resolved against the nearest preceding explicit date inside the same span, so pass a sentence or a
    paragraph, not a whole corpus.
    """
    end = len(text) if end is None else end
    low = text[start:end].lower()
    digits = _HAS_DIGIT.search(low) is not None
    cands = []
    for prio, rx, handler, needles in RULES:
        if rx in _DIGIT_RULES and not digits:
            continue
        if needles and not any(n in low for n in needles):
            continue
        for m in rx.finditer(text, start, end):
            got = handler(m, text, base, start)
            if got is not None:
                cands.append((got, prio))
    if not cands:
        return []
    cands.sort(key=lambda c: (-(c[0][1] - c[0][0]), c[1], c[0][0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for (s, e, value, prec, end_value, kind), _prio in cands:
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        chosen.append(TimeExpr(text=text[s:e], start=s, end=e, value=value, precision=prec,
                               end_value=end_value, kind=kind))
    chosen.sort(key=lambda t: t.start)
    _mark_open_intervals(text, chosen, start)
    _resolve_anchors(chosen)
    return chosen


def _mark_open_intervals(text: str, times: list[TimeExpr], lo: int) -> None:
    for t in times:
        if t.kind != "date" or t.value is None:
            continue
        prev = _PREV_WORD.search(text[max(lo, t.start - 14):t.start])
        if not prev:
            continue
        w = prev.group(1).lower()
        if w == "since":
            t.kind = "since"
        elif w in ("until", "till", "through"):
            t.kind = "until"


def _resolve_anchors(times: list[TimeExpr]) -> None:
    anchor: TimeExpr | None = None
    for t in times:
        if t.kind == "duration" and t.end_value and t.end_value.startswith("@"):
            n, unit = t.end_value[1:].split(":")
            t.end_value = None
            if anchor is None:
                continue
            aval = anchor.end_value if anchor.kind == "range" and anchor.end_value else anchor.value
            aprec = anchor.precision
            prec = max(aprec, _UNIT_PRECISION[unit], key=_ORDER.__getitem__)
            if aprec == "decade":
                continue
            d = _offset(_parse_iso(aval), int(n), unit)
            if d is not None:
                t.value, t.precision, t.kind = _iso(d, prec), prec, "anchored"
        elif t.kind in _EXPLICIT_KINDS and t.value:
            anchor = t


def _base_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def annotate(doc: Document, ctx=None) -> Document:
    """Pipeline stage: fill ``doc.times``, paragraph by paragraph, against ``doc.published``."""
    base = _base_date(doc.published)
    spans = doc.paragraphs
    if not spans:
        from parley.text import paragraphs

        spans = paragraphs(doc.text)
    times: list[TimeExpr] = []
    for s, e in spans:
        times.extend(find_times(doc.text, base, s, e))
    doc.times = times
    return doc
