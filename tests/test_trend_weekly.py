"""The trend report by ISO week and by month, undirected and directed, with Goldstein sums and quad shares."""

from __future__ import annotations

import json

import pytest

from parley.cli import main
from parley.corpus.trend import bucket, dyad_report, report_csv
from test_corpus import SOREL, VERIN, build, mk, store_with


def _docs():
    text = ("Verin met Sorel on Monday. Sorel accused Verin of lying. Verin arrested Sorel's aide on Friday. "
            "Verin praised Sorel the next week. In September Verin fined Sorel.")
    return [mk("w1", "2013-09-06", "Daily Veloria", text, [VERIN, SOREL], events=[
        {"span": "Verin met Sorel on Monday", "event": "CONSULT", "date": "2013-09-02",
         "actor": ["tomas-verin"], "recipient": ["lina-sorel"], "quad": 1, "goldstein": 1.0},
        {"span": "Sorel accused Verin of lying", "event": "ACCUSE", "date": "2013-09-04",
         "actor": ["lina-sorel"], "recipient": ["tomas-verin"], "quad": 3, "goldstein": -2.0},
        {"span": "Verin arrested Sorel's aide on Friday", "event": "COERCE", "date": "2013-09-06",
         "actor": ["tomas-verin"], "recipient": ["lina-sorel"], "quad": 4, "goldstein": -9.0},
        {"span": "Verin praised Sorel the next week", "event": "SUPPORT", "date": "2013-09-12", "precision": "week",
         "actor": ["tomas-verin"], "recipient": ["lina-sorel"], "quad": 1, "goldstein": 3.0},
        {"span": "In September Verin fined Sorel", "event": "SANCTION", "date": "2013-09", "precision": "month",
         "actor": ["tomas-verin"], "recipient": ["lina-sorel"], "quad": 4, "goldstein": -5.0},
    ])]


def test_iso_week_labels():
    assert bucket("2013-09-02", "week") == "2013-W36"
    assert bucket("2012-12-31", "week") == "2013-W01"  # the week of Thursday 2013-01-03
    assert bucket("2013-09-02", "month") == "2013-09"


def test_weekly_buckets_leave_month_only_dates_out_with_a_reason(tmp_path):
    with store_with(tmp_path, *_docs()) as store:
        build(store)
        weekly = dyad_report(store, "Verin", "Sorel", by="week")
        assert [(r["week"], r["n"]) for r in weekly["rows"]] == [("2013-W36", 3), ("2013-W37", 1)]
        assert weekly["left_out"] == {"coarser than a week": 1}
        assert weekly["counted"] == {"day": 3, "week": 1}
        monthly = dyad_report(store, "Verin", "Sorel", by="month")
        assert [(r["month"], r["n"]) for r in monthly["rows"]] == [("2013-09", 5)]
        assert monthly["left_out"] == {}
        with pytest.raises(ValueError):
            dyad_report(store, "Verin", "Sorel", by="year")


def test_both_views_goldstein_sum_mean_and_quad_shares(tmp_path):
    with store_with(tmp_path, *_docs()) as store:
        build(store)
        week = dyad_report(store, "Verin", "Sorel", by="week")["rows"][0]
        assert (week["a_to_b"], week["b_to_a"], week["mutual"]) == (1, 1, 1)  # arrest, accusation, meeting
        assert week["sum_goldstein"] == pytest.approx(-10.0)
        assert week["mean_goldstein"] == pytest.approx(-10.0 / 3, abs=1e-3)
        assert [week[f"share{q}"] for q in (1, 2, 3, 4)] == pytest.approx([1 / 3, 0, 1 / 3, 1 / 3], abs=1e-3)
        directed = dyad_report(store, "Verin", "Sorel", by="week", directed=True)
        first = directed["rows"][0]
        assert (first["n"], first["a_to_b"], first["b_to_a"], first["mutual"]) == (2, 1, 0, 1)
        assert first["sum_goldstein"] == pytest.approx(-8.0)
        assert directed["directed"] is True
        reverse = dyad_report(store, "Sorel", "Verin", by="week", directed=True)
        assert [(r["week"], r["n"], r["a_to_b"]) for r in reverse["rows"]] == [("2013-W36", 2, 1)]
        header = report_csv(directed["rows"], "week").splitlines()[0].split(",")
        assert header[0] == "week" and {"sum_goldstein", "share4", "mutual"} <= set(header)


def test_cli_by_week_and_directed(tmp_path, capsys):
    with store_with(tmp_path, *_docs()) as store:
        build(store)
    db = str(tmp_path / "c.db")
    assert main(["trend", "--db", db, "--dyad", "Verin", "Sorel", "--by", "week"]) == 0
    out = capsys.readouterr().out
    assert "both ways" in out and "2013-W36" in out and "coarser than a week 1" in out
    assert main(["trend", "--db", db, "--dyad", "Verin", "Sorel", "--by", "week", "--directed", "--json",
                 "--csv", str(tmp_path / "t.csv")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["by"] == "week" and report["directed"] and report["rows"][0]["n"] == 2
    assert (tmp_path / "t.csv").read_text().startswith("week,n,")
