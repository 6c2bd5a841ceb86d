"""The clean stage's entry: a RawDocument in, a Document with body text, title, outlet and date out.

``text`` is the article body only: one paragraph per kept line, paragraphs separated by a blank line. What
was removed is kept for inspection (``boilerplate``; captions, credits, standfirst, subheads, byline and
reader comments in their own fields or ``meta``). Each job is its own module: ``html`` (HTML to lines),
``page`` (line classification), ``outlet``, ``published`` (date and basis).
"""

from __future__ import annotations

from typing import Any

from parley.clean.html import from_html
from parley.clean.outlet import find_outlet
from parley.clean.page import parse_page
from parley.clean.published import publication_date
from parley.context import Context
from parley.document import Document
from parley.ingest import IngestError, RawDocument


def clean(raw: RawDocument, ctx: Context | None = None) -> Document:
    """Pipeline entry: a RawDocument in, a Document with cleaned text, title, outlet and date out."""
    memory = getattr(ctx, "memory", None) or {}
    line_counts = memory.get("line_counts")
    repeat_min = ctx.option("clean_repeat_min", 3) if ctx is not None and hasattr(ctx, "option") else 3
    info: dict[str, Any] = {}
    content = raw.content
    if raw.kind == "html":
        content, info = from_html(raw)
    p = parse_page(content, raw.title or info.get("title"), line_counts, repeat_min)
    if not p.body:
        raise IngestError(raw.id, "no article body found after removing page chrome", raw.source)
    text = "\n\n".join(ln.text for ln in p.body)
    url = raw.url or info.get("url")
    meta: dict[str, Any] = {"encoding": raw.encoding, "kind": raw.kind}
    given = (raw.meta or {}).get("outlet")  # a JSONL record may name its outlet
    if isinstance(given, str) and given.strip():
        outlet, outlet_name, evidence = given.strip(), given.strip(), ["given with the input"]
    else:
        outlet, outlet_name, evidence = find_outlet(p, url, info.get("sitename"))
    if outlet:
        meta["outlet_name"] = outlet_name
        meta["outlet_evidence"] = evidence
    published, basis = publication_date(raw, p, info.get("date"), url, meta, ctx)
    for key, val in (("standfirst", " ".join(p.standfirst)), ("subheads", p.subheads), ("byline", p.bylines),
                     ("comments", p.comments)):
        if val:
            meta[key] = val
    if info.get("author"):
        meta["author"] = info["author"]
    removed = [ln.text for ln in p.lines if ln.kind != "body"]
    return Document(
        id=raw.id, source=raw.source, content_hash=raw.content_hash, url=url,
        title=p.title, outlet=outlet, published=published, published_basis=basis, text=text,
        credits=p.credits, boilerplate="\n".join(removed), captions=p.captions, meta=meta,
    )
