"""Train the direct-quote speaker ranker (parley/quotes/ranker.py) on PolNeAR train; choose on check.

    python bench/train_speaker_ranker.py [--limit N] [--write]

Runs the pipeline on PolNeAR train (every tenth article is the ``check`` slice, kept for choosing) with
``Attributor.trace`` on, so each direct quote records its speaker candidates and their features; a candidate is
right when its name (or an alias of its actor) matches the gold speaker resolved by rule R (bench/quotes_polnear.py),
quotes with unknown or unnamed gold speakers left out. A logistic regression (sklearn, training only) scores
candidates; the offline accuracy of "the top candidate is right" is printed for the rules and the ranker on
train and check, with the oracle (some candidate is right). ``--write`` stores the weights and the margin
chosen on check in parley/data/quotes/speaker_ranker.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quotes_polnear as Q  # noqa: E402
from parley import ingest, pipeline  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.quotes import ranker  # noqa: E402
from parley.quotes.attribute import Attributor  # noqa: E402


def groups(split: str, limit: int | None) -> list[tuple[np.ndarray, np.ndarray]]:
    """One (features, labels) pair per direct quote with a named gold speaker and at least one candidate."""
    out = []
    ctx = Context()
    for art in Q.load_split(split, limit):
        Attributor.trace = []
        raw = ingest.make_raw(art.name, f"polnear/{art.name}.txt", art.text.encode("utf-8"), "text")
        raw.published = art.published
        doc = pipeline.analyze(raw, ctx)
        trace, Attributor.trace = Attributor.trace, None
        aliases = {a.id: (a.name, *a.aliases) for a in doc.actors}
        golds = [g for g in Q.gold_items(art, Q.OffsetMap(art.text, doc.text))
                 if g.direct and g.gold.status in ("named", "resolved") and g.speaker]
        for _doc, chain, _sp, cands in trace:
            if not cands:
                continue
            g = next((g for g in golds for seg in chain if min(g.end, seg.ce) - max(g.start, seg.cs) > 0), None)
            if g is None:
                continue
            gw = Q._words(g.speaker)
            ys = []
            for spk, _f in cands:
                names = aliases.get(spk.id, ()) + ((spk.name,) if spk.name else ())
                ys.append(any(gw and (gw <= Q._words(n) or (Q._words(n) and Q._words(n) <= gw)) for n in names))
            out.append((np.array([f for _s, f in cands]), np.array(ys, dtype=float)))
    return out


def accuracy(gs, w: np.ndarray | None, margin: float = 0.0) -> float:
    right = 0
    for x, y in gs:
        rule = np.flatnonzero(x[:, 0] == 1.0)
        if w is None:
            k = rule[0] if len(rule) else -1
        else:
            s = x @ w
            k = int(np.argmax(s))
            if len(rule) and s[k] - s[rule[0]] <= margin:
                k = rule[0]
        right += k >= 0 and y[k] == 1.0
    return right / max(1, len(gs))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression  # training only

    tr = groups("train", args.limit)
    ck = groups("check", None)
    X = np.vstack([x for x, _y in tr])
    Y = np.concatenate([y for _x, y in tr])
    clf = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False).fit(X, Y)
    w = clf.coef_[0]
    print(f"train quotes {len(tr)}, check quotes {len(ck)}")
    print(f"oracle: train {np.mean([y.max() for _x, y in tr]):.3f} check {np.mean([y.max() for _x, y in ck]):.3f}")
    print(f"rules:  train {accuracy(tr, None):.3f} check {accuracy(ck, None):.3f}")
    best = (accuracy(ck, w, 0.0), 0.0)
    for m in (0.25, 0.5, 1.0, 1.5, 2.0, 3.0):
        print(f"ranker margin {m}: train {accuracy(tr, w, m):.3f} check {accuracy(ck, w, m):.3f}")
        best = max(best, (accuracy(ck, w, m), m))
    print(f"ranker margin 0: train {accuracy(tr, w, 0.0):.3f} check {accuracy(ck, w, 0.0):.3f}")
    print("weights:", {f: round(float(v), 3) for f, v in zip(ranker.FEATURES, w, strict=True)})
    if args.write:
        ranker.WEIGHTS.write_text(json.dumps({
            "source": "bench/train_speaker_ranker.py on PolNeAR train (check slice for the margin)",
            "margin": best[1], "weights": {f: round(float(v), 4) for f, v in zip(ranker.FEATURES, w, strict=True)},
        }, indent=1) + "\n", encoding="utf-8")
        print("wrote", ranker.WEIGHTS, "margin", best[1])


if __name__ == "__main__":
    main()
