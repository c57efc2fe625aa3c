"""The store's side of an import: snapshot rows, what each import carries, counts.

:func:`kindscope.ingest.import_sources` drives an import; every statement it needs is here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from kindscope.store.db import Store

__all__ = ["PENDING", "snapshot_exists", "settle_pending", "adopt_owner",
           "insert_snapshot", "record_carries"]

#: The snapshot id records carry while an online import's content hash is not known yet.
PENDING = "pending"

#: Items checked against what the import held: declared but absent means not carried.
#: An import that names no owner (a community export) carries followers and following when
#: it holds any follow: they are everyone's, so a report for one of its members (--me) can
#: read them (it said "add them to the file you import" of follows the file held: a
#: moderator's review, 2026-12-06).
_SEEN = {
    "followers": "EXISTS (SELECT 1 FROM follows WHERE snapshot_id = $sid "
                 "AND ($owner IS NULL OR followee_id = $owner))",
    "following": "EXISTS (SELECT 1 FROM follows WHERE snapshot_id = $sid "
                 "AND ($owner IS NULL OR follower_id = $owner))",
    "follow_times": "EXISTS (SELECT 1 FROM follows WHERE snapshot_id = $sid "
                    "AND created_at IS NOT NULL)",
    "engagement_counts": "EXISTS (SELECT 1 FROM post_sources ps JOIN posts p USING "
                         "(platform, post_id) WHERE ps.snapshot_id = $sid AND "
                         "(p.like_count IS NOT NULL OR p.repost_count IS NOT NULL) "
                         "AND ($owner IS NULL OR p.author_id = $owner))",
    "profiles": "EXISTS (SELECT 1 FROM accounts a, snapshots s WHERE s.snapshot_id = $sid "
                "AND a.platform = s.platform AND a.followers_count IS NOT NULL "
                "AND a.following_count IS NOT NULL AND a.posts_count IS NOT NULL)",
    "others_replies": "EXISTS (SELECT 1 FROM post_sources ps JOIN posts p USING "
                      "(platform, post_id) WHERE ps.snapshot_id = $sid AND p.kind = 'post' "
                      "AND p.reply_to_post_id IS NOT NULL "
                      "AND ($owner IS NULL OR p.author_id <> $owner))",
}


def snapshot_exists(store: Store, snapshot_id: str) -> bool:
    return bool(store.scalar("SELECT 1 FROM snapshots WHERE snapshot_id = ?", [snapshot_id]))


def settle_pending(store: Store, snapshot_id: str) -> bool:
    """Give an online import's rows their content-hash snapshot id; when that snapshot is
    already stored, drop the pending rows instead. Return whether it was already stored."""
    exists = snapshot_exists(store, snapshot_id)
    for table in ("follows", "blocks", "post_sources", "account_sources"):
        if exists:
            store.execute(f"DELETE FROM {table} WHERE snapshot_id = ?", [PENDING])
        else:
            store.execute(f"UPDATE {table} SET snapshot_id = ? WHERE snapshot_id = ?",
                          [snapshot_id, PENDING])
    # texts this import replaced are kept even when its content was stored before (its
    # posts were written over all the same): numbered after that import's own
    store.execute(
        """UPDATE post_versions SET snapshot_id = ?, version = version + coalesce((
               SELECT max(k.version) + 1 FROM post_versions k
               WHERE k.snapshot_id = ? AND k.platform = post_versions.platform
                 AND k.post_id = post_versions.post_id), 0)
           WHERE snapshot_id = ?""", [snapshot_id, snapshot_id, PENDING])
    return exists


def adopt_owner(store: Store, platform: str, placeholder: str) -> str | None:
    """Give the platform's one real owner, if exactly one is known, every import of it made
    under ``placeholder`` (a Mastodon CSV export names no one), whichever came first: their
    snapshots, follows, blocks and reactions move to that owner. Imported before the
    account export, the placeholder "self" had stayed beside the owner and made a community
    of the owner's follows (a user's-eye review, 2026-12-06). Return that owner (None when
    there is none or more than one: nothing changes)."""
    owners = store.rows(
        "SELECT DISTINCT owner_id FROM snapshots WHERE platform = ? AND owner_id IS NOT NULL "
        "AND owner_id <> ?", [platform, placeholder])
    if len(owners) != 1:
        return None
    owner = owners[0][0]
    waiting = [r[0] for r in store.rows(
        "SELECT snapshot_id FROM snapshots WHERE platform = ? AND owner_id = ? "
        "ORDER BY snapshot_id", [platform, placeholder])]
    for snapshot_id in waiting:
        store.execute("UPDATE snapshots SET owner_id = ? WHERE snapshot_id = ?",
                      [owner, snapshot_id])
        store.execute(
            "INSERT INTO follows SELECT platform, ?, followee_id, snapshot_id, created_at "
            "FROM follows WHERE snapshot_id = ? AND follower_id = ? ON CONFLICT DO NOTHING",
            [owner, snapshot_id, placeholder])
        store.execute(
            "INSERT INTO blocks SELECT platform, ?, target_id, kind, snapshot_id, created_at "
            "FROM blocks WHERE snapshot_id = ? AND account_id = ? ON CONFLICT DO NOTHING",
            [owner, snapshot_id, placeholder])
        for table, column in (("follows", "follower_id"), ("blocks", "account_id")):
            store.execute(f"DELETE FROM {table} WHERE snapshot_id = ? AND {column} = ?",
                          [snapshot_id, placeholder])
    store.execute(
        "INSERT INTO reactions SELECT platform, ?, post_id, kind, created_at FROM reactions "
        "WHERE platform = ? AND account_id = ? ON CONFLICT DO NOTHING",
        [owner, platform, placeholder])
    store.execute("DELETE FROM reactions WHERE platform = ? AND account_id = ?",
                  [platform, placeholder])
    store.execute(
        "DELETE FROM accounts WHERE platform = ? AND account_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM snapshots WHERE platform = ? AND owner_id = ?)",
        [platform, placeholder, platform, placeholder])
    return owner


def same_data(store: Store, snapshot_id: str) -> str | None:
    """The source of an earlier import of the same platform, owner and format taken at the
    same time as ``snapshot_id`` (one archive read again from another path or packing), or
    None."""
    return store.scalar(
        "SELECT min(o.source) FROM snapshots s JOIN snapshots o ON o.snapshot_id <> s.snapshot_id "
        "AND o.platform = s.platform AND o.format = s.format AND o.taken_at = s.taken_at "
        "AND o.owner_id IS NOT DISTINCT FROM s.owner_id WHERE s.snapshot_id = ?",
        [snapshot_id])


def insert_snapshot(store: Store, snapshot_id: str, platform: str, source: str, fmt: str,
                    owner: str | None, taken_at: datetime | None,
                    description: str | None,
                    span: tuple[datetime, datetime] | None = None) -> None:
    store.execute("INSERT INTO snapshots VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  [snapshot_id, platform, source, fmt, owner, taken_at, datetime.now(UTC),
                   description])
    if span is not None:  # a capture: when it ran
        store.execute("INSERT INTO capture_spans VALUES (?, ?, ?)", [snapshot_id, *span])


def record_carries(store: Store, snapshot_id: str, owner: str | None,
                   declared: Iterable[str], checked: Iterable[str] = ()) -> frozenset[str]:
    """Store what the import carries: every ``declared`` item, except those in ``checked``
    that the import turned out not to hold (an archive without its followers file carries
    no followers). Return the items stored."""
    checked = set(checked)
    kept = set()
    for item in sorted(set(declared)):
        if item in checked and item in _SEEN:
            sql = _SEEN[item].replace("$sid", "?").replace("$owner", "?")
            params = [snapshot_id if part == "$sid" else owner
                      for part in _placeholders(_SEEN[item])]
            if not store.scalar(f"SELECT {sql}", params):
                continue
        kept.add(item)
    for item in sorted(kept):
        store.execute("INSERT INTO snapshot_carries VALUES (?, ?) ON CONFLICT DO NOTHING",
                      [snapshot_id, item])
    return frozenset(kept)


def _placeholders(sql: str) -> list[str]:
    """``$sid`` / ``$owner`` in the order they appear."""
    out, i = [], 0
    while (i := sql.find("$", i)) >= 0:
        out.append("$sid" if sql.startswith("$sid", i) else "$owner")
        i += 1
    return out


def earlier_texts(store: Store) -> int:
    """How many earlier texts of posts are kept (``post_versions``)."""
    return int(store.scalar("SELECT count(*) FROM post_versions") or 0)
