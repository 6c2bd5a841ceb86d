"""Progress of long runs on stderr: a bar with rate and ETA on a terminal, one plain line every few seconds when
stderr is piped or logged (a bar's redraws would fill a log file), and a heartbeat for steps that cannot count
their work (the corpus rebuild).

Why not rich's bar alone: rich draws nothing when stderr is not a terminal, so a ``parley run`` under ``nohup``,
cron or CI said nothing for minutes, and a rebuild of several seconds was silence either way.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

EVERY = 5.0  # seconds between two plain lines
MIN_BAR = 20  # a terminal bar only for runs of at least this many documents (or an unknown count)


def _clock_text(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


def status_line(label: str, done: int, total: int | None, elapsed: float) -> str:
    """``parley: analyzing 120/308 (39%), 4.1/s, ETA 46s`` (no ETA while nothing is done or the total unknown)."""
    rate = done / elapsed if elapsed > 0 else 0.0
    head = f"parley: {label} {done}" + (f"/{total} ({100 * done // total}%)" if total else "")
    eta = f", ETA {_clock_text((total - done) / rate)}" if total and rate > 0 and done < total else ""
    return f"{head}, {rate:.1f}/s, {_clock_text(elapsed)} elapsed{eta}"


class Progress:
    """``with Progress("analyzing", total) as p: p.advance()``. ``tty`` defaults to whether ``stream`` is a
    terminal; ``clock`` is injectable for tests."""

    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None, every: float = EVERY,
                 tty: bool | None = None, clock: Callable[[], float] = time.monotonic):
        self.label, self.total, self.every, self.clock = label, total, every, clock
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.done = 0
        self._bar = None
        self._printed = False

    def __enter__(self) -> Progress:
        self.start = self.last = self.clock()
        if self.tty and (self.total is None or self.total >= MIN_BAR):
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(TextColumn(self.label), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                            TimeRemainingColumn(), console=Console(file=self.stream, force_terminal=True))
            self._bar.__enter__()
            self._task = self._bar.add_task(self.label, total=self.total, rate="")
        return self

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if self._bar is not None:
            elapsed = now - self.start
            self._bar.update(self._task, advance=n, rate=f"{self.done / elapsed:.1f}/s" if elapsed > 0 else "")
        elif not self.tty and now - self.last >= self.every:
            self._line(now)

    def _line(self, now: float) -> None:
        print(status_line(self.label, self.done, self.total, now - self.start), file=self.stream, flush=True)
        self.last, self._printed = now, True

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
        elif self._printed:  # the last state, so a log ends with the full count
            self._line(self.clock())


class Heartbeat:
    """For a step that cannot count its work: on a terminal a spinner with the elapsed time, piped one line every
    ``every`` seconds (``parley: rebuilding corpus tables, 10s elapsed``) and a closing line when it took that
    long."""

    def __init__(self, label: str, stream: TextIO | None = None, every: float = EVERY, tty: bool | None = None):
        self.label, self.every = label, every
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self._stop = threading.Event()
        self._status = None
        self._beats = 0

    def __enter__(self) -> Heartbeat:
        self.start = time.monotonic()
        if self.tty:
            from rich.console import Console

            self._status = Console(file=self.stream, force_terminal=True).status(f"{self.label}…")
            self._status.__enter__()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.every if not self.tty else 1.0):
            elapsed = time.monotonic() - self.start
            if self._status is not None:
                self._status.update(f"{self.label}… {_clock_text(elapsed)}")
            else:
                print(f"parley: {self.label}, {_clock_text(elapsed)} elapsed", file=self.stream, flush=True)
                self._beats += 1

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        if self._status is not None:
            self._status.__exit__(*exc)
        elif self._beats:
            print(f"parley: {self.label} done in {_clock_text(time.monotonic() - self.start)}", file=self.stream,
                  flush=True)
