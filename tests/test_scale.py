"""The Dask engine gives the same store as the local engine."""

import sqlite3
from pathlib import Path

import pytest

from parley.cli import main
from parley.scale import partitions

pytest.importorskip("dask.distributed")

TEMPLATE = """Talks in Valdoria, round {n}

Opposition leader Ana Ruiz said on Monday that round {n} of talks with the government had ended.

“We made progress,” Ruiz told reporters.
"""


def test_partitions_are_contiguous_and_cover_everything():
    files = [Path(f"{i}.txt") for i in range(7)]
    parts = partitions(files, 3)
    assert [len(p) for p in parts] == [3, 2, 2]
    assert [x for p in parts for x in p] == [str(f) for f in files]
    assert partitions(files[:1], 4) == [["0.txt"]]


def _tables(db: Path) -> dict[str, list]:
    """Every table's rows, sorted; the run log and ingestion times are not results."""
    con = sqlite3.connect(db)
    out = {}
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
        if name in ("runs", "sqlite_sequence"):
            continue
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{name}")') if r[1] != "ingested_at"]
        out[name] = sorted(con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{name}"'),
                           key=repr)
    return out


def test_dask_engine_and_worker_processes_match_one_process_table_by_table(tmp_path, capsys, monkeypatch):
    from parley import batch

    d = tmp_path / "in"
    d.mkdir()
    for n in range(4):
        (d / f"a{n}.txt").write_text(TEMPLATE.format(n=n + 1))
    (d / "empty.txt").write_bytes(b"")
    local, pooled, dist = tmp_path / "local.db", tmp_path / "pooled.db", tmp_path / "dask.db"
    assert main(["run", str(d), "--db", str(local), "--workers", "1"]) == 0
    monkeypatch.setattr(batch, "POOL_MIN", 2)
    assert main(["run", str(d), "--db", str(pooled), "--workers", "2"]) == 0
    assert main(["run", str(d), "--db", str(dist), "--engine", "dask"]) == 0
    assert capsys.readouterr().err.count('"empty"') == 3
    want = _tables(local)
    assert len(want["documents"]) == 4 and want["events"] and want["corpus_actors"]
    for db in (pooled, dist):
        got = _tables(db)
        assert set(got) == set(want)
        for table in want:
            assert got[table] == want[table], f"{db.name}: table {table} differs"
    assert main(["run", str(d), "--db", str(dist), "--engine", "dask"]) == 0  # idempotent on Dask too
    con = sqlite3.connect(dist)
    assert con.execute("SELECT added, unchanged FROM runs ORDER BY id DESC LIMIT 1").fetchone() == (0, 4)
