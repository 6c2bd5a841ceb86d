"""Date vocabulary of the clean stage: the patterns that find dates in page lines and what each mention says.

Why its own module: the line classifier (timestamps, bylines, captions), the outlet rules (copyright lines) and
the publication-date rules all read dates, and they must read them the same way. Month names are
case-sensitive in running text so the modal "may" is not May; upper-case page furniture ("OCT 08, 2013") is
title-cased first (``parse_date``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
MONTH_ANY_CASE = "(?i:" + MONTH + ")"  # case-insensitive variant for timestamps/bylines ("OCT 08, 2013")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
YEAR = r"(?:1[89]\d\d|20\d\d)"

# A date in running text (case-sensitive month names so the modal "may" is not May).
_DATE_RE = re.compile(
    rf"\b(?P<mdy>(?P<m1>{MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:\s*[-–]\s*(?P<d1b>\d{{1,2}}))?(?:st|nd|rd|th)?\b"
    rf"(?:\s*,?\s+(?P<y1>{YEAR})\b)?)"
    rf"|\b(?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})\.?,?\s+(?P<y2>{YEAR})\b)"
    rf"|\b(?P<my>(?P<m3>{MONTH})\.?,?\s+(?P<y3>{YEAR})\b)"
    rf"|\b(?P<iso>(?P<y4>{YEAR})-(?P<m4>\d\d)-(?P<d4>\d\d))(?!\d)"
    rf"|\b(?P<year>{YEAR})\b(?!\s*[-–]\s*\d)"
)
_TIME = r"\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?"
TIMESTAMP_LINE = re.compile(
    rf"^(?:(?:posted|published|updated|on|at)\s*:?\s*)?(?:{WEEKDAY},?\s+)?"
    rf"(?:{MONTH_ANY_CASE}\.?\s+\d{{1,2}},?\s+{YEAR}|\d{{1,2}}\s+{MONTH_ANY_CASE}\.?,?\s+{YEAR}|{YEAR}-\d\d-\d\d"
    rf"|\d{{1,2}}/\d{{1,2}}/(?:\d\d)?\d\d)"
    rf"(?:,?\s*(?:at\s+)?{_TIME})?\.?$|^\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago$",
    re.IGNORECASE,
)
DATED_TIME = re.compile(
    rf"(?:{MONTH_ANY_CASE}\.?\s+\d{{1,2}}\s*,?\s+{YEAR}|\d{{1,2}}\s+{MONTH_ANY_CASE}\.?\s*,?\s+{YEAR}|{YEAR}-\d\d-\d\d)"
    rf"\s*,?\s*(?:at\s+)?\d{{1,2}}[:.]\d\d\s*(?:[AaPp]\.?\s?[Mm]\b\.?)?")
BYLINE_LABEL = re.compile(r"^(?P<label>(?:first\s+)?published|posted|updated|last\s+updated|date|dated)\s*:?\s*(?P<rest>.+)$",
                           re.IGNORECASE)
TRAILING_DATE = re.compile(rf",\s+{MONTH}\.?\s+\d{{1,2}},\s+{YEAR}\.?$")
WEEKDAY_WORD = re.compile(rf"\b({WEEKDAY})\b")
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|may|might|could|shall|scheduled|set to|due|expected|planned|plans?"
                            r"|until|next|upcoming|ahead of|later this|coming|forecasts?|projected|predicts?"
                            r"|targets?|aims?|goal|deadline)\b|\bby\s+(?:the\s+(?:end|middle|start)\s+of\s+)?$")
_FUTURE_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}(?:will|would|is scheduled|is set|is due|is expected)\b")
URL_DATE = re.compile(rf"/({YEAR})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|-|_|\.|$)")
COPYRIGHT_YEAR = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:{YEAR}\s*[-–]\s*)?({YEAR})", re.IGNORECASE)
COPYRIGHT_CUE = re.compile(r"©|\bcopyright\b|all rights reserved|used with (?:the )?permission", re.IGNORECASE)


def month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The first full date (day, month and year) in ``text``: "Tuesday, 27 March, 2018", "Oct 08, 2013"."""
    for m in _DATE_RE.finditer(_title_months(text)):
        if m.group("mdy") and m.group("y1"):
            return safe_date(int(m.group("y1")), month_number(m.group("m1")), int(m.group("d1b") or m.group("d1")))
        if m.group("dmy"):
            return safe_date(int(m.group("y2")), month_number(m.group("m2")), int(m.group("d2")))
        if m.group("iso"):
            return safe_date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
    return None


def _title_months(text: str) -> str:
    """Upper-case month names ("OCT 08") as "Oct 08" so the case-sensitive date pattern sees them."""
    return re.sub(r"\b(JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\b",
                  lambda m: m.group(0).title(), text)


@dataclass
class DateMention:
    """A date mention: ``value`` is the start of the period, ``precision`` day|month|year."""

    value: date | None
    precision: str
    month: int | None = None
    day: int | None = None
    year_given: bool = True
    future: bool = False
    text: str = ""
    weekday_named: bool = False  # "on Monday, March 26": the date carries its weekday (a recent day)
    start: int = 0  # offset in the line


_WEEKDAY_BEFORE = re.compile(rf"\b{WEEKDAY}\s*,?\s*(?:the\s+)?$")
_WEEKDAY_AFTER = re.compile(rf"^\s*(?:,\s*|\(\s*)?{WEEKDAY}\b")


def date_mentions(text: str) -> list[DateMention]:
    out = []
    for m in _DATE_RE.finditer(text):
        before = text[max(0, m.start() - 60):m.start()]
        before = re.split(r"[.!?;]\s", before)[-1]
        future = bool(_FUTURE_BEFORE.search(before) or _FUTURE_AFTER.search(text[m.end():m.end() + 30]))
        n0 = len(out)
        if m.group("mdy"):
            mon, day = month_number(m.group("m1")), int(m.group("d1b") or m.group("d1"))
            if m.group("y1"):
                out.append(DateMention(safe_date(int(m.group("y1")), mon, day), "day", mon, day, True, future, m[0]))
            elif 1 <= day <= 31:
                out.append(DateMention(None, "day", mon, day, False, future, m[0]))
        elif m.group("dmy"):
            mon, day = month_number(m.group("m2")), int(m.group("d2"))
            out.append(DateMention(safe_date(int(m.group("y2")), mon, day), "day", mon, day, True, future, m[0]))
        elif m.group("my"):
            mon = month_number(m.group("m3"))
            out.append(DateMention(date(int(m.group("y3")), mon, 1), "month", mon, None, True, future, m[0]))
        elif m.group("iso"):
            d = safe_date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
            out.append(DateMention(d, "day", d.month if d else None, d.day if d else None, True, future, m[0]))
        elif m.group("year"):
            out.append(DateMention(date(int(m.group("year")), 1, 1), "year", None, None, True, future, m[0]))
        if len(out) > n0 and (_WEEKDAY_BEFORE.search(before) or _WEEKDAY_AFTER.match(text[m.end():m.end() + 14])):
            out[-1].weekday_named = True
        for x in out[n0:]:
            x.start = m.start() if not re.match(r"\s*:", text[m.end():]) else 0  # "June 9: …" is a label
    return [x for x in out if x.value is not None or not x.year_given]


def on_or_after(d: date, weekday: int | None) -> date:
    if weekday is None:
        return d
    return d + timedelta(days=(weekday - d.weekday()) % 7)
