"""Platform-neutral profiles for the bot model, and adapters from each platform's shape.

A :class:`Profile` holds what X (Twitter API v1.1 user objects and archives), Mastodon
account objects and Bluesky profile views all carry, plus optional fields that only some
platforms expose (None elsewhere). ``profile_features`` turns a profile into the model's
feature vector; a field a platform lacks becomes NaN, which the tree model routes down a
learned "missing" branch instead of pretending it is zero.
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
    "age_days",
    "X_ONLY",
    "COUNTS",
    "READ_FROM",
]


@dataclass(frozen=True, slots=True)
class Profile:
    """What the bot model knows about one account.

    ``observed_at`` is when the counts were seen (age and posting rate are measured to
    it); ``default_avatar`` is True when the account shows the platform's placeholder.
    The fields after ``has_banner`` are optional: None where the platform does not say
    (X: favourites to ``extended_profile``; Mastodon: ``declared_bot``, ``locked``,
    ``profile_fields``, ``last_post_at``; Bluesky: ``labels``, ``service_account``).
    ``counts_known`` is False when the object carries no count at all (Bluesky's short
    ``profileView`` in follower lists): the count features are then NaN, not 0.
    ``missing_counts`` names the counts ("followers", "following", "posts") an object that
    carries some counts lacks: the features and rules read from those are NaN or do not
    fire, rather than reading the count as 0 (a profile without a follower count is not
    one with no followers).
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
    counts_known: bool = True
    favourites_count: int | None = None
    listed_count: int | None = None
    default_theme: bool | None = None
    verified: bool | None = None
    geo_enabled: bool | None = None
    has_url: bool | None = None
    has_location: bool | None = None
    background_image: bool | None = None
    has_time_zone: bool | None = None
    extended_profile: bool | None = None
    declared_bot: bool | None = None
    locked: bool | None = None
    profile_fields: int | None = None
    last_post_at: datetime | None = None
    labels: tuple[str, ...] = ()
    service_account: bool | None = None
    missing_counts: tuple[str, ...] = ()
    #: The handle as the profile gives it, where the model reads another form of it (a
    #: Bluesky ``name.bsky.social`` is read as ``name``): outputs and block lists name it so.
    given_handle: str | None = None
    #: Whether the profile says the account it was fetched for follows this one (X's
    #: ``following``, Bluesky's ``viewer.following``); None where it does not say.
    followed: bool | None = None

    @property
    def shown_handle(self) -> str:
        """The handle as the platform gives it (never a shortened form someone else may
        hold: "friend" for "friend.bsky.social", a review, 2026-12-06)."""
        return self.given_handle or self.handle

    @property
    def holds_evidence(self) -> bool:
        """Whether the profile holds anything to score beyond a name: a count or a
        creation time."""
        return (self.counts_known or self.created_at is not None
                or self.favourites_count is not None or self.listed_count is not None)


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
    ("log_posts", "number of posts"),
    ("log_posts_per_follower", "posts per follower"),
    ("name_digit_share", "share of digits in the display name"),
    ("name_upper_share", "share of capitals in the display name"),
    ("bio_url", "a link in the bio"),
    ("bio_hashtags", "hashtags in the bio"),
    ("bio_mentions", "mentions in the bio"),
    ("handle_entropy", "randomness of the handle"),
    ("handle_digit_share", "share of digits in the handle"),
    # X only (NaN on Mastodon and Bluesky):
    ("log_favourites", "number of likes given"),
    ("log_favourites_per_post", "likes given per post"),
    ("log_listed", "number of lists it is on"),
    ("log_listed_per_follower", "lists per follower"),
    ("default_theme", "the default profile theme"),
    ("verified", "verified badge"),
    ("geo_enabled", "location tagging turned on"),
    ("has_url", "a website in the profile"),
    ("has_location", "a location in the profile"),
    ("background_image", "a background image"),
    ("has_time_zone", "a time zone set"),
    ("extended_profile", "an extended profile"),
)

#: Features only X exposes: NaN for the other platforms.
X_ONLY = frozenset(name for name, _ in FEATURES[FEATURES.index(("log_favourites",
                                                                 "number of likes given")):])


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


def _opt_bool(value) -> bool | None:
    """A flag as given: JSON true/false, or the words "true"/"false" (any case, spaces
    around), as some exports type them (TwiBot-20: "False "); ``bool("False ")`` read every
    such flag as set. Other values are refused by :func:`_check_values`."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


def _opt_int(value) -> int | None:
    return None if value is None else _int(value)


def _int(value) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


_COUNT_NAMES = ("followers", "following", "posts")


def _counts_given(obj: dict, keys: tuple[str, str, str]) -> dict:
    """``counts_known`` and ``missing_counts`` of an object whose own names for followers,
    following and posts are ``keys``: known when it carries any of them, and then the
    ones it lacks named (with none, every count is missing and none is named)."""
    missing = tuple(name for name, key in zip(_COUNT_NAMES, keys, strict=True)
                    if obj.get(key) is None)
    known = len(missing) < len(keys)
    return {"counts_known": known, "missing_counts": missing if known else ()}


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
        default_avatar=bool(_opt_bool(user.get("default_profile_image")))
        or "default_profile" in _text(user.get("profile_image_url_https")),
        has_banner=bool(user.get("profile_banner_url")),
        **_counts_given(user, ("followers_count", "friends_count", "statuses_count")),
        favourites_count=_opt_int(user.get("favourites_count")),
        listed_count=_opt_int(user.get("listed_count")),
        default_theme=_opt_bool(user.get("default_profile")),
        verified=_opt_bool(user.get("verified")),
        geo_enabled=_opt_bool(user.get("geo_enabled")),
        has_url=bool(user.get("url")) if "url" in user else None,
        has_location=bool(_text(user.get("location"))) if "location" in user else None,
        background_image=_opt_bool(user.get("profile_use_background_image")),
        has_time_zone=(user.get("utc_offset") is not None) if "utc_offset" in user else None,
        extended_profile=_opt_bool(user.get("has_extended_profile")),
        locked=_opt_bool(user.get("protected")),
        followed=_opt_bool(user.get("following")),
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
        **_counts_given(account, ("followers_count", "following_count", "statuses_count")),
        declared_bot=_opt_bool(account.get("bot")),
        locked=_opt_bool(account.get("locked")),
        profile_fields=len(account["fields"]) if isinstance(account.get("fields"), list) else None,
        last_post_at=_parse_time(account.get("last_status_at")),
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
        **_counts_given(view, ("followersCount", "followsCount", "postsCount")),
        labels=tuple(sorted({_text(label.get("val")) for label in view.get("labels") or ()
                             if isinstance(label, dict) and label.get("val")})),
        service_account=bool(view["associated"].get("labeler"))
        if isinstance(view.get("associated"), dict) else None,
        given_handle=handle,
        followed=bool(view["viewer"].get("following"))
        if isinstance(view.get("viewer"), dict) else None,
    )


#: Count fields of the three shapes: a value that is not a whole number is an error, not 0
#: (read as 0 followers, "lots" made a profile look bot-like).
_COUNT_FIELDS = ("followers_count", "friends_count", "statuses_count", "favourites_count",
                 "listed_count", "following_count", "followersCount", "followsCount",
                 "postsCount")
#: The flags the profiles read (X's, Mastodon's): JSON booleans, or the words true/false.
_FLAG_FIELDS = ("default_profile", "default_profile_image", "verified", "geo_enabled",
                "profile_use_background_image", "has_extended_profile", "protected", "bot",
                "locked")


def _check_values(obj: dict, where: str | None) -> None:
    """Refuse a count that is not a whole number, a flag that is not true or false, and a
    creation time that cannot be read."""
    for key in _COUNT_FIELDS:
        value = obj.get(key)
        if value is not None and not (isinstance(value, int) and not isinstance(value, bool)
                                      or isinstance(value, str) and value.strip().isdigit()):
            raise InputError(f"{key} is {value!r}, not a whole number", where)
    for key in _FLAG_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, bool) and not (
                isinstance(value, str) and value.strip().lower() in ("true", "false")):
            raise InputError(f"{key} is {value!r}, not true or false", where)
    for key in ("created_at", "createdAt"):
        value = obj.get(key)
        if value and _parse_time(value) is None:
            raise InputError(f"{key} is {value!r}, not a time kindscope can read", where)


def from_any(obj: dict, observed_at: datetime | None = None, where: str | None = None) -> Profile:
    """Recognise the shape of ``obj`` (X, Mastodon or Bluesky) and adapt it; a count or a
    creation time that cannot be read is an error naming ``where``."""
    if not isinstance(obj, dict):
        raise InputError("a profile must be a JSON object", where)
    _check_values(obj, where)
    if "did" in obj or "followsCount" in obj:
        return from_bluesky(obj, observed_at)
    if "screen_name" in obj or "friends_count" in obj:
        return from_twitter(obj, observed_at)
    if "acct" in obj or "statuses_count" in obj or "following_count" in obj:
        return from_mastodon(obj, observed_at)
    raise InputError(
        "not a Twitter v1.1 user, Mastodon account or Bluesky profile view "
        "(no screen_name, acct or did)", where)


def age_days(profile: Profile) -> float:
    """Days from creation to observation (at least 1; 1 when creation is unknown)."""
    if profile.created_at is None:
        return 1.0
    return max(1.0, (profile.observed_at - profile.created_at).total_seconds() / 86400)


def _share(text: str, test) -> float:
    return sum(1 for ch in text if test(ch)) / len(text) if text else 0.0


def _entropy(text: str) -> float:
    """Shannon entropy (bits per character) of a lower-cased string."""
    text = text.lower()
    if not text:
        return 0.0
    counts = [text.count(ch) for ch in sorted(set(text))]
    return -sum(c / len(text) * math.log2(c / len(text)) for c in counts)


def _nan(value: float | bool | None) -> float:
    return math.nan if value is None else float(value)


def _x_only(profile: Profile) -> list[float]:
    """The X-only features (NaN when the platform does not give the field)."""
    favourites, listed = profile.favourites_count, profile.listed_count
    posts, followers = profile.posts_count, profile.followers_count
    return [
        math.nan if favourites is None else math.log1p(favourites),
        math.nan if favourites is None else math.log((favourites + 1) / (posts + 1)),
        math.nan if listed is None else math.log1p(listed),
        math.nan if listed is None else math.log((listed + 1) / (followers + 1)),
        _nan(profile.default_theme),
        _nan(profile.verified),
        _nan(profile.geo_enabled),
        _nan(profile.has_url),
        _nan(profile.has_location),
        _nan(profile.background_image),
        _nan(profile.has_time_zone),
        _nan(profile.extended_profile),
    ]


def profile_features(profile: Profile) -> list[float]:
    """The model's features of one profile, in :data:`FEATURES` order."""
    values = _neutral(profile) + _text_features(profile) + _x_only(profile)
    missing = COUNTS if not profile.counts_known else frozenset().union(
        *(READ_FROM[name] for name in profile.missing_counts))
    return [math.nan if name in missing else v
            for (name, _), v in zip(FEATURES, values, strict=True)]


#: Features read from counts: missing when an object carries none.
COUNTS = frozenset({"log_followers", "log_following", "log_ratio", "log_posts_per_day",
                     "log_posts", "log_posts_per_follower", "log_favourites_per_post",
                     "log_listed_per_follower"})
#: The count features read from each count (``Profile.missing_counts``).
READ_FROM = {
    "followers": frozenset({"log_followers", "log_ratio", "log_posts_per_follower",
                            "log_listed_per_follower"}),
    "following": frozenset({"log_following", "log_ratio"}),
    "posts": frozenset({"log_posts", "log_posts_per_day", "log_posts_per_follower",
                        "log_favourites_per_post"}),
}


def _text_features(profile: Profile) -> list[float]:
    name, bio, handle = profile.display_name, profile.description, profile.handle
    return [
        math.log1p(profile.posts_count),
        math.log((profile.posts_count + 1) / (profile.followers_count + 1)),
        _share(name, str.isdigit),
        _share(name, str.isupper),
        float(bool(re.search(r"https?://|www\.", bio))),
        float(bio.count("#")),
        float(bio.count("@")),
        _entropy(handle),
        _share(handle, str.isdigit),
    ]


def _neutral(profile: Profile) -> list[float]:
    days = age_days(profile)
    followers, following = profile.followers_count, profile.following_count
    return [
        math.nan if profile.created_at is None else math.log(days),
        math.log1p(followers),
        math.log1p(following),
        math.log((followers + 1) / (following + 1)),
        math.nan if profile.created_at is None else math.log1p(profile.posts_count / days),
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
