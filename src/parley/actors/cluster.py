"""What the resolver groups mentions into: the ``Cluster`` record (one actor of one document), a union-find over
mention indexes, and the word and initials helpers the merging rules compare names with.

Why apart from ``resolve``: the merging rules, the definite-description resolution (``definites``) and the coding
all read and write the same cluster record; keeping it here lets each of those modules import it without
importing the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parley.actors.dictionary import DictEntry, RoleSpan

_SKIP_INITIALS = frozenset("of for and the & de du des la le on in to".split())


@dataclass
class Cluster:
    members: list[int]
    type: str | None = None
    entry: DictEntry | None = None
    learned: dict | None = None
    learned_name: str | None = None
    iso: str | None = None
    group: str | None = None
    extra: list[list[int]] = field(default_factory=list)  # definite-description spans
    role: str | None = None
    role_code: str | None = None
    role_org: int | None = None  # cluster index
    country: str | None = None
    relation: int | None = None
    leader_of: int | None = None
    owner: int | None = None
    desc_code: str | None = None
    adj: set = field(default_factory=set)
    dict_role: RoleSpan | None = None
    name: str = ""
    code: str | None = None
    code_source: str | None = None
    first: int = 0


GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


class UnionFind:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


def name_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_](?:[\w.]|[-'’](?=\w))*", text.replace("’s", "").replace("'s", ""))]


def initials(text: str) -> str:
    return "".join(w[0] for w in name_words(text) if w.lower() not in _SKIP_INITIALS).upper()
