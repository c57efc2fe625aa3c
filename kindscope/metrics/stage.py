"""Front stage / back stage: how much of what I post is upbeat vs personal disclosure."""

from __future__ import annotations

from dataclasses import dataclass

from kindscope.metrics.common import Availability, unscored
from kindscope.store import aggregates
from kindscope.store.read import ReadModel

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


def front_back_stage(rm: ReadModel) -> FrontBackStage:
    """Per calendar month (UTC): the share of my posts that read as upbeat/self-promotion
    (front stage) and as personal disclosure, i.e. distress or crisis (back stage). Every
    month with a post of mine is given."""
    needs = "your own posts with dates and signal scores"
    if not rm.scored:
        return FrontBackStage(unscored(rm), needs)
    rows = aggregates.stage_months(rm)
    if not rows:
        return FrontBackStage(Availability(False, "no posts of yours in the data"), needs)
    months = tuple(StageMonth(m, int(n), int(up), int(down), up / n, down / n)
                   for m, n, up, down in rows)
    total = sum(m.posts for m in months)
    return FrontBackStage(Availability(True), needs, months,
                          sum(m.upbeat for m in months) / total,
                          sum(m.distress for m in months) / total)
