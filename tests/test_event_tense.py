"""The tense a trigger's clause reads in (events/tense.py), on sentences written for the test: what dating.py may
give a day (the day's news, a past act) and what it must leave undated (durations and habits)."""

from __future__ import annotations

from parley.events.tense import tense


def read(sent: str, trigger: str) -> str:
    i = sent.index(trigger)
    return tense(sent, i, i + len(trigger))


def test_a_subordinate_clause_is_not_durative_by_the_main_clauses_so_far():
    sent = "While the army has moved more troops to the border, it has refused to attack so far."
    assert read(sent, "moved") == "present"
    assert read(sent, "refused") == "durative"
    assert read("Although the army has refused so far to attack, the rebels are retreating.", "refused") == "durative"
    # a trigger in the main clause after an opening subordinate clause keeps the whole main clause
    assert read("Since the revolt began, the army has kept watch so far.", "kept") == "durative"


def test_a_present_characterisation_is_a_habit():
    assert read("The colonel describes his opponents as traitors.", "describes") == "durative"
    assert read("The colonel has described his opponents as traitors.", "described") == "durative"
    assert read("The colonel described his opponents as traitors.", "described") == "past"
    assert read("The colonel describes the attack in detail.", "describes") == "present"
