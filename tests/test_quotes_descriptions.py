"""Speakers named by a description or after an introductory phrase (issue 17, PolNeAR train error classes):
"To that, X added", "the <Place> Republican said", a description as the subject of "... and said", "the
committee said" after a named committee. Texts are written for each class (made-up names); actors are built
by hand as in test_quotes, so only the quotes stage is under test.
"""

from test_quotes import _run


def _speakers(body: str, actors) -> dict[str, str | None]:
    return {q.text: q.speaker for q in _run(body, actors).quotes if q.direct}


PEOPLE = {
    "Ana Ruiz": ("person", ["Ruiz"]),
    "Tomas Brel": ("person", ["Brel"]),
    "Valmont Oversight Committee": ("organization", []),
}


def test_a_name_after_an_introductory_phrase_and_comma_is_no_object_of_its_preposition():
    # "to" governs "that"; the comma closes the phrase, so Ruiz opens the clause of "added"
    got = _speakers("Tomas Brel spoke first.\n\nTo that, Ruiz added: “Nobody here will sign the plan.”", PEOPLE)
    assert got == {"Nobody here will sign the plan.": "Ana Ruiz"}


def test_the_object_of_a_preposition_is_still_no_speaker():
    got = _speakers("Ana Ruiz spoke first.\n\nIn a reply to Brel said: “Nobody here will sign the plan.”", PEOPLE)
    assert got["Nobody here will sign the plan."] != "Tomas Brel"


def test_a_capitalised_party_description_points_back_to_the_person():
    got = _speakers("Ana Ruiz met the farmers on Monday.\n\n“We will not give up the valley,” the Valmont "
                    "Republican said.", PEOPLE)
    assert got == {"We will not give up the valley": "Ana Ruiz"}


def test_a_description_subject_before_and_said_speaks_through_its_referent():
    got = _speakers("Ana Ruiz met the farmers.\n\nIn an interview on Thursday, the Valmont senator criticized "
                    "the budget and said the valley was “still in the game.”", PEOPLE)
    assert got == {"still in the game.": "Ana Ruiz"}


def test_the_office_noun_points_back_to_the_named_body_that_holds_it():
    got = _speakers("The Valmont Oversight Committee met on Monday.\n\n“The agency failed in its duty,” the "
                    "committee said in a statement.", PEOPLE)
    assert got == {"The agency failed in its duty": "Valmont Oversight Committee"}


def test_an_office_noun_no_body_holds_stays_the_phrase():
    got = _speakers("Ana Ruiz met the farmers.\n\n“The agency failed in its duty,” the ministry said.", PEOPLE)
    assert got == {"The agency failed in its duty": "the ministry"}
