"""The per-document time budget: a document that takes too long becomes that document's error, not a hang.

Why two mechanisms: the stages are pure Python over one document, so a deadline checked *cooperatively*
(``check(ctx)``, between the stages and inside the long loops of ``text``) works everywhere, including Dask
worker threads; but a single super-linear step inside a stage (a regex over a huge paragraph) never reaches a
check. In the main thread on POSIX an interval timer (``signal.setitimer(ITIMER_REAL)``) therefore also raises
``BudgetExceeded`` wherever the interpreter is when the budget runs out (after the current C call returns).

``BudgetExceeded`` derives from ``BaseException`` so that the ``except Exception`` a stage uses to tolerate a
library's failure (htmldate, a user dictionary) cannot swallow it; the batch runner catches it by name. An
interrupted stage leaves nothing behind: resources load into ``ctx`` only when their loader returns, and the
store is written only after the analysis, outside the budget.

The budget is ``ctx.option("time_budget", DEFAULT_SECONDS)`` seconds (``--time-budget`` on the command line);
0 or None turns it off.
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


class BudgetExceeded(BaseException):  # noqa: N818 — it is an interruption, like KeyboardInterrupt
    """The current document ran past its time budget."""


def seconds(ctx: Context) -> float | None:
    value = ctx.option(OPTION, DEFAULT_SECONDS)
    return float(value) if value else None


@contextmanager
def document(ctx: Context) -> Iterator[None]:
    """Run the body under the document's budget (a deadline in ``ctx`` plus, in the main thread, a timer)."""
    limit = seconds(ctx)
    if limit is None or limit <= 0:
        yield
        return
    ctx.deadline = time.monotonic() + limit
    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = None
    if timer:
        def _alarm(signum, frame):
            raise BudgetExceeded(f"over its time budget of {limit:g} s")

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)

    def pause():
        """Stop the clock while a resource loads (``Context.get``); the returned call restarts it."""
        started = time.monotonic()
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)

        def resume():
            if ctx.deadline is None:
                return
            ctx.deadline += time.monotonic() - started
            if timer:
                signal.setitimer(signal.ITIMER_REAL, max(ctx.deadline - time.monotonic(), 0.001))
        return resume

    ctx.budget_pause = pause
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        ctx.deadline = None
        ctx.budget_pause = None


def check(ctx: Context | None, where: str = "") -> None:
    """Raise ``BudgetExceeded`` when the current document's deadline has passed (the cooperative check)."""
    deadline = getattr(ctx, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        limit = seconds(ctx)
        raise BudgetExceeded(f"over its time budget of {limit:g} s" + (f" (in {where})" if where else ""))
