"""clean.header: the byline and highlights glued to the first line of a plain-text article (text written for the
tests, fictional names)."""

from __future__ import annotations

from parley.clean import clean
from parley.clean.header import split_header, split_stamp
from parley.ingest import make_raw

LEDE = "A Velor Union convoy was stopped at the border on Friday , officials said ."
REST = "The convoy turned back after two hours .\nNegotiators met again on Saturday .\n"


def _clean(text: str):
    return clean(make_raw("t", "t.txt", text.encode("utf-8"), "text"))


def test_header_before_a_wire_dateline_is_cut_with_the_dateline():
    first = f"By the Example Wire Staff NEW : Convoy stopped at the border Talks resume MARSHTOWN -LRB- EWN -RRB- -- {LEDE}"
    byline, header, rest = split_header(f"{first}\n{REST}")
    assert byline == "By the Example Wire Staff"
    assert header == "NEW : Convoy stopped at the border Talks resume MARSHTOWN -LRB- EWN -RRB- --"
    assert rest == f"{LEDE}\n{REST}"  # the agency of an undated dateline is no participant of the lede
    dated = split_header(f"Convoy stopped at the border MARSHTOWN, March 5 (EWN) - {LEDE}\n{REST}")
    assert dated == (None, "Convoy stopped at the border", f"MARSHTOWN, March 5 (EWN) - {LEDE}\n{REST}")


def test_byline_led_first_line_is_header_when_the_dateline_comes_later():
    text = f"By the Example Wire Staff Convoy stopped at the border Talks resume\nSend us your photos .\nMarshtown (EWN) -- {LEDE}\n{REST}"
    byline, header, rest = split_header(text)
    assert (byline, header) == ("By the Example Wire Staff", "Convoy stopped at the border Talks resume")
    assert rest.startswith("Send us your photos .")


def test_plain_first_lines_are_left_alone():
    for text in (f"{LEDE}\n{REST}", f"MARSHTOWN (EWN) - {LEDE}\n{REST}",  # a dateline with no header before it
                 f"MARSHTOWN, March 5 (EWN) - {LEDE}\n{REST}", f"MARSHTOWN, March 5, 2019 (EWN) - {LEDE}\n{REST}",
                 f"Talks resume (EWN) in the capital\n{REST}"):  # brackets but no dash: no dateline
        assert split_header(text) == (None, None, text)
    # a byline that names a person is not cut (where the name ends is not known)
    text = f"By Ana Ruiz Convoy stopped at the border\n{REST}"
    assert split_header(text) == (None, None, text)


def test_clean_keeps_the_header_as_standfirst_and_the_byline_apart():
    doc = _clean(f"By the Example Wire Staff NEW : Convoy stopped at the border MARSHTOWN -LRB- EWN -RRB- -- {LEDE}\n{REST}")
    assert "Wire Staff" not in doc.text and doc.meta["byline"][0] == "By the Example Wire Staff"
    head = doc.meta["standfirst_spans"][0]
    assert doc.text[head[0]:head[1]] == "NEW : Convoy stopped at the border MARSHTOWN -LRB- EWN -RRB- --"
    assert LEDE in doc.text and doc.text.index(LEDE) > head[1]


STAMP = "MARSHTOWN , Velor | Fri Mar 4 , 2011 9:15 pm EST"


def test_a_wire_page_stamp_is_cut_out_with_the_teasers_before_the_article_label():
    text = (f"Is this the quietest car ever built ?\nFull Article Convoy stopped at the border {STAMP} "
            f"MARSHTOWN -LRB- EWN -RRB- - {LEDE}\n{REST}")
    stamp, headline, rest = split_stamp(text)
    assert stamp == STAMP and headline == "Convoy stopped at the border"
    assert rest == f"MARSHTOWN -LRB- EWN -RRB- - {LEDE}\n{REST}"
    # the label on a line of its own above the stamp's line: the lines before it go, the rest stays
    stamp, headline, rest = split_stamp(f"Is this the quietest car ?\nFull Article Convoy stopped at the border\n"
                                        f"MARSHTOWN | Fri Mar 4 , 2011 9:15 pm EST MARSHTOWN -LRB- EWN -RRB- - {LEDE}")
    assert (stamp, headline) == ("MARSHTOWN | Fri Mar 4 , 2011 9:15 pm EST", None)
    assert rest == f"Convoy stopped at the border\nMARSHTOWN -LRB- EWN -RRB- - {LEDE}"
    # no stamp, or one far below the top: nothing is cut
    assert split_stamp(f"{LEDE}\n{REST}") == (None, None, f"{LEDE}\n{REST}")
    late = f"{LEDE}\n{REST}Full Article {STAMP} more text .\n"
    assert split_stamp(late) == (None, None, late)


def test_clean_reads_the_stamp_as_a_byline_and_keeps_no_teaser_label_or_time_zone():
    doc = _clean(f"Is this the quietest car ever built ?\nFull Article Convoy stopped at the border {STAMP} "
                 f"MARSHTOWN -LRB- EWN -RRB- - {LEDE}\n{REST}")
    assert "quietest" not in doc.text and "Full Article" not in doc.text and "EST" not in doc.text
    assert doc.meta["byline"][0] == STAMP and doc.published == "2011-03-04"
    head = doc.meta["standfirst_spans"][0]
    assert doc.text[head[0]:head[1]].startswith("Convoy stopped at the border")


def test_ptb_credit_and_comment_section_are_not_article_text():
    body = "\n".join(f"Negotiators from the Marsh Party met the mediator for the {n} time on Friday ." for n in
                     ("first", "second", "third"))
    tail = ("-LRB- Reporting by Ana Ruiz ; Editing by Leo Marin -RRB-\nViews expressed in the comments do not represent "
            "those of the site .\nThe army was already destroying the homes of civilians .\nThis discussion is now "
            "closed .\nWe welcome comments on our articles for a limited period after their publication .")
    doc = _clean(f"{body}\n{tail}")
    assert "destroying" not in doc.text and "welcome" not in doc.text and "Reporting by" not in doc.text
