"""Scoring the posts of a store: signal scores for what the signals read, and the language
of every post, so that posts in a language they do not read are recorded as not read."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa

from kindscope.signals import MODEL_VERSION, STORED_SIGNALS
from kindscope.signals.language import is_read, read_texts
from kindscope.store.scoring import pending_posts, unread_counts, write_scores

__all__ = ["score_store", "score_store_counted"]


def _long_scores(part: pa.Table, read: pa.Table) -> pa.Table:
    """One row per (read post, stored signal: the heads' and the rules') from the wide
    table ``read_texts`` returns."""
    keep = np.array([is_read(lang) for lang in read["lang"].to_pylist()], dtype=bool)
    mask = pa.array(keep)
    platforms = part["platform"].combine_chunks().filter(mask)
    post_ids = part["post_id"].combine_chunks().filter(mask)
    n = len(post_ids)
    return pa.table(
        {
            "platform": pa.concat_arrays([platforms] * len(STORED_SIGNALS)),
            "post_id": pa.concat_arrays([post_ids] * len(STORED_SIGNALS)),
            "signal": pa.array(np.repeat(np.array(STORED_SIGNALS, dtype=object), n),
                               type=pa.string()),
            "score": pa.concat_arrays(
                [read[s].combine_chunks().filter(mask) for s in STORED_SIGNALS]),
            "model_version": pa.array([MODEL_VERSION] * (n * len(STORED_SIGNALS)),
                                      type=pa.string()),
        }
    )


def _languages(part: pa.Table, read: pa.Table) -> pa.Table:
    langs = read["lang"].to_pylist()
    return pa.table(
        {
            "platform": part["platform"].combine_chunks(),
            "post_id": part["post_id"].combine_chunks(),
            "model_version": pa.array([MODEL_VERSION] * part.num_rows, type=pa.string()),
            "lang": pa.array(langs, type=pa.string()),
            "is_read": pa.array([is_read(lang) for lang in langs], type=pa.bool_()),
        }
    )


def score_store(
    store,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = 4096,
) -> int:
    """Read every post ``MODEL_VERSION`` has not read yet; return how many were handled.

    Only authored posts (``kind = 'post'``) with non-empty text are read; a reply is read
    with its parent's text as context (and as a reply, for the death-wish rule, whether or
    not its parent is here: ``pending_posts``'s ``addressed``). A post confidently in a
    language the signals do not read gets no scores, only its language (see
    ``kindscope.store.scoring``); it counts
    among the posts handled and is not handled again. Results are written one chunk per
    transaction, so an interrupted run keeps what it finished and the next run continues.
    ``progress(n)`` is called with the number of posts handled after each chunk (the same
    callback shape as the importers').
    """
    pending = pending_posts(store, MODEL_VERSION)
    total = pending.num_rows
    for start in range(0, total, chunk_size):
        part = pending.slice(start, chunk_size)
        read = read_texts(part["text"].to_pylist(), part["context"].to_pylist(),
                          STORED_SIGNALS, batch_size, part["addressed"].to_pylist())
        write_scores(store, _long_scores(part, read), _languages(part, read))
        if progress is not None:
            progress(part.num_rows)
    return total


def score_store_counted(store, batch_size: int = 64,
                        progress: Callable[[int], None] | None = None
                        ) -> tuple[int, dict[str, int]]:
    """:func:`score_store`, and what this run did: ``(posts read, {language: posts not read
    for it})``, the first as ``stats`` counts ``scored_posts``."""
    before = unread_counts(store, None, MODEL_VERSION)
    count = score_store(store, batch_size=batch_size, progress=progress)
    after = unread_counts(store, None, MODEL_VERSION)
    unread = {lang: n - before.get(lang, 0) for lang, n in after.items()
              if n > before.get(lang, 0)}
    return count - sum(unread.values()), unread
