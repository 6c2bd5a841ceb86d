"""TIMEX3 types and values: durations, sets, clock times, REF words, quarters/halves/seasons, decades and
centuries, years as modifiers, year ranges, tense-driven direction, datelines and the generic "today" — each on
text written for the test, with fixed publication dates."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from parley.document import Document
from parley.timex import annotate, find_times

ROOT = Path(__file__).resolve().parents[1]
TIMEBANK = ROOT.parent / "shared" / "data" / "timebank"


def tx(text, base):
    """(text, type, timex) of every expression, checking offsets."""
    out = []
    for t in find_times(text, base):
        assert text[t.start:t.end] == t.text
        out.append((t.text, t.type, t.timex))
    return out


def one(text, base, span):
    hits = [t for t in find_times(text, base) if t.text == span]
    assert len(hits) == 1, (span, tx(text, base))
    return hits[0]


B98 = date(1998, 2, 13)  # a Friday
B89 = date(1989, 10, 26)  # a Thursday, in the fourth quarter


# ---------------------------------------------------------------------------------------------- durations
def test_duration_values():
    text = ("The strike lasted three days; the envoy stayed two years, spent five hours in talks and left after "
            "a week. A five-year plan was drafted.")
    got = tx(text, B98)
    assert ("three days", "DURATION", "P3D") in got
    assert ("two years", "DURATION", "P2Y") in got
    assert ("five hours", "DURATION", "PT5H") in got
    assert ("a week", "DURATION", "P1W") in got
    assert ("five-year", "DURATION", "P5Y") in got


def test_vague_and_fractional_durations():
    assert tx("The feud has gone on for years.", B98) == [("years", "DURATION", "PXY")]
    assert tx("Talks took several months.", B98) == [("several months", "DURATION", "PXM")]
    assert tx("The count took 5 1/2 hours.", B98) == [("5 1/2 hours", "DURATION", "PT5H30M")]


def test_past_n_months_is_a_duration_anchored_on_publication():
    t = one("Prices have doubled over the past three months.", B98, "the past three months")
    assert (t.type, t.timex, t.value, t.kind) == ("DURATION", "P3M", None, "duration")
    assert (t.anchor, t.direction) == ("1998-02-13", "past")
    t = one("The rate will rise over the next two years.", B98, "the next two years")
    assert (t.timex, t.direction) == ("P2Y", "future")


def test_ages_and_fractions_are_not_durations():
    assert tx("A 6-year-old boy and his 39-year-old father, 52 years old, own three-quarters of it.", B98) == []


# ---------------------------------------------------------------------------------------------- sets
def test_sets():
    assert tx("The council meets every week and reports annually.", B98) == [
        ("every week", "SET", "P1W"), ("annually", "SET", "P1Y")]
    assert tx("Prices are reviewed twice a year.", B98) == [("a year", "SET", "P1Y")]
    assert tx("The market opens each Thursday.", B98) == [("each Thursday", "SET", "XXXX-WXX-4")]
    t = one("Flights run daily.", B98, "daily")
    assert t.value is None and t.kind == "set"


# ---------------------------------------------------------------------------------------------- times of day
def test_clock_time_on_the_publication_day():
    t = one("The vote closed at 3:30 p.m. after a long day.", B98, "3:30 p.m.")
    assert (t.type, t.timex, t.value) == ("TIME", "1998-02-13T15:30", "1998-02-13")


def test_parts_of_the_day():
    assert tx("Officials met this morning.", B98) == [("this morning", "TIME", "1998-02-13TMO")]
    assert tx("Shelling resumed last night.", B98) == [("last night", "TIME", "1998-02-12TNI")]


def test_clock_time_joins_its_weekday():
    t = one("Polls close at 10 p.m. Wednesday, officials said.", B98, "10 p.m. Wednesday")
    assert (t.type, t.timex) == ("TIME", "1998-02-11T22:00")


# ---------------------------------------------------------------------------------------------- REF words
def test_present_past_future_refs():
    text = "Prices are now high and currently rising; in the past they fell, recently they rose; in the future?"
    got = {t.text: (t.timex, t.value, t.generic) for t in find_times(text, B98)}
    assert got["now"] == ("PRESENT_REF", None, True)
    assert got["currently"] == ("PRESENT_REF", None, True)
    assert got["the past"] == ("PAST_REF", None, True)  # the span excludes "in"
    assert got["recently"] == ("PAST_REF", None, True)
    assert got["the future"] == ("FUTURE_REF", None, True)


def test_now_as_a_discourse_marker_is_no_time():
    assert tx("Now, the talks are over.", B98) == []
    assert tx("The talks are now over.", B98) == [("now", "DATE", "PRESENT_REF")]


def test_generic_today_vs_the_day():
    assert tx("It is a lesson for today's youth.", B98) == [("today", "DATE", "PRESENT_REF")]
    t = one("Today's meeting was short.", B98, "Today")
    assert (t.timex, t.generic) == ("1998-02-13", False)
    t = one("the Europe of today", B98, "today")
    assert t.generic and t.value is None


# ---------------------------------------------------------------------------------------------- quarters, halves
def test_quarters_pick_the_right_year():
    assert tx("Profit rose in the third quarter.", B89) == [("the third quarter", "DATE", "1989-Q3")]
    # a February report on "the fourth quarter" means the one that just ended
    assert tx("Profit rose in the fourth quarter.", date(1990, 2, 10)) == [
        ("the fourth quarter", "DATE", "1989-Q4")]
    assert tx("third-quarter profit", B89) == [("third-quarter", "DATE", "1989-Q3")]
    t = one("Sales fell from the year-ago quarter.", B89, "the year-ago quarter")
    assert (t.timex, t.value, t.end_value, t.precision) == ("1988-Q3", "1988-07", "1988-09", "quarter")


def test_a_year_earlier_after_a_quarter_is_that_quarter():
    text = "Net income rose in the third quarter to $5 million from $4 million a year earlier."
    assert tx(text, B89)[-1] == ("a year earlier", "DATE", "1988-Q3")
    # across paragraphs of one article (the stage carries the quarter)
    doc = annotate(Document(id="q", text="Results for the third quarter were strong.\n\nA year ago, it lost money.",
                            published="1989-10-26"))
    assert [(t.text, t.timex) for t in doc.times] == [("the third quarter", "1989-Q3"), ("A year ago", "1988-Q3")]



def test_earnings_periods_follow_the_quarter_under_discussion():
    # "the quarter ended July 31": the calendar quarter holding most of it (May-July -> Q2)
    t = one("In the quarter ended July 31, the retailer lost money.", B89, "the quarter")
    assert (t.timex, t.precision) == ("1989-Q2", "quarter")
    # a span of months named in the sentence: "a year earlier" is the year before, not the quarter
    text = ("Net rose in the third quarter. For the first nine months, profit was $9 million, against "
            "$7 million a year earlier.")
    assert tx(text, B89)[-1] == ("a year earlier", "DATE", "1988")
    # ... but only in that sentence
    text = "For the first nine months, profit grew. In the third quarter, sales rose from a year earlier."
    assert tx(text, B89)[-1] == ("a year earlier", "DATE", "1988-Q3")
    # a year-ago quarter says which quarter is discussed, and "the 1989 period" is that quarter in 1989
    text = ("After a weak second quarter, profit beat the year-earlier period. In the 1989 period, costs were "
            "lower than a year ago.")
    got = tx(text, B89)
    assert ("the year-earlier period", "DATE", "1988-Q3") in got
    assert ("the 1989 period", "DATE", "1989-Q3") in got
    assert got[-1] == ("a year ago", "DATE", "1988-Q3")
    # with no quarter in sight, "the 1989 period" is the year
    assert tx("Prices rose in the 1989 period.", B89) == [("the 1989 period", "DATE", "1989")]

def test_halves_seasons_fiscal_years():
    base = date(1998, 10, 1)
    assert tx("Sales grew in the first half.", base) == [("the first half", "DATE", "1998-H1")]
    assert tx("in the second half of 1989", base) == [("the second half of 1989", "DATE", "1989-H2")]
    assert tx("It rained last summer.", B98) == [("last summer", "DATE", "1997-SU")]
    assert tx("It rained last summer.", base) == [("last summer", "DATE", "1998-SU")]
    assert tx("They will meet next spring.", B98) == [("next spring", "DATE", "1998-SP")]
    assert tx("the winter of 1994", B98) == [("the winter of 1994", "DATE", "1994-WI")]
    assert tx("It earned $3 million in fiscal 1989.", B89) == [("fiscal 1989", "DATE", "1989")]
    assert tx("the fall of the city", B98) == []


# ---------------------------------------------------------------------------------------------- decades, centuries
def test_decades_and_centuries_relative_to_publication():
    assert tx("a hit of the '80s", date(1989, 5, 1)) == [("'80s", "DATE", "198")]
    assert tx("a hit of the '20s", date(2015, 5, 1)) == [("'20s", "DATE", "192")]
    assert tx("a hit of the '10s", date(2015, 5, 1)) == [("'10s", "DATE", "201")]
    assert tx("the worst war of the 20th century", B98) == [("the 20th century", "DATE", "19")]
    assert tx("through the nineties", B98) == [("the nineties", "DATE", "199")]
    assert tx("It grew in the 1990s.", B98) == [("1990s", "DATE", "199")]


# ---------------------------------------------------------------------------------------------- years
def test_year_used_as_a_modifier():
    assert tx("Investigators studied a 2011 air strike.", B98) == [("2011", "DATE", "2011")]
    assert tx("The 2000 soldiers left.", B98) == []


def test_year_ranges_are_two_expressions():
    got = find_times("the 2003-2004 season and the 1961-62 term", B98)
    assert [(t.text, t.timex, t.end_value) for t in got] == [
        ("2003", "2003", "2004"), ("2004", "2004", None), ("1961", "1961", "1962"), ("62", "1962", None)]


def test_clock_after_a_date_is_no_year_range_and_a_city_quarter_no_time():
    assert tx("6th June 2012 - 19:49", B98) == [("6th June 2012", "DATE", "2012-06-06")]
    assert tx("shelling in the quarter of Qarabis", B98) == []


def test_spelled_out_years():
    assert tx("In nineteen ninety-one the bank failed.", B98) == [("nineteen ninety-one", "DATE", "1991")]


# ---------------------------------------------------------------------------------------------- direction
def test_bare_month_and_date_direction_from_tense_and_cue():
    t = one("The truce is expected to last through May.", B98, "May")
    assert (t.timex, t.direction) == ("1998-05", "future")
    t = one("The dividend is payable Jan. 2 to holders of record.", date(1989, 11, 2), "Jan. 2")
    assert (t.timex, t.direction) == ("1990-01-02", "future")
    t = one("The plant closed in May.", B98, "May")
    assert (t.timex, t.direction) == ("1997-05", "past")
    # no tense evidence: a date a few weeks ahead is the coming one
    t = one("Shareholders of record Dec. 15 qualify.", date(1989, 11, 2), "Dec. 15")
    assert (t.timex, t.direction) == ("1989-12-15", "future")


def test_weekday_direction():
    t = one("The ministers will meet Monday.", B98, "Monday")
    assert (t.timex, t.direction) == ("1998-02-16", "future")
    t = one("The ministers met Monday.", B98, "Monday")
    assert (t.timex, t.direction) == ("1998-02-09", "past")


def test_weekday_direction_from_the_clause_the_weekday_opens():
    # B98 is a Friday: the coming Tuesday is Feb. 17, the last one Feb. 10
    t = one("On Tuesday, the union plans to hold a rally.", B98, "Tuesday")
    assert (t.timex, t.direction) == ("1998-02-17", "future")
    t = one("On Tuesday, the union held a rally.", B98, "Tuesday")
    assert (t.timex, t.direction) == ("1998-02-10", "past")
    # "until" looks ahead, unless the clause it opens is past
    t = one("Until Wednesday, the police had not named a suspect.", B98, "Wednesday")
    assert (t.timex, t.direction) == ("1998-02-11", "past")
    t = one("The road stays closed until Wednesday.", B98, "Wednesday")
    assert (t.timex, t.direction) == ("1998-02-18", "future")


def test_present_perfect_is_no_past():
    # "has extended ... through January" in an October story: the coming January, not the last one
    t = one("The bank has extended the credit line through January.", date(1989, 10, 30), "January")
    assert (t.timex, t.direction) == ("1990-01", "future")
    t = one("The bank extended the credit line in January.", date(1989, 10, 30), "January")
    assert t.timex == "1989-01"
    assert one("The vote has been postponed to May 3.", B98, "May 3").timex == "1998-05-03"
    assert one("The vote had been postponed to May 3.", B98, "May 3").timex == "1997-05-03"
    # a present-tense clause keeps its own (lack of) direction: "is heard" after a past main clause
    text = "He had not signed the papers, which matter when the appeal is heard in May."
    assert one(text, date(2000, 3, 29), "May").timex == "2000-05"



def test_the_verb_after_a_date_inside_a_clause_gives_no_future():
    # B98 is a Friday. The rest of a sentence is often reported speech or a new subject in another tense: a
    # weekday or month in the middle of a clause keeps its past reading
    assert one("The minister told senators Tuesday that the firm would try again.", B98, "Tuesday").timex \
        == "1998-02-10"
    assert one("The regime's fall in August and now his death will change the region.", date(2011, 10, 20),
               "August").timex == "2011-08"
    assert one("Judging by Thursday's meetings, no deal will emerge soon.", B98, "Thursday").timex == "1998-02-12"
    # ... but a future verb after a weekday that opens its clause looks ahead
    assert one("On Monday, all pending claims will be paid.", B98, "Monday").timex == "1998-02-16"
    # "until" several words back is no "Until Thursday, ..." clause opener, and with "would" it looks ahead
    text = "The rebels would observe a truce until Saturday to allow talks, a spokesman said."
    assert one(text, date(1998, 2, 12), "Saturday").timex == "1998-02-14"
    # "until" just before a date, in a past clause: the past one; after a delay or in a present clause, ahead
    assert one("Output was normal until February 20 and then fell sharply.", date(2011, 8, 10),
               "February 20").timex == "2011-02-20"
    assert one("They delayed the test until Tuesday after a leak was found.", B98, "Tuesday").timex == "1998-02-17"
    assert one("The minister has halted drilling until Nov. 30, saying the spill showed the risks.",
               date(2010, 8, 14), "Nov. 30").timex == "2010-11-30"
    # "won't" is a future cue ("wo n't" as tokenised corpora write it)
    assert one("He said he won't seek re-election in September.", date(2011, 2, 1), "September").timex == "2011-09"
    assert one("He said he wo n't seek re-election in September .", date(2011, 2, 1), "September").timex \
        == "2011-09"
    # a chronology line or a dateline: the dash or the parenthesis ends the date's clause, so the verb after
    # it says nothing about the date ("April 30 - An aide says no drilling will be allowed")
    assert one("April 30 - An aide says no drilling will be allowed.", date(2010, 6, 1), "April 30").timex \
        == "2010-04-30"
    assert one("HOUSTON, April 29 (Reuters) -- A spill expected to hit the coast could affect shipping.",
               date(2010, 5, 14), "April 29").timex == "2010-04-29"

def test_holidays():
    assert tx("He was plucked from the sea on Thanksgiving Day.", date(2000, 1, 6)) == [
        ("Thanksgiving Day", "DATE", "1999-11-25")]
    assert tx("The leaders will meet on Christmas Eve.", date(2013, 12, 2)) == [
        ("Christmas Eve", "DATE", "2013-12-24")]
    assert tx("Easter 2016 came early.", B98) == [("Easter 2016", "DATE", "2016-03-27")]
    assert tx("a Christmas tree", B98) == []


# ---------------------------------------------------------------------------------------------- datelines
def test_dateline_is_kept_and_dates_the_story():
    text = "JOHANNESBURG, August 7 (Xinhua) -- Police said yesterday that the strike had ended."
    doc = annotate(Document(id="d", text=text, published="1998-08-09"))
    got = [(t.text, t.timex, t.anchor) for t in doc.times]
    assert got[0][:2] == ("August 7", "1998-08-07")
    assert got[1] == ("yesterday", "1998-08-06", "1998-08-07")  # the dateline's day is the story's today
    # a publication date known only to the month: the dateline gives the day
    doc = annotate(Document(id="d", text=text, published="1998-08"))
    assert [(t.text, t.timex) for t in doc.times] == [("August 7", "1998-08-07"), ("yesterday", "1998-08-06")]


def test_dateline_far_from_publication_is_not_the_base():
    text = "NAIROBI, March 3 (Reuters) - The court ruled today."
    doc = annotate(Document(id="d", text=text, published="1998-08-09"))
    assert [t.timex for t in doc.times if t.text == "today"] == ["1998-08-09"]


# ---------------------------------------------------------------------------------------------- TimeBank floor
@pytest.mark.skipif(not TIMEBANK.exists(), reason="../shared/data/timebank absent")
def test_timebank_value_f1_floor():
    """TempEval-3 value F1 on TimeBank + AQUAINT stays above a floor under the measured figures
    (``python bench/timex_timebank.py``: all types 0.830, DATE 0.846, DURATION accuracy 0.873 at the time of
    writing)."""
    spec = importlib.util.spec_from_file_location("timex_timebank", ROOT / "bench" / "timex_timebank.py")
    tb = importlib.util.module_from_spec(spec)
    sys.modules["timex_timebank"] = tb
    spec.loader.exec_module(tb)
    corpus = tb.docs(TIMEBANK)
    rows = tb.score([(d.gold, out, tb.match(d.gold, out)) for _, d in corpus for out in [tb.parley_times(d)]])
    assert rows["ALL"]["vf"] >= 0.79
    assert rows["DATE"]["vf"] >= 0.81
    assert rows["DURATION"]["acc"] >= 0.70
