"""The communities of ``kindscope community --engine spark`` past the driver's memory.

Above the ``driver_graph_edges`` setting (Leiden needs about 990 bytes per edge on the
driver; docs/scale.md) the communities of a platform's follow graph are found by label
propagation on the engine (:func:`kindscope.store.spark_graph.label_propagation`), and
reciprocity and isolated members are joins there too. What comes to the driver: one
row per community (its figures) and one per account (its community), which
:func:`kindscope.store.community.community_scope` needs; never an edge.
"""

from __future__ import annotations

from kindscope.store import spark_graph
from kindscope.store.community import Communities
from kindscope.store.graph_edges import follow_query

__all__ = ["label_propagation_communities"]


def label_propagation_communities(store, platform: str, seed: int) -> Communities:
    """Communities of ``platform``'s follow graph on ``store`` (a
    :class:`~kindscope.store.spark_store.SparkStore`), numbered 0 = largest (ties: the
    smallest label), with their follow figures."""
    edges = store.frame(*follow_query(platform)).persist()
    try:
        labels = spark_graph.label_propagation(edges, seed)
        ties = spark_graph.community_ties(edges, labels).collect()
        total, mutual = spark_graph.reciprocity(edges)
        order = sorted(ties, key=lambda r: (-r["members"], r["community"]))
        number = {r["community"]: i for i, r in enumerate(order)}
        rows = labels.toArrow()
    finally:
        edges.unpersist()
    accounts, label = rows.column("account").to_pylist(), rows.column("community").to_pylist()
    return Communities(
        kind="follow", method="label_propagation",
        membership={a: number[c] for a, c in zip(accounts, label, strict=True)},
        sizes=tuple(r["members"] for r in order),
        reciprocity=mutual / total if total else None,
        reciprocity_by={number[r["community"]]: r["mutual"] / r["inside"]
                        for r in ties if r["inside"]},
        isolated_by={number[r["community"]]: r["isolated"] for r in ties if r["isolated"]})
