"""Resources shared by the pipeline stages, loaded once per process.

A stage asks ``ctx.get(name, loader)``; the first call runs ``loader()`` and later calls reuse the result.
Options chosen by the user (extra actor dictionaries, a spaCy pipeline) live in ``ctx.options``.
A stage may also need data a *later* stage owns (the clean stage dates articles by office tenures from the
actor dictionaries): ``ctx.resource(name)`` loads it on first use through a provider the pipeline registered
with ``ctx.provide(name, loader)``, so the earlier stage never imports the later one. With no provider the
resource is None.
``ctx.memory`` holds what the caller gives the stages (the corpus line counts of the clean stage) and the
current document's optional spaCy parse, which is released after the document. No stage may keep anything
there that one document teaches the next: a document's record is a function of the document alone.
Loading a resource is the process's cost, not the document's: while a loader runs, the per-document time
budget (``parley.budget``) is paused through ``budget_pause``, so the first document of a run is not refused
for the seconds a model or gazetteer takes to load.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Context:
    options: dict[str, Any] = field(default_factory=dict)
    memory: dict[str, Any] = field(default_factory=dict)
    _resources: dict[str, Any] = field(default_factory=dict, repr=False)
    _providers: dict[str, Callable[[Context], Any]] = field(default_factory=dict, repr=False)
    deadline: float | None = field(default=None, repr=False)  # the current document's (``parley.budget``)
    budget_pause: Callable[[], Callable[[], None]] | None = field(default=None, repr=False)

    def get(self, name: str, loader: Callable[[], Any]) -> Any:
        if name not in self._resources:
            pause, self.budget_pause = self.budget_pause, None  # nested loads: the outermost pauses
            resume = pause() if pause is not None else None
            try:
                self._resources[name] = loader()
            finally:
                if resume is not None:
                    resume()
                self.budget_pause = pause
        return self._resources[name]

    def provide(self, name: str, loader: Callable[[Context], Any]) -> None:
        """Register how to load resource ``name`` (the first provider wins; loading waits for ``resource``)."""
        self._providers.setdefault(name, loader)

    def resource(self, name: str) -> Any:
        """The provided resource ``name``, loaded once; None when nothing provides it."""
        loader = self._providers.get(name)
        if loader is None:
            return None
        return self.get("resource:" + name, lambda: loader(self))

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)


_PROCESS = Context()


def shared(ctx: Context | None, name: str, loader: Callable[[], Any]) -> Any:
    """``ctx.get(name, loader)``, or the same from one process-wide Context when no ctx is given."""
    return (ctx if ctx is not None else _PROCESS).get(name, loader)
