"""Graphs from the store: who follows whom, and who interacts with whom.

Vertices carry ``platform`` and ``account_id`` (ids as in the source). The follow graph
uses, for each (platform, owner) pair and each *direction* (see :func:`snapshot_directions`),
the latest snapshot that carries that direction, plus every snapshot without an owner
(captures and generic CSVs, which describe many people), so an old archive does not
resurrect edges a newer one dropped, and a newer export holding only my follows (a
Bluesky CAR) does not wipe out the followers an older import knew; ``snapshots="all"``
takes the union of every snapshot instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import igraph as ig
import numpy as np

from kindscope.store.db import Store

__all__ = ["AccountGraph", "follow_graph", "interaction_graph", "graph_from_edges",
           "snapshot_directions", "DIRECTIONS", "FOLLOWING_ONLY_FORMATS",
           "INTERACTION_WEIGHTS"]

#: Weight of one interaction of each kind in the interaction graph.
INTERACTION_WEIGHTS = {"reply": 3.0, "mention": 2.0, "repost": 2.0, "like": 1.0}


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
                      f"WHERE snapshot_id IN ({', '.join('?' * len(ids))})", ids)
    for sid, followers, following in rows:
        out[sid] = frozenset(d for d, on in zip(DIRECTIONS, (followers, following),
                                                  strict=True) if on)
    return out


@dataclass(frozen=True)
class AccountGraph:
    """A directed igraph graph with ``platform``/``account_id`` vertex attributes.

    ``weight`` on edges counts (follow graph: 1) or weighs interactions.
    """

    graph: ig.Graph

    def key(self, index: int) -> str:
        """The account id, prefixed with ``platform:`` when the graph spans platforms."""
        return self.keys()[index]

    def keys(self) -> list[str]:
        platforms = self.graph.vs["platform"] if self.graph.vcount() else []
        ids = self.graph.vs["account_id"] if self.graph.vcount() else []
        if len(set(platforms)) <= 1:
            return list(ids)
        return [f"{p}:{a}" for p, a in zip(platforms, ids, strict=True)]

    def index(self) -> dict[tuple[str, str], int]:
        return {(p, a): i for i, (p, a) in
                enumerate(zip(self.graph.vs["platform"], self.graph.vs["account_id"], strict=True))}


def graph_from_edges(platform, source, target, weight=None) -> AccountGraph:
    """Build a directed graph from parallel arrays (platform, source id, target id, weight).

    Self-loops are dropped; repeated edges are merged, their weights summed.
    """
    platform = np.asarray(platform, dtype=object)
    src = np.char.add(platform.astype(str), np.char.add("\x1f", np.asarray(source).astype(str)))
    dst = np.char.add(platform.astype(str), np.char.add("\x1f", np.asarray(target).astype(str)))
    keep = src != dst
    src, dst = src[keep], dst[keep]
    w = np.ones(len(keep)) if weight is None else np.asarray(weight, dtype=float)
    w = w[keep]
    names, codes = np.unique(np.concatenate([src, dst]), return_inverse=True)
    pairs = codes.reshape(2, -1).T if len(src) else np.zeros((0, 2), dtype=int)
    graph = ig.Graph(n=len(names), edges=pairs.tolist(), directed=True,
                     edge_attrs={"weight": w.tolist()})
    graph.simplify(multiple=True, loops=True, combine_edges={"weight": "sum"})
    split = [str(n).split("\x1f", 1) for n in names]
    graph.vs["platform"] = [s[0] for s in split]
    graph.vs["account_id"] = [s[1] for s in split]
    return AccountGraph(graph)


def _edges(cols: dict) -> AccountGraph:
    return graph_from_edges(cols["platform"], cols["source"], cols["target"], cols["weight"])


def follow_graph(store: Store, platform: str | None = None,
                 snapshots: str = "latest") -> AccountGraph:
    """The follow graph (edge follower -> followee, weight 1)."""
    if snapshots not in ("latest", "all"):
        raise ValueError("snapshots must be 'latest' or 'all'")
    where = "AND platform = ?" if platform else ""
    if snapshots == "all":
        sql = f"""SELECT DISTINCT platform, follower_id AS source, followee_id AS target,
                         1.0 AS weight FROM follows WHERE true {where}"""
    else:
        sql = f"""
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
        WHERE true {where}"""
    return _edges(store.con.execute(sql, [platform] if platform else []).fetchnumpy())


def interaction_graph(store: Store, platform: str | None = None,
                      weights: dict[str, float] | None = None) -> AccountGraph:
    """Replies, mentions, reposts and likes as weighted edges actor -> the one acted on.

    Mentions are matched to accounts by id or, failing that, by handle (case-insensitive).
    """
    w = INTERACTION_WEIGHTS | (weights or {})
    where = "WHERE platform = ?" if platform else ""
    params = [platform] if platform else []
    sql = f"""
        WITH p AS (SELECT * FROM posts {where}),
        handles AS (SELECT platform, lower(ltrim(handle, '@')) AS h, any_value(account_id) AS id
                    FROM accounts WHERE handle IS NOT NULL GROUP BY ALL),
        replies AS (SELECT platform, author_id AS source, reply_to_account_id AS target,
                           {w['reply']} AS weight
                    FROM p WHERE reply_to_account_id IS NOT NULL AND kind <> 'dm'),
        mentioned AS (SELECT platform, author_id, unnest(mentions) AS m FROM p
                      WHERE kind = 'post' AND len(mentions) > 0),
        mentions AS (SELECT m.platform, m.author_id AS source,
                            coalesce(a.account_id, h.id, m.m) AS target, {w['mention']} AS weight
                     FROM mentioned m
                     LEFT JOIN accounts a ON a.platform = m.platform AND a.account_id = m.m
                     LEFT JOIN handles h ON h.platform = m.platform
                                        AND h.h = lower(ltrim(m.m, '@'))),
        reposts AS (SELECT r.platform, r.author_id AS source, o.author_id AS target,
                           {w['repost']} AS weight
                    FROM p r JOIN posts o ON o.platform = r.platform
                                         AND o.post_id = r.repost_of_post_id),
        likes AS (SELECT x.platform, x.account_id AS source, o.author_id AS target,
                         {w['like']} AS weight
                  FROM reactions x JOIN posts o ON o.platform = x.platform
                                               AND o.post_id = x.post_id
                  WHERE x.kind = 'like' {"AND x.platform = ?" if platform else ""})
        SELECT * FROM replies UNION ALL SELECT * FROM mentions
        UNION ALL SELECT * FROM reposts UNION ALL SELECT * FROM likes"""
    return _edges(store.con.execute(sql, params * 2).fetchnumpy())
