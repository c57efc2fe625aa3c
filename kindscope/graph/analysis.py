"""Everything ``kindscope network`` shows, in one call."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kindscope.errors import InputError
from kindscope.graph.audit import Audit, unfollow_audit
from kindscope.graph.communities import Partition
from kindscope.graph.diversity import Bridge, Spread, bridges, owner_spread
from kindscope.graph.norms import Community, community_number, describe_communities
from kindscope.graph.pipeline import (
    NO_TIES,
    build_network,
    carry_partition,
    ego_reason,
    network_of,
)
from kindscope.graph.reciprocity import (
    OwnerReciprocity,
    global_reciprocity,
    isolated_members,
    owner_reciprocity,
)
from kindscope.store.availability import Availability
from kindscope.store.db import Store
from kindscope.store.read import ReadModel, newest_owner, read_model
from kindscope.store.where import Where

__all__ = ["OwnerView", "NetworkReport", "analyse_network", "owner_read_model"]


@dataclass(frozen=True)
class OwnerView:
    """The owner's reciprocity, diversity and audit, and whether the data can show
    follow-back and unfollows at all (the report's availability)."""

    platform: str
    owner_id: str
    reciprocity: OwnerReciprocity
    follow_spread: Spread
    interaction_spread: Spread
    audit: Audit | None
    follow_back: Availability = Availability(True)
    unfollows: Availability = Availability(True)


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
    #: Why communities mean nothing here (an ego network around the owner), or None.
    ego_network: str | None = None
    #: Why the communities' ``distress_answered`` and ``median_minutes_to_first_reply``
    #: are null: the data does not hold others' replies (the report's rule), or None.
    replies_not_held: str | None = None
    #: What the communities' norms were read under: the model version of the scores and
    #: the end of the data (ISO 8601), as report.json's source gives them; None without a
    #: read model (no norms then).
    model_version: str | None = None
    until: str | None = None

    @property
    def no_communities(self) -> str | None:
        """Why there are no communities (and so no modularity), as the report says it; None
        when there are."""
        return NO_TIES if self.edges == 0 else self.ego_network

    def to_dict(self) -> dict:
        """As ``kindscope network --json`` gives it: no modularity where there are no
        communities (null, not 0.000); each community by the number every output gives it
        (``community_number``: 1 = largest), not its partition label."""
        data = asdict(self)
        if self.no_communities:
            data["modularity"] = None
        data["membership"] = {a: community_number(c) for a, c in self.membership.items()}
        for row in (*data["communities"], *data["bridges"]):
            row["community"] = community_number(row["community"])
        data["isolated"] = [(a, community_number(c), inside, unanswered)
                            for a, c, inside, unanswered in self.isolated]
        for owner in data["owners"]:
            for spread in (owner["follow_spread"], owner["interaction_spread"]):
                spread["largest_community"] = community_number(spread["largest_community"])
        if self.no_communities:  # one "community" of everyone is no finding, nor anything
            # measured against it (isolated members, how one's ties spread over it)
            data["membership"], data["communities"], data["bridges"] = {}, [], []
            data["isolated"] = []
            for owner in data["owners"]:
                owner["follow_spread"] = owner["interaction_spread"] = None
        return data


def owner_read_model(store: Store, me: str | None = None,
                     platform: str | None = None) -> ReadModel | None:
    """The read model of ``me`` (default: the owner of the newest import, on ``platform``
    if given, by ``read.newest_owner``, the one rule every command reads "me" by: a real
    owner before a placeholder such as a Mastodon CSV's "self"); None when no import names
    an owner (data of many people)."""
    if me:
        rm = read_model(store, me)
        if platform is not None and rm.platform != platform:
            rm.close()
            raise InputError(f"{me} is an account on {rm.platform}, not on {platform}: give "
                             f"--platform {rm.platform}, or leave --platform out", "--me")
        return rm
    if newest_owner(store, platform) is None:
        return None
    return read_model(store, platform=platform)


def _owner_view(rm: ReadModel, net, partition: Partition) -> OwnerView:
    graph, interactions = net.graph, net.interactions
    return OwnerView(
        rm.platform, rm.me, owner_reciprocity(rm, net.follows),
        owner_spread(graph, partition, rm.platform, rm.me),
        owner_spread(interactions, carry_partition(interactions, graph, partition),
                     rm.platform, rm.me),
        unfollow_audit(rm.store, rm.platform, rm.me),
        rm.available("follow_back"), rm.available("unfollows"))


def no_owner_norms(where: Where) -> str:
    """Why the communities' norms are null where no import names an owner (``where``: the
    data `kindscope community` should read)."""
    return ("no import names an owner, so posts are not read through one read model here "
            "and the communities' answered painful posts, time to a first answer and "
            f"toxicity are not given: `{where.command('community')}` gives them for data of "
            "many people")


def _both_ways(rm: ReadModel | None, kind: str) -> bool:
    """Whether the data can show ties returned: follows both ways for a follow graph,
    others' replies for an interaction graph. From one side only every tie reads as
    unreturned ("reciprocity 0.000" of a repository holding only the owner's follows)."""
    if rm is None:
        return True
    return rm.available("follow_back" if kind == "follow" else "replies").available


def analyse_network(store: Store, rm: ReadModel | None = None, platform: str | None = None,
                    seed: int | None = None, tries: int | None = None,
                    snapshots: str = "latest") -> NetworkReport:
    """Communities, reciprocity, diversity and audits of the follow graph.

    With a read model: its platform, its seed (``seed`` overrides it) and its scores, and
    one owner view for its owner; without one (no import names an owner): every platform
    or ``platform``, the ``seed`` setting, no owner view. Built by the same pipeline as
    the report's network section (:func:`kindscope.graph.pipeline.build_network`), so both
    find the same communities.
    """
    if rm is not None:
        net = (network_of(rm, tries, snapshots) if seed is None else
               build_network(store, rm.platform, seed, tries, snapshots))
    else:
        net = build_network(store, platform, seed, tries, snapshots)
    graph, partition = net.graph, net.partition
    keys = graph.keys()
    views = () if rm is None else (_owner_view(rm, net, partition),)
    communities = describe_communities(store, graph, partition, rm=rm)
    replies = None if rm is None else rm.available("replies")
    held = replies is not None and replies.available
    return NetworkReport(
        graph=net.kind, nodes=graph.graph.vcount(), edges=graph.graph.ecount(),
        reciprocity=global_reciprocity(graph) if _both_ways(rm, net.kind) else None,
        modularity=partition.modularity,
        seed=partition.seed, membership=dict(zip(keys, partition.membership, strict=True)),
        communities=communities,
        bridges=bridges(graph, partition),
        isolated=isolated_members(store, graph, partition.membership, rm=rm),
        owners=views, ego_network=None if rm is None else ego_reason(net, rm.platform, rm.me),
        replies_not_held=None if held else replies.reason if replies is not None
        else no_owner_norms(store.where),
        model_version=None if rm is None else rm.model_version,
        until=None if rm is None or rm.until is None
        else rm.until.isoformat(timespec="seconds"))
