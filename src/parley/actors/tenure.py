"""Office tenures from the actor dictionaries, in the shape the clean stage's date rules read them.

Why here: the dated roles are actor data, but the first stage (``parley.clean.tenure``) uses them as date
evidence. It gets this object through ``ctx.resource("office_tenures")`` (provided by the pipeline), so the
clean stage never imports the actors package.
"""

from __future__ import annotations

import re

from parley.actors.dictionary import ActorDictionary
from parley.actors.lexicon import tokenize


class OfficeTenures:
    """The dictionaries' dated role titles as one pattern, and the dictionary person named after a title."""

    def __init__(self, d: ActorDictionary):
        self.dictionary = d
        words = {tuple(re.findall(r"[A-Za-z]+", r.role)) for e in d.entries for r in e.roles if r.start and r.role}
        alts = sorted((r"[\W_]+".join(w) for w in words if w), key=lambda a: (-len(a), a))
        self.titles: re.Pattern | None = (
            re.compile(r"\b(?:" + "|".join(alts) + r")[\W_]+(?=[A-Z])", re.IGNORECASE) if alts else None)

    def holder(self, text: str, pos: int) -> tuple[list[tuple[str, str]], int, int] | None:
        """The dictionary actor named at ``text[pos:]``: (its dated roles as (role, ISO start), name start, end)."""
        toks = tokenize(text, pos, min(len(text), pos + 60))
        hit = toks and self.dictionary.match(toks, 0)
        if not hit:
            return None
        entry = self.dictionary.entries[hit[1]]
        roles = [(r.role, r.start) for r in entry.roles if r.start and r.role]
        return roles, toks[0].s, toks[hit[0] - 1].e
