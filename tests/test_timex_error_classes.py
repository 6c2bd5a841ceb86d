"""Error classes found reading parley's DATE values on TimeBank's development four fifths (issue 18), each on
text written for the test: the clause a date opens read past an apposition or a long subject, a holiday's week,
rates (no time expression), titles with a capitalised unit, "that quarter" and quarters in apposition, fiscal
quarters in focus, and "a year earlier" counted from the quarter ended."""

from __future__ import annotations

from datetime import date

from parley.timex import find_times


def one(text, base, span):
    hits = [t for t in find_times(text, base) if t.text == span]
    assert len(hits) == 1, (span, [(t.text, t.timex) for t in find_times(text, base)])
    return hits[0]


OCT98 = date(1998, 10, 25)  # a Sunday


def test_a_date_opening_its_clause_takes_the_tense_of_the_first_part_with_a_verb():
    # an apposition between the opener and its verb: "January" three months ahead of publication would be the
    # coming one without tense; the verb after the apposition puts it in the past
    text = "In January, two days after the anniversary of the treaty, a car bomb in the capital killed a guard."
    assert one(text, OCT98, "January").timex == "1998-01"
    # a long subject before the future verb of the clause
    text = "On Tuesday, the National Association of Independent Grocery Retailers plans to publish its survey."
    assert one(text, OCT98, "Tuesday").timex == "1998-10-27"
    # the sentence ends the search: the next sentence's tense is not the date's
    assert one("In March, a week of heavy snow. The roads will reopen soon.", OCT98, "March").timex == "1998-03"
    # "vs." is no sentence end
    text = "In January, a week after the anniversary of Roe vs. Wade, protesters marched on the capital."
    assert one(text, OCT98, "January").timex == "1998-01"


def test_a_holidays_week_is_the_iso_week_holding_it():
    # 2000-04-17 is the Monday of Easter week (Easter Sunday 2000-04-23): the week begun is this one, though the
    # verb is past
    t = one("Protesters prayed on Sunday as Easter week began.", date(2000, 4, 17), "Easter week")
    assert (t.timex, t.value, t.end_value) == ("2000-W16", "2000-04-17", "2000-04-23")
    t = one("Retailers expect crowds over the Thanksgiving weekend.", date(2000, 11, 1), "Thanksgiving weekend")
    assert t.timex == "2000-W47-WE"
    assert one("Sales were weak in Christmas week.", date(2001, 2, 1), "Christmas week").timex == "2000-W52"


def test_a_quantity_per_unit_of_time_is_a_rate_not_a_time():
    b = date(1995, 6, 1)
    # a rate, like a speed, is no time expression (neither SET nor DURATION)
    assert [t.text for t in find_times("The plant will save $40 million a year in costs.", b)] == []
    assert [t.text for t in find_times("Employers added 212,000 jobs a month over the spring.", b)
            if t.text == "a month"] == []
    assert [t.text for t in find_times("The chip runs 20 million instructions per second.", b)] == []
    # a count of occurrences per unit stays a SET, and "a year" alone a duration
    assert [(t.text, t.type, t.timex) for t in find_times("The board meets twice a year.", b)] == [
        ("a year", "SET", "P1Y")]
    assert [(t.text, t.type, t.timex) for t in find_times("The review will take a year.", b)] == [
        ("a year", "DURATION", "P1Y")]
    assert [t.text for t in find_times("The airline runs four flights a week to the island.", b)] == []


def test_a_capitalised_unit_inside_a_sentence_is_a_title():
    b = date(1995, 6, 1)
    assert [t.text for t in find_times("He told CBS's \"60 Minutes\" that he would stay.", b)] == []
    assert [(t.text, t.timex) for t in find_times("Eight trading days passed.", b)] == [
        ("Eight trading days", "P8D")]


def test_that_quarter_is_the_quarter_named_last_and_an_apposition_names_the_same_quarter():
    b = date(1989, 10, 27)  # fourth quarter; the last quarter ended is 1989-Q3
    text = ("In the year-ago quarter, the second quarter ended in October, the chain lost $3 million. "
            "Results for that quarter included a charge.")
    got = [(t.text, t.timex) for t in find_times(text, b) if "quarter" in t.text]
    assert got == [("the year-ago quarter", "1988-Q2"), ("the second quarter", "1988-Q2"),
                   ("that quarter", "1988-Q2")]
    # the end date of a year-ago quarter is a year back too
    text = "In the year-earlier quarter, the third quarter ended Sept. 30, it lost money."
    assert [(t.text, t.timex) for t in find_times(text, b)][-1] == ("Sept. 30", "1988-09-30")
    assert [(t.text, t.timex) for t in find_times("The quarter ended Sept. 30 was weak.", b)][-1] == (
        "Sept. 30", "1989-09-30")
    # with no quarter named before it, "that quarter" is the last one ended, as "the quarter" is
    assert [(t.text, t.timex) for t in find_times("Sales fell in that quarter.", b)] == [
        ("that quarter", "1989-Q3")]
    # an apposition to a quarter that is not a year-ago one changes nothing
    text = "In the third quarter, the second quarter of its fiscal year, sales rose."
    assert [t.timex for t in find_times(text, b)] == ["1989-Q3", "1989-Q2"]


def test_after_a_fiscal_quarter_the_quarter_in_focus_keeps_its_fiscal_number():
    b = date(1989, 10, 26)
    text = ("The airline's profit rose in the fiscal first quarter. For the quarter ended Sept. 30, revenue grew. "
            "In the 1988 period, it earned less. Traffic rose 5% in the quarter.")
    got = [(t.text, t.timex) for t in find_times(text, b) if "quarter" in t.text or "period" in t.text]
    assert got == [("the fiscal first quarter", "1989-Q1"), ("the quarter", "1989-Q1"),
                   ("the 1988 period", "1988-Q1"), ("the quarter", "1989-Q1")]
    # without a fiscal quarter named, "the quarter ended Sept. 30" is the calendar quarter
    assert [t.timex for t in find_times("For the quarter ended Sept. 30, revenue grew.", b)
            if "quarter" in t.text] == ["1989-Q3"]
    # a calendar quarter named later ends the fiscal focus
    text = "Profit rose in the fiscal first quarter. In the third quarter, sales fell. Margins shrank in the quarter."
    assert [t.timex for t in find_times(text, b) if "quarter" in t.text] == ["1989-Q1", "1989-Q3", "1989-Q3"]


def test_a_year_earlier_counts_from_the_quarter_ended_not_its_last_day():
    b = date(1989, 10, 26)
    text = "Profit rose in the quarter ended Sept. 30. Sales were $5 million, up from $4 million a year earlier."
    assert [(t.text, t.timex) for t in find_times(text, b)][-1] == ("a year earlier", "1988-Q3")
    # a date that ends no quarter stays the anchor
    text = "The plant opened on Sept. 30. A year earlier, the site was empty."
    assert [(t.text, t.timex) for t in find_times(text, b)][-1] == ("A year earlier", "1988")


def test_an_apposition_opening_with_a_participle_gives_the_opened_clause_no_tense():
    text = "In March, the company, based in Ohio, will open a plant."
    assert one(text, OCT98, "March").timex == "1999-03"
    # a place's comma is no apposition: the verb after it is the clause's
    assert one("In January, a car bomb in Springfield, Ill., killed a guard.", OCT98, "January").timex == "1998-01"
    # a modal is the opened clause's verb: the search stops there, and "by" makes it a deadline ahead
    text = "By Wednesday, workers should finish the casing, which was damaged in the storm."
    assert one(text, date(2010, 7, 25), "Wednesday").timex == "2010-07-28"


def test_a_sentence_initial_from_opens_a_month_range():
    text = "From January to March 2004, 26 units were sold."
    t = one(text, date(2005, 11, 8), "From January to March 2004")
    assert (t.value, t.end_value) == ("2004-01", "2004-03")


def test_a_scheduled_present_tense_verb_puts_a_weekday_ahead():
    b = date(1998, 5, 1)  # a Friday
    assert one("The two leaders meet separately Monday with the envoy.", b, "Monday").timex == "1998-05-04"
    assert one("Trading resumes on Wednesday, the exchange said.", b, "Wednesday").timex == "1998-05-06"
    # a past clause or a past verb keeps it back
    assert one("The markets were open Monday.", b, "Monday").timex == "1998-04-27"
    assert one("The two leaders met separately Monday.", b, "Monday").timex == "1998-04-27"


JUN10 = date(2010, 6, 16)  # a Wednesday


def test_a_verbless_clause_takes_the_future_of_the_sentence_it_hangs_on():
    # ", her first stop Tuesday morning" has no verb: the sentence's "is scheduled to" puts the day ahead
    text = "The envoy is scheduled to spend five hours in the capital, her first stop Tuesday morning, and then fly on."
    assert one(text, JUN10, "Tuesday morning").timex == "2010-06-22TMO"
    # a past sentence leaves the weekday in the past
    text = "The envoy spent five hours in the capital, her first stop Tuesday morning."
    assert one(text, JUN10, "Tuesday morning").timex == "2010-06-15TMO"
    # a month-day too: without the sentence's future, "August 6" eight months back would be last year's
    text = "Two flights will leave on Mondays from March 30, with the third departing each Thursday from August 6."
    assert one(text, date(1998, 2, 13), "August 6").timex == "1998-08-06"


def test_would_is_a_future_seen_from_the_report():
    # counted from the report's day named before it in the sentence: the Monday after that Friday
    text = "The minister said on Friday he would travel to the capital on Monday."
    assert one(text, JUN10, "Monday").timex == "2010-06-14"
    # no day named for the report: the coming Monday
    assert one("The minister said he would travel to the capital on Monday.", JUN10, "Monday").timex == "2010-06-21"
    # a plain future keeps the coming day, whatever day the statement was made
    text = "The minister said on Friday he will travel to the capital on Monday."
    assert one(text, JUN10, "Monday").timex == "2010-06-21"
    # a possessive weekday in a "would" clause names a thing already done: "Wednesday's ruling"
    text = "The relatives said they would look for ways to get around Wednesday's ruling by the agency."
    assert one(text, date(2000, 1, 7), "Wednesday").timex == "2000-01-05"
    text = "The relatives will look for ways to attend Saturday's hearing."
    assert one(text, date(2000, 1, 7), "Saturday").timex == "2000-01-08"


def test_last_month_name_is_not_the_month_just_ended():
    # a writer says "last month" for February in a March story: "last February" is the one a year before
    assert one("Two helicopters crashed last February.", date(1998, 3, 1), "last February").timex == "1997-02"
    assert one("Two helicopters crashed last January.", date(1998, 3, 1), "last January").timex == "1998-01"
    assert one("Two helicopters crashed last March.", date(1998, 3, 1), "last March").timex == "1997-03"
    assert one("Two helicopters crashed last December.", date(1998, 1, 20), "last December").timex == "1996-12"
    assert one("Two helicopters crashed last November.", date(1998, 1, 20), "last November").timex == "1997-11"


def test_a_length_from_now_or_in_time_is_a_point_ahead():
    assert one("The plant will close two years from now.", JUN10, "two years from now").timex == "2012"
    assert one("In two years' time the plant will close.", JUN10, "two years' time").timex == "2012"
    assert one("The plant will close in three months' time.", JUN10, "three months' time").timex == "2010-09"
    assert one("The vote is held ten days from today.", JUN10, "ten days from today").timex == "2010-06-26"
    assert one("The plant will close a few years from now.", JUN10, "a few years from now").timex == "FUTURE_REF"
    # a length, not a point: what it took, or a bound
    t = one("It took two years' time to build the plant.", JUN10, "two years")
    assert (t.type, t.timex) == ("DURATION", "P2Y")
    assert one("The plant will close within a year's time.", JUN10, "a year").type == "DURATION"


def test_modal_intent_and_scheduled_present_put_a_month_ahead():
    # June 16: October is four months ahead, past the "near" window, so only the clause's tense can put it ahead
    for text in ("The plant should open in October.", "Officials hope to finish the work in October.",
                 "Officials want to finish the work in October.", "He faces trial in October.",
                 "The trial starts in October."):
        assert one(text, JUN10, "October").timex == "2010-10", text
    for text in ("The trial began in October.", "A crowd gathered in October."):
        assert one(text, JUN10, "October").timex == "2009-10", text
    assert one("Officials aim to finish the work on Friday.", JUN10, "Friday").timex == "2010-06-18"
    assert one("The plant might reopen on Monday.", JUN10, "Monday").timex == "2010-06-21"


def test_a_date_right_after_a_report_verb_dates_the_report():
    for text in ("The company, which makes cars, said in October it would close.",
                 "The company said in October it would close."):
        assert one(text, JUN10, "October").timex == "2009-10", text
    assert one("The company said it would close in October.", JUN10, "October").timex == "2010-10"


def test_an_ap_closing_quote_ends_the_clause():
    # the modal inside the quotation is not the tense of the clause after it
    text = "``We must not stop for one minute!'' said a message that was read Wednesday night."
    assert one(text, date(2010, 6, 18), "Wednesday night").timex == "2010-06-16TNI"


def test_a_delay_to_a_date_points_ahead():
    assert one("The court adjourned the case to Monday.", JUN10, "Monday").timex == "2010-06-21"
    assert one("The court adjourned the case on Monday.", JUN10, "Monday").timex == "2010-06-14"
    assert one("The court postponed the vote to early March.", JUN10, "early March").timex == "2011-03"
    assert one("The minister extended the deadline to October.", JUN10, "October").timex == "2010-10"


def test_a_definite_day_month_or_year_in_apposition_names_the_time_before_it():
    base = date(2003, 6, 20)
    text = "Shares peaked on March 3, the day before the merger was announced, and fell for weeks."
    t = one(text, base, "the day")
    assert (t.type, t.timex, t.start) == ("DATE", "2003-03-03", text.index("the day"))
    assert one("In 1996, the year after the flood, the dam was rebuilt.", base, "the year").timex == "1996"
    assert one("He arrived on Tuesday, the day his brother left.", base, "the day").timex == "2003-06-17"
    # the precision must agree: a month is not renamed by "the year"
    assert not [t for t in find_times("In May, the year looked better.", base) if t.timex == "2003-05"
                and t.text == "the year"]
    # a possessive or a compound is no apposition; "the day before." is an offset from the date
    assert [t.text for t in find_times("On March 3, the day's busiest trader sold.", base)] == ["March 3"]
    assert one("It rained on March 3, the day before.", base, "the day before").timex == "2003-03-02"


def test_a_deictic_time_anchors_the_offsets_after_it():
    base = date(2003, 6, 20)  # a Friday
    text = "Sales fell to $3 million last year, down from $4 million the year before."
    assert one(text, base, "the year before").timex == "2001"
    text = "Rebels took the town on Tuesday. The next day, they lost it again."
    assert one(text, base, "The next day").timex == "2003-06-18"
    # a week names no day: "two days later" after it is not counted from its Monday
    text = "The talks failed last week. Two days later, the envoy flew home."
    assert one(text, base, "Two days later").value != "2003-06-11"


def test_a_quantity_before_a_frequency_adverb_is_a_rate_not_a_set():
    base = date(2003, 6, 20)
    assert find_times("Exports should grow 7% annually until the treaty ends.", base) == []
    assert find_times("The mill turns out some 4,000 tonnes daily.", base) == []
    assert find_times("The cuts save the city $2.5 million annually.", base) == []
    # a recurrence of an event stays a SET
    t = one("The council meets annually in the old hall.", base, "annually")
    assert (t.type, t.timex) == ("SET", "P1Y")


def test_a_count_after_in_in_a_clause_that_looks_ahead_is_a_point_ahead():
    # TimeML reads "in five years" after a modal as the point that far after publication, as "five years from now"
    base = date(2003, 6, 10)  # a Tuesday
    t = one("The bonds would be repaid in five years, the lender said.", base, "five years")
    assert (t.type, t.timex, t.value) == ("DATE", "2008", "2008")
    t = one("The mine is scheduled to reopen in about two weeks.", base, "about two weeks")
    assert (t.type, t.timex) == ("DATE", "2003-W26")
    assert one("Officials hope to finish the bridge in 18 months.", base, "18 months").timex == "2004-12"
    # no look ahead, or a length since a time: still a duration
    lengths = [("The club was rebuilt in five years by volunteers.", "five years", "P5Y"),
               ("It will be the wettest June in 40 years, forecasters say.", "40 years", "P40Y"),
               ("They will have to move in over ten years of delays.", "over ten years", "P10Y"),
               ("Few expected the regime could fall in just 17 days.", "17 days", "P17D")]
    assert [one(text, base, span).timex for text, span, _ in lengths] == [tx for _, _, tx in lengths]


def test_until_then_takes_the_time_named_just_before_it():
    base = date(2003, 6, 10)
    text = "The offer expires on July 31. Until then, holders may tender their shares."
    assert one(text, base, "then").timex == "2003-07-31"
    # nothing named, or the time named far back: "then" is an event or unknown, no expression
    assert [t.text for t in find_times("Until then, nobody had heard of the band.", base)] == []
    far = "The mill closed in 1998. " + "Workers left town and the shops emptied, one after another. " * 3 + \
        "Until then the town had been busy."
    assert [t.text for t in find_times(far, base)] == ["1998"]


def test_this_quarters_results_are_the_quarter_reported():
    base = date(2003, 10, 28)  # the fourth quarter under way, the third just reported
    text = "The company lost $3 million in the third quarter. This quarter's loss includes a charge for layoffs."
    assert one(text, base, "This quarter").timex == "2003-Q3"
    # no results noun: the calendar quarter under way
    assert one("This quarter, we expect sales to rise.", base, "This quarter").timex == "2003-Q4"


def test_a_day_counted_from_a_month_or_a_year_leaves_its_day_unknown():
    base = date(1999, 2, 6)
    t = one("He was shot last October. That same day, police closed the road.", base, "That same day")
    assert (t.timex, t.value, t.precision) == ("1998-10-XX", "1998-10", "month")  # value no finer than evidence
    assert one("In 1996 the mill closed. The next day, workers marched.", base, "The next day").timex == "1996-XX-XX"
    assert one("On Oct. 3 the mill closed. The next day, workers marched.", base, "The next day").timex == "1998-10-04"


def test_a_weekday_shares_the_plural_part_of_the_day_after_and():
    base = date(2003, 6, 10)
    text = "The ferries will sail on Friday and Saturday evenings from July 4."
    assert (one(text, base, "Friday").type, one(text, base, "Friday").timex) == ("SET", "XXXX-WXX-5TEV")
    assert one(text, base, "Saturday evenings").timex == "XXXX-WXX-6TEV"
    # a singular part is the second day's alone
    assert one("They met on Friday and Saturday night.", base, "Friday").type == "DATE"


def test_the_noun_year_end_is_the_closing_day_of_the_year():
    base = date(2003, 10, 28)
    assert one("The refinery could restart by year-end, the company said.", base, "year-end").timex == "2003-12-31"
    assert one("Shares have gained 12% since year-end.", base, "year-end").timex == "2002-12-31"
    # the modifier stays the year
    assert one("Year-end bonuses were cut.", base, "Year-end").timex == "2003"
