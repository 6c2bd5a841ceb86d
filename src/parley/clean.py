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
- Publication date, by strength of evidence (``published_basis``; ``meta["date_basis"]`` names the rule more
  finely, ``meta["date_rule"]`` quotes the evidence, ``meta["date_precision"]`` says how precise it is):
  ``input`` (raw.published) > ``byline`` ("PUBLISHED : Tuesday, 27 March, 2018", a dated line before the body,
  or a date with a clock time at the head of the text) > ``meta`` (HTML metadata) > ``url`` (a /YYYY/MM/DD/
  path) > ``dateline`` (a wire dateline "KESTRAVA, March 22 (MPS) -"; without a year, ``dateline+year-evidence``:
  the years the page allows run from the latest year it mentions in the past to the first reader comment's
  year or else the copyright year, and the year in which the dateline falls on the weekday the lead reports
  wins) > ``caption`` (a dated photo caption whose weekday is the weekday named in the lead, "officials said
  Tuesday") > ``comment`` (``comment-upper-bound``: reader comments follow publication within hours or days,
  so the earliest comment timestamp, ``meta["date_upper_bound"]``, moved back to the weekday the lead reports,
  as long as that is not before the text's lower bound; an old file-photo caption does not outweigh it) >
  ``text`` (``text-latest-date``: the latest dated past happening with at least a month, in body, standfirst
  or captions, is a hard lower bound, ``meta["date_lower_bound"]``; news style names a day of the past week
  by its weekday, so a current-year date written without weekday inside a body sentence ("the meetings held
  Sept. 14-15") is taken as at least a week old; the result is the first day on or after that bound that is
  the weekday the lead reports; ``text-role-tenure`` when the bound is raised by an office the article gives a
  person whose start date the actor dictionaries know — "Foreign Minister X", not "former" or "deputy" —
  which only narrows dated evidence and never dates a page alone; ``date_precision`` is then "month") >
  ``copyright`` (the last year of "Copyright 1998-YYYY", as YYYY-01-01: page templates keep stale years, so it
  is used only when nothing else dates the article, and ``meta["copyright_stale"]`` flags a copyright year
  earlier than the date found). ``published_basis`` keeps the coarse names (the contract's byline, meta,
  caption, url, text, input, plus dateline, comment, copyright) so stored records stay comparable.
  Relative words ("on Monday", "last week") never date an article by themselves; they only pick a day
  within the bounds the absolute evidence sets.
  Year of a month-day written without year ("May 4"): news style omits the year only for the current year,
  so it is the latest year of a past date that has a month (bare years such as "in 2012" are too loose) —
  unless the article spells that same month *with* that year ("in May 2020"), which puts the yearless date
  in a later year. Mentions in a future context ("set to be held on July 29", "until 2024") and dates after
  today or after the first reader comment are not evidence of the past.
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
    weekday_named: bool = False  # "on Monday, March 26": the date carries its weekday (a recent day)
    start: int = 0  # offset in the line


_WEEKDAY_BEFORE = re.compile(rf"\b{_WEEKDAY}\s*,?\s*(?:the\s+)?$")
_WEEKDAY_AFTER = re.compile(rf"^\s*(?:,\s*|\(\s*)?{_WEEKDAY}\b")


def _mentions(text: str) -> list[_Mention]:
    out = []
    for m in _DATE_RE.finditer(text):
        before = text[max(0, m.start() - 60):m.start()]
        before = re.split(r"[.!?;]\s", before)[-1]
        future = bool(_FUTURE_BEFORE.search(before) or _FUTURE_AFTER.search(text[m.end():m.end() + 30]))
        n0 = len(out)
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
        if len(out) > n0 and (_WEEKDAY_BEFORE.search(before) or _WEEKDAY_AFTER.match(text[m.end():m.end() + 14])):
            out[-1].weekday_named = True
        for x in out[n0:]:
            x.start = m.start() if not re.match(r"\s*:", text[m.end():]) else 0  # "June 9: …" is a label
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


# A wire dateline opening the body: "KESTRAVA, March 22 (MPS) -", "CAIRO , Feb 3 -LRB- Reuters -RRB- -".
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w.'’ -]{{1,40}}?(?:\s*,\s*[A-Z][\w.'’ -]{{1,30}}?)?)\s*,\s*"
    rf"(?P<m>{_MONTH_I})\.?\s+(?P<d>\d{{1,2}})(?:\s*,\s*(?P<y>{_YEAR}))?\s*"
    rf"(?P<wire>\([^()]{{1,40}}\)|-LRB-\s*[^-]{{1,40}}?\s*-RRB-)?\s*(?:--|[-–—])\s")
# News style (AP and most English-language wires): a happening within the last week is named by its weekday
# ("on Monday"); one written as a calendar date without its weekday is at least a week before the story.
_STYLE_WEEK = timedelta(days=7)


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


@dataclass
class _Bounds:
    """What the article's own dated mentions say about its publication date."""

    limit: date  # nothing after this is past evidence (today, or the first reader comment)
    hard: date | None = None  # the latest dated past happening (body, standfirst or captions)
    hard_text: str = ""
    hard_precision: str = "day"
    soft: date | None = None  # ``hard`` or later: a body date written without its weekday is a week old
    soft_text: str = ""
    given: date | None = None  # the latest past date spelled with its year (bounds a yearless dateline)
    years: list[int] = field(default_factory=list)  # years of past mentions, bare years included
    anchor_year: int | None = None  # the latest year of a past mention with at least a month
    role: bool = False  # ``hard`` is the start of an office the article gives someone (``_role_bounds``)


def _text_bounds(p: _Parse, weekday: int | None, upper: date | None, ctx: Context | None = None) -> _Bounds:
    """Lower bounds from the dated past mentions in body, standfirst and captions.

    Only mentions with at least a month count as bounds; nothing after ``upper`` (the first reader comment) or
    after today is past evidence. The *soft* bound moves a body date forward by a week when it is written
    as a current-year date ("Sept. 14-15", no year, no weekday) inside a sentence of an article that names
    weekdays: the news-style convention above. Dates spelled with their year are not moved (in that style the
    year marks another year, and pages that spell every date in full — timestamps, live blogs — do not follow
    the convention: on T17 moving them made as many dates too late as it fixed), nor caption dates (captions
    carry the full date of the photo), nor a date opening a line ("June 9: …" labels an update), nor one
    within a week of a date the page spells with its year.
    """
    limit = min(upper, date.today()) if upper else date.today()
    b = _Bounds(limit)
    sources = [(ln.text, True) for ln in p.body] + [(t, True) for t in p.standfirst] + [(c, False) for c in p.captions]
    ms = [(m, body) for t, body in sources for m in _mentions(t)
          if not m.future and (m.value is None or m.value <= limit)]
    b.years = [m.value.year for m, _ in ms if m.year_given]
    # bare years ("in 2012") are too loose to anchor a yearless "May 4": only dates with a month do
    strong = [m.value.year for m, _ in ms if m.year_given and m.precision != "year"]
    b.anchor_year = max(strong) if strong else None
    anchor_year = b.anchor_year or (upper.year if upper else None)
    spelled = {(m.value.year, m.month) for m, _ in ms if m.year_given and m.precision == "month"}
    # a page that spells a date of the same week with its year (timestamps, "June 2, 2010") does not follow the
    # convention that a yearless date is a current-year date named for being over a week old
    full_days = [m.value for m, _ in ms if m.year_given and m.precision == "day"]
    for m, body in ms:
        if m.precision == "year":
            continue
        if m.year_given:
            d = m.value
            if b.given is None or d > b.given:
                b.given = d
        else:
            if anchor_year is None:
                continue
            y = anchor_year
            if (y, m.month) in spelled and not any(x.value == _safe_date(y, m.month, m.day) for x, _ in ms
                                                   if x.year_given):
                y += 1  # "May 2020" spelled with its year elsewhere: a yearless "May 4" is a later year
            d = _safe_date(y, m.month, m.day)
            if d and d > limit:
                d = _safe_date(y - 1, m.month, m.day)
            if d is None or d > limit:
                continue
        if b.hard is None or (d, m.precision == "day") > (b.hard, b.hard_precision == "day"):
            b.hard, b.hard_text, b.hard_precision = d, m.text, m.precision
        s = d
        if body and weekday is not None and m.precision == "day" and not m.year_given and not m.weekday_named \
                and m.start > 0 and not any(abs(e - d) < _STYLE_WEEK for e in full_days):
            s = min(d + _STYLE_WEEK, limit)
        if b.soft is None or s > b.soft:
            b.soft, b.soft_text = s, m.text
    # an office's start only narrows dated evidence: alone it is too loose ("President X" for years) to date a page
    for start, text in (_role_bounds(p, ctx) if b.hard else []):
        if start > limit:
            continue
        b.years.append(start.year)
        if b.given is None or start > b.given:
            b.given = start
        if b.hard is None or start > b.hard:
            b.hard, b.hard_text, b.hard_precision, b.role = start, text, "day", True
        if b.soft is None or start > b.soft:
            b.soft, b.soft_text = start, text
    return b


# a title so qualified is not the office itself ("deputy president", "former minister", "then-premier")
_NOT_CURRENT = re.compile(r"\b(?:former|ex|then|late|outgoing|incoming|designate|elect|would-be|future|deputy|vice"
                          r"|acting|interim|caretaker|assistant|co|honorary|shadow)\W*$", re.IGNORECASE)
_DEFAULT_CTX: Context | None = None
_ROLE_TITLES: dict[int, tuple[Any, re.Pattern | None]] = {}  # per loaded dictionary: its dated titles as one pattern


def _role_bounds(p: _Parse, ctx: Context | None) -> list[tuple[date, str]]:
    """Offices the article gives people ("Foreign Minister Prak Sokhon") bound its date by their tenure.

    A name from the actor dictionaries (``parley.actors.dictionary``: data with dated roles) preceded by the
    title of one of its dated roles, not marked "former"/"then-"/"-elect", says the story was written while the
    person held that office: the role's start is a lower bound (its end would be an upper one, but tenures
    that ended are often still written in the present, so ends are not used). Only the exact title counts;
    when the person held it more than once, the earliest start. Returns (start, the mention) per mention;
    empty without dictionaries.
    """
    global _DEFAULT_CTX
    try:
        from parley.actors import dictionary
        from parley.actors.lexicon import tokenize
    except ImportError:  # the actors package is optional knowledge for this stage
        return []
    if ctx is None:
        _DEFAULT_CTX = _DEFAULT_CTX or Context()
        ctx = _DEFAULT_CTX
    try:
        d = dictionary(ctx)
    except Exception:  # a broken user dictionary must not stop cleaning
        return []
    titles = _ROLE_TITLES.get(id(d))
    if titles is None or titles[0] is not d:
        words = {tuple(re.findall(r"[A-Za-z]+", r.role)) for e in d.entries for r in e.roles if r.start and r.role}
        alts = sorted((r"[\W_]+".join(w) for w in words if w), key=len, reverse=True)
        titles = _ROLE_TITLES[id(d)] = (d, re.compile(r"\b(?:" + "|".join(alts) + r")[\W_]+(?=[A-Z])", re.IGNORECASE)
                                        if alts else None)
    if titles[1] is None:
        return []
    out = []
    for ln in p.body:
        for tm in titles[1].finditer(ln.text):  # only what follows a dated title is looked up
            toks = tokenize(ln.text, tm.end(), min(len(ln.text), tm.end() + 60))
            hit = toks and d.match(toks, 0)
            if not hit:
                continue
            entry = d.entries[hit[1]]
            before = ln.text[max(0, tm.end() - 60):tm.end()]
            starts = []
            for r in entry.roles:
                if not (r.start and r.role):
                    continue
                words = re.findall(r"[A-Za-z]+", r.role)
                title = re.search(r"\b" + r"[\W_]+".join(words) + r"[\W_]*$", before, re.IGNORECASE) if words else None
                if title and not _NOT_CURRENT.search(before[:title.start()]):
                    starts.append((_safe_date(*map(int, r.start[:10].split("-"))), title.start()))
            starts = [x for x in starts if x[0]]
            if starts:  # the same title held several times (another party, another term): the earliest start
                start, at = min(starts)
                out.append((start, before[at:].strip() + " " + ln.text[toks[0].s:toks[hit[0] - 1].e]))
    return out


def _dateline(p: _Parse) -> re.Match | None:
    """The wire dateline at the head of the body, if any (an all-caps place or a wire name in brackets)."""
    if not p.body:
        return None
    m = _DATELINE.match(p.body[0].text)
    if m and (m.group("wire") or m.group("place") == m.group("place").upper()):
        return m
    return None


def _dateline_date(month: int, day: int, weekday: int | None, b: _Bounds, upper: date | None,
                   copyright_year: int | None) -> tuple[date, str] | None:
    """The year of a yearless dateline ("March 22") from the page's year evidence.

    Candidate years run from the latest year the article mentions in the past (it cannot be earlier) to the
    first reader comment's year, or else to the copyright year (the page's current year; when that is older
    than the mentions it is stale, and the year after the latest mention is still a candidate). Among them the
    date must not precede a past date spelled with its year; a date that falls on the weekday the lead
    reports ("said on Tuesday" under a Tuesday dateline) wins, the latest such year if several do; else the
    year of the article's month-dated mentions; else the latest candidate.
    """
    top = b.limit
    lo = max(b.years) if b.years else None
    if upper:
        hi = upper.year
    elif copyright_year or lo:
        hi = max(y for y in (copyright_year, lo) if y)
        if lo and (copyright_year is None or copyright_year <= lo):
            hi = lo + 1
    else:
        return None
    lo = min(lo or hi, hi)
    cands = [d for y in range(lo, min(hi, top.year) + 1)
             if (d := _safe_date(y, month, day)) and d <= top and (b.given is None or d >= b.given)]
    if not cands:
        return None
    if weekday is not None:
        hits = [d for d in cands if d.weekday() == weekday]
        if hits:
            return hits[-1], f"the year in {lo}-{hi} in which it is a {_WEEKDAYS[weekday]}, the weekday the lead reports"
    if b.anchor_year and any(d.year == b.anchor_year for d in cands):
        return next(d for d in cands if d.year == b.anchor_year), "the year of the article's month-dated mentions"
    return cands[-1], f"the latest year the page's evidence allows ({lo}-{hi})"


def _published(raw: RawDocument, p: _Parse, html_date: str | None, url: str | None,
               meta: dict, ctx: Context | None = None) -> tuple[str | None, str | None]:
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

    def done(d: date | str, basis: str, detail: str, rule: str, precision: str = "day"):
        iso = d if isinstance(d, str) else d.isoformat()
        meta["date_basis"] = detail
        meta["date_rule"] = rule
        meta["date_precision"] = precision
        if copyright_year and iso[:4].isdigit() and int(iso[:4]) > copyright_year:
            meta["copyright_stale"] = True
        return iso, basis

    if raw.published:
        return done(str(raw.published)[:10], "input", "input", "given with the input")
    for b in p.bylines:
        m = _BYLINE_LABEL.match(b)
        if m and m.group("label").lower().startswith("updated"):
            continue
        d = parse_date(b)
        if d:
            return done(d, "byline", "byline", f"byline '{b}'")
    for ln in p.body[:3]:  # a page header merged into the text: "TRIPOLI | Thu Sep 8, 2011 7:26pm EDT TRIPOLI (Reuters) -"
        m = _DATED_TIME.search(ln.text[:250])
        d = m and parse_date(m.group(0))
        if d:
            return done(d, "byline", "byline", f"dated timestamp at the head of the text '{m.group(0)}'")
    if html_date:
        return done(html_date[:10], "meta", "meta", "HTML metadata")
    if url:
        m = _URL_DATE.search(urlparse(url).path)
        d = m and _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return done(d, "url", "url", f"date in URL path {m.group(0)}")
    b = _text_bounds(p, weekday, upper, ctx)
    if b.hard:
        meta["date_lower_bound"] = b.hard.isoformat()
    dl = _dateline(p)
    if dl:
        month, day = _month(dl.group("m")), int(dl.group("d"))
        if dl.group("y"):
            d = _safe_date(int(dl.group("y")), month, day)
            if d and d <= b.limit:
                return done(d, "dateline", "dateline", f"dateline '{dl.group(0).strip()}'")
        else:
            found = _dateline_date(month, day, weekday, b, upper, copyright_year)
            if found:
                return done(found[0], "dateline", "dateline+year-evidence",
                            f"dateline '{dl.group(0).strip()}' without a year: {found[1]}")
    if weekday is not None:
        for c in p.captions:
            for m in _mentions(c):
                if m.year_given and m.precision == "day" and m.value.weekday() == weekday and (
                        not upper or m.value <= upper) and (not b.hard or m.value >= b.hard):
                    return done(m.value, "caption", "caption",
                                f"caption date {m.text} is a {_WEEKDAYS[weekday]}, the weekday the body reports")
    if upper:
        # reader comments follow publication within hours or days: the reporting weekday on or before the first
        # comment is the closest date the evidence allows (text dates only bound it from below)
        d, rule = upper, f"earliest reader-comment timestamp {upper.isoformat()} (upper bound)"
        if weekday is not None:
            back = upper - timedelta(days=(upper.weekday() - weekday) % 7)
            if b.hard is None or back >= b.hard:
                d = back
                rule += f", the last {_WEEKDAYS[weekday]} (the weekday the lead reports) on or before it"
        if b.hard:
            rule += f"; not before the latest dated mention '{b.hard_text}' ({b.hard.isoformat()})"
        return done(d, "comment", "comment-upper-bound", rule)
    if b.hard:
        lower, text = (b.soft, b.soft_text) if b.soft and b.soft > b.hard else (b.hard, b.hard_text)
        out = min(_on_or_after(lower, weekday), b.limit)
        rule = f"latest dated mention '{b.hard_text}' ({b.hard.isoformat()}, {b.hard_precision} precision)"
        if b.role:
            rule = (f"the article gives '{b.hard_text}', an office held from {b.hard.isoformat()} (actor dictionary)"
                    ", later than any date it mentions")
        if lower != b.hard:
            rule += (f"; '{text}' is written as a date, not a weekday, so at least a week before the story"
                     f" ({lower.isoformat()})")
        if weekday is not None and out != lower:
            rule += f", moved to the first {_WEEKDAYS[weekday]} (the weekday the lead reports) on or after it"
        elif weekday is not None:
            rule += f", a {_WEEKDAYS[weekday]} as the lead reports"
        if b.role:  # a tenure start is a loose bound: the story may be months later
            return done(out, "text", "text-role-tenure", rule, "month")
        return done(out, "text", "text-latest-date", rule, b.hard_precision)
    meta.pop("date_lower_bound", None)
    if copyright_year:
        return done(date(copyright_year, 1, 1), "copyright", "copyright",
                    f"last year of the copyright line ({copyright_year})", "year")
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
    published, basis = _published(raw, p, info.get("date"), url, meta, ctx)
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
