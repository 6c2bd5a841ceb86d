"""The batch runner: analyze a stream of raw articles, one result per article, the batch never stopped by one.

Why its own module: the local engine (``parley analyze``/``run`` in ``cli``) and the Dask workers (``scale``)
run the same loop, so it lives below both. Each input yields exactly one ("doc", Document),
("skip", RawDocument) or ("error", {"id", "error"[, "source"]}) pair; an error record is printed as one JSON
line on stderr unless the caller collects it (``report=False``, the Dask workers). Nothing a document does —
in reading (``read_all``), in analysis, or in storing (``cli.run_into_store``) — stops the batch.

Worker processes: the pipeline is pure Python, so one process uses one core. A batch of at least
``POOL_MIN`` documents is analysed by ``workers`` processes (default: one per core the process may use), each
with its own Context; the parent reads, skips, prints errors and yields results in input order, so the output is
the same as in one process (a record depends on its document alone). A shorter batch stays in process: starting
workers and loading their models costs seconds.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

from parley import budget
from parley.context import Context
from parley.document import Document
from parley.ingest import IngestError, RawDocument, read_path


def printable(text: str) -> str:
    """``text`` with what UTF-8 cannot encode (a lone surrogate from JSON, an undecodable file name) escaped.

    Error records must always print and store: an id such as "x\\ud800" would otherwise raise in the very
    line that reports it.
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def error_record(doc_id: str, reason: str, source: str = "", report: bool = True) -> dict[str, str]:
    """The one-line error of a document (printed on stderr as JSON when ``report``)."""
    rec = {"id": printable(str(doc_id)), "error": printable(str(reason))}
    if source:
        rec["source"] = printable(str(source))
    if report:
        print(json.dumps(rec, ensure_ascii=False), file=sys.stderr, flush=True)
    return rec


def read_all(inputs: Iterable[tuple[Path, str] | Path]) -> Iterator[RawDocument | IngestError]:
    """``ingest.read_path`` over every ``(file, document id)`` pair (``ingest.expand_inputs``; a bare path takes
    its stem); a file whose reading raises becomes that file's error, the rest goes on."""
    for item in inputs:
        f, doc_id = item if isinstance(item, tuple) else (item, None)
        try:
            yield from read_path(f, doc_id)
        except Exception as err:  # reading must never stop the batch (a deep JSON line, an odd file system)
            yield IngestError(printable(doc_id or f.stem), f"could not be read ({type(err).__name__}: {err})",
                              printable(str(f)))


WORKERS_OPTION = "workers"  # ctx option: worker processes (None = one per usable core; 0 or 1 = in process)
POOL_MIN = 24  # documents to analyse before worker processes pay for their start


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def analyze_all(items: Iterable[RawDocument | IngestError], ctx: Context,
                skip: Callable[[RawDocument], bool] | None = None,
                report: bool = True, workers: int | None = None) -> Iterator[tuple[str, Document | RawDocument | dict]]:
    """Yield ("doc", Document) / ("error", dict) / ("skip", RawDocument) for each input article, in input order.

    Errors are printed on stderr as they happen unless ``report`` is False (Dask workers return them instead).
    ``workers`` (default ``ctx.option("workers")``, else one per core) > 1 analyses a batch of at least
    ``POOL_MIN`` documents in that many processes, each with a Context made from ``ctx.options`` and
    ``ctx.memory`` (never the resources ``ctx`` has loaded: each worker loads its own).
    """
    if workers is None:
        workers = ctx.option(WORKERS_OPTION)
    if workers is None:
        workers = default_workers()
    items = iter(items)
    if workers > 1:
        head = list(islice(items, POOL_MIN))
        items = chain(head, items)
        if len(head) >= POOL_MIN:
            yield from _pooled(items, ctx, skip, report, workers)
            return
    yield from _in_process(items, ctx, skip, report)


def _in_process(items: Iterable[RawDocument | IngestError], ctx: Context, skip, report: bool):
    from parley.pipeline import analyze  # the stages load only when a batch runs (not for ``serve``, ``export``)

    for item in items:
        if isinstance(item, IngestError):
            yield "error", error_record(item.id, item.reason, item.source, report)
            continue
        if skip is not None and skip(item):
            yield "skip", item
            continue
        try:
            with budget.document(ctx):
                doc = analyze(item, ctx)
            yield "doc", doc
        except budget.BudgetExceeded as err:  # that document's error; the batch goes on
            yield "error", error_record(item.id, str(err), item.source, report)
        except IngestError as err:
            yield "error", error_record(err.id, err.reason, item.source, report)
        except Exception as err:  # one bad article must not stop the batch
            yield "error", error_record(item.id, f"{type(err).__name__}: {err}", item.source, report)


def store_results(store, results: Iterable[tuple[str, object]], counts: dict[str, int], errors: list[dict],
                  changed: set[str], advance: Callable[[], None] = lambda: None) -> None:
    """Upsert each analysed document of ``results`` into ``store`` (one transaction each), counting inputs,
    added / replaced / unchanged / failed in ``counts``, the error records in ``errors`` and the ids whose rows
    changed in ``changed`` (for the incremental corpus rebuild). A document that cannot be stored is that
    document's error; the rest goes on."""
    for kind, value in results:
        advance()
        counts["inputs"] += 1
        if kind == "error":
            counts["failed"] += 1
            errors.append(value)
        elif kind == "skip":
            counts["unchanged"] += 1
        else:
            try:
                status = store.upsert(value)  # one transaction: a failure leaves nothing behind
            except Exception as err:  # e.g. text SQLite cannot encode: that document's error
                counts["failed"] += 1
                errors.append(error_record(value.id, f"could not be stored ({type(err).__name__}: {err})",
                                           value.source))
                continue
            counts[status] += 1
            if status != "unchanged":
                changed.add(value.id)


# --- worker processes ----------------------------------------------------------------------------------

_WORKER: dict[tuple[int, str], Context] = {}


def worker_context(options: dict, memory: dict | None = None) -> Context:
    """This thread's Context for ``options``, made once (so a Dask worker loads its models once for all its
    partitions; one per thread, as a Context holds the current document's deadline and parse). Its event
    encoder runs one intra-op thread (``Encoder``'s default): the workers already fill the cores, and the vectors
    are the same for any thread count (checked in tests/test_batch_workers.py)."""
    key = (threading.get_ident(), json.dumps(options, sort_keys=True, default=str))
    if key not in _WORKER:
        from parley.pipeline import wire

        ctx = wire(Context(options=dict(options), memory=dict(memory or {})))
        _WORKER[key] = ctx
    return _WORKER[key]


def _worker_init(options: dict, memory: dict) -> None:
    worker_context(options, memory)


def _worker_analyze(raw: RawDocument, options: dict) -> tuple[str, Document | dict]:
    """One document in a worker; its error record comes back unprinted (the parent prints it)."""
    return next(_in_process([raw], worker_context(options), None, False))


def _pool(ctx: Context, workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    memory = {k: v for k, v in ctx.memory.items() if not k.startswith("nlp.")}  # never the current parse
    # spawn, not fork: the parent may hold threads (a progress bar, an ONNX session) that fork would break
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init, initargs=(ctx.options, memory))


def _pooled(items: Iterator[RawDocument | IngestError], ctx: Context, skip, report: bool, workers: int):
    """``_in_process`` over ``workers`` processes: reading, skipping and printing stay in this process (a store's
    connection belongs to its thread), at most ``4 × workers`` documents are in flight, results keep input order.
    A worker that dies (killed, out of memory) breaks the pool: the documents in flight (at most ``4 × workers + 1``)
    are errors, as nothing tells which one killed it, and a new pool takes the rest."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(ctx, workers)
    pending: deque = deque()  # ("ready", (kind, value)) | ("future", (raw, future))

    def settle(entry):
        nonlocal pool
        tag, value = entry
        if tag == "ready":
            return value
        raw, future = value
        try:
            kind, result = future.result()
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _pool(ctx, workers)
            return "error", error_record(raw.id, "its worker process died", raw.source, report)
        if kind == "error" and report:
            print(json.dumps(result, ensure_ascii=False), file=sys.stderr, flush=True)
        return kind, result

    try:
        for item in items:
            if isinstance(item, IngestError):
                pending.append(("ready", ("error", error_record(item.id, item.reason, item.source, report))))
            elif skip is not None and skip(item):
                pending.append(("ready", ("skip", item)))
            else:
                try:
                    future = pool.submit(_worker_analyze, item, ctx.options)
                except BrokenProcessPool:  # the pool broke while settling an earlier document
                    pool = _pool(ctx, workers)
                    future = pool.submit(_worker_analyze, item, ctx.options)
                pending.append(("future", (item, future)))
            while pending and (pending[0][0] == "ready" or len(pending) > 4 * workers):
                yield settle(pending.popleft())
        while pending:
            yield settle(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
