"""Kindness both ways: how the replies to my painful posts read, and how I answer others."""

from __future__ import annotations

from dataclasses import dataclass

from kindscope.metrics.common import (
    Availability,
    Example,
    examples,
    replies_availability,
    share,
    unscored,
)
from kindscope.store import aggregates
from kindscope.store.read import ReadModel

__all__ = ["MECHANISMS", "Responder", "KindnessReceived", "KindnessGiven",
           "kindness_received", "kindness_given"]

MECHANISMS = ("support_er", "support_ip", "support_ex")
TOP_RESPONDERS = 5
#: Replies of mine read as harsh that the report can show (oldest first).
MAX_MIRROR = 50


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
    #: of ``replies``, those read as neither toxic nor hateful whose words tell me to die
    #: (the stored ``death_wish``): never supportive, and said beside the shares
    wish_words: int = 0


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
    #: of ``replies``, those that were read (scored; not in a language the signals do not
    #: read): what ``supportive_share`` is a share of
    replies_read: int = 0


def kindness_received(rm: ReadModel) -> KindnessReceived:
    """Of the (read) replies from others to my distress posts: the share supportive
    (support >= threshold, and not hostile: read as toxic or hateful, or with words that tell
    someone to die), per empathy mechanism, the
    share toxic; the people who answered kindly most often, never one whose posts aimed
    at me are mostly hostile."""
    needs = "replies from other people to your posts and signal scores"
    availability = replies_availability(rm)
    if not availability.available:
        return KindnessReceived(availability, needs)
    distress, n, kind, er, ip, ex, toxic, wishes = aggregates.received_counts(rm)
    mechanisms = dict(zip(MECHANISMS, (share(er, n), share(ip, n), share(ex, n)),
                          strict=True)) if n else None
    rows = aggregates.top_responders(rm, TOP_RESPONDERS)
    handles = rm.handles(a for a, _ in rows)
    top = tuple(Responder(a, handles.get(a, a), int(c)) for a, c in rows)
    return KindnessReceived(availability, needs, distress, n, share(kind, n), mechanisms,
                            share(toxic, n), top, wishes)


def kindness_given(rm: ReadModel) -> KindnessGiven:
    """Of my replies to others: the share to posts that read as distress (where the post
    replied to is in the data and was read), the share supportive (of my replies that were
    read), the median hours I took to answer, and the toxic replies I sent."""
    needs = "your replies to others and signal scores (the posts you replied to for timing)"
    mine, read, known, to_distress, supportive, toxic, hours, timed = aggregates.given_counts(rm)
    if not rm.scored:
        return KindnessGiven(unscored(rm), needs, replies=int(mine))
    if not mine:
        return KindnessGiven(Availability(False, "no replies of yours to other people"), needs)
    note = None if known else (
        "the posts you replied to are not in this data, so whether they read as distress "
        "and how fast you answered cannot be seen")
    return KindnessGiven(
        Availability(True), needs, int(mine), int(known), share(to_distress, known),
        share(supportive, read), None if hours is None else float(hours), int(timed),
        int(toxic), examples(aggregates.toxic_reply_examples(rm, MAX_MIRROR)), note, int(read))
