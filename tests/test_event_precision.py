"""Events that should not be emitted, or not with that type or date (issue 16, the false-positive classes of the
article gold's tune slice). Text written for each class, fictional names; documents built by hand as in
test_event_extraction, so that only the events stage is under test."""

from __future__ import annotations

import pytest

from parley.context import Context
from parley.events import annotate
from parley.events.annotate import SPEECH_ACTS, demand_of_protest
from parley.events.codable import (
    adjunct_ing,
    aim_of_act,
    conditional,
    named_past,
    names_no_side,
    never_done,
    option_judged,
    reported_in_quote,
)
from parley.events.coding import Match, find_article_cues
from parley.events.ontology import get_ontology
from test_event_extraction import BRELL, HAS_MODEL, MARSH, OSTRAVIA, PUB, VELOR, _doc

pytestmark = pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")


@pytest.fixture(scope="module")
def ctx():
    return Context()


def _types(doc) -> list[str | None]:
    return [e.event for e in doc.events if e.kind == "event"]


def _cue(ctx, sent: str, word: str) -> Match:
    return next(m for m in find_article_cues(get_ontology(ctx), sent) if sent[m.start:m.end].startswith(word))


def _event(ctx, text: str, actors: dict, etype: str, times=()):
    """The first event of ``etype`` the stage codes in ``text`` (asserting there is one)."""
    evs = [e for e in annotate(_doc(text, actors, times), ctx).events if e.event == etype]
    assert evs, (etype, text)
    return evs[0]


# ---------------------------------------------------------------- speech acts are verbal acts
def test_speech_types_are_verbal_only():
    assert "CONSULT" not in SPEECH_ACTS and "AID" not in SPEECH_ACTS and "ASSAULT" not in SPEECH_ACTS
    assert {"REQUEST", "ACCUSE", "REJECT", "AGREE"} <= SPEECH_ACTS


# ---------------------------------------------------------------- no side named
def test_bare_nominal_and_adjunct_triggers(ctx):
    s = "The losses kept growing, threatening to overwhelm the fund and the government's support."
    assert adjunct_ing(s, _cue(ctx, s, "threatening"))
    assert names_no_side(s, _cue(ctx, s, "threatening"), "THREATEN", [], [object()])  # a recipient is not a side
    assert names_no_side(s, _cue(ctx, s, "support"), "SUPPORT", [], [])
    assert not names_no_side(s, _cue(ctx, s, "support"), "SUPPORT", [object()], [])  # an actor found: kept
    s2 = "Three villages were attacked."
    assert not names_no_side(s2, _cue(ctx, s2, "attacked"), "ASSAULT", [], [])  # a finite verb: the roles missed
    s3 = "The rally ended after four assaults on the marchers."
    assert names_no_side(s3, _cue(ctx, s3, "assaults"), "ASSAULT", [], [])  # a counted nominal names no side


def test_side_less_nominal_event_is_dropped(ctx):
    d = annotate(_doc("The losses kept growing, threatening to overwhelm the government's support.", {}), ctx)
    assert not [t for t in _types(d) if t in ("THREATEN", "SUPPORT")]


# ---------------------------------------------------------------- a state does not PROTEST
def test_protests_met_by_a_state_are_the_protesters(ctx):
    d = annotate(_doc("Ostravia cracked down on protests in the capital on Monday.", {"o": OSTRAVIA},
                      [("Monday", "2013-09-16", "day")]), ctx)
    pr = [e for e in d.events if e.event == "PROTEST"]
    assert pr and pr[0].actor == ["protesters"] and pr[0].recipient == ["Ostravia"]
    assert any(e.event == "COERCE" and e.actor == ["Ostravia"] for e in d.events)


def test_a_state_protesting_by_word_accuses(ctx):
    d = annotate(_doc("Ostravia protested the decision of the Velor Union on Monday.", {"o": OSTRAVIA, "v": VELOR},
                      [("Monday", "2013-09-16", "day")]), ctx)
    ev = [e for e in d.events if e.actor == ["Ostravia"] and e.event]
    assert ev and ev[0].event == "ACCUSE" and ev[0].cameo == "111"
    assert "PROTEST" not in _types(d)


def test_a_blockade_is_never_a_protest_by_word(ctx):
    """Blocking roads names no verbal protest: a state side there is a mention inside the crowd's phrase, so the crowd
    blocks; police or troops blocking passage restrict it (COERCE)."""
    d = annotate(_doc("Rebels in Ostravia on Monday blocked the main highway into the capital.", {"o": OSTRAVIA},
                      [("Monday", "2013-09-16", "day")]), ctx)
    assert [(e.event, e.actor) for e in d.events if e.event] == [("PROTEST", ["protesters"])]
    police = _doc("The riot squads blocked the main highway into the capital on Monday.",
                  {"p": ("riot squads", "group")}, [("Monday", "2013-09-16", "day")])
    police.actors[0].code = "OSTCOP"
    assert [e.event for e in annotate(police, ctx).events if e.event] == ["COERCE"]


def test_a_state_qualifying_the_crowd_does_not_protest_by_word(ctx):
    """"Opponents of the government clashed with police": the state qualifies the crowd's noun, the crowd riots."""
    doc = _doc("Opponents of the Ostravia government clashed with police in the capital on Monday.",
               {"o": ("Ostravia government", "organization")}, [("Monday", "2013-09-16", "day")])
    doc.actors[0].code = "OSTGOV"
    types = _types(annotate(doc, ctx))
    assert "PROTEST" in types and "ACCUSE" not in types


def test_the_crowd_is_named_where_its_phrase_is(ctx):
    """The crowd of "Opponents of the Ostravia government clashed with police" is that phrase (its span), not the
    trigger: ConfliBERT codes "Opponents of the … government" as the actor."""
    text = "Opponents of the Ostravia government clashed with police in the capital on Monday."
    doc = _doc(text, {"o": ("Ostravia government", "organization")}, [("Monday", "2013-09-16", "day")])
    doc.actors[0].code = "OSTGOV"
    ev = next(e for e in annotate(doc, ctx).events if e.event == "PROTEST")
    assert ev.actor == ["protesters"] and text[slice(*ev.actor_spans[0])] == "Opponents of the Ostravia government"


def test_demand_made_by_demonstrating_is_no_request(ctx):
    s = "Large demonstrations calling for the ouster of Tomas Brell filled the square."
    assert demand_of_protest(s, _cue(ctx, s, "calling"), "REQUEST")
    d = annotate(_doc(s, {"b": BRELL}), ctx)
    assert "REQUEST" not in _types(d)


# ---------------------------------------------------------------- cues the lexicon lacked
def test_destroying_is_assault(ctx):
    d = annotate(_doc("The Velor Union destroyed the bridges of the Marsh Party on Monday.",
                      {"v": VELOR, "m": MARSH}, [("Monday", "2013-09-16", "day")]), ctx)
    ev = [e for e in d.events if e.event == "ASSAULT"]
    assert ev and ev[0].actor == ["Velor Union"] and ev[0].mode == "destroy"


def test_air_support_is_aid_not_support(ctx):
    d = annotate(_doc("Ostravia provided air support to the Marsh Party on Monday.", {"o": OSTRAVIA, "m": MARSH},
                      [("Monday", "2013-09-16", "day")]), ctx)
    assert "AID" in _types(d) and "SUPPORT" not in _types(d)
    d = annotate(_doc("The Marsh Party advanced with air support from Ostravia.", {"o": OSTRAVIA, "m": MARSH}), ctx)
    assert "SUPPORT" not in _types(d)


def test_no_intention_of_yielding_is_reject(ctx):
    d = annotate(_doc("Tomas Brell said on Monday he had no intention of stepping down.", {"b": BRELL},
                      [("Monday", "2013-09-16", "day")]), ctx)
    assert "REJECT" in _types(d) and "RETREAT" not in _types(d)


def test_vowing_to_hold_accountable_is_threaten(ctx):
    d = annotate(_doc("Tomas Brell will not stay quiet and vowed to hold the Marsh Party accountable.",
                      {"b": BRELL, "m": MARSH}), ctx)
    assert "THREATEN" in _types(d) and "REJECT" not in _types(d)


def test_claiming_responsibility_is_a_statement(ctx):
    d = annotate(_doc("The Marsh Party claimed responsibility for the attack on the Velor Union offices.",
                      {"m": MARSH, "v": VELOR}), ctx)
    assert "ASSAULT" not in _types(d)
    assert any(e.kind == "statement" and e.cameo == "015" for e in d.events)


# ---------------------------------------------------------------- cue words in a non-event sense
def test_vetoed_senses(ctx):
    for text in ("Tomas Brell unrolls a mat and lies back down.",
                 "The Velor Union said the wounded were taken to a clinic.",
                 "The Velor Union plan aims at arresting the decline of the Marsh Party.",
                 "The Velor Union kidnapped two men in an attempt to secure the release of its leader.",
                 "Tomas Brell sent condolences to the Marsh Party after the attack that killed nine people."):
        d = annotate(_doc(text, {"v": VELOR, "m": MARSH, "b": BRELL}), ctx)
        assert not {"CONCEDE", "COERCE", "RETREAT"} & set(_types(d)), (text, _types(d))
        if "wounded" in text or "condolences" in text:
            assert "ASSAULT" not in _types(d), text


# ---------------------------------------------------------------- dates the text does not give
def test_durative_and_nominal_past_and_future_are_undated(ctx):
    d = annotate(_doc("The Velor Union has refused to meet the Marsh Party so far.", {"v": VELOR, "m": MARSH}), ctx)
    ev = [e for e in d.events if e.event == "REJECT"]
    assert ev and ev[0].date is None and ev[0].date_basis == "none"
    d = annotate(_doc("There were reports of air strikes by the Velor Union on the Marsh Party.",
                      {"v": VELOR, "m": MARSH}), ctx)
    ev = [e for e in d.events if e.event == "ASSAULT"]
    assert ev and ev[0].date is None
    d = annotate(_doc("The Velor Union will arrest Tomas Brell.", {"v": VELOR, "b": BRELL}), ctx)
    ev = [e for e in d.events if e.event == "COERCE"]
    assert ev and ev[0].date is None and ev[0].future


def test_present_news_keeps_the_publication_date(ctx):
    d = annotate(_doc("The Velor Union accuses the Marsh Party of fraud.", {"v": VELOR, "m": MARSH}), ctx)
    ev = [e for e in d.events if e.event == "ACCUSE"]
    assert ev and ev[0].date == PUB and ev[0].date_basis == "publication"


# ---------------------------------------------------------------- acts that did not happen, meetings with no parties
def test_hoped_for_act_is_not_coded(ctx):
    d = annotate(_doc("Officials of the Velor Union had hoped Tomas Brell would promise an open dialogue.",
                      {"v": VELOR, "b": BRELL}), ctx)
    assert "AGREE" not in _types(d)
    d = annotate(_doc("Tomas Brell hopes that the Marsh Party can stage the festival next spring.",
                      {"b": BRELL, "m": MARSH}), ctx)
    assert _types(d) == []


def test_meeting_noun_without_parties(ctx):
    d = annotate(_doc("The Velor Union plan is part of a broader discussion about ways to revive lending.",
                      {"v": VELOR}), ctx)
    assert "CONSULT" not in _types(d)
    d = annotate(_doc("Tomas Brell held a discussion with the Marsh Party on Monday.", {"b": BRELL, "m": MARSH},
                      [("Monday", "2013-09-16", "day")]), ctx)
    assert "CONSULT" in _types(d)


def test_mishap_with_a_named_place_is_no_assault(ctx):
    d = annotate(_doc("The leak began with an explosion on the Velor Union platform, which also killed 11 workers.",
                      {"v": VELOR}), ctx)
    assert "ASSAULT" not in _types(d)


def test_a_mishap_whose_relative_clause_goes_on_to_kill_is_no_assault(ctx):
    # the mishap is the subject of "killing" after its relative clause, whatever that clause names
    d = annotate(_doc("Tomas Brell blamed the pipeline accident that set afire and sank the Velor Union barge, "
                      "killing 11 people, on poor maintenance.", {"v": VELOR, "b": BRELL}), ctx)
    assert "ASSAULT" not in _types(d)
    # a relative clause on a place, not a mishap, still leads to an attack
    d = annotate(_doc("Velor Union fighters stormed the village that the Marsh Party held, killing 11 people.",
                      {"v": VELOR, "m": MARSH}), ctx)
    assert "ASSAULT" in _types(d)
    # a fire someone set is no mishap of no side
    from parley.events.constructions import RELATIVE_THEN_ING
    assert not RELATIVE_THEN_ING.search("the fire that Velor Union fighters set in the village, ")
    assert RELATIVE_THEN_ING.search("the fire that swept the village, ")


def test_trailing_attribution_reports_a_done_act():
    from parley.events.annotate import reported_fact

    s = "The Velor Union demolished ten houses of the Marsh Party on Sunday, officials said."
    assert reported_fact(s, type("M", (), {"start": s.index("said"), "end": s.index("said") + 4})())
    s2 = "The project would cost ten million and take six months, officials said."
    assert not reported_fact(s2, type("M", (), {"start": s2.index("said"), "end": s2.index("said") + 4})())


# ---------------------------------------------------------------- what a speaker warns against has not happened
def test_an_act_warned_against_or_of_is_no_event(ctx):
    onto = get_ontology(ctx)

    def events(sent: str) -> list[tuple[str | None, str]]:
        return [(m.cue.event, sent[m.start:m.end]) for m in find_article_cues(onto, sent) if m.cue.kind == "event"]

    warned = events("The envoy was warning against huge crackdowns on the marchers in Velor.")
    assert not any(w.startswith("crackdown") for _, w in warned), warned
    assert [e for e, _ in events("The army of Ostravia warned of possible attacks on the capital.")] == ["THREATEN"]
    assert any(w.startswith("crackdown") for _, w in events("Police launched a crackdown on the marchers."))


# ---------------------------------------------------------------- codable: conditional, aim, kind (codable.py)
def test_act_in_a_condition_or_its_consequence_is_not_coded(ctx):
    pair = {"o": OSTRAVIA, "v": VELOR}
    assert "RETREAT" not in _types(annotate(_doc("Ostravia said the army would stay unless there was a ceasefire "
                                                 "with the Velor Union.", pair), ctx))
    assert "AGREE" not in _types(annotate(_doc("If Ostravia wants free elections, the Velor Union agrees to talks.",
                                               pair), ctx))
    # a clause past the condition's consequence is reported as fact again
    s = "If talks fail, the army will act, and on Monday Ostravia attacked the Velor Union."
    assert not conditional(s, _cue(ctx, s, "attacked"))


def test_aim_or_content_of_a_request_is_not_a_second_event(ctx):
    d = annotate(_doc("Tomas Brell has been pressing Ostravia to open a corridor across the border to aid the "
                      "Velor Union.", {"b": BRELL, "o": OSTRAVIA, "v": VELOR}), ctx)
    assert "AID" not in _types(d)
    s = "The Velor Union flew in engineers, to prevent looters from taking the plant."
    assert aim_of_act(s, _cue(ctx, s, "prevent"), [])


def test_what_someone_must_do_is_not_done(ctx):
    s = "Tomas Brell said Ostravia should release the prisoners held in Marsh."
    assert aim_of_act(s, _cue(ctx, s, "release"), [], "RETREAT")
    s2 = "Ostravia released the prisoners held in Marsh."
    assert not aim_of_act(s2, _cue(ctx, s2, "released"), [], "RETREAT")
    # typed REQUEST, the obligation is the demand itself
    s3 = "Brell told Ostravia that it must keep its promises to the Velor Union."
    assert not aim_of_act(s3, _cue(ctx, s3, "promises"), [], "REQUEST")
    d = annotate(_doc("Tomas Brell said Ostravia must release the prisoners it holds.", {"b": BRELL, "o": OSTRAVIA}),
                 ctx)
    assert "RETREAT" not in _types(d)


def test_what_someone_wants_or_it_is_too_early_to_do_is_not_done(ctx):
    s = "When the union wants to protest about pay it holds a vigil."
    assert aim_of_act(s, _cue(ctx, s, "protest"), [], "PROTEST")
    s2 = "Brell said it was too early to start blaming the Velor Union."
    assert aim_of_act(s2, _cue(ctx, s2, "blaming"), [], "ACCUSE")
    s3 = "The union protested about pay on Monday."
    assert not aim_of_act(s3, _cue(ctx, s3, "protested"), [], "PROTEST")


def test_an_act_in_a_yes_no_question_is_not_reported(ctx):
    s = "But are you getting assistance from the Velor Union?"
    assert conditional(s, _cue(ctx, s, "assistance"))
    s2 = "The Velor Union sent assistance to Marsh, did it not?"
    assert not conditional(s2, _cue(ctx, s2, "assistance"))  # a statement with a tag, not a yes/no question


def test_a_noun_behind_two_or_three_modifiers_names_no_side(ctx):
    s = "Engineers will try the so-called top kill next week."
    assert names_no_side(s, _cue(ctx, s, "kill"), "ASSAULT", [], [])
    s2 = "It is a lot like the Apollo 13 moon shot."
    assert names_no_side(s2, _cue(ctx, s2, "shot"), "ASSAULT", [], [])
    s3 = "The men in uniform shot at the crowd."
    assert not names_no_side(s3, _cue(ctx, s3, "shot"), "ASSAULT", [], [])  # "in" ends the noun phrase
    s4 = "Brell will host a week-long state visit by the Marsh leader."
    assert not names_no_side(s4, _cue(ctx, s4, "visit"), "CONSULT", [], [])  # its side follows: "by …"


def test_object_of_a_verb_a_threat_or_promise_governs_is_its_content(ctx):
    s = "Costs kept rising, threatening to overwhelm the government's support for the Velor Union."
    cues = find_article_cues(get_ontology(ctx), s)
    assert aim_of_act(s, _cue(ctx, s, "support"), cues, "SUPPORT")
    s2 = "Ostravia threatened the Velor Union on Monday and the government's support for it fell."
    assert not aim_of_act(s2, _cue(ctx, s2, "support"), find_article_cues(get_ontology(ctx), s2), "SUPPORT")


def test_an_act_under_never_has_no_occasion(ctx):
    s = "The Marsh Party, whose leaders have never once offered support to Brell, voted on Monday."
    assert never_done(s, _cue(ctx, s, "offered"))  # an offer of support (AGREE) under "never"
    s2 = "The two leaders had never met before."
    assert never_done(s2, _cue(ctx, s2, "met"))
    s3 = "The Marsh Party offered support to Brell, a step it had never taken."
    assert not never_done(s3, _cue(ctx, s3, "offered"))
    d = annotate(_doc("The Marsh Party, whose leaders have never once offered support to Tomas Brell, voted on "
                      "Monday.", {"m": MARSH, "b": BRELL}), ctx)
    assert not {"SUPPORT", "AGREE"} & set(_types(d))


def test_a_kind_of_act_is_no_happening(ctx):
    # the cue lexicon's topic-of-talk veto (cue_vetoes.tsv) drops a cue that names a kind of act
    onto = get_ontology(ctx)

    def cues(s):
        return [s[m.start:m.end] for m in find_article_cues(onto, s) if m.cue.kind == "event"]

    assert "ceasefire" not in cues("Ostravia raised the question of a ceasefire.")
    assert "aid" not in cues("Ostravia said any aid operation by the Velor Union would be an act of war.")
    assert "ceasefire" in cues("Ostravia announced a ceasefire on Monday.")


# ---------------------------------------------------------------- dating: the clause's own time, the occasion's day
def test_past_perfect_is_not_dated_by_the_report(ctx):
    # no "that" after the speech verb: the time still dates the saying, not the earlier act
    ev = _event(ctx, "The Velor Union said on Monday it had attacked the Marsh Party.", {"v": VELOR, "m": MARSH},
                "ASSAULT", [("Monday", "2013-09-16", "day")])
    assert ev.date is None and ev.date_basis == "none"


def test_time_of_a_following_relative_clause_does_not_date_the_trigger(ctx):
    ev = _event(ctx, "Tomas Brell attacked the Marsh Party leaders who started the riots in 2009.",
                {"b": BRELL, "m": MARSH}, "ASSAULT", [("2009", "2009", "year")])
    assert ev.date != "2009"


def test_future_act_takes_no_earlier_sentence_time(ctx):
    ev = _event(ctx, "The Velor Union met on Monday. The Velor Union will arrest Tomas Brell.",
                {"v": VELOR, "b": BRELL}, "COERCE", [("Monday", "2013-09-16", "day")])
    assert ev.date is None and ev.future


def test_simple_past_takes_the_day_of_the_reported_occasion(ctx):
    text = ("Tomas Brell spoke to reporters in the capital on Monday.\nThe minister praised the police.\n"
            "He accused the Velor Union of fraud.")
    ev = _event(ctx, text, {"b": BRELL, "v": VELOR}, "ACCUSE", [("Monday", "2013-09-16", "day")])
    assert ev.date == "2013-09-16" and ev.date_basis == "context"
    # a day long before publication is background, not the report's occasion
    ev = _event(ctx, text.replace("on Monday", "on 2 March"), {"b": BRELL, "v": VELOR}, "ACCUSE",
                [("2 March", "2013-03-02", "day")])
    assert ev.date is None and ev.date_basis == "none"


def test_present_perfect_news_is_the_occasion_of_a_following_past_act(ctx):
    ev = _event(ctx, "The Velor Union has condemned the vote. It expelled the Marsh Party.",
                {"v": VELOR, "m": MARSH}, "SANCTION")
    assert ev.date == PUB and ev.date_basis == "context"
    ev = _event(ctx, "The Velor Union has long condemned the vote. It expelled the Marsh Party.",
                {"v": VELOR, "m": MARSH}, "SANCTION")
    assert ev.date is None  # a habit, not the day's news


def test_an_indirect_question_has_no_consequence_clause(ctx):
    s = "Asked if the army could return, Tomas Brell said Ostravia would withdraw its troops."
    assert not conditional(s, _cue(ctx, s, "withdraw"))
    s2 = "Tomas Brell would not say whether Ostravia had withdrawn its troops."
    assert conditional(s2, _cue(ctx, s2, "withdrawn"))


def test_earlier_acts_and_acts_a_modal_clause_plans_are_undated(ctx):
    ev = _event(ctx, "The Velor Union has vetoed two previous resolutions of the Marsh Party.",
                {"v": VELOR, "m": MARSH}, "REJECT")
    assert ev.date is None and ev.date_basis == "none"
    ev = _event(ctx, "Ostravia would try to achieve this by working to isolate the Velor Union.",
                {"o": OSTRAVIA, "v": VELOR}, "SANCTION")
    assert ev.date is None


def test_declining_to_comment_and_pessimism_stay_statements(ctx):
    # CAMEO 011 / 012 / 014 name statements PLOVER does not code: the classifier's type never makes them events
    # (before: "declined to comment on the accusations" became REJECT 120)
    for text, cameo in (("A spokesman for the Velor Union declined to comment on the accusations by the Marsh Party.",
                         "011"),
                        ("The Velor Union expressed pessimism about the talks with the Marsh Party.", "012"),
                        ("The Velor Union is considering imposing new sanctions on the Marsh Party.", "014")):
        doc = annotate(_doc(text, {"v": VELOR, "m": MARSH, "b": BRELL}), ctx)
        assert [(e.event, e.cameo) for e in doc.events] == [(None, cameo)], text


def test_public_health_measure_is_not_coded(ctx):
    # a ban or quarantine against a disease restricts no political target (gold README, COERCE ambiguities)
    for text in ("Ostravia banned imports of pork from the Velor Union on Monday after the swine flu outbreak.",
                 "Ostravia closed its schools on Monday to stop the spread of the virus."):
        d = annotate(_doc(text, {"o": OSTRAVIA, "v": VELOR}, [("Monday", "2013-09-16", "day")]), ctx)
        assert not {"COERCE", "SANCTION"} & set(_types(d)), text
    # the same ban against a political target, or an arrest in an outbreak, is still coded
    for text in ("Ostravia banned the Marsh Party on Monday after the swine flu outbreak, citing its protests.",
                 "Ostravia banned imports from the Velor Union on Monday in retaliation for its sanctions.",
                 "Ostravia police arrested Tomas Brell on Monday for hiding cases of the flu outbreak."):
        d = annotate(_doc(text, {"o": OSTRAVIA, "v": VELOR, "m": MARSH, "b": BRELL},
                          [("Monday", "2013-09-16", "day")]), ctx)
        assert {"COERCE", "SANCTION"} & set(_types(d)), text


@pytest.mark.parametrize(("text", "etype"), [
    ("Ostravia complained on Monday that the Velor Union is moving troops to the border.", "ACCUSE"),
    ("Ostravia and the Velor Union exchanged insults over the radio on Monday.", "ACCUSE"),
    ("Ostravia congratulated Tomas Brell on Monday.", "SUPPORT"),
    ("Ostravia said on Monday it is proposing a new Security Council resolution on the Velor Union.", "REQUEST"),
])
def test_petrarch_default_verbs_are_cued(ctx, text, etype):
    # verbs with no cue before (missed gold events of the article dev gold); PETRARCH2 default codes
    d = annotate(_doc(text, {"o": OSTRAVIA, "v": VELOR, "b": BRELL}, [("Monday", "2013-09-16", "day")]), ctx)
    assert etype in _types(d), text


def test_performative_in_a_quote_is_the_speakers_act(ctx):
    from parley.document import Quote

    def quoted(text: str, words: str):
        d = _doc(text, {"b": BRELL, "o": OSTRAVIA})
        i = text.index(words)
        d.quotes = [Quote("Tomas Brell", "b", words, i, i + len(words), speaker_span=[0, 11])]
        return [(e.event, e.actor) for e in annotate(d, ctx).events if e.kind == "event"]

    # the quote opens with the appeal (or "We …"): Brell makes it
    assert ("REQUEST", ["Tomas Brell"]) in quoted('Tomas Brell said: "We urge all sides in Ostravia to allow access."',
                                                   "We urge all sides in Ostravia to allow access.")
    # an appeal the speaker only reports is still not coded from the quote when its subject is a bare pronoun
    assert not quoted('Tomas Brell said: "They have urged all sides in Ostravia to allow access."',
                      "They have urged all sides in Ostravia to allow access.")


def test_third_party_past_act_reported_in_a_quote_is_coded(ctx):
    from parley.document import Quote

    text = 'Tomas Brell said: "Ostravia attacked the Velor Union at dawn and burned the depot."'
    words = "Ostravia attacked the Velor Union at dawn and burned the depot."
    i = text.index(words)
    quotes = [(i, i + len(words))]
    s = text
    m = _cue(ctx, s, "attacked")
    assert reported_in_quote(text, quotes, m.start, m)
    # in the speaker's own voice, or an act not yet done, the words stay the speaker's
    t2 = 'Tomas Brell said: "Our men saw how Ostravia attacked the Velor Union."'
    w2 = "Our men saw how Ostravia attacked the Velor Union."
    m2 = _cue(ctx, t2, "attacked")
    assert not reported_in_quote(t2, [(t2.index(w2), t2.index(w2) + len(w2))], m2.start, m2)
    t3 = 'Tomas Brell said: "Ostravia will attack the Velor Union."'
    w3 = "Ostravia will attack the Velor Union."
    m3 = _cue(ctx, t3, "attack")
    assert not reported_in_quote(t3, [(t3.index(w3), t3.index(w3) + len(w3))], m3.start, m3)
    t4 = 'Tomas Brell said: "Plan B is the so-called junk shot at the well."'
    w4 = "Plan B is the so-called junk shot at the well."
    m4 = next((x for x in find_article_cues(get_ontology(ctx), t4) if t4[x.start:x.end] == "shot"), None)
    assert m4 is None or not reported_in_quote(t4, [(t4.index(w4), t4.index(w4) + len(w4))], m4.start, m4)
    d = _doc(text, {"b": BRELL, "o": OSTRAVIA, "v": VELOR})
    d.quotes = [Quote("Tomas Brell", "b", words, i, i + len(words), speaker_span=[0, 11])]
    evs = [e for e in annotate(d, ctx).events if e.event == "ASSAULT"]
    assert evs and evs[0].actor == ["Ostravia"]  # the clause's side, not the speaker


# ---------------------------------------------------------------- refusing to say, headline repeats
def test_declining_to_say_is_a_statement_not_a_rejection(ctx):
    text = ("Tomas Brell declined to say whether the Marsh Party should stay in the coalition, saying it was not "
            "for Ostravia to decide.")
    d = annotate(_doc(text, {"b": BRELL, "m": MARSH, "o": OSTRAVIA}), ctx)
    assert "REJECT" not in _types(d)
    assert [e.cameo for e in d.events if e.kind == "statement"][:1] == ["011"]


def test_a_headline_event_the_body_tells_again_is_coded_once(ctx):
    head = "Velor Union arrests Tomas Brell Marsh Party rally planned"
    body = "Velor Union police arrested Tomas Brell in the capital on Friday."
    text = f"{head}\n{body}"
    doc = _doc(text, {"v": VELOR, "b": BRELL, "m": MARSH})
    doc.meta = {"standfirst_spans": [[0, len(head)]]}
    coerce = [e for e in annotate(doc, ctx).events if e.event == "COERCE"]
    assert [e.start >= len(head) for e in coerce] == [True]  # the body's arrest, not the headline's
    only = "Marsh Party protesters rally in the capital"  # told by the headline alone: kept there
    text2 = f"{only}\n{body}"
    doc2 = _doc(text2, {"v": VELOR, "b": BRELL, "m": MARSH})
    doc2.meta = {"standfirst_spans": [[0, len(only)]]}
    assert "PROTEST" in _types(annotate(doc2, ctx))


def test_what_a_cleft_says_is_demanded_is_no_act(ctx):
    s = "He would not step down -- yet his resignation is what the marchers are demanding."
    assert aim_of_act(s, _cue(ctx, s, "resignation"), [], "RETREAT")
    s2 = "The release of the prisoners was all the families wanted."
    assert aim_of_act(s2, _cue(ctx, s2, "release"), [], "RETREAT")
    s3 = "The release of the prisoners was announced on Monday."
    assert not aim_of_act(s3, _cue(ctx, s3, "release"), [], "RETREAT")


@pytest.mark.parametrize("sent, word", [
    ("The Marsh Party said it hoped for more talks with the dockers.", "talks"),
    ("The ministry declined to comment when asked about the status of negotiations.", "negotiations"),
    ("Reporters in Brellport were prevented from covering protests.", "protests"),
])
def test_a_meeting_or_protest_that_is_only_a_topic(ctx, sent, word):
    # cue_vetoes.tsv: what a hope, a question or a reporter's work is about is no meeting or protest held
    assert not [m for m in find_article_cues(get_ontology(ctx), sent) if sent[m.start:m.end].startswith(word)]


@pytest.mark.parametrize("sent, word", [
    ("The Velorian premier held talks with Ostravia over the dam.", "held talks"),
    ("Dockers staged protests over pay in Brellport.", "protests"),
    ("The reporter covered the border on Monday as protests spread.", "protests"),
    ("She had reported on an opposition protest in Brellport.", "protest"),  # one protest: an occasion
])
def test_a_held_meeting_or_protest_is_no_topic(ctx, sent, word):
    assert [m for m in find_article_cues(get_ontology(ctx), sent) if sent[m.start:m.end].startswith(word)]


def test_a_course_of_action_judged_as_an_option_is_no_accusation(ctx):
    s = "The senator said for Velor to send troops alone was a mistake."
    assert option_judged(s, _cue(ctx, s, "was a mistake"))
    s2 = "The senator said Velor's decision to send troops was a mistake."
    assert not option_judged(s2, _cue(ctx, s2, "was a mistake"))
    d = annotate(_doc("Tomas Brell said for Ostravia to send troops alone was a mistake.", {"b": BRELL, "o": OSTRAVIA}),
                 ctx)
    assert "ACCUSE" not in _types(d)


def test_a_nominal_assault_that_caused_a_death_names_its_victim(ctx):
    # "died as a result of torture": the one who died is the victim, though no side is a mention
    s = "A prisoner died as a result of torture in a Velorian jail."
    assert not names_no_side(s, _cue(ctx, s, "torture"), "ASSAULT", [], [])
    s2 = "The report listed four cases of torture."
    assert names_no_side(s2, _cue(ctx, s2, "torture"), "ASSAULT", [], [])


def test_a_past_event_named_by_its_year_is_background(ctx):
    for s, word, named in (
            ("Velor extradited a man suspected of planning the 2009 Brellport attacks, officials said.", "attacks", True),
            ("Rebels attacked Brellport in 2009.", "attacked", False),
            ("The museum recalls the 1921 massacre of 300 villagers by the Velorian guard.", "massacre", False)):
        assert named_past(s, _cue(ctx, s, word)) == named, s  # the last is told with its participants


def test_talks_with_no_party_named_are_no_consultation(ctx):
    s = "Prices fell after talks were suspended on Friday."
    assert names_no_side(s, _cue(ctx, s, "talks"), "CONSULT", [], [])
    s2 = "Ostravia and Velor began talks on Friday."
    assert not names_no_side(s2, _cue(ctx, s2, "talks"), "CONSULT", [OSTRAVIA], [])


def test_what_a_party_hopes_or_waits_for_is_not_done(ctx):
    s = "The envoy said they were waiting for the Velorian army to investigate the shooting."
    assert aim_of_act(s, _cue(ctx, s, "investigate"), [], "ACCUSE")
    s2 = "The Velorian army began to investigate the shooting."
    assert not aim_of_act(s2, _cue(ctx, s2, "investigate"), [], "ACCUSE")
