"""Communities, reciprocity and follow-back as Spark joins (issue 14)."""

from __future__ import annotations

import igraph as ig
import numpy as np
import pytest

from kindscope.store.spark_graph import follow_back, label_propagation, modularity, reciprocity


def planted(groups: int = 4, size: int = 25, p_in: float = 0.4, p_out: float = 0.01,
            seed: int = 3) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """Directed ties of a seeded planted-partition graph, and each node's group."""
    rng = np.random.default_rng(seed)
    n = groups * size
    group = np.arange(n) // size
    p = np.where(group[:, None] == group[None, :], p_in, p_out)
    src, dst = np.nonzero(rng.random((n, n)) < p)
    keep = src != dst
    return list(zip(src[keep].tolist(), dst[keep].tolist(), strict=True)), dict(enumerate(
        group.tolist()))


@pytest.fixture(scope="module")
def graph(spark):
    ties, truth = planted()
    return spark.createDataFrame(ties, "source long, target long"), ties, truth


def _partition(frame) -> dict[int, int]:
    return {r["account"]: r["community"] for r in frame.collect()}


def test_label_propagation_recovers_the_planted_groups_deterministically(graph):
    edges, ties, truth = graph
    first = _partition(label_propagation(edges, seed=7))
    assert set(first) == set(truth)
    found = {}
    for node, community in first.items():
        found.setdefault(community, set()).add(truth[node])
    assert len(found) == 4 and all(len(groups) == 1 for groups in found.values())
    assert _partition(label_propagation(edges, seed=7)) == first


def test_modularity_and_reciprocity_equal_igraph(graph):
    edges, ties, truth = graph
    g = ig.Graph(n=len(truth), edges=ties, directed=True)
    mutual = sum(1 for a, b in ties if (b, a) in set(ties))
    assert reciprocity(edges) == (len(ties), mutual)
    assert mutual / len(ties) == pytest.approx(g.reciprocity())
    groups = [truth[i] for i in range(len(truth))]
    plain = g.as_undirected(mode="collapse")
    frame = edges.sparkSession.createDataFrame(list(truth.items()), "account long, community long")
    assert modularity(edges, frame) == pytest.approx(plain.modularity(groups), abs=1e-12)


def test_follow_back_counts(spark):
    edges = spark.createDataFrame([("a", "b"), ("b", "a"), ("c", "a"), ("a", "a")],
                                  "source string, target string")
    rows = {r["account"]: r.asDict() for r in follow_back(edges).collect()}
    assert (rows["a"]["followers"], rows["a"]["following"], rows["a"]["mutual"]) == (2, 1, 1)
    assert rows["a"]["follow_back_rate"] == 0.5
    assert rows["c"]["followers"] == 0 and rows["c"]["follow_back_rate"] is None
