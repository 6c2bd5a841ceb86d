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

import pytest

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


# ---------------------------------------------------------------------- no document stops the batch

GOOD = ("The ruling party and the opposition agreed on Wednesday to resume talks next week, officials said, after "
        "a month of protests in the capital. Both sides will name negotiators by Friday, according to a statement "
        "released by the mediator.")


def _hostile_tree(tmp_path: Path) -> Path:
    """Good articles mixed with a JSONL line nested 1,000 deep, an id with a lone surrogate, a non-UTF-8 name."""
    import json

    root = tmp_path / "in"
    root.mkdir()
    lines = [json.dumps({"id": "good-1", "text": GOOD}),
             '{"id": "deep", "text": ' + "[" * 1000 + "]" * 1000 + "}",
             '{"id": "x\\ud800", "text": ' + json.dumps(GOOD.replace("Friday", "Monday")) + "}",
             json.dumps({"id": "good-2", "text": GOOD.replace("Wednesday", "Thursday")})]
    (root / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(root), b"caf\xe9.txt"), "w", encoding="utf-8") as fh:
        fh.write(GOOD.replace("next week", "next month"))
    (root / "plain.txt").write_text(GOOD.replace("capital", "north"), encoding="utf-8")
    return root


def _error_lines(err: str) -> list[dict]:
    import json

    return [json.loads(x) for x in err.splitlines() if x.startswith("{")]


def test_run_survives_deep_json_surrogate_ids_and_undecodable_names(tmp_path, capsys):
    from parley.cli import main

    db = tmp_path / "s.db"
    assert main(["run", str(_hostile_tree(tmp_path)), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    # keyed by source (ids are ingest's business): the deep line, the surrogate id, the undecodable name
    errors = {Path(e["source"]).name: e["error"] for e in _error_lines(err)}
    assert errors["batch.jsonl:2"] in ("record could not be read (RecursionError)",  # its line only, not the file
                                       "invalid JSON (nested too deeply)")
    assert set(errors) <= {"batch.jsonl:2", "batch.jsonl:3", "caf\\udce9.txt"}
    assert all(e.startswith("could not be stored") for k, e in errors.items() if k != "batch.jsonl:2")
    con = sqlite3.connect(db)
    stored = {Path(r[0]).name for r in con.execute("SELECT source FROM documents")}
    assert stored >= {"batch.jsonl:1", "batch.jsonl:4", "plain.txt"}  # every good document
    assert len(stored) + len(errors) == 6  # each input stored or one error line, none lost silently
    finished, failed, inputs = con.execute("SELECT finished, failed, inputs FROM runs").fetchone()
    assert finished and failed == len(errors) and inputs == 6


def test_analyze_prints_every_readable_document_as_utf8_json(tmp_path):
    import json

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-m", "parley.cli", "analyze", str(_hostile_tree(tmp_path)), "--jsonl"],
                         capture_output=True, env=env, timeout=600)
    assert out.returncode == 0 and b"Traceback" not in out.stderr
    records = [json.loads(line.decode("utf-8")) for line in out.stdout.splitlines()]  # strict UTF-8
    # ingest.safe_text: an undecodable name byte and a lone surrogate become U+FFFD, so they print and store
    assert sorted(Path(r["source"]).name for r in records) == sorted(
        ["batch.jsonl:1", "batch.jsonl:3", "batch.jsonl:4", "caf\ufffd.txt", "plain.txt"])
    assert "x\ufffd" in [r["id"] for r in records]
    assert [Path(e["source"]).name for e in _error_lines(out.stderr.decode("utf-8"))] == ["batch.jsonl:2"]


def test_a_failing_stage_or_reader_is_that_documents_error(tmp_path, monkeypatch, capsys):
    """Any exception of a stage, or of reading one file, is one error line; the other documents go on."""
    from parley import batch, pipeline
    from parley.cli import main

    root = tmp_path / "in"
    root.mkdir()
    for name in ("a", "b", "c"):
        (root / f"{name}.txt").write_text(GOOD.replace("capital", f"city of {name}"), encoding="utf-8")

    def explode(doc, ctx):
        if doc.source.endswith("b.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return doc

    monkeypatch.setattr(pipeline, "STAGES", [*pipeline.STAGES, explode])
    real_read = batch.read_path
    monkeypatch.setattr(batch, "read_path", lambda p, doc_id=None: (_ for _ in ()).throw(OSError("gone"))
                        if p.stem == "c" else real_read(p, doc_id))
    db = tmp_path / "f.db"
    assert main(["run", str(root), "--db", str(db)]) == 0
    errors = {Path(e["source"]).name: e["error"] for e in _error_lines(capsys.readouterr().err)}
    assert errors == {"b.txt": "RecursionError: maximum recursion depth exceeded",
                      "c.txt": "could not be read (OSError: gone)"}
    assert [Path(r[0]).name for r in sqlite3.connect(db).execute("SELECT source FROM documents")] == ["a.txt"]


# ---------------------------------------------------------------------- the per-document time budget

def _three(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for name in ("a", "b", "c"):
        (root / f"{name}.txt").write_text(GOOD.replace("capital", f"city of {name}"), encoding="utf-8")
    return root


def _spin_on_b(doc, ctx):
    """A stage that never ends on one document (pure Python, no cooperative check inside)."""
    while doc.source.endswith("b.txt"):
        pass
    return doc


def test_a_document_over_its_budget_is_its_error_and_the_batch_goes_on(tmp_path, monkeypatch, capsys):
    from parley import pipeline
    from parley.cli import main

    monkeypatch.setattr(pipeline, "STAGES", [*pipeline.STAGES, _spin_on_b])
    db = tmp_path / "t.db"
    started = time.monotonic()
    assert main(["run", str(_three(tmp_path)), "--db", str(db), "--time-budget", "2"]) == 0
    assert time.monotonic() - started < 60
    errors = {Path(e["source"]).name: e["error"] for e in _error_lines(capsys.readouterr().err)}
    assert list(errors) == ["b.txt"]
    assert errors["b.txt"].startswith("over its time budget of 2 s (in ") and "_spin_on_b)" in errors["b.txt"]
    con = sqlite3.connect(db)
    assert sorted(Path(r[0]).name for r in con.execute("SELECT source FROM documents")) == ["a.txt", "c.txt"]
    assert con.execute("SELECT finished, failed FROM runs").fetchone()[1] == 1


def _wait_on_b(doc, ctx):
    """A stage that waits 2.5 s on one document without using the CPU (a loaded machine looks like this)."""
    if doc.source.endswith("b.txt"):
        time.sleep(2.5)
    return doc


def test_the_budget_counts_cpu_seconds_so_waiting_is_not_refused(tmp_path, monkeypatch, capsys):
    """A document's outcome must not depend on the machine's load: 2.5 s of waiting is within a 2 s CPU budget."""
    from parley import pipeline
    from parley.cli import main

    monkeypatch.setattr(pipeline, "STAGES", [*pipeline.STAGES, _wait_on_b])
    db = tmp_path / "t.db"
    assert main(["run", str(_three(tmp_path)), "--db", str(db), "--time-budget", "2"]) == 0
    assert _error_lines(capsys.readouterr().err) == []
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 3


def test_off_the_main_thread_the_budget_is_checked_between_stages(tmp_path):
    """Dask workers run documents in threads, where no timer can interrupt: the deadline is checked cooperatively."""
    import threading

    from parley import pipeline
    from parley.batch import analyze_all, read_all

    def slow_on_b(doc, ctx):  # 1.5 CPU seconds of this thread (the budget counts CPU time, not waiting)
        if doc.source.endswith("b.txt"):
            end = time.thread_time() + 1.5
            while time.thread_time() < end:
                pass
        return doc

    stages = pipeline.STAGES
    pipeline.STAGES = [stages[0], slow_on_b, *stages[1:]]
    results: list = []
    try:
        ctx = Context(options={"time_budget": 1})
        worker = threading.Thread(target=lambda: results.extend(
            analyze_all(read_all(sorted(_three(tmp_path).glob("*.txt"))), ctx, report=False)))
        worker.start()
        worker.join(timeout=300)
    finally:
        pipeline.STAGES = stages
    kinds = [(kind, value.source.rsplit("/", 1)[-1] if kind == "doc" else value["error"]) for kind, value in results]
    assert kinds == [("doc", "a.txt"), ("error", "over its time budget of 1 s (in nlp.annotate)"),
                     ("doc", "c.txt")]


def test_time_budget_flag_is_checked(capsys):
    from parley.cli import build_parser

    assert build_parser().parse_args(["analyze", "x.txt"]).time_budget == 60
    assert build_parser().parse_args(["run", "x", "--db", "d", "--time-budget", "0"]).time_budget == 0
    for bad in ("-1", "nan", "soon"):
        with pytest.raises(SystemExit) as exit_:
            build_parser().parse_args(["analyze", "x.txt", "--time-budget", bad])
        assert exit_.value.code == 2
