"""Generic participants: a plain noun phrase that fills an event role when no actor mention does.

Why: coders code "police detained 18 people", "rebels freed prisoners" and "at least 23 civilians were killed"
with the noun phrase as the participant (CAMEO's agent types: civilians CVL, rebels REB, …), but the actors stage
keeps only named actors and a few collective groups, so the roles had nothing to choose and the event went out
with an empty side (on the ConfliBERT tune slice, 132 of 406 gold recipients were such phrases). The phrase must
end in a head noun of ``data/ontology/generic_heads.tsv`` (people, civilians, prisoners, suspects, …): any noun
phrase would let objects ("a report", "the plan") pass as participants.

A generic participant is a ``Document.Actor``-shaped object that is not added to the document's actors: its id is
``generic:<head>``, its name the phrase as written, its span the phrase. Positions searched, in the event's
clause: the object after the trigger (past a preposition: "fired on protesters", "the killing of 18 people"), the
subject right before it for the actor ("gunmen opened fire"), and for a passive the subject before it as the
recipient and the "by" phrase after it as the actor; a subject before a place phrase ("Rebel forces in western
Libya drove …"); for a protest noun with no actor, its clause's subject or the crowd it implies.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from parley.document import Actor

DATA = Path(__file__).resolve().parents[1] / "data" / "ontology" / "generic_heads.tsv"
OBJECT_VERBS = DATA.with_name("object_verbs.tsv")

# words a noun phrase may open with or hold before its head: determiners, quantities, numbers
NP_WORD = re.compile(r"(?:the|a|an|all|both|at|least|more|than|over|some|about|nearly|almost|around|another|other|several|"
                     r"many|dozens|hundreds|thousands|scores|tens|of|numerous|few|two|three|four|five|six|seven|eight|"
                     r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|his|her|their|its|our|"
                     r"unarmed|innocent|local|foreign|young|elderly|wounded|injured|fleeing|displaced|peaceful|"
                     r"armed|suspected|alleged|unidentified|unknown|masked|[0-9][0-9,.]*|[A-Z][\w-]*)$")
# a plain lower-case modifier inside a phrase ("rebel", "foreign", "traditional"): no verb form, no function word
MODIFIER = re.compile(r"(?!(?:and|or|of|the|to|in|on|at|by|for|with|from|has|have|had|was|were|is|are|said|says|as|while|"
                      r"when|after|before|but|that|if|because|since|until|though|although)$)"
                      r"[a-z][a-z-]*(?<!ed)(?<!ing)(?<!ly)")
LEAD_PREP = re.compile(r"(?:on|upon|against|at|with|of|to|toward|towards|into|up|down|out|off|back)$", re.I)
AUX = re.compile(r"(?:was|were|been|being|is|are|be|has|have|had|will|would|reportedly|allegedly|also|later|then|"
                 r"still|already|again|\w+ly)$", re.I)
# a sentence's last word stands without its full stop ("detained 18 people."), so that it can be a head; a
# capitalised token keeps its dots ("U.S.", "Jan."), a number its thousands commas ("About 1,100 employees")
TOKEN = re.compile(r"[a-z][a-z-]*(?=[.!?](?:\s|$|[\"”’']))|[0-9]{1,3}(?:,[0-9]{3})+|[^\s,;:()\"“”]+|[,;:()\"“”]")


@lru_cache(maxsize=1)
def heads() -> dict[tuple[str, ...], tuple[str, str]]:
    """(lower-cased head words) → (canonical head, CAMEO agent code or '')."""
    out = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        forms, _, code = line.partition("\t")
        forms = [f.strip() for f in forms.split(";") if f.strip()]
        for f in forms:
            out[tuple(f.lower().split())] = (forms[-1] if len(forms) > 1 else forms[0], code.strip())
    return out


@lru_cache(maxsize=1)
def object_verbs() -> frozenset[str]:
    """Past forms that need an object when active (``data/ontology/object_verbs.tsv``)."""
    lines = OBJECT_VERBS.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(lo + t.start(), lo + t.end(), t.group()) for t in TOKEN.finditer(text[lo:hi])]


def _head_at(toks, i: int) -> tuple[int, tuple[str, str]] | None:
    """A head (one or two words) ending at token ``i``: (index of its first token, (canonical, code))."""
    table = heads()
    for n in (2, 1):
        if i - n + 1 < 0:
            continue
        key = tuple(t[2].lower() for t in toks[i - n + 1:i + 1])
        if key in table:
            return i - n + 1, table[key]
    return None


# a capitalised sentence opener is no modifier ("As African presidents negotiated …", "When rebels …")
NEVER_OPEN = frozenset("of than as when while after before if because since although though but and so then".split())


def _extend_left(toks, first: int, floor: int) -> int:
    """Widen a head leftwards over the phrase's determiners, quantities and modifiers ("at least 75 displaced")."""
    j = first
    while j - 1 >= floor and first - (j - 1) <= 6 and NP_WORD.match(toks[j - 1][2]):
        j -= 1
    if j == first or not toks[j][2][:1].isupper():
        # "Afghan rebel leaders", "European Community foreign ministers": up to two plain modifiers between the
        # head and a capitalised qualifier (a demonym or a name) belong to the phrase
        k = j
        while k - 1 >= floor and j - (k - 1) <= 2 and MODIFIER.fullmatch(toks[k - 1][2]):
            k -= 1
        if k < j and k - 1 >= floor and toks[k - 1][2][:1].isupper() and NP_WORD.match(toks[k - 1][2]):
            j = k - 1
            while j - 1 >= floor and first - (j - 1) <= 8 and NP_WORD.match(toks[j - 1][2]):
                j -= 1
    while j < first and (toks[j][2].lower() in NEVER_OPEN or  # never open on a preposition or a conjunction
                         toks[j][2].lower() == "at" and toks[j + 1][2].lower() != "least"):
        j += 1
    return j


PLURAL_LIKE = frozenset("people police staff men women children crowd family families".split())
FOLLOW_OK = frozenset("""the a an of and or but to in on at by for from with into as who whom whose which that
    were was are is had have has will would could should may might must can did do does not also who near after
    before since during when while amid outside inside across over under""".split())


def _modifier(toks, k: int) -> bool:
    """A singular head followed by another noun ("rebel positions", "civilian casualties") modifies that noun."""
    w = toks[k][2].lower()
    if w.endswith("s") or w in PLURAL_LIKE or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1][2]
    return nxt.isalpha() and nxt.islower() and nxt not in FOLLOW_OK and not nxt.endswith(("ed", "ing"))


def _make(sent: str, toks, a: int, b: int, head) -> tuple[int, int, Actor]:
    s0, s1 = toks[a][0], toks[b][1]
    canon, code = head
    name = " ".join(sent[s0:s1].split())
    return s0, s1, Actor(id=f"generic:{canon}", name=name, type="group", code=code or None, source="event-role")


# a head's complement that names whose it is: "parties to the conflict in Iraq", "sides to the dispute over X",
# "forces loyal to X"
OF_NAMED = re.compile(r"\s+(?:to\s+the\s+[a-z]+\s+(?:in|over|of)\s+(?:the\s+)?[A-Z]|(?:loyal|allied)\s+to\b)")


def after(sent: str, pos: int, hi: int, prep: bool = True):
    """The generic phrase that opens right after ``pos`` (to ``hi``), past one preposition or particle when
    ``prep``; (start, end, actor) relative to ``sent``, or None."""
    toks = _tokens(sent, pos, min(hi, pos + 200))  # only the first nine tokens are read
    i = 0
    if prep and toks and LEAD_PREP.match(toks[0][2]):
        i = 1
    mod = None  # where a head that modifies the next head opens ("rebel forces")
    for k in range(i, min(len(toks), i + 8)):
        w = toks[k][2]
        got = _head_at(toks, k)
        if got and got[0] >= i and _modifier(toks, k):
            # "rebel positions": no participant, unless a head follows ("rebel forces", "civilian protesters")
            if k + 1 < len(toks) and _head_at(toks, k + 1):
                mod = got[0] if mod is None else mod
                continue
            return None
        if got and got[0] >= i:
            if OF_NAMED.match(sent, toks[k][1], hi):
                return None  # "parties to the conflict in Iraq": the named party is the side, not the phrase
            a = _extend_left(toks, got[0] if mod is None else mod, i)
            return _make(sent, toks, a, k, got[1])
        if not NP_WORD.match(w):
            if _plain_modifier(toks, k, i) and any(_head_at(toks, j) for j in (k + 1, k + 2) if j < len(toks)):
                mod = k if mod is None else mod  # "some housing experts", "two high-ranking policemen"
                continue
            return None
    return None


# an adjective by its ending ("political", "ethnic", "religious", "Western-backed" is capitalised, so NP_WORD's)
ADJECTIVE = re.compile(r"[a-z][a-z-]*(?:al|ic|ous|ive|ary|ian|ese|ish|ern|ior|ful|less|ble|-ranking|-level)")


def _plain_modifier(toks, k: int, i: int) -> bool:
    """Token ``k`` may be a plain modifier inside a phrase: a lower-case word that is no function or verb form, or
    one in "-ing" after a determiner or quantity of the phrase ("some housing experts": no verb after "some");
    as the phrase's first word (``i``) only an adjective ("freed political prisoners")."""
    w = toks[k][2]
    if k == i:  # right after the trigger a plain word may be a verb ("promised to release political prisoners")
        return bool(ADJECTIVE.fullmatch(w))
    if MODIFIER.fullmatch(w):
        return True
    return bool(re.fullmatch(r"[a-z][a-z-]*ing", w)) and bool(NP_WORD.match(toks[k - 1][2])) and \
        toks[k - 1][2].islower()


def before(sent: str, pos: int, lo: int, skip_aux: bool = True):
    """The generic phrase that ends right before ``pos`` (from ``lo``), past auxiliaries and adverbs ("civilians
    were reportedly killed", "gunmen have opened fire"); (start, end, actor) relative to ``sent``, or None."""
    toks = _tokens(sent, lo, pos)
    k = len(toks) - 1
    while skip_aux and k >= 0 and AUX.match(toks[k][2]) and len(toks) - k <= 3 and not _head_at(toks, k):
        k -= 1
    if k < 0:
        return None
    got = _head_at(toks, k)
    if not got:
        return None
    a = _extend_left(toks, got[0], 0)
    return _make(sent, toks, a, k, got[1])


REDUCED = re.compile(r"\s*(?:$|[,.;:]|(?:by|on|in|at|during|since|when|after|before|near|last|this|overnight)\b)")


def fill(sent: str, m, roles, clause: tuple[int, int], passive: bool):
    """``roles`` (actors, recipients, source span, target span) with an empty side filled by a generic phrase of
    the trigger ``m``'s clause; the other side is never overwritten. A bare participle with no object after a
    generic phrase ("the 108 people killed on 25 May") is a reduced passive: the phrase undergoes."""
    acts, recs, src, tgt = roles
    c0, c1 = clause
    word = sent[m.start:m.end].split()[-1].lower() if sent[m.start:m.end].split() else ""
    if not passive and word.endswith("ed") and REDUCED.match(sent[m.end:c1]) and not _finite(sent, m, clause):
        passive = True
    if not recs:
        got = before(sent, m.start, c0) if passive else after(sent, m.end, c1)
        if got and not _taken(got, src):
            recs, tgt = [got[2]], got[:2]
    if not acts:
        if passive:
            by = re.match(r"\s+(?:[\w-]+\s+){0,2}?by\b", sent[m.end:min(c1, m.end + 40)])
            got = after(sent, m.end + by.end(), c1, prep=False) if by else None
        else:
            got = before(sent, m.start, c0) or _clause_subject(sent, m, c0) or _participle_subject(sent, m, c0) or \
                _postmodified_subject(sent, m, c0)
        if got and not _taken(got, tgt):
            acts, src = [got[2]], got[:2]
    return acts, recs, src, tgt


# what may follow a finite verb with no object to its clause's end: a few short adjuncts ("on Friday", "last
# week in the eastern town of X following an offensive"), then the end, an attribution (", a local official
# said") or a coordinated verb ("and were repelled", "but fled")
FINITE_REST = re.compile(r"(?:\s+(?:on|in|at|during|since|near|last|this|overnight|early|late|after|before|"
                         r"following|outside|inside|across|along|from|to|with|of)\b(?:\s+[\w'-]+){0,4}?){0,6}"
                         r"\s*(?:[.!?]?[\"”’']?\s*$|,\s+(?:[\w'.-]+\s+){1,5}(?:said|says|reported|added)\b|"
                         r",?\s+(?:and|but|then|before)\s+(?:\w+ly\s+)?(?:was|were|had|have|has|then|\w+ed)\b)")


def _finite(sent: str, m, clause: tuple[int, int]) -> bool:
    """The "-ed" trigger is the finite verb of a generic phrase that opens its clause ("The rebels attacked on
    Friday and were repelled", "Rebels surrendered last week."), not a reduced passive after a noun ("mourned the
    108 people killed on 25 May", "the people killed on 25 May were buried"): nothing before the phrase in the
    clause but an opening adverbial, and nothing after the verb but a short adjunct, the end or a second verb;
    and the verb is one that may stand without an object."""
    if sent[m.start:m.end].split()[-1].lower() in object_verbs():
        return False  # "23 civilians killed in blast": an active "killed" would have its object
    got = before(sent, m.start, clause[0], skip_aux=False)
    if got is None or got[1] != len(sent[:m.start].rstrip()):
        return False
    lead = sent[clause[0]:got[0]].strip()
    if lead and not re.search(r"(?:^|[,;:]|\b(?:and|but|then|so))$", lead):
        return False
    return bool(FINITE_REST.match(sent, m.end, clause[1]))


def _clause_subject(sent: str, m, c0: int):
    """The generic phrase that opens the trigger's clause and is followed by its verb, for a trigger in that verb's
    complement ("European Community foreign ministers agreed in principle on Saturday to provide …"): the
    complement's unstated subject is the clause's."""
    got = after(sent, c0, m.start, prep=False)
    if got is None or not re.match(r"\s+(?:\w+ly\s+)?(?:has|have|had|will|would|were|was|is|are|\w+ed)\b", sent[got[1]:m.start]):
        return None
    if not re.search(r"\bto\s+(?:\w+ly\s+)?$", sent[max(0, m.start - 20):m.start]):
        return None
    return got


# a reduced relative between a subject and its verb: "-ing" and up to four words, no comma ("gunmen firing from
# a car killed two policemen")
PARTICIPLE_GAP = re.compile(r"\s+(?P<ing>[a-z]+ing)(?:\s+[\w'-]+){0,4}\s+$")


def _participle_subject(sent: str, m, c0: int):
    """The generic phrase before a reduced "-ing" relative that ends at the trigger ("In Baghdad, gunmen firing
    from a car killed two high-ranking policemen"): the subject the relative qualifies acts."""
    gap = PARTICIPLE_GAP.search(sent, c0, m.start)
    if gap is None:
        return None
    got = before(sent, gap.start(), c0, skip_aux=False)
    return got if got and got[1] == gap.start() else None


# a place or origin phrase between a subject and its verb: "in western Libya", "from the north", "near the border"
POSTMODIFIER = re.compile(r"\s+(?:in|from|near|across|along|around|outside|inside)\s+(?:(?:the|[A-Za-z][\w'-]*)\s+){0,3}?"
                          r"[A-Z][\w'-]*(?:\s+(?:\w+ly|have|has|had|were|was|are|is))*\s+$")


def _postmodified_subject(sent: str, m, c0: int):
    """The generic phrase that opens the trigger's clause, a place phrase after it and then the verb ("Rebel forces
    in western Libya drove their offensive north"): the phrase is the subject, the place only locates it."""
    gap = POSTMODIFIER.search(sent, c0, m.start)
    got = before(sent, gap.start(), c0, skip_aux=False) if gap else None
    if got is None or got[1] != gap.start():
        return None
    lead = sent[c0:got[0]].strip()  # nothing before it but an opener or a dateline ("Aug 11 (Reuters) -")
    return got if not lead or re.search(r"(?:^|[,;:\-—]|\b(?:and|but|then|so))$", lead) else None


# a protest noun and the crowd it implies ("demonstrations" are the demonstrators'); a strike implies none (an
# "air strike", "such strike on the jihadists" is an attack), only its clause's subject may be its actor
CROWD_OF_NOUN = {"protest": "protesters", "demonstration": "demonstrators", "march": "marchers", "rally": "protesters",
                 "rallies": "protesters", "strike": "", "sit-in": "protesters"}


# a group noun right before a protest noun ("an opposition protest", "a student protest"): who protests. The group
# words are the generic heads (data/ontology/generic_heads.tsv) and CAMEO's OPP agent word "opposition", which
# that table leaves out (as a head it would make every "the opposition" a generic participant)
GROUP_MODIFIER = re.compile(r"\b(?:an?|the|their|its)\s+([a-z]+)\s+$")
OPPOSITION = ("opposition", "OPP")


def implied_crowd(sent: str, m, roles, clause: tuple[int, int]):
    """The actor of a protest noun: a group noun before it ("an opposition protest", "a student protest") whatever
    actor the clause gave; else, for an empty actor ("massive demonstrations calling for the ouster of X", "after an
    anti-government protest"), the generic phrase that opens the clause as its subject ("Thousands of textile
    workers have stopped work … in a strike"), else the crowd the noun implies (PLOVER's PROTEST actor is who
    protests; article gold codes "demonstrators", "protesters" there), its span the noun."""
    acts, recs, src, tgt = roles
    words = sent[m.start:m.end].split()
    if m.cue.event != "PROTEST" or len(words) != 1:
        return roles
    w = words[0].lower()
    name = CROWD_OF_NOUN.get(w, CROWD_OF_NOUN.get(w[:-1]) if w.endswith("s") else None)
    if name is None or (m.start, m.end) == tgt:
        return roles
    group = GROUP_MODIFIER.search(sent, max(0, m.start - 30), m.start)
    head = group and (OPPOSITION if group.group(1) == OPPOSITION[0] else heads().get((group.group(1),)))
    if head:  # "reported on an opposition protest": the modifier protests, not the subject of "reported"
        crowd = Actor(id=f"generic:{head[0]}", name=group.group(1), type="group", code=head[1] or None,
                      source="event-role")
        return [crowd], recs, group.span(1), tgt
    if acts:
        return roles
    subj = after(sent, clause[0], m.start, prep=False)
    if subj and not _taken(subj, tgt) and not sent[clause[0]:subj[0]].strip() and \
            re.search(r"\b(?:has|have|had|was|were|is|are|will|\w+ed)\b", sent[subj[1]:m.start]):
        return [subj[2]], recs, subj[:2], tgt
    if not name or re.search(r"\b(?:his|her|its|their|\w+['’]s)\s+(?:[\w-]+\s+){0,3}$", sent[max(0, m.start - 50):m.start],
                             re.I):
        return roles  # "Her touching and personal protest": whose protest it is is named, no crowd
    crowd = Actor(id="generic:protesters", name=name, type="group", code="OPP", source="event-role")
    return [crowd], recs, (m.start, m.end), tgt


# a trial noun: the court case is the prosecutors' accusation of whose trial it is (article gold README: ACCUSE,
# "prosecutors" as the implied actor)
TRIAL_NOUNS = frozenset({"trial", "retrial", "prosecution", "indictment"})
TRIED_POSSESSOR = re.compile(r"(?:['’]s?|\bwhose|\b(?:his|her|their|its))\s+(?:[\w-]+\s+){0,2}$", re.I)


def tried_party(sent: str, m, roles):
    """An ACCUSE read off a trial noun ("Dr X, whose trial is due to begin", "Y's trial"): the possessor is the
    accused (the recipient), not the accuser the nominal rule made it; the accuser is the prosecutors the noun
    implies, its span the noun. A trial with a recipient of its own ("the trial of X") only gains that actor."""
    acts, recs, src, tgt = roles
    words = sent[m.start:m.end].split()
    if m.cue.event != "ACCUSE" or len(words) != 1 or words[0].lower() not in TRIAL_NOUNS:
        return roles
    prosecutors = Actor(id="generic:prosecutors", name="prosecutors", type="group", code="JUD", source="event-role")
    poss = TRIED_POSSESSOR.search(sent, max(0, m.start - 40), m.start)
    if acts and not recs and src and poss and src[1] <= m.start:  # ("whose": the relative's antecedent)
        return [prosecutors], acts, (m.start, m.end), src
    if not acts and recs:
        return [prosecutors], recs, (m.start, m.end), tgt
    return roles


def as_modifier(sent: str, got):
    """The phrase ``got`` read as a noun's modifier ("a rebel offensive", "a police raid"): its article is the
    noun's, and a singular head names the group (the offensive is the rebels', not "a rebel"'s)."""
    s0, s1, who = got
    art = re.match(r"(?:an?|the)\s+", sent[s0:s1], re.I)
    s0 += art.end() if art else 0
    name = " ".join(sent[s0:s1].split())
    last = name.split()[-1] if name.split() else ""
    if last.islower() and (last + "s",) in heads():  # "rebel" -> "rebels", as the heads table spells it
        name += "s"
    return s0, s1, Actor(id=who.id, name=name, type=who.type, code=who.code, source=who.source)


def _taken(got, span) -> bool:
    return bool(span) and got[0] < span[1] and span[0] < got[1]


def is_generic(actor) -> bool:
    """A participant made here, not an actor record of the document."""
    return str(getattr(actor, "id", "")).startswith("generic:")
