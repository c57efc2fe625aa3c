"""Edges and follow snapshots for the graphs, as NumPy columns computed in the engine.

The follow graph uses, for each (platform, owner) pair and each *direction* (see
:func:`snapshot_directions`), the latest snapshot that carries that direction, plus every
snapshot without an owner (captures and generic CSVs, which describe many people), so an
old archive does not resurrect edges a newer one dropped, and a newer export holding only
my follows (a Bluesky CAR) does not wipe out the followers an older import knew;
``snapshots="all"`` takes the union of every snapshot instead.

Every edge query returns ``{"platform", "source", "target", "weight"}`` arrays (DuckDB's
``fetchnumpy``): no Python object per edge.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from kindscope.store.db import Store
from kindscope.store.read_sql import SHOWN_POSTS

__all__ = ["DIRECTIONS", "FOLLOWING_ONLY_FORMATS", "follow_edges", "follow_query",
           "follow_edge_count", "follows_of_owners_only", "interaction_edges",
           "snapshot_directions",
           "owner_snapshots", "follow_ids", "blocked_ids", "owners"]

#: The directions of an owner's follow data: who follows the owner, whom the owner follows.
DIRECTIONS = ("followers", "following")

#: Snapshot formats that never hold the owner's followers, whatever their rows: a Bluesky
#: repository (CAR) holds only the owner's own follow records, a Mastodon CSV export only
#: ``following_accounts.csv``.
FOLLOWING_ONLY_FORMATS = ("bluesky-car", "mastodon-csv")

# One row per owned snapshot with follow rows: which directions it carries, and whether it
# holds edges between other accounts ("others").
_CARRIES_SQL = f"""
    SELECT s.snapshot_id, s.platform, s.owner_id,
           coalesce(s.taken_at, s.imported_at) AS taken, s.imported_at,
           s.format NOT IN {FOLLOWING_ONLY_FORMATS} AND bool_or(f.followee_id = s.owner_id)
               AS followers,
           bool_or(f.follower_id = s.owner_id) AS following,
           bool_or(f.follower_id <> s.owner_id AND f.followee_id <> s.owner_id) AS others
    FROM snapshots s JOIN follows f ON f.snapshot_id = s.snapshot_id
    WHERE s.owner_id IS NOT NULL
    GROUP BY s.snapshot_id, s.platform, s.owner_id, taken, s.imported_at, s.format"""

_LATEST_SQL = f"""
    WITH carries AS ({_CARRIES_SQL}),
    per_direction AS (
        SELECT snapshot_id, platform, owner_id, taken, imported_at, d.direction
        FROM carries, (VALUES ('followers'), ('following'), ('others')) d(direction)
        WHERE (d.direction = 'followers' AND followers)
           OR (d.direction = 'following' AND following)
           OR (d.direction = 'others' AND others)),
    chosen AS (
        SELECT * FROM per_direction
        QUALIFY row_number() OVER (PARTITION BY platform, owner_id, direction
                                   ORDER BY taken DESC, imported_at DESC,
                                            snapshot_id DESC) = 1),
    owned AS (
        SELECT f.platform, f.follower_id, f.followee_id
        FROM follows f JOIN chosen c ON f.snapshot_id = c.snapshot_id
        WHERE (c.direction = 'followers' AND f.followee_id = c.owner_id)
           OR (c.direction = 'following' AND f.follower_id = c.owner_id)
           OR (c.direction = 'others' AND f.follower_id <> c.owner_id
               AND f.followee_id <> c.owner_id)),
    unowned AS (
        SELECT platform, follower_id, followee_id FROM follows
        WHERE snapshot_id NOT IN (SELECT snapshot_id FROM snapshots
                                  WHERE owner_id IS NOT NULL))
    SELECT DISTINCT platform, follower_id AS source, followee_id AS target, 1.0 AS weight
    FROM (SELECT * FROM owned UNION ALL SELECT * FROM unowned)
    WHERE CAST(? AS VARCHAR) IS NULL OR platform = ?"""

_ALL_SQL = """
    SELECT DISTINCT platform, follower_id AS source, followee_id AS target, 1.0 AS weight
    FROM follows WHERE CAST(? AS VARCHAR) IS NULL OR platform = ?"""

_INTERACTIONS_SQL = f"""
    WITH p AS (SELECT * FROM {SHOWN_POSTS} posts
               WHERE CAST(? AS VARCHAR) IS NULL OR platform = ?),
    handles AS (SELECT platform, lower(ltrim(handle, '@')) AS h, min(account_id) AS id
                FROM accounts WHERE handle IS NOT NULL GROUP BY ALL),
    replies AS (SELECT platform, author_id AS source, reply_to_account_id AS target,
                       CAST(? AS DOUBLE) AS weight
                FROM p WHERE reply_to_account_id IS NOT NULL AND kind <> 'dm'),
    mentioned AS (SELECT platform, author_id, unnest(mentions) AS m FROM p
                  WHERE kind = 'post' AND array_length(mentions) > 0),
    mentions AS (SELECT m.platform, m.author_id AS source,
                        coalesce(a.account_id, h.id, m.m) AS target,
                        CAST(? AS DOUBLE) AS weight
                 FROM mentioned m
                 LEFT JOIN accounts a ON a.platform = m.platform AND a.account_id = m.m
                 LEFT JOIN handles h ON h.platform = m.platform
                                    AND h.h = lower(ltrim(m.m, '@'))),
    reposts AS (SELECT r.platform, r.author_id AS source, o.author_id AS target,
                       CAST(? AS DOUBLE) AS weight
                FROM p r JOIN posts o ON o.platform = r.platform
                                     AND o.post_id = r.repost_of_post_id),
    likes AS (SELECT x.platform, x.account_id AS source, o.author_id AS target,
                     CAST(? AS DOUBLE) AS weight
              FROM reactions x JOIN posts o ON o.platform = x.platform
                                           AND o.post_id = x.post_id
              WHERE x.kind = 'like' AND (CAST(? AS VARCHAR) IS NULL OR x.platform = ?))
    SELECT * FROM replies UNION ALL SELECT * FROM mentions
    UNION ALL SELECT * FROM reposts UNION ALL SELECT * FROM likes"""


def _columns(store: Store, sql: str, params: list) -> dict[str, np.ndarray]:
    return {k: np.asarray(v) for k, v in store.con.execute(sql, params).fetchnumpy().items()}


def follow_query(platform: str | None = None,
                 snapshots: str = "latest") -> tuple[str, list]:
    """The query of :func:`follow_edges` and its parameters, for an engine that keeps
    the rows (columns ``platform, source, target, weight``; self-loops not yet dropped)."""
    if snapshots not in ("latest", "all"):
        raise ValueError("snapshots must be 'latest' or 'all'")
    return _LATEST_SQL if snapshots == "latest" else _ALL_SQL, [platform, platform]


def follow_edges(store: Store, platform: str | None = None,
                 snapshots: str = "latest") -> dict[str, np.ndarray]:
    """Follow edges follower -> followee (weight 1) of ``platform`` (None: every one)."""
    return _columns(store, *follow_query(platform, snapshots))


def follow_edge_count(store: Store, platform: str | None = None,
                      snapshots: str = "latest") -> int:
    """How many edges the follow graph has (distinct, self-loops left out), counted on
    the engine: no edge comes to Python."""
    sql, params = follow_query(platform, snapshots)
    return int(store.scalar(f"SELECT count(*) FROM ({sql}) e WHERE source <> target",
                            params))


def follows_of_owners_only(store: Store, platform: str | None = None,
                           snapshots: str = "latest") -> bool:
    """Whether every follow edge touches an import's owner: the graph holds only owners'
    own follow lists (whom each follows, who follows each, as a Bluesky repository or a
    person's export does), not how the other accounts follow each other."""
    sql, params = follow_query(platform, snapshots)
    total, apart = store.rows(f"""
        WITH e AS (SELECT source, target FROM ({sql}) f WHERE source <> target),
        own AS (SELECT DISTINCT owner_id FROM snapshots WHERE owner_id IS NOT NULL)
        SELECT count(*), count(*) FILTER (source NOT IN (SELECT owner_id FROM own)
                                          AND target NOT IN (SELECT owner_id FROM own))
        FROM e""", params)[0]
    return bool(total) and not apart


def interaction_edges(store: Store, weights: Mapping[str, float],
                      platform: str | None = None) -> dict[str, np.ndarray]:
    """Replies, mentions, reposts and likes as edges actor -> the one acted on, weighted
    by ``weights[kind]`` (one row per interaction). Mentions are matched to accounts by id
    or, failing that, by handle (case-insensitive)."""
    return _columns(store, _INTERACTIONS_SQL,
                    [platform, platform, weights["reply"], weights["mention"],
                     weights["repost"], weights["like"], platform, platform])


def snapshot_directions(store: Store, snapshot_ids) -> dict[str, frozenset[str]]:
    """Which of :data:`DIRECTIONS` each owned snapshot carries.

    A snapshot carries ``followers`` when it has a follow row into its owner and its
    format is not in :data:`FOLLOWING_ONLY_FORMATS`; ``following`` when it has a row out
    of its owner. Snapshots without an owner or without follow rows map to an empty set.
    """
    ids = list(snapshot_ids)
    out = {s: frozenset() for s in ids}
    if not ids:
        return out
    rows = store.rows(f"SELECT snapshot_id, followers, following FROM ({_CARRIES_SQL}) "
                      "WHERE list_contains(?, snapshot_id)", [ids])
    for sid, followers, following in rows:
        out[sid] = frozenset(d for d, on in zip(DIRECTIONS, (followers, following),
                                                  strict=True) if on)
    return out


def owner_snapshots(store: Store, platform: str, owner_id: str) -> list[str]:
    """Snapshots of this owner and platform that hold follow edges, oldest first; of two
    in a row that hold the same follows of the owner and are either read from the same
    source in the same format (one archive imported twice, with and without
    --include-dms) or taken at the same time (one archive imported as a folder and again as
    its zip), only the later: they are one look at the follow lists, not two to compare."""
    rows = store.rows(
        """SELECT s.snapshot_id, s.source, s.format, s.taken_at FROM snapshots s
           WHERE s.platform = ? AND s.owner_id = ?
             AND EXISTS (SELECT 1 FROM follows f WHERE f.snapshot_id = s.snapshot_id)
           ORDER BY coalesce(s.taken_at, s.imported_at), s.imported_at""",
        [platform, owner_id])
    kept = []
    for (snap, source, fmt, taken), later in zip(rows, [*rows[1:], None], strict=False):
        one_look = later is not None and (
            (source, fmt) == tuple(later[1:3]) or (taken is not None and taken == later[3]))
        if one_look and all(
                follow_ids(store, snap, owner_id, d) == follow_ids(store, later[0], owner_id, d)
                for d in ("followers", "following")):
            continue
        kept.append(snap)
    return kept


def follow_ids(store: Store, snapshot: str, owner_id: str, direction: str) -> set[str]:
    """The owner's followers (``direction="followers"``) or follows in one snapshot."""
    column, other = (("followee_id", "follower_id") if direction == "followers"
                     else ("follower_id", "followee_id"))
    return {r[0] for r in store.rows(
        f"SELECT {other} FROM follows WHERE snapshot_id = ? AND {column} = ?",
        [snapshot, owner_id])}


def blocked_ids(store: Store, platform: str, owner_id: str) -> set[str]:
    """Accounts the owner blocked or muted."""
    return {r[0] for r in store.rows(
        "SELECT target_id FROM blocks WHERE platform = ? AND account_id = ?",
        [platform, owner_id])}


def owners(store: Store, platform: str | None = None) -> list[tuple[str, str]]:
    """(platform, owner id) pairs named by snapshots, newest import first."""
    return [(p, o) for p, o, _ in store.rows(
        "SELECT platform, owner_id, max(imported_at) AS newest FROM snapshots "
        "WHERE owner_id IS NOT NULL AND owner_id <> '' "
        "AND (CAST(? AS VARCHAR) IS NULL OR platform = ?) GROUP BY ALL "
        "ORDER BY newest DESC, platform, owner_id", [platform, platform])]
