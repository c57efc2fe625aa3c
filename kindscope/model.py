"""The records every layer of kindscope speaks.

Importers yield these; the store writes them; analyses read them back from tables.
Keys are ``(platform, id)``: the same number on two platforms is two things.

Canonical ids: X uses ``id_str`` for posts and ``accountId`` for accounts; Mastodon the
ActivityPub object URI for posts and the actor URI for accounts; Bluesky the at-URI for
posts and the DID for accounts; generic CSV/JSONL the values as given.

All datetimes are timezone-aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

__all__ = [
    "PLATFORMS",
    "POST_KINDS",
    "Account",
    "Post",
    "Follow",
    "Reaction",
    "Block",
    "Deletion",
    "Snapshot",
    "Record",
    "OWNER_PLACEHOLDER",
]

PLATFORMS = ("x", "mastodon", "bluesky", "generic")
#: The owner id an importer uses when its source does not say whose it is (a Mastodon CSV
#: export on its own). The store re-points it to the platform's one real owner if it has one.
OWNER_PLACEHOLDER = "self"
#: "post" is an authored text (replies included), "repost" a retweet/boost/repost,
#: "dm" a direct message (only imported when asked for).
POST_KINDS = ("post", "repost", "dm")


@dataclass(frozen=True, slots=True)
class Account:
    """One identity on one platform, with whatever profile fields the source has."""

    platform: str
    account_id: str
    handle: str | None = None
    display_name: str | None = None
    description: str | None = None
    created_at: datetime | None = None
    followers_count: int | None = None
    following_count: int | None = None
    posts_count: int | None = None
    avatar_url: str | None = None
    url: str | None = None
    #: The source's own profile object as JSON text, kept for the bot model.
    profile_json: str | None = None


@dataclass(frozen=True, slots=True)
class Post:
    """One authored text (or a repost of one)."""

    platform: str
    post_id: str
    author_id: str
    created_at: datetime | None
    text: str = ""
    kind: str = "post"
    reply_to_post_id: str | None = None
    reply_to_account_id: str | None = None
    root_post_id: str | None = None
    repost_of_post_id: str | None = None
    quote_of_post_id: str | None = None
    lang: str | None = None
    visibility: str | None = None
    like_count: int | None = None
    repost_count: int | None = None
    reply_count: int | None = None
    quote_count: int | None = None
    mentions: tuple[str, ...] = field(default_factory=tuple)
    hashtags: tuple[str, ...] = field(default_factory=tuple)
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Follow:
    """A directed follow edge, observed in the snapshot being imported."""

    platform: str
    follower_id: str
    followee_id: str
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Reaction:
    """A like (or bookmark) of a post by an account."""

    platform: str
    account_id: str
    post_id: str
    kind: str = "like"
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A block or mute of one account by another, observed in the snapshot."""

    platform: str
    account_id: str
    target_id: str
    kind: str = "block"  # "block" or "mute"
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Deletion:
    """A record the source says was deleted. Nothing is removed: posts get ``deleted_at``."""

    platform: str
    kind: str  # "post", "repost", "follow", "reaction", "block"
    record_id: str
    author_id: str | None = None
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What an importer knows about its source; the store adds the id and import time.

    Importers yield one of these (usually first). ``owner_id`` is the account whose
    archive this is (None for captures of many people).
    """

    platform: str
    owner_id: str | None = None
    taken_at: datetime | None = None
    description: str | None = None
    #: a capture's first and last event (Jetstream): it holds only what happened between
    #: them (``store.read_sql._REPLY_COVER``); None for exports, which hold everything
    span: tuple[datetime, datetime] | None = None


Record = Account | Post | Follow | Reaction | Block | Deletion | Snapshot
