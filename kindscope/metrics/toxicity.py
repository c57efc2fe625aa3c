"""Toxicity received: toxic and hateful replies and mentions aimed at me."""

from __future__ import annotations

from dataclasses import dataclass

from kindscope.metrics.common import Availability, replies_availability
from kindscope.store import aggregates
from kindscope.store.read import ReadModel

__all__ = ["MonthCount", "AccountCount", "ToxicityReceived", "toxicity_received"]

TOP_ACCOUNTS = 10


@dataclass(frozen=True, slots=True)
class MonthCount:
    month: str
    aimed_at_me: int
    toxic: int
    hateful: int


@dataclass(frozen=True, slots=True)
class AccountCount:
    account_id: str
    handle: str
    toxic: int
    hateful: int
    hostile: int = 0  # posts read as toxic or hateful (a post can be both)
    #: all of the account's posts aimed at me that were read: what ``hostile`` is out of (a
    #: friend's two borderline readings among many kind replies read as a harasser's)
    read: int = 0
    #: posts read as neither whose words tell me to die (the stored ``death_wish``)
    wish_words: int = 0


@dataclass(frozen=True, slots=True)
class ToxicityReceived:
    availability: Availability
    needs: str
    aimed_at_me: int = 0
    toxic: int = 0
    hateful: int = 0
    hostile: int = 0  # read as toxic or hateful (a post can be both)
    by_month: tuple[MonthCount, ...] = ()
    by_account: tuple[AccountCount, ...] = ()
    #: accounts with one such post: counted, never named (one reading never decides)
    accounts_with_one: int = 0
    #: posts not read as toxic or hateful whose words tell me to die (the inbox's rule):
    #: said beside the readings, not counted among them
    wish_words: int = 0


def toxicity_received(rm: ReadModel) -> ToxicityReceived:
    """Replies to me and mentions of me (by id or handle) by others that score toxic
    (toxicity >= threshold) or hateful (hate >= threshold), by month and by account (most
    first; only accounts with two or more such posts are named, the others counted)."""
    needs = "other people's replies and mentions aimed at you, and signal scores"
    availability = replies_availability(rm)
    if not availability.available:
        return ToxicityReceived(availability, needs)
    aimed, toxic, hateful, hostile, wishes = aggregates.aimed_counts(rm)
    by_month = tuple(MonthCount(m, int(n), int(t), int(h))
                     for m, n, t, h in aggregates.aimed_by_month(rm))
    rows, with_one = aggregates.aimed_by_account(rm, TOP_ACCOUNTS)
    handles = rm.handles(r[0] for r in rows)
    by_account = tuple(AccountCount(a, handles.get(a, a), int(t), int(h), int(e), int(n),
                                    int(w)) for a, t, h, e, n, w in rows)
    return ToxicityReceived(availability, needs, aimed, toxic, hateful, hostile, by_month,
                            by_account, with_one, wishes)
