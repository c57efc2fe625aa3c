"""Pile-ons and trawlers in the store.

*Pile-on*: within ``window`` at least ``min_posts`` hostile replies or mentions aimed at one
account, from at least ``min_accounts`` accounts, most of them (``outside_share``) outside
that account's follow network. Hostile = toxicity or hate score >= 0.5 in
``signal_scores``. Without any such scores no pile-on is reported, and the result says so.

*Trawler*: one account replying, within ``window``, to at least ``min_posts`` different
posts of another account that were each older than ``min_age`` when replied to.

An incident's id is ``<kind>-`` plus the first 16 hex digits of the SHA-256 of its sorted
``platform:post_id`` list, so it stays the same across runs on the same data.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kindscope.store.db import Store

__all__ = ["Incident", "SafetyScan", "incident_id", "find_pileons", "find_trawlers", "scan"]

HOSTILE = ("toxicity", "hate")


@dataclass(frozen=True)
class Incident:
    """One pile-on or trawl: who was targeted, by whom, with which posts, and why."""

    id: str
    kind: str  # "pileon" or "trawler"
    platform: str
    target_id: str
    start: datetime
    end: datetime
    accounts: tuple[str, ...]
    posts: tuple[str, ...]
    scores: tuple[tuple[str, str, float], ...]  # (post id, signal, score)
    reason: str


@dataclass(frozen=True)
class SafetyScan:
    """All incidents, plus notes on what could not be checked."""

    pileons: tuple[Incident, ...]
    trawlers: tuple[Incident, ...]
    scored: bool
    notes: tuple[str, ...] = field(default_factory=tuple)


def incident_id(kind: str, platform: str, post_ids) -> str:
    text = "\n".join(sorted(f"{platform}:{p}" for p in post_ids))
    return f"{kind}-{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def _hostile_scores(store: Store) -> dict[tuple[str, str], dict[str, float]]:
    out: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for platform, post, signal, score in store.rows(
            "SELECT platform, post_id, signal, max(score) FROM signal_scores "
            "WHERE signal IN ('toxicity', 'hate') GROUP BY ALL"):
        out[(platform, post)][signal] = float(score)
    return out


def _network(store: Store) -> dict[tuple[str, str], set[str]]:
    ties: dict[tuple[str, str], set[str]] = defaultdict(set)
    for platform, a, b in store.rows(
            "SELECT DISTINCT platform, follower_id, followee_id FROM follows"):
        ties[(platform, a)].add(b)
        ties[(platform, b)].add(a)
    return ties


def _windows(items: list, window: timedelta, enough) -> list[list]:
    """Maximal runs of time-sorted ``(time, ...)`` items within ``window`` that satisfy
    ``enough``; runs do not overlap."""
    found, i = [], 0
    while i < len(items):
        j = i
        while j + 1 < len(items) and items[j + 1][0] - items[i][0] <= window:
            j += 1
        if enough(items[i:j + 1]):
            found.append(items[i:j + 1])
            i = j + 1
        else:
            i += 1
    return found


def find_pileons(store: Store, window: timedelta = timedelta(hours=6), min_posts: int = 5,
                 min_accounts: int = 3, outside_share: float = 0.6) -> tuple[Incident, ...]:
    """Pile-ons (see the module text); empty when there are no hostility scores."""
    scores = _hostile_scores(store)
    if not scores:
        return ()
    ties = _network(store)
    aimed = defaultdict(list)
    for platform, post, author, at, target in store.rows("""
            SELECT platform, post_id, author_id, created_at, reply_to_account_id FROM posts
            WHERE kind = 'post' AND reply_to_account_id IS NOT NULL AND created_at IS NOT NULL
            UNION
            SELECT p.platform, p.post_id, p.author_id, p.created_at, coalesce(a.account_id, m)
            FROM (SELECT *, unnest(mentions) AS m FROM posts WHERE kind = 'post'
                  AND created_at IS NOT NULL) p
            LEFT JOIN accounts a ON a.platform = p.platform
                 AND (a.account_id = p.m OR lower(a.handle) = lower(ltrim(p.m, '@')))"""):
        s = scores.get((platform, post), {})
        if author != target and max(s.values(), default=0.0) >= 0.5:
            aimed[(platform, target)].append((at, post, author, s))
    incidents = []
    for (platform, target), items in sorted(aimed.items()):
        items = sorted(set((a, p, u, tuple(sorted(s.items()))) for a, p, u, s in items))
        network = ties.get((platform, target), set())

        def enough(run, network=network):
            authors = {r[2] for r in run}
            outside = sum(a not in network for a in authors) / len(authors)
            return len(run) >= min_posts and len(authors) >= min_accounts and \
                outside >= outside_share
        for run in _windows(items, window, enough):
            authors = sorted({r[2] for r in run})
            outside = sum(a not in network for a in authors)
            posts = tuple(sorted({r[1] for r in run}))
            incidents.append(Incident(
                incident_id("pileon", platform, posts), "pileon", platform, target,
                run[0][0], run[-1][0], tuple(authors), posts,
                tuple(sorted({(r[1], sig, sc) for r in run for sig, sc in r[3]})),
                f"{len(posts)} hostile replies/mentions from {len(authors)} accounts "
                f"({outside} outside the target's follow network) within "
                f"{(run[-1][0] - run[0][0]).total_seconds() / 3600:.1f} h"))
    return tuple(incidents)


def find_trawlers(store: Store, window: timedelta = timedelta(days=2), min_posts: int = 5,
                  min_age: timedelta = timedelta(days=30)) -> tuple[Incident, ...]:
    """Trawlers (see the module text)."""
    rows = store.rows("""
        SELECT r.platform, r.author_id, o.author_id, r.created_at, r.post_id, o.post_id
        FROM posts r JOIN posts o ON o.platform = r.platform AND o.post_id = r.reply_to_post_id
        WHERE r.kind = 'post' AND r.author_id <> o.author_id
          AND r.created_at IS NOT NULL AND o.created_at IS NOT NULL
          AND r.created_at - o.created_at >= ?
        ORDER BY ALL""", [min_age])
    pairs = defaultdict(list)
    for platform, author, target, at, reply, original in rows:
        pairs[(platform, author, target)].append((at, reply, original))
    scores = _hostile_scores(store)
    incidents = []
    for (platform, author, target), items in sorted(pairs.items()):
        def enough(run):
            return len({r[2] for r in run}) >= min_posts
        for run in _windows(items, window, enough):
            posts = tuple(sorted({r[1] for r in run} | {r[2] for r in run}))
            replies = sorted({r[1] for r in run})
            incidents.append(Incident(
                incident_id("trawler", platform, posts), "trawler", platform, target,
                run[0][0], run[-1][0], (author,), posts,
                tuple(sorted((p, sig, sc) for p in replies
                             for sig, sc in scores.get((platform, p), {}).items())),
                f"{author} replied to {len({r[2] for r in run})} posts of {target} older "
                f"than {min_age.days} days within "
                f"{(run[-1][0] - run[0][0]).total_seconds() / 3600:.1f} h"))
    return tuple(incidents)


def scan(store: Store) -> SafetyScan:
    """Pile-ons and trawlers with default thresholds."""
    scored = bool(store.scalar(
        "SELECT count(*) FROM signal_scores WHERE signal IN ('toxicity', 'hate')"))
    notes = () if scored else (
        "no toxicity/hate scores in the database: pile-ons were not checked "
        "(score the posts first)",)
    return SafetyScan(find_pileons(store), find_trawlers(store), scored, notes)
