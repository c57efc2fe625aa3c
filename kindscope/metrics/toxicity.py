"""Toxicity received: toxic and hateful replies and mentions aimed at me."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kindscope.metrics.corpus import Availability, Corpus, threshold
from kindscope.metrics.replies import NO_SCORES_REASON, replies_available

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


@dataclass(frozen=True, slots=True)
class ToxicityReceived:
    availability: Availability
    needs: str
    aimed_at_me: int = 0
    toxic: int = 0
    hateful: int = 0
    by_month: tuple[MonthCount, ...] = ()
    by_account: tuple[AccountCount, ...] = ()


def _aimed_at_me(corpus: Corpus):
    for post in corpus.posts.values():
        if post.author_id == corpus.me or post.kind != "post" or post.created_at is None:
            continue
        parent = corpus.posts.get(post.reply_to_post_id or "")
        if (post.reply_to_account_id == corpus.me or corpus.me in post.mentions
                or (parent is not None and parent.author_id == corpus.me)):
            yield post


def toxicity_received(corpus: Corpus,
                      thresholds: dict[str, float] | None = None) -> ToxicityReceived:
    """Replies to me and mentions of me by others that score toxic (toxicity >= threshold)
    or hateful (hate >= threshold), by month and by account (most first)."""
    needs = "other people's replies and mentions aimed at you, and signal scores"
    availability = replies_available(corpus)
    if availability.available and not corpus.scored:
        availability = Availability(False, NO_SCORES_REASON)
    if not availability.available:
        return ToxicityReceived(availability, needs)
    t_tox, t_hate = threshold(thresholds, "toxicity"), threshold(thresholds, "hate")
    months: dict[str, list[int]] = {}
    accounts: dict[str, Counter] = {}
    aimed = toxic = hateful = 0
    for post in _aimed_at_me(corpus):
        scores = corpus.scores.get(post.post_id, {})
        is_tox, is_hate = scores.get("toxicity", 0.0) >= t_tox, scores.get("hate", 0.0) >= t_hate
        aimed, toxic, hateful = aimed + 1, toxic + is_tox, hateful + is_hate
        row = months.setdefault(post.created_at.strftime("%Y-%m"), [0, 0, 0])
        row[0], row[1], row[2] = row[0] + 1, row[1] + is_tox, row[2] + is_hate
        if is_tox or is_hate:
            accounts.setdefault(post.author_id, Counter()).update(
                toxic=int(is_tox), hateful=int(is_hate))
    by_month = tuple(MonthCount(m, *months[m]) for m in sorted(months))
    ranked = sorted(accounts.items(),
                    key=lambda kv: (-(kv[1]["toxic"] + kv[1]["hateful"]), kv[0]))
    by_account = tuple(AccountCount(a, corpus.handle(a), c["toxic"], c["hateful"])
                       for a, c in ranked[:TOP_ACCOUNTS])
    return ToxicityReceived(availability, needs, aimed, toxic, hateful, by_month, by_account)
