"""Run the per-article pipeline on Dask for large corpora (``parley run --engine dask``).

Why coarse partitions: each task loads the models and dictionaries once (a Context per partition), so tasks
must carry many articles to pay that cost back; a few partitions per worker balance load without
re-loading. Workers return plain dicts (Document JSON) and error records; only the driver writes to SQLite
(one writer), so the store's guarantees are the same as for the local engine. A record depends on its
document alone, so how files fall into partitions changes nothing in the results.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from parley.context import Context
from parley.document import Document


def partitions(files: list, n: int) -> list[list]:
    """Split inputs into ``n`` contiguous chunks of near-equal size (contiguous keeps a story's days together)."""
    n = max(1, min(n, len(files)))
    size, extra = divmod(len(files), n)
    out, i = [], 0
    for k in range(n):
        step = size + (1 if k < extra else 0)
        out.append([(str(f[0]), f[1]) if isinstance(f, tuple) else str(f) for f in files[i:i + step]])
        i += step
    return [p for p in out if p]


def analyze_partition(paths: list, options: dict, skip_hashes: frozenset[str]) -> list[tuple[str, dict]]:
    """Worker side: analyze one partition (paths or ``(path, document id)`` pairs) with the worker process's
    Context (``batch.worker_context``: models load once per worker, not per partition); return
    ("doc"|"skip"|"error", dict) pairs."""
    from parley.batch import analyze_all, read_all, worker_context

    ctx = worker_context(options)
    raws = read_all((Path(p[0]), p[1]) if isinstance(p, (tuple, list)) else Path(p) for p in paths)
    out = []
    for kind, value in analyze_all(raws, ctx, skip=lambda r: r.content_hash in skip_hashes, report=False,
                                   workers=1):
        if kind == "doc":
            out.append((kind, value.to_dict()))
        elif kind == "skip":
            out.append((kind, {"id": value.id}))
        else:
            out.append((kind, value))
    return out


def analyze_dask(files: list, ctx: Context, scheduler: str | None = None,
                 skip_hashes: set[str] | None = None, partitions_per_worker: int = 2) -> Iterator[tuple[str, object]]:
    """Driver side: submit partitions, yield results in the local engine's shape as partitions finish."""
    from dask.distributed import Client, LocalCluster, as_completed

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = partitions(files, workers * partitions_per_worker)
        frozen = frozenset(skip_hashes or ())
        futures = [client.submit(analyze_partition, part, ctx.options, frozen, pure=False) for part in parts]
        for future in as_completed(futures):
            for kind, value in future.result():
                if kind == "doc":
                    yield kind, Document.from_dict(value)
                elif kind == "skip":
                    yield kind, value
                else:
                    print(json.dumps(value, ensure_ascii=False), file=sys.stderr, flush=True)
                    yield kind, value
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
