"""Cleaning: from a scraped page (plain text or HTML) to the article body, title, outlet and publication date.

Why line features and not a list of strings: scraped news pages differ by site but their chrome looks alike —
short lines without terminal punctuation around one contiguous block of long, sentence-like lines. Each line
gets features (word count, terminal punctuation, opening quote, timestamp shape, caption cues, credit cues,
repetition in the page and, when ``ctx.memory["line_counts"]`` is present, across the corpus) and a position
relative to the *body* — the main contiguous block of prose lines. ``data/page_chrome.yaml`` holds a few
generic UI labels as a hint for lines the features leave ambiguous.

Design choices (documented so downstream stages can rely on them):

- ``text`` is the article body only: one paragraph per kept line, paragraphs separated by a blank line.
  Every prose line of the body is kept verbatim (whitespace collapsed), quotes included; a body line that
  opens a quotation and never closes it is still body. Hard-wrapped lines (a line without terminal
  punctuation followed by one starting in lower case) are joined first.
- Removed, with the line kept for inspection in ``boilerplate``: share bars and navigation (short lines outside
  the body), photo captions (adjacent exact/prefix duplicates and lines with caption cues — "(r)", "pictured",
  "Photo credit", a trailing ", Sept. 17, 2013" — that hold no quotation; kept in ``captions``), pull-quotes
  (a truncated line whose words recur inside a longer line, plus a bare-name line after it), reader comments
  (everything from a comments header — confirmed by a count, a timestamp or a comment-form notice after it —
  to the end of the page; parsed into ``meta["comments"]``), text after the closing credits or a copyright
  footer in the second half of the page, and lines repeated across the corpus (``ctx.memory["line_counts"]``,
  built with ``count_lines``; a line in at least ``ctx.option("clean_repeat_min", 3)`` documents that is
  short or not a sentence).
- Credits ("Reported by …", "Translated by …", "… contributed to this report") go to ``credits``.
- The standfirst (a sentence-length line between title and body with no terminal punctuation) is stored in
  ``meta["standfirst"]``, not in ``text``: it restates the body and would double its events and quotes. A
  standfirst that ends like a sentence simply joins the body.
- Short section headings inside the body ("Stances 'getting closer'") are not sentences: they go to
  ``meta["subheads"]``.
- Publication date, by strength of evidence (``published_basis``): ``input`` (raw.published) > ``byline``
  ("PUBLISHED : Tuesday, 27 March, 2018", a dated line before the body, or a date with a clock time at the
  head of the text) > ``meta`` (HTML metadata) > ``url`` (a /YYYY/MM/DD/ path) > ``caption`` (a dated photo
  caption whose weekday is the weekday named in the lead, "officials said Tuesday") > ``text`` (the latest
  dated past event with at least a month, in body or captions, moved forward to the weekday named in the
  lead: the earliest date consistent with the text, so ``meta["date_lower_bound"]`` records the mention) >
  ``comment`` (the earliest reader-comment timestamp, always kept as ``meta["date_upper_bound"]``; nothing
  later counts as past evidence) > ``copyright`` (the last year of "Copyright 1998-YYYY", as YYYY-01-01:
  page templates keep stale years, so it is used only when nothing else dates the article, and
  ``meta["copyright_stale"]`` flags a copyright year earlier than the date found). ``meta["date_rule"]``
  says which rule fired and ``meta["date_precision"]`` how precise the result is.
  Year of a month-day written without year ("May 4"): news style omits the year only for the current year,
  so it is the latest year of a past date that has a month (bare years such as "in 2012" are too loose) —
  unless the article spells that same month *with* that year ("in May 2020"), which puts the yearless date
  in a later year. Mentions in a future context ("set to be held on July 29", "until 2024") and dates after
  today are not evidence of the past.
- Outlet, by strength of evidence: domain or site name > closing credit / copyright footer > wire dateline
  "(Reuters) -" > the outlet's byline style (data) > mentions in the body ("told RFA" or "RFA's Khmer
  Service" count 3, a bare mention 1, and at least 3 are needed: one "according to Reuters" names a source,
  not the outlet). ``None`` when nothing names the outlet; ``meta["outlet_evidence"]`` lists what was used.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from parley.context import Context
from parley.document import Document
from parley.ingest import IngestError, RawDocument
from parley.text import sentences as split_sentences

DATA = Path(__file__).resolve().parent / "data"

# --------------------------------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_I = "(?i:" + _MONTH + ")"  # case-insensitive variant for timestamps/bylines ("OCT 08, 2013")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# A date in running text (case-sensitive month names so the modal "may" is not May).
_DATE_RE = re.compile(
    rf"\b(?P<mdy>(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:\s*[-–]\s*(?P<d1b>\d{{1,2}}))?(?:st|nd|rd|th)?\b"
    rf"(?:\s*,?\s+(?P<y1>{_YEAR})\b)?)"
    rf"|\b(?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\.?,?\s+(?P<y2>{_YEAR})\b)"
    rf"|\b(?P<my>(?P<m3>{_MONTH})\.?,?\s+(?P<y3>{_YEAR})\b)"
    rf"|\b(?P<iso>(?P<y4>{_YEAR})-(?P<m4>\d\d)-(?P<d4>\d\d))(?!\d)"
    rf"|\b(?P<year>{_YEAR})\b(?!\s*[-–]\s*\d)"
)
_TIME = r"\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?"
_TIMESTAMP_LINE = re.compile(
    rf"^(?:(?:posted|published|updated|on|at)\s*:?\s*)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_MONTH_I}\.?\s+\d{{1,2}},?\s+{_YEAR}|\d{{1,2}}\s+{_MONTH_I}\.?,?\s+{_YEAR}|{_YEAR}-\d\d-\d\d"
    rf"|\d{{1,2}}/\d{{1,2}}/(?:\d\d)?\d\d)"
    rf"(?:,?\s*(?:at\s+)?{_TIME})?\.?$|^\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago$",
    re.IGNORECASE,
)
_DATED_TIME = re.compile(
    rf"(?:{_MONTH_I}\.?\s+\d{{1,2}}\s*,?\s+{_YEAR}|\d{{1,2}}\s+{_MONTH_I}\.?\s*,?\s+{_YEAR}|{_YEAR}-\d\d-\d\d)"
    rf"\s*,?\s*(?:at\s+)?\d{{1,2}}[:.]\d\d\s*(?:[AaPp]\.?\s?[Mm]\b\.?)?")
_BYLINE_LABEL = re.compile(r"^(?P<label>(?:first\s+)?published|posted|updated|last\s+updated|date|dated)\s*:?\s*(?P<rest>.+)$",
                           re.IGNORECASE)
_TRAILING_DATE = re.compile(rf",\s+{_MONTH}\.?\s+\d{{1,2}},\s+{_YEAR}\.?$")
_WEEKDAY_RE = re.compile(rf"\b({_WEEKDAY})\b")
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|may|might|could|shall|scheduled|set to|due|expected|planned|plans?"
                            r"|until|next|upcoming|ahead of|later this|coming|forecasts?|projected|predicts?"
                            r"|targets?|aims?|goal|deadline)\b|\bby\s+(?:the\s+(?:end|middle|start)\s+of\s+)?$")
_FUTURE_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}(?:will|would|is scheduled|is set|is due|is expected)\b")
_URL_DATE = re.compile(rf"/({_YEAR})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|-|_|\.|$)")
_COPYRIGHT = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:{_YEAR}\s*[-–]\s*)?({_YEAR})", re.IGNORECASE)
_COPYRIGHT_CUE = re.compile(r"©|\bcopyright\b|all rights reserved|used with (?:the )?permission", re.IGNORECASE)


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The first full date (day, month and year) in ``text``: "Tuesday, 27 March, 2018", "Oct 08, 2013"."""
    for m in _DATE_RE.finditer(_title_months(text)):
        if m.group("mdy") and m.group("y1"):
            return _safe_date(int(m.group("y1")), _month(m.group("m1")), int(m.group("d1b") or m.group("d1")))
        if m.group("dmy"):
            return _safe_date(int(m.group("y2")), _month(m.group("m2")), int(m.group("d2")))
        if m.group("iso"):
            return _safe_date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
    return None


def _title_months(text: str) -> str:
    """Upper-case month names ("OCT 08") as "Oct 08" so the case-sensitive date pattern sees them."""
    return re.sub(r"\b(JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\b",
                  lambda m: m.group(0).title(), text)


@dataclass
class _Mention:
    """A date mention: ``value`` is the start of the period, ``precision`` day|month|year."""

    value: date | None
    precision: str
    month: int | None = None
    day: int | None = None
    year_given: bool = True
    future: bool = False
    text: str = ""


def _mentions(text: str) -> list[_Mention]:
    out = []
    for m in _DATE_RE.finditer(text):
        before = text[max(0, m.start() - 60):m.start()]
        before = re.split(r"[.!?;]\s", before)[-1]
        future = bool(_FUTURE_BEFORE.search(before) or _FUTURE_AFTER.search(text[m.end():m.end() + 30]))
        if m.group("mdy"):
            mon, day = _month(m.group("m1")), int(m.group("d1b") or m.group("d1"))
            if m.group("y1"):
                out.append(_Mention(_safe_date(int(m.group("y1")), mon, day), "day", mon, day, True, future, m[0]))
            elif 1 <= day <= 31:
                out.append(_Mention(None, "day", mon, day, False, future, m[0]))
        elif m.group("dmy"):
            mon, day = _month(m.group("m2")), int(m.group("d2"))
            out.append(_Mention(_safe_date(int(m.group("y2")), mon, day), "day", mon, day, True, future, m[0]))
        elif m.group("my"):
            mon = _month(m.group("m3"))
            out.append(_Mention(date(int(m.group("y3")), mon, 1), "month", mon, None, True, future, m[0]))
        elif m.group("iso"):
            d = _safe_date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
            out.append(_Mention(d, "day", d.month if d else None, d.day if d else None, True, future, m[0]))
        elif m.group("year"):
            out.append(_Mention(date(int(m.group("year")), 1, 1), "year", None, None, True, future, m[0]))
    return [x for x in out if x.value is not None or not x.year_given]


def _on_or_after(d: date, weekday: int | None) -> date:
    if weekday is None:
        return d
    return d + timedelta(days=(weekday - d.weekday()) % 7)


# --------------------------------------------------------------------------------------------------- data


@lru_cache(maxsize=1)
def _chrome() -> dict[str, Any]:
    data = yaml.safe_load((DATA / "page_chrome.yaml").read_text(encoding="utf-8"))
    return {
        "lines": {_key(x) for x in data["lines"]},
        "prefixes": tuple(p.lower() for p in data["prefixes"]),
        "comment_headers": [re.compile(rf"^(?:{p})$", re.IGNORECASE) for p in data["comment_headers"]],
        "comment_notices": tuple(p.lower() for p in data["comment_notices"]),
        "credit_prefixes": tuple(data["credit_prefixes"]),
        "credit_contains": tuple(data["credit_contains"]),
    }


@lru_cache(maxsize=1)
def _outlets() -> dict[str, Any]:
    data = yaml.safe_load((DATA / "outlets.yaml").read_text(encoding="utf-8"))
    outlets, by_alias = [], {}
    for o in data["outlets"]:
        entry = {
            "name": o["name"],
            "short": o.get("short") or o["name"],
            "domains": [d.lower() for d in o.get("domains", [])],
            "style": [re.compile(x) for x in o.get("byline_style", [])],
            "dateline": bool(o.get("dateline")),
        }
        outlets.append(entry)
        for alias in set(o.get("aliases", [])) | {o["name"]}:
            by_alias.setdefault(alias, entry)
    names = sorted(by_alias, key=len, reverse=True)
    return {
        "outlets": outlets,
        "by_alias": by_alias,
        # one pass finds every alias; case-sensitive so "AP" is not "ap" and "the Post" is nothing
        "alias_re": re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in names) + r")(?!\w)"),
    }


def _key(line: str) -> str:
    """Comparison key of a line: lower case, words only."""
    return " ".join(re.findall(r"\w+", line.lower()))


def line_key(line: str) -> str:
    """Key under which ``ctx.memory["line_counts"]`` counts a line (digits folded, so dates do not matter)."""
    return re.sub(r"\d", "0", _key(line))


def count_lines(texts) -> Counter:
    """Corpus helper: in how many texts each line occurs (for ``ctx.memory["line_counts"]``)."""
    counts: Counter = Counter()
    for t in texts:
        counts.update({line_key(x) for x in t.split("\n") if x.strip()})
    return counts


# --------------------------------------------------------------------------------------------------- lines

# terminal punctuation, allowing closing quotes/brackets after it (also tokenised: ". ''", ". -RRB-")
_TERMINAL = re.compile(r"[.!?…:](?:\s*(?:[\"”’'»)\]]|''|-RRB-))*$|[”\"]$")
_OPEN_QUOTE = re.compile(r"^(?:[\"“‘'«]|``)")
_CAPTION_CUE = re.compile(
    r"\((?:[rlcRLC]|left|right|center|centre|front|back|top|bottom)\)|\bpictured\b|\bphoto\s*(?:credit|courtesy)\b"
    r"|^(?:photo|file photo|image|picture)\s*:|\bfile photo\b|\(AP Photo|\bGetty Images\b|\bPhoto:\s|\bEPA\b-?\w*/",
    re.IGNORECASE,
)
# words that open a question sentence (closed class of English grammar, not page data)
_INTERROGATIVES = frozenset("""who whom whose what which when where why how is are was were am do does did
    have has had can could will would shall should may might must isn't aren't wasn't weren't don't doesn't
    didn't can't won't shouldn't""".split())
_QUOTE_MARK = re.compile(r"[“”\"]")
_NAME_LINE = re.compile(r"^(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3}$")
_BY_LINE = re.compile(r"^By\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}(?:\s*(?:,|and|&)\s*.*)?$")


@dataclass
class Line:
    idx: int
    text: str
    kind: str = ""  # body|title|standfirst|byline|caption|credit|subhead|pullquote|comment|footer|chrome|...
    words: int = 0
    terminal: bool = False
    quote_open: bool = False
    prose: bool = False
    notes: list[str] = field(default_factory=list)


def _lines(content: str) -> list[Line]:
    raw = [" ".join(x.split()) for x in content.split("\n")]
    merged: list[str] = []
    prev_blank = True
    for x in raw:
        if not x:
            merged.append("")
            prev_blank = True
            continue
        # hard-wrapped prose: join a line that stops mid-sentence with a next line starting in lower case
        if not prev_blank and merged and len(merged[-1]) >= 40 and not _TERMINAL.search(merged[-1]) and x[0].islower():
            merged[-1] = merged[-1] + " " + x
            continue
        merged.append(x)
        prev_blank = False
    out = []
    for i, x in enumerate(t for t in merged if t):
        ln = Line(i, x)
        ln.words = len(x.split())
        ln.terminal = bool(_TERMINAL.search(x)) and not x.endswith(":")
        ln.quote_open = bool(_OPEN_QUOTE.match(x))
        # a body line may open a quotation that runs on into the next paragraph: prose even without a full stop
        ln.prose = (ln.words >= 6 and ln.terminal) or (ln.quote_open and ln.words >= 8 and _unclosed(x))
        out.append(ln)
    return out


def _unclosed(text: str) -> bool:
    """True when the quotation that opens ``text`` is not closed within it."""
    close = {"“": "”", "‘": "’", "«": "»", "`": "''"}.get(text[0], text[0])
    return close not in text[1:]


def _is_chrome(text: str) -> bool:
    ch = _chrome()
    k = _key(text)
    low = text.lower()
    return k in ch["lines"] or low.startswith(ch["prefixes"])


def _is_comment_header(text: str) -> bool:
    return len(text.split()) <= 8 and any(p.match(text.strip(" .:")) for p in _chrome()["comment_headers"])


def _is_comment_notice(text: str) -> bool:
    return text.lower().startswith(_chrome()["comment_notices"])


def _credit_sentences(text: str) -> list[str] | None:
    """The sentences of a credit line, or None when the line is not (only) credits."""
    ch = _chrome()
    stripped = text.strip()
    if _BY_LINE.match(stripped) and len(stripped.split()) <= 12 and not _TERMINAL.search(stripped.rstrip(".")):
        return [stripped]
    sents = [stripped[s:e] for s, e in split_sentences(stripped)]
    if not sents:
        return None
    ok = all(s.startswith(ch["credit_prefixes"]) or (len(s.split()) <= 20 and any(c in s for c in ch["credit_contains"]))
             for s in sents)
    return sents if ok else None


def _is_caption(ln: Line) -> bool:
    if _QUOTE_MARK.search(ln.text) or ln.words > 60:
        return False
    if len(split_sentences(ln.text)) > 3:
        return False
    return bool(_CAPTION_CUE.search(ln.text) or _TRAILING_DATE.search(ln.text))


# --------------------------------------------------------------------------------------------------- core


@dataclass
class _Parse:
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
    body: list[Line] = field(default_factory=list)


def _parse(content: str, title_hint: str | None, line_counts: Counter | None, repeat_min: int) -> _Parse:
    lines = _lines(content)
    p = _Parse(lines)
    n = len(lines)
    if not n:
        return p
    title_key = _key(title_hint) if title_hint else None

    # 1. local features that do not need the body: chrome labels, timestamps, credits, captions, copyright
    for ln in lines:
        if title_key and _key(ln.text) == title_key:
            ln.kind = "title"
        elif _TIMESTAMP_LINE.match(ln.text):
            ln.kind = "timestamp"
        elif _is_chrome(ln.text) and ln.words <= 8:
            ln.kind = "chrome"
        elif _is_comment_notice(ln.text):
            ln.kind = "comment_notice"
        elif _COPYRIGHT_CUE.search(ln.text) and ln.words <= 60 and not _QUOTE_MARK.search(ln.text):
            ln.kind = "footer"
        elif _credit_sentences(ln.text) is not None:
            ln.kind = "credit"
        elif _is_caption(ln):
            ln.kind = "caption"
        elif line_counts and line_counts.get(line_key(ln.text), 0) >= repeat_min and (ln.words < 12 or not ln.prose):
            ln.kind = "repeated"

    # 2. adjacent exact / prefix duplicates: a caption printed twice (or a paragraph scraped twice)
    for a, b in zip(lines, lines[1:], strict=False):
        ka, kb = _key(a.text), _key(b.text)
        if len(ka) < 20 or not (ka == kb or kb.startswith(ka) or ka.startswith(kb)):
            continue
        if a.kind in ("", "caption") and b.kind in ("", "caption"):
            if _is_caption(a) or _is_caption(b) or not (a.prose or b.prose):
                a.kind = b.kind = "caption"
            else:
                b.kind = "duplicate"

    # 3. comments: a header after some prose opens a block that runs to the end of the page
    first_prose = next((ln.idx for ln in lines if ln.prose and not ln.kind), n)
    start = next((ln.idx for ln in lines if ln.idx > first_prose and not ln.prose and _is_comment_header(ln.text)
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
    keys = {ln.idx: _key(ln.text) for ln in lines}
    for ln in lines[:tail_start] if tail_start <= 3000 else []:  # quadratic: skipped on book-length inputs
        if ln.kind or ln.words < 6 or ln.terminal:
            continue
        k = keys[ln.idx]
        if any(o.idx != ln.idx and len(keys[o.idx]) > len(k) and k in keys[o.idx] for o in lines[:tail_start]):
            ln.kind = "pullquote"
            nxt = lines[ln.idx + 1] if ln.idx + 1 < n else None
            if nxt and not nxt.kind and not nxt.terminal and _NAME_LINE.match(nxt.text):
                nxt.kind = "pullquote"
    if body_lo is not None and lines[body_lo].kind == "pullquote":
        body_lo, body_hi = _body_span(lines, tail_start)

    # 7. assign every remaining line by position
    if body_lo is None:  # no sentence-like line at all (a short note): keep every line the features did not remove
        free = [ln for ln in lines[:tail_start] if not ln.kind]
        if len(free) > 1 and not title_key and not free[0].terminal and not _is_chrome(free[0].text):
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
        elif ln.idx > body_hi:
            ln.kind = "tail"
        elif ln.prose or ln.terminal:
            ln.kind = "body"
        elif ln.words <= 10 or (ln.text.endswith("?") and ln.words <= 6):
            ln.kind = "subhead"
        else:
            ln.kind = "body"  # a long line that lost its final period is still prose
    for ln in lines:  # "A meeting 'very soon'?" is a heading; "Why did they leave?" is a sentence
        if (ln.kind == "body" and ln.text.endswith("?") and ln.words <= 6 and not ln.quote_open
                and ln.text.split()[0].lower() not in _INTERROGATIVES):
            ln.kind = "subhead"

    # 8. collect
    for ln in lines:
        if ln.kind == "body":
            p.body.append(ln)
        elif ln.kind == "subhead":
            p.subheads.append(ln.text)
        elif ln.kind == "caption":
            if not p.captions or not _key(p.captions[-1]) or not (
                    _key(ln.text).startswith(_key(p.captions[-1])) or _key(p.captions[-1]).startswith(_key(ln.text))):
                p.captions.append(ln.text)
            elif len(ln.text) < len(p.captions[-1]):
                p.captions[-1] = ln.text  # keep the shorter copy (the longer one carries a trailing credit)
        elif ln.kind == "credit":
            p.credits.extend(_credit_sentences(ln.text) or [ln.text])
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


def _head_kind(ln: Line, p: _Parse) -> str:
    """A line before the body: headline, byline, standfirst or chrome."""
    m = _BYLINE_LABEL.match(ln.text)
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


def _comments(block: list[Line], p: _Parse) -> None:
    """Parse a reader-comments block into {author, text, time} entries; mark its lines."""
    cur: list[str] = []
    author = None
    for ln in block:
        if ln.kind == "comment_notice" or _is_comment_header(ln.text) or (_is_chrome(ln.text) and ln.words <= 8):
            ln.kind = ln.kind or "chrome"
            continue
        if _TIMESTAMP_LINE.match(ln.text):
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


# --------------------------------------------------------------------------------------------------- outlet


_TOLD_BEFORE = re.compile(r"\btold\s+(?:the\s+)?$")
# "Copyright © 2010-2023 The Harbour Times. All rights reserved." → the holder, an outlet not in the table
_COPYRIGHT_HOLDER = re.compile(
    r"(?:Copyright|©)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?\d{4},?\s+(?:by\s+)?"
    r"(?P<name>[A-Z][\w&'’]*(?:\s+[A-Z][\w&'’]*){0,5})")
_SERVICE_AFTER = re.compile(r"^['’]s?\s+\w+\s+[Ss]ervice")


def _outlet(p: _Parse, url: str | None, sitename: str | None) -> tuple[str | None, str | None, list[str]]:
    data = _outlets()
    scores: Counter = Counter()
    evidence: dict[str, list[str]] = {}
    names: dict[str, str] = {}

    def add(o, w, why):
        scores[o["short"]] += w
        names[o["short"]] = o["name"]
        evidence.setdefault(o["short"], []).append(why)

    def found(text: str):
        return [(data["by_alias"][m.group(0)], m) for m in data["alias_re"].finditer(text)]

    host = (urlparse(url).hostname or "").lower() if url else ""
    if host:
        for o in data["outlets"]:
            if any(host == d or host.endswith("." + d) for d in o["domains"]):
                add(o, 50, f"domain {host}")
    if sitename:
        for o, _ in found(sitename)[:1]:
            add(o, 50, f"site name {sitename}")
    for line in p.credits + p.footers:
        for o in {id(o): o for o, _ in found(line)}.values():
            add(o, 20, f"credit/footer: {line[:80]}")
    for ln in p.lines:  # a copyright holder the outlet table does not know is still the outlet
        holder = _COPYRIGHT_HOLDER.search(ln.text) if ln.kind != "body" else None
        if holder and not found(ln.text):
            name = holder.group("name")
            add({"short": name, "name": name}, 20, f"copyright holder: {ln.text[:80]}")
    for ln in p.body[:2]:  # "PHNOM PENH, March 5 (Reuters) -", also tokenised "-LRB- Reuters -RRB- -"
        first = ln.text[:300]
        for o, m in found(first):
            if o["dateline"] and re.search(r"(?:\(|-LRB-\s)$", first[:m.start()]) and re.match(
                    r"(?:\)|\s-RRB-)\s*(?:[-–—]|--)", first[m.end():]):
                add(o, 15, "wire dateline")
                break
    head = [ln.text for ln in p.lines if ln.kind in ("byline", "timestamp", "chrome", "headline")][:12] + p.bylines
    for o in data["outlets"]:
        if o["style"] and any(st.search(line) for st in o["style"] for line in head):
            add(o, 5, "byline style: " + next(line for line in head if any(st.search(line) for st in o["style"])))
    told: Counter = Counter()
    plain: Counter = Counter()
    for ln in p.body:
        for o, m in found(ln.text):
            if _TOLD_BEFORE.search(ln.text[max(0, m.start() - 12):m.start()]) or _SERVICE_AFTER.match(ln.text[m.end():]):
                told[o["short"]] += 1
            else:
                plain[o["short"]] += 1
            names[o["short"]] = o["name"]
    for short in set(told) | set(plain):
        if 3 * told[short] + plain[short] < 3:
            continue  # one "according to Reuters" is a source, not the outlet
        o = next(x for x in data["outlets"] if x["short"] == short)
        if told[short]:
            add(o, 3 * told[short], f"{told[short]} in-text self-references ('told …', '…'s … Service')")
        if plain[short]:
            add(o, plain[short], f"{plain[short]} in-text mentions")
    if not scores and sitename:
        return sitename, sitename, [f"site name {sitename}"]
    if not scores:
        return None, None, []
    best, _ = scores.most_common(1)[0]
    return best, names[best], evidence[best]


# --------------------------------------------------------------------------------------------------- date


def _reporting_weekday(body: list[Line]) -> int | None:
    """The weekday named in the lead (first two body paragraphs): the day of the news event, or None.

    Only the lead counts: later weekdays often name earlier events (on T17 using the most frequent weekday
    made more dates too late than the lead alone).
    """
    for ln in body[:2]:
        m = _WEEKDAY_RE.search(ln.text)
        if m:
            return _WEEKDAYS.index(m.group(1))
    return None


def _date_from_text(p: _Parse, weekday: int | None, upper: date | None, meta: dict) -> tuple[date, str, str] | None:
    """Latest past event dated in body or captions, moved forward to the reporting weekday (a lower bound).

    Only mentions with at least a month count.
    Nothing after ``upper`` (the first reader comment) or after today is past evidence.
    """
    limit = min(upper, date.today()) if upper else date.today()
    sources = [ln.text for ln in p.body] + p.captions + p.standfirst
    ms = [m for t in sources for m in _mentions(t) if not m.future and (m.value is None or m.value <= limit)]
    if not ms:
        return None
    # bare years ("in 2012") are too loose to anchor a yearless "May 4": only dates with a month do
    strong = [m.value.year for m in ms if m.year_given and m.precision != "year"]
    anchor_year = max(strong) if strong else (upper.year if upper else None)
    spelled = {(m.value.year, m.month) for m in ms if m.year_given and m.precision == "month"}
    resolved: list[tuple[date, str, str]] = []
    for m in ms:
        if m.precision == "year":
            continue
        if m.year_given:
            resolved.append((m.value, m.precision, m.text))
            continue
        if anchor_year is None:
            continue
        y = anchor_year
        if (y, m.month) in spelled and not any(x.value == _safe_date(y, m.month, m.day) for x in ms if x.year_given):
            y += 1  # "May 2020" spelled with its year elsewhere: a yearless "May 4" is a later year
        d = _safe_date(y, m.month, m.day)
        if d and d > limit:
            d = _safe_date(y - 1, m.month, m.day)
        if d and d <= limit:
            resolved.append((d, "day", m.text))
    if not resolved:
        return None
    d, precision, text = max(resolved, key=lambda r: (r[0], r[1] == "day"))
    out = min(_on_or_after(d, weekday), limit)
    rule = f"latest dated mention '{text}' ({d.isoformat()}, {precision} precision)"
    if weekday is not None and out != d:
        rule += f", moved to the first {_WEEKDAYS[weekday]} (the weekday the lead reports) on or after it"
    elif weekday is not None:
        rule += f", a {_WEEKDAYS[weekday]} as the lead reports"
    meta["date_lower_bound"] = d.isoformat()
    return out, precision, rule


def _published(raw: RawDocument, p: _Parse, html_date: str | None, url: str | None,
               meta: dict) -> tuple[str | None, str | None]:
    weekday = _reporting_weekday(p.body)
    upper = min(p.comment_times) if p.comment_times else None
    if upper:
        meta["date_upper_bound"] = upper.isoformat()
    copyright_year = None
    for f in p.footers:
        for m in _COPYRIGHT.finditer(f):
            copyright_year = max(copyright_year or 0, int(m.group(1)))
    if copyright_year:
        meta["copyright_year"] = copyright_year

    def done(d: date | str, basis: str, rule: str, precision: str = "day"):
        iso = d if isinstance(d, str) else d.isoformat()
        meta["date_rule"] = rule
        meta["date_precision"] = precision
        if copyright_year and iso[:4].isdigit() and int(iso[:4]) > copyright_year:
            meta["copyright_stale"] = True
        return iso, basis

    if raw.published:
        return done(str(raw.published)[:10], "input", "given with the input")
    for b in p.bylines:
        m = _BYLINE_LABEL.match(b)
        if m and m.group("label").lower().startswith("updated"):
            continue
        d = parse_date(b)
        if d:
            return done(d, "byline", f"byline '{b}'")
    for ln in p.body[:3]:  # a page header merged into the text: "TRIPOLI | Thu Sep 8, 2011 7:26pm EDT TRIPOLI (Reuters) -"
        m = _DATED_TIME.search(ln.text[:250])
        d = m and parse_date(m.group(0))
        if d:
            return done(d, "byline", f"dated timestamp at the head of the text '{m.group(0)}'")
    if html_date:
        return done(html_date[:10], "meta", "HTML metadata")
    if url:
        m = _URL_DATE.search(urlparse(url).path)
        d = m and _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return done(d, "url", f"date in URL path {m.group(0)}")
    if weekday is not None:
        for c in p.captions:
            for m in _mentions(c):
                if m.year_given and m.precision == "day" and m.value.weekday() == weekday and (
                        not upper or m.value <= upper):
                    return done(m.value, "caption",
                                f"caption date {m.text} is a {_WEEKDAYS[weekday]}, the weekday the body reports")
    text_date = _date_from_text(p, weekday, upper, meta)
    if text_date:
        d, precision, rule = text_date
        return done(d, "text", rule, precision)
    meta.pop("date_lower_bound", None)
    if upper:
        return done(upper, "comment", "earliest reader-comment timestamp (upper bound)")
    if copyright_year:
        return done(date(copyright_year, 1, 1), "copyright", f"last year of the copyright line ({copyright_year})",
                    "year")
    return None, None


# --------------------------------------------------------------------------------------------------- html


def _from_html(raw: RawDocument) -> tuple[str, dict[str, Any]]:
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


# --------------------------------------------------------------------------------------------------- entry


def clean(raw: RawDocument, ctx: Context | None = None) -> Document:
    """Pipeline entry: a RawDocument in, a Document with cleaned text, title, outlet and date out."""
    memory = getattr(ctx, "memory", None) or {}
    line_counts = memory.get("line_counts")
    repeat_min = ctx.option("clean_repeat_min", 3) if ctx is not None and hasattr(ctx, "option") else 3
    info: dict[str, Any] = {}
    content = raw.content
    if raw.kind == "html":
        content, info = _from_html(raw)
    p = _parse(content, raw.title or info.get("title"), line_counts, repeat_min)
    if not p.body:
        raise IngestError(raw.id, "no article body found after removing page chrome", raw.source)
    text = "\n\n".join(ln.text for ln in p.body)
    url = raw.url or info.get("url")
    meta: dict[str, Any] = {"encoding": raw.encoding, "kind": raw.kind}
    given = (raw.meta or {}).get("outlet")  # a JSONL record may name its outlet
    if isinstance(given, str) and given.strip():
        outlet, outlet_name, evidence = given.strip(), given.strip(), ["given with the input"]
    else:
        outlet, outlet_name, evidence = _outlet(p, url, info.get("sitename"))
    if outlet:
        meta["outlet_name"] = outlet_name
        meta["outlet_evidence"] = evidence
    published, basis = _published(raw, p, info.get("date"), url, meta)
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
