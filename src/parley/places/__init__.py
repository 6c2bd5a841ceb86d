"""Places stage: place mentions resolved to GeoNames entries, and each event's location.

Entry point ``annotate(doc, ctx) -> doc`` (runs after the events stage) fills ``doc.places`` (one record per
resolved mention: ``geonameid``, ``name``, ``feature_class``/``feature_code``, ``country`` (ISO alpha-2),
``country_name``, ``country_iso3``, ``admin1`` (GeoNames admin-1 code), ``admin1_name``, ``lat``/``lon``,
``population``, the mention's ``text``/``start``/``end`` and ``cue``, ``candidates`` (how many entries the
name had), ``runner_up`` and ``basis`` (unique | qualifier | focus | population: what decided it), and
``dateline`` when it is one) and ``event.location`` for every event (None when the article names no place).

Why an event's location comes from where it does: a place named in the event's own clause is the best evidence
of where it happened ("clashes in Homs"); failing that, a place in its sentence; failing that, the wire
dateline (where the reporter filed from, usually the scene); failing that, the article's focus (its most-named
place in its most-named country). ``location["basis"]`` says which (clause | sentence | dateline | focus) and
``location["start"]``/``["end"]`` give the mention that is the evidence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from parley.context import Context
from parley.document import Document
from parley.places.detect import FUNCTION, TITLES, find
from parley.places.gazetteer import Gazetteer, distance_km, fold, load
from parley.places.resolve import resolve

_HONORIFICS = {"mr", "mrs", "ms", "dr"}  # short titles that only ever precede a name ("in Cardiff Ms Jackson")

__all__ = ["annotate", "places_in", "locate", "Gazetteer", "distance_km", "fold", "load"]



def places_in(doc: Document, gaz: Gazetteer) -> list[dict]:
    """The resolved place mentions of ``doc`` (person names and longer organisation names masked)."""
    blocked, persons, surnames = [], [], set()
    for a in doc.actors:
        last = a.name.split()[-1] if a.name.split() else ""
        if a.type == "person" and not _region_name(last, gaz):
            surnames.add(last)
        for s, e in a.mentions:
            span = doc.text[s:e]
            if gaz.exact.get(fold(span)) and (span != last or _region_name(span, gaz)):
                continue  # a place name taken for an actor ("Cardiff" glued to a headline name): not a mask
            s += _place_before_title(span, gaz)
            if _ends_in_country(span, gaz):
                continue
            if a.type == "person":
                persons.append((s, e))
            elif a.type in ("organization", "group") and (sum(w[:1].isupper() for w in span.split()) > 1 or
                                                          len(span.split()) == 1):
                blocked.append((s, e))  # "Cambodia National Rescue Party", "Hamas" (not "US government")
    out = resolve(find(doc.text, gaz, blocked + persons, surnames, {s for s, _ in persons}), gaz)
    for rec in out:
        rec.update(gaz.names(rec["country"], rec["admin1"]))
    return out


def _region_name(name: str, gaz: Gazetteer) -> bool:
    """A country's or a division's name that no city bears ("Scotland"): never a surname, whatever the actor
    stage made of "Highland Scotland"; "Washington" and "Jackson", also cities, can be."""
    found = gaz.exact.get(fold(name), ())
    return bool(found) and all(p.kind != "city" for p in found)


def _ends_in_country(span: str, gaz: Gazetteer) -> bool:
    """An actor mention headed by a country ("Shia Iran", "Communist China", whatever type the actor stage gave
    it) names the country: no person's or organisation's name ends in one."""
    words = span.split()
    return any(p.kind == "country" for k in (1, 2, 3) if len(words) > k
               for p in gaz.exact.get(fold(" ".join(words[-k:])), ()))


def _place_before_title(span: str, gaz: Gazetteer) -> int:
    """Characters of a leading place name before a title or a function word in a person mention ("Arizona
    Congressman Raul Grijalva", "Port-au-Prince As", a headline glued to the next sentence): the place is not
    part of the name."""
    words = span.split(" ")
    for k in range(min(3, len(words) - 1), 0, -1):
        word = words[k].lower()
        if len(word) > 1 and (word in FUNCTION or (word in TITLES and (len(word) > 3 or word in _HONORIFICS))) and \
                gaz.exact.get(fold(" ".join(words[:k]))):
            return len(" ".join(words[:k])) + 1
    return 0


def locate(start: int, end: int, doc: Document, places: list[dict], index: _Index | None = None) -> dict | None:
    """The location of an event spanning [start, end) — see the module docstring for the order of evidence.
    ``index``: the document's ``_Index`` over ``places``, built once when many events are located."""
    index = index or _Index(doc, places)
    inside = index.within(start, end)
    if inside:
        return _pick(inside, "clause")
    k = bisect_right(index.sent_starts, start) - 1
    if k >= 0 and start < doc.sentences[k][1]:
        near = index.within(*doc.sentences[k])
        if near:
            return _pick(near, "sentence")
    return index.fallback


class _Index:
    """The places sorted by start, with the dateline / focus fallback computed once: locating every event of a
    document is then n·log n, not events × places (issue 15)."""

    def __init__(self, doc: Document, places: list[dict]):
        self.places = sorted(places, key=lambda p: p["start"])
        self.starts = [p["start"] for p in self.places]
        self.sent_starts = [s for s, _ in doc.sentences]
        dated = [p for p in places if p.get("dateline")]
        top = None if dated else _focus_place(places)
        self.fallback = _record(dated[0], "dateline") if dated else _record(top, "focus") if top else None

    def within(self, start: int, end: int) -> list[dict]:
        """The places inside [start, end), by start (ties in their original order)."""
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.places) and self.places[i]["start"] < end:
            if self.places[i]["end"] <= end:
                out.append(self.places[i])
            i += 1
        return out


def _pick(cands: list[dict], basis: str) -> dict:
    """A place after a locative word first ("in Alexandria"), then the most specific (city over division over
    country), then the first in the text."""
    best = min(cands, key=lambda p: (p.get("cue") is None, _specificity(p), p["start"]))
    return _record(best, basis)


def _specificity(p: dict) -> int:
    return 0 if p["feature_class"] == "P" else 1 if p["feature_code"] == "ADM1" else 2


def _focus_place(places: list[dict]) -> dict | None:
    if not places:
        return None
    countries = Counter(p["country"] for p in places)
    cc = countries.most_common(1)[0][0]
    mine = [p for p in places if p["country"] == cc]
    named = Counter(p["geonameid"] for p in mine if p["feature_class"] == "P") or Counter(p["geonameid"]
                                                                                         for p in mine)
    gid = named.most_common(1)[0][0]
    return next(p for p in mine if p["geonameid"] == gid)


def _record(p: dict, basis: str) -> dict:
    keep = ("geonameid", "name", "feature_class", "feature_code", "country", "country_name", "country_iso3",
            "admin1", "admin1_name", "lat", "lon", "text", "start", "end")
    out = {k: p.get(k) for k in keep}
    out["basis"] = basis
    return out


def annotate(doc: Document, ctx: Context | None = None) -> Document:
    gaz = load(ctx)
    doc.places = places_in(doc, gaz)
    index = _Index(doc, doc.places)
    for ev in doc.events:
        ev.location = locate(ev.start, ev.end, doc, doc.places, index)
    return doc
