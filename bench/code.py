"""Throughput of ``parley.events.code_records`` (sentences/s, batched ONNX encoder + numpy classifier).

    python bench/code.py [--n 2000] [--shared ../shared]

Uses PLV_train sentences (plain text, no marks) as realistic news sentences; prints sentences/s.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from parley.context import Context
from parley.events import code_records

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    a = ap.parse_args()
    with (a.shared / "data" / "plv" / "PLV_train.tsv").open(encoding="utf-8") as f:
        texts = [r["sentence"] for r in csv.DictReader(f, delimiter="\t")]
    records = [{"id": str(i), "text": texts[i % len(texts)]} for i in range(a.n)]
    ctx = Context()
    code_records(records[:20], ctx)  # load the models
    t = time.perf_counter()
    out = code_records(records, ctx)
    dt = time.perf_counter() - t
    print(f"code_records: {len(out)} sentences in {dt:.2f}s = {len(out) / dt:.0f} sentences/s")


if __name__ == "__main__":
    main()
