"""The trained event-type classifier at run time: numpy heads over the fine-tuned encoder (no sklearn, no torch).

``events_clf.npz`` (written by bench/train_events.py) holds the softmax head fine-tuned together with the
encoder over 15 coarse PLOVER roots (CONCEDE+RETREAT merged as YIELD, as in PLV), the auxiliary quad head of
that fine-tune (kept for ``quad_probs``; the stage's quad follows the decided type) and a logistic model over
the same vector splitting YIELD into CONCEDE / RETREAT. Input: the marked sentence (``<s>…</s>``, ``<t>…</t>``).
Older files with a TF-IDF block (``vocab``) are still read.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from parley.context import shared
from parley.events import features as F
from parley.events.encoder import MODELS, get_encoder

CLF_FILE = "events_clf.npz"


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class EventClassifier:
    def __init__(self, path: Path = MODELS / CLF_FILE, encoder=None):
        w = np.load(path, allow_pickle=False)
        self.classes = [str(c) for c in w["classes"]]
        self.W, self.b = w["W"], w["b"]
        self.tfidf = F.Tfidf([str(v) for v in w["vocab"]], w["idf"]) if "vocab" in w else None
        self.weight = float(w["tfidf_weight"]) if "tfidf_weight" in w else 0.0
        self.yield_classes = [str(c) for c in w["yield_classes"]]
        self.Wy, self.by = w["Wy"], w["by"]
        self.Wq = w["Wq"] if "Wq" in w else None
        self.bq = w["bq"] if "bq" in w else None
        self.style = str(w["style"])
        self.encoder = encoder
        yi = self.classes.index("YIELD") if "YIELD" in self.classes else None
        self._cols = [c for c in self.classes if c != "YIELD"] + (self.yield_classes if yi is not None else [])
        self._yi = yi
        self._keep = np.array([i for i, c in enumerate(self.classes) if c != "YIELD"], dtype=np.int64)

    def features(self, marked: list[str]) -> np.ndarray:
        return F.features(self.encoder or get_encoder(), marked, self.tfidf, self.weight, style=self.style)

    def matrix(self, marked: list[str]) -> tuple[list[str], np.ndarray]:
        """(type names, probabilities): one row per marked sentence over the 16 PLOVER types."""
        if not marked:
            return list(self._cols), np.zeros((0, len(self._cols)), dtype=np.float32)
        X = self.features(marked)
        P = _softmax(X @ self.W.T + self.b)
        if self._yi is None:
            return list(self._cols), P
        Y = _softmax(X @ self.Wy.T + self.by)
        return list(self._cols), np.hstack([P[:, self._keep], P[:, [self._yi]] * Y])

    def predict(self, marked: list[str]) -> list[dict[str, float]]:
        """Probabilities over the 16 PLOVER types for each marked sentence."""
        cols, M = self.matrix(marked)
        return [dict(zip(cols, row.tolist(), strict=True)) for row in M]


def get_classifier(ctx=None) -> EventClassifier:
    """The process-wide classifier (cached in ``ctx`` when given), on the matching shared encoder."""
    return shared(ctx, "events.classifier", lambda: EventClassifier(encoder=get_encoder(ctx)))
