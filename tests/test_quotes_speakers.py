"""Speakers of direct quotes for the failure classes read on PolNeAR train errors (issue 17): embedded quotes
without a cue, "Mr. <surname> said", an inner closing mark before the cue, role nouns and ages, a title left
in a name by the actors stage, documents speaking for their authors, any -ed verb with a phrase after it.

Texts are written for each class (a made-up country); actors are built by hand as in test_quotes, so only the
quotes stage is under test.
"""

from test_quotes import _run


def _speakers(body: str, actors) -> dict[str, str | None]:
    return {q.text: q.speaker for q in _run(body, actors).quotes if q.direct}


PEOPLE = {
    "Ana Ruiz": ("person", ["Ruiz"]),
    "Tomas Brel": ("person", ["Brel"]),
    "Radio Norte": ("organization", []),
    "Farmers Union": ("organization", []),
}


def test_embedded_quote_goes_to_the_actor_a_verb_follows():
    # no cue in the sentence, an introductory phrase with commas, a show and a place before the subject
    got = _speakers("The debate is on Friday.\n\nSpeaking to Radio Norte on Monday in Valmont, which votes next, "
                    "Ruiz compared Brel to “a captain without a ship.”", PEOPLE)
    assert got == {"a captain without a ship.": "Ana Ruiz"}


def test_embedded_quote_never_goes_to_the_object_of_a_preposition():
    got = _speakers("Brel spoke first.\n\nAfter the vote in Valmont, praise for Ruiz came as “a breath of fresh "
                    "air” from the press.", PEOPLE)
    assert got["a breath of fresh air"] is None


def test_title_and_surname_go_to_the_full_name_met_before():
    actors = {"Erik Vance": ("person", [])}  # the actors stage did not mark "Mr. Vance"
    got = _speakers("Erik Vance founded the firm in 1997.\n\n''It is particularly risky to go there now,'' "
                    "Mr. Vance said.", actors)
    assert got == {"It is particularly risky to go there now": "Erik Vance"}


def test_inner_closing_mark_before_an_inverted_cue():
    got = _speakers("The minister spoke on Monday.\n\n''I would use the word 'old-school,''' said Ana Ruiz, "
                    "who runs the farm board.", PEOPLE)
    assert got == {"I would use the word 'old-school": "Ana Ruiz"}


def test_occupations_and_ages_refer_back_to_the_person_named():
    got = _speakers("Ana Ruiz, a former model, spoke for ten minutes.\n\n“He will work for you,” said the "
                    "46-year-old.\n\nThe actress explained that the role was “a gift.”", PEOPLE)
    assert got == {"He will work for you": "Ana Ruiz", "a gift.": "Ana Ruiz"}


def test_a_title_left_in_a_mention_is_never_the_speaker():
    actors = {"Democratic Rep": ("person", []), "Ana Ruiz": ("person", ["Ruiz"])}  # an actors-stage cut
    got = _speakers("Voters met in the north.\n\n“Everybody is looking at the north,” said Democratic Rep. "
                    "Ana Ruiz.", actors)
    assert got == {"Everybody is looking at the north": "Ana Ruiz"}


def test_documents_speak_for_their_authors():
    body = ("Tomas Brel released a new ad on Monday.\n\nThe ad says “nothing will change until we vote.”\n\n"
            "A March 1 letter from the Farmers Union obtained by Radio Norte warns that “any further contact "
            "will be through our lawyers.”\n\nAna Ruiz spoke later. The campaign’s statement then declares “the "
            "matter is closed.”")
    got = _speakers(body, PEOPLE)
    assert got["nothing will change until we vote."] == "Tomas Brel"
    assert got["any further contact will be through our lawyers."] == "Farmers Union"  # not Radio Norte
    assert got["the matter is closed."] == "The campaign"


def test_any_ed_verb_after_the_speaker_with_a_phrase_after_it():
    got = _speakers("The bill failed.\n\n“If they were serious, they would have backed the only bill with "
                    "support,” Brel fumed on Tuesday. “That would have been good faith.”", PEOPLE)
    assert got == {"If they were serious, they would have backed the only bill with support": "Tomas Brel",
                   "That would have been good faith.": "Tomas Brel"}


def test_a_cue_word_in_the_clause_before_does_not_hide_the_quotes_own_cue():
    # "offered states billions": "states" is a cue word, its clause has no named speaker
    got = _speakers("Ana Ruiz spoke in 2009.\n\nIn 2009, when the government offered states billions, “states "
                    "were losing money,” Ruiz said.", PEOPLE)
    assert got == {"states were losing money": "Ana Ruiz"}


def test_role_noun_with_no_recent_subject_goes_to_the_person_the_story_is_about():
    # Ruiz is named only after prepositions: never a sentence subject or a speaker before the cue
    got = _speakers("The agenda of Ana Ruiz is clear. Critics of Ruiz say little, and allies of Ruiz stay quiet.\n\n"
                    "“It was very nice,” the tycoon told Radio Norte.", PEOPLE)
    assert got == {"It was very nice": "Ana Ruiz"}


def test_an_inverted_cue_opens_no_reported_clause_and_the_follow_on_quote_keeps_its_speaker():
    got = _run("As it turned out, Valmont had held secret talks with the north. ''What they did is try to "
               "deceive us,'' said Ana Ruiz, another former adviser to Brel. ''They never told us.''",
               {**PEOPLE, "Valmont": ("country", [])})
    assert [(q.text, q.speaker) for q in got.quotes] == [
        ("What they did is try to deceive us", "Ana Ruiz"), ("They never told us.", "Ana Ruiz")]


def test_a_speaker_named_by_a_cue_that_gave_no_quote_is_the_next_pronoun():
    got = _speakers("If states fail to act, the ministry can step in, Ruiz said.\n\n“That is something the "
                    "government should do,” she said.", PEOPLE)
    assert got == {"That is something the government should do": "Ana Ruiz"}


def test_sentence_subject_after_several_introductory_commas():
    got = _speakers("Brel spoke first.\n\nAt a June rally in Port Lys, Valmont, 62-year-old Ana Ruiz also railed "
                    "against the plan. “They should listen to us,” she said.", PEOPLE)
    assert got == {"They should listen to us": "Ana Ruiz"}


def test_name_before_an_apposition_that_the_plain_patterns_miss():
    actors = {**PEOPLE, "Jeff Small": ("person", []), "Adam B": ("person", [])}  # "Adam B": an actors-stage cut
    got = _speakers("Jeff Small runs a bakery.\n\nSmall, who attended the rally on Wednesday, said that “the "
                    "mayor took advantage of us.”\n\n“It is a very positive development,” Representative Adam B. "
                    "Schiff, a member of the committee, said.", actors)
    assert got == {"the mayor took advantage of us.": "Jeff Small",
                   "It is a very positive development": "Adam B. Schiff"}


def test_a_lone_surname_before_the_cue_is_the_person_named_in_full_before():
    actors = {"Curt Vale": ("person", [])}  # the actors stage did not mark the later bare "Vale"
    got = _speakers("Curt Vale wrote on his blog on Tuesday.\n\nTo that, Vale added: “A rule is a rule.”", actors)
    assert got == {"A rule is a rule.": "Curt Vale"}


def test_the_state_after_a_persons_town_is_not_the_speaker():
    actors = {**PEOPLE, "Jo Baker": ("person", []), "Dean Lund": ("person", []),
              "North Valmont": ("person", [])}  # a place the actors stage took for a person
    got = _speakers("Voters lined up.\n\nJo Baker of Port Lys, North Valmont says Brel can win if he keeps “doing "
                    "what he is doing.”\n\nDean Lund, a 55-year-old salesman from Sumter, North Valmont, says Brel "
                    "will “leave here with momentum.”\n\nDuring the debate in Port Lys, Ruiz said that we should "
                    "“set the same standard for everybody.”", actors)
    assert got == {"doing what he is doing.": "Jo Baker", "leave here with momentum.": "Dean Lund",
                   "set the same standard for everybody.": "Ana Ruiz"}


def test_a_camp_named_after_its_principal_speaks_for_it():
    # reported speech by "X aides" / "X campaign officials" / "the <role>'s aides": the principal, not no one
    body = ("Ana Ruiz toured the valley on Monday.\n\nRuiz campaign officials said the tour would reach every "
            "town before the vote.\n\nTomas Brel spoke in the capital.\n\nThe senator's aides said he would "
            "return to the north next week.\n\nSome officials said the vote could be delayed by a month.")
    got = {q.text: q.speaker for q in _run(body, PEOPLE).quotes if not q.direct}
    assert got["the tour would reach every town before the vote"] == "Ana Ruiz"
    assert got["he would return to the north next week"] == "Tomas Brel"
    assert got["the vote could be delayed by a month"] is None


def test_she_skips_a_man_the_census_first_name_genders():
    # no title or gendered word in the text: "Maria" and "Robert" give the sexes (1990 Census first names)
    people = {"Maria Lopez": ("person", ["Lopez"]), "Robert Vance": ("person", ["Vance"])}
    got = _speakers("Maria Lopez met Robert Vance in Valmont on Monday. Vance spoke first.\n\n"
                    "“We will build the road before the rains,” she said.", people)
    assert got["We will build the road before the rains"] == "Maria Lopez"


def test_a_speaker_whose_first_name_alone_disagrees_is_still_he():
    # "Kim" is mostly a woman's name in the census but a man's here: the speaker just named is "he", not the
    # earlier man the text genders
    people = {"Robert Vance": ("person", ["Vance"]), "Kim Sok": ("person", [])}
    got = _speakers("Robert Vance said the plan would work. “It is the right road,” he said.\n\n"
                    "But another analyst, Kim Sok, said the plan would fail.\n\n"
                    "“The road will not be built before the rains,” he said.", people)
    assert got["It is the right road"] == "Robert Vance"
    assert got["The road will not be built before the rains"] == "Kim Sok"


def test_he_prefers_a_gendered_man_to_a_once_named_ungendered_subject():
    # the actors stage typed the state of "in Port Alba, Valmont," a person: named once, ungendered, it loses
    # to the man named just before
    people = {"Robert Vance": ("person", ["Vance"]), "Valmont": ("person", [])}
    got = _speakers("Robert Vance toured the north on Monday.\n\nAt a rally in Port Alba, Valmont, on Tuesday, "
                    "crowds waited for hours.\n\n“We will win this state,” he said.", people)
    assert got["We will win this state"] == "Robert Vance"


def test_a_name_before_a_role_noun_modifies_it_the_person_after_is_the_subject():
    # "Ruiz consultant Tomas Brel picked up …": Brel is the subject "he" points back to, not Ruiz; a verb
    # between two names ("Ruiz told Brel") leaves the first name the subject
    actors = {"Ana Ruiz": ("person", ["Ruiz"]), "Tomas Brel": ("person", [])}
    got = _speakers("Ana Ruiz won the primary on Tuesday.\n\nRuiz campaign consultant Tomas Brel, a veteran of "
                    "three races, picked up the same thread.\n\n“Voters see what they share,” he said.", actors)
    assert got == {"Voters see what they share": "Tomas Brel"}
    actors = {"Tomas Ruiz": ("person", ["Ruiz"]), "Tomas Brel": ("person", [])}
    got = _speakers("Tomas Ruiz won the primary on Tuesday.\n\nRuiz told Tomas Brel about the count.\n\n"
                    "“It was a long night,” he said.", actors)
    assert got == {"It was a long night": "Tomas Ruiz"}


def test_an_aside_holding_a_city_and_state_still_leaves_the_name_before_it():
    # "Ruiz, during a rally in Valmont, Norland, said …": "Norland" is the state of the place, not the speaker
    actors = {"Ana Ruiz": ("person", ["Ruiz"])}
    got = _speakers("Ana Ruiz won the county.\n\nRuiz, during a rally in Valmont, Norland, said she would "
                    "“put the mills back to work,” while the crowd cheered.", actors)
    assert got == {"put the mills back to work": "Ana Ruiz"}


def test_a_persons_campaign_before_an_aside_speaks_for_the_person():
    actors = {"Ana Ruiz": ("person", ["Ruiz"])}
    got = _speakers("Ana Ruiz faces a close race.\n\nSen. Ana Ruiz’s campaign, for example, said she would "
                    "“back the nominee” but “not campaign with him.”", actors)
    assert got == {"back the nominee": "Ana Ruiz", "not campaign with him.": "Ana Ruiz"}


def test_a_raising_verb_before_to_say_leaves_the_subject_as_the_speaker():
    got = _speakers("Brel opened the session.\n\nThe hall was so quiet that Ruiz was prompted to say, “Nobody here "
                    "has read the bill.”\n\nBrel felt compelled to say, “I have read every page of it.”", PEOPLE)
    assert got == {"Nobody here has read the bill.": "Ana Ruiz", "I have read every page of it.": "Tomas Brel"}



def test_the_agency_is_the_body_last_speaking_when_no_body_of_that_name_was_named():
    actors = {"Water Authority": ("organization", []), "Ana Ruiz": ("person", ["Ruiz"])}
    got = _speakers("The Water Authority said on Monday that it missed its target.\n\n“We worked to meet the "
                    "goal,” said the agency, which fell short.\n\nRuiz called the delay a scandal. “We will sue,” "
                    "the agency said.", actors)
    assert got == {"We worked to meet the goal": "Water Authority", "We will sue": "Water Authority"}
    # a person is never "the agency"
    got = _speakers("Ruiz called the delay a scandal.\n\n“We will sue,” the agency said.", actors)
    assert got == {"We will sue": "the agency"}



def test_add_in_the_present_is_a_cue():
    # "add" was no cue word (only added/adds): "Growers such as X add that …" gave no reported speech
    doc = _run("Farmers met on Monday.\n\nGrowers such as Ana Ruiz add that the prices held through the "
               "winter.", PEOPLE)
    assert [(q.text, q.speaker, q.direct) for q in doc.quotes] == [
        ("the prices held through the winter", "Ana Ruiz", False)]


def test_a_contracted_pronoun_opening_a_sentence_is_its_subject():
    # "She's a Brel voter but admits …": the subject is "she" (was Brel, the name after the contraction), so the
    # next "she said" goes to the woman who spoke before
    actors = {"Lena Ortiz": ("person", ["Ortiz"]), "Tomas Brel": ("person", ["Brel"])}
    got = _speakers("“Prices went up,” said Lena Ortiz, a retired nurse. She’s a Brel voter but admits that most "
                    "of her friends are not.\n\n“They will not change their minds,” she said.", actors)
    assert got == {"Prices went up": "Lena Ortiz", "They will not change their minds": "Lena Ortiz"}


def test_a_participle_in_a_sentence_with_a_glued_caption_goes_to_the_body_a_verb_follows():
    # a photo caption without a period runs into the first sentence: its place is no subject (after "across"),
    # the body that "has sent" follows is the one denouncing
    actors = {"Valmont": ("country", []), "Farmers Union": ("organization", [])}
    got = _speakers("Marches were held across Valmont after the harvest The Farmers Union has sent a letter to "
                    "the ministry, denouncing “the arrests of farmers who march peacefully.”", actors)
    assert got == {"the arrests of farmers who march peacefully.": "Farmers Union"}


def test_an_age_and_a_home_town_in_the_apposition_leave_the_person_the_speaker():
    # "Name, 30, of Town, State, who …, said": the state closed the apposition's place (it was the speaker, and
    # the name part a reported clause of the state's)
    actors = {"Jonas Berg": ("person", ["Berg"]), "Lena Ortiz": ("person", []), "Norland": ("country", [])}
    doc = _run("Berg spoke first.\n\nLena Ortiz, 41, of Kesby, Norland, who was among those polled, said, “We "
               "will not sell the farm.”", actors)
    assert [(q.text, q.speaker, q.direct) for q in doc.quotes] == [("We will not sell the farm.", "Lena Ortiz", True)]


def test_a_person_opening_a_clause_after_but_is_a_subject_for_the_next_pronoun():
    # "X avoids …, but her neighbor Y, 83, knows …" then "“…,” he said": Y (the sentence's own subject is X, and
    # the clause's subject was no candidate, so "he" went to an older man)
    actors = {"Tomas Brel": ("person", ["Brel"]), "Rita Holm": ("person", ["Ms. Holm"]),
              "Karl Dahl": ("person", [])}
    got = _speakers("“Prices rose,” said Tomas Brel, a grocer.\n\nMs. Holm avoids talking about the vote with her "
                    "son, but her neighbor Karl Dahl, 83, knows just what the capital needs. “It will take a "
                    "strong hand,” he said.", actors)
    assert got == {"Prices rose": "Tomas Brel", "It will take a strong hand": "Karl Dahl"}


def test_a_person_of_a_body_whose_the_is_capitalised_is_the_speaker():
    # "of The Nation": the body's own "The" (outside its mention) hid the person before "of"
    actors = {"Lena Ortiz": ("person", []), "Daily Ledger": ("organization", [])}
    got = _speakers("The mayor resigned.\n\nLena Ortiz of The Daily Ledger wrote, “If you want trust, you have to "
                    "earn it every day.”", actors)
    assert got == {"If you want trust, you have to earn it every day.": "Lena Ortiz"}


def test_a_document_noun_inside_a_name_is_no_document():
    # "Valmont Post columnist X, a …, calls Y “…”": "Post" is part of the paper's name, not a post speaking
    actors = {"Valmont Post": ("organization", []), "Lena Ortiz": ("person", []), "Tomas Brel": ("person", ["Brel"])}
    got = _speakers("Brel won the vote.\n\nValmont Post columnist Lena Ortiz, a former aide in the capital, calls "
                    "Brel “a candidate with the habits of a chameleon.”", actors)
    assert got == {"a candidate with the habits of a chameleon.": "Lena Ortiz"}


def test_a_document_after_a_preposition_is_an_adjunct_not_the_speaker():
    # "In a statement, the tycoon announced that “…”": the tycoon speaks (the statement was the subject, unnamed)
    actors = {"Tomas Brel": ("person", ["Brel"])}
    got = _speakers("Tomas Brel bought the club on Monday.\n\nIn a statement, the tycoon announced that “the club will "
                    "stay in the city.”", actors)
    assert got == {"the club will stay in the city.": "Tomas Brel"}


def test_her_campaign_opening_a_sentence_speaks_for_the_candidate():
    # "Her campaign … stating “…”", "Her campaign has cycled through slogans “…”": no speaker before
    actors = {"Ana Ruiz": ("person", ["Ruiz"]), "Tomas Brel": ("person", ["Brel"])}
    got = _speakers("Tomas Brel conceded. Ana Ruiz won the vote.\n\nHer campaign quickly sent an email to supporters "
                    "stating, “We are grateful to all.” Her campaign has cycled through slogans such as “Fighting "
                    "for all of us.”", actors)
    assert got == {"We are grateful to all.": "Ana Ruiz", "Fighting for all of us.": "Ana Ruiz"}


def test_a_cue_closing_a_relative_clause_belongs_to_the_relative_subject():
    # "X criticized the plan, which an Audit Office inquiry said was “…”": the office, not the sentence's subject X
    actors = {"Tomas Brel": ("person", ["Brel"]), "Audit Office": ("organization", [])}
    got = _speakers("The plan passed.\n\nBrel, a former minister, criticized the plan, which an Audit Office inquiry said "
                    "was “badly costed” but legal.", actors)
    assert got == {"badly costed": "Audit Office"}


def test_her_camp_after_the_quote_speaks_for_the_person_her_points_to():
    # "“…,” her aides said": the possessive was read as a modifier of the camp noun, so the camp had no principal
    actors = {"Lena Ortiz": ("person", ["Ms. Ortiz"]), "Tomas Brel": ("person", ["Brel"])}
    got = _speakers("Ms. Ortiz toured the farms on Monday.\n\n“We will fund every school,” her aides said. “Every "
                    "one,” her campaign added in a statement.", actors)
    assert got == {"We will fund every school": "Lena Ortiz", "Every one": "Lena Ortiz"}


def test_her_camp_after_an_inverted_cue_speaks_for_the_person_her_points_to():
    # "“…,” said her campaign": the inverted cue read only documents, role nouns and "the <office>" after it
    actors = {"Lena Ortiz": ("person", ["Ms. Ortiz"]), "Tomas Brel": ("person", ["Brel"])}
    got = _speakers("Ms. Ortiz toured the farms on Monday. Tomas Brel stayed home.\n\n“We will fund every school,” said "
                    "her campaign.", actors)
    assert got == {"We will fund every school": "Lena Ortiz"}
    got = _speakers("Ms. Ortiz toured the farms on Monday. Tomas Brel stayed home.\n\n“Every one,” said his top aides, "
                    "a day later.", actors)
    assert got == {"Every one": "Tomas Brel"}

