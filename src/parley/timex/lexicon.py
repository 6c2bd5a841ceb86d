"""Calendar vocabulary and the regex building blocks every timex rule shares.

Closed-class calendar grammar (month and weekday names, number words, units) is spelled here; open word lists
(event nouns, tense cues, reference words) are data in ``data/timex.yaml`` and loaded once.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from pathlib import Path

import yaml

_MONTH_FORMS = {
    1: ("January", "Jan"), 2: ("February", "Feb"), 3: ("March", "Mar"), 4: ("April", "Apr"), 5: ("May",),
    6: ("June", "Jun"), 7: ("July", "Jul"), 8: ("August", "Aug"), 9: ("September", "Sept", "Sep"),
    10: ("October", "Oct"), 11: ("November", "Nov"), 12: ("December", "Dec"),
}
MONTHS = {form.lower(): n for n, forms in _MONTH_FORMS.items() for form in forms}
MONTH_NEEDLES = tuple(f[0].lower() for f in _MONTH_FORMS.values())
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}  # monday=0
_WD_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100,
    "a couple of": 2, "couple of": 2, "a dozen": 12,
}
_UNITS = {w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 9 and w not in ("a", "an")}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# counts that name no number: the TIMEX3 value gets "X" ("several years" -> PXY)
VAGUE_COUNTS = ("a few", "few", "several", "many", "some", "a number of")
# irregular plurals that mark a count ("in 2000 people"), as plural "-s" nouns do
COUNTED = frozenset("people men women children police personnel staff feet cattle sheep fish yen yuan".split())
# words that may follow a bare year after a preposition ("in 1997 he ...", "in 2012 and"); any other lower-case
# word means the number counts something ("in 2000 cases")
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet as at by for from in into of on onto to with without when whence where while
    whereas after before since until till than that which who whom whose what he she it they we you i his her
    its their our my your this these those there here is was were are be been being has had have will would
    could should may might must can did do does not no also only then amid against during through throughout
    because although though if unless despite following under over about around per via versus vs""".split()
)


@lru_cache(maxsize=1)
def cues() -> dict:
    with open(Path(__file__).resolve().parents[1] / "data" / "timex.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


C = cues()
MON_FULL = alt(f[0] for f in _MONTH_FORMS.values())
# abbreviations need a dot or a following digit/space; "May" has no abbreviation
_MON_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MON = rf"(?:{MON_FULL}|{_MON_ABBR})(?![A-Za-z])"
WD = alt(calendar.day_name)
WD_ANY = rf"(?:{WD}|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?)(?![A-Za-z])"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"  # years with a month; a bare year needs 18xx-20xx (see BARE_YEAR)
BARE_YEAR = r"(?:18\d\d|19\d\d|20\d\d)"
COMMA = r"\s?,?\s?"  # T17 is tokenised: "Mar 30 , 2011"
_WORDNUM = rf"(?:(?:{_TENS})(?:[\s-](?:{alt(_UNITS)}))?|{alt(NUMBER_WORDS)})"
NUM = rf"(?:\d+(?:\.\d+)?(?:\s1/2)?|{_WORDNUM}|{alt(VAGUE_COUNTS)})"
UNIT = r"(?:day|week|month|year|decade)"
# units a duration may count (singular; callers allow a plural)
DUR_UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"
QUALNUM = r"(?:(?:more\s+than|less\s+than|nearly|almost|about|around|roughly|some|over|under|just\s+over|" \
    r"just\s+under|at\s+least|at\s+most|up\s+to|another|only)\s+)"
QUAL = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end|start)"
DASH = r"\s?[-–—]\s?"
YEAR_NOUN = alt(C["year_nouns"])
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# first and last month of each season (TimeML writes "winter 1994" as 1994-WI: December 1994 to February 1995)
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def weekday(name: str) -> int:
    key = name.rstrip(".").lower()
    return WEEKDAYS.get(key, _WD_ABBR.get(key, -1))


def day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def num(s: str) -> float | None:
    """The number a count spells; None for a vague count ("several")."""
    s = re.sub(r"[\s-]+", " ", s.lower()).strip()
    if s in VAGUE_COUNTS:
        return None
    if s.endswith(" 1/2"):
        return float(s[:-4]) + 0.5
    try:
        return float(s) if "." in s else int(s)
    except ValueError:
        pass
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s]
    tens, _, unit = s.partition(" ")
    return NUMBER_WORDS.get(tens, 1) + _UNITS.get(unit, 0)


def inum(s: str) -> int:
    """An integer count (vague counts read as 3, "several"), for shifting dates."""
    n = num(s)
    return 3 if n is None else int(n)
