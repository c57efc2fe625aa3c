"""No response at all: my painful posts that got no like, no repost and no reply, against
my upbeat ones ("I tweeted that I had a big bad miserable headache: not one person
responded; my pottery lesson got tons of interaction")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from kindscope.metrics.common import Availability, share, unscored
from kindscope.store import aggregates
from kindscope.store.read import ReadModel

__all__ = ["MIN_POSTS", "NoResponseGroup", "NoResponse", "no_response"]

#: Fewest painful (and upbeat) posts before shares are compared.
MIN_POSTS = 5
#: A post counts only when the data runs at least this long past it.
WINDOW = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class NoResponseGroup:
    group: str  # "distress" or "upbeat"
    posts: int
    no_response: int
    share: float | None


@dataclass(frozen=True, slots=True)
class NoResponse:
    availability: Availability
    needs: str
    #: What counted as a response in this data, in words.
    counted: str | None = None
    groups: tuple[NoResponseGroup, ...] = ()
    minimum_posts: int = MIN_POSTS
    note: str | None = None


def no_response(rm: ReadModel) -> NoResponse:
    """Of my painful (distress or crisis) and my upbeat posts at least a week old: how many
    got no response at all, counting every response the data holds (likes and reposts,
    as counts on the post or seen in the data, and replies from others when they can be
    seen). Below ``MIN_POSTS`` painful or upbeat posts the shares are given but ``note``
    says they are too few to compare."""
    needs = "like and repost counts on your posts, or the replies to them, and signal scores"
    availability = rm.available("engagement")
    if availability.available and not rm.scored:
        availability = unscored(rm)
    if not availability.available:
        return NoResponse(availability, needs)
    counted = [w for w, item in (("likes", "engagement_counts"), ("reposts", "engagement_counts"),
                                 ("likes", "reactions"), ("replies", "others_replies"))
               if rm.carries.has(item)]
    words = " and ".join(dict.fromkeys(counted)) or "responses"
    counts = aggregates.no_response_counts(rm, WINDOW)
    groups = []
    for group in ("distress", "upbeat"):
        posts, silent = counts.get(group, (0, 0))
        groups.append(NoResponseGroup(group, posts, silent, share(silent, posts)))
    groups = tuple(groups)
    note = None
    if any(g.posts < MIN_POSTS for g in groups):
        note = (f"not enough posts to compare: {groups[0].posts} painful and "
                f"{groups[1].posts} upbeat posts at least a week old (needs {MIN_POSTS} of each)")
    return NoResponse(availability, needs, words, groups, MIN_POSTS, note)
