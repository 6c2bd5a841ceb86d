"""Is a document's record a function of the document alone? (issue 15)

    python bench/record_independence.py FOLDER [--workers 2]

Analyses every article under FOLDER four ways — one batch in input order, one in reverse order, each article
alone in a fresh context, and through ``--workers`` worker processes — and reports, per way, the articles whose
record (``Document.to_json``: events, quotes, actors, times, places) is not byte-identical to the first.
"""

from __future__ import annotations

import argparse
import sys
import time

from parley import batch
from parley.context import Context
from parley.ingest import IngestError, iter_documents
from parley.pipeline import analyze


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    raws = [r for r in iter_documents([args.folder]) if not isinstance(r, IngestError)]
    t = time.perf_counter()
    ctx = Context()
    forward = {r.id: analyze(r, ctx).to_json() for r in raws}
    ctx = Context()
    ways = {"reversed": {r.id: analyze(r, ctx).to_json() for r in reversed(raws)},
            "alone": {r.id: analyze(r, Context()).to_json() for r in raws}}
    batch.POOL_MIN = 2  # pool even a short batch
    ways[f"workers={args.workers}"] = {v.id: v.to_json() for kind, v in batch.analyze_all(
        raws, Context(), workers=args.workers, report=False) if kind == "doc"}
    print(f"{len(raws)} articles, {time.perf_counter() - t:.0f} s")
    bad = 0
    for name, records in ways.items():
        diff = sorted(i for i in forward if records.get(i) != forward[i])
        bad += len(diff)
        print(f"{name:10} " + ("identical" if not diff else f"DIFFERS on {len(diff)}: {diff[:5]}"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
