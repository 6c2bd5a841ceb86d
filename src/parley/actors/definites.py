"""Definite descriptions to actors: "the party", "the group", "the ruling/opposition party", "the prime minister".

Why recency indexes: a description names the actor of its kind mentioned last before it (see ``resolve`` for the
full choice). Found by a pass over every actor, that made the stage quadratic on name-dense text (a page with
thousands of parties and descriptions); each kind of candidate is instead kept as a sorted list of mention
positions (``_Recent``), so each description costs a bisection. The methods are a mixin of ``Resolver``.
"""

from __future__ import annotations

import bisect
import re

from parley.actors.cluster import Cluster
from parley.actors.evidence import is_party_mention

# the kinds of definite description resolved by recency: "the party", "the group" (an organisation that is
# not a party), "the ruling party", "the opposition party", and the parties not called ruling (the fallback)
_KINDS = ("party", "organization", "ruling", "opposition", "non-ruling")


class _Recent:
    """The positions at which a set of actors is mentioned, sorted, so "the actor mentioned last before ``pos``"
    is one bisection. Ties (two actors at one offset) go to the earlier actor, as a scan in actor order would."""

    def __init__(self):
        self.keys: list[tuple[int, int]] = []  # (position, -actor index)
        self.members: list[int] = []  # actor indexes, ascending

    def put(self, ci: int, positions: list[int]) -> None:
        bisect.insort(self.members, ci)
        for p in positions:
            bisect.insort(self.keys, (p, -ci))

    def add(self, ci: int, pos: int) -> None:
        """One more mention of ``ci``, if it is in the set."""
        k = bisect.bisect_left(self.members, ci)
        if k < len(self.members) and self.members[k] == ci:
            bisect.insort(self.keys, (pos, -ci))

    def drop(self, ci: int) -> None:
        k = bisect.bisect_left(self.members, ci)
        if k < len(self.members) and self.members[k] == ci:
            del self.members[k]
            self.keys = [key for key in self.keys if key[1] != -ci]

    def first(self) -> int:
        return self.members[0]

    def last_before(self, pos: int) -> int | None:
        k = bisect.bisect_left(self.keys, (pos,))  # (pos,) sorts before every (pos, -ci)
        return -self.keys[k - 1][1] if k else None


class DefiniteDescriptions:
    """Methods of ``Resolver`` (``parley.actors.resolve``) that resolve the definite descriptions and say what
    kind of party an actor is."""

    def _code_hint(self, c: Cluster) -> str:
        if c.dict_role and c.dict_role.code:
            return c.dict_role.code
        if c.learned and c.learned.get("code"):
            return c.learned["code"]
        return ""

    def _is_party(self, c: Cluster) -> bool:
        if c.type != "organization":
            return False
        if any(is_party_mention(self.ms[i], self.lex) for i in c.members):
            return True
        code = self._code_hint(c)
        return bool(c.adj) or "PTY" in code or code.endswith("OPP") or (
            c.entry is not None and any("party" in (r.role or "") for r in c.entry.roles))

    def _ruling(self, c: Cluster) -> bool:
        return "ruling" in c.adj or self._code_hint(c).endswith("GOVPTY")

    def _opposition(self, c: Cluster) -> bool:
        return "opposition" in c.adj or self._code_hint(c).endswith("OPP")

    def _resolve_definites(self) -> None:
        """Each description to the actor it names. The candidates of each kind of description (parties, other
        organisations, ruling and opposition parties, holders of a role) are kept as ``_Recent`` indexes, so "the
        actor of that kind mentioned last before" is a bisection, not a pass over all actors per description."""
        self._recent = {kind: _Recent() for kind in _KINDS}
        for ci, c in enumerate(self.clusters):
            self._index(ci, c)
        self._roles: dict[str, tuple[list[int], _Recent]] = {}
        self._opp_leaders = [c for c in self.clusters if c.type == "person" and c.role and "opposition" in c.role]
        for i, m in enumerate(self.ms):
            if not m.definite:
                continue
            ci = None
            if m.definite == "party":
                if m.owner is not None and m.owner in self.of:
                    oc = self.clusters[self.of[m.owner]]
                    for j in oc.members:
                        lo = self.ms[j].leader_of if self.ms[j].leader_of is not None else self.ms[j].role_org
                        if lo is not None and lo in self.of and self._is_party(self.clusters[self.of[lo]]):
                            ci = self.of[lo]
                            break
                elif "ruling" in m.adj:
                    ci = self._pick_party("ruling", m.s)
                elif "opposition" in m.adj:
                    ci = self._pick_party("opposition", m.s)
                    if ci is None:
                        ci = self._opposition_fallback()
                else:
                    ci = self._recent["party"].last_before(m.s)
            elif m.definite == "group":
                ci = self._recent["organization"].last_before(m.s)
            elif m.definite == "role":
                ci = self._pick_role(m.role or "", m.s)
            if ci is not None:
                self.of[i] = ci
                c = self.clusters[ci]
                c.extra.append([m.s, m.e])
                for recent in [*self._recent.values(), *(r for _, r in self._roles.values())]:
                    recent.add(ci, m.s)
                if m.definite == "party" and not c.adj and m.adj:
                    c.adj |= m.adj  # the actor may now be of other kinds ("the opposition party")
                    for recent in self._recent.values():
                        recent.drop(ci)
                    self._index(ci, c)

    def _kinds(self, c: Cluster) -> list[str]:
        """The kinds of description ``c`` can be named by (see ``_KINDS``)."""
        if c.type != "organization":
            return []
        if not self._is_party(c):
            return ["organization"]
        ruling = self._ruling(c)
        return ["party", "ruling" if ruling else "non-ruling"] + (["opposition"] if self._opposition(c) else [])

    def _positions(self, c: Cluster) -> list[int]:
        return [self.ms[i].s for i in c.members] + [s for s, _ in c.extra]

    def _index(self, ci: int, c: Cluster) -> None:
        for kind in self._kinds(c):
            self._recent[kind].put(ci, self._positions(c))

    def _pick_party(self, kind: str, pos: int) -> int | None:
        """The only party of that kind ("ruling", "opposition"), else the one mentioned last before, else the
        first one."""
        recent = self._recent[kind]
        if not recent.members:
            return None
        if len(recent.members) == 1:
            return recent.first()
        before = recent.last_before(pos)
        return before if before is not None else recent.first()

    def _opposition_fallback(self) -> int | None:
        for c in self._opp_leaders:
            for i in c.members:
                lo = self.ms[i].leader_of if self.ms[i].leader_of is not None else self.ms[i].role_org
                if lo is not None and lo in self.of:
                    return self.of[lo]
        others = self._recent["non-ruling"]
        return others.first() if len(others.members) == 1 else None

    def _pick_role(self, role: str, pos: int) -> int | None:
        if role not in self._roles:
            def has(c: Cluster) -> bool:
                if c.type != "person":
                    return False
                roles = [c.role or ""] + ([c.dict_role.role or ""] if c.dict_role else [])
                return any(re.search(rf"(?:^|\s){re.escape(role)}$", r.lower()) for r in roles if r)

            cands = [ci for ci, c in enumerate(self.clusters) if has(c)]
            home = [ci for ci in cands if (self.clusters[ci].country or (self.clusters[ci].entry.country
                                                                          if self.clusters[ci].entry else None)
                                           or self.dominant) == self.dominant]
            recent = _Recent()
            for ci in home or cands:
                recent.put(ci, self._positions(self.clusters[ci]))
            self._roles[role] = (home or cands, recent)
        pool, recent = self._roles[role]
        if not pool:
            return None
        ci = recent.last_before(pos)
        return ci if ci is not None else pool[0]
