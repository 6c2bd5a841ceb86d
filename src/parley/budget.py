"""The per-document time budget: a document that takes too long becomes that document's error, not a hang.

What is counted: the CPU seconds spent on the document, not wall-clock seconds. The analysis is pure CPU work
over text already read (reading, where a FIFO or /dev/zero could block, is bounded in ``ingest``), so CPU time is
the document's cost; wall-clock time is that cost divided by the share of the machine the run gets. Counted on
the wall clock, whether a document is stored or refused depended on the load of the machine (issue 15: on the
shared 2 cores at CPU/wall 0.22 a 60 s budget left 13 CPU seconds, and a 1 MB page that needs 12 was refused in
one run and stored in the next): a document's outcome must be a function of the document.

Why two mechanisms: the stages are pure Python over one document, so a deadline checked *cooperatively*
(``check(ctx)``, between the stages and inside the long loops of ``text``, on the thread's CPU clock) works
everywhere, including Dask worker threads; but a single super-linear step inside a stage (a regex over a huge
paragraph) never reaches a check. In the main thread on POSIX a CPU interval timer (``signal.setitimer
(ITIMER_PROF)``, the process's CPU time) therefore also raises ``BudgetExceeded`` wherever the interpreter is when
the budget runs out (after the current C call returns), and a wall-clock timer at ``WALL_FACTOR`` times the
budget is the backstop for a document that waits without using the CPU.

``BudgetExceeded`` derives from ``BaseException`` so that the ``except Exception`` a stage uses to tolerate a
library's failure (htmldate, a user dictionary) cannot swallow it; the batch runner catches it by name. An
interrupted stage leaves nothing behind: resources load into ``ctx`` only when their loader returns, and the
store is written only after the analysis, outside the budget.

The budget is ``ctx.option("time_budget", DEFAULT_SECONDS)`` CPU seconds (``--time-budget`` on the command
line); 0 or None turns it off.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from parley.context import Context

OPTION = "time_budget"
DEFAULT_SECONDS = 60.0
WALL_FACTOR = 10  # the wall-clock backstop: ten times the budget (a run on a machine at 1/10 of a core still passes)


class BudgetExceeded(BaseException):  # noqa: N818 — it is an interruption, like KeyboardInterrupt
    """The current document ran past its time budget."""


def seconds(ctx: Context) -> float | None:
    value = ctx.option(OPTION, DEFAULT_SECONDS)
    return float(value) if value else None


@contextmanager
def document(ctx: Context) -> Iterator[None]:
    """Run the body under the document's budget (a CPU deadline in ``ctx`` plus, in the main thread, timers)."""
    limit = seconds(ctx)
    if limit is None or limit <= 0:
        yield
        return
    ctx.deadline = time.thread_time() + limit
    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = {}
    wall_end = time.monotonic() + WALL_FACTOR * limit
    if timer:
        def _alarm(signum, frame):
            clock = "" if signum == signal.SIGPROF else f" (wall-clock backstop {WALL_FACTOR * limit:g} s)"
            raise BudgetExceeded(f"over its time budget of {limit:g} s{clock}")

        for sig in (signal.SIGPROF, signal.SIGALRM):
            previous[sig] = signal.signal(sig, _alarm)
        signal.setitimer(signal.ITIMER_PROF, limit)
        signal.setitimer(signal.ITIMER_REAL, WALL_FACTOR * limit)

    def pause():
        """Stop the clocks while a resource loads (``Context.get``); the returned call restarts them."""
        started, wall_started = time.thread_time(), time.monotonic()
        if timer:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.setitimer(signal.ITIMER_REAL, 0)

        def resume():
            nonlocal wall_end
            if ctx.deadline is None:
                return
            ctx.deadline += time.thread_time() - started
            wall_end += time.monotonic() - wall_started
            if timer:
                signal.setitimer(signal.ITIMER_PROF, max(ctx.deadline - time.thread_time(), 0.001))
                signal.setitimer(signal.ITIMER_REAL, max(wall_end - time.monotonic(), 0.001))
        return resume

    ctx.budget_pause = pause
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.setitimer(signal.ITIMER_REAL, 0)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        ctx.deadline = None
        ctx.budget_pause = None


def check(ctx: Context | None, where: str = "") -> None:
    """Raise ``BudgetExceeded`` when the current document's CPU deadline has passed (the cooperative check)."""
    deadline = getattr(ctx, "deadline", None)
    if deadline is not None and time.thread_time() > deadline:
        limit = seconds(ctx)
        raise BudgetExceeded(f"over its time budget of {limit:g} s" + (f" (in {where})" if where else ""))
