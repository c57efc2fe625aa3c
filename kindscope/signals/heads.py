"""Per-signal heads applied in numpy: an encoder-feature head, a bag-of-WordPieces head
and a logistic stacker that calibrates their combination (for offensive with
a third input, alt-profanity-check's log-odds: ``profanity.Profanity``).

All weights live in one ``heads.npz``; for signal ``s`` the keys are ``s.mean``,
``s.scale`` (feature standardisation), ``s.w1``/``s.b1``/``s.w2``/``s.b2`` (a one-hidden-
layer ReLU network on the standardised features), ``s.w_bag``/``s.b_bag`` (logistic
weights on the hashed bag), ``s.stack`` (``[a_emb, a_bag, bias]``, or
``[a_emb, a_bag, a_profanity, bias]``) and ``s.context`` (1 when the head reads the
replied-to post).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["BAG_DIM", "VOCAB", "Head", "bag_rows", "load_heads", "pair_features"]

VOCAB = 30522
BAG_DIM = 1 << 18
_MULT = np.int64(1_000_003)


def bag_rows(token_ids: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Hashed presence of WordPiece unigrams and bigrams, as CSR ``(indptr, indices)``.

    Unigram ``i`` maps to column ``i``; bigram ``(a, b)`` to a column above the vocabulary.
    Each row holds its distinct columns; rows are L2-normalised by the caller.
    """
    indptr = np.zeros(len(token_ids) + 1, dtype=np.int64)
    parts = []
    for row, ids in enumerate(token_ids):
        ids = ids.astype(np.int64)
        bigrams = (ids[:-1] * _MULT + ids[1:]) % (BAG_DIM - VOCAB) + VOCAB
        cols = np.unique(np.concatenate([ids, bigrams]))
        parts.append(cols)
        indptr[row + 1] = indptr[row] + len(cols)
    indices = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    return indptr, indices


def pair_features(reply: np.ndarray, context: np.ndarray) -> np.ndarray:
    """Features for heads that read the replied-to post: reply, context, and their product."""
    return np.concatenate([reply, context, reply[:, :384] * context[:, :384]], axis=1)


@dataclass(frozen=True)
class Head:
    """One signal's weights; ``logits``/``proba`` take features and a CSR bag."""

    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: float
    w_bag: np.ndarray
    b_bag: float
    stack: np.ndarray
    context: bool

    def emb_logit(self, feats: np.ndarray) -> np.ndarray:
        hidden = np.maximum(((feats - self.mean) / self.scale) @ self.w1 + self.b1, 0.0)
        return hidden @ self.w2 + self.b2

    def bag_logit(self, indptr: np.ndarray, indices: np.ndarray) -> np.ndarray:
        weights = self.w_bag[indices].astype(np.float64)
        counts = np.diff(indptr)
        rows = np.repeat(np.arange(len(counts)), counts)
        sums = np.bincount(rows, weights=weights, minlength=len(counts))
        return sums / np.sqrt(np.maximum(counts, 1)) + self.b_bag

    @property
    def reads_profanity(self) -> bool:
        """Whether the stacker takes alt-profanity-check's log-odds as a third input."""
        return len(self.stack) == 4

    def proba(self, feats: np.ndarray, indptr: np.ndarray, indices: np.ndarray,
              profanity: np.ndarray | None = None) -> np.ndarray:
        """``profanity``: ``Profanity.logits`` of the same texts, for heads that read it."""
        z = (self.stack[0] * self.emb_logit(feats) + self.stack[1] * self.bag_logit(indptr, indices)
             + self.stack[-1])
        if self.reads_profanity:
            if profanity is None:
                raise ValueError("this head reads alt-profanity-check's log-odds: pass them")
            z = z + self.stack[2] * profanity
        return 1.0 / (1.0 + np.exp(-z))


def load_heads(path, signals: tuple[str, ...]) -> dict[str, Head]:
    data = np.load(path)
    heads = {}
    for s in signals:
        heads[s] = Head(
            mean=data[f"{s}.mean"],
            scale=data[f"{s}.scale"],
            w1=data[f"{s}.w1"].astype(np.float32),
            b1=data[f"{s}.b1"],
            w2=data[f"{s}.w2"],
            b2=float(data[f"{s}.b2"]),
            w_bag=data[f"{s}.w_bag"],
            b_bag=float(data[f"{s}.b_bag"]),
            stack=data[f"{s}.stack"].astype(np.float64),
            context=bool(data[f"{s}.context"]),
        )
    return heads
