"""Worker processes give the same records, in the same order, as one process (parley.batch)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from parley import batch
from parley.context import Context
from parley.ingest import IngestError, iter_documents

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "parley" / "data" / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"


def _raws(tmp_path: Path) -> list:
    out = tmp_path / "corpus"
    out.mkdir()
    for src in [SAMPLES, SEEDS]:
        for f in sorted(src.glob("*.txt")) if src.is_dir() else []:
            shutil.copy(f, out / f.name)
    (out / "empty.txt").write_bytes(b"")  # one input that fails in the clean stage
    return list(iter_documents([str(out)]))


def test_workers_give_the_records_of_one_process_in_input_order(tmp_path, monkeypatch, capsys):
    items = _raws(tmp_path)
    items.insert(3, IngestError("unreadable", "could not be read (test)", "x/unreadable.txt"))
    skipped = next(r for r in items if not isinstance(r, IngestError))

    def run(workers: int) -> list[tuple[str, str]]:
        out = []
        for kind, value in batch.analyze_all(items, Context(), skip=lambda r: r is skipped, workers=workers):
            out.append((kind, value.to_json() if kind == "doc" else value.id if kind == "skip" else value["id"]))
        return out

    one = run(1)
    err_one = capsys.readouterr().err
    monkeypatch.setattr(batch, "POOL_MIN", 2)
    two = run(2)
    err_two = capsys.readouterr().err
    assert [k for k, _ in one].count("doc") >= 10
    assert ("error", "unreadable") in one and ("error", "empty") in one and one[0] == ("skip", skipped.id)
    assert two == one
    assert sorted(json.loads(x)["id"] for x in err_two.splitlines()) == ["empty", "unreadable"]
    assert sorted(err_two.splitlines()) == sorted(err_one.splitlines())


def test_a_short_batch_stays_in_process(monkeypatch):
    monkeypatch.setattr(batch, "_pooled", lambda *a: pytest.fail("started worker processes for 3 documents"))
    raws = [r for r in iter_documents([str(SAMPLES)]) if not isinstance(r, IngestError)][:3]
    assert [k for k, _ in batch.analyze_all(raws, Context(), report=False, workers=4)] == ["doc"] * 3


def test_the_encoder_gives_the_same_vectors_on_one_thread():
    """Workers run the event encoder on one intra-op thread (the default); their records equal a two-thread
    session's."""
    from parley.events.encoder import Encoder

    texts = ["The government <s>rejected</s> the opposition's demand for new elections on Monday.",
             "Police fired tear gas at protesters.", "Talks resumed."] * 7
    assert np.array_equal(Encoder(threads=2).encode(texts), Encoder().encode(texts))


def test_a_killed_worker_fails_only_its_documents_and_the_batch_goes_on(tmp_path, monkeypatch):
    """A worker killed mid-batch (out of memory, a crash in C) breaks its pool: the documents in flight are errors,
    a new pool analyses the rest, and every input still gets exactly one result, in order."""
    import os
    import signal

    import psutil

    raws = [r for r in _raws(tmp_path) if not isinstance(r, IngestError)] * 3
    raws = [type(r)(**{**r.__dict__, "id": f"{r.id}-{i}"}) for i, r in enumerate(raws)]
    monkeypatch.setattr(batch, "POOL_MIN", 2)
    results = []
    for kind, value in batch.analyze_all(raws, Context(), report=False, workers=2):
        results.append((kind, value.id if kind == "doc" else value["id"]))
        if len(results) == 1:
            worker = next(c for c in psutil.Process().children() if "spawn_main" in " ".join(c.cmdline()))
            os.kill(worker.pid, signal.SIGKILL)
    assert [i for _, i in results] == [r.id for r in raws]
    died = [i for k, i in results if k == "error"]
    assert 1 <= len(died) <= 4 * 2 + 1  # at most the documents in flight (4 per worker, and the one being read)
    assert sum(k == "doc" for k, _ in results) == len(raws) - len(died)
