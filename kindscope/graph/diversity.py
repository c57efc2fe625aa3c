"""Diversity of the owner's network, and bridge accounts between communities.

Concentration: the share of my follows (or interactions, by weight) that land in the
largest community, and the normalised Shannon entropy of that spread (0 = all in one
community, 1 = spread evenly over every community that holds any of them).
Bridges: accounts whose ties spread over several communities (participation
coefficient, Guimerà & Amaral 2005) and, on graphs up to ``max_betweenness_nodes``,
betweenness centrality.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from kindscope.graph.build import AccountGraph
from kindscope.graph.communities import Partition, symmetrise

__all__ = ["Spread", "Bridge", "spread", "owner_spread", "participation", "bridges"]


@dataclass(frozen=True)
class Spread:
    """How ``total`` ties (or weight) spread across communities."""

    total: float
    communities: int
    largest_community: int | None
    largest_share: float | None
    entropy: float | None

    @property
    def in_largest(self) -> int | None:
        """Ties in the largest community, a whole number (for follows, accounts)."""
        return None if self.largest_share is None else round(self.largest_share * self.total)


@dataclass(frozen=True)
class Bridge:
    """An account whose ties reach several communities."""

    account: str
    community: int
    participation: float
    betweenness: float | None
    degree: int


def spread(weights_by_community: dict[int, float]) -> Spread:
    """Concentration of ties over communities.

    >>> spread({0: 3, 1: 1}).largest_share
    0.75
    """
    total = float(sum(weights_by_community.values()))
    used = {c: w for c, w in weights_by_community.items() if w > 0}
    if total <= 0:
        return Spread(0.0, 0, None, None, None)
    largest = max(sorted(used), key=lambda c: used[c])
    probs = np.array([w / total for w in used.values()])
    entropy = float(-(probs * np.log(probs)).sum() / math.log(len(used))) if len(used) > 1 else 0.0
    return Spread(total, len(used), int(largest), used[largest] / total, entropy)


def owner_spread(graph: AccountGraph, partition: Partition, platform: str,
                 owner_id: str) -> Spread:
    """Spread of the owner's outgoing ties (weighted) over the communities of their targets."""
    me = graph.index().get((platform, owner_id))
    if me is None:
        return spread({})
    g, counts = graph.graph, Counter()
    for edge in g.es[g.incident(me, mode="out")]:
        community = partition.membership[edge.target]
        if community >= 0:
            counts[community] += edge["weight"]
    return spread(dict(counts))


def participation(graph: AccountGraph, partition: Partition) -> np.ndarray:
    """Participation coefficient of every vertex on the undirected weighted graph."""
    g = symmetrise(graph.graph)
    member = np.asarray(partition.membership)
    edges = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = np.asarray(g.es["weight"] if g.ecount() else [], dtype=float)
    both = np.vstack([edges, edges[:, ::-1]])
    ww = np.concatenate([w, w])
    n, k = g.vcount(), max(partition.count, 1)
    per = np.zeros((n, k)) if n * k <= 50_000_000 else None
    strength = np.bincount(both[:, 0], weights=ww, minlength=n) if len(both) else np.zeros(n)
    if per is None:  # very many communities: sparse accumulation
        keys = both[:, 0] * k + member[both[:, 1]]
        uniq, inv = np.unique(keys, return_inverse=True)
        sums = np.bincount(inv, weights=ww)
        sq = np.bincount(uniq // k, weights=sums ** 2, minlength=n)
    else:
        np.add.at(per, (both[:, 0], member[both[:, 1]]), ww)
        sq = (per ** 2).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(strength > 0, 1 - sq / np.maximum(strength, 1e-12) ** 2, 0.0)


def bridges(graph: AccountGraph, partition: Partition, top: int = 10, min_degree: int = 4,
            max_betweenness_nodes: int = 5000) -> tuple[Bridge, ...]:
    """Accounts with the highest participation (ties to ``min_degree`` or more accounts)."""
    g = graph.graph
    if g.vcount() == 0:
        return ()
    p = participation(graph, partition)
    degree = np.array(symmetrise(g).degree())
    between = None
    if g.vcount() <= max_betweenness_nodes:
        between = np.array(symmetrise(g).betweenness(directed=False))
    keys = graph.keys()
    order = sorted((v for v in range(g.vcount()) if degree[v] >= min_degree),
                   key=lambda v: (-p[v], -(between[v] if between is not None else 0), keys[v]))
    return tuple(
        Bridge(keys[v], int(partition.membership[v]), float(p[v]),
               None if between is None else float(between[v]), int(degree[v]))
        for v in order[:top])
