"""Issue 16, invented actors: through the whole pipeline (``parley.pipeline.analyze``), a song title, a banner or
a run of capitalised words glued across a missing sentence break is not an actor of any event (texts written for
the test, fictional names)."""

from __future__ import annotations

from parley import pipeline
from parley.context import Context
from parley.ingest import RawDocument


def _analyze(text: str):
    raw = RawDocument(id="t", source="t", content_hash="t", kind="text", content=text, published="2011-03-04")
    return pipeline.analyze(raw, Context())


def _names(doc) -> set[str]:
    return {a.name for a in doc.actors} | {n for e in doc.events for n in e.actor + e.recipient}


def test_a_song_title_is_not_an_actor():
    doc = _analyze("The singer said her new single Burning Summer Nights would be released in May. "
                   "The song Burning Summer Nights was written in Lisbon.")
    assert not any("Burning" in n for n in _names(doc))
    assert not [e for e in doc.events if e.event == "RETREAT"]  # releasing a single frees nobody


def test_banner_words_and_markup_do_not_glue_into_names():
    doc = _analyze("By the Wire Staff NEW : Tomas Brell met Elsa Marr in the capital -LRB- AFP -RRB- . "
                   "Later forces loyal to Tomas Brell The crew had reported on an opposition protest.")
    names = _names(doc)
    assert not any("NEW" in n.split() or n.endswith(" The") or " The " in n for n in names)
    assert not {"LRB", "RRB"} & names
    assert "Tomas Brell" in names
