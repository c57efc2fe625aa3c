"""Front stage / back stage: how much of what I post is upbeat vs personal disclosure."""

from __future__ import annotations

from dataclasses import dataclass

from kindscope.metrics.corpus import Availability, Corpus, label_of, my_posts
from kindscope.metrics.replies import NO_SCORES_REASON

__all__ = ["StageMonth", "FrontBackStage", "front_back_stage"]


@dataclass(frozen=True, slots=True)
class StageMonth:
    month: str  # YYYY-MM (UTC)
    posts: int
    upbeat: int
    distress: int
    upbeat_share: float
    distress_share: float


@dataclass(frozen=True, slots=True)
class FrontBackStage:
    availability: Availability
    needs: str
    months: tuple[StageMonth, ...] = ()
    upbeat_share: float | None = None
    distress_share: float | None = None


def front_back_stage(corpus: Corpus,
                     thresholds: dict[str, float] | None = None) -> FrontBackStage:
    """Per calendar month (UTC): the share of my posts that read as upbeat/self-promotion
    (front stage) and as personal disclosure, i.e. distress or crisis (back stage)."""
    needs = "your own posts with dates and signal scores"
    posts = my_posts(corpus)
    if not corpus.scored:
        return FrontBackStage(Availability(False, NO_SCORES_REASON), needs)
    if not posts:
        return FrontBackStage(Availability(False, "no posts of yours in the data"), needs)
    by_month: dict[str, list[str | None]] = {}
    for post in posts:
        month = post.created_at.strftime("%Y-%m")
        by_month.setdefault(month, []).append(label_of(corpus, post.post_id, thresholds))
    months = []
    for month in sorted(by_month):
        labels = by_month[month]
        up, down = labels.count("upbeat"), labels.count("distress")
        months.append(StageMonth(month, len(labels), up, down, up / len(labels),
                                 down / len(labels)))
    total = len(posts)
    return FrontBackStage(Availability(True), needs, tuple(months),
                          sum(m.upbeat for m in months) / total,
                          sum(m.distress for m in months) / total)
