"""Everything ``kindscope network`` shows, in one call."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kindscope.graph.audit import Audit, unfollow_audit
from kindscope.graph.build import follow_graph, interaction_graph
from kindscope.graph.communities import Partition, find_communities
from kindscope.graph.diversity import Bridge, Spread, bridges, owner_spread
from kindscope.graph.norms import Community, describe_communities
from kindscope.graph.reciprocity import (
    OwnerReciprocity,
    global_reciprocity,
    isolated_members,
    owner_reciprocity,
)
from kindscope.store.db import Store

__all__ = ["OwnerView", "NetworkReport", "analyse_network", "owners"]


@dataclass(frozen=True)
class OwnerView:
    """One owner's reciprocity, diversity and audit."""

    platform: str
    owner_id: str
    reciprocity: OwnerReciprocity
    follow_spread: Spread
    interaction_spread: Spread
    audit: Audit | None


@dataclass(frozen=True)
class NetworkReport:
    """``membership`` maps account key (ids as in the source; ``platform:id`` when the
    graph spans platforms) to community; ``graph`` says which graph it came from."""

    graph: str
    nodes: int
    edges: int
    reciprocity: float | None
    modularity: float
    seed: int
    membership: dict[str, int]
    communities: tuple[Community, ...]
    bridges: tuple[Bridge, ...]
    isolated: tuple[tuple[str, int, int, int], ...]
    owners: tuple[OwnerView, ...]

    def to_dict(self) -> dict:
        return asdict(self)


def owners(store: Store, platform: str | None = None) -> list[tuple[str, str]]:
    """(platform, owner id) pairs named by snapshots."""
    sql = "SELECT DISTINCT platform, owner_id FROM snapshots WHERE owner_id IS NOT NULL"
    rows = store.rows(sql + (" AND platform = ?" if platform else "") + " ORDER BY ALL",
                      [platform] if platform else [])
    return [(p, o) for p, o in rows]


def analyse_network(store: Store, platform: str | None = None, seed: int | None = None,
                    tries: int | None = None, snapshots: str = "latest") -> NetworkReport:
    """Communities, reciprocity, diversity and audits of the follow graph.

    When there are no follow edges, the interaction graph is used instead. ``seed``
    defaults to the ``seed`` setting, as in the report, so both find the same communities.
    """
    graph, kind = follow_graph(store, platform, snapshots), "follow"
    interactions = interaction_graph(store, platform)
    if graph.graph.ecount() == 0 and interactions.graph.ecount() > 0:
        graph, kind = interactions, "interaction"
    partition: Partition = find_communities(graph, seed=seed, tries=tries)
    keys = graph.keys()
    views = []
    for plat, owner in owners(store, platform):
        i_graph_part = _partition_on(interactions, graph, partition)
        views.append(OwnerView(
            plat, owner, owner_reciprocity(store, plat, owner, graph),
            owner_spread(graph, partition, plat, owner),
            owner_spread(interactions, i_graph_part, plat, owner),
            unfollow_audit(store, plat, owner)))
    return NetworkReport(
        graph=kind, nodes=graph.graph.vcount(), edges=graph.graph.ecount(),
        reciprocity=global_reciprocity(graph), modularity=partition.modularity,
        seed=partition.seed, membership=dict(zip(keys, partition.membership, strict=True)),
        communities=describe_communities(store, graph, partition),
        bridges=bridges(graph, partition),
        isolated=isolated_members(store, graph, partition.membership),
        owners=tuple(views))


def _partition_on(target, source, partition: Partition) -> Partition:
    """Carry ``partition`` of ``source`` over to ``target``'s vertices (-1 = unknown)."""
    where = source.index()
    member = tuple(
        partition.membership[where[k]] if k in where else -1
        for k in zip(target.graph.vs["platform"] if target.graph.vcount() else [],
                     target.graph.vs["account_id"] if target.graph.vcount() else [], strict=True))
    return Partition(member, partition.modularity, partition.seed)
