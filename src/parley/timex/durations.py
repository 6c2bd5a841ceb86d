"""Lengths of time and recurrences: TIMEX3 DURATION ("three days" P3D, "years" PXY, "the past two months" P2M
anchored on publication) and SET ("every week" P1W, "annually" P1Y, "twice a year", "each Thursday"; plural
weekdays, "on Sundays", are read in ``relative.h_weekday``).

A duration has no calendar ``value`` (consumers that place things on a timeline skip kind ``duration``); its
TIMEX3 value is in ``timex``. "the past/last N units" and "the next N units" also record the publication date
as ``anchor`` and the ``direction`` they run in, so an event inside them can be bounded.
"""

from __future__ import annotations

import re

from parley.timex.dates import clause_before, iso, shift
from parley.timex.lexicon import (
    DUR_UNIT,
    FUNCTION_WORDS,
    MON_FULL,
    NUM,
    NUMBER_WORDS,
    QUALNUM,
    WD,
    WEEKDAYS,
    month,
    num,
)
from parley.timex.rules import hit

_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "quarter": "Q",
         "year": "Y", "decade": "Y", "century": "Y"}
_SCALE = {"decade": 10, "century": 100}
_PAST = ("past", "last", "previous", "recent")
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|must)\s+$", re.I)
_NEXT = ("next", "coming", "following")

R_DURATION = re.compile(
    rf"\b(?P<det>the\s+)?(?:(?P<rel>past|last|next|first|coming|previous|following|latest|recent|final|initial)"
    rf"\s+)?{QUALNUM}?(?P<n>{NUM})(?P<half>\s+and\s+a\s+half)?(?P<sep>[\s-]+)(?:(?:more|additional|extra|"
    rf"straight|consecutive|full|trading|business|calendar)\s+)?(?P<u>{DUR_UNIT})(?:s\b|\b)"
    rf"(?P<half2>\s+and\s+a\s+half\b)?(?P<long>-long|-old|\s+old\b)?"
    # "past decade", "the past month": one unit back from publication (not "the past" + a noun); "the past
    # year" is the previous year (see h_duration)
    r"|\b(?P<det2>the\s+)?past\s+(?P<u1>year|decade|month|week|century)\b"
    r"|\bthe\s+(?:last|next|coming)\s+(?P<u4>decade|century)\b"
    r"|\b(?:for|over|within|in|after)\s+(?P<bu>seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
    r"(?P<long2>-long)?\b"
    r"|\b(?P<bu2>days|weeks|months|years|decades)-long\b"
    r"|\b(?P<bu3>days|weeks|months|years|decades)(?=\s+of\s)"
    r"|\bthe\s+(?:fiscal\s+)?(?P<fy>year)(?=\s+end(?:ed|ing)\b)"
    # "a day-long meeting" P1D, "in the weeks ahead" PXW (TimeBank's values)
    r"|\b(?P<one>day|week|month|year)-long\b"
    r"|\bthe\s+(?P<ah>days|weeks|months|years)\s+ahead\b",
    re.I,
)
# an amount, or an amount of things ("212,000 jobs"), right before "a year": not a count of days or times ("3
# days a week", "5 times a year": a SET)
_AMOUNT = "|".join(w for w, n in NUMBER_WORDS.items() if 1 < n < 100 and " " not in w)
_RATE_BEFORE = re.compile(rf"(?:\d|\b(?:million|billion|trillion|percent|dollars|cents|points|hundred|thousand)"
                          rf"|\b(?:{_AMOUNT})(?=\s+[a-z]+s\s+$))"
                          r"(?:\s+(?!(?:times|days|nights|hours|minutes|weeks|months|shifts)\b)[a-z]+s)?\s+$", re.I)
_SET_UNITS = rf"second|minute|hour|day|week|month|quarter|year|morning|afternoon|evening|night|" \
    rf"spring|summer|autumn|fall|winter|{WD}|{MON_FULL}"
# a quantity right before a frequency adverb ("grow 20% annually", "C$17.9 million annually", "500 units daily")
_RATE_BEFORE_ADVERB = re.compile(r"(?:\d%?|\b(?:million|billion|trillion|percent|thousand|hundred))"
                                 r"(?:\s+[a-z]+s)?\s+$", re.I)
# a quantity per unit of time ("$2 million a year", "15 million instructions per second", "358,000 a month") is a
# rate, which the TIMEX2/TimeML guidelines leave unmarked like a speed (TimeBank dev: 1 of 6 annotated), as a
# SET or a duration (``h_duration``); a count of occurrences per unit ("twice a year") is a SET
R_SET = re.compile(
    rf"\b(?:every|each)\s+(?:(?P<other>other)\s+|(?P<n>{NUM})\s+(?=\w+s\b))?(?P<u>{_SET_UNITS})s?\b"
    r"|\b(?P<adv>hourly|daily|nightly|weekly|biweekly|monthly|annually|yearly|semiannually)\b"
    # "twice a year", and a length of time a unit ("24 hours a day", "three days a week"): the "a day" a SET
    r"|\b(?:once|twice|thrice|times|minutes|hours|days|nights|weeks|months|shifts)\s+"
    r"(?P<a>(?:a|an|per|each|every)\s+(?P<u2>day|week|month|year|quarter|decade)\b)",
    re.I,
)
_NEWSPAPER = re.compile(r"(?:\s+(?:[A-Z][\w’'-]*|al-\w+|el-\w+))+(?=\s*(?:[^\w\s]|$)|\s+(?P<w>[a-z]+)\b)")
_PAPER_VERBS = frozenset("said says reported reports quoted quoting cited citing wrote writes added".split())
_ADVERB = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
           "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M"}
_SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _unit(word: str) -> str:
    w = word.lower()
    return "century" if w.startswith("centur") else w.rstrip("s") if w.endswith("s") and w != "s" else w


def period(n: float | None, unit: str) -> str:
    """ISO 8601 duration of ``n`` units (``X`` for an unknown count): P3D, PT5H, PT5H30M, P10Y, PXY."""
    code = _CODE[unit]
    t = "T" if unit in ("second", "minute", "hour") else ""
    if n is None:
        return f"P{t}X{'C' if unit == 'century' else 'Y' if unit == 'decade' else code}"
    if unit == "quarter" and n != 1:
        n, code = n * 3, "M"  # TimeBank: "the next three quarters" P9M
    n = n * _SCALE.get(unit, 1)
    if unit in ("hour", "minute", "year") and not float(n).is_integer():
        # "5 1/2 hours" PT5H30M, "2 1/2 years" P2Y6M, "a minute and a half" PT1M30S
        sub = round((n - int(n)) * (12 if unit == "year" else 60))
        return f"P{t}{int(n)}{code}{sub}{'S' if unit == 'minute' else 'M'}"
    return f"P{t}{int(n) if float(n).is_integer() else n}{code}"


def h_duration(m, text, base, lo):
    if m.group("one"):
        return hit(m.start(), m.end(), None, "day", None, "duration", type="DURATION",
                   timex=period(1, m.group("one").lower()))
    if m.group("ah"):
        return hit(m.start(), m.end(), None, "day", None, "duration", type="DURATION",
                   timex=period(None, _unit(m.group("ah"))), direction="future")
    if m.group("fy"):  # "for the year ended March 31": a twelve-month period
        return hit(m.start(), m.end(), None, "day", None, "duration", type="DURATION", timex="P1Y")
    if m.group("det2") and m.group("u1").lower() == "year" and base is not None:
        # "over the past year": TimeBank annotates the previous calendar year (2 of 2), as for "last year"
        return hit(m.start(), m.end(), str(base.year - 1), "year", None, "relative", anchor=base.isoformat(),
                   direction="past")
    if m.group("u1") or m.group("u4"):
        g = "u1" if m.group("u1") else "u4"
        extra = {"anchor": base.isoformat(), "direction": "future" if re.search(r"(?i)next|coming", m.group())
                 else "past"} if base else {}
        return hit(m.start(), m.end(), None, "day", None, "duration", type="DURATION",
                   timex=period(1, _unit(m.group(g))), **extra)
    if m.group("bu") or m.group("bu2") or m.group("bu3"):
        g = "bu" if m.group("bu") else "bu2" if m.group("bu2") else "bu3"
        return hit(m.start(g), m.end(), None, "day", None, "duration", type="DURATION",
                   timex=period(None, _unit(m.group(g))))
    if m.group("long") and "old" in m.group("long"):
        return None  # an age ("a 6-year-old", "52 years old"), not a time
    unit = _unit(m.group("u"))
    n = num(m.group("n"))
    low_n = m.group("n").lower()
    rel = (m.group("rel") or "").lower()
    if isinstance(n, int) and n >= 1000:
        return None  # "the 1988 quarter": a year, not a count
    if n is not None and (m.group("half") or m.group("half2")):
        n += 0.5  # "two and a half years", "a year and a half": P2Y6M, P1Y6M
    if unit == "quarter" and n is not None and re.match(r"s?\s+of\b", text[m.end("u"):m.end("u") + 5]):
        return None  # "three-quarters of its food": a fraction
    if unit == "second" and low_n in ("a", "an") and not rel:
        return None  # "a second group": an ordinal
    if low_n in ("a", "an") and not rel and _RATE_BEFORE.search(text, max(lo, m.start() - 24), m.start()):
        return None  # "$2 million a year", "358,000 a month": a rate (see R_SET)
    if m.group("u")[0].isupper() and not m.group("u").isupper() and not m.group("n")[0].isupper():
        return None  # "CBS's '60 Minutes'": a title (the unit capitalised inside a sentence)
    s = m.start()
    if "-" in m.group("sep") and not rel:  # "a five-year plan": the adjective alone
        s = m.start("n")
    if m.group("det") and not rel and m.group("n").lower() in ("a", "an"):
        return None  # "the a"
    after = text[m.end():m.end() + 8].lower()
    if re.match(r"\s+(?:ago|later|earlier|before|after)\b", after) and not (m.group("half") or m.group("half2")):
        return None  # left to the relative rules (which take no halves: "a minute and a half later" stays here)
    if low_n == "one" and unit == "day" and not rel and _MODAL_BEFORE.search(text[max(lo, m.start() - 8):m.start()]):
        # "Islam will one day be ...": some time in the future (TimeBank FUTURE_REF), not a length of a day
        return hit(m.start(), m.end(), None, "day", None, "vague", type="DATE", timex="FUTURE_REF", generic=True,
                   direction="future")
    if not rel and n is not None and unit in _POINT_PRECISION and base is not None \
            and _IN_BEFORE.search(text, max(lo, m.start() - 16), m.start()) and _looks_ahead(text, m, lo):
        return _ahead(m.start(), m.end(), base, n, unit)
    extra = {}
    if base is not None and rel in _PAST + _NEXT:
        extra = {"anchor": base.isoformat(), "direction": "past" if rel in _PAST else "future"}
    return hit(s, m.end(), None, "day", None, "duration", type="DURATION", timex=period(n, unit), **extra)


# "in" right before a count of units: "would be redeemed in five years", "will return in two weeks" (see _ahead)
_IN_BEFORE = re.compile(r"\bin\s+(?:about\s+|roughly\s+|another\s+)?$", re.I)
_POINT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}
# a modal or a verb of intent ahead of it in the clause (a narrower list than dates' future cues: "expect",
# "until" and "deadline" say nothing of a length after "in")
_AHEAD_CUE = re.compile(r"\b(?:will|wo\s*n[’']t|won[’']t|[’']ll|shall|would|should|could|might|may|going\s+to|"
                        r"(?:is|are|was|were)\s+to|(?:plans?|planned|expects?|expected|scheduled|hopes?|hoped|set|due|"
                        r"aims?|intends?|wants?)\s+to)\b", re.I)
# "the biggest snowstorm they will have seen in ten years", "the happiest Eid in 42 years", "until now in 18
# years", "in over ten years": the length since a time, not a point ahead
_SINCE_READING = re.compile(r"\b(?:\w+est|best|worst|first|last|until\s+now|so\s+far|seen|been|had)\b", re.I)
_SINCE_QUAL = re.compile(r"(?i)(?:over|only|more\s+than|nearly|almost|just)\s")


def _looks_ahead(text: str, m, lo: int) -> bool:
    clause = clause_before(text, m.start(), lo)
    return bool(_AHEAD_CUE.search(clause)) and not _SINCE_READING.search(clause) \
        and not _SINCE_QUAL.match(m.group())


def _ahead(s: int, e: int, base, n: float, unit: str):
    """A count of units after "in" in a clause that looks ahead ("the stock would be redeemed in five years"):
    TimeML reads the point that far after publication (TimeBank "five years" 1994 in a 1989 story), as for "five
    years from now"; without a future cue ("his second letter in two weeks") it stays a length."""
    d = shift(base, int(n), unit) if float(n).is_integer() else None
    if d is None:
        return hit(s, e, None, "day", None, "duration", type="DURATION", timex=period(n, unit))
    prec = _POINT_PRECISION[unit]
    extra = {}
    if unit == "week":  # the week named, the value keeps its day (as "two weeks from now")
        y, w, _ = d.isocalendar()
        extra["timex"] = f"{y:04d}-W{w:02d}"
    return hit(s, e, iso(d, prec), prec, None, "relative", type="DATE", anchor=base.isoformat(), direction="future",
               **extra)


R_WHILE = re.compile(r"(?<=\bfor\s)a\s+(?:little\s+)?while\b", re.I)


def h_while(m, text, base, lo):
    """ "for a while": a duration of unknown length and unit (TimeBank PXX)."""
    return hit(m.start(), m.end(), None, "day", None, "duration", type="DURATION", timex="PXX")


def h_set(m, text, base, lo):
    if m.group("adv"):
        if m.group("adv")[0].isupper() and re.search(r"[A-Za-z,]\s*$", text[max(lo, m.start() - 3):m.start()]):
            return None  # "Entertainment Weekly", "The Daily Star": a name
        paper = m.group("adv").lower() in ("daily", "weekly") and _NEWSPAPER.match(text, m.end())
        if paper and (not paper.group("w") or paper.group("w") in FUNCTION_WORDS or paper.group("w") in _PAPER_VERBS):
            return None  # a newspaper named after it, not a recurrence (TIMEX3 marks times, not papers)
        if _RATE_BEFORE_ADVERB.search(text, max(lo, m.start() - 32), m.start()):
            return None  # "to rise 8.5% annually", "10,000 units annually": a rate, like "$2 million a year"
        return hit(m.start(), m.end(), None, "day", None, "set", type="SET", timex=_ADVERB[m.group("adv").lower()])
    if m.group("u"):
        w = _unit(m.group("u")) if m.group("n") else m.group("u").lower()
        if m.group("n") and w not in _CODE:
            return None  # "every two Fridays": no period to write
        if w in WEEKDAYS:
            tx = f"XXXX-WXX-{WEEKDAYS[w] + 1}"
        elif w in _SEASON_CODE:
            tx = f"XXXX-{_SEASON_CODE[w]}"
        elif w in _PART_CODE:
            tx = f"XXXX-XX-XXT{_PART_CODE[w]}"
        elif w not in _CODE:
            tx = f"XXXX-{month(w):02d}"
        else:  # "every four years" P4Y, "every other week" P2W
            tx = period(2 if m.group("other") else num(m.group("n")) if m.group("n") else 1, w)
        return hit(m.start(), m.end(), None, "day", None, "set", type="SET", timex=tx)
    return hit(m.start("a"), m.end("a"), None, "day", None, "set", type="SET",
               timex=period(1, _unit(m.group("u2"))))


R_VAGUE = re.compile(
    r"\b(?:in|over|during|within|of|for)\s+(?P<x>(?:the\s+)?(?P<w>recent|past|last|coming|next|few|upcoming)\s+(?P<few>few\s+)?"
    r"(?P<u>days|weeks|months|years))\b|\b(?:in|of)\s+(?P<x2>(?P<w2>recent)\s+(?P<u2>days|weeks|months|years))\b",
    re.I)


def h_vague(m, text, base, lo):
    """ "in recent days", "over the past few weeks": kind ``vague`` (no calendar value); TIMEX3 PAST_REF /
    FUTURE_REF, or a duration of unknown length when a count is implied ("the past few days" PXD)."""
    w = (m.group("w") or m.group("w2")).lower()
    unit = _unit(m.group("u") or m.group("u2"))
    s = m.start("x") if m.group("x") else m.start("x2")  # the span excludes the preposition
    if m.group("few") or w == "few" or (w == "recent" and unit != "year"):  # TimeBank: "recent weeks" PXW
        return hit(s, m.end(), None, "day", None, "vague", type="DURATION", timex=period(None, unit),
                   direction="future" if w in _NEXT or w == "upcoming" else "past")
    ref = "PAST_REF" if w in _PAST else "FUTURE_REF"
    return hit(s, m.end(), None, "day", None, "vague", type="DATE", timex=ref, generic=True,
               direction="past" if ref == "PAST_REF" else "future")
