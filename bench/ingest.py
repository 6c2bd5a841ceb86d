"""Ingest + clean + sentence throughput and peak memory, against plain file reading in the same run.

    python bench/ingest.py [DIR] [--limit N]

DIR defaults to ../shared/data/t17 (4,650 articles) when present, else the bundled samples. Prints
documents/s for (a) reading the files' bytes and (b) ingest → clean → sentences, their ratio, and the peak
RSS of the process (ru_maxrss) after each phase.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from parley import clean, text
from parley.context import Context
from parley.ingest import IngestError, expand_paths, read_path
from parley.pipeline import wire

REPO = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    default = REPO.parent / "shared" / "data" / "t17"
    root = Path(args.dir) if args.dir else default if default.is_dir() else REPO / "src/parley/data/samples"
    files = [f for f in expand_paths([root]) if f.suffix.lower() in {".txt", ".html", ".htm", ".jsonl"}]
    if args.limit:
        files = files[: args.limit]
    print(f"corpus: {root} ({len(files)} files)")

    t0 = time.perf_counter()
    nbytes = sum(len(f.read_bytes()) for f in files)
    t_read = time.perf_counter() - t0
    print(f"plain read:        {len(files) / t_read:10.0f} docs/s  ({nbytes / 1e6:.1f} MB)  peak RSS {peak_rss_mb():.0f} MB")

    ctx = wire(Context())
    ok = failed = sents = 0
    t0 = time.perf_counter()
    for f in files:
        for raw in read_path(f):
            if isinstance(raw, IngestError):
                failed += 1
                continue
            try:
                doc = text.segment(clean.clean(raw, ctx), ctx)
            except IngestError:
                failed += 1
                continue
            ok += 1
            sents += len(doc.sentences)
    t_full = time.perf_counter() - t0
    rate = (ok + failed) / t_full
    print(f"ingest+clean+sent: {rate:10.0f} docs/s  ({ok} ok, {failed} failed, {sents} sentences)  "
          f"peak RSS {peak_rss_mb():.0f} MB")
    print(f"ratio: ingest+clean+sentences is {t_full / t_read:.1f}x the time of plain reading")
    return 0


if __name__ == "__main__":
    sys.exit(main())
