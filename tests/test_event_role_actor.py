"""parley.events.role_actor: the subject side of a trigger, on text written for each test (fictional names)."""

from __future__ import annotations

from parley.events import generic
from parley.events.role_actor import agent_extent, group_before, phrase_subject
from role_fixtures import cue, mentions, names

NAMES = {"Karnavia": "country", "Velor Union": "organization", "Tomas Brell": "person", "Ostravia": "country",
         "Marsh Party": "organization"}


def _actor(sent: str, word: str) -> list[str]:
    return names(group_before(sent, mentions(sent, NAMES), cue(sent, word).start))


def test_the_nearest_subject_and_its_coordinated_partner():
    assert _actor("The Velor Union attacked Karnavia.", "attacked") == ["Velor Union"]
    assert _actor("Ostravia and Karnavia attacked the Velor Union.", "attacked") == ["Ostravia", "Karnavia"]


def test_a_place_and_a_parenthetical_are_skipped():
    assert _actor("The Velor Union in Karnavia attacked.", "attacked") == ["Velor Union"]
    assert _actor("Tomas Brell (Marsh Party) attacked.", "attacked") == ["Tomas Brell"]


def test_a_possessor_right_before_the_trigger_acts_and_a_country_possessive_falls_back():
    assert _actor("Karnavia's threat alarmed many.", "threat") == ["Karnavia"]
    # "Karnavia's president": the country possessive is skipped, then the clause's opening phrase gives it back
    assert _actor("Karnavia's president has lifted the ban.", "lifted") == ["Karnavia"]
    assert _actor("Karnavia 's threat alarmed many.", "threat") == ["Karnavia"]  # Penn-Treebank tokenised text
    # "X's ruling party" is a side of its own: no fallback to X
    assert _actor("Karnavia's ruling party has lifted the ban.", "lifted") == []


def test_agent_extent_widens_over_the_agents_of_a_principal():
    s = "Tomas Brell's aides accused the Marsh Party."
    m = mentions(s, NAMES)[0]
    assert s[slice(*agent_extent(s, m))] == "Tomas Brell's aides"
    s = "Tomas Brell accused the Marsh Party."
    assert agent_extent(s, mentions(s, NAMES)[0]) == (0, 11)


def test_a_modifier_is_no_subject():
    names_ = {**NAMES, "military": "group"}
    s = "Ostravia's military aid reached Karnavia."
    assert names(group_before(s, mentions(s, names_), s.index("reached"))) != ["military"]
    s = "The military attacked Karnavia."
    assert names(group_before(s, mentions(s, names_), s.index("attacked"))) == ["military"]


def test_a_possessive_pronoun_agent_stands_for_the_nearest_fitting_mention():
    from parley.events.role_actor import pronoun_agent
    s = "Tomas Brell spoke after the Velor Union members were beaten by his police."
    got = pronoun_agent(s, s.index("his") - 1, mentions(s, NAMES))
    assert got and got[2].name == "Tomas Brell" and s[got[0]:got[1]] == "his police"
    s = "Karnavia said Tomas Brell was detained by its forces."
    assert pronoun_agent(s, s.index("its") - 1, mentions(s, NAMES))[2].name == "Karnavia"


def test_the_fallback_phrase_of_another_clause_is_no_subject():
    # "The violence in X escalated as …": the phrase is the subject of "escalated", not of the later trigger
    assert _actor("The violence in Karnavia escalated as troops attacked the town.", "attacked") == []
    assert _actor("Authorities in Karnavia have attacked the town.", "attacked") == ["Karnavia"]


def _demonym_actor(sent: str, word: str, event: str, recs=(), passive=False):
    from parley.events.role_actor import demonym_actor
    got = demonym_actor(sent, cue(sent, word, event), ([], list(recs), None, None), [], (0, len(sent)), passive)
    return [(a.name, a.type) for a in got[0]], sent[slice(*got[2])] if got[2] else None


def test_a_demonym_opening_the_clause_names_the_acting_country_with_the_phrase_as_span():
    assert _demonym_actor("Canadians blamed the Velor Union for the fire.", "blamed", "ACCUSE") == \
        ([("Canada", "country")], "Canadians")
    assert _demonym_actor("Dutch forces have shelled the hills.", "shelled", "ASSAULT") == \
        ([("Netherlands", "country")], "Dutch forces")
    assert _demonym_actor("Hundreds of Chilean miners began a hunger strike.", "hunger strike", "PROTEST") == \
        ([("Hundreds of Chilean miners", "group")], "Hundreds of Chilean miners")  # the people protest, not the state


def test_no_demonym_actor_for_a_verb_after_it_a_passive_or_a_later_demonym():
    assert _demonym_actor("Canadians fear attack by the Velor Union.", "attack", "ASSAULT") == ([], None)
    assert _demonym_actor("Canadians were attacked overnight.", "attacked", "ASSAULT", passive=True) == ([], None)
    assert _demonym_actor("The rebels blamed Canadians.", "blamed", "ACCUSE") == ([], None)
    assert _demonym_actor("Velor troops blamed Karnavia.", "blamed", "ACCUSE") == ([], None)  # no demonym


def test_a_demonym_body_and_a_two_word_demonym_act_for_their_country():
    assert _demonym_actor("A Chilean court has convicted the smugglers.", "convicted", "SANCTION") == \
        ([("Chile", "country")], "A Chilean court")
    assert _demonym_actor("Sri Lankan troops on Friday freed the hostages.", "freed", "RETREAT") == \
        ([("Sri Lanka", "country")], "Sri Lankan troops")


def _named(sent: str, word: str, passive=False, known=None):
    from parley.events.role_actor import named_subject
    got = named_subject(sent, cue(sent, word), ([], [], None, None), mentions(sent, known or {}), (0, len(sent)),
                        passive)
    return [a.name for a in got[0]], sent[slice(*got[2])] if got[2] else None


def test_a_capitalised_subject_no_mention_names_the_actor():
    # the actors stage keeps a lone unknown word only with evidence; the subject of an event verb is that evidence
    assert _named("Since 2011, Dravek has accused Molnar of treason.", "accused") == (["Dravek"], "Dravek")
    assert _named("Hours earlier Dravek expelled the envoy.", "expelled") == (["Dravek"], "Dravek")
    assert _named("Dravek on Friday expelled the envoy.", "expelled") == (["Dravek"], "Dravek")
    assert _named("The Zorvani attacked a border post.", "attacked") == (["The Zorvani"], "The Zorvani")
    assert _named("Zorvani suicide bombers killed nine guards.", "killed") == \
        (["Zorvani suicide bombers"], "Zorvani suicide bombers")


def test_no_named_subject_after_a_preposition_for_a_passive_a_common_noun_or_a_mention():
    assert _named("In Karnavia rebels attacked a post.", "attacked") == ([], None)
    assert _named("Dravek was attacked at night.", "attacked", passive=True) == ([], None)
    assert _named("Guards attacked the guards' rivals.", "attacked") == ([], None)  # written lower case too
    assert _named("On Monday attacked the post.", "attacked") == ([], None)
    assert _named("More clashes were reported.", "clashes") == ([], None)  # a quantifier, no name
    assert _named("Others called on the council to act.", "called on") == ([], None)
    assert _named("Karnavia attacked the post.", "attacked", known={"Karnavia": "country"}) == ([], None)
    assert _named("Dravek said villagers attacked the post.", "attacked") == ([], None)  # another clause's
    assert _named("Dravek says villagers attacked the post.", "attacked") == ([], None)


def test_a_people_of_two_demonyms_and_a_subject_whose_country_is_the_recipient_are_groups():
    # "Bosnian Serbs": a people named by a second demonym, not either state
    assert _demonym_actor("Bosnian Serbs demanded a new vote.", "demanded", "REQUEST") == \
        ([("Bosnian Serbs", "group")], "Bosnian Serbs")
    # the country is already the recipient (the place of the act): the acting side is the phrase's group
    from parley.document import Actor
    chile = Actor(id="c1", name="Chile", type="country", code="CHL")
    got = demonym_actor_with("Chilean authorities imposed a curfew in northern Chile.", "curfew", "COERCE", [chile])
    assert [(a.name, a.type, a.code) for a in got[0]] == [("Chilean authorities", "group", "CHL")] and got[1] == [chile]
    # no recipient of that country: the country itself acts, as before
    assert _demonym_actor("Chilean authorities imposed a curfew.", "curfew", "COERCE") == \
        ([("Chile", "country")], "Chilean authorities")


def demonym_actor_with(sent: str, word: str, event: str, recs):
    from parley.events.role_actor import demonym_actor
    return demonym_actor(sent, cue(sent, word, event), ([], list(recs), None, None), [], (0, len(sent)))


def _appos(sent: str, name: str, word: str, event="REQUEST"):
    from parley.document import Actor
    from parley.events.role_actor import apposition_extent
    i = sent.index(name)
    roles = ([Actor(id="p", name=name, type="person")], [], (i, i + len(name)), None)
    got = apposition_extent(sent, cue(sent, word, event), roles, (0, len(sent)))
    return sent[slice(*got[2])]


def test_an_apposition_describing_the_actor_widens_its_span():
    assert _appos("Tomas Brell, the Velor Union's relief coordinator, demanded access.", "Tomas Brell",
                  "demanded") == "Tomas Brell, the Velor Union's relief coordinator"
    assert _appos("A member of the Karnavian assembly, Tomas Brell, began a hunger strike.", "Tomas Brell",
                  "hunger strike", "PROTEST") == "A member of the Karnavian assembly, Tomas Brell"
    assert _appos("Ostravia's emir, Sheikh Tomas Brell launched a mediation effort.", "Tomas Brell",
                  "mediation", "CONSULT") == "Ostravia's emir, Sheikh Tomas Brell"


def test_a_relative_clause_or_a_later_clause_is_no_apposition():
    assert _appos("Tomas Brell, who was elected in May, demanded access.", "Tomas Brell", "demanded") == "Tomas Brell"
    assert _appos("Tomas Brell, the envoy said, demanded access.", "Tomas Brell", "demanded") == "Tomas Brell"
    assert _appos("In the capital of Karnavia, Tomas Brell demanded access.", "Tomas Brell",
                  "demanded") == "Tomas Brell"


def test_a_possessor_before_a_generic_phrase_stays_the_subject():
    """"Ostravia's troops detained …": the possessor is the side, its troops the means (before, the phrase
    "troops" replaced Ostravia as the actor)."""
    sent = "Ostravia's troops detained 18 people."
    subj = [x for x in mentions(sent, NAMES) if x[2].name == "Ostravia"]
    assert phrase_subject(sent, sent.index("detained"), subj, generic.before) == subj


def test_a_phrase_after_an_adjunct_and_a_conjunction_opens_its_own_clause():
    """"… were brought up to Karnavia on Wednesday and both sides exchanged insults": the phrase is the subject of
    the second clause (before, the mention Karnavia, an object of the first clause, was the actor); a conjunct
    ("Karnavia's troops and rebel fighters") keeps the mention."""
    sent = "Reinforcements were brought up to Karnavia on Wednesday and both sides exchanged insults."
    subj = [x for x in mentions(sent, NAMES) if x[2].name == "Karnavia"]
    got = phrase_subject(sent, sent.index("exchanged"), subj, generic.before)
    assert sent[got[0][0]:got[0][1]] == "both sides"
    sent = "Karnavia's troops and rebel fighters exchanged fire."
    subj = [x for x in mentions(sent, NAMES) if x[2].name == "Karnavia"]
    assert phrase_subject(sent, sent.index("exchanged"), subj, generic.before) == subj


def test_a_list_with_the_before_a_member_is_one_group_once_and_joins_it():
    """"France, the UK and Italy recalled …": all three; ", the" alone joins nothing."""
    assert _actor("Ostravia, the Velor Union and Karnavia recalled their envoys.", "recalled") == \
        ["Ostravia", "Velor Union", "Karnavia"]
    assert _actor("Tomas Brell said Ostravia, the Velor Union host, recalled its envoy.", "recalled") == ["Ostravia"]
