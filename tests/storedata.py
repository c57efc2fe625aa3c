"""Helpers that write hand-built rows with SQL into a ``Store(':memory:')``."""

from __future__ import annotations

from datetime import UTC, datetime


def add_snapshot(store, sid, platform="x", owner=None, taken=None):
    store.execute("INSERT INTO snapshots VALUES (?, ?, ?, 'test', ?, ?, ?, NULL)",
                  [sid, platform, f"{sid}.src", owner, taken, datetime.now(UTC)])


def add_follows(store, sid, edges, platform="x"):
    for a, b in edges:
        store.execute("INSERT INTO follows VALUES (?, ?, ?, ?, NULL)", [platform, a, b, sid])


def add_post(store, pid, author, at, text="", reply_to=None, reply_to_account=None,
             platform="x", mentions=(), hashtags=()):
    store.execute(
        "INSERT INTO posts (platform, post_id, author_id, created_at, text, kind, "
        "reply_to_post_id, reply_to_account_id, mentions, hashtags) "
        "VALUES (?, ?, ?, ?, ?, 'post', ?, ?, ?, ?)",
        [platform, pid, author, at, text, reply_to, reply_to_account, list(mentions),
         list(hashtags)])


def add_scores(store, rows, platform="x", version="test"):
    """``rows``: (post id, signal, score) written under one model version."""
    for post_id, signal, score in rows:
        store.execute("INSERT INTO signal_scores VALUES (?, ?, ?, ?, ?)",
                      [platform, post_id, signal, score, version])


def read_every_post(store, signal="toxicity", score=0.05, version="test"):
    """Every post given one score (``toxicity`` 0.05: nothing reads as hostile), so that
    sections that need the posts read, such as "People who reply to you", have them."""
    store.execute("INSERT INTO signal_scores SELECT platform, post_id, ?, ?, ? FROM posts "
                  "WHERE NOT EXISTS (SELECT 1 FROM signal_scores s WHERE s.platform = "
                  "posts.platform AND s.post_id = posts.post_id AND s.signal = ?)",
                  [signal, score, version, signal])


def add_rule_readings(store, version="test"):
    """The rules' readings ``kindscope score`` stores beside the heads' scores
    (``signals.model.RULE_SIGNALS``: ``death_wish``), for every post with text that has
    scores under ``version``: the rule itself (``wishes.wish_masks``) over each text, a
    reply when it replies to or quotes someone (``store.scoring.pending_posts``'s
    ``addressed``), as scoring reads it (without the respeller, which hand-written texts
    here do not need)."""
    from kindscope.signals.wishes import wish_masks
    from kindscope.store.read_sql import addressed

    rows = store.rows("""
        SELECT DISTINCT p.platform, p.post_id, p.text, """ + addressed("p") + """
        FROM posts p JOIN signal_scores s ON s.platform = p.platform AND s.post_id = p.post_id
        WHERE s.model_version = ? AND s.signal <> 'death_wish' AND p.kind = 'post'
          AND trim(coalesce(p.text, '')) <> ''
        ORDER BY 1, 2""", [version])
    aimed = wish_masks([r[2] for r in rows], [r[3] for r in rows]).aimed
    for (platform, post_id, _, _), wish in zip(rows, aimed, strict=True):
        store.execute("INSERT INTO signal_scores VALUES (?, ?, 'death_wish', ?, ?) "
                      "ON CONFLICT DO NOTHING", [platform, post_id, float(wish), version])
