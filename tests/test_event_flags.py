"""Flags (events/flags.py) on sentences written for the test: a negation or modal does not reach a finite past verb
coordinated after it, and a future modal reaches through a "to"-infinitive chain."""

from __future__ import annotations

from parley.events.flags import flags


def _flags(sentence: str, trigger: str) -> dict:
    i = sentence.index(trigger)
    return flags(sentence, i, i + len(trigger))


def test_a_past_verb_coordinated_after_a_negated_modal_is_its_own_act():
    f = _flags("The union said it will not stay silent and vowed to take the owners to court.", "vowed")
    assert not f["negated"] and not f["future"]
    # a bare verb after the coordinator is still under the modal and the negation
    f = _flags("The union will not stay silent and take the insult.", "take")
    assert f["negated"] and f["future"]
    # a past participle under "had not" stays negated
    assert _flags("The rebels had not attacked and killed the guards.", "killed")["negated"]


def test_a_future_modal_reaches_through_an_infinitive_chain():
    f = _flags("The mayor said the city would try to achieve this by working to isolate the gangs.", "isolate")
    assert f["future"] and not f["hypothetical"]
    assert not _flags("The mayor said the city tried to achieve this by working to isolate the gangs.",
                      "isolate")["future"]


def test_a_stated_aim_is_future():
    f = _flags("She said her aim was to press all sides to open the border.", "press")
    assert f["future"] and not f["negated"]
    assert not _flags("She said she pressed all sides to open the border.", "pressed")["future"]
