"""The happening-level exports: events.csv (one row per event cluster) and happenings.parquet, read back with
csv, pandas and DuckDB; the mention-level table beside them keeps one row per mention."""

from __future__ import annotations

import csv
import json

import pytest

from parley.document import Event
from parley.export import export
from parley.export_tables import HAPPENING_COLUMNS
from parley.store import Store
from web_fixtures import arrest_doc, build_store


@pytest.fixture
def store(tmp_path) -> Store:
    """The web fixture store, plus a second article reporting the same arrest (one happening, two mentions) and a
    call for talks coded REQUEST (PLOVER quad 3) with CAMEO 026 (CAMEO quad 1, Goldstein +4.0)."""
    s = Store(build_store(tmp_path / "h.db"))
    doc = arrest_doc()
    doc.id, doc.content_hash, doc.outlet, doc.published = "arrest-2", "arrest-2-hash", "Kestrava Post", "2022-04-17"
    s0, s1 = doc.sentences[0]
    doc.events = [Event(id="arrest-2:0-85", date="2022-04-15", date_precision="day", event="ASSAULT", mode="arrest",
                        cameo="173", quad=4, goldstein=-5.0, actor=["Police"], recipient=["Ilena Varosh"],
                        actor_ids=["police"], recipient_ids=["ilena-varosh"], start=s0, end=s1,
                        trigger_span=[s0 + 7, s0 + 15], actor_spans=[[s0, s0 + 6]])]
    s.upsert(doc)
    db = s.db
    db.execute("UPDATE event_clusters SET num_articles = 2, num_sources = 2, num_events = 2, doc_ids = ?,"
               " sources = ?, earliest_report = '2022-04-16', latest_report = '2022-04-17' WHERE id = 'c-arrest:0-85'",
               (json.dumps(["arrest", "arrest-2"]), json.dumps(["Kestrava Post", "Valdoria Daily"])))
    db.execute("INSERT INTO event_cluster_members VALUES (?,?,?,?,?,?,?,?)",
               ("arrest-2:0-85", "c-arrest:0-85", "arrest-2", s0, s1, doc.text[s0:s1], doc.published, doc.outlet))
    db.execute("UPDATE event_clusters SET event = 'REQUEST', family = 'REQUEST', cameo = '026', quad = 3,"
               " goldstein = 4.0 WHERE id = 'c-talks:0-87'")
    db.execute("UPDATE corpus_actors SET code = 'SYRCOP', type = 'group' WHERE id = 'police'")
    db.execute("UPDATE corpus_actors SET code = 'VALOPP' WHERE id = 'ilena-varosh'")
    db.commit()
    yield s
    s.close()


def _read(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_one_row_per_happening_and_one_per_mention(store, tmp_path):
    counts = export(store, "csv", tmp_path / "out")  # a folder name: events.csv + mentions.csv
    happen, mentions = _read(tmp_path / "out" / "events.csv"), _read(tmp_path / "out" / "mentions.csv")
    assert counts["happenings"] == len(happen) == store.count("event_clusters")
    assert counts["events"] == len(mentions) == store.count("events")
    assert list(happen[0]) == HAPPENING_COLUMNS
    arrests = [r for r in happen if r["PLOVER Event"] == "ASSAULT"]
    assert len(arrests) == 1  # reported twice, counted once
    (arrest,) = arrests
    assert (arrest["NumArticles"], arrest["NumSources"], arrest["NumMentions"]) == ("2", "2", "2")
    assert arrest["Evidence Article IDs"] == "arrest; arrest-2"
    assert arrest["Mention IDs"] == "arrest:0-85; arrest-2:0-85"
    assert (arrest["First Seen"], arrest["Last Seen"]) == ("2022-04-16", "2022-04-17")
    assert (arrest["Event Date"], arrest["Date Precision"], arrest["Date First"]) == ("2022-04-15", "day", "2022-04-15")
    members = [m for m in mentions if m["Happening ID"] == arrest["Happening ID"]]
    assert sorted(m["Story ID"] for m in members) == ["arrest", "arrest-2"]
    second = next(m for m in members if m["Story ID"] == "arrest-2")
    text = store.document("arrest-2").text
    assert text[int(second["Trigger Start"]):int(second["Trigger End"])] == "arrested"
    assert text[int(second["Actor1 Start"]):int(second["Actor1 End"])] == "Police"


def test_actor_columns_one_actor_each_with_code_type_and_country(store, tmp_path):
    export(store, "csv", tmp_path / "e.csv")
    rows = {r["Happening ID"]: r for r in _read(tmp_path / "e.csv")}
    arrest = rows["c-arrest:0-85"]
    assert (arrest["Actor1 Name"], arrest["Actor1 ID"], arrest["Actor1 Code"], arrest["Actor1 Type"]) == (
        "Police", "police", "SYRCOP", "group")
    assert arrest["Actor1 Country"] == "SYR"  # an ISO 3166 alpha-3 prefix is a country
    assert (arrest["Actor2 Name"], arrest["Actor2 Code"], arrest["Actor2 Country"]) == ("Ilena Varosh", "VALOPP", "")
    assert arrest["Actor1 Others"] == "" and ";" not in arrest["Actor1 Name"]


def test_scores_are_labelled_with_their_convention(store, tmp_path):
    export(store, "csv", tmp_path / "e.csv")
    call = {r["Happening ID"]: r for r in _read(tmp_path / "e.csv")}["c-talks:0-87"]
    assert call["CAMEO Code"] == "026" and call["CAMEO Event Text"].startswith("Appeal to others to meet")
    assert float(call["Goldstein (CAMEO)"]) == 4.0
    assert call["QuadClass (CAMEO)"] == "1"  # CAMEO: verbal cooperation
    assert call["Quad (PLOVER)"] == "3"  # PLOVER's REQUEST quad, in its own column
    stmt_free = [r for r in _read(tmp_path / "e.csv") if r["Kind"] != "event"]
    assert all(r["Quad (PLOVER)"] == "" for r in stmt_free)


def test_happenings_parquet_is_typed_for_pandas_and_duckdb(store, tmp_path):
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    counts = export(store, "parquet", tmp_path / "pq")
    path = tmp_path / "pq" / "happenings.parquet"
    assert counts["derived"]["happenings"] == store.count("event_clusters")
    types = {r[0]: r[1] for r in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()}
    assert types["Date First"] == "DATE" and types["First Seen"] == "DATE"
    assert types["NumArticles"] == "BIGINT" and types["Goldstein (CAMEO)"] == "DOUBLE"
    assert types["Evidence Article IDs"] == "VARCHAR[]" and types["Event Date"] == "VARCHAR"
    ((n,),) = duckdb.sql(f"SELECT NumArticles FROM read_parquet('{path}') WHERE \"PLOVER Event\" = 'ASSAULT'"
                      " AND \"Date First\" = DATE '2022-04-15'").fetchall()
    assert n == 2
    frame = pd.read_parquet(path)
    assert len(frame) == counts["derived"]["happenings"]
    assert str(frame["NumArticles"].dtype) == "int64"
    arrest = frame.set_index("Happening ID").loc["c-arrest:0-85"]
    assert list(arrest["Evidence Article IDs"]) == ["arrest", "arrest-2"]
    assert pd.Timestamp(arrest["Date First"]) == pd.Timestamp("2022-04-15")


def test_sample_corpus_happenings(tmp_path):
    pd = pytest.importorskip("pandas")
    from web_fixtures import build_sample_store

    path = build_sample_store(tmp_path / "sample.db")
    with Store(path) as s:
        export(s, "csv", tmp_path / "csv")
        n_clusters, n_events = s.count("event_clusters"), s.count("events")
        texts = {d.id: d.text for d in s.documents()}
    frame = pd.read_csv(tmp_path / "csv" / "events.csv", parse_dates=["Date First", "Date Last"],
                        dtype={"Event Date": str, "CAMEO Code": str})
    assert len(frame) == n_clusters and frame["NumMentions"].sum() == n_events
    dated = frame[frame["Event Date"].notna()]
    assert str(dated["Date First"].dtype).startswith("datetime64") and (dated["Date First"] <= dated["Date Last"]).all()
    assert not frame["CAMEO Code"].dropna().str.len().lt(2).any()  # codes keep their leading zeros
    kinds = set(frame["Kind"])
    assert kinds <= {"event", "statement", "election", "untyped"} and "event" in kinds
    assert frame.loc[frame["Kind"] == "event", "PLOVER Event"].notna().all()
    assert frame.loc[frame["Kind"] == "statement", "CAMEO Code"].str[:2].isin(["01", "02"]).all()
    for doc, start, end, text in zip(frame["Evidence Doc ID"], frame["Evidence Start"], frame["Evidence End"],
                                     frame["Evidence Text"], strict=True):
        assert texts[doc][int(start):int(end)] == text


def test_both_csv_tables_load_typed_in_duckdb_and_pandas(store, tmp_path):
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    export(store, "csv", tmp_path / "csv")
    for name, counts in (("events.csv", "NumArticles"), ("mentions.csv", "Evidence Start")):
        path = tmp_path / "csv" / name
        types = {r[0]: r[1] for r in duckdb.sql(f"DESCRIBE SELECT * FROM read_csv('{path}')").fetchall()}
        assert types["Date First"] == "DATE" and types["Date Last"] == "DATE", name
        assert types[counts] == "BIGINT", name
        frame = pd.read_csv(path, parse_dates=["Date First", "Date Last"])
        assert str(frame["Date First"].dtype).startswith("datetime64") and str(frame[counts].dtype) == "int64"
