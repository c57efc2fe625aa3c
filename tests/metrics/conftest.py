"""Hand-built threads: a store in memory with posts and signal scores we choose."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from importlib import import_module

import pytest

from kindscope.ingest import FORMATS
from kindscope.store.db import Store

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def declare_carries(store: Store, snapshot_id: str, fmt: str) -> None:
    """What an import of format ``fmt`` declares it carries, as its importer would."""
    for item in getattr(import_module(FORMATS[fmt]), "CARRIES", ()):
        store.execute("INSERT INTO snapshot_carries VALUES (?, ?)", [snapshot_id, item])


def make_store(posts: list[dict], scores: dict[str, dict[str, float]] | None = None,
               owner: str = "me", taken_hours: float | None = None,
               likes: list[tuple[str, str]] = (), version: str = "test-1",
               fmt: str = "generic") -> Store:
    """posts: dicts with id, author, hours (since T0), and optional reply_to, reply_to_author,
    kind, deleted (bool), likes, reposts, mentions. ``fmt``: the snapshot's format."""
    store = Store(":memory:")
    store.execute("INSERT INTO snapshots VALUES ('s1', 'generic', 'test', ?, ?, ?, ?, NULL)",
                  [fmt, owner, at(taken_hours) if taken_hours is not None else None, T0])
    declare_carries(store, "s1", fmt)
    for p in posts:
        store.execute(
            "INSERT INTO posts (platform, post_id, author_id, created_at, text, kind, "
            "reply_to_post_id, reply_to_account_id, like_count, repost_count, mentions, "
            "deleted_at) VALUES ('generic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [p["id"], p["author"], at(p["hours"]), p.get("text", p["id"]),
             p.get("kind", "post"), p.get("reply_to"), p.get("reply_to_author"),
             p.get("likes"), p.get("reposts"), p.get("mentions", []),
             at(p["hours"] + 1) if p.get("deleted") else None])
    for post_id, signals in (scores or {}).items():
        for signal, score in signals.items():
            store.execute("INSERT INTO signal_scores VALUES ('generic', ?, ?, ?, ?)",
                          [post_id, signal, score, version])
    for account, post_id in likes:
        store.execute("INSERT INTO reactions VALUES ('generic', ?, ?, 'like', NULL)",
                      [account, post_id])
    return store


@pytest.fixture
def store_of():
    stores = []

    def build(*args, **kwargs):
        store = make_store(*args, **kwargs)
        stores.append(store)
        return store

    yield build
    for store in stores:
        store.close()
