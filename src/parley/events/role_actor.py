"""Actor choice: the subject side of an event trigger when no parse names it.

The actor is the subject group before the trigger in its clause: the nearest eligible mention (places,
parentheticals, asides and country possessives skipped), with the mentions coordinated with it ("A and B"); when
every mention was skipped, one inside the clause's opening noun phrase ("Authorities in X", "X's president").
``agent_extent`` widens a mention over the agents that act for it ("X's aides").
"""

from __future__ import annotations

import re

from parley.document import Actor
from parley.events import generic
from parley.events.role_phrases import FUNCTION, POSS_S, eligible, is_place, is_poss, past_form
from parley.events.role_recipient import country_side, demonyms, plain_name

COORD = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$")


def group_before(sent: str, mentions, pos: int, lo: int = 0) -> list:
    """The subject group before ``pos`` (from ``lo``): the nearest eligible mention, plus mentions coordinated with
    it ("A and B"); places, parentheticals and country possessives are skipped unless nothing else is there."""
    before = [m for m in eligible(sent, mentions, pos) if lo <= m[0] and m[1] <= pos]
    if not before:
        return []
    head = None
    for m in reversed(before):
        if is_place(sent, m):
            continue
        if is_poss(sent, m):
            # "X's threat", "X's meeting": a possessor directly before the trigger is its actor
            gap = sent[m[1]:pos]
            if re.fullmatch(POSS_S + r"\s*(?:[\w-]+\s+){0,2}", gap) and not (
                    len(gap.split()) > 1 and past_form(sent[pos:pos + 20].split()[0] if sent[pos:].split() else "")):
                head = m
                break
            chained = [x for x in before if x[0] > m[1]]
            if chained or getattr(m[2], "type", "") == "country":
                continue
        head = m
        break
    if head is None:
        head = subject_np_fallback(sent, before, pos, lo)
        if head is None:
            return []
    group = [head]
    for m in reversed([x for x in before if x[1] <= head[0]]):
        gap = sent[m[1]:group[0][0]]
        if COORD.match(gap) or re.fullmatch(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", gap) or \
                (len(group) > 1 and re.fullmatch(r"\s*,\s*the\s+", gap)):
            group.insert(0, m)  # (a list's ", the": "France, the UK and Italy recalled …" once "and" joined one)
        elif re.fullmatch(r"\W*(?:’s|'s)?\s*(?:\(\w+\))?\s*", gap):
            continue  # possessive / acronym chain: "A's B (C)" — the head is the later mention
        else:
            break
    return group


NON_STATE = re.compile(r"\b(?:party|parties|opposition|ruling|rebels?|insurgents?|militants?|separatists?|"
                       r"dissidents?|protesters?|activists?|union|unions)\b", re.I)


SUBORD = re.compile(r"\b(?:as|while|whilst|when|whereas|after|before|because|since|until|though|although|if|unless|"
                    r"once|but)\b", re.I)


def subject_np_fallback(sent: str, before, pos: int, lo: int):
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
        if SUBORD.search(sent[m[1]:pos]):
            continue  # "The violence in X escalated as forces took …": X's phrase is another clause's subject
        if is_place(sent, m) and not re.search(r"\b[A-Za-z][\w-]*\s+in\s+(?:the\s+)?$", lead):
            continue
        return m
    return None


AGENT_NOUN = re.compile("^" + POSS_S + r"\s+(?:(?:top|senior|chief|own|former|close)\s+)?(?:aides?|advisers?|advisors?|spokes(?:man|"
                        r"woman|person)|officials?|ministry|ministers?|forces|troops|soldiers|loyalists|supporters|"
                        r"lawyers?|allies|camp|government|administration|envoys?|diplomats?|delegation|militia|police)\b",
                        re.I)


def agent_extent(sent: str, x) -> tuple[int, int]:
    """The span of a mention widened over its agents ("X's aides", "X's forces", "X's spokesman"): the agents act
    for X, so the event is coded as X's side (the actor stays X) while the evidence shows the words that act."""
    a = AGENT_NOUN.match(sent[x[1]:x[1] + 40])
    return (x[0], x[1] + a.end()) if a else (x[0], x[1])


POSS_PRONOUN_AGENT = re.compile(r"\s*(his|her|its|their)\s+(?:own\s+)?(?:regime|government|administration|security\s+forces|"
                                r"forces|troops|army|military|police|militias?|supporters|loyalists|men|fighters|"
                                r"soldiers|party|allies|aides|officials|ministry)\b", re.I)


def pronoun_agent(sent: str, pos: int, mentions) -> tuple | None:
    """"was imprisoned by his regime", "were shelled by their forces": the agent is the side of the possessor the
    pronoun stands for — the nearest mention before ``pos`` in the sentence of a fitting kind (a person for his /
    her, no person for its) — as ``(phrase start, phrase end, actor)``; None when there is none."""
    got = POSS_PRONOUN_AGENT.match(sent, pos)
    if not got:
        return None
    word = got.group(1).lower()
    fits = [x for x in mentions if x[1] <= pos and (
        (word in ("his", "her")) == (getattr(x[2], "type", "") == "person") or word == "their")]
    return (got.start(1), got.end(), fits[-1][2]) if fits else None


# "tells Sky News he will visit …", "told reporters they would …": a subject pronoun after a speech verb's
# addressee opens the reported clause; its subject is the speaker, not the addressee
ADDRESSEE_PRONOUN = re.compile(r"\b(?:tells?|told|telling|informed|informs)\s+(?P<to>[^,;:]{1,60}?)\s+(?:that\s+)?"
                               r"(?:he|she|they|it|we)\s+(?:[\w’'-]+\s+){0,4}$", re.I)


def addressee_subject(sent: str, mentions, pos: int, subj: list) -> list:
    """``subj`` with an addressee of speech replaced by the speaker: in "the chief executive of BP tells Sky News
    he will visit the coast" the nearest mention before "visit" is Sky News, told of the visit; the one who will
    visit is "he", the teller. The speaker is the subject group before the speech verb; the addressee is dropped
    even when no speaker is named."""
    if not subj:
        return subj
    got = ADDRESSEE_PRONOUN.search(sent, 0, pos)
    if not got or got.end() != pos or not got.start("to") <= subj[-1][0] < got.end("to"):
        return subj
    return group_before(sent, mentions, got.start())


# words that may stand between a subject phrase and its verb trigger: auxiliaries, adverbs and the verbs a
# trigger is the complement of ("officials plan to ask", "forces have begun to shell"); no preposition, article
# or relative pronoun (those make the phrase part of another noun phrase or clause)
CHAIN_STOP = frozenset("of in on at by for with from into and or but the a an that who which whose whom as than "
                       "said says told".split())


VERBISH = re.compile(r"\b(?:[a-z]+ed|[a-z]+ing|has|have|had|is|are|was|were|be|been|will|would|said|says|say)\b")
ACRONYM = re.compile(r"\s*\(\s*[A-Z][\w.&-]*\s*\)\s*")  # "X Association (AKK) officials": the mention's own


# "Gadhafi's forces detained …": the possessor is the side, the phrase its means
POSS_GAP = re.compile(r"\s*(?:’s|'s|’|')\s*")
# an adjunct after the mention, then a conjunction: the phrase after it opens a coordinated clause ("were brought
# up to X on Wednesday and both sides exchanged insults": X is no subject of "exchanged")
NEW_SUBJECT = re.compile(r"\s*(?:,|(?:on|in|at|last|this|from|near|after|before|during|since)\b)[^;:]*?\s(?:and|but)\s+",
                         re.I)


def phrase_subject(sent: str, pos: int, subj: list, before_fn, floor: int | None = None) -> list:
    """The generic subject phrase ("Louisiana officials", "Rebel fighters") that ends between the subject mention
    ``subj`` and the trigger at ``pos``, up to three chain words before it ("officials plan to ask BP"): a mention
    further back ("-LRB- AP Photo -RRB- Louisiana officials plan to ask …") belongs to another phrase.
    ``before_fn`` is ``generic.before``. Returns ``[phrase]`` or ``subj`` unchanged."""
    clause = floor is not None  # no mention: the phrase is sought from the clause's start ``floor``
    if not subj and not clause:
        return subj  # an empty side is ``generic.fill``'s, which knows reduced passives ("the 108 people killed")
    floor = floor if clause else subj[-1][1]
    q = pos
    for _ in range(4):
        got = before_fn(sent, q, floor)
        if got and got[0] >= floor and not re.search(r"[,;:()\"“”]", sent[got[1]:pos]):
            # "U.S. officials", "Syrian troops": a mention right before the phrase qualifies it and stays; a
            # lower-case word between them ("A and top officials", "The Taliban have refused official talks")
            # makes the phrase a conjunct or an object, not the subject
            gap = sent[floor:got[0]]
            if clause:  # no verb before it in the clause ("; rebel fighters then attacked …")
                return subj if VERBISH.search(gap) else [got]
            if NEW_SUBJECT.fullmatch(gap):
                return [got]  # "… to X on Wednesday and both sides exchanged insults": a clause of its own
            if not gap.strip() or re.search(r"\b(?!(?:the|a|an)\b)[a-z]{2,}\b", gap) or ACRONYM.fullmatch(gap) or \
                    POSS_GAP.fullmatch(gap):
                return subj
            return [got]
        w = re.search(r"([\w’'-]+)\s*$", sent[floor:q])
        if not w or w.group(1).lower() in CHAIN_STOP or not w.group(1).islower():
            break
        q = floor + w.start(1)
    return subj


# the clause's opening subject phrase qualified by a demonym ("Palestinians blamed X", "Serb forces killed …",
# "Thousands of Iraqi Kurds demonstrated", "Israeli helicopters and tanks shelled …"): determiners and quantities,
# at most one plain modifier ("ethnic Turks"), the demonym, at most two nouns, then auxiliaries or a light verb
# with its article before a nominal trigger ("Algerian landowners began a hunger strike")
DEMONYM_SUBJECT = re.compile(
    r"\s*(?i:(?:the|a|an|some|about|around|nearly|almost|over|up\s+to|more\s+than|at\s+least|several|many|dozens\s+of|"
    r"hundreds\s+of|thousands\s+of|tens\s+of\s+thousands\s+of|scores\s+of|[0-9][0-9,]*|two|three|four|five|six|"
    r"seven|eight|nine|ten|hundred|thousand)\s+){0,4}(?:(?P<mod>[a-z][a-z-]+)\s+)?(?P<dem>[A-Z][a-z]+)"
    r"(?P<rest>(?:\s+(?:and\s+)?[A-Za-z][\w-]*){0,2}?)"
    r"(?P<aux>(?:\s+on\s+[A-Z][a-z]+day|\s+today|\s+yesterday)?"
    r"(?:\s+(?:has|have|had|was|were|is|are|will|would|also|again|reportedly|allegedly|\w+ly))*"
    r"(?:\s+[a-z]+\s+(?:a|an|the))?)\s*$")
# nouns of the forces and bodies a demonym qualifies ("British aircraft", "Israeli army") beyond plurals and the
# generic heads
BODY_NOUNS = frozenset("army navy military police government regime aircraft air force artillery court tribunal "
                       "parliament ministry cabinet senate congress legislature judge prosecutor".split())
NOT_PLURAL = frozenset("says has is was does as its this thus".split())


def _noun(word: str) -> bool:
    w = word.lower()
    if w in FUNCTION or w in NOT_PLURAL or w in demonyms():
        return False
    return w in BODY_NOUNS or (w,) in generic.heads() or (w.endswith("s") and not w.endswith("ss"))


def demonym_actor(sent: str, m, roles, actors, clause: tuple[int, int], passive: bool = False):
    """An empty actor: the country whose demonym opens the trigger's clause as its subject ("Palestinians blamed
    X" → Palestine, "Serb forces killed three villagers" → Serbia), as the article's actor for that country when
    it has one (``country_side``), its span the whole phrase. The actors stage reads a demonym as a qualifier, not
    a mention, so the subject side had nothing to choose (the mirror of ``demonym_target``); PLOVER and CAMEO
    code the country. Not for a passive (its subject undergoes) nor over the recipient's span."""
    acts, recs, src, tgt = roles
    if acts or passive:
        return roles
    c0 = clause[0]
    got = DEMONYM_SUBJECT.fullmatch(sent, c0, m.start)
    if got is None:
        return roles
    dem, rest = got.group("dem"), got.group("rest").split()
    if rest and f"{dem} {rest[0]}" in demonyms():  # "South Sudanese authorities", "Sri Lankan troops"
        dem, rest = f"{dem} {rest[0]}", rest[1:]
    hit = demonyms().get(dem)
    # "Bosnian Serbs demanded …": a people named by a second demonym is a group of its own, not either state
    people = len(rest) == 1 and rest[0] in demonyms() and rest[0].endswith("s")
    if hit is None or not (people or all(w == "and" or _noun(w) for w in rest)):
        return roles
    if got.group("mod") and got.group("mod") in FUNCTION:
        return roles
    if got.group("aux").split()[-1:] and got.group("aux").split()[-1] in ("a", "an", "the") and \
            len(sent[m.start:m.end].split()) > 3:
        return roles
    s0 = got.start() + len(sent[got.start():]) - len(sent[got.start():].lstrip())  # the phrase with its quantity
    s1 = got.end("rest") if rest else got.end("dem")
    if tgt and s0 < tgt[1] and tgt[0] < s1:
        return roles
    who = country_side(actors, *hit)
    if m.cue.event == "PROTEST" or people or any(a.id == who.id or getattr(a, "code", None) == hit[0] for a in recs):
        # the people protest, not their state; "Turkish authorities imposed a curfew in … Turkey": the country is
        # the recipient already, so the acting side is the group the phrase names (coded with its country)
        name = " ".join(sent[s0:s1].split())
        who = Actor(id=f"generic:{dem.lower()}", name=name, type="group", code=hit[0], source="event-role")
    return [who], recs, (s0, s1), tgt


# a capitalised name run (one to three words, "Al-Shabaab", "Boko Haram") standing as the subject right before
# the trigger, past auxiliaries and adverbs ("Erdogan has accused", "The Taliban attacked", "Taliban suicide
# bombers killed", "Ankara still refuses"); what precedes it opens the clause: its start, a comma, "the", or a
# time adverb ("Hours earlier Maduro expelled"), never a preposition ("in Kabul attacked" is a place)
NAMED_SUBJECT = re.compile(
    r"(?:^|[,;:]|\b(?:earlier|later|meanwhile|then|now|today|yesterday|overnight|also)\b)\s*(?P<det>(?i:the)\s+)?"
    r"(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})(?P<rest>(?:\s+[a-z][\w-]*){0,2}?)"
    r"(?P<aux>(?:\s+on\s+[A-Z][a-z]+day|\s+(?:today|yesterday|overnight))?"
    r"(?:\s+(?:has|have|had|will|would|also|again|still|now|then|reportedly|allegedly|\w+ly))*)\s*$")
SAYS = frozenset("says tells told claims reports adds warns insists argues".split())


def named_subject(sent: str, m, roles, mentions, clause: tuple[int, int], passive: bool = False):
    """An empty actor: the capitalised name that is the trigger's subject but no actor mention ("Erdogan has
    accused Gulen", "Maduro expelled the diplomat", "The Taliban attacked a base"). The actors stage keeps a
    single unknown capitalised word only with evidence of a person or an organisation (a title, a speech verb …);
    being the subject of an event verb is such evidence for the event's actor side, and the side otherwise went
    out empty (51 of the 110 wrong ConfliBERT tune actors). A participant made here (id ``generic:<name>``) is
    not added to the document's actors. Not for a passive (its subject undergoes), nor a weekday, month,
    demonym or any word the sentence also writes in lower case ("Police" opening a sentence is a common noun)."""
    acts, recs, src, tgt = roles
    if acts or passive:
        return roles
    c0 = clause[0]
    got = NAMED_SUBJECT.search(sent[c0:m.start])
    if got is None:
        return roles
    words = got.group("name").split()
    rest = got.group("rest").split()
    if not plain_name(sent, words):
        return roles
    if rest and (not _noun(rest[-1]) or any(past_form(w) or w in SAYS for w in rest)):
        return roles  # the name's own phrase ends in a noun ("Taliban attackers"), never a verb ("X said villagers")
    s0 = c0 + (got.start("det") if got.group("det") else got.start("name"))
    s1 = c0 + (got.end("rest") if rest else got.end("name"))
    if any(x[0] < s1 and s0 < x[1] for x in mentions) or (tgt and s0 < tgt[1] and tgt[0] < s1):
        return roles  # a mention the rules skipped (a place, a possessor): theirs to decide
    name = " ".join(sent[s0:s1].split())
    who = Actor(id=f"generic:{got.group('name').lower()}", name=name, type="group", source="event-role")
    return [who], recs, (s0, s1), tgt


# an apposition that describes the actor named beside it: "Kenzo Oshima, the UN relief coordinator, demanded …",
# "A member of the Syrian parliament, Mohammed Mamoun, started …", "Qatar's emir, Sheikh Hamad, launched …"
APPOS_AFTER = re.compile(r",\s+(?P<np>(?:the|a|an|its|his|her|their|[A-Z][\w.-]*(?:’s|'s))\s+[^,;:()\"“”]{2,90}?),\s+")
APPOS_BEFORE = re.compile(r"(?P<np>(?:(?i:the|a|an)|[A-Z][\w.-]*(?:’s|'s))\s+[^,;:()\"“”]{2,90}?),\s+(?:[A-Z][a-z]+\.?\s+)?$")
APPOS_VERB = re.compile(r"\b(?:[a-z]+ed|has|have|had|is|are|was|were|be|been|will|would|said|says|say|who|which|that|"
                        r"when|where|and|or|but)\b")


def apposition_extent(sent: str, m, roles, clause: tuple[int, int]):
    """The actor's span widened over an apposition that describes it, before or after its name, when the two
    stand as the clause's subject before the trigger: the description is the actor's own words (GSR and
    ConfliBERT coders mark it: "A member of the Syrian parliament", "the United Nations Emergency Relief
    Coordinator"), and the name alone shares no word with them. A phrase with a verb or a conjunction is no
    apposition ("X, who …", "X, said …")."""
    acts, recs, src, tgt = roles
    if not acts or not src or src[1] > m.start:
        return roles
    s0, s1 = src
    after = APPOS_AFTER.match(sent, s1)
    if after and after.end() <= m.start and not APPOS_VERB.search(after.group("np")) and \
            len(after.group("np").split()) <= 10:
        s1 = after.end("np")
    before = APPOS_BEFORE.search(sent, clause[0], s0)
    if before and before.start() == clause[0] + len(sent[clause[0]:s0]) - len(sent[clause[0]:s0].lstrip()) and \
            not APPOS_VERB.search(before.group("np")) and len(before.group("np").split()) <= 8 and \
            re.match(r"\s*(?:,|[a-z])", sent[s1:]):
        s0 = before.start("np")
    if tgt and s0 < tgt[1] and tgt[0] < s1:
        return roles
    return acts, recs, (s0, s1), tgt
