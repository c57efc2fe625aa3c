"""The report's ``network`` key: the owner's communities, reciprocity, diversity, bridges
and unfollow audit, built from the public functions of :mod:`kindscope.graph`.

Every piece carries ``available`` and ``reason``: an X archive is an *ego network* (only
the owner's own follows and followers, no ties among the others), so its "communities"
would be one trivial blob; the report says so instead of showing it. Costs stay bounded:
Leiden is linear-ish, betweenness only runs on small graphs (``graph.diversity.bridges``),
and lists are capped.
"""

from __future__ import annotations

from collections import Counter

from kindscope.graph.audit import unfollow_audit
from kindscope.graph.build import AccountGraph
from kindscope.graph.diversity import Spread, bridges, owner_spread
from kindscope.graph.norms import community_number, community_title, describe_communities
from kindscope.graph.pipeline import NO_TIES, carry_partition, ego_reason, network_of
from kindscope.graph.reciprocity import global_reciprocity, owner_reciprocity
from kindscope.metrics.common import replies_availability
from kindscope.store.read import ReadModel

__all__ = ["NETWORK_NEEDS", "network_section", "diversity_reading", "spread_words",
           "spread_verb"]

NETWORK_NEEDS = ("follow lists (who follows whom) or conversations (replies, mentions, "
                 "likes) between accounts")
_LIST = 20  # longest list of handles kept in report.json
_BRIDGES = 8  # bridges shown


def _piece(available: bool, reason: str | None = None, **values) -> dict:
    return {"available": available, "reason": None if available else reason, **values}


def _account(handles: dict[str, str], account_id: str, **more) -> dict:
    """An account as every list in the report gives one: its id, and its handle where the
    data has one (else None: an id is never passed off as a handle)."""
    return {"account_id": account_id, "handle": handles.get(account_id) or None, **more}


def _spread_dict(s: Spread) -> dict:
    return {"ties": s.total, "communities": s.communities,
            "largest_community": community_number(s.largest_community),
            "largest_share": s.largest_share, "in_largest": s.in_largest, "entropy": s.entropy}


def spread_words(s: Spread, counted: str) -> str:
    """What the largest share of a spread counts, in words. ``counted`` is "follows" (the
    accounts I follow, one each: "3 of the 6 accounts you follow") or "interactions" (my
    replies, mentions, reposts and likes, weighted: "about 42% of your replies, ...")."""
    if counted == "follows":
        if round(s.total) == 1:
            return "the one account you follow"
        return f"{s.in_largest} of the {s.total:.0f} accounts you follow"
    return f"about {s.largest_share:.0%} of your replies, mentions, reposts and likes (by weight)"


def spread_verb(total: float, counted: str) -> str:
    """The verb after :func:`spread_words`: "sit in", "sits in" (one account), "go to"."""
    if counted != "follows":
        return "go to"
    return "sits in" if round(total) == 1 else "sit in"


def diversity_reading(s: Spread, counted: str = "follows", name: str | None = None) -> str:
    """A plain-language reading of how concentrated the owner's follows (or interactions)
    are, saying what it counts; ``name`` is the largest community's, as shown."""
    if s.largest_share is None:
        return "There is nothing here to read."
    which = f"one community ({name})" if name else "one community"
    follows = counted == "follows"
    whole = (f"{s.total:.0f} accounts you follow" if follows
             else "your replies, mentions, reposts and likes")
    verb = spread_verb(s.total, counted)
    part = spread_words(s, counted)
    part = part[:1].upper() + part[1:]
    if s.communities <= 1:
        everything = part if follows and round(s.total) == 1 else f"All {whole}"
        return (f"{everything} {verb} {which}. That can be a close, warm circle; it can also "
                "mean you mostly hear one set of voices.")
    if s.largest_share >= 0.8:
        return (f"{part} {verb} {which}: your feed may echo one set of voices. The bridge "
                "accounts below reach further.")
    if s.largest_share >= 0.5:
        return (f"{part} {verb} {which} and the rest spread over {s.communities - 1} more: a "
                "home base with some windows out.")
    most = (f"{s.in_largest} of them" if follows
            else f"{s.largest_share:.0%} of them by weight")
    subject = f"The {whole}" if follows else f"Y{whole[1:]}"  # "your replies, ..."
    return (f"{subject} spread over {s.communities} communities (no one community holds "
            f"more than {most}; evenness {s.entropy or 0:.2f} of 1): a varied network.")


def _communities(graph, partition, described, me, ego) -> dict:
    if graph.graph.ecount() == 0:
        return _piece(False, NO_TIES)
    if ego:
        return _piece(False, ego, count=None, modularity=None, around_me=[])
    g = graph.graph
    mine = Counter()
    if me is not None:
        for v in set(g.neighbors(me, mode="all")):
            mine[partition.membership[v]] += 1
    order = sorted(described, key=lambda c: (-mine[c.community], -c.size, c.community))
    # "label" is kept for readers of schema 1.2.0: since 1.3.0 the same one name
    rows = [{"community": community_number(c.community), "name": c.name, "label": c.name,
             "size": c.size, "my_ties": mine[c.community], "top_terms": list(c.top_terms),
             "top_hashtags": list(c.top_hashtags), "posts": c.posts,
             "distress_answered": c.distress_answered,
             "median_minutes_to_first_reply": c.median_minutes_to_first_reply,
             "toxicity_rate": c.toxicity_rate}
            for c in order[:8] if mine[c.community] or me is None]
    note = None
    if partition.count <= 1:
        note = "Only one community was found: the accounts here are all tied together."
    return _piece(True, count=partition.count, modularity=partition.modularity,
                  my_ties=sum(mine.values()), around_me=rows, note=note)


def _reciprocity(rm: ReadModel, follows: AccountGraph, recip, handles) -> dict:
    if follows.graph.ecount() == 0:
        return {**_piece(False, "this source has no follow lists"), "global": None}
    carried = rm.available("follow_back")
    if not carried.available:
        # one direction only (the owner's own follows): every tie reads as unreturned, so
        # a share of returned ties would be 0 whatever the truth
        return {**_piece(False, carried.reason, follows=recip.follows, followers=None,
                         follow_back_share=None, not_following_back=None,
                         not_following_back_sample=[]),
                "global": None}
    not_back = list(recip.not_following_back)
    share = None if not recip.follows else 1 - len(not_back) / recip.follows
    out = _piece(recip.follows > 0 or recip.followers > 0,
                 "your own follows and followers are not in this data",
                 follows=recip.follows, followers=recip.followers, follow_back_share=share,
                 not_following_back=len(not_back),
                 not_following_back_sample=[_account(handles, a) for a in not_back[:_LIST]])
    out["global"] = global_reciprocity(follows)
    return out


def _unanswered(rm: ReadModel, recip, handles) -> dict:
    # the list leaves out senders of replies read as toxic or hateful: unread, it listed
    # them among people "you would like to know better" (a user's-eye review, 2026-12-06)
    replies = replies_availability(rm)
    if not replies.available:
        return _piece(False, replies.reason, count=None, accounts=[])
    rows = [_account(handles, a, replies=n) for a, n in recip.unanswered_repliers]
    return _piece(True, count=len(rows), accounts=rows[:_LIST])


def _diversity(follows, graph, interactions, partition, platform, me, ego, names) -> dict:
    if graph.graph.ecount() == 0:
        return _piece(False, NO_TIES)
    if ego:
        return _piece(False, ego + "; how spread your ties are cannot be measured",
                      follows=None, interactions=None, reading=None)
    by_follow = owner_spread(graph, partition, platform, me) if graph is follows else None
    by_talk = owner_spread(interactions, carry_partition(interactions, graph, partition),
                           platform, me)
    counted = "follows" if by_follow is not None and by_follow.total else "interactions"
    main = by_follow if counted == "follows" else by_talk
    if not main.total:
        return _piece(False, "you have no ties in this graph", follows=None,
                      interactions=None, reading=None)
    largest = main.largest_community
    name = None if largest is None or largest not in names else \
        community_title(largest, names[largest])
    return _piece(True, follows=None if by_follow is None else _spread_dict(by_follow),
                  interactions=_spread_dict(by_talk), counted=counted,
                  reading=diversity_reading(main, counted, name))


def _bridges(rm: ReadModel, graph, partition, me_key, ego, handles) -> dict:
    if graph.graph.ecount() == 0 or ego or partition.count <= 1:
        reason = ego if ego else "there is only one community, so nothing to bridge"
        return _piece(False, reason, accounts=[])
    # as "People who reply to you" (read_sql: unoffered)
    hidden = rm.unoffered_accounts()
    ids = dict(zip(graph.keys(), graph.graph.vs["account_id"], strict=True))
    rows, left_out = [], 0
    for b in bridges(graph, partition, top=_BRIDGES + 1 + len(hidden)):
        if len(rows) == _BRIDGES:
            break
        if b.account == me_key:
            continue
        if ids.get(b.account, b.account) in hidden:
            left_out += 1
            continue
        rows.append(_account(handles, b.account, community=community_number(b.community),
                             participation=b.participation, betweenness=b.betweenness,
                             degree=b.degree))
    return _piece(True, accounts=rows, left_out=left_out)


def _audit(rm: ReadModel, handles) -> dict:
    audit = unfollow_audit(rm.store, rm.platform, rm.me)
    if audit is None:
        carried = rm.available("unfollows")
        return _piece(False, carried.reason or "needs two imports of the same account (an "
                             "older and a newer export) to compare")
    followers, following = ("followers" in audit.compared, "following" in audit.compared)
    return _piece(True, before=audit.before, after=audit.after,
                  not_compared=list(audit.not_compared),
                  unfollowed_me=len(audit.unfollowed_me) if followers else None,
                  unfollowed_me_sample=[_account(handles, a)
                                        for a in audit.unfollowed_me[:_LIST]],
                  new_followers=len(audit.new_followers) if followers else None,
                  i_stopped_following=len(audit.i_stopped_following) if following else None,
                  i_started_following=len(audit.i_started_following) if following else None,
                  bursts=[{"kind": b.kind, "count": b.count, "share": b.share}
                          for b in audit.bursts])


def network_section(rm: ReadModel, handles) -> dict:
    """The ``network`` key of report.json for the read model's owner (its platform, seed
    and scores; the graph and communities of :func:`kindscope.graph.pipeline.network_of`,
    as ``kindscope network`` finds them)."""
    platform, me = rm.platform, rm.me
    net = network_of(rm)
    graph, kind, follows, partition = net.graph, net.kind, net.follows, net.partition
    if graph.graph.ecount() == 0:
        return _piece(False, "this data holds no follows and no conversations between "
                             "accounts", needs=NETWORK_NEEDS, graph=None)
    me_index = graph.index().get((platform, me))
    me_key = graph.keys()[me_index] if me_index is not None else me
    ego = ego_reason(net, platform, me)
    described = () if ego else describe_communities(rm.store, graph, partition, rm=rm)
    names = {c.community: c.name for c in described}
    recip = owner_reciprocity(rm, follows)
    return _piece(
        True, needs=NETWORK_NEEDS, graph=kind, nodes=graph.graph.vcount(),
        edges=graph.graph.ecount(), ego_network=ego is not None,
        communities=_communities(graph, partition, described, me_index, ego),
        reciprocity=_reciprocity(rm, follows, recip, handles),
        unanswered_repliers=_unanswered(rm, recip, handles),
        diversity=_diversity(follows, graph, net.interactions, partition, platform, me, ego,
                             names),
        bridges=_bridges(rm, graph, partition, me_key, ego, handles),
        unfollow_audit=_audit(rm, handles))
