"""The CLI fits a new user: every option explains itself, output is valid JSON, pipes close quietly."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

from parley import __version__
from parley.cli import build_parser, main
from parley.cli_read import clip
from parley.ingest import make_raw, with_path_date

STORY = ("Protesters gathered outside parliament on Tuesday to demand new elections.\n\n"
         "The interior minister said the police would keep the square open.\n")


def _parsers(p: argparse.ArgumentParser):
    yield p
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_every_option_of_every_verb_has_help():
    missing = []
    for p in _parsers(build_parser()):
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
                continue
            if not action.help:
                missing.append(f"{p.prog} {'/'.join(action.option_strings) or action.dest}")
    assert not missing, missing


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"parley {__version__}"


def _tree(tmp_path: Path) -> Path:
    day = tmp_path / "news" / "Guardian" / "InputDocs" / "2011-02-16"
    day.mkdir(parents=True)
    (day / "17.htm.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "news" / "plain.txt").write_text("The court ruled on the appeal against the ban.\n", encoding="utf-8")
    return tmp_path / "news"


def test_analyze_several_files_prints_one_json_array(tmp_path, capsys):
    assert main(["analyze", str(_tree(tmp_path)), "--time-budget", "0"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert isinstance(docs, list) and len(docs) == 2
    assert {d["id"] for d in docs} == {"plain", "Guardian/InputDocs/2011-02-16/17.htm"}
    assert all(d["published"] is None for d in docs)  # no date from the path unless asked


def test_analyze_jsonl_and_empty_array(tmp_path, capsys):
    news = _tree(tmp_path)
    assert main(["analyze", str(news), "--jsonl", "--time-budget", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(isinstance(json.loads(x), dict) for x in lines)
    (tmp_path / "bad.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path / "bad.txt")]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_date_from_path_is_opt_in_with_basis_path(tmp_path, capsys):
    news = _tree(tmp_path)
    assert main(["analyze", str(news), "--date-from-path", "--time-budget", "0"]) == 0
    docs = {d["id"]: d for d in json.loads(capsys.readouterr().out)}
    dated = docs["Guardian/InputDocs/2011-02-16/17.htm"]
    assert (dated["published"], dated["published_basis"]) == ("2011-02-16", "path")
    assert docs["plain"]["published"] is None


def test_path_date_rules():
    def dated(path):
        return with_path_date(make_raw("x", path, STORY.encode(), "text"), path).published

    assert dated("t17/bpoil/InputDocs/2010-05-03/4.htm.txt") == "2010-05-03"
    assert dated("archive/2019-07-01.txt") == "2019-07-01"
    assert dated("a/2010-05-03/b/2011-01-02/c.txt") == "2011-01-02"  # the nearest wins
    assert dated("a/2010-13-03/c.txt") is None  # not a date
    assert dated("a/x2010-05-03y/c.txt") is None  # only a whole folder or file name
    raw = make_raw("x", "a/2010-05-03/c.txt", STORY.encode(), "text")
    raw.published = "2009-01-01"
    assert with_path_date(raw, "a/2010-05-03/c.txt").published == "2009-01-01"  # the input's own date stays


def test_timeline_articles_take_published_and_reject_bad_lines(tmp_path, capsys):
    f = tmp_path / "a.jsonl"
    rows = [{"id": "a1", "published": "2013-09-17", "text": "The opposition held a rally in the capital on Monday."},
            {"id": "a2", "time": "2013-09-20", "text": "The prime minister met the opposition leader on Friday."}]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["timeline", "--articles", str(f), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert {s for e in entries for s in e["sources"]} == {"a1", "a2"}
    with f.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a3", "published": "17 Sept 2013", "text": "x"}) + "\n")
    assert main(["timeline", "--articles", str(f)]) == 2
    err = capsys.readouterr().err
    assert ":3:" in err and "ISO date" in err


class _ClosedPipe:
    """stdout whose reader has gone (``| head -1``): every write fails as on a closed pipe."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self):
        raise ValueError("no descriptor")


def test_closed_pipe_exits_quietly(tmp_path, monkeypatch, capsys):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "a1", "published": "2013-09-17", "text": "The council met on Monday."}) + "\n",
                 encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["timeline", "--articles", str(f), "--json"]) == 0
    assert main(["analyze", str(_tree(tmp_path)), "--time-budget", "0"]) == 0
    assert capsys.readouterr().err == ""


def test_clip_keeps_whole_words():
    s = "The court ordered the dissolution of the party under the Constitution of the kingdom"
    out = clip(s, 60)
    assert len(out) <= 60 and out.endswith("…")
    assert s.startswith(out[:-1]) and s[len(out) - 1] == " "  # cut just before a space
    assert clip("short text", 60) == "short text"
    assert clip("Supercalifragilisticexpialidocious words", 12) == "Supercalifr…"
