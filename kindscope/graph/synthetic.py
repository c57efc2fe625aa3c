"""Seeded planted-partition follow graphs, for benchmarks and tests of community detection."""

from __future__ import annotations

import numpy as np

__all__ = ["planted_edges"]


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
