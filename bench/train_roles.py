"""Train the role chooser (``parley.events.role_rank``): which candidate mention is an event's actor / recipient.

    python bench/train_roles.py [--shared ../shared] [--c 1.0] [--out src/parley/data/roles/ranker.json] [--cv-only]

Data: ConfliBERT CAMEO train (actor / recipient spans of one event per sentence), the PLOVER GSR records
(source / target texts) and the whole-article dev gold (``collect_articles``; its items weigh ``--article-weight``:
trained on headlines alone, the chooser lost events on whole articles), each run through the public pipeline with the chooser switched off (``role_rank.RECORD``):
the event the benchmark scores (``bench/events_e2e.py``: the GSR event whose trigger overlaps a marked EVT span,
else the sentence's main event) gives its trigger's candidates and features. A candidate is right when it is
right for the benchmark (its span overlaps the gold span, or its name, aliases or words share a content word
with the gold text). Records (articles) in the benchmark's held fifth (``in_slice(id, "held")``) are never read.
Trained and scored are the sides the chooser decides at run time (``decided``: not symmetric, not passive, a side
the rules filled with a mention). Reported: 5-fold cross-validated accuracy (folds by record, or article) of the
rules' choice and the chooser's, over those sides whose gold is among the candidates. sklearn here only.

Shipped: the defaults, ``--c 0.3 --article-weight 5 --margin 1`` (chosen on the CV figures; margin 0 gave actor 0.956 but moved seed-story roles the rules had right).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from events_e2e import (  # noqa: E402
    GSR_MAP,
    _article_text,
    _gold_names,
    _gsr_actors,
    _loose_find,
    evt_spans,
    gsr_rows,
    in_slice,
    main_event,
    run_doc,
    words,
)
from parley.context import Context  # noqa: E402
from parley.events import role_rank  # noqa: E402


def _right(doc, x, s: int, golds: list[tuple[str, tuple | None]]) -> bool:
    """A gold span (ConfliBERT) is matched by overlap only — the coder marked the words; a gold text (GSR) by a
    shared content word with the candidate's name, aliases or words, as the benchmark scores it."""
    if x is None:
        return not golds
    a = x[2]
    if any(span for _, span in golds):
        return any(span and x[1] > x[0] and s + x[0] < span[1] and span[0] < s + x[1] for _, span in golds)
    w = words(a.name) | words(doc.text[s + x[0]:s + x[1]])
    for al in a.aliases:
        w |= words(al)
    for text, span in golds:
        if span and x[1] > x[0] and s + x[0] < span[1] and span[0] < s + x[1]:
            return True
        if w & words(text):
            return True
    return False


def collect(ctx, shared: Path) -> list[dict]:
    """One item per scored trigger: {id, side -> (X, y, rule-right mask)}."""
    items = []
    rows = []
    for r in (json.loads(ln) for ln in (shared / "data/events-dev/conflibert-cameo/train.jsonl").open()):
        if not r["events"] or r["events"][0].get("quad") is None:
            continue
        g = r["events"][0]
        spans = {k: [(x["text"], (x["char_start"], x["char_end"]) if x.get("char_start") is not None else None)
                     for x in g.get(k) or []] for k in ("actors", "recipients")}
        rows.append((r["id"], r["text"], None, spans["actors"], spans["recipients"], "conflibert"))
    for r in gsr_rows(shared):
        gold = GSR_MAP.get(r["event"], r["event"])
        rows.append((r["id"], r["text"], evt_spans(r), [(t, None) for t in _gsr_actors(r, "source")],
                     [(t, None) for t in _gsr_actors(r, "target")], "gsr" + ("_sym" if gold in
                                                                            ("CONSULT", "AGREE", "COOPERATE") else "")))
    for rid, text, prefer, acts, recs, kind in rows:
        if in_slice(rid, "held"):
            continue
        role_rank.RECORD = []
        doc = run_doc(ctx, rid, text)
        rec, role_rank.RECORD = role_rank.RECORD, None
        e = main_event(doc, prefer)
        if e is None or not e.event or not getattr(e, "trigger_span", None):
            continue
        sent = doc.text[e.start:e.end]
        trig = (e.trigger_span[0] - e.start, e.trigger_span[1] - e.start)
        hit = [x for x in rec if x["m"] == trig and x["sent"] == sent]
        if not hit:
            continue
        h = hit[-1]
        item = {"id": rid, "kind": kind, "event": e.event}
        for side, golds in (("actor", acts), ("recipient", recs)):
            if kind == "gsr_sym":
                break  # symmetric events keep the rules' roles (``role_rank.choose``)
            if kind == "conflibert" and not golds and side == "actor":
                continue  # ConfliBERT leaves some actors unmarked: no evidence for "nobody"
            cands, X = h[side]
            y = np.array([_right(doc, x, e.start, golds) for x in cands])
            rule = X[:, role_rank.INDEX["rule"]] > 0
            rule_right = bool(y[rule].any()) if rule.any() else bool(y[-1])
            item[side] = (X, y, rule, rule_right)
        items.append(item)
    return items + collect_articles(ctx, shared)


def collect_articles(ctx, shared: Path, gold_dir: Path = REPO / "bench" / "data" / "events_gold") -> list[dict]:
    """Items from the whole-article dev gold (dev.jsonl, its tune slice only; never test.jsonl): each gold event
    whose evidence holds a system event of its type gives that event's trigger, its gold actor (or the principal
    it acts for) and recipient. Folds are by article (the item id is the article's path)."""
    items = []
    for a in (json.loads(ln) for ln in (gold_dir / "dev.jsonl").open(encoding="utf-8") if ln.strip()):
        if in_slice(a["path"], "held"):
            continue
        role_rank.RECORD = []
        doc = run_doc(ctx, a["path"], _article_text(shared / "data" / a["path"]), a.get("published"))
        rec, role_rank.RECORD = role_rank.RECORD, None
        by = {}
        for x in rec:
            by[(x["sent"], x["m"])] = x
        for g in a["events"]:
            i = doc.text.find(g["evidence"])
            i = i if i >= 0 else _loose_find(doc.text, g["evidence"])
            if i < 0:
                continue
            span = (i, i + len(g["evidence"]))
            for e in [e for e in doc.events if e.event == g["type"] and e.start < span[1] and span[0] < e.end][:1]:
                h = by.get((doc.text[e.start:e.end], (e.trigger_span[0] - e.start, e.trigger_span[1] - e.start)))
                if h is None:
                    continue
                item = {"id": a["path"], "kind": "article", "event": e.event}
                for side, names in (("actor", _gold_names(g, "actor") + _gold_names(g, "actor_principal")),
                                    ("recipient", _gold_names(g, "recipient"))):
                    cands, X = h[side]
                    y = np.array([_right(doc, x, e.start, [(n, None) for n in names]) for x in cands])
                    rule = X[:, role_rank.INDEX["rule"]] > 0
                    item[side] = (X, y, rule, bool(y[rule].any()) if rule.any() else bool(y[-1]))
                items.append(item)
    return items


def decided(it, side) -> bool:
    """The chooser decides a side the rules filled (``role_rank.choose``), among the mentions (not "nobody"), of an
    active or nominal trigger (a passive keeps the rules' roles)."""
    if side not in it or it.get("event") in ("CONSULT", "AGREE", "COOPERATE"):
        return False
    X, _, rule, _ = it[side]
    first = int(np.argmax(rule)) if rule.any() else None  # the rules' first pick: a mention, not a phrase
    return first is not None and not X[first, role_rank.INDEX["nonmention"]] and \
        not X[-1, role_rank.INDEX["none_passive"]] and not role_rank.kept(X)


def pick_right(X, w, y, rule, margin: float = 0.0) -> bool:
    """Whether the chosen candidate makes the side right, as ``role_rank._best`` applies it: the rules' group
    stands unless another candidate (not barred: ``role_rank.BARRED``) outscores its best member by more than
    ``margin``."""
    scores = X @ w
    scores[(X[:, role_rank.BARRED].sum(axis=1) > 0) & ~rule] = -np.inf
    i = int(np.argmax(scores[:-1]))
    top_rule = scores[:-1][rule[:-1]].max()
    if rule[i] or not np.isfinite(scores[i]) or (np.isfinite(top_rule) and scores[i] - top_rule <= margin):
        return bool(y[rule].any())
    return bool(y[i])


def fit(items, side: str, c: float, article_weight: float = 1.0):
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 — training time only

    X = np.vstack([it[side][0][:-1] for it in items])
    y = np.concatenate([it[side][1][:-1] for it in items])
    sw = np.concatenate([np.full(len(it[side][1]) - 1, article_weight if it["kind"] == "article" else 1.0)
                         for it in items])
    clf = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    clf.fit(X, y, sample_weight=sw)
    return clf.coef_[0]


def cv(items, side: str, c: float, folds: int = 5, margin: float = 0.0, article_weight: float = 1.0) -> dict:
    import hashlib  # noqa: PLC0415

    usable = [it for it in items if decided(it, side) and it[side][1][:-1].any()]
    fold = [int(hashlib.sha1(it["id"].encode()).hexdigest(), 16) % folds for it in usable]
    n_rule = n_model = 0
    by_kind: dict = {}
    for k in range(folds):
        train = [it for it, f in zip(usable, fold, strict=True) if f != k]
        test = [it for it, f in zip(usable, fold, strict=True) if f == k]
        w = fit(train, side, c, article_weight)
        for it in test:
            X, y, rule, rr = it[side]
            mr = pick_right(X, w, y, rule, margin)
            n_rule += rr
            n_model += mr
            b = by_kind.setdefault(it["kind"], [0, 0, 0])
            b[0] += 1
            b[1] += rr
            b[2] += mr
    n = len(usable)
    return {"n": n, "rules": round(n_rule / max(1, n), 3), "chooser": round(n_model / max(1, n), 3),
            "by_set": {k: {"n": v[0], "rules": round(v[1] / v[0], 3), "chooser": round(v[2] / v[0], 3)}
                       for k, v in by_kind.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--out", type=Path, default=role_rank.WEIGHTS)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--margin", type=float, default=1.0, help="how far a candidate must outscore the rules' pick")
    ap.add_argument("--article-weight", type=float, default=5.0, help="sample weight of the article gold items")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the collected items (reused when present)")
    a = ap.parse_args()
    if a.cache and a.cache.exists():
        import pickle  # noqa: PLC0415

        items = pickle.loads(a.cache.read_bytes())
    else:
        items = collect(Context(), a.shared)
        if a.cache:
            import pickle  # noqa: PLC0415

            a.cache.write_bytes(pickle.dumps(items))
    report = {side: cv(items, side, a.c, margin=a.margin, article_weight=a.article_weight)
              for side in ("actor", "recipient")}
    print(json.dumps({"items": len(items), "C": a.c, "cv": report}, indent=1))
    if a.cv_only:
        return
    out = {"source": "bench/train_roles.py: ConfliBERT CAMEO train actor/recipient spans, PLOVER GSR source/target "
                     "(../shared/data) and the whole-article dev gold (bench/data/events_gold/dev.jsonl), the "
                     "benchmark's held fifth of each left out; logistic regression per side (scikit-learn)",
           "C": a.c, "margin": a.margin, "article_weight": a.article_weight, "cv": report, "features": role_rank.NAMES}
    for side in ("actor", "recipient"):
        out[side] = {"coef": [round(float(v), 4) for v in fit([it for it in items if decided(it, side) and it[side][1][:-1].any()], side,
                                                                     a.c, a.article_weight)]}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
