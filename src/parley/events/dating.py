"""Dating: the time expression that governs an event trigger, and the basis of the date.

A time that premodifies a noun ("the July 28 polls", "Tuesday's protest") dates that noun only; a time inside a
relative clause, parenthesis or gerund complement ("accused X of spying in 1997") dates only what is inside it; a
time right after a speech verb ("said Thursday that …") dates the statement, not the reported events; "until/by X"
is a deadline (kept in ``Event.deadline``), never the date; a future act (not a promise) takes no time of its
announcement ("plan to ask BP …, Jindal said Saturday"), and a promise (AGREE, CONCEDE) no day still to come (that is
the promised act's: the promise carries the day it is made). Among the rest, one in the trigger's clause (one right
after a mention of the act's side first: "for Citigroup in November and Bank of America on Friday"), else the
nearest in the sentence outside a later coordinated clause (", and last week she …"), else the last governing one
earlier in the paragraph. "N months after the arrest" dates the arrest from the sentence's own date. A range keeps
its end (``Event.date_end``); a week range has ``date_precision = "week"``. Historical: the event date lies more
than a year before publication. The clause's tense (today's news, past, past perfect, duration or habit, future)
is read in events/tense.py.
"""

from __future__ import annotations

import re
from datetime import date as _date

from parley.document import Document
from parley.events import coding, generic
from parley.events.candidates import doc_index
from parley.events.roles import FUNCTION
from parley.events.tense import (
    DETERMINERS,
    FINITE,
    PREPS,
    PRESENT_AUX,
    object_of_past,
    past_form,
    tense,
    words_before,
)

SPEECH_HEADS = frozenset("said says told tells announced added stated declared wrote posted".split())
SUBCLAUSE = re.compile(r",\s+(?:which|who|whose|where|when)\b[^,;]*(?:,|$)|\([^)]*\)|"
                       r"\b(?:of|for|about|from|without)\s+\w+ing\b[^,;]*", re.I)
RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b", re.I)
ANCHOR = re.compile(r"^(?P<n>\w+)\s+(?P<u>day|week|month|year)s?\s+(?P<d>after|before)$", re.I)
# a clause coordinated after the trigger's own ("Her protest has galvanised anti-war sentiment, and last week she
# brought her campaign to Britain"): its time dates its own verb, not the trigger
LATER_CLAUSE = re.compile(r";|,\s+(?:and|but)\b")
SIDE_TIME = re.compile(r"\s*(?:(?:on|in|at)\s+)?$")  # "Bank of America on Friday"
CALENDAR = re.compile(r"\d{4}(?:-\d\d){0,2}$")  # a year, month or day value (not "FUTURE_REF", "2012-W10")
SAME_DAY = re.compile(r"\b(?:hours|minutes|moments|shortly|just)\s+(?:before|after)\s+", re.I)
REDUCED_PASSIVE = re.compile(r"\b\w+ed\s+by\b")
# the occasion of a news report (_occasion_day): how far back its day may be, and how many sentences back it is read
CONTEXT_DAYS = 3
CONTEXT_SENTENCES = 8
NEWS_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?!been\b)\w+(?:ed|en|wn|ne|t)\b", re.I)
# "I just spoke to him": a simple past marked as just done is the day's news, like a present perfect
JUST_PAST = re.compile(r"\bjust\s+(\w+)\b", re.I)
# a lead's act may get its day in the sentences right after it ("Obama spoke with Mubarak … `` I just spoke to him
# after his speech , '' Obama said"): how many sentences of the document's start read forward
LEAD_SENTENCES = 2
FORWARD_SENTENCES = 3
_LY_ADJECTIVES = frozenset("early daily weekly monthly yearly nightly hourly quarterly only".split())
_SPEECH_NEAR = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_HEADS)) + r")\b", re.I)
# a sentence that opens with a subject pronoun, or with a connective and one ("In addition, he canceled …", "But
# they"), or with a noun phrase that counts the parties just named ("Both men reaffirmed", "`` The two sides
# agreed"): it continues the previous sentence's appearance
PRONOUN_START = re.compile(r"\s*(?:(?:But|And|Also|Then|Later|In addition|Separately)\s*,?\s+(?:he|she|they|we)|"
                           r"He|She|They|It|We|(?:``|[\"“])?\s*(?:Both|The (?:two|three))\s+[a-z]+)\b")
NUMBER_WORDS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def is_deadline(text: str, t) -> bool:
    """"until/by X" bounds the act; "not until X" ("it was not until Tuesday that Castro revealed …") is its day."""
    before = text[max(0, t.start - 24):t.start]
    if re.search(r"\bnot\s+(?:until|till)\s+$", before, re.I):
        return False
    return t.kind == "until" or bool(re.search(r"\b(?:until|till|by)\s+(?:the\s+end\s+of\s+)?$", before, re.I))


def modified_span(text: str, t, limit: int) -> tuple[int, int] | None:
    """When ``t`` premodifies a noun ("the July 28 polls", "Tuesday's protest", "the country's 2018 general
    election"), the span of that noun phrase (up to three words); else None."""
    after = text[t.end:limit]
    poss = re.match(r"(?:’s|'s)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", after)
    if poss:
        return t.end, t.end + poss.end()
    prev = re.search(r"([\w’'-]+)\s*$", text[max(0, t.start - 30):t.start])
    pw = prev.group(1).lower() if prev else ""
    if pw in PREPS or pw in SPEECH_HEADS or not prev:
        return None
    nxt = re.match(r"\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\b", after)
    if not nxt or nxt.group(1).split()[0] in FUNCTION:
        return None
    words = nxt.group(1).split()
    if words[0].endswith("ly") and words[0] not in _LY_ADJECTIVES:
        return None  # "had earlier this month repeatedly shelled": an adverb of the clause's verb follows
    if re.search(r"(?:ed|ing)$", words[0]) and pw not in ("the", "a", "an", "its", "their", "his", "her", "this") \
            and not pw.endswith(("’s", "'s")):
        return None  # "officials Tuesday rejected", "took effect Aug. 9 pending ratification": a verb, not a noun
    if words[0] in PREPS or words[0] in ("off", "ago"):
        return None  # "was found Nov. 25 off the coast": the time ends its phrase
    return t.end, t.end + nxt.end()


def _speech_time(text: str, t) -> bool:
    """A time right after a speech verb and before its complement ("said Thursday that", "said earlier this week
    that"): it dates the statement only."""
    if not _after_speech(text, t):
        return False
    return bool(re.match(r"\s*,?\s*that\b", text[t.end:t.end + 10]))


def _after_speech(text: str, t) -> bool:
    """A time right after a speech verb ("Jindal said Saturday", "officials said on Monday")."""
    return bool(re.search(r"\b(?:" + "|".join(SPEECH_HEADS) + r")\s+(?:on\s+)?$", text[max(0, t.start - 25):t.start],
                          re.I))


def _governing(doc: Document, si: int, trig: tuple[int, int] | None, inside: tuple[int, int] | None = None):
    """Time expressions of sentence ``si`` that may date a trigger at ``trig`` (absolute offsets; None = any
    trigger outside the sentence), with the ones attached to the trigger first, and the deadlines. ``inside``: a
    speech verb's own position (its ``trig`` is None, so that "said Thursday that" dates it), for which a relative
    clause or parenthesis holding it keeps its time ("the accord, which was announced Friday")."""
    s, e = doc.sentences[si]
    text = doc.text
    times = doc_index(doc).times_in(s, e)
    deadlines = [t for t in times if t.value and is_deadline(text, t)]
    sub = [(s + x.start(), s + x.end()) for x in SUBCLAUSE.finditer(text[s:e])]
    attached, usable = [], []
    for t in times:
        if not t.value or t.kind in ("duration", "vague") or t in deadlines:
            continue
        np = modified_span(text, t, e)
        if np:
            if trig and np[0] <= trig[0] < np[1]:
                attached.append(t)
            continue
        if any(a <= t.start < b and not ((trig or inside) and a <= (trig or inside)[0] < b) for a, b in sub):
            continue
        if trig and _speech_time(text, t):
            continue
        if trig and t.start >= trig[1] and RELATIVE.search(text, trig[1], t.start):
            continue  # "denies giving X drugs which led to his death in June 2009": the relative clause's time
        usable.append(t)
    return attached, usable, deadlines


def time_value(t, date=None, precision=None) -> dict:
    prec = precision or t.precision
    end = t.end_value
    if end and "week" in t.text.lower():
        prec = "week"
    return {"date": date or t.value, "precision": prec, "end": end, "deadline": None, "basis": "text"}


def publication_precision(published: str | None) -> str:
    """The precision the publication date itself has: a "2011-03" date gives month precision, never "day"."""
    n = len(published or "")
    return "day" if n >= 10 else "month" if n == 7 else "year" if n == 4 else "none"


def date_for(doc: Document, si: int, t0: int, t1: int, speech: bool = False, promise: bool = False,
             sides: frozenset = frozenset(), future: bool = False, typed: bool = False) -> dict:
    """The date of the trigger at [t0, t1) (absolute offsets) and its basis: a time expression that governs it
    ("text"), else — for a clause in the present, present perfect or future (today's news) — the publication
    date at the publication date's own precision ("publication"), else undated (date None, precision "none",
    basis "none"): a simple-past or past-perfect clause with no time expression is not dated by the text, and
    giving it the publication date would put earlier events ("had refused") on the wrong day. ``typed``: a speech
    unit (``speech``) that carries an event type, i.e. reports a codable act."""
    s, e = doc.sentences[si]
    idx = doc_index(doc)
    attached, usable, deadlines = _governing(doc, si, None if speech else (t0, t1), (t0, t1) if speech else None)
    when = tense(doc.text[s:e], t0 - s, t1 - s)
    if future and when == "present":
        when = "future"  # the flags read a future the tense did not ("her aim was to urge")
    if when == "pluperfect" and not speech:
        # "said on Wednesday it had kidnapped …": a time before the "had" dates the report, not the earlier act;
        # one that opens the act's own clause with no speech verb after it ("In 2005, the rebels had attacked")
        # dates the act
        had = doc.text.rfind("had", s, t0)
        usable = [t for t in usable if t.start > had or not _SPEECH_NEAR.search(doc.text, max(s, t.start - 25), had)]
        # "it had kidnapped 20 Syrians … to secure the release of a man kidnapped by rebels on Monday": a time after
        # a later reduced passive dates that act, not the earlier one
        usable = [t for t in usable if t.start < t1 or not REDUCED_PASSIVE.search(doc.text, t1, t.start)]
    if when == "future" and not (speech or promise):
        # "officials plan to ask BP to pay …, Gov. Jindal said Saturday": the time dates the announcement; the
        # act itself is still to come and has only a date the text gives it
        usable = [t for t in usable if not _after_speech(doc.text, t)]
    if promise and not speech:
        # "Amos is due to arrive in Damascus on Wednesday" coded AGREE: the promise is the act, made now, and carries
        # the date of its announcement (the gold README's "Flags"); a day still to come is the promised act's
        pub = _published_as_known(doc)
        attached = [t for t in attached if not _to_come(t, pub)]
        usable = [t for t in usable if not _to_come(t, pub)]
    out = None
    if attached:
        out = time_value(attached[0])
    if out is None and not speech:
        out = _anchored(doc, si, t0, usable)
    if out is None and usable:
        c0, c1 = coding.clause_window(doc.text[s:e], t0 - s)
        verbless = not _has_verb(doc.text[s + c0:s + c1])  # "bombings at embassies in Tanzania, and Nairobi, on
        # Aug. 7 killed …": a ", and" inside a subject list ends no clause
        pool = [t for t in usable if s + c0 <= t.start < s + c1] or [
            t for t in usable if t.start < s + c1 or verbless or not LATER_CLAUSE.search(doc.text, s + c1, t.start)]
        if pool:
            pool = _side_times(doc, si, pool, sides, (t0, t1)) or pool
            out = time_value(min(pool, key=lambda t: abs(t.start - t0)))
    if out is None and (speech or when not in ("pluperfect", "future") or promise):
        # an earlier sentence's time dates this one only where the act is of the same telling: not an act
        # before it (past perfect) nor one still to come
        para = _telling(doc, idx.paragraph(s))
        prior = []
        if para:
            for sj in idx.sentences_between(para[0], s):
                key = ("governing", sj)
                if key not in idx.cache:
                    idx.cache[key] = _governing(doc, sj, None)[1]
                prior += idx.cache[key]
        pub = _published_as_known(doc)
        if prior and when == "present" and pub:
            # "Saddam is finished, says one official" after "On Saturday the army …": the present tense is the
            # day's news, so an earlier day of the paragraph is not its date (one not before publication still is)
            prior = [t for t in prior if not (CALENDAR.match(t.value) and t.value[:len(pub)] < pub[:len(t.value)])]
        if prior:
            out = time_value(max(prior, key=lambda t: t.start))
    if out is None and when == "future" and not (speech or promise):
        out = _scheduled_day(doc, si, sides)
    if out is None and when == "past" and not speech and (past_form(doc.text[t0:t1].split()[0].lower()) or object_of_past(
            words_before(doc.text[s:e], t0 - s), SPEECH_HEADS)):
        # a finite past verb or its object ("unveiled a series of measures, including a continued moratorium"), not
        # a nominal under some other verb ("reports of a rebel offensive") nor the subject of a reported clause
        # ("said the meeting had ended")
        out = _occasion_day(doc, si, sides | _same_day_sides(doc, si))
    if out is None and speech and typed and when == "past":
        # a speech unit typed as the act it reports ("Mullen … `` expressed his appreciation for … '' said Kirby, his
        # spokesman" is SUPPORT): a simple-past act like any other, whose parties are the ones its sentence names,
        # not only the speaker the roles gave it
        out = _occasion_day(doc, si, sides | {m[2].id for m in idx.mentions(s, e)})
    if out is None:
        pub = _published_as_known(doc)
        if when == "present" and not speech and subject_act(doc.text[s:e], t0 - s, t1 - s):
            pub = None  # "Her protest has galvanised …": the clause's news is its predicate, not the act it names
        if when == "present" and _caption(doc, s):
            pub = None  # "Deserted medical clinic in Libya Arab League supports no-fly zone": a link title
        if pub and (when == "present" or when == "future" and (promise or speech)):
            out = {"date": pub, "precision": publication_precision(pub), "end": None,
                   "deadline": None, "basis": "publication"}
        else:
            out = {"date": None, "precision": "none", "end": None, "deadline": None, "basis": "none"}
    if deadlines:
        out["deadline"] = min(deadlines, key=lambda t: abs(t.start - t0)).value
    return out


# a clause that opens with a noun phrase ("Her personal protest", "A government investigation") whose head is the
# trigger, followed by the clause's own finite verb: the act is the clause's subject, named and not reported
SUBJECT_OPENERS = DETERMINERS | frozenset("this that these those our my your".split())
_SUBJECT_VERB = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:(?:of|after|by|in|on|over|against|for|from|into)\s[^,;]{0,60}?"
                           r"(?:,[^,;]{0,60},)?\s*)?(?:has|have|is|are)\s|\s+(?!(?:is|has|was|its|this|his|as|us)\b)"
                           r"[a-z]{3,}(?<!s)s\s", re.I)


def subject_act(sent: str, t0: int, t1: int) -> bool:
    """The trigger at [t0, t1) heads the noun phrase its clause opens with, and the clause's finite verb follows it
    ("Her touching and personal protest after the death of her son … has galvanised anti-war sentiment", "A
    government investigation blames armed groups"): the clause reports what the act did, not the act itself, so
    the present tense of that verb is no day for the act (the gold README: the date the text supports for the
    event). "The students protest the fees" (an object, no finite verb after it) is not one."""
    c0, c1 = coding.clause_window(sent, t0)
    before = sent[c0:t0].split()
    if not 1 <= len(before) <= 4 or before[0].lower().strip("`'\"") not in SUBJECT_OPENERS:
        return False
    if any(w.lower() in PRESENT_AUX or w.lower() in SPEECH_HEADS or past_form(w.lower()) or w in ",;"
           for w in before[1:]):
        return False
    return bool(_SUBJECT_VERB.match(sent, t1, c1))


def _caption(doc: Document, s: int) -> bool:
    """The sentence at ``s`` lies in a paragraph after the document's first that ends with no stop: a photo caption
    or the title of a link to another story ("Deserted medical clinic in Libya Arab League supports no-fly zone"
    between two paragraphs of the body), whose headline present is no sign of the day's news. The first paragraph
    (the headline and lead, often glued) is the article's own."""
    paras = doc.paragraphs or []
    para = next((p for p in paras if p[0] <= s < p[1]), None)
    return bool(para) and para is not paras[0] and doc.text[para[0]:para[1]].rstrip()[-1:] not in ".!?\"'”’)"


def _telling(doc: Document, para: tuple[int, int] | None) -> tuple[int, int] | None:
    """The paragraph, widened back over the paragraphs before it that end with no full stop: the clean stage splits
    a run of glued captions ("… on 25 May, the army began an 18-hour bombardment" / "Some accounts say …, killing
    people in their homes") where the page gave no stop, but the run is one telling, and its time dates the rest."""
    if not para:
        return para
    lo = para[0]
    for a, b in reversed([p for p in doc.paragraphs if p[1] <= lo][-2:]):
        if b < lo - 2 or doc.text[a:b].rstrip()[-1:] in ".!?\"'”’)":
            break
        lo = a
    return lo, para[1]


def _scheduled_day(doc: Document, si: int, sides: frozenset) -> dict | None:
    """A future act with no time of its own, after a sentence that names one of its sides (or that a pronoun opening
    the act's sentence follows) with a day still to come: "Valerie Amos is due to arrive in Damascus on Wednesday.
    She said her aim was to urge all sides …" is Wednesday's (the gold README: a future act carries the scheduled
    date if the text gives one). A past or present time there dates the announcement, not the plan."""
    pub = _published_as_known(doc)
    if si == 0 or not pub:
        return None
    s, e = doc.sentences[si]
    sj = si - 1
    idx = doc_index(doc)
    here = {m[2].id for m in idx.mentions(*doc.sentences[sj])}
    if not (sides & here or PRONOUN_START.match(doc.text[s:e])):
        return None
    key = ("governing", sj)
    if key not in idx.cache:
        idx.cache[key] = _governing(doc, sj, None)[1]
    later = [t for t in idx.cache[key] if _to_come(t, pub)]
    return time_value(later[-1]) if later else None


def _to_come(t, pub: str | None) -> bool:
    """The time's calendar value lies after the publication date (compared at the coarser of the two precisions)."""
    return bool(pub and CALENDAR.match(t.value or "") and t.value[:len(pub)] > pub[:len(t.value)])


def _has_verb(clause: str) -> bool:
    """A finite auxiliary or a past form in the stretch: it is a clause of its own, not a piece of a noun phrase."""
    return bool(FINITE.search(clause)) or any(past_form(w.lower()) for w in re.findall(r"[A-Za-z]+", clause))


def _same_day_sides(doc: Document, si: int) -> frozenset:
    """The actors of a same-day temporal clause in sentence ``si`` ("Hours before Mr Obama spoke, the head of the
    MMS resigned"): the act shares their occasion, so their appearances reach back to its day."""
    s, e = doc.sentences[si]
    m = SAME_DAY.search(doc.text, s, e)
    if not m:
        return frozenset()
    end = doc.text.find(",", m.end(), e)
    return frozenset(a.id for _, _, a in doc_index(doc).mentions(m.end(), end if end > 0 else e))


def _side_times(doc: Document, si: int, pool: list, sides: frozenset, trig: tuple[int, int]) -> list:
    """Of several times, those right after a mention of one of the act's sides in the trigger's own phrase: in
    "bailouts for Citigroup in November and Bank of America on Friday" the act whose recipient is Bank of America
    is Friday's. A mention with a verb between it and the trigger is in another clause, whose time is that clause's:
    "protesters were gathering again on Saturday … after security forces fired on demonstrators on Friday" (the
    demonstrators being the protesters) is Saturday's."""
    if len(pool) < 2 or not sides:
        return []
    s, e = doc.sentences[si]
    text = doc.text
    ends = [s + me for ms, me, a in doc_index(doc).mentions(s, e) if a.id in sides
            and not _has_verb(text[trig[1]:s + ms] if s + ms >= trig[1] else text[s + me:trig[0]])]
    return [t for t in pool if any(0 <= t.start - x <= 4 and SIDE_TIME.match(doc.text, x, t.start) for x in ends)]


def _published_as_known(doc: Document) -> str | None:
    """The publication date at the precision it is known to (the clean stage's "2016-06-01" stand-in for a date
    known to the month is "2016-06")."""
    prec = (doc.meta or {}).get("date_precision")
    if doc.published and prec in ("month", "year"):
        return doc.published[:7 if prec == "month" else 4]
    return doc.published


def _occasion_day(doc: Document, si: int, sides: frozenset) -> dict | None:
    """A simple-past act with no time of its own in a news report: the day of the report's occasion — the last
    day-precision time expression (or present-perfect news: the publication day) in the ``CONTEXT_SENTENCES``
    sentences before it that lies within ``CONTEXT_DAYS`` of publication, in a sentence that names one of the act's
    sides (actor / recipient ids ``sides``) or followed by a sentence that opens with a pronoun ("Obama spoke on
    Thursday … He blasted the oil companies": the same appearance; the sides met there join the act's, so that
    "Obama suspended drilling. In addition, he canceled the sale" reaches back as far as Obama does). Basis "context". Older days (background: "in 2005", "on 25 May" in an August
    piece) and days of another party's doings ("On Monday X held a rally. Y refused …") anchor nothing."""
    known = _published_as_known(doc)
    if not known or len(known) < 10:
        # a publication date known to the month only gives no day: "had the day's news" would be invented
        return None
    idx = doc_index(doc)
    try:
        pub = _date.fromisoformat(doc.published[:10])
    except ValueError:
        return None
    s, e = doc.sentences[si]
    follows = bool(PRONOUN_START.match(doc.text[s:e]))
    heads = _generic_heads(sides)
    last = si  # the window runs CONTEXT_SENTENCES back from the side's latest appearance, not from the act
    for sj in range(si - 1, -1, -1):
        if last - sj > CONTEXT_SENTENCES:
            break
        key = ("governing", sj)
        if key not in idx.cache:
            idx.cache[key] = _governing(doc, sj, None)[1]
        days = [t for t in idx.cache[key] if t.precision == "day" and t.value and len(t.value) >= 10]
        here = {m[2].id for m in idx.mentions(*doc.sentences[sj])}
        named = follows or sides & here or (heads and heads.search(doc.text, *doc.sentences[sj]))
        if follows:
            sides = sides | here  # the pronoun's antecedent is among the sides met here
        if not days and named and _news_of_the_day(doc.text[slice(*doc.sentences[sj])]):
            # "Obama has defended his handling of the spill. He unveiled a series of measures": the present-perfect
            # news of the day is the occasion
            return {"date": doc.published[:10], "precision": "day", "end": None, "deadline": None,
                    "basis": "context"}
        if named:
            last = sj
        if not days or not named:
            follows = follows and bool(PRONOUN_START.match(doc.text[slice(*doc.sentences[sj])]))
            continue
        return _recent_day(days, pub)
    return _lead_occasion(doc, si, sides, pub) if si < LEAD_SENTENCES else None


def _recent_day(days: list, pub: _date) -> dict | None:
    """The latest of the day-precision times ``days`` that lies within ``CONTEXT_DAYS`` before publication, as an
    occasion (basis "context"); older days are background."""
    for t in sorted(days, key=lambda t: -t.start):
        try:
            lag = (pub - _date.fromisoformat(t.value[:10])).days
        except ValueError:
            continue
        if 0 <= lag <= CONTEXT_DAYS:
            return {**time_value(t), "basis": "context"}
    return None


def _news_of_the_day(sent: str) -> bool:
    """A present perfect ("Obama has defended …") or a simple past marked as just done ("I just spoke to him"):
    the sentence reports the day's news, so its occasion is the publication day."""
    return bool(NEWS_PERFECT.search(sent)) or any(past_form(m.group(1).lower()) for m in JUST_PAST.finditer(sent))


def _lead_occasion(doc: Document, si: int, sides: frozenset, pub: _date) -> dict | None:
    """A simple-past act in the lead (the document's first ``LEAD_SENTENCES`` sentences) with no occasion before
    it: a news lead tells the act first and its day after ("President X spoke with Y moments after Y addressed his
    country …. `` I just spoke to him after his speech , '' X said"), so the next ``FORWARD_SENTENCES`` sentences
    that name one of its sides give it their day (within ``CONTEXT_DAYS`` of publication) or their news of the
    day (the publication day)."""
    idx = doc_index(doc)
    for sj in range(si + 1, min(len(doc.sentences), si + 1 + FORWARD_SENTENCES)):
        if not sides & {m[2].id for m in idx.mentions(*doc.sentences[sj])}:
            continue
        key = ("governing", sj)
        if key not in idx.cache:
            idx.cache[key] = _governing(doc, sj, None)[1]
        day = _recent_day([t for t in idx.cache[key] if t.precision == "day" and t.value and len(t.value) >= 10], pub)
        if day:
            return day
        if _news_of_the_day(doc.text[slice(*doc.sentences[sj])]):
            return {"date": doc.published[:10], "precision": "day", "end": None, "deadline": None,
                    "basis": "context"}
    return None


def _generic_heads(sides: frozenset) -> re.Pattern | None:
    """The head words of the act's generic sides (ids "generic:<head>", events/generic.py) as one pattern: a
    sentence holding one names that side for the occasion ("Rebel forces drove north on Thursday … Rebels prevented
    reporters from …"), as an actor mention of it would."""
    canon = {str(x).split(":", 1)[1] for x in sides if str(x).startswith("generic:")}
    if not canon:
        return None
    forms = sorted({" ".join(k) for k, (c, _) in generic.heads().items() if c in canon}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.I) if forms else None


def _anchored(doc: Document, si: int, t0: int, usable) -> dict | None:
    """"two months after the arrest of X" in a sentence dated November 2017: the arrest is 2017-09."""
    for t in doc_index(doc).times_in(*doc.sentences[si]):
        if t.kind != "duration":
            continue
        m = ANCHOR.match(t.text.strip())
        if not m or not 0 <= t0 - t.end <= 6 or not usable:
            continue
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS.get(m["n"].lower())
        anchor = min(usable, key=lambda x: abs(x.start - t.start))
        if not n or anchor.precision not in ("day", "month", "year"):
            continue
        sign = -1 if m["d"].lower() == "after" else 1
        return _shifted(anchor.value, anchor.precision, sign * n, m["u"].lower())
    return None


def _shifted(value: str, precision: str, n: int, unit: str) -> dict | None:
    try:
        y = int(value[:4])
        mo = int(value[5:7]) if len(value) >= 7 else 1
        d = int(value[8:10]) if len(value) >= 10 else 1
        if unit == "year":
            y += n
        elif unit == "month":
            k = y * 12 + mo - 1 + n
            y, mo = divmod(k, 12)
            mo += 1
        else:
            from datetime import timedelta  # noqa: PLC0415

            day = _date(y, mo, d) + timedelta(days=n * (7 if unit == "week" else 1))
            y, mo, d = day.year, day.month, day.day
    except ValueError:
        return None
    rank = ["day", "month", "year"]
    prec = rank[max(rank.index(precision), rank.index(unit) if unit in rank else 0)]
    val = {"day": f"{y:04d}-{mo:02d}-{d:02d}", "month": f"{y:04d}-{mo:02d}", "year": f"{y:04d}"}[prec]
    return {"date": val, "precision": prec, "end": None, "deadline": None, "basis": "text"}


def is_historical(value: str | None, published: str | None) -> bool:
    if not value or not published:
        return False
    try:
        ev = _date(int(value[:4]), int(value[5:7] or 12) if len(value) >= 7 else 12, 28 if len(value) >= 10 else 28)
        pub = _date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (pub - ev).days > 365
