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
