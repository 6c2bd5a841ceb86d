"""Sentence vectors at run time: all-MiniLM-L6-v2 cut to its first 4 layers and fine-tuned, as an int8 ONNX graph.

Why: the network is fine-tuned on marked PLOVER relation sentences (bench/train_events.py), then exported once
with mean pooling inside the graph and weights quantised int8 per channel; it needs onnxruntime + tokenizers only,
no torch at run time. Four of the six layers: the 2-core CPU then codes well over 500 sentences/s (six layers:
400–580/s on the same machine, for 0.015 more CV root accuracy). The source/target marks ``<s> </s> <t> </t>`` are
single tokens of the shipped tokenizer (they take the ids of ``[unused0..3]``).
Speed choices (bench/code.py, bench/pipeline.py): texts are tokenised in one batch call and an input over
``MAX_TOKENS`` (48) is cut to the window around its marks (``window``): the encoder's cost is its tokens (int8
matmuls are 68 % of the graph's time), and on T17 10 % of the classifier inputs run past 64 tokens, the longest
past 128; at 48 the encoder takes 20 % less CPU than at 128 (64: 13 %) and the events dev benches hold (see
docs/benchmark-log.md, speed6). Each distinct input runs alone, unpadded: the graph quantises its activations
per tensor (DynamicQuantizeLinear), so in a padded batch a row's vector moved with its batch-mates and their
padding (up to 1.2 in one coordinate on T17) and 43 % of the tokens run were padding. Alone, a vector is a function
of its input only, which lets the process keep a bounded cache of them (``cache_rows``; wire stories repeat
sentences: 6.5 % of T17's sentences over 60 characters are repeats), and encoding costs 2.1x less CPU than
per-article batches of 32 (T17, 2,523 classifier inputs, one thread). One intra-op thread by default: the
pipeline's parallelism is its worker processes, and one thread took 8 % less CPU than ONNX Runtime's default
(same vectors).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from parley.context import shared

MODELS = Path(__file__).resolve().parents[1] / "data" / "models"
ONNX_FILE = "minilm-l4-events.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
MARKS = ("<s>", "</s>", "<t>", "</t>")
MAX_TOKENS = 48  # an input's tokens with [CLS] and [SEP]; longer ones are cut around their marks
DIM = 384
CACHE_ROWS = 20_000  # vectors kept per process (1.5 kB each: 30 MB at most)


class Encoder:
    def __init__(self, model_dir: Path = MODELS, threads: int | None = 1, spin: bool = False,
                 cache_rows: int = CACHE_ROWS, max_tokens: int = MAX_TOKENS):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        self.tok.no_padding()
        self.tok.no_truncation()  # ``window`` cuts an over-long input around its marks
        self.marks = frozenset(self.tok.token_to_id(m) for m in MARKS)
        self.max_tokens = max_tokens
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
        self._cache: dict[tuple[int, ...], np.ndarray] = {}  # input ids -> vector (a function of the input alone)
        self.cache_rows = cache_rows

    def encode(self, texts: list[str]) -> np.ndarray:
        """Pooled sentence vectors, one row per text, in input order (float32, 384 columns)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        # inputs are cut to a window of MAX_TOKENS, so texts that differ only outside it (one over-long sentence
        # marked at different places far apart) may be the same input: each distinct input is run once (issue 15)
        seen: dict[tuple[int, ...], np.ndarray] = {}
        for i, enc in enumerate(self.tok.encode_batch(list(texts))):
            key = window(enc.ids, self.marks, self.max_tokens)
            vec = seen.get(key)
            if vec is None:
                vec = self._cache.get(key)
            if vec is None:
                ids = np.array([key], dtype=np.int64)
                vec = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
                if self.cache_rows:
                    if len(self._cache) >= self.cache_rows:
                        self._cache.pop(next(iter(self._cache)))  # the oldest entry first
                    self._cache[key] = vec
            seen[key] = out[i] = vec
        return out

    def forget(self) -> None:
        """Drop the cached vectors (speed benchmarks that encode the same texts again time the network)."""
        self._cache.clear()


def window(ids: list[int], marks: frozenset[int], max_tokens: int) -> tuple[int, ...]:
    """``ids`` ([CLS] … [SEP]) cut to ``max_tokens``: the stretch from the first mark to the last one, centred in
    what room is left (from the first mark when they span more); an unmarked input keeps its first tokens."""
    if len(ids) <= max_tokens:
        return tuple(ids)
    body, room = ids[1:-1], max_tokens - 2
    at = [i for i, t in enumerate(body) if t in marks]
    start = 0
    if at:
        lo, hi = at[0], at[-1] + 1
        start = lo if hi - lo >= room else max(0, min(lo - (room - (hi - lo)) // 2, len(body) - room))
    return (ids[0], *body[start:start + room], ids[-1])


def get_encoder(ctx=None) -> Encoder:
    """The process-wide encoder (cached in ``ctx`` when given)."""
    return shared(ctx, "events.encoder", Encoder)
