"""Penn Treebank quote marks (``…'', as Timeline17's tokenized articles write them) are quote marks: speech in
such text is found and attributed as in text with “…” marks. Texts written for the test in T17's layout (one
tokenized sentence per line, spaces around every mark and punctuation sign).
"""

from parley import ingest, pipeline
from parley.context import Context
from parley.quotes.marks import find_segments
from parley.text import paragraphs

PTB = ("Oil giant BP said on Monday it would pay for the clean-up .\n"
       "`` We will clean up every drop of oil , '' chief executive Tony Hayward told reporters in Houston .\n"
       "The coast guard commander Thad Allen said : `` The leak is not yet under control . ''\n"
       "`` It is a disaster , '' said Bobby Jindal , the governor of Louisiana . `` We need more booms . ''\n")


def _direct(body: str) -> dict[str, str | None]:
    raw = ingest.make_raw("t", "t.txt", body.encode("utf-8"), "text")
    return {q.text: q.speaker for q in pipeline.analyze(raw, Context()).quotes if q.direct}


def test_ptb_marks_give_the_same_quotes_and_speakers_as_curly_marks():
    got = _direct(PTB)
    assert got == {"We will clean up every drop of oil": "Tony Hayward",
                   "The leak is not yet under control .": "Thad Allen",
                   "It is a disaster": "Bobby Jindal",
                   "We need more booms .": "Bobby Jindal"}
    curly = PTB.replace("`` ", "“").replace(" ''", "”")
    assert {k.rstrip(" ."): v for k, v in _direct(curly).items()} == {k.rstrip(" ."): v for k, v in got.items()}


def test_spaced_ptb_marks_pair_open_then_close():
    text = "Daniel Becnel , known as the `` Tort King '' for his damages , said `` we will sue . ''"
    segs = find_segments(text, paragraphs(text))
    assert [text[s.cs:s.ce] for s in segs] == ["Tort King", "we will sue ."]
    assert [s.closed for s in segs] == [True, True]
    assert segs[0].partial


def test_backticks_never_close_an_open_quote():
    # an unclosed PTB quote followed by a new one: the second `` opens its own span, it does not close the first
    text = "He said `` the talks failed and\n\n`` We will try again , '' she said ."
    segs = find_segments(text, paragraphs(text))
    assert [text[s.cs:s.ce] for s in segs] == ["the talks failed and", "We will try again"]
    assert [s.closed for s in segs] == [False, True]


SINGLE = ("The novelist looked back on the decade with regret .\n"
          "` Our worst mistake , ' said Edwin Marlow , ` was to think that nothing abroad could matter . '\n"
          "The growers ' association did n't reply , and Marlow 's publisher declined to comment .\n"
          "` We will not sell the farm , ' Rosa Ferreira told reporters . ` It is our home . '\n")


def test_tokenized_single_quotes_are_quote_marks():
    # British single quotes as tokenized text writes them: a lone ` opens, a spaced ' closes; the apostrophes of
    # "n't", "'s" and a plural possessive ("growers '") outside any quote stay text
    marlow = ["Our worst mistake", "was to think that nothing abroad could matter ."]
    ferreira = ["We will not sell the farm", "It is our home ."]
    assert _direct(SINGLE) == dict.fromkeys(marlow, "Edwin Marlow") | dict.fromkeys(ferreira, "Rosa Ferreira")


def test_single_marks_inside_a_double_quote_are_text():
    text = ("`` I have decided to pronounce the word ` weblog ' as ` wee-blog ' .\n\n"
            "Or ` blog ' for short , '' he wrote .")
    segs = find_segments(text, paragraphs(text))
    assert [text[s.cs:s.ce] for s in segs] == ["I have decided to pronounce the word ` weblog ' as ` wee-blog ' .",
                                               "Or ` blog ' for short"]
    plain = "It was the players ' union , not the owners , that gave in ."  # no backtick: no single marks at all
    assert find_segments(plain, paragraphs(plain)) == []


def test_second_half_after_an_inverted_ptb_cue_keeps_the_speaker():
    text = ("The novelist looked back on the decade with regret .\n"
            "`` Our worst mistake , '' said Edwin Marlow , `` was to think that nothing abroad could matter . ''\n")
    assert set(_direct(text).values()) == {"Edwin Marlow"}
