"""Sense: whether an event cue's word is used in the sense that names its PLOVER event, read from its part of
speech in context and the semantic class of the noun it acts on.

Why a module of its own: the cue lexicon matches word forms, and several of those forms have a second, common
sense that names no event of the type. The vetoes of ``cue_vetoes.tsv`` list contexts one phrase at a time; the
checks here are general over every noun (issue 16: on T17 articles nobody had read, "threatened species" was a
THREATEN, "a surge in demand for timber" a REQUEST, "capturing leaking oil" an ASSAULT, "a crude oil release" a
RETREAT):

- ``prenominal``: an -ed / -ing cue word between a determiner and a noun is an adjective ("its threatened
  species", "the disputed result"), not an act;
- ``wrong_patient``: a cue whose event needs a patient of a class (``patient_classes.tsv``: a release frees people,
  a capture takes people or places, a deployment moves forces) and whose object, passive subject or compound
  modifier is a plain noun of no such class ("capturing leaking oil", "the release of recordings", "a ship deploys
  boom", "can kill birds"), or failing those what it leaves ("a retreat from universal principles");
- ``mass_demand``: "demand" as a mass noun of economics ("a surge in demand", "demand for timber"), where a
  political demand is a count noun ("a demand for", "their demands");
- ``talks_as_speech``: "talks" as a verb of speaking ("X talks to Y about …", "also talks about"), not the noun of
  negotiations.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parley.events.ontology import ONTOLOGY

WORD = re.compile(r"[A-Za-z](?:[\w'’-]|\.(?=\w))*(?:(?<=\.\w)\.)?|\d(?:[\d,.](?=\d)|\d)*|[^\w\s]")
DETS = frozenset("the a an its their his her this these those our your my every each some many several".split())
# words that end a noun phrase: prepositions, conjunctions, auxiliaries, relatives
BOUNDARY = frozenset("""in on at by for with from to into onto during after before since as of and or but that which
who whom whose while when where because than over under near off out up down about against amid via through across
is are was were be been being has have had will would could should can may might must do does did not also
said says""".split())
PARTICIPLES = frozenset("made held taken found seen shown sent kept given known left built written done brought "
                        "bought caught stolen hidden drawn put set".split())
PRONOUNS = frozenset("him her them us me you himself herself themselves ourselves those others everyone anyone "
                     "someone people".split())
REFLEXIVE = frozenset("itself themselves himself herself".split())  # "attack the virus itself": after the head
PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)
PRE_MODIFIER = re.compile(r"(?:\w+ly|most|more|less|already|once|now|still|long|newly|U\.[SNK]\.?)$")


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[tuple[re.Pattern, str, frozenset], ...], dict[str, frozenset]]:
    cues, nouns = [], {}
    for ln in (ONTOLOGY / "patient_classes.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if not ln.strip() or ln.startswith(("#", "section")):
            continue
        kind, a, b, *rest = ln.split("\t") + [""]
        if kind == "cue":
            cues.append((re.compile(a, re.I), b, frozenset(rest[0].split(";"))))
        elif kind == "noun":
            nouns[a] = frozenset(w.strip().lower() for w in b.split(";") if w.strip())
    return tuple(cues), nouns


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def prenominal(sent: str, m, etype: str | None) -> bool:
    """A one-word -ed / -ing cue used as an adjective: a determiner or possessive before it (an adverb or an
    abbreviated modifier such as "U.S." may stand between) and a plain lower-case noun after it ("many of its
    threatened species", "a U.S. threatened species"). An -ing word there is a gerund noun as often
    ("a meeting next week", "the bombing war"), so only -ed forms are read; a protest word keeps its event."""
    word = sent[m.start:m.end]
    if etype == "PROTEST" or " " in word or not word.lower().endswith("ed"):
        return False
    if sent[m.start - 1:m.start] == "-" and re.search(r"(?:^|\s)[a-z]+-$", sent[max(0, m.start - 30):m.start]):
        return True  # a hyphenated adjective of a common noun: "mortgage-backed securities" ("Russia-backed" names
        # the side that backs)
    after = _words(sent[m.end:m.end + 30])
    if not after or not re.fullmatch(r"[a-z][a-z-]+", after[0][2]) or after[0][2] in BOUNDARY \
            or after[0][2].endswith("ly") or after[0][2] in PRONOUNS:
        return False
    before = [w[2] for w in _words(sent[max(0, m.start - 40):m.start])][-3:]
    while before and PRE_MODIFIER.fullmatch(before[-1]) and before[-1].lower() not in DETS:
        before.pop()
    return bool(before) and (before[-1].lower() in DETS or before[-1].lower().endswith(("'s", "’s")))


def _covered(pos: int, mentions) -> bool:
    return any(a <= pos < b for a, b, _ in mentions)


def _head_after(sent: str, lo: int, limit: int = 6) -> tuple[int, str] | None:
    """The last word of the noun phrase opening at ``lo`` (up to ``limit`` words, to a boundary word or mark)."""
    head = None
    for a, _, w in _words(sent[lo:lo + 80])[:limit]:
        if not re.match(r"\w", w) or w.lower() in BOUNDARY or w.endswith("ly") or w in ("outright", "dead", "alive") \
                or w.lower() in REFLEXIVE \
                or (head and (w.endswith("ed") or w in PARTICIPLES)):
            break  # a participle after the noun opens a reduced relative ("methane gas locked up in …")
        head = (lo + a, w)
    return head


def _patient(sent: str, m) -> tuple[int, str] | None:
    """The patient word of a cue: its object ("captured the town"), the noun after "of" of a nominal ("the
    release of recordings"), else its passive subject ("the single was released"), else a lower-case compound
    modifier of a nominal ("a crude oil release from"), else the noun after "from" ("a retreat from principles")."""
    after = _words(sent[m.end:m.end + 12])
    if after and after[0][2].lower() == "of":
        return _head_after(sent, m.end + after[0][1])
    if after and re.match(r"\w", after[0][2]) and after[0][2].lower() not in BOUNDARY:
        return _head_after(sent, m.end)
    head = sent[:m.start]
    pas = PASSIVE.search(head)
    if pas:
        prev = _words(head[:pas.start()])
        return (prev[-1][0], prev[-1][2]) if prev and re.match(r"\w", prev[-1][2]) else None
    prev = _words(head)
    if prev and re.fullmatch(r"[a-z]+", prev[-1][2]) and prev[-1][2] not in BOUNDARY and prev[-1][2] not in DETS \
            and not prev[-1][2].endswith(("ly", "ed")):
        return prev[-1][0], prev[-1][2]
    if after and after[0][2].lower() == "from":  # what a retreat leaves: "a retreat from universal principles"
        return _head_after(sent, m.end + after[0][1])
    return None


def wrong_patient(sent: str, m, etype: str | None, mentions) -> bool:
    """The cue's event needs a participant as its patient and its patient is a plain lower-case noun of a thing
    class (``patient_classes.tsv``); a named patient (an actor mention or a capitalised word), one of no listed
    class or none found keeps the event."""
    cues, nouns = _table()
    word = sent[m.start:m.end]
    rule = next((r for r in cues if r[1] == etype and r[0].fullmatch(word)), None)
    if rule is None:
        return False
    pat = _patient(sent, m)
    if pat is None or _covered(pat[0], mentions) or not re.fullmatch(r"[a-z][a-z-]*|[A-Z]{2,4}s?", pat[1]):
        return False  # a name keeps the event; an acronym is read as a noun ("a DVD")
    return any(pat[1].lower() in nouns.get(c, ()) for c in rule[2])


ECONOMIC_BEFORE = frozenset("in of amid with on strong weak rising growing falling high low global world domestic "
                            "consumer slowing sluggish robust aggregate overall total increasing increased weakening "
                            "declining".split())


ECONOMIC_AFTER = frozenset("will would is was has had remains remained rose fell grew slowed weakened picked "
                           "outstrips outstripped exceeds exceeded".split())


def mass_demand(sent: str, m, etype: str | None) -> bool:
    """Singular "demand" with no determiner or possessive as the economic mass noun: after a preposition or an
    economic adjective ("a surge in demand", "strong demand"), before "for" ("demand for timber rose") or as a
    subject ("and demand will remain weak")."""
    if etype != "REQUEST" or sent[m.start:m.end].lower() != "demand":
        return False
    before = [w[2].lower() for w in _words(sent[max(0, m.start - 30):m.start])]
    after = [w[2].lower() for w in _words(sent[m.end:m.end + 12])]
    last = before[-1] if before else ""
    if last in ECONOMIC_BEFORE:
        return True
    if after and after[0] in ECONOMIC_AFTER and last not in DETS and not last.endswith(("'s", "’s")):
        return True  # "… and demand will remain weak": the bare mass noun as a subject
    if last in DETS or last.endswith(("'s", "’s")) or last in ("to", "not", "will", "would", "they", "we", "i", "you"):
        return False
    return bool(after) and after[0] == "for" and not (last and re.match(r"[a-z]", last) is None)


SUBJECT_BEFORE = frozenset("he she it who also and later now then".split())


def talks_as_speech(sent: str, m, etype: str | None, mentions) -> bool:
    """"talks" as the verb of speaking: a subject (an actor mention, a capitalised name, a subject pronoun,
    "also") right before and "about", an object pronoun ("talks them through"), or "to" followed by a name, a
    noun phrase or a count ("talks to one of its members") after ("Rosanne Cash talks to Bob Harris about …"):
    speaking is a statement, not CONSULT."""
    if etype != "CONSULT" or sent[m.start:m.end].lower() != "talks":
        return False
    after = _words(sent[m.end:m.end + 20])
    if not after or after[0][2].lower() not in ("about", "to", "them", "him", "her", "us", "me"):
        return False
    if after[0][2].lower() == "to" and (len(after) < 2 or re.fullmatch(r"[a-z]+", after[1][2])
                                          and after[1][2] not in DETS and not SPOKEN_TO.match(after[1][2])):
        return False  # "talks to end the war": the noun of negotiations with its aim
    before = _words(sent[max(0, m.start - 20):m.start])
    if not before:
        return False
    end = m.start - 20 + before[-1][1] if m.start >= 20 else before[-1][1]
    last = before[-1][2]
    return last.lower() in SUBJECT_BEFORE or last.endswith("ly") or any(b == end for _, b, _ in mentions) \
        or (last[:1].isupper() and last.lower() not in DETS and re.fullmatch(r"[A-Z][a-z]+", last) is not None)


SPOKEN_TO = re.compile(r"(?:reporters|journalists|one|two|three|four|five|several|some|many|students|viewers|"
                       r"listeners|fans|members)$")


def wrong_sense(sent: str, m, etype: str | None, mentions) -> bool:
    """Any of the checks above: the cue word is not used in the sense of ``etype``."""
    if etype is None:
        return False
    return (prenominal(sent, m, etype) or wrong_patient(sent, m, etype, mentions) or mass_demand(sent, m, etype)
            or talks_as_speech(sent, m, etype, mentions))
