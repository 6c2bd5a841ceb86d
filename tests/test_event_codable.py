"""codable.py: acts a sentence mentions without reporting them as new (issue 16, the false-event classes read on
T17 articles in no gold file: an act restated as the object of a reaction, what a request asks to end, the charge
of an accusation). Text written for each class, fictional names; documents built by hand as in
test_event_extraction, so that only the events stage is under test."""

from __future__ import annotations

import pytest

from parley.context import Context
from parley.events import annotate
from parley.events.codable import aim_of_act, regime_in_force, restated_nominal, since_began
from parley.events.coding import Match, event_matches, find_article_cues
from parley.events.ontology import get_ontology
from test_event_extraction import BRELL, HAS_MODEL, MARSH, OSTRAVIA, VELOR, _doc

pytestmark = pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")


@pytest.fixture(scope="module")
def ctx():
    return Context()


def _cues(ctx, sent: str) -> list[Match]:
    return find_article_cues(get_ontology(ctx), sent)


def _cue(ctx, sent: str, word: str) -> Match:
    return next(m for m in _cues(ctx, sent) if sent[m.start:m.end].startswith(word))


def _typed(doc) -> list[tuple[str, str]]:
    return [(e.event, e.trigger) for e in doc.events if e.event]


# ---------------------------------------------------------------- an act restated as the object of a reaction
@pytest.mark.parametrize("sent, word", [
    ("Ostravia condemned the shelling as a crime.", "shelling"),
    ("Tomas Brell said that the shelling was brutal.", "shelling"),
    ("The Velor Union denounced these attacks on the villages.", "attacks"),
    ("Brell called the attacks by what he described as thugs a clear attempt to scare voters.", "attacks"),
    ("Brell described the bombing as an outrage.", "bombing"),
    ("The Velor Union is divided over the lawsuit.", "lawsuit"),
    ("The crowd at the Karst protest numbered in the thousands.", "protest"),
])
def test_a_definite_act_under_a_reaction_is_restated(ctx, sent, word):
    assert restated_nominal(sent, _cue(ctx, sent, word), _cues(ctx, sent))


@pytest.mark.parametrize("sent, word", [
    ("Tomas Brell said the army attacked the villages.", "attacked"),  # a new clause, not a noun
    ("Ostravia condemned Monday's vote and its troops shelled the villages.", "shelled"),
    ("Brell called the shelling off on Monday.", "shelling"),  # no characterisation follows
    ("The Velor Union is divided over the lawsuit against Brell.", "lawsuit"),  # its argument: told anew
    ("Brell added that he will meet with the envoy next week.", "meet"),  # a clause after "that"
    ("Brell said the next meeting of the two parties should focus on pay.", "meeting"),  # a new occasion
    ("Brell condemned the latest attacks on the villages.", "attacks"),
    ("Ostravia voted despite the forced dissolution last year of the Marsh Party.", "dissolution"),
])
def test_a_new_clause_is_not_restated(ctx, sent, word):
    assert not restated_nominal(sent, _cue(ctx, sent, word), _cues(ctx, sent))


def test_a_restated_act_is_coded_once(ctx):
    text = ("Velor Union troops shelled the town of Karst on Monday.\n"
            "Ostravia condemned the shelling as a crime.")
    d = annotate(_doc(text, {"v": VELOR, "o": OSTRAVIA}), ctx)
    assert [t for t, _ in _typed(d)].count("ASSAULT") == 1
    assert "ACCUSE" in [t for t, _ in _typed(d)]


def test_a_reaction_that_first_tells_the_act_keeps_it(ctx):
    # no earlier sentence tells the shelling: this one is its first statement
    d = annotate(_doc("Ostravia condemned the shelling of Karst by the Velor Union.", {"v": VELOR, "o": OSTRAVIA}),
                 ctx)
    assert "ASSAULT" in [t for t, _ in _typed(d)]


# ---------------------------------------------------------------- what a request asks to end
@pytest.mark.parametrize("sent, word", [
    ("The Marsh Party called for an end to the attacks on civilians in the north.", "attacks"),
    ("Farmers voiced demands for an end to land seizures , arrests without trial and fraud.", "arrests"),
    ("The union urged the mayor to halt what it called a campaign of arbitrary arrests.", "arrests"),
])
def test_what_a_request_asks_to_end_is_its_content(ctx, sent, word):
    cues = event_matches(_cues(ctx, sent), sent)
    assert aim_of_act(sent, _cue(ctx, sent, word), cues)


def test_the_noun_phrases_a_call_asks_for_are_its_content(ctx):
    sent = "The draft calls for a freeze of Brell 's assets and an arms embargo against Ostravia ."
    assert aim_of_act(sent, _cue(ctx, sent, "embargo"), event_matches(_cues(ctx, sent), sent))
    # a verb among the words: a clause of its own
    sent2 = "The Marsh Party called for calm as Ostravia imposed an embargo on the Velor Union ."
    assert not aim_of_act(sent2, _cue(ctx, sent2, "imposed"), event_matches(_cues(ctx, sent2), sent2))


def test_a_request_beside_a_done_act_keeps_it(ctx):
    sent = "The Marsh Party called for calm after the army attacked the villages."
    assert not aim_of_act(sent, _cue(ctx, sent, "attacked"), event_matches(_cues(ctx, sent), sent))


# ---------------------------------------------------------------- the charge of an accusation
def test_the_charge_of_an_accusation_is_no_second_event(ctx):
    sent = "Tomas Brell accused the Velor Union of launching an all-out assault to crush dissent."
    assert aim_of_act(sent, _cue(ctx, sent, "assault"), event_matches(_cues(ctx, sent), sent))
    d = annotate(_doc(sent, {"b": BRELL, "v": VELOR}), ctx)
    assert [t for t, _ in _typed(d)] == ["ACCUSE"]
    sent2 = "Tomas Brell accused the Velor Union of fraud, and Ostravia attacked the Marsh Party."
    assert not aim_of_act(sent2, _cue(ctx, sent2, "attacked"), event_matches(_cues(ctx, sent2), sent2))
    d = annotate(_doc(sent2, {"b": BRELL, "v": VELOR, "o": OSTRAVIA, "m": MARSH}), ctx)
    assert "ASSAULT" in [t for t, _ in _typed(d)]


def test_the_act_asked_of_the_addressee_is_the_requests_content(ctx):
    sent = "The council called on its fighters not to engage in reprisal attacks against the Marsh Party."
    assert aim_of_act(sent, _cue(ctx, sent, "attacks"), event_matches(_cues(ctx, sent), sent))
    d = annotate(_doc(sent, {"m": MARSH}), ctx)
    assert "ASSAULT" not in [t for t, _ in _typed(d)]


# ---------------------------------------------------------------- a sanctions regime in force, a period's start
@pytest.mark.parametrize("sent, word, gone", [
    ("Ostravia said it did not break a U.N. arms embargo by flying rifles to the rebels.", "embargo", True),
    ("Brell warned that the Velor Union was trying to evade sanctions.", "sanctions", True),
    ("Ten ships patrol the coast to enforce the arms embargo.", "embargo", True),
    ("Ostravia imposed an arms embargo on the Velor Union on Monday.", "imposed", False),
    ("The Marsh Party imposed sanctions on Ostravia after the vote.", "imposed", False),
])
def test_a_regime_in_force_is_no_imposition(ctx, sent, word, gone):
    assert regime_in_force(sent, _cue(ctx, sent, word)) is gone


def test_a_regime_in_force_lets_the_other_cues_keep_their_types(ctx):
    text = "Ostravia said it did not break a U.N. arms embargo by sending rifles to the Marsh Party."
    d = annotate(_doc(text, {"o": OSTRAVIA, "m": MARSH}), ctx)
    assert not [t for t, trig in _typed(d) if "embargo" in trig]


def test_the_start_a_period_is_counted_from_is_no_event(ctx):
    sent = "More than 300 people have died since the start of the protests against Brell in March."
    assert since_began(sent, _cue(ctx, sent, "protests"))
    sent3 = "The team is the first Ostravia has allowed in since the deadly crackdown on protests began ."
    assert since_began(sent3, _cue(ctx, sent3, "protests"))
    sent4 = "Over 900 have died since protests against Ostravia 's president began in March ."
    assert since_began(sent4, _cue(ctx, sent4, "protests"))
    sent2 = "Protests against Brell started in March."
    assert not since_began(sent2, _cue(ctx, sent2, "Protests"))
