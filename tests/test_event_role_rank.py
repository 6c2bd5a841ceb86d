"""The trained role chooser (parley.events.role_rank), on text written for it (fictional names): a clause subject
over an organisation named inside the object, the rules'
silence and their symmetric pairs kept, the features the shipped weights were trained for."""

from __future__ import annotations

import pytest

from parley.context import Context
from parley.events import annotate, role_rank
from role_fixtures import cue, mentions
from test_event_extraction import HAS_MODEL, OSTRAVIA, _doc

KARNAVIA = ("Karnavia", "country")
VELMAR = ("Velmar", "country")
UN = ("United Nations", "organization")


@pytest.fixture(scope="module")
def ctx():
    return Context()


def _typed(text: str, actors: dict, ctx, etype: str):
    evs = [e for e in annotate(_doc(text, actors), ctx).events if e.event == etype]
    assert evs
    return evs[0]


def test_weights_ship_for_these_features():
    assert role_rank.weights() is not None  # a feature list that no longer matches would silently switch it off


@pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")
def test_subject_not_an_organisation_inside_the_object(ctx):
    ev = _typed("Ostravia is ready to contribute to the planned United Nations monitoring mission deployment in "
                "Karnavia.", {"o": OSTRAVIA, "k": KARNAVIA, "u": UN}, ctx, "MOBILIZE")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["Karnavia"]


def test_a_side_the_rules_left_empty_stays_empty():
    sent = "Ostravia bombed the depot on Monday, Karnavia said."
    ms = mentions(sent, {"Ostravia": "country", "Karnavia": "country"})
    m = cue(sent, "bombed")
    roles = ([ms[0][2]], [], ms[0][:2], None)
    got = role_rank.choose(sent, m, ms, roles)
    assert got[1] == [] and got[3] is None


def test_the_reported_clauses_own_subject_is_not_traded_for_the_speaker():
    # the ranker learnt "X said it would …" (the speaker's own act); a named subject of the reported clause acts
    for sent, word in (("Tomas Brell said the Velor Guard threatened to beat them.", "threatened"),
                       ("Tomas Brell says the Velor Guard declined to return the camera.", "declined")):
        ms = mentions(sent, {"Tomas Brell": "person", "Velor Guard": "organization"})
        m = cue(sent, word, "THREATEN" if word == "threatened" else "REJECT")
        got = role_rank.choose(sent, m, ms, ([ms[1][2]], [], ms[1][:2], None))
        assert [a.name for a in got[0]] == ["Velor Guard"], sent


def test_symmetric_pair_kept():
    sent = "Talks between Ostravia and Karnavia resumed in Velmar."
    ms = mentions(sent, {"Ostravia": "country", "Karnavia": "country", "Velmar": "country"})
    m = cue(sent, "Talks", "CONSULT")
    roles = ([ms[0][2], ms[1][2]], [], ms[0][:2], ms[1][:2])
    assert role_rank.choose(sent, m, ms, roles) == roles


def test_recording_leaves_the_rules_roles():
    sent = "Karnavia accused Ostravia of shelling the border."
    ms = mentions(sent, {"Ostravia": "country", "Karnavia": "country"})
    m = cue(sent, "accused", "ACCUSE")
    roles = ([ms[0][2]], [ms[1][2]], ms[0][:2], ms[1][:2])
    role_rank.RECORD = []
    try:
        assert role_rank.choose(sent, m, ms, roles) == roles
        rec = role_rank.RECORD
    finally:
        role_rank.RECORD = None
    cands, X = rec[0]["actor"]
    assert X.shape == (len(cands), len(role_rank.NAMES)) and cands[-1] is None  # "nobody" last
    assert X[0, role_rank.INDEX["rule"]] == 1 and X[1, role_rank.INDEX["rule_other"]] == 1
