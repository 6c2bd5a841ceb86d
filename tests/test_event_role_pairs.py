"""parley.events.role_pairs: the two sides of a symmetric event and the pair anaphor, on text written for it."""

from __future__ import annotations

import re

from parley.document import Actor, Document
from parley.events import generic
from parley.events.role_pairs import doc_pairs, hosted, pair_anaphor, pair_of, pair_people
from parley.text import sentences
from role_fixtures import cue, mentions, names

NAMES = {"Velor Union": "organization", "Marsh Party": "organization", "Karnavia": "country"}


def test_between_and_of_give_the_pair():
    s = "Talks between the Velor Union and the Marsh Party resumed."
    assert names(pair_of(s, mentions(s, NAMES), cue(s, "Talks", "CONSULT"), "between")) == ["Velor Union",
                                                                                             "Marsh Party"]
    s = "A meeting of the Velor Union and the Marsh Party in Karnavia ended."
    assert names(pair_of(s, mentions(s, NAMES), cue(s, "meeting", "CONSULT"), "of")) == ["Velor Union",
                                                                                          "Marsh Party"]


def _doc(text: str) -> Document:
    doc = Document(id="x", text=text)
    doc.sentences = sentences(text, 0, len(text))
    for surf, typ in NAMES.items():
        spans = [[m.start(), m.end()] for m in re.finditer(re.escape(surf), text)]
        doc.actors.append(Actor(id=surf, name=surf, type=typ, mentions=spans))
    return doc


def test_the_two_parties_are_the_pair_named_before():
    text = "The Velor Union and the Marsh Party met in Karnavia. The two parties reached an agreement."
    doc = _doc(text)
    pairs = doc_pairs(doc)
    assert [[a.name for a in p[1]] for p in pairs] == [["Velor Union", "Marsh Party"]]
    s0 = doc.sentences[1][0]
    sent = text[s0:]
    roles = pair_anaphor(sent, cue(sent, "agreement", "AGREE"), s0, pairs, ([], [], None, None))
    assert [a.name for a in roles[0]] == ["Velor Union", "Marsh Party"] and roles[1] == []


def test_the_guest_of_hosted_visits_the_host():
    """Item f: "A on Saturday hosted B in this city for an informal meeting" had B as the only side: the guest is
    the visitor (actor), the host its recipient; a mention qualifying what is hosted ("hosting a Velor Union
    summit") is no guest."""
    s = "The Marsh Party on Saturday hosted the Velor Union in Korro for an informal meeting."
    m = cue(s, "meeting", "CONSULT")
    got = hosted(s, m, mentions(s, NAMES), ([], [], None, None), (0, len(s)))
    assert [a.name for a in got[0]] == ["Velor Union"] and [a.name for a in got[1]] == ["Marsh Party"]
    s = "The Marsh Party is hosting a Velor Union summit in Korro for talks on trade."
    m = cue(s, "talks", "CONSULT")
    assert hosted(s, m, mentions(s, NAMES), ([], [], None, None), (0, len(s)))[0] == []


def test_both_men_are_the_two_people_the_sentence_before_names_not_its_source():
    """"Both men agreed": the two people of the sentence before, not the spokesman who reported it; a phrase with
    nothing to resolve to stays as it is."""
    people = {"Tomas Varga": "person", "Ilse Morten": "person", "Pavel Orn": "person"}
    text = "Tomas Varga met Ilse Morten on Monday, said Pavel Orn. Both men agreed to meet again."
    doc = Document(id="x", text=text)
    doc.sentences = sentences(text, 0, len(text))
    for surf, typ in people.items():
        doc.actors.append(Actor(id=surf, name=surf, type=typ, mentions=[[text.index(surf), text.index(surf) + len(surf)]]))
    s0 = doc.sentences[1][0]
    sent = text[s0:]
    got = generic.before(sent, sent.index("agreed"), 0)
    assert got[2].name == "Both men"
    m = cue(sent, "agreed", "AGREE")
    roles = pair_people(doc, s0, m, ([got[2]], [], got[:2], None))
    assert [a.name for a in roles[0]] == ["Tomas Varga", "Ilse Morten"]
    alone = Document(id="y", text=sent)
    alone.sentences = sentences(sent, 0, len(sent))
    assert pair_people(alone, 0, m, ([got[2]], [], got[:2], None))[0] == [got[2]]
    two = "The two parties agreed to meet again."
    got = generic.before(two, two.index("agreed"), 0)
    assert got[2].name == "The two parties"  # a pair anaphor of a symmetric act is left to pair_anaphor
    assert pair_people(alone, 0, cue(two, "agreed", "AGREE"), ([got[2]], [], got[:2], None))[:3] == ([], [], None)
