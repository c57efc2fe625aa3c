"""Transparent rules for textbook bots, beside the bot model.

The model learned from one Italian retweet botnet whose accounts look aged and ordinary,
so it can miss the "cartoon" bot: days old, no followers, follows thousands, empty bio,
default avatar. These rules catch such accounts and accounts that say they are automated.
Each rule gives a fixed probability and a reason in words; the final score is
``max(model, rule)`` (see :func:`kindscope.safety.bots.score_profile`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kindscope.safety.profiles import Profile, age_days

__all__ = ["RuleHit", "check_rules"]

_SAYS_BOT = re.compile(r"\b(i am|i'm|this is) an? (automated|bot)\b|\bautomated account\b"
                       r"|\bbot account\b|\bauto-?posted\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A rule that fired: its name, the probability it sets and why, in words."""

    rule: str
    bot: float
    reason: str


def _declared(p: Profile) -> RuleHit | None:
    if p.declared_bot:
        return RuleHit("declared", 0.99, "the account marks itself as a bot (Mastodon bot flag)")
    if p.service_account:
        return RuleHit("declared", 0.99, "the account is a Bluesky labeler service")
    if "bot" in p.labels:
        return RuleHit("declared", 0.95, "the account carries a 'bot' label")
    if _SAYS_BOT.search(p.description) or _SAYS_BOT.search(p.display_name):
        return RuleHit("declared", 0.95, "the bio says the account is automated")
    return None


def _cartoon(p: Profile) -> RuleHit | None:
    days = age_days(p)
    bare = [w for w, on in (("empty bio", not p.description.strip()),
                            ("default avatar", p.default_avatar)) if on]
    if p.created_at is not None and days <= 30 and p.followers_count <= 5 \
            and p.following_count >= 500 and bare:
        return RuleHit("cartoon", 0.9,
                       f"{days:.0f} days old, {p.followers_count} followers, follows "
                       f"{p.following_count}, {' and '.join(bare)}")
    return None


def _follow_spam(p: Profile) -> RuleHit | None:
    if p.following_count >= 2000 and p.followers_count * 50 <= p.following_count \
            and p.posts_count <= 5:
        return RuleHit("follow-spam", 0.85,
                       f"follows {p.following_count} but has {p.followers_count} followers "
                       f"and {p.posts_count} posts")
    return None


def _flood(p: Profile) -> RuleHit | None:
    days = age_days(p)
    rate = p.posts_count / days
    if p.created_at is not None and days >= 7 and rate >= 300:
        return RuleHit("flood", 0.85, f"{rate:.0f} posts a day on average over {days:.0f} days")
    return None


#: The counts each rule reads: it does not fire on a profile that lacks one of them (a
#: missing count is not 0: "0 followers" would be said of an account whose count is unknown).
_NEEDS = {_cartoon: ("followers", "following"), _follow_spam: ("followers", "following",
                                                              "posts"),
          _flood: ("posts",)}


def check_rules(profile: Profile) -> RuleHit | None:
    """The strongest rule that fires on ``profile``, or None."""
    rules = [_declared] + [rule for rule, needs in _NEEDS.items()
                           if profile.counts_known
                           and not set(needs) & set(profile.missing_counts)]
    hits = [h for rule in rules if (h := rule(profile)) is not None]
    return max(hits, key=lambda h: h.bot) if hits else None
