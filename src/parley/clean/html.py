"""HTML pages: the main text and metadata via trafilatura, the date via htmldate.

Why a library: trafilatura's extraction (one module per job: metadata, HTML processing, deduplication) is
well tested on news pages; its text (paragraphs on single lines) then goes through the same line classifier
as plain-text pages, so HTML and text share every later rule.
"""

from __future__ import annotations

from typing import Any

from parley.ingest import IngestError, RawDocument


def from_html(raw: RawDocument) -> tuple[str, dict[str, Any]]:
    import trafilatura

    try:
        res = trafilatura.bare_extraction(raw.content, url=raw.url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as err:  # trafilatura raises on malformed trees
        raise IngestError(raw.id, f"HTML could not be parsed ({type(err).__name__})", raw.source) from None
    d = res.as_dict() if res is not None and hasattr(res, "as_dict") else (res or {})
    text = (d.get("text") or "").strip()
    if sum(ch.isalpha() for ch in text) < 40:
        raise IngestError(raw.id, "HTML page has no article body (no main text found by trafilatura)", raw.source)
    info = {"title": d.get("title"), "sitename": d.get("sitename"), "url": d.get("url") or raw.url,
            "date": None, "author": d.get("author"), "description": d.get("description")}
    try:
        from htmldate import find_date

        info["date"] = find_date(raw.content, url=raw.url, extensive_search=False, original_date=True)
    except Exception:  # htmldate is an aid; its failure leaves the date to the text rules
        info["date"] = None
    # trafilatura separates paragraphs with single newlines; each is a line for the plain-text cleaner
    return text, info

