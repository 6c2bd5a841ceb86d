"""Events dated from time expressions (issue 18 item 3), on text written for the test: an explicitly earlier act
(past perfect, "earlier this year", "in 2005") never takes the publication date silently, and date_precision is
never finer than the evidence (a publication date known to the month gives no day). ``date_for`` is called on
documents whose time expressions come from parley's own timex stage, so no event model is needed."""

from __future__ import annotations

import re

from parley.document import Actor, Document
from parley.events.dating import date_for
from parley.text import sentences
from parley.timex import annotate

PUB = "2013-09-17"  # a Tuesday


def dated(text: str, trigger: str, published: str = PUB, precision: str | None = None,
          actors: dict[str, str] | None = None, promise: bool = False, future: bool = False,
          sides: frozenset | None = None, **kw) -> dict:
    """``date_for`` on the first word of ``trigger``; ``actors`` (id -> surface, every occurrence is a mention) are
    the act's sides unless ``sides`` names them."""
    doc = Document(id="x", text=text, published=published)
    if precision:
        doc.meta = {"date_precision": precision}
    doc.paragraphs = [[m.start(), m.end()] for m in re.finditer(r"[^\n]+", text)]
    doc.sentences = [s for a, b in doc.paragraphs for s in sentences(text, a, b)]
    for aid, surf in (actors or {}).items():
        doc.actors.append(Actor(id=aid, name=surf, type="person",
                                mentions=[[m.start(), m.end()] for m in re.finditer(re.escape(surf), text)]))
    annotate(doc)
    i = text.index(trigger)
    si = next(k for k, (a, b) in enumerate(doc.sentences) if a <= i < b)
    return date_for(doc, si, i, i + len(trigger.split()[0]), promise=promise,
                    sides=frozenset(actors or ()) if sides is None else sides, future=future, **kw)


def test_past_perfect_with_an_aside_is_not_publication_news():
    # the auxiliary is more than three words before the participle: still an earlier act, not today's
    out = dated("The rebels had, according to the army, attacked the base.", "attacked")
    assert out["date"] is None and out["basis"] == "none"
    out = dated("The rebels had earlier in the month repeatedly attacked the base.", "attacked")
    assert out["date"] == "2013-09" and out["precision"] == "month" and out["basis"] == "text"
    # a present clause is still today's news
    out = dated("The rebels are attacking the base.", "attacking")
    assert out["date"] == PUB and out["basis"] == "publication"


def test_a_time_opening_a_past_perfect_clause_dates_the_act():
    out = dated("In 2005, the rebels had attacked the base.", "attacked")
    assert out["date"] == "2005" and out["precision"] == "year" and out["basis"] == "text"
    # after a speech verb the time dates the report, and the earlier act stays undated
    for text in ("The army said on Monday the rebels had attacked the base.",
                 "On Monday, the army said the rebels had attacked the base."):
        out = dated(text, "attacked")
        assert out["date"] is None and out["basis"] == "none", text


def test_earlier_this_year_dates_to_the_year_only():
    for text in ("Earlier this year the rebels attacked the base.", "The rebels have attacked the base earlier this year."):
        out = dated(text, "attacked")
        assert out["date"] == "2013" and out["precision"] == "year" and out["basis"] == "text", text
    out = dated("The rebels have attacked the base in the past.", "attacked")
    assert out["date"] is None


def test_a_month_precision_publication_gives_no_day():
    # the clean stage writes a date known to the month as its first day; no event may be dated to that day
    text = "The rebels have attacked the base. They attacked it again."
    out = dated(text, "attacked it", "2013-09-01", "month")
    assert out["precision"] != "day" and (out["date"] or "")[:10] != "2013-09-01"
    out = dated(text, "attacked it")  # with a day-precision publication the day's news is the occasion
    assert out["date"] == PUB and out["precision"] == "day" and out["basis"] == "context"
    out = dated("The rebels attacked the base on Monday.", "attacked", "2013-09-01", "month")
    assert out["date"] == "2013-09" and out["precision"] == "month"
    out = dated("The rebels are attacking the base.", "attacking", "2013-09-01", "month")
    assert out["date"] == "2013-09" and out["precision"] == "month" and out["basis"] == "publication"


def test_a_future_act_does_not_take_the_day_it_was_announced():
    text = "Officials plan to ask the company to pay for the barrier, the governor said Saturday."
    out = dated(text, "ask")
    assert out["date"] is None and out["basis"] == "none"
    # a promise is the act, made when it is announced
    out = dated(text, "ask", promise=True)
    assert out["date"] == "2013-09-14" and out["basis"] == "text"
    # a day the text gives the act itself still dates it
    out = dated("Officials plan to ask the company on Friday to pay for the barrier.", "ask")
    assert out["date"] == "2013-09-20"


def test_the_occasion_is_read_back_from_the_sides_latest_appearance():
    lead = "On Monday the minister opened the new harbour.\n"  # one sentence a line, as in T17 files
    # nine sentences, each naming the minister, with no day of their own: the window of eight sentences runs
    # from his latest appearance, so the lead's Monday is still his occasion
    middle = "".join(f"The minister spoke about plan {k}.\n" for k in range(9))
    out = dated(lead + middle + "The minister blasted the unions.", "blasted", actors={"min": "minister"})
    assert out["date"] == "2013-09-16" and out["basis"] == "context"
    # sentences that do not name him break the chain
    filler = "".join(f"The weather was mild on the coast {k}.\n" for k in range(9))
    out = dated(lead + filler + "The minister blasted the unions.", "blasted", actors={"min": "minister"})
    assert out["date"] is None


def test_a_lead_act_takes_the_day_the_next_sentences_give_it():
    sides = {"gov": "governor", "may": "mayor"}
    # the lead tells the act, the next sentences its day: a day of one of its sides, or its news of the day
    text = "The governor met the mayor after the storm.\nThe governor toured the harbour on Monday."
    out = dated(text, "met", actors=sides)
    assert out["date"] == "2013-09-16" and out["basis"] == "context"
    text = "The governor met the mayor after the storm.\n`` I just talked to him , '' the governor said."
    assert dated(text, "met", actors=sides)["date"] == PUB
    # a sentence that names no side of the act, or a day too far back, anchors nothing
    text = "The governor met the mayor after the storm.\nThe weather was mild on Monday."
    assert dated(text, "met", actors=sides)["date"] is None
    text = "The governor met the mayor after the storm.\nThe governor toured the harbour on Sept. 2."
    assert dated(text, "met", actors=sides)["date"] is None
    # past the lead, nothing is read forward (the simple past stays undated)
    text = ("The storm hit the coast.\nRoads were closed.\nThe governor met the mayor.\n"
            "The governor toured the harbour on Monday.")
    assert dated(text, "met", actors=sides)["date"] is None


def test_a_side_named_in_another_clause_does_not_pick_its_time():
    text = "The students were marching again on Saturday in the capital after police charged the students on Friday."
    out = dated(text, "marching", actors={"stu": "students"})
    assert out["date"] == "2013-09-14"  # Saturday, not the police charge's Friday
    # a side in the trigger's own phrase still picks the time right after it
    text = "The state fashioned bailouts for Citibank in August and Acme Bank on Friday."
    assert dated(text, "bailouts", actors={"acme": "Acme Bank"})["date"] == "2013-09-13"


def test_the_object_of_a_past_verb_takes_the_occasion():
    text = "On Monday the minister opened the new harbour.\nHe unveiled a levy on imported fuel."
    out = dated(text, "levy", actors={"min": "minister"})
    assert out["date"] == "2013-09-16" and out["basis"] == "context"
    # a nominal under a verb of its own is not the minister's act of that occasion
    text = "On Monday the minister opened the new harbour.\nReports of a new levy were denied."
    assert dated(text, "levy", actors={"min": "minister"})["date"] is None


def test_a_time_in_a_later_coordinated_clause_dates_only_that_clause():
    out = dated("Her protest galvanised the movement, and last week she took her campaign abroad.", "protest")
    assert out["precision"] != "week" and out["date"] != "2013-09-09"
    out = dated("The rebels shelled the port and last week attacked the base.", "shelled")
    assert out["precision"] == "week"  # no comma: one clause with two verbs
    out = dated("The rebels shelled the port last week.", "shelled")
    assert out["precision"] == "week"


def test_of_several_times_the_one_after_the_acts_side_dates_it():
    text = "The ministry granted loans to the port authority in May and the rail company on Friday."
    assert dated(text, "loans")["date"] == "2013-05"  # no side known: the nearest
    out = dated(text, "loans", actors={"rail": "the rail company"})
    assert out["date"] == "2013-09-13" and out["precision"] == "day"
    assert dated(text, "loans", actors={"port": "the port authority"})["date"] == "2013-05"


def test_the_subject_of_a_reported_clause_is_no_object_of_the_speech_verb():
    text = "On Monday the minister opened the new harbour.\nThe minister said the meeting had ended."
    assert dated(text, "meeting", actors={"min": "minister"})["date"] is None


def test_a_future_the_flags_read_is_not_dated_by_publication():
    text = "Her aim is to press all sides to open the border."
    assert dated(text, "press")["basis"] == "publication"  # the tense alone reads a present clause
    out = dated(text, "press", future=True)
    assert out["date"] is None and out["basis"] == "none"
    assert dated(text, "press", future=True, promise=True)["date"] == PUB  # a promise is made now


def test_a_plural_noun_trigger_takes_its_clause_tense():
    # "massive demonstrations": an adjective before a plural noun is no subject before a verb
    out = dated("Looting was reported after massive demonstrations in the capital.", "demonstrations")
    assert out["date"] is None and out["basis"] == "none"
    assert dated("Looting is reported after massive demonstrations in the capital.", "demonstrations")["date"] == PUB


def test_a_participle_after_its_noun_is_an_ongoing_act():
    text = "The governor said he was drafting reforms for hundreds of farmers protesting outside the assembly."
    out = dated(text, "protesting")
    assert out["date"] == PUB and out["basis"] == "publication"
    # a past progressive keeps its past tense: no day without a time
    assert dated("The farmers were protesting outside the assembly.", "protesting")["date"] is None


def test_a_pronoun_after_a_connective_continues_the_previous_appearance():
    lead = "On Monday the minister opened the new harbour.\nThe minister praised the builders.\n"
    doc_actors = {"min": "minister"}
    # no side known for the act itself (the roles left it empty): the pronoun's antecedent, met in the sentence
    # before, joins the sides, and the minister's Monday is the occasion
    for last in ("In addition, he cancelled the toll.", "He cancelled the toll."):
        out = dated(lead + last, "cancelled", actors=doc_actors, sides=frozenset())
        assert out["date"] == "2013-09-16" and out["basis"] == "context", last
    out = dated(lead + "The weather was mild.\nIn addition, he cancelled the toll.", "cancelled",
                actors=doc_actors, sides=frozenset())
    assert out["date"] is None  # the sentence the pronoun follows names no side
    out = dated(lead + "In addition, the council cancelled the toll.", "cancelled", actors=doc_actors,
                sides=frozenset())
    assert out["date"] is None


def test_a_time_after_a_later_reduced_passive_does_not_date_a_past_perfect_act():
    text = "The clan said on Monday it had seized two drivers to win the release of a cousin seized by police on Friday."
    out = dated(text, "seized")
    assert out["date"] is None and out["basis"] == "none"
    assert dated("The clan said it had seized two drivers on Friday.", "seized")["date"] == "2013-09-13"


def test_an_act_hours_before_another_sides_appearance_shares_its_occasion():
    lead = "On Monday the minister opened the new harbour.\n"
    actors = {"min": "minister", "chief": "port chief"}
    out = dated(lead + "Hours before the minister spoke, the port chief resigned.", "resigned", actors=actors,
                sides=frozenset({"chief"}))
    assert out["date"] == "2013-09-16" and out["basis"] == "context"
    # days before is another day: no occasion
    out = dated(lead + "Days before the minister spoke, the port chief resigned.", "resigned", actors=actors,
                sides=frozenset({"chief"}))
    assert out["date"] is None


def test_an_act_named_as_its_clauses_subject_takes_no_publication_day():
    # the clause's present-tense news is what the campaign did, not the campaign itself
    text = "Her quiet campaign after the death of her son has moved the council."
    out = dated(text, "campaign")
    assert out["date"] is None and out["basis"] == "none"
    out = dated("A police inquiry blames the contractors.", "inquiry")
    assert out["date"] is None
    # the act as the object of a present verb, or a present verb itself, is still the day's news
    assert dated("The tenants protest the new rents.", "protest")["date"] == PUB
    assert dated("The mayor supports a new inquiry.", "supports")["date"] == PUB


def test_a_generic_side_is_named_where_its_head_word_is():
    from parley.events.generic import heads

    side = frozenset({"generic:" + heads()[("rebels",)][0]})
    lead = "Rebel units pushed into the port town on Monday.\nThe harbour was quiet.\n"
    out = dated(lead + "Rebels stopped the ferry from leaving.", "stopped", sides=side)
    assert out["date"] == "2013-09-16" and out["basis"] == "context"
    # a sentence with another party's day is no occasion of theirs
    out = dated("Police units pushed into the port town on Monday.\nThe harbour was quiet.\n"
                "Rebels stopped the ferry from leaving.", "stopped", sides=side)
    assert out["date"] is None


def test_a_future_act_takes_the_day_its_plan_is_scheduled_for_in_the_sentence_before():
    actors = {"env": "envoy"}
    text = "The envoy is due to arrive in the capital on Thursday.\nShe said her aim was to urge both camps to talk."
    out = dated(text, "urge", actors=actors, future=True)
    assert out["date"] == "2013-09-19" and out["basis"] == "text"
    # a day already past dates the announcement, not the plan
    text = "The envoy arrived in the capital on Monday.\nShe said her aim was to urge both camps to talk."
    assert dated(text, "urge", actors=actors, future=True)["date"] is None
    # nor does another party's schedule
    text = "The council is due to meet on Thursday.\nThe envoy said her aim was to urge both camps to talk."
    assert dated(text, "urge", actors=actors, future=True)["date"] is None


def test_a_caption_run_split_where_the_page_gave_no_stop_is_one_telling():
    run = "Witnesses say that on Monday the militia shelled the town\nOthers say gunmen then stormed the market, looting shops."
    out = dated(run, "looting")
    assert out["date"] == "2013-09-16" and out["basis"] == "text"
    # a paragraph that ends with a full stop is a telling of its own
    out = dated(run.replace("town\n", "town.\n"), "looting")
    assert out["date"] is None and out["basis"] == "none"


def test_a_sentence_opening_with_both_parties_continues_the_previous_appearance():
    actors = {"a": "Colonel Ray", "b": "General Osei"}
    lead = "On Monday Colonel Ray spoke with General Osei.\nColonel Ray thanked him, an aide said.\n"
    for last in ("Both men renewed their pledge.", "`` The two officers renewed their pledge , '' the aide added."):
        out = dated(lead + last, "renewed", actors=actors, sides=frozenset())
        assert out["date"] == "2013-09-16" and out["basis"] == "context", last
    out = dated(lead + "Some officers renewed their pledge.", "renewed", actors=actors, sides=frozenset())
    assert out["date"] is None


def test_a_present_act_takes_no_earlier_day_of_its_paragraph():
    text = "On Saturday the army shelled the port. Aid groups warn of a famine in the region."
    out = dated(text, "warn")
    assert out["date"] == PUB and out["basis"] == "publication"
    # a past act of the same telling still takes it, and so does a present one after today's date
    assert dated("On Saturday the army shelled the port. Aid groups warned of a famine.", "warned")["date"] == \
        "2013-09-14"
    assert dated("Today the army shelled the port. Aid groups warn of a famine.", "warn")["date"] == PUB


def test_an_adverbial_participle_shares_the_tense_of_the_verb_it_follows():
    text = "On Saturday the army shelled the port.\nThe militia then entered the town, killing four men."
    # past, as "entered" is: the paragraph's day or the occasion, never the publication day by default
    assert dated(text, "killing")["date"] is None
    text = "The militia now control the town, killing anyone who resists."
    assert dated(text, "killing")["date"] == PUB


def test_irregular_past_forms_are_past():
    for verb in ("fell", "lost", "withdrew"):
        out = dated(f"The index {verb} sharply in heavy trading.", verb)
        assert out["date"] is None and out["basis"] == "none", verb


def test_a_speech_verb_in_a_relative_clause_keeps_the_clauses_time():
    text = "The chairman praised the accord, which was announced on Friday."
    i = text.index("announced")
    doc = Document(id="x", text=text, published=PUB)
    doc.paragraphs = [[0, len(text)]]
    doc.sentences = sentences(text, 0, len(text))
    annotate(doc)
    assert date_for(doc, 0, i, i + 9, speech=True)["date"] == "2013-09-13"
    j = text.index("praised")
    assert date_for(doc, 0, j, j + 7, speech=True)["date"] is None  # "praised": not the relative's time


def test_a_time_before_a_participle_or_preposition_dates_the_clause():
    assert dated("The ban took effect on Monday pending a court review.", "took")["date"] == "2013-09-16"
    assert dated("The boat was found Sept. 12 off the coast.", "found")["date"] == "2013-09-12"
    # a noun it premodifies keeps it: "the Monday meeting"
    assert dated("Rebels boycotted the Monday meeting.", "boycotted")["date"] is None


def test_not_until_is_the_acts_day():
    out = dated("It was not until Monday that the minister revealed the plan.", "revealed")
    assert out["date"] == "2013-09-16" and out["deadline"] is None
    out = dated("The minister delayed the vote until Friday.", "delayed")
    assert out["date"] != "2013-09-20" and out["deadline"] == "2013-09-20"


def test_a_comma_and_inside_a_subject_list_ends_no_clause():
    text = "Blasts at the depots in Kano, and Jos, on Monday killed nine guards."
    assert dated(text, "Blasts")["date"] == "2013-09-16"
    # after a clause with its own verb, the later clause's time is its own
    text = "Her campaign has moved the council, and on Monday she met the mayor."
    assert dated(text, "campaign")["date"] != "2013-09-16"


def test_a_promise_carries_the_day_it_is_made_not_the_promised_day():
    # an AGREE on a scheduled arrival: the promise is today's, the Thursday is the promised act's
    out = dated("The envoy is due to arrive in the capital on Thursday.", "due", promise=True)
    assert out["date"] == PUB and out["basis"] == "publication"
    # a past day of the promise itself still dates it
    out = dated("The two sides agreed on Monday to meet again on Friday.", "agreed", promise=True)
    assert out["date"] == "2013-09-16" and out["basis"] == "text"
    # a future act that is no promise keeps its scheduled day
    out = dated("The envoy will visit the capital on Thursday.", "visit")
    assert out["date"] == "2013-09-19"


def test_so_far_of_the_main_clause_does_not_make_a_subordinate_act_durative():
    out = dated("While the army has moved more troops to the border, it has refused to attack so far.", "moved")
    assert out["date"] == PUB and out["basis"] == "publication"
    # the main clause's own act stays a duration
    out = dated("While the army has moved more troops to the border, it has refused to attack so far.", "refused")
    assert out["date"] is None and out["basis"] == "none"
    # a subordinate clause that holds the "so far" itself
    out = dated("Although the army has refused so far to attack, the rebels are retreating.", "refused")
    assert out["date"] is None


def test_a_typed_speech_unit_takes_the_occasion_of_the_parties_its_sentence_names():
    text = ("The minister met the envoy on Monday in the capital.\n"
            "The minister `` thanked the envoy for the help , '' the spokesman said.")
    actors = {"minister": "minister", "envoy": "envoy", "spokesman": "spokesman"}
    out = dated(text, "said", actors=actors, sides=frozenset({"spokesman"}), speech=True, typed=True)
    assert out["date"] == "2013-09-16" and out["basis"] == "context"
    # an untyped statement is not dated by the occasion
    out = dated(text, "said", actors=actors, sides=frozenset({"spokesman"}), speech=True)
    assert out["date"] is None


def test_a_present_characterisation_is_a_habit_with_no_day():
    for text in ("The colonel describes his opponents as traitors and bandits.",
                 "The colonel has described his opponents as traitors."):
        out = dated(text, "describes" if "describes" in text else "described")
        assert out["date"] is None and out["basis"] == "none", text
    # a past characterisation with its own day is that day's act
    out = dated("The colonel described his opponents as traitors on Monday.", "described")
    assert out["date"] == "2013-09-16"
    # another present act is still the day's news
    out = dated("The colonel accuses his opponents of treason.", "accuses")
    assert out["date"] == PUB


def test_a_caption_or_link_title_inside_the_body_is_not_the_days_news():
    text = ("The rebels took the town on Monday.\n"
            "Video: government forces bomb the airport\n"
            "The army said more troops would come.")
    out = dated(text, "bomb")
    assert out["date"] is None and out["basis"] == "none"
    # the headline glued to the lead (the first paragraph) is the article's own news
    out = dated("Government forces bomb the airport\nThe army said more troops would come.", "bomb")
    assert out["date"] == PUB and out["basis"] == "publication"
    # a body sentence with its stop stays today's news
    out = dated("The rebels took the town on Monday.\nGovernment forces bomb the airport.", "bomb")
    assert out["date"] == PUB
