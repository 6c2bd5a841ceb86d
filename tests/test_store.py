import sqlite3

from parley.document import Actor, Document, Event, Quote, TimeExpr
from parley.store import Store, span_id


def _doc(doc_id="d1", text="Ana Ruiz said “we will talk” on Monday.", content_hash="h1"):
    return Document(
        id=doc_id, content_hash=content_hash, text=text, sentences=[[0, len(text)]], published="2022-03-15",
        actors=[Actor(id="ana-ruiz", name="Ana Ruiz", mentions=[[0, 8]])],
        quotes=[Quote(speaker="Ana Ruiz", speaker_id="ana-ruiz", text="we will talk", start=15, end=27, cue="said")],
        times=[TimeExpr(text="Monday", start=32, end=38, value="2022-03-14")],
        events=[Event(id=f"{doc_id}:0-39:0", date="2022-03-14", date_precision="day", event="CONSULT", start=0,
                      end=39, actor=["Ana Ruiz"])],
    )


def test_upsert_is_idempotent_and_replaces_changed(tmp_path):
    db = tmp_path / "p.db"
    with Store(db) as store:
        assert store.upsert(_doc()) == "added"
        assert store.upsert(_doc()) == "unchanged"
        counts = {t: store.count(t) for t in ("documents", "actors", "mentions", "quotes", "times", "events")}
        assert counts == {"documents": 1, "actors": 1, "mentions": 1, "quotes": 1, "times": 1, "events": 1}
        changed = _doc(text="Ana Ruiz said “we will talk” on Monday. More.", content_hash="h2")
        assert store.upsert(changed) == "replaced"
        assert store.count("documents") == 1 and store.count("quotes") == 1
        assert store.document("d1").text.endswith("More.")
        q = store.rows("SELECT id, text FROM quotes")[0]
        assert q["id"] == span_id("d1", 15, 27) and q["text"] == "we will talk"
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_record_round_trips(tmp_path):
    with Store(tmp_path / "p.db") as store:
        store.upsert(_doc())
        back = store.document("d1")
    assert back.to_dict() == _doc().to_dict()


def test_failed_insert_keeps_previous_rows(tmp_path, monkeypatch):
    with Store(tmp_path / "p.db") as store:
        store.upsert(_doc())
        original = Store._insert

        def insert_then_fail(self, db, doc):
            original(self, db, doc)
            raise sqlite3.IntegrityError("simulated failure after the rows were written")

        monkeypatch.setattr(Store, "_insert", insert_then_fail)
        try:
            store.upsert(_doc(content_hash="h3", text="Ana Ruiz said “we will talk” on Monday. Changed."))
        except sqlite3.IntegrityError:
            pass
        assert store.count("documents") == 1 and store.document("d1").content_hash == "h1"
        assert store.count("events") == 1 and store.count("quotes") == 1


def test_runs_are_recorded(tmp_path):
    with Store(tmp_path / "p.db") as store:
        run = store.start_run("run x")
        store.finish_run(run, {"inputs": 2, "added": 1, "failed": 1}, [{"id": "b", "error": "empty file"}])
        row = store.rows("SELECT * FROM runs")[0]
    assert row["inputs"] == 2 and row["failed"] == 1 and "empty file" in row["errors"] and row["finished"]


def test_older_store_gains_new_columns_and_keeps_its_rows(tmp_path):
    """A store made before events had date_end/deadline opens, keeps its rows, and stores the new fields."""
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.upsert(_doc())
        store.db.execute("ALTER TABLE events DROP COLUMN date_end")
        store.db.execute("ALTER TABLE events DROP COLUMN deadline")
        store.db.commit()
    with Store(db) as store:
        assert store.count("events") == 1
        doc = _doc("d2", content_hash="h9")
        doc.events[0].date_end, doc.events[0].deadline = "2022-03-20", "2022-06"
        assert store.upsert(doc) == "added"
        rows = {r["doc_id"]: r for r in store.rows("SELECT doc_id, date_end, deadline FROM events")}
    assert rows["d1"]["date_end"] is None and (rows["d2"]["date_end"], rows["d2"]["deadline"]) == ("2022-03-20", "2022-06")


def test_read_verbs_refuse_a_missing_store(tmp_path, capsys):
    from parley.cli import main

    missing = tmp_path / "typo.db"
    for argv in (["export", "--db", str(missing), "--format", "csv", "--out", str(tmp_path / "out")],
                 ["trend", "--db", str(missing), "--dyad", "a", "b"],
                 ["claims", "--db", str(missing)],
                 ["timeline", "--db", str(missing)],
                 ["serve", "--db", str(missing), "--port", "1"]):
        capsys.readouterr()
        assert main(argv) == 2, argv
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "no parley store" in err[0], (argv, err)
        assert not missing.exists()  # nothing created
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("these are my notes, not a database\n" * 200)
    assert main(["claims", "--db", str(not_a_store)]) == 2
    assert "not a parley store" in capsys.readouterr().err
    assert not_a_store.read_text().startswith("these are my notes")


def test_run_creates_the_file_not_directories(tmp_path, capsys):
    import pytest

    from parley.store import StoreError

    with pytest.raises(StoreError, match="no directory"):
        Store(tmp_path / "missing" / "dir" / "x.db")
    assert not (tmp_path / "missing").exists()
    with Store(tmp_path / "x.db") as store:  # the file itself is created
        assert store.count("documents") == 0
    from parley.cli import main

    (tmp_path / "a.txt").write_text("Opposition leader Ana Ruiz said on Monday that talks would resume. " * 3)
    assert main(["run", str(tmp_path / "a.txt"), "--db", str(tmp_path / "nope" / "x.db")]) == 2
    assert "no directory" in capsys.readouterr().err and not (tmp_path / "nope").exists()
