"""Kindness both ways: how the replies to my painful posts read, and how I answer others."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from kindscope.metrics.corpus import (
    Availability,
    Corpus,
    Example,
    example_of,
    label_of,
    my_posts,
    my_replies,
    replies_from_others,
    threshold,
)
from kindscope.metrics.replies import NO_SCORES_REASON, replies_available

__all__ = [
    "MECHANISMS",
    "Responder",
    "Example",
    "KindnessReceived",
    "KindnessGiven",
    "kindness_received",
    "kindness_given",
]

MECHANISMS = ("support_er", "support_ip", "support_ex")
TOP_RESPONDERS = 5
MAX_EXAMPLES = 5


@dataclass(frozen=True, slots=True)
class Responder:
    account_id: str
    handle: str
    supportive_replies: int


@dataclass(frozen=True, slots=True)
class KindnessReceived:
    availability: Availability
    needs: str
    distress_posts: int = 0
    replies: int = 0
    supportive_share: float | None = None
    mechanism_shares: dict[str, float] | None = None
    toxic_share: float | None = None
    top_responders: tuple[Responder, ...] = ()


@dataclass(frozen=True, slots=True)
class KindnessGiven:
    availability: Availability
    needs: str
    replies: int = 0
    replies_with_parent: int = 0
    to_distress_share: float | None = None
    supportive_share: float | None = None
    median_reply_hours: float | None = None
    replies_timed: int = 0
    toxic_replies: int = 0
    toxic_examples: tuple[Example, ...] = ()
    note: str | None = None


def _is(corpus: Corpus, post_id: str, signal: str, thresholds) -> bool:
    return corpus.scores.get(post_id, {}).get(signal, 0.0) >= threshold(thresholds, signal)


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def kindness_received(corpus: Corpus,
                      thresholds: dict[str, float] | None = None) -> KindnessReceived:
    """Of the replies from others to my distress posts: the share supportive (support >=
    threshold), per empathy mechanism, the share toxic; the people who answered kindly most
    often."""
    needs = "replies from other people to your posts and signal scores"
    availability = replies_available(corpus)
    if availability.available and not corpus.scored:
        availability = Availability(False, NO_SCORES_REASON)
    if not availability.available:
        return KindnessReceived(availability, needs)
    distress = [p for p in my_posts(corpus)
                if label_of(corpus, p.post_id, thresholds) == "distress"]
    replies = [r for p in distress for r in replies_from_others(corpus, p.post_id)]
    n = len(replies)
    kind = [r for r in replies if _is(corpus, r.post_id, "support", thresholds)]
    mechanisms = {m: _share(sum(_is(corpus, r.post_id, m, thresholds) for r in replies), n)
                  for m in MECHANISMS} if n else None
    toxic = sum(_is(corpus, r.post_id, "toxicity", thresholds) for r in replies)
    counts = Counter(r.author_id for r in kind)
    top = tuple(Responder(a, corpus.handle(a), c)
                for a, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                [:TOP_RESPONDERS])
    return KindnessReceived(availability, needs, len(distress), n, _share(len(kind), n),
                            mechanisms, _share(toxic, n), top)


def _answered(corpus: Corpus, reply):
    """The post by someone else that ``reply`` answers, when it is in the data (a
    continuation of my own reply has my post as parent: not a post I answered)."""
    parent = corpus.posts.get(reply.reply_to_post_id or "")
    return parent if parent is not None and parent.author_id != corpus.me else None


def kindness_given(corpus: Corpus, thresholds: dict[str, float] | None = None) -> KindnessGiven:
    """Of my replies to others: the share to posts that read as distress (where the post
    replied to is in the data), the share supportive, the median hours I took to answer,
    and the toxic replies I sent."""
    needs = "your replies to others and signal scores (the posts you replied to for timing)"
    mine = my_replies(corpus)
    if not corpus.scored:
        return KindnessGiven(Availability(False, NO_SCORES_REASON), needs, replies=len(mine))
    if not mine:
        return KindnessGiven(Availability(False, "no replies of yours to other people"), needs)
    parents = [(r, _answered(corpus, r)) for r in mine]
    known = [(r, p) for r, p in parents if p is not None and p.post_id in corpus.scores]
    to_distress = sum(label_of(corpus, p.post_id, thresholds) == "distress" for _, p in known)
    hours = [(r.created_at - p.created_at).total_seconds() / 3600 for r, p in parents
             if p is not None and p.created_at is not None and r.created_at >= p.created_at]
    supportive = sum(_is(corpus, r.post_id, "support", thresholds) for r in mine)
    toxic = [r for r in mine if _is(corpus, r.post_id, "toxicity", thresholds)]
    note = None if known else (
        "the posts you replied to are not in this data, so whether they read as distress "
        "and how fast you answered cannot be seen")
    return KindnessGiven(
        Availability(True), needs, len(mine), len(known), _share(to_distress, len(known)),
        _share(supportive, len(mine)), float(np.median(hours)) if hours else None, len(hours),
        len(toxic), tuple(example_of(corpus, r, thresholds) for r in toxic[:MAX_EXAMPLES]), note)
