"""Issue 16 failure classes, each on text written for it (fictional names): roles (parley.events.roles), cue
vetoes and nominal events (parley.events.coding), speech content, statements, spans and the date basis
(parley.events.dating). Documents are built by hand as in test_event_extraction.py, so that only the events stage
is tested."""

from __future__ import annotations

import pytest

from parley.context import Context
from parley.document import Document
from parley.events import annotate
from test_event_extraction import BRELL, HAS_MODEL, MARSH, OSTRAVIA, VELOR, _doc

pytestmark = pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")
KARNAVIA = ("Karnavia", "country")
DOV = ("Pieter Dov", "person")
MARR = ("Elsa Marr", "person")


@pytest.fixture(scope="module")
def ctx():
    return Context()


def _events(text: str, actors: dict, ctx, times=()) -> Document:
    return annotate(_doc(text, actors, times), ctx)


def _typed(doc: Document, etype: str):
    evs = [e for e in doc.events if e.event == etype]
    assert evs, [(e.event, e.trigger, e.actor, e.recipient) for e in doc.events]
    return evs[0]


def test_snub_by_postponing_is_reject_of_the_snubbed(ctx):
    d = _events("Ostravia snubbed Karnavia by postponing a state visit.", {"o": OSTRAVIA, "k": KARNAVIA}, ctx)
    ev = _typed(d, "REJECT")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["Karnavia"]
    assert not [e for e in d.events if e.event == "CONSULT"]  # the visit is what was postponed


def test_met_with_approval_is_support_from_the_approver_to_the_planner(ctx):
    d = _events("The Velor Union's plan was met with approval from the Marsh Party.", {"v": VELOR, "m": MARSH}, ctx)
    ev = _typed(d, "SUPPORT")
    assert ev.actor == ["Marsh Party"] and ev.recipient == ["Velor Union"]
    assert not [e for e in d.events if e.event == "CONSULT"]


def test_refused_to_extradite_a_to_b_has_recipient_b(ctx):
    d = _events("Ostravia refused to extradite Pieter Dov to Karnavia.", {"o": OSTRAVIA, "d": DOV, "k": KARNAVIA},
                ctx)
    ev = _typed(d, "REJECT")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["Karnavia"]


def test_aides_act_for_their_principal_and_the_span_shows_them(ctx):
    text = "Tomas Brell's aides accused the Marsh Party of fraud."
    d = _events(text, {"b": BRELL, "m": MARSH}, ctx)
    ev = _typed(d, "ACCUSE")
    assert ev.actor == ["Tomas Brell"] and ev.recipient == ["Marsh Party"]
    a0, a1 = ev.actor_spans[0]
    assert text[a0:a1] == "Tomas Brell's aides"
    r0, r1 = ev.recipient_spans[0]
    assert text[r0:r1] == "Marsh Party"
    t0, t1 = ev.trigger_span
    assert text[t0:t1] == "accused"


def test_relative_clause_object_and_passive(ctx):
    d = _events("The Marsh Party, which Ostravia had banned, was attacked by the Velor Union.",
                {"o": OSTRAVIA, "m": MARSH, "v": VELOR}, ctx)
    ban, attack = _typed(d, "COERCE"), _typed(d, "ASSAULT")
    assert ban.actor == ["Ostravia"] and ban.recipient == ["Marsh Party"]
    assert attack.actor == ["Velor Union"] and attack.recipient == ["Marsh Party"]


def test_coordination_gives_both_actors(ctx):
    d = _events("Ostravia and Karnavia condemned the Marsh Party.", {"o": OSTRAVIA, "k": KARNAVIA, "m": MARSH}, ctx)
    ev = _typed(d, "ACCUSE")
    assert ev.actor == ["Ostravia", "Karnavia"] and ev.recipient == ["Marsh Party"]
    assert len(ev.actor_spans) == 2 and all(ev.actor_spans)


def test_a_leader_calling_anothers_steps_a_mistake_accuses_that_actor(ctx):
    d = _events("Tomas Brell said the Marsh Party's steps were a mistake.", {"b": BRELL, "m": MARSH}, ctx)
    ev = _typed(d, "ACCUSE")
    assert ev.actor == ["Tomas Brell"] and ev.recipient == ["Marsh Party"] and ev.kind == "event"


@pytest.mark.parametrize("text", ["Tomas Brell urged the Marsh Party to return to the table.",
                                  "Tomas Brell called on the Marsh Party to free the prisoners.",
                                  "Tomas Brell demanded that the Marsh Party free the prisoners."])
def test_urge_call_on_demand_are_requests(ctx, text):
    ev = _typed(_events(text, {"b": BRELL, "m": MARSH}, ctx), "REQUEST")
    assert ev.actor == ["Tomas Brell"] and ev.recipient == ["Marsh Party"]


def test_denying_an_accusation_is_reject(ctx):
    d = _events("Tomas Brell denied the accusations made by the Marsh Party.", {"b": BRELL, "m": MARSH}, ctx)
    ev = _typed(d, "REJECT")
    assert ev.actor == ["Tomas Brell"] and ev.recipient == ["Marsh Party"]


def test_a_bare_statement_is_a_statement_not_a_plover_event(ctx):
    d = _events("Tomas Brell said the weather in the capital was calm.", {"b": BRELL}, ctx)
    assert d.events and all(e.event is None and e.kind == "statement" for e in d.events)
    assert d.events[0].actor == ["Tomas Brell"] and d.events[0].cameo.startswith("01")


def test_released_a_report_is_no_retreat(ctx):
    d = _events("The Marsh Party released a report on the economy.", {"m": MARSH}, ctx)
    assert not [e for e in d.events if e.event in ("RETREAT", "CONCEDE")]
    d = _events("Ostravia released the Marsh Party activists on Monday.", {"o": OSTRAVIA, "m": MARSH}, ctx,
                [("Monday", "2013-09-16", "day")])
    assert _typed(d, "RETREAT").actor == ["Ostravia"]


def test_nominal_events_and_several_in_one_sentence(ctx):
    d = _events("Tomas Brell received a phone call from Elsa Marr.", {"b": BRELL, "e": MARR}, ctx)
    call = _typed(d, "CONSULT")
    assert call.actor == ["Elsa Marr"] and call.recipient == ["Tomas Brell"]
    d = _events("The raids by Ostravia on the Marsh Party offices were condemned.", {"o": OSTRAVIA, "m": MARSH}, ctx)
    raid = _typed(d, "COERCE")
    assert raid.actor == ["Ostravia"] and raid.recipient == ["Marsh Party"]
    d = _events("The Velor Union held talks with the Marsh Party and urged Ostravia to withdraw.",
                {"v": VELOR, "m": MARSH, "o": OSTRAVIA}, ctx)
    assert _typed(d, "CONSULT").recipient == ["Marsh Party"] and _typed(d, "REQUEST").recipient == ["Ostravia"]


def test_earlier_events_are_undated_or_dated_by_their_own_clause(ctx):
    d = _events("Ostravia had refused to meet the Velor Union.", {"o": OSTRAVIA, "v": VELOR}, ctx)
    ev = _typed(d, "REJECT")
    assert ev.date is None and ev.date_precision == "none" and ev.date_basis == "none"
    d = _events("In 2005, Ostravia expelled Karnavia's ambassador.", {"o": OSTRAVIA, "k": KARNAVIA}, ctx,
                [("2005", "2005", "year")])
    ev = _typed(d, "SANCTION")
    assert ev.date == "2005" and ev.date_precision == "year" and ev.date_basis == "text" and ev.historical
    # a present-tense clause is today's news: the publication date, said so
    d = _events("Ostravia is holding talks with the Velor Union.", {"o": OSTRAVIA, "v": VELOR}, ctx)
    ev = _typed(d, "CONSULT")
    assert ev.date == "2013-09-17" and ev.date_basis == "publication" and ev.date_precision == "day"


def test_date_precision_is_never_finer_than_a_month_publication_date(ctx):
    doc = _doc("Ostravia is holding talks with the Velor Union.", {"o": OSTRAVIA, "v": VELOR})
    doc.published = "2013-09"
    ev = _typed(annotate(doc, ctx), "CONSULT")
    assert ev.date == "2013-09" and ev.date_precision == "month" and ev.date_basis == "publication"


def test_a_verb_coordinated_with_a_passive_is_passive_too(ctx):
    # "was tortured and killed by X": both participles share the passive, so the subject undergoes the killing
    d = _events("Pieter Dov was tortured and killed by the Velor Union.", {"d": DOV, "v": VELOR}, ctx)
    ev = _typed(d, "ASSAULT")
    assert ev.actor == ["Velor Union"] and ev.recipient == ["Pieter Dov"]
    d = _events("Pieter Dov was detained and beaten in a prison of the Velor Union.", {"d": DOV, "v": VELOR}, ctx)
    assert all(e.actor != ["Pieter Dov"] for e in d.events if e.event), \
        [(e.event, e.actor, e.recipient) for e in d.events]


def test_state_agent_in_the_subject_phrase_gives_its_country(ctx):
    # every mention before the verb is a country possessive or a place: the subject phrase still names the side
    d = _events("Ostravia's president has lifted restrictions on Tomas Brell.", {"o": OSTRAVIA, "b": BRELL}, ctx)
    assert _typed(d, "CONCEDE").actor == ["Ostravia"]
    d = _events("A court in Karnavia has banned the Marsh Party.", {"k": KARNAVIA, "m": MARSH}, ctx)
    ev = _typed(d, "COERCE")
    assert ev.actor == ["Karnavia"] and ev.recipient == ["Marsh Party"]
    d = _events("In Karnavia, the Marsh Party was banned.", {"k": KARNAVIA, "m": MARSH}, ctx)
    assert "Karnavia" not in _typed(d, "COERCE").actor  # a clause-opening place is no side


def test_progressive_is_not_passive_and_a_doer_verb_gives_the_nominal_its_agent(ctx):
    d = _events("The Marsh Party is calling on Karnavia to release Tomas Brell.",
                {"m": MARSH, "k": KARNAVIA, "b": BRELL}, ctx)
    ev = _typed(d, "REQUEST")
    assert ev.actor == ["Marsh Party"] and ev.recipient == ["Karnavia"]
    d = _events("The Velor Union intensified its bombardment of Karnavia.", {"v": VELOR, "k": KARNAVIA}, ctx)
    ev = _typed(d, "ASSAULT")
    assert ev.actor == ["Velor Union"] and ev.recipient == ["Karnavia"]


def test_to_country_is_the_receiver_of_a_directed_act_only(ctx):
    d = _events("Ostravia issued an ultimatum to Karnavia to stop helping the Velor Union.",
                {"o": OSTRAVIA, "k": KARNAVIA, "v": VELOR}, ctx)
    ev = _typed(d, "THREATEN")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["Karnavia"]
    d = _events("Tomas Brell rejected a comparison to Karnavia.", {"b": BRELL, "k": KARNAVIA}, ctx)
    assert "Karnavia" not in _typed(d, "REJECT").recipient


def test_a_toll_with_no_side_and_no_force_is_not_coded(ctx):
    d = _events("Thirty-five people were killed in Karnavia on Tuesday.", {"k": KARNAVIA}, ctx)
    assert not [e for e in d.events if e.event == "ASSAULT"]
    d = _events("Thirty-five people were killed when warplanes attacked a market in Karnavia.", {"k": KARNAVIA}, ctx)
    assert [e for e in d.events if e.event == "ASSAULT"]
    d = _events("The Velor Union killed 35 people in Karnavia.", {"v": VELOR, "k": KARNAVIA}, ctx)
    assert _typed(d, "ASSAULT").actor == ["Velor Union"]


def test_aid_in_a_country_goes_to_it_unless_a_receiver_comes_first(ctx):
    d = _events("Ostravia is the largest donor of humanitarian assistance in Karnavia.", {"o": OSTRAVIA, "k": KARNAVIA},
                ctx)
    ev = _typed(d, "AID")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["Karnavia"]
    d = _events("Ostravia sent aid to the Marsh Party fighters in Karnavia.", {"o": OSTRAVIA, "m": MARSH, "k": KARNAVIA},
                ctx)
    assert _typed(d, "AID").recipient == ["Marsh Party"]


def test_announcing_a_nominal_act_gives_it_the_announcer(ctx):
    d = _events("Ostravia on Saturday announced the deployment of 230 troops to Karnavia.",
                {"o": OSTRAVIA, "k": KARNAVIA}, ctx)
    ev = next(e for e in d.events if e.trigger == "deployment")
    assert ev.actor == ["Ostravia"]


def test_a_statement_has_the_addressee_as_its_target(ctx):
    d = _events("Tomas Brell expressed concern to the Velor Union about the vote.", {"b": BRELL, "v": VELOR}, ctx)
    st = [e for e in d.events if e.event is None]
    assert st and st[0].actor == ["Tomas Brell"] and st[0].recipient == ["Velor Union"]


def test_a_cancelled_visit_to_a_country_has_the_host_as_recipient(ctx):
    d = _events("Tomas Brell has cancelled a planned visit to Karnavia.", {"b": BRELL, "k": KARNAVIA}, ctx)
    ev = _typed(d, "REJECT")
    assert ev.actor == ["Tomas Brell"] and ev.recipient == ["Karnavia"]


def test_a_statement_about_someone_after_the_cue_is_not_by_them(ctx):
    d = _events("A visiting envoy expressed concern for Pieter Dov's health.", {"d": DOV}, ctx)
    assert d.events and all(e.actor != ["Pieter Dov"] for e in d.events)
    d = _events("The talks will resume next week, said Pieter Dov.", {"d": DOV}, ctx)
    assert any(e.actor == ["Pieter Dov"] for e in d.events)  # an inverted attribution still names the speaker


def test_a_spokesman_saying_x_did_something_is_about_x_not_by_x(ctx):
    d = _events("A spokesman said the Velor Union ``disappointed us'' by doing nothing.", {"v": VELOR}, ctx)
    st = [e for e in d.events if e.trigger == "said"]
    assert st and st[0].actor != ["Velor Union"] and st[0].recipient == ["Velor Union"]


def test_by_his_regime_is_the_possessors_side_and_a_report_is_not_reached_past(ctx):
    d = _events("Pieter Dov's opponents say thousands were imprisoned by his regime.", {"d": DOV}, ctx)
    ev = _typed(d, "COERCE")
    assert ev.actor == ["Pieter Dov"] and ev.recipient != ["Pieter Dov"]
    assert d.text[slice(*ev.actor_spans[0])] == "his regime"


def test_a_group_phrase_object_before_a_name_is_the_recipient(ctx):
    d = _events("Ostravia's troops fired on protesters at a Velor Union rally.", {"o": OSTRAVIA, "v": VELOR},
                ctx)
    ev = _typed(d, "ASSAULT")
    assert ev.recipient == ["protesters"] and "Velor Union" not in ev.recipient


def test_a_title_before_a_name_is_no_group_object(ctx):
    d = _events("Ostravia will meet with Karnavian Foreign Minister Pieter Dov.", {"o": OSTRAVIA, "d": DOV}, ctx)
    ev = _typed(d, "CONSULT")
    assert ev.recipient == ["Pieter Dov"]
    assert d.text[slice(*ev.recipient_spans[0])] == "Karnavian Foreign Minister Pieter Dov"  # the evidence words


def test_gap_cue_takes_the_object_inside_it(ctx):
    # "pressuring (…) to" spans its own object: the recipient is the one pressed, not a later name
    d = _events("Karnavia has been pressuring Ostravia to establish a no-fly zone over Velor.",
                {"k": KARNAVIA, "o": OSTRAVIA, "v": VELOR}, ctx)
    ev = _typed(d, "REQUEST")
    assert ev.actor == ["Karnavia"] and ev.recipient == ["Ostravia"]


def test_speech_addressee_is_not_the_actor_of_the_reported_act(ctx):
    d = _events("Pieter Dov tells Tomas Brell he will visit Karnavia next week.",
                {"d": DOV, "b": BRELL, "k": KARNAVIA}, ctx)
    evs = [e for e in d.events if e.event and e.trigger == "visit"]
    assert evs, [(e.event, e.trigger, e.actor) for e in d.events]
    assert evs[0].actor == ["Pieter Dov"]


def test_generic_subject_phrase_nearer_than_a_mention(ctx):
    # a credit line before the clause is no subject: the phrase right before the verb chain is
    d = _events("Photo Tomas Brell -- local officials have urged Ostravia to pay for the clean-up.",
                {"b": BRELL, "o": OSTRAVIA}, ctx)
    ev = _typed(d, "REQUEST")
    assert ev.actor == ["local officials"] and ev.recipient == ["Ostravia"]


def test_object_past_a_time_word(ctx):
    d = _events("Forces loyal to Pieter Dov clashed Friday with protesters in the capital.", {"d": DOV}, ctx)
    ev = _typed(d, "ASSAULT")
    assert ev.recipient == ["protesters"]


def test_according_to_source_is_not_the_actor(ctx):
    d = _events("According to Velor Union, the deal would give Ostravia access to the port.",
                {"v": VELOR, "o": OSTRAVIA}, ctx)
    evs = [e for e in d.events if e.trigger == "deal"]
    assert evs and "Velor Union" not in evs[0].actor, [(e.event, e.trigger, e.actor) for e in d.events]


def test_generic_subject_of_the_trigger_clause_before_another_clause_mention(ctx):
    d = _events("Karnavia closed the border; rebel fighters then attacked the post.",
                {"k": KARNAVIA}, ctx)
    ev = _typed(d, "ASSAULT")
    assert ev.actor and "fighters" in ev.actor[0]


def test_a_sentence_opening_nominal_with_on_x_keeps_x_as_its_target(ctx):
    # "Sanctions on X over Y's …": "on X" is the head's object, not a subjectless "Talks X–Y" head
    d = _events("Sanctions on Karnavia over Pieter Dov's support for the rebels were extended.",
                {"k": KARNAVIA, "d": DOV}, ctx)
    ev = _typed(d, "SANCTION")
    assert ev.actor == [] and ev.recipient == ["Karnavia"]


def test_the_possessor_of_a_nominal_trigger_stays_its_actor(ctx):
    # the ranker never moves the actor of "X's support" off its possessor to the main clause's subject
    d = _events("The Velor Union voted to impose sanctions on Karnavia over Pieter Dov's support for the rebels.",
                {"v": VELOR, "k": KARNAVIA, "d": DOV}, ctx)
    assert _typed(d, "SUPPORT").actor == ["Pieter Dov"]
    assert _typed(d, "SANCTION").recipient == ["Karnavia"]


def test_a_passive_agent_qualified_by_a_demonym_acts_for_its_country(ctx):
    d = _events("A Karnavia camp was attacked by Chilean militiamen armed with knives.", {"k": KARNAVIA}, ctx)
    ev = _typed(d, "ASSAULT")
    assert ev.actor == ["Chile"]


def test_a_coordinated_verb_shares_a_subject_phrase_that_is_no_mention(ctx):
    d = _events("Masked gunmen seized a house in Karnavia and fired rockets at the airport.", {"k": KARNAVIA}, ctx)
    ev = _typed(d, "ASSAULT")
    assert ev.actor == ["Masked gunmen"]


def test_clashes_between_two_sides_are_the_first_sides_on_the_second_not_the_subjects(ctx):
    d = _events("A Velor Union crew covering the clashes between Ostravia and Karnavia was attacked.",
                {"v": VELOR, "o": OSTRAVIA, "k": KARNAVIA}, ctx)
    evs = [e for e in d.events if e.trigger == "clashes"]
    assert evs and evs[0].actor == ["Ostravia"] and evs[0].recipient == ["Karnavia"], \
        [(e.event, e.trigger, e.actor, e.recipient) for e in d.events]


def test_aid_inside_a_transfer_verbs_object_is_given_by_its_subject_to_its_indirect_object(ctx):
    for text in ("Ostravia on Monday gave Karnavia five million dollars of aid for its farms.",
                 "Ostravia provided Karnavia with food aid worth two million dollars."):
        ev = _typed(_events(text, {"o": OSTRAVIA, "k": KARNAVIA}, ctx), "AID")
        assert ev.actor == ["Ostravia"] and ev.recipient == ["Karnavia"], text


def test_a_mediator_between_two_sides_acts_on_both(ctx):
    d = _events("Tomas Brell began a mediation mission between Ostravia and Karnavia.",
                {"b": BRELL, "o": OSTRAVIA, "k": KARNAVIA}, ctx)
    ev = _typed(d, "CONSULT")
    assert ev.actor == [BRELL[0]] and sorted(ev.recipient) == ["Karnavia", "Ostravia"]
    d = _events("Tomas Brell welcomed talks between Ostravia and Karnavia.", {"b": BRELL, "o": OSTRAVIA, "k": KARNAVIA}, ctx)
    ev = _typed(d, "CONSULT")  # talks between two sides: both are its participants, as before
    assert sorted(ev.actor) == ["Karnavia", "Ostravia"]


def test_a_coordinated_clause_subject_is_no_recipient_of_the_first_verb(ctx):
    """Item e: "Western leaders rejected … and NATO refused …" gave the REJECT recipient NATO (and, with NATO
    skipped, the place after it): the first verb's clause ends before the second clause's subject."""
    d = _events("Ostravia rejected the plan on Monday and the Velor Union refused to halt its raids on Karnavia.",
                {"o": OSTRAVIA, "v": VELOR, "k": KARNAVIA}, ctx)
    ev = [e for e in d.events if e.trigger.startswith("rejected")][0]
    assert ev.actor == ["Ostravia"] and ev.recipient == []


def test_a_by_phrase_after_the_of_phrase_names_the_nominal_doer(ctx):
    """Item e: "denouncing the killing of civilians by government forces" had no doer (or the clause subject):
    "by Y" after "the N of X" is N's agent, X undergoes."""
    d = _events("Ostravia condemned the arrest of Tomas Brell by the Velor Union on Monday.",
                {"o": OSTRAVIA, "v": VELOR, "b": BRELL}, ctx)
    ev = _typed(d, "COERCE")
    assert ev.actor == ["Velor Union"] and ev.recipient == ["Tomas Brell"]


def test_a_nominal_attack_subject_of_a_harm_verb_has_the_verbs_object_as_recipient(ctx):
    """Item f: "US Predator attacks, occurring …, have killed at least eight … leaders" had no recipient: the
    nominal's own "on/of X" is absent, the harm verb's object undergoes."""
    d = _events("Recent Ostravia air strikes, launched every few nights, have killed 30 villagers near Korro.",
                {"o": OSTRAVIA}, ctx)
    ev = _typed(d, "ASSAULT")
    assert ev.recipient == ["30 villagers"]
    d = _events("The shelling this week wounded a Velor Union patrol.", {"v": VELOR}, ctx)
    assert _typed(d, "ASSAULT").recipient == ["Velor Union"]


def test_the_subject_of_a_subordinate_clause_acts_in_it(ctx):
    """"X was returning home when unknown fighters opened fire on a car": the clause window does not break at
    "when", so X (the main clause's subject) was the attacker; and a cue with its own object ("opened fire on")
    is no bare participle, so the phrase before it was skipped as a reduced passive's undergoer."""
    d = _events("Tomas Brell was driving to Korro when masked gunmen opened fire on his car.", {"b": BRELL}, ctx)
    assert _typed(d, "ASSAULT").actor == ["masked gunmen"]
    # no phrase after the subordinator: the main clause's subject still acts
    d = _events("Ostravia shelled Karnavia after talks with the Velor Union collapsed.",
                {"o": OSTRAVIA, "k": KARNAVIA, "v": VELOR}, ctx)
    assert _typed(d, "ASSAULT").actor == ["Ostravia"]


def test_the_subject_of_a_sending_verb_does_its_purpose_infinitive():
    """"Ostravia has summoned a top Karnavia diplomat to complain about …": Ostravia complains (the actor was the
    nearest mention, inside the summoned object); an infinitive of another verb keeps its actor."""
    from parley.events.roles import _purpose_actor
    from role_fixtures import cue, mentions

    known = {"Ostravia": "country", "Karnavia": "country"}
    s = "Ostravia has summoned a top Karnavia diplomat to complain about spying."
    ms = mentions(s, known)
    k = [x for x in ms if x[2].name == "Karnavia"][0]
    got = _purpose_actor(s, cue(s, "complain", "ACCUSE"), ms, ([k[2]], [], k[:2], None), (0, len(s)))
    assert [a.name for a in got[0]] == ["Ostravia"]
    s = "Ostravia urged a Karnavia diplomat to complain about spying."
    ms = mentions(s, known)
    k = [x for x in ms if x[2].name == "Karnavia"][0]
    got = _purpose_actor(s, cue(s, "complain", "ACCUSE"), ms, ([k[2]], [], k[:2], None), (0, len(s)))
    assert [a.name for a in got[0]] == ["Karnavia"]


def test_a_participle_after_the_main_clause_is_done_by_its_subject():
    """"Ostravia filed a complaint against Tomas Brell, accusing him of …": the main clause's subject accuses (the
    nearest mention before the comma, the defendant, was taken); a finite clause after a comma does not share it."""
    from parley.events.roles import _roles_rules
    from role_fixtures import cue, mentions

    known = {"Ostravia": "country", "Tomas Brell": "person"}
    s = "Ostravia filed a complaint against Tomas Brell, accusing him of fraud."
    ms = mentions(s, known)
    earlier = [(cue(s, "complaint", "ACCUSE"), ([ms[0][2]], [ms[1][2]], ms[0][:2], ms[1][:2]))]
    got = _roles_rules(s, cue(s, "accusing", "ACCUSE"), ms, earlier, False)
    assert [a.name for a in got[0]] == ["Ostravia"]
    # a clause of its own subject and verb between: its subject does the participle
    s = "Ostravia held talks, and Tomas Brell dropped the plan, asking instead for a vote."
    ms = mentions(s, known)
    earlier2 = [(cue(s, "talks", "CONSULT"), ([ms[0][2]], [], ms[0][:2], None))]
    got = _roles_rules(s, cue(s, "asking", "REQUEST"), ms, earlier2, False)
    assert [a.name for a in got[0]] == ["Tomas Brell"]
    s = "Ostravia filed a complaint against Tomas Brell, who denied the charges."
    ms = mentions(s, known)
    got = _roles_rules(s, cue(s, "denied", "REJECT"), ms, earlier, False)
    assert [a.name for a in got[0]] == ["Tomas Brell"]


def test_a_purpose_infinitive_takes_the_summoned_or_where_the_sent_go():
    """"Ostravia summoned a Karnavia diplomat to complain about spying by Velor": the diplomat's side hears the
    complaint; "Ostravia sent 20 experts to Karnavia on Monday to investigate …": Karnavia is looked into."""
    from parley.events.roles import _purpose_actor
    from role_fixtures import cue, mentions

    known = {"Ostravia": "country", "Karnavia": "country", "Velor": "organization"}
    s = "Ostravia summoned a Karnavia diplomat to complain about spying by Velor."
    ms = mentions(s, known)
    k, v = ms[1], ms[2]
    got = _purpose_actor(s, cue(s, "complain", "ACCUSE"), ms, ([k[2]], [v[2]], k[:2], v[:2]), (0, len(s)))
    assert [a.name for a in got[0]] == ["Ostravia"] and [a.name for a in got[1]] == ["Karnavia"]
    s = "Ostravia sent 20 experts to Karnavia on Monday to investigate the blasts."
    ms = mentions(s, known)
    got = _purpose_actor(s, cue(s, "investigate", "ACCUSE"), ms, ([ms[1][2]], [], ms[1][:2], None), (0, len(s)))
    assert [a.name for a in got[0]] == ["Ostravia"] and [a.name for a in got[1]] == ["Karnavia"]
    # a recipient after the trigger stays: "sent troops to X to fight Velor" fights Velor
    s = "Ostravia sent troops to Karnavia to fight Velor."
    ms = mentions(s, known)
    got = _purpose_actor(s, cue(s, "fight", "FIGHT"), ms, ([ms[1][2]], [ms[2][2]], ms[1][:2], ms[2][:2]), (0, len(s)))
    assert [a.name for a in got[1]] == ["Velor"]

def test_a_protest_on_a_date_takes_no_target_from_the_next_clause(ctx):
    d = _events("Villagers say that after a march on 3 June, the Velor Union began a blockade of the road.",
                {"v": VELOR}, ctx)
    ev = _typed(d, "PROTEST")
    assert "Velor Union" not in ev.recipient


def test_a_relative_clause_with_verbs_of_its_own_leaves_the_trigger_to_the_main_subject(ctx):
    """"A and B, which worked to stop C from lifting the curfew to help D, are expected to support it": the
    relative antecedent is both A and B, C is no subject of what follows its own verb, and A and B support."""
    d = _events("Ostravia and Karnavia, which worked hard to stop the Velor Union from lifting the curfew to help "
                "the Marsh Party during the war, are expected to support the plan.",
                {"o": OSTRAVIA, "k": KARNAVIA, "v": VELOR, "m": MARSH}, ctx)
    assert _typed(d, "SUPPORT").actor == ["Ostravia", "Karnavia"]


def test_a_light_verb_after_and_shares_the_subject_of_the_verb_before(ctx):
    """"pledging to … free X and start talks with Y": the pledger talks, not X."""
    d = _events("Ostravia agreed to a Karnavian plan on Tuesday, pledging to pull its soldiers out of the valley, "
                "free Tomas Brell and start talks with the Marsh Party.", {"o": OSTRAVIA, "m": MARSH, "b": BRELL}, ctx)
    ev = _typed(d, "CONSULT")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["Marsh Party"]


def test_an_appeal_is_addressed_to_whom_it_asks_not_to_the_content(ctx):
    d = _events("State radio made an appeal to the people of the valley to support the Velor Union.", {"v": VELOR}, ctx)
    assert "Velor Union" not in _typed(d, "REQUEST").recipient


def test_who_obtained_a_document_is_not_the_actor_of_what_it_asks(ctx):
    d = _events("According to the draft, obtained by the Velor Union, Ostravia would ask Karnavia to lift the curfew.",
                {"v": VELOR, "o": OSTRAVIA, "k": KARNAVIA}, ctx)
    assert _typed(d, "REQUEST").actor == ["Ostravia"]


def test_an_active_verbs_object_is_not_traded_for_its_subject(ctx):
    """"Russia, which …, abstained … but has accused the NATO nations of …": the ranker took the object as actor
    and a place of an earlier clause as recipient."""
    d = _events("Ostravia , which has a seat on the council , abstained from the vote on the resolution that "
                "authorised the force in Karnavia but has accused the Velor Union of overstepping its mandate .",
                {"o": OSTRAVIA, "k": KARNAVIA, "v": VELOR}, ctx)
    ev = _typed(d, "ACCUSE")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["Velor Union"]


def test_a_protest_in_a_subordinate_clause_is_not_aimed_at_the_main_clauses_subject(ctx):
    """"Saleh made the announcement as protests swept the region": the protests are not shown to target him; a
    state that cracks down on protests stays their target."""
    d = _events("Ostravia made the announcement as unprecedented protests swept the region .", {"o": OSTRAVIA}, ctx)
    assert _typed(d, "PROTEST").recipient == []
    d = _events("Ostravia cracked down on protests in the capital .", {"o": OSTRAVIA}, ctx)
    assert _typed(d, "PROTEST").recipient == ["Ostravia"]
