"""Communities on Spark (label propagation as joins) against Leiden on the driver.

Part 1, quality, on the graphs where both run: polblogs (the largest component, 1,222
blogs, each blog's side known) and the three Anwar et al. follow graphs in
``../shared/data/twitter-follow-graphs-anwar2021`` (no community truth: compared with
Leiden). For each: NMI of label propagation against Leiden (and against the truth on
polblogs), the modularity of each partition (igraph, collapsed undirected graph), the
number of communities, and the Spark wall time.

Leiden here is ``kindscope.graph.find_communities`` (what ``kindscope network`` and the
community view run); label propagation is ``kindscope.store.spark_graph
.label_propagation`` on ``local[2]``.

Part 2, Leiden's driver memory: peak RSS of a fresh process that builds the graph from
edge columns and runs ``find_communities``, on seeded planted graphs
(``kindscope.graph.synthetic.planted_edges``) of growing size; the bytes per edge of the
slope, and the edges that fit in 8 GB.

Example::

    nice -n 10 .venv/bin/python benchmarks/bench_spark_communities.py \\
        --memory-nodes 25000 100000 200000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import normalized_mutual_info_score

from kindscope.graph import find_communities
from kindscope.graph.build import graph_from_edges
from kindscope.graph.synthetic import labelled_gml_graph

SHARED = Path(__file__).resolve().parents[1].parent / "shared/data"
POLBLOGS = SHARED / "polblogs/polblogs.gml"
ANWAR = SHARED / "twitter-follow-graphs-anwar2021/raw_data/twitter_graphs"


def graphs():
    """(name, AccountGraph, truth or None) for each graph at hand."""
    if POLBLOGS.exists():
        graph, truth = labelled_gml_graph(POLBLOGS)
        yield "polblogs", graph, truth
    for path in sorted(ANWAR.glob("*.json")):
        edges = np.array(json.loads(path.read_text())["edges"], dtype=np.int64)
        graph = graph_from_edges(["x"] * len(edges), edges[:, 0].astype(str),
                                 edges[:, 1].astype(str))
        yield path.stem, graph, None


def quality(spark, seed: int) -> list[dict]:
    from kindscope.store.spark_graph import label_propagation

    rows = []
    for name, graph, truth in graphs():
        g = graph.graph
        plain = g.as_undirected(mode="collapse")
        keys = list(graph.keys())
        leiden = list(find_communities(graph, seed=seed).membership)
        ties = [(keys[e.source], keys[e.target]) for e in g.es]
        edges = spark.createDataFrame(ties, "source string, target string")
        start = time.perf_counter()
        found = {r["account"]: r["community"]
                 for r in label_propagation(edges, seed=seed).collect()}
        seconds = time.perf_counter() - start
        ids = {c: i for i, c in enumerate(sorted(set(found.values())))}
        lpa = [ids[found[k]] if k in found else len(ids) + i for i, k in enumerate(keys)]
        row = {"graph": name, "nodes": g.vcount(), "edges": g.ecount(),
               "leiden_communities": len(set(leiden)), "lpa_communities": len(set(lpa)),
               "nmi_lpa_vs_leiden": normalized_mutual_info_score(leiden, lpa),
               "modularity_leiden": plain.modularity(leiden),
               "modularity_lpa": plain.modularity(lpa), "lpa_seconds": seconds}
        if truth is not None:
            row["nmi_leiden_vs_truth"] = normalized_mutual_info_score(truth, leiden)
            row["nmi_lpa_vs_truth"] = normalized_mutual_info_score(truth, lpa)
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


_MEASURE = """
import resource, sys, time
from kindscope.graph import find_communities
from kindscope.graph.build import graph_from_edges
from kindscope.graph.synthetic import planted_edges
n = int(sys.argv[1])
pairs, _ = planted_edges(n, 0.2, seed=1)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
graph = graph_from_edges(["x"] * len(pairs), pairs[:, 0].astype(str), pairs[:, 1].astype(str))
part = find_communities(graph, seed=1)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(graph.graph.ecount(), base * 1024, peak * 1024, time.perf_counter() - start)
"""


def leiden_memory(sizes: list[int]) -> list[dict]:
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, "-c", _MEASURE, str(n)], check=True,
                             capture_output=True, text=True).stdout.split()
        edges, base, peak, seconds = int(out[0]), int(out[1]), int(out[2]), float(out[3])
        row = {"nodes": n, "edges": edges, "rss_before_graph": base, "peak_rss": peak,
               "seconds": seconds}
        rows.append(row)
        print(json.dumps(row), flush=True)
    if len(rows) >= 2:
        e = np.array([r["edges"] for r in rows], dtype=float)
        m = np.array([r["peak_rss"] for r in rows], dtype=float)
        slope, intercept = np.polyfit(e, m, 1)
        fit = {"bytes_per_edge": slope, "intercept_bytes": intercept,
               "edges_in_8gb": (8 * 2**30 - intercept) / slope}
        rows.append(fit)
        print(json.dumps(fit), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--memory-nodes", type=int, nargs="*", default=[25000, 100000])
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    results = {}
    if not args.skip_quality:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        from kindscope.store.spark import spark_session

        results["quality"] = quality(spark_session(args.master), args.seed)
    results["leiden_memory"] = leiden_memory(args.memory_nodes)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
