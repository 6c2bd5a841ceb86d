"""Roles the clause rules leave empty, filled from phrases they do not reach: the object of an infinitive the cue
governs ("threatened to shell Iraqi towns"), the "by/from" phrase of the act a response is about ("investigating
crimes by Croat forces"), the generic or demonym speaker of a reported clause's "they" ("The rebels said they would
release …"), the attacker of a passive named by its "when / as" clause ("were killed when X launched …"), the object of the harm
verb a nominal attack is the subject of ("the shelling wounded 40 villagers"); and a
MOBILIZE's own forces taken back out of its recipient ("mobilized troops" moves them, it does not
act on them). Each returns ``roles`` (actors, recipients, source span, target span) unchanged when it does not apply.

Why apart from ``roles``: these read a phrase beyond the trigger's clause rules and never override a side a mention
filled; ``roles.assign_roles`` calls them after ``generic.fill``.
"""

from __future__ import annotations

import copy
import re

from parley.document import Actor
from parley.events import coding, generic
from parley.events.role_actor import demonym_actor
from parley.events.role_recipient import demonym_target
from parley.timex.lexicon import WEEKDAYS

# a time word or adverb between a verb and its object ("clashed Friday with opponents", "attacked again the …")
# (the weekday names are the timex lexicon's, not a second copy)
TIME_GAP = re.compile(r"\s+(?:(?:on|late|early)\s+)?(?:" + "|".join(sorted(WEEKDAYS)) +
                      r"|today|yesterday|overnight|again|also|briefly|repeatedly)(?:\s+(?:night|morning|afternoon|"
                      r"evening))?\b", re.I)

# the infinitive a cue governs ("threatened to shell …", "refusing to lift the curfew on …", "agreed to re-open its
# borders to …"): its verb, and the verb's object noun before the preposition that names whom it touches
INFINITIVE = re.compile(r"(?P<to>\s+to)?\s+(?P<verb>(?!(?:the|a|an|be|have)\b)[a-z][a-z-]+)(?P<obj>\s+(?:(?:the|a|an|its|their|"
                        r"his|her|all|any)\s+)?(?:[a-z-]+\s+){0,2}?[a-z-]+(?=\s+(?:on|against|to|for|from|with)\s))?")


# "The X rebels said (on Friday) they would release …": a pronoun subject of a reported clause, after its speech verb
REPORTED_PRONOUN = re.compile(r"\b(?:said|says|say|announced|declared|stated|insisted|warned|added|vowed)(?:\s+(?:on\s+)?"
                              r"(?:[A-Z][a-z]+day|today|yesterday))?\s+(?:that\s+)?(?:they|it|we)\s+"
                              r"(?:[\w’'-]+\s+){0,3}$")


def speaker_subject(sent: str, m, roles, clause, passive: bool, actors):
    """An empty actor whose trigger's subject is "they/it/we" of a reported clause: the speaker, when it is a generic
    phrase ("The Fijian rebels said they will release …") or a demonym-qualified one ("Palestinians said they would
    boycott …") — a named speaker is a mention, which the subject rules already reach across the speech verb."""
    if roles[0] or passive:
        return roles
    got = REPORTED_PRONOUN.search(sent, clause[0], m.start)
    if got is None or got.end() != m.start:
        return roles
    phrase = generic.before(sent, got.start(), clause[0])
    if phrase is not None and not sent[clause[0]:phrase[0]].strip(" ,;:\"“”'"):
        return [phrase[2]], roles[1], phrase[:2], roles[3]
    verb = copy.copy(m)
    verb.start = got.start()
    return demonym_actor(sent, verb, roles, actors, clause, passive)


NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|his|her|its|their|this|that)|’s|'s)\s+$", re.I)


def complement_object(sent: str, m, roles, clause, passive: bool, actors):
    """An empty recipient of a cue that governs an infinitive: the generic phrase or demonym-qualified object of
    that infinitive ("Ostravia threatened to shell Karnavian towns" → Karnavia, "refuses to lift the ban on aid
    workers" → aid workers). No actor mention was found after the cue, and the words right after it are the
    verb, so neither ``generic.fill`` nor ``demonym_target`` reached the object."""
    if roles[1] or passive or NOUN_BEFORE.search(sent, 0, m.start):  # "the attack to end the war": a purpose
        return roles
    gap = TIME_GAP.match(sent, m.end)  # "threatened today to impose …"
    got = INFINITIVE.match(sent, gap.end() if gap else m.end, clause[1])
    if got is None or not (got.group("to") or re.search(r"\bto$", sent[m.start:m.end])):
        return roles
    pos = got.end()
    phrase = generic.after(sent, pos, clause[1])
    if phrase is not None and not (roles[2] and phrase[0] < roles[2][1] and roles[2][0] < phrase[1]):
        return roles[0], [phrase[2]], roles[2], phrase[:2]
    inner = copy.copy(m)
    inner.end = pos
    return demonym_target(sent, inner, roles, actors, passive)


# the "by/from X" of the act a response is about ("investigating alleged crimes by Croat forces", "accepted demands
# from rebels"): up to four words of the object noun phrase, then the preposition
OF_WHOM = re.compile(r"(?:\s+(?:into|of|on|over|the|a|an|its|their|alleged|recent)\b)*(?:\s+[a-z][\w-]*){0,3}?"
                     r"(?:\s+(?:committed|carried\s+out|made|issued|perpetrated))?\s+(?:by|from)(?=\s)")
RESPONSES = frozenset("ACCUSE REJECT CONCEDE AGREE PROTEST SUPPORT".split())


def by_whom(sent: str, m, roles, clause, passive: bool, actors):
    """An empty recipient of a response to someone's act (an accusation or inquiry, a rejection, a concession, a
    protest): the generic or demonym-qualified "by/from" phrase of that act ("Ostravia is investigating abuses by
    Chilean troops" → Chile, "accepted demands from rebels" → rebels). A named "by/from X" is an actor mention,
    which ``object_after`` already takes; a passive's "by" phrase is its agent, never read here."""
    if roles[1] or passive or m.cue.event not in RESPONSES:
        return roles
    got = OF_WHOM.match(sent, m.end, clause[1])
    if got is None:
        return roles
    phrase = generic.after(sent, got.end(), clause[1], prep=False)
    if phrase is not None and not (roles[2] and phrase[0] < roles[2][1] and roles[2][0] < phrase[1]):
        return roles[0], [phrase[2]], roles[2], phrase[:2]
    inner = copy.copy(m)
    inner.end = got.end()
    return demonym_target(sent, inner, roles, actors, passive)


FORCE_CODES = ("MIL", "COP")
TOWARD = re.compile(r"\b(?:against|to|into|toward|towards|near|at)\s+(?:the\s+)?$", re.I)


def mobilized_means(sent: str, m, mentions, roles, clause):
    """A MOBILIZE whose recipient is the forces it moves ("mobilized troops", "deployed army reservists for a war
    against X"): those forces are the means, the actor's own; the recipient is whom or where they are moved
    against ("against X", "to X", "closer to X"), else none (the article gold README: MOBILIZE codes deploying
    troops, its target the side or place they face)."""
    acts, recs, src, tgt = roles
    if m.cue.event != "MOBILIZE" or not recs or not tgt or tgt[0] - m.end > 30:
        return roles
    if not all((getattr(a, "code", None) or "")[-3:] in FORCE_CODES for a in recs):
        return roles
    taken = {a.id for a in acts}
    for x in mentions:
        if x[0] < tgt[1] or x[1] > clause[1] or x[2].id in taken:
            continue
        if TOWARD.search(sent, max(tgt[1], x[0] - 30), x[0]):
            return acts, [x[2]], src, x[:2]
    return acts, [], src, None


def past_time_word(sent: str, m, roles, clause, passive: bool):
    """An empty recipient filled by the generic phrase after a time word ("Forces … clashed Friday with opponents
    of the regime"): ``generic.fill`` reads the words right after the trigger only."""
    acts, recs, src, tgt = roles
    gap = TIME_GAP.match(sent, m.end)
    if recs or passive or not gap:
        return roles
    got = generic.after(sent, gap.end(), clause[1])
    if got is None or (src and got[0] < src[1] and src[0] < got[1]):
        return roles
    return acts, [got[2]], src, got[:2]


# "were killed when / as / after X launched …": the temporal clause after a passive names the act's doer
WHEN_CLAUSE = re.compile(r"[^;:]{0,60}?\b(?:when|as|after)\s+(?:(?:the|a|an)\s+)?", re.I)
# … by an attack verb right after the doer (its own noun words allowed: "Syrian government forces launched")
DOER_NEXT = re.compile(r"(?P<rest>(?:\s+[a-z][\w-]*){0,2}?)\s+(?:\w+ly\s+)?(?:has\s+|have\s+|had\s+)?(?:launched|attacked|"
                       r"struck|hit|shot|bombed|shelled|fired|stormed|overran|blew|detonated|targeted|raided|ambushed|"
                       r"opened\s+fire)\b")
BARE_PLURAL = re.compile(r"[a-z][a-z-]+s(?<!ss)\b")


def when_agent(sent: str, m, mentions, roles, passive: bool):
    """An empty actor of a passive with no "by" agent whose temporal clause names the attacker ("At least 23
    civilians were killed … as government forces launched air strikes", "two people were killed when warplanes
    attacked …"): the subject of that clause — a mention, a generic phrase or a bare plural right after "when /
    as / after", followed by an attack verb — did it (ConfliBERT and the article gold code it as the actor)."""
    acts, recs, src, tgt = roles
    if acts or not passive or m.cue.event != "ASSAULT":
        return roles
    got = WHEN_CLAUSE.match(sent, m.end)
    if got is None or re.search(r"\bby\b", sent[m.end:got.end()]):
        return roles
    at = got.end()
    who = next((x for x in mentions if x[0] == at), None)
    if who is None:
        g = generic.after(sent, at, min(len(sent), at + 80), prep=False)
        bare = BARE_PLURAL.match(sent, at)
        who = g if g and g[0] == at else (at, bare.end(), Actor(id=f"generic:{bare.group()}", name=bare.group(),
                                                                 type="group", source="event-role")) if bare else None
    nxt = DOER_NEXT.match(sent, who[1]) if who else None
    if nxt is None or (tgt and who[0] < tgt[1] and tgt[0] < who[1]) or any(r.id == who[2].id for r in recs):
        return roles
    return [who[2]], recs, (who[0], nxt.end("rest") if nxt.group("rest") else who[1]), tgt


# a nominal attack that is its clause's subject, then the verb of what it did: "Recent air strikes, occurring every
# few days, have killed at least eight commanders", "The shelling this week wounded 40 people"
NOMINAL_DID = re.compile(r"(?:\s+(?:this|last|on|in|at|near|since|during|overnight)\b(?:\s+[\w’'-]+){0,3}?|\s*,[^,;]{0,60},"
                         r"|\s+by\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,4}(?:group|movement|militants|forces)?)*"
                         r"\s+(?:(?:have|has|had|reportedly|also|so\s+far)\s+)*(?P<verb>killed|wounded|injured|destroyed|"
                         r"damaged|hit|struck)\b")


def nominal_did(sent: str, m, mentions, roles, clause, passive: bool):
    """An empty recipient of a nominal attack that is the subject of a harm verb ("US Predator attacks … have
    killed at least eight al-Qaeda leaders"): the verb's object — a mention or a generic phrase — undergoes (the
    clause rules look for the nominal's own "on/of X" only)."""
    acts, recs, src, tgt = roles
    if recs or passive or m.cue.event != "ASSAULT":
        return roles
    did = NOMINAL_DID.match(sent, m.end)  # (past the clause window's comma: "attacks, occurring …, have killed")
    if did is None or did.end() - m.end > 100:
        return roles
    at = did.end()
    clause = (clause[0], max(clause[1], coding.clause_window(sent, at)[1]))
    taken = {a.id for a in acts}
    after = [x for x in mentions if at <= x[0] < min(clause[1], at + 60) and x[2].id not in taken]
    phrase = generic.after(sent, at, clause[1], prep=False)
    if phrase and (not after or phrase[0] <= after[0][0]):
        return acts, [phrase[2]], src, phrase[:2]
    if after:
        return acts, [after[0][2]], src, after[0][:2]
    return roles
