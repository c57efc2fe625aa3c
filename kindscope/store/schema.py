"""The database schema and its migrations.

Each migration is a list of SQL statements; ``SCHEMA_VERSION`` is the number of
migrations. A database records the version it is at in ``meta``; opening an older one
applies the missing migrations in one transaction.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "TABLE_KEYS"]

_V1 = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE snapshots (
        snapshot_id VARCHAR PRIMARY KEY,   -- sha256 of the source's content
        platform VARCHAR NOT NULL,
        source VARCHAR NOT NULL,           -- the path or online handle as the user gave it
        format VARCHAR NOT NULL,
        owner_id VARCHAR,
        taken_at TIMESTAMPTZ,
        imported_at TIMESTAMPTZ NOT NULL,
        description VARCHAR
    )""",
    """CREATE TABLE accounts (
        platform VARCHAR NOT NULL,
        account_id VARCHAR NOT NULL,
        handle VARCHAR,
        display_name VARCHAR,
        description VARCHAR,
        created_at TIMESTAMPTZ,
        followers_count BIGINT,
        following_count BIGINT,
        posts_count BIGINT,
        avatar_url VARCHAR,
        url VARCHAR,
        profile_json VARCHAR,
        PRIMARY KEY (platform, account_id)
    )""",
    """CREATE TABLE posts (
        platform VARCHAR NOT NULL,
        post_id VARCHAR NOT NULL,
        author_id VARCHAR NOT NULL,
        created_at TIMESTAMPTZ,
        text VARCHAR,
        kind VARCHAR NOT NULL,
        reply_to_post_id VARCHAR,
        reply_to_account_id VARCHAR,
        root_post_id VARCHAR,
        repost_of_post_id VARCHAR,
        quote_of_post_id VARCHAR,
        lang VARCHAR,
        visibility VARCHAR,
        like_count BIGINT,
        repost_count BIGINT,
        reply_count BIGINT,
        quote_count BIGINT,
        mentions VARCHAR[],
        hashtags VARCHAR[],
        url VARCHAR,
        deleted_at TIMESTAMPTZ,
        PRIMARY KEY (platform, post_id)
    )""",
    """CREATE TABLE follows (
        platform VARCHAR NOT NULL,
        follower_id VARCHAR NOT NULL,
        followee_id VARCHAR NOT NULL,
        snapshot_id VARCHAR NOT NULL,
        created_at TIMESTAMPTZ,
        PRIMARY KEY (platform, follower_id, followee_id, snapshot_id)
    )""",
    """CREATE TABLE reactions (
        platform VARCHAR NOT NULL,
        account_id VARCHAR NOT NULL,
        post_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        created_at TIMESTAMPTZ,
        PRIMARY KEY (platform, account_id, post_id, kind)
    )""",
    """CREATE TABLE blocks (
        platform VARCHAR NOT NULL,
        account_id VARCHAR NOT NULL,
        target_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        snapshot_id VARCHAR NOT NULL,
        created_at TIMESTAMPTZ,
        PRIMARY KEY (platform, account_id, target_id, kind, snapshot_id)
    )""",
    """CREATE TABLE deletions (
        platform VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        record_id VARCHAR NOT NULL,
        author_id VARCHAR,
        deleted_at TIMESTAMPTZ,
        PRIMARY KEY (platform, kind, record_id)
    )""",
    """CREATE TABLE signal_scores (
        platform VARCHAR NOT NULL,
        post_id VARCHAR NOT NULL,
        signal VARCHAR NOT NULL,
        score DOUBLE NOT NULL,
        model_version VARCHAR NOT NULL,
        PRIMARY KEY (platform, post_id, signal, model_version)
    )""",
]

# v2: where each post was seen (provenance for evidence packs: "how it was collected").
_V2 = [
    """CREATE TABLE post_sources (
        platform VARCHAR NOT NULL,
        post_id VARCHAR NOT NULL,
        snapshot_id VARCHAR NOT NULL,
        PRIMARY KEY (platform, post_id, snapshot_id)
    )""",
]

MIGRATIONS: list[list[str]] = [_V1, _V2]
SCHEMA_VERSION = len(MIGRATIONS)

#: Primary-key columns of each record table, in order.
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "accounts": ("platform", "account_id"),
    "posts": ("platform", "post_id"),
    "follows": ("platform", "follower_id", "followee_id", "snapshot_id"),
    "reactions": ("platform", "account_id", "post_id", "kind"),
    "blocks": ("platform", "account_id", "target_id", "kind", "snapshot_id"),
    "deletions": ("platform", "kind", "record_id"),
    "signal_scores": ("platform", "post_id", "signal", "model_version"),
    "post_sources": ("platform", "post_id", "snapshot_id"),
}
