"""bench/data/events_gold: the election set's seeded pick over PolNeAR publishers (length decides, never content)
and check.py's publication date for a PolNeAR record (metadata.tsv, not a T17 folder name)."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load(name, rel):
    spec = importlib.util.spec_from_file_location(name, ROOT / rel)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


check = _load("events_gold_check", "bench/data/events_gold/check.py")
pick = _load("events_gold_pick", "bench/data/events_gold/pick.py")
HEAD = "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\n"


def _polnear(tmp: Path, rows: list[tuple[str, str, str, str, int]]) -> Path:
    """A tiny PolNeAR tree: rows of (compartment, name, publisher, date, words)."""
    root = tmp / "polnear"
    (root / "train" / "text").mkdir(parents=True)
    lines = [HEAD]
    for comp, name, pub, date, words in rows:
        lines.append(f"{comp}\t{name}\t1\tx\t{pub}\t{date}\tA\tT\n")
        if comp == "train":
            (root / "train" / "text" / f"{name}.txt").write_text(" ".join(["word"] * words), encoding="utf-8")
    (root / "metadata.tsv").write_text("".join(lines), encoding="utf-8")
    return root


def test_election_pick_is_seeded_and_filters_by_length_only(tmp_path):
    rows = [("train", f"gazette_2016-01-0{i}_story", "gazette", f"2016-01-0{i}", 300 + 10 * i) for i in range(1, 8)]
    rows += [("train", "gazette_2016-01-09_long", "gazette", "2016-01-09", 2000),
             ("train", "herald_2016-02-01_other", "herald", "2016-02-01", 400),
             ("dev", "gazette_2016-11-01_dev", "gazette", "2016-11-01", 400)]
    root = _polnear(tmp_path, rows)
    got = pick.election_candidates(root, "gazette", 3)
    assert got == pick.election_candidates(root, "gazette", 3)  # the same seed, the same draw
    assert len(got) == 3
    for path, words, published in got:
        assert path.startswith("polnear/train/text/gazette_") and pick.MIN_WORDS <= words <= pick.MAX_WORDS
        assert path.split("_")[1] == published  # the date comes from metadata.tsv
    every = pick.election_candidates(root, "gazette", 99)
    assert len(every) == 7 and not any("long" in p or "dev" in p for p, _, _ in every)


def test_check_takes_a_polnear_records_date_from_metadata(tmp_path):
    _polnear(tmp_path, [("train", "gazette_2016-03-04_story", "gazette", "2016-03-04", 300)])
    (tmp_path / "t17").mkdir()
    assert check.publication_date(tmp_path, "polnear/train/text/gazette_2016-03-04_story.txt") == "2016-03-04"
    assert check.publication_date(tmp_path, "t17/Src_x/InputDocs/2011-02-03/7.htm.txt") == "2011-02-03"
    text = (tmp_path / "polnear/train/text/gazette_2016-03-04_story.txt").read_text(encoding="utf-8")
    ev = {"evidence": text[:20], "trigger": "word", "type": "ACCUSE", "mode": None, "actor": "the mayor",
          "actor_principal": None, "recipient": None, "date": None, "date_precision": "none",
          "negated": False, "hypothetical": False, "future": False}
    rec = {"path": "polnear/train/text/gazette_2016-03-04_story.txt", "topic": "election", "outlet": "gazette",
           "events": [ev]}
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text(json.dumps(dict(rec, published="2016-03-04")) + "\n", encoding="utf-8")
    bad.write_text(json.dumps(dict(rec, published="2016-03-05")) + "\n", encoding="utf-8")
    assert check.check_file(good, tmp_path, set())[0] == []
    problems = check.check_file(bad, tmp_path, set())[0]
    assert len(problems) == 1 and "publication date" in problems[0]
