"""Which PLOVER type a cue trigger gets (issue 16, the type part): lexicon senses the PLOVER manual codes otherwise
than the first cue row said. Text written for each class, fictional names."""

from __future__ import annotations

import pytest

from parley.context import Context
from parley.events import annotate
from parley.events.coding import decide, find_article_cues
from parley.events.ontology import get_ontology
from test_event_extraction import HAS_MODEL, OSTRAVIA, VELOR, _doc


@pytest.fixture(scope="module")
def ctx():
    return Context()


def _first_event_cue(ctx, sent: str):
    return next(m for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event")


@pytest.mark.parametrize("sent, word", [
    ("Ostravia summoned the Velorian ambassador on Friday to complain about the border drills.", "summoned"),
    ("The foreign ministry summons the envoy of Brellia over the seized trawler.", "summons"),
    ("Officials summoned two senior diplomats to protest the expulsions.", "summoned"),
])
def test_summoning_a_diplomat_is_a_complaint(ctx, sent, word):
    m = _first_event_cue(ctx, sent)
    assert sent[m.start:m.end].startswith(word)
    etype, _ = decide(get_ontology(ctx), None, m.cue)
    assert etype == "ACCUSE" and m.cue.precise and m.cue.cameo == "114"  # the manual: ACCUSE, not COERCE or CONSULT


def test_a_summons_to_a_suspect_stays_coercion(ctx):
    m = _first_event_cue(ctx, "Police summoned the two shopkeepers for questioning on Monday.")
    assert m.cue.event == "COERCE"


@pytest.mark.parametrize("sent, word", [
    ("Prosecutors charged the former mayor with fraud on Tuesday.", "charged"),
    ("The two men were charged with smuggling weapons across the river.", "charged"),
    ("A grand jury indicted the company's owner last month.", "indicted"),
])
def test_charges_and_indictments_are_accusations(ctx, sent, word):
    m = _first_event_cue(ctx, sent)
    assert sent[m.start:m.end].startswith(word)
    assert (m.cue.event, m.cue.mode, m.cue.cameo) == ("ACCUSE", "allege", "1121")  # PLOVER ACCUSE allege


def test_an_arrest_is_still_coercion(ctx):
    m = _first_event_cue(ctx, "Police arrested the two shopkeepers and charged them with theft.")
    assert m.cue.event == "COERCE" and m.cue.mode == "arrest"


@pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")
def test_summoned_ambassador_in_the_pipeline(ctx):
    d = annotate(_doc("Ostravia summoned the ambassador of the Velor Union on Friday to complain about the drills.",
                      {"o": OSTRAVIA, "v": VELOR}), ctx)
    types = [e.event for e in d.events if e.kind == "event"]
    assert "ACCUSE" in types and "COERCE" not in types


@pytest.mark.parametrize("sent, etype, cameo", [
    ("The council lifted the travel ban on the two reporters on Monday.", "CONCEDE", "081"),
    ("Ostravia will ease the nightly curfew in the port city.", "RETREAT", "0813"),
    ("The junta lifted a three-month-old state of emergency in the capital.", "RETREAT", "0814"),
    ("The Velor Union lifted long-standing sanctions on Ostravia.", "RETREAT", "085"),
])
def test_lifting_a_measure_is_a_yield_not_the_measure(ctx, sent, etype, cameo):
    ms = [m for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]
    assert [(m.cue.event, m.cue.cameo) for m in ms] == [(etype, cameo)]  # the inner "ban"/"curfew" is not coded


def test_a_ban_alone_stays_coercion(ctx):
    m = _first_event_cue(ctx, "The council banned the opposition newspaper on Monday.")
    assert m.cue.event == "COERCE" and m.cue.precise


def _probs(**top) -> dict[str, float]:
    rest = (1.0 - sum(top.values())) / 14
    types = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
             "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
    return {t: top.get(t, rest) for t in types}


def test_a_cue_keeps_its_type_unless_the_classifier_is_very_sure(ctx):
    """The classifier types the marked pair's relation in the whole sentence, not the trigger: a lexicon cue
    ("imposed sanctions on") keeps its type against a fairly sure classifier, and yields only to a very sure one."""
    onto = get_ontology(ctx)
    sent = "Ostravia imposed sanctions on the Velor Union after the vote."
    m = _first_event_cue(ctx, sent)
    assert m.cue.event == "SANCTION" and not m.cue.precise
    etype, conf = decide(onto, _probs(COERCE=0.85, SANCTION=0.05), m.cue)
    assert etype == "SANCTION" and conf == pytest.approx(0.6 * 0.05 + 0.4)
    etype, _ = decide(onto, _probs(COERCE=0.95, SANCTION=0.02), m.cue)
    assert etype == "COERCE"
    ban = _first_event_cue(ctx, "The council banned the opposition newspaper on Monday.")
    assert decide(onto, _probs(ASSAULT=0.99), ban.cue)[0] == "COERCE"  # a precise cue decides outright


@pytest.mark.parametrize("sent, gone", [
    ("Diplomats in the capital said there was talk of a cease-fire in the north.", "cease-fire"),
    ("Hopes for a truce faded on Monday as the shelling went on.", "truce"),
    ("The ministry issued a press release on the floods.", "release"),
])
def test_a_topic_or_a_press_release_is_no_event(ctx, sent, gone):
    words = [sent[m.start:m.end] for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]
    assert gone not in words


def test_talks_about_a_truce_stay_a_meeting(ctx):
    sent = "The talks about a ceasefire resumed in the capital."
    assert [(sent[m.start:m.end], m.cue.event) for m in find_article_cues(get_ontology(ctx), sent)
            if m.cue.kind == "event"] == [("talks", "CONSULT")]


def test_the_charge_of_an_accusation_is_its_content(ctx):
    from parley.events.coding import event_matches
    onto = get_ontology(ctx)
    sent = "The rebel council accused the army of bombing the market in the old town."
    got = [sent[m.start:m.end] for m in event_matches(find_article_cues(onto, sent), sent)]
    assert got == ["accused"]  # the bombing is what is alleged, not a second event
    sent = "The rebels accused the army and then attacked the barracks."
    got = [sent[m.start:m.end] for m in event_matches(find_article_cues(onto, sent), sent)]
    assert got == ["accused", "attacked"]
