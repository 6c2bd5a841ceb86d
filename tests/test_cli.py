"""The CLI contract: exit codes, error lines on stderr, idempotent runs, the demo."""

import json
import sqlite3
from pathlib import Path

import pytest

from parley.cli import main

ARTICLE = """Valdoria talks resume

Opposition leader Ana Ruiz said on Monday that talks with the government would resume next week.

“We are ready to negotiate,” Ruiz told reporters in the capital. “But the ruling party must stop the arrests.”
"""


def _bad_batch(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE)
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 20)
    latin = ARTICLE.replace("Ruiz", "Ruíz").replace("“", '"').replace("”", '"')
    (d / "latin.txt").write_bytes(latin.encode("latin-1"))
    (d / "nobody.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (d / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (d / "feed.jsonl").write_text(json.dumps({"id": "j1", "text": ARTICLE, "published": "2022-05-02"}) + "\n"
                                  + '{"id": "j2", "text": "trunc\n')
    return d


def _errors(stderr: str) -> dict[str, str]:
    out = {}
    for line in stderr.splitlines():
        if line.startswith("{"):
            rec = json.loads(line)
            out[rec["id"]] = rec["error"]
    return out


def test_run_with_bad_inputs_goes_on_and_is_idempotent(tmp_path, capsys):
    d = _bad_batch(tmp_path)
    db = tmp_path / "p.db"
    assert main(["run", str(d), "--db", str(db)]) == 0
    errors = _errors(capsys.readouterr().err)
    assert set(errors) == {"empty", "binary", "nobody", "sheet", "feed:2"}
    con = sqlite3.connect(db)
    ids = sorted(r[0] for r in con.execute("SELECT id FROM documents"))
    assert ids == ["good", "j1", "latin"]
    before = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("documents", "actors", "mentions", "quotes", "times", "events")}
    con.close()
    assert main(["run", str(d), "--db", str(db)]) == 0
    capsys.readouterr()
    con = sqlite3.connect(db)
    after = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in before}
    runs = con.execute("SELECT added, unchanged, failed FROM runs ORDER BY id").fetchall()
    assert after == before
    assert runs == [(3, 0, 5), (0, 3, 5)]  # the second run adds nothing


def test_analyze_exit_codes(tmp_path, capsys):
    d = _bad_batch(tmp_path)
    assert main(["analyze", str(d / "empty.txt"), str(d / "binary.txt")]) == 1
    assert main(["analyze", str(d / "good.txt"), "--jsonl"]) == 0
    rec = json.loads(capsys.readouterr().out.splitlines()[-1])
    for s, e in rec["sentences"]:
        assert rec["text"][s:e].strip() == rec["text"][s:e]
    assert "Ana Ruiz" in rec["text"]
    with pytest.raises(SystemExit) as exc:
        main(["run", str(d)])  # --db missing
    assert exc.value.code == 2
