"""Replies to my posts: the void rate and the time to the first (supportive) reply."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import numpy as np

from kindscope.metrics.corpus import (
    Availability,
    Corpus,
    Example,
    example_of,
    label_of,
    my_posts,
    replies_from_others,
    threshold,
)

__all__ = [
    "GROUPS",
    "NO_REPLIES_REASON",
    "VoidGroup",
    "VoidRate",
    "ReplyTimes",
    "TimeToReply",
    "replies_available",
    "void_rate",
    "time_to_reply",
]

GROUPS = ("distress", "upbeat", "other")
DAY = timedelta(hours=24)
WEEK = timedelta(days=7)
MAX_EXAMPLES = 5
NO_REPLIES_REASON = (
    "not available for this source: replies from other people to your posts cannot be seen "
    "(an X or Mastodon archive or a Bluesky repository holds only your own posts unless the "
    "threads were fetched, and no post by someone else in this data replies to yours)"
)
NO_SCORES_REASON = "the posts have not been scored by the text signals yet"


@dataclass(frozen=True, slots=True)
class VoidGroup:
    """Void rate of one group of my posts. ``eligible_*`` excludes posts too recent to judge."""

    group: str
    posts: int
    eligible_24h: int
    unanswered_24h: int
    rate_24h: float | None
    eligible_7d: int
    unanswered_7d: int
    rate_7d: float | None


@dataclass(frozen=True, slots=True)
class VoidRate:
    availability: Availability
    needs: str
    groups: tuple[VoidGroup, ...] = ()
    #: My distress posts that got no reply within 7 days (newest first, a few).
    unanswered_distress: tuple[Example, ...] = ()


@dataclass(frozen=True, slots=True)
class ReplyTimes:
    """Hours from my post to the first reply, over the posts that got one."""

    group: str
    kind: str  # "any" or "supportive"
    posts: int
    answered: int
    median_hours: float | None
    q1_hours: float | None
    q3_hours: float | None


@dataclass(frozen=True, slots=True)
class TimeToReply:
    availability: Availability
    needs: str
    times: tuple[ReplyTimes, ...] = ()


def replies_available(corpus: Corpus) -> Availability:
    if not corpus.replies_visible:
        return Availability(False, NO_REPLIES_REASON)
    return Availability(True)


def _grouped(corpus: Corpus, thresholds) -> dict[str, list]:
    groups: dict[str, list] = {g: [] for g in GROUPS}
    for post in my_posts(corpus):
        label = label_of(corpus, post.post_id, thresholds) if corpus.scored else "other"
        groups[label or "other"].append(post)
    return groups


def _first_delay(corpus: Corpus, post, supportive_at: float | None = None):
    for reply in replies_from_others(corpus, post.post_id):
        if reply.created_at < post.created_at:
            continue  # clock skew or a misdated reply: not a reply in time
        if supportive_at is not None:
            score = corpus.scores.get(reply.post_id, {}).get("support", 0.0)
            if score < supportive_at:
                continue
        return reply.created_at - post.created_at
    return None


def _void_group(corpus: Corpus, group: str, posts: list) -> VoidGroup:
    counts = {}
    for name, window in (("24h", DAY), ("7d", WEEK)):
        eligible = [p for p in posts if corpus.observed_until is None
                    or corpus.observed_until - p.created_at >= window]
        unanswered = sum(_unanswered(corpus, p, window) for p in eligible)
        rate = unanswered / len(eligible) if eligible else None
        counts[name] = (len(eligible), unanswered, rate)
    return VoidGroup(group, len(posts), *counts["24h"], *counts["7d"])


def void_rate(corpus: Corpus, thresholds: dict[str, float] | None = None) -> VoidRate:
    """Share of my distress / upbeat / other posts with no reply from anyone else within
    24 hours and within 7 days.

    Self-replies do not count as answers; deleted posts of mine are left out; a post made
    less than the window before the end of the data is not eligible for that window.
    Without signal scores every post is in "other".
    """
    needs = "replies from other people to your posts (with times); signal scores for groups"
    availability = replies_available(corpus)
    if not availability.available:
        return VoidRate(availability, needs)
    groups = _grouped(corpus, thresholds)
    result = tuple(_void_group(corpus, g, groups[g]) for g in GROUPS)
    silent = [p for p in reversed(groups["distress"]) if _unanswered(corpus, p, WEEK)]
    examples = tuple(example_of(corpus, p, thresholds) for p in silent[:MAX_EXAMPLES])
    return VoidRate(availability, needs, result, examples)


def _unanswered(corpus: Corpus, post, window: timedelta) -> bool:
    if corpus.observed_until is not None and corpus.observed_until - post.created_at < window:
        return False
    delay = _first_delay(corpus, post)
    return delay is None or delay > window


def _quartiles(hours: list[float]) -> tuple[float | None, float | None, float | None]:
    if not hours:
        return None, None, None
    q1, med, q3 = np.percentile(np.asarray(hours, dtype=float), [25, 50, 75])
    return float(med), float(q1), float(q3)


def time_to_reply(corpus: Corpus, thresholds: dict[str, float] | None = None) -> TimeToReply:
    """Median and quartiles of the hours to the first reply and to the first supportive
    reply (support score >= its threshold), on my distress vs upbeat posts."""
    needs = "replies from other people to your posts (with times) and signal scores"
    availability = replies_available(corpus)
    if availability.available and not corpus.scored:
        availability = Availability(False, NO_SCORES_REASON)
    if not availability.available:
        return TimeToReply(availability, needs)
    groups = _grouped(corpus, thresholds)
    support_at = threshold(thresholds, "support")
    times = []
    for group in ("distress", "upbeat"):
        for kind, cut in (("any", None), ("supportive", support_at)):
            delays = [_first_delay(corpus, p, cut) for p in groups[group]]
            hours = [d.total_seconds() / 3600 for d in delays if d is not None]
            med, q1, q3 = _quartiles(hours)
            times.append(ReplyTimes(group, kind, len(groups[group]), len(hours), med, q1, q3))
    return TimeToReply(availability, needs, tuple(times))
