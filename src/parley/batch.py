"""The batch runner: analyze a stream of raw articles, one result per article, the batch never stopped by one.

Why its own module: the local engine (``parley analyze``/``run`` in ``cli``) and the Dask workers (``scale``)
run the same loop, so it lives below both. Each input yields exactly one ("doc", Document),
("skip", RawDocument) or ("error", {"id", "error"[, "source"]}) pair; an error record is printed as one JSON
line on stderr unless the caller collects it (``report=False``, the Dask workers). Nothing a document does —
in reading (``read_all``), in analysis, or in storing (``cli.run_into_store``) — stops the batch.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
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


def analyze_all(items: Iterable[RawDocument | IngestError], ctx: Context,
                skip: Callable[[RawDocument], bool] | None = None,
                report: bool = True) -> Iterator[tuple[str, Document | RawDocument | dict]]:
    """Yield ("doc", Document) / ("error", dict) / ("skip", RawDocument) for each input article.

    Errors are printed on stderr as they happen unless ``report`` is False (Dask workers return them instead).
    """
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
