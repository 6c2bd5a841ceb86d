"""Dashboard and export speed on a larger store: the bundled sample analysed once, then copied N times under
new ids (and shifted publication years) into one store; prints the time per page/API call and per export.

    python bench/web.py [--copies 200] [--db /tmp/parley-bench.db]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fastapi.testclient import TestClient  # noqa: E402

from parley.export import export  # noqa: E402
from parley.store import Store  # noqa: E402
from parley.web.app import create_app  # noqa: E402
from web_fixtures import build_sample_store  # noqa: E402


def build(db: Path, copies: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sample = build_sample_store(Path(tmp) / "sample.db")
        with Store(sample) as s:
            docs = list(s.documents())
    with Store(db) as store:
        for i in range(copies):
            for d in docs:
                c = dataclasses.replace(d, id=f"{d.id}-{i}", content_hash=f"{d.content_hash}-{i}")
                c.events = [dataclasses.replace(e, id=f"{e.id}-{i}") for e in d.events]
                store.upsert(c)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "parley-bench-web.db"))
    args = ap.parse_args()
    db = Path(args.db)
    for f in db.parent.glob(db.name + "*"):
        f.unlink()
    t = time.perf_counter()
    build(db, args.copies)
    with Store(db) as s:
        counts = {k: s.count(k) for k in ("documents", "actors", "mentions", "quotes", "events")}
    print(f"store: {counts} built in {time.perf_counter() - t:.1f}s")
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1")  # the app trusts loopback Host names only
    doc_id = client.get("/api/documents?limit=1").json()["items"][0]["id"]
    actor = client.get("/api/actors?limit=1").json()["items"][0]["id"]
    for path in ["/", "/documents", f"/doc/{doc_id}", "/actors", f"/actor/{actor}", "/events",
                 "/events?actor=Varosh&quad=4", "/quotes?words=party", "/api/events?limit=1000", "/api/actors"]:
        client.get(path)  # warm
        t = time.perf_counter()
        r = client.get(path)
        print(f"{path:32s} {r.status_code} {(time.perf_counter() - t) * 1000:8.1f} ms  {len(r.content) / 1024:7.0f} KiB")
    with Store(db) as s, tempfile.TemporaryDirectory() as tmp:
        for fmt in ("plover-jsonl", "csv", "parquet"):
            t = time.perf_counter()
            out = export(s, fmt, Path(tmp) / fmt)
            n = out.get("events", out.get("tables", {}).get("events"))
            print(f"export {fmt:13s} {time.perf_counter() - t:6.2f}s ({n} events)")


if __name__ == "__main__":
    main()
