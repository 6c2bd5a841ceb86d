"""Exports round-trip: PLOVER JSONL read back with json, the CSV with csv, Parquet with pandas and DuckDB."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from parley.document import Event
from parley.export import ICEWS_COLUMNS, date_bounds, export
from parley.store import Store
from web_fixtures import build_store, talks_doc

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_AT_PRECISION = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{3}X)$")  # day, month, year or decade, unpadded


@pytest.fixture
def store(tmp_path) -> Store:
    path = build_store(tmp_path / "parley.db")
    s = Store(path)
    # one statement event (CAMEO 01, no PLOVER type) and one month-precision, negated event
    doc = talks_doc()
    doc.id, doc.content_hash = "talks-2", "other-hash"
    s0, s1 = doc.sentences[2]
    doc.events = [
        Event(id="talks-2:stmt", date="2022-03-08", date_precision="day", event=None, cameo="010", quad=1,
              goldstein=0.0, actor=["Ilena Varosh"], actor_ids=["ilena-varosh"], start=s0, end=s1),
        Event(id="talks-2:month", date="2022-03", date_precision="month", event="CONSULT", cameo="040", quad=1,
              goldstein=1.0, actor=["Ilena Varosh"], actor_ids=["ilena-varosh"], recipient=["Matthias Dravik"],
              recipient_ids=["matthias-dravik"], start=s0, end=s1, negated=True, context=["election"]),
    ]
    s.upsert(doc)
    yield s
    s.close()


def test_plover_jsonl(store, tmp_path):
    out = tmp_path / "out" / "events.jsonl"
    counts = export(store, "plover-jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    n_typed = store.db.execute("SELECT COUNT(*) FROM events WHERE event IS NOT NULL").fetchone()[0]
    assert counts["events"] == len(records) == n_typed == 5
    assert counts["skipped_no_plover_type"] == 1
    texts = {d.id: d.text for d in store.documents()}
    stored = {r["id"]: dict(r) for r in store.db.execute("SELECT * FROM events")}
    for rec in records:
        for field in ("id", "date", "actor", "event"):  # required by the PLOVER JSON format
            assert rec[field], field
        assert ISO_AT_PRECISION.match(rec["date"])
        assert isinstance(rec["event"], list) and rec["event"][0] == stored[rec["id"]]["event"]
        assert all(isinstance(a, dict) and a["entity_text"] for a in rec["actor"])
        assert isinstance(rec["mode"], list) and isinstance(rec["context"], list)
        ti = rec["text_info"]
        assert texts[ti["doc_id"]][ti["start"]:ti["end"]] == rec["event_text"][0]
        assert rec["cite_info"]["url"] == store.document(ti["doc_id"]).url
        assert rec["cite_info"]["publication"] and rec["cite_info"]["title"] and rec["cite_info"]["published"]
    by_id = {r["id"]: r for r in records}
    consult = by_id["talks:0-87"]
    assert consult["actor"][0]["identifier_id"] == "matthias-dravik"
    assert consult["actor"][0]["code"] == "VAL" and consult["actor"][0]["sector"] == "GOV"
    assert consult["recipient"][0]["office"] == "opposition leader"
    assert consult["mode"] == ["meet"] and consult["quad_code"] == 1 and consult["text_info"]["sequence"] == 1
    month = by_id["talks-2:month"]
    assert (month["date"], month["date_precision"]) == ("2022-03", "month")  # at its precision, not padded
    assert "enddate" not in month  # only a reported range has an end day
    assert month["modality"] == "negated" and month["context"] == ["election"]
    assert month["text_info"]["sequence"] == 3


def test_csv_icews_columns(store, tmp_path):
    counts = export(store, "csv", tmp_path)  # an existing directory gets events.csv and mentions.csv
    with (tmp_path / "mentions.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert counts["events"] == len(rows) == store.count("events") == 6
    header = list(rows[0].keys())
    assert header[:len(ICEWS_COLUMNS)] == ICEWS_COLUMNS
    row = {r["Event ID"]: r for r in rows}["arrest:0-85"]
    assert row["Source Name"] == "Police" and row["Target Name"] == "Ilena Varosh"
    assert row["Source Sectors"] == "COP" and row["Target Sectors"] == "OPP"
    assert row["CAMEO Code"] == "173" and float(row["Intensity"]) == -5.0
    assert row["Event Text"].lower().startswith("arrest")  # the CAMEO event name, as in ICEWS
    assert row["Story ID"] == "arrest" and row["Sentence Number"] == "1" and row["Publisher"] == "Valdoria Daily"
    assert row["PLOVER Event"] == "ASSAULT" and row["Quad (PLOVER)"] == "4" and row["QuadClass (CAMEO)"] == "4"
    assert (row["Actor1 Name"], row["Actor1 Code"], row["Actor2 Name"], row["Actor2 ID"]) == (
        "Police", "VALCOP", "Ilena Varosh", "ilena-varosh")
    assert row["Happening ID"] == "c-arrest:0-85" and row["Modality"] == "asserted"
    stmt = {r["Event ID"]: r for r in rows}["talks-2:stmt"]
    assert stmt["PLOVER Event"] == "" and stmt["CAMEO Code"] == "010"  # CAMEO-only events stay in the CSV


def test_csv_dates_at_their_precision_with_precision_and_day_bounds(store, tmp_path):
    export(store, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.mentions.csv").open(encoding="utf-8", newline="") as fh:
        rows = {r["Event ID"]: r for r in csv.DictReader(fh)}
    month = rows["talks-2:month"]
    assert (month["Event Date"], month["Date Precision"]) == ("2022-03", "month")
    assert (month["Date First"], month["Date Last"]) == ("2022-03-01", "2022-03-31")
    for r in rows.values():
        assert ISO_AT_PRECISION.match(r["Event Date"]) and r["Date Precision"]
        assert ISO_DAY.match(r["Date First"]) and ISO_DAY.match(r["Date Last"]) and r["Date First"] <= r["Date Last"]
        assert len(r["Event Date"]) == {"day": 10, "week": 10, "publication": 10, "month": 7, "year": 4,
                                        "decade": 4}[r["Date Precision"]]
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(tmp_path / "e.mentions.csv", parse_dates=["Date First", "Date Last"], dtype={"Event Date": str})
    assert str(frame["Date First"].dtype).startswith("datetime64") and frame["Date Last"].notna().all()


def test_date_at_precision():
    from parley.export import iso_at_precision

    assert iso_at_precision("2013-06", "month") == "2013-06"
    assert iso_at_precision("1993", "year") == "1993"
    assert iso_at_precision("1960", "decade") == "196X"
    assert iso_at_precision("2013-09-17", "day") == "2013-09-17"
    assert iso_at_precision("2013-02-30", "day") is None and iso_at_precision(None, "day") is None


def test_parquet_pandas_and_duckdb(store, tmp_path):
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "pq"
    counts = export(store, "parquet", out)["tables"]
    tables = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'"
                                             " AND name NOT LIKE 'sqlite_%'")]
    assert set(counts) == set(tables)
    for table in tables:
        path = out / f"{table}.parquet"
        assert path.is_file()
        n = store.count(table)
        assert counts[table] == n
        df = pd.read_parquet(path)
        assert len(df) == n
        assert list(df.columns) == [c[1] for c in store.db.execute(f'PRAGMA table_info("{table}")')]
        assert duckdb.sql(f"SELECT COUNT(*) FROM read_parquet('{path}')").fetchall()[0][0] == n
    events = pd.read_parquet(out / "events.parquet")
    assert str(events["quad"].dtype) == "int64" and str(events["goldstein"].dtype) == "float64"
    assert events["cameo"].tolist().count("010") == 1  # codes keep their leading zeros (strings)
    actors = json.loads(events.set_index("id").loc["talks:0-87", "actor"])  # JSON-text columns stay strings
    assert actors == ["Matthias Dravik"]
    docs = pd.read_parquet(out / "documents.parquet")
    record = json.loads(docs.set_index("id").loc["talks", "record"])
    assert record["text"][record["events"][0]["start"]:record["events"][0]["end"]].startswith("Prime Minister")
    joined = duckdb.sql(
        f"SELECT e.event, d.outlet FROM read_parquet('{out / 'events.parquet'}') e"
        f" JOIN read_parquet('{out / 'documents.parquet'}') d ON d.id = e.doc_id WHERE e.id = 'arrest:0-85'"
    ).fetchall()
    assert joined == [("ASSAULT", "Valdoria Daily")]
    assert len(pd.read_parquet(out / "claims.parquet")) == 0  # empty tables are readable, with their columns


def test_unknown_format(store, tmp_path):
    with pytest.raises(ValueError, match="plover-jsonl"):
        export(store, "xml", tmp_path / "x")


def test_date_bounds():
    assert date_bounds("2022-02") == ("2022-02-01", "2022-02-28")
    assert date_bounds("2024") == ("2024-01-01", "2024-12-31")
    assert date_bounds("2022-03-07") == ("2022-03-07", "2022-03-07")
    assert date_bounds("soon") == (None, None) and date_bounds(None) == (None, None)


def test_export_of_sample_corpus(tmp_path):
    from web_fixtures import build_sample_store

    path = build_sample_store(tmp_path / "sample.db")
    with Store(path) as store:
        counts = export(store, "plover-jsonl", tmp_path / "s.jsonl")
        n = store.db.execute("SELECT COUNT(*) FROM events WHERE event IS NOT NULL").fetchone()[0]
        texts = {d.id: d.text for d in store.documents()}
        pq = export(store, "parquet", tmp_path / "pq")["tables"]
        assert pq["documents"] == store.count("documents")
    assert counts["events"] + counts["skipped_no_date"] == n
    for line in Path(tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        ti = rec["text_info"]
        assert texts[ti["doc_id"]][ti["start"]:ti["end"]] == rec["event_text"][0]
        assert ISO_AT_PRECISION.match(rec["date"]) and rec["actor"] is not None and rec["event"]


def _injection_store(tmp_path) -> Store:
    text = "=HYPERLINK(\"http://evil.example\",\"click\") said the council.\n\n@SUM(A1:A9) was the reply."
    doc = talks_doc()
    doc.id, doc.content_hash, doc.text = "inject", "inject-hash", text
    doc.title = "+cmd|' /C calc'!A0"
    doc.url = "-2+3"
    doc.sentences = [[0, 56], [58, len(text)]]
    doc.actors, doc.quotes, doc.times = [], [], []
    doc.events = [Event(id="inject:0-56", date="2022-03-07", date_precision="day", event="CONSULT", cameo="040",
                        quad=1, goldstein=-5.0, actor=["@SUM(A1)"], recipient=["\tTab\x00Name\x07"],
                        start=0, end=56)]
    s = Store(tmp_path / "inject.db")
    s.upsert(doc)
    return s


def test_csv_neutralises_formulas(tmp_path):
    from parley.export import csv_cell

    with _injection_store(tmp_path) as s:
        export(s, "csv", tmp_path / "safe.csv")
        export(s, "csv", tmp_path / "raw.csv", raw_csv=True)
    with (tmp_path / "safe.mentions.csv").open(encoding="utf-8", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["Evidence Text"].startswith("'=HYPERLINK(")
    assert row["Headline"] == "'+cmd|' /C calc'!A0"
    assert row["URL"] == "'-2+3"
    assert row["Source Name"] == "'@SUM(A1)"
    assert row["Target Name"] == "'\tTabName"  # C0 controls gone, the leading tab neutralised
    assert float(row["Intensity"]) == -5.0  # numbers are not text cells
    assert row["Event Date"] == "2022-03-07" and row["Story ID"] == "inject"
    with (tmp_path / "raw.mentions.csv").open(encoding="utf-8", newline="") as fh:
        (raw,) = list(csv.DictReader(fh))
    assert raw["Evidence Text"].startswith("=HYPERLINK(") and raw["Source Name"] == "@SUM(A1)"
    assert csv_cell("\r=1+2") == "'=1+2" and csv_cell("a = b") == "a = b" and csv_cell(3) == 3


def test_raw_csv_flag(tmp_path, capsys):
    from parley.cli import main

    _injection_store(tmp_path).close()
    db = str(tmp_path / "inject.db")
    assert main(["export", "--db", db, "--format", "csv", "--out", str(tmp_path / "a.csv")]) == 0
    assert main(["export", "--db", db, "--format", "csv", "--out", str(tmp_path / "b.csv"), "--raw-csv"]) == 0
    assert ",'@SUM(A1)," in (tmp_path / "a.mentions.csv").read_text(encoding="utf-8")
    assert ",@SUM(A1)," in (tmp_path / "b.mentions.csv").read_text(encoding="utf-8")
