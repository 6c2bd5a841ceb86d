"""Main text of HTML pages: parley's ``text`` against trafilatura alone, on html-dev (../shared/data/html-dev).

Usage: python bench/html_text.py [--limit N] [--misses] [--slice all|work|aside]

The gold is trafilatura's own evaluation format: per page, snippets that must appear in the main text ("with")
and snippets that must not ("without"), each checked as a whitespace-normalised substring. Reported in one run
on the same pages: the include rate (recall of must snippets) and the exclude rate (share of must-not snippets
kept out) for

- ``parley``: ``Document.text`` from ``parley.clean.clean`` (title excluded, as in trafilatura's output);
- ``trafilatura``: ``trafilatura.extract`` with the settings of trafilatura's benchmark (tests/comparison*.py:
  no fallback, no comments, tables included, no formatting; ``fast=True`` is 2.x's name for ``no_fallback``);
- ``trafilatura+fallback``: the same with its fallback extractors (parley's own call uses them).

Pages are split by position: every 4th page (index % 4 == 0, in the gold file's order) is the ``aside`` slice,
kept for checking choices made on the ``work`` slice (the rest). ``--misses`` lists each must snippet parley
loses (and each must-not snippet it keeps), with where it went: the line kind parley gave it (boilerplate, subhead, ...) or "not extracted" when
trafilatura's extraction never had it.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import trafilatura

from parley.clean import clean
from parley.clean.html import from_html
from parley.clean.page import parse_page
from parley.ingest import IngestError, make_raw

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "html-dev"


def norm(s: str) -> str:
    return " ".join(s.split())


def pages(which: str) -> list[tuple[int, str, dict]]:
    gold = json.loads((DEV / "evaldata.dev.json").read_text(encoding="utf-8"))
    out = []
    for i, (url, g) in enumerate(gold.items()):
        if which == "all" or (which == "aside") == (i % 4 == 0):
            out.append((i, url, g))
    return out


def raw_of(url: str, g: dict):
    data = (DEV / "pages" / g["file"]).read_bytes()
    raw = make_raw(Path(g["file"]).stem, g["file"], data, "html")
    if url.startswith("http"):
        raw.url = url
    return raw


def score(text: str, g: dict) -> tuple[int, int, int, int]:
    t = norm(text)
    inc = sum(norm(s) in t for s in g["with"])
    exc = sum(norm(s) not in t for s in g["without"])
    return inc, len(g["with"]), exc, len(g["without"])


def where(raw, snippet: str) -> str:
    """Where parley put a must snippet it lost: the kind of the line holding it, or 'not extracted'."""
    try:
        content, info = from_html(raw)
    except IngestError:
        return "no article body"
    p = parse_page(content, raw.title or info.get("title"), None, 3, extracted=True,
                   standfirst=info.get("standfirst"), markup=info.get("markup_chrome"))
    s = norm(snippet)
    for ln in p.lines:
        if s in norm(ln.text) or (len(norm(ln.text)) > 20 and norm(ln.text) in s):
            return ln.kind
    return "not extracted"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--slice", default="all", choices=["all", "work", "aside"])
    args = ap.parse_args()
    todo = pages(args.slice)
    if args.limit:
        todo = todo[: args.limit]
    systems = ("parley", "trafilatura", "trafilatura+fallback")
    tot = {s: [0, 0, 0, 0] for s in systems}
    secs = Counter()
    misses: list[tuple[str, str, str]] = []
    leaks: list[tuple[str, str, str]] = []  # must-not snippets parley keeps in ``text``
    errors = []
    for _i, url, g in todo:
        raw = raw_of(url, g)
        t0 = time.perf_counter()
        try:
            text = clean(raw).text
        except IngestError as err:
            text = ""
            errors.append(f"{g['file']}: {err.reason}")
        secs["parley"] += time.perf_counter() - t0
        outs = {"parley": text}
        for name, fast in (("trafilatura", True), ("trafilatura+fallback", False)):
            t0 = time.perf_counter()
            outs[name] = trafilatura.extract(raw.content, url=raw.url, fast=fast, include_comments=False,
                                             include_tables=True, include_formatting=False) or ""
            secs[name] += time.perf_counter() - t0
        for s in systems:
            for k, v in enumerate(score(outs[s], g)):
                tot[s][k] += v
        if args.misses:
            t = norm(text)
            for snip in g["with"]:
                if norm(snip) not in t:
                    misses.append((g["file"], where(raw, snip), snip))
            for snip in g["without"]:
                if norm(snip) in t:
                    leaks.append((g["file"], where(raw, snip), snip))
    print(f"html-dev ({args.slice} slice): {len(todo)} pages")
    print(f"{'system':22} {'include':>16} {'exclude':>16} {'secs':>7}")
    for s in systems:
        inc, n_inc, exc, n_exc = tot[s]
        print(f"{s:22} {inc / n_inc:.3f} ({inc}/{n_inc}) {exc / n_exc:.3f} ({exc}/{n_exc}) {secs[s]:7.1f}")
    print(f"parley errors: {len(errors)}")
    for e in errors:
        print("  ", e)
    if args.misses:
        kinds = Counter(k for _, k, _ in misses)
        print(f"must snippets parley loses, by where they went: {dict(kinds.most_common())}")
        for f, k, snip in misses:
            if k != "not extracted":
                print(f"  [{k}] {f}: {snip[:110]!r}")
        print(f"must-not snippets parley keeps, by line kind: {dict(Counter(k for _, k, _ in leaks).most_common())}")
        for f, k, snip in leaks:
            print(f"  [{k}] {f}: {snip[:110]!r}")


if __name__ == "__main__":
    main()
