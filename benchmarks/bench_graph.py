"""Communities + reciprocity on a seeded 100k-node / 1M-edge directed graph.

Usage::

    .venv/bin/python benchmarks/bench_graph.py [--nodes 100000] [--edges 1000000] [--seed 7]

The graph: 50 planted groups of varying size, heavy-tailed activity, 80% of ties inside
the group and 30% of ties returned. Times each step with ``time.perf_counter`` and
reports the process's peak resident memory (``ru_maxrss``) before and after.
"""

from __future__ import annotations

import argparse
import os
import resource
import time

import igraph as ig
import numpy as np

from kindscope.graph.build import AccountGraph
from kindscope.graph.communities import find_communities
from kindscope.graph.reciprocity import account_reciprocity, global_reciprocity
from kindscope.graph.synthetic import planted_edges


def make_graph(nodes: int, edges: int, seed: int) -> ig.Graph:
    rng = np.random.default_rng(seed)
    group = np.sort(rng.integers(0, 50, nodes))
    activity = rng.pareto(2.5, nodes) + 1
    base = int(edges / 1.3)
    src = rng.choice(nodes, base, p=activity / activity.sum())
    inside = rng.random(base) < 0.8
    starts = np.searchsorted(group, np.arange(50))
    ends = np.searchsorted(group, np.arange(50), side="right")
    g = group[src]
    dst = np.where(inside, starts[g] + (rng.random(base) * (ends[g] - starts[g])).astype(int),
                   rng.integers(0, nodes, base))
    back = rng.random(base) < 0.3
    pairs = np.vstack([np.c_[src, dst], np.c_[dst[back], src[back]]])
    graph = ig.Graph(n=nodes, edges=pairs, directed=True)
    graph.simplify()
    graph.es["weight"] = 1.0
    graph.vs["platform"] = "x"
    graph.vs["account_id"] = [str(i) for i in range(nodes)]
    return graph


def planted(n: int, mix: float, seed: int, degree: int = 15) -> tuple[ig.Graph, np.ndarray]:
    """Two planted groups, heavy-tailed degrees; in-group ties returned more often."""
    pairs, truth = planted_edges(n, mix, seed, degree)
    g = ig.Graph(n=n, edges=pairs, directed=True)
    g.simplify()
    g.es["weight"] = 1.0
    return g, truth


def quality() -> None:
    """NMI on planted two-group graphs: kindscope's choice vs plain Leiden-modularity."""
    import random

    import leidenalg
    from sklearn.metrics import normalized_mutual_info_score as nmi

    for mix in (0.1, 0.2, 0.3):
        for seed in (1, 2):
            g, truth = planted(1500, mix, seed)
            ours = find_communities(g, seed=0)
            random.seed(0)
            plain = leidenalg.find_partition(g.as_undirected(mode="collapse"),
                                             leidenalg.ModularityVertexPartition, seed=0)
            print(f"mix {mix} graph seed {seed}: kindscope NMI "
                  f"{nmi(truth, ours.membership):.3f} ({ours.count} communities); plain "
                  f"Leiden-modularity {nmi(truth, plain.membership):.3f} "
                  f"({len(set(plain.membership))})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--tries", type=int, default=None)
    parser.add_argument("--quality", action="store_true",
                        help="Instead: NMI on planted-partition graphs (needs scikit-learn).")
    args = parser.parse_args()
    if args.quality:
        quality()
        return
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    graph = AccountGraph(make_graph(args.nodes, args.edges, args.seed))
    t1 = time.perf_counter()
    part = find_communities(graph, seed=0, tries=args.tries)
    t2 = time.perf_counter()
    recip = global_reciprocity(graph)
    table = account_reciprocity(graph)
    t3 = time.perf_counter()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cpus available: {len(os.sched_getaffinity(0))}")
    print(f"graph: {graph.graph.vcount():,} nodes, {graph.graph.ecount():,} edges "
          f"(generated in {t1 - t0:.2f} s)")
    print(f"communities (Leiden, tries={args.tries or 'auto'}): {t2 - t1:.2f} s, "
          f"{part.count} communities, modularity {part.modularity:.3f}")
    print(f"reciprocity global + per account: {t3 - t2:.2f} s (global {recip:.3f}, "
          f"{table.num_rows:,} rows)")
    print(f"communities + reciprocity: {t3 - t1:.2f} s")
    print(f"peak RSS: {rss1:.0f} MiB (after imports: {rss0:.0f} MiB)")


if __name__ == "__main__":
    main()
