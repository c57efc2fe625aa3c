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


def test_community_figures_as_joins_follow_the_driver_definitions(spark, tmp_path):
    """label_propagation_communities (community --engine spark past driver_graph_edges)
    on a planted graph stored as a dataset: its sizes, reciprocity (overall and inside
    each community) and isolated members per community equal the driver's igraph
    definitions applied to the same membership. Three pendant accounts follow into group
    0: followed by none, by one member (both isolated: at most one follower inside) and by
    two (not isolated)."""
    from collections import Counter

    from storedata import add_follows, add_snapshot

    from kindscope.graph.build import follow_graph
    from kindscope.graph.reciprocity import (
        community_reciprocity,
        global_reciprocity,
        isolated_members,
    )
    from kindscope.store.dataset import write_dataset
    from kindscope.store.db import Store
    from kindscope.store.spark_community import label_propagation_communities
    from kindscope.store.spark_store import SparkStore

    ties, _ = planted()
    ties = [(f"a{s}", f"a{t}") for s, t in ties]
    for k, followed_by in enumerate([(), ("a0",), ("a0", "a1")]):
        ties += [(f"p{k}", f"a{t}") for t in range(5)]
        ties += [(f, f"p{k}") for f in followed_by]
    with Store(":memory:") as store:
        add_snapshot(store, "s1")
        add_follows(store, "s1", ties + [("a0", "a0")])  # a self-loop: not an edge
        write_dataset(store, tmp_path / "data")
        follows = follow_graph(store, "x")
        with SparkStore(tmp_path / "data", spark) as sstore:
            found = label_propagation_communities(sstore, "x", seed=7)
        keys = follows.graph.vs["account_id"]
        assert sorted(found.membership) == sorted(keys)
        member = tuple(found.membership[k] for k in keys)
        isolated = isolated_members(store, follows, member, top=len(keys))
    assert found.method == "label_propagation" and found.kind == "follow"
    assert found.sizes == tuple(np.bincount(member)) and len(found.sizes) == 4
    assert list(found.sizes) == sorted(found.sizes, reverse=True)
    assert found.reciprocity == global_reciprocity(follows)
    assert found.reciprocity_by == community_reciprocity(follows, member)
    assert found.isolated_by == dict(Counter(r[1] for r in isolated))
    assert sorted(r[0] for r in isolated) == ["p0", "p1"]
