"""Sentence vectors at run time: all-MiniLM-L6-v2 cut to its first 4 layers and fine-tuned, as an int8 ONNX graph.

Why: the network is fine-tuned on marked PLOVER relation sentences (bench/train_events.py), then exported once
with mean pooling inside the graph and weights quantised int8 per channel; it needs onnxruntime + tokenizers only,
no torch at run time. Four of the six layers: the 2-core CPU then codes well over 500 sentences/s (six layers:
400–580/s on the same machine, for 0.015 more CV root accuracy). The source/target marks ``<s> </s> <t> </t>`` are
single tokens of the shipped tokenizer (they take the ids of ``[unused0..3]``).
Speed choices (bench/code.py): texts are tokenised in one batch call, sorted by token length so padding stays
small, truncated at 128 tokens (PLV sentences: 99th percentile 74), run in batches of 32 with full graph
optimisation; rows come back in input order.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from parley.context import shared

MODELS = Path(__file__).resolve().parents[1] / "data" / "models"
ONNX_FILE = "minilm-l4-events.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
MARKS = ("<s>", "</s>", "<t>", "</t>")
MAX_TOKENS = 128
DIM = 384
BATCH = 32


class Encoder:
    def __init__(self, model_dir: Path = MODELS, threads: int | None = None, spin: bool = False):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        self.tok.no_padding()
        self.tok.enable_truncation(MAX_TOKENS)
        so = ort.SessionOptions()
        if threads:
            so.intra_op_num_threads = threads
        # Intra-op threads spin-wait between kernels by default: on a 2-core machine the spinning thread burns
        # the CPU the rest of the pipeline needs (issue 22 measured 15 of 38 CPU-s spent spinning). Off, the
        # vectors are the same and the encoder is faster end to end.
        so.add_session_config_entry("session.intra_op.allow_spinning", "0" if spin is False else "1")
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        so.log_severity_level = 3
        self.session = ort.InferenceSession(str(model_dir / ONNX_FILE), so, providers=["CPUExecutionProvider"])

    def encode(self, texts: list[str], batch_size: int = BATCH) -> np.ndarray:
        """Pooled sentence vectors, one row per text, in input order (float32, 384 columns)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        # texts are cut at MAX_TOKENS, so texts that differ only past the cut (one over-long sentence marked at
        # different places far into it) are the same input: each distinct input is run once (issue 15)
        distinct: dict[tuple[int, ...], int] = {}
        row = [distinct.setdefault(tuple(e.ids), len(distinct)) for e in self.tok.encode_batch(list(texts))]
        ids_list = list(distinct)
        out = np.zeros((len(ids_list), DIM), dtype=np.float32)
        lengths = np.fromiter((len(x) for x in ids_list), dtype=np.int64, count=len(ids_list))
        order = np.argsort(lengths, kind="stable")
        for i in range(0, len(order), batch_size):
            idx = order[i : i + batch_size]
            width = int(lengths[idx[-1]])  # sorted: the last is the longest
            ids = np.zeros((len(idx), width), dtype=np.int64)
            for k, j in enumerate(idx):
                ids[k, : lengths[j]] = ids_list[j]
            mask = (np.arange(width)[None, :] < lengths[idx][:, None]).astype(np.int64)
            out[idx] = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return out[row]


def get_encoder(ctx=None) -> Encoder:
    """The process-wide encoder (cached in ``ctx`` when given)."""
    return shared(ctx, "events.encoder", Encoder)
