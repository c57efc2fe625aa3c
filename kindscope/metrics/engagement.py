"""Engagement with my posts: the kindness gap and what changed after a disclosure."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kindscope.metrics.common import Availability, unscored
from kindscope.store import aggregates
from kindscope.store.read import ReadModel

__all__ = [
    "MIN_GROUP",
    "MIN_WINDOW_POSTS",
    "WINDOW_WEEKS",
    "BOOTSTRAP_SAMPLES",
    "KindnessGap",
    "AfterDisclosure",
    "kindness_gap",
    "after_disclosure",
]

#: Fewest posts in each group (distress, upbeat) before the gap is given as a number.
MIN_GROUP = 5
#: Fewest posts on each side of a disclosure before a difference is given.
MIN_WINDOW_POSTS = 3
WINDOW_WEEKS = 4
BOOTSTRAP_SAMPLES = 2000


@dataclass(frozen=True, slots=True)
class KindnessGap:
    """Mean engagement on my distress posts divided by the mean on my upbeat posts."""

    availability: Availability
    needs: str
    distress_posts: int = 0
    upbeat_posts: int = 0
    distress_mean: float | None = None
    upbeat_mean: float | None = None
    ratio: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    minimum_per_group: int = MIN_GROUP
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AfterDisclosure:
    """Engagement per post in the weeks before vs after my first disclosure."""

    availability: Availability
    needs: str
    disclosure_post_id: str | None = None
    disclosure_at: str | None = None
    weeks: int = WINDOW_WEEKS
    before_posts: int = 0
    after_posts: int = 0
    before_mean: float | None = None
    after_mean: float | None = None
    difference: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    minimum_per_window: int = MIN_WINDOW_POSTS
    note: str | None = None
    #: such posts before the one compared, each with too few posts around it to compare
    earlier_disclosures: int = 0


def _boot_means(values: np.ndarray, rng: np.random.Generator, samples: int) -> np.ndarray:
    idx = rng.integers(0, len(values), size=(samples, len(values)))
    return values[idx].mean(axis=1)


def _interval(stats: np.ndarray) -> tuple[float | None, float | None]:
    stats = stats[np.isfinite(stats)]
    if len(stats) == 0:
        return None, None
    low, high = np.percentile(stats, [2.5, 97.5])
    return float(low), float(high)


def _availability(rm: ReadModel) -> Availability:
    available = rm.available("engagement")
    if available.available and not rm.scored:
        return unscored(rm)
    return available


def kindness_gap(rm: ReadModel, samples: int = BOOTSTRAP_SAMPLES) -> KindnessGap:
    """Ratio of mean engagement (replies from others + likes + reposts) on my distress posts
    to that on my upbeat posts, with a percentile bootstrap 95% interval (each group
    resampled with replacement, ``samples`` times, ``numpy.random.default_rng(rm.seed)``).

    Below ``MIN_GROUP`` posts in either group, or when upbeat posts got no engagement at
    all, the ratio is None and ``note`` says why.
    """
    needs = "engagement on your posts (replies, likes or reposts) and signal scores"
    availability = _availability(rm)
    if not availability.available:
        return KindnessGap(availability, needs)
    d = aggregates.engagement_values(rm, "distress")
    u = aggregates.engagement_values(rm, "upbeat")
    base = dict(distress_posts=len(d), upbeat_posts=len(u),
                distress_mean=float(d.mean()) if len(d) else None,
                upbeat_mean=float(u.mean()) if len(u) else None)
    if len(d) < MIN_GROUP or len(u) < MIN_GROUP:
        return KindnessGap(availability, needs, **base, note=(
            f"not enough data: needs at least {MIN_GROUP} distress and {MIN_GROUP} upbeat posts"))
    if u.mean() == 0:
        return KindnessGap(availability, needs, **base,
                           note="your upbeat posts got no engagement either: no ratio")
    rng = np.random.default_rng(rm.seed)
    dm, um = _boot_means(d, rng, samples), _boot_means(u, rng, samples)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = np.where(um > 0, dm / np.where(um > 0, um, 1), np.nan)
    low, high = _interval(ratios)
    return KindnessGap(availability, needs, **base, ratio=float(d.mean() / u.mean()),
                       ci_low=low, ci_high=high)


def after_disclosure(rm: ReadModel, samples: int = BOOTSTRAP_SAMPLES) -> AfterDisclosure:
    """Mean engagement per post of mine in the ``WINDOW_WEEKS`` weeks after a crisis-level
    (crisis >= threshold) or strongly distressed (distress >= 0.8) post, minus the mean in
    the weeks before; bootstrap 95% interval of the difference. The post is my first such
    post with at least ``MIN_WINDOW_POSTS`` posts in each window (the data often starts or
    ends with one); it is itself in neither window."""
    needs = "engagement on your posts, their dates, and signal scores"
    availability = _availability(rm)
    if not availability.available:
        return AfterDisclosure(availability, needs)
    found = aggregates.disclosures(rm, WINDOW_WEEKS)
    if not found:
        return AfterDisclosure(availability, needs,
                               note="no post of yours that read as very painful was found")
    comparable = [i for i, (*_, before_n, after_n) in enumerate(found)
                  if min(before_n, after_n) >= MIN_WINDOW_POSTS]
    if not comparable:
        n = len(found)
        which = "your post that read as very painful has" if n == 1 else \
            f"none of your {n} posts that read as very painful has"
        return AfterDisclosure(availability, needs, note=(
            f"not enough data: {which} {MIN_WINDOW_POSTS} or more posts of yours in the "
            f"{WINDOW_WEEKS} weeks before it and in the {WINDOW_WEEKS} weeks after it"))
    post_id, at, *_ = found[comparable[0]]
    before, after = aggregates.window_engagement(rm, at, WINDOW_WEEKS)
    base = dict(disclosure_post_id=post_id, disclosure_at=at.isoformat(),
                before_posts=len(before), after_posts=len(after),
                before_mean=float(before.mean()) if len(before) else None,
                after_mean=float(after.mean()) if len(after) else None,
                earlier_disclosures=comparable[0])
    rng = np.random.default_rng(rm.seed)
    diffs = _boot_means(after, rng, samples) - _boot_means(before, rng, samples)
    low, high = _interval(diffs)
    return AfterDisclosure(availability, needs, **base,
                           difference=float(after.mean() - before.mean()),
                           ci_low=low, ci_high=high)
