"""Unfollow audit: what changed between two snapshots of the same owner and platform.

A *burst* is a set of changes of one kind (lost followers, or accounts I stopped
following) of at least ``min_burst`` accounts, none of which I blocked or muted — more
like a platform action (suspensions, deleted accounts, a purge) than my own doing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kindscope.errors import InputError
from kindscope.store.db import Store

__all__ = ["Audit", "Burst", "owner_snapshots", "unfollow_audit"]


@dataclass(frozen=True)
class Burst:
    kind: str  # "lost_followers" or "stopped_following"
    count: int
    share: float


@dataclass(frozen=True)
class Audit:
    """Changes from snapshot ``before`` to ``after`` (account ids, sorted)."""

    platform: str
    owner_id: str
    before: str
    after: str
    unfollowed_me: tuple[str, ...]
    new_followers: tuple[str, ...]
    i_stopped_following: tuple[str, ...]
    i_started_following: tuple[str, ...]
    bursts: tuple[Burst, ...]


def owner_snapshots(store: Store, platform: str, owner_id: str) -> list[str]:
    """Snapshots of this owner and platform that hold follow edges, oldest first."""
    return [r[0] for r in store.rows(
        """SELECT s.snapshot_id FROM snapshots s
           WHERE s.platform = ? AND s.owner_id = ?
             AND EXISTS (SELECT 1 FROM follows f WHERE f.snapshot_id = s.snapshot_id)
           ORDER BY coalesce(s.taken_at, s.imported_at), s.imported_at""",
        [platform, owner_id])]


def _edges(store: Store, snapshot: str, owner_id: str, column: str, other: str) -> set[str]:
    return {r[0] for r in store.rows(
        f"SELECT {other} FROM follows WHERE snapshot_id = ? AND {column} = ?",
        [snapshot, owner_id])}


def unfollow_audit(store: Store, platform: str, owner_id: str, before: str | None = None,
                   after: str | None = None, min_burst: int = 10) -> Audit | None:
    """Compare two snapshots (default: the last two); None when there are fewer than two."""
    snaps = owner_snapshots(store, platform, owner_id)
    if before is None or after is None:
        if len(snaps) < 2:
            return None
        before, after = before or snaps[-2], after or snaps[-1]
    for snap in (before, after):
        if snap not in snaps:
            raise InputError(f"no follow snapshot {snap} of {owner_id} on {platform}")
    followers = [_edges(store, s, owner_id, "followee_id", "follower_id") for s in (before, after)]
    following = [_edges(store, s, owner_id, "follower_id", "followee_id") for s in (before, after)]
    blocked = {r[0] for r in store.rows(
        "SELECT target_id FROM blocks WHERE platform = ? AND account_id = ?",
        [platform, owner_id])}
    lost, stopped = followers[0] - followers[1], following[0] - following[1]
    bursts = []
    for kind, changed, base in (("lost_followers", lost, followers[0]),
                                ("stopped_following", stopped, following[0])):
        if len(changed) >= min_burst and not changed & blocked:
            bursts.append(Burst(kind, len(changed), len(changed) / max(len(base), 1)))
    return Audit(platform, owner_id, before, after, tuple(sorted(lost)),
                 tuple(sorted(followers[1] - followers[0])), tuple(sorted(stopped)),
                 tuple(sorted(following[1] - following[0])), tuple(bursts))
