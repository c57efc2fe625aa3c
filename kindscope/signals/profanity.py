"""alt-profanity-check's word model, read in numpy: one more input to a head's stacker
(the offensive head's, ``train_signals.PROFANITY_SIGNALS``).

The model is a TF-IDF over 15,442 words with five calibrated linear SVMs averaged, trained by
its authors on about 200,000 labelled comments and tweets (MIT licence; Victor Zhou, Menelaos
Kotoglou, Dimitrios Mistriotis; ``profanity_LICENSE.txt`` beside the artifacts).
``training/export_profanity.py`` writes its weights to ``profanity.npz`` together with texts
and the probabilities scikit-learn gives them, which ``tests/signals/test_profanity.py``
holds this reading to. Words it has not seen add nothing, as in scikit-learn.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np

__all__ = ["Profanity"]

#: scikit-learn's default token pattern, on lower-cased text.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
#: Probabilities are clipped here before the logit, so that the stacker's input stays finite.
_EDGE = 1e-4


class Profanity:
    """``logits(texts)``: the log-odds of alt-profanity-check's probability, one per text."""

    def __init__(self, path: Path):
        with np.load(path) as data:
            words = str(data["words"]).split("\n")
            self.idf = data["idf"].astype(np.float64)
            self.coef = data["coef"].astype(np.float64).T  # (words, models)
            self.intercept = data["intercept"].astype(np.float64)
            self.a = data["a"].astype(np.float64)
            self.b = data["b"].astype(np.float64)
        self.index = {w: i for i, w in enumerate(words)}

    def proba(self, texts: list[str]) -> np.ndarray:
        index = self.index
        rows, cols, counts = [], [], []
        for row, text in enumerate(texts):
            seen = Counter(i for i in map(index.get, _TOKEN.findall(text.lower()))
                           if i is not None)
            rows.extend([row] * len(seen))
            cols.extend(seen)
            counts.extend(seen.values())
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        values = np.asarray(counts, dtype=np.float64) * self.idf[cols]
        norms = np.sqrt(np.bincount(rows, weights=values**2, minlength=len(texts)))
        values = values / np.maximum(norms[rows], 1e-300)
        decision = np.repeat(self.intercept[None, :], len(texts), axis=0)
        for k in range(decision.shape[1]):
            decision[:, k] += np.bincount(rows, weights=values * self.coef[cols, k],
                                          minlength=len(texts))
        return (1.0 / (1.0 + np.exp(self.a * decision + self.b))).mean(axis=1)

    def logits(self, texts: list[str]) -> np.ndarray:
        p = np.clip(self.proba(texts), _EDGE, 1 - _EDGE)
        return np.log(p / (1 - p))
