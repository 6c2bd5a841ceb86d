"""parley.events.role_recipient: the object side of a trigger, on text written for each test (fictional names)."""

from __future__ import annotations

from types import SimpleNamespace

from parley.events.role_recipient import goal, object_after, participle_party
from role_fixtures import cue, mentions, names

NAMES = {"Karnavia": "country", "Velor Union": "organization", "Tomas Brell": "person", "Ostravia": "country"}


def _recipient(sent: str, word: str, goal_ok=False) -> list[str]:
    m = cue(sent, word)
    return names(object_after(sent, mentions(sent, NAMES), m.end, len(sent), goal_ok))


def test_the_first_mention_after_skipping_places_and_sources():
    assert _recipient("Troops attacked the Velor Union in Karnavia.", "attacked") == ["Velor Union"]
    assert _recipient("Troops attacked protesters in Karnavia.", "attacked") == []
    assert _recipient("Troops attacked, Tomas Brell said.", "attacked") == []


def test_an_apposition_after_a_possessive_object_and_a_person_after_a_title():
    assert _recipient("Police arrested the Velor Union's acting leader, Tomas Brell.", "arrested") == ["Tomas Brell"]
    assert _recipient("Police arrested Velor Union senior official Tomas Brell.", "arrested") == ["Tomas Brell"]
    # the Penn-Treebank spelling of tokenised corpora ("Karnavia 's") is the same possessive
    assert _recipient("Police arrested Karnavia 's acting leader, Tomas Brell.", "arrested") == ["Tomas Brell"]


def test_to_a_country_is_the_goal_of_a_directed_act_only():
    assert _recipient("Ostravia sent aid to Karnavia.", "sent", goal_ok=True) == ["Karnavia"]
    assert _recipient("Ostravia sent aid to Karnavia.", "sent") == []
    # a visit to a country touches its host, whatever the act
    assert _recipient("Ostravia cancelled a planned visit to Karnavia.", "cancelled") == ["Karnavia"]


def test_goal_by_event_type():
    ev = lambda e: SimpleNamespace(cue=SimpleNamespace(event=e))  # noqa: E731
    assert goal(ev("AID")) == "in" and goal(ev("REQUEST")) is True and goal(ev("ASSAULT")) is False


def _place(sent: str, word: str, event: str, actors=()):
    from parley.events.role_recipient import place_target
    ms = mentions(sent, NAMES)
    acts = [x[2] for x in ms if x[2].name in actors]
    return names_of(place_target(sent, cue(sent, word, event), ms, (acts, [], None, None), (0, len(sent)))[1])


def names_of(actors) -> list[str]:
    return [a.name for a in actors]


def test_a_restriction_or_ceasefire_in_a_country_has_it_as_target_but_an_attack_does_not():
    assert _place("Ostravia lifted a night curfew in Karnavia.", "curfew", "CONCEDE", ["Ostravia"]) == ["Karnavia"]
    assert _place("The Velor Union declared a ceasefire in southern Karnavia.", "ceasefire", "RETREAT") == ["Karnavia"]
    assert _place("Gunmen attacked journalists in Karnavia.", "attacked", "ASSAULT") == []
    assert _place("Ostravia lifted a curfew in Ostravia.", "curfew", "CONCEDE", ["Ostravia"]) == []  # never the actor


def test_a_modifier_and_the_actors_own_forces_are_no_recipient():
    names_ = {**NAMES, "military": "group", "troops": "group"}
    s = "Ostravia suspended military aid to Karnavia."
    got = object_after(s, mentions(s, names_), cue(s, "suspended").end, len(s), True)
    assert names(got) == ["Karnavia"]
    s = "Ostravia withdrew its troops from Karnavia."
    got = object_after(s, mentions(s, names_), cue(s, "withdrew").end, len(s), "in")
    assert names(got) != ["troops"]


def _demonym(sent: str, word: str, event: str, actors=()):
    from parley.events.role_recipient import demonym_target
    return demonym_target(sent, cue(sent, word, event), ([], [], None, None), list(actors))


def test_a_demonym_qualifying_the_object_names_the_country_acted_on():
    acts, recs, _, span = _demonym("Ostravia rejected an Indian proposal on trade.", "rejected", "REJECT")
    assert [(a.name, a.code, a.id) for a in recs] == [("India", "IND", "country:IND")]
    s = "Gunmen kidnapped 20 Syrians in Karnavia."
    acts, recs, _, span = _demonym(s, "kidnapped", "ASSAULT")
    assert [a.name for a in recs] == ["Syria"] and s[slice(*span)] == "Syrians"
    # the article's own actor for that country is used when it has one
    from parley.document import Actor
    india = Actor(id="a9", name="India", type="country", code="IND")
    assert _demonym("Ostravia rejected an Indian proposal.", "rejected", "REJECT", [india])[1] == [india]
    # no demonym, or a capitalised word that is none: nothing
    assert _demonym("Ostravia rejected a Velor proposal.", "rejected", "REJECT")[1] == []


def test_coordinated_objects_are_all_recipients():
    assert _recipient("Ostravia accused Karnavia and the Velor Union of fraud.", "accused") == ["Karnavia",
                                                                                              "Velor Union"]
    assert _recipient("Ostravia met Karnavia, then attacked the Velor Union.", "met") == ["Karnavia"]


def test_a_city_of_a_country_is_a_place():
    assert _recipient("Troops attacked in the capital of Karnavia.", "attacked") == []


def test_a_demonym_qualified_agent_names_the_country():
    from parley.events.role_recipient import demonym_agent
    s = "The camp was attacked by Chilean militiamen armed with knives."
    got = demonym_agent(s, s.index(" Chilean"), [])
    assert got[2].name == "Chile" and s[got[0]:got[1]] == "Chilean"
    assert demonym_agent(s, s.index(" militiamen"), []) is None


def _named_obj(sent: str, word: str, passive=False, known=None):
    from parley.events.role_recipient import named_object
    got = named_object(sent, cue(sent, word), ([], [], None, None), mentions(sent, known or {}), passive)
    return [a.name for a in got[1]], sent[slice(*got[3])] if got[3] else None


def test_a_capitalised_object_no_mention_names_the_recipient():
    assert _named_obj("Since 2011, Dravek has accused Molnar of treason.", "accused") == (["Molnar"], "Molnar")
    assert _named_obj("Hours earlier Dravek expelled Ortiz Velan.", "expelled") == (["Ortiz Velan"], "Ortiz Velan")


def test_no_named_object_for_a_passive_a_possessor_a_modifier_a_weekday_a_mention_or_a_headline():
    assert _named_obj("Molnar was accused Monday of treason.", "accused", passive=True) == ([], None)
    assert _named_obj("Dravek expelled Ortiz's envoy.", "expelled") == ([], None)
    assert _named_obj("He doubts the postponed Zorva Games will go ahead.", "postponed") == ([], None)
    assert _named_obj("The rebels attacked Monday in the hills.", "attacked") == ([], None)
    assert _named_obj("Dravek attacked Karnavia at dawn.", "attacked", known={"Karnavia": "country"}) == ([], None)
    assert _named_obj("Rebels Attacked Zorva Town On Friday", "Attacked") == ([], None)


def _held(sent: str, word: str, event="ASSAULT", passive=False):
    from parley.events.role_recipient import held_place
    got = held_place(sent, cue(sent, word, event), ([], [], None, None), passive)
    return [(a.name, a.code, sent[slice(*got[3])]) for a in got[1]]


def test_an_attacked_place_named_by_its_holder_is_the_holders():
    assert _held("Velor troops fired rockets at rebel positions near the dam.", "rockets") == \
        [("rebels", "REB", "rebel positions")]
    assert _held("The guards kept shelling rebel-held villages all night.", "shelling") == \
        [("rebels", "REB", "rebel-held villages")]
    assert _held("Insurgents stormed an army base in the north.", "stormed") == [("military", "MIL", "army base")]
    assert _held("Zorvan fighters captured part of a Karnavian guerrilla stronghold.", "captured") == \
        [("rebels", "REB", "Karnavian guerrilla stronghold")]


def test_no_holder_for_another_event_a_passive_or_a_plain_place():
    assert _held("The envoy visited rebel positions.", "visited", event="CONSULT") == []
    assert _held("Rebel positions were shelled overnight.", "shelled", passive=True) == []
    assert _held("Velor troops shelled the town of Ostra.", "shelled") == []


def test_an_ethnic_people_in_the_object_is_a_group_not_the_state_of_its_name():
    s = "Velor troops killed three ethnic Albanians near the border."
    acts, recs, _, span = _demonym(s, "killed", "ASSAULT")
    assert [(a.name, a.type, a.code) for a in recs] == [("ethnic Albanians", "group", "ALB")]
    assert s[slice(*span)] == "ethnic Albanians"
    s = "Velor troops killed three Albanians near the border."  # a people of the state: its country, as before
    assert [a.name for a in _demonym(s, "killed", "ASSAULT")[1]] == ["Albania"]


def test_the_subject_of_a_coordinated_clause_is_no_object():
    """Item e: "Western leaders rejected … and NATO refused …" had NATO as the REJECT's recipient: a mention
    after "and"/"but" right before a finite verb opens a clause of its own."""
    assert _recipient("Ostravia rejected the plan on Monday and the Velor Union refused to meet Tomas Brell.",
                      "rejected") == []
    assert _recipient("Ostravia rejected the plan, but Karnavia has said it will sign.", "rejected") == []
    # a coordinated object stays one ("met A and B on Monday")
    assert _recipient("Tomas Brell met Karnavia and the Velor Union on Monday.", "met") == ["Karnavia", "Velor Union"]


def test_a_coordinated_object_after_the_clause_comma_is_one_too():
    """"talked with X, as well as Y": the clause window ends at the comma, so Y was lost (the article gold codes
    a call to two parties as two records, one per recipient); a coordinated name that opens a clause of its own
    is not one ("attacked X, and Y has …")."""
    s = "Tomas Brell spoke by phone with Karnavia , as well as the Velor Union , on Monday."
    m = cue(s, "spoke")
    assert names(object_after(s, mentions(s, NAMES), m.end, s.index(" ,") + 1)) == ["Karnavia", "Velor Union"]
    s = "Troops attacked Karnavia, and the Velor Union has protested."
    m = cue(s, "attacked")
    assert names(object_after(s, mentions(s, NAMES), m.end, s.index(",") + 1)) == ["Karnavia"]


def test_a_date_adjunct_may_close_each_conjunct():
    """"bailouts for A in November and B on Friday": a month or weekday after the first conjunct still joins
    the second."""
    assert _recipient("Troops shelled Karnavia in March and Ostravia in May.", "shelled") == ["Karnavia", "Ostravia"]
    assert _recipient("Troops attacked Karnavia on Monday and Tomas Brell.", "attacked") == ["Karnavia", "Tomas Brell"]
    # a lower-case word is no title before the second name
    assert _recipient("Troops attacked Karnavia on Monday and later Ostravia.", "attacked") == ["Karnavia"]


def _party(sent: str, word: str) -> list[str]:
    ms = mentions(sent, NAMES)
    acts = [x[2] for x in ms if x[2].name == "Ostravia"]
    return [a.name for a in participle_party(sent, cue(sent, word, "SUPPORT"), ms, (acts, [], None, None))[1]]


def test_a_participle_after_a_main_clause_is_addressed_to_its_with_party():
    """"held talks with X, praising …": the participle's act is addressed to the main clause's party (before, the
    praise had no recipient); a coordinated second participle too; not without a "with", nor a finite verb."""
    sent = "Ostravia held talks on Monday with Karnavia, praising its restraint and renewing their partnership."
    assert _party(sent, "praising") == ["Karnavia"]
    assert _party(sent, "renewing") == ["Karnavia"]
    sent = "Ostravia held talks on Monday with their Karnavian counterparts, praising their restraint."
    assert _party(sent, "praising") == ["their Karnavian counterparts"]
    assert _party("Ostravia closed the border on Monday, praising its troops.", "praising") == []
    assert _party("Ostravia met with Karnavia, and Tomas Brell praised the talks.", "praised") == []


def test_a_venue_or_medium_qualifier_and_a_co_actor_are_no_recipient():
    """"talks at Velor Union headquarters", "insults over the Karnavia radio network": the mention only qualifies
    the venue or medium; "along with Karnavia" joins the subject (before, each was taken as the recipient)."""
    assert _recipient("Envoys held talks at Velor Union headquarters on Tuesday.", "talks") == []
    assert _recipient("Both sides traded insults over the Karnavia radio network.", "insults") == []
    assert _recipient("Envoys held talks on Tuesday, along with Karnavia.", "talks") == []
    assert _recipient("Envoys held talks with Karnavia at the border.", "talks") == ["Karnavia"]
    assert _recipient("Ostravia balked at Velor Union demands.", "balked") == ["Velor Union"]  # no venue noun
