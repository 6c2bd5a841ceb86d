"""Seed events, for judging by eye and against a hand-written gold list of the dated happenings.

Runs the pipeline on the five seed articles (../shared/seeds), prints per seed every event (type, CAMEO,
actor → recipient, date/precision, flags, trigger, evidence sentence), then scores the events against
bench/data/seed_events_gold.jsonl (written by reading the articles, not the system's output):

- recall of gold happenings by type + date, and by type + date + actors (a gold record matches an event whose
  evidence sentence contains the gold ``evidence`` substring);
- the number of events emitted (all, with a PLOVER type, statements, elections);
- precision against the list (typed events whose sentence holds a listed happening of their type): a lower bound,
  since the list names only the dated happenings. bench/events_e2e.py scores whole-article gold instead.

Gold conventions: ``event`` is a PLOVER type or ``ELECTION`` (no PLOVER type: matched by an event with
``event`` None and the ``election`` context, see parley/events/annotate.py); ``date`` None means the text dates
the happening nowhere, so the event must be undated or carry the publication date as such (``date_basis``);
``actor``/``recipient`` names may list alternatives "A|B"; for CONSULT/AGREE/COOPERATE the participants are
unordered (actor ∪ recipient). A gold ``date`` matches the event's date value (precision is counted apart).

The gold dates are resolved against each article's true publication date (the gold file's first line). When
the clean stage finds another date, the bench says so and, unless ``--as-is``, re-runs the time and event stages
with the true date, so that the figure measures the events stage. ``--spacy-model NAME`` runs the optional parse.

    python bench/seed_events.py [--shared ../shared] [--quiet] [--doc 000] [--as-is] [--spacy-model NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from parley import events, nlp, pipeline, timex  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.ingest import read_path  # noqa: E402

GOLD = REPO / "bench" / "data" / "seed_events_gold.jsonl"
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def etype(e) -> str | None:
    if e.event:
        return e.event
    if not e.cameo and "election" in e.context:
        return "ELECTION"
    return None


def _has(names: list[str], alt: str) -> bool:
    return any(n.lower() in {a.lower() for a in names} for n in alt.split("|"))


def actors_ok(g: dict, e) -> bool:
    if g["event"] in SYMMETRIC:
        both = e.actor + e.recipient
        return all(_has(both, a) for a in g["actor"] + g["recipient"])
    return all(_has(e.actor, a) for a in g["actor"]) and all(_has(e.recipient, r) for r in g["recipient"])


def date_ok(g: dict, e) -> bool:
    if g["date"] is None:  # the text dates it nowhere: undated, or the publication date said as such
        return e.date_basis in ("publication", "none") or e.date_precision in ("publication", "unknown")
    return e.date == g["date"]


def flags(e) -> str:
    return "".join(c for c, k in (("N", "negated"), ("H", "hypothetical"), ("F", "future"), ("P", "historical"))
                   if getattr(e, k))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--quiet", action="store_true", help="only the scores and the misses")
    ap.add_argument("--doc", default="", help="only seeds whose id starts with this")
    ap.add_argument("--as-is", action="store_true", help="keep the publication date the clean stage found")
    ap.add_argument("--spacy-model", default=None, help="parse with this spaCy pipeline (optional extra)")
    args = ap.parse_args()
    seeds = Path(args.shared) / "seeds"
    if not seeds.is_dir():
        sys.exit(f"no seeds at {seeds}")
    rows = [json.loads(ln) for ln in GOLD.open(encoding="utf-8") if ln.strip()]
    published = rows[0].get("published", {}) if "_comment" in rows[0] else {}
    gold = [r for r in rows if "_comment" not in r]
    ctx = Context(options={"spacy_model": args.spacy_model} if args.spacy_model else {})
    docs = {}
    for path in sorted(seeds.glob("*.txt")):
        if not path.name.startswith(args.doc):
            continue
        raw = next(r for r in read_path(path) if not isinstance(r, Exception))
        doc = pipeline.analyze(raw, ctx)
        true = published.get(doc.id)
        if true and doc.published != true:
            print(f"! {doc.id}: clean found published={doc.published}, the article's date is {true}"
                  + ("" if args.as_is else " — re-dating times and events with the true date"))
            if not args.as_is:
                doc.published = true
                nlp.annotate(doc, ctx)
                doc = events.annotate(timex.annotate(doc, ctx), ctx)
                nlp.release(ctx)
        docs[doc.id] = doc
    gold = [g for g in gold if g["doc"] in docs]

    n_all = n_typed = n_stmt = n_elect = 0
    for did, doc in docs.items():
        n_all += len(doc.events)
        n_typed += sum(1 for e in doc.events if e.event)
        n_stmt += sum(1 for e in doc.events if not e.event and e.cameo)
        n_elect += sum(1 for e in doc.events if etype(e) == "ELECTION")
        if args.quiet:
            continue
        print(f"===== {did}  published {doc.published}  events {len(doc.events)}")
        for e in doc.events:
            sent = " ".join(doc.text[e.start:e.end].split())
            date = f"{e.date}/{e.date_precision}" + (f"..{e.date_end}" if getattr(e, "date_end", None) else "")
            dl = f" deadline={e.deadline}" if getattr(e, "deadline", None) else ""
            print(f"  {str(etype(e)):9} {str(e.cameo):5} {'; '.join(e.actor) or '-'} → {'; '.join(e.recipient) or '-'}"
                  f" | {date}{dl} {flags(e)} [{e.trigger}]\n      {sent[:150]}")

    hit_td = hit_tda = hit_prec = 0
    misses = []
    for g in gold:
        doc = docs[g["doc"]]
        cands = [e for e in doc.events if g["evidence"] in doc.text[e.start:e.end] and etype(e) == g["event"]]
        td = [e for e in cands if date_ok(g, e)]
        tda = [e for e in td if actors_ok(g, e)]
        hit_td += bool(td)
        hit_tda += bool(tda)
        want = g.get("precision", "day" if g["date"] and len(g["date"]) == 10 else None)
        hit_prec += bool([e for e in td if g["date"] is None or e.date_precision == want])
        if not tda:
            why = "no event of that type" if not cands else ("date" if not td else "actors")
            got = "; ".join(f"{etype(e)} {e.actor}->{e.recipient} {e.date}/{e.date_precision}" for e in cands[:2])
            misses.append(f"  {g['doc'][:3]} {g['event']:9} {g['date']}  «{g['evidence']}»  miss: {why}  {got}")
    n = len(gold)
    # precision against the list: typed events whose sentence holds a gold happening of their type. The list names
    # only the dated happenings, so this is a lower bound of the true precision (an unlisted true event counts wrong)
    typed = [(did, e) for did, doc in docs.items() for e in doc.events if etype(e)]
    supported = sum(1 for did, e in typed if any(g["doc"] == did and g["event"] == etype(e)
                                                  and g["evidence"] in docs[did].text[e.start:e.end] for g in gold))
    print(f"\ngold happenings: {n}   events emitted: {n_all} (typed {n_typed}, statements {n_stmt}, "
          f"elections {n_elect})")
    print(f"recall type+date:        {hit_td}/{n} = {hit_td / n:.2f}")
    print(f"recall type+date+actors: {hit_tda}/{n} = {hit_tda / n:.2f}")
    print(f"  of type+date hits, date precision right: {hit_prec}/{hit_td}")
    print(f"precision (lower bound, typed events on a listed happening of their type): {supported}/{len(typed)} = "
          f"{supported / max(1, len(typed)):.2f}")
    print("misses (type+date+actors):")
    print("\n".join(misses) or "  none")


if __name__ == "__main__":
    main()
