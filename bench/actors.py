"""Actors stage figures: throughput on the seeds, and load/index time of a large PETRARCH dictionary.

    python bench/actors.py [--repeat N]

Prints documents/second for clean -> segment -> actors.annotate on ../shared/seeds (annotate only is timed),
the number of actors per seed, and the time to load Phoenix.Countries.actors.txt (if ../shared has it).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from parley import actors, clean, ingest, text
from parley.context import Context
from parley.pipeline import wire

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    ctx = wire(Context())
    docs = []
    for raw in ingest.iter_documents([SHARED / "seeds"]):
        if not isinstance(raw, ingest.IngestError):
            docs.append(text.segment(clean.clean(raw, ctx), ctx))
    actors.annotate(docs[0], ctx)  # load lexicon and dictionaries once
    t0 = time.perf_counter()
    chars = 0
    for _ in range(args.repeat):
        for d in docs:
            actors.annotate(d, Context(options=ctx.options, _resources=ctx._resources))
            chars += len(d.text)
    dt = time.perf_counter() - t0
    n = args.repeat * len(docs)
    print(f"annotate: {n / dt:.1f} docs/s, {chars / dt / 1e3:.0f} kchars/s ({n} docs, {dt:.2f}s)")
    for d in docs:
        kinds = {}
        for a in d.actors:
            kinds[a.type] = kinds.get(a.type, 0) + 1
        print(f"  {d.id}: {len(d.actors)} actors {kinds}")
    phoenix = SHARED / "data" / "phoenix-dictionaries" / "Phoenix.Countries.actors.txt"
    if phoenix.exists():
        t0 = time.perf_counter()
        entries = actors.load_petrarch(phoenix, actors.lexicon())
        t1 = time.perf_counter()
        d = actors.ActorDictionary(entries, actors.lexicon())
        d.lookup("Hun Sen")
        t2 = time.perf_counter()
        print(f"Phoenix.Countries: {len(entries)} entries, parse {t1 - t0:.2f}s, index {t2 - t1:.2f}s")
        big = Context(options={"actor_files": [str(phoenix)]})
        actors.annotate(docs[0], big)
        t0 = time.perf_counter()
        for d in docs:
            actors.annotate(d, big)
        print(f"annotate with Phoenix loaded: {len(docs) / (time.perf_counter() - t0):.1f} docs/s")


if __name__ == "__main__":
    main()
