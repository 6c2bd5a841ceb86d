"""Time and memory of the corpus step (``parley.corpus.rebuild``) on an existing store, before and after a change.

    python bench/corpus_rebuild.py STORE.db [--add FILE ...] [--baseline-src OLD/src] [--steps] [--double]

Each case runs in its own process on a fresh copy of ``STORE.db`` and reports wall and CPU seconds and the peak
RSS of that process: a *full* rebuild (every corpus table from scratch), then, with ``--add``, the analysis of
those articles into the rebuilt store and the *incremental* rebuild that follows (what ``parley run`` of one new
article costs on a large store; the analysis is timed apart). With ``--baseline-src`` (``git archive BASE src |
tar -x -C OLD``) the same cases run on the earlier source tree first, the ratios are printed, and the corpus
tables of the two stores are compared row by row (they must be identical). ``--steps`` prints each corpus step's
CPU seconds and RSS (before, sampled peak, after) for the full rebuild; ``--double`` first stores every article a
second time under another id, for a store twice the size of the one at hand (issue 15: a 10,000-input batch
stores about 8,400 articles, T17 has 4,616).

With ``--add``, two record-independence checks follow (issue 15: a document's corpus record must not depend on
which documents came before it): *moved* counts, for the documents that were already stored, the actor rows
whose corpus actor id changed, the event mentions whose cluster id changed and the happenings (asserted,
dated clusters) that appeared or vanished without holding an added article; *incremental == full* rebuilds the
store after the add from scratch and compares every corpus table with what the incremental step wrote.
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
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TABLES = ("corpus_actors", "corpus_actor_aliases", "event_clusters", "event_cluster_members", "timeline", "trend",
          "claims", "actors")

CASE = r"""
import importlib, json, os, resource, sys, threading, time
from parley import pipeline
from parley.context import Context
from parley.corpus.rebuild import rebuild
from parley.ingest import make_raw, with_path_date
from parley.store import Store
db, adds = sys.argv[1], sys.argv[2:]
ctx = pipeline.wire(Context())
out = {"steps": {}}
if os.environ.get("CORPUS_STEPS"):  # each step's CPU seconds and RSS (before, peak, after; sampled every 50 ms)
    R = importlib.import_module("parley.corpus.rebuild")
    def rss():
        with open("/proc/self/status") as fh:
            return next(int(x.split()[1]) // 1024 for x in fh if x.startswith("VmRSS"))
    peak = [0]
    def sample():
        while True:
            peak[0] = max(peak[0], rss())
            time.sleep(0.05)
    threading.Thread(target=sample, daemon=True).start()
    def timed(name, f):
        def g(*a, **k):
            r0, t = rss(), time.process_time()
            peak[0] = r0
            try:
                return f(*a, **k)
            finally:
                out["steps"][name] = {"cpu_s": round(time.process_time() - t, 1), "rss_before_mb": r0,
                                      "peak_mb": max(peak[0], rss()), "rss_after_mb": rss()}
        return g
    for name in ("_actors", "_clusters", "_claims", "_timeline"):
        setattr(R, name, timed(name, getattr(R, name)))
    R.trend_mod.store_trend = timed("trend", R.trend_mod.store_trend)
with Store(db) as store:
    changed = None
    if adds:
        t = time.perf_counter()
        changed = set()
        for path in adds:
            raw = with_path_date(make_raw(path, path, open(path, "rb").read(), "text"), path)
            doc = pipeline.analyze(raw, ctx)
            doc.published = doc.published or "2011-02-01"  # undated and no date on its path
            store.upsert(doc)
            changed.add(doc.id)
        out["analysis_s"] = round(time.perf_counter() - t, 2)
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    info = rebuild(store, ctx, changed)
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    out.update(wall_s=round(time.perf_counter() - t, 2),
               cpu_s=round(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime, 2),
               rss_before_mb=round(r0.ru_maxrss / 1024), peak_rss_mb=round(r1.ru_maxrss / 1024),
               mode=info["mode"], actors=info.get("actors"), events_reresolved=info.get("events_reresolved"),
               clusters_examined=info.get("clusters_examined"), clusters_rewritten=info.get("clusters_rewritten"))
print(json.dumps(out))
"""


def case(src: Path, db: Path, adds: list[str], steps: bool = False) -> dict:
    """Analyse and store ``adds`` and rebuild incrementally, or (none) rebuild from scratch, in its own process
    (``steps``: also each corpus step's CPU seconds and RSS)."""
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_NUM_THREADS": "1", **({"CORPUS_STEPS": "1"} if steps else {})}
    proc = subprocess.run([sys.executable, "-c", CASE, str(db), *adds], capture_output=True, text=True, env=env)
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def tables(db: Path) -> dict[str, list]:
    con = sqlite3.connect(db)
    try:
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}"))) for t in TABLES}  # noqa: S608
    finally:
        con.close()


def moved(before: Path, after: Path) -> dict[str, int]:
    """What changed for the documents stored before the add: corpus actor ids of their actor rows, cluster ids
    of their event mentions, and happenings (asserted dated clusters) not holding an added article."""
    def load(db: Path):
        con = sqlite3.connect(db)
        try:
            actors = dict(((d, a), c) for d, a, c in con.execute("SELECT doc_id, actor_id, corpus_actor_id FROM actors"))
            members = dict(con.execute("SELECT event_id, cluster_id FROM event_cluster_members"))
            docs = {r[0] for r in con.execute("SELECT id FROM documents")}
            happ = {r[0]: set(json.loads(r[1])) for r in con.execute(
                "SELECT id, doc_ids FROM event_clusters WHERE modality = 'asserted' AND date IS NOT NULL")}
            return actors, members, docs, happ
        finally:
            con.close()

    a0, m0, d0, h0 = load(before)
    a1, m1, d1, h1 = load(after)
    added = d1 - d0
    return {"added_docs": len(added),
            "actor_rows_moved": sum(1 for k, v in a0.items() if k in a1 and a1[k] != v),
            "actor_rows": len(a0),
            "event_mentions_moved": sum(1 for k, v in m0.items() if k in m1 and m1[k] != v),
            "event_mentions": len(m0),
            "happenings_gone": sum(1 for k in h0 if k not in h1),
            "happenings_new_without_added_doc": sum(1 for k, v in h1.items() if k not in h0 and not v & added),
            "happenings": len(h0)}


def run_tree(src: Path, store: Path, adds: list[str], work: Path, tag: str, steps: bool = False) -> tuple[dict, Path]:
    db = work / f"{tag}.db"
    shutil.copy(store, db)
    res = {"full": case(src, db, [], steps)}
    if adds:
        base = work / f"{tag}-before-add.db"
        shutil.copy(db, base)
        res["add"] = case(src, db, adds)
        res["moved"] = moved(base, db)
        again = work / f"{tag}-full-after-add.db"
        shutil.copy(db, again)
        res["full_after_add"] = case(src, again, [])
        old, new = tables(db), tables(again)
        res["incremental_equals_full"] = [t for t in TABLES if old[t] != new[t]] or True
    return res, db


def double(db: Path) -> None:
    """Store every article a second time under the id ``dup/<id>`` (its rows in every analysis table too)."""
    con = sqlite3.connect(db)
    p = "'dup/' || "
    con.execute(f"INSERT INTO documents SELECT {p}id, 'dup' || content_hash, source, url, title, outlet, published,"  # noqa: S608
                f" published_basis, text, boilerplate, json_set(record, '$.id', {p}id, '$.content_hash',"
                " 'dup' || content_hash), ingested_at FROM documents")
    for table in ("sentences", "actors", "mentions", "quotes", "times", "events"):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        keyed = ("doc_id", "id") if table in ("quotes", "times", "events") else ("doc_id",)
        sel = ", ".join(f"{p}{c}" if c in keyed else f'"{c}"' for c in cols)
        con.execute(f"INSERT INTO {table} SELECT {sel} FROM {table}")  # noqa: S608
    con.commit()
    con.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--add", nargs="*", default=[], help="articles to add after the full rebuild")
    ap.add_argument("--baseline-src", type=Path, metavar="DIR")
    ap.add_argument("--json", metavar="OUT")
    ap.add_argument("--steps", action="store_true", help="time the full rebuild's steps apart (CPU s, RSS MB)")
    ap.add_argument("--double", action="store_true", help="first double the store: every article again under a "
                    "'dup/' id (a store twice as large, with the repeats a batch of re-sent articles holds)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.double:
            shutil.copy(args.store, work / "doubled.db")
            args.store = work / "doubled.db"
            double(args.store)
        con = sqlite3.connect(args.store)
        n_docs = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        con.close()
        print(f"store {args.store}: {n_docs} documents")
        trees = ([("before", args.baseline_src)] if args.baseline_src else []) + [("after", REPO / "src")]
        results, dbs = {}, {}
        for tag, src in trees:
            results[tag], dbs[tag] = run_tree(src, args.store, args.add, work, tag, args.steps)
            for step, r in results[tag].items():
                print(f"{tag:6} {step:4}: {json.dumps(r)}")
        if args.baseline_src:
            for step in ("full", "add") if args.add else ("full",):
                b, a = results["before"][step], results["after"][step]
                print(f"ratio {step}: wall {b['wall_s'] / max(a['wall_s'], 0.01):.2f}x faster, peak RSS "
                      f"{b['peak_rss_mb']} -> {a['peak_rss_mb']} MB ({b['peak_rss_mb'] / a['peak_rss_mb']:.2f}x), "
                      f"rebuild's own growth {b['peak_rss_mb'] - b['rss_before_mb']} -> "
                      f"{a['peak_rss_mb'] - a['rss_before_mb']} MB")
            old, new = tables(dbs["before"]), tables(dbs["after"])
            diff = [t for t in TABLES if old[t] != new[t]]
            print("corpus tables identical" if not diff else f"tables differ: {diff}")
            results["identical"] = not diff
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
