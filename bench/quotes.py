"""Quotes stage figures on the five seeds: precision/recall of quotes and of quote+speaker, and articles/s.

    python bench/quotes.py [--repeat N] [--show] [--scaling [--before REV]]

Runs the pipeline (``parley.pipeline.analyze`` over ``ingest.iter_documents``; the actors and quotes stages are
applied here too if the pipeline does not run them yet) on ../shared/seeds and compares ``doc.quotes`` with
bench/data/seed_quotes.jsonl. A system quote matches a gold quote of the same directness when their character
spans overlap by at least half of the shorter one (gold spans are re-found by their text, so changes in
cleaning do not break the comparison); matching is one-to-one, best overlap first. quote+speaker also needs the
speaker's canonical name to equal the gold speaker (or one of ``speaker_alt``; ``null`` matches ``null``).
Figures are printed for all quotes, direct full-clause quotes (the quality bar), partial quotes and reported speech.

``--scaling`` times ``quotes.annotate`` on one paragraph of 200, 800 and 1600 quotes (linear means the time per
word stays flat) and per word on the seeds; with ``--before REV`` the quotes module of git revision REV (the
single-file ``src/parley/quotes.py`` before the package split: ``e37b97e~1``) runs on the same documents in the
same process, so the two are compared as a ratio.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from parley import ingest, pipeline, quotes
from parley.context import Context

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "bench" / "data" / "seed_quotes.jsonl"


def load_gold(path: Path = GOLD) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if "doc_id" in rec:
                out.append(rec)
    return out


def run(paths, ctx: Context) -> list:
    docs = []
    for raw in ingest.iter_documents(paths):
        if isinstance(raw, ingest.IngestError):
            continue
        docs.append(pipeline.analyze(raw, ctx))
    return docs


def _span(doc, g: dict) -> tuple[int, int]:
    s = doc.text.find(g["text"])
    if s >= 0:
        near = [i for i in _all(doc.text, g["text"])]
        s = min(near, key=lambda i: abs(i - g["start"]))
        return s, s + len(g["text"])
    return g["start"], g["end"]


def _all(hay: str, needle: str):
    i = hay.find(needle)
    while i >= 0:
        yield i
        i = hay.find(needle, i + 1)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    ov = min(a[1], b[1]) - max(a[0], b[0])
    return ov / max(1, min(a[1] - a[0], b[1] - b[0])) if ov > 0 else 0.0


def match(docs, gold: list[dict]) -> list[tuple[dict | None, object | None, object]]:
    """(gold, system quote, doc) triples: matched pairs, misses (system None) and false alarms (gold None)."""
    by_doc = {d.id: d for d in docs}
    out = []
    for doc_id, doc in by_doc.items():
        golds = [g for g in gold if g["doc_id"] == doc_id]
        cands = []
        for gi, g in enumerate(golds):
            gs = _span(doc, g)
            for qi, q in enumerate(doc.quotes):
                if q.direct != g["direct"]:
                    continue
                ov = _overlap(gs, (q.start, q.end))
                if ov >= 0.5:
                    cands.append((ov, gi, qi))
        cands.sort(reverse=True)
        used_g, used_q = set(), set()
        for _ov, gi, qi in cands:
            if gi in used_g or qi in used_q:
                continue
            used_g.add(gi)
            used_q.add(qi)
            out.append((golds[gi], doc.quotes[qi], doc))
        out += [(g, None, doc) for gi, g in enumerate(golds) if gi not in used_g]
        out += [(None, q, doc) for qi, q in enumerate(doc.quotes) if qi not in used_q]
    return out


def _speaker_ok(g: dict, q) -> bool:
    return q.speaker in [g["speaker"], *g.get("speaker_alt", [])]


def _kind(g: dict | None, q, doc) -> str:
    if g is not None:
        return g["kind"]
    if not q.direct:
        return "reported"
    return "full" if q.text[:1].isupper() or q.start == 0 or doc.text[q.start - 2:q.start - 1] in ".:" else "partial"


def report(triples) -> dict:
    rows = {}
    for name, keep in [("all", lambda k: True), ("direct full", lambda k: k == "full"),
                       ("direct partial", lambda k: k == "partial"), ("reported", lambda k: k == "reported")]:
        sel = [t for t in triples if keep(_kind(*t))]
        n_gold = sum(1 for g, _q, _d in sel if g is not None)
        n_sys = sum(1 for _g, q, _d in sel if q is not None)
        hit = sum(1 for g, q, _d in sel if g is not None and q is not None)
        hit_sp = sum(1 for g, q, _d in sel if g is not None and q is not None and _speaker_ok(g, q))
        rows[name] = {
            "gold": n_gold, "system": n_sys,
            "quote_p": hit / n_sys if n_sys else 0.0, "quote_r": hit / n_gold if n_gold else 0.0,
            "speaker_p": hit_sp / n_sys if n_sys else 0.0, "speaker_r": hit_sp / n_gold if n_gold else 0.0,
        }
    return rows


def _module_at(rev: str):
    """The single-file quotes module of a git revision, loaded under another name (for a speed ratio)."""
    import importlib.util
    import subprocess
    import sys
    import tempfile

    src = subprocess.run(["git", "show", f"{rev}:src/parley/quotes.py"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    data = ROOT / "src" / "parley" / "data" / "quotes" / "cues.yaml"
    src = "\n".join(f"DATA = Path({str(data)!r})" if ln.startswith("DATA = ") else ln for ln in src.splitlines())
    path = Path(tempfile.mkdtemp()) / "quotes_before.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("quotes_before", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["quotes_before"] = mod
    spec.loader.exec_module(mod)
    return mod


def scaling(docs, ctx: Context, before: str | None) -> None:
    from parley import text as textmod
    from parley.document import Document

    mods = [("now", quotes)] + ([(f"at {before}", _module_at(before))] if before else [])
    words = sum(len(d.text.split()) for d in docs)
    for name, mod in mods:
        t0 = time.perf_counter()
        for _ in range(20):
            for d in docs:
                mod.annotate(d, ctx)
        print(f"seeds, {name}: {20 * words / (time.perf_counter() - t0):,.0f} words/s")
    for n in (200, 800, 1600):
        body = " ".join(f"“Point number {i} is clear,” she said, and Ana Ruiz said that plan {i} would work."
                        for i in range(n))
        d = textmod.segment(Document(id="long", text="Ana Ruiz spoke. " + body))
        w = len(d.text.split())
        row = []
        for name, mod in mods:
            t0 = time.perf_counter()
            mod.annotate(d, ctx)
            row.append(f"{name} {1e6 * (time.perf_counter() - t0) / w:.1f} µs/word")
        print(f"one paragraph, {n} quotes ({w} words): " + ", ".join(row))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5, help="timing repetitions over the seeds")
    ap.add_argument("--show", action="store_true", help="print misses, false alarms and wrong speakers")
    ap.add_argument("--scaling", action="store_true", help="time per word on long paragraphs and on the seeds")
    ap.add_argument("--before", default=None, help="with --scaling: also time the quotes.py of this git revision")
    args = ap.parse_args()
    if not (SHARED / "seeds").is_dir():
        raise SystemExit("../shared/seeds not present")
    ctx = Context()
    docs = run([SHARED / "seeds"], ctx)
    if args.scaling:
        scaling(docs, ctx, args.before)
        return
    triples = match(docs, load_gold())
    print(f"{'':16}{'gold':>5}{'sys':>5}{'quote P':>9}{'quote R':>9}{'+spk P':>8}{'+spk R':>8}")
    for name, r in report(triples).items():
        print(f"{name:16}{r['gold']:5d}{r['system']:5d}{r['quote_p']:9.3f}{r['quote_r']:9.3f}"
              f"{r['speaker_p']:8.3f}{r['speaker_r']:8.3f}")
    if args.show:
        for g, q, doc in triples:
            if q is None:
                print(f"MISS   {doc.id[:3]} [{g['speaker']}] {g['text'][:80]!r}")
            elif g is None:
                print(f"EXTRA  {doc.id[:3]} [{q.speaker}] {q.text[:80]!r}")
            elif not _speaker_ok(g, q):
                print(f"WRONG  {doc.id[:3]} [{q.speaker} != {g['speaker']}] {g['text'][:70]!r}")
    t0 = time.perf_counter()
    n = 0
    for _ in range(args.repeat):
        n += len(run([SHARED / "seeds"], ctx))
    dt = time.perf_counter() - t0
    print(f"full pipeline incl. quotes: {n / dt:.1f} articles/s ({n} articles, {dt:.2f}s)")
    t0 = time.perf_counter()
    for _ in range(args.repeat * 10):
        for d in docs:
            quotes.annotate(d, ctx)
    dt = time.perf_counter() - t0
    print(f"quotes.annotate alone: {args.repeat * 10 * len(docs) / dt:.1f} articles/s")


if __name__ == "__main__":
    main()
