"""Throughput of parley.timex.find_times over T17, against the code of an earlier commit and against
dateparser.search_dates, and a scaling check in the number of expressions per span.

Usage: python bench/timex.py [T17_TOPIC_DIR] [--subset N] [--against REV] [--no-scaling]
Default topic: ../shared/data/t17/LibyaWar_reuters (beside the repo). Every non-empty line of an article is a
sentence (T17 is one sentence per line); the base date is the article's folder name (publication date).
``--against REV`` (default a19a8ad, the timex package as first merged) loads that commit's ``src/parley/timex/``
package (or, for commits before it, ``src/parley/timex.py``) and ``data/timex.yaml`` from git and times both on the
same sentences in the same run, alternating, so the ratio holds on a busy machine. dateparser runs on N sentences spread evenly over the topic
(default 300) — it is slow — and find_times is timed on the same subset for that ratio.
Scaling: one span holding k expressions, k = 250 .. 4000; time per expression should stay flat (the overlap
check is a bisection over taken intervals), where a pairwise check grows with k.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import tempfile
import time
import types
import warnings
from datetime import date, datetime
from pathlib import Path

from parley.timex import find_times

ROOT = Path(__file__).resolve().parents[1]
_ROUNDS = 7  # alternating rounds, best kept: with 3 the ratio swung 0.89-1.13 between runs on a shared machine


def load(topic: Path) -> list[tuple[str, date]]:
    out = []
    for day_dir in sorted((topic / "InputDocs").iterdir()):
        base = date.fromisoformat(day_dir.name)
        for f in sorted(day_dir.glob("*.txt")):
            for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.strip():
                    out.append((line, base))
    return out


def _git_show(rev: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout


def load_rev(rev: str):
    """The ``find_times`` of commit ``rev``, or None when git cannot show it.

    A package commit (``src/parley/timex/``) is copied into a temporary package ``timex_<rev>`` (its own
    ``parley.timex`` imports renamed, ``parley.document`` still shared) with its ``data/timex.yaml`` beside
    it; an older single-module commit (``src/parley/timex.py``) is executed as one module."""
    tmp = Path(tempfile.mkdtemp(prefix="timex_rev_"))
    try:
        (tmp / "data").mkdir()
        (tmp / "data" / "timex.yaml").write_text(_git_show(rev, "src/parley/data/timex.yaml"), encoding="utf-8")
        names = subprocess.run(["git", "ls-tree", "--name-only", f"{rev}", "src/parley/timex/"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.split()
        if not names:
            src = _git_show(rev, "src/parley/timex.py")
    except (OSError, subprocess.CalledProcessError):
        return None
    if not names:
        mod = types.ModuleType("timex_rev")
        mod.__file__ = str(tmp / "timex.py")
        exec(compile(src, mod.__file__, "exec"), mod.__dict__)  # noqa: S102 - our own repository's code
        return mod.find_times
    pkg = f"timex_{re.sub(r'[^0-9A-Za-z]', '_', rev)}"
    (tmp / pkg).mkdir()
    for name in names:
        if name.endswith(".py"):
            code = _git_show(rev, name).replace("parley.timex", pkg)
            (tmp / pkg / Path(name).name).write_text(code, encoding="utf-8")
    sys.path.insert(0, str(tmp))
    try:
        return importlib.import_module(pkg).find_times
    finally:
        sys.path.remove(str(tmp))


def timed(fn, sents, rounds: int = 3) -> tuple[float, int, float]:
    """Best wall time, expressions found, and the CPU time (``time.process_time``) of that best round: on a
    loaded machine the wall figure counts other processes' time, the CPU figure only this one's."""
    best, found, cpu = float("inf"), 0, float("inf")
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        found = sum(len(fn(s, b)) for s, b in sents)
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        if dt < best:
            best, cpu = dt, dc
    return best, found, cpu


def scaling(fns: dict) -> None:
    unit = "On March 3, 2011 and in 2012, then last week, two years ago and next Monday; "
    base = date(2013, 9, 18)
    per = len(find_times(unit, base))
    print(f"scaling: one span of k expressions ({per} per {len(unit)}-character unit), best of 3")
    for name, fn in fns.items():
        row = []
        for reps in (50, 200, 800):
            text = unit * reps
            dt, n, cpu = timed(lambda s, b, fn=fn: fn(s, b), [(text, base)])
            row.append(f"k={n}: {dt / n * 1e6:.1f} us/expr ({cpu / n * 1e6:.1f} CPU)")
        print(f"  {name:12} " + "; ".join(row))


def main(argv: list[str]) -> None:
    subset, against, do_scaling = 300, "a19a8ad", True
    if "--subset" in argv:
        i = argv.index("--subset")
        subset = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    if "--against" in argv:
        i = argv.index("--against")
        against = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    if "--no-scaling" in argv:
        argv.remove("--no-scaling")
        do_scaling = False
    topic = Path(argv[0]) if argv else ROOT.parent / "shared" / "data" / "t17" / "LibyaWar_reuters"
    if not topic.exists():
        sys.exit(f"T17 topic folder not found: {topic}")
    sents = load(topic)
    find_times("warm up on Sept. 17, 2013", date(2013, 9, 17))
    old = load_rev(against)
    fns = {"find_times": find_times}
    if old is not None:
        old("warm up on Sept. 17, 2013", date(2013, 9, 17))
        fns[against] = old
    res = {}
    for _ in range(_ROUNDS):  # alternate the two so that load on the machine hits both alike
        for name, fn in fns.items():
            dt, found, cpu = timed(fn, sents, rounds=1)
            if name not in res or dt < res[name][0]:
                res[name] = (dt, found, cpu)
    for name, (dt, found, cpu) in res.items():
        print(f"{name}: {len(sents)} sentences from {topic.name} in {dt:.2f}s = {len(sents) / dt:,.0f} sentences/s "
              f"wall, {len(sents) / cpu:,.0f}/s CPU ({found} expressions; best of {_ROUNDS})")
    if old is not None:
        print(f"speed ratio find_times / {against}: {res[against][0] / res['find_times'][0]:.2f}")
    if do_scaling:
        scaling(fns)

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
