"""Rows about the people around the owner: followers and their profiles."""

from __future__ import annotations

from datetime import datetime

from kindscope.store.db import Store

__all__ = ["newest_followers", "follower_profiles"]


def newest_followers(store: Store, platform: str, me: str) -> list[tuple[str, datetime | None]]:
    """My followers in my newest import that carries them, with when they followed (if
    known)."""
    return [(a, t) for a, t in store.rows(
        """SELECT follower_id, any_value(created_at) FROM follows
           WHERE platform = ? AND followee_id = ? AND snapshot_id = (
               SELECT f.snapshot_id FROM follows f JOIN snapshots s USING (snapshot_id)
               WHERE f.platform = ? AND f.followee_id = ?
               ORDER BY coalesce(s.taken_at, s.imported_at) DESC, s.imported_at DESC,
                        s.snapshot_id DESC LIMIT 1)
           GROUP BY 1 ORDER BY 1""", [platform, me, platform, me])]


def follower_profiles(store: Store, platform: str, ids: list[str], limit: int) -> list[tuple]:
    """(account id, handle, display name, description, created_at, followers, following,
    posts, avatar url) of the given accounts that have all three counts."""
    if not ids:
        return []
    return store.rows(
        """SELECT account_id, coalesce(handle, account_id), coalesce(display_name, ''),
                  coalesce(description, ''), created_at, followers_count, following_count,
                  posts_count, avatar_url
           FROM accounts WHERE platform = ? AND account_id IN (SELECT unnest(?))
             AND followers_count IS NOT NULL AND following_count IS NOT NULL
             AND posts_count IS NOT NULL
           ORDER BY account_id LIMIT ?""", [platform, ids, limit])


def owner_handles(store: Store, owners: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The handle of each ``(platform, account id)`` that has one (others left out)."""
    if not owners:
        return {}
    rows = store.rows("SELECT platform, account_id, handle FROM accounts "
                      "WHERE handle IS NOT NULL AND handle <> '' "
                      "AND list_contains(?, platform || ' ' || account_id)",
                      [[f"{p} {a}" for p, a in owners]])
    return {(p, a): h for p, a, h in rows}
