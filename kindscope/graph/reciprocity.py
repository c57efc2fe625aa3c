"""Reciprocity: of the whole graph, of each account, and from the owner's point of view.

Global reciprocity is the share of directed edges whose reverse edge also exists
(self-loops ignored) — the same figure as igraph's ``Graph.reciprocity()`` and networkx's
``overall_reciprocity``.
"""

from __future__ import annotations

from dataclasses import dataclass

import igraph as ig
import numpy as np
import pyarrow as pa

from kindscope.graph.build import AccountGraph
from kindscope.store.db import Store
from kindscope.store.network import owner_reply_pairs, unanswered_post_counts
from kindscope.store.read import ReadModel

__all__ = ["OwnerReciprocity", "global_reciprocity", "community_reciprocity",
           "account_reciprocity",
           "owner_reciprocity", "isolated_members"]


def global_reciprocity(graph: AccountGraph | ig.Graph) -> float | None:
    """Share of edges that are reciprocated; None for a graph without edges.

    >>> import igraph as ig
    >>> global_reciprocity(ig.Graph([(0, 1), (1, 0), (0, 2)], directed=True))
    0.6666666666666666
    """
    g = graph.graph if isinstance(graph, AccountGraph) else graph
    if g.ecount() == 0:
        return None
    return float(g.reciprocity(ignore_loops=True, mode="default"))


def community_reciprocity(graph: AccountGraph, membership) -> dict[int, float]:
    """Per community of ``membership`` (one per vertex): the share of the follow edges
    between two of its members whose reverse edge exists (self-loops ignored); only
    communities with such edges."""
    g = graph.graph
    if g.ecount() == 0:
        return {}
    member = np.asarray(membership)
    edges = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    mutual = np.asarray(g.is_mutual(loops=False), dtype=bool)
    inside = (member[edges[:, 0]] == member[edges[:, 1]]) & (edges[:, 0] != edges[:, 1])
    out = {}
    for c in np.unique(member[edges[inside, 0]]):
        sel = inside & (member[edges[:, 0]] == c)
        out[int(c)] = float(mutual[sel].mean())
    return out


def _mutual_counts(g: ig.Graph) -> np.ndarray:
    """Per vertex: how many of its out-edges are returned (all in igraph's C code)."""
    mutual = np.flatnonzero(np.asarray(g.is_mutual(loops=False), dtype=bool))
    return np.asarray(g.subgraph_edges(mutual.tolist(), delete_vertices=False).outdegree(),
                      dtype=np.int64)


def account_reciprocity(graph: AccountGraph) -> pa.Table:
    """Per account: ``out_degree``, ``in_degree``, ``mutual`` and ``reciprocity``.

    ``reciprocity`` = mutual / out_degree (the share of the people it follows who follow
    back), null for an account that follows no one.
    """
    g = graph.graph
    out_deg = np.array(g.outdegree(), dtype=np.int64)
    in_deg = np.array(g.indegree(), dtype=np.int64)
    mutual = _mutual_counts(g)
    ratio = [None if o == 0 else float(m / o) for m, o in zip(mutual, out_deg, strict=True)]
    return pa.table({
        "platform": g.vs["platform"] if g.vcount() else [],
        "account_id": g.vs["account_id"] if g.vcount() else [],
        "out_degree": out_deg, "in_degree": in_deg, "mutual": mutual,
        "reciprocity": pa.array(ratio, pa.float64()),
    })


@dataclass(frozen=True)
class OwnerReciprocity:
    """The owner's one-way ties (account ids, most interaction first where it applies).

    ``not_following_back``: people I follow who do not follow me.
    ``unreturned_replies``: people I reply to who never reply to me, with my reply counts.
    ``unanswered_repliers``: people who reply to me whom I never answer, with the count of
    their replies not read as toxic or hateful (never accounts I blocked or muted, nor those
    whose posts to me read as toxic or hateful twice or more, or at least as often as not,
    or that sent me words that tell me to die: the read model's ``unoffered`` view, through
    ``store.network.owner_reply_pairs``).
    """

    owner_id: str
    follows: int
    followers: int
    not_following_back: tuple[str, ...]
    unreturned_replies: tuple[tuple[str, int], ...]
    unanswered_repliers: tuple[tuple[str, int], ...]


def owner_reciprocity(rm: ReadModel, follows: AccountGraph, top: int = 20) -> OwnerReciprocity:
    """The read model owner's view of reciprocity: ties in ``follows`` (a follow graph, never
    an interaction graph: people one talks to are not follows) and replies both ways."""
    g, index = follows.graph, follows.index()
    owner_id = rm.me
    me = index.get((rm.platform, owner_id))
    following = set(g.successors(me)) if me is not None else set()
    followers = set(g.predecessors(me)) if me is not None else set()
    ids = g.vs["account_id"] if g.vcount() else []
    not_back = tuple(sorted(ids[v] for v in following - followers))
    # "never reply to me" of data that holds no one's replies to me (an archive) named
    # people as silent who may answer every time (a user's-eye review, 2026-12-06)
    mine, theirs, offered = (owner_reply_pairs(rm) if rm.available("replies").available
                             else ({}, {}, {}))
    unreturned = sorted(((k, n) for k, n in mine.items() if k not in theirs),
                        key=lambda p: (-p[1], p[0]))[:top]
    # Never offered as someone to get to know (``offered`` leaves out the read model's
    # ``unoffered``); the count is of replies read as neither toxic nor hateful.
    unanswered = sorted(((k, n) for k, n in offered.items() if k not in mine),
                        key=lambda p: (-p[1], p[0]))[:top]
    return OwnerReciprocity(owner_id, len(following), len(followers), not_back,
                            tuple(unreturned), tuple(unanswered))


def isolated_members(store: Store, follows: AccountGraph, membership: tuple[int, ...],
                     max_in: int = 1, top: int = 50, rm: ReadModel | None = None
                     ) -> tuple[tuple[str, int, int, int], ...]:
    """Accounts with at most ``max_in`` followers inside their own community.

    Returns ``(account key, community, followers inside, unanswered posts)``, those with
    the most unanswered posts (posts nobody else answered; through the read model ``rm``
    a reply read as toxic or hateful is no answer) first.
    """
    g = follows.graph
    if g.vcount() == 0:
        return ()
    member = np.asarray(membership)
    edges = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    inside = edges[member[edges[:, 0]] == member[edges[:, 1]]]
    in_inside = np.bincount(inside[:, 1], minlength=g.vcount())
    sizes = np.bincount(member)
    candidates = [v for v in range(g.vcount())
                  if in_inside[v] <= max_in and sizes[member[v]] >= 3]
    if not candidates:
        return ()
    keys = follows.keys()
    unanswered = unanswered_post_counts(store, np.asarray(g.vs[candidates]["platform"]),
                                        np.asarray(g.vs[candidates]["account_id"]), rm)
    rows = [(keys[v], int(member[v]), int(in_inside[v]), int(n))
            for v, n in zip(candidates, unanswered, strict=True)]
    rows.sort(key=lambda r: (-r[3], r[2], r[0]))
    return tuple(rows[:top])
