"""Actor codes (CAMEO country + sector, e.g. IRNGOV) against the PLOVER GSR sentences' source/target codes.

    python bench/actor_codes.py [--slice all|tune|held] [--shared ../shared] [--show N] [--dump FILE]

Why a bench of its own: event figures match sides by text, so no event figure sees an actor's code. GSR
(``PLOVER_GSR_CAMEO.txt``, rows as loaded by ``events_e2e.gsr_rows``, slices by ``events_e2e.in_slice``) gives
each source/target an ``actorText``, a ``code`` (country, or IGO/NGO) and mostly a ``sector`` (GOV, MIL, REB ...).

Scoring, per gold side whose ``actorText`` is found in the sentence: the system actors (``doc.actors``, the actors
stage's output: the pipeline is run up to that stage) with a mention overlapping that text; the first such actor
with a code is the side's system code. Figures:

- ``coverage``: gold sides with a system country (a code opening with a gazetteer iso3 or IGO/NGO/MNC; a bare
  "GOV" has none) / all gold sides found in the text;
- ``country_accuracy``: that country equals the gold one (CAMEO's old ``JAP``/``ITL`` read as ``JPN``/``ITA``),
  over the sides with a system country;
- ``country_sector_accuracy``: country and the next three letters equal gold country + the gold sector's first
  three letters (upper case), over those sides whose gold sector is known (not missing, not ``***``);
- ``sector_accuracy``: the sector alone (after the country, or a bare sector code), over the sides with any
  system code and a known gold sector.

Baseline (same run): every gold side coded with the sentence's first gazetteer country word (no sector), where
the sentence has one. ``--dump FILE`` writes one line per actor with a code (ConfliBERT sentences too, with
``--conflibert``) so two branches' codes can be diffed line by line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_e2e import REPO, gsr_rows, in_slice  # noqa: E402
from parley import actors, clean, nlp, text  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.document import Document  # noqa: E402
from parley.ingest import IngestError, RawDocument  # noqa: E402
from parley.pipeline import wire  # noqa: E402

OLD_CODES = {"JAP": "JPN", "ITL": "ITA"}  # CAMEO country codes of the GSR that differ from ISO 3166 alpha-3
INTERNATIONAL = frozenset({"IGO", "NGO", "MNC"})  # CAMEO's first-place codes that are no country


def actor_doc(ctx, did: str, body: str) -> Document:
    """The pipeline up to the actors stage (codes are that stage's output; later stages do not change them)."""
    raw = RawDocument(id=did, source=did, content_hash=did, kind="text", content=body, published=None)
    try:
        doc = clean.clean(raw, ctx)
    except IngestError:
        return Document(id=did, text=body)
    for stage in (text.segment, nlp.annotate, actors.annotate):
        doc = stage(doc, ctx)
    return doc


def gold_sides(r: dict) -> list[dict]:
    out = []
    for key in ("source", "target"):
        v = r.get(key)
        if isinstance(v, list):
            out += [dict(x, role=key) for x in v if isinstance(x, dict) and x.get("actorText") and x.get("code")]
    return out


def system_code(doc: Document, s: int, e: int) -> str | None:
    for a in doc.actors:
        if a.code and any(ms < e and s < me for ms, me in a.mentions):
            return a.code
    return None


def first_country(lex, body: str) -> str | None:
    toks = lex.tokenize(body)
    for i in range(len(toks)):
        c = lex.match_country(toks, i)
        if c and c[1] and c[2] in ("name", "demonym"):
            return c[1]
    return None


def score(code: str | None, g: dict, c: Counter, countries: frozenset) -> bool:
    """Count one gold side; a code whose first three letters are no country (a bare "GOV") has no country."""
    gc = OLD_CODES.get(g["code"], g["code"])
    sector = (g.get("sector") or "")[:3].upper()
    known = bool(sector) and sector != "***"
    if not code:
        return False
    has_cty = code[:3] in countries
    own_sector = code[3:6] if has_cty else code[:3]
    if known:
        c["any_sector_n"] += 1
        c["sector_only_right"] += own_sector == sector
    if not has_cty:
        return False
    c["coded"] += 1
    ok = code[:3] == gc
    c["country_right"] += ok
    if known:
        c["sector_n"] += 1
        c["sector_right"] += ok and own_sector == sector
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--slice", default="all", choices=("all", "tune", "held"))
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--show", type=int, default=0, help="print this many sides with a wrong country code")
    ap.add_argument("--dump", type=Path, help="write every coded actor (id, name, code) to this file")
    ap.add_argument("--conflibert", action="store_true", help="with --dump: the ConfliBERT sentences too")
    a = ap.parse_args()
    ctx = wire(Context())
    lex = actors.lexicon(ctx)
    countries = frozenset(lex.countries) | INTERNATIONAL
    cnt = {n: Counter() for n in ("system", "baseline")}
    dump, shown = [], 0
    for r in (r for r in gsr_rows(a.shared) if in_slice(r["id"], a.slice)):
        doc = actor_doc(ctx, r["id"], r["text"])
        dump += [f"{r['id']}\t{x.name}\t{x.code}" for x in doc.actors if x.code]
        base = first_country(lex, r["text"])
        for g in gold_sides(r):
            i = r["text"].find(g["actorText"])
            if i < 0:
                continue
            for name, code in (("system", system_code(doc, i, i + len(g["actorText"]))), ("baseline", base)):
                cnt[name]["n"] += 1
                ok = score(code, g, cnt[name], countries)
                if name == "system" and code and not ok and shown < a.show:
                    shown += 1
                    print(f"{r['id']} {g['role']} {g['actorText']!r} gold {g['code']}{g.get('sector') or ''} "
                          f"system {code}\n    {r['text']}")
    if a.dump:
        if a.conflibert:
            path = a.shared / "data/events-dev/conflibert-cameo/train.jsonl"
            for ln in path.open(encoding="utf-8"):
                r = json.loads(ln)
                doc = actor_doc(ctx, r["id"], r["text"])
                dump += [f"{r['id']}\t{x.name}\t{x.code}" for x in doc.actors if x.code]
        a.dump.write_text("\n".join(dump) + "\n", encoding="utf-8")
    out = {}
    for name, c in cnt.items():
        out[name] = {"country_accuracy": round(c["country_right"] / max(1, c["coded"]), 3),
                     "country_sector_accuracy": round(c["sector_right"] / max(1, c["sector_n"]), 3),
                     "coverage": round(c["coded"] / max(1, c["n"]), 3),
                     "sector_accuracy": round(c["sector_only_right"] / max(1, c["any_sector_n"]), 3),
                     "n_sides": c["n"], "n_coded": c["coded"], "n_sector": c["sector_n"]}
    print(json.dumps({"actor_codes": out, "slice": a.slice}, indent=1))


if __name__ == "__main__":
    main()
