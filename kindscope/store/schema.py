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

# v3: what each import carries (declared by its importer, see ``kindscope/ingest``), so
# that what the data can show is decided once, from the imports, not from format names.
# Snapshots imported before v3 get what their format carried then.
_LEGACY_CARRIES = {
    "x-archive": ("followers", "following", "engagement_counts"),
    "mastodon-csv": ("following",),
    "bluesky-car": ("following", "follow_times"),
    "bluesky-api": ("others_replies", "followers", "following", "engagement_counts",
                    "profiles"),
    "mastodon-api": ("others_replies", "followers", "following", "engagement_counts",
                     "profiles"),
    "jetstream": ("others_replies", "follow_times"),
    "generic": ("others_replies", "followers", "following", "profiles"),
}
_V3 = [
    """CREATE TABLE snapshot_carries (
        snapshot_id VARCHAR NOT NULL,
        item VARCHAR NOT NULL,              -- e.g. others_replies, followers, following
        PRIMARY KEY (snapshot_id, item)
    )""",
    *(f"""INSERT INTO snapshot_carries SELECT snapshot_id, '{item}' FROM snapshots
          WHERE format = '{fmt}' ON CONFLICT DO NOTHING"""
      for fmt, items in _LEGACY_CARRIES.items() for item in items),
]

# v4: the language each scored post was taken to be, and whether the signals read it. A
# post in a language the signals do not read gets a row with is_read = false and no
# signal_scores rows: "not read" rather than "not yet scored", so it is not rescored.
_V4 = [
    """CREATE TABLE post_languages (
        platform VARCHAR NOT NULL,
        post_id VARCHAR NOT NULL,
        model_version VARCHAR NOT NULL,     -- the signal model that read it or could not
        lang VARCHAR NOT NULL,              -- ISO 639 code; 'en' when it could not be told
        is_read BOOLEAN NOT NULL,           -- false: no signal_scores rows for this version
        scored_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
        PRIMARY KEY (platform, post_id, model_version)
    )""",
]

# v5: which imports wrote each account's profile, as ``post_sources`` says it of posts, so
# that a profile only ``import --following`` fetched (a stranger who replied in a friend's
# thread) is told from one the user's own import holds: the first is the care queue's alone
# (``read_sql.CARE_ONLY_ACCOUNTS``), the second is never left out or deleted with it.
# Accounts stored before v5 get the source 'legacy': not known, so kept as the user's.
_V5 = [
    """CREATE TABLE account_sources (
        platform VARCHAR NOT NULL,
        account_id VARCHAR NOT NULL,
        snapshot_id VARCHAR NOT NULL,
        PRIMARY KEY (platform, account_id, snapshot_id)
    )""",
    """INSERT INTO account_sources SELECT platform, account_id, 'legacy' FROM accounts
       ON CONFLICT DO NOTHING""",
]

# v6: when a capture ran (Jetstream: its first and last event, from the events' own times,
# which a client cannot set), so that others' replies count only for posts made while one
# ran: a post's createdAt is the client's, and one backdated post in a capture (archive
# importers post with the original dates) widened a span taken from posts back years.
# Captures imported before v6 have no row: their span is taken from their posts.
_V6 = [
    """CREATE TABLE capture_spans (
        snapshot_id VARCHAR PRIMARY KEY,
        first_event_at TIMESTAMPTZ NOT NULL,
        last_event_at TIMESTAMPTZ NOT NULL
    )""",
]

# v7: the texts a later import replaced. A post's text is updated when an import holds a
# newer one (a Bluesky record updated, an edited toot, a generic file read again), and the
# earlier text was lost, with it the abuse an evidence pack exists to keep (a security
# review, 2026-12-06). Each replaced text is kept: the import that replaced it
# (``snapshot_id``; a pending online import's is settled with the rest) and its order among
# the texts that import replaced (``version``, from 0).
_V7 = [
    """CREATE TABLE post_versions (
        platform VARCHAR NOT NULL,
        post_id VARCHAR NOT NULL,
        snapshot_id VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (platform, post_id, snapshot_id, version)
    )""",
]

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7]
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
    "account_sources": ("platform", "account_id", "snapshot_id"),
    "capture_spans": ("snapshot_id",),
    "post_versions": ("platform", "post_id", "snapshot_id", "version"),
    "snapshot_carries": ("snapshot_id", "item"),
    "post_languages": ("platform", "post_id", "model_version"),
}
