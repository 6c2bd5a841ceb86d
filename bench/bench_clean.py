"""Cleaning figures on Timeline17 (publication date = folder name, outlet = folder suffix) and the seeds.

Usage: python bench/bench_clean.py [N]   (N random T17 articles, default 600; needs ../shared)
Prints: throughput, share of input lines kept, date accuracy by basis (|error| <= 3 days, and how many were
later than the truth — the text rule is meant to be a lower bound), outlet accuracy, the seeds' results and how
many bundled samples get the publication date their README intends.
"""

import random
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from parley.clean import clean
from parley.ingest import IngestError, make_raw
from parley.pipeline import wire

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = Path(__file__).resolve().parents[1] / "src" / "parley" / "data" / "samples"
OUTLET = {"bbc": "BBC", "cnn": "CNN", "reuters": "Reuters", "guardian": "The Guardian",
          "washingtonpost": "The Washington Post", "foxnews": "Fox News"}

CTX = wire()  # the pipeline's context: office tenures from the actor dictionaries are date evidence


def main(n: int) -> None:
    files = sorted((SHARED / "data" / "t17").glob("*/InputDocs/*/*.txt"))
    random.seed(0)
    sample = random.sample(files, min(n, len(files)))
    raws = []
    for f in sample:
        try:
            raws.append((f, make_raw(f.stem, str(f), f.read_bytes(), "text")))
        except IngestError:
            pass
    t0 = time.perf_counter()
    docs = []
    for f, raw in raws:
        try:
            docs.append((f, raw, clean(raw, CTX)))
        except IngestError:
            docs.append((f, raw, None))
    secs = time.perf_counter() - t0
    lines_in = sum(sum(1 for x in raw.content.split("\n") if x.strip()) for _, raw, _ in docs)
    lines_out = sum(d.text.count("\n\n") + 1 for _, _, d in docs if d)
    print(f"T17 sample: {len(docs)} articles in {secs:.2f}s ({len(docs) / secs:.0f} docs/s); "
          f"lines kept {lines_out}/{lines_in} ({lines_out / lines_in:.1%}); failures {sum(d is None for *_, d in docs)}")
    by_basis: Counter = Counter()
    for f, _, d in docs:
        if d is None or not d.published:
            by_basis["(none)", "-"] += 1
            continue
        err = (date.fromisoformat(d.published) - date.fromisoformat(f.parent.name)).days
        by_basis[d.published_basis, "ok" if abs(err) <= 3 else ("later" if err > 0 else "earlier")] += 1
    for basis in sorted({b for b, _ in by_basis}):
        row = {k: v for (b, k), v in by_basis.items() if b == basis}
        total = sum(row.values())
        print(f"  date basis {basis:10s} n={total:4d}  " + "  ".join(f"{k}={v} ({v / total:.0%})" for k, v in row.items()))
    outlets = Counter()
    for f, _, d in docs:
        truth = OUTLET.get(f.parents[2].name.split("_")[-1])
        got = d.outlet if d else None
        outlets["correct" if got == truth else ("none" if got is None else "wrong")] += 1
    print("  outlet:", dict(outlets))
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    for f in seeds:
        d = clean(make_raw(f.stem, str(f), f.read_bytes(), "text"), CTX)
        print(f"seed {f.stem[:3]}: outlet={d.outlet} published={d.published} ({d.meta.get('date_basis')}, "
              f"{d.meta.get('date_precision')}) paragraphs={d.text.count(chr(10) * 2) + 1} title={d.title!r:.60}")
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    intended = dict(re.findall(r"^\| `([\w.-]+)` \| (\d{4}-\d\d-\d\d)", readme, re.MULTILINE))
    hits = 0
    for name, day in sorted(intended.items()):
        f = SAMPLES / name
        d = clean(make_raw(f.stem, str(f), f.read_bytes(), "text"), CTX)
        hits += d.published == day
        if d.published != day:
            print(f"sample {name}: published={d.published} ({d.meta.get('date_basis')}), intended {day}")
    print(f"samples dated as their README intends: {hits}/{len(intended)}")


if __name__ == "__main__":
    if not SHARED.is_dir():
        sys.exit("../shared not present")
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600)
