"""The dashboard's default trend (no dyad picked) counts as ``parley trend`` does, publication-dated happenings
included, where the stored trend table leaves them out."""

from __future__ import annotations

import pytest

from test_corpus import build, store_with
from test_trend_report import _docs

pytest.importorskip("fastapi")


def test_default_overview_trend_counts_publication_dated_happenings(tmp_path):
    from fastapi.testclient import TestClient

    from parley.web.app import create_app

    with store_with(tmp_path, *_docs()) as store:
        build(store)
        stored = store.rows("SELECT month, n FROM trend WHERE a = 'group:government' AND b = 'group:opposition'")
    assert stored == [{"month": "2020-01", "n": 1}]  # the table drops the accusation dated by publication only
    client = TestClient(create_app(str(tmp_path / "c.db")), base_url="http://127.0.0.1")
    body = client.get("/api/trend").json()
    assert (body["a"], body["b"]) == ("group:government", "group:opposition")
    assert [(m["month"], m["n"], m["published_only"]) for m in body["months"]] == [("2020-01", 1, 0),
                                                                                   ("2020-03", 1, 1)]
    assert body["counted"] == {"day": 1, "publication": 1}
    assert body["left_out"]["negated"] == 1
