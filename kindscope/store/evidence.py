"""Rows an evidence pack holds: posts with their author's handle, every stored score, the
imports each post was seen in, and the candidates for an account name."""

from __future__ import annotations

from kindscope.store.db import Store
from kindscope.store.read_sql import SHOWN_POSTS

__all__ = ["posts_by_ids", "posts_by_author", "post_scores", "post_sources", "post_versions",
           "snapshot_rows", "account_candidates"]

#: Posts fetched only for the care queue are never in a pack (``read_sql.SHOWN_POSTS``).
_POSTS = """
    SELECT p.platform, p.post_id, p.author_id, a.handle, p.created_at, p.text, p.url,
           p.reply_to_post_id, p.reply_to_account_id, coalesce(p.mentions, []) AS mentions
    FROM """ + SHOWN_POSTS + """ p LEFT JOIN accounts a
      ON a.platform = p.platform AND a.account_id = p.author_id
    WHERE {where} ORDER BY p.created_at, p.post_id"""


def posts_by_ids(store: Store, platform: str, post_ids) -> list[tuple]:
    """(platform, post id, author id, handle, created_at, text, url, reply_to_post_id,
    reply_to_account_id, mentions) of the given posts, oldest first."""
    return store.rows(_POSTS.format(where="p.platform = ? AND list_contains(?, p.post_id)"),
                      [platform, list(post_ids)])


def posts_by_author(store: Store, platform: str, author: str) -> list[tuple]:
    """The same columns for every post (no direct messages) by ``author``."""
    return store.rows(_POSTS.format(
        where="p.platform = ? AND p.author_id = ? AND p.kind <> 'dm'"), [platform, author])


def post_scores(store: Store, platform: str, post_ids) -> list[tuple]:
    """(post id, signal, score, model version) of every stored score of the posts, in one
    order whatever the store (a pack from a dataset and one from its database differed in
    the order of their scores, and so in their hashes: a moderator's review, 2026-12-06)."""
    return store.rows("SELECT post_id, signal, score, model_version FROM signal_scores "
                      "WHERE platform = ? AND list_contains(?, post_id) "
                      "ORDER BY post_id, signal, model_version",
                      [platform, list(post_ids)])


def post_sources(store: Store, platform: str, post_ids) -> list[tuple]:
    """(post id, snapshot id) of every import each post was seen in, by snapshot id."""
    return store.rows("SELECT post_id, snapshot_id FROM post_sources WHERE platform = ? "
                      "AND list_contains(?, post_id) ORDER BY snapshot_id",
                      [platform, list(post_ids)])


def post_versions(store: Store, platform: str, post_ids) -> list[tuple]:
    """(post id, snapshot id, text) of every earlier text of the posts that a later import
    replaced, oldest first (by import, then by the order that import replaced them)."""
    return store.rows("SELECT v.post_id, v.snapshot_id, v.text FROM post_versions v "
                      "JOIN snapshots s USING (snapshot_id) WHERE v.platform = ? "
                      "AND list_contains(?, v.post_id) "
                      "ORDER BY s.imported_at, v.snapshot_id, v.version",
                      [platform, list(post_ids)])


def snapshot_rows(store: Store) -> list[tuple]:
    """(snapshot id, platform, source, format, owner, taken_at, imported_at) of every
    import, oldest import first."""
    return store.rows(
        "SELECT snapshot_id, platform, source, format, owner_id, taken_at, imported_at "
        "FROM snapshots ORDER BY imported_at, snapshot_id")


def account_candidates(store: Store, account: str) -> list[tuple]:
    """(platform, account id, handle) of the authors whose id is ``account`` or whose
    handle is it (with or without ``@``; a Mastodon handle with or without its host)."""
    handle = account.lstrip("@").lower()
    pattern = handle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "@%"
    return store.rows(
        f"SELECT DISTINCT p.platform, p.author_id, a.handle FROM {SHOWN_POSTS} p "
        "LEFT JOIN accounts a "
        "ON a.platform = p.platform AND a.account_id = p.author_id WHERE p.kind <> 'dm' AND "
        "(p.author_id = ? OR lower(ltrim(coalesce(a.handle, ''), '@')) = ? "
        "OR lower(ltrim(coalesce(a.handle, ''), '@')) LIKE ? ESCAPE '\\') ORDER BY 1, 2, 3",
        [account, handle, pattern])
