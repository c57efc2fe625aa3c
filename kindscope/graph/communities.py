"""Communities: Leiden on the follow (or interaction) graph, and what each one is like.

The directed graph is made undirected with weights that count ties: a mutual follow
weighs 2, a one-way follow 1 (interaction weights are summed). Leiden (igraph's C
implementation; the same algorithm as ``leidenalg``, several times faster) optimises
modularity from several seeds with a bounded number of iterations; the partition with
the highest modularity wins. Communities of a handful of accounts (fewer than
:func:`min_community_size`) are then folded into the neighbouring community they share
the most tie weight with: modularity splits off pendant pairs and triples that are no
community anyone would name, and on graphs with a known split (polblogs, planted
partitions; ``benchmarks/bench_communities_quality.py``) folding them brings the result
closer to the truth. Communities are numbered by size (0 = largest). The seed comes from
the ``seed`` setting unless one is given, so every caller finds the same communities.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import igraph as ig
import numpy as np

from kindscope import settings
from kindscope.graph.build import AccountGraph

__all__ = ["LARGE_GRAPH_EDGES", "Partition", "symmetrise", "find_communities",
           "min_community_size", "fold_small"]

#: Above this many undirected edges one seeded run is made instead of three.
LARGE_GRAPH_EDGES = 200_000


@dataclass(frozen=True)
class Partition:
    """``membership[i]`` is vertex i's community (0 = largest); ``modularity`` of the
    undirected weighted graph; ``seed`` the seed that found it."""

    membership: tuple[int, ...]
    modularity: float
    seed: int

    @property
    def count(self) -> int:
        return max(self.membership, default=-1) + 1


def symmetrise(graph: ig.Graph) -> ig.Graph:
    """Undirected copy; an edge's weight is the sum of both directions' weights."""
    if not graph.is_directed():
        return graph
    g = graph
    if "weight" not in g.es.attributes():
        g = graph.copy()
        g.es["weight"] = 1.0
    undirected = g.as_undirected(mode="collapse", combine_edges={"weight": "sum"})
    undirected.simplify(multiple=False, loops=True)
    return undirected


def _relabel(membership: list[int]) -> tuple[int, ...]:
    labels, codes, sizes = np.unique(membership, return_inverse=True, return_counts=True)
    # largest first; ties broken by the lowest vertex in the community, for stability
    first = np.full(len(labels), len(membership))
    np.minimum.at(first, codes, np.arange(len(membership)))
    order = np.lexsort((first, -sizes))
    rank = np.empty(len(labels), dtype=int)
    rank[order] = np.arange(len(labels))
    return tuple(int(r) for r in rank[codes])


def _leiden(g: ig.Graph, seed: int, iterations: int, resolution: float) -> list[int]:
    """igraph's C Leiden (modularity objective) under a seeded random generator."""
    ig.set_random_number_generator(random.Random(seed))
    try:
        clusters = g.community_leiden(objective_function="modularity", weights="weight",
                                      resolution=resolution, n_iterations=iterations)
    finally:
        ig.set_random_number_generator(random)
    return clusters.membership


def min_community_size(accounts: int) -> int:
    """Smallest community kept apart: 1% of the accounts, at least 3 and at most 10.

    >>> min_community_size(30), min_community_size(500), min_community_size(100_000)
    (3, 5, 10)
    """
    return int(min(10, max(3, int(np.ceil(0.01 * accounts)))))


def fold_small(g: ig.Graph, membership, min_size: int, weights: str | None = "weight") -> list[int]:
    """Fold every community of fewer than ``min_size`` vertices into a neighbour.

    Smallest first, a small community joins the community it shares the most tie weight
    with (ties: the larger community, then the lower label). A community with no ties
    outside itself (a separate component) stays. Nothing is folded when no community
    reaches ``min_size`` (a small network keeps its small communities).

    Parameters
    ----------
    g : undirected graph.
    membership : each vertex's community label (non-negative integers).
    min_size : communities of fewer vertices are folded.
    weights : edge attribute holding the weights, or None for weight 1.

    Returns
    -------
    list of int
        The new labels (not renumbered; :func:`find_communities` renumbers by size).
    """
    member = np.asarray(membership, dtype=np.int64)
    if member.size == 0:
        return []
    sizes = np.bincount(member)
    if sizes.max() < min_size or not ((sizes > 0) & (sizes < min_size)).any():
        return member.tolist()
    edges = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = (np.asarray(g.es[weights], dtype=float) if weights and weights in g.es.attributes()
         else np.ones(len(edges)))
    a, b = member[edges[:, 0]], member[edges[:, 1]]
    cross = a != b
    # tie weight between each pair of communities, summed in numpy (one row per pair)
    lo, hi = np.minimum(a[cross], b[cross]), np.maximum(a[cross], b[cross])
    pairs, where = np.unique(lo * len(sizes) + hi, return_inverse=True)
    summed = np.bincount(where.ravel(), weights=w[cross], minlength=len(pairs))
    ties: dict[int, dict[int, float]] = {}
    for pair, wt in zip(pairs.tolist(), summed.tolist(), strict=True):
        x, y = divmod(pair, len(sizes))
        ties.setdefault(x, {})[y] = wt
        ties.setdefault(y, {})[x] = wt
    size = {c: int(n) for c, n in enumerate(sizes) if n}
    into = {c: c for c in size}
    for c in sorted((c for c in size if size[c] < min_size), key=lambda c: (size[c], c)):
        if size[c] >= min_size or not ties.get(c):
            continue  # grew by absorbing others, or an island
        target = max(ties[c], key=lambda t: (ties[c][t], size[t], -t))
        into[c] = target
        size[target] += size.pop(c)
        for other, wt in ties.pop(c).items():
            ties[other].pop(c, None)
            if other != target:
                ties[other][target] = ties[other].get(target, 0.0) + wt
                ties[target][other] = ties[target].get(other, 0.0) + wt
    for c in into:  # follow chains: c -> t -> u
        t = c
        while into[t] != t:
            t = into[t]
        into[c] = t
    lookup = np.array([into.get(c, c) for c in range(len(sizes))], dtype=np.int64)
    return lookup[member].tolist()


def find_communities(
    graph: AccountGraph | ig.Graph,
    seed: int | None = None,
    tries: int | None = None,
    iterations: int = 2,
    resolution: float = 1.0,
    min_size: int | None = None,
) -> Partition:
    """Leiden (modularity, ``resolution``) from ``tries`` seeds; keep the best modularity,
    then fold communities of fewer than ``min_size`` accounts into their neighbours.

    Parameters
    ----------
    graph : the account graph (directed) or an igraph graph.
    seed : the first seed; tries use ``seed, seed + 1, ...``. Default: the ``seed``
        setting (``KINDSCOPE_SEED``, 13).
    tries : how many seeded runs to compare; default 3, or 1 on graphs of more than
        ``LARGE_GRAPH_EDGES`` undirected edges (keeps a 1M-edge graph under 5 s).
    iterations : Leiden iterations per run (bounded; -1 would mean until stable).
    resolution : the modularity resolution (1.0 = plain modularity).
    min_size : smallest community kept apart; default :func:`min_community_size` of the
        number of accounts; 1 keeps Leiden's partition as found.

    Returns
    -------
    Partition
        Communities numbered by size; ``modularity`` of the returned (folded) partition.
    """
    seed = int(settings.get("seed", seed))
    g = symmetrise(graph.graph if isinstance(graph, AccountGraph) else graph)
    if g.vcount() == 0:
        return Partition((), 0.0, seed)
    if tries is None:
        tries = 3 if g.ecount() <= LARGE_GRAPH_EDGES else 1
    best = None
    for offset in range(max(1, tries)):
        membership = _leiden(g, seed + offset, iterations, resolution)
        quality = g.modularity(membership, weights="weight", resolution=resolution)
        if best is None or quality > best[0] + 1e-12:
            best = (quality, membership, seed + offset)
    size = min_community_size(g.vcount()) if min_size is None else min_size
    folded = fold_small(g, best[1], size)
    if folded != list(best[1]):
        best = (g.modularity(folded, weights="weight", resolution=resolution), folded, best[2])
    return Partition(_relabel(best[1]), float(best[0]), best[2])
