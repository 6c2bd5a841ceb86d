"""Events dated from time expressions (issue 18 item 3), on text written for the test: an explicitly earlier act
(past perfect, "earlier this year", "in 2005") never takes the publication date silently, and date_precision is
never finer than the evidence (a publication date known to the month gives no day). ``date_for`` is called on
documents whose time expressions come from parley's own timex stage, so no event model is needed."""

from __future__ import annotations

import re

from parley.document import Document
from parley.events.dating import date_for
from parley.text import sentences
from parley.timex import annotate

PUB = "2013-09-17"  # a Tuesday


def dated(text: str, trigger: str, published: str = PUB, precision: str | None = None) -> dict:
    doc = Document(id="x", text=text, published=published)
    if precision:
        doc.meta = {"date_precision": precision}
    doc.paragraphs = [[m.start(), m.end()] for m in re.finditer(r"[^\n]+", text)]
    doc.sentences = [s for a, b in doc.paragraphs for s in sentences(text, a, b)]
    annotate(doc)
    i = text.index(trigger)
    si = next(k for k, (a, b) in enumerate(doc.sentences) if a <= i < b)
    return date_for(doc, si, i, i + len(trigger.split()[0]))


def test_past_perfect_with_an_aside_is_not_publication_news():
    # the auxiliary is more than three words before the participle: still an earlier act, not today's
    out = dated("The rebels had, according to the army, attacked the base.", "attacked")
    assert out["date"] is None and out["basis"] == "none"
    out = dated("The rebels had earlier in the month repeatedly attacked the base.", "attacked")
    assert out["date"] == "2013-09" and out["precision"] == "month" and out["basis"] == "text"
    # a present clause is still today's news
    out = dated("The rebels are attacking the base.", "attacking")
    assert out["date"] == PUB and out["basis"] == "publication"


def test_a_time_opening_a_past_perfect_clause_dates_the_act():
    out = dated("In 2005, the rebels had attacked the base.", "attacked")
    assert out["date"] == "2005" and out["precision"] == "year" and out["basis"] == "text"
    # after a speech verb the time dates the report, and the earlier act stays undated
    for text in ("The army said on Monday the rebels had attacked the base.",
                 "On Monday, the army said the rebels had attacked the base."):
        out = dated(text, "attacked")
        assert out["date"] is None and out["basis"] == "none", text


def test_earlier_this_year_dates_to_the_year_only():
    for text in ("Earlier this year the rebels attacked the base.", "The rebels have attacked the base earlier this year."):
        out = dated(text, "attacked")
        assert out["date"] == "2013" and out["precision"] == "year" and out["basis"] == "text", text
    out = dated("The rebels have attacked the base in the past.", "attacked")
    assert out["date"] is None


def test_a_month_precision_publication_gives_no_day():
    # the clean stage writes a date known to the month as its first day; no event may be dated to that day
    text = "The rebels have attacked the base. They attacked it again."
    out = dated(text, "attacked it", "2013-09-01", "month")
    assert out["precision"] != "day" and (out["date"] or "")[:10] != "2013-09-01"
    out = dated(text, "attacked it")  # with a day-precision publication the day's news is the occasion
    assert out["date"] == PUB and out["precision"] == "day" and out["basis"] == "context"
    out = dated("The rebels attacked the base on Monday.", "attacked", "2013-09-01", "month")
    assert out["date"] == "2013-09" and out["precision"] == "month"
    out = dated("The rebels are attacking the base.", "attacking", "2013-09-01", "month")
    assert out["date"] == "2013-09" and out["precision"] == "month" and out["basis"] == "publication"
