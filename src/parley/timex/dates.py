"""Calendar arithmetic and the tense cues that decide which way an underspecified date points.

Why a module of its own: finding (``rules``, ``relative``) and resolving (``find``) both need "the latest such
month not after publication" or "the next one in a future clause", and the answer must be computed one way.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from parley.timex.lexicon import C, alt

_FUTURE = re.compile(rf"\b(?!next\s+to\b)(?:{alt(C['future_cues'])})\b", re.I)  # "next to": a place, not a time
_FUTURE_VERB = re.compile(rf"\b(?:{alt(C['future_verbs'])})\b", re.I)
_PAST_VERBS = frozenset(C["past_verbs"])
# sentence/clause boundary for the tense window; the period of an initial or a title is none ("will succeed
# Daniel P. Davison Feb. 1", "Mr. Smith will ...")
# a full stop that ends a clause: not after an initial, "p.m" or a title; the dot is matched first and the
# look-behinds tried only there, which keeps the clause scans (run for every yearless date) fast
_STOP = r"\.(?<![A-Z]\.)(?<![ap]\.m\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|No|vs)\.)" \
    r"(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Col|Sgt|Inc|Ltd)\.)(?<!\bCorp\.)"
_CLAUSE_END = re.compile(rf"(?:[!?;:,]|{_STOP})\s|[“”\"]|''|``")  # AP wire text quotes ``so''
PREV_WORD = re.compile(r"([A-Za-z’']+)\W*$")
ORDER = {"day": 0, "month": 1, "year": 2, "decade": 3, "century": 4}


def safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def iso(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "decade":
        return f"{d.year - d.year % 10:04d}"
    return f"{d.year:04d}"


def parse_iso(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def shift(d: date, n: int, unit: str) -> date | None:
    """``d`` moved by ``n`` units, or None when that leaves the calendar ("7,000 years ago")."""
    try:
        if unit == "day":
            return d + timedelta(days=n)
        if unit == "week":
            return d + timedelta(weeks=n)
        if unit == "month":
            return add_months(d, n)
        years = n * (10 if unit == "decade" else 1)
        return safe(d.year + years, d.month, d.day) or date(d.year + years, d.month, 28)
    except (ValueError, OverflowError):
        return None


def clause_before(text: str, pos: int, lo: int) -> str:
    window = text[max(lo, pos - 90):pos]
    cut = 0
    for m in _CLAUSE_END.finditer(window):
        cut = m.end()
    return window[cut:]


def is_future(text: str, pos: int, lo: int) -> bool:
    """A future cue ("will", "set for", "payable", "last through") earlier in the same clause."""
    return _future_in(clause_before(text, pos, lo))


_HAD = re.compile(r"\bhad(?:\s+[a-z]+){0,3}\s+$", re.I)  # "had been due to expire": up to three words back


def _future_in(clause: str) -> bool:
    """A future cue not in the past perfect: "had been due to expire Friday" is a deadline already past."""
    return any(not _HAD.search(clause[:m.start()]) for m in _FUTURE.finditer(clause))


def _verb_before(text: str, pos: int, lo: int) -> str:
    """The word right before ``pos``, skipping "on", "late", "early" and -ly adverbs ("meet separately on")."""
    before = text[max(lo, pos - 40):pos]
    before = re.sub(r"(?:\b(?:on|late|early|[a-z]{4,}ly)\s*)+$", "", before.rstrip(), flags=re.I)
    m = PREV_WORD.search(before)
    return m.group(1).lower() if m else ""


def past_verb_before(text: str, pos: int, lo: int) -> bool:
    w = _verb_before(text, pos, lo)
    return w in _PAST_VERBS or (w.endswith("ed") and len(w) > 3)


_SCHEDULED = frozenset(C["scheduled_verbs"])


def scheduled_verb_before(text: str, pos: int, lo: int) -> bool:
    """A present-tense verb of a scheduled happening before a weekday in its clause ("meet Monday", "voters go to
    the polls on Sunday", "the president travels to Paris on Friday"), or a present copula right before it ("the
    match is on Saturday"): ahead, as news English writes a coming day; the caller asks only when the clause has
    no past or future evidence."""
    if _verb_before(text, pos, lo) in _SCHEDULED | {"is", "are"}:
        return True
    after = _WEEKDAY_NEXT.match(text, pos)  # the weekday, a possessive, the word after it
    if after and (after.group("pos") or after.group("w") and (
            after.group("w").lower() in _PAST_VERBS or after.group("w").lower().endswith("ed"))):
        return False  # "Tuesday's earthquake", "on Wednesday said": the weekday dates something else
    for m in _SCHEDULED_AFTER.finditer(clause_before(text, pos, lo)):
        prev, low = m.group(1).lower(), m.group(2).lower()
        # a verb, not a noun: a third-person form ("travels"), or a plural one after a plural subject ("voters
        # go"), never after a determiner ("a visit", "the heads")
        if prev not in _DETERMINERS and (low.endswith("s") or prev.endswith("s") or prev in ("they", "we", "i",
                                                                                             "you")):
            return True
    return False


# a word and the schedule verb after it (the verb in a lookahead, so that it can be the next match's word)
_SCHEDULED_AFTER = re.compile(
    rf"([A-Za-z’']+)\s+(?=({'|'.join(sorted(_SCHEDULED, key=len, reverse=True))})\b)", re.I)
_WEEKDAY_NEXT = re.compile(r"[A-Za-z]+(?P<pos>[’']s\b)?(?:\s+(?P<w>[A-Za-z]+))?")
_DETERMINERS = frozenset("a an the this that these those his her its their our my your whose of".split())


_REPORTING = frozenset(C["reporting_verbs"])
# "the company said in October it would close": the date of the report, whatever the tense reported after it
_SAID_IN = re.compile(rf"\b(?:{'|'.join(sorted(_REPORTING - {'expected', 'scheduled', 'planned', 'forecast', 'projected'}))})"
                      r"\s+(?:in|on|at|during|late|early)\s+(?:[a-z]+\s+)?$", re.I)
_SINCE = re.compile(r"\bsince\b(?:\s+\w+){0,3}\s*$", re.I)
# the clause after a date ends at a sentence or clause mark, a quote, a dash ("April 30 - An aide says ..."
# in a chronology, "NEW YORK, Sept. 29 -- Without ...") or a parenthesis ("April 29 (Reuters)", T17's "-LRB-")
_CLAUSE_AFTER = re.compile(rf"(?:[!?;:]|{_STOP})\s|[“”\"()]|,\s|(?:^|\s)[-–—]{{1,2}}\s|-[LR]RB-")
_WORD = re.compile(r"[A-Za-z’']+")
# a participle after these is no past tense: present passives ("is heard") and present perfects ("has
# extended"); and these words are present-tense evidence of their own ("when the case is heard in May")
_PRESENT = frozenset(("is", "are", "am", "has", "have", "does", "do", "gets", "get", "stays", "stay", "remains",
                      "remain", "seems", "seem"))
_NOT_PAST_AFTER = _PRESENT | {"be", "being", "been"}
# adverbs between an auxiliary and its participle: "is now promised", "has also been extended"
_BETWEEN = frozenset(("now", "also", "already", "still", "just", "not", "never", "since", "again", "yet", "even",
                      "widely", "largely", "officially", "currently", "reportedly", "finally", "generally"))
# "could have emerged", "to have won": past, though after "have"
_MODALS_TO = frozenset(("could", "would", "should", "might", "may", "must", "to"))
_OPENER = re.compile(r"\s*(?:[A-Za-z]+\s+){0,2}$")  # "In June, ...", "But on April 8, ...": the date opens its clause
_DEADLINE = re.compile(r"\b(?:by|through)\s+$", re.I)
_AFTER_READ, _OPENER_READ = 60, 220  # characters of the clause after a date read for its tense
_SENTENCE_READ = 200  # characters of the sentence before a verbless clause read for its tense


def tense(text: str, s: int, e: int, lo: int) -> str | None:
    """``future``, ``past``, ``ahead`` or None (no evidence) for the clause around ``text[s:e]``.

    In order: "since" before it (past); a future cue before it ("will", "set for", "payable", "last through"),
    unless the only cue is "until" just before it in a past clause ("Until Thursday, they had not ...", "not
    available until the night of April 19"), not one of delay ("postponed until Tuesday"); a past-tense
    verb right before it; then the tense evidence in the clause around it — the last before it, else the first
    after it ("In June, media carried ...", and a future verb only when the date opens the clause: "On Tuesday,
    the league plans to ..."). Reporting verbs ("said",
    "told") after the date date the report, not what is reported ("will be held in May, officials said") —
    unless the date opens the clause they head ("In May, the ministry announced ..."); a participle after a
    present "be" or "have" is no past ("when the case is heard in May", "has extended loans through January").
    ``ahead``: no tense, but "by"/"through" right before it (a deadline), so the coming occurrence is taken up
    to ``_AHEAD_DEADLINE_DAYS`` ahead instead of ``_AHEAD_DAYS``. The clause decides alone: the rest of the
    sentence is often reported speech in another tense ("said on Friday that talks would resume")."""
    before = clause_before(text, s, lo)
    if _SINCE.search(before):
        return "past"
    cues = _future_cues(before)
    until = bool(cues) and all(c.lower() in ("until", "till") for c in cues) and _UNTIL.search(before)
    if cues and not until:
        return "future"
    opens = _OPENER.fullmatch(before) is not None
    # the clause after is read for its future verbs only when the date opens it: a date inside a subject
    # ("the downfall in August and now his death will ...") takes no tense from the verb that follows
    if opens:
        ev_after = _opened_clause(text, e, not _POSSESSIVE.match(text, e))
    else:
        ev_after = _evidence(_clause_after(text[e:e + _AFTER_READ]), "cut", None)
    ev_before = _evidence(before, future=None)
    if cues:  # "until" looks ahead, unless its clause is past ("was normal until", "Until May, they had ...")
        if _POSTPONE.search(before):
            return "future"  # "delayed the test until Tuesday": the new date is ahead of the delay
        last = ev_before[-1] if ev_before else None  # the verb "until" hangs on, unless an infinitive follows it
        past = last is not None and last[1] == "past" and not _INFINITIVE.search(before, last[0]) \
            or opens and ev_after and ev_after[0][1] == "past"
        return "past" if past else "future"
    delay = _POSTPONE.search(before)
    if delay and _TO_BEFORE.search(before) and not _HAD.search(before[:delay.start()]):
        # "adjourned the case to Monday", "postponed the vote to March": the new date ("had been postponed to
        # May 3" is a past plan)
        return "future"
    if past_verb_before(text, s, lo) or _SAID_IN.search(before):
        return "past"
    for ev in (ev_before[-1:], ev_after[:1]):
        if ev and ev[0][1] != "present":
            return ev[0][1]
    if _DEADLINE.search(before) and not _POSSESSIVE.match(text, e):
        return "ahead"  # "to pay down the loan by February": a deadline, with no past verb in its clause
    if not ev_before and not ev_after and _sentence_future(text, s - len(before), lo):
        return "future"
    if scheduled_verb_before(text, s, lo):
        return "future"  # "the trial starts in October", "the match is on Saturday": what is on the calendar
    return None


def _sentence_future(text: str, pos: int, lo: int) -> bool:
    """A clause with no verb of its own ("..., her first stop Tuesday morning") takes the tense of the sentence
    it hangs on: a future cue in an earlier clause of the sentence, with no past verb after it ("is scheduled
    to spend five hours in Dar es Salaam, her first stop Tuesday morning")."""
    window = text[max(lo, pos - _SENTENCE_READ):pos]
    cut = 0
    for m in _SENTENCE_END.finditer(window):
        cut = m.end()
    ev = _evidence(window[cut:])
    return bool(ev) and ev[-1][1] == "future"


def _clause_after(chunk: str) -> str:
    chunk = chunk.lstrip(" ,")
    cut = _CLAUSE_AFTER.search(chunk)
    return chunk[:cut.start()] if cut else chunk


_MODAL = re.compile(r"\b(?:should|could|might|may|must|can|ought)\b", re.I)
_SENTENCE_END = re.compile(rf"(?:[!?]|{_STOP})\s")


def _opened_clause(text: str, e: int, further: bool = True) -> list[tuple[int, str]]:
    """Tense evidence of the clause a date opens ("In June, media carried ..."): its first comma-delimited part
    that has any, up to the end of the sentence — the subject may be long ("On Tuesday, the National Rights
    Action League plans to ...") or an apposition may come first ("In January, a week after the anniversary,
    a bombing killed ..."); only the first part after a possessive ("Judging by Thursday's meetings, ...": the
    weekday dates a noun, and the next clause is another's)."""
    rest = text[e:e + _OPENER_READ]
    end = _SENTENCE_END.search(rest)
    rest = rest[:end.start()] if end else rest
    pos = 0
    while pos < len(rest):
        part = _clause_after(rest[pos:])
        start = rest.index(part, pos)
        first = _WORD.match(part)
        low = first.group().lower() if first else ""
        # a later part opening with a participle and closed by a comma is an apposition ("the team, led by its
        # coach, will play"); running to the sentence end it is the clause's verb ("..., Ala., killed a guard")
        participle = pos > 0 and (low in _PAST_VERBS or low.endswith("ed")) \
            and rest.startswith(",", start + len(part))
        ev = [] if participle else _evidence(part, "count", _FUTURE_VERB)
        if ev or not part or not further or _MODAL.search(part):
            return ev  # a modal is the part's verb, though it tells no tense ("By Wednesday, workers should ...")
        pos = start + len(part) + 1
    return []


_UNTIL = re.compile(r"\b(?:until|till)\s+(?:[A-Za-z]+\s+){0,3}$", re.I)  # "until the night of April 19"
_POSTPONE = re.compile(r"\b(?:delay|postpone|extend|adjourn|defer|put\s+off|push(?:ed)?\s+back|suspend)", re.I)
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?(?:end\s+of\s+|early\s+|late\s+|mid-?)?$", re.I)
_INFINITIVE = re.compile(r"\bto\s+[a-z]+\b")  # "agreed to stop the ads until November": the stopping governs
_POSSESSIVE = re.compile(r"\s?[’']s\b")  # "judging by Thursday's meetings": no deadline


def future_in_past(text: str, s: int, e: int, lo: int) -> bool:
    """A possessive date whose clause looks ahead only through "would" ("the relatives said they would look
    for ways to get around Wednesday's ruling"): the future of a past report, and the ruling it names is one
    already made, so the date is not moved ahead."""
    return _POSSESSIVE.match(text, e) is not None and only_would(text, s, lo)


def only_would(text: str, s: int, lo: int) -> bool:
    """The clause before ``s`` looks ahead only through "would": a future seen from a past report ("said on
    Friday that he would travel on Monday")."""
    cues = _future_cues(clause_before(text, s, lo))
    return bool(cues) and all(c.lower() == "would" for c in cues)


def _future_cues(clause: str) -> list[str]:
    """Future cues of a clause, in order, leaving out those in the past perfect ("had been due to expire")."""
    return [m.group() for m in _FUTURE.finditer(clause) if not _HAD.search(clause[:m.start()])]


def _evidence(chunk: str, reporting: str = "skip", future: re.Pattern | None = _FUTURE) -> list[tuple[int, str]]:
    """(position, ``past``/``future``/``present``) of the tense cues in ``chunk``, in order: future cues not in
    the past perfect, past verbs (not a participle after ``_NOT_PAST_AFTER``), present be/have/do. A reporting
    verb is skipped (``skip``), read as a past verb (``count``), or ends the chunk (``cut``: what follows the
    clause's reporting verb is reported speech, not the clause). ``future``: the cues read (None: none)."""
    out = [(m.start(), "future") for m in future.finditer(chunk) if not _HAD.search(chunk[:m.start()])] \
        if future else []
    prev = prev2 = ""
    for w in _WORD.finditer(chunk):
        low = w.group().lower()
        if low in _REPORTING and reporting != "count":
            if reporting == "cut":
                out = [x for x in out if x[0] < w.start()]
                break
        elif low in _PRESENT:
            out.append((w.start(), "present"))
        elif (low in _PAST_VERBS or (low.endswith("ed") and len(low) > 4)) and (
                prev not in _NOT_PAST_AFTER or prev == "have" and prev2 in _MODALS_TO):
            out.append((w.start(), "past"))
        if low not in _BETWEEN:
            prev2, prev = prev, low
    return sorted(out)


# without tense evidence, a yearless date or month up to this far ahead of publication is the coming one
# ("Dec. 15" or "January" in a late-October story), anything further the last one ("in March" then)
_AHEAD_DAYS = 92
_AHEAD_MONTHS = 3
_AHEAD_DEADLINE_DAYS, _AHEAD_DEADLINE_MONTHS = 183, 6


def md_date(m: int, d: int, base: date, direction: str | None) -> date | None:
    """Year of a month-day without year: the next occurrence on or after publication in a future clause, the
    latest one not more than 31 days after it in a past one ("on Dec. 30" in a Jan. 2 story is the previous
    year), and without tense evidence the coming one when it is near (``_AHEAD_DAYS``), else the past one."""
    if direction == "future":
        for y in range(base.year, base.year + 5):
            cand = safe(y, m, d)
            if cand and cand >= base:
                return cand
        return None
    if direction in (None, "ahead"):  # the coming one when it is at most ~3 (6) months ahead, else the last one
        ahead = next((c for y in (base.year, base.year + 1) if (c := safe(y, m, d)) and c > base), None)
        if ahead and (ahead - base).days <= (_AHEAD_DAYS if direction is None else _AHEAD_DEADLINE_DAYS):
            return ahead
    limit = base + timedelta(days=31)
    for y in range(base.year + 1, base.year - 5, -1):
        cand = safe(y, m, d)
        if cand and cand <= limit:
            return cand
    return None


def placed(d: date | None, base: date, way: str | None) -> str | None:
    """The direction a yearless date was placed in: the tense's, or where the nearest occurrence fell."""
    if way in ("past", "future") or d is None:
        return way if way in ("past", "future") else None
    return "future" if d > base else "past"


def month_year(m: int, base: date, direction: str | None) -> int:
    """Year of a month named alone, by the same rules as ``md_date``."""
    if direction == "future":
        return base.year if m >= base.month else base.year + 1
    if direction in (None, "ahead"):
        ahead = (m - base.month) % 12
        if 0 < ahead <= (_AHEAD_MONTHS if direction is None else _AHEAD_DEADLINE_MONTHS):
            return base.year + (1 if m < base.month else 0)
    limit = base + timedelta(days=31)  # as for dates: up to a month ahead still reads as "this" one
    return base.year if date(base.year, m, 1) <= limit else base.year - 1


def latest_part(first_month: int, base: date, future: bool, months: int = 3) -> int:
    """Year of a quarter/half/season of ``months`` months starting in ``first_month``: the latest one begun by
    publication; in a future clause the first one not over for more than two months ("will recover in the
    second half" in June is this year's, "expects a profit in the first quarter" in October next year's, but
    "will release third-quarter results" in October is about the quarter just ended)."""
    if not future:
        return base.year if (first_month, 1) <= (base.month, base.day) else base.year - 1
    now = base.year * 12 + base.month - 1
    return next(y for y in (base.year - 1, base.year, base.year + 1)
                if y * 12 + first_month - 1 + months - 1 >= now - 2)


def next_part(first_month: int, base: date) -> int:
    """Year of the next quarter/half/season starting in ``first_month`` that begins after publication's month
    ("next spring" in November is the spring after the turn of the year)."""
    return base.year if first_month > base.month else base.year + 1
