"""The one network pipeline: which graph, which seed, which communities.

``kindscope network`` (:mod:`kindscope.graph.analysis`) and the report's network section
(:mod:`kindscope.report.network`) both call :func:`build_network`, so on the same data
they choose the same graph and find the same communities with the same seed (the read
model's, which is the ``seed`` setting unless given).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from kindscope import settings
from kindscope.graph.build import AccountGraph, follow_graph, interaction_graph
from kindscope.graph.communities import Partition, find_communities
from kindscope.graph.reciprocity import community_reciprocity, global_reciprocity, isolated_members
from kindscope.store.community import Communities
from kindscope.store.db import Store
from kindscope.store.graph_edges import owners
from kindscope.store.read import ReadModel

__all__ = ["NO_TIES", "Network", "build_network", "network_of", "carry_partition", "ego_reason",
           "leiden_communities"]

_EGO = {"follow": "this data holds only your own follows and followers (an ego network, as "
                  "in an X archive)",
        "interaction": "this data holds only your own conversations (your replies, "
                       "mentions and likes), as in an account export"}
#: Why a graph with no edges has no communities (every output's words).
NO_TIES = "no ties between accounts in this data"
_EGO_TAIL = ": with no ties among the others there are no communities to find"


@dataclass(frozen=True)
class Network:
    """The follow and interaction graphs, the one the communities were found on
    (``kind``: "follow", or "interaction" when there are no follow edges) and its
    partition."""

    follows: AccountGraph
    interactions: AccountGraph
    graph: AccountGraph
    kind: str
    partition: Partition


def build_network(store: Store, platform: str | None = None, seed: int | None = None,
                  tries: int | None = None, snapshots: str = "latest") -> Network:
    """Graphs of ``platform`` (None: every platform) and their communities. ``seed``
    defaults to the ``seed`` setting."""
    follows = follow_graph(store, platform, snapshots)
    interactions = interaction_graph(store, platform)
    graph, kind = follows, "follow"
    if follows.graph.ecount() == 0 and interactions.graph.ecount() > 0:
        graph, kind = interactions, "interaction"
    seed = int(settings.get("seed", seed))
    return Network(follows, interactions, graph, kind,
                   find_communities(graph, seed=seed, tries=tries))


def network_of(rm: ReadModel, tries: int | None = None, snapshots: str = "latest") -> Network:
    """:func:`build_network` on the read model's platform with its seed."""
    return build_network(rm.store, rm.platform, rm.seed, tries, snapshots)


def carry_partition(target: AccountGraph, source: AccountGraph,
                    partition: Partition) -> Partition:
    """``partition`` of ``source`` over ``target``'s vertices (-1 where unknown)."""
    where = source.index()
    member = tuple(partition.membership[where[k]] if k in where else -1
                   for k in target.index())
    return Partition(member, partition.modularity, partition.seed)


def ego_reason(net: Network, platform: str, me: str) -> str | None:
    """Why there are no communities to find when no edge of the chosen graph ties one of
    the owner's own accounts to anyone but the owner: every edge touches the owner (an ego
    network), or the rest join only strangers to the owner (a capture of other people
    beside a repository made "2 communities" of the owner's follows and one stranger's
    follow: a user's-eye review, 2026-12-06); else None."""
    g = net.graph.graph
    index = net.graph.index().get((platform, me))
    if index is None or g.ecount() == 0:
        return None
    ends = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    others = ends[(ends != index).all(axis=1)]  # the edges that do not touch the owner
    near = np.zeros(g.vcount(), dtype=bool)
    near[g.neighbors(index, mode="all")] = True
    if not len(others):
        return _EGO[net.kind] + _EGO_TAIL
    if (near[others[:, 0]] | near[others[:, 1]]).any():
        return None
    return ("the ties this data holds between other accounts touch no account tied to you "
            "(another import, such as a capture of other people, holds them)" + _EGO_TAIL)


def _owners_only(store: Store, graph: AccountGraph) -> bool:
    """Whether every edge of ``graph`` touches the owner of an import."""
    g = graph.graph
    if g.ecount() == 0:
        return False
    named = {owner for _, owner in owners(store)}
    owned = np.array([a in named for a in g.vs["account_id"]], dtype=bool)
    ends = np.asarray(g.get_edgelist(), dtype=np.int64)
    return bool((owned[ends[:, 0]] | owned[ends[:, 1]]).all())


def leiden_communities(store: Store, platform: str, seed: int) -> Communities:
    """The communities of :func:`build_network` (Leiden on the driver, every edge there)
    with their follow figures, as the community view shows them."""
    net = build_network(store, platform, seed)
    keys = net.graph.graph.vs["account_id"] if net.graph.graph.vcount() else []
    follow_member = (net.partition.membership if net.kind == "follow" else
                     carry_partition(net.follows, net.graph, net.partition).membership)
    isolated = isolated_members(store, net.follows, follow_member,
                                top=max(net.follows.graph.vcount(), 1)) \
        if net.kind == "follow" else ()
    return Communities(
        kind=net.kind, method="leiden", owners_only=_owners_only(store, net.graph),
        membership=dict(zip(keys, net.partition.membership, strict=True)),
        sizes=tuple(int(n) for n in np.bincount(
            np.asarray(net.partition.membership, dtype=np.int64))) if keys else (),
        reciprocity=global_reciprocity(net.follows),
        reciprocity_by=community_reciprocity(net.follows, follow_member),
        isolated_by=dict(Counter(r[1] for r in isolated)))
