"""Text signals: calibrated probabilities that a short post shows distress, crisis,
toxicity, offensive language, hate, support (and three empathy mechanisms) or upbeat news.

>>> from kindscope.signals import score_texts
>>> table = score_texts(["my pottery lesson was a success!"])   # doctest: +SKIP
>>> table.column_names[:3]                                      # doctest: +SKIP
['distress', 'crisis', 'toxicity']

Every score is a probability in [0, 1] whose decision point is ``THRESHOLDS[signal]``
(0.5 for all). Scores can be wrong and must never be used to judge a person; see
``docs/models/<signal>.md``. Models load lazily, once, from ``artifacts/`` (offline).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from kindscope.signals.model import (
    MODEL_VERSION,
    RULE_SIGNALS,
    SIGNALS,
    STORED_SIGNALS,
    SignalModel,
    get_model,
)

__all__ = ["MODEL_VERSION", "RULE_SIGNALS", "SIGNALS", "STORED_SIGNALS", "THRESHOLDS",
           "SignalModel", "score_texts"]

# ONNX Runtime's Linux builds send usage telemetry (a DNS lookup of a Microsoft collector
# from any process that loaded a model) unless this is set before the runtime starts. Every
# path to the runtime (CLI and library) imports this package first; the encoder also calls
# the runtime's own opt-out once it is loaded.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"

#: Decision point per signal: a post "shows" the signal when its score is >= this.
THRESHOLDS: dict[str, float] = {name: 0.5 for name in SIGNALS}

#: Texts scored per internal chunk (bounds memory on large inputs).
_CHUNK = 4096


def score_texts(
    texts: Sequence[str],
    contexts: Sequence[str | None] | None = None,
    signals: Sequence[str] | None = None,
    batch_size: int = 64,
    replies: Sequence[bool] | None = None,
) -> pa.Table:
    """Score texts for every (or the named) signal.

    Parameters
    ----------
    texts : sequence of str
        The posts to read. ``None`` entries are read as empty text.
    contexts : sequence of str or None, optional
        For each text, the post it replies to (read by the ``support*`` signals, by
        ``hate``'s cap for a text that names no group: ``targets.py``, and by ``crisis`` for
        an answer to a direct question about risk: ``answers.py``), or None.
    signals : sequence of str, optional
        A subset of ``STORED_SIGNALS`` (the heads' ``SIGNALS`` and the rules'
        ``RULE_SIGNALS``, read 1.0 or 0.0); default ``SIGNALS``, in that order.
    batch_size : int
        Encoder batch size.
    replies : sequence of bool, optional
        For each text, whether it answers or quotes someone's post (read by the death-wish
        rule: ``wishes.aimed_wish``'s ``reply``); default: the texts with a context.

    Returns
    -------
    pyarrow.Table
        One row per text in input order, one float64 column per signal.
    """
    names = _check_signals(signals)
    texts = ["" if t is None else str(t) for t in texts]
    if contexts is not None and len(contexts) != len(texts):
        raise ValueError(f"contexts has {len(contexts)} items, texts has {len(texts)}")
    if replies is not None and len(replies) != len(texts):
        raise ValueError(f"replies has {len(replies)} items, texts has {len(texts)}")
    ctx = ["" if c is None else str(c) for c in contexts] if contexts is not None else None
    columns = {name: np.zeros(len(texts)) for name in names}
    model = get_model()
    for start in range(0, len(texts), _CHUNK):
        part_ctx = ctx[start : start + _CHUNK] if ctx is not None else None
        part_replies = [bool(r) for r in replies[start : start + _CHUNK]] \
            if replies is not None else None
        scores = model.score(texts[start : start + _CHUNK], part_ctx, names, batch_size,
                             part_replies)
        for name in names:
            columns[name][start : start + len(scores[name])] = scores[name]
    # pa.array would import pandas (when installed): 0.3 s of `kindscope score --text`
    return pa.table({name: pa.Array.from_buffers(pa.float64(), len(texts),
                                                 [None, pa.py_buffer(columns[name])])
                     for name in names})


def _check_signals(signals: Sequence[str] | None) -> tuple[str, ...]:
    if signals is None:
        return SIGNALS
    unknown = [s for s in signals if s not in STORED_SIGNALS]
    if unknown:
        raise ValueError(f"unknown signal(s) {unknown}; known: {', '.join(STORED_SIGNALS)}")
    return tuple(s for s in STORED_SIGNALS if s in set(signals))
