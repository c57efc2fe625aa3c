"""Community quality against ground truth: kindscope's default vs plain Leiden-modularity.

Graphs: the real political-blog hyperlink graph (``../shared/data/polblogs``, each blog's
side known; the largest connected component, 1,222 blogs, read as directed links) and
seeded planted two-group follow graphs (``kindscope.graph.synthetic.planted_edges``,
1,500 accounts, 10/20/30 % of ties across groups, two graph seeds each). Each method runs
once per seed (``--seeds``); the table gives NMI against the truth (scikit-learn,
arithmetic normalisation) as mean ± standard deviation over the seeds, and the mean number
of communities.

Methods:

- ``plain Leiden``: igraph ``community_leiden(objective_function="modularity")`` on the
  collapsed undirected, unweighted graph, one seeded run, igraph's defaults otherwise.
- ``kindscope default``: ``find_communities(graph, seed=s)`` as the CLI and report call it.
- ``kindscope, no folding``: the same with ``min_size=1`` (the default before issue 12).
- with ``--resolution R``, also ``kindscope, resolution R`` (not the default: see
  ``docs/network.md``);
- with ``--tries N``, also ``kindscope, N tries`` (N seeded runs, the best modularity kept;
  the default makes 3: BENCHMARKS.md, "More tries on small graphs").

Example::

    .venv/bin/python benchmarks/bench_communities_quality.py --seeds 10
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import igraph as ig
import numpy as np
from sklearn.metrics import normalized_mutual_info_score

from kindscope.graph import AccountGraph, find_communities
from kindscope.graph.synthetic import labelled_gml_graph, planted_graph

POLBLOGS = Path(__file__).resolve().parents[1].parent / "shared/data/polblogs/polblogs.gml"


def plain_leiden(graph: AccountGraph, seed: int) -> list[int]:
    """igraph's Leiden, modularity objective, on the collapsed undirected graph."""
    ig.set_random_number_generator(random.Random(seed))
    try:
        plain = graph.graph.as_undirected(mode="collapse")
        return plain.community_leiden(objective_function="modularity").membership
    finally:
        ig.set_random_number_generator(random)


METHODS = {
    "plain Leiden": plain_leiden,
    "kindscope default": lambda g, s: list(find_communities(g, seed=s).membership),
    "kindscope, no folding": lambda g, s: list(find_communities(g, seed=s,
                                                                min_size=1).membership),
}


def graphs(n: int) -> dict[str, tuple[AccountGraph, np.ndarray]]:
    """Every graph of the table, by column name."""
    out = {"polblogs": labelled_gml_graph(POLBLOGS)}
    for mix in (0.1, 0.2, 0.3):
        for seed in (1, 2):
            out[f"planted {mix:.0%} g{seed}"] = planted_graph(n, mix, seed)
    return out


def score(graph: AccountGraph, truth: np.ndarray, method, seeds: range) -> tuple[float, float,
                                                                                    float]:
    """(mean NMI, standard deviation of NMI, mean number of communities) over ``seeds``."""
    values, counts = [], []
    for seed in seeds:
        membership = method(graph, seed)
        values.append(normalized_mutual_info_score(truth, membership))
        counts.append(len(set(membership)))
    return float(np.mean(values)), float(np.std(values)), float(np.mean(counts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10, help="Runs per method and graph.")
    parser.add_argument("--nodes", type=int, default=1500, help="Accounts per planted graph.")
    parser.add_argument("--resolution", type=float, default=None,
                        help="Also show kindscope's default at this modularity resolution.")
    parser.add_argument("--tries", type=int, default=None,
                        help="Also show kindscope's default with this many seeded Leiden runs "
                             "(the default makes 3 on graphs this size).")
    args = parser.parse_args()
    methods = dict(METHODS)
    if args.resolution is not None:
        methods[f"kindscope, resolution {args.resolution}"] = (
            lambda g, s: list(find_communities(g, seed=s, resolution=args.resolution).membership))
    if args.tries is not None:
        methods[f"kindscope, {args.tries} tries"] = (
            lambda g, s: list(find_communities(g, seed=s, tries=args.tries).membership))
    t0 = time.perf_counter()
    table = graphs(args.nodes)
    seeds = range(args.seeds)
    pb, _ = table["polblogs"]
    print(f"polblogs: {pb.graph.vcount():,} blogs, {pb.graph.ecount():,} directed links; "
          f"NMI mean ± sd over seeds {seeds.start}..{seeds.stop - 1} (communities found)\n")
    print("| method | " + " | ".join(table) + " |")
    print("|---" * (len(table) + 1) + "|")
    means = {}
    for name, method in methods.items():
        cells = []
        for column, (graph, truth) in table.items():
            mean, sd, count = score(graph, truth, method, seeds)
            means[name, column] = mean
            cells.append(f"{mean:.3f} ± {sd:.3f} ({count:.0f})")
        print(f"| {name} | " + " | ".join(cells) + " |")
    gaps = [means["kindscope default", c] - means["plain Leiden", c] for c in table]
    print(f"\nkindscope default minus plain Leiden: smallest {min(gaps):+.3f}, "
          f"on polblogs {gaps[0]:+.3f}; {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
