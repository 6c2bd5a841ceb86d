"""Voice and form of a trigger: passive, reduced passive, nominal — which decide which side is which.

Why a module of its own: the actor and recipient choosers swap when the trigger is passive ("was arrested by X"),
and read a nominal's own arguments ("the arrest of X", "X's ban"); ``BARE_NOUN_BEFORE`` is the words before a
bare nominal that name no side, read by events.codable's one "no side named" decision.
"""

from __future__ import annotations

import re

from parley.events import generic
from parley.events.role_phrases import past_form

# (an adverb may stand between: "were reportedly killed", "were later shot dead", "was also arrested")
# … or a verb of report or belief ("were reported killed", "are feared dead", "was believed kidnapped")
ADVERB = r"(?:(?:\w+ly|later|also|then|still|already|again|soon|just|never|since|first|once|reported|said|believed|" \
         r"feared|thought|confirmed)\s+){0,2}"
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+" + ADVERB + "$", re.I)


# "was tortured and killed", "were beaten, arrested and": a participle coordinated after a passive auxiliary
PASSIVE_COORD = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+" + ADVERB + r"(?:[a-z]+(?:ed|en|t),?\s+){1,3}"
                           r"(?:and|or)\s+(?:\w+ly\s+)?$", re.I)


REDUCED_PASSIVE = re.compile(r"\b(?:saw|see|sees|seen|seeing|left|leaves|leaving|had|has|have|got|gets|found|"
                             r"finds|reported)\s+(?:[\w-]+\s+){0,3}$", re.I)


# … or a participle after its noun, before the clause's own finite verb: "four journalists arrested in Cairo on
# Friday were freed", "the activists detained last week have been released", "the envoy expelled by X said"
REDUCED_RELATIVE = re.compile(r"(?:\s+(?:to\s+death|dead))?(?:\s+by\b|(?:\s+(?:in|on|at|near|during|last|since|after|before|outside|inside|"
                              r"earlier|overnight|yesterday|today)\b(?:\s+(?!(?:and|but|or)\b)[\w’'-]+){0,4}?)*"
                              r"\s+(?:were|was|are|is|have|has|had|remain|remains|remained)\b)", re.I)

# … or a headline's "four journalists arrested, ministry says": a verb that always takes an object (arrest,
# detain, jail, expel), with none before the attribution, is a participle (an intransitive "rebels retreated,
# officials said" is not)
ALWAYS_TRANSITIVE = frozenset({"COERCE", "SANCTION"})
HEADLINE_SAYS = re.compile(r"\s*,\s*(?:[\w’'.-]+\s+){1,5}(?:says|said)\b", re.I)


def reduced_passive(sent: str, m, mentions, earlier=()) -> bool:
    """A participle right after a mention that is itself the object of "saw/left/had …": the mention undergoes
    ("saw one protester shot dead"); a participle coordinated with such a one ("… and several wounded") too; a
    one-word participle right after a participant (a mention or a generic phrase) and before the clause's finite verb or a "by" agent is a reduced relative clause ("four
    journalists arrested in Cairo were freed"): the mention undergoes."""
    if not past_form(sent[m.start:m.end]):
        return False
    before = [x for x in mentions if x[1] <= m.start and not sent[x[1]:m.start].strip()]
    if before and REDUCED_PASSIVE.search(sent[max(0, before[-1][0] - 40):before[-1][0]]):
        return True
    if len(sent[m.start:m.end].split()) == 1 and (REDUCED_RELATIVE.match(sent, m.end) or (
            m.cue.event in ALWAYS_TRANSITIVE and HEADLINE_SAYS.match(sent, m.end))):
        # (an adverb may stand between: "a young man allegedly beaten to death by police")
        adv = re.search(r"\s[a-z]+ly\s+$", sent[max(0, m.start - 20):m.start])
        at = m.start - len(adv.group()) + 1 if adv else m.start
        got = generic.before(sent, at, max(0, at - 80), skip_aux=False)
        if before or (got and got[1] in (at, at - 1)):
            return True  # the participant the participle follows, not "a report released by X"
    prev = earlier[-1][0] if earlier else None
    return bool(prev and re.fullmatch(r"\s+(?:[\w-]+\s+)?and\s+(?:[\w-]+\s+){0,2}", sent[prev.end:m.start])
                and reduced_passive(sent, prev, mentions))


# verbs that carry out the act their object names ("launched an attack", "imposed a curfew"): their subject acts
DOER_VERB = re.compile(r"\b(?:launch|announc|authori[sz]|approv|carr(?:y|ies|ied|ying)\s+out|conduct|impos|intensif|step(?:s|ped)?\s+up|stag|"
                       r"mount|order|declar|resum|continu|escalat|began|begin|start|issu)\w*\s+(?:(?:a|an|the|its|his|"
                       r"her|their|new|fresh|further)\s+){0,2}(?:[a-z-]+\s+)?$", re.I)


def is_nominal(sent: str, m) -> bool:
    """A nominal trigger with its own arguments: "the arrest of X", "the dissolution last year of X", "X's ban",
    "a meeting by X". (A bare nominal — "turned out for a rally", "in talks" — takes its clause's roles.)"""
    before = sent[max(0, m.start - 40):m.start]
    # (the words between the determiner and the trigger are modifiers, never a conjunction or a preposition: "a
    # house in the city and fired rounds of rockets" is a verb's)
    det = re.search(r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)|’s|'s)\s+"
                    r"(?:(?!(?:and|or|but|in|of|on|at|to|for|with|by|from)\b)[a-z][\w-]*\s+){0,2}$", before)
    if not det:
        return False
    if det.group(0).startswith(("’s", "'s")):
        return not (past_form(sent[m.start:m.end]) and len(det.group(0).split()) > 1)  # "X's party arrested"
    return bool(re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:of|by)\s", sent[m.end:m.end + 30]))


def agent_reach(sent: str, pos: int) -> int:
    """How far after a passive trigger its "by" agent may come: 80 characters ("were detained in Tajura, Libya,
    east of Tripoli, by forces loyal to X"), never past a semicolon, a dash, ", and" / ", but" or a temporal
    conjunction (a bare "and" joins participles that share the agent: "was tortured and killed by X")."""
    stop = re.compile(r";|\s--?\s|,\s*(?:and|but)\s|\s(?:while|after|before|as|when)\s").search(sent, pos, pos + 80)
    return stop.start() if stop else min(len(sent), pos + 80)


def passive_at(sent: str, m):
    """The trigger is a passive participle ("was arrested", "were beaten and killed", "was met with"); a present
    participle after "is" is a progressive, not a passive ("is calling on X")."""
    if re.match(r"[a-z]+ing\b", sent[m.start:m.end], re.I):
        return None
    return PASSIVE.search(sent[max(0, m.start - 30):m.start]) or \
        PASSIVE_COORD.search(sent[max(0, m.start - 50):m.start]) or \
        re.match(r"(?:was|were|been|is|are) met with", sent[m.start:m.end], re.I)


BARE_NOUN_BEFORE = frozenset("""the a an of for more most deadly recent any no such previous several new further
    these those many some few two three four five six seven eight nine ten dozens hundreds thousands fresh
    renewed possible potential""".split())


