"""Sense checks of event cues (parley.events.sense) and period aggregates (codable.aggregate), on text written for
the tests: the word of a cue used in another sense names no event; the event sense is kept."""

from __future__ import annotations

import pytest

from parley.context import Context
from parley.events.codable import aggregate, since_began
from parley.events.coding import find_article_cues
from parley.events.ontology import get_ontology
from parley.events.sense import mass_demand, prenominal, talks_as_speech, wrong_patient, wrong_sense


@pytest.fixture(scope="module")
def onto():
    return get_ontology(Context())


def _event_cues(onto, s: str) -> list[str]:
    return [s[m.start:m.end] for m in find_article_cues(onto, s) if m.cue.kind == "event"]


def _cue(onto, sent: str, word: str):
    return next(m for m in find_article_cues(onto, sent) if sent[m.start:m.end] == word)


def test_participle_before_a_noun_is_an_adjective(onto):
    s = "The reserve shelters many of its threatened species and a U.S. threatened species of owl."
    assert prenominal(s, _cue(onto, s, "threatened"), "THREATEN")
    s2 = "The rebels threatened the town on Monday."
    assert not prenominal(s2, _cue(onto, s2, "threatened"), "THREATEN")


def test_patient_of_a_thing_class_is_no_participant(onto):
    s = "Crews were capturing leaking oil from the broken well."
    assert wrong_patient(s, _cue(onto, s, "capturing"), "ASSAULT", [])
    s = "Rebels captured the mosque in the old town."
    assert not wrong_patient(s, _cue(onto, s, "captured"), "ASSAULT", [])
    s = "Critics welcomed the release of recordings made in the 1970s."
    assert wrong_patient(s, _cue(onto, s, "release"), "RETREAT", [])
    s = "When the crust was punctured, methane was released into the air."
    assert wrong_patient(s, _cue(onto, s, "released"), "RETREAT", [])
    s = "The army released 20 trainees on Sunday."
    assert not wrong_patient(s, _cue(onto, s, "released"), "RETREAT", [])
    s = "A tugboat deploys boom to absorb the slick."
    assert wrong_patient(s, _cue(onto, s, "deploys"), "MOBILIZE", [])
    s = "Ostravia deployed troops to the border."
    assert not wrong_patient(s, _cue(onto, s, "deployed"), "MOBILIZE", [])


def test_economic_demand_is_no_request(onto):
    s = "The deal comes amid a surge in demand for hardwood."
    assert mass_demand(s, _cue(onto, s, "demand"), "REQUEST")
    s = "Demand for hardwood rose sharply last year."
    assert mass_demand(s, _cue(onto, s, "Demand"), "REQUEST")
    s = "The strikers repeated their demand for higher pay."
    assert not mass_demand(s, _cue(onto, s, "demand"), "REQUEST")
    s = "The shortage forces buyers elsewhere, thereby increasing demand and raising prices."
    assert mass_demand(s, _cue(onto, s, "demand"), "REQUEST")


def test_talks_as_a_verb_of_speaking_is_no_consult(onto):
    s = "Singer Ana Lee talks to Bob Harris about her latest record."
    m = _cue(onto, s, "talks")
    assert talks_as_speech(s, m, "CONSULT", [(7, 14, None)])
    s2 = "The talks about the border dispute resumed on Monday."
    assert not talks_as_speech(s2, _cue(onto, s2, "talks"), "CONSULT", [])
    assert not wrong_sense(s2, _cue(onto, s2, "talks"), "CONSULT", [])


def test_a_count_of_acts_over_a_period_is_an_aggregate(onto):
    s = "The group said it has documented more than 40 attacks on reporters since February."
    assert aggregate(s, _cue(onto, s, "attacks"))
    s = "The group said two attacks on reporters took place on Monday."
    assert not aggregate(s, _cue(onto, s, "attacks"))
    # a perfect-tense toll over a whole conflict is an aggregate too, attributed or not (the gold README: "killed
    # more than 1,400 since the uprising began" is not coded); a recent campaign or one occasion is kept
    for sent, word, want in (("Militants have killed more than 900 people since the revolt began.", "killed", True),
                             ("More than 200 villagers have been killed since the start of the revolt.", "killed", True),
                             ("Militants have killed at least 81 people since April.", "killed", False),
                             ("Militants have abducted 40 villagers since the start of the year.", "abducted", False),
                             ("Militants have killed 81 people since Friday in the hill towns.", "killed", False),
                             ("Militants killed 12 people in April.", "killed", False),
                             ("An envoy said 900 people had been detained since the rallies broke out on May 2 in "
                              "the port.", "detained", True),
                             ("An envoy said 900 people had been detained on May 2 in the port.", "detained", False)):
        assert aggregate(sent, _cue(onto, sent, word)) is want, sent


def test_the_event_a_period_is_counted_from_is_no_event(onto):
    for sent, word, want in (("Hundreds have fled the valley since protests broke out in March.", "protests", True),
                             ("Since the attacks began , the army has closed the border .", "attacks", True),
                             ("Protests broke out in March , and the army closed the border .", "Protests", False)):
        assert since_began(sent, _cue(onto, sent, word)) is want, sent


def test_bare_demand_as_a_subject_is_economic(onto):
    s = "Prices will fall and demand will remain weak next year."
    assert mass_demand(s, _cue(onto, s, "demand"), "REQUEST")
    s = "The union said the demand will be put to the board."
    assert not mass_demand(s, _cue(onto, s, "demand"), "REQUEST")


def test_a_disease_or_a_blast_in_a_relative_clause_is_a_mishap(onto):
    from parley.events.constructions import by_mishap

    s = "The virus strain that has struck Ostravia and its neighbours spreads fast."
    assert by_mishap(s, _cue(onto, s, "struck"), [])
    s = "A series of small explosions struck the port, and a rebel group claimed them."
    assert not by_mishap(s, _cue(onto, s, "struck"), [])
    s = "The spill began with an explosion on the drilling rig on 20 April, which also killed 11 workers."
    assert by_mishap(s, _cue(onto, s, "killed"), [])
    s = "Troops exchanged fire with gunmen in a southern city, killing at least 28 people."
    assert not by_mishap(s, _cue(onto, s, "killing"), [])


def test_a_superlative_class_is_no_second_event(onto):
    assert "attacks" not in _event_cues(onto, "The massacre was one of the worst attacks on civilians since 2011.")
    assert "attacks" in _event_cues(onto, "Rebels carried out two attacks on civilians on Monday.")
    assert "arrest" not in _event_cues(onto, "The singer suffered a cardiac arrest in June.")
    assert "close" not in _event_cues(onto, "Families fled to villages close to the border.")
    assert "arrest" in _event_cues(onto, "Police announced the arrest of the singer in June.")


def test_a_name_ending_in_s_before_a_nominal_is_a_modifier(onto):
    from parley.events.codable import names_no_side

    s = "Cables that were part of the WikiLeaks release showed how hard diplomacy can be."
    assert names_no_side(s, _cue(onto, s, "release"), "RETREAT", [], [])


def test_a_fronted_where_clause_is_background(onto):
    from parley.events.codable import background_where

    s = "In Velor, where rebels backed by foreign air strikes ousted the king, the army is still divided."
    assert background_where(s, _cue(onto, s, "air strikes"))
    s2 = "Rebels backed by foreign air strikes ousted the king of Velor on Monday."
    assert not background_where(s2, _cue(onto, s2, "air strikes"))


def test_talks_to_a_person_or_them_through_is_speaking(onto):
    s = "Huey talks to Todd about how he plans to tour."
    assert talks_as_speech(s, _cue(onto, s, "talks"), "CONSULT", [])
    s = "The host interviews people and talks them through their decisions."
    assert talks_as_speech(s, _cue(onto, s, "talks"), "CONSULT", [])
    s = "Ostravia talks to end the blockade resumed."
    assert not talks_as_speech(s, _cue(onto, s, "talks"), "CONSULT", [])


def test_a_new_release_is_a_record(onto):
    assert "release" not in _event_cues(onto, "The song comes from the singer's new release, Look To You.")
    assert "release" in _event_cues(onto, "Rights groups welcomed the latest release of prisoners.")


@pytest.mark.parametrize("sent, word, etype, vetoed", [
    ("The critic noticed a retreat from universal principles in the party.", "retreat", "RETREAT", True),
    ("The army began a retreat from the hills near Marsh.", "retreat", "RETREAT", False),
    ("The crude oil was released from the well.", "released", "RETREAT", True),  # the passive subject first
    ("These drugs do not attack the virus itself but an enzyme.", "attack", "ASSAULT", True),
    ("Gunmen attack the convoy itself near Marsh.", "attack", "ASSAULT", False),
    ("The company captured 2,200 barrels in the day.", "captured", "ASSAULT", True),
    ("The rebels captured 200 soldiers in the day.", "captured", "ASSAULT", False),
])
def test_what_a_retreat_leaves_or_an_attack_or_capture_takes(onto, sent, word, etype, vetoed):
    assert wrong_patient(sent, _cue(onto, sent, word), etype, []) is vetoed


def test_hyphenated_adjective_and_aggregate_demand(onto):
    s = "The fall depresses the value of mortgage-backed securities."
    assert prenominal(s, _cue(onto, s, "backed"), "SUPPORT")
    s2 = "Ostravia-backed fighters crossed the river."
    assert not prenominal(s2, _cue(onto, s2, "backed"), "SUPPORT")  # the backer is named
    s3 = "Other components of aggregate demand are also falling."
    assert mass_demand(s3, _cue(onto, s3, "demand"), "REQUEST")
