"""Time expressions: each rule on short fixtures with fixed publication dates, offsets by slicing."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from parley.document import Document
from parley.timex import annotate, find_times

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = Path(__file__).resolve().parents[1] / "src" / "parley" / "data" / "samples"


def times(text, base, **kw):
    found = find_times(text, base, **kw)
    for t in found:
        assert text[t.start:t.end] == t.text
    return found


def one(text, base, span):
    """The expression whose text is ``span`` (exactly one)."""
    hits = [t for t in times(text, base) if t.text == span]
    assert len(hits) == 1, (span, [(t.text, t.value) for t in times(text, base)])
    return hits[0]


def val(text, base, span):
    t = one(text, base, span)
    return t.value, t.precision


# ---------------------------------------------------------------------------------------------- weekdays
FRI = date(2021, 5, 7)  # a Friday
WED = date(2013, 9, 18)  # a Wednesday


def test_weekday_equal_to_base_day_is_that_day():
    assert val("A top official of the banned party said Friday.", FRI, "Friday") == ("2021-05-07", "day")


def test_weekday_before_base_is_most_recent_past():
    assert val("Police fired tear gas on Sunday.", WED, "Sunday") == ("2013-09-15", "day")
    assert val("The two parties reached an agreement on Monday.", WED, "Monday") == ("2013-09-16", "day")
    # a weekday after the base weekday in a past clause goes back to last week
    assert val("The rally on Thursday was peaceful.", WED, "Thursday") == ("2013-09-12", "day")


def test_next_and_last_weekday():
    assert val("They will meet next Monday.", WED, "next Monday") == ("2013-09-23", "day")
    assert val("They met last Wednesday.", WED, "last Wednesday") == ("2013-09-11", "day")


def test_future_clause_moves_weekday_forward_but_reporting_verb_does_not():
    assert val("The talks will resume on Friday.", WED, "Friday") == ("2013-09-20", "day")
    assert val("The king will decide, officials said Tuesday.", WED, "Tuesday") == ("2013-09-17", "day")


def test_named_days_are_not_weekdays():
    assert [t.text for t in times("Shops opened on Good Friday.", WED)] == []


# ---------------------------------------------------------------------------------------------- relative
def test_relative_days_weeks_months_years():
    text = ("He arrived yesterday and leaves tomorrow; today he spoke. Last week and this week and next week. "
            "Last month, this month, last year, this year and next year.")
    got = {t.text.lower(): (t.value, t.end_value, t.precision) for t in times(text, WED)}
    assert got["yesterday"] == ("2013-09-17", None, "day")
    assert got["tomorrow"] == ("2013-09-19", None, "day")
    assert got["today"] == ("2013-09-18", None, "day")
    assert got["last week"] == ("2013-09-09", "2013-09-15", "day")
    assert got["this week"] == ("2013-09-16", "2013-09-22", "day")
    assert got["next week"] == ("2013-09-23", "2013-09-29", "day")
    assert got["last month"] == ("2013-08", None, "month")
    assert got["this month"] == ("2013-09", None, "month")
    assert got["last year"] == ("2012", None, "year")
    assert got["this year"] == ("2013", None, "year")
    assert got["next year"] == ("2014", None, "year")


def test_earlier_this_week_and_vague():
    t = one("Hun Sen had said earlier this week that talks broke down.", WED, "earlier this week")
    assert (t.value, t.end_value) == ("2013-09-16", "2013-09-17")
    v = one("And in recent days, security forces tried to arrest him.", WED, "recent days")
    assert v.value is None and v.kind == "vague"


def test_last_month_across_new_year_and_ago():
    assert val("Prices rose last month.", date(2014, 1, 2), "last month") == ("2013-12", "month")
    assert val("It happened two years ago.", FRI, "two years ago") == ("2019", "year")
    assert val("It happened three days ago.", FRI, "three days ago") == ("2021-05-04", "day")


# ---------------------------------------------------------------------------------------------- explicit dates
def test_full_dates():
    base = date(2013, 9, 26)
    assert val("Phnom Penh, Sept. 17, 2013.", base, "Sept. 17, 2013") == ("2013-09-17", "day")
    # a clock time joins its day into one TIME expression
    t = one("PUBLISHED : Tuesday, 27 March, 2018, 5:55pm", base, "Tuesday, 27 March, 2018, 5:55pm")
    assert (t.value, t.precision, t.type, t.timex) == ("2018-03-27", "day", "TIME", "2018-03-27T17:55")
    t = one("Filed on 2013-09-17 at noon.", base, "2013-09-17 at noon")
    assert (t.value, t.timex) == ("2013-09-17", "2013-09-17T12:00")
    # tokenised T17 style
    t = one("WASHINGTON | Wed Mar 30 , 2011 4:54 pm EDT", base, "Wed Mar 30 , 2011 4:54 pm EDT")
    assert (t.value, t.timex) == ("2011-03-30", "2011-03-30T16:54")


def test_dates_without_year_take_the_publication_year_or_the_past():
    base = date(2013, 9, 19)
    assert val("the hotly-contested July 28 polls", base, "July 28") == ("2013-07-28", "day")
    assert val("at his residence on May 4.", date(2021, 5, 7), "May 4") == ("2021-05-04", "day")
    assert val("his meeting, on March 23 in the capital", date(2018, 3, 27), "March 23") == ("2018-03-23", "day")
    # a date shortly after publication stays in the same year (a scheduled meeting)
    assert val("The group would meet on March 29.", date(2022, 3, 22), "March 29") == ("2022-03-29", "day")


def test_year_rollover():
    assert val("The court sat on Dec. 30 to hear the case.", date(2014, 1, 2), "Dec. 30") == ("2013-12-30", "day")
    assert val("The vote on Jan. 3 will be close.", date(2013, 12, 28), "Jan. 3") == ("2014-01-03", "day")


def test_future_tense_date_without_year():
    base = date(2018, 3, 27)
    assert val("the general election set to be held on July 29 will go ahead", base, "July 29") == ("2018-07-29", "day")
    # same month-day in a past clause is last year's
    assert val("the election held on July 29 was marred by fraud", base, "July 29") == ("2017-07-29", "day")


def test_weekday_written_with_the_date_picks_the_year_and_until_looks_ahead():
    assert val("results would be released on Tuesday 2 November", date(2010, 9, 10), "Tuesday 2 November") == (
        "2010-11-02", "day")
    assert val("it will keep gushing until August, experts said", date(2010, 6, 10), "August") == ("2010-08", "month")
    assert val("he lived there until May of 2000.", date(2010, 6, 10), "May of 2000") == ("2000-05", "month")


def test_leap_years():
    assert val("He was detained on Feb. 29 and freed later.", date(2021, 3, 2), "Feb. 29") == ("2020-02-29", "day")
    assert val("He was detained on Feb. 29, 2016.", date(2021, 3, 2), "Feb. 29, 2016") == ("2016-02-29", "day")
    assert [t.text for t in times("An impossible Feb. 29, 2021 date.", date(2021, 3, 2))] == []


def test_day_ranges():
    base = date(2013, 9, 19)
    t = one("the meetings held Sept. 14-15, provided the recording is whole", base, "Sept. 14-15")
    assert (t.value, t.end_value, t.kind) == ("2013-09-14", "2013-09-15", "range")
    t = one("Talks are due on Oct. 4-5 in the capital.", base, "Oct. 4-5")
    assert (t.value, t.end_value) == ("2013-10-04", "2013-10-05")
    t = one("a festival held September 2-6 , 2010 , downtown", base, "September 2-6 , 2010")
    assert (t.value, t.end_value) == ("2010-09-02", "2010-09-06")


def test_month_year_and_qualified_years():
    base = date(2021, 5, 7)
    text = ("He was put on trial in January 2020; they met in May 2020 and in November 2017, in February 2016 "
            "and in April 2012, and late 2009, early 2015 and mid-2010, in late March 2013.")
    got = {t.text: (t.value, t.precision) for t in times(text, base)}
    assert got["January 2020"] == ("2020-01", "month")
    assert got["May 2020"] == ("2020-05", "month")
    assert got["November 2017"] == ("2017-11", "month")
    assert got["February 2016"] == ("2016-02", "month")
    assert got["April 2012"] == ("2012-04", "month")
    assert got["late 2009"] == ("2009", "year")
    assert got["early 2015"] == ("2015", "year")
    assert got["mid-2010"] == ("2010", "year")
    assert got["late March 2013"] == ("2013-03", "month")


def test_month_alone_and_month_last_year():
    base = date(2018, 3, 27)
    assert val("In June, media carried remarks.", base, "June") == ("2017-06", "month")
    assert val("The party was dissolved in November last year.", base, "November last year") == ("2017-11", "month")
    assert val("to be completed by the end of February.", date(2022, 1, 18), "the end of February") == ("2022-02", "month")


def test_years_in_date_context_and_open_intervals():
    base = date(2018, 3, 27)
    assert val("a close election in 1993, he said", base, "1993") == ("1993", "year")
    assert val("spying for him in 1997 in exchange for money", base, "1997") == ("1997", "year")
    t = one("the party has led since 2011.", base, "2011")
    assert t.kind == "since"
    t = one("living in exile since late 2015 to avoid jail", base, "late 2015")
    assert (t.value, t.kind) == ("2015", "since")
    t = one("the trial may not conclude until 2024, long after", base, "2024")
    assert t.kind == "until"
    assert val("the country's 2018 general election", base, "2018") == ("2018", "year")


def test_no_false_hits_on_numbers():
    text = ("Some 10,000 protesters rallied; the CPP won all 125 parliamentary seats; he took U.S. $10,000 and "
            "$ 2000 more; in 2000 cases the court ruled; 1500 troops; it rose 2015 percent; 63 of 123 seats; "
            "a total of 2000 people; the 55 seats.")
    assert [t.text for t in times(text, date(2021, 5, 7))] == []


# ---------------------------------------------------------------------------------------------- durations, anchors
def test_anchored_duration_resolves_against_preceding_date():
    text = ("Kem Sokha was put on trial beginning in January 2020 but the hearings were suspended two months "
            "later on the pretext of the pandemic.")
    t = one(text, date(2021, 5, 7), "two months later")
    assert (t.value, t.precision, t.kind) == ("2020-03", "month", "anchored")
    t = one("The talks began on Sept. 14, 2013. A week later they collapsed.", WED, "A week later")
    assert (t.value, t.precision) == ("2013-09-21", "day")
    t = one("The war began in 2005 and the leak came the following year.", WED, "the following year")
    assert t.value == "2006"


def test_unanchored_durations_have_no_value():
    t = one("More than three years after Kem Sokha was arrested, he is working.", FRI,
            "More than three years after")
    assert t.value is None and t.kind == "duration"
    t = one("the CPP, which has led the country for nearly three decades.", FRI, "nearly three decades")
    assert t.value is None and t.kind == "duration"
    t = one("The hearings were suspended two months later.", FRI, "two months later")
    assert t.value is None and t.kind == "duration"
    # "N after <event>" names an event, not a time: never anchored on the preceding date
    t = one("The court dissolved the party in November 2017, two months after the arrest of its leader.", FRI,
            "two months after")
    assert t.value is None and t.kind == "duration"


# ---------------------------------------------------------------------------------------------- decades, ranges
def test_decades_and_year_ranges():
    base = date(2021, 5, 7)
    text = "In the 1990s and the early 2000s, from 2013 to 2015, between 2009 and 2011, and in 2013–2021."
    got = {t.text: (t.value, t.end_value, t.precision, t.kind) for t in times(text, base)}
    assert got["1990s"] == ("1990", None, "decade", "decade")
    assert got["early 2000s"] == ("2000", None, "decade", "decade")
    # a year range is two expressions (as TimeML annotates it); the first carries the range's end
    listed = [(t.text, t.value, t.end_value, t.kind) for t in times(text, base)]
    assert listed[2:] == [("2013", "2013", "2015", "range"), ("2015", "2015", None, "date"),
                          ("2009", "2009", "2011", "range"), ("2011", "2011", None, "date"),
                          ("2013", "2013", "2021", "range"), ("2021", "2021", None, "date")]
    assert [(t.text, t.timex) for t in times("Sierra Leone's 1991-2002 civil war", base)] == [
        ("1991", "1991"), ("2002", "2002")]


# ---------------------------------------------------------------------------------------------- base, offsets, stage
def test_without_publication_date_only_absolute_values():
    text = "Officials said Tuesday that the July 28 vote, held in July 2013 and in 1993, was fair. Last week too."
    got = {t.text: t.value for t in times(text, None)}
    assert got["July 2013"] == "2013-07"
    assert got["1993"] == "1993"
    assert got["Tuesday"] is None and got["July 28"] is None and got["Last week"] is None


def test_offsets_with_start_and_end():
    prefix = "Ignored: on Monday 5 May 2014. "
    body = "Protesters rallied on Sunday, Sept. 15, 2013, and again on Tuesday."
    text = prefix + body + " Also ignored: 1997 in 1997."
    found = times(text, WED, start=len(prefix), end=len(prefix) + len(body))
    assert [t.text for t in found] == ["Sunday, Sept. 15, 2013", "Tuesday"]
    assert all(len(prefix) <= t.start < t.end <= len(prefix) + len(body) for t in found)
    assert found[0].value == "2013-09-15"


def test_annotate_anchors_in_the_paragraph_else_the_last_time_before():
    text = ("The trial began in January 2020.\n\nThe hearings were suspended two months later.\n\n"
            "In March 2021 the court met. It adjourned two months later.")
    doc = Document(id="t", text=text, published="2021-05-07")
    doc = annotate(doc, None)
    by = {(t.text, t.start): t for t in doc.times}
    later = [t for t in doc.times if t.text == "two months later"]
    # no explicit time in its own paragraph: the last one of the paragraph before (TimeBank anchors so)
    assert later[0].value == "2020-03" and later[0].anchor == "2020-01"
    assert later[1].value == "2021-05" and later[1].kind == "anchored"
    for (span, s), t in by.items():
        assert doc.text[s:t.end] == span


def test_annotate_without_published_and_empty_text():
    doc = annotate(Document(id="x", text="", published=None), None)
    assert doc.times == []
    doc = annotate(Document(id="y", text="They met on Monday in 1997.", published="not a date"), None)
    assert {t.text: t.value for t in doc.times} == {"Monday": None, "1997": "1997"}


# ---------------------------------------------------------------------------------------------- bundled samples, seeds
def _sample_dates() -> dict[str, str]:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"`(\d\d_[a-z-]+)\.txt` \| (\d{4}-\d\d-\d\d)", readme))


def test_bundled_samples_listed_and_resolved():
    dates = _sample_dates()
    files = sorted(p.stem for p in SAMPLES.glob("*.txt"))
    assert 8 <= len(files) <= 12 and sorted(dates) == files

    def doc_for(stem):
        text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
        return annotate(Document(id=stem, text=text, published=dates[stem]), None)

    d = doc_for("10_trial-opens")
    got = {t.text: t for t in d.times}
    assert got["September 2023"].value == "2023-09"
    assert (got["two months later"].value, got["two months later"].kind) == ("2023-11", "anchored")
    assert (got["Dec. 11-12"].value, got["Dec. 11-12"].end_value) == ("2023-12-11", "2023-12-12")
    d = doc_for("08_party-dissolved")
    assert {t.text: t.value for t in d.times}["June 18"] == "2023-06-18"  # "set for": future
    d = doc_for("02_street-protests")
    got = {t.text: t.value for t in d.times}
    assert got["Sunday"] == "2022-02-13" and got["Tuesday"] == "2022-02-15"


def test_seed_two_months_later():
    seeds = SHARED / "seeds"
    if not seeds.exists():
        pytest.skip("../shared not present")
    text = next(p for p in seeds.glob("004_*.txt")).read_text(encoding="utf-8")
    found = times(text, date(2021, 5, 7))
    got = {t.text: t for t in found}
    assert (got["two months later"].value, got["two months later"].precision) == ("2020-03", "month")
    assert got["May 4"].value == "2021-05-04"
    assert got["November 2017"].value == "2017-11"
    assert "125" not in {t.text for t in found}


def test_t17_sentences_slice_and_parse():
    topic = SHARED / "data" / "t17" / "haiti_bbc" / "InputDocs"
    if not topic.exists():
        pytest.skip("../shared not present")
    n = 0
    for day_dir in sorted(topic.iterdir())[:5]:
        base = date.fromisoformat(day_dir.name)
        for f in sorted(day_dir.glob("*.txt"))[:10]:
            text = f.read_text(encoding="utf-8", errors="replace")
            for t in times(text, base):
                n += 1
                if t.value:
                    assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", t.value)
                    assert 1500 <= int(t.value[:4]) <= 2100
    assert n > 0


def test_ago_past_the_calendar_or_inside_a_number_gives_no_date():
    import datetime

    from parley.timex import find_times

    text = "The city was founded 7,000 years ago; ruins 9000 years ago; the dam two years ago."
    got = {t.text: t for t in find_times(text, datetime.date(2011, 1, 1))}
    assert "000 years ago" not in got  # never a slice of "7,000"
    assert got["9000 years ago"].value is None and got["9000 years ago"].kind == "duration"
    assert got["two years ago"].value == "2009"
