"""The trained event-type classifier at run time: numpy weights only (no sklearn, no torch).

``events_clf.npz`` (written by bench/train_events.py) holds a multinomial logistic regression over 15 coarse
PLOVER roots (CONCEDE+RETREAT merged as YIELD, as in PLV) and a binary model splitting YIELD into CONCEDE /
RETREAT. Input: features.features() of the marked sentence (embedding + TF-IDF of the relation window).
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
        self.style = str(w["style"])
        self.encoder = encoder

    def features(self, marked: list[str]) -> np.ndarray:
        return F.features(self.encoder or get_encoder(), marked, self.tfidf, self.weight, style=self.style)

    def predict(self, marked: list[str]) -> list[dict[str, float]]:
        """Probabilities over the 16 PLOVER types for each marked sentence."""
        if not marked:
            return []
        X = self.features(marked)
        P = _softmax(X @ self.W.T + self.b)
        Y = _softmax(X @ self.Wy.T + self.by)
        out = []
        for p, y in zip(P, Y, strict=True):
            d = {}
            for c, v in zip(self.classes, p, strict=True):
                if c == "YIELD":
                    for yc, yv in zip(self.yield_classes, y, strict=True):
                        d[yc] = float(v * yv)
                else:
                    d[c] = float(v)
            out.append(d)
        return out


def get_classifier(ctx=None) -> EventClassifier:
    """The process-wide classifier (cached in ``ctx`` when given), on the matching shared encoder."""
    return shared(ctx, "events.classifier", lambda: EventClassifier(encoder=get_encoder(ctx)))
