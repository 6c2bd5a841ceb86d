"""Events dated from the time stage's expressions, end to end (timex stage, then events stage, then the
document timeline), on text written for the test with fictional names: an event takes the time expression of
its own clause, an explicitly earlier event never takes the publication date, and no date is finer than its
evidence — a publication date known only to the month (the clean stage writes it as the month's first day with
``meta["date_precision"] == "month"``) gives month-precision events and timeline entries, never day."""

from __future__ import annotations

import re

import pytest

from parley.context import Context
from parley.document import Actor, Document
from parley.events import annotate as events
from parley.text import paragraphs, sentences
from parley.timex import annotate as timex
from test_event_extraction import HAS_MODEL

pytestmark = pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")
NAMES = {"o": ("Ostravia", "country"), "v": ("Velor Union", "organization"), "k": ("Karnavia", "country")}


@pytest.fixture(scope="module")
def ctx():
    return Context()


def _run(text: str, ctx, published: str, precision: str | None = None) -> Document:
    doc = Document(id="t", text=text, published=published, meta={"date_precision": precision} if precision else {})
    doc.paragraphs = paragraphs(text)
    doc.sentences = [s for a, b in doc.paragraphs for s in sentences(text, a, b)]
    for aid, (surf, typ) in NAMES.items():
        spans = [[m.start(), m.end()] for m in re.finditer(rf"\b{re.escape(surf)}\b", text)]
        if spans:
            doc.actors.append(Actor(id=aid, name=surf, type=typ, mentions=spans))
    return events(timex(doc), ctx)


def _typed(doc: Document, etype: str):
    evs = [e for e in doc.events if e.event == etype]
    assert evs, [(e.event, e.trigger, e.date) for e in doc.events]
    return evs[0]


def test_an_event_takes_its_own_clause_time_expression(ctx):
    doc = _run("Ostravia expelled Karnavia's ambassador on Monday. The Velor Union met Karnavia in March 2012.",
               ctx, "2013-09-18")  # a Wednesday
    assert (_typed(doc, "SANCTION").date, _typed(doc, "SANCTION").date_precision) == ("2013-09-16", "day")
    consult = _typed(doc, "CONSULT")
    assert (consult.date, consult.date_precision, consult.date_basis) == ("2012-03", "month", "text")


def test_an_explicitly_earlier_event_never_takes_the_publication_date(ctx):
    doc = _run("Ostravia had expelled Karnavia's ambassador.", ctx, "2013-09-18")
    ev = _typed(doc, "SANCTION")
    assert ev.date != "2013-09-18" and ev.date_basis != "publication"
    doc = _run("Earlier this year, Ostravia expelled Karnavia's ambassador.", ctx, "2013-09-18")
    ev = _typed(doc, "SANCTION")
    assert (ev.date, ev.date_precision) == ("2013", "year")


def test_a_month_precision_publication_date_gives_no_day(ctx):
    text = ("Ostravia is holding talks with the Velor Union. Ostravia expelled Karnavia's ambassador yesterday.\n\n"
            "The Velor Union condemned Ostravia.")
    doc = _run(text, ctx, "2013-09-01", "month")
    # "yesterday" is some day of the month the publication is known to, not the stand-in day's eve
    assert [(t.text, t.value, t.precision) for t in doc.times] == [("yesterday", "2013-09", "month")]
    for e in doc.events:
        assert e.date is None or len(e.date) <= 7, (e.event, e.date, e.date_precision)
        assert e.date_precision in ("month", "year", "none"), (e.event, e.date, e.date_precision)
    consult = _typed(doc, "CONSULT")
    assert (consult.date, consult.date_precision, consult.date_basis) == ("2013-09", "month", "publication")
    from parley.corpus.doc_timeline import timeline_from_documents

    assert all(e["precision"] != "day" for e in timeline_from_documents([doc]))
    # the same text with a day-precision publication date: "yesterday" is a day
    doc = _run(text, ctx, "2013-09-01")
    assert [(t.text, t.value) for t in doc.times] == [("yesterday", "2013-08-31")]
