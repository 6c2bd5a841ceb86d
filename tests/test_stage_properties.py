"""Property-based tests of the analysis stages (issue 15): whatever text arrives, no exception but the document's
own IngestError escapes the pipeline, and every span the stages write lies inside the cleaned text.

Why generated news-like text and not random characters alone: the stages only do real work on names, titles,
quotation marks, dates, speech verbs and sentence punctuation, so the generator splices those pieces (and random
characters) together in any order, including unclosed quotes, stray brackets and runs without a boundary.
"""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from parley import pipeline  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.ingest import IngestError, make_raw  # noqa: E402

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = ["Ana Ruiz", "Prime Minister", "Tomas Berg", "the ruling party", "the National Reform Party", "(NRP)", "NRP",
          "the group", "the prime minister", "police", "protesters", "said", "told", "met", "attacked", "denied",
          "“", "”", "\"", "‘", "’", "'s", "(", ")", ",", ".", ":", ";", "—", "?", "!", "\n", "\n\n",
          "on Monday", "3 March 2011", "2011-03-14", "last week", "in May", "the next day", "two years ago",
          "in Paris", "Cambodia", "Mr.", "Dr.", "U.S.", "100", "-", "and", "of", "the", "that", "would", "talks"]
pieces = st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=12))
articles = st.lists(pieces, min_size=1, max_size=120).map(lambda parts: "Talks resume\n\n" + " ".join(parts))
CTX = pipeline.wire(Context())


def _inside(n: int, span, what: str) -> None:
    if span is None:
        return
    s, e = span
    assert 0 <= s <= e <= n, f"{what} span {span} outside the text (length {n})"


@SETTINGS
@given(articles)
def test_no_exception_escapes_and_spans_stay_inside_the_text(text):
    try:
        doc = pipeline.analyze(make_raw("p", "p.txt", text.encode("utf-8", "surrogatepass"), "text"), CTX)
    except IngestError:
        return  # the document's one clear error (an empty body, say)
    n = len(doc.text)
    for span in doc.sentences + doc.paragraphs:
        _inside(n, span, "sentence/paragraph")
    for a in doc.actors:
        for span in a.mentions:
            _inside(n, span, f"actor {a.id}")
    for q in doc.quotes:
        _inside(n, (q.start, q.end), "quote")
        _inside(n, q.speaker_span, "speaker")
    for t in doc.times:
        _inside(n, (t.start, t.end), "time")
    for ev in doc.events:
        _inside(n, (ev.start, ev.end), "event")
        _inside(n, ev.trigger_span, "trigger")
        for span in ev.actor_spans + ev.recipient_spans:
            _inside(n, span, "event actor/recipient")
    for p in doc.places:
        _inside(n, (p["start"], p["end"]), "place")
