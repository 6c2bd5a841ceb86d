"""parley.events.role_fill: the sides the clause rules leave empty, on text written for each test (fictional names
and real demonyms, whose countries come from the actors gazetteer)."""

from __future__ import annotations

from parley.events.role_fill import TIME_GAP, by_whom, complement_object, mobilized_means, speaker_subject
from role_fixtures import cue, mentions, names


def test_a_weekday_between_verb_and_phrase_is_skipped_for_the_recipient():
    assert TIME_GAP.match(" on Wednesday night with", 0).group().strip() == "on Wednesday night"
    assert TIME_GAP.match(" Sunday", 0) and not TIME_GAP.match(" Sundays", 0) and not TIME_GAP.match(" Brell", 0)


def test_the_forces_a_mobilize_moves_are_its_means_not_its_recipient():
    s = "Ostravia mobilized army reservists for a war against Karnavia."
    ms = mentions(s, {"Ostravia": "country", "army": "group", "Karnavia": "country"})
    for x in ms:
        x[2].code = "MIL" if x[2].name == "army" else None
    m = cue(s, "mobilized", "MOBILIZE")
    army = next(x for x in ms if x[2].name == "army")
    got = mobilized_means(s, m, ms, ([ms[0][2]], [army[2]], ms[0][:2], army[:2]), (0, len(s)))
    assert names([(0, 0, a) for a in got[1]]) == ["Karnavia"] and s[slice(*got[3])] == "Karnavia"
    # nothing they are moved against: no recipient; another type, or a recipient that is no force: unchanged
    s2 = "Ostravia mobilized army reservists."
    ms2 = [x for x in ms if x[2].name != "Karnavia"]
    ms2 = [(s2.index(x[2].name), s2.index(x[2].name) + len(x[2].name), x[2]) for x in ms2]
    assert mobilized_means(s2, cue(s2, "mobilized", "MOBILIZE"), ms2, ([ms2[0][2]], [ms2[1][2]], ms2[0][:2],
                                                                         ms2[1][:2]), (0, len(s2)))[1] == []
    roles = ([ms[0][2]], [army[2]], ms[0][:2], army[:2])
    assert mobilized_means(s, cue(s, "mobilized", "ASSAULT"), ms, roles, (0, len(s))) == roles
    kar = next(x for x in ms if x[2].name == "Karnavia")
    roles = ([ms[0][2]], [kar[2]], ms[0][:2], kar[:2])
    assert mobilized_means(s, m, ms, roles, (0, len(s))) == roles


def test_the_object_of_the_infinitive_a_cue_governs_is_its_recipient():

    def rec(s, word, event="THREATEN"):
        got = complement_object(s, cue(s, word, event), ([], [], None, None), (0, len(s)), False, [])
        return [a.name for a in got[1]], s[slice(*got[3])] if got[3] else None

    assert rec("Ostravia threatened to shell Chilean towns.", "threatened") == (["Chile"], "Chilean")
    assert rec("Ostravia threatened today to impose import curbs against Chilean goods.", "threatened") == \
        (["Chile"], "Chilean")
    assert rec("Ostravia refuses to free the prisoners.", "refuses to", "REJECT") == (["the prisoners"],
                                                                                      "the prisoners")
    # no infinitive after the cue, or a passive: nothing
    assert rec("Ostravia threatened Chilean towns.", "threatened") == ([], None)
    s = "Ostravia threatened to shell Chilean towns."
    assert complement_object(s, cue(s, "threatened"), ([], [], None, None), (0, len(s)), True, [])[1] == []


def test_the_by_phrase_of_the_act_a_response_is_about_is_its_recipient():

    def rec(s, word, event="ACCUSE", passive=False):
        got = by_whom(s, cue(s, word, event), ([], [], None, None), (0, len(s)), passive, [])
        return [a.name for a in got[1]]

    assert rec("Ostravia is investigating alleged abuses by Chilean troops in the north.", "investigating") == \
        ["Chilean troops"]
    # a noun that is no generic head ("units"; "forces" is one now, as "troops") gives the demonym's country
    assert rec("Ostravia is investigating abuses committed by Chilean units.", "investigating") == ["Chile"]
    assert rec("Ostravia accepted demands from the rebels over pay.", "accepted", "CONCEDE") == ["the rebels"]
    # not a response type, or a passive's agent: nothing
    assert rec("Ostravia is investigating alleged abuses by Chilean troops.", "investigating", "ASSAULT") == []
    assert rec("Ostravia was accused by Chilean troops.", "accused", passive=True) == []


def test_a_purpose_infinitive_after_a_nominal_trigger_gives_no_recipient():
    s = "It was the first phase of the attack to end the Chilean war."
    assert complement_object(s, cue(s, "attack"), ([], [], None, None), (0, len(s)), False, [])[1] == []


def test_they_of_a_reported_clause_is_its_generic_or_demonym_speaker():

    def act(s, word, event="THREATEN"):
        got = speaker_subject(s, cue(s, word, event), ([], [], None, None), (0, len(s)), False, [])
        return [a.name for a in got[0]]

    assert act("The Velor rebels said on Friday they would boycott the vote.", "boycott") == ["The Velor rebels"]
    assert act("Chileans said they would boycott the vote.", "boycott") == ["Chile"]
    # no pronoun subject after the speech verb, or "he" (a person, a mention): nothing
    assert act("The Velor rebels said the army would boycott the vote.", "boycott") == []
    assert act("The Velor rebels said he would boycott the vote.", "boycott") == []


def _when(sent: str, word: str, names=None, passive=True):
    from parley.events.role_fill import when_agent
    got = when_agent(sent, cue(sent, word), mentions(sent, names or {}), ([], [], None, None), passive)
    return [a.name for a in got[0]], sent[slice(*got[2])] if got[2] else None


def test_a_passive_attack_takes_its_doer_from_the_when_clause():
    assert _when("Nine guards were killed when the Velor Union attacked the depot.", "killed",
                 {"Velor Union": "organization"}) == (["Velor Union"], "Velor Union")
    assert _when("Nine guards were killed as Velor Union fighters launched rockets.", "killed",
                 {"Velor Union": "organization"}) == (["Velor Union"], "Velor Union fighters")
    assert _when("Nine guards were killed when drones struck the depot.", "killed") == (["drones"], "drones")


def test_no_when_doer_for_an_active_verb_a_by_agent_or_a_clause_of_no_attack():
    assert _when("Nine guards were killed when talks failed.", "killed") == ([], None)
    assert _when("Nine guards were killed by mortars when drones struck.", "killed") == ([], None)
    assert _when("Drones killed nine guards when rebels attacked.", "killed", passive=False) == ([], None)


def test_a_nominal_attack_by_a_named_doer_then_its_harm_verb_gives_the_harmed():
    """"A car bombing by the Velor Union group killed at least 40 people": the by-phrase of the nominal stands
    between it and its verb, whose object undergoes; so does a comma aside past the clause window."""
    from parley.events.role_fill import nominal_did
    known = {"Velor Union": "organization", "Karnavia": "country"}
    s = "A car bombing by the Velor Union group killed at least 40 people in Karnavia."
    ms = mentions(s, known)
    got = nominal_did(s, cue(s, "bombing"), ms, ([ms[0][2]], [], ms[0][:2], None), (0, 38), False)
    assert s[slice(*got[3])] == "at least 40 people"
    s = "Recent Velor Union raids, occurring every three days, have killed Karnavia officials."
    ms = mentions(s, known)
    got = nominal_did(s, cue(s, "raids"), ms, ([ms[0][2]], [], ms[0][:2], None), (0, 25), False)
    assert got[1] and s[slice(*got[3])].startswith("Karnavia")
