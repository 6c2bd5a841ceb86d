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


def test_dask_engine_matches_local(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    for n in range(4):
        (d / f"a{n}.txt").write_text(TEMPLATE.format(n=n + 1))
    (d / "empty.txt").write_bytes(b"")
    local, dist = tmp_path / "local.db", tmp_path / "dask.db"
    assert main(["run", str(d), "--db", str(local)]) == 0
    assert main(["run", str(d), "--db", str(dist), "--engine", "dask"]) == 0
    assert '"empty"' in capsys.readouterr().err

    def rows(db):
        con = sqlite3.connect(db)
        return {t: sorted(con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall())
                for t in ("sentences", "quotes", "times", "events", "mentions")}

    assert rows(local) == rows(dist)
    assert main(["run", str(d), "--db", str(dist), "--engine", "dask"]) == 0  # idempotent on Dask too
    con = sqlite3.connect(dist)
    assert con.execute("SELECT added, unchanged FROM runs ORDER BY id DESC LIMIT 1").fetchone() == (0, 4)
