"""Replies to my posts: the void rate and the time to the first (supportive) reply."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from kindscope.metrics.common import Availability, Example, examples, replies_availability
from kindscope.store import aggregates
from kindscope.store.availability import remedy
from kindscope.store.read import ReadModel
from kindscope.store.where import HERE, Where

__all__ = ["GROUPS", "VoidGroup", "VoidRate", "ReplyTimes", "TimeToReply", "void_rate",
           "time_to_reply"]

GROUPS = ("distress", "upbeat", "other")
DAY = timedelta(hours=24)
WEEK = timedelta(days=7)
#: Unanswered painful posts listed in full (the report shows a few open, the rest folded:
#: ``report.html.MAX_EXAMPLES``).
MAX_UNANSWERED = 50


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
    #: of ``unanswered_7d``, posts whose only replies in the 7 days read as toxic or hateful
    hostile_only_7d: int = 0
    #: posts old enough for the window at the end of the data, but made while no capture
    #: that holds others' replies ran (where Jetstream captures are the only such source):
    #: whether anyone answered them cannot be seen, so they are in neither count
    not_captured_24h: int = 0
    not_captured_7d: int = 0


@dataclass(frozen=True, slots=True)
class VoidRate:
    availability: Availability
    needs: str
    groups: tuple[VoidGroup, ...] = ()
    #: My distress posts that got no reply within 7 days (newest first, a few).
    unanswered_distress: tuple[Example, ...] = ()
    #: Why some posts are in neither column though old enough (``not_captured_*``), with
    #: the command that gets their replies; None when there are none.
    not_captured: str | None = None


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


def void_rate(rm: ReadModel) -> VoidRate:
    """Share of my distress / upbeat / other posts with no answer from anyone else within
    24 hours and within 7 days.

    Self-replies do not count as answers, nor do replies read as toxic or hateful (as in the
    care queue: abuse is not an answer; ``hostile_only_7d`` counts the posts that got only
    such replies); deleted posts of mine are left out; a post made
    less than the window before the end of the data is not eligible for that window, nor
    is one no capture ran past where captures are the only source of others' replies
    (``not_captured_*``: ``read_sql.judged_sql``).
    Without signal scores every post is in "other"; a post that was not read (another
    language) is in no group.
    """
    needs = "replies from other people to your posts (with times); signal scores for groups"
    availability = replies_availability(rm, needs_scores=False)
    if not availability.available:
        return VoidRate(availability, needs)
    day, week = aggregates.void_counts(rm, DAY), aggregates.void_counts(rm, WEEK)
    groups = []
    for g in GROUPS:
        posts, e24, u24, _, n24 = day.get(g, (0, 0, 0, 0, 0))
        _, e7, u7, h7, n7 = week.get(g, (0, 0, 0, 0, 0))
        groups.append(VoidGroup(g, posts, e24, u24, u24 / e24 if e24 else None,
                                e7, u7, u7 / e7 if e7 else None, h7, n24, n7))
    silent = examples(aggregates.unanswered_examples(rm, WEEK, MAX_UNANSWERED))
    return VoidRate(availability, needs, tuple(groups), silent,
                    not_captured_note(rm.platform, groups, rm.carries.handle,
                                      rm.where))


def not_captured_note(platform: str, groups: list[VoidGroup], handle: str | None = None,
                      where: Where = HERE) -> str | None:
    """What the void rate leaves out because no capture ran past it, in one sentence (with
    the command that gets the replies into the data ``where`` names)."""
    week = sum(g.not_captured_7d for g in groups)
    day = sum(g.not_captured_24h for g in groups)
    if not week and not day:
        return None
    counts = " and ".join(f"{n} {'post' if n == 1 else 'posts'} in the {column} column"
                          for n, column in ((week, "7-day"), (day, "24-hour")) if n)
    return (f"Others' replies in this data come only from Jetstream captures, which hold "
            f"only what happened while they ran: whether anyone answered {counts} cannot "
            "be seen, so they are counted in neither "
            f"({remedy(platform, 'replies', handle, where)}).")


def time_to_reply(rm: ReadModel) -> TimeToReply:
    """Median and quartiles of the hours to the first reply and to the first supportive
    reply (support score >= its threshold), on my distress vs upbeat posts."""
    needs = "replies from other people to your posts (with times) and signal scores"
    availability = replies_availability(rm)
    if not availability.available:
        return TimeToReply(availability, needs)
    found = {(r[0], r[1]): r[2:] for r in aggregates.reply_time_quartiles(rm)}
    times = []
    for group in ("distress", "upbeat"):
        for kind in ("any", "supportive"):
            posts, answered, q1, med, q3 = found.get((group, kind), (0, 0, None, None, None))
            times.append(ReplyTimes(group, kind, int(posts), int(answered),
                                    _f(med), _f(q1), _f(q3)))
    return TimeToReply(availability, needs, tuple(times))


def _f(value) -> float | None:
    return None if value is None else float(value)
