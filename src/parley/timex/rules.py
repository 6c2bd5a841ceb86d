"""Calendar expressions that name their own date: full dates, months, years, ranges, decades and centuries,
quarters, halves, seasons and fiscal years.

Each rule is a compiled regex with a handler ``h(m, text, base, lo)`` returning a hit (see ``hit``), a list
of hits ("2003-2004" is two expressions, as TimeML annotates it) or None to drop the match. Values are
calendar ISO at their precision; the TIMEX3 value is derived in ``timex3`` unless a handler sets it (seasons,
quarters, halves, centuries, which ISO dates cannot spell).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from parley.timex.dates import is_future, latest_part, md_date, month_year, next_part, placed, safe, tense
from parley.timex.lexicon import (
    BARE_YEAR,
    COMMA,
    COUNTED,
    DASH,
    DAY,
    FUNCTION_WORDS,
    MON,
    MON_FULL,
    ORDINALS,
    QUAL,
    SEASON_MONTHS,
    SEASONS,
    WD_ANY,
    YEAR,
    YEAR_NOUN,
    C,
    day,
    month,
    weekday,
)

_YEAR_NOUNS = frozenset(C["year_nouns"])


def hit(s, e, value, prec, end_value=None, kind="date", **extra):
    """A candidate: span, calendar value, precision, end of a range, kind, and TIMEX3 extras (type, timex,
    direction, anchor, generic) when the handler knows them."""
    return s, e, value, prec, end_value, kind, extra or None


R_DAY_RANGE = re.compile(
    rf"\b(?P<m1>{MON})\s?(?P<d1>{DAY})(?:{COMMA}(?P<y1>{YEAR}))?(?:{DASH}|\s+(?:to|through|until)\s+)"
    rf"(?:(?P<m2>{MON})\s?)?(?P<d2>{DAY})(?:{COMMA}(?P<y2>{YEAR})(?!\d))?"
    rf"|\b(?P<d3>{DAY}){DASH}(?P<d4>{DAY})\s(?P<m3>{MON}){COMMA}(?P<y3>{YEAR})?(?!\d)"
)
R_DATE = re.compile(
    rf"(?:\b(?P<wd>{WD_ANY}){COMMA})?"
    rf"(?:\b(?P<m>{MON})\s?(?P<d>{DAY})(?:{COMMA}(?P<y>{YEAR})(?!\d))?"
    rf"|\b(?:the\s+)?(?P<d2>{DAY})\s(?:of\s)?(?P<m2>{MON})(?:{COMMA}(?P<y2>{YEAR})(?!\d))?)"
)
R_ISO_DATE = re.compile(rf"\b(?P<iy>{YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-3]\d)\b")
R_MONTH_YEAR = re.compile(rf"\b(?:(?P<q>{QUAL})(?:\s+|-))?(?P<m>{MON})(?:{COMMA}|\s+of\s+)(?P<y>{YEAR})(?!\d|,\d)")
R_SEASON = re.compile(
    rf"\b(?:(?P<mod>last|this|next|past|coming|the|(?:the\s+)?(?:early|late|mid))(?:\s+|-))?"
    rf"(?P<s>spring|summer|autumn|fall|winter)\b(?:(?:\s+of)?\s+(?P<y>{YEAR})(?!\d))?", re.I)
R_QUARTER = re.compile(
    rf"\b(?:the\s+)?(?:(?P<ya>(?:comparable\s+)?year-(?:ago|earlier))\s+)?"
    rf"(?:(?P<y>{YEAR})\s+|(?P<ym>this|last|next)\s+year[’']s\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
    r"(?P<o>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|calendar)\s+)?quarter\b"
    rf"(?:\s+of\s+(?:(?P<y2>{YEAR})|(?P<ym2>this|last|next)\s+year|the\s+year))?"
    r"|\b(?:the\s+)?(?:comparable\s+)?(?P<rel>latest|current|this|last|next|past|previous|recent|year-ago|"
    r"year-earlier)\s+quarter\b"
    r"|\bthe\s+(?:comparable\s+)?(?P<relp>latest|year-ago|year-earlier)\s+period\b"
    rf"|\bthe\s+(?P<y3>{YEAR})\s+(?P<y3u>quarter|period)\b"
    # "the quarter a year ago", "the corresponding period last year", "last year's quarter": the year-ago quarter
    r"|\bthe\s+(?:comparable\s+|corresponding\s+|same\s+)?(?:quarter|period)\s+(?P<yb>a\s+year\s+(?:ago|earlier)|"
    r"last\s+year)\b|\blast\s+year[’']s\s+(?P<yb2>quarter|period)\b"
    r"|\bthe\s+quarter\b(?!-)"
    r"|\bthat\s+(?:same\s+)?(?P<that>quarter)\b", re.I)  # the quarter last named (find._resolve_anchors)
_RESULTS_AFTER = re.compile(rf"[’']s\s+(?:[a-z-]+\s+)?(?:{'|'.join(C['results_nouns'])})\b", re.I)
_QUARTER_ENDED = re.compile(rf"\s+end(?:ed|ing)\s+(?P<m>{MON})\s?(?P<d>{DAY})")
R_HALF = re.compile(
    r"\b(?:the\s+)?(?:(?P<o>first|second|1st|2nd|latter|last(?=\s+half\s+of\s+\d))[\s-]+half|"
    r"(?P<q2>first|last)\s+two\s+quarters)\b"  # "the first two quarters of 1990": its first half
    rf"(?:\s+of\s+(?:(?P<y>{YEAR})\b|(?P<ym>this|last|next)\s+year\b|the\s+year\b|(?P<other>\w+)))?", re.I)
R_FISCAL = re.compile(
    rf"\b(?:fiscal|financial)(?:\s+year)?\s+(?P<y>{YEAR}|'\d\d)\b"
    r"|\bthe\s+(?P<rel>current|latest|last|previous|next|coming|new)?\s*fiscal\s+year\b", re.I)
R_QUAL_YEAR = re.compile(rf"\b(?P<q>{QUAL})(?:\s+|-)(?P<y>{BARE_YEAR})(?!\d|,\d|[’']?s\b)", re.I)
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
R_DECADE = re.compile(r"\b(?:(?:the\s+)?(?P<q>early|late|mid)(?:\s+|-))?(?P<y>(?:1[5-9]|20)\d0)[’']?s\b"
                      r"|(?<![\w’'])[’'](?P<yy>\d0)s\b"
                      r"|\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|"
                      r"seventies|eighties|nineties)\b", re.I)
_CENT_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}
R_CENTURY = re.compile(
    r"\b(?:the\s+)?(?:(?P<q>early|late|mid)[\s-]+)?(?P<n>1[5-9]|2[01])(?:st|nd|rd|th)[\s-]+century\b"
    r"|\b(?:the\s+)?(?P<w>eighteenth|nineteenth|twentieth|twenty[\s-]first)[\s-]+century\b"
    r"|\b(?P<rel>this|next|the\s+new|the\s+previous)\s+century\b", re.I)
R_YEAR_RANGE = re.compile(
    rf"\b(?P<p>(?i:from|between))\s+(?:(?P<m1>{MON})\s+)?(?P<y1>{BARE_YEAR})\s+"
    rf"(?:to|and|until|till|through)\s+(?:(?P<m2>{MON})\s+)?(?P<y2>{BARE_YEAR})(?!\d|,\d)"
    rf"|\b(?P<p2>(?i:from|between))\s+(?P<m3>{MON})\s+(?:to|and|until|till|through)\s+(?P<m4>{MON}){COMMA}"
    rf"(?P<y3>{YEAR})(?!\d|,\d)"
    rf"|(?<![\d$£€.,/-])\b(?P<y4>{BARE_YEAR})\s?[-–—/]\s?(?P<y5>{BARE_YEAR}|\d\d)(?!\d|,\d|\s?%|-|:|\.\d)"
)
R_PREP_YEAR = re.compile(
    r"(?<![\w$£€])(?P<p>(?i:in|since|by|until|till|from|before|after|during|of|through|throughout|around|"
    r"circa|as\s+of|year|early\s+as|late\s+as))\s+"
    rf"(?P<y>{BARE_YEAR})(?![\d,.]\d|\s?%|\s?(?i:percent|per\b))"
)
R_NOUN_YEAR = re.compile(
    rf"(?<![\w$£€.,])(?P<y>{BARE_YEAR})(?:[’']s)?\s+(?:(?![A-Za-z-]*s\s)[A-Za-z-]+\s+){{0,2}}?(?i:{YEAR_NOUN})s?\b"
    rf"|(?<![\w$£€.,])(?P<y2>{BARE_YEAR})[’']s\b"
    # a year used as a modifier after a determiner: "a 2011 air strike", "the 1998 figure"
    rf"|(?<![\w$£€.,])(?i:a|an|the|its|their|his|her|our|this|that)\s+(?P<y3>{BARE_YEAR})\s+(?=[a-z])"
)
R_PREP_MONTH = re.compile(
    rf"(?:(?<![\w])(?i:in|since|by|until|till|from|during|through|throughout|before|after|of|for|into|to|"
    rf"a|an|the|its|their|his|her)\s+(?=[A-Z][a-z]+(?:[’']s\b|\s+[a-z]))"
    rf"|(?<![\w])(?i:in|since|by|until|till|from|during|through|throughout|before|after|of)\s+"
    rf"|(?<![\w])(?i:for|to)\s+(?!May\b|June\b|April\b|August\b)"  # "planned for October"; "for May": a name
    rf"|\b(?P<mod>(?i:last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    rf"the\s+middle\s+of))(?:\s+|-))(?P<m>{MON_FULL})\b"
    rf"(?!{COMMA}(?:\d{{4}}\b|\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s+[a-z])))"  # a year or day: another rule's
    rf"(?:\s+(?P<ymod>(?i:last|this|next))\s+year\b)?"
)


def h_day_range(m, text, base, lo):
    if m.group("d3"):
        m1 = m2 = month(m.group("m3"))
        d1, d2, y = day(m.group("d3")), day(m.group("d4")), m.group("y3")
        y1 = y2 = y
    else:
        m1 = month(m.group("m1"))
        m2 = month(m.group("m2")) if m.group("m2") else m1
        d1, d2 = day(m.group("d1")), day(m.group("d2"))
        y1, y2 = m.group("y1"), m.group("y2")
        y1 = y1 or y2
        y2 = y2 or y1
    extra = {}
    if y1:
        a, b = safe(int(y1), m1, d1), safe(int(y2), m2, d2)
    elif base:
        way = tense(text, m.start(), m.end(), lo)
        a = md_date(m1, d1, base, way)
        b = a and safe(a.year + (1 if m2 < m1 else 0), m2, d2)
        extra = {"direction": placed(a, base, way), "anchor": base.isoformat()}
    else:
        if not (safe(2000, m1, d1) and safe(2000, m2, d2)):
            return None
        return hit(m.start(), m.end(), None, "day", None, "range")
    if not a or not b or b < a:
        return None
    if m.group("m2") and not m.group("d3"):  # "Aug. 26 to Oct. 20": two dates, as TimeML annotates them
        return [hit(m.start(), m.end("d1") if not m.group("y1") else m.end("y1"), a.isoformat(), "day",
                    b.isoformat(), "range", timex=a.isoformat(), **extra),
                hit(m.start("m2"), m.end(), b.isoformat(), "day", **extra)]
    return hit(m.start(), m.end(), a.isoformat(), "day", b.isoformat(), "range", **extra)


def h_iso_date(m, text, base, lo):
    d = safe(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    return hit(m.start(), m.end(), d.isoformat(), "day") if d else None


def h_date(m, text, base, lo):
    mon, dd, y = (m.group("m"), m.group("d"), m.group("y")) if m.group("m") else (
        m.group("m2"), m.group("d2"), m.group("y2"))
    mo, dn = month(mon), day(dd)
    extra = {}
    if y:
        d = safe(int(y), mo, dn)
    elif base:
        way = tense(text, m.start(), m.end(), lo)
        d = md_date(mo, dn, base, way)
        extra = {"direction": placed(d, base, way), "anchor": base.isoformat()}
        wd = m.group("wd")
        if d and wd and d.weekday() != weekday(wd):  # "Tuesday 2 November": the year whose day fits
            fits = [c for y in (base.year - 1, base.year, base.year + 1)
                    if (c := safe(y, mo, dn)) and c.weekday() == weekday(wd)]
            d = min(fits, key=lambda c: abs((c - base).days)) if fits else d
    else:
        return hit(m.start(), m.end(), None, "day") if safe(2000, mo, dn) else None
    if d is None:
        return None
    return hit(m.start(), m.end(), d.isoformat(), "day", **extra)


def h_month_year(m, text, base, lo):
    return hit(m.start(), m.end(), f"{int(m.group('y')):04d}-{month(m.group('m')):02d}", "month")


def h_year_only(m, text, base, lo):
    return hit(m.start(), m.end(), m.group("y"), "year")


def _part(s, e, y: int, code: str, first: int, last: int, prec: str, **extra):
    """A quarter/half/season: calendar value = its first month, end_value = its last (December-February
    winters end in the next year); TIMEX3 value ``YYYY-<code>``."""
    ey = y + 1 if last < first else y
    return hit(s, e, f"{y:04d}-{first:02d}", prec, f"{ey:04d}-{last:02d}", "range", timex=f"{y:04d}-{code}",
               **extra)


def _in_part(first: int, last: int, base: date) -> bool:
    mo = base.month
    return first <= mo <= last if first <= last else (mo >= first or mo <= last)


def h_season(m, text, base, lo):
    mod = re.sub(r"\s+", " ", (m.group("mod") or "").lower())
    word = m.group("s").lower()
    if not mod and not m.group("y"):
        return None  # a bare "fall" is a verb, a bare "spring" a noun
    if mod == "the" and not m.group("y") and re.match(r"\s+of\b(?!\s+(?:nineteen|two\s+thousand)\b)",
                                                       text[m.end():m.end() + 20], re.I):
        return None  # "the fall of the city" (not "the winter of nineteen ninety-four": see find)
    code = SEASONS[word]
    first, last = SEASON_MONTHS[code]
    s = m.start() if mod and mod != "the" or m.group("y") else m.start("s")
    if mod == "the":
        s = m.start()
    if m.group("y"):
        return _part(s, m.end(), int(m.group("y")), code, first, last, "season")
    if base is None:
        return hit(s, m.end(), None, "season", None, "range")
    now = _in_part(first, last, base)
    y = latest_part(first, base, False)
    if mod in ("last", "past"):
        y = y - 1 if now else y
    elif mod in ("next", "coming"):
        y = next_part(first, base)
    elif mod == "this":
        y = y if now or (first, 1) <= (base.month, base.day) else base.year
    elif is_future(text, m.start(), lo) and not now:
        y = latest_part(first, base, True, (last - first) % 12 + 1)
    return _part(s, m.end(), y, code, first, last, "season", anchor=base.isoformat())


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def h_quarter(m, text, base, lo):
    rel = (m.group("rel") or m.group("relp") or "").lower()
    if m.group("yb") or m.group("yb2"):
        rel = "year-ago"
    y = m.group("y") or m.group("y2")
    ym = (m.group("ym") or m.group("ym2") or "").lower()
    if m.group("o"):
        q = ORDINALS.get(m.group("o").lower(), 4)
        yago = {"yago": True} if m.group("ya") else {}
        if re.search(r"(?i)fiscal", m.group()):  # "the fiscal first quarter": its number is the report's
            yago["fiscal"] = True
        if y and m.group("ya"):
            y = str(int(y) - 1)
        if y:
            return _part(m.start(), m.end(), int(y), f"Q{q}", 3 * q - 2, 3 * q, "quarter", **yago)
        if base is None:
            return hit(m.start(), m.end(), None, "quarter", None, "range")
        if ym:
            yr = base.year + {"last": -1, "this": 0, "next": 1}[ym]
        else:
            yr = latest_part(3 * q - 2, base, is_future(text, m.start(), lo)) - (1 if m.group("ya") else 0)
        return _part(m.start(), m.end(), yr, f"Q{q}", 3 * q - 2, 3 * q, "quarter", anchor=base.isoformat(), **yago)
    if re.match(r"\s+of\s+(?!\d)", text[m.end():m.end() + 8]) and not rel:
        return None  # "the quarter of Qarabis": a district, not a time
    if m.group("y3") and m.group("y3u").lower() == "period":
        # "the 1989 period": in an earnings report the quarter under discussion, in that year (see
        # find._resolve_anchors, which knows the last quarter named); else just the year
        return hit(m.start(), m.end(), m.group("y3"), "year", same_part=True)
    if base is None:
        return hit(m.start(), m.end(), None, "quarter", None, "range", **({"that_part": True} if m.group("that")
                                                                           else {}))
    k = base.year * 4 + _quarter_of(base) - 1  # quarters since year 0
    if m.group("y3"):  # "the 1988 quarter": the quarter under discussion (find), else the last one ended
        q = (k - 1) % 4
        return _part(m.start(), m.end(), int(m.group("y3")), f"Q{q + 1}", 3 * q + 1, 3 * q + 3, "quarter",
                     same_part=True)
    ended = _QUARTER_ENDED.match(text, m.end())
    if ended and not rel:  # "the quarter ended July 31": the calendar quarter holding most of it
        d = md_date(month(ended.group("m")), day(ended.group("d")), base, "past")
        if d is not None:
            mid = d - timedelta(days=45)
            q = _quarter_of(mid) - 1
            return _part(m.start(), m.end(), mid.year, f"Q{q + 1}", 3 * q + 1, 3 * q + 3, "quarter",
                         anchor=base.isoformat(), focus=True)
    if rel == "this" and _RESULTS_AFTER.match(text, m.end()):
        rel = "latest"  # "This quarter's loss": the quarter reported on (see results_nouns in timex.yaml)
    # "the quarter", "the latest quarter": the last one ended, which a report in the next quarter is about;
    # "that quarter" too when no quarter was named before it
    that = {"that_part": True} if m.group("that") else {"focus": True} if rel in ("", "latest") else {}
    k += {"this": 0, "current": 0, "next": 1, "year-ago": -5, "year-earlier": -5}.get(rel, -1)
    yr, q = divmod(k, 4)
    yago = {"yago": True} if rel in ("year-ago", "year-earlier") else {}
    return _part(m.start(), m.end(), yr, f"Q{q + 1}", 3 * q + 1, 3 * q + 3, "quarter", anchor=base.isoformat(),
                 **yago, **that)


def h_half(m, text, base, lo):
    if m.group("other"):
        return None  # "the first half of the match"
    if not (m.group("y") or m.group("ym")) and not m.group().lower().startswith("the"):
        return None  # "their sloppy first half": a game's half
    h = 1 if (m.group("o") or m.group("q2")).lower() in ("first", "1st") else 2
    first = 1 if h == 1 else 7
    if m.group("y"):
        return _part(m.start(), m.end(), int(m.group("y")), f"H{h}", first, first + 5, "half")
    if base is None:
        return hit(m.start(), m.end(), None, "half", None, "range")
    ym = (m.group("ym") or "").lower()
    if ym:
        yr = base.year + {"last": -1, "this": 0, "next": 1}[ym]
    else:
        yr = latest_part(first, base, is_future(text, m.start(), lo), 6)
    return _part(m.start(), m.end(), yr, f"H{h}", first, first + 5, "half", anchor=base.isoformat())


def h_fiscal(m, text, base, lo):
    if m.group("y"):
        raw = m.group("y")
        y = int(raw) if raw[0] != "'" else (1900 if int(raw[1:]) > 40 else 2000) + int(raw[1:])
        return hit(m.start(), m.end(), f"{y:04d}", "year")
    if base is None:
        return hit(m.start(), m.end(), None, "year")
    rel = (m.group("rel") or "").lower()
    y = base.year + {"last": -1, "previous": -1, "next": 1, "coming": 1, "new": 1}.get(rel, 0)
    return hit(m.start(), m.end(), f"{y:04d}", "year", anchor=base.isoformat())


def h_decade(m, text, base, lo):
    if m.group("yy") or m.group("w"):  # "the '80s", "the nineties": the latest such decade begun by publication
        yy = int(m.group("yy")) if m.group("yy") else 10 * _DECADE_WORDS[m.group("w").lower()]
        ref = base.year if base else 1999
        y = ref - ref % 100 + yy
        if y > ref:
            y -= 100
    else:
        y = int(m.group("y"))
    s = m.start()
    if (text.startswith("the ", s) or text.startswith("The ", s)) and not m.group("w"):
        s += 4
    return hit(s, m.end(), f"{y:04d}", "decade", None, "decade")


def h_century(m, text, base, lo):
    if m.group("rel") and m.group("rel").lower() == "this":
        # "the disasters of this century": TimeBank gives the span P100Y (2 of 2), not the century's number
        return hit(m.start(), m.end(), None, "day", None, "duration", type="DURATION", timex="P100Y")
    if m.group("rel"):
        if base is None:
            return hit(m.start(), m.end(), None, "century", None, "decade")
        rel = m.group("rel").lower().split()[-1]
        c = base.year // 100 + {"previous": -1, "next": 1, "new": 1}.get(rel, 0)
        if rel == "new" and base.year % 100 > 10:
            c -= 1
        y = c * 100
    else:
        n = int(m.group("n")) if m.group("n") else _CENT_WORDS[re.sub(r"\s+", " ", m.group("w").lower())]
        y = (n - 1) * 100
    # no calendar value: consumers read an unknown precision's value as its first year, finer than a century
    return hit(m.start(), m.end(), None, "century", None, "decade", timex=f"{y // 100:02d}")


def h_year_range(m, text, base, lo):
    if m.group("y3"):
        y = int(m.group("y3"))
        a, b = month(m.group("m3")), month(m.group("m4"))
        ya = y - 1 if a > b else y
        return hit(m.start(), m.end(), f"{ya:04d}-{a:02d}", "month", f"{y:04d}-{b:02d}", "range")
    if m.group("y4"):  # "2003-2004", "1961-62": two expressions, the first carrying the range's end
        y1 = int(m.group("y4"))
        raw = m.group("y5")
        y2 = int(raw) if len(raw) == 4 else y1 - y1 % 100 + int(raw)
        if not 0 < y2 - y1 <= 100:
            return None
        return [hit(m.start("y4"), m.end("y4"), str(y1), "year", str(y2), "range", timex=str(y1)),
                hit(m.start("y5"), m.end("y5"), str(y2), "year")]
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if y2 < y1:
        return None
    m1, m2 = m.group("m1"), m.group("m2")
    if m1 and m2:
        v1, v2, prec = f"{y1:04d}-{month(m1):02d}", f"{y2:04d}-{month(m2):02d}", "month"
    else:
        v1, v2, prec = str(y1), str(y2), "year"
    s1 = m.start("m1") if m1 else m.start("y1")
    s2 = m.start("m2") if m2 else m.start("y2")
    return [hit(s1, m.end("y1"), v1, prec, v2, "range", timex=v1), hit(s2, m.end("y2"), v2, prec)]


def h_prep_year(m, text, base, lo):
    after = text[m.end():m.end() + 30]
    w = re.match(r"\s+([a-z][a-z-]*)", after)
    if w and w.group(1) not in FUNCTION_WORDS and (w.group(1).endswith("s") or w.group(1) in COUNTED):
        return None  # "in 2000 cases": a counted noun follows
    return hit(m.start("y"), m.end("y"), m.group("y"), "year")


def h_noun_year(m, text, base, lo):
    g = "y" if m.group("y") else "y2" if m.group("y2") else "y3"
    if re.search(r"[$£€]\s?$", text[max(lo, m.start() - 2):m.start()]):
        return None
    if g == "y3":  # a determiner + year + a plural or counted noun counts things ("the 2000 soldiers")
        w = re.match(r"[a-z][a-z-]*", text[m.end():m.end() + 30]).group()
        if w in COUNTED or w in FUNCTION_WORDS or (w.endswith("s") and w.rstrip("s") not in _YEAR_NOUNS):
            return None
    return hit(m.start(g), m.end(g), m.group(g), "year")


def h_prep_month(m, text, base, lo):
    mo = month(m.group("m"))
    mod = (m.group("mod") or "").lower()
    s = m.start() if mod else m.start("m")
    if base is None:
        return hit(s, m.end(), None, "month")
    extra = {"anchor": base.isoformat()}
    if m.group("ymod"):
        y = base.year + {"last": -1, "this": 0, "next": 1}[m.group("ymod").lower()]
    elif mod == "last":  # the latest such month before publication's, but not the one just ended: a writer
        # says "last month" for that, so "last February" in a March story is the February a year before it
        y = base.year if mo < base.month - 1 else base.year - 1 - (mo == 12 and base.month == 1)
    elif mod == "next":
        y = base.year if mo > base.month else base.year + 1
    elif mod == "this":
        y = base.year
    else:
        way = tense(text, m.start("m"), m.end(), lo)
        y = month_year(mo, base, way)
        extra["direction"] = way if way in ("past", "future") else (
            "future" if (y, mo) > (base.year, base.month) else "past")
    return hit(s, m.end(), f"{y:04d}-{mo:02d}", "month", **extra)


_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# years spelled out, as broadcast transcripts write them: "nineteen ninety-six", "the year two thousand"
R_SPELLED_YEAR = re.compile(
    rf"\b(?:(?P<m>{MON_FULL})\s+)?nineteen[\s-](?:(?P<teen>{'|'.join(_TEENS)})|(?P<tens>{'|'.join(_TENS)})"
    rf"(?:[\s-](?P<one>{'|'.join(_ONES)}))?)\b"
    r"|\b(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(?P<one2>one|two|three|four|five|six|seven|eight|nine))?"
    r"(?=\s+(?:and|when|is|was|will|has)\b|[.,;:!?]|\s*$)", re.I)


def h_spelled_year(m, text, base, lo):
    if m.group("teen") or m.group("tens"):
        y = 1900 + (_TEENS[m.group("teen").lower()] if m.group("teen") else
                    _TENS[m.group("tens").lower()] + _ONES.get((m.group("one") or "").lower(), 0))
    else:
        if not m.group().lower().startswith("the year") and not m.group("one2"):
            return None  # "two thousand" alone is a count
        y = 2000 + _ONES.get((m.group("one2") or "").lower(), 0)
    if m.group("m"):
        return hit(m.start(), m.end(), f"{y:04d}-{month(m.group('m')):02d}", "month")
    return hit(m.start(), m.end(), f"{y:04d}", "year")


R_PERIOD_END = re.compile(
    r"\b(?:the\s+end\s+of\s+(?:the|this)\s+(?P<u>year|month)|year[’']s\s+end|(?<!-)year-end"
    r"|the\s+(?:current|full|calendar)\s+year"
    # "for the year", "the first nine months of the year": the year of publication (TimeBank 5 of 5), not "the
    # year-ago", "the year earlier/ended/before", "the year two thousand", "the year when ..."
    r"|the\s+year(?![-’'])(?!\s+(?:earlier|ago|before|after|ended|ending|end|to\s+date|when|that|which|in\s+which|"
    r"of\s+the|two|nineteen|\d)))\b", re.I)


def h_period_end(m, text, base, lo):
    """ "by the end of the year", "year-end", "the current year": this year (or month) of publication."""
    month_unit = (m.group("u") or "").lower() == "month"
    if base is None:
        return hit(m.start(), m.end(), None, "month" if month_unit else "year")
    if m.group().lower() == "year-end" and _NOUN_AFTER.match(text, m.end()):
        # "by year-end", "since year-end": the noun names the closing day of the year, Dec. 31 (TimeBank 2 of 2;
        # "year-end net", the modifier, stays the year); after "since" the last one passed
        y = base.year - (1 if re.search(r"\bsince\s+$", text[max(lo, m.start() - 7):m.start()], re.I)
                         and (base.month, base.day) != (12, 31) else 0)
        return hit(m.start(), m.end(), f"{y:04d}-12-31", "day", anchor=base.isoformat())
    value = f"{base.year:04d}-{base.month:02d}" if month_unit else f"{base.year:04d}"
    return hit(m.start(), m.end(), value, "month" if month_unit else "year", anchor=base.isoformat())


_NOUN_AFTER = re.compile(r"\s*(?:[^\w\s-]|$)|\s+(?:and|or|but|in|on|at|for|to|of|when|than|from|with)\b")


R_BARE_YEAR = re.compile(
    r"(?<![\w$£€.,:/#№-])(?<![$£€]\s)(?<!No\.\s)(?P<y>19\d\d|20[0-3]\d)"
    r"(?![\d,.]\d|\s?%|\s?(?i:percent|per\b)|\s?[-–/]\s?\d|[’']s\b|\d|-(?=[a-z]))")


_AFTER_DAY = re.compile(rf"{MON}\s?\d{{1,2}}(?:st|nd|rd|th)?{COMMA}$")


def h_bare_year(m, text, base, lo):
    """A year written alone ("earnings in both 1990 and 1991", "1990 BellSouth earnings"): a date unless a
    plural or counted noun follows ("2000 people"), or a number word before it makes it a count."""
    after = text[m.end():m.end() + 30]
    w = re.match(r"\s+([a-z][a-z-]*)", after)
    if w and w.group(1) not in FUNCTION_WORDS and (w.group(1).endswith("s") or w.group(1) in COUNTED) \
            and w.group(1).rstrip("s") not in _YEAR_NOUNS:
        return None
    if _AFTER_DAY.search(text[max(lo, m.start() - 12):m.start()]):
        return None  # the year of a date the calendar lacks ("Feb. 29, 2021")
    before = text[max(lo, m.start() - 12):m.start()].lower()
    if re.search(r"(?:\b(?:of|than|about|some|nearly|almost|over|under|only|total|number|flight|route|room|"
                 r"page|model|article|no|code|channel|item)\s+|\d\s)$", before):
        return None
    return hit(m.start(), m.end(), m.group("y"), "year")
