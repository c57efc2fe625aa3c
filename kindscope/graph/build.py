"""Graphs from the store: who follows whom, and who interacts with whom.

Vertices carry ``platform`` and ``account_id`` (ids as in the source). The follow graph
uses, for each (platform, owner) pair, the latest snapshot with follow edges, plus every
snapshot without an owner (captures and generic CSVs, which describe many people), so an
old archive does not resurrect edges a newer one dropped; ``snapshots="all"`` takes the
union of every snapshot instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import igraph as ig
import numpy as np

from kindscope.store.db import Store

__all__ = ["AccountGraph", "follow_graph", "interaction_graph", "graph_from_edges",
           "INTERACTION_WEIGHTS"]

#: Weight of one interaction of each kind in the interaction graph.
INTERACTION_WEIGHTS = {"reply": 3.0, "mention": 2.0, "repost": 2.0, "like": 1.0}


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
    chosen = "SELECT snapshot_id FROM snapshots"
    if snapshots == "latest":
        chosen = """
            SELECT snapshot_id FROM snapshots s WHERE owner_id IS NULL
               OR snapshot_id = (
                  SELECT s2.snapshot_id FROM snapshots s2
                  WHERE s2.platform = s.platform AND s2.owner_id = s.owner_id
                    AND EXISTS (SELECT 1 FROM follows f WHERE f.snapshot_id = s2.snapshot_id)
                  ORDER BY coalesce(s2.taken_at, s2.imported_at) DESC, s2.imported_at DESC
                  LIMIT 1)"""
    where = "AND platform = ?" if platform else ""
    sql = f"""
        SELECT DISTINCT platform, follower_id AS source, followee_id AS target, 1.0 AS weight
        FROM follows
        WHERE (snapshot_id IN ({chosen}) OR snapshot_id NOT IN (SELECT snapshot_id FROM snapshots))
        {where}"""
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
