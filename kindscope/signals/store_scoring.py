"""Scoring the posts of a store into the ``signal_scores`` table."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa

from kindscope.signals import MODEL_VERSION, SIGNALS, score_texts

__all__ = ["score_store"]

_PENDING_SQL = """
SELECT p.platform, p.post_id, p.text, parent.text AS context
FROM posts AS p
LEFT JOIN posts AS parent
  ON parent.platform = p.platform AND parent.post_id = p.reply_to_post_id
WHERE p.kind = 'post'
  AND p.text IS NOT NULL AND trim(p.text) <> ''
  AND NOT EXISTS (
    SELECT 1 FROM signal_scores AS s
    WHERE s.platform = p.platform AND s.post_id = p.post_id AND s.model_version = ?
  )
ORDER BY p.platform, p.post_id
"""

_INSERT_SQL = """
INSERT INTO signal_scores (platform, post_id, signal, score, model_version)
SELECT platform, post_id, signal, score, model_version FROM _kindscope_new_scores
ON CONFLICT DO NOTHING
"""


def _long_table(pending: pa.Table, scores: pa.Table) -> pa.Table:
    """One row per (post, signal) from a wide table of scores."""
    n = pending.num_rows
    names = scores.column_names
    return pa.table(
        {
            "platform": pa.concat_arrays([pending["platform"].combine_chunks()] * len(names)),
            "post_id": pa.concat_arrays([pending["post_id"].combine_chunks()] * len(names)),
            "signal": pa.array(np.repeat(np.array(names, dtype=object), n), type=pa.string()),
            "score": pa.concat_arrays([scores[s].combine_chunks() for s in names]),
            "model_version": pa.array([MODEL_VERSION] * (n * len(names)), type=pa.string()),
        }
    )


def score_store(
    store,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = 4096,
) -> int:
    """Score every post not yet scored by ``MODEL_VERSION``; return how many were scored.

    Only authored posts (``kind = 'post'``) with non-empty text are read; a reply is read
    with its parent's text as context. Scores are written one chunk per transaction, so an
    interrupted run keeps what it finished and the next run continues from there.
    ``progress(n)`` is called with the number of posts scored after each chunk (the same
    callback shape as the importers').
    """
    pending = store.con.sql(_PENDING_SQL, params=[MODEL_VERSION]).arrow()
    if not isinstance(pending, pa.Table):  # DuckDB >= 1.4 returns a reader here
        pending = pending.read_all()
    total = pending.num_rows
    for start in range(0, total, chunk_size):
        part = pending.slice(start, chunk_size)
        scores = score_texts(
            part["text"].to_pylist(), part["context"].to_pylist(), SIGNALS, batch_size
        )
        rows = _long_table(part, scores)
        with store.transaction() as con:
            con.register("_kindscope_new_scores", rows)
            try:
                con.execute(_INSERT_SQL).fetchall()
            finally:
                con.unregister("_kindscope_new_scores")
        if progress is not None:
            progress(part.num_rows)
    return total
