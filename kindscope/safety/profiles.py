"""Platform-neutral profiles for the bot model, and adapters from each platform's shape.

A :class:`Profile` holds only what X (Twitter API v1.1 user objects and archives),
Mastodon account objects and Bluesky profile views all carry, so one model scores all
three. ``profile_features`` turns a profile into the model's feature vector.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from difflib import SequenceMatcher
from email.utils import parsedate_to_datetime

from kindscope.errors import InputError

__all__ = [
    "FEATURES",
    "Profile",
    "from_twitter",
    "from_mastodon",
    "from_bluesky",
    "from_any",
    "profile_features",
]


@dataclass(frozen=True, slots=True)
class Profile:
    """What the bot model knows about one account.

    ``observed_at`` is when the counts were seen (age and posting rate are measured to
    it); ``default_avatar`` is True when the account shows the platform's placeholder.
    """

    platform: str
    account_id: str
    handle: str
    display_name: str
    description: str
    created_at: datetime | None
    observed_at: datetime
    followers_count: int
    following_count: int
    posts_count: int
    default_avatar: bool
    has_banner: bool = False


#: Feature names in model order, with the words a reason uses.
FEATURES: tuple[tuple[str, str], ...] = (
    ("log_age_days", "account age"),
    ("log_followers", "number of followers"),
    ("log_following", "number of accounts followed"),
    ("log_ratio", "followers per account followed"),
    ("log_posts_per_day", "posts per day"),
    ("default_avatar", "default avatar"),
    ("empty_bio", "empty bio"),
    ("handle_digits", "digits in the handle"),
    ("handle_length", "handle length"),
    ("name_length", "display-name length"),
    ("bio_length", "bio length"),
    ("name_symbols", "emoji or symbols in the display name"),
    ("name_handle_similarity", "display name matching the handle"),
    ("has_banner", "a header image"),
)


def _parse_time(value) -> datetime | None:
    if not value:
        return None
    text = str(value)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            try:
                moment = datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")
            except ValueError:
                return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _int(value) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


def from_twitter(user: dict, observed_at: datetime | None = None) -> Profile:
    """A Twitter API v1.1 user object (``screen_name``, ``friends_count``, ...)."""
    return Profile(
        platform="x",
        account_id=_text(user.get("id_str") or user.get("id")),
        handle=_text(user.get("screen_name")),
        display_name=_text(user.get("name")),
        description=_text(user.get("description")),
        created_at=_parse_time(user.get("created_at")),
        observed_at=observed_at or datetime.now(UTC),
        followers_count=_int(user.get("followers_count")),
        following_count=_int(user.get("friends_count")),
        posts_count=_int(user.get("statuses_count")),
        default_avatar=bool(user.get("default_profile_image"))
        or "default_profile" in _text(user.get("profile_image_url_https")),
        has_banner=bool(user.get("profile_banner_url")),
    )


def from_mastodon(account: dict, observed_at: datetime | None = None) -> Profile:
    """A Mastodon account object (``acct``, ``following_count``, ``statuses_count``)."""
    avatar = str(account.get("avatar") or account.get("avatar_static") or "")
    note = re.sub(r"<[^>]+>", " ", _text(account.get("note"))).strip()
    return Profile(
        platform="mastodon",
        account_id=_text(account.get("uri") or account.get("url") or account.get("id")),
        handle=_text(account.get("username") or account.get("acct")),
        display_name=_text(account.get("display_name")),
        description=note,
        created_at=_parse_time(account.get("created_at")),
        observed_at=observed_at or datetime.now(UTC),
        followers_count=_int(account.get("followers_count")),
        following_count=_int(account.get("following_count")),
        posts_count=_int(account.get("statuses_count")),
        default_avatar=(not avatar) or "missing" in avatar.rsplit("/", 1)[-1],
        has_banner="missing" not in str(account.get("header") or "missing").rsplit("/", 1)[-1],
    )


def from_bluesky(view: dict, observed_at: datetime | None = None) -> Profile:
    """A Bluesky profile view (``did``, ``handle``, ``followersCount``, ``followsCount``)."""
    handle = _text(view.get("handle"))
    return Profile(
        platform="bluesky",
        account_id=_text(view.get("did")),
        handle=handle.split(".", 1)[0] if handle.endswith(".bsky.social") else handle,
        display_name=_text(view.get("displayName")),
        description=_text(view.get("description")),
        created_at=_parse_time(view.get("createdAt")),
        observed_at=observed_at or datetime.now(UTC),
        followers_count=_int(view.get("followersCount")),
        following_count=_int(view.get("followsCount")),
        posts_count=_int(view.get("postsCount")),
        default_avatar=not view.get("avatar"),
        has_banner=bool(view.get("banner")),
    )


def from_any(obj: dict, observed_at: datetime | None = None, where: str | None = None) -> Profile:
    """Recognise the shape of ``obj`` (X, Mastodon or Bluesky) and adapt it."""
    if not isinstance(obj, dict):
        raise InputError("a profile must be a JSON object", where)
    if "did" in obj or "followsCount" in obj:
        return from_bluesky(obj, observed_at)
    if "screen_name" in obj or "friends_count" in obj:
        return from_twitter(obj, observed_at)
    if "acct" in obj or "statuses_count" in obj or "following_count" in obj:
        return from_mastodon(obj, observed_at)
    raise InputError(
        "not a Twitter v1.1 user, Mastodon account or Bluesky profile view "
        "(no screen_name, acct or did)", where)


def profile_features(profile: Profile) -> list[float]:
    """The model's features of one profile, in :data:`FEATURES` order."""
    age_days = 1.0
    if profile.created_at is not None:
        age_days = max(1.0, (profile.observed_at - profile.created_at).total_seconds() / 86400)
    followers, following = profile.followers_count, profile.following_count
    return [
        math.log(age_days),
        math.log1p(followers),
        math.log1p(following),
        math.log((followers + 1) / (following + 1)),
        math.log1p(profile.posts_count / age_days),
        float(profile.default_avatar),
        float(not profile.description.strip()),
        float(sum(ch.isdigit() for ch in profile.handle)),
        float(len(profile.handle)),
        float(len(profile.display_name)),
        float(min(len(profile.description), 160)),
        float(sum(ord(ch) > 0x2000 for ch in profile.display_name)),
        SequenceMatcher(None, profile.handle.lower(),
                        profile.display_name.lower().replace(" ", "")).ratio(),
        float(profile.has_banner),
    ]
