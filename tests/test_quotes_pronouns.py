"""Pronoun speakers (quotes/pronouns.py, issue 17): a person named in a sentence but not as its subject is an
antecedent after the sentence's subjects and before any earlier sentence's (Hobbs's order), unless a pronoun of
the same gender in that sentence is the chain's link.

Texts are written for each class (made-up people); actors are built by hand as in test_quotes, so only the
quotes stage is under test.
"""

from test_quotes import _run


def _speakers(body: str, actors) -> dict[str, str | None]:
    return {q.text: q.speaker for q in _run(body, actors).quotes if q.direct}


def test_a_relative_clause_subject_is_the_antecedent_of_the_next_sentence_pronoun():
    # "the kind of race Holm hoped to run. She …": Holm is no sentence subject; "she" went to the woman who
    # spoke before
    actors = {"Lena Ortiz": ("person", ["Ortiz"]), "Rita Holm": ("person", ["Ms. Holm"])}
    got = _speakers("“Prices rose,” Lena Ortiz said.\n\nThis is not the kind of race Ms. Holm hoped to run. She "
                    "admits that the questions surprised her.\n\n“You work with the weather you get,” she said.",
                    actors)
    assert got == {"Prices rose": "Lena Ortiz", "You work with the weather you get": "Rita Holm"}


def test_an_object_is_the_antecedent_when_no_subject_fits():
    # "I told Mr. Brel …": the narrator's object is the only man in reach ("he responded" had no speaker)
    actors = {"Ana Ruiz": ("person", ["Ruiz"]), "Tomas Brel": ("person", ["Mr. Brel"])}
    got = _speakers("Ana Ruiz won the county.\n\nI told Mr. Brel last week that his poster hung in my office.\n\n"
                    "“I have ruined your walls, then,” he responded.", actors)
    assert got == {"I have ruined your walls, then": "Tomas Brel"}


def test_a_person_in_a_sentence_holding_the_same_pronoun_is_no_antecedent():
    # "Dismayed by Mr. Dahl's record, he backs Mr. Brel": "he" is that sentence's subject (the canvasser of the
    # sentence before), the men after "by" and "backs" are objects
    actors = {"Jonas Berg": ("person", ["Mr. Berg"]), "Karl Dahl": ("person", ["Mr. Dahl"]),
              "Tomas Brel": ("person", ["Mr. Brel"])}
    got = _speakers("Across town is Mr. Berg, a canvasser. Dismayed by Mr. Dahl's record, he backs Mr. Brel.\n\n"
                    "“I knock on doors every night,” he said.", actors)
    assert got == {"I knock on doors every night": "Jonas Berg"}


def test_the_subject_before_an_object_still_wins():
    # objects come after their sentence's subject: "Ruiz praised Ms. Holm …. “…,” she said" is Ruiz's
    actors = {"Ana Ruiz": ("person", ["Ms. Ruiz"]), "Rita Holm": ("person", ["Ms. Holm"])}
    got = _speakers("Ms. Ruiz praised Ms. Holm at the rally.\n\n“We march together,” she said.", actors)
    assert got == {"We march together": "Ana Ruiz"}


def test_a_sentence_whose_subject_is_a_role_description_lends_no_object():
    # "The radio host has filled his talks for Mr. Brel with …. He has declared": the description is the chain's
    # link back to the host named before, so Mr. Brel (an object after it) is no antecedent of "he"
    actors = {"Karl Dahl": ("person", ["Mr. Dahl"]), "Tomas Brel": ("person", ["Mr. Brel"])}
    got = _speakers("Mr. Dahl reaches a million listeners a week.\n\nThe radio host has filled his talks for Mr. Brel "
                    "with warnings about the budget.\n\n“The country is broke,” he said on Monday.", actors)
    assert got == {"The country is broke": "Karl Dahl"}
