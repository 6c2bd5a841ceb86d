"""The batch runner: a document's record depends on that document only, and a killed run resumes to the same store.

Real runs of ``parley run`` (subprocesses) on the bundled samples plus the seeds (when ../shared is present).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from parley.context import Context
from parley.ingest import IngestError, iter_documents
from parley.pipeline import analyze

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "parley" / "data" / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"


def _corpus(tmp_path: Path) -> Path:
    """The samples (and seeds, when present) copied into one folder, one file per article."""
    out = tmp_path / "corpus"
    out.mkdir()
    for src in [SAMPLES, SEEDS]:
        for f in sorted(src.glob("*.txt")) if src.is_dir() else []:
            shutil.copy(f, out / f.name)
    return out


def test_a_record_does_not_depend_on_the_documents_before_it(tmp_path):
    raws = [r for r in iter_documents([str(_corpus(tmp_path))]) if not isinstance(r, IngestError)]
    assert len(raws) >= 10
    ctx = Context()
    forward = {r.id: analyze(r, ctx).to_json() for r in raws}
    ctx = Context()
    backward = {r.id: analyze(r, ctx).to_json() for r in reversed(raws)}
    assert forward == backward
    for r in raws[-2:]:  # and each equals the document analysed alone, in a fresh process-like context
        assert analyze(r, Context()).to_json() == forward[r.id]


def _run(corpus: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "parley.cli", "run", str(corpus), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def _tables(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted; the run log and ingestion timestamps are not results."""
    con = sqlite3.connect(db)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        out = {}
        for name in names:
            if name in ("runs", "sqlite_sequence"):
                continue
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{name}")') if r[1] != "ingested_at"]
            rows = con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{name}"').fetchall()
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def _stored(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created yet, or the schema is being written
        return 0


def test_killed_and_resumed_run_equals_an_uninterrupted_one(tmp_path):
    corpus = _corpus(tmp_path)
    full = _run(corpus, tmp_path / "full.db")
    assert full.wait(timeout=600) == 0, full.stderr.read().decode()
    n = _stored(tmp_path / "full.db")
    assert n >= 10, "the uninterrupted run stored too little"
    seed = int(os.environ.get("PARLEY_KILL_SEED", time.time_ns() % 10_000))
    rng = random.Random(seed)
    # a random point: after k documents are stored (k = n: somewhere in the corpus rebuild that follows)
    k = rng.randint(1, n)
    part = _run(corpus, tmp_path / "part.db")
    while part.poll() is None and _stored(tmp_path / "part.db") < k:
        time.sleep(0.02)
    if k == n:
        time.sleep(rng.uniform(0, 1.5))
    killed = part.poll() is None
    part.send_signal(signal.SIGKILL)
    part.wait(timeout=60)
    resumed = _run(corpus, tmp_path / "part.db")
    assert resumed.wait(timeout=600) == 0, resumed.stderr.read().decode()
    want, got = _tables(tmp_path / "full.db"), _tables(tmp_path / "part.db")
    where = f"PARLEY_KILL_SEED={seed}: killed after {k} of {n} documents{'' if killed else ' (had finished)'}"
    for table in want:
        assert got.get(table) == want[table], f"table {table} differs ({where})"
