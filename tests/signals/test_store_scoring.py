"""score_store over an in-memory store."""

from kindscope.signals import MODEL_VERSION, SIGNALS
from kindscope.signals.store_scoring import score_store
from kindscope.store.db import Store

POSTS = [
    ("x", "1", "I feel so alone tonight", "post", None),
    ("x", "2", "I'm so sorry, I'm here for you", "post", "1"),
    ("x", "3", "", "post", None),
    ("x", "4", "a repost", "repost", None),
    ("m", "1", "my pottery lesson was a success!", "post", None),
]


def _store():
    store = Store(":memory:")
    for platform, post_id, text, kind, parent in POSTS:
        store.execute(
            "INSERT INTO posts (platform, post_id, author_id, text, kind, reply_to_post_id) "
            "VALUES (?, ?, 'a', ?, ?, ?)",
            [platform, post_id, text, kind, parent],
        )
    return store


def test_scores_each_post_once():
    store = _store()
    seen = []
    assert score_store(store, progress=seen.append, chunk_size=2) == 3
    assert seen == [2, 1]
    rows = store.rows("SELECT platform, post_id, count(*), min(model_version) FROM signal_scores "
                      "GROUP BY ALL ORDER BY ALL")
    n = len(SIGNALS)
    assert rows == [("m", "1", n, MODEL_VERSION), ("x", "1", n, MODEL_VERSION),
                    ("x", "2", n, MODEL_VERSION)]
    assert score_store(store) == 0  # nothing new


def test_reply_is_read_with_its_parent():
    store = _store()
    score_store(store)
    support = store.scalar("SELECT score FROM signal_scores WHERE platform='x' AND post_id='2' "
                           "AND signal='support'")
    assert support >= 0.5
    upbeat = store.scalar("SELECT score FROM signal_scores WHERE platform='m' AND post_id='1' "
                          "AND signal='upbeat'")
    assert upbeat >= 0.5
