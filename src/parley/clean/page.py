"""Page structure: which line of a scraped page is body, title, standfirst, caption, credit, comment or chrome.

Why positions relative to the body: the body is the main contiguous block of prose lines; chrome sits around
it, reader comments follow it from a comments header (confirmed by a count, a timestamp or a comment-form
notice) to the end of the page, and closing credits or a copyright footer in its second half end it.
``parse_page`` classifies every line (``Line.kind``) and collects the pieces the Document keeps:

- body lines verbatim (whitespace collapsed), quotes included; a body line that opens a quotation and never
  closes it is still body;
- photo captions (adjacent exact/prefix duplicates and lines with caption cues that hold no quotation),
  pull-quotes (a truncated line whose words recur inside a longer line, plus a bare-name line after it),
  reader comments (parsed into {author, text, time}; their timestamps are *not* publication evidence except
  as an upper bound), credits, copyright footers, and lines repeated across the corpus
  (``ctx.memory["line_counts"]`` built with ``count_lines``; a line in at least ``repeat_min`` documents that is
  short or not a sentence);
- the standfirst (a sentence-length line between title and body with no terminal punctuation) and short
  section headings inside the body: both are the article's and stay in ``Page.text`` (quotes and events in
  them are found), and are listed apart too; ``Page.body`` keeps the body paragraphs proper, the lines the
  date and outlet rules read (a dateline opens the first of them, the lead is the first two).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from parley.clean.dates import BYLINE_LABEL, COPYRIGHT_CUE, TIMESTAMP_LINE, parse_date
from parley.clean.lines import (
    INTERROGATIVES,
    NAME_LINE,
    QUOTE_MARK,
    Line,
    addresses_reader,
    appeals,
    credit_sentences,
    is_caption,
    is_chrome,
    is_comment_header,
    is_comment_notice,
    is_related_header,
    line_key,
    line_words,
    names_social,
    split_lines,
)


@dataclass
class Page:
    lines: list[Line]
    title: str | None = None
    standfirst: list[str] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    comment_times: list[date] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)  # the body paragraphs proper: the date and outlet rules read these
    text: list[Line] = field(default_factory=list)  # what ``Document.text`` holds: body, subheads and standfirst


def parse_page(content: str, title_hint: str | None, line_counts: Counter | None, repeat_min: int,
               extracted: bool = False, standfirst: str | None = None, markup=None) -> Page:
    """Classify the lines of ``content``; ``extracted`` when it is an extractor's main text (HTML via trafilatura).

    An extractor has already cut the page's navigation and sidebars, so on its output a line is removed only
    when it is demonstrably chrome (a UI label, a comment block, a copyright footer, a credit, a caption, a
    line repeated across the corpus); lines around the prose block that the position rules would call
    headline, chrome or tail are article text there (kickers, list items, short closing paragraphs).
    ``standfirst``: a standfirst found outside ``content`` (the HTML page's printed description), put first.
    ``markup``: the HTML page's ``MarkupChrome`` (``clean.html_chrome``): a line it ``holds`` is chrome.
    """
    lines = split_lines(f"{standfirst}\n\n{content}" if standfirst else content)
    p = Page(lines)
    n = len(lines)
    if not n:
        return p
    title_key = line_words(title_hint) if title_hint else None

    # 1. local features that do not need the body: chrome labels, timestamps, credits, captions, copyright
    for ln in lines:
        if title_key and line_words(ln.text) == title_key:
            ln.kind = "title"
        elif TIMESTAMP_LINE.match(ln.text):
            ln.kind = "timestamp"
        elif is_chrome(ln.text) and ln.words <= 8:
            ln.kind = "chrome"
        elif is_comment_notice(ln.text):
            ln.kind = "comment_notice"
        elif COPYRIGHT_CUE.search(ln.text) and ln.words <= 60 and not QUOTE_MARK.search(ln.text):
            ln.kind = "footer"
        elif credit_sentences(ln.text) is not None:
            ln.kind = "credit"
        elif is_caption(ln):
            ln.kind = "caption"
        elif line_counts and line_counts.get(line_key(ln.text), 0) >= repeat_min and (ln.words < 12 or not ln.prose):
            ln.kind = "repeated"
        elif markup is not None and markup.holds(ln.text):
            ln.kind = "widget"

    if standfirst and lines:
        lines[0].kind = "standfirst"

    # 2. adjacent exact / prefix duplicates: a caption printed twice (or a paragraph scraped twice)
    for a, b in zip(lines, lines[1:], strict=False):
        ka, kb = line_words(a.text), line_words(b.text)
        if len(ka) < 20 or not (ka == kb or kb.startswith(ka) or ka.startswith(kb)):
            continue
        if a.kind in ("", "caption") and b.kind in ("", "caption"):
            if is_caption(a) or is_caption(b) or not (a.prose or b.prose):
                a.kind = b.kind = "caption"
            else:
                b.kind = "duplicate"

    if extracted:
        _related_and_promos(lines)
        _appeal_tail(lines)

    # 3. comments: a header after some prose opens a block that runs to the end of the page
    first_prose = next((ln.idx for ln in lines if ln.prose and not ln.kind), n)
    start = next((ln.idx for ln in lines if ln.idx > first_prose and not ln.prose and is_comment_header(ln.text)
                  and _opens_comments(lines[ln.idx:])), None)
    if start is None:  # a comment-form notice after the body also ends it
        start = next((ln.idx for ln in lines if ln.idx > first_prose and ln.kind == "comment_notice"), None)
    tail_start = n
    if start is not None:
        tail_start = start
        _comments(lines[start:], p)

    # 4. closing credits / copyright footer in the second half of the prose end the article
    prose_idx = [ln.idx for ln in lines if ln.prose and not ln.kind and ln.idx < tail_start]
    if prose_idx:
        half = prose_idx[len(prose_idx) // 2]
        for ln in lines[:tail_start]:
            if ln.kind in ("credit", "footer") and ln.idx > half and ln.words > 2:
                tail_start = ln.idx
                break

    # 5. body = the main contiguous block(s) of prose lines before the tail
    body_lo, body_hi = _body_span(lines, tail_start)

    # 6. pull-quotes: a truncated line whose words recur inside another, longer line
    keys = {ln.idx: line_words(ln.text) for ln in lines}
    for ln in lines[:tail_start] if tail_start <= 3000 else []:  # quadratic: skipped on book-length inputs
        if ln.kind or ln.words < 6 or ln.terminal:
            continue
        k = keys[ln.idx]
        if any(o.idx != ln.idx and len(keys[o.idx]) > len(k) and k in keys[o.idx] for o in lines[:tail_start]):
            ln.kind = "pullquote"
            nxt = lines[ln.idx + 1] if ln.idx + 1 < n else None
            if nxt and not nxt.kind and not nxt.terminal and NAME_LINE.match(nxt.text):
                nxt.kind = "pullquote"
    if body_lo is not None and lines[body_lo].kind == "pullquote":
        body_lo, body_hi = _body_span(lines, tail_start)

    # 7. assign every remaining line by position
    if body_lo is None:  # no sentence-like line at all (a short note): keep every line the features did not remove
        free = [ln for ln in lines[:tail_start] if not ln.kind]
        if len(free) > 1 and not title_key and not free[0].terminal and not is_chrome(free[0].text):
            free[0].kind = "headline"
        for ln in free[1:] if free and free[0].kind else free:
            ln.kind = "body"
    for ln in lines:
        if ln.idx >= tail_start:
            if not ln.kind:
                ln.kind = "tail"
            continue
        if ln.kind:
            continue
        if body_lo is None or ln.idx < body_lo:
            ln.kind = _head_kind(ln, p)
            if extracted and ln.kind in ("chrome", "headline") and (title_key or ln.kind == "chrome"):
                ln.kind = "body" if ln.terminal else "subhead" if ln.words <= 10 else "standfirst"
        elif ln.idx > body_hi:
            ln.kind = ("body" if ln.prose or ln.terminal or ln.words > 10 else "subhead") if extracted else "tail"
        elif ln.prose or ln.terminal:
            ln.kind = "body"
        elif ln.words <= 10 or (ln.text.endswith("?") and ln.words <= 6):
            ln.kind = "subhead"
        else:
            ln.kind = "body"  # a long line that lost its final period is still prose
    for ln in lines:  # "A meeting 'very soon'?" is a heading; "Why did they leave?" is a sentence
        if (ln.kind == "body" and ln.text.endswith("?") and ln.words <= 6 and not ln.quote_open
                and ln.text.split()[0].lower() not in INTERROGATIVES):
            ln.kind = "subhead"

    # 8. collect
    for ln in lines:
        if ln.kind in ("body", "subhead", "standfirst"):  # headings and the standfirst belong to the article
            p.text.append(ln)
        if ln.kind == "body":
            p.body.append(ln)
        elif ln.kind == "subhead":
            p.subheads.append(ln.text)
        elif ln.kind == "caption":
            if not p.captions or not line_words(p.captions[-1]) or not (
                    line_words(ln.text).startswith(line_words(p.captions[-1])) or line_words(p.captions[-1]).startswith(line_words(ln.text))):
                p.captions.append(ln.text)
            elif len(ln.text) < len(p.captions[-1]):
                p.captions[-1] = ln.text  # keep the shorter copy (the longer one carries a trailing credit)
        elif ln.kind == "credit":
            p.credits.extend(credit_sentences(ln.text) or [ln.text])
        elif ln.kind == "footer":
            p.footers.append(ln.text)
        elif ln.kind == "standfirst":
            p.standfirst.append(ln.text)
        elif ln.kind == "byline":
            p.bylines.append(ln.text)
        elif ln.kind == "timestamp" and ln.idx < (body_lo if body_lo is not None else n):
            p.bylines.append(ln.text)
        elif ln.kind == "headline" and p.title is None:
            p.title = ln.text
    if title_hint:
        p.title = title_hint
    return p


_HANDLE = re.compile(r"(?<!\w)@\w{2,}|https?://|www\.")


def _related_and_promos(lines: list[Line]) -> None:
    """Extracted text: related-links blocks and the follow/join promos after the article's last sentence.

    A related-links header opens a block of teaser lines (headlines, dates: no full sentence) that runs to the
    next sentence-like line, or to the end when no sentence follows. After the last sentence-like line, a short
    line naming a social platform is a promo ("Follow us on Twitter", "join our Telegram channel") when it
    gives a handle or link, names two platforms, is no sentence, or speaks to the reader.
    """
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind in ("", "chrome") and (ln.words <= 12 or ":" in ln.text[:40]) and ln.words <= 30 \
                and is_related_header(ln.text):
            ln.kind = "related"
            j = i + 1
            while j < len(lines) and not lines[j].prose and lines[j].words <= 20:
                lines[j].kind = lines[j].kind or "related"
                j += 1
            i = j
            continue
        i += 1
    def promo(ln: Line) -> bool:  # a handle or link, two platforms, a bare label, or the reader addressed
        return ln.words <= 40 and names_social(ln.text) and (
            bool(_HANDLE.search(ln.text)) or names_social(ln.text) >= 2 or not ln.prose
            or addresses_reader(ln.text))

    last = max((ln.idx for ln in lines if ln.prose and not ln.kind and not promo(ln)), default=-1)
    for ln in lines[last + 1:]:
        if not ln.kind and promo(ln):
            ln.kind = "chrome"


def _appeal_tail(lines: list[Line], most: int = 12) -> None:
    """Extracted text: the closing block in which the site asks its readers to subscribe, donate or support it.

    The block starts at a line with an appeal cue (``appeals``) and runs to the end of the page's unclassified
    lines, at most ``most`` of them; it holds two or more appeal lines, and two thirds of its sentences
    address the reader or appeal, none of them inside a quotation, and one at least addresses the reader (a
    report on a paper's paywall quotes people and does not speak to "you"). Some article must come before it (two sentences). The earliest such start wins.
    """
    free = [ln for ln in lines if not ln.kind]

    def voiced(ln: Line) -> bool:
        return not QUOTE_MARK.search(ln.text) and (appeals(ln.text) or addresses_reader(ln.text))

    start = None
    for s in range(len(free) - 1, max(-1, len(free) - most - 1), -1):
        tail = free[s:]
        if not voiced(tail[0]) or not appeals(tail[0].text):
            continue
        prose = [ln for ln in tail if ln.prose]
        if (sum(voiced(ln) and appeals(ln.text) for ln in tail) >= 2 and 3 * sum(map(voiced, prose)) >= 2 * len(prose)
                and any(voiced(ln) and addresses_reader(ln.text) for ln in tail)
                and sum(ln.prose for ln in free[:s]) >= 2):
            start = s
    for ln in free[start:] if start is not None else []:
        ln.kind = "appeal"


def _body_span(lines: list[Line], tail_start: int) -> tuple[int | None, int | None]:
    """First and last line of the article body: clusters of prose lines, gaps of a few other lines allowed."""
    clusters: list[list[Line]] = []
    gap = 0
    for ln in lines[:tail_start]:
        if ln.kind:  # already classified chrome/captions do not break the body
            continue
        if ln.prose:
            if clusters and gap <= 4:
                clusters[-1].append(ln)
            else:
                clusters.append([ln])
            gap = 0
        else:
            gap += 1
    if not clusters:
        return None, None
    mass = [sum(len(x.text) for x in c) for c in clusters]
    main = max(range(len(clusters)), key=mass.__getitem__)
    keep = [i for i, c in enumerate(clusters) if i == main or len(c) >= 3 or mass[i] >= 0.4 * mass[main]]
    return clusters[keep[0]][0].idx, clusters[keep[-1]][-1].idx


def _head_kind(ln: Line, p: Page) -> str:
    """A line before the body: headline, byline, standfirst or chrome."""
    m = BYLINE_LABEL.match(ln.text)
    if m and parse_date(m.group("rest")):
        return "byline"
    if p.title is None and not any(x.kind == "headline" for x in p.lines[: ln.idx]):
        if 3 <= ln.words <= 30 and not ln.text.endswith(".") and (ln.text[0].isupper() or ln.quote_open
                                                                 or ln.text[0].isdigit()):
            return "headline"
    if ln.words >= 8 and any(x.kind == "headline" for x in p.lines[: ln.idx]):
        return "standfirst"
    return "chrome"


def _opens_comments(block: list[Line]) -> bool:
    """A comments header is confirmed by a count ("Comments (5)"), timestamps or a comment-form notice after it."""
    return bool(re.search(r"\d", block[0].text)) or any(
        ln.kind in ("timestamp", "comment_notice") for ln in block[1:])


def _comments(block: list[Line], p: Page) -> None:
    """Parse a reader-comments block into {author, text, time} entries; mark its lines."""
    cur: list[str] = []
    author = None
    for ln in block:
        if ln.kind == "comment_notice" or is_comment_header(ln.text) or (is_chrome(ln.text) and ln.words <= 8):
            ln.kind = ln.kind or "chrome"
            continue
        if TIMESTAMP_LINE.match(ln.text):
            ln.kind = "comment"
            d = parse_date(ln.text)
            if d:
                p.comment_times.append(d)
            if cur or author:
                p.comments.append({"author": author, "text": "\n".join(cur), "time": d.isoformat() if d else None})
            cur, author = [], None
            continue
        ln.kind = "comment"
        if not cur and author is None and ln.words <= 5 and not ln.terminal:
            author = ln.text
        else:
            cur.append(ln.text)
    if cur:
        p.comments.append({"author": author, "text": "\n".join(cur), "time": None})

