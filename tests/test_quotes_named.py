"""Named speakers beside a cue (issue 17, second round on PolNeAR train errors): cue words used as nouns, an
inverted cue after a reported clause, a naming verb before a quote against a cue after it, subjects after
participial or subordinate openings, a camp named by a possessive, "<name> <verb>ed," before a quote, "was
asked by X", a later quote's cue in the same sentence, "after X told", names with "of <place>" before an
apposition and a lone name before one.

Texts are written for each class (made-up people); actors are built by hand as in test_quotes, so only the
quotes stage is under test.
"""

from test_quotes import _run

PEOPLE = {
    "Ana Ruiz": ("person", ["Ruiz"]),
    "Tomas Brel": ("person", ["Brel"]),
    "Jonas Berg": ("person", ["Berg"]),
    "Valmont": ("country", []),
}


def _speakers(body: str, actors=PEOPLE, direct: bool = True) -> dict[str, str | None]:
    return {q.text: q.speaker for q in _run(body, actors).quotes if q.direct == direct}


def test_a_cue_word_after_a_preposition_or_determiner_is_a_noun():
    # "in states" is no cue: the quote is lent by the sentence's subject
    got = _speakers("After losses in states with more diverse electorates, Ruiz has decried “systemic neglect” "
                    "of the poor.")
    assert got == {"systemic neglect": "Ana Ruiz"}
    # "so-called" is no cue either
    got = _speakers("Brel is already claiming victory in the so-called “governors' bracket” this year.")
    assert got["governors' bracket"] == "Tomas Brel"


def test_inverted_cue_after_a_reported_clause_names_the_speaker_of_its_embedded_quotes():
    got = _speakers("The promise to “take our country back” appeals to voters who miss the old days, said Jonas "
                    "Berg, a historian at the state university.")
    assert got == {"take our country back": "Jonas Berg"}


def test_a_naming_verb_before_the_quote_beats_a_cue_after_it():
    got = _speakers("In the debate, Ruiz called Brel “the worst recruiter of all” and then she also said he "
                    "would lose.")
    assert got["the worst recruiter of all"] == "Ana Ruiz"


def test_subject_after_a_participial_opening_with_a_place():
    got = _speakers("Speaking at a town hall in Salem, New Hampshire, Ruiz went after Brel, calling him “a "
                    "total stiff.”")
    assert got == {"a total stiff.": "Ana Ruiz"}


def test_subject_of_a_subordinate_clause_is_not_the_sentences():
    got = _speakers("In 1992, when Brel criticized Berg during a debate, Ruiz shot back, “I could have stayed "
                    "home, but I chose to fight.”")
    assert got == {"I could have stayed home, but I chose to fight.": "Ana Ruiz"}


def test_a_possessive_camp_speaks_for_its_principal_but_a_named_spokesman_for_himself():
    got = _speakers("Ruiz’s campaign shrugged off the remarks, telling reporters, “Nobody here ever asked for "
                    "that endorsement.”")
    assert got == {"Nobody here ever asked for that endorsement.": "Ana Ruiz"}
    got = _speakers("Ruiz’s spokesman Jonas Berg called the plan “a total disaster for the country.”")
    assert got == {"a total disaster for the country.": "Jonas Berg"}


def test_passive_cue_gives_the_agent():
    got = _speakers("The forum ended late. Brel was asked by moderator Jonas Berg whether the plan would risk "
                    "“adding another costly program to the budget.”")
    assert got == {"adding another costly program to the budget.": "Jonas Berg"}


def test_an_embedded_quote_takes_the_cue_of_a_later_quote_in_its_sentence():
    got = _speakers("Taxes are “the ultimate burden” and “stunt every small business,” Jonas Berg, the former "
                    "mayor, proclaimed to a cheering crowd.")
    assert got == {"the ultimate burden": "Jonas Berg", "stunt every small business": "Jonas Berg"}


def test_after_before_a_name_opens_its_clause():
    got = _speakers("The endorsement came three days after Ruiz told the Daily Post she was “not quite there "
                    "yet” on the vote.")
    assert got == {"not quite there yet": "Ana Ruiz"}


def test_name_of_a_place_before_an_apposition():
    got = _speakers("Rep. Ana Ruiz of Valmont, an ally of the leadership, said Thursday that the rival is "
                    "“unpredictable and strange.”")
    assert got == {"unpredictable and strange.": "Ana Ruiz"}
    rep = _speakers("Rep. Ana Ruiz of Valmont, an ally of the leadership, said Thursday that the rival is "
                    "unpredictable.", direct=False)
    assert list(rep.values()) == ["Ana Ruiz"]


def test_a_lone_name_before_an_apposition_is_a_speaker():
    rep = _speakers("Costa Mining lost money. Teckra, the mining company, says that alone among its rivals it "
                    "pays fifty million dollars in taxes.", {}, direct=False)
    assert list(rep.values()) == ["Teckra"]


def test_an_age_before_the_name_before_an_apposition():
    rep = _speakers("Most voters here back the mayor. 81-year-old Tomas Brel, a retired farmer who voted for Ruiz, "
                    "said that given the field he now backs Berg.", direct=False)
    assert list(rep.values()) == ["Tomas Brel"]
    # "some say" keeps its subject: "Some" is no determiner of a noun "say"
    rep = _speakers("Some say they hear echoes of a painful past in the speeches of the candidate.", {}, direct=False)
    assert len(rep) == 1
