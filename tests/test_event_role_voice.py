"""parley.events.role_voice: passive, reduced passive and nominal triggers, on text written for each test."""

from __future__ import annotations

from parley.events.role_voice import agent_reach, is_nominal, passive_at, reduced_passive
from role_fixtures import cue, mentions

NAMES = {"Karnavia": "country", "Velor Union": "organization", "Tomas Brell": "person"}


def test_passive_and_coordinated_passive_but_not_progressive():
    s = "Tomas Brell was arrested by police."
    assert passive_at(s, cue(s, "arrested"))
    s = "Tomas Brell was beaten and arrested by police."
    assert passive_at(s, cue(s, "arrested"))
    s = "Karnavia is calling on the Velor Union to stop."
    assert not passive_at(s, cue(s, "calling", "REQUEST"))


def test_an_adverb_that_does_not_end_in_ly_may_stand_in_a_passive():
    """"Six more people were later shot dead …" was read active (only "-ly" adverbs were allowed), so the
    victims were the shooters' side."""
    s = "Two guards were later shot dead in Karnavia."
    assert passive_at(s, cue(s, "shot"))
    s = "Tomas Brell was also arrested."
    assert passive_at(s, cue(s, "arrested"))
    s = "Tomas Brell later arrested two guards."
    assert not passive_at(s, cue(s, "arrested"))


def test_reduced_passive_after_saw():
    s = "The clashes saw Tomas Brell shot dead."
    assert reduced_passive(s, cue(s, "shot"), mentions(s, NAMES))
    s = "Tomas Brell shot a guard."
    assert not reduced_passive(s, cue(s, "shot"), mentions(s, NAMES))


def test_the_by_agent_reach_stops_at_a_new_clause():
    s = "He was detained, and the Velor Union said by evening he was free."
    assert agent_reach(s, s.index("detained") + 8) == s.index(", and")


def test_nominal_with_its_own_arguments():
    s = "The arrest of Tomas Brell angered Karnavia."
    assert is_nominal(s, cue(s, "arrest"))
    s = "Karnavia's ban angered the Velor Union."
    assert is_nominal(s, cue(s, "ban", "COERCE"))
    s = "Thousands turned out for a rally."
    assert not is_nominal(s, cue(s, "rally", "PROTEST"))


def test_a_determiner_before_a_conjunction_makes_no_nominal_trigger():
    from parley.events.role_voice import is_nominal
    s = "Velor rebels seized a house in the city and fired rounds of rockets."
    assert not is_nominal(s, cue(s, "fired rounds"))
    s = "Velor rebels ended the heavy shelling of the city."
    assert is_nominal(s, cue(s, "shelling"))


def test_a_participle_after_its_participant_before_the_finite_verb_is_a_reduced_relative():
    names = {"Zorvan reporters": "group", "Velor Union": "organization"}
    s = "Three Zorvan reporters detained in Ostra on Monday were freed, the Velor Union said."
    assert reduced_passive(s, cue(s, "detained", "COERCE"), mentions(s, names))
    s = "Three Zorvan reporters detained by the guards have been freed."
    assert reduced_passive(s, cue(s, "detained", "COERCE"), mentions(s, names))
    # a headline: an always-transitive verb with no object before the attribution
    s = "Three Zorvan reporters detained, Velor Union says"
    assert reduced_passive(s, cue(s, "detained", "COERCE"), mentions(s, names))


def test_an_active_verb_and_a_thing_before_the_participle_are_no_reduced_relative():
    names = {"Zorvan reporters": "group", "Velor Union": "organization"}
    s = "Zorvan reporters attacked on Monday and were detained."  # "and": a second verb of the same subject
    assert not reduced_passive(s, cue(s, "attacked"), mentions(s, names))
    s = "Zorvan reporters retreated, the Velor Union said."  # an intransitive verb before an attribution
    assert not reduced_passive(s, cue(s, "retreated", "RETREAT"), mentions(s, names))
    s = "A report released by the Velor Union was read."  # a thing, not a participant
    assert not reduced_passive(s, cue(s, "released", "RETREAT"), mentions(s, names))


def test_a_verb_of_report_or_belief_may_stand_in_a_passive():
    """"Ten rebels were reported killed": the victims were read as the killers (the active subject), and the
    dateline country took the actor's place."""
    s = "Ten guards were reported killed in Karnavia."
    assert passive_at(s, cue(s, "killed"))
    s = "Tomas Brell is believed kidnapped."
    assert passive_at(s, cue(s, "kidnapped", "COERCE"))
    s = "Tomas Brell reported two guards killed."
    assert not passive_at(s, cue(s, "killed"))

def test_an_adverb_or_to_death_may_stand_in_a_reduced_relative():
    """"a young man allegedly beaten to death by police", "a student reportedly shot dead by soldiers": the man
    and the student undergo; "Police reportedly beat two protesters" stays active."""
    s = "The page honours a young man allegedly beaten to death by police in the capital."
    assert reduced_passive(s, cue(s, "beaten"), [])
    s = "A student reportedly shot dead by soldiers was buried on Friday."
    assert reduced_passive(s, cue(s, "shot"), [])
    s = "Police reportedly beat two protesters on Monday."
    assert not reduced_passive(s, cue(s, "beat"), mentions(s, {"Police": "group"}))
