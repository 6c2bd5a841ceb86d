"""Dask scale-out: the same T17 articles on a LocalCluster of 1 and of 2 worker processes (1 thread each) and on
the local engine (one process, and its default worker processes), in one run; speed-ups and store equality.

Each configuration runs ``parley run`` into a fresh store; the Dask ones get ``--engine dask --scheduler ADDR``
of a cluster this script starts (and closes) around the run, so cluster start-up is not counted but each
worker's model loading is. CPU seconds are the ``parley run`` process's (with its waited-for children) plus
the cluster processes' (psutil over this script's descendants, before/after). The stores are compared table by table with the one-process store.
Articles as in bench/pipeline.py. Run: ``python bench/scale.py [--n 1000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline import ROOT, corpus, measure, tables  # noqa: E402


def _descendants_cpu() -> float:
    """CPU seconds of this process's live descendants (the cluster's nannies and workers)."""
    import psutil

    total = 0.0
    for proc in psutil.Process().children(recursive=True):
        try:
            t = proc.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def run_dask(articles: Path, db: Path, workers: int, env: dict) -> dict:
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      env={"PYTHONPATH": env["PYTHONPATH"]}) as cluster, Client(cluster) as client:
        client.wait_for_workers(workers)
        before = _descendants_cpu()  # (the parley run process is not alive at either reading)
        m = measure([sys.executable, "-m", "parley.cli", "run", str(articles), "--db", str(db), "--engine", "dask",
                     "--scheduler", cluster.scheduler_address], env)
        m["cpu"] += _descendants_cpu() - before
    return m


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--t17", default=str(ROOT.parent / "shared" / "data" / "t17"))
    args = ap.parse_args()
    articles = corpus(Path(args.t17), args.n)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    work = Path(tempfile.mkdtemp(prefix="parley-scale-"))
    runs = {}
    for name in ("local, 1 process", "local, worker processes", "dask, 1 worker", "dask, 2 workers"):
        db = work / (name.replace(" ", "_").replace(",", "") + ".db")
        if name.startswith("dask"):
            m = run_dask(articles, db, int(name.split()[1]), env)
        else:
            extra = ["--workers", "1"] if "1 process" in name else []
            m = measure([sys.executable, "-m", "parley.cli", "run", str(articles), "--db", str(db), *extra], env)
        m["db"] = db
        runs[name] = m
        print(f"{name}: wall {m['wall']:.1f} s, CPU {m['cpu']:.1f} s", file=sys.stderr)
    want = tables(runs["local, 1 process"]["db"])
    report = {}
    for name, m in runs.items():
        got = tables(m["db"]) if name != "local, 1 process" else want
        report[name] = {"wall_s": round(m["wall"], 1), "cpu_s": round(m["cpu"], 1),
                        "articles_per_s": round(args.n / m["wall"], 2),
                        "articles_per_cpu_s": round(args.n / m["cpu"], 2),
                        "peak_process_rss_mb": round(m["max_rss_mb"]),
                        "store equals the one-process store": all(got.get(t) == want[t] for t in want)
                        and set(got) == set(want)}
    one, two = runs["dask, 1 worker"], runs["dask, 2 workers"]
    report["dask 2 workers vs 1: speed-up (wall)"] = round(one["wall"] / two["wall"], 2)
    report["dask 2 workers vs local 1 process: speed-up (wall)"] = round(runs["local, 1 process"]["wall"] / two["wall"], 2)
    report["load average (1, 5, 15 min) at the end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps({f"{args.n} articles": report}, indent=2))


if __name__ == "__main__":
    main()
