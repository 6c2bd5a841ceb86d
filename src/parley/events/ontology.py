"""The event ontology as package data: PLOVER 2024 types/modes/contexts, CAMEO codes with Goldstein scores and
their PLOVER mapping, PETRARCH2 verb forms and the project's cue lexicon (src/parley/data/ontology/, built by
bench/build_ontology.py except cues.tsv). Loaded once per process via ``ctx``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from parley.context import shared

ONTOLOGY = Path(__file__).resolve().parents[1] / "data" / "ontology"


def _rows(name: str) -> list[dict[str, str]]:
    lines = [ln.rstrip("\n") for ln in (ONTOLOGY / name).open(encoding="utf-8") if not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=False)) for ln in lines[1:] if ln.strip()]


@dataclass(eq=False)  # one lexicon row: hashed and compared by identity (coding caches its indexes per cue tuple)
class Cue:
    pattern: re.Pattern
    kind: str
    cameo: str
    event: str | None
    mode: str | None
    precise: bool
    context: list[str]


@dataclass
class Ontology:
    types: dict[str, dict] = field(default_factory=dict)  # event -> {quad, score, requires_recipient, definition}
    modes: dict[tuple[str, str], float | None] = field(default_factory=dict)
    contexts: dict[str, str] = field(default_factory=dict)
    cameo: dict[str, dict] = field(default_factory=dict)  # code -> {name, goldstein, quad, event, mode, context}
    verbs: dict[str, str] = field(default_factory=dict)  # inflected form -> CAMEO code
    cues: list[Cue] = field(default_factory=list)

    def goldstein(self, code: str | None) -> float | None:
        while code:
            if code in self.cameo and self.cameo[code]["goldstein"] is not None:
                return self.cameo[code]["goldstein"]
            code = code[:-1] if len(code) > 2 else None
        return None

    def quad_of(self, event: str | None, cameo: str | None = None) -> int | None:
        if event in self.types:
            return self.types[event]["quad"]
        if cameo and cameo[:2] in self.cameo:
            return self.cameo[cameo[:2]]["quad"]
        return None

    def default_cameo(self, event: str, mode: str | None = None) -> str | None:
        """The most general CAMEO code mapped to a PLOVER type (and mode, when one matches), from the type's
        principal CAMEO root: the root with the most codes mapped to it (ACCUSE is mostly 11 DISAPPROVE, with a
        few 09 INVESTIGATE codes; ASSAULT mostly 18 ASSAULT, with 17, 19, 20), so an ACCUSE without a mode is
        110, not "investigate", and an ASSAULT 180, not 175 "violent repression"."""
        roots: dict[str, int] = {}
        for code, row in self.cameo.items():
            if row["event"] == event:
                roots[code[:2]] = roots.get(code[:2], 0) + 1
        best = None
        for code, row in self.cameo.items():
            if row["event"] != event:
                continue
            key = (mode is not None and row["mode"] == mode, roots[code[:2]], len(code) == 3, -len(code), -int(code))
            if best is None or key > best[0]:
                best = (key, code)
        return best[1] if best else None


def _float(v: str) -> float | None:
    return float(v) if v not in ("", None) else None


def load() -> Ontology:
    o = Ontology()
    for r in _rows("plover_types.tsv"):
        o.types[r["event"]] = {"quad": int(r["quad"]), "score": _float(r["score"]),
                               "requires_recipient": r["requires_recipient"] == "1", "definition": r["definition"]}
    for r in _rows("plover_modes.tsv"):
        o.modes[(r["event"], r["mode"])] = _float(r["score"])
    for r in _rows("plover_contexts.tsv"):
        o.contexts[r["context"]] = r["description"]
    for r in _rows("cameo_codes.tsv"):
        o.cameo[r["code"]] = {"name": r["name"], "goldstein": _float(r["goldstein"]), "quad": int(r["quad"]),
                              "event": r["plover_event"] or None, "mode": r["plover_mode"] or None,
                              "context": [c for c in r["plover_context"].split(";") if c]}
    for r in _rows("cameo_verbs.tsv"):
        o.verbs.setdefault(r["form"], r["cameo"])
    for r in _rows("cues.tsv"):
        o.cues.append(Cue(re.compile(r"\b(?:" + r["pattern"] + r")\b", re.I), r["kind"], r["cameo"],
                          r["event"] or None, r["mode"] or None, r["precise"] == "1",
                          [c for c in r["context"].split(";") if c]))
    return o


def get_ontology(ctx=None) -> Ontology:
    """The process-wide ontology (cached in ``ctx`` when given)."""
    return shared(ctx, "events.ontology", load)
