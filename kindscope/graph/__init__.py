"""Follow and interaction graphs: communities, reciprocity, diversity, unfollow audits."""

from kindscope.graph.analysis import NetworkReport, analyse_network
from kindscope.graph.audit import Audit, unfollow_audit
from kindscope.graph.build import AccountGraph, follow_graph, graph_from_edges, interaction_graph
from kindscope.graph.communities import Partition, find_communities, symmetrise
from kindscope.graph.diversity import bridges, owner_spread, participation, spread
from kindscope.graph.norms import Community, describe_communities
from kindscope.graph.reciprocity import (
    account_reciprocity,
    global_reciprocity,
    isolated_members,
    owner_reciprocity,
)

__all__ = [
    "AccountGraph", "Audit", "Community", "NetworkReport", "Partition", "account_reciprocity",
    "analyse_network", "bridges", "describe_communities", "find_communities", "follow_graph",
    "global_reciprocity", "graph_from_edges", "interaction_graph", "isolated_members",
    "owner_reciprocity", "owner_spread", "participation", "spread", "symmetrise",
    "unfollow_audit",
]
