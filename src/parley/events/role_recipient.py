"""Recipient choice: the object side of an event trigger when no parse names it.

The recipient is the first eligible mention after the trigger in its clause that is neither a place nor the
source of a report; an apposition after a possessive object wins ("the party's leader, Y" → Y), as does a person
after a title ("X senior official Y"). For acts directed at a receiver "to X" names it (``goal``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from parley.document import Actor
from parley.events import generic
from parley.events.constructions import GPE_TYPES
from parley.events.role_phrases import FUNCTION, POSS_S, SPEECH_CREDIT, eligible, is_place, is_poss, is_source
from parley.timex.lexicon import MONTHS, WEEKDAYS

# "withdraw its troops from X", "sent their own forces": the actor's own agents are its means, not the recipient
OWN = re.compile(r"\b(?:its|their|his|her|our)\s+(?:own\s+)?(?:[a-z-]+\s+)?$", re.I)
VISIT_TO = re.compile(r"^\s+(?:(?:a|an|the|his|her|its|their|planned|official|state|scheduled|\w+-day)\s+){0,3}"
                      r"(?:visit|trip|tour|journey|mission|delegation)s?\s+to\s+(?:the\s+)?$", re.I)


def object_after(sent: str, mentions, pos: int, hi: int, goal_ok: bool = False) -> list:
    """The first eligible mention after ``pos`` (to ``hi``, or to a speech credit's comma: ``SPEECH_CREDIT``); a
    possessive object with an apposition after it ("the party's acting president, Y") gives the apposition.
    ``goal_ok``: a country after "to" may be the object (see ``is_place``)."""
    def goal_here(m):  # "assistance in X" (close to the trigger), not "aid to rebels in X"
        if VISIT_TO.search(sent[pos:m[0]]):
            return True  # "cancelled a planned visit to X": the host is the one the act touches
        gap = sent[pos:m[0]].split()
        return goal_ok if goal_ok != "in" or (len(gap) <= 3 and not {"to", "for"} & set(gap)) else True

    hi = next((m[0] for m in mentions if pos <= m[0] < hi and clause_subject(sent, m, pos)), hi)
    credit = SPEECH_CREDIT.search(sent, pos, hi)
    hi = credit.start() if credit else hi
    # (a coordinated object may run past the clause window's comma: "with X, as well as Y")
    wide = [m for m in eligible(sent, mentions, pos) if m[0] >= pos and not is_place(sent, m, goal_here(m))
            and not is_source(sent, m) and not OWN.search(sent, 0, m[0]) and not unit_before_number(sent, m)
            and not venue(sent, m)]
    after = [m for m in wide if m[1] <= hi]
    if not after:
        return []
    first = after[0]
    if len(after) > 1:
        gap = sent[first[1]:after[1][0]]
        if is_poss(sent, first) and (
                re.fullmatch(POSS_S + r"\s*(?:[\w-]+\s+){0,3}[\w-]+,?\s+(?:the\s+)?", gap) or
                re.fullmatch(POSS_S + r"\s*", gap)):
            return _coordinated(sent, after[1], wide)  # "the party's acting president, Y"
        words = gap.split()
        if 0 < len(words) <= 3 and all(re.fullmatch(r"[a-z][a-z-]*", w) and w not in FUNCTION for w in words):
            # "X senior official Y": a title between an organisation and a person — Y, its span over the whole
            # description (the organisation is part of who Y is: "U.N. mediator Diego Cordovez")
            got = _coordinated(sent, after[1], wide)
            return [(first[0], got[0][1], got[0][2]), *got[1:]]
    return _coordinated(sent, first, wide)


# a short capitalised code right before a figure: a currency ("USD 88,550,000", "EUR 5 million") or an era
# ("A.D. 640-890"), which the actors stage may keep as an acronym
UNIT_BEFORE_NUMBER = re.compile(r"\s*[$€£]?\s*[0-9]")


def unit_before_number(sent: str, x) -> bool:
    """The mention ``x`` is a unit of the figure after it, no side ("an appeal for USD 88,550,000 to help people
    in X", "handed over USD $4 million worth of medicines to the ministry": the recipient was "USD")."""
    word = sent[x[0]:x[1]].replace(".", "")
    return len(word) <= 3 and word.isupper() and bool(UNIT_BEFORE_NUMBER.match(sent, x[1]))

# a mention that qualifies the noun of a venue or a medium: "talks at UN headquarters", "insults over the army
# radio network" (the noun ends the phrase)
VENUE_BEFORE = re.compile(r"\b(?:at|over|via|through)\s+(?:the\s+)?$", re.I)
# "held talks at UN headquarters, along with Morocco": a co-actor of the subject, not whom the act is directed at
ALONG = re.compile(r"\b(?:along|together)\s+with\s+(?:the\s+)?$", re.I)
# (a venue or medium noun: "balked at CNRP demands" is the act's object, whose owner is the recipient)
VENUE_AFTER = re.compile(r"(?:\s+[a-z][a-z-]+)?\s+(?:headquarters|offices?|compound|premises|radio|network|airwaves|"
                         r"television|channels?)(?=\s*(?:[,.;:]|$|\s(?:on|in|at|with|and|for|to|of)\b))")


def venue(sent: str, x) -> bool:
    """``x`` only names whose venue or medium the act happens at or over, or joins the subject ("along with X"):
    no side the act is directed at."""
    if ALONG.search(sent, max(0, x[0] - 20), x[0]):
        return True
    return bool(VENUE_BEFORE.search(sent, max(0, x[0] - 12), x[0])) and bool(VENUE_AFTER.match(sent, x[1]))


# "… and NATO refused", "…, but Karnavia has": a mention after a conjunction, right before a finite verb
NEW_CLAUSE = re.compile(r"(?:^|[\s,])(?:and|but|while|whereas)\s+(?:the\s+)?$", re.I)
FINITE_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:has|have|had|will|would|was|were|is|are|did|does|could|can|may|"
                          r"might|must|should|said|says|\w+ed)\b")


def clause_subject(sent: str, x, pos: int) -> bool:
    """``x`` opens a coordinated clause of its own ("Western leaders rejected the plan and NATO refused to …"):
    the subject of the second verb, no object of the first (it was the REJECT's recipient), and what follows it
    is the second verb's."""
    return x[0] > pos and bool(NEW_CLAUSE.search(sent[pos:x[0]])) and bool(FINITE_AFTER.match(sent, x[1]))


# "met A and B", "spoke with A, B and C", "talked with A as well as B" (titles may stand before each name)
# … and "for A in November and B on Friday": a date adjunct may close each conjunct
WHEN_WORD = "|".join(sorted({w for w in (*MONTHS, *WEEKDAYS) if len(w) > 3}, key=len, reverse=True))
COORDINATED = re.compile(r"(?:\s+(?:in|on|last)\s+(?i:" + WHEN_WORD + r")\b)?(?:\s*,)?\s*(?:and|&|as\s+well\s+as|,)\s+"
                         r"(?:(?:the|[A-Z][\w.’'-]*)\s+){0,4}")


def _coordinated(sent: str, x, after) -> list:
    """``x`` with the mentions coordinated after it: each recipient of "met A and B" is one."""
    out = [x]
    for y in after:
        if y[0] < out[-1][1]:
            continue
        if not COORDINATED.fullmatch(sent[out[-1][1]:y[0]]) or clause_subject(sent, y, out[-1][1]):
            break
        out.append(y)
    return out


# acts directed at a receiver, whose "to X" names it ("aid to X", "an ultimatum to X", "offered to X", "a visit to
# X"); a rejection or accusation "to X" is usually the noun's ("rejected a comparison to X", "links to X")
GOAL_TYPES = frozenset("AID MOBILIZE CONSULT AGREE THREATEN COOPERATE CONCEDE RETREAT SUPPORT REQUEST".split())


def goal(m) -> bool | str:
    """Whether "to X" may name the object; for AID "in X" too ("humanitarian assistance in X": its beneficiary)."""
    return "in" if m.cue.event == "AID" else m.cue.event in GOAL_TYPES


PEOPLE_TARGET = frozenset(("ASSAULT", "PROTEST"))
# a name that ends in an administrative division is a place whatever type the actors stage gave it ("West Darfur
# State", "Borno State" came out as persons)
DIVISION = re.compile(r"\s(?:State|Province|Region|District|County|Governorate|Prefecture|Oblast)$")
PLACE_TARGET = re.compile(r"\b(?:in|inside|across|throughout|on|over)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$", re.I)


def place_target(sent: str, m, mentions, roles, clause: tuple[int, int], passive: bool = False):
    """An empty recipient: the country or region where the act falls, "in X" after the trigger in its clause
    ("lifted a night curfew in X", "declared a ceasefire in X", "sent 50 observers to monitor the vote in X") —
    PLOVER codes such an act's target as the country's side when no other is named (the ConfliBERT and GSR
    coders did so: "Authorities in P imposed a curfew in parts of X"). Not for a passive (its subject undergoes),
    nor for force or protest, whose target is who is attacked or opposed ("attacks on the media in X", "kidnapped
    20 villagers in X": on the article dev gold such places were wrong); within 80 characters (160 for aid, whose
    purpose phrase runs long before its beneficiary: "gave 5 million euros to promote private investment and
    sustainable economic development in X"); never the actor."""
    if roles[1] or passive or m.cue.event in PEOPLE_TARGET:
        return roles
    taken = {a.id for a in roles[0]}
    reach = 160 if m.cue.event == "AID" else 80
    for x in mentions:
        if x[0] < m.end or x[1] > min(clause[1], m.end + reach) or x[2].id in taken or \
                not (getattr(x[2], "type", "") in GPE_TYPES or DIVISION.search(sent[x[0]:x[1]])):
            continue
        if PLACE_TARGET.search(sent[max(m.end, x[0] - 30):x[0]]) and not is_source(sent, x):
            return roles[0], [x[2]], roles[2], x[:2]
    return roles


COUNTRIES = Path(__file__).resolve().parents[1] / "data" / "actors" / "countries.tsv"


@lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[str, str]]:
    """Demonym ("Indian", "Indians") -> (ISO3 code, country name), from the actors gazetteer (countries.tsv)."""
    out = {}
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t") + [""] * 4
        if line.startswith("#") or not cols[3].strip():
            continue
        for d in cols[3].split(";"):
            if d.strip():
                out.setdefault(d.strip(), (cols[0].strip(), cols[1].strip()))
    return out


@lru_cache(maxsize=1)
def cities() -> dict[str, tuple[str, str]]:
    """City or province ("Baghdad", "Abidjan") -> (ISO3 code, country name), from the actors gazetteer's places
    column (countries.tsv: capitals and large cities, locations that are no actors)."""
    out = {}
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t") + [""] * 5
        if line.startswith("#"):
            continue
        for c in cols[4].split(";"):
            if c.strip():
                out.setdefault(c.strip(), (cols[0].strip(), cols[1].strip()))
    return out


CAPITALISED = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}")
# a visit's host city: "arrived in Amman on a visit", "a visit to Tehran"
VISIT = re.compile(r"visit|trip|tour|arriv", re.I)


def city_target(sent: str, m, roles, actors, clause: tuple[int, int], passive: bool = False):
    """An empty recipient: the country of a city the act falls on or in ("suspended aid deliveries in Baghdad",
    "extend the curfew in Abidjan", "would blockade Paris", "sanctions against Damascus"; a visit's host: "arrived
    in Amman on a visit") — the actors stage keeps a city as a location, no actor, so ``place_target`` had no
    mention to take. The side is the city's country (CAMEO codes a city by its country), its span the city. Same limits as ``place_target``; a
    meeting elsewhere than a visit names no host ("talks in Geneva"). A city right after the trigger, or after its
    "to", is its object or goal over a recipient the clause rules took further on ("an ultimatum to Damascus
    warning of military action" gave the military, "suspended aid to Kabul in protest at … by the Taliban" the
    Taliban)."""
    if passive or m.cue.event in PEOPLE_TARGET:
        return roles
    c0, c1 = clause
    visit = m.cue.event == "CONSULT"
    if visit and not VISIT.search(sent, c0, c1):
        return roles
    lo = c0 if visit else m.end
    for got in CAPITALISED.finditer(sent, lo, min(c1, m.end + 80)):
        hit = cities().get(got.group())
        if hit is None or (roles[2] and roles[2][0] < got.end() and got.start() < roles[2][1]):
            continue
        if re.search(r"\bbetween\b", sent[m.end:got.start()]):
            return roles  # "mediation between rival militias in X": the place is the parties', who are the sides
        right_after = re.fullmatch(r"\s+(?:to\s+)?", sent[m.end:got.start()])
        if roles[1] and not (roles[3] and roles[3][0] >= got.end() and right_after):
            return roles
        before = sent[max(lo, got.start() - 30):got.start()]
        if PLACE_TARGET.search(before) or re.search(r"\b(?:to|against)\s+(?:the\s+)?$", before) or \
                (not visit and got.start() == m.end + 1):
            if any(getattr(a, "code", None) == hit[0] or a.name == hit[1] for a in roles[0]):
                return roles
            return roles[0], [country_side(actors, *hit)], roles[2], got.span()
    return roles


# the object of the trigger qualified by a demonym: "rejected an Indian proposal", "shelled Iraqi towns",
# "restrictions against German goods" — the demonym names the side the act touches
DEMONYM_OBJECT = re.compile(r"\s+(?:(?:against|on|to|of|with|at|from)\s+)?(?:(?:an?|the|its|their|his|her|any|all|"
                            r"new|latest|proposed|recent|several|two|three|some|up\s+to|at\s+least|more\s+than|"
                            r"(?:scores|dozens|hundreds|thousands)\s+of|[0-9][0-9,]*|illegal|unarmed|innocent|"
                            r"[a-z]{2,}est)\s+){0,3}"
                            r"([A-Z][a-z]+(?:-[A-Z][a-z]+|\s[A-Z][a-z]+(?=\s+[a-z]))?)"
                            r"(?:\s+[a-z][\w-]*|-(?:held|led|backed|controlled))")
# … or names its people: "kidnapped 20 Syrians", "detained three Britons in X"
DEMONYM_PEOPLE = re.compile(r"\s+(?:(?:against|on|to|of|with|at|from)\s+)?(?:(?:the|some|several|dozens\s+of|hundreds\s+of|"
                            r"thousands\s+of|[0-9][0-9,]*|two|three|four|five|six|seven|eight|nine|ten|more|than|at|least|"
                            r"about|nearly|such|a|large|number|of|many|displaced|fleeing|stranded|wounded|injured|"
                            r"detained|jailed|captured)\s+){0,5}(?:ethnic\s+)?([A-Z][a-z]+s)"
                            r"(?=\s*(?:[,.;:]|$|\s(?:in|from|who|and|at|on|near|during|after|before|to|for|were|was|had|"
                            r"have|as|over)\b))")


def demonym_target(sent: str, m, roles, actors, passive: bool = False):
    """An empty recipient: the country whose demonym qualifies the trigger's object ("rejected an Australian
    ultimatum" → Australia, "kidnapped 20 Syrians" → Syria), as the article's actor for that country when it has one, else a country participant
    made here (id ``country:<ISO3>``, not added to the document's actors). The actors stage reads a demonym as a
    qualifier, not a mention, so the object side had nothing to choose; PLOVER and CAMEO code the country."""
    if passive:
        return roles
    got = DEMONYM_OBJECT.match(sent, m.end)
    if roles[1] and not (got and roles[3] and got.end(1) <= roles[3][0]):
        # a recipient the clause rules took stays, unless the demonym comes first ("opposed to French mediation
        # in talks with X" gave X)
        return roles
    if got and got.group(1).endswith("s"):
        got = None  # "an Afghans …" is no adjective
    got = got or DEMONYM_PEOPLE.match(sent, m.end)
    hit = demonyms().get(got.group(1)) if got else None
    if hit is None:
        return roles
    iso, name = hit
    ethnic = re.search(r"\bethnic\s+$", sent[max(0, got.start(1) - 8):got.start(1)]) if got else None
    if ethnic:
        # "killed three ethnic Albanians in Serbia": a people, not the state of its name — a group named by the
        # phrase (coded with the demonym's country, as the actor's demonym groups are)
        s0 = got.start(1) - len(ethnic.group())
        who = Actor(id=f"generic:ethnic {got.group(1).lower()}", name=" ".join(sent[s0:got.end(1)].split()),
                    type="group", code=iso, source="event-role")
        return roles[0], [who], roles[2], (s0, got.end(1))
    if any(getattr(a, "code", None) == iso or a.name == name for a in roles[0]):
        return roles
    return roles[0], [country_side(actors, iso, name)], roles[2], got.span(1)


def demonym_agent(sent: str, pos: int, actors):
    """The demonym-qualified phrase right after ``pos`` (a passive's "by"): "attacked by Burundian militiamen" →
    (start, end, Burundi's side), the span the demonym; None when there is none."""
    got = DEMONYM_OBJECT.match(sent, pos)
    hit = demonyms().get(got.group(1)) if got and not got.group(1).endswith("s") else None
    return (*got.span(1), country_side(actors, *hit)) if hit else None


def country_side(actors, iso: str, name: str):
    """The article's actor for the country ``iso`` when it has one, else a country participant made here (id
    ``country:<ISO3>``, not added to the document's actors)."""
    own = next((a for a in actors if getattr(a, "type", "") == "country" and (a.name == name or a.code == iso)), None)
    return own or Actor(id=f"country:{iso}", name=name, type="country", code=iso, source="event-role")


NAME_STOP = frozenset("""i we you he she it they this that these those there here mr mrs ms dr sir both many several
    some all each most more less fewer other others another further such every any none one""".split())


def plain_name(sent: str, words: list[str]) -> bool:
    """Capitalised ``words`` that may be a name the actors stage did not keep: no function word, weekday, month,
    demonym or generic head ("Police", "Protesters" opening a sentence), none the sentence also writes in lower
    case (a common noun), and the sentence no title-case headline (under a third of its words in lower case)."""
    for w in words:
        lw = w.lower().rstrip(".")
        if lw in FUNCTION or lw in NAME_STOP or lw in WEEKDAYS or lw in MONTHS or w in demonyms():
            return False
        if (lw,) in generic.heads() or re.search(r"(?<![\w-])" + re.escape(lw) + r"(?![\w-])", sent):
            return False
    alpha = re.findall(r"[A-Za-z][\w'-]*", sent)
    return sum(w[0].islower() for w in alpha) * 3 >= len(alpha)


# a capitalised name run right after a verb trigger, its direct object ("accused Gulen of", "expelled Ortega's
# envoy" is a possessor, not this); what follows ends the name: punctuation, the end, or a lower-case word
NAMED_OBJECT = re.compile(r"\s+(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})(?=\s*(?:[,.;:]|$|\s[a-z]))")


def named_object(sent: str, m, roles, mentions, passive: bool = False):
    """The capitalised name right after a verb trigger, its object, when it is no actor mention ("Erdogan has
    accused Gulen of …", "Maduro expelled Ortiz"), for an empty recipient or one the clause rules took further on
    ("accused Gulen of attempting to overthrow the Turkish government" gave the government; the mirror of
    ``role_actor.named_subject``: the actors stage keeps a lone unknown word only with evidence, and being the
    object of an event verb is evidence for the event's recipient side). Not for a passive, a trigger after a
    determiner ("the postponed Tokyo Games": a modifier, and a side named here would keep an event the codable
    layer drops for naming no side), nor a name that is the possessor of the object ("expelled Ortiz's envoy")."""
    acts, recs, src, tgt = roles
    if (recs and not (tgt and tgt[0] > m.end + 1)) or passive or not re.search(r"[a-z]", sent[m.start:m.end]):
        return roles
    if re.search(r"\b(?:the|a|an|its|his|her|their|this|that)\s+$", sent[max(0, m.start - 8):m.start], re.I):
        return roles  # "the postponed Tokyo Games": a participle before its noun, no verb with an object
    got = NAMED_OBJECT.match(sent, m.end)
    if got is None or not plain_name(sent, got.group("name").split()):
        return roles
    s0, s1 = got.span("name")
    if re.search(r"(?:’s|'s)$", got.group("name")) or re.match(r"\s*(?:’s|'s)\b", sent[s1:]) or any(x[0] < s1 and s0 < x[1] for x in mentions) or \
            (src and s0 < src[1] and src[0] < s1):
        return roles
    who = Actor(id=f"generic:{got.group('name').lower()}", name=got.group("name"), type="group",
                source="event-role")
    # "recognize X and Y's independence": a mention coordinated with the name is a recipient too
    also = [x[2] for x in _coordinated(sent, (s0, s1, who), [x for x in mentions if x[0] >= s1])[1:]]
    return acts, [who, *also], src, (s0, s1)


# a place the attack is aimed at, named by the side that holds it: "fired rockets at rebel positions", "shelling
# rebel-held towns", "attacked a military base", "captured part of a Karen guerrilla stronghold"
HELD_PLACE = re.compile(
    r"\s+(?:(?:at|on|against|into|in)\s+)?(?:(?:the|a|an|its|their|several|two|three|four|five|many|nearby|"
    r"remaining|other|suspected|key|regional|provincial|district|local|main|central|forward|remote)\s+){0,3}"
    r"(?:part\s+of\s+(?:a|an|the)\s+)?"
    r"(?P<phrase>(?:[A-Z][\w-]+\s+)?(?P<q>rebels?|insurgents?|militants?|guerrillas?|opposition|jihadists?|military|"
    r"army|government|regime|police|Taliban)(?:-(?:held|controlled|run|occupied))?\s+(?:[a-z]+\s+)?"
    r"(?:positions?|bases?|towns?|cit(?:y|ies)|strongholds?|enclaves?|areas?|posts?|outposts?|camps?|checkpoints?|"
    r"convoys?|villages?|neighbou?rhoods?|districts?|headquarters|barracks|territory|hideouts?|targets?|"
    r"installations?|facilities|compounds?))\b")
HOLDER = {"government": ("military", "MIL"), "regime": ("military", "MIL"), "army": ("military", "MIL"),
          "military": ("military", "MIL"), "police": ("police", "COP")}


def held_place(sent: str, m, roles, passive: bool = False):
    """An empty recipient of an attack whose object is a place named by the side holding it ("fired at rebel
    positions" → the rebels, "attacked a military base" → the military): coders code the holder as the target
    (article gold "Gaddafi's forces launched Grad rockets at rebel positions": recipient the rebels; ConfliBERT
    and GSR spans are the phrase itself), so the holder is the participant's name ("rebels", "military") and the
    phrase its span (id ``generic:<holder>``, not added to the document's actors). Not for a passive (its subject undergoes)."""
    acts, recs, src, tgt = roles
    if recs or passive or m.cue.event != "ASSAULT":
        return roles
    got = HELD_PLACE.match(sent, m.end)
    if got is None:
        return roles
    head, code = HOLDER.get(got.group("q").lower(), ("rebels", "REB"))
    s0, s1 = got.span("phrase")
    if src and s0 < src[1] and src[0] < s1:
        return roles
    who = Actor(id=f"generic:{head}", name=head, type="group", code=code, source="event-role")
    return acts, [who], src, (s0, s1)


# a verb that moves or hands over people ("sent troops to X", "withdraw its troops from X", "deploy peacekeepers
# in X", "offered its troops to X", "dispatched inspectors to X")
MOVE_VERB = re.compile(r"\b(?:send|sends|sent|sending|deploy|deploys|deployed|deploying|dispatch|dispatches|"
                       r"dispatched|dispatching|withdr[ae]w[sn]?|withdrawing|pull(?:s|ed|ing)?\s+out|"
                       r"contribut(?:e|es|ed|ing)|"
                       r"offer(?:s|ed|ing)?|evacuat(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|transfer(?:s|red|ring)?)\b", re.I)
# the people a mover sends: forces (a military or police code), its staff, workers, inspectors and observers
MOVED_CODES = ("MIL", "COP", "HLH", "LAB")
MOVED_HEADS = frozenset({"inspector", "observer", "personnel", "staff"})
# where they go or come from: "to X", "into X", "in (central) X", "from X", "out of X"
MOVED_TO = re.compile(r"\b(?:to|into|in|inside|from|out\s+of)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$", re.I)


def _moved(sent: str, x, tgt) -> bool:
    code = (getattr(x, "code", None) or "")[-3:]
    head = str(getattr(x, "id", "")).removeprefix("generic:")
    return code in MOVED_CODES or head in MOVED_HEADS or bool(OWN.search(sent, 0, tgt[0]))


def moved_goal(sent: str, m, mentions, roles, clause: tuple[int, int]):
    """A recipient that is the people the act moves ("withdrawing some of its troops from X", "refused to deploy
    peacekeepers in X", "offered its troops to X's president"): they are the actor's means, not whom the act
    touches; the country, place or party they are sent to or withdrawn from is (the GSR and ConfliBERT coders code
    X; the article gold README codes MOBILIZE's target as the side or place faced, and AID's as who receives). Only
    for a move verb in the trigger or between it and those people, and only when such an X follows in the clause
    (MOBILIZE, whose moved forces without a target leave no recipient, is ``role_fill.mobilized_means``)."""
    acts, recs, src, tgt = roles
    if not recs or not tgt or tgt[0] < m.start or m.cue.event == "MOBILIZE":
        return roles
    if not MOVE_VERB.search(sent, m.start, max(m.end, tgt[0])) or not all(_moved(sent, a, tgt) for a in recs):
        return roles
    taken = {a.id for a in acts} | {a.id for a in recs}
    for x in mentions:
        if x[0] < tgt[1] or x[1] > clause[1] or x[2].id in taken or is_source(sent, x):
            continue
        if MOVED_TO.search(sent, max(tgt[1], x[0] - 30), x[0]):
            return acts, [x[2]], src, x[:2]
        break  # the first mention after the people is the only candidate ("to X" or nothing)
    return roles


# "urged him to", "accusing him of", "congratulate him on", "told her that": an object pronoun right after the
# trigger ("her" only when no noun follows: "urged her government" is a possessive)
OBJECT_PRONOUN = re.compile(r"\s+(?:him|her(?=\s*(?:[,.;:]|$|\s(?:to|of|on|for|with|over|about|after|in|and|as|"
                            r"that)\b)))\b", re.I)


def pronoun_object(sent: str, m, mentions, roles):
    """The trigger's object is "him" / "her": the person it stands for is the recipient — the last person the
    sentence names before the trigger who is not the actor ("Trump called Erdogan on Wednesday and urged him to
    …", "filed a lawsuit against Y, accusing him of …"). The clause rules take the first mention after the
    trigger, so the pronoun's referent was lost or a later name taken ("congratulate him on becoming Australia's
    new prime minister" gave Australia). Left as it is when the sentence names no such person before it."""
    acts, recs, src, tgt = roles
    got = OBJECT_PRONOUN.match(sent, m.end)
    if got is None or (tgt and tgt[0] < got.end()):
        return roles
    taken = {a.id for a in acts}
    who = [x for x in mentions if x[1] <= m.start and getattr(x[2], "type", "") == "person" and x[2].id not in taken
           and not (src and x[0] < src[1] and src[0] < x[1])]
    if not who:
        return roles
    return acts, [who[-1][2]], src, who[-1][:2]


MEMBER_OF = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?$", re.I)
MEMBER_TYPES = ("organization", "group", "party", "military", "government")


def member_of(sent: str, m, mentions, roles):
    """A generic recipient phrase whose complement names its organisation ("expelled inspectors of the
    International Atomic Energy Agency", "detained members of the X party"): the organisation is the side the act
    touches (the GSR coders code it; the phrase alone names no actor); only an organisation or group mention right
    after "of" / "from", never a place or the actor."""
    acts, recs, src, tgt = roles
    if len(recs) != 1 or not tgt or not str(getattr(recs[0], "id", "")).startswith("generic:"):
        return roles
    taken = {a.id for a in acts}
    x = next((x for x in mentions if x[0] >= tgt[1]), None)
    if x is None or x[2].id in taken or getattr(x[2], "type", "") not in MEMBER_TYPES or \
            not MEMBER_OF.fullmatch(sent[tgt[1]:x[0]]) or is_place(sent, x):
        return roles
    return acts, [x[2]], src, x[:2]

# a participle clause after the main clause, right after its comma or coordinated with a first participle
# (", applauding X and reaffirming Y"), and the "with" party of that main clause
PARTICIPLE_LEAD = re.compile(r"\s*(?:(?:[a-z]+ing)\b[^,;:]*?\s+and\s+)?$")
WITH_PARTY = re.compile(r"\bwith\s+")


def participle_party(sent: str, m, mentions, roles):
    """An empty recipient of a participle clause after a main clause with a "with" party ("U.S. leaders held talks
    with their Egyptian counterparts, applauding their professionalism and reaffirming the partnership"): the
    participle's act is addressed to that party, the one the main clause's act is with (article gold codes both
    acts' recipient so). Not when the main clause holds no "with" (its subject acts alone), nor for the actor."""
    acts, recs, src, tgt = roles
    words = sent[m.start:m.end].split()
    if recs or not words or not re.fullmatch(r"[a-z]+ing", words[0]):
        return roles
    comma = sent.rfind(",", 0, m.start)
    if comma < 0 or not PARTICIPLE_LEAD.fullmatch(sent, comma + 1, m.start):
        return roles
    lo = max(sent.rfind(x, 0, comma) for x in (",", ";", ":")) + 1
    w = next(reversed(list(WITH_PARTY.finditer(sent, lo, comma))), None)
    if w is None:
        return roles
    party = object_after(sent, mentions, w.end(), comma)[:1]
    plain = generic.after(sent, w.end(), comma, prep=False)
    if plain and (not party or plain[1] <= party[0][0]):
        party = [plain]
    if not party or party[0][2].id in {a.id for a in acts} or \
            not re.fullmatch(r"\s*(?:the\s+)?", sent[w.end():party[0][0]]):
        return roles  # the party opens right after "with"
    return acts, [party[0][2]], src, party[0][:2]


# "calling for independence from X", "a referendum on independence from Indonesian rule", "autonomy from X"
SECEDE_FROM = re.compile(r"\b(?:independence|autonomy|secession|self-rule|self-determination|separation)\s+from\s+"
                         r"(?:the\s+)?", re.I)
SECEDE_TYPES = frozenset(("PROTEST", "REQUEST"))


def seceded_from(sent: str, m, mentions, roles, actors):
    """A protest or demand for a people's independence or autonomy "from X": X, the state it is to part from, is
    the side the act faces (the GSR coders code it: "Thousands of Kurds demonstrated … calling for independence
    from Iraq" has Iraq as target), over a place or a later mention the clause rules took ("rioted at a jail in
    East Timor … demanding a referendum on independence from Indonesian rule"). The mention right after "from",
    else the country of a demonym there; never the actor; only after the trigger, within its sentence."""
    acts, recs, src, tgt = roles
    if m.cue.event not in SECEDE_TYPES:
        return roles
    got = SECEDE_FROM.search(sent, m.end)
    if got is None:
        return roles
    at = got.end()
    taken = {a.id for a in acts}
    x = next((x for x in mentions if x[0] == at), None)
    if x is not None:
        return roles if x[2].id in taken else (acts, [x[2]], src, x[:2])
    dem = re.match(r"([A-Z][a-z]+)\s+[a-z]", sent[at:])
    hit = demonyms().get(dem.group(1)) if dem else None
    if hit is None or any(getattr(a, "code", None) == hit[0] or a.name == hit[1] for a in acts):
        return roles
    return acts, [country_side(actors, *hit)], src, (at, at + len(dem.group(1)))


# "the NATO-led security force in X", "an African Union peacekeeping force in X", "the UN mission deployment plan in X"
MISSION_IN = re.compile(r"(?:-led)?\s+(?:[a-z][\w-]*\s+){0,3}?(?:force|forces|mission|missions|operation|operations|"
                        r"contingent|presence)\s+(?:[a-z][\w-]*\s+){0,2}?in\s+(?:the\s+)?")
CONTRIBUTE_TYPES = frozenset(("AID", "AGREE", "SUPPORT", "MOBILIZE", "COOPERATE"))


def mission_country(sent: str, m, mentions, roles):
    """A contribution to an international organisation's force or mission "in X" (a CAMEO ``IGO`` code: "ready
    to contribute troops to the NATO-led security force in X", "air support to an African Union peacekeeping
    force in X"): X, the country the mission serves, is the side the act is for (the ConfliBERT coders code X;
    "sending troops to the UN force in X" already took X, the organisation being inside its trigger). Only for
    acts of aid, support or cooperation, for the organisation as the lone recipient, and a country right after
    "in" that is not the actor."""
    acts, recs, src, tgt = roles
    if m.cue.event not in CONTRIBUTE_TYPES or len(recs) != 1 or not tgt or \
            not (getattr(recs[0], "code", None) or "").startswith("IGO"):
        return roles
    got = MISSION_IN.match(sent, tgt[1])
    if got is None:
        return roles
    taken = {a.id for a in acts}
    x = next((x for x in mentions if x[0] == got.end()), None)
    if x is None or x[2].id in taken or getattr(x[2], "type", "") not in GPE_TYPES:
        return roles
    return acts, [x[2]], src, x[:2]
