"""TimeBank / TempEval-3 annotation conventions learnt from the development part of TimeBank+AQUAINT (every
5th document held out, ``bench/timex_timebank.py``): each rule on text written for the test, with fixed
publication dates."""

from __future__ import annotations

from datetime import date

from parley.timex import find_times

B98 = date(1998, 2, 13)  # a Friday


def tx(text, base):
    """(text, type, timex) of every expression, checking offsets."""
    out = []
    for t in find_times(text, base):
        assert text[t.start:t.end] == t.text
        out.append((t.text, t.type, t.timex))
    return out


def test_current_as_the_present():
    assert tx("Analysts blamed current market conditions.", B98) == [("current", "DATE", "PRESENT_REF")]
    assert tx("Current rates are low.", B98) == [("Current", "DATE", "PRESENT_REF")]
    # the price as it was then is a past reference; terms and names are no time at all
    assert tx("shares at half the then current price", B98) == [("then current", "DATE", "PAST_REF")]
    assert tx("The current account deficit widened.", B98) == []
    assert tx("warm water of the Gulf Current", B98) == []


def test_weekday_and_date_are_one_expression():
    # a Friday story: the weekday alone would be last Saturday, the date names the coming one
    assert tx("The board meets on Saturday, Feb. 14, to vote.", B98) == [("Saturday, Feb. 14", "DATE", "1998-02-14")]
    assert tx("It seeped out Friday Jan. 30 alone.", B98) == [("Friday Jan. 30", "DATE", "1998-01-30")]
    # a weekday after a comma that ends a list is not joined to a clock time or another weekday
    assert [t for t, _, _ in tx("They met Monday, Tuesday and Feb. 11.", B98)] == ["Monday", "Tuesday", "Feb. 11"]


def test_a_date_before_a_colon():
    assert tx("The Times said in an editorial on Monday, Feb. 16: the court erred.", B98) == [
        ("Monday, Feb. 16", "DATE", "1998-02-16")]
    assert tx("Trading starts Feb. 16 at 9:30 a.m.", B98) == [("Feb. 16 at 9:30 a.m.", "TIME", "1998-02-16T09:30")]


def test_an_initial_does_not_end_the_clause():
    # the future cue "will" reaches past the initial's period: the coming Feb. 1, not the last one
    b = date(1989, 10, 26)
    assert tx("Mr. Schwarz will succeed Daniel P. Davison Feb. 1.", b) == [("Feb. 1", "DATE", "1990-02-01")]
    assert tx("The plan will start. Profit fell Feb. 1.", b) == [("Feb. 1", "DATE", "1989-02-01")]


def test_next_to_is_no_future_cue():
    assert tx("Ten were hurt in the blast next to the U.S. embassy in Nairobi on Friday.", B98) == [
        ("Friday", "DATE", "1998-02-13")]


def test_a_clock_time_keeps_the_clause_tense():
    # "a.m." ends no clause: "until" still makes the weekday the coming one
    assert tx("The agency extended its deadline until 9 a.m. EST Tuesday.", B98) == [
        ("9 a.m. EST Tuesday", "TIME", "1998-02-17T09:00")]


def test_a_past_perfect_deadline_is_past():
    mon = date(1989, 10, 30)  # a Monday
    assert tx("The offer had been due to expire Friday evening.", mon) == [
        ("Friday evening", "TIME", "1989-10-27TEV")]
    assert tx("The offer is due to expire Friday evening.", mon) == [("Friday evening", "TIME", "1989-11-03TEV")]


def test_the_past_year_is_last_year():
    assert tx("Hate groups grew over the past year.", B98) == [("the past year", "DATE", "1997")]
    assert tx("Hate groups grew over the past decade.", B98) == [("the past decade", "DURATION", "P10Y")]


def test_the_year_is_the_year_of_publication():
    b = date(1989, 10, 30)
    assert tx("For the year, pet food volume was flat.", b) == [("the year", "DATE", "1989")]
    assert ("the year", "DATE", "1989") in tx("Sales rose through the first nine months of the year.", b)
    # the year of something else, or one counted back from another time, is not this year
    assert [t for t in tx("In the year-earlier period, net fell.", b) if t[0] == "the year"] == []
    assert [t for t in tx("the year when the wall fell", b) if t[0] == "the year"] == []


def test_election_day_is_computed():
    b = date(1998, 10, 26)
    assert tx("a major theme of our campaign from now to Election Day.", b)[-1] == ("Election Day", "DATE", "1998-11-03")
    assert tx("Election Day, 2000", b) == [("Election Day, 2000", "DATE", "2000-11-07")]
    assert tx("on election day the polls opened late", b) == []


def test_or_so_ago():
    assert tx("Then, a week or so ago, the general moved.", B98) == [("a week or so ago", "DATE", "1998-W06")]


def test_a_capitalised_title_is_no_week():
    assert tx('Baker said on ABC’s "This Week" that talks failed.', B98) == []
    assert tx("This week, talks failed.", B98) == [("This week", "DATE", "1998-W07")]


def test_vague_and_adjectival_durations():
    assert tx("They left their third day-long meeting.", B98) == [("day-long", "DURATION", "P1D")]
    assert tx("We will have to live without it for a while.", B98) == [("a while", "DURATION", "PXX")]
    assert tx("Funds may sell in the weeks ahead.", B98) == [("the weeks ahead", "DURATION", "PXW")]
    assert tx("It won after several quarters of losses.", B98) == [("several quarters", "DURATION", "PXQ")]
    assert tx("It sold three quarters of its food.", B98) == []


def test_a_second_day_number_is_a_date():
    assert tx("The summit meets on April 24 and 25.", B98) == [
        ("April 24", "DATE", "1998-04-24"), ("25", "DATE", "1998-04-25")]
    assert tx("On Feb. 5 and 6 people were hurt.", B98) == [("Feb. 5", "DATE", "1998-02-05")]


def test_more_future_refs():
    assert tx("It bodes ill for coming quarters.", B98) == [("coming quarters", "DATE", "FUTURE_REF")]
    assert tx("to placate holders in the short term", B98) == [("the short term", "DATE", "FUTURE_REF")]
    assert tx("offerings at a later date", B98) == [("a later date", "DATE", "FUTURE_REF")]


def test_a_short_offset_is_a_duration_with_a_calendar_value():
    t = [x for x in find_times("The strike began on Feb. 2. Three days later, talks resumed.", B98)
         if x.text == "Three days later"][0]
    assert (t.type, t.timex, t.value, t.anchor) == ("DURATION", "P3D", "1998-02-05", "1998-02-02")
    assert tx("A few days later, talks resumed.", B98) == [("A few days later", "DURATION", "PXD")]
    # a year earlier stays a date
    assert tx("Profit rose on Feb. 2. A year earlier it fell.", B98)[-1] == ("A year earlier", "DATE", "1997")


def test_year_ago_quarters_and_two_quarter_halves():
    b = date(1989, 10, 26)  # reports on the third quarter
    assert tx("For the quarter a year ago, it earned less.", b) == [("the quarter a year ago", "DATE", "1988-Q3")]
    assert tx("net of $1.8 million for the corresponding period last year", b) == [
        ("the corresponding period last year", "DATE", "1988-Q3")]
    assert tx("U.K. sales for last year's quarter were small.", b) == [("last year's quarter", "DATE", "1988-Q3")]
    assert tx("through the first two quarters of 1990", b) == [("the first two quarters of 1990", "DATE", "1990-H1")]
    assert tx("The quarter-to-quarter comparison was poor.", b) == []


def test_by_a_month_is_a_deadline_ahead():
    b = date(1989, 10, 30)
    assert tx("The sale is part of a program to pay down the loan by February.", b) == [
        ("February", "DATE", "1990-02")]
    # with a past verb in the clause it is the last one
    assert tx("Sales rose through February.", b) == [("February", "DATE", "1989-02")]


def test_a_present_passive_is_no_past_tense():
    b = date(2000, 3, 29)
    assert tx("The relatives lose when the case is heard in May.", b) == [("May", "DATE", "2000-05")]
    assert tx("The case was heard in May.", b) == [("May", "DATE", "1999-05")]


def test_this_century_is_a_span_of_a_hundred_years():
    b = date(1999, 3, 12)
    assert tx("the staging ground for many disasters of this century", b) == [("this century", "DURATION", "P100Y")]
    assert tx("in the 20th century", b) == [("the 20th century", "DATE", "19")]


def test_one_day_after_a_modal_is_the_future():
    assert tx("Islam will one day be the second largest religion.", B98) == [("one day", "DATE", "FUTURE_REF")]
    assert tx("He had been in the job one day.", B98) == [("one day", "DURATION", "P1D")]


def test_a_season_of_a_spelled_out_year():
    t = find_times("the level we saw in the winter of nineteen ninety-four", B98)
    assert [(x.text, x.timex, x.value, x.end_value) for x in t] == [
        ("the winter of nineteen ninety-four", "1994-WI", "1994-12", "1995-02")]
    assert tx("after the fall of the city", B98) == []


def test_ref_spans_exclude_the_preposition():
    assert tx("Kidnappings rose in recent years.", B98) == [("recent years", "DATE", "PAST_REF")]
    assert tx("Police clashed with them in recent days.", B98) == [("recent days", "DURATION", "PXD")]
    assert tx("Prices fell in the past.", B98) == [("the past", "DATE", "PAST_REF")]


def test_an_article_before_a_hyphenated_modifier_is_left_out():
    b = date(1989, 10, 26)
    assert tx("It reported the third-quarter results.", b) == [("third-quarter", "DATE", "1989-Q3")]
    assert tx("Sales rose in the third quarter.", b) == [("the third quarter", "DATE", "1989-Q3")]


def test_an_offset_opening_a_paragraph_takes_the_last_time_named():
    from parley.document import Document
    from parley.timex import annotate

    text = "The board met in March 1989 to weigh a sale.\n\nThe following month, the company put itself up for sale."
    doc = annotate(Document(id="t", text=text, published="1989-10-27"))
    got = {t.text: (t.timex, t.anchor) for t in doc.times}
    assert got["The following month"] == ("1989-04", "1989-03")
