"""Which PLOVER type a cue trigger gets (issue 16, the type part): lexicon senses the PLOVER manual codes otherwise
than the first cue row said. Text written for each class, fictional names."""

from __future__ import annotations

import pytest

from parley.context import Context
from parley.events import annotate
from parley.events.coding import decide, find_article_cues
from parley.events.ontology import get_ontology
from test_event_extraction import HAS_MODEL, OSTRAVIA, VELOR, _doc


@pytest.fixture(scope="module")
def ctx():
    return Context()


def _coded(ctx, sent: str) -> list[tuple[str, str | None, str]]:
    """(trigger text, PLOVER type, CAMEO code) of each event cue of the sentence."""
    return [(sent[m.start:m.end], m.cue.event, m.cue.cameo) for m in find_article_cues(get_ontology(ctx), sent)
            if m.cue.kind == "event"]


def _first_event_cue(ctx, sent: str):
    return next(m for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event")


@pytest.mark.parametrize("sent, word", [
    ("Ostravia summoned the Velorian ambassador on Friday to complain about the border drills.", "summoned"),
    ("The foreign ministry summons the envoy of Brellia over the seized trawler.", "summons"),
    ("Officials summoned two senior diplomats to protest the expulsions.", "summoned"),
])
def test_summoning_a_diplomat_is_a_complaint(ctx, sent, word):
    m = _first_event_cue(ctx, sent)
    assert sent[m.start:m.end].startswith(word)
    etype, _ = decide(get_ontology(ctx), None, m.cue)
    assert etype == "ACCUSE" and m.cue.precise and m.cue.cameo == "114"  # the manual: ACCUSE, not COERCE or CONSULT


def test_a_summons_to_a_suspect_stays_coercion(ctx):
    m = _first_event_cue(ctx, "Police summoned the two shopkeepers for questioning on Monday.")
    assert m.cue.event == "COERCE"


@pytest.mark.parametrize("sent, word", [
    ("Prosecutors charged the former mayor with fraud on Tuesday.", "charged"),
    ("The two men were charged with smuggling weapons across the river.", "charged"),
    ("A grand jury indicted the company's owner last month.", "indicted"),
])
def test_charges_and_indictments_are_accusations(ctx, sent, word):
    m = _first_event_cue(ctx, sent)
    assert sent[m.start:m.end].startswith(word)
    assert (m.cue.event, m.cue.mode, m.cue.cameo) == ("ACCUSE", "allege", "1121")  # PLOVER ACCUSE allege


def test_an_arrest_is_still_coercion(ctx):
    m = _first_event_cue(ctx, "Police arrested the two shopkeepers and charged them with theft.")
    assert m.cue.event == "COERCE" and m.cue.mode == "arrest"


@pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")
def test_summoned_ambassador_in_the_pipeline(ctx):
    d = annotate(_doc("Ostravia summoned the ambassador of the Velor Union on Friday to complain about the drills.",
                      {"o": OSTRAVIA, "v": VELOR}), ctx)
    types = [e.event for e in d.events if e.kind == "event"]
    assert "ACCUSE" in types and "COERCE" not in types


@pytest.mark.parametrize("sent, etype, cameo", [
    ("The council lifted the travel ban on the two reporters on Monday.", "CONCEDE", "081"),
    # easing a curfew or an emergency is CONCEDE (the PLOVER 2024 manual: "removing curfews" is a verbal concession)
    ("Ostravia will ease the nightly curfew in the port city.", "CONCEDE", "0813"),
    ("The junta shortened by two hours the nightly curfew in the capital.", "CONCEDE", "0813"),
    ("The junta lifted a three-month-old state of emergency in the capital.", "CONCEDE", "0814"),
    ("The cabinet relaxed the emergency measures in the northern province.", "CONCEDE", "0814"),
    ("The dockers' union called off a three-day strike on Monday.", "CONCEDE", "080"),
    ("The Velor Union lifted long-standing sanctions on Ostravia.", "RETREAT", "085"),
])
def test_lifting_a_measure_is_a_yield_not_the_measure(ctx, sent, etype, cameo):
    ms = [m for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]
    assert [(m.cue.event, m.cue.cameo) for m in ms] == [(etype, cameo)]  # the inner "ban"/"curfew" is not coded


def test_a_ban_alone_stays_coercion(ctx):
    m = _first_event_cue(ctx, "The council banned the opposition newspaper on Monday.")
    assert m.cue.event == "COERCE" and m.cue.precise


def _probs(**top) -> dict[str, float]:
    rest = (1.0 - sum(top.values())) / 14
    types = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
             "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
    return {t: top.get(t, rest) for t in types}


def test_a_cue_keeps_its_type_unless_the_classifier_is_very_sure(ctx):
    """The classifier types the marked pair's relation in the whole sentence, not the trigger: a lexicon cue
    ("imposed sanctions on") keeps its type against a fairly sure classifier, and yields only to a very sure one."""
    onto = get_ontology(ctx)
    sent = "Ostravia imposed sanctions on the Velor Union after the vote."
    m = _first_event_cue(ctx, sent)
    assert m.cue.event == "SANCTION" and not m.cue.precise
    etype, conf = decide(onto, _probs(COERCE=0.85, SANCTION=0.05), m.cue)
    assert etype == "SANCTION" and conf == pytest.approx(0.6 * 0.05 + 0.4)
    etype, _ = decide(onto, _probs(COERCE=0.95, SANCTION=0.02), m.cue)
    assert etype == "COERCE"
    ban = _first_event_cue(ctx, "The council banned the opposition newspaper on Monday.")
    assert decide(onto, _probs(ASSAULT=0.99), ban.cue)[0] == "COERCE"  # a precise cue decides outright


@pytest.mark.parametrize("sent, gone", [
    ("Diplomats in the capital said there was talk of a cease-fire in the north.", "cease-fire"),
    ("Hopes for a truce faded on Monday as the shelling went on.", "truce"),
    ("The ministry issued a press release on the floods.", "release"),
    # a reduced relative: footage or a report "released on the Internet" is published, no captive freed
    ("Footage released on the Internet showed crowds in the square.", "released"),
    ("A report newly released by the agency lists the sites.", "released"),
    # freed from a condition or a duty, not from captivity
    ("The plan would see the villagers freed from greater sufferings, he said.", "freed"),
    ("The striker was released from his contract on Monday.", "released"),
    # a noun of a breach, a count of attacks, one's own decision, readiness with no force named
    ("The breaches of the ceasefire were minor, the monitors said.", "breaches of the ceasefire"),
    ("There were 300 suspected cyber-attacks on banks last year.", "cyber-attacks"),
    ("The minister defended his decision to go sailing.", "defended his decision"),
    ("Hospitals were on alert for a flu outbreak.", "on alert"),
    # newsroom anonymity, the prosecution as a party, an event word modifying a noun, demands (not) met
    ("The official, who requested anonymity, said the port was shut.", "requested"),
    ("The prosecution 's request for a fine will be heard in May.", "prosecution"),
    ("The prosecution successfully argued for a longer term.", "prosecution"),
    ("The jets flew 40 strike sorties over the hills on Monday.", "strike"),
    ("The sentencing hearing began on Tuesday.", "sentencing"),
    ("Their legitimate demands were not being met, the envoy said.", "met"),
    ("A video shot at the mosque shows crowds chanting.", "shot"),
    ("The team declined to estimate the death toll.", "declined to"),
])
def test_a_topic_or_a_press_release_is_no_event(ctx, sent, gone):
    words = [sent[m.start:m.end] for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]
    assert gone not in words


def test_a_strike_a_prosecution_and_a_meeting_stay_events(ctx):
    for sent, word in (("Dock workers began a strike on Monday.", "strike"),
                       ("The court ordered the prosecution of three officers.", "prosecution"),
                       ("The envoy met the rebel leaders on Monday.", "met")):
        words = [sent[m.start:m.end] for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]
        assert word in words, sent


def test_freed_captives_stay_a_release(ctx):
    for sent, word in (("Prisoners released on Monday walked to the gate.", "released"),
                       ("Two hostages were freed from captivity on Monday.", "freed")):
        words = [sent[m.start:m.end] for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]
        assert word in words, sent


def test_talks_about_a_truce_stay_a_meeting(ctx):
    sent = "The talks about a ceasefire resumed in the capital."
    assert [(sent[m.start:m.end], m.cue.event) for m in find_article_cues(get_ontology(ctx), sent)
            if m.cue.kind == "event"] == [("talks", "CONSULT")]


def test_the_charge_of_an_accusation_is_its_content(ctx):
    from parley.events.coding import event_matches
    onto = get_ontology(ctx)
    sent = "The rebel council accused the army of bombing the market in the old town."
    got = [sent[m.start:m.end] for m in event_matches(find_article_cues(onto, sent), sent)]
    assert got == ["accused"]  # the bombing is what is alleged, not a second event
    sent = "The rebels accused the army and then attacked the barracks."
    got = [sent[m.start:m.end] for m in event_matches(find_article_cues(onto, sent), sent)]
    assert got == ["accused", "attacked"]


# ---- statement or appeal vs event (CAMEO 01/02 vs 03-20), issue 16 evtype2
def test_a_request_no_appeal_verb_names_is_a_demand(ctx):
    from parley.events.coding import code_fields
    onto = get_ontology(ctx)
    urge = _first_event_cue(ctx, "Ostravia urged the Velor Union to reopen the border crossing.")
    assert code_fields(onto, "REQUEST", urge.cue)["cameo"].startswith("02")  # an appeal verb: CAMEO 02 APPEAL
    assert code_fields(onto, "REQUEST", None)["cameo"] == "100"  # read from "Y must …": CAMEO 10 DEMAND


@pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")
def test_said_y_must_is_a_demand_in_the_pipeline(ctx):
    d = annotate(_doc("Ostravia said the Velor Union must end its attacks on the border villages.",
                      {"o": OSTRAVIA, "v": VELOR}), ctx)
    reqs = [e for e in d.events if e.event == "REQUEST"]
    assert reqs and all(e.cameo == "100" for e in reqs)


@pytest.mark.parametrize("sent, span", [
    ("The relief agency is seeking aid for the flood victims in the delta.", "seeking aid"),
    ("Lawyers for the journalist sought her conditional release on Tuesday.", "sought her conditional release"),
    ("The prime minister will seek support from the opposition for the reform.", "seek support"),
])
def test_seeking_help_or_a_release_is_an_appeal(ctx, sent, span):
    m = _first_event_cue(ctx, sent)
    assert sent[m.start:m.end] == span  # the sought noun ("aid", "release") is no act of its own
    assert (m.cue.event, m.cue.cameo, m.cue.precise) == ("REQUEST", "020", True)


def test_seeking_refuge_is_no_appeal(ctx):
    sent = "Thousands of villagers sought refuge in the hills."
    assert all(m.cue.event != "REQUEST" for m in find_article_cues(get_ontology(ctx), sent))


@pytest.mark.parametrize("sent, gone", [
    ("The cabinet is considering sending aid to the stricken province.", "aid"),
    ("Ostravia claimed that they had attacked the depot at dawn.", "attacked"),
    ("The envoy expressed pessimism over holding negotiations with the rebels.", "negotiations"),
    ("The minister expressed deep concern regarding the attack on the convoy.", "attack"),
])
def test_a_considered_claimed_or_worried_about_act_is_a_statement(ctx, sent, gone):
    found = find_article_cues(get_ontology(ctx), sent)
    assert gone not in [sent[m.start:m.end] for m in found if m.cue.kind == "event"]
    assert any(m.cue.kind == "speech" for m in found)  # the sentence is a CAMEO 01 statement


def test_a_worry_and_a_coordinated_appeal_are_two_acts(ctx):
    sent = "The council expressed concern about the shortages and called for the port to stay open."
    got = [sent[m.start:m.end] for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]
    assert "called for" in got  # the topic ends at the coordinated verb


def test_considering_marks_the_option_cameo_014(ctx):
    sent = "The ministry is considering giving vouchers to every household."
    speech = [m for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "speech"]
    assert speech and speech[0].cue.cameo == "014"


@pytest.mark.parametrize("sent, word", [
    ("Ostravia summoned Brellia's ambassador on Monday over the seized trawler.", "summoned"),
    ("The army declared a state of siege in the eastern province.", "state of siege"),
])
def test_possessive_envoy_and_state_of_siege(ctx, sent, word):
    m = _first_event_cue(ctx, sent)
    assert sent[m.start:m.end].startswith(word)
    assert m.cue.cameo in ("114", "1724")


@pytest.mark.parametrize("sent, span, cameo", [
    ("The embassy declined to comment on the expulsions.", "declined to comment", "011"),
    ("The ministry is exploring the possibility of building a second port.", "exploring the possibility of", "014"),
    ("The king sent a condolence message to the president after the blast.", "sent a condolence message", "018"),
    ("The envoy is offering his condolences over the killings.", "offering his condolences", "018"),
    ("The mission expressed the bank's optimism about the reforms.", "expressed the bank's optimism", "013"),
])
def test_statement_cues_win_their_span(ctx, sent, span, cameo):
    found = find_article_cues(get_ontology(ctx), sent)
    assert [(sent[m.start:m.end], m.cue.kind, m.cue.cameo) for m in found][:1] == [(span, "speech", cameo)]
    assert all(m.cue.kind == "speech" for m in found)  # no REJECT "declined to", no ASSAULT "killings"


def test_refusing_to_act_stays_a_rejection(ctx):
    m = _first_event_cue(ctx, "The ministry refused to return the seized ships.")
    assert m.cue.event == "REJECT"


@pytest.mark.parametrize("sent", ["The president issued a fresh plea to the rebels to lay down their arms.",
                                  "The charity is asking help from the navy to rescue the stranded animals."])
def test_a_plea_or_asking_help_is_an_appeal(ctx, sent):
    m = _first_event_cue(ctx, sent)
    assert (m.cue.event, m.cue.cameo) == ("REQUEST", "020")


def test_the_topic_keeps_a_coordinated_noun(ctx):
    sent = "The minister expressed deep concern regarding the casualties and the attack on the convoy."
    assert "attack" not in [sent[m.start:m.end] for m in find_article_cues(get_ontology(ctx), sent)
                            if m.cue.kind == "event"]


def test_readiness_to_consider_keeps_its_act(ctx):
    sent = "Ostravia is prepared to consider imposing sanctions on the junta if it fails to cooperate."
    assert "imposing sanctions" in [sent[m.start:m.end] for m in find_article_cues(get_ontology(ctx), sent)
                                    if m.cue.kind == "event"]


@pytest.mark.parametrize("sent, span, etype, cameo", [
    ("Forty rebel fighters surrendered to the army on Sunday.", "surrendered", "RETREAT", "0874"),
    ("The militia laid down its arms in the northern town.", "laid down its arms", "RETREAT", "0874"),
    ("The customs office returned 14 stolen statues to the government of Brellia.",
     "returned 14 stolen statues to", "RETREAT", "0842"),
    ("The junta let free some 30 students on Friday.", "let free", "RETREAT", "0841"),
    ("Ostravia established diplomatic ties with Brellia on Monday.", "established diplomatic ties", "SUPPORT", "054"),
    ("The two states will exchange ambassadors next month.", "exchange ambassadors", "SUPPORT", "054"),
    ("Ostravia opened its borders to refugees from the war.", "opened its borders to", "AID", "075"),
    ("Police shared intelligence with their Brellian counterparts.", "shared intelligence with", "COOPERATE", "064"),
    ("Ostravia is sending 200 soldiers to the peacekeeping mission.", "sending 200 soldiers to the peacekeeping",
     "AID", "074"),
])
def test_yielding_and_cooperation_cues(ctx, sent, span, etype, cameo):
    m = _first_event_cue(ctx, sent)
    assert (sent[m.start:m.end], m.cue.event, m.cue.cameo) == (span, etype, cameo)


def test_returning_to_a_place_is_travel(ctx):
    sent = "The delegation returned to the capital on Monday."
    assert not [m for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]


def test_refusing_to_surrender_is_one_rejection(ctx):
    from parley.events.coding import event_matches
    sent = "The rebels refused to surrender their weapons."
    got = [m.cue.event for m in event_matches(find_article_cues(get_ontology(ctx), sent), sent)]
    assert got == ["REJECT"]


@pytest.mark.parametrize("sent, trigger, etype, cameo", [
    ("Velorian militias violated the ceasefire near the river crossing twice on Sunday.", "violated the ceasefire",
     "ASSAULT", "196"),
    ("The regime kept breaching the truce, the monitors said.", "breaching the truce", "ASSAULT", "196"),
    ("The gunmen held the villagers as human shields in the old mill.", "as human shields", "ASSAULT", "184"),
    ("Ostravian troops remained on high alert along the border.", "remained on high alert", "MOBILIZE", "150"),
    ("The Velor Union put its northern brigades on alert.", "put its northern brigades on alert", "MOBILIZE", "150"),
    ("Ostravia launched a cyber attack on the Velorian power grid.", "launched a cyber attack", "COERCE", "170"),
    ("The two students hacked into the ministry's mail server.", "hacked into", "COERCE", "170"),
    ("The minister defended Ostravia's decision to close the crossing.", "defended Ostravia's decision", "SUPPORT",
     "051"),
    ("The envoy defended the right of the refugees to return.", "defended the right of", "SUPPORT", "051"),
    ("Prosecutors opened fraud investigations into three Velorian banks.", "investigations", "ACCUSE", "112"),
    ("Ostravia severed diplomatic ties with the Velor Union on Monday.", "severed diplomatic ties", "SANCTION", "161"),
])
def test_acts_named_by_a_phrase_get_their_cameo_type(ctx, sent, trigger, etype, cameo):
    """CAMEO 196 "violate ceasefire", 184 "use as human shield", 150 "demonstrate military power", cyber coercion
    (PLOVER COERCE mode cyber) and defending another's decision (051 praise or endorse): the phrase, not the word
    inside it ("ceasefire" alone is a RETREAT)."""
    got = _coded(ctx, sent)
    assert (trigger, etype, cameo) in got
    assert not any(t == "ceasefire" or t == "truce" for t, _, _ in got)



@pytest.mark.parametrize("sent, etype", [
    ("The ministry cancelled the sale of offshore leases near Brellport.", "COERCE"),
    ("Regulators canceled 40 drilling permits of the Velor Union on Monday.", "COERCE"),
    ("The minister cancelled her visit to Ostravia.", "REJECT"),  # a meeting called off stays REJECT
])
def test_cancelling_sales_or_permits_restricts_a_meeting_called_off_rejects(ctx, sent, etype):
    m = _first_event_cue(ctx, sent)
    assert m.cue.event == etype and (etype != "COERCE" or m.cue.cameo == "172")


@pytest.mark.parametrize("sent, etype, cameo", [
    ("Brellport warplanes carried out air raids on two villages of Ostravia.", "ASSAULT", "195"),
    ("A helicopter raid on the Velor Union camp left nine dead.", "ASSAULT", "195"),
    ("Police raided the offices of a weekly in Brellport.", "COERCE", "170"),  # a raid on the ground stays COERCE
])
def test_a_raid_from_the_air_is_an_aerial_assault(ctx, sent, etype, cameo):
    m = _first_event_cue(ctx, sent)
    assert (m.cue.event, m.cue.cameo) == (etype, cameo)


@pytest.mark.parametrize("sent, trigger, etype, cameo", [
    # a failed agreement is a refusal (GSR REJECT; ConfliBERT verbal conflict), not the AGREE inside it
    ("Ostravian and Velorian envoys failed to reach agreement on the fishing quotas.", "failed to reach agreement",
     "REJECT", "120"),
    ("The two delegations failed to strike a deal on the border after long talks.", "failed to strike a deal",
     "REJECT", "120"),
    ("The rebels said there could be no deal unless the general stepped down.", "could be no deal", "REJECT", "120"),
    # a diplomatic protest is a complaint (ACCUSE), not a demonstration
    ("Ostravia lodged a formal protest with the Velor Union over the trawler.", "lodged a formal protest", "ACCUSE",
     "111"),
    ("The cabinet is opposed to Velorian mediation in the dispute.", "is opposed to", "REJECT", "120"),
    ("The president has reneged on his promise to hold early elections.", "reneged on", "REJECT", "120"),
    ("Officials said an amnesty for the generals was out of the question.", "was out of the question", "REJECT",
     "120"),
    ("The two parties reached a consensus on the budget rules.", "reached a consensus", "AGREE", "030"),
    # removing a restriction yields like lifting it, and wins its span over the precise "cancelled" (REJECT)
    ("The court cancelled restrictions on the minority language in schools.", "cancelled restrictions", "CONCEDE",
     "081"),
    ("Ostravia has strengthened its forces along the Velorian border.", "strengthened its forces", "MOBILIZE", "154"),
    ("The army intensified its presence on the roads to the border.", "intensified its presence", "MOBILIZE", "154"),
    ("The cabinet has shifted additional military resources closer to Brellport.",
     "shifted additional military resources", "MOBILIZE", "154"),
    # a raid that kills is an armed attack; a bare raid stays COERCE (test above)
    ("At least nine farmers were killed in a police raid on the camp.", "killed in a police raid", "ASSAULT", "190"),
    ("Striking farmers blocked the main highway into the capital.", "blocked the main highway", "PROTEST", "144"),
])
def test_phrases_that_turn_the_word_inside_them(ctx, sent, trigger, etype, cameo):
    got = _coded(ctx, sent)
    assert (trigger, etype, cameo) in got
    assert not any(t != trigger and t in trigger for t, _, _ in got)  # no word inside the phrase keeps its own type


@pytest.mark.parametrize("sent", [
    "The rebel forces opposed to the general held the port.",  # no copula: a description, not a refusal
    "The two sides reached agreement on the fishing quotas.",  # a reached agreement stays AGREE
    "Rains strengthened the river's flow.",
])
def test_the_refusal_and_force_phrases_need_their_words(ctx, sent):
    got = [(m.cue.event, m.cue.cameo) for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]
    assert ("REJECT", "120") not in got and ("MOBILIZE", "154") not in got


@pytest.mark.parametrize("sent, trigger", [
    # the manual's REJECT ambiguities: barring a group from entering a territory is REJECT, expelling it COERCE
    ("Red Cross teams are still being prevented from entering the old town.", "prevented from entering"),
    ("Although the junta did not allow the monitors into Ostravia, they spoke to 700 people.",
     "did not allow the monitors into"),
    ("Brellport was still refusing admittance to refugees from the Velor Union.", "refusing admittance to"),
    ("The ministry will deny entry to the country to the two reporters.", "deny entry to"),
])
def test_barring_entry_is_a_refusal(ctx, sent, trigger):
    ms = [m for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]
    assert [(sent[m.start:m.end], m.cue.event) for m in ms] == [(trigger, "REJECT")]  # no COERCE "prevent … from"


@pytest.mark.parametrize("sent, trigger", [
    ("Reporters in the capital have been prevented from covering the vote.", "been prevented from"),
    ("Rebels prevented reporters from getting up to the front line.", "prevented reporters from"),
])
def test_preventing_other_acts_stays_restriction(ctx, sent, trigger):
    m = _first_event_cue(ctx, sent)
    assert (sent[m.start:m.end], m.cue.event, m.cue.cameo) == (trigger, "COERCE", "172")


@pytest.mark.parametrize("sent, trigger, etype, cameo", [
    # stated willingness: the trigger stops at "to", so the act after it is the promise's content
    ("Ostravia is ready to contribute troops to the border mission.", "is ready to", "AGREE", "030"),
    ("The council is prepared to lift the ban on the Marsh Party.", "is prepared to", "AGREE", "030"),
    ("The cabinet is committed to opening the port to Velorian ships.", "is committed to", "AGREE", "030"),
    # an offer is AGREE (the gold README: "an agreement, offer, promise"), not the aid it offers
    ("The Velor Union has offered logistical support to the Ostravian army.", "offered logistical support", "AGREE",
     "030"),
    ("Brellport again offered its troops to the new president.", "offered its troops", "AGREE", "030"),
    # a declared ceasefire is a concession (README: "declared (not implemented) ceasefires"), a halt a de-escalation
    ("The coalition has declared a two-week ceasefire in the north.", "declared a two-week ceasefire", "CONCEDE",
     "0871"),
    ("The army says it has ceased its military operations near the capital.", "ceased its military operations",
     "RETREAT", "087"),
    ("The ministry sent a team of doctors, tents and medicines to the flooded valley.",
     "sent a team of doctors, tents and medicines to", "AID", "070"),
    ("Rebels violated Ostravia's holiday ceasefire in the hills.", "violated Ostravia's holiday ceasefire", "ASSAULT",
     "196"),
    ("Ostravia and Brellport have upgraded their diplomatic ties to embassy level.", "upgraded their diplomatic ties",
     "SUPPORT", "054"),
])
def test_willingness_offers_and_ceasefires(ctx, sent, trigger, etype, cameo):
    got = _coded(ctx, sent)
    assert (trigger, etype, cameo) in got


def test_ready_to_fight_and_a_ceasefire_line_name_no_promise(ctx):
    sent = "The army is ready to fight, and shells fell across the ceasefire line."
    got = [(sent[m.start:m.end], m.cue.event) for m in find_article_cues(get_ontology(ctx), sent)
           if m.cue.kind == "event"]
    assert not any(e in ("AGREE", "RETREAT") for _, e in got)


@pytest.mark.parametrize("sent, trigger, etype, cameo", [
    ("The Velorian envoy is due to arrive in Brellport on Friday.", "is due to arrive", "AGREE", "036"),
    ("Protesters were gathering again on Sunday in the old town.", "were gathering", "PROTEST", "141"),
    ("The militia said it had taken the village of Marsh Hill overnight.", "had taken the village of", "ASSAULT",
     "190"),
    ("Ostravian troops pressed their offensive toward the coast.", "pressed their offensive", "ASSAULT", "190"),
    ("Reinforcements in trucks were rushed to the border on Monday.", "Reinforcements in trucks were rushed",
     "MOBILIZE", "154"),
    ("The colonel describes the rebels as rats.", "describes the rebels as rats", "ACCUSE", "111"),
    ("Farmers are seeking permission from the ministry to dig new wells.", "seeking permission", "REQUEST", "020"),
])
def test_acts_the_article_gold_missed(ctx, sent, trigger, etype, cameo):
    got = _coded(ctx, sent)
    assert (trigger, etype, cameo) in got


@pytest.mark.parametrize("sent", [
    "She described the novel as a masterpiece of its kind.",  # no insult: no accusation
    "Friends gathered for the wedding on Sunday.",  # a gathering of no protesters
    "The press office took the view of the ministry.",
])
def test_the_missed_act_phrases_need_their_words(ctx, sent):
    assert not [m for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"]


def test_meeting_a_deadline_or_goal_is_no_meeting(ctx):
    for sent in ("The agency said the dam would meet the current projected deadline.",
                 "Officials are on track to meet this year's goal of 12,000 homes."):
        assert not [m for m in find_article_cues(get_ontology(ctx), sent) if m.cue.event == "CONSULT"]
    sent = "The two envoys will meet in Brellport next week."
    assert [m.cue.event for m in find_article_cues(get_ontology(ctx), sent) if m.cue.kind == "event"] == ["CONSULT"]


@pytest.mark.parametrize("sent, span", [
    ("The ministry said it is skeptical about Velorian motives in the talks.", "said it is skeptical"),
    ("Ostravia remains doubtful that the Velor Union will pay.", "remains doubtful"),
])
def test_skepticism_is_a_statement(ctx, sent, span):
    ms = find_article_cues(get_ontology(ctx), sent)
    assert (sent[ms[0].start:ms[0].end], ms[0].cue.kind, ms[0].cue.cameo) == (span, "speech", "012")


@pytest.mark.parametrize("sent, trigger, etype, cameo", [
    ("The council convened an emergency session with the Velorian envoys.", "convened", "CONSULT", "040"),
    ("Survivors described the massacre in the hill village.", "massacre", "ASSAULT", "202"),
    ("Two patrols skirmished near the border on Monday.", "skirmished", "ASSAULT", "190"),
    ("The panel recommended that Ostravia release the fishermen.", "recommended", "REQUEST", "020"),
])
def test_verbs_with_an_event_code_and_no_cue(ctx, sent, trigger, etype, cameo):
    got = _coded(ctx, sent)
    assert (trigger, etype, cameo) in got


@pytest.mark.parametrize("sent, trigger, etype, cameo", [
    ("The museum returned seven bronze masks to the people of Ostravia.", "returned seven bronze masks to", "RETREAT",
     "0842"),
    ("Velor returned a painting of a harbour by the Brellian master Olan Tesk (the elder) to its owners.",
     "returned a painting of a harbour by the Brellian master Olan Tesk (the elder) to", "RETREAT", "0842"),
    ("Customs returned stolen manuscripts, including two atlases, to the Ostravian archive.",
     "returned stolen manuscripts, including two atlases, to", "RETREAT", "0842"),
    ("A silver crown was returned by Velorian officials to Ostravian authorities.",
     "was returned by Velorian officials to", "RETREAT", "0842"),
    ("Minister Ula Brenn defended Ostravia’s strict border policy.", "defended Ostravia’s strict border policy",
     "SUPPORT", "051"),
    ("The premier defended Velor over accusations of vote rigging.", "defended Velor over accusations", "SUPPORT",
     "051"),
    ("A Brellian bishop called for sanctions against Velor after the executions.", "called for sanctions against",
     "ACCUSE", "111"),
    ("Ostravia and Velor have agreed upon a new fishing pact.", "agreed upon", "AGREE", "030"),
    ("The council agreed on Tuesday to the building of a new dam.", "agreed on Tuesday to", "AGREE", "030"),
    ("Velor accepted a formula for ending the fisheries dispute.", "accepted a formula", "AGREE", "030"),
    ("Brellport accepted 2,400 Velorian refugees last year.", "accepted 2,400 Velorian refugees", "AID", "075"),
    ("Ostravia has apologized to Velor for the seizure of the trawler.", "apologized to", "SUPPORT", "055"),
    ("The elders said they were ready to forgive the governor.", "forgive", "SUPPORT", "056"),
    ("Half of the militia has been demobilized since the truce.", "demobilized", "RETREAT", "0874"),
    ("Guards sexually assaulted detainees at the camp, a rights group said.", "sexually assaulted", "ASSAULT",
     "1821"),
    ("The rebels have sworn to fight until the valley is theirs.", "sworn to fight", "THREATEN", "130"),
    ("The supreme court opened a hearing on Monday into the detention rules.", "opened a hearing on Monday into",
     "ACCUSE", "112"),
    ("The agency has dispatched two inspectors to the Velorian reactor.", "dispatched two inspectors to", "ACCUSE",
     "112"),
    ("The relief office reduced food supplies to the northern camp.", "reduced food supplies to", "SANCTION", "1623"),
    # material cooperation the ConfliBERT tune slice showed with no event (evfp6): giving funds, flying in aid,
    # peacekeepers arriving, a withdrawal of troops, a lifted restriction with a long modifier
    ("Brellia and Velor have provided their full yearly donations to the camps.",
     "provided their full yearly donations", "AID", "070"),
    ("The Marsh Party will deliver the promised funds next week.", "deliver the promised funds", "AID", "070"),
    ("A Velorian charity flew nine tonnes of medicine into Ostravia.", "flew nine tonnes of medicine into", "AID",
     "070"),
    ("Velorian peacekeepers arrived in the border town on Sunday.", "peacekeepers arrived", "AID", "074"),
    ("Ostravia completed its withdrawal of troops from the valley in May.", "withdrawal of troops", "RETREAT", "087"),
    ("The mayor lifted a 20 kilometre travel restriction on the valley.",
     "lifted a 20 kilometre travel restriction", "CONCEDE", "081"),
    # a passive "prevented from" coordinated with an earlier one, after a comma
    ("Reporters were searched and, on some days, prevented from filming the port.", "prevented from", "COERCE",
     "172"),
    ("Ostravia is pushing hard for a vote on the dam.", "pushing hard for ", "REQUEST", "020"),
    ("Velorian activists defaced some 200 Ostravian web sites on Monday.",
     "defaced some 200 Ostravian web sites", "COERCE", "170"),
    ("The dockers' strike was finally called off on Friday.", "strike was finally called off", "CONCEDE", "080"),
    ("The council failed to renew the fishing embargo on Velor.", "failed to renew the fishing embargo", "RETREAT",
     "085"),
    ("Brellia announced a large increase in funding for the camps.", "increase in funding", "AID", "070"),
    ("The governor called the Velorian envoy a total fool on Monday.", "called the Velorian envoy a total fool",
     "ACCUSE", "111"),
    ("The militia was blamed for mass killings in the valley.", "mass killings", "ASSAULT", "202"),
    ("Velorian peacekeepers bound for the valley began deploying on Sunday.",
     "peacekeepers bound for the valley began deploying", "AID", "074"),
    ("Facing the crowds, the president said he was asking his government to resign.",
     "asking his government to resign", "CONCEDE", "0831"),
    ("The governor gave the Velorian envoy a Friday deadline over the seized trawler.",
     "gave the Velorian envoy a Friday deadline", "THREATEN", "139"),
    ("Ostravia delivered an ultimatum to the rebels on Monday.", "delivered an ultimatum", "THREATEN", "139"),
    ("The dockers said they would not call off the strike until wages rise.", "would not call off the strike",
     "REJECT", "124"),
    ("The governor warned that police will no longer tolerate marches in the old town.", "will no longer tolerate",
     "THREATEN", "130"),
    ("Velor opened its borders again to the families fleeing Ostravia.", "opened its borders again to", "AID",
     "075"),
    ("The museum returned to Ostravia last Monday 40 bronze masks from the old palace.", "returned to", "RETREAT",
     "0842"),
])
def test_returns_defences_apologies_vows_sanctions_funds_and_ultimatums(ctx, sent, trigger, etype, cameo):
    got = _coded(ctx, sent)
    assert (trigger, etype, cameo) in got


@pytest.mark.parametrize("sent", [
    "The envoy returned the next day to Brellport.",  # an intransitive return: no object handed back
    "The minister returned home to Ostravia after the vote.",
    "The patrol returned fire to the ridge.",
    "The mayor defended himself against criticism of the budget.",  # defending oneself endorses no party
    "She defended her decision to close the port.",
    "Troops defended the city from the rebels.",  # a military defence, not an endorsement
])
def test_returns_and_defences_need_an_object_and_a_party(ctx, sent):
    assert not [t for t, e, _ in _coded(ctx, sent) if e in ("RETREAT", "SUPPORT")]


def test_flying_in_a_name_is_no_flight_of_aid(ctx):
    # "Flying" opening a charity's name ("Velor Flying Help has been sending aid to …") is no verb of delivery
    got = _coded(ctx, "Velor Flying Help has been sending aid to Ostravia for years.")
    assert not [t for t, _, _ in got if t.lower().startswith("flying")]


def test_the_attack_a_claim_of_responsibility_names_is_its_content(ctx):
    # cue_vetoes.tsv: a time between "responsibility" and "for", and a longer object, stay inside the claim
    got = _coded(ctx, "The Marsh Front claimed responsibility on Sunday for both the Brellport and the Velor "
                      "attacks in a statement.")
    assert not [t for t, e, _ in got if e == "ASSAULT"]
