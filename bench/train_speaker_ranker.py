"""Train the direct-quote speaker ranker (parley/quotes/ranker.py) on PolNeAR train; choose on check.

    python bench/train_speaker_ranker.py [--limit N] [--cache DIR] [--cv K] [--write]

Runs the pipeline on PolNeAR train (every tenth article is the ``check`` slice, kept for choosing) with
``Attributor.trace`` on, so each direct quote records its speaker candidates and their features; a candidate is
right when its name (or an alias of its actor) matches the gold speaker resolved by rule R (bench/polnear_gold.py),
quotes with unknown or unnamed gold speakers left out. Two scorers are fitted (sklearn, training only): a
logistic regression and gradient-boosted trees (a few shallow trees: the candidates' features interact -- a
pronoun cue's gender matters only for candidates far from the cue, a count only when the rules found no one);
the offline accuracy of "the top candidate is right" is printed for the rules and each scorer on train and
check, with the oracle (some candidate is right). The model and the margin (how far a candidate must beat the
rules' speaker; ties go to the smallest margin) are chosen on check. ``--write`` stores the chosen one in
parley/data/quotes/speaker_ranker.json (trees as parallel arrays, evaluated with numpy at run time).
``--cache DIR`` keeps the candidates' features per split (the pipeline run is the slow part); ``--cv K`` also
prints K-fold accuracy on train per model and margin.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear_gold as G  # noqa: E402
import quotes_polnear as Q  # noqa: E402
from parley import ingest, pipeline  # noqa: E402
from parley.context import Context  # noqa: E402
from parley.quotes import ranker  # noqa: E402
from parley.quotes.attribute import Attributor  # noqa: E402


def groups(split: str, limit: int | None) -> list[tuple[np.ndarray, np.ndarray]]:
    """One (features, labels) pair per direct quote with a named gold speaker and at least one candidate."""
    out = []
    ctx = Context()
    for art in G.load_split(split, limit):
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


def cached_groups(split: str, limit: int | None, cache: str | None) -> list[tuple[np.ndarray, np.ndarray]]:
    path = Path(cache) / f"ranker_{split}_{limit or 'all'}_{len(ranker.FEATURES)}.npz" if cache else None
    if path and path.exists():
        d = np.load(path)
        cuts = np.cumsum(d["sizes"])[:-1]
        return list(zip(np.split(d["x"], cuts), np.split(d["y"], cuts), strict=True))
    gs = groups(split, limit)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, x=np.vstack([x for x, _y in gs]), y=np.concatenate([y for _x, y in gs]),
                 sizes=np.array([len(y) for _x, y in gs]))
    return gs


def accuracy(gs, scorer, margin: float = 0.0) -> float:
    """Share of quotes whose chosen candidate is right: the rules' (``scorer`` None) or the top score's unless
    it beats the rules' candidate by no more than ``margin`` (as ``ranker.choose``)."""
    right = 0
    for x, y in gs:
        rule = np.flatnonzero(x[:, 0] == 1.0)
        if scorer is None:
            k = rule[0] if len(rule) else -1
        else:
            s = scorer(x)
            k = int(np.argmax(s))
            if len(rule) and s[k] - s[rule[0]] <= margin:
                k = rule[0]
        right += k >= 0 and y[k] == 1.0
    return right / max(1, len(gs))


def export_trees(clf, X: np.ndarray) -> dict:
    """A fitted GradientBoostingClassifier as the JSON ``ranker._Trees`` reads, checked against sklearn."""
    rate = float(clf.learning_rate)
    trees = []
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        trees.append({"feature": [int(f) if f >= 0 else -1 for f in t.feature],
                      "threshold": [round(float(v), 6) for v in t.threshold],
                      "left": [int(v) for v in t.children_left], "right": [int(v) for v in t.children_right],
                      "value": [round(float(v), 6) for v in t.value[:, 0, 0]]})
    raw = clf.decision_function(X[:1])[0]
    init = float(raw - rate * sum(est.predict(X[:1])[0] for est in clf.estimators_[:, 0]))
    data = {"features": list(ranker.FEATURES), "init": init, "rate": rate, "trees": trees}
    got = ranker._Trees(data)(X[:500])
    assert np.allclose(got, clf.decision_function(X[:500]), atol=1e-3), "tree export differs from sklearn"
    return data


MARGINS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)


def fit_models(gs) -> dict:
    """name -> (scorer, exportable data): logistic weights and three tree ensembles fitted on ``gs``."""
    from sklearn.ensemble import GradientBoostingClassifier  # training only
    from sklearn.linear_model import LogisticRegression

    X = np.vstack([x for x, _y in gs])
    Y = np.concatenate([y for _x, y in gs])
    models = {}
    w = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False).fit(X, Y).coef_[0]
    models["linear"] = ((lambda x: x @ w), {"weights": {f: round(float(v), 4)
                                                         for f, v in zip(ranker.FEATURES, w, strict=True)}})
    for n, depth in ((100, 2), (100, 3), (200, 3)):
        clf = GradientBoostingClassifier(n_estimators=n, max_depth=depth, learning_rate=0.1, subsample=0.8,
                                         random_state=7).fit(X, Y)
        data = export_trees(clf, X)
        models[f"trees{n}x{depth}"] = (ranker._Trees(data), data)
    return models


def cross_validate(tr, k: int) -> None:
    """K-fold accuracy on train per model and margin, a steadier choice than check's ~740 quotes alone. Folds are
    contiguous runs of quotes (articles in order), so a fold holds whole articles except at its two edges."""
    folds = np.array_split(np.arange(len(tr)), k)
    right: dict[tuple[str, float], float] = {}
    for fold in folds:
        held = set(fold.tolist())
        test = [tr[i] for i in fold]
        for name, (scorer, _d) in fit_models([g for i, g in enumerate(tr) if i not in held]).items():
            for m in MARGINS:
                right[name, m] = right.get((name, m), 0.0) + accuracy(test, scorer, m) * len(test)
    for (name, m), r in right.items():
        print(f"cv{k} {name:12} margin {m}: {r / len(tr):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cache", default=None, help="folder for the candidates' features (e.g. /tmp/ranker)")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--cv", type=int, default=0, help="also print K-fold accuracy on train (e.g. 5)")
    args = ap.parse_args()
    tr = cached_groups("train", args.limit, args.cache)
    ck = cached_groups("check", None, args.cache)
    print(f"train quotes {len(tr)}, check quotes {len(ck)}")
    print(f"oracle: train {np.mean([y.max() for _x, y in tr]):.3f} check {np.mean([y.max() for _x, y in ck]):.3f}")
    print(f"rules:  train {accuracy(tr, None):.3f} check {accuracy(ck, None):.3f}")
    if args.cv:
        cross_validate(tr, args.cv)
    models = fit_models(tr)
    best = None
    for name, (scorer, _data) in models.items():
        for m in MARGINS:  # ascending: a tie keeps the smallest margin
            a_tr, a_ck = accuracy(tr, scorer, m), accuracy(ck, scorer, m)
            print(f"{name:12} margin {m}: train {a_tr:.3f} check {a_ck:.3f}")
            if best is None or a_ck > best[0]:
                best = (a_ck, name, m)
    print("chosen on check:", best)
    print("linear weights:", models["linear"][1]["weights"])
    if args.write:
        _a, name, m = best
        out = {"source": f"bench/train_speaker_ranker.py on PolNeAR train (limit {args.limit}); {name} and the "
                         "margin chosen on the check slice", "margin": m, **models[name][1]}
        ranker.WEIGHTS.write_text(json.dumps(out, indent=None if "trees" in out else 1) + "\n", encoding="utf-8")
        print("wrote", ranker.WEIGHTS, name, "margin", m)


if __name__ == "__main__":
    main()
