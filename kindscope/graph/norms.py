"""What each community is like: size, top terms and accounts, and its norms.

Norms come from the members' posts and the replies to them: the share of distress posts
that got an answer from someone else, the median time to the first reply, the toxicity
rate of the members' posts. Distress and toxicity read ``signal_scores`` (score >= 0.5);
with no scores for a signal the norm is None rather than a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pyarrow as pa

from kindscope.graph.build import AccountGraph
from kindscope.graph.communities import Partition
from kindscope.store.db import Store

__all__ = ["Community", "describe_communities"]

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


def _has_signal(store: Store, signal: str) -> bool:
    return bool(store.scalar("SELECT count(*) FROM signal_scores WHERE signal = ?", [signal]))


def _post_stats(store: Store, members: pa.Table) -> dict[int, tuple]:
    store.con.register("_members", members)
    try:
        rows = store.rows("""
            WITH mine AS (
                SELECT m.community, p.platform, p.post_id, p.author_id, p.created_at
                FROM posts p JOIN _members m
                  ON m.platform = p.platform AND m.account_id = p.author_id
                WHERE p.kind = 'post'),
            first AS (
                SELECT r.platform, r.reply_to_post_id AS post_id, min(r.created_at) AS at
                FROM posts r JOIN mine ON mine.platform = r.platform
                  AND mine.post_id = r.reply_to_post_id AND r.author_id <> mine.author_id
                GROUP BY ALL),
            scores AS (SELECT platform, post_id, signal, max(score) AS score
                       FROM signal_scores GROUP BY ALL)
            SELECT mine.community, count(*),
                   count(*) FILTER (d.score >= 0.5),
                   count(*) FILTER (d.score >= 0.5 AND first.at IS NOT NULL),
                   median(epoch(first.at) - epoch(mine.created_at)) / 60.0,
                   count(t.score), count(*) FILTER (t.score >= 0.5)
            FROM mine
            LEFT JOIN first ON first.platform = mine.platform AND first.post_id = mine.post_id
            LEFT JOIN scores d ON d.platform = mine.platform AND d.post_id = mine.post_id
                              AND d.signal = 'distress'
            LEFT JOIN scores t ON t.platform = mine.platform AND t.post_id = mine.post_id
                              AND t.signal = 'toxicity'
            GROUP BY mine.community""")
    finally:
        store.con.unregister("_members")
    return {r[0]: r[1:] for r in rows}


def _texts(store: Store, members: pa.Table, limit: int) -> dict[int, tuple[Counter, Counter]]:
    store.con.register("_members", members)
    try:
        rows = store.rows("""
            SELECT m.community, p.text, p.hashtags FROM posts p
            JOIN _members m ON m.platform = p.platform AND m.account_id = p.author_id
            WHERE p.kind = 'post' ORDER BY p.created_at DESC NULLS LAST LIMIT ?""", [limit])
    finally:
        store.con.unregister("_members")
    out: dict[int, tuple[Counter, Counter]] = {}
    for community, text, tags in rows:
        terms, hashtags = out.setdefault(community, (Counter(), Counter()))
        hashtags.update({t.lower().lstrip("#") for t in tags or ()})
        words = {w.lower() for w in _WORD.findall(re.sub(r"\S*[/@#]\S*", " ", text or ""))}
        terms.update(w for w in words if w not in _STOP)
    return out


def describe_communities(store: Store, graph: AccountGraph, partition: Partition,
                         top: int = 5, max_posts: int = 200_000) -> tuple[Community, ...]:
    """Describe every community of ``partition`` over ``graph`` (largest first)."""
    g = graph.graph
    if g.vcount() == 0:
        return ()
    member = list(partition.membership)
    members = pa.table({"platform": g.vs["platform"], "account_id": g.vs["account_id"],
                        "community": member})
    stats = _post_stats(store, members)
    texts = _texts(store, members, max_posts)
    has_distress, has_toxicity = _has_signal(store, "distress"), _has_signal(store, "toxicity")
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
        top_tags = tuple(t for t, _ in hashtags.most_common(top))
        top_terms = tuple(t for t, _ in terms.most_common(top))
        label = [f"#{t}" for t in top_tags[:2]] + list(top_terms[:3 - min(2, len(top_tags))])
        result.append(Community(
            community=c,
            name=" · ".join(label) if label else f"community {c}",
            size=sizes[c],
            top_hashtags=top_tags,
            top_terms=top_terms,
            top_accounts=tuple(tops.get(c, ())),
            posts=int(posts),
            distress_answered=(answered / distress) if has_distress and distress else None,
            median_minutes_to_first_reply=None if median is None else float(median),
            toxicity_rate=(toxic / scored) if has_toxicity and scored else None,
        ))
    return tuple(result)
