"""HTML pages: the main text and metadata via trafilatura, the date via htmldate.

Why a library: trafilatura's extraction (one module per job: metadata, HTML processing, deduplication) is
well tested on news pages; its text (paragraphs on single lines) then goes through the same line classifier
as plain-text pages, so HTML and text share every later rule. Tables are kept (trafilatura's own benchmark
keeps them: they hold article content). When the default extraction finds next to nothing (under
``_THIN`` letters: a tagline or a teaser), it is run again favouring recall, so a page with an article body
does not end as "no article body". A standfirst the page prints outside the article element (the page's
description, when visible) is returned as ``info["standfirst"]``.

The date is htmldate's, with its extensive search and ``original_date`` (the first publication, not the
last update), given the URL when known; ``info["date_source"]`` says whether the page's metadata holds it
(``meta``) or only htmldate's search of the page text found it (``page``), so the text rules can weigh it.
Reader comments are never date evidence: htmldate reads ``<time>`` elements and date-like text anywhere in
the page, so the comment sections (trafilatura's own comment XPaths, the ones its extraction drops) are
removed from the tree htmldate reads.

The markup's cost is bounded before any parser sees it (``bound_markup``): see its docstring.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from parley.clean.html_chrome import MarkupChrome
from parley.ingest import IngestError, RawDocument

_THIN = 200  # letters: less than a short paragraph

# Limits on what the parsers are given. The largest of the 230 real pages in html-dev (up to 1.6 MB) has 5,535
# start tags (dailymail.co.uk) and 6,300 character references (nymag.com); the limits are 5x and 8x those.
MAX_ELEMENTS = 30_000
MAX_REFERENCES = 50_000
_START_TAG = re.compile(r"<[A-Za-z]")
_REFERENCE = re.compile(r"&[#A-Za-z]")


def bound_markup(html: str) -> tuple[str, str | None]:
    """The page cut before its ``MAX_ELEMENTS + 1``-th start tag or ``MAX_REFERENCES + 1``-th entity, and a note.

    Why before parsing: lxml and trafilatura run in C and library code that the per-document time budget's
    timer cannot interrupt, and trafilatura's time grows faster than the element count (``<p>`` tags, this
    machine: 20,000 take 1.5 s, 50,000 take 6 s, 200,000 took 251 s), so the budget alone does not bound
    a hostile page. The scan is two regex passes that stop at the limit: linear in the page, never more.

    Why cut rather than refuse: where a real page is that large, the excess is what follows the article (a
    reader-comment thread, an endless list of links), and news templates put the article first; the prefix
    keeps it, and a bomb's prefix is parsed at a bounded cost (and then usually has no article body, which
    is the document's error). The cut is said (``info["cut"]``, the record's ``meta["html_cut"]``), so a
    shortened article is never silent. Returns the note ``None`` when the page is within the limits.
    """
    cut, why = len(html), None
    for pattern, limit, what in ((_START_TAG, MAX_ELEMENTS, "start tags"), (_REFERENCE, MAX_REFERENCES,
                                                                              "character references")):
        over = next(islice(pattern.finditer(html, 0, cut), limit, None), None)
        if over is not None:
            cut, why = over.start(), f"over {limit:,} {what}"
    if why is None:
        return html, None
    return html[:cut], f"HTML cut at character {cut:,} of {len(html):,} ({why}): the rest was not read"


def from_html(raw: RawDocument) -> tuple[str, dict[str, Any]]:
    import trafilatura

    content, cut = bound_markup(raw.content)

    def extract(**opts):
        try:
            res = trafilatura.bare_extraction(content, url=raw.url, with_metadata=True, include_comments=False,
                                              include_tables=True, **opts)
        except Exception as err:  # trafilatura raises on malformed trees
            raise IngestError(raw.id, f"HTML could not be parsed ({type(err).__name__})", raw.source) from None
        return res.as_dict() if res is not None and hasattr(res, "as_dict") else (res or {})

    d = extract()
    text = (d.get("text") or "").strip()
    if _letters(text) < _THIN:
        more = extract(favor_recall=True)
        if _letters((more.get("text") or "").strip()) > _letters(text):
            d, text = more, (more.get("text") or "").strip()
    if _letters(text) < 40:
        why = f"; {cut}" if cut else ""
        raise IngestError(raw.id, f"HTML page has no article body (no main text found by trafilatura{why})",
                          raw.source)
    info = {"title": d.get("title"), "sitename": d.get("sitename"), "url": d.get("url") or raw.url,
            "date": None, "date_source": None, "author": d.get("author"), "description": d.get("description"), "cut": cut}
    from trafilatura.utils import load_html

    tree = load_html(content)  # one parse for the standfirst check and, without its comments, for htmldate
    info["standfirst"] = _shown_description(tree, d.get("description"), text)
    info["markup_chrome"] = MarkupChrome(tree, text)
    try:
        tree = _without_comments(tree)
        if tree is not None:
            info["date"], info["date_source"] = html_date(tree, raw.url)
    except Exception:  # htmldate is an aid; its failure leaves the date to the text rules
        info["date"] = None
    # trafilatura separates paragraphs with single newlines; each is a line for the plain-text cleaner
    return text, info


def html_date(tree, url: str | None) -> tuple[str | None, str | None]:
    """htmldate's publication date (extensive search, original date) and whether metadata holds it.

    ``meta``: the page's markup states it (meta tags, JSON-LD, ``<time>``, the URL), htmldate's fast pass
    finds it; ``page``: only the extensive search of the page's text found it (a date written somewhere).
    """
    from copy import deepcopy

    from htmldate import find_date

    fast = find_date(deepcopy(tree), url=url, extensive_search=False, original_date=True)  # it prunes the tree
    if fast:
        return fast, "meta"
    found = find_date(tree, url=url, extensive_search=True, original_date=True)
    return found, "page" if found else None


def _shown_description(tree, description: str | None, text: str) -> str | None:
    """The page's description when the page prints it (a standfirst) and the extraction left it out.

    News templates print the standfirst above the body, outside the element trafilatura takes as the article;
    the same text is the page's ``description`` metadata. It is kept only when it is sentence-length (8+
    words) and written in the page's visible body (scripts and metadata excluded), so an SEO summary that no
    reader sees is not added.
    """
    desc = " ".join((description or "").split())
    if tree is None or len(desc.split()) < 8 or desc[:60] in " ".join(text.split()):
        return None
    body = tree.find(".//body")
    if body is None:
        return None
    shown = body.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
                       " or ancestor::template)]")
    return desc if desc[:80] in " ".join(" ".join(shown).split()) else None


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _without_comments(tree):
    """The page's lxml tree with its reader-comment sections removed, in place (None when it did not parse)."""
    from trafilatura.xpaths import COMMENTS_XPATH, REMOVE_COMMENTS_XPATH

    if tree is None:
        return None
    for xpath in (*COMMENTS_XPATH, *REMOVE_COMMENTS_XPATH):
        for el in xpath(tree):
            if el.getparent() is not None:
                el.drop_tree()  # the element only: text after it stays
    return tree
