"""The per-article pipeline: clean, then each stage in order over one Document.

``analyze(raw, ctx)`` is the one entry point used by the CLI, the store runner and the Dask runner.
``wire(ctx)`` registers the resources a stage takes from a later stage's data (the clean stage's office
tenures come from the actor dictionaries), so no stage imports a later one; ``analyze`` wires its context.
"""

from __future__ import annotations

from collections.abc import Callable

from parley import actors, budget, clean, events, nlp, places, quotes, text, timex
from parley.clean.tenure import RESOURCE as OFFICE_TENURES
from parley.context import Context
from parley.document import Document
from parley.ingest import RawDocument

Stage = Callable[[Document, Context], Document]

# nlp.annotate is a no-op unless ctx.options["spacy_model"] names a spaCy pipeline (``--spacy-model``)
STAGES: list[Stage] = [text.segment, nlp.annotate, actors.annotate, timex.annotate, quotes.annotate,
                       events.annotate, places.annotate]


def wire(ctx: Context | None = None) -> Context:
    """``ctx`` (a new Context if None) with the cross-stage resources provided; idempotent."""
    ctx = ctx if ctx is not None else Context()
    ctx.provide(OFFICE_TENURES, actors.office_tenures)
    return ctx


def analyze(raw: RawDocument, ctx: Context | None = None) -> Document:
    """One raw article in, one fully annotated Document out."""
    ctx = wire(ctx)
    name = "clean"
    try:
        doc = clean.clean(raw, ctx)
        for stage in STAGES:
            name = f"{stage.__module__.removeprefix('parley.')}.{stage.__name__}"
            budget.check(ctx, name)  # under a budget (``budget.document``), a document past it stops here
            doc = stage(doc, ctx)
    except budget.BudgetExceeded as err:
        raise budget.BudgetExceeded(f"{err} (in {name})" if "(in " not in str(err) else str(err)) from None
    finally:
        nlp.release(ctx)  # the optional spaCy parse is never kept past its document
    return doc
