"""Unfollow audit: what changed between two snapshots of the same owner and platform.

A snapshot need not hold both directions of the owner's follow data: a Bluesky CAR or a
Mastodon CSV export holds only whom the owner follows, an X archive without
``follower.js`` likewise (see :func:`kindscope.store.graph_edges.snapshot_directions`). A
direction is compared only when both snapshots carry it; the others are listed in
``Audit.not_compared`` and their change lists are empty — "not known", not "no change".

A *burst* is a set of changes of one kind (lost followers, or accounts I stopped
following) of at least ``min_burst`` accounts, none of which I blocked or muted — more
like a platform action (suspensions, deleted accounts, a purge) than my own doing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kindscope.errors import InputError
from kindscope.store.db import Store
from kindscope.store.graph_edges import (
    DIRECTIONS,
    blocked_ids,
    follow_ids,
    owner_snapshots,
    snapshot_directions,
)

__all__ = ["Audit", "Burst", "owner_snapshots", "unfollow_audit"]

_BURST_KIND = {"followers": "lost_followers", "following": "stopped_following"}


@dataclass(frozen=True)
class Burst:
    kind: str  # "lost_followers" or "stopped_following"
    count: int
    share: float


@dataclass(frozen=True)
class Audit:
    """Changes from snapshot ``before`` to ``after`` (account ids, sorted).

    ``compared`` and ``not_compared`` split :data:`~kindscope.graph.build.DIRECTIONS`
    ("followers", "following"): a direction is compared only when both snapshots carry
    it. The lists of a direction not compared are empty.
    """

    platform: str
    owner_id: str
    before: str
    after: str
    unfollowed_me: tuple[str, ...]
    new_followers: tuple[str, ...]
    i_stopped_following: tuple[str, ...]
    i_started_following: tuple[str, ...]
    bursts: tuple[Burst, ...]
    compared: tuple[str, ...] = DIRECTIONS
    not_compared: tuple[str, ...] = ()


def _changes(store: Store, owner_id: str, before: str, after: str, direction: str,
             blocked: set[str], min_burst: int) -> tuple[set[str], set[str], Burst | None]:
    """(lost, gained, burst or None) in one direction."""
    old, new = (follow_ids(store, s, owner_id, direction) for s in (before, after))
    lost = old - new
    burst = None
    if len(lost) >= min_burst and not lost & blocked:
        burst = Burst(_BURST_KIND[direction], len(lost), len(lost) / max(len(old), 1))
    return lost, new - old, burst


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
    carries = snapshot_directions(store, (before, after))
    compared = tuple(d for d in DIRECTIONS if d in carries[before] and d in carries[after])
    blocked = blocked_ids(store, platform, owner_id)
    changes = {d: _changes(store, owner_id, before, after, d, blocked, min_burst)
               if d in compared else (set(), set(), None) for d in DIRECTIONS}
    bursts = tuple(changes[d][2] for d in DIRECTIONS if changes[d][2] is not None)
    (lost, gained, _), (stopped, started, _) = changes["followers"], changes["following"]
    return Audit(platform, owner_id, before, after, tuple(sorted(lost)),
                 tuple(sorted(gained)), tuple(sorted(stopped)), tuple(sorted(started)),
                 bursts, compared, tuple(d for d in DIRECTIONS if d not in compared))
