"""Tense of an event trigger's clause, for dating (events/dating.py): whether the act is the day's news (present,
present perfect), a past act that only a time or the report's occasion dates, an earlier act (past perfect), a
duration or habit (undated: the gold README's "durations and habits"), or still to come. Read from the trigger, the
few words before it and its clause (coding.clause_window), with no parser: the events stage has only the sentence
text and its time expressions. Split from dating.py, which chooses the time; this module only reads the verb.
"""

from __future__ import annotations

import re

from parley.events import coding

PREPS = frozenset("""in on at by since until till from before after during of for to with through throughout
    around about as than into over under""".split())
PRESENT_AUX = frozenset("""has have is are am will shall 'll to would can may might must could should be being
    been does do going""".split())
PAST_FORMS = frozenset("""met held shot beat took fought sent won led struck told said made brought sought gave left
    began threw kept spoke broke stole fled came went saw drew rode ran bore swore slew bought
    sold paid laid caught taught thought knew grew was were fell lost rose became withdrew drove flew wrote spent
    stood sank shook fed got heard felt meant built chose forgot froze tore wore swept""".split())
# endings (almost) no English verb form has: "massive demonstrations", "their statements" are nominal whatever
# precedes them
NOUN_ENDINGS = ("ions", "ion", "ments", "ment", "ances", "ance", "ships", "isms")
DETERMINERS = frozenset("the a an its their his her new several two three".split())
# a clause that reports a state over a period, not the day's happening: the gold README's "durations and habits"
# (has refused … so far, has long accused, recent air strikes) are undated
DURATIVE = re.compile(r"\b(?:so far|to date|for (?:weeks|months|years|decades)|long|repeatedly|recent|recently|"
                      r"previous|previously|in the past|"
                      r"in recent (?:days|weeks|months)|over the (?:past|last) \w+)\b", re.I)
# a present characterisation ("describes the rebels as rats", "has described the uprising as …") is a habit, not the
# day's act: the gold README's "Dates" lists "has described the uprising as …" with the durations (undated)
CHARACTERISE = re.compile(r"(?:describ|portray|characteri[sz])\w*\b[^,;.]{1,60}?\bas\b", re.I)
FUTURE_BEFORE = re.compile(r"\b(?:will|would|shall|'ll|plans?|planning|going|expected|set|try|trying)\b(?: to)?$|"
                           r"\b(?:will|would|shall)\b", re.I)
CLAUSE_MODAL = re.compile(r"\b(?:will|would|shall)\b(?:\s+\w+){0,8}?\s+(?:to|by)\b", re.I)  # "would try to achieve …"
# a clause opened by a subordinator: "while/although/though" (coding.CLAUSE_BREAK starts the clause window right
# after them), or one of the others at the window's start
SUBORDINATE_BEFORE = re.compile(r"\b(?:while|although|though)\s*$", re.I)
SUBORDINATE_START = re.compile(r"\W*(?:while|although|though|when|after|before|as|if|because|since|once)\b", re.I)
FINITE = re.compile(r"\b(?:was|were|had|did|is|are|has|have|will)\b", re.I)
PAST_FINITE = frozenset({"was", "were", "had", "did"})
BE_FORMS = frozenset("was were is are am be been being".split())


def tense(sent: str, t0: int, t1: int) -> str:
    """"pluperfect" ("had refused", "had been arrested"), "past" (a simple-past trigger, or a nominal one after a
    simple-past verb: "held talks"), "present" (present, present perfect, future, infinitive or progressive) —
    read from the trigger and the three words before it in its clause."""
    c0, c1 = coding.clause_window(sent, t0)
    low = words_before(sent, t0)
    if "had" in low or "hadn't" in low or _had_aside(sent[c0:t0]):
        return "pluperfect"
    if DURATIVE.search(sent[c0:_subordinate_end(sent, c0, t1, c1)]) or re.search(r"\b(?:has|have)\s+been\s+\w+ing\b", sent[c0:t1], re.I):
        return "durative"  # "has refused … so far", "have been pressuring", "recent air strikes"
    if CHARACTERISE.match(sent, t0, c1) and not (past_form(sent[t0:t1].split()[0].lower()) and
                                                 not (low and low[-1] in ("has", "have"))):
        return "durative"  # "Gaddafi describes the rebels as rats", "has described the uprising as": a habit
    if FUTURE_BEFORE.search(" ".join(low)) or CLAUSE_MODAL.search(sent[c0:t0]):
        return "future"  # "would try to isolate", "plan to ask": not done yet, no day unless the text gives one
    if any(w in PRESENT_AUX for w in low):
        return "present"
    first = sent[t0:t1].split()[0].lower() if sent[t0:t1].split() else ""
    if past_form(first):
        return "past"
    if object_of_past(low):
        return "past"  # "held talks", "launched the raids"
    if first.endswith("ing") and re.search(r"\w\s*,\s*$", sent[c0:t0]):
        # ", killing people in their homes": an adverbial participle shares the tense of the verb it follows
        verb = [m for m in re.finditer(r"[A-Za-z]+", sent[c0:t0]) if past_form(m.group().lower())]
        if verb and verb_like(sent, c0 + verb[-1].start()):
            return tense(sent, c0 + verb[-1].start(), c0 + verb[-1].end())
    if first.endswith("ing") and len(first) > 5 and low and low[-1] not in BE_FORMS and verb_like(sent, t0) \
            and not low[-1].endswith("ing"):
        # a participle right after its noun ("thousands of Egyptians protesting in the streets"): an ongoing act,
        # not the tense of the clause's finite verb ("said he was asking …"); "were protesting" stays past
        return "present"
    if not first.endswith(("s", "e")) or first.endswith(("ss", "ise", "ate") + NOUN_ENDINGS) or \
            not verb_like(sent, t0):
        # a nominal trigger ("evidence of NATO air strikes was seen", "reports of a rebel offensive"): the tense
        # of its clause's finite verb
        fin = FINITE.search(sent[c0:c1])
        if fin and fin.group(0).lower() in PAST_FINITE:
            return "past"
    return "present"


# "had, according to the army, attacked", "had earlier this month repeatedly shelled": a past perfect whose
# auxiliary is more than three words before the participle, with only an aside or adverbs between them
_HAD_TAIL = re.compile(r"\bhad(?:n[’']t|\s+not)?\b(?P<mid>[^;:]*)$", re.I)
_ASIDE = re.compile(r",[^,]*,")
_ADVERB = re.compile(r"^(?:\w+ly|earlier|already|also|just|long|never|not|been|first|once|since|still|even|"
                     r"this|last|that|the|week|month|year|in|on|before)$", re.I)


def _had_aside(before: str) -> bool:
    m = _HAD_TAIL.search(before)
    if not m:
        return False
    return all(_ADVERB.match(w) for w in _ASIDE.sub(" ", m.group("mid")).split())


def _subordinate_end(sent: str, c0: int, t1: int, c1: int) -> int:
    """Where the trigger's clause ends when a subordinator opens it ("While the administration has shifted
    resources closer to Libya, it has refused … so far"): at its first comma after the trigger, where the main
    clause begins, whose "so far" says nothing of the subordinate act; else ``c1``."""
    if "," in sent[c0:t1] or not (SUBORDINATE_BEFORE.search(sent[:c0]) or SUBORDINATE_START.match(sent[c0:t1])):
        return c1  # "Since the start of the revolt, the government has kept …": the trigger is in the main clause
    comma = sent.find(",", t1, c1)
    return comma if comma >= 0 else c1


def words_before(sent: str, t0: int) -> list[str]:
    """The three words before the trigger in its clause, lower-cased, quotes and commas stripped."""
    c0, _ = coding.clause_window(sent, t0)
    return [w.lower().strip(",\"'’") for w in sent[c0:t0].split()[-3:]]


def object_of_past(low: list[str], but: frozenset = frozenset()) -> bool:
    """The (up to three, lower-cased) words before a trigger end in a simple-past verb (not one of ``but``), with
    at most a determiner between: the trigger is its object ("held talks", "unveiled a moratorium")."""
    verb = low[-1] if low and past_form(low[-1]) else \
        low[-2] if len(low) > 1 and low[-1] in DETERMINERS and past_form(low[-2]) else None
    return verb is not None and verb not in but


def verb_like(sent: str, t0: int) -> bool:
    """The trigger follows a subject-like word rather than a determiner or preposition."""
    prev = sent[:t0].split()[-1:]
    return bool(prev) and prev[0].lower() not in DETERMINERS | PREPS and not prev[0].endswith(("'s", "’s"))


def past_form(word: str) -> bool:
    """A simple-past (or past-participle) form: a regular -ed verb or one of ``PAST_FORMS``."""
    return (word.endswith("ed") and len(word) > 4) or word in PAST_FORMS
