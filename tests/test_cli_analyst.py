"""CLI options for the analyst: ``--published DATE`` for inputs that carry no date, and ``claims`` as a table on
screen with ``--json`` for machines (the convention of every read verb)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.cli import main
from web_fixtures import build_sample_store

STORY = ("Protesters gathered outside parliament on Tuesday to demand new elections.\n\n"
         "The interior minister said the police would keep the square open.\n")


def _inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "2011-02-16").mkdir(parents=True)
    (root / "2011-02-16" / "dated.txt").write_text(STORY, encoding="utf-8")
    (root / "plain.txt").write_text(STORY, encoding="utf-8")
    (root / "feed.jsonl").write_text(json.dumps({"id": "j1", "published": "2009-05-04", "text": STORY}) + "\n",
                                     encoding="utf-8")
    return root


def test_published_dates_undated_inputs_only(tmp_path, capsys):
    root = _inputs(tmp_path)
    assert main(["analyze", str(root), "--published", "2022-03-08", "--date-from-path", "--time-budget", "0"]) == 0
    docs = {d["id"]: d for d in json.loads(capsys.readouterr().out)}
    assert (docs["plain"]["published"], docs["plain"]["published_basis"]) == ("2022-03-08", "input")
    assert (docs["2011-02-16/dated"]["published"], docs["2011-02-16/dated"]["published_basis"]) == ("2011-02-16",
                                                                                                   "path")
    assert docs["j1"]["published"] == "2009-05-04"  # the input's own date stays
    # the day anchors relative dates: "on Tuesday" is the Tuesday before Tuesday 2022-03-08, i.e. that day or a week back
    times = [t["value"] for t in docs["plain"]["times"] if t["text"].endswith("Tuesday")]
    assert times and times[0] in ("2022-03-08", "2022-03-01")


def test_published_must_be_a_day(tmp_path, capsys):
    root = _inputs(tmp_path)
    for bad in ("2022-13-01", "8 March 2022", "20220308", "2022-03"):
        with pytest.raises(SystemExit) as exc:
            main(["analyze", str(root / "plain.txt"), "--published", bad])
        assert exc.value.code == 2
        assert "not a YYYY-MM-DD day" in capsys.readouterr().err


def test_run_takes_published_into_the_store(tmp_path, capsys):
    root = _inputs(tmp_path)
    db = tmp_path / "p.db"
    assert main(["run", str(root / "plain.txt"), "--db", str(db), "--published", "2020-01-02", "--time-budget",
                 "0"]) == 0
    from parley.store import Store

    with Store(db) as s:
        (doc,) = s.documents()
    assert (doc.published, doc.published_basis) == ("2020-01-02", "input")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return build_sample_store(tmp_path_factory.mktemp("claims") / "s.db")


def test_claims_prints_a_table_and_json_on_request(sample_db, capsys):
    assert main(["claims", "--db", str(sample_db), "--json"]) == 0
    ledger = json.loads(capsys.readouterr().out)
    claims = [e for e in ledger if e["claim"]]
    assert claims
    assert main(["claims", "--db", str(sample_db)]) == 0
    out = capsys.readouterr().out.splitlines()
    first = claims[0]["claim"]
    ev = first["evidence"]
    assert out[0].startswith(f"{first['published']}  {first['speaker']} -> {first['target']} ({first['cue']}): ")
    assert out[0].endswith(f"[{ev['doc_id']} {ev['start']}-{ev['end']}]")
    answered = sum(1 for e in claims if e["counter_claims"])
    counters = sum(len(e["counter_claims"]) for e in ledger)
    assert out[-1].startswith(f"{len(claims)} claims ({answered} answered), {counters} counter-claims")
    assert sum(line.lstrip().startswith("answered ") for line in out) == counters
    assert not any(line.startswith("{") for line in out)  # no JSON unless asked
