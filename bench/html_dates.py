"""Publication dates of HTML pages: parley against htmldate alone, on the html-dev date gold.

Usage: python bench/html_dates.py [--slice all|work|aside] [--list]

Gold: bench/data/html_dates/gold.json (102 html-dev pages, dates written by reading each page). Reported in one
run on the same pages: accuracy (exact day; and within one day, since a UTC timestamp may fall on the next
day) and coverage (pages given any date) for

- ``parley``: ``Document.published`` from ``parley.clean.clean`` (URL passed when the page has one);
- ``htmldate``: ``htmldate.find_date`` with its defaults (extensive search, latest date);
- ``htmldate-original``: with extensive search and ``original_date=True`` (parley's own setting).

Slices follow the gold file's order: every 4th page is ``aside`` (kept for checking choices), the rest ``work``.
``--list`` prints each page parley gets wrong, with the basis and rule it used.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from htmldate import find_date

from parley.clean import clean
from parley.ingest import IngestError, make_raw

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "html-dev"
GOLD = ROOT / "bench" / "data" / "html_dates" / "gold.json"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--slice", default="all", choices=["all", "work", "aside"])
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["pages"]
    urls = {g["file"]: url for url, g in json.loads((DEV / "evaldata.dev.json").read_text(encoding="utf-8")).items()}
    names = [f for i, f in enumerate(gold) if args.slice == "all" or (args.slice == "aside") == (i % 4 == 0)]
    systems = ("parley", "htmldate", "htmldate-original")
    tally = {s: [0, 0, 0] for s in systems}  # exact, within a day, dated
    wrong = []
    for f in names:
        truth = date.fromisoformat(gold[f]["date"])
        data = (DEV / "pages" / f).read_bytes()
        raw = make_raw(Path(f).stem, f, data, "html")
        url = urls[f] if urls[f].startswith("http") else None
        raw.url = url
        got = {}
        try:
            doc = clean(raw)
            got["parley"] = doc.published
        except IngestError:
            doc, got["parley"] = None, None
        got["htmldate"] = find_date(raw.content, url=url)
        got["htmldate-original"] = find_date(raw.content, url=url, extensive_search=True, original_date=True)
        for s in systems:
            if got[s]:
                d = date.fromisoformat(got[s][:10])
                tally[s][0] += d == truth
                tally[s][1] += abs((d - truth).days) <= 1
                tally[s][2] += 1
        if got["parley"] != truth.isoformat():
            wrong.append((f, truth, got, doc))
    n = len(names)
    print(f"html-dev dates ({args.slice} slice): {n} pages with a gold date")
    print(f"{'system':18} {'exact':>14} {'within 1 day':>14} {'coverage':>14}")
    for s in systems:
        ex, near, dated = tally[s]
        print(f"{s:18} {ex / n:.3f} ({ex:3}/{n}) {near / n:.3f} ({near:3}/{n}) {dated / n:.3f} ({dated:3}/{n})")
    if args.list:
        for f, truth, got, doc in wrong:
            rule = (doc.published_basis, doc.meta.get("date_basis"), doc.meta.get("date_rule")) if doc else "error"
            print(f"  {f}: gold {truth} parley {got['parley']} htmldate-original {got['htmldate-original']} {rule}")


if __name__ == "__main__":
    main()
