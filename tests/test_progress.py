"""Progress on stderr: plain lines with rate and ETA every few seconds when piped, a bar with ETA on a terminal,
and a heartbeat through the corpus rebuild."""

from __future__ import annotations

import functools
import io
import time

from parley import cli
from parley.progress import Heartbeat, Progress, status_line


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_status_line_rate_and_eta():
    assert status_line("analyzing", 120, 308, 30.0) == \
        "parley: analyzing 120/308 (38%), 4.0/s, 30s elapsed, ETA 47s"
    assert status_line("analyzing", 0, 308, 2.0).endswith("2s elapsed")  # no rate yet: no ETA
    assert "ETA" not in status_line("analyzing", 40, None, 10.0)  # unknown total
    assert status_line("analyzing", 10, 1000, 5.0).endswith("ETA 8m15s")


def test_piped_progress_is_one_line_every_few_seconds():
    out, clock = io.StringIO(), Clock()
    with Progress("analyzing", 10, stream=out, tty=False, every=5.0, clock=clock) as p:
        for _ in range(10):
            clock.now += 2.0
            p.advance()
    lines = out.getvalue().splitlines()
    # after 6 s (3 docs), 12 s (6), 18 s (9), then the closing line at 10/10
    assert [line.split(",")[0] for line in lines] == ["parley: analyzing 3/10 (30%)", "parley: analyzing 6/10 (60%)",
                                                      "parley: analyzing 9/10 (90%)", "parley: analyzing 10/10 (100%)"]
    assert lines[0].endswith("ETA 14s") and "ETA" not in lines[-1]


def test_quick_piped_runs_stay_quiet():
    out = io.StringIO()
    with Progress("analyzing", 3, stream=out, tty=False) as p:
        p.advance(3)
    assert out.getvalue() == ""


def test_terminal_bar_shows_eta():
    out = io.StringIO()
    with Progress("analyzing", 40, stream=out, tty=True) as p:
        for _ in range(40):
            p.advance()
    text = out.getvalue()
    assert "analyzing" in text and "40/40" in text and "ETA" in text


def test_heartbeat_when_piped():
    out = io.StringIO()
    with Heartbeat("rebuilding the corpus tables", stream=out, tty=False, every=0.02):
        time.sleep(0.15)
    lines = out.getvalue().splitlines()
    assert len(lines) >= 3 and lines[0].startswith("parley: rebuilding the corpus tables, ")
    assert lines[-1].startswith("parley: rebuilding the corpus tables done in ")


def test_run_reports_through_the_rebuild(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text("The council met on Monday to discuss the budget.\n", encoding="utf-8")
    real = cli._rebuild_corpus

    def slow(*args, **kwargs):
        time.sleep(0.15)
        return real(*args, **kwargs)

    monkeypatch.setattr(cli, "_rebuild_corpus", slow)
    monkeypatch.setattr(cli, "Heartbeat", functools.partial(Heartbeat, every=0.03, tty=False))
    assert cli.main(["run", str(tmp_path / "a.txt"), "--db", str(tmp_path / "p.db"), "--time-budget", "0"]) == 0
    err = capsys.readouterr().err
    assert "parley: rebuilding the corpus tables, " in err and "rebuilding the corpus tables done in" in err
