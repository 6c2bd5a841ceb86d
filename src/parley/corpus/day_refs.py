"""Day references for the corpus timeline: which days (or months) a sentence names, fast.

Split from ``timeline`` so the ranking and summary code stays apart from the date finding it relies on.
``fast_day_refs`` is the default (a single regular expression, microseconds a sentence);
``timex_refs`` asks ``parley.timex`` (complete, slower). Keys: a day is its ordinal, a month ``month_key``
(negative, so the two never collide).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta

from parley.timex import find_times

DAY_KINDS = frozenset({"date", "weekday", "relative", "anchored", "since", "until"})

_MONTHS = {"Jan": 1, "January": 1, "Feb": 2, "February": 2, "Mar": 3, "March": 3, "Apr": 4, "April": 4, "May": 5,
           "Jun": 6, "June": 6, "Jul": 7, "July": 7, "Aug": 8, "August": 8, "Sep": 9, "Sept": 9,
           "September": 9, "Oct": 10, "October": 10, "Nov": 11, "November": 11, "Dec": 12, "December": 12}
_WEEKDAYS = {d: i for i, d in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                         "Sunday"))}
_MON = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
# The day references, one expression per first character ("April 20"; "20 April" and ISO dates; weekdays;
# yesterday/today/...): an expression that opens with a character class or a choice of literals lets the regex
# engine skip in C to the next possible first character, where a single alternation opening with \b is tried
# at every position (2-3x slower). ``_day_matches`` merges them into what that single alternation would find.
_BY_MONTH = re.compile(rf"(?P<m1>{_MON[3:-1]})\b\.?\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
                       r"(?:\s*,?\s*(?P<y1>(?:19|20)\d\d)\b)?")
_BY_DIGIT = re.compile(rf"\d(?:(?P<d2>\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON})\b\.?(?:\s*,?\s*(?P<y2>(?:19|20)\d\d)\b)?"
                       r"|(?:(?<=1)9|(?<=2)0)\d\d-(?P<im>\d\d)-(?P<id>\d\d)\b)")
_BY_WEEKDAY = re.compile(r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_DAY_WORDS = tuple(w for word in ("yesterday", "today", "tonight", "tomorrow", "last night", "this morning",
                                   "this afternoon", "this evening") for w in (word.capitalize(), word))
_BY_WORD = re.compile(r"(?P<rel>" + "|".join(_DAY_WORDS) + r")\b")
_FAMILIES = (_BY_MONTH, _BY_DIGIT, _BY_WEEKDAY, _BY_WORD)  # in the order the single alternation tried them
_WORD_CHAR = re.compile(r"\w")
_FUTURE = re.compile(r"\b(?:will|next|scheduled|due to|expected to|plans? to|set to|is to|are to)\b")
_REL = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}
# How the weekday and day-word families are found: every match holds one of a few four-letter endings ("nday",
# "sday", "ight", ...) at a known distance from its start, so the regex is tried only there (``_keyed_finder``).
# The regex engine itself stops at every character that may open a match ("t", "y", "l" for the day words,
# every capital M/T/W/F/S for weekdays); ``str.find`` skips to a whole ending in C. The month and digit families
# stay with the engine (their openers are rare capitals or digits).
def _keys(words) -> dict[str, tuple[int, ...]]:
    got: dict[str, set] = {}
    for w in words:
        got.setdefault(w[-4:], set()).add(len(w) - 4)
    return {k: tuple(sorted(v)) for k, v in got.items()}


_KEYS = (None, None, _keys(_WEEKDAYS), _keys(_DAY_WORDS))


# A chronology line's label: the sentence opens with its day ("February 24 - Militias take Misrata", "21 Aug :
# ..."), maybe after a bullet, then a dash or colon: a factbox or chronology entry, an editor's statement of what
# happened that day. Not before a digit: "May 5 - 7" is a range, "June 10 , 2010 - 5:41 PM" a time stamp.
_LABEL = re.compile(rf"[ \t]*(?:[*\u2022-][ \t]*)?(?:{_MON}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}[ \t]+{_MON}\.?)"
                    r"(?:[ \t]*,?[ \t]*(?:19|20)\d\d)?[ \t]*(?:-{1,2}|\u2013|\u2014|:)[ \t]+(?=[^\d\s])")


def label_end(text: str, start: int, end: int) -> int | None:
    """Where the sentence ``text[start:end]`` continues after a chronology label ("March 5 - The council meets"
    gives the offset of "The"), or None when it opens with none."""
    m = _LABEL.match(text, start, end)
    return m.end() if m else None


def month_key(year: int, month: int) -> int:
    """A month as a reference key: negative, so it never collides with a day ordinal."""
    return -(year * 12 + month - 1)


def key_span(key: int) -> tuple[int, int]:
    """(first, last) day ordinal a key covers."""
    if key > 0:
        return key, key
    y, m = divmod(-key, 12)
    first = date(y, m + 1, 1)
    nxt = date(y + (m == 11), (m + 1) % 12 + 1, 1)
    return first.toordinal(), nxt.toordinal() - 1


def key_label(key: int) -> str:
    if key > 0:
        return date.fromordinal(key).isoformat()
    y, m = divmod(-key, 12)
    return f"{y:04d}-{m + 1:02d}"


def _ymd(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def fast_day_refs(text: str, base: date, explicit: bool = False) -> list[tuple]:
    """(offset, date ordinal) of day-precise references in ``text`` published on ``base``.

    Covers what carries a day in news text: "April 20", "20 April", "April 20 , 2010", ISO dates, weekday names
    (the latest such day on or before publication, the next one after "will/next/scheduled ..." in the 50
    characters before) and yesterday/today/tonight/tomorrow/last night/this morning. Month names are
    case-sensitive, so the modal "may" is no month. With ``explicit`` each item also says whether the day was
    named by its month (rather than by weekday or "yesterday").
    """
    out = []
    for fam, m in _day_matches(text):
        g = m.group
        d = None
        named = fam < 2
        if fam == 0 or (fam == 1 and g("m2")):
            if fam == 0:
                mon, day, year = _MONTHS[g("m1")], int(g("d1")), g("y1")
            else:
                mon, day, year = _MONTHS[g("m2")], int(m.group()[0] + g("d2")), g("y2")
            if year:
                d = _ymd(int(year), mon, day)
            else:
                d = _ymd(base.year, mon, day)
                if d is not None and d.toordinal() > base.toordinal() + 31:
                    d = _ymd(base.year - 1, mon, day)
                elif d is not None and d.toordinal() < base.toordinal() - 335:
                    d = _ymd(base.year + 1, mon, day)
        elif fam == 1:
            d = _ymd(int(m.group()[:4]), int(g("im")), int(g("id")))
        elif fam == 2:
            back = (base.weekday() - _WEEKDAYS[g("wd")]) % 7
            if _FUTURE.search(text, max(0, m.start() - 50), m.start()):
                d = base + timedelta(days=(7 - back) % 7 or 7)
            else:
                d = base - timedelta(days=back)
        else:
            rel = g("rel").lower()
            d = base + timedelta(days=_REL.get(rel, 0))
        if d is not None:
            out.append((m.start(), d.toordinal(), named) if explicit else (m.start(), d.toordinal()))
    return out


def _day_matches(text: str):
    """(family index, match) of the day references in ``text``, left to right and never overlapping: at each
    position the first family that matches there at a word start wins and the scan resumes after it, which is what
    one alternation of the four (each opening with \\b) would find with ``finditer``."""
    finders = [_regex_finder(rx, text) if keys is None else _keyed_finder(rx, text, keys)
               for rx, keys in zip(_FAMILIES, _KEYS, strict=True)]
    nxt = [find(0) for find in finders]
    while True:
        best, fam = None, -1
        for k, m in enumerate(nxt):
            if m is not None and (best is None or m.start() < best.start()):
                best, fam = m, k
        if best is None:
            return
        yield fam, best
        pos = best.end()
        for k, m in enumerate(nxt):
            if m is not None and m.start() < pos:
                nxt[k] = finders[k](pos)


def _regex_finder(rx: re.Pattern, text: str):
    """pos -> the first match of ``rx`` at or after ``pos`` that starts a word (no word character before it)."""
    def find(pos: int):
        while True:
            m = rx.search(text, pos)
            if m is None or m.start() == 0 or not _WORD_CHAR.match(text, m.start() - 1):
                return m
            pos = m.start() + 1
    return find


def _keyed_finder(rx: re.Pattern, text: str, keys: dict[str, tuple[int, ...]]):
    """What ``_regex_finder`` gives for a family every match of which holds a key of ``keys`` at one of its
    offsets from the match's start: ``rx`` is tried only at those starts (keys found by ``str.find``), in order,
    from ``pos`` on; the match there is the one ``rx.search`` finds (these families have no look-behind)."""
    starts = set()
    for key, offsets in keys.items():
        q = text.find(key)
        while q >= 0:
            starts.update(q - o for o in offsets if q >= o)
            q = text.find(key, q + 1)
    order = sorted(starts)

    def find(pos: int):
        for j in range(bisect_left(order, pos), len(order)):
            q = order[j]
            if q == 0 or not _WORD_CHAR.match(text, q - 1):
                m = rx.match(text, q)
                if m is not None:
                    return m
        return None
    return find


def timex_refs(text: str, base: date, s: int, e: int) -> list[int]:
    """Day references by ``parley.timex`` (complete, but about 170 us a sentence)."""
    try:
        times = find_times(text, base, s, e)
    except (ValueError, OverflowError):  # e.g. "7,000 years ago" beyond the calendar: no day reference
        return []
    out = []
    for t in times:
        if t.value and t.precision == "day" and t.kind in DAY_KINDS and len(t.value) == 10:
            try:
                out.append(date.fromisoformat(t.value).toordinal())
            except ValueError:
                continue
    return out
