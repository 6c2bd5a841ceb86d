"""parley.events.role_recipient: the object side of a trigger, on text written for each test (fictional names)."""

from __future__ import annotations

import re
from types import SimpleNamespace

from parley.document import Actor
from parley.events.role_recipient import goal, member_of, moved_goal, object_after, participle_party, pronoun_object
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


def _moved(sent: str, word: str, event: str, people: str, code: str | None = "MIL"):
    """The recipient ``moved_goal`` leaves when the clause rules took the moved ``people`` phrase."""
    m = cue(sent, word, event)
    ms = mentions(sent, NAMES)
    i = sent.index(people)
    who = Actor(id="generic:troops", name=people, type="group", code=code)
    roles = ([ms[0][2]], [who], ms[0][:2], (i, i + len(people)))
    return [a.name for a in moved_goal(sent, m, ms, roles, (0, len(sent)))[1]]


def test_the_people_an_act_moves_are_no_recipient_where_they_go_is():
    """"withdrawing some of its troops from X", "refused to deploy peacekeepers in X", "offered its troops to X":
    the GSR and ConfliBERT coders code X, the troops were the recipient."""
    assert _moved("Ostravia began withdrawing some of its troops from Karnavia.", "withdrawing", "RETREAT",
                  "some of its troops") == ["Karnavia"]
    assert _moved("Ostravia has refused to deploy peacekeepers in Karnavia.", "refused", "REJECT",
                  "peacekeepers") == ["Karnavia"]
    assert _moved("Ostravia offered its troops to the Velor Union.", "offered", "AGREE", "its troops") == ["Velor Union"]
    # no move verb: the people stay ("Ostravia praised its troops in Karnavia")
    assert _moved("Ostravia praised its troops in Karnavia.", "praised", "SUPPORT", "its troops") == ["its troops"]
    # people who are not the mover's means stay ("sent a letter to civilians in Karnavia")
    assert _moved("Ostravia sent civilians to Karnavia.", "sent", "AID", "civilians", code="CVL") == ["civilians"]
    # nothing after them: they stay
    assert _moved("Ostravia will withdraw its troops soon.", "withdraw", "RETREAT", "its troops") == ["its troops"]


PEOPLE = {"Ostravia": "country", "Tomas Brell": "person", "Ada Morn": "person", "Karnavia": "country"}


def _pronoun(sent: str, word: str, recs: str | None = None) -> list[str]:
    m = cue(sent, word, "REQUEST")
    ms = mentions(sent, PEOPLE)
    acts = [x for x in ms if x[0] < m.start][:1]
    rec = [x for x in ms if recs and x[2].name == recs]
    roles = ([acts[0][2]], [rec[0][2]] if rec else [], acts[0][:2], rec[0][:2] if rec else None)
    return [a.name for a in pronoun_object(sent, m, ms, roles)[1]]


def test_an_object_pronoun_stands_for_the_person_named_before():
    """"called Y on Wednesday and urged him to …", "to congratulate him on becoming Z's prime minister": the
    recipient is Y, not nothing nor the later Z."""
    assert _pronoun("Tomas Brell called Ada Morn on Monday and urged him to act.", "urged") == ["Ada Morn"]
    assert _pronoun("Tomas Brell called Ada Morn to congratulate her on becoming Karnavia's leader.", "congratulate",
                    "Karnavia") == ["Ada Morn"]
    # never the actor; "her" before a noun is a possessive; no person before: as it was
    assert _pronoun("Tomas Brell said he urged him to act.", "urged") == []
    assert _pronoun("Tomas Brell met Ada Morn and urged her government to act.", "urged") == []
    assert _pronoun("Ostravia urged him to act.", "urged") == []


def test_a_cue_ending_in_a_space_still_reaches_its_object():
    """A lexicon cue may end in whitespace ("stormed a "): the object rules expect a space before the object, so
    "stormed a police headquarters" had no recipient; a common adjective may open the held place."""
    from parley.events.role_recipient import held_place
    from parley.events.roles import _trimmed
    sent = "Insurgents stormed a regional police headquarters in the north."
    m = cue(sent, "stormed")
    m.end += len(" a ")
    assert [a.name for a in held_place(sent, _trimmed(sent, m), ([], [], None, None))[1]] == ["police"]
    assert _trimmed(sent, m).end == sent.index(" regional")


def test_a_demonym_after_a_quantity_or_a_plain_adjective_still_names_the_country():
    """"kidnapped up to 16 Indian aid workers", "abused illegal Indian migrants": the quantity or adjective before
    the demonym hid it, and the recipient stayed empty."""
    assert [a.name for a in _demonym("Rebels kidnapped up to 16 Indian aid workers.", "kidnapped", "ASSAULT")[1]] == \
        ["India"]
    assert [a.name for a in _demonym("Guards abused illegal Indian migrants.", "abused", "ASSAULT")[1]] == ["India"]
    assert [a.name for a in _demonym("Troops shelled scores of Indian villages.", "shelled", "ASSAULT")[1]] == ["India"]
    assert [a.name for a in _demonym("Ostravia cut supplies to the biggest Indian camp.", "to", "SANCTION")[1]] == \
        ["India"]
    # a people named by its demonym after an adjective or "a large number of": "opened its borders to displaced
    # Syrians", "to such a large number of Syrians"
    assert [a.name for a in _demonym("Ostravia opened its borders to displaced Syrians.", "to", "AID")[1]] == ["Syria"]
    assert [a.name for a in _demonym("Ostravia admitted a large number of Syrians.", "admitted", "AID")[1]] == \
        ["Syria"]


def test_the_named_object_beats_a_mention_further_on_and_keeps_its_conjuncts():
    """"accused Gulen of attempting to overthrow the Turkish government": the clause rules took the later
    mention; the name right after the verb is the object. "recognise X and Y's independence": Y too."""
    from parley.events.role_recipient import named_object
    s = "Dravek has accused Molnar of plotting against the Velor Union."
    ms = mentions(s, NAMES)
    later = [x for x in ms if x[2].name == "Velor Union"][0]
    got = named_object(s, cue(s, "accused"), ([], [later[2]], None, later[:2]), ms)
    assert [a.name for a in got[1]] == ["Molnar"]
    s = "Dravek said it would recognise Zorvia and Karnavia's independence."
    ms = mentions(s, {"Karnavia": "country"})
    k = ms[0]
    got = named_object(s, cue(s, "recognise"), ([], [k[2]], None, k[:2]), ms)
    assert [a.name for a in got[1]] == ["Zorvia", "Karnavia"]
    # an object right after the verb stays ("accused Karnavia of …" is a mention already)
    s = "Dravek accused Karnavia of plotting against Molnar."
    ms = mentions(s, {"Karnavia": "country"})
    assert named_object(s, cue(s, "accused"), ([], [ms[0][2]], None, ms[0][:2]), ms)[1] == [ms[0][2]]


def test_a_demonym_right_after_the_trigger_beats_a_mention_further_on():
    """"is opposed to Indian mediation in talks with Karnavia": the clause rules took Karnavia, the act is
    aimed at India's mediation; a demonym after the recipient changes nothing."""
    from parley.events.role_recipient import demonym_target
    s = "Ostravia is opposed to Indian mediation in talks with Karnavia."
    ms = mentions(s, NAMES)
    k = [x for x in ms if x[2].name == "Karnavia"][0]
    m = cue(s, "is opposed to", "REJECT")
    assert [a.name for a in demonym_target(s, m, ([], [k[2]], None, k[:2]), [])[1]] == ["India"]
    s = "Ostravia rejected Karnavia and its Indian allies."
    ms = mentions(s, NAMES)
    m = cue(s, "rejected", "REJECT")
    assert demonym_target(s, m, ([], [ms[1][2]], None, ms[1][:2]), [])[1] == [ms[1][2]]


def test_a_generic_phrase_of_an_organisation_is_the_organisation():
    """"expelled inspectors of the Velor Union": the GSR coders code the Union; not a place ("inspectors of
    Karnavia" stays), nor a phrase with no "of"."""
    def go(sent, people):
        ms = mentions(sent, NAMES)
        i = sent.index(people)
        who = Actor(id="generic:inspector", name=people, type="group")
        return [a.name for a in member_of(sent, cue(sent, "expelled", "SANCTION"), ms,
                                          ([], [who], None, (i, i + len(people))))[1]]
    assert go("Ostravia expelled inspectors of the Velor Union on Monday.", "inspectors") == ["Velor Union"]
    assert go("Ostravia expelled inspectors of Karnavia on Monday.", "inspectors") == ["inspectors"]
    assert go("Ostravia expelled inspectors after talks with the Velor Union.", "inspectors") == ["inspectors"]


def test_a_currency_code_before_a_figure_is_no_recipient():
    """"handed over USD $4 million worth of medicines to the Velor Union": the actors stage kept "USD" as an
    acronym, and it was the recipient; a short code that is no unit stays ("met the UN on Monday")."""
    got = _recipient_with("Ostravia handed over USD $4 million worth of medicines to the Velor Union.", "handed",
                          {"USD": "organization", "Velor Union": "organization"})
    assert got == ["Velor Union"]
    assert _recipient_with("Ostravia met the UN on Monday.", "met", {"UN": "organization"}) == ["UN"]


def _recipient_with(sent: str, word: str, known: dict) -> list[str]:
    m = cue(sent, word)
    return names(object_after(sent, mentions(sent, known), m.end, len(sent), True))


def _city(sent: str, word: str, event: str, actor: str = "Velor Union") -> list[tuple[str, str]]:
    from parley.events.role_recipient import city_target
    ms = mentions(sent, NAMES)
    a = [x for x in ms if x[2].name == actor][:1]
    roles = ([a[0][2]] if a else [], [], a[0][:2] if a else None, None)
    got = city_target(sent, cue(sent, word, event), roles, [], (0, len(sent)))
    return [(r.name, sent[slice(*got[3])]) for r in got[1]]


def test_a_city_the_act_falls_in_names_its_country():
    """"suspended aid deliveries in Baghdad", "extend the curfew in Abidjan", "arrived in Amman on a visit": a
    city is no actor mention, so the recipient stayed empty; its country is the side, its span the city."""
    assert _city("The Velor Union suspended aid deliveries in Baghdad on Monday.", "suspended", "SANCTION") == \
        [("Iraq", "Baghdad")]
    assert _city("The Velor Union will blockade Paris from Monday.", "blockade", "THREATEN") == [("France", "Paris")]
    assert _city("The Velor Union chief arrived in Amman on a two-day visit.", "visit", "CONSULT") == \
        [("Jordan", "Amman")]
    # talks held in a city name no host; an attack's or a protest's place is no target; no city: nothing
    assert _city("The Velor Union held talks in Geneva on Monday.", "talks", "CONSULT") == []
    assert _city("The Velor Union attacked a convoy in Baghdad.", "attacked", "ASSAULT") == []
    assert _city("The Velor Union suspended aid deliveries in the north.", "suspended", "SANCTION") == []
    # the place of the parties an act is between is theirs ("ended mediation between rival militias in Tripoli")
    assert _city("The Velor Union ended mediation between rival militias in Baghdad.", "ended", "SANCTION") == []


def test_a_city_right_after_the_trigger_beats_a_recipient_further_on():
    """"an ultimatum to Damascus warning of action by the Velor Union": the city is the goal, not the later
    mention; a city further on than the recipient changes nothing."""
    from parley.events.role_recipient import city_target
    s = "Ostravia issued an ultimatum to Damascus warning of action by the Velor Union."
    ms = mentions(s, NAMES)
    v = [x for x in ms if x[2].name == "Velor Union"][0]
    got = city_target(s, cue(s, "ultimatum", "THREATEN"), ([ms[0][2]], [v[2]], ms[0][:2], v[:2]), [], (0, len(s)))
    assert [a.name for a in got[1]] == ["Syria"] and s[slice(*got[3])] == "Damascus"
    s = "Ostravia issued an ultimatum to the Velor Union over Damascus."
    ms = mentions(s, NAMES)
    v = [x for x in ms if x[2].name == "Velor Union"][0]
    got = city_target(s, cue(s, "ultimatum", "THREATEN"), ([ms[0][2]], [v[2]], ms[0][:2], v[:2]), [], (0, len(s)))
    assert got[1] == [v[2]]


def test_a_division_name_is_a_place_target_whatever_its_type():
    """"lifted a state of emergency in West Zorva State": the actors stage typed the division a person, so
    ``place_target`` skipped it."""
    from parley.events.role_recipient import place_target
    s = "Ostravia lifted a state of emergency in West Zorva State on Sunday."
    ms = mentions(s, {"Ostravia": "country", "West Zorva State": "person", "Tomas Brell": "person"})
    got = place_target(s, cue(s, "lifted", "CONCEDE"), ms, ([ms[0][2]], [], ms[0][:2], None), (0, len(s)))
    assert [a.name for a in got[1]] == ["West Zorva State"]
    s = "Ostravia lifted a state of emergency in Tomas Brell on Sunday."
    ms = mentions(s, {"Ostravia": "country", "Tomas Brell": "person"})
    assert place_target(s, cue(s, "lifted", "CONCEDE"), ms, ([ms[0][2]], [], ms[0][:2], None), (0, len(s)))[1] == []


def test_a_two_word_demonym_and_a_bare_people():
    """"tortured scores of Sierra Leonean refugees": a two-word demonym was cut at its first word (no match);
    "refusing admittance to Ghanaians, …": a people with no quantity before it."""
    assert [a.name for a in _demonym("Guards tortured scores of Sierra Leonean refugees.", "tortured", "ASSAULT")[1]] \
        == ["Sierra Leone"]
    assert [a.name for a in _demonym("Ostravia kept refusing admittance to Ghanaians, the largest group.", "to",
                                     "REJECT")[1]] == ["Ghana"]


def test_a_person_after_an_organisation_and_a_title_spans_the_description():
    """"meet U.N. mediator Diego Cordovez": the person is the recipient, the organisation part of who they are —
    the span covers both (the GSR coders marked "U.N.")."""
    s = "The rebels will meet Velor Union senior official Tomas Brell on Monday."
    m = cue(s, "meet")
    got = object_after(s, mentions(s, NAMES), m.end, len(s))
    assert names(got) == ["Tomas Brell"] and s[got[0][0]:got[0][1]] == "Velor Union senior official Tomas Brell"


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


def test_aid_reaches_its_beneficiary_past_a_long_purpose_phrase():
    """An aid's "in X" beneficiary may stand past a long purpose phrase; other acts keep the short reach."""
    s = "Ostravia gave 40 million euros to promote private investment and sustainable rural development in Karnavia."
    assert _place(s, "gave", "AID", ["Ostravia"]) == ["Karnavia"]
    s = "Ostravia lifted the restrictions it had placed on private investment and on rural development in Karnavia."
    assert _place(s, "lifted", "CONCEDE", ["Ostravia"]) == []


def test_independence_from_a_state_faces_that_state():
    from parley.events.role_recipient import seceded_from
    s = "Thousands of Velor Union supporters marched in the capital calling for independence from Karnavia."
    ms = mentions(s, NAMES)
    got = seceded_from(s, cue(s, "marched", "PROTEST"), ms, ([ms[0][2]], [], ms[0][:2], None), [])
    assert names_of(got[1]) == ["Karnavia"]
    # a demonym after "from" names its country; the span is the demonym's
    s = "Prisoners rioted in Velor demanding a vote on independence from Indonesian rule."
    got = seceded_from(s, cue(s, "rioted", "PROTEST"), [], ([], [], None, None), [])
    assert names_of(got[1]) == ["Indonesia"] and s[slice(*got[3])] == "Indonesian"
    # not for other acts, nor the actor itself
    assert seceded_from(s, cue(s, "rioted", "ASSAULT"), [], ([], [], None, None), [])[1] == []
    s = "Karnavia protested against independence from Karnavia."
    ms = mentions(s, NAMES)
    got = seceded_from(s, cue(s, "protested", "PROTEST"), ms, ([ms[0][2]], [], ms[0][:2], None), [])
    assert got[1] == []


def test_a_contribution_to_an_international_mission_in_a_country_is_for_that_country():
    from parley.events.role_recipient import mission_country
    union = Actor(id="velor", name="Velor Union", type="organization", code="IGOVEL")
    karn = Actor(id="karn", name="Karnavia", type="country", code="KRN")
    ost = Actor(id="ost", name="Ostravia", type="country", code="OST")

    def run(s, event="AGREE", org=union):
        ms = sorted([(mt.start(), mt.end(), a) for a in (org, karn, ost)
                     for mt in re.finditer(a.name, s)], key=lambda x: x[0])
        u = next(x for x in ms if x[2] is org)
        return names_of(mission_country(s, cue(s, "contribute", event), ms, ([ost], [org], ms[0][:2], u[:2]))[1])
    s = "Ostravia is ready to contribute troops to the Velor Union-led security force in Karnavia."
    assert run(s) == ["Karnavia"]
    s = "Ostravia will contribute air support to a Velor Union peacekeeping mission in Karnavia."
    assert run(s) == ["Karnavia"]
    # not an attack, nor an organisation that is no international one, nor a mission with no country
    assert run(s, "ASSAULT") == ["Velor Union"]
    assert run(s, org=Actor(id="v2", name="Velor Union", type="organization", code="KRNGOV")) == ["Velor Union"]
    assert run("Ostravia will contribute staff to a Velor Union mission.") == ["Velor Union"]


def test_a_speech_credit_after_the_act_closes_its_object_window():
    """"… called on its members to strike, said X, editor of the Y Post": neither X nor the Post is whom the act
    is directed at."""
    s = "The Marsh Party called on its members to strike, said Tomas Brell, editor of the Velor Union Post."
    assert _recipient(s, "called") == []
    s = "Troops shelled the town, said Tomas Brell of the Velor Union."
    assert _recipient(s, "shelled") == []
    assert _recipient("Troops shelled the Velor Union, Tomas Brell said.", "shelled") == ["Velor Union"]


def test_a_city_after_against_names_its_country():
    """"further sanctions against Damascus": the capital stands for its government."""
    assert _city("The Velor Union imposed new sanctions against Lima on Monday.", "sanctions", "SANCTION") == \
        [("Peru", "Lima")]
