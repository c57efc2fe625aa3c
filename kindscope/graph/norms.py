"""What each community is like: size, top terms and accounts, and its norms.

Norms come from the members' posts and the replies to them: the share of distress posts
that got an answer from someone else (a reply read as toxic or hateful is none), the median
time to the first answer, the toxicity
rate of the members' posts. Distress and toxicity are the read model's decisions (one
model version, one set of thresholds); with no read model or no scores for a signal the
norm is None rather than a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

import pyarrow as pa

from kindscope.graph.build import AccountGraph
from kindscope.graph.communities import Partition
from kindscope.signals.spelling import LEXICON
from kindscope.store.db import Store
from kindscope.store.network import community_post_stats, community_texts
from kindscope.store.read import ReadModel
from kindscope.terminal_text import for_terminal

__all__ = ["Community", "community_number", "community_title", "describe_communities",
           "name_communities"]

_WORD = re.compile(r"[^\W\d_][\w'-]{3,}", re.UNICODE)
_STOP = frozenset("""
about after again also always another anyone anything around back because been before
being better both can't come could didn't does doesn't doing done don't down each even
every from going good have having here it's just know last like little look made make
many more most much must need never next only other over really right said same should
since some still such sure take than thank thanks that that's their them then there these
they thing things think this those though through time today very want well were what
when where which while will with would year years you're your yours yourself http https
amp www com""".split())


@dataclass(frozen=True)
class Community:
    """One community. ``top_accounts`` are keys (ids as in the source) with the most
    followers inside it; rates are None when the needed posts or scores are missing."""

    community: int
    name: str
    size: int
    top_hashtags: tuple[str, ...]
    top_terms: tuple[str, ...]
    top_accounts: tuple[str, ...]
    posts: int
    distress_answered: float | None
    median_minutes_to_first_reply: float | None
    toxicity_rate: float | None


def community_number(community: int | None) -> int | None:
    """The number every output gives a community (pages, printed lines, ``report.json``,
    ``community.json``, ``kindscope network --json``): counted from 1, 1 = largest.
    Inside the code a community is its partition label, counted from 0."""
    return None if community is None else community + 1


def community_title(community: int, name: str) -> str:
    """How every output names a community: its number, then its name."""
    return f"community {community_number(community)}: {name}"


def _texts(store: Store, members: pa.Table, limit: int) -> dict[int, tuple[Counter, Counter]]:
    out: dict[int, tuple[Counter, Counter]] = {}
    for community, text, tags in community_texts(store, members, limit):
        terms, hashtags = out.setdefault(community, (Counter(), Counter()))
        hashtags.update({t.lower().lstrip("#") for t in tags or ()})
        # an escape sequence's payload ("ESC ] 0;pwned BEL", a window title) is no word
        plain = for_terminal(text or "")
        words = {w.lower() for w in _WORD.findall(re.sub(r"\S*[/@#]\S*", " ", plain))}
        terms.update(w for w in words if w not in _STOP)
    return out


def _top(counts: Counter, n: int) -> tuple[str, ...]:
    """The ``n`` most frequent, ties alphabetical: ``Counter.most_common`` breaks ties by
    first insertion, which follows set order and so the process's string hashing."""
    return tuple(t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


def describe_communities(store: Store, graph: AccountGraph, partition: Partition,
                         top: int = 5, max_posts: int = 200_000,
                         rm: ReadModel | None = None) -> tuple[Community, ...]:
    """Describe every community of ``partition`` over ``graph``; distress and toxicity
    rates only with a read model ``rm`` (its scores and thresholds), and the answered share
    and time to a first answer only where the data holds others' replies (the report's
    rule: 0.0 answered read as "no painful post was ever answered")."""
    g = graph.graph
    if g.vcount() == 0:
        return ()
    # without a read model nothing reads as toxic, so abuse would count as an answer (a
    # researcher's review, 2026-12-06): no answered share and no time to an answer then
    replies_held = rm is not None and rm.available("replies").available
    member = list(partition.membership)
    members = pa.table({"platform": g.vs["platform"], "account_id": g.vs["account_id"],
                        "community": member})
    stats = community_post_stats(store, members, rm)
    texts = _texts(store, members, max_posts)
    keys = graph.keys()
    inside = Counter()
    for s, t in g.get_edgelist():
        if member[s] == member[t]:
            inside[t] += 1
    ranked = sorted(range(g.vcount()), key=lambda v: (-inside[v], keys[v]))
    tops: dict[int, list[str]] = {}
    for v in ranked:
        bucket = tops.setdefault(member[v], [])
        if len(bucket) < top:
            bucket.append(keys[v])
    sizes = Counter(member)
    result = []
    for c in range(partition.count):
        posts, distress, answered, median, scored, toxic = stats.get(c, (0, 0, 0, None, 0, 0))
        terms, hashtags = texts.get(c, (Counter(), Counter()))
        top_tags, top_terms = _top(hashtags, top), _top(terms, top)
        result.append(Community(
            community=c,
            name="",  # named below, once every community's words are known
            size=sizes[c],
            top_hashtags=top_tags,
            top_terms=top_terms,
            top_accounts=tuple(tops.get(c, ())),
            posts=int(posts),
            distress_answered=(answered / distress) if distress and replies_held else None,
            median_minutes_to_first_reply=(None if median is None or not replies_held
                                           else float(median)),
            toxicity_rate=(toxic / scored) if scored else None,
        ))
    return name_communities(result)


#: Words never part of a community's name: insults, slurs and swearing (``spelling.LEXICON``)
#: and words of contempt. A name is a label on people: "nobody · pathetic · already" named a
#: community after a pile-on's words (a moderator's review, 2026-12-06). They stay in
#: ``top_terms``, which are counts.
NOT_IN_NAMES = LEXICON | frozenset("""
pathetic worthless useless disgusting trash garbage scum vermin ugly stupid dumb loser
losers idiots clown clowns freak freaks nobody hate hated hates dead death unalive rope
cowards coward scumbag scumbags pigs""".split())


def name_communities(communities) -> tuple[Community, ...]:
    """Each community with the one name the report and ``kindscope network`` show: its top
    two hashtags, then its top terms, those no other community shares first, three words in
    all, none of ``NOT_IN_NAMES``; "community N" (N counts from 1, as shown) when its
    members posted nothing."""
    shared = Counter(t for c in communities for t in set(c.top_terms))
    out = []
    for c in communities:
        terms = sorted((t for t in c.top_terms if t not in NOT_IN_NAMES),
                       key=lambda t: shared[t] > 1)  # stable: keeps rank
        words = [f"#{t}" for t in c.top_hashtags[:2] if t not in NOT_IN_NAMES] + terms
        name = " · ".join(words[:3]) or f"community {community_number(c.community)}"
        out.append(replace(c, name=name))
    return tuple(out)
