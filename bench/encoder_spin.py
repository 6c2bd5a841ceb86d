"""The event encoder with ONNX Runtime's intra-op spin-waiting off (shipped) and on, interleaved in one run.

Reports that both give the same vectors and the sentences/s and CPU seconds of each, on ConfliBERT train
sentences (../shared/data/events-dev). Run: ``python bench/encoder_spin.py [--n 400] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from parley.events.encoder import Encoder  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    path = Path(args.shared) / "data/events-dev/conflibert-cameo/train.jsonl"
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")][: args.n]
    encoders = {"spin off (shipped)": Encoder(spin=False, cache_rows=0), "spin on": Encoder(spin=True, cache_rows=0)}
    a, b = (enc.encode(texts[:50]) for enc in encoders.values())
    print(f"same vectors (atol 1e-5): {np.allclose(a, b, atol=1e-5)}")
    best = {name: (0.0, float("inf")) for name in encoders}
    for _ in range(args.rounds):
        for name, enc in encoders.items():
            cpu, wall = time.process_time(), time.perf_counter()
            enc.encode(texts)
            rate, used = len(texts) / (time.perf_counter() - wall), time.process_time() - cpu
            best[name] = (max(best[name][0], rate), min(best[name][1], used))
    for name, (rate, used) in best.items():
        print(f"{name:20} best {rate:7.0f} sentences/s, {used:5.2f} CPU-s per round of {len(texts)}")


if __name__ == "__main__":
    main()
