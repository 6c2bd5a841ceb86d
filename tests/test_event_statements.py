"""Issue 16, statements: a CAMEO 01 statement (no PLOVER type) is stored and marked (``kind``), but stays out of
PLOVER exports and trends unless ``include_statements`` asks for it; the new evidence columns are stored."""

from __future__ import annotations

import json

from parley.context import Context
from parley.corpus import rebuild
from parley.corpus.trend import _clusters
from parley.document import Event
from parley.export import export
from parley.store import Store
from web_fixtures import build_store, talks_doc


def _store(tmp_path) -> Store:
    s = Store(build_store(tmp_path / "parley.db"))
    doc = talks_doc()
    doc.id, doc.content_hash = "talks-2", "other-hash"
    s0, s1 = doc.sentences[2]
    doc.events = [Event(id="talks-2:stmt", date="2022-03-08", date_precision="day", event=None, cameo="010", quad=1,
                        goldstein=0.0, actor=["Ilena Varosh"], actor_ids=["ilena-varosh"], start=s0, end=s1,
                        kind="statement", date_basis="text", trigger_span=[s0, s0 + 4], actor_spans=[[s0, s0 + 4]])]
    s.upsert(doc)
    rebuild(s, Context())
    return s


def test_statements_are_stored_marked_with_their_spans(tmp_path):
    with _store(tmp_path) as s:
        row = s.rows("SELECT kind, date_basis, trigger_span, actor_spans FROM events WHERE id = 'talks-2:stmt'")[0]
        assert row["kind"] == "statement" and row["date_basis"] == "text"
        assert json.loads(row["trigger_span"]) and json.loads(row["actor_spans"])[0]


def test_statements_stay_out_of_plover_export_and_trends_unless_asked(tmp_path):
    with _store(tmp_path) as s:
        out = tmp_path / "a.jsonl"
        export(s, "plover-jsonl", out)
        ids = [json.loads(ln)["id"] for ln in out.read_text().splitlines()]
        assert "talks-2:stmt" not in ids and ids
        export(s, "plover-jsonl", out, include_statements=True)
        recs = {json.loads(ln)["id"]: json.loads(ln) for ln in out.read_text().splitlines()}
        assert recs["talks-2:stmt"]["kind"] == "statement" and recs["talks-2:stmt"]["event"] == []
        typed = _clusters(s)
        every = _clusters(s, include_statements=True)
        assert len(every) > len(typed)
        assert not any("talks-2:stmt" in c["event_ids"] for c in typed)
