"""Hand-built mentions and cue matches for the unit tests of the role choosers (``parley.events.role_*``).

A mention is the ``(start, end, actor)`` triple of ``candidates.sentence_mentions``; a match is the
``coding.Match`` of a cue, here with only the fields the role choosers read (span and PLOVER event)."""

from __future__ import annotations

import re
from types import SimpleNamespace

from parley.document import Actor


def mentions(sent: str, names: dict[str, str]) -> list:
    """``names``: surface -> actor type; every whole-word occurrence, in sentence order."""
    out = []
    for surf, typ in names.items():
        a = Actor(id=surf.lower().replace(" ", "_"), name=surf, type=typ)
        out += [(m.start(), m.end(), a) for m in re.finditer(rf"\b{re.escape(surf)}\b", sent)]
    return sorted(out, key=lambda x: x[0])


def cue(sent: str, word: str, event: str | None = "ASSAULT", nth: int = 0):
    """A match of ``word`` (its ``nth`` occurrence) as a cue of ``event``."""
    ms = list(re.finditer(rf"\b{re.escape(word)}\b", sent))
    m = ms[nth]
    return SimpleNamespace(start=m.start(), end=m.end(), cue=SimpleNamespace(event=event, kind="event"))


def names(ms) -> list[str]:
    return [x[2].name for x in ms]
