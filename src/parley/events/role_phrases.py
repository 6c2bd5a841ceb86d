"""Phrase tests shared by the role choosers: where a mention stands in its sentence.

Why a module of its own: the actor side (``role_actor``), the recipient side (``role_recipient``), the pair and
speech rules all ask the same questions of a mention — is it a place ("in X", "at X"), the source of a report
("…, X said"), a possessor ("X's …"), inside parentheses or a comma aside — and answer them the same way.
A mention here is the ``(start, end, actor)`` triple of ``candidates.sentence_mentions``, relative to the sentence.
"""

from __future__ import annotations

import re

from parley.events.constructions import GPE_TYPES
from parley.timex.lexicon import MONTHS, WEEKDAYS

# a compass or holder adjective may stand between the preposition and the place ("in southeastern Serbia", "in
# east Bosnia", "in rebel-held Misrata"): the mention is still the place, not the act's object
PLACE_ADJ = (r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?|central|neighbou?ring|nearby|occupied|"
             r"war-torn|[a-z]+-(?:held|controlled|occupied|run))\s+")
PLACE_PREP = re.compile(r"\b(?:(?:in|near|inside|outside|across|throughout|around|within)\s+(?:the\s+)?(?:" + PLACE_ADJ +
                        r")?|(?:city|town|village|province|district|region|port|capital|suburb)\s+of\s+)$", re.I)


PLACE_PREP_GPE = re.compile(r"\b(?:at|from|to)\s+(?:the\s+)?$", re.I)  # "from X", "at X" are places for GPEs only


# a possessive ending: "X's", "X’s", "rebels'" and the Penn-Treebank spelling of tokenised corpora ("Jordan 's King")
POSS_S = r"(?:’s|'s|’|'|\s['’]s(?!\w))"
POSS = re.compile("^" + POSS_S)


FUNCTION = frozenset("""a an the and or but nor so yet as at by for from in into of on onto to with without when
    where while after before since until till than that which who whom whose what he she it they we you i his her
    its their our my your this these those there here is was were are be been being has had have will would could
    should may might must can did do does not no also only then amid against during through because although
    though if unless despite following under over about around per via""".split())


# (a past participle with its "by" agent is an aside too: "the draft, obtained by Reuters, would ask …", "the
# database, seen by the network, lists …" — who obtained or saw the text does not act in it; "led by X" is left
# out: the leader of a group takes part in what the group does)
ASIDE = re.compile(r",\s+(?:\w+ing\b|which\b|who\b|whose\b|a\s+|an\s+|the\s+|(?!led\b)[a-z]+(?:ed|en|wn)\s+by\b)"
                   r"[^,;]*,")


DASH_ASIDE = re.compile(r"\s(?:--?|–|—)\s[^-–—;,]{3,80}?\s(?:--?|–|—)\s")


PAST_IRREGULAR = frozenset("met held shot beat beaten took taken thrown stolen fought sent won led struck told said made "
                            "brought sought".split())


def uniq(actors):
    out, ids = [], set()
    for a in actors:
        if a.id not in ids:
            ids.add(a.id)
            out.append(a)
    return out


def is_place(sent: str, x, goal_ok: bool = False) -> bool:
    """A mention in a prepositional phrase of place ("in X", "at X", "from X") or a hyphenated modifier
    ("X-based", "X-led" is kept: it names the organiser). ``goal_ok``: "to X" is the goal the act is directed at
    ("aid to X", "an ultimatum to X", "a visit to X"), not a place — for the object side only."""
    before = sent[max(0, x[0] - 30):x[0]]
    if goal_ok and re.search(r"\b(?:to|in)\s+(?:the\s+)?$" if goal_ok == "in" else r"\bto\s+(?:the\s+)?$", before):
        return False
    if re.search(r"\b(?:loyal|allied|close)\s+to\s+(?:the\s+)?$", before):
        return False  # "forces loyal to X": X is the side, not a place
    if PLACE_PREP.search(before):
        return True
    if PLACE_PREP_GPE.search(before) and getattr(x[2], "type", "") in GPE_TYPES:
        return True
    return bool(re.match(r"-based\b", sent[x[1]:x[1] + 7]))


# (an acronym in parentheses and up to two words before the body noun may stand between: "X (HRW) said", "the X
# refugee agency reported"); an adverb may stand before the verb ("X here said", "X later told")
SOURCE_AFTER = re.compile(r"(?:\s*\([A-Z][\w.&-]{0,11}\))?\s*(?:,\s*|\s(?:[a-z]+\s+){0,2}(?:official|officials|"
                          r"spokes(?:man|woman|person)|sources?|ministry|agency|diplomats?|envoy|statement|office|"
                          r"radio|television|newspaper)\s+)?(?:(?:here|there|also|later|earlier|again|\w+ly)\s+)?"
                          r"(?:has\s+|have\s+|had\s+)?(?:said|says|say|told|tells|added|adds|claimed|claims|claim|"
                          r"reported|reports|report|stated|wrote)\b", re.I)


# ("said he urged X", "told reporters they would meet X": a subject pronoun opens the reported clause, whose
# mentions are its participants, not the report's source)
SOURCE_BEFORE = re.compile(r"\b(?:said|says|say|told|added|adds|reported|according\s+to)\s+(?:the\s+)?"
                           r"(?:(?!(?:he|she|they|it|we|i|you)\s)[\w.-]+\s+){0,4}$", re.I)


# a speech credit after the act closes its object window: "… called on its followers to march, said X, editor of
# the Y Post" — neither X nor the Y Post is whom the act is directed at (``is_source`` knows X only, and the
# ranker then moved to X from the Post). Not ", according to …": there the window stays (ConfliBERT 0810, "mass
# killings in the South Sudan conflict …, according to a report released … by a Washington group", lost its
# only event when the wrong pick the ranker had traded for South Sudan went)
SPEECH_CREDIT = re.compile(r",\s*(?:(?:he|she|they|it|we)\s+)?(?:said|says|added|adds|told|tells)\b", re.I)


def is_source(sent: str, x) -> bool:
    """A mention that attributes the report ("…, X said", "…, says X", "according to X", "X claimed …"): the
    source of the words, not a participant of the act they report; "a X official said" too."""
    return bool(SOURCE_AFTER.match(sent[x[1]:x[1] + 40]) or SOURCE_BEFORE.search(sent[max(0, x[0] - 50):x[0]]))


def is_poss(sent: str, x) -> bool:
    return bool(POSS.match(sent[x[1]:x[1] + 4]))


def in_parens(sent: str, x) -> bool:
    return sent.rfind("(", 0, x[0]) > sent.rfind(")", 0, x[0])


def aside_spans(sent: str, pos: int) -> list[tuple[int, int]]:
    """Comma-delimited asides that do not contain ``pos``: participial phrases (", echoing X and Y,", ", obtained
    by X,"), non-restrictive relative clauses (", which …,"), appositions of a title (", a former X lawmaker,")
    and a phrase between two spaced dashes after a name ("X - Y's opponent in the election - called …")."""
    out = []
    for x in ASIDE.finditer(sent):
        if not x.start() <= pos < x.end():
            out.append((x.start(), x.end()))
    for x in DASH_ASIDE.finditer(sent):
        # after a name only ("John Doe - X's rival - called"): after a common noun ("X's top official - Admiral
        # Y - approved") the dashes hold the name the noun stands for
        before = sent[:x.start()].split()
        if before and before[-1][:1].isupper() and not x.start() <= pos < x.end():
            out.append((x.start(), x.end()))
    return out


# a byline glued to the lede ("January 31 , 2011 | From X and Y , CNN While some governments …", "| By X , CNN"):
# the reporters and their outlet are no side of what the sentence reports
BYLINE = re.compile(r"(?:^|\|)\s*(?:By|From)\s+[A-Z][^|,.;]{0,60}?\s*,\s*[A-Z]{2,6}\b")


def eligible(sent: str, mentions, pos: int) -> list:
    """The mentions that may fill a role: not in parentheses, not in an aside or a byline (``BYLINE``), not a
    modifier of another noun."""
    asides = aside_spans(sent, pos) + [x.span() for x in BYLINE.finditer(sent) if not x.start() <= pos < x.end()]
    return [m for m in mentions if not in_parens(sent, m) and not any(a <= m[0] < b for a, b in asides)
            and not is_modifier(sent, m)]


# nouns a common-noun mention ("military", "police", "army", "government") only describes: "military aid", "a
# government offensive", "police headquarters" name a thing, not the side (the side acts in "police raided …");
# "army deserters", "police families" are people apart from that side; "men of military age" are no soldiers
MODIFIED = re.compile(r"\s+(?:aid|assistance|action|actions|operations?|equipment|bases?|headquarters|presence|advance|"
                      r"sweep|offensive|exercises?|drills?|build-?up|intervention|campaign|confrontation|spending|budget|"
                      r"cooperation|ties|hardware|vehicles?|facilit(?:y|ies)|installations?|posts?|targets?|buildings?|"
                      r"property|polic(?:y|ies)|decision|plans?|programme|program|funding|support|options?|solution|"
                      r"courts?|tribunals?|stations?|custody|sources|observers|deserters|defectors|veterans|families|widows|age)\b",
                      re.I)


# the acts among those nouns: a named side with a common-noun head before one ("US military intervention", "the
# Syrian army offensive") is the act's doer, no participant of the verb that governs the act; before a thing it
# owns ("an Afghan army base") it stays the one the act touches
OWN_ACT = re.compile(r"\s+(?:aid|assistance|action|actions|operations?|presence|advance|sweep|offensive|build-?up|"
                     r"intervention|involvement|campaign)\b", re.I)


def is_modifier(sent: str, x) -> bool:
    """A lower-case mention used as a noun modifier ("military aid", "police headquarters"), or a named one with a
    common-noun head before an act noun ("US military intervention"): no participant."""
    text = sent[x[0]:x[1]]
    if text.islower():
        return bool(MODIFIED.match(sent, x[1]))
    words = text.split()
    return len(words) > 1 and words[-1].islower() and bool(OWN_ACT.match(sent, x[1]))


# a date adjunct right after a trigger, closed by a comma: "a protest on 25 May, the army began …", "gathered on
# Saturday, and police …"
DATE_WORD = "|".join(sorted({w.capitalize() for w in (*MONTHS, *WEEKDAYS) if len(w) > 2}, key=len, reverse=True))
DATE_ADJUNCT = re.compile(r"\s+(?:again\s+|late\s+|early\s+)?on\s+(?:the\s+)?(?:\d|(?:" + DATE_WORD + r")\b)[\w ]{0,20}?,")


def date_end(sent: str, pos: int, hi: int) -> int:
    """Where the object window of a trigger ending at ``pos`` closes: at the comma of a date adjunct right after
    it ("after an anti-government protest on 25 May, the army began …": the army is the next clause's subject,
    not the protest's target), else ``hi``."""
    got = DATE_ADJUNCT.match(sent, pos)
    return min(hi, got.end() - 1) if got else hi


def past_form(word: str) -> bool:
    """A past-tense / participle verb form ("arrested", "met"): after "X's N" it is the verb of N, not a noun."""
    w = word.lower().split()[0] if word.split() else ""
    return w.endswith("ed") or w in PAST_IRREGULAR


def uniq_spans(xs):
    out = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


# a report verb after a passive auxiliary opens no reported clause: "ten rebels were reported killed", "he is
# believed kidnapped" (its subject is the participle's patient, role_voice.ADVERB)
REPORTING = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbeen )"
                       r"\b(?:say|says|said|saying|claim|claims|claimed|allege|alleges|alleged|believe|believes|"
                       r"believed|report|reports|reported|insist|insists|insisted)\s+(?:that\s+)?", re.I)


def reported_start(sent: str, pos: int) -> int:
    """Where the clause reported by the last speech verb before ``pos`` begins ("X's critics say | thousands were
    imprisoned"), else 0: the subject of a verb inside it is never reached for before that."""
    ends = [x.end() for x in REPORTING.finditer(sent, 0, pos)]
    return ends[-1] if ends else 0
