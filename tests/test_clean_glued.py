"""clean.glued: a caption or headline run into the next sentence on one line of plain text (text written for the
tests, fictional names)."""

from __future__ import annotations

from parley.clean import clean
from parley.clean.glued import split_glued
from parley.ingest import make_raw


def test_a_caption_run_into_the_next_sentence_is_cut_before_its_capitalised_opener():
    line = "Two ferries were seen near the pier A harbour official said the port of Velmar was closed on Monday ."
    assert split_glued(line) == ("Two ferries were seen near the pier\n"
                                 "A harbour official said the port of Velmar was closed on Monday .")
    assert split_glued("Crowds gathered in the square In Ostrel , the council met .") == (
        "Crowds gathered in the square\nIn Ostrel , the council met .")
    assert split_glued("The figures worry the ministry in the UK An aerial view of the dam .") == (
        "The figures worry the ministry in the UK\nAn aerial view of the dam .")


def test_titles_letter_names_and_timestamps_are_no_junctions():
    for line in ("The court in The Hague ruled on Monday .", "Ministers told The Daily Record they would stay .",
                 "Plan A is to reopen the road .", "The influenza A virus spread to Velmar .",
                 "Tuesday 3 March 2009 10.05 GMT The council of Velmar met on Tuesday .",
                 "The band played Sunset In Velmar , their first song .",
                 "Minister Tan Many rejected the charge on Monday .", "She sang as part of In Bright Rooms ."):
        assert split_glued(line) == line


def test_the_cut_pieces_are_paragraphs_of_the_cleaned_text():
    text = ("Flood waters rose in Velmar on Sunday , officials said .\n"
            "Rescuers dug through the rubble of the old mill The mayor of Velmar asked the army for help .\n"
            "Officials said more help would come .\n")
    doc = clean(make_raw("t", "t.txt", text.encode("utf-8"), "text"))
    assert "mill The mayor" not in doc.text
    assert "\n\nThe mayor of Velmar asked the army for help ." in doc.text


def test_a_first_line_of_prose_is_not_cut_into_a_title():
    line = "Tomas Brell met Elsa Marr in the capital . Later aides of Tomas Brell The crew had reported on a protest ."
    assert split_glued(line + "\nRescuers dug through the mill The mayor asked for help .") == (
        line + "\nRescuers dug through the mill\nThe mayor asked for help .")
    assert split_glued("Floods hit the valley The mayor asked for help .") == "Floods hit the valley\nThe mayor asked for help ."


def test_a_headline_that_closes_on_a_single_quote_is_cut_from_the_lede():
    line = ("Velmar ministers meet unions , promise ` fair talks ' Finance Minister Tomas Brell said on Monday the "
            "port would reopen .")
    assert split_glued(line) == ("Velmar ministers meet unions , promise ` fair talks '\n"
                                 "Finance Minister Tomas Brell said on Monday the port would reopen .")
    assert split_glued("Ostrel mayor ‘deeply sorry’ The mayor of Ostrel apologised .") == (
        "Ostrel mayor ‘deeply sorry’\nThe mayor of Ostrel apologised .")


def test_prose_quotations_nicknames_and_possessives_are_no_quote_junctions():
    for line in ("The union called the offer a `` insult '' Tomas Brell said .",
                 "Police held Elsa ` Ella ' Marr on Monday .", "The two ministries ' Budget Office met .",
                 "He called the plan ` fair , ' Brell said .", "The players’ Union met on Monday ."):
        assert split_glued(line) == line


def test_a_first_line_with_a_headline_label_is_cut_before_the_ledes_named_subject():
    first = ("Brell : I asked Marr to keep her word on wages Prime Minister Tomas Brell spoke with Elsa Marr on "
             "Monday .\nThe talks lasted an hour .")
    assert split_glued(first).split("\n")[:2] == ["Brell : I asked Marr to keep her word on wages",
                                                   "Prime Minister Tomas Brell spoke with Elsa Marr on Monday ."]
    doc = clean(make_raw("t", "t.txt", first.encode("utf-8"), "text"))
    assert doc.text.startswith("Prime Minister Tomas Brell spoke with Elsa Marr")


def test_a_dateline_a_preposition_or_a_long_lede_is_no_label_headline():
    for first in ("VELMAR : The army met President Tomas Brell on Monday .",
                  "Velmar port : Dockers are seen at dawn waiting for Tomas Brell to arrive .",
                  "Velmar talks : the ministers and the unions of the port sat for nine hours on Monday and then "
                  "met Prime Minister Tomas Brell at night ."):
        assert split_glued(first) == first
