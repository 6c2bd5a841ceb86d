"""Roles: who acts (actor) and who undergoes (recipient) for one event trigger of a sentence.

With a dependency parse (``parley.nlp.parsed``, optional spaCy) the trigger's verb gives them: nsubj / agent →
actor, dobj / nsubjpass / pobj of its preposition → recipient. Without one, the clause rules: actor = the subject
side (``role_actor``), recipient = the object side (``role_recipient``); passive voice and nominal triggers swap or
re-read them (``role_voice``); a verb coordinated with an earlier event verb ("A refused … and threatened …")
shares its subject; symmetric events take both of a pair as actors (``role_pairs``). The trained chooser
(``role_rank``) then re-picks each side the clause rules filled with a mention, their pick one of its cues (on the
dev sets' cross-validation the rules' pick was right 0.89 / 0.83 of the time, the chooser's 0.92 / 0.87). Then
the parse where it names a side, the constructions that move roles (``constructions``), the generic noun
phrases that fill an empty side (``generic``) and the phrases the clause rules do not reach (``role_fill``: an
infinitive's object, a response's "by" phrase, a reported "they"'s speaker; demonyms on either side).

This module is also the events stage's one entry to the role choosers: the names it imports from the ``role_*``
modules and re-exports (``__all__``) are what ``annotate``, ``dating`` and ``elections`` use.
"""

from __future__ import annotations

import copy
import re

from parley.events import coding, constructions, generic, role_rank
from parley.events.role_actor import (
    addressee_subject,
    agent_extent,
    apposition_extent,
    demonym_actor,
    group_before,
    named_subject,
    phrase_subject,
    pronoun_agent,
)
from parley.events.role_fill import (
    by_whom,
    complement_object,
    mobilized_means,
    nominal_did,
    past_time_word,
    speaker_subject,
    when_agent,
)
from parley.events.role_pairs import SYMMETRIC, doc_pairs, hosted, pair_anaphor, pair_of, pair_people, paired
from parley.events.role_phrases import (
    FUNCTION,
    POSS_S,
    date_end,
    is_place,
    is_poss,
    is_source,
    reported_start,
    uniq,
    uniq_spans,
)
from parley.events.role_recipient import (
    FINITE_AFTER,
    city_target,
    clause_subject,
    demonym_agent,
    demonym_target,
    goal,
    held_place,
    member_of,
    mission_country,
    moved_goal,
    named_object,
    object_after,
    participle_party,
    place_target,
    pronoun_object,
    seceded_from,
)
from parley.events.role_speech import asked_of, demanded, find_speaker, own_act, reported_roles, statement_target
from parley.events.role_voice import DOER_VERB, agent_reach, is_nominal, passive_at, reduced_passive

__all__ = ["FUNCTION", "SYMMETRIC", "agent_extent", "assign_roles", "doc_pairs", "find_speaker", "group_before",
           "is_nominal", "own_act", "pair_anaphor", "paired", "reported_roles", "statement_target"]

# a coordinated verb phrase shares the subject of the verb before it ("… and also attacked"), as does a light verb
# before a nominal trigger ("pledging to pull its troops out and start talks with the opposition": not "troops")
VP_COORD = re.compile(r"(?:,\s*|\b)(?:and|but|or)\s+(?:(?:then|also|later|has|have|had|was|were|is|are|will|would|"
                      r"\w+ly)\s+)*(?:(?:to\s+)?(?:start|starts|started|begin|begins|began|hold|holds|held|open|opens|"
                      r"opened|launch|launches|launched|resume|resumes|resumed|stage|stages|staged|enter|enters|entered)"
                      r"\s+(?:(?:a|an|the|new|fresh)\s+)?(?:[a-z]+\s+)?)?$", re.I)


def assign_roles(doc, s, sent: str, m, mentions, parse, earlier):
    """(actors, recipients, source span, target span) for the event cue ``m``, then the constructions that move
    them: a relative clause, "received a call from X", a transfer's receiver ("refused to extradite A to B"); a side
    still empty takes a generic noun phrase ("detained 18 people", ``generic.fill``). A cue that spans its own
    object ("ask BP to pay", "prevented reporters from") is read from its verb (``verb_part``)."""
    m = _trimmed(sent, verb_part(sent, m, mentions))
    roles = _assign_roles(doc, s, sent, m, mentions, parse, earlier)
    roles = constructions.relative(sent, m, mentions, roles)
    roles = constructions.received(sent, m, mentions, roles)
    roles = constructions.transfer_recipient(sent, m, mentions, roles)
    roles = constructions.attributed(sent, m, mentions, roles)
    roles = constructions.undergone_from(sent, m, mentions, roles)
    roles = demanded(sent, m, mentions, roles)
    roles = mobilized_means(sent, m, mentions, roles, coding.clause_window(sent, m.start))
    roles = _given(sent, m, mentions, roles)
    clause = own_clause(sent, m, mentions)
    roles = hosted(sent, m, mentions, roles, clause)
    if roles[0] and roles[1]:
        return apposition_extent(sent, m, _objects(sent, m, mentions, roles, clause), clause)
    roles = constructions.to_place(sent, m, mentions, roles)
    passive = bool(reduced_passive(sent, m, mentions, earlier) or passive_at(sent, m))
    roles = generic.fill(sent, m, roles, clause, passive)
    roles = mobilized_means(sent, m, mentions, roles, clause)  # a generic phrase too ("mobilized troops")
    roles = past_time_word(sent, m, roles, clause, passive)
    roles = speaker_subject(sent, m, roles, clause, passive, doc.actors)
    roles = _modifier_actor(sent, m, roles, clause)
    roles = complement_object(sent, m, roles, clause, passive, doc.actors)
    roles = by_whom(sent, m, roles, clause, passive, doc.actors)
    roles = when_agent(sent, m, mentions, roles, passive)
    roles = nominal_did(sent, m, mentions, roles, clause, passive)
    roles = place_target(sent, m, mentions, roles, clause, passive)
    roles = city_target(sent, m, roles, doc.actors, clause, passive)
    roles = demonym_target(sent, m, roles, doc.actors, passive)
    roles = held_place(sent, m, roles, passive)
    roles = demonym_actor(sent, m, roles, doc.actors, clause, passive)
    roles = named_subject(sent, m, roles, mentions, clause, passive)
    roles = named_object(sent, m, roles, mentions, passive)
    roles = participle_party(sent, m, mentions, roles)
    roles = generic.implied_crowd(sent, m, roles, clause)
    roles = generic.tried_party(sent, m, roles)
    roles = pair_people(doc, s, m, roles)
    return apposition_extent(sent, m, _objects(sent, m, mentions, roles, clause), clause)


# a purpose infinitive after a verb that sends or calls someone in: "India has summoned a top US diplomat to
# complain about …", "France has sent seven military experts to investigate …"
PURPOSE = re.compile(r"\b(?:sent|sends|dispatched|dispatches|summoned|summons|deployed|deploys|convened)\s+"
                     r"[^,;.]{1,60}?\s+to\s+$", re.I)


SUMMON = re.compile(r"(?:summon|convene)", re.I)
SENT_TO = re.compile(r"\b(?:to|into|in)\s+(?:the\s+)?$", re.I)


def _purpose_actor(sent: str, m, mentions, roles, clause):
    """The trigger opens a purpose infinitive of a verb that sends or summons someone: the verb's subject acts
    (the actor was the nearest mention before the trigger, inside the verb's object: the US for "summoned a top
    US diplomat to complain", the military for "sent seven military experts to investigate"). Its recipient is
    the one summoned ("summoned a top US diplomat to complain about spying by Y": the diplomat, not Y), or, when
    none is named after it, where the sent go ("sent 21 personnel to X on Wednesday to investigate …": X)."""
    got = PURPOSE.search(sent, clause[0], m.start)
    if got is None or got.end() != m.start:
        return roles
    subj = group_before(sent, mentions, got.start(), clause[0])
    if not subj:
        return roles
    acts = uniq([x[2] for x in subj])
    ids = {a.id for a in acts}
    recs = [r for r in roles[1] if r.id not in ids]
    tgt = roles[3] if recs else None
    inner = [x for x in mentions if got.start() < x[0] and x[1] <= m.start and x[2].id not in ids]
    if SUMMON.match(got.group()) and inner:
        recs, tgt = [inner[0][2]], inner[0][:2]  # the one summoned hears the complaint (not "spying by Y")
    elif not recs:
        goal = next((x for x in inner if SENT_TO.search(sent, max(got.start(), x[0] - 12), x[0])), None)
        if goal is not None:  # "sent 21 personnel to X on Wednesday to investigate": they look into X
            recs, tgt = [goal[2]], goal[:2]
    return acts, recs, subj[-1][:2], tgt


def _objects(sent: str, m, mentions, roles, clause):
    """Last re-reads of the recipient: the people an act moves are its means (``moved_goal``), a demonym or an
    organisation of the object phrase names its side (``demonym_target``, ``member_of``), a demand names whom it
    is made of (``asked_of``), a people's independence "from X" faces X (``seceded_from``), a contribution to an
    international mission "in X" is for X (``mission_country``), an object pronoun stands for a person named
    before (``pronoun_object``)."""
    roles = _purpose_actor(sent, m, mentions, roles, clause)
    roles = moved_goal(sent, m, mentions, roles, clause)
    roles = city_target(sent, m, roles, [x[2] for x in mentions], clause)
    roles = demonym_target(sent, m, roles, [x[2] for x in mentions])
    roles = member_of(sent, m, mentions, roles)
    roles = asked_of(sent, m, mentions, roles, [x[2] for x in mentions])
    roles = seceded_from(sent, m, mentions, roles, [x[2] for x in mentions])
    roles = mission_country(sent, m, mentions, roles)
    return pronoun_object(sent, m, mentions, roles)


ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,3}$", re.I)


# a transfer verb whose object holds the AID trigger: "gave the Ivory Coast 5.1 million dollars of aid", "provided
# Kenya with food aid", "lent 1 billion dollars to Indonesia to aid …"
GIVE_VERB = re.compile(r"\b(?:gave|give|gives|giving|provided|provides|providing|sent|sends|offered|offers|pledged|"
                       r"pledges|granted|grants|donated|donates|delivered|delivers|extended|lent|lends|lended)\b"
                       r"(?P<gap>[^,;:]{0,70})$", re.I)


def _given(sent: str, m, mentions, roles):
    """An AID trigger inside a transfer verb's object: the verb's subject gives (the mention nearest before the
    trigger is the receiver, its indirect object: "gave the Ivory Coast … of aid" had the Ivory Coast giving), the
    indirect object or the "to X" after the object receives."""
    if m.cue.event != "AID" or passive_at(sent, m):
        return roles
    got = GIVE_VERB.search(sent, 0, m.start)
    if got is None or SUBORD_GAP.search(got.group("gap")):
        return roles
    c0 = coding.clause_window(sent, got.start())[0]
    giver = group_before(sent, mentions, got.start(), c0)
    if not giver:  # a name the actors stage did not keep ("The European Community on Monday gave …")
        verb = copy.copy(m)
        verb.start = got.start()
        named = named_subject(sent, verb, ([], [], None, None), mentions, (c0, got.start()))
        giver = [(*named[2], named[0][0])] if named[0] else []
    if not giver:
        return roles
    inner = [x for x in mentions if got.end() - len(got.group("gap")) <= x[0] and x[1] <= m.start
             and not is_place(sent, x, goal_ok=True)]
    to = [x for x in inner if re.search(r"\bto\s+(?:the\s+)?$", sent[max(0, x[0] - 8):x[0]])]
    getter = (to or inner[:1]) or object_after(sent, mentions, m.end, coding.clause_window(sent, m.start)[1], goal_ok=True)
    acts = uniq([x[2] for x in giver])
    recs = [x[2] for x in getter[:1] if x[2].id not in {a.id for a in acts}]
    return acts, recs or roles[1], giver[-1][:2], getter[0][:2] if recs else roles[3]


def own_clause(sent: str, m, mentions) -> tuple[int, int]:
    """The trigger's clause window, ended before a coordinated clause's subject ("Western leaders rejected the
    plan on Monday and NATO refused to halt strikes on Libya": neither NATO nor Libya is the REJECT's recipient;
    ``role_recipient.clause_subject``), or at the comma of a date adjunct right after the trigger ("after a
    protest on 25 May, the army began …"; ``role_phrases.date_end``)."""
    c0, c1 = coding.clause_window(sent, m.start)
    cut = next((x[0] for x in mentions if m.end <= x[0] < c1 and clause_subject(sent, x, m.end)), c1)
    return c0, date_end(sent, m.end, cut)


SUBORDINATOR = re.compile(r"\b(?:when|while|after|before|because|until|whereas|where)\s+", re.I)


def subordinate_start(sent: str, c0: int, pos: int) -> int:
    """Where the subordinate clause that holds ``pos`` opens ("X was returning home when unknown fighters opened
    fire": the subject of "opened" is "unknown fighters", not X), else ``c0``: the clause window does not break at
    a subordinator."""
    last = next(reversed(list(SUBORDINATOR.finditer(sent, c0, pos))), None)
    return last.end() if last else c0


SUBORD_GAP = re.compile(r"\b(?:who|which|that|when|while|after|before|because|and|but)\b", re.I)


def clause_phrase(sent: str, m, c0: int, c1: int) -> list:
    """The generic subject phrase of the trigger's own clause ("… escalated Friday as pro-government forces took
    control of Z"), tried before a mention of another clause; not a reduced passive's undergoer ("the 108 people
    killed on 25 May")."""
    words = sent[m.start:m.end].split()
    if len(words) == 1 and words[0].lower().endswith("ed") and generic.REDUCED.match(sent[m.end:c1]):
        return []  # (a cue with its own object, "opened fire on …", is no bare participle)
    return phrase_subject(sent, m.start, [], generic.before, floor=c0)


def _modifier_actor(sent: str, m, roles, clause):
    """An empty actor of a cue that opens on a participant noun ("a rebel offensive", "a police raid"): the
    modifier names who acts."""
    acts, recs, src, tgt = roles
    first = re.match(r"\S+", sent[m.start:m.end])
    if acts or first is None or not sent[m.start + first.end():m.end].strip():
        return roles
    got = generic.before(sent, m.start + first.end(), max(clause[0], m.start - 30), skip_aux=False)
    if got is None or got[1] != m.start + first.end():
        return roles
    got = generic.as_modifier(sent, got)
    return [got[2]], recs, got[:2], tgt


# events whose cue's inner phrase is what is moved, not who undergoes it ("sending troops to X", "withdrew
# soldiers from X"): the recipient is after the cue
MOVED = frozenset({"AID", "MOBILIZE", "RETREAT"})


def _trimmed(sent: str, m):
    """The cue ``m`` without the whitespace a lexicon pattern may end in ("stormed a "): the object rules read
    from its end and expect a space before the object ("stormed a police headquarters" had no recipient)."""
    n = len(sent[m.start:m.end].rstrip())
    if n == m.end - m.start or n == 0:
        return m
    m = copy.copy(m)
    m.end = m.start + n
    return m


def verb_part(sent: str, m, mentions):
    """The cue ``m`` cut to its first word when the words after it hold a mention or a generic phrase: a lexicon
    cue with a gap ("pressuring (…) to", "prevent (…) from", "ask (…) to") swallows the verb's object, and the
    recipient rules look for the object after the cue, so the object inside it was lost or a later name taken
    ("pressuring the White House to establish a no-fly zone over Libya" gave Libya)."""
    first = re.match(r"\S+", sent[m.start:m.end])
    if first is None or m.start + first.end() >= m.end:
        return m
    cut = m.start + first.end()
    inner = m.cue.event not in MOVED and (any(cut <= x[0] and x[1] <= m.end for x in mentions)
                                          or generic.after(sent, cut, m.end, prep=False))
    if not inner:
        return m
    m = copy.copy(m)
    m.end = cut
    return m


def _assign_roles(doc, s, sent: str, m, mentions, parse, earlier):
    """(actors, recipients, source span, target span) for the event cue ``m``; ``earlier`` = (match, roles) of the
    sentence's earlier event cues. A parse fills each slot it can; the rules (re-chosen by ``role_rank``) fill the
    others."""
    reduced = reduced_passive(sent, m, mentions, earlier)
    rules = _roles_rules(sent, m, mentions, earlier, reduced)
    if reduced:
        return rules  # parsers read "saw one protester shot dead" as the protester shooting
    if TWO_SIDED.match(sent[m.start:m.end]) and pair_of(sent, mentions, m, "between"):
        return rules  # "clashes between A and B" names both sides: no chooser re-picks the clause's subject
    if rules[0] and is_nominal(sent, m) and LATE_BY.match(sent, m.end):
        return rules  # "the arrest of X by Y" names its doer: the chooser took the sentence's subject or X
    # the trained chooser re-picks among the sentence's mentions, the clause rules' pick one of its cues; a parse
    # and the constructions (``assign_roles``) still override it where they name a side
    rules = role_rank.choose(sent, m, mentions, rules, earlier)
    got = _roles_parse(doc, s, sent, m, mentions, parse) if parse is not None else None
    if got is None:
        return rules
    acts, src = (got[0], got[2]) if got[0] else (rules[0], rules[2])
    recs, tgt = (got[1], got[3]) if got[1] else (rules[1], rules[3])
    ids = {a.id for a in acts}
    return acts, [r for r in recs if r.id not in ids], src, tgt


TWO_SIDED = re.compile(r"(?:clash(?:es)?|fighting|fights?|battles?|skirmish(?:es)?|gunfights?|firefights?|"
                       r"gun\s+battles?|confrontations?|hostilities)$", re.I)
# "mediation between A and B": the mediator (the clause's subject) meets both; A and B are its recipients
MEDIATE = re.compile(r"mediat", re.I)
HEAD_PREP = re.compile(r"\s+(?:on|against|to|for|with|of|over|in|at|from|by)\b", re.I)


LATE_BY = re.compile(r"\s+of\s+(?:[\w’'-]+\s+){1,4}?(?P<by>by)\s+")


# a participle clause after the main clause: "filed a lawsuit against Y, accusing him of …", "shelled the town,
# killing five"
PARTICIPLE_AFTER = re.compile(r"[a-z]\w*\s*,\s*$")


def _main_clause_event(sent: str, m, mentions, earlier) -> list:
    """The main clause's event whose subject does the participle after it (", accusing him of …": the lawyer who
    filed the lawsuit accuses, not the defendant named last before the comma, whom the nearest-mention fallback
    took): the last earlier event of the sentence with an actor, unless a clause of its own subject and verb
    stands between ("Y held talks, and X abandoned the idea, asking …": X asks)."""
    first = sent[m.start:m.end].split()[0].lower() if sent[m.start:m.end].split() else ""
    if not first.endswith("ing") or not PARTICIPLE_AFTER.search(sent, max(0, m.start - 40), m.start):
        return []
    prev = [(pm, pr) for pm, pr in earlier if pr[0] and pm.end < m.start][-1:]
    if prev and any(prev[0][0].end <= x[0] and x[1] < m.start and FINITE_AFTER.match(sent, x[1]) for x in mentions):
        return []  # a clause of its own subject and verb between ("…, Y abandoned the idea, asking …": Y asks)
    return prev


# the infinitive that opens what is asked for, after the one asked: "an appeal to the people of X to support the
# security forces", "would ask the council to ease sanctions against Y" — the forces and Y are the content of the
# request, not whom it is addressed to
CONTENT_TO = re.compile(r"(?<=\S)\s+to\s+(?!(?:the|a|an|its|their|his|her|our|this|these|those|all|each|both)\b)"
                        r"[a-z]+\b")


def content_start(sent: str, m, hi: int) -> int:
    """Where a request noun's object window closes: at the infinitive of its content (``CONTENT_TO``) when words
    stand between the trigger and it, else ``hi``. For a noun only ("an appeal to X to …", "calls on X to …" read
    as a noun): after a verb ("urged the European Community to support the PLO") the PLOVER GSR coders took the
    content's object as the target, which the article gold's conventions do not — the verb's window stays."""
    got = CONTENT_TO.search(sent, m.end + 1, hi) if m.cue.event == "REQUEST" else None
    return got.start() if got else hi


def _roles_rules(sent: str, m, mentions, earlier, reduced: bool):
    symmetric = m.cue.event in SYMMETRIC
    pair = pair_of(sent, mentions, m, "between") or (pair_of(sent, mentions, m, "of") if symmetric else None)
    c0, c1 = own_clause(sent, m, mentions)
    if pair and symmetric and not MEDIATE.match(sent, m.start):
        acts = [x[2] for x in pair]
        return uniq(acts), [], (pair[0][0], pair[0][1]), (pair[1][0], pair[1][1])
    if pair and TWO_SIDED.match(sent[m.start:m.end]):
        # "clashes between A and B": two-sided fighting, the first-named side acts (article gold README), not the
        # clause's subject ("A crew covering the clashes between A and B")
        return [pair[0][2]], [pair[1][2]], pair[0][:2], pair[1][:2]
    passive = reduced or passive_at(sent, m)
    if passive:
        # "was met with approval from Z": a reaction cue takes its agent from "from" as well as "by"
        agent_prep = r"\b(?:by|from)\b" if re.match(r"(?:was|were|been|is|are) met with", sent[m.start:m.end], re.I) \
            else r"\bby\b"
        by = re.compile(agent_prep, re.I).search(sent, m.end, agent_reach(sent, m.end))
        agent = object_after(sent, mentions, by.end(), len(sent)) if by else []
        plain = generic.after(sent, by.end(), len(sent), prep=False) if by else None
        if plain and (not agent or plain[1] <= agent[0][0]):  # "by gunmen near X": the phrase is the agent
            agent = [plain]
        pron = pronoun_agent(sent, by.end(), mentions) if by else None
        if pron and (not agent or pron[1] <= agent[0][0]):  # "by his regime": the possessor's side
            agent = [pron]
        dem = demonym_agent(sent, by.end(), [x[2] for x in mentions]) if by else None
        if dem and (not agent or dem[1] <= agent[0][0]):  # "by Burundian militiamen": the country's side
            agent = [dem]
        unsourced = [x for x in mentions if not is_source(sent, x)]
        lo = reported_start(sent, m.start)  # "X's critics say thousands were imprisoned": not X
        patient = group_before(sent, unsourced, m.start, max(c0, lo)) or group_before(sent, unsourced, m.start, lo)
        src = agent[0] if agent else None
        tgt = patient[-1] if patient else None
        return ([x[2] for x in agent], uniq([x[2] for x in patient]),
                src[:2] if src else None, tgt[:2] if tgt else None)
    if is_nominal(sent, m):
        # "the arrest of X", "X's threat", "talks with X": the possessor (or "by X") acts, "of/with X" undergoes
        poss = [x for x in mentions if x[1] <= m.start and is_poss(sent, x)
                and re.fullmatch(POSS_S + r"\s*(?:[\w-]+\s+){0,2}", sent[x[1]:m.start])]
        by = re.match(r"\s+by\s+", sent[m.end:])
        agent = poss[-1:] or (object_after(sent, mentions, m.end + by.end(), c1) if by else [])
        late = None if agent or by else LATE_BY.match(sent, m.end, c1)
        if late:  # "the killing of civilians by government forces": "by" after the "of" phrase names the doer
            agent = object_after(sent, mentions, late.end(), c1)
            late = late if agent else None
        if not agent and not by and DOER_VERB.search(sent[max(0, m.start - 40):m.start]):
            # "X imposed a curfew in …", "X intensified its bombardment of …": the verb's subject does the act
            agent = group_before(sent, mentions, m.start, c0)
        prep = re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:of|with|against|on|to|for)\s+", sent[m.end:m.end + 40])
        obj = pair or (object_after(sent, mentions, m.end + prep.end(), late.start("by") if late else
                                    content_start(sent, m, c1), goal(m))
                       if prep and not by else [])
        if by and agent and not obj:  # "the raids by X on Y": the target follows the agent
            on = re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:on|against|of|with|in)\s+", sent[agent[0][1]:agent[0][1] + 40])
            obj = object_after(sent, mentions, agent[0][1] + on.end(), c1) if on else []
        src, tgt = (agent[0] if agent else None), (obj[0] if obj else None)
        return (uniq([x[2] for x in agent]), uniq([x[2] for x in obj if x not in agent]),
                src[:2] if src else None, tgt[:2] if tgt else None)
    subj = []
    shared = earlier[-1:] if VP_COORD.search(sent[max(0, m.start - 30):m.start]) else \
        _main_clause_event(sent, m, mentions, earlier)
    if shared:
        prev_m, prev_roles = shared[0]
        if prev_roles[0]:
            subj = [x for x in mentions if x[2] in prev_roles[0]][:len(prev_roles[0])]
            if not subj and prev_roles[2] and prev_roles[2][1] <= prev_m.start:
                # a subject that is no mention ("Taliban fighters seized … and fired rockets"): its phrase
                subj = [(*prev_roles[2], prev_roles[0][0])]
    if not subj:
        # "According to X, the deal would …": who vouches for the report does not act in it
        acting = [x for x in mentions if not ACCORDING.search(sent, max(0, x[0] - 40), x[0])]
        lo = subordinate_start(sent, c0, m.start)
        subj = (group_before(sent, acting, m.start, lo) or clause_phrase(sent, m, lo, c1)) if lo > c0 else []
        subj = subj or group_before(sent, acting, m.start, c0) or clause_phrase(sent, m, c0, c1) or \
            group_before(sent, acting, m.start)
        subj = addressee_subject(sent, mentions, m.start, subj)
        subj = phrase_subject(sent, m.start, subj, generic.before)
    if pair:  # "called for talks between A and B": A and B are the recipients
        obj = pair
    else:
        obj = object_after(sent, mentions, m.end, c1, goal(m))
        phrase = generic.after(sent, m.end, c1) if obj else None
        if phrase and phrase[1] < obj[0][0] and sent[phrase[1]:obj[0][0]].strip():
            # "fired on protesters near the X office": the phrase is the object (not a title: "minister Y")
            obj = [phrase]
        elif phrase and phrase[1] <= obj[0][0]:
            # "extradited suspected militant Y": the descriptor belongs to the name — Y, its span widened over it
            obj = [(phrase[0], obj[0][1], obj[0][2]), *obj[1:]]
    if not subj and len(obj) == 1:
        after = [x for x in mentions if x[0] >= obj[0][1] and x[1] <= c1 and not is_place(sent, x)]
        # a subjectless head: "Talks X–Y …" (not "Sanctions on X over Y's …": "on X" is the head's object)
        if after and not is_place(sent, obj[0]) and m.start < 3 and not HEAD_PREP.match(sent, m.end):
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
        plain = [x for x in inside if not is_poss(sent, x)]
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
    subj, obj = uniq_spans(subj), uniq_spans(obj)
    if m.cue.event in SYMMETRIC and not subj and len(obj) >= 2:
        subj, obj = obj, []
    src, tgt = (subj[0] if subj else None), (obj[0] if obj else None)
    recips = [x[2] for x in obj if x[2].id not in {y[2].id for y in subj}]
    return uniq([x[2] for x in subj]), uniq(recips), src[:2] if src else None, tgt[:2] if tgt else None
