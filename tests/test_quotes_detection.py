"""Quote detection classes (issue 17): short quotes after naming and accusation verbs, quotes that run over
paragraphs without a reopening mark, and reported-speech shapes (parenthetical cue, relative clause, pronoun
clause, participle after a dash, a paraphrase holding a quoted phrase). Texts written for these tests.
"""

from parley import ingest, pipeline
from parley.context import Context
from parley.quotes.marks import find_segments
from parley.text import paragraphs


def _quotes(body: str, direct: bool | None = None) -> list[tuple[str, str | None]]:
    raw = ingest.make_raw("t", "t.txt", body.encode("utf-8"), "text")
    return [(q.text, q.speaker) for q in pipeline.analyze(raw, Context()).quotes
            if direct is None or q.direct == direct]


# ---------------------------------------------------------------- naming and accusation verbs
def test_accusation_verb_gives_a_short_quote_to_its_subject():
    got = _quotes("The opposition leader Maria Lopez accused the prime minister of “high treason” on Tuesday.", True)
    assert got == [("high treason", "Maria Lopez")]


def test_accusation_verb_after_an_apposition_of_the_object():
    got = _quotes("Maria Lopez, the leader of the Greens, accused Tom Reed, the mayor of the city, of “stealing the "
                  "election” in March.", True)
    assert got == [("stealing the election", "Maria Lopez")]


def test_participles_speak_for_the_sentence_subject():
    got = _quotes("Mayor Tom Fisk spoke for an hour. Then he turned to his rival, calling him a “weak leader” and "
                  "accusing him of acting like a “spoiled child.”", True)
    assert got == [("weak leader", "Tom Fisk"), ("spoiled child.", "Tom Fisk")]


def test_passive_naming_verb_gives_the_agent_or_no_one():
    assert _quotes("The files were labeled “top secret” by the State Department in May.", True) == [
        ("top secret", "State Department")]
    assert _quotes("The files were labeled “top secret” in May.", True) == [("top secret", None)]


def test_accusation_without_a_named_subject_is_a_statement_without_speaker():
    assert _quotes("Critics have accused the governor of “cooking the books” for years.", True) == [
        ("cooking the books", None)]


def test_single_word_scare_quotes_stay_no_statement():
    assert _quotes("The mayor, Anna Berg, denounced the “illegal” vote in the city council.", True) == []
    assert _quotes("Senator Tom Reed accused the board of “treason” on Monday.", True) == []
    assert _quotes("The storm caused a “perfect mess” in the city.", True) == []


# ---------------------------------------------------------------- quotes over paragraphs
PTB_CONT = ("Foreign Minister Alain Juppe spoke on Sunday .\n\n"
            "`` We want new blood in this government and we want it now .\n\n"
            "But to talk of a coup is simply ridiculous , '' he told French TV .\n")


def test_ptb_quote_continued_without_reopening_is_one_quote_with_the_cue_after_it():
    assert _quotes(PTB_CONT, True) == [("We want new blood in this government and we want it now .", "Alain Juppe"),
                                       ("But to talk of a coup is simply ridiculous", "Alain Juppe")]
    segs = find_segments(PTB_CONT, paragraphs(PTB_CONT))
    assert [s.closed for s in segs] == [False, True]
    assert segs[1].open == paragraphs(PTB_CONT)[2][0]  # the continuation starts at its paragraph


def test_curly_and_straight_quotes_continued_without_reopening():
    for op, cl in (("“", "”"), ('"', '"')):
        text = (f"Anna Berg, the mayor of Lyon, spoke on Sunday.\n\n{op}We want new blood in this government.\n\n"
                f"But to talk of a coup is simply ridiculous,{cl} she told French TV.")
        assert _quotes(text, True) == [("We want new blood in this government.", "Anna Berg"),
                                       ("But to talk of a coup is simply ridiculous", "Anna Berg")]


def test_reopened_paragraphs_are_one_speakers_continued_quote():
    text = ("Anna Berg, the mayor of Lyon, spoke on Sunday.\n\n“We want new blood in this government.\n\n"
            "“We want it now.\n\n“But to talk of a coup is simply ridiculous,” she told French TV.")
    got = _quotes(text, True)
    assert [sp for _t, sp in got] == ["Anna Berg"] * 3


def test_a_later_paragraph_without_a_closing_mark_first_is_not_continued():
    text = ("“We want new blood in this government.\n\n"
            "The minister left. Later she said “it is over” to reporters.")
    segs = find_segments(text, paragraphs(text))
    assert [text[s.cs:s.ce] for s in segs] == ["We want new blood in this government.", "it is over"]


# ---------------------------------------------------------------- reported speech
def test_parenthetical_cue_inside_the_reported_sentence():
    got = _quotes("Senator Tom Reed spoke on Monday. The budget, Reed said, would be balanced by the end of next year.",
                  False)
    assert got == [("The budget, Reed said, would be balanced by the end of next year", "Tom Reed")]


def test_parenthetical_according_to():
    got = _quotes("The region is tense. Since last November, according to the Civic Watch group, soldiers have "
                  "killed more than 40 protesters.", False)
    assert len(got) == 1 and got[0][0].startswith("Since last November") and got[0][0].endswith("protesters")
    # a relative clause after the source is part of the source phrase, not the sentence going on
    got = _quotes("The storm hit the coast, according to the weather service, which said it was the worst in years.",
                  False)
    assert got[0][0] == "The storm hit the coast"


def test_cue_inside_a_relative_clause():
    got = _quotes("Ben Carson spoke. Rivals mocked his story of a fight, an event that Carson says led him to his "
                  "faith.", False)
    assert got == [("led him to his faith", "Ben Carson")]
    got = _quotes("The bureau has been studying the breach, a probe the agency said was ongoing as of this month.",
                  False)
    assert [t for t, _ in got] == ["was ongoing as of this month"]


def test_pronoun_opens_a_clause_without_that():
    assert _quotes("Donald Trump spoke. He said he’d build a border wall and make Mexicans pay for it.", False) == [
        ("he’d build a border wall and make Mexicans pay for it", "Donald Trump")]
    assert _quotes("Donald Trump spoke. He said it again at the rally in Ohio on Monday night.", False) == []


def test_participle_after_a_dash():
    got = _quotes("Marco Rubio flipped his choice on the spot – saying he was rooting for the home team now.", False)
    assert got == [("he was rooting for the home team now", "Marco Rubio")]


def test_paraphrase_with_a_quoted_phrase_is_reported_speech():
    got = _quotes("Hillary Clinton spoke. Clinton says she respects Sanders’ “passion and commitment.”", False)
    assert [(t[:21], sp) for t, sp in got] == [("she respects Sanders’", "Hillary Clinton")]
    # almost all quotation: the direct quote is the record, the frame is not repeated as a report
    assert _quotes("Hillary Clinton spoke. Clinton said the plan was “a gift to the banks and a betrayal of every "
                   "worker in this country.”", False) == []


def test_asked_whether_and_asked_to_are_reported_questions_and_requests():
    got = _quotes("Ben Hale spoke. Last month, the reporter Ann Lee asked Hale whether questions about his health were "
                  "fair game.", False)
    assert [t for t, _ in got] == ["whether questions about his health were fair game"]
    got = _quotes("The firm was struggling. In June, the board of Acme Corp asked workers to sign up for an optional "
                  "pay cut.", False)
    assert [t for t, _ in got] == ["workers to sign up for an optional pay cut"]
    assert _quotes("Jane Doe spoke. Doe asked the court for more time on Monday.", False) == []


def test_while_ends_a_reported_clause():
    got = _quotes("The poll came out. Twenty percent said they were more likely to vote for him, while 9 percent "
                  "found it a deterrent.", False)
    assert [t for t, _ in got] == ["they were more likely to vote for him"]


def test_no_parenthesis_reading_after_a_direct_quote_and_no_gap_after_a_noun():
    got = _quotes("Melanie Trump spoke. “He really does love us,” Melanie said, and soon, the balloons were dropping "
                  "and the crowd cheered.")
    assert [(t, d) for t, _sp, d in [(t, sp, True) for t, sp in got]] == [("He really does love us", True)]
    assert _quotes("The vote is near. Those states could be decisive in a close election this year.", False) == []


def test_quoted_phrase_early_in_a_long_paraphrase_hides_no_verb():
    # the clause's only finite verb lies past its twentieth word; the quote mark glued to "did" once hid it
    body = ("Paul Grant spoke at the forum. At the forum, Grant said his aides “did the wrong thing” by reading "
            "the rival team’s private files, but that the council’s later decision to lock his office out of its "
            "own records was unfair.")
    got = _quotes(body, False)
    assert [(t[:24], sp) for t, sp in got] == [("his aides “did the wrong", "Paul Grant")]


def test_as_the_speaker_said_before_or_after_the_clause():
    got = _quotes("Rosa Vance knows the district. But as Vance noted, those farmers will give Reed a second look if "
                  "he starts winning.", False)
    assert got == [("those farmers will give Reed a second look if he starts winning", "Rosa Vance")]
    got = _quotes("And as the Valley Courier reported on Friday, the mayor was refusing to call the fire an accident.",
                  False)
    assert got == [("the mayor was refusing to call the fire an accident", "Valley Courier")]
    # after a comma the report is what precedes it, not the clause after the next "and"
    got = _quotes("Tom Reed, the head of the farm bureau, also met the mayor that week, as the Valley Courier reported "
                  "on Tuesday, and he will help plan the fair.", False)
    assert got == [("Tom Reed, the head of the farm bureau, also met the mayor that week", "Valley Courier")]
    got = _quotes("Rosa Vance knows the rules. Growers can still be fined for late reports, and as Vance noted, the "
                  "ones who sold early could still face an audit.", False)
    assert got == [("the ones who sold early could still face an audit", "Rosa Vance")]
    # an "as" with no comma before it is no parenthesis ("served as …", "such as …")
    assert _quotes("Rosa Vance knows the district. The plan counts the farmers as Vance said it would.", False) == []
