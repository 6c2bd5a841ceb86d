"""parley.events.role_speech: whose act a speech cue reports, on text written for each test (fictional names)."""

from __future__ import annotations

from parley.events.role_speech import asked_of, own_act, reported_roles, statement_target
from role_fixtures import cue, mentions

NAMES = {"Karnavia": "country", "Velor Union": "organization", "Tomas Brell": "person", "Ostravia": "country"}


def _sp(sent: str, word: str = "said"):
    ms = mentions(sent, NAMES)
    c = cue(sent, word, None)
    speaker = [x for x in ms if x[1] <= c.start][-1:]
    return c, ms, [x[2] for x in speaker], speaker[0][:2] if speaker else None


def test_the_speakers_own_commitment_and_a_report_of_others():
    s = "Tomas Brell said he would meet Karnavia."
    c, ms, spk, src = _sp(s)
    assert own_act(s, c)
    acts, recs, _, _ = reported_roles(s, c, ms, spk, src)
    assert [a.name for a in acts] == ["Tomas Brell"] and [a.name for a in recs] == ["Karnavia"]
    s = "Tomas Brell said that Ostravia attacked Karnavia."
    c, ms, spk, src = _sp(s)
    assert not own_act(s, c)
    acts, recs, _, _ = reported_roles(s, c, ms, spk, src)
    assert [a.name for a in acts] == ["Ostravia"] and [a.name for a in recs] == ["Karnavia"]


def test_told_an_addressee_to_is_the_speakers_act():
    s = "Tomas Brell told the Velor Union to leave."
    c, *_ = _sp(s, "told")
    assert own_act(s, c)


def test_a_statement_target_is_never_the_speaker():
    s = "Tomas Brell expressed concern to the Velor Union about Tomas Brell."
    c, ms, spk, _ = _sp(s, "expressed")
    recs, span = statement_target(s, c, ms, spk)
    assert [a.name for a in recs] == ["Velor Union"] and s[slice(*span)] == "Velor Union"


def test_said_then_a_name_is_a_reported_subject_not_an_addressee():
    s = "Tomas Brell said Ostravia attacked Karnavia."
    c, ms, spk, src = _sp(s)
    acts, recs, _, _ = reported_roles(s, c, ms, spk, src)
    assert [a.name for a in acts] == ["Ostravia"] and [a.name for a in recs] == ["Karnavia"]
    s = "Tomas Brell warned the Velor Union that Karnavia was ready."
    c, ms, spk, src = _sp(s, "warned")
    acts, recs, _, _ = reported_roles(s, c, ms, spk, src)
    assert [a.name for a in acts] == ["Tomas Brell"] and [a.name for a in recs] == ["Velor Union"]


def test_a_reported_obligation_is_the_speakers_demand_of_its_subject():
    s = "Tomas Brell said on Monday that the Velor Union and Ostravia must withdraw from Karnavia."
    c, ms, spk, src = _sp(s)
    acts, recs, _, _ = reported_roles(s, c, ms, spk, src)
    assert [a.name for a in acts] == ["Tomas Brell"] and [a.name for a in recs] == ["Velor Union"]


def test_a_trigger_inside_a_reported_obligation_is_the_speakers_demand():
    from parley.events.role_speech import demanded
    s = "Ostravia says Karnavia must end attacks on the Velor Union."
    ms = mentions(s, NAMES)
    acts, recs, src, tgt = demanded(s, cue(s, "attacks"), ms, ([], [], None, None))
    assert [a.name for a in acts] == ["Ostravia"] and [a.name for a in recs] == ["Karnavia"]
    s = "Ostravia says Karnavia ended attacks on the Velor Union."  # a report, no obligation: untouched
    ms = mentions(s, NAMES)
    assert demanded(s, cue(s, "attacks"), ms, ([], [], None, None)) == ([], [], None, None)


def test_an_obligation_after_a_place_or_time_adverb_or_a_reiterated_one_is_a_demand():
    """"said here Wednesday that X must …" (two adverbs before "that") and "reiterated / announced that X must …"
    were read as X's own act."""
    from parley.events.role_speech import demanded
    for s in ("Tomas Brell said here Wednesday that Karnavia must end attacks on the Velor Union.",
              "Tomas Brell reiterated that Karnavia must end attacks on the Velor Union.",
              "Tomas Brell announced that Karnavia must end attacks on the Velor Union."):
        ms = mentions(s, NAMES)
        acts, recs, _, _ = demanded(s, cue(s, "attacks"), ms, ([], [], None, None))
        assert [a.name for a in acts] == ["Tomas Brell"] and [a.name for a in recs] == ["Karnavia"], s


def test_a_plain_subject_phrase_makes_a_reported_obligation():
    """"Karnavian rebels announced that Ostravia must …": no actor mention before the cue; the subject phrase
    demands (the speech unit's speaker, see ``find_speaker``), not nobody."""
    from parley.events.role_speech import demanded
    s = "Karnavian rebels announced that Ostravia must end attacks on the Velor Union."
    ms = mentions(s, {"Ostravia": "country", "Velor Union": "organization"})
    acts, recs, src, _ = demanded(s, cue(s, "attacks"), ms, ([], [], None, None))
    assert [a.name for a in acts] == ["Karnavian rebels"] and s[slice(*src)] == "Karnavian rebels"
    assert [a.name for a in recs] == ["Ostravia"]


def _asked(sent: str, word: str, rec: str | None = None) -> list[str]:
    ms = mentions(sent, NAMES)
    m = cue(sent, word, "REQUEST")
    acts = [x for x in ms if x[1] <= m.start][:1]
    r = [x for x in ms if x[2].name == rec][:1]
    roles = ([acts[0][2]], [r[0][2]] if r else [], acts[0][:2], r[0][:2] if r else None)
    return [a.name for a in asked_of(sent, m, ms, roles, [])[1]]


def test_a_demand_names_whom_it_is_made_of():
    """"demanded the withdrawal of Indian forces from Karnavia": the forces' side is asked, not the place or a
    later name; "demanded that the Velor Union stop …": the clause's subject; "demanded an apology from X"."""
    assert _asked("Ostravia demanded the withdrawal of Indian forces from Karnavia.", "demanded") == ["India"]
    assert _asked("Ostravia demanded that the Velor Union stop shelling Karnavia.", "demanded", "Karnavia") == \
        ["Velor Union"]
    assert _asked("Ostravia demanded an apology from the Velor Union.", "demanded") == ["Velor Union"]
    # the release of X: X is what is handed over, not who is asked
    assert _asked("Ostravia demanded the release of Tomas Brell.", "demanded", "Tomas Brell") == ["Tomas Brell"]


def test_a_demonym_of_what_a_statement_is_about_names_its_target():
    """"said it is skeptical about Iranian motives in paying aides to Tomas Brell": Iran, not the later Brell;
    the speaker's own demonym is none ("Indian officials said it is wary of Indian debt")."""
    s = "Karnavia said it is skeptical about Iranian motives in paying aides to Tomas Brell."
    c, ms, spk, _ = _sp(s, "skeptical")
    recs, span = statement_target(s, c, ms, spk)
    assert [a.name for a in recs] == ["Iran"] and s[slice(*span)] == "Iranian"
    s = "Tomas Brell expressed doubts about the plan of the Velor Union."
    c, ms, spk, _ = _sp(s, "doubts")
    assert [a.name for a in statement_target(s, c, ms, spk)[0]] == ["Velor Union"]


def test_a_plain_subject_phrase_or_name_before_the_cue_speaks():
    """"Karnavian leaders said they hoped …", "Zorvin expresses his condolences …": no actor mention before the
    cue, so the statement went out with no speaker; the subject phrase (a listed head) or the capitalised name
    right before the cue speaks."""
    from parley.document import Document
    from parley.events.role_speech import find_speaker
    for text, word, who in (("Karnavian leaders said they hoped for calm.", "said", "Karnavian leaders"),
                            ("Zorvin expresses his condolences for the victims.", "expresses", "Zorvin")):
        doc = Document(id="t", text=text)
        got, span = find_speaker(doc, 0, len(text), [], cue(text, word, None))
        assert [a.name for a in got] == [who] and text[slice(*span)] == who
    text = "On Monday it was said that talks would resume."
    doc = Document(id="t", text=text)
    assert find_speaker(doc, 0, len(text), [], cue(text, "said", None)) == ([], None)


def test_coordinated_speakers_all_speak():
    """"Both Karnavia and Ostravia expressed pessimism …": the speaker was the nearer name only."""
    from parley.document import Document
    from parley.events.role_speech import find_speaker
    text = "Both Karnavia and Ostravia expressed pessimism about the talks."
    ms = mentions(text, NAMES)
    got, span = find_speaker(Document(id="t", text=text), 0, len(text), ms, cue(text, "expressed", None))
    assert [a.name for a in got] == ["Karnavia", "Ostravia"] and text[slice(*span)] == "Ostravia"
    text = "Karnavia's ally Ostravia expressed pessimism about the talks."
    ms = mentions(text, NAMES)
    assert [a.name for a in find_speaker(Document(id="t", text=text), 0, len(text), ms,
                                         cue(text, "expressed", None))[0]] == ["Ostravia"]
