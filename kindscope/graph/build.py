"""Graphs from the store: who follows whom, and who interacts with whom.

Vertices carry ``platform`` and ``account_id`` (ids as in the source). The edges come
from :mod:`kindscope.store.graph_edges` as NumPy columns (which follow snapshots count is
decided there); this module only turns them into igraph graphs.
"""

from __future__ import annotations

from dataclasses import dataclass

import igraph as ig
import numpy as np

from kindscope.store import graph_edges
from kindscope.store.db import Store
from kindscope.store.graph_edges import DIRECTIONS, FOLLOWING_ONLY_FORMATS, snapshot_directions

__all__ = ["AccountGraph", "follow_graph", "interaction_graph", "graph_from_edges",
           "snapshot_directions", "DIRECTIONS", "FOLLOWING_ONLY_FORMATS",
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
    """The follow graph (edge follower -> followee, weight 1); see
    :func:`kindscope.store.graph_edges.follow_edges` for which snapshots count."""
    return _edges(graph_edges.follow_edges(store, platform, snapshots))


def interaction_graph(store: Store, platform: str | None = None,
                      weights: dict[str, float] | None = None) -> AccountGraph:
    """Replies, mentions, reposts and likes as weighted edges actor -> the one acted on.

    Mentions are matched to accounts by id or, failing that, by handle (case-insensitive).
    """
    return _edges(graph_edges.interaction_edges(store, INTERACTION_WEIGHTS | (weights or {}),
                                                platform))
