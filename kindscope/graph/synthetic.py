"""Graphs with known communities, for benchmarks and tests of community detection:
seeded planted-partition follow graphs, and a reader of labelled GML graphs (polblogs)."""

from __future__ import annotations

import re
from pathlib import Path

import igraph as ig
import numpy as np

from kindscope.graph.build import AccountGraph, graph_from_edges

__all__ = ["planted_edges", "planted_graph", "labelled_gml_edges", "labelled_gml_graph"]

_NODE = re.compile(r"node\s*\[(.*?)\]", re.S)
_EDGE = re.compile(r"edge\s*\[\s*source\s+(\d+)\s+target\s+(\d+)", re.S)
_FIELD = re.compile(r"\b(id|value)\s+(-?\d+)")


def labelled_gml_edges(path: str | Path) -> tuple[np.ndarray, dict[int, int]]:
    """Directed edges and node labels of a GML file whose nodes carry ``id`` and ``value``.

    Read as in ``../shared/data/polblogs/SOURCE.md``: each ``source -> target`` is one
    directed tie; duplicate edges and self-loops are dropped.

    Parameters
    ----------
    path : the GML file.

    Returns
    -------
    (edges, value): a sorted ``(m, 2)`` integer array of distinct ``source, target`` pairs,
    and each node id's ``value`` (for polblogs 0 = liberal, 1 = conservative).
    """
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    value = {}
    for body in _NODE.findall(text):
        fields = dict(_FIELD.findall(body))
        if "id" in fields and "value" in fields:
            value[int(fields["id"])] = int(fields["value"])
    pairs = {(int(a), int(b)) for a, b in _EDGE.findall(text) if a != b}
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    return edges, value


def planted_edges(n: int, mix: float, seed: int,
                  degree: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """Directed edges of a degree-corrected two-group graph, and each node's group.

    Parameters
    ----------
    n : number of nodes (ids ``0..n-1``).
    mix : share of ties that cross to the other group.
    seed : seed of the random generator.
    degree : ties started per node on average (heavy-tailed activity).

    Returns
    -------
    (edges, truth): an ``(m, 2)`` integer array of follower -> followee pairs (in-group ties
    are returned more often than cross-group ones; duplicates possible), and an array of
    ``n`` group labels (0 or 1).
    """
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 2, n)
    theta = rng.pareto(2.0, n) + 1
    src = rng.choice(n, n * degree, p=theta / theta.sum())
    same = rng.random(len(src)) > mix
    dst = np.empty_like(src)
    for c in (0, 1):
        for inside in (True, False):
            idx = np.where((truth[src] == c) & (same == inside))[0]
            pool = np.where(truth == (c if inside else 1 - c))[0]
            dst[idx] = rng.choice(pool, len(idx), p=theta[pool] / theta[pool].sum())
    back = rng.random(len(src)) < np.where(truth[src] == truth[dst], 0.4, 0.1)
    return np.vstack([np.c_[src, dst], np.c_[dst[back], src[back]]]), truth


def labelled_gml_graph(path: str | Path) -> tuple[AccountGraph, np.ndarray]:
    """The largest connected component of a labelled GML graph (:func:`labelled_gml_edges`)
    as a directed account graph, and each vertex's ``value`` in vertex order.

    For polblogs: 1,222 blogs and 19,021 distinct directed links.
    """
    edges, value = labelled_gml_edges(path)
    undirected = ig.Graph(n=max(value) + 1, edges=edges.tolist())
    parts = undirected.connected_components()
    giant = np.asarray(parts.membership) == int(np.argmax(parts.sizes()))
    keep = giant[edges[:, 0]]
    graph = graph_from_edges(["web"] * int(keep.sum()), edges[keep, 0].astype(str),
                             edges[keep, 1].astype(str))
    return graph, np.array([value[int(k)] for k in graph.keys()])


def planted_graph(n: int, mix: float, seed: int,
                  degree: int = 12) -> tuple[AccountGraph, np.ndarray]:
    """:func:`planted_edges` as a directed account graph, and each vertex's group in
    vertex order."""
    pairs, truth = planted_edges(n, mix, seed, degree)
    graph = graph_from_edges(["x"] * len(pairs), pairs[:, 0].astype(str),
                             pairs[:, 1].astype(str))
    return graph, truth[[int(k) for k in graph.keys()]]
