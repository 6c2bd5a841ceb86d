"""Generic participants (parley.events.generic): a plain noun phrase fills an empty event role — on sentences
written for the test (fictional names), through the whole events stage and on the phrase finder alone."""

from __future__ import annotations

import pytest

from parley.context import Context
from parley.document import Actor
from parley.events import annotate, generic
from test_event_extraction import BRELL, HAS_MODEL, OSTRAVIA, _doc

KARNAVIA = ("Karnavia", "country")
STAGE = pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")


@pytest.fixture(scope="module")
def ctx():
    return Context()


def _typed(text, actors, ctx, etype):
    doc = annotate(_doc(text, actors, ()), ctx)
    evs = [e for e in doc.events if e.event == etype]
    assert evs, [(e.event, e.trigger, e.actor, e.recipient) for e in doc.events]
    return doc, evs[0]


@STAGE
def test_object_phrase_is_the_recipient_with_its_span(ctx):
    text = "Ostravia detained 18 people after the riot in the capital."
    doc, ev = _typed(text, {"o": OSTRAVIA}, ctx, "COERCE")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["18 people"]
    assert ev.recipient_ids == ["generic:persons"]
    s0, s1 = ev.recipient_spans[0]
    assert doc.text[s0:s1] == "18 people"
    assert not [a for a in doc.actors if a.id.startswith("generic:")]  # no actor record is invented


@STAGE
def test_passive_subject_phrase_is_the_recipient_and_the_agent_phrase_the_actor(ctx):
    text = "At least 23 civilians were killed by gunmen near the border of Karnavia."
    _, ev = _typed(text, {"k": KARNAVIA}, ctx, "ASSAULT")
    assert ev.recipient == ["At least 23 civilians"]
    assert ev.actor == ["gunmen"]


@STAGE
def test_a_body_of_officials_is_a_generic_actor(ctx):
    """A committee, council, panel or commission that acts ("urged", "demanded") is the event's actor when no
    actor mention fills the role: before, "The ministerial committee also urged Karnavia" had no actor."""
    text = "The ministerial committee also urged Karnavia to withdraw its tanks from the cities."
    _, ev = _typed(text, {"k": KARNAVIA}, ctx, "REQUEST")
    assert ev.actor == ["The ministerial committee"] and ev.actor_ids == ["generic:committees"]
    assert ev.recipient == ["Karnavia"]


@STAGE
def test_a_named_actor_is_never_replaced(ctx):
    _, ev = _typed("Ostravia attacked Karnavia and its villagers.", {"o": OSTRAVIA, "k": KARNAVIA}, ctx, "ASSAULT")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["Karnavia"]


def test_phrase_finder_needs_a_listed_head():
    sent = "The rebels freed prisoners from a jail and released a report."
    got = generic.after(sent, sent.index("freed") + 5, len(sent))
    assert got and sent[got[0]:got[1]] == "prisoners" and got[2].code is None
    assert generic.before(sent, sent.index("freed"), 0)[2].code == "REB"
    # "a report" has no participant head: not a participant
    assert generic.after(sent, sent.index("released") + 8, len(sent)) is None


def test_reduced_relative_participle_makes_the_phrase_undergo():
    sent = "Of the 108 people killed on 25 May, 49 were children."

    class M:
        start, end = sent.index("killed"), sent.index("killed") + 6

    acts, recs, _, _ = generic.fill(sent, M, ([], [], None, None), (0, sent.index(",")), passive=False)
    assert not acts and [r.name for r in recs] == ["the 108 people"]


def test_cue_vetoes_for_names_and_economic_words():
    """A cue inside an actor's name, an economic phrase, the public's attitude or a shared opinion names no event
    (data/ontology/cue_vetoes.tsv)."""
    from parley.events import coding
    from parley.events.ontology import get_ontology

    onto = get_ontology(Context())

    def types(sent):
        return {m.cue.event for m in coding.find_article_cues(onto, sent) if m.cue.kind == "event"}

    assert "REQUEST" not in types("Prices will rise once energy demand recovers next year.")
    assert "AID" not in types("The site of the aid agency has become a hospital.")
    assert "AGREE" not in types("The singer did not say how much the book deal was worth.")
    assert "REQUEST" in types("The union made a demand for higher wages from Ostravia.")
    assert "AID" in types("Ostravia sent aid to the flooded towns.")
    # an attitude of the public and a shared opinion are no acts of a party
    assert "SUPPORT" not in types("The mayors feared the cuts would erode public support for the plan.")
    assert "AGREE" not in types("The two ministers agreed on one thing: the floods were nobody's fault.")
    assert "SUPPORT" in types("Ostravia voiced strong support for the plan.")
    # facts bearing out a view: no party backs anything
    assert "SUPPORT" not in types("The data just does n't support the fear of a flood in Velmar.")
    assert "SUPPORT" not in types("The evidence clearly backs the mayor's account.")
    assert "SUPPORT" in types("The council clearly backs the mayor's plan.")
    assert "AGREE" in types("The two ministers agreed on a ceasefire.")


def test_declining_to_comment_is_no_rejection_and_new_predicates_are_cued():
    from parley.events import coding
    from parley.events.ontology import get_ontology

    onto = get_ontology(Context())

    def types(sent):
        return {m.cue.event for m in coding.find_article_cues(onto, sent) if m.cue.kind == "event"}

    assert "REJECT" not in types("The Ostravian ministry declined to comment on the dispute.")
    assert "REJECT" in types("Ostravia declined to extradite the two men.")
    assert "ASSAULT" in types("Karnavian troops captured the airport on Sunday.")
    assert "SANCTION" in types("Ostravia has closed its borders with Karnavia.")
    assert "CONSULT" in types("The prime minister will be hosting a private dinner for the envoy.")


@STAGE
def test_expressed_concern_with_words_between_is_a_statement(ctx):
    from test_event_extraction import BRELL

    doc = annotate(_doc("Tomas Brell expressed serious concern about the new budget.", {"b": BRELL}, ()), ctx)
    assert doc.events and all(e.event is None and e.kind == "statement" for e in doc.events)
    assert doc.events[0].cameo == "012" and doc.events[0].actor == ["Tomas Brell"]


def test_material_cooperation_predicates_and_denials():
    from parley.events import coding
    from parley.events.ontology import get_ontology

    onto = get_ontology(Context())

    def cues(sent):
        return {(m.cue.event, m.cue.cameo) for m in coding.find_article_cues(onto, sent) if m.cue.kind == "event"}

    assert ("AID", "071") in cues("Ostravia gave 12 million euros to the Karnavian health ministry.")
    assert ("COOPERATE", "062") in cues("Ostravia and Karnavia began joint military exercises on Monday.")
    assert ("CONCEDE", "081") in cues("Ostravia lifted a travel restriction on Karnavian citizens.")
    assert ("REJECT", "016") in cues("The minister rejected accusations that he had lied.")
    assert not {c for c in cues("Ostravia gave a speech in the capital.") if c[0] == "AID"}
    assert ("ASSAULT", "190") in cues("Karnavian forces launched rockets at the border posts.")
    assert ("COERCE", "172") in cues("The rebels prevented reporters from reaching the front line.")
    assert ("THREATEN", "130") in cues("The president vowed to hold the company accountable.")
    assert ("ACCUSE", "111") in cues("The ministry has come under fire from lawmakers.")
    assert ("REJECT", "016") in cues("He denies illegally selling the land.")
    assert ("REQUEST", "020") in cues("Local officials plan to ask the company to pay for the damage.")


def test_singular_head_before_a_noun_is_a_modifier_not_a_participant():
    sent = "Forces launched rockets at rebel positions in the town."
    assert generic.after(sent, sent.index("rockets") + 7, len(sent)) is None
    sent = "Police detained a man accused of theft."
    assert generic.after(sent, sent.index("detained") + 8, len(sent))[2].name == "a man"


@STAGE
def test_attribution_is_no_participant_and_attributed_to_names_the_actor(ctx):
    from test_event_extraction import BRELL

    text = "Karnavia condemned the air strikes attributed to Ostravia, Tomas Brell said."
    doc = annotate(_doc(text, {"k": KARNAVIA, "o": OSTRAVIA, "b": BRELL}, ()), ctx)
    strikes = [e for e in doc.events if e.trigger == "air strikes"]
    assert strikes and strikes[0].actor == ["Ostravia"] and "Tomas Brell" not in strikes[0].recipient
    _, ev = _typed("Ostravian forces attacked the town, Tomas Brell said.", {"o": OSTRAVIA, "b": BRELL}, ctx,
                   "ASSAULT")
    assert ev.recipient != ["Tomas Brell"]


@STAGE
def test_a_distant_by_agent_of_a_passive_is_the_actor(ctx):
    from test_event_extraction import BRELL

    text = "Tomas Brell was detained in the port town, north of the capital, by forces loyal to Ostravia on Friday."
    _, ev = _typed(text, {"b": BRELL, "o": OSTRAVIA}, ctx, "COERCE")
    assert ev.recipient == ["Tomas Brell"] and ev.actor == ["Ostravia"]


@STAGE
def test_criticism_undergone_from_z_is_z_accusing_the_subject(ctx):
    from test_event_extraction import MARSH

    _, ev = _typed("The Marsh Party has come under fire from Ostravia over the budget.", {"m": MARSH, "o": OSTRAVIA},
                   ctx, "ACCUSE")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["Marsh Party"]


def test_a_mishap_is_no_assault_but_a_bomb_blast_is():
    from parley.events.constructions import by_mishap

    class M:
        def __init__(self, sent, word):
            self.start = sent.index(word)
            self.end = self.start + len(word)

    s1 = "A fire at the warehouse killed 11 workers."
    s2 = "Nine people were killed in the earthquake on Sunday."
    s3 = "A car bomb explosion killed 11 workers."
    s4 = "Ostravian troops opened fire and killed two men."
    assert by_mishap(s1, M(s1, "killed"), []) and by_mishap(s2, M(s2, "killed"), [])
    assert not by_mishap(s3, M(s3, "killed"), []) and not by_mishap(s4, M(s4, "killed"), [])


def test_a_group_phrase_keeps_its_qualifiers_and_leaders_or_authorities_are_heads():
    s = "Karnavian rebel leaders agreed to talks."
    got = generic.before(s, s.index("agreed"), 0)
    assert got and s[got[0]:got[1]] == "Karnavian rebel leaders"
    s = "Velorian authorities detained them."
    got = generic.before(s, s.index("detained"), 0)
    assert got and got[2].code == "GOV" and s[got[0]:got[1]] == "Velorian authorities"
    s = "the said leaders met"  # a verb or function word is no modifier
    got = generic.before(s, s.index("met"), 0)
    assert got and s[got[0]:got[1]] == "leaders"


def test_a_complement_takes_the_clause_opening_phrase_as_its_actor():
    class M:
        start = 0
        end = 0
    s = "Karnavian foreign ministers agreed on Saturday to provide aid."
    m = M()
    m.start = s.index("provide")
    m.end = m.start + len("provide")
    acts, _, src, _ = generic.fill(s, m, ([], [], None, None), (0, len(s)), False)
    assert s[slice(*src)] == "Karnavian foreign ministers"


def test_a_subordinator_is_no_modifier_of_the_phrase():
    # "Friday as armed fighters": "as" opens the clause, so the phrase never reaches back to "Friday as …"
    s = "Shelling resumed Friday as masked fighters attacked the town."
    got = generic.before(s, s.index("attacked"), 0)
    assert s[got[0]:got[1]] == "masked fighters"


class _M:
    def __init__(self, sent, word):
        self.start = sent.index(word)
        self.end = self.start + len(word)


def _fill(sent, word):
    from parley.events import coding
    m = _M(sent, word)
    acts, recs, _, _ = generic.fill(sent, m, ([], [], None, None), coding.clause_window(sent, m.start), False)
    return [a.name for a in acts], [a.name for a in recs]


def test_an_opening_phrase_before_a_finite_verb_with_no_object_is_its_actor():
    """"The rebels attacked on Friday and were repelled": the phrase that opens the clause is the subject of an
    intransitive finite verb, not a reduced passive's undergoer."""
    assert _fill("The rebels attacked on Friday and were repelled by the border guards.", "attacked") == (
        ["The rebels"], [])
    assert _fill("Rebels surrendered last week.", "surrendered") == (["Rebels"], [])
    assert _fill("On Tuesday, the rebels attacked.", "attacked") == (["the rebels"], [])


def test_a_finite_verb_with_adjuncts_and_an_attribution_is_no_reduced_passive():
    """Item f: "Five hundred Ugandan rebels surrendered last week in the eastern town …, a local official said"
    had the rebels surrendered by someone (the adjuncts ran past the three words allowed, the attribution was no
    end); a few adjuncts then an attribution still close a finite verb's clause."""
    assert _fill("Two hundred guerrillas surrendered on Monday in the hill town of Korro following a long siege, "
                 "a police officer said.", "surrendered") == (["Two hundred guerrillas"], [])
    assert _fill("The fishermen protested outside the port, the agency reported.", "protested") == (
        ["The fishermen"], [])
    # a participle after a noun before the clause's own verb stays a reduced passive
    assert _fill("The guerrillas surrendered on Monday in the hill town were disarmed.", "surrendered") == (
        [], ["The guerrillas"])


def test_a_reduced_passive_keeps_its_undergoer():
    # after a noun of a larger clause, before the clause's own verb, or a verb that needs an object when active
    assert _fill("The mayor mourned the 40 villagers killed on 3 June.", "killed") == ([], ["the 40 villagers"])
    assert _fill("The prisoners freed last week were flown home.", "freed") == ([], ["The prisoners"])
    assert _fill("Twelve civilians killed in blast", "killed") == ([], ["Twelve civilians"])
    assert _fill("The rebels attacked in the hills of the far north were few.", "attacked") == ([], ["The rebels"])


def test_a_passive_with_a_plain_adverb_keeps_its_undergoer():
    """"were later shot dead": "later" stands between the auxiliary and the participle like "reportedly"."""
    assert generic.before("Six more villagers were later", len("Six more villagers were later"), 0)[2].name == \
        "Six more villagers"


def test_attackers_and_commanders_are_generic_participants():
    """"a Taliban suicide bomber killed 15 trainees", "Two … suicide bombers killed …" had no actor, "ten
    Hamas commanders" no recipient: the heads name participants (generic_heads.tsv)."""
    s = "Two suicide bombers killed"
    assert generic.before(s, len(s) - len(" killed"), 0)[2].name == "Two suicide bombers"
    s = "killed three commanders near the border"
    assert generic.after(s, len("killed"), len(s), prep=False)[2].name == "three commanders"


def test_a_phrase_never_opens_on_a_capitalised_conjunction():
    """"As African presidents negotiated …" gave the actor "As African presidents"; "presidents" and
    "leadership" are participant heads."""
    s = "As Karnavian presidents negotiated"
    assert generic.before(s, len(s) - len(" negotiated"), 0)[2].name == "Karnavian presidents"
    s = "When the leadership refused"
    assert generic.before(s, len(s) - len(" refused"), 0)[2].name == "the leadership"


def test_sides_and_parties_are_generic_heads_with_all_and_both():
    """"both sides", "all parties": a collective the article does not name is still the side that acts or is
    asked; before, "sides" was no head and "all" / "both" no phrase word, so "urge all sides" had no recipient."""
    sent = "The envoy will urge all sides to let the convoys pass."
    got = generic.after(sent, sent.index("urge") + 4, len(sent))
    assert got and got[2].name == "all sides" and got[2].id == "generic:sides"
    sent = "The talks failed and both parties exchanged insults over the radio."
    got = generic.before(sent, sent.index("exchanged"), 0)
    assert got and got[2].name == "both parties" and got[2].id == "generic:parties"
    assert generic.after("talks on the border", 0, 19) is None  # no head: nothing


@STAGE
def test_both_sides_acting_is_the_actor_and_all_sides_asked_the_recipient(ctx):
    _, ev = _typed("Both sides exchanged insults over the radio on Friday.", {"k": KARNAVIA}, ctx, "ACCUSE")
    assert ev.actor == ["Both sides"]
    _, ev = _typed("Karnavia will urge all sides to allow access for aid convoys.", {"k": KARNAVIA}, ctx, "REQUEST")
    assert ev.actor == ["Karnavia"] and ev.recipient == ["all sides"]


@STAGE
def test_parties_to_a_named_conflict_are_that_party(ctx):
    """"demanded parties to the conflict in Karnavia": the complement names whose parties they are, so the named
    party is the recipient (as a CAMEO coder codes it), not the bare phrase "parties"."""
    _, ev = _typed("Ostravia demanded parties to the conflict in Karnavia to allow aid workers in.",
                   {"o": OSTRAVIA, "k": KARNAVIA}, ctx, "REQUEST")
    assert ev.actor == ["Ostravia"] and ev.recipient == ["Karnavia"]


@STAGE
def test_a_subject_phrase_before_a_reduced_ing_relative_acts(ctx):
    """"gunmen firing from a truck killed …": the "-ing" relative qualifies the subject, which is the actor;
    before, the words right before the verb held no head and the attack had no actor."""
    _, ev = _typed("In Karnavia, gunmen firing from a truck killed two officers on Sunday.", {"k": KARNAVIA}, ctx,
                   "ASSAULT")
    assert ev.actor == ["gunmen"]
    sent = "Gunmen, firing from a truck, killed two officers."
    assert generic._participle_subject(sent, type("M", (), {"start": sent.index("killed")})(), 0) is None  # commas


def test_a_court_is_a_judicial_participant():
    """"a Swiss court rejected …", "a Turkish court freed …": the court acts (ConfliBERT codes it; a court
    judges, CAMEO JUD); the actor side was empty."""
    sent = "On Monday, a Karnavian court freed two journalists."
    got = generic.before(sent, sent.index("freed"), 0)
    assert got and sent[got[0]:got[1]] == "a Karnavian court" and got[2].code == "JUD"

def test_forces_is_a_head_and_a_singular_head_before_a_head_modifies_it():
    """"rebel forces", "Karnavian forces": a plural "forces" names the side's fighters (before, "Rebel forces" was no
    phrase: "rebel" counted as a modifier of a non-head and the scan stopped); "a peacekeeping force" (singular) is
    a means, no head; "rebel positions" stays no participant."""
    sent = "Ostravia attacked rebel forces near the river."
    got = generic.after(sent, sent.index("attacked") + len("attacked"), len(sent))
    assert got and sent[got[0]:got[1]] == "rebel forces"
    sent = "Ostravia shelled rebel positions near the river."
    assert generic.after(sent, sent.index("shelled") + len("shelled"), len(sent)) is None
    sent = "Ostravia sent troops to a peacekeeping force in the south."
    assert generic.after(sent, sent.index(" to ") + 1, len(sent)) is None


@STAGE
def test_a_subject_phrase_before_a_place_phrase_acts(ctx):
    """"Rebel forces in eastern Karnavia pushed their offensive …": the place phrase between the subject and the
    verb locates the subject, which acts (before, the words right before the verb held no head: no actor)."""
    _, ev = _typed("May 3 (Wire) - Rebel forces in eastern Karnavia pushed their offensive south on Monday.",
                   {"k": KARNAVIA}, ctx, "ASSAULT")
    assert ev.actor == ["Rebel forces"]
    sent = "Ostravia said officials in Karnavia attacked the town."
    m = type("M", (), {"start": sent.index("attacked")})()
    assert generic._postmodified_subject(sent, m, 0) is None  # a verb before the phrase: no subject of its own


@STAGE
def test_a_modifier_actor_names_the_group_without_the_nouns_article(ctx):
    """"a rebel offensive": the article is the offensive's and the offensive the rebels' (before, the actor was named
    "a rebel", which no coder's "rebels" matches); a plural or mass head stays as written."""
    _, ev = _typed("In Karnavia there were reports of a rebel offensive near the capital on Monday.", {"k": KARNAVIA},
                   ctx, "ASSAULT")
    assert ev.actor == ["rebels"]
    sent = "an insurgent attack"
    got = generic.as_modifier(sent, generic.before(sent, sent.index(" attack"), 0, skip_aux=False))
    assert got[2].name == "insurgents" and sent[got[0]:got[1]] == "insurgent"
    sent = "the gunmen attack"
    assert generic.as_modifier(sent, generic.before(sent, sent.index(" attack"), 0, skip_aux=False))[2].name == "gunmen"


def test_the_forward_scan_passes_plain_modifiers_before_a_head():
    """"two high-ranking policemen", "some housing officials", "two police officers": the scan went no further than
    the quantity (a plain lower-case modifier stopped it), so the object had no phrase; a verb right after the
    trigger is no modifier ("promised to release political prisoners")."""
    for sent, want in (("Gunmen killed two high-ranking policemen.", "two high-ranking policemen"),
                       ("Plans angered some housing officials.", "some housing officials"),
                       ("Gunmen shot two police officers.", "two police officers"),
                       ("Ostravia freed political prisoners.", "political prisoners")):
        verb = sent.split()[1]
        got = generic.after(sent, sent.index(verb) + len(verb), len(sent))
        assert got and sent[got[0]:got[1]] == want, sent
    sent = "Ostravia promised to release political prisoners."
    assert generic.after(sent, sent.index(" to ") + 3, len(sent), prep=False) is None


@STAGE
def test_a_protest_noun_with_no_actor_takes_its_clause_subject_or_the_crowd_it_implies(ctx):
    """"massive demonstrations calling for the ouster of X": the demonstrators protest (before, no actor); a strike
    takes its clause's subject ("Thousands of dock workers … in a strike") and implies no crowd of its own; a
    possessor ("Her protest") is whose protest it is, no crowd."""
    _, ev = _typed("On Friday, massive demonstrations called for the ouster of the Karnavia government.",
                   {"k": KARNAVIA}, ctx, "PROTEST")
    assert ev.actor == ["demonstrators"]
    m = type("M", (), {"start": 0, "end": 6, "cue": type("C", (), {"event": "PROTEST"})()})()
    sent = "Her personal protest moved many."
    m.start, m.end = sent.index("protest"), sent.index("protest") + 7
    assert generic.implied_crowd(sent, m, ([], [], None, None), (0, len(sent)))[0] == []  # a possessor protests
    m.start, m.end = 0, 6
    sent = "strike on the jihadists"
    assert generic.implied_crowd(sent, m, ([], [], None, None), (0, len(sent)))[0] == []
    sent = "Thousands of dock workers have stopped work in a strike over pay."
    m.start, m.end = sent.index("strike"), sent.index("strike") + 6
    assert [a.name for a in generic.implied_crowd(sent, m, ([], [], None, None), (0, len(sent)))[0]] == \
        ["Thousands of dock workers"]


def test_a_group_noun_before_a_protest_noun_is_who_protests():
    """"The reporter had covered an opposition protest": the opposition protests, not the subject of "covered";
    "a student protest" likewise; a plain adjective ("a peaceful protest") names no group and keeps the roles."""
    m = type("M", (), {"start": 0, "end": 0, "cue": type("C", (), {"event": "PROTEST"})()})()
    reporter = Actor(id="r", name="Tomas Brell", type="person")
    for sent, want in (("Tomas Brell had covered an opposition protest in the capital.", "opposition"),
                       ("Tomas Brell had covered a student protest in the capital.", "student")):
        m.start, m.end = sent.index("protest"), sent.index("protest") + 7
        acts = generic.implied_crowd(sent, m, ([reporter], [], (0, 11), None), (0, len(sent)))[0]
        assert [a.name for a in acts] == [want], sent
    sent = "Tomas Brell had covered a peaceful protest in the capital."
    m.start, m.end = sent.index("protest"), sent.index("protest") + 7
    assert generic.implied_crowd(sent, m, ([reporter], [], (0, 11), None), (0, len(sent)))[0] == [reporter]


def test_a_number_keeps_its_thousands_comma():
    """"About 1,100 contract employees": the tokenizer split "1,100" at its comma, which ended the phrase scan."""
    sent = "About 1,100 contract employees stopped work."
    got = generic.after(sent, 0, len(sent), prep=False)
    assert got and sent[got[0]:got[1]] == "About 1,100 contract employees"
    sent = "Police detained 18, 20 and 30 people."
    got = generic.after(sent, sent.index("detained") + 8, len(sent))
    assert got is None  # a list of numbers is no one phrase


@STAGE
def test_a_trial_noun_accuses_its_possessor_and_implies_the_prosecutors(ctx):
    """"Tomas Brell, whose trial is due to begin": the prosecutors accuse Brell; the nominal rule had made the
    possessor the accuser. A possessive ("Brell's trial") reads the same; any other noun is left alone."""
    _, ev = _typed("Tomas Brell, whose trial is due to begin in May, is accused of fraud.", {"b": BRELL}, ctx, "ACCUSE")
    assert ev.actor == ["prosecutors"] and ev.recipient == ["Tomas Brell"]
    sent = "Tomas Brell's trial opens in May."
    brell = Actor(id="b", name="Tomas Brell", type="person")
    m = type("M", (), {"start": sent.index("trial"), "end": sent.index("trial") + 5,
                       "cue": type("C", (), {"event": "ACCUSE"})()})()
    got = generic.tried_party(sent, m, ([brell], [], (0, 11), None))
    assert [a.name for a in got[0]] == ["prosecutors"] and got[1] == [brell] and got[3] == (0, 11)
    m.cue.event = "ASSAULT"
    assert generic.tried_party(sent, m, ([brell], [], (0, 11), None))[0] == [brell]
