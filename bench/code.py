"""Throughput of ``parley.events.code_records`` (sentences/s, ONNX encoder + numpy heads + cue rules).

    python bench/code.py [--n 2000] [--repeat 3] [--shared ../shared] [--compare OTHER.onnx]

Uses PLV_train sentences (plain text, no marks) as realistic news sentences. Prints sentences/s of every repeat
and the best, the encoder alone, and the 1-minute load average (the machine is shared: a busy CPU lowers the
figure, so read it together with the load). ``--compare`` times another encoder graph (same inputs and
tokenizer, e.g. an earlier model) interleaved with the shipped one and prints the speed ratio of the two, which
a busy machine disturbs far less than the absolute figures.
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
from pathlib import Path

from parley.context import Context
from parley.events import code_records
from parley.events.encoder import MODELS, ONNX_FILE, TOKENIZER_FILE, Encoder, get_encoder

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--compare", type=Path, help="another ONNX encoder graph to time against the shipped one")
    a = ap.parse_args()
    with (a.shared / "data" / "plv" / "PLV_train.tsv").open(encoding="utf-8") as f:
        texts = [r["sentence"] for r in csv.DictReader(f, delimiter="\t")]
    records = [{"id": str(i), "text": texts[i % len(texts)]} for i in range(a.n)]
    ctx = Context()
    code_records(records[:20], ctx)  # load the models
    rates = []
    enc = get_encoder(ctx)
    for _ in range(a.repeat):
        enc.forget()  # time the network, not the encoder's cache of vectors
        t = time.perf_counter()
        out = code_records(records, ctx)
        dt = time.perf_counter() - t
        rates.append(len(out) / dt)
        print(f"code_records: {len(out)} sentences in {dt:.2f}s = {rates[-1]:.0f} sentences/s", flush=True)
    enc.forget()
    t = time.perf_counter()
    enc.encode([r["text"] for r in records])
    enc_rate = len(records) / (time.perf_counter() - t)
    print(f"best code_records {max(rates):.0f} sentences/s; encoder alone {enc_rate:.0f} sentences/s; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    if a.compare:
        compare(enc, a.compare, [r["text"] for r in records], a.repeat)


def compare(shipped: Encoder, other_onnx: Path, texts: list[str], repeat: int) -> None:
    """Encoder speed of ``other_onnx`` vs the shipped graph, timed in alternation (best of ``repeat`` each)."""
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / ONNX_FILE).symlink_to(other_onnx.resolve())
        (Path(d) / TOKENIZER_FILE).symlink_to(MODELS / TOKENIZER_FILE)
        other = Encoder(Path(d))
        other.encode(texts[:20])
        best = {"shipped": 0.0, "other": 0.0}
        for _ in range(repeat):
            for name, enc in (("shipped", shipped), ("other", other)):
                enc.forget()
                t = time.perf_counter()
                enc.encode(texts)
                best[name] = max(best[name], len(texts) / (time.perf_counter() - t))
    print(f"encoder, best of {repeat} interleaved: shipped {best['shipped']:.0f}/s, {other_onnx.name} "
          f"{best['other']:.0f}/s, ratio {best['shipped'] / best['other']:.2f}x")


if __name__ == "__main__":
    main()
