"""Roles: who acts (actor) and who undergoes (recipient) for one event trigger of a sentence.

With a dependency parse (``parley.nlp.parsed``, optional spaCy) the trigger's verb gives them: nsubj / agent →
actor, dobj / nsubjpass / pobj of its preposition → recipient. Without one, rules over the sentence's actor
mentions: actor = the subject side, the nearest mention before the trigger in its clause, skipping mentions that
are places ("in X", "at X", "near X"), country possessives ("X's ruling party") and parentheticals; recipient = the
first such mention after the trigger in its clause (an apposition after a possessive object wins: "the party's
leader, Y" → Y). Passive voice ("was arrested by X", and the object-complement passive "saw one protester shot
dead") swaps them; a verb coordinated with an earlier event verb ("A refused … and threatened …") shares its
subject; "talks between A and B", "a meeting of A and B", "A and B met" give both as actors of a symmetric event
(CONSULT, AGREE, COOPERATE), while for other cues "between A and B" names the recipients ("called for talks between
A and B"); "the two parties" refers to the pair named before.
"""

from __future__ import annotations

import re

from parley.document import Document
from parley.events import coding, constructions, generic
from parley.events.candidates import doc_index, sentence_mentions
from parley.events.constructions import GPE_TYPES

PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?$", re.I)
# "was tortured and killed", "were beaten, arrested and": a participle coordinated after a passive auxiliary
PASSIVE_COORD = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?(?:[a-z]+(?:ed|en|t),?\s+){1,3}"
                           r"(?:and|or)\s+(?:\w+ly\s+)?$", re.I)
REDUCED_PASSIVE = re.compile(r"\b(?:saw|see|sees|seen|seeing|left|leaves|leaving|had|has|have|got|gets|found|"
                             r"finds|reported)\s+(?:[\w-]+\s+){0,3}$", re.I)
COORD = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$")
SYMMETRIC = ("CONSULT", "AGREE", "COOPERATE")
PLACE_PREP = re.compile(r"\b(?:in|near|inside|outside|across|throughout|around|within)\s+(?:the\s+)?$", re.I)
PLACE_PREP_GPE = re.compile(r"\b(?:at|from|to)\s+(?:the\s+)?$", re.I)  # "from X", "at X" are places for GPEs only
POSS = re.compile(r"^(?:’s|'s|’|')")
VP_COORD = re.compile(r"(?:,\s*|\b)(?:and|but|or)\s+(?:(?:then|also|later|has|have|had|was|were|is|are|will|would|"
                      r"\w+ly)\s+)*$", re.I)
FUNCTION = frozenset("""a an the and or but nor so yet as at by for from in into of on onto to with without when
    where while after before since until till than that which who whom whose what he she it they we you i his her
    its their our my your this these those there here is was were are be been being has had have will would could
    should may might must can did do does not no also only then amid against during through because although
    though if unless despite following under over about around per via""".split())
ASIDE = re.compile(r",\s+(?:\w+ing\b|which\b|who\b|whose\b|a\s+|an\s+|the\s+)[^,;]*,")
PAIR_ANAPHOR = re.compile(r"\b(?:(?:the\s+)?two|both(?:\s+the)?|(?:the\s+)?ruling\s+and\s+opposition)\s+"
                          r"(?:parties|sides|leaders|groups|countries|governments|camps)\b", re.I)
PAST_IRREGULAR = frozenset("met held shot beat took fought sent won led struck told said made brought sought".split())


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
    before = sent[max(0, x[0] - 14):x[0]]
    if goal_ok and re.search(r"\b(?:to|in)\s+(?:the\s+)?$" if goal_ok == "in" else r"\bto\s+(?:the\s+)?$", before):
        return False
    if re.search(r"\b(?:loyal|allied|close)\s+to\s+(?:the\s+)?$", before):
        return False  # "forces loyal to X": X is the side, not a place
    if PLACE_PREP.search(before):
        return True
    if PLACE_PREP_GPE.search(before) and getattr(x[2], "type", "") in GPE_TYPES:
        return True
    return bool(re.match(r"-based\b", sent[x[1]:x[1] + 7]))


SOURCE_AFTER = re.compile(r"\s*(?:,\s*)?(?:has\s+|have\s+|had\s+)?(?:said|says|say|told|tells|added|adds|claimed|claims|"
                          r"claim|reported|reports|report|stated|wrote)\b", re.I)
SOURCE_BEFORE = re.compile(r"\b(?:said|says|say|told|added|adds|reported|according\s+to)\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}$",
                           re.I)


def is_source(sent: str, x) -> bool:
    """A mention that attributes the report ("…, X said", "…, says X", "according to X", "X claimed …"): the
    source of the words, not a participant of the act they report."""
    return bool(SOURCE_AFTER.match(sent[x[1]:x[1] + 24]) or SOURCE_BEFORE.search(sent[max(0, x[0] - 50):x[0]]))


def _is_poss(sent: str, x) -> bool:
    return bool(POSS.match(sent[x[1]:x[1] + 2]))


def _in_parens(sent: str, x) -> bool:
    return sent.rfind("(", 0, x[0]) > sent.rfind(")", 0, x[0])


def _asides(sent: str, pos: int) -> list[tuple[int, int]]:
    """Comma-delimited asides that do not contain ``pos``: participial phrases (", echoing X and Y,"),
    non-restrictive relative clauses (", which …,") and appositions of a title (", a former X lawmaker,")."""
    out = []
    for x in ASIDE.finditer(sent):
        if not x.start() <= pos < x.end():
            out.append((x.start(), x.end()))
    return out


def _eligible(sent: str, mentions, pos: int) -> list:
    asides = _asides(sent, pos)
    return [m for m in mentions if not _in_parens(sent, m) and not any(a <= m[0] < b for a, b in asides)]


def group_before(sent: str, mentions, pos: int, lo: int = 0) -> list:
    """The subject group before ``pos`` (from ``lo``): the nearest eligible mention, plus mentions coordinated with
    it ("A and B"); places, parentheticals and country possessives are skipped unless nothing else is there."""
    before = [m for m in _eligible(sent, mentions, pos) if lo <= m[0] and m[1] <= pos]
    if not before:
        return []
    head = None
    for m in reversed(before):
        if is_place(sent, m):
            continue
        if _is_poss(sent, m):
            # "X's threat", "X's meeting": a possessor directly before the trigger is its actor
            gap = sent[m[1]:pos]
            if re.fullmatch(r"(?:’s|'s|’|')\s*(?:[\w-]+\s+){0,2}", gap) and not (
                    len(gap.split()) > 1 and _past_form(sent[pos:pos + 20].split()[0] if sent[pos:].split() else "")):
                head = m
                break
            chained = [x for x in before if x[0] > m[1]]
            if chained or getattr(m[2], "type", "") == "country":
                continue
        head = m
        break
    if head is None:
        head = _subject_np_fallback(sent, before, pos, lo)
        if head is None:
            return []
    group = [head]
    for m in reversed([x for x in before if x[1] <= head[0]]):
        gap = sent[m[1]:group[0][0]]
        if COORD.match(gap) or re.fullmatch(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", gap):
            group.insert(0, m)
        elif re.fullmatch(r"\W*(?:’s|'s)?\s*(?:\(\w+\))?\s*", gap):
            continue  # possessive / acronym chain: "A's B (C)" — the head is the later mention
        else:
            break
    return group


NON_STATE = re.compile(r"\b(?:party|parties|opposition|ruling|rebels?|insurgents?|militants?|separatists?|"
                       r"dissidents?|protesters?|activists?|union|unions)\b", re.I)


def _subject_np_fallback(sent: str, before, pos: int, lo: int):
    """When every mention before the trigger was skipped as a place or a country possessive, one inside the
    clause's opening noun phrase stands for the subject's side: "Israel's president has lifted …", "Authorities
    in Pakistan have imposed a curfew", "A court in Venezuela has banned …" (the lexicon baseline, which takes the
    nearest mention before the cue, was right on these where the clause rules left the actor empty). The phrase
    before the mention is at most four words with no comma; a place counts only after a noun ("authorities in X"),
    not as a clause opener ("In Kabul, …")."""
    for m in reversed(before):
        lead = sent[lo:m[0]]
        if len(lead.split()) > 4 or re.search(r"[,;:()\"“”]", lead + sent[m[1]:pos]):
            continue
        if any(w.lower() in FUNCTION - {"the", "a", "an", "in", "of"} for w in lead.split()):
            continue
        if NON_STATE.search(sent[m[1]:pos]):
            continue  # "X's ruling party", "X's opposition leader" is a side of its own, not X
        if is_place(sent, m) and not re.search(r"\b[A-Za-z][\w-]*\s+in\s+(?:the\s+)?$", lead):
            continue
        return m
    return None


VISIT_TO = re.compile(r"^\s+(?:(?:a|an|the|his|her|its|their|planned|official|state|scheduled|\w+-day)\s+){0,3}"
                      r"(?:visit|trip|tour|journey|mission|delegation)s?\s+to\s+(?:the\s+)?$", re.I)


def _object_after(sent: str, mentions, pos: int, hi: int, goal_ok: bool = False) -> list:
    """The first eligible mention after ``pos`` (to ``hi``); a possessive object with an apposition after it
    ("the party's acting president, Y") gives the apposition. ``goal_ok``: a country after "to" may be the object
    (see ``is_place``)."""
    def goal_here(m):  # "assistance in X" (close to the trigger), not "aid to rebels in X"
        if VISIT_TO.search(sent[pos:m[0]]):
            return True  # "cancelled a planned visit to X": the host is the one the act touches
        gap = sent[pos:m[0]].split()
        return goal_ok if goal_ok != "in" or (len(gap) <= 3 and not {"to", "for"} & set(gap)) else True

    after = [m for m in _eligible(sent, mentions, pos) if m[0] >= pos and m[1] <= hi
             and not is_place(sent, m, goal_here(m)) and not is_source(sent, m)]
    if not after:
        return []
    first = after[0]
    if len(after) > 1:
        gap = sent[first[1]:after[1][0]]
        if _is_poss(sent, first) and (
                re.fullmatch(r"(?:’s|'s|’|')\s*(?:[\w-]+\s+){0,3}[\w-]+,?\s+(?:the\s+)?", gap) or
                re.fullmatch(r"(?:’s|'s|’|')\s*", gap)):
            return [after[1]]  # "the party's acting president, Y"
        words = gap.split()
        if 0 < len(words) <= 3 and all(re.fullmatch(r"[a-z][a-z-]*", w) and w not in FUNCTION for w in words):
            return [after[1]]  # "X senior official Y": a title between an organisation and a person
    return [first]


def paired(doc: Document, si: int, m) -> bool:
    s, e = doc.sentences[si]
    sent = doc.text[s:e]
    mentions = sentence_mentions(doc, s, e)
    return m.cue.event in SYMMETRIC and bool(_pair(sent, mentions, m, "between") or _pair(sent, mentions, m, "of"))


def _reduced_passive(sent: str, m, mentions, earlier=()) -> bool:
    """A participle right after a mention that is itself the object of "saw/left/had …": the mention undergoes
    ("saw one protester shot dead"); a participle coordinated with such a one ("… and several wounded") too."""
    if not _past_form(sent[m.start:m.end]):
        return False
    before = [x for x in mentions if x[1] <= m.start and not sent[x[1]:m.start].strip()]
    if before and REDUCED_PASSIVE.search(sent[max(0, before[-1][0] - 40):before[-1][0]]):
        return True
    prev = earlier[-1][0] if earlier else None
    return bool(prev and re.fullmatch(r"\s+(?:[\w-]+\s+)?and\s+(?:[\w-]+\s+){0,2}", sent[prev.end:m.start])
                and _reduced_passive(sent, prev, mentions))


def _past_form(word: str) -> bool:
    """A past-tense / participle verb form ("arrested", "met"): after "X's N" it is the verb of N, not a noun."""
    w = word.lower().split()[0] if word.split() else ""
    return w.endswith("ed") or w in PAST_IRREGULAR


# verbs that carry out the act their object names ("launched an attack", "imposed a curfew"): their subject acts
DOER_VERB = re.compile(r"\b(?:launch|announc|authori[sz]|approv|carr(?:y|ies|ied|ying)\s+out|conduct|impos|intensif|step(?:s|ped)?\s+up|stag|"
                       r"mount|order|declar|resum|continu|escalat|began|begin|start|issu)\w*\s+(?:(?:a|an|the|its|his|"
                       r"her|their|new|fresh|further)\s+){0,2}(?:[a-z-]+\s+)?$", re.I)


def is_nominal(sent: str, m) -> bool:
    """A nominal trigger with its own arguments: "the arrest of X", "the dissolution last year of X", "X's ban",
    "a meeting by X". (A bare nominal — "turned out for a rally", "in talks" — takes its clause's roles.)"""
    before = sent[max(0, m.start - 40):m.start]
    det = re.search(r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)|’s|'s)\s+(?:[a-z][\w-]*\s+){0,2}$",
                    before)
    if not det:
        return False
    if det.group(0).startswith(("’s", "'s")):
        return not (_past_form(sent[m.start:m.end]) and len(det.group(0).split()) > 1)  # "X's party arrested"
    return bool(re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:of|by)\s", sent[m.end:m.end + 30]))


def doc_pairs(doc: Document) -> list[tuple[int, list]]:
    """(offset, [A, B]) for each "A and B" / "between A and B" pair of organisations or people in the text, for
    "the two parties", "both sides", "the ruling and opposition parties" later (or, failing that, earlier)."""
    out = []
    for s, e in doc.sentences:
        sent = doc.text[s:e]
        ms = [x for x in sentence_mentions(doc, s, e) if not _in_parens(sent, x)]
        # heads of possessive chains: "A's B (C)" -> B
        heads = [x for i, x in enumerate(ms) if not (_is_poss(sent, x) and i + 1 < len(ms)
                                                     and re.fullmatch(r"(?:’s|'s)\s*", sent[x[1]:ms[i + 1][0]]))]
        for x, y in zip(heads, heads[1:], strict=False):
            if getattr(x[2], "type", "") in GPE_TYPES or x[2] is y[2]:
                continue
            gap = sent[x[1]:y[0]]
            if re.fullmatch(r"(?:\s*\([^)]*\))?\s*(?:and|&)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}", gap) and \
                    getattr(y[2], "type", "") == getattr(x[2], "type", ""):
                out.append((s + x[0], [x[2], y[2]]))
    return out


def pair_anaphor(sent: str, m, s: int, pairs, roles):
    """"The two parties reached an agreement": the nearest pair named before (else after) in the article."""
    a = PAIR_ANAPHOR.search(sent, 0, m.start) or PAIR_ANAPHOR.search(sent, m.end, min(len(sent), m.end + 40))
    if not a or not pairs:
        return roles
    noun = a.group(0).split()[-1].lower()
    kind = {"parties": ("organization", "group"), "groups": ("organization", "group"), "leaders": ("person",),
            "governments": ("country", "organization", "group"), "countries": ("country",)}.get(noun)
    pool = [p for p in pairs if not kind or getattr(p[1][0], "type", "") in kind]
    if not pool:
        return roles
    before = [p for p in pool if p[0] < s + a.start()]
    pair = before[-1][1] if before else pool[0][1]
    if m.cue.event == "REQUEST":
        return roles[0], uniq(pair), roles[2], roles[3]
    return uniq(pair), [], roles[2], None  # a symmetric event: the pair is all its participants


def _pair(sent: str, mentions, m, word: str) -> list | None:
    """"talks between A and B" / "a meeting of A and B": the two mentions after ``word`` right after the cue."""
    rx = re.compile(rf"^\s+(?:[\w-]+\s+){{0,3}}?{word}\b", re.I)
    w = rx.match(sent[m.end:m.end + 60])
    if not w:
        return None
    start = m.end + w.end()
    rest = [x for x in mentions if x[0] >= start]
    j = sent.find(" and ", start)
    if j < 0 or not rest:
        return None
    left = [x for x in rest if x[1] <= j]
    right = [x for x in rest if x[0] > j]
    if not left or not right:
        return None
    stop = re.compile(r"[,;]|\b(?:which|that|who|saying|on|in|at)\b").search(sent, right[0][1])
    right = [x for x in right if not stop or x[1] <= stop.start()] or right[:1]
    return [left[-1], right[-1]]


def assign_roles(doc, s, sent: str, m, mentions, parse, earlier):
    """(actors, recipients, source span, target span) for the event cue ``m``, then the constructions that move
    them: a relative clause, "received a call from X", a transfer's receiver ("refused to extradite A to B"); a side
    still empty takes a generic noun phrase ("detained 18 people", ``generic.fill``)."""
    roles = _assign_roles(doc, s, sent, m, mentions, parse, earlier)
    roles = constructions.relative(sent, m, mentions, roles)
    roles = constructions.received(sent, m, mentions, roles)
    roles = constructions.transfer_recipient(sent, m, mentions, roles)
    roles = constructions.attributed(sent, m, mentions, roles)
    roles = constructions.undergone_from(sent, m, mentions, roles)
    if roles[0] and roles[1]:
        return roles
    roles = constructions.to_place(sent, m, mentions, roles)
    passive = _reduced_passive(sent, m, mentions, earlier) or _passive(sent, m)
    return generic.fill(sent, m, roles, coding.clause_window(sent, m.start), bool(passive))


def _agent_reach(sent: str, pos: int) -> int:
    """How far after a passive trigger its "by" agent may come: 80 characters ("were detained in Tajura, Libya,
    east of Tripoli, by forces loyal to X"), never past a semicolon, a dash, ", and" / ", but" or a temporal
    conjunction (a bare "and" joins participles that share the agent: "was tortured and killed by X")."""
    stop = re.compile(r";|\s--?\s|,\s*(?:and|but)\s|\s(?:while|after|before|as|when)\s").search(sent, pos, pos + 80)
    return stop.start() if stop else min(len(sent), pos + 80)


def _passive(sent: str, m):
    """The trigger is a passive participle ("was arrested", "were beaten and killed", "was met with"); a present
    participle after "is" is a progressive, not a passive ("is calling on X")."""
    if re.match(r"[a-z]+ing\b", sent[m.start:m.end], re.I):
        return None
    return PASSIVE.search(sent[max(0, m.start - 30):m.start]) or \
        PASSIVE_COORD.search(sent[max(0, m.start - 50):m.start]) or \
        re.match(r"(?:was|were|been|is|are) met with", sent[m.start:m.end], re.I)


def _assign_roles(doc, s, sent: str, m, mentions, parse, earlier):
    """(actors, recipients, source span, target span) for the event cue ``m``; ``earlier`` = (match, roles) of the
    sentence's earlier event cues. A parse fills each slot it can; the rules fill the others."""
    reduced = _reduced_passive(sent, m, mentions, earlier)
    rules = _roles_rules(sent, m, mentions, earlier, reduced)
    if reduced:
        return rules  # parsers read "saw one protester shot dead" as the protester shooting
    got = _roles_parse(doc, s, sent, m, mentions, parse) if parse is not None else None
    if got is None:
        return rules
    acts, src = (got[0], got[2]) if got[0] else (rules[0], rules[2])
    recs, tgt = (got[1], got[3]) if got[1] else (rules[1], rules[3])
    ids = {a.id for a in acts}
    return acts, [r for r in recs if r.id not in ids], src, tgt


# acts directed at a receiver, whose "to X" names it ("aid to X", "an ultimatum to X", "offered to X", "a visit to
# X"); a rejection or accusation "to X" is usually the noun's ("rejected a comparison to X", "links to X")
GOAL_TYPES = frozenset("AID MOBILIZE CONSULT AGREE THREATEN COOPERATE CONCEDE RETREAT SUPPORT REQUEST".split())


def goal(m) -> bool | str:
    """Whether "to X" may name the object; for AID "in X" too ("humanitarian assistance in X": its beneficiary)."""
    return "in" if m.cue.event == "AID" else m.cue.event in GOAL_TYPES


def _roles_rules(sent: str, m, mentions, earlier, reduced_passive: bool):
    symmetric = m.cue.event in SYMMETRIC
    pair = _pair(sent, mentions, m, "between") or (_pair(sent, mentions, m, "of") if symmetric else None)
    c0, c1 = coding.clause_window(sent, m.start)
    if pair and symmetric:
        acts = [x[2] for x in pair]
        return uniq(acts), [], (pair[0][0], pair[0][1]), (pair[1][0], pair[1][1])
    passive = reduced_passive or _passive(sent, m)
    if passive:
        # "was met with approval from Z": a reaction cue takes its agent from "from" as well as "by"
        agent_prep = r"\b(?:by|from)\b" if re.match(r"(?:was|were|been|is|are) met with", sent[m.start:m.end], re.I) \
            else r"\bby\b"
        by = re.compile(agent_prep, re.I).search(sent, m.end, _agent_reach(sent, m.end))
        agent = _object_after(sent, mentions, by.end(), len(sent)) if by else []
        plain = generic.after(sent, by.end(), len(sent), prep=False) if by else None
        if plain and (not agent or plain[1] <= agent[0][0]):  # "by gunmen near X": the phrase is the agent
            agent = [plain]
        unsourced = [x for x in mentions if not is_source(sent, x)]
        patient = group_before(sent, unsourced, m.start, c0) or group_before(sent, unsourced, m.start)
        src = agent[0] if agent else None
        tgt = patient[-1] if patient else None
        return ([x[2] for x in agent], uniq([x[2] for x in patient]),
                src[:2] if src else None, tgt[:2] if tgt else None)
    if is_nominal(sent, m):
        # "the arrest of X", "X's threat", "talks with X": the possessor (or "by X") acts, "of/with X" undergoes
        poss = [x for x in mentions if x[1] <= m.start and _is_poss(sent, x)
                and re.fullmatch(r"(?:’s|'s|’|')\s*(?:[\w-]+\s+){0,2}", sent[x[1]:m.start])]
        by = re.match(r"\s+by\s+", sent[m.end:])
        agent = poss[-1:] or (_object_after(sent, mentions, m.end + by.end(), c1) if by else [])
        if not agent and not by and DOER_VERB.search(sent[max(0, m.start - 40):m.start]):
            # "X imposed a curfew in …", "X intensified its bombardment of …": the verb's subject does the act
            agent = group_before(sent, mentions, m.start, c0)
        prep = re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:of|with|against|on|to|for)\s+", sent[m.end:m.end + 40])
        obj = pair or (_object_after(sent, mentions, m.end + prep.end(), c1, goal(m)) if prep and not by else [])
        if by and agent and not obj:  # "the raids by X on Y": the target follows the agent
            on = re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:on|against|of|with|in)\s+", sent[agent[0][1]:agent[0][1] + 40])
            obj = _object_after(sent, mentions, agent[0][1] + on.end(), c1) if on else []
        src, tgt = (agent[0] if agent else None), (obj[0] if obj else None)
        return (uniq([x[2] for x in agent]), uniq([x[2] for x in obj if x not in agent]),
                src[:2] if src else None, tgt[:2] if tgt else None)
    subj = []
    if VP_COORD.search(sent[max(0, m.start - 30):m.start]) and earlier:
        prev_m, prev_roles = earlier[-1]
        if prev_roles[0]:
            subj = [x for x in mentions if x[2] in prev_roles[0]][:len(prev_roles[0])]
    if not subj:
        subj = group_before(sent, mentions, m.start, c0) or group_before(sent, mentions, m.start)
    if pair:  # "called for talks between A and B": A and B are the recipients
        obj = pair
    else:
        obj = _object_after(sent, mentions, m.end, c1, goal(m))
    if not subj and len(obj) == 1:
        after = [x for x in mentions if x[0] >= obj[0][1] and x[1] <= c1 and not is_place(sent, x)]
        if after and not is_place(sent, obj[0]) and m.start < 3:  # a subjectless head: "Talks X–Y …"
            subj, obj = obj, after[:1]
    src = subj[-1] if subj else None
    tgt = obj[0] if obj else None
    recips = [x[2] for x in obj if not subj or x[2].id not in {y[2].id for y in subj}]
    return uniq([x[2] for x in subj]), uniq(recips), src[:2] if src else None, tgt[:2] if tgt else None


def _roles_parse(doc, s, sent, m, mentions, parse):
    """Roles from the dependency parse, or None when the parse says nothing about this trigger."""
    try:
        span = parse.char_span(s + m.start, s + m.end, alignment_mode="expand")
    except Exception:  # noqa: BLE001
        return None
    if span is None or not len(span):
        return None
    tok = span.root
    verb = tok
    while verb.pos_ not in ("VERB", "NOUN", "PROPN") and verb.head is not verb:
        verb = verb.head

    def mention_of(t):
        """The mention a dependent stands for: its own words, else its apposition ("the party's acting president,
        Y" -> Y), else the first non-possessive mention in its subtree, else a possessor."""
        lo, hi = t.left_edge.idx - s, t.right_edge.idx + len(t.right_edge) - s
        inside = [x for x in mentions if x[0] >= lo and x[1] <= hi and not is_place(sent, x)]
        own = [x for x in inside if x[0] <= t.idx - s < x[1]]
        if own:
            return own
        for ch in t.children:
            if ch.dep_ == "appos":
                found = mention_of(ch)
                if found:
                    return found
        plain = [x for x in inside if not _is_poss(sent, x)]
        return (plain or inside)[:1]

    subj, obj = [], []
    for ch in verb.children:
        if ch.dep_ in ("nsubj", "agent"):
            found = mention_of(ch if ch.dep_ == "nsubj" else next(iter(ch.children), ch))
            subj += found
            for cj in ch.conjuncts:
                subj += mention_of(cj)
        elif ch.dep_ in ("dobj", "nsubjpass", "dative"):
            obj += mention_of(ch)
        elif ch.dep_ == "prep" and ch.lower_ in ("with", "between", "of", "against", "to", "on", "at"):
            for p in ch.children:
                if p.dep_ == "pobj":
                    obj += mention_of(p)
                    for cj in p.conjuncts:
                        obj += mention_of(cj)
    if verb.dep_ in ("xcomp", "conj") and not subj:  # "A refused … and threatened", "A tried to arrest B"
        head = verb.head
        for ch in head.children:
            if ch.dep_ == "nsubj":
                subj += mention_of(ch)
    if not subj and not obj:
        return None
    subj, obj = _uniq_spans(subj), _uniq_spans(obj)
    if m.cue.event in SYMMETRIC and not subj and len(obj) >= 2:
        subj, obj = obj, []
    src, tgt = (subj[0] if subj else None), (obj[0] if obj else None)
    recips = [x[2] for x in obj if x[2].id not in {y[2].id for y in subj}]
    return uniq([x[2] for x in subj]), uniq(recips), src[:2] if src else None, tgt[:2] if tgt else None


def _uniq_spans(xs):
    out = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


def find_speaker(doc: Document, s: int, e: int, mentions, match) -> tuple[list, tuple[int, int] | None]:
    """(speaker, its mention span relative to the sentence) for the speech cue ``match``: the speaker the quotes
    stage resolved for a quote of this sentence, else the nearest mention before the cue, else the first after."""
    idx = doc_index(doc)
    for q in idx.quotes_in(s, e):
        a = idx.actors.get(q.speaker_id) if q.speaker_id else None
        if a is not None:
            span = (q.speaker_span[0] - s, q.speaker_span[1] - s) if q.speaker_span and \
                s <= q.speaker_span[0] < e else None
            if span is None:
                own = [x for x in mentions if x[2] is a]
                span = own[0][:2] if own else None
            return [a], span
    before = [x for x in mentions if x[1] <= match.start]
    if before:
        return [before[-1][2]], before[-1][:2]
    after = [x for x in mentions if x[0] >= match.end]
    return ([after[0][2]], after[0][:2]) if after else ([], None)


SELF_PRONOUN = re.compile(r"^\s*(?:,\s*)?(?:(?:on|last|this)\s+\w+\s+)?(?:that\s+)?(?:he|she|it|they|we|i)\b", re.I)
ATTRIBUTION = re.compile(r"according to", re.I)
COMMIT = re.compile(r"^\s*(?:,\s*)?(?:(?:on|last|this)\s+\w+\s+)?(?:that\s+)?(?:he|she|it|they|we|i)\s+(?:\w+ly\s+)?"
                    r"(?:would|will|wo|must|should|was\s+ready|were\s+ready|is\s+ready|are\s+ready|had\s+no\s+intention|"
                    r"has\s+no\s+intention|could\s+not|can\s+not|cannot|did\s+not\s+want|does\s+not\s+want)\b", re.I)
ADDRESS = re.compile(r"^\s*(?:[\w.’'-]+\s+){1,6}?(?:to|that\s+(?:he|she|it|they|we)\s+(?:must|should|would|will))\s", re.I)
TELL = re.compile(r"^(?:told|tells|telling|tell)$", re.I)


def own_act(sent: str, cue) -> bool:
    """The speech cue introduces the speaker's own commitment, refusal or demand: "said it would / will not / must",
    "told Y to …", "told Y that he must …" — the words do something (AGREE, REJECT, REQUEST …), not describe."""
    rest = sent[cue.end:cue.end + 120]
    if ATTRIBUTION.match(sent[cue.start:cue.end]):
        return False
    if COMMIT.match(rest):
        return True
    return bool(TELL.match(sent[cue.start:cue.end]) and ADDRESS.match(rest))


def reported_roles(sent: str, cue, mentions, speaker: list, src) -> tuple[list, list, tuple | None, tuple | None]:
    """(actors, recipients, source span, target span) of what a sentence with the speech cue ``cue`` reports.

    The speaker does the act when the words are the speaker's own act: "X said it would allow …", "X told Y that
    he must …" (a pronoun subject or an addressee right after the verb) — actor the speaker, recipient the next
    mention. When the speaker only reports ("…, according to X", "Y talked with Z, X said", "X said Y attacked
    Z"), the act belongs to the reported clause: its subject (the first mention of the clause that is not the
    speaker) acts on the next mention."""
    ids = {a.id for a in speaker}
    usable = [x for x in mentions if x[2].id not in ids and not is_place(sent, x) and not _in_parens(sent, x)]
    after = [x for x in usable if x[0] >= cue.end]
    before = [x for x in usable if x[1] <= cue.start]
    own_subject = src is not None and src[1] <= cue.start
    if ATTRIBUTION.match(sent[cue.start:cue.end]) or (before and not own_subject):
        # the report comes first: "Y talked with Z, X said" / "…, according to X"
        head = before[0] if before else None
        rest = [x for x in usable if head and x[0] >= head[1] and x[1] <= cue.start]
        tgt = rest[0] if rest else None
        return ([head[2]] if head else [], [tgt[2]] if tgt else [], head[:2] if head else None,
                tgt[:2] if tgt else None)
    told = after and re.fullmatch(r"\s*", sent[cue.end:after[0][0]])  # "told Y that …": Y is addressed
    if SELF_PRONOUN.match(sent[cue.end:]) or told or not after:
        tgt = after[0] if after else None
        return list(speaker), [tgt[2]] if tgt else [], src, tgt[:2] if tgt else None
    head = after[0]  # "X said Y attacked Z": Y acts
    nxt = [x for x in after[1:] if x[0] >= head[1]]
    tgt = nxt[0] if nxt else None
    return [head[2]], [tgt[2]] if tgt else [], head[:2], tgt[:2] if tgt else None


AGENT_NOUN = re.compile(r"^(?:’s|'s|’)\s+(?:(?:top|senior|chief|own|former|close)\s+)?(?:aides?|advisers?|advisors?|spokes(?:man|"
                        r"woman|person)|officials?|ministry|ministers?|forces|troops|soldiers|loyalists|supporters|"
                        r"lawyers?|allies|camp|government|administration|envoys?|diplomats?|delegation|militia|police)\b",
                        re.I)


def agent_extent(sent: str, x) -> tuple[int, int]:
    """The span of a mention widened over its agents ("X's aides", "X's forces", "X's spokesman"): the agents act
    for X, so the event is coded as X's side (the actor stays X) while the evidence shows the words that act."""
    a = AGENT_NOUN.match(sent[x[1]:x[1] + 40])
    return (x[0], x[1] + a.end()) if a else (x[0], x[1])


BARE_NOUN_BEFORE = frozenset("""the a an of for more most deadly recent any no such previous several new further
    these those many some few two three four five six seven eight nine ten dozens hundreds thousands fresh
    renewed possible potential""".split())


def unowned(sent: str, m) -> bool:
    """A bare nominal trigger whose side no word names ("four assaults", "the discussions", "more deadly
    clashes"), which PLOVER leaves uncoded ("when no side can be named the event is not coded"). Called only when
    the roles found neither actor nor recipient. (Agentless passives — "one rebel was killed" — are kept: dropping
    them lost recall on the tune slices of the article gold and RAMS for no precision gain.)"""
    words = sent[max(0, m.start - 30):m.start].split()
    prev = words[-1].lower().strip(",") if words else ""
    return prev in BARE_NOUN_BEFORE or prev.isdigit()


def statement_target(sent: str, cue, mentions, speaker: list) -> tuple[list, tuple | None]:
    """(recipients, target span) of a statement (CAMEO 01): the first mention the words are addressed to or are
    about, right after the speech cue in its clause ("expressed concern to the Security Council", "expressed
    surprise that the Post …"), never the speaker; CAMEO statements have a target as events do."""
    c1 = coding.clause_window(sent, cue.start)[1]
    ids = {a.id for a in speaker}
    obj = _object_after(sent, [x for x in mentions if x[2].id not in ids], cue.end, c1)
    return ([obj[0][2]], obj[0][:2]) if obj else ([], None)
