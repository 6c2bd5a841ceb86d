"""Throughput of parley.timex.find_times over T17, and the ratio against dateparser.search_dates.

Usage: python bench/timex.py [T17_TOPIC_DIR] [--subset N]
Default topic: ../shared/data/t17/LibyaWar_reuters (beside the repo). Every non-empty line of an article is a
sentence (T17 is one sentence per line); the base date is the article's folder name (publication date).
dateparser runs on N sentences spread evenly over the topic (default 300) — it is slow — and find_times is timed on the same
subset for the ratio. Also prints how many expressions each found on the subset.
"""

from __future__ import annotations

import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

from parley.timex import find_times

ROOT = Path(__file__).resolve().parents[1]


def load(topic: Path) -> list[tuple[str, date]]:
    out = []
    for day_dir in sorted((topic / "InputDocs").iterdir()):
        base = date.fromisoformat(day_dir.name)
        for f in sorted(day_dir.glob("*.txt")):
            for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.strip():
                    out.append((line, base))
    return out


def main(argv: list[str]) -> None:
    subset = 300
    if "--subset" in argv:
        i = argv.index("--subset")
        subset = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    topic = Path(argv[0]) if argv else ROOT.parent / "shared" / "data" / "t17" / "LibyaWar_reuters"
    if not topic.exists():
        sys.exit(f"T17 topic folder not found: {topic}")
    sents = load(topic)
    find_times("warm up on Sept. 17, 2013", date(2013, 9, 17))
    t0 = time.perf_counter()
    found = sum(len(find_times(s, b)) for s, b in sents)
    dt = time.perf_counter() - t0
    print(f"find_times: {len(sents)} sentences from {topic.name} in {dt:.2f}s = {len(sents) / dt:,.0f} sentences/s "
          f"({found} expressions)")

    sub = sents[:: max(1, len(sents) // subset)][:subset]  # evenly spread over the topic
    t0 = time.perf_counter()
    ours = sum(len(find_times(s, b)) for s, b in sub)
    ours_dt = time.perf_counter() - t0
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: no ratio")
        return
    warnings.filterwarnings("ignore")
    search_dates("warm up on Sept. 17, 2013", languages=["en"])
    t0 = time.perf_counter()
    theirs = 0
    for s, b in sub:
        base = datetime(b.year, b.month, b.day)
        res = search_dates(s, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        theirs += len(res or [])
    dp_dt = time.perf_counter() - t0
    print(f"subset of {len(sub)} sentences: find_times {len(sub) / ours_dt:,.0f}/s ({ours} expressions), "
          f"dateparser.search_dates {len(sub) / dp_dt:,.1f}/s ({theirs} expressions); "
          f"speed ratio {dp_dt / ours_dt:,.0f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
