"""Constructions that move an event's roles after the clause rules of ``roles`` have chosen them.

Why a module of its own: each is one surface pattern with its own reason — a relative clause ("A, which B had
banned"), a reception ("Y received a call from X"), a transfer's receiver ("refused to extradite A to B"), an
attribution ("air strikes attributed to X"), a country reached by "to" ("sent aid to X") and a criticism
undergone ("X came under fire from Z") — and keeping them
apart keeps ``roles`` to the clause rules.
"""

from __future__ import annotations

import re

from parley.events import coding

GPE_TYPES = ("country", "location", "place", "region", "city", "gpe")


TRANSFER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:extradit\w*|hand(?:ing|ed|s)?\s+over|return\w*|send\w*|sent|deliver\w*|"
                      r"transfer\w*|give|gave|giving|surrender\w*|deport\w*)\b", re.I)


def transfer_recipient(sent: str, m, mentions, roles):
    """"X refused to extradite A to B" / "agreed to hand A over to B": the one who would receive (B, the requester)
    is the recipient of the refusal or promise, not the one transferred."""
    if m.cue.event not in ("REJECT", "AGREE", "REQUEST") or not TRANSFER.match(sent[m.end:m.end + 40]):
        return roles
    c0, c1 = coding.clause_window(sent, m.start)
    to = re.compile(r"\b(?:to|into)\s+(?:the\s+)?").search(sent, m.end + TRANSFER.match(sent[m.end:]).end(), c1)
    if not to:
        return roles
    after = [x for x in mentions if x[0] >= to.end() and x[1] <= c1]
    if not after or after[0][0] != to.end():
        return roles
    acts, _, src, _ = roles
    return acts, [after[0][2]], src, after[0][:2]


RECEIVED = re.compile(r"\b(?:received|receives|receiving|got|gets|took|takes)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?$", re.I)
RELATIVE = re.compile(r",\s*(?:which|who|whom|that)\s+([^,;]*)$", re.I)


def received(sent: str, m, mentions, roles):
    """"Y received a phone call / visit / letter from X": X acts, Y receives."""
    if not RECEIVED.search(sent[max(0, m.start - 40):m.start]):
        return roles
    fr = re.match(r"\s+from\s+(?:the\s+)?", sent[m.end:m.end + 20])
    after = [x for x in mentions if fr and x[0] == m.end + fr.end()]
    if not after:
        return roles
    subj = roles[0]
    return [after[0][2]], [a for a in subj if a is not after[0][2]], after[0][:2], roles[2] if subj else None


# what may stand between a relative pronoun (or the relative clause's own subject) and the clause's verb:
# auxiliaries, adverbs, "tried to" — a longer run holds verbs of its own ("which worked hard to prevent B from
# waiving sanctions to aid C": B is no subject of "aid", nor A its doer)
REL_GAP = 4
ANTE_COORD = re.compile(r"\s*(?:,|and|&|,\s*and)\s*")


def relative(sent: str, m, mentions, roles):
    """A trigger inside a relative clause: "A, which B had banned, …" — B acts on the antecedent A; "A, which
    attacked B" — A acts. The antecedent is the mention right before the comma, with the mentions coordinated
    with it ("A and B, which tried to block …"); B stands right after the pronoun and the trigger at most
    ``REL_GAP`` words after the pronoun or B."""
    rel = RELATIVE.search(sent[:m.start])
    if not rel:
        return roles
    comma = rel.start()
    ante = [x for x in mentions if x[1] <= comma and not sent[x[1]:comma].strip()]
    if not ante:
        return roles
    group = ante[-1:]
    for x in reversed([x for x in mentions if x[1] <= group[0][0]]):
        if not ANTE_COORD.fullmatch(sent[x[1]:group[0][0]]):
            break
        group.insert(0, x)
    inner = [x for x in mentions if rel.start(1) <= x[0] and x[1] <= m.start]
    if inner and not re.fullmatch(r"(?:the\s+)?", sent[rel.start(1):inner[0][0]], re.I):
        return roles  # a mention inside the clause that is not its subject
    if len(sent[inner[-1][1] if inner else rel.start(1):m.start].split()) > REL_GAP:
        return roles
    acts, recs, src, tgt = roles
    if inner:  # object relative: "which B had banned"
        return [inner[-1][2]], [ante[-1][2]], inner[-1][:2], ante[-1][:2]
    ids = {x[2].id for x in group}
    return [x[2] for x in group], [r for r in recs if r.id not in ids], group[-1][:2], tgt


ATTRIBUTED = re.compile(r"\s+(?:(?:were|was|is|are|been|being)\s+)?(?:attributed\s+to|blamed\s+on|carried\s+out\s+by|"
                        r"claimed\s+by)\s+(?:the\s+)?", re.I)


def attributed(sent: str, m, mentions, roles):
    """"air strikes attributed to X", "the attack blamed on X": X acts (and is no recipient)."""
    at = ATTRIBUTED.match(sent[m.end:m.end + 40])
    x = next((x for x in mentions if at and x[0] == m.end + at.end()), None)
    if x is None:
        return roles
    return [x[2]], [r for r in roles[1] if r is not x[2]], x[:2], roles[3] if x[2] not in roles[1] else None


def to_place(sent: str, m, mentions, roles):
    """An empty recipient: a country or city reached by "to" right after the trigger ("sent aid to X", "a visit to
    X") — ``is_place`` skips "to X" for places, which is right for a location but not for where aid or a visit
    goes."""
    if roles[1]:
        return roles
    c1 = coding.clause_window(sent, m.start)[1]
    to = re.match(r"\s+(?:[\w-]+\s+)?to\s+(?:the\s+)?", sent[m.end:min(c1, m.end + 50)])
    x = next((x for x in mentions if to and x[0] == m.end + to.end()), None)
    if x is None or getattr(x[2], "type", "") not in GPE_TYPES or x[2] in roles[0]:
        return roles
    return roles[0], [x[2]], roles[2], x[:2]


UNDERGONE = re.compile(r"(?:under (?:\w+ )?fire|criticism|condemnation|rebukes?)$", re.I)


def undergone_from(sent: str, m, mentions, roles):
    """"X came under fire / drew criticism from Z": Z criticises X — the subject undergoes the act."""
    if not UNDERGONE.search(sent[m.start:m.end]):
        return roles
    fr = re.match(r"\s+from\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?", sent[m.end:m.end + 40])
    x = next((x for x in mentions if fr and x[0] >= m.end + fr.end() and x[0] <= m.end + 40), None)
    if x is None:
        return roles
    subj = [a for a in roles[0] if a is not x[2]]
    return [x[2]], subj, x[:2], roles[2] if subj else None


# natural mishaps (what may "strike" a place) and the man-made ones; both are mishaps of no side
_NATURAL_WORDS = (r"earthquakes?|quakes?|storms?|floods?|flooding|hurricanes?|cyclones?|typhoons?|tsunamis?|"
                  r"diseases?|outbreaks?|epidemics?|pandemics?|virus|viruses|flu|influenza|strains?|contagion|"
                  r"droughts?|heatwaves?|landslides?|avalanches?")
MISHAP = re.compile(rf"\b(?:explosions?|fires?|blaze|crash(?:es)?|accidents?|collisions?|derailments?|stampedes?|"
                    rf"{_NATURAL_WORDS})\b", re.I)
NATURAL = re.compile(rf"(?:{_NATURAL_WORDS})$", re.I)
# a mishap with a relative clause on it, then the participle that goes on from that clause ("the accident that
# sank the X rig, killing 11"): the mishap is the participle's subject, whatever the clause names; not a fire
# someone set ("the fire that soldiers set in the village, killing 11")
RELATIVE_THEN_ING = re.compile(rf"\b(?:explosions?|fires?|blaze|crash(?:es)?|accidents?|collisions?|derailments?|"
                               rf"stampedes?|{_NATURAL_WORDS})\s+(?:that|which)\s+"
                               r"(?!(?:[\w-]+\s+){1,4}(?:set|lit|started|ignited)\b)[^,.;:]{3,90},\s*$", re.I)
PLACE_PREP = re.compile(r"\b(?:on|at|in|near|aboard|of)\s+(?:the\s+|a\s+|an\s+)?$", re.I)


def by_mishap(sent: str, m, mentions) -> bool:
    """A killing or injury caused by a mishap, not by a side ("an explosion on the rig, which also killed 11
    workers", "were killed in the earthquake"): PLOVER ASSAULT is the deliberate use of force, so no event is
    coded; so is a place or people "struck" or "ravaged" by one ("the flu strain that has struck Mexico"). The
    mishap word comes within 60 characters before the trigger (110 for a relative clause on it: "an explosion on
    the rig on 20 April, which also killed 11 workers") with no actor mention between, or in an
    "in/by" phrase right after it; a deliberate one ("bomb explosion", "opened fire", "set fire") does not count."""
    if not re.match(r"(?:kill|injur|wound|dead|die|died|struck|strikes?|hit|hits|ravag|devastat|swept|sweep)",
                    sent[m.start:m.end], re.I):
        return False
    rel = re.search(r",\s*(?:which|that)\s+(?:also\s+|had\s+|has\s+)?$", sent[:m.start])  # ", which also killed"
    if re.match(r"(?:kill|injur|wound)\w*ing$", sent[m.start:m.end], re.I) and RELATIVE_THEN_ING.search(sent, 0, m.start):
        return True  # "the accident that set afire and sank the rig, killing 11": the mishap's own clause goes on
    lo = max(0, m.start - (110 if rel else 60))
    struck = not re.match(r"(?:kill|injur|wound|dead|die)", sent[m.start:m.end], re.I)
    for x in MISHAP.finditer(sent, lo, m.start):
        if re.search(r"\b(?:bomb|car|suicide|gun|artillery|rocket|mortar|mine|minefield|landmine|roadside|grenade|"
                     r"open(?:ed)?|set|sets|setting|under|cross|exchanged?|exchanging|returned?|returning)\s+$",
                     sent[max(0, x.start() - 14):x.start()], re.I):
            continue
        if struck and not NATURAL.match(x.group(0)):
            continue  # "small explosions struck the port": a blast that strikes may be an attack
        if not any(x.end() <= y[0] and y[1] <= m.start and not PLACE_PREP.search(sent[max(0, y[0] - 12):y[0]])
                   for y in mentions):
            return True  # a name in a place phrase of the mishap ("an explosion on the X rig") is no side
    after = re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:in|by|during)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?", sent[m.end:m.end + 60])
    return bool(after and MISHAP.match(sent, m.end + after.end()))


TOLL = re.compile(r"(?:killed|wounded|injured|hurt|dead|died|beaten)$", re.I)
FORCE_CONTEXT = re.compile(r"\b(?:attack\w*|raids?|strikes?|airstrikes?|shell\w*|bomb\w*|fir(?:e|ed|ing)|clash\w*|"
                           r"fight\w*|assault\w*|offensive|gun\w*|shot|shoot\w*|troops|forces|soldiers|police|army|"
                           r"militants?|rebels?\s+(?:attacked|fired|stormed)|warplanes?|violence|massacre\w*|"
                           r"crackdown|war|battle\w*|ambush\w*|explosi\w*|blasts?|suicide|insurgents?|militia\w*|"
                           r"execut\w*|tortur\w*|murder\w*|stabb\w*|kidnap\w*|abduct\w*)\b", re.I)


def toll_without_force(sent: str, m, actors) -> bool:
    """A casualty count with no side and no use of force in its sentence ("35 people were killed in X on Tuesday",
    "many people were wounded", "the other injured people"): PLOVER codes a death toll as ASSAULT when it is
    attributed to an actor's violence, so with neither an actor nor a word of force (attack, raid, shelling,
    troops, …) in the sentence no event is coded. On the tune slice of the article dev gold such agentless tolls
    were 10 false events for no true one."""
    if actors or not TOLL.search(sent[m.start:m.end]):
        return False
    return not FORCE_CONTEXT.search(sent)


DISEASE = re.compile(r"\b(?:flu|influenza|virus(?:es)?|outbreaks?|epidemics?|pandemics?|diseases?|infections?|"
                     r"infected|contagio(?:n|us)|H\d+N\d+|SARS|cholera|measles|ebola|public[- ]health|"
                     r"health (?:reasons|risks?|grounds|measures?|precautions?|concerns?))\b", re.I)
POLITICAL_CAUSE = re.compile(r"\b(?:retaliat\w*|reprisal|sanctions?|protests?|protesters|opposition|dissent\w*|"
                             r"crackdown|rebels?|insurgents?|militants?|journalists?|newspapers?|parties|party)\b", re.I)
MEASURE_TYPES = frozenset({"COERCE", "SANCTION"})
MEASURE = re.compile(r"(?:ban|bann|bar|clos|shut|quarantin|suspen|halt|restrict|curfew|lockdown|embargo|seal|"
                     r"cordon|isolat|prohibit|block|cull|slaughter|stop)", re.I)


def health_measure(sent: str, m, etype: str | None) -> bool:
    """A ban, closure or quarantine taken against a disease ("China banned pork imports from Mexico after the
    swine flu outbreak", "quarantined 70 tourists to stop the virus"): the gold README (COERCE ambiguities of the
    PLOVER manual) codes no public-health measure in a disaster, since it restricts no political target. A
    COERCE or SANCTION trigger whose sentence names a disease and no political cause or target (retaliation,
    sanctions, protesters, the opposition, a newspaper, …) is not coded; an arrest or a raid (no measure word
    in the trigger) still is."""
    if etype not in MEASURE_TYPES or not MEASURE.match(sent[m.start:m.end]) or not DISEASE.search(sent):
        return False
    return not POLITICAL_CAUSE.search(sent)
