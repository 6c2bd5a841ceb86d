"""Resolve place mentions to gazetteer entries by the article's country focus, qualifiers and population.

Why: most names are ambiguous (Tripoli in Libya or Lebanon, Paris in France or Texas, Washington the city or the
state). An article is usually about one or two countries, so every unambiguous mention votes for its country
first (a dateline counts double) and each candidate is then scored by that focus, its population, whether it is
a capital, and whether an explicit qualifier ("Asheville, North Carolina") names its country or state. The
choice is never silent: each resolved mention keeps how many candidates it had and the runner-up.

A division (admin-1) only wins over a city of the same name when a division word follows ("Aleppo province";
for a US state only "state" or a state office: "the Washington region" is the capital's area), and a non-US
division is read bare only after a locative word and when its name is not a city's ("in Scotland", not "Fars
news agency"); a small city (under 100,000 people, not
a capital) is taken only with a cue (a locative word, a qualifier, a dateline) or in a focus country when it
does not open a sentence — a bare capitalised word matching a small town is more often a surname or a common
word than a place, and at a sentence's start its capital letter says nothing.
"""

from __future__ import annotations

import math
from collections import Counter

from parley.places.detect import Mention
from parley.places.gazetteer import Gazetteer, Place

SMALL_CITY = 100_000
_GENERIC = {"north", "south", "east", "west", "central", "centre", "center", "northern", "southern", "eastern",
            "western", "capital", "coast", "islands", "lakes", "upper", "lower", "national", "federal",
            "northeast", "northwest", "southeast", "southwest", "north east", "north west", "south east",
            "south west", "mountain", "river", "border", "city", "interior", "littoral", "plateau", "valley", "gulf",
            "bay", "sea", "lake", "highlands", "highland", "lowlands", "delta", "oriental", "occidental"}


def candidates(m: Mention, gaz: Gazetteer) -> list[tuple[Place, bool]]:
    """Gazetteer entries the mention may name (place, matched only by an alternate name)."""
    found = gaz.lookup(m.key)
    has_city = any(p.kind in ("city", "country") for p, _ in found)
    out = []
    for p, alt in found:
        if p.kind == "admin1" and p.cc != "US" and (m.key in _GENERIC or not m.division):
            if m.key in _GENERIC or has_city or p.population < 1_000_000 or m.cue is None:
                continue
            if sum(1 for q, _ in found if q.kind == "admin1") > 1:
                continue
        out.append((p, alt))
    return out


def focus(mentions: list[Mention], cands: list[list[tuple[Place, bool]]]) -> Counter:
    """Country shares voted by mentions whose candidates all lie in one country (datelines count double); a
    bare small town or an alternate name does not vote, so a stray "Police" (Poland) or "Hamas" (an
    alternate name of Hamm) cannot make its country the focus and vouch for itself."""
    votes: Counter = Counter()
    for m, cs in zip(mentions, cands, strict=True):
        ccs = {p.cc for p, _ in cs}
        strong = not any(alt for _, alt in cs) and (m.dateline or m.cue is not None or any(
            p.kind != "city" or p.capital or p.population >= SMALL_CITY for p, _ in cs))
        if len(ccs) == 1 and strong:
            votes[ccs.pop()] += 2 if m.dateline else 1
    total = sum(votes.values()) or 1
    return Counter({cc: n / total for cc, n in votes.items()})


def score(p: Place, alt: bool, m: Mention, share: Counter, qualifier: Place | None) -> float:
    s = math.log10(p.population + 10) / 2
    s += 4.0 * share.get(p.cc, 0.0)
    if p.capital:
        s += 1.5
    if p.kind == "country":
        s += 2.0
    if p.kind == "admin1":  # "the Washington region" is the city's area; only "state" makes a US state
        s += 2.5 if m.division and (p.cc != "US" or m.division == "state") else -1.0
    if alt and p.population < 1_000_000:  # a big city's alternate names are household names ("New York")
        s -= 1.5
    if qualifier is not None:
        if qualifier.kind == "country" and p.cc == qualifier.cc:
            s += 6.0
        elif qualifier.kind == "admin1" and p.cc == qualifier.cc and p.admin1 == qualifier.admin1:
            s += 8.0
        elif qualifier.kind == "admin1" and p.cc == qualifier.cc:
            s += 3.0
    return s


def resolve(mentions: list[Mention], gaz: Gazetteer) -> list[dict]:
    """One record per resolved mention: the place's fields, span, text and how it was chosen."""
    cands = [candidates(m, gaz) for m in mentions]
    share = focus(mentions, cands)
    by_span = {}
    out: list[dict] = []
    # qualifiers resolve first so "Kobe, Japan" can use Japan
    order = sorted(range(len(mentions)), key=lambda k: mentions[k].qualifier is not None)
    for k in order:
        m, cs = mentions[k], cands[k]
        if not cs:
            continue
        qual = by_span.get(m.qualifier) if m.qualifier else None
        ranked = sorted(cs, key=lambda pa: score(pa[0], pa[1], m, share, qual), reverse=True)
        best, alt = ranked[0]
        if not _enough(best, alt, m, share, qual):
            continue
        by_span[(m.start, m.end)] = best
        rec = best.record()
        rec.update({"text": m.text, "start": m.start, "end": m.end, "cue": m.cue, "candidates": len(cs),
                    "basis": _basis(best, ranked, m, share, qual)})
        if len(ranked) > 1:
            second = ranked[1][0]
            rec["runner_up"] = {"geonameid": second.id, "name": second.name, "country": second.cc}
        if m.dateline:
            rec["dateline"] = True
        out.append(rec)
    out.sort(key=lambda r: r["start"])
    return out


def _enough(p: Place, alt: bool, m: Mention, share: Counter, qual: Place | None) -> bool:
    """Whether the evidence is strong enough to call the mention a place at all (see the module docstring)."""
    if p.kind != "city" or p.capital:
        return not alt or p.kind != "city"
    if m.dateline or qual is not None:
        return True
    if share.get(p.cc, 0.0) >= 0.2 and not m.initial:
        return True
    if alt:  # an alternate name is weak evidence: a big city, or a cue and a country the article names
        return p.population >= 1_000_000 or (m.cue is not None and p.population >= SMALL_CITY and
                                             share.get(p.cc, 0.0) > 0)
    return p.population >= SMALL_CITY or m.cue is not None


def _basis(best: Place, ranked, m: Mention, share: Counter, qual: Place | None) -> str:
    if len(ranked) == 1:
        return "unique"
    if qual is not None and best.cc == qual.cc:
        return "qualifier"
    if share.get(best.cc, 0.0) > max((share.get(p.cc, 0.0) for p, _ in ranked[1:] if p.cc != best.cc),
                                     default=0.0):
        return "focus"
    return "population"
