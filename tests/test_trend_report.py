"""The trend report counts every happening with its date basis and accounts for what it leaves out."""

from __future__ import annotations

import json

import pytest

from parley.cli import main
from parley.corpus.trend import UnknownSide, dyad_report, report_csv
from test_corpus import SOREL, VERIN, build, mk, store_with


def _docs():
    text = ("Verin met Sorel on January 9. Sorel accused Verin of fraud. Verin did not threaten Sorel. "
            "Sorel said Verin must go. Verin and Sorel clashed in 2019.")
    return [mk("r1", "2020-03-02", "Daily Veloria", text, [VERIN, SOREL], events=[
        {"span": "Verin met Sorel on January 9", "event": "CONSULT", "date": "2020-01-09",
         "actor": ["tomas-verin"], "recipient": ["lina-sorel"], "quad": 1, "goldstein": 1.0},
        {"span": "Sorel accused Verin of fraud", "event": "ACCUSE", "date": "2020-03-02", "precision": "publication",
         "actor": ["lina-sorel"], "recipient": ["tomas-verin"], "quad": 3, "goldstein": -2.0},
        {"span": "Verin did not threaten Sorel", "event": "THREATEN", "date": "2020-03-02", "negated": True,
         "actor": ["tomas-verin"], "recipient": ["lina-sorel"], "quad": 3, "goldstein": -4.0},
        {"span": "Sorel said Verin must go", "event": None, "cameo": "010", "date": "2020-03-02",
         "precision": "publication", "actor": ["lina-sorel"], "recipient": ["tomas-verin"], "quad": 1},
        {"span": "Verin and Sorel clashed in 2019", "event": "ASSAULT", "date": "2019", "precision": "year",
         "actor": ["tomas-verin"], "recipient": ["lina-sorel"], "quad": 4, "goldstein": -9.0},
    ])]


def test_publication_dated_happenings_count_and_the_rest_is_accounted_for(tmp_path):
    with store_with(tmp_path, *_docs()) as store:
        build(store)
        report = dyad_report(store, "Verin", "Sorel")
        assert [(r["month"], r["n"], r["published_only"]) for r in report["rows"]] == [
            ("2020-01", 1, 0), ("2020-03", 1, 1)]
        assert report["counted"] == {"day": 1, "publication": 1}
        assert report["left_out"] == {"statement": 1, "negated": 1, "year-only date": 1}
        with_statements = dyad_report(store, "Verin", "Sorel", include_statements=True)
        assert with_statements["counted"] == {"day": 1, "publication": 2}
        assert "statement" not in with_statements["left_out"]
        csv = report_csv(report["rows"]).splitlines()
        assert "published_only" in csv[0].split(",") and len(csv) == 3


def test_unknown_actor_is_an_error_with_close_matches(tmp_path, capsys):
    with store_with(tmp_path, *_docs()) as store:
        build(store)
        with pytest.raises(UnknownSide) as err:
            dyad_report(store, "Sorell", "Verin")
        assert "Sorel" in err.value.suggestions
        with pytest.raises(UnknownSide):
            dyad_report(store, "XYZ", "Verin")  # a code no happening's actor carries
    db = str(tmp_path / "c.db")
    assert main(["trend", "--db", db, "--dyad", "Sorell", "Verin"]) == 2
    assert "did you mean 'Sorel'" in capsys.readouterr().err
    assert main(["trend", "--db", db, "--dyad", "Verin", "Sorel"]) == 0
    out = capsys.readouterr().out
    assert "counted 2 happenings: day 1, publication 1" in out
    assert "left out 3 happenings" in out and "negated 1" in out and "statement 1" in out
    assert main(["trend", "--db", db, "--dyad", "Verin", "Sorel", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["left_out"]["negated"] == 1
