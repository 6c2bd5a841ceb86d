"""HTML pages: the main text and metadata via trafilatura, the date via htmldate.

Why a library: trafilatura's extraction (one module per job: metadata, HTML processing, deduplication) is
well tested on news pages; its text (paragraphs on single lines) then goes through the same line classifier
as plain-text pages, so HTML and text share every later rule.

Reader comments are never date evidence: htmldate reads ``<time>`` elements and date-like text anywhere in the
page, so on a page without date metadata the first comment's timestamp became the publication date. The
comment sections (found with trafilatura's own comment XPaths, the ones its extraction drops) are removed
from the tree htmldate reads.
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

        tree = _without_comments(raw.content)
        info["date"] = find_date(tree, url=raw.url, extensive_search=False, original_date=True) if tree is not None \
            else None
    except Exception:  # htmldate is an aid; its failure leaves the date to the text rules
        info["date"] = None
    # trafilatura separates paragraphs with single newlines; each is a line for the plain-text cleaner
    return text, info



def _without_comments(html: str):
    """The page's lxml tree with its reader-comment sections removed (None when it does not parse)."""
    from trafilatura.utils import load_html
    from trafilatura.xpaths import COMMENTS_XPATH, REMOVE_COMMENTS_XPATH

    tree = load_html(html)
    if tree is None:
        return None
    for xpath in (*COMMENTS_XPATH, *REMOVE_COMMENTS_XPATH):
        for el in xpath(tree):
            if el.getparent() is not None:
                el.drop_tree()  # the element only: text after it stays
    return tree
