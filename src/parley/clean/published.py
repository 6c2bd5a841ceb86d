"""Publication date of an article, with the basis it rests on.

By strength of evidence (``published_basis``; ``meta["date_basis"]`` names the rule more finely,
``meta["date_rule"]`` quotes the evidence, ``meta["date_precision"]`` says how precise it is):
``input`` (raw.published) > ``meta`` (HTML metadata as htmldate reads it: meta tags, JSON-LD, ``<time>``
elements, the URL, recorded as ``url`` when it is the URL's date; it comes before parley's own rules, which
only add what htmldate lacks) > ``byline``
("PUBLISHED : Tuesday, 27 March, 2018", a dated line before the body, or a date with a clock time at the head
of the text) > ``url`` (a /YYYY/MM/DD/ path) > ``page`` (an HTML page without date metadata: the date
htmldate's extensive search finds written in it, ``date_basis`` ``page-search``) > ``dateline`` (a wire
dateline "KESTRAVA, March 22 (MPS) -"; without a year, ``dateline+year-evidence``:
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
person whose start date the actor dictionaries know (``parley.clean.tenure``), which only narrows dated
evidence and never dates a page alone; ``date_precision`` is then "month") > ``copyright`` (the last year of
"Copyright 1998-YYYY", as YYYY-01-01: page templates keep stale years, so it is used only when nothing else
dates the article, and ``meta["copyright_stale"]`` flags a copyright year earlier than the date found).
``published_basis`` keeps the coarse names (input, meta, byline, url, page, dateline, caption, comment, text,
copyright) so stored records stay comparable.

Relative words ("on Monday", "last week") never date an article by themselves; they only pick a day within
the bounds the absolute evidence sets. Year of a month-day written without year ("May 4"): news style omits
the year only for the current year, so it is the latest year of a past date that has a month (bare years
such as "in 2012" are too loose) — unless the article spells that same month *with* that year ("in May
2020"), which puts the yearless date in a later year. Mentions in a future context ("set to be held on July
29", "until 2024") and dates after today or after the first reader comment are not evidence of the past.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlparse

from parley.clean.dates import (
    BYLINE_LABEL,
    COPYRIGHT_YEAR,
    DATED_TIME,
    MONTH_ANY_CASE,
    URL_DATE,
    WEEKDAY_WORD,
    WEEKDAYS,
    YEAR,
    date_mentions,
    month_number,
    on_or_after,
    parse_date,
    safe_date,
)
from parley.clean.lines import Line
from parley.clean.page import Page
from parley.clean.tenure import role_bounds
from parley.context import Context
from parley.ingest import RawDocument

# A wire dateline opening the body: "KESTRAVA, March 22 (MPS) -", "CAIRO , Feb 3 -LRB- Reuters -RRB- -".
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w.'’ -]{{1,40}}?(?:\s*,\s*[A-Z][\w.'’ -]{{1,30}}?)?)\s*,\s*"
    rf"(?P<m>{MONTH_ANY_CASE})\.?\s+(?P<d>\d{{1,2}})(?:\s*,\s*(?P<y>{YEAR}))?\s*"
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
        m = WEEKDAY_WORD.search(ln.text)
        if m:
            return WEEKDAYS.index(m.group(1))
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
    role: bool = False  # ``hard`` is the start of an office the article gives someone (``role_bounds``)


def _text_bounds(p: Page, weekday: int | None, upper: date | None, ctx: Context | None = None) -> _Bounds:
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
    ms = [(m, body) for t, body in sources for m in date_mentions(t)
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
            if (y, m.month) in spelled and not any(x.value == safe_date(y, m.month, m.day) for x, _ in ms
                                                   if x.year_given):
                y += 1  # "May 2020" spelled with its year elsewhere: a yearless "May 4" is a later year
            d = safe_date(y, m.month, m.day)
            if d and d > limit:
                d = safe_date(y - 1, m.month, m.day)
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
    for start, text in (role_bounds(p, ctx) if b.hard else []):
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



def _dateline(p: Page) -> re.Match | None:
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
             if (d := safe_date(y, month, day)) and d <= top and (b.given is None or d >= b.given)]
    if not cands:
        return None
    if weekday is not None:
        hits = [d for d in cands if d.weekday() == weekday]
        if hits:
            return hits[-1], f"the year in {lo}-{hi} in which it is a {WEEKDAYS[weekday]}, the weekday the lead reports"
    if b.anchor_year and any(d.year == b.anchor_year for d in cands):
        return next(d for d in cands if d.year == b.anchor_year), "the year of the article's month-dated mentions"
    return cands[-1], f"the latest year the page's evidence allows ({lo}-{hi})"


def publication_date(raw: RawDocument, p: Page, html_date: str | None, url: str | None,
                     meta: dict, ctx: Context | None = None,
                     html_source: str | None = "meta") -> tuple[str | None, str | None]:
    """(ISO date, ``published_basis``) of the article, filling ``meta`` with the rule and its evidence.

    ``html_date`` is htmldate's date for an HTML page; ``html_source`` says whether the page's metadata holds
    it (``meta``: it comes first, no rule of parley's overrides it with weaker evidence) or only htmldate's
    search of the page text found it (``page``: after parley's bylines and the URL, before its text rules).
    """
    weekday = _reporting_weekday(p.body)
    upper = min(p.comment_times) if p.comment_times else None
    if upper:
        meta["date_upper_bound"] = upper.isoformat()
    copyright_year = None
    for f in p.footers:
        for m in COPYRIGHT_YEAR.finditer(f):
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

    if raw.published and (raw.meta or {}).get("published_basis") == "path":  # ingest.with_path_date (opt-in)
        return done(str(raw.published)[:10], "path", "path",
                    f"date in the input's path '{raw.meta.get('published_path_part', '')}' (--date-from-path)")
    if raw.published:
        return done(str(raw.published)[:10], "input", "input", "given with the input")
    if html_date and html_source == "meta":
        m = URL_DATE.search(urlparse(url).path) if url else None
        if m and safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) == date.fromisoformat(html_date[:10]):
            return done(html_date[:10], "url", "url", f"date in URL path {m.group(0)} (htmldate)")
        return done(html_date[:10], "meta", "meta", "HTML metadata (htmldate)")
    for b in p.bylines:
        m = BYLINE_LABEL.match(b)
        if m and m.group("label").lower().startswith("updated"):
            continue
        d = parse_date(b)
        if d:
            return done(d, "byline", "byline", f"byline '{b}'")
    for ln in p.body[:3]:  # a page header merged into the text: "TRIPOLI | Thu Sep 8, 2011 7:26pm EDT TRIPOLI (Reuters) -"
        m = DATED_TIME.search(ln.text[:250])
        d = m and parse_date(m.group(0))
        if d:
            return done(d, "byline", "byline", f"dated timestamp at the head of the text '{m.group(0)}'")
    if url:
        m = URL_DATE.search(urlparse(url).path)
        d = m and safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return done(d, "url", "url", f"date in URL path {m.group(0)}")
    if html_date:
        return done(html_date[:10], "page", "page-search",
                    "a date written in the page (htmldate's extensive search; no date metadata)")
    b = _text_bounds(p, weekday, upper, ctx)
    if b.hard:
        meta["date_lower_bound"] = b.hard.isoformat()
    dl = _dateline(p)
    if dl:
        month, day = month_number(dl.group("m")), int(dl.group("d"))
        if dl.group("y"):
            d = safe_date(int(dl.group("y")), month, day)
            if d and d <= b.limit:
                return done(d, "dateline", "dateline", f"dateline '{dl.group(0).strip()}'")
        else:
            found = _dateline_date(month, day, weekday, b, upper, copyright_year)
            if found:
                return done(found[0], "dateline", "dateline+year-evidence",
                            f"dateline '{dl.group(0).strip()}' without a year: {found[1]}")
    if weekday is not None:
        for c in p.captions:
            for m in date_mentions(c):
                if m.year_given and m.precision == "day" and m.value.weekday() == weekday and (
                        not upper or m.value <= upper) and (not b.hard or m.value >= b.hard):
                    return done(m.value, "caption", "caption",
                                f"caption date {m.text} is a {WEEKDAYS[weekday]}, the weekday the body reports")
    if upper:
        # reader comments follow publication within hours or days: the reporting weekday on or before the first
        # comment is the closest date the evidence allows (text dates only bound it from below)
        d, rule = upper, f"earliest reader-comment timestamp {upper.isoformat()} (upper bound)"
        if weekday is not None:
            back = upper - timedelta(days=(upper.weekday() - weekday) % 7)
            if b.hard is None or back >= b.hard:
                d = back
                rule += f", the last {WEEKDAYS[weekday]} (the weekday the lead reports) on or before it"
        if b.hard:
            rule += f"; not before the latest dated mention '{b.hard_text}' ({b.hard.isoformat()})"
        return done(d, "comment", "comment-upper-bound", rule)
    if b.hard:
        lower, text = (b.soft, b.soft_text) if b.soft and b.soft > b.hard else (b.hard, b.hard_text)
        out = min(on_or_after(lower, weekday), b.limit)
        rule = f"latest dated mention '{b.hard_text}' ({b.hard.isoformat()}, {b.hard_precision} precision)"
        if b.role:
            rule = (f"the article gives '{b.hard_text}', an office held from {b.hard.isoformat()} (actor dictionary)"
                    ", later than any date it mentions")
        if lower != b.hard:
            rule += (f"; '{text}' is written as a date, not a weekday, so at least a week before the story"
                     f" ({lower.isoformat()})")
        if weekday is not None and out != lower:
            rule += f", moved to the first {WEEKDAYS[weekday]} (the weekday the lead reports) on or after it"
        elif weekday is not None:
            rule += f", a {WEEKDAYS[weekday]} as the lead reports"
        if b.role:  # a tenure start is a loose bound: the story may be months later
            return done(out, "text", "text-role-tenure", rule, "month")
        return done(out, "text", "text-latest-date", rule, b.hard_precision)
    meta.pop("date_lower_bound", None)
    if copyright_year:
        return done(date(copyright_year, 1, 1), "copyright", "copyright",
                    f"last year of the copyright line ({copyright_year})", "year")
    return None, None

