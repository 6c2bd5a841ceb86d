"""parley.events.role_phrases: where a mention stands (place, report source, possessor, aside), text written for
each test with fictional names."""

from __future__ import annotations

from parley.events.role_phrases import eligible, in_parens, is_place, is_poss, is_source, past_form, uniq
from role_fixtures import mentions

NAMES = {"Karnavia": "country", "Velor Union": "organization", "Tomas Brell": "person"}


def _m(sent: str, surf: str):
    return next(x for x in mentions(sent, NAMES) if x[2].name == surf)


def test_a_country_after_in_from_or_to_is_a_place_unless_the_act_is_directed_at_it():
    s = "Troops in Karnavia fired on the crowd."
    assert is_place(s, _m(s, "Karnavia"))
    s = "The Velor Union sent aid to Karnavia."
    assert is_place(s, _m(s, "Karnavia"))  # a country after "to" is where, unless the act is directed at it
    assert not is_place(s, _m(s, "Karnavia"), goal_ok=True)
    s = "Fighters from Karnavia crossed the border."
    assert is_place(s, _m(s, "Karnavia"))
    s = "An official from the Velor Union spoke."
    assert not is_place(s, _m(s, "Velor Union"))  # "from X" is a place for a country only


def test_forces_loyal_to_a_side_are_not_at_a_place_and_based_is():
    s = "Forces loyal to Tomas Brell attacked."
    assert not is_place(s, _m(s, "Tomas Brell"))
    s = "The Karnavia-based group attacked."
    assert is_place(s, _m(s, "Karnavia"))


def test_report_sources_possessors_and_parentheses():
    s = "Troops shelled the town, Tomas Brell said."
    assert is_source(s, _m(s, "Tomas Brell"))
    s = "Troops shelled the town, according to the Velor Union."
    assert is_source(s, _m(s, "Velor Union"))
    s = "Troops shelled the town, Tomas Brell here said on Monday."  # an adverb before the speech verb
    assert is_source(s, _m(s, "Tomas Brell"))
    s = "Karnavia's army shelled the town (Velor Union)."
    assert is_poss(s, _m(s, "Karnavia")) and in_parens(s, _m(s, "Velor Union"))


def test_the_penn_treebank_possessive_of_tokenised_text_is_a_possessive():
    s = "Troops met Karnavia 's president and Velor Union 'superpower' envoys."
    assert is_poss(s, _m(s, "Karnavia"))
    assert not is_poss(s, _m(s, "Velor Union"))  # a quote opening after a space is no possessive


def test_an_aside_is_not_eligible_unless_it_holds_the_position():
    s = "Tomas Brell, echoing the Velor Union, attacked Karnavia."
    ms = mentions(s, NAMES)
    assert [x[2].name for x in eligible(s, ms, s.index("attacked"))] == ["Tomas Brell", "Karnavia"]
    assert "Velor Union" in [x[2].name for x in eligible(s, ms, s.index("echoing") + 3)]


def test_past_forms_and_uniq():
    assert past_form("arrested") and past_form("met") and not past_form("threat")
    a = mentions("Karnavia met Tomas Brell and Karnavia", NAMES)
    assert [x.name for x in uniq([x[2] for x in a])] == ["Karnavia", "Tomas Brell"]


def test_an_official_of_a_side_who_said_it_is_a_source():
    s = "Karnavia sheltered the refugees, a Velor Union official said."
    assert is_source(s, _m(s, "Velor Union"))
    s = "Protesters rallied against the Velor Union, officials said."
    assert not is_source(s, _m(s, "Velor Union"))  # the officials are another subject


def test_a_phrase_between_spaced_dashes_after_a_name_is_an_aside_not_after_a_common_noun():
    s = "Tomas Brell - the Velor Union 's rival in the vote - called for strikes."
    assert eligible(s, mentions(s, NAMES), s.index("called")) == [_m(s, "Tomas Brell")]
    s = "The Velor Union 's top official - envoy Tomas Brell - called for strikes."
    assert _m(s, "Tomas Brell") in eligible(s, mentions(s, NAMES), s.index("called"))


def test_a_reporter_with_its_acronym_or_a_described_body_is_a_source():
    from parley.events.role_phrases import is_source
    s = "Troops beat the marchers, Velor Watch (VW) said Thursday."
    assert is_source(s, (s.index("Velor"), s.index(" (VW)"), None))
    s = "Troops beat the marchers, the Velor refugee agency reported."
    assert is_source(s, (s.index("Velor"), s.index(" refugee"), None))
    s = "Troops beat the Velor refugees near the camp."  # a participant, no report verb
    assert not is_source(s, (s.index("Velor"), s.index(" refugees"), None))


def test_a_compass_or_holder_adjective_between_the_preposition_and_the_country_keeps_it_a_place():
    for s in ("Gunmen shot two guards in southeastern Karnavia.", "The army shelled a village in east Karnavia.",
              "Rebels ambushed a convoy in rebel-held Karnavia."):
        assert is_place(s, _m(s, "Karnavia")), s
    s = "The envoy praised bold Karnavia."
    assert not is_place(s, _m(s, "Karnavia"))


def test_a_mention_after_a_subject_pronoun_of_the_reported_clause_is_no_source():
    s = "Tomas Brell said he urged Karnavia to release the camera."
    assert not is_source(s, _m(s, "Karnavia"))
    s = "The minister told reporters they would meet Karnavia soon."
    assert not is_source(s, _m(s, "Karnavia"))
    s = "The talks failed, said Karnavia."  # an inverted attribution still is
    assert is_source(s, _m(s, "Karnavia"))


def test_deserters_and_families_of_a_force_are_not_that_force():
    from role_fixtures import mentions as ms
    s = "Ten soldiers were killed in attacks by army deserters."
    army = next(x for x in ms(s, {"army": "group"}))
    assert not eligible(s, [army], len(s))
    s = "Ten soldiers were killed in attacks by the army."
    assert eligible(s, [next(x for x in ms(s, {"army": "group"}))], len(s))


def test_a_named_side_with_a_common_noun_head_before_an_act_noun_is_its_doer_not_a_participant():
    from parley.events.role_phrases import is_modifier
    from role_fixtures import mentions as ms
    s = "The premier rejected Karnavian army intervention in the valley."
    army = next(x for x in ms(s, {"Karnavian army": "military"}))
    assert is_modifier(s, army) and not eligible(s, [army], 0)
    s = "Rebels attacked a Karnavian army base in the valley."  # a thing it owns: the army is the target
    assert not is_modifier(s, next(x for x in ms(s, {"Karnavian army": "military"})))
    s = "The premier rejected Karnavia intervention."  # a bare name is no common-noun head
    assert not is_modifier(s, _m(s, "Karnavia"))


def test_a_date_adjunct_after_the_trigger_closes_its_object_window_at_its_comma():
    from parley.events.role_phrases import date_end
    s = "After a march on 3 June, the Velor Union began talks."
    pos = s.index("march") + len("march")
    assert date_end(s, pos, len(s)) == s.index(",")
    s = "Crowds gathered again on Sunday, and police watched."
    assert date_end(s, s.index("gathered") + 8, len(s)) == s.index(",")
    s = "After a march on the Velor Union office, the police came."  # "on" + a place: no date
    assert date_end(s, s.index("march") + 5, len(s)) == len(s)


def test_a_report_verb_after_a_passive_auxiliary_opens_no_reported_clause():
    """"Ten guards were reported killed": "reported" is part of the passive, so its subject (the victims) is
    within reach; "officials reported that …" still opens a reported clause."""
    from parley.events.role_phrases import reported_start

    s = "Ten guards were reported killed in Karnavia."
    assert reported_start(s, s.index("killed")) == 0
    s = "Officials reported that ten guards were killed."
    assert reported_start(s, s.index("killed")) == s.index("ten")

def test_a_past_participle_with_its_by_agent_is_an_aside_but_led_by_is_not():
    """"the draft, obtained by X, would ask …": who obtained or saw the text does not act in it; the leader of a
    group ("the rebels, led by X, attacked") takes part in what it does."""
    s = "According to the draft, obtained by the Velor Union, Karnavia would ask for talks."
    ms = mentions(s, NAMES)
    assert [x[2].name for x in eligible(s, ms, s.index("ask"))] == ["Karnavia"]
    s = "The rebels, led by Tomas Brell, attacked Karnavia."
    assert "Tomas Brell" in [x[2].name for x in eligible(s, mentions(s, NAMES), s.index("attacked"))]


def test_a_byline_glued_to_the_lede_holds_no_side():
    s = "May 3 , 2011 | From Tomas Brell , CNN While some governments back Karnavia , the Velor Union does not."
    ms = mentions(s, NAMES)
    assert [x[2].name for x in eligible(s, ms, s.index("back"))] == ["Karnavia", "Velor Union"]


def test_men_of_military_age_are_no_soldiers():
    s = "All men of military age were detained."
    ms = mentions(s, {"military": "group"})
    assert eligible(s, ms, s.index("detained")) == []
