"""The clean stage's entry: a RawDocument in, a Document with body text, title, outlet and date out.

``text`` is the article: body paragraphs, section headings and the standfirst (quotes and events in them are
the article's too), one paragraph per kept line, separated by a blank line; ``meta["subheads"]`` and
``meta["standfirst"]`` repeat the headings and standfirst, ``meta["subhead_spans"]`` and
``meta["standfirst_spans"]`` give their offsets in ``text``. What was removed is kept for inspection
(``boilerplate``; captions, credits, byline and reader comments in their own fields or ``meta``). Each job is its own module: ``html`` (HTML to lines),
``header`` (a plain-text file's glued byline and highlights), ``glued`` (its captions run into a sentence), ``page`` (line classification), ``outlet``, ``published`` (date and basis).
"""

from __future__ import annotations

from typing import Any

from parley.clean.glued import split_glued
from parley.clean.header import split_header, split_stamp
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
    byline = stamp = None
    if raw.kind == "html":
        content, info = from_html(raw)
    elif raw.kind == "text":  # a plain-text dump: byline and highlights glued to the lede (``clean.header``)
        stamp, headline, content = split_stamp(content)  # a wire page stamp, teasers before an article label
        byline, header, content = split_header(content)
        info["standfirst"] = " ".join(x for x in (headline, header) if x) or None
        content = split_glued(content)  # a caption or headline run into the next sentence on its line
    p = parse_page(content, raw.title or info.get("title"), line_counts, repeat_min, extracted=raw.kind == "html",
                   standfirst=info.get("standfirst"), markup=info.get("markup_chrome"))
    for b in (stamp, byline):
        if b:
            p.bylines.insert(0, b)
    if not p.text:
        cut = f" ({info['cut']})" if info.get("cut") else ""
        raise IngestError(raw.id, f"no article body found after removing page chrome{cut}", raw.source)
    text = "\n\n".join(ln.text for ln in p.text)
    spans: dict[str, list[list[int]]] = {"subhead": [], "standfirst": []}
    pos = 0
    for ln in p.text:  # where the headings and the standfirst sit in ``text``
        if ln.kind in spans:
            spans[ln.kind].append([pos, pos + len(ln.text)])
        pos += len(ln.text) + 2
    url = raw.url or info.get("url")
    meta: dict[str, Any] = {"encoding": raw.encoding, "kind": raw.kind}
    if (raw.meta or {}).get("ingest"):  # decoding repairs and dropped JSONL fields, said where the record is read
        meta["ingest"] = raw.meta["ingest"]
    given = (raw.meta or {}).get("outlet")  # a JSONL record may name its outlet
    if isinstance(given, str) and given.strip():
        outlet, outlet_name, evidence = given.strip(), given.strip(), ["given with the input"]
    else:
        outlet, outlet_name, evidence = find_outlet(p, url, info.get("sitename"), html=raw.kind == "html")
    if outlet:
        meta["outlet_name"] = outlet_name
        meta["outlet_evidence"] = evidence
    published, basis = publication_date(raw, p, info.get("date"), url, meta, ctx, info.get("date_source"))
    for key, val in (("standfirst", " ".join(p.standfirst)), ("subheads", p.subheads), ("byline", p.bylines),
                     ("comments", p.comments)):
        if val:
            meta[key] = val
    for kind, key in (("subhead", "subhead_spans"), ("standfirst", "standfirst_spans")):
        if spans[kind]:
            meta[key] = spans[kind]
    if info.get("cut"):  # the page was over the markup limits (clean.html.bound_markup)
        meta["html_cut"] = info["cut"]
    if info.get("author"):
        meta["author"] = info["author"]
    removed = [ln.text for ln in p.lines if ln.kind not in ("body", "subhead", "standfirst")]
    return Document(
        id=raw.id, source=raw.source, content_hash=raw.content_hash, url=url,
        title=p.title, outlet=outlet, published=published, published_basis=basis, text=text,
        credits=p.credits, boilerplate="\n".join(removed), captions=p.captions, meta=meta,
    )
