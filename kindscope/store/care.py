"""The care queue and the inbox, computed in the engine over the read model.

Nothing here is stored: each call reads the posts as they are and returns rows.
See :mod:`kindscope.care.queue` for the rules these queries implement.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from kindscope.store.db import Store
from kindscope.store.read import ReadModel
from kindscope.store.read_sql import (
    CARE_ONLY,
    CARE_ONLY_ACCOUNTS,
    FETCHED_FORMATS,
    not_read_for_language,
    reading_of,
)

__all__ = ["OPT_OUT_SQL", "Thread", "data_end", "care_threads", "thread_posts",
           "inbox_rows", "count_fetched", "forget_fetched", "FETCHED_FORMATS"]


#: An account that asked not to be read: ``#NoCareQueue`` in its bio, a Bluesky
#: ``!no-unauthenticated`` self-label, a Mastodon ``noindex`` or ``discoverable: false``,
#: or a protected X account. ``a`` is a row of ``accounts``.
OPT_OUT_SQL = """(
    lower(coalesce(a.description, '')) LIKE '%#nocarequeue%'
    OR coalesce(a.profile_json, '') LIKE '%!no-unauthenticated%'
    OR (json_valid(a.profile_json) AND (
        json_extract_string(a.profile_json, '$.noindex') = 'true'
        OR json_extract_string(a.profile_json, '$.discoverable') = 'false'
        OR json_extract_string(a.profile_json, '$.protected') = 'true'
        OR lower(coalesce(json_extract_string(a.profile_json, '$.bio'), ''))
           LIKE '%#nocarequeue%')))"""

_THREADS = f"""
WITH RECURSIVE
k AS (SELECT CAST(? AS TIMESTAMPTZ) AS now_at, CAST(? AS TIMESTAMPTZ) AS since),
following AS (SELECT DISTINCT unnest(CAST(? AS VARCHAR[])) AS id),
followers AS (SELECT DISTINCT unnest(CAST(? AS VARCHAR[])) AS id),
roots AS (
    SELECT r.post_id, r.author_id FROM {{p}}_care_read r, k
    WHERE r.kind = 'post' AND r.reply_to_post_id IS NULL AND r.deleted_at IS NULL
      AND r.author_id IN (SELECT id FROM following)
      AND r.created_at > k.since AND r.created_at <= k.now_at),
thread(root_id, root_author, post_id, depth) AS (
    SELECT post_id, author_id, post_id, 0 FROM roots
    UNION ALL
    SELECT t.root_id, t.root_author, c.post_id, t.depth + 1
    FROM thread t JOIN {{p}}_all_posts c ON c.reply_to_post_id = t.post_id
    WHERE t.depth < 10000),
tp AS (
    SELECT t.root_id, t.root_author, r.author_id, r.post_id, r.created_at, r.is_distress,
           r.is_crisis, r.is_toxic OR r.is_hateful AS hostile,
           r.is_death_wish AS wish,
           {not_read_for_language("r")} AS unread
    FROM thread t JOIN {{p}}_care_read r ON r.post_id = t.post_id, k
    WHERE r.kind = 'post' AND r.deleted_at IS NULL AND r.created_at <= k.now_at),
per_thread AS (
    SELECT root_id, any_value(root_author) AS author_id,
           count(*) FILTER (author_id = root_author AND is_distress) AS painful,
           count(*) FILTER (author_id <> root_author AND hostile) AS hostile_answers,
           count(*) FILTER (author_id <> root_author AND wish AND NOT hostile) AS wish_answers,
           count(*) FILTER (author_id <> root_author AND unread) AS unread_answers,
           count(*) FILTER (author_id <> root_author AND NOT hostile AND NOT wish
                            AND NOT unread) AS kind_answers,
           min(created_at) FILTER (author_id = root_author AND is_distress) AS painful_at,
           count(*) FILTER (author_id = root_author AND unread) AS unread,
           min(created_at) FILTER (author_id = root_author AND unread) AS unread_at,
           coalesce(bool_or(is_crisis) FILTER (author_id = root_author), false) AS crisis
    FROM tp GROUP BY root_id),
first_painful AS (  -- the first painful post; of two at the same time, the smaller id
    SELECT tp.root_id, min(tp.post_id) AS painful_id
    FROM tp JOIN per_thread t ON t.root_id = tp.root_id AND tp.created_at = t.painful_at
    WHERE tp.author_id = tp.root_author AND tp.is_distress
    GROUP BY tp.root_id),
first_unread AS (  -- of a thread with no painful post: its author's first post not read
    SELECT tp.root_id, min(tp.post_id) AS unread_id
    FROM tp JOIN per_thread t ON t.root_id = tp.root_id AND tp.created_at = t.unread_at
    WHERE tp.author_id = tp.root_author AND tp.unread AND t.painful = 0
    GROUP BY tp.root_id)
SELECT t.root_id, t.author_id, coalesce(f.painful_id, u.unread_id),
       coalesce(t.painful_at, t.unread_at), t.hostile_answers > 0,
       CASE WHEN t.author_id IN (SELECT a.account_id FROM accounts a, {{p}}_params q
                                 WHERE a.platform = q.platform AND {OPT_OUT_SQL})
                 THEN 'opted out'
            WHEN t.author_id IN (SELECT account_id FROM {{p}}_blocked)
                 THEN 'blocked or muted'
            WHEN t.author_id IN (SELECT account_id FROM {{p}}_care_hostile) THEN 'hostile'
            WHEN ? AND t.author_id NOT IN (SELECT id FROM followers) THEN 'not mutual'
       END AS excluded, t.crisis, t.painful = 0 AS unread_only,
       t.unread_answers > 0 AS unread_answers, t.wish_answers > 0 AS wish_answers
FROM per_thread t LEFT JOIN first_painful f ON f.root_id = t.root_id
LEFT JOIN first_unread u ON u.root_id = t.root_id
WHERE (t.painful > 0 OR t.unread > 0) AND t.kind_answers = 0
ORDER BY t.crisis DESC, t.painful = 0, coalesce(t.painful_at, t.unread_at), t.root_id"""


def data_end(store: Store, platform: str) -> tuple[datetime | None, datetime | None]:
    """The end of ``platform``'s data, the care commands' "now": the later of when the
    newest snapshot that says when it was taken was taken and the newest post of the imports
    that do not say it (None when neither is known); and when the newest import was
    imported (None with no import), the fallback for data with no dates at all."""
    taken, untimed, imported = _ends(store, platform)
    ends = [t for t in (taken, untimed) if t is not None]
    return (max(ends) if ends else None), imported


def _ends(store: Store, platform: str) -> tuple[datetime | None, ...]:
    row = store.rows(
        """SELECT (SELECT max(taken_at) FROM snapshots WHERE platform = ?),
                  (SELECT max(p.created_at) FROM posts p JOIN post_sources ps
                     ON ps.platform = p.platform AND ps.post_id = p.post_id
                   JOIN snapshots s ON s.snapshot_id = ps.snapshot_id
                   WHERE p.platform = ? AND s.taken_at IS NULL AND p.kind <> 'dm'),
                  (SELECT max(imported_at) FROM snapshots WHERE platform = ?)""",
        [platform, platform, platform])[0]
    return tuple(v if isinstance(v, datetime) else None for v in row)


class Thread(NamedTuple):
    """One row of :func:`care_threads`."""

    root_id: str
    author_id: str
    post_id: str  # the first painful post (else the first not read)
    at: datetime  # its time
    hostile: bool  # has answers read as toxic or hateful
    excluded: str | None  # why its author is left out, or None
    crisis: bool  # the author's posts in it may read as a crisis (for the budget alone)
    unread_only: bool  # no painful post; one of the author's was not read (its language)
    unread_answers: bool  # has answers not read for their language
    wish_answers: bool  # has answers whose words tell someone to die


def care_threads(rm: ReadModel, now: datetime, since: datetime, following: list[str],
                 followers: list[str], mutual_only: bool) -> list[Thread]:
    """Threads started in (since, now] by accounts I follow whose author's posts read as
    painful, or were not read for their language, and that have no answer from anyone else
    but hostile ones.

    No answer is a reply that reads as toxic or hateful, one whose words tell someone to
    die (``is_death_wish``, the stored ``wishes.aimed_wish``, read as toxic or not: a
    friend's painful post whose only reply was "just die already" was "answered", a care
    review, 2026-12-06; the rule also fires on support that quotes such thoughts, so these
    are counted apart, not as hostile), or one not read for its language (whether it is
    kind cannot be told).

    ``Thread`` rows: crisis threads first, then painful ones, then those only not read,
    oldest first. The crisis flag is for the care budget alone (``care.queue`` never holds
    such a thread back); nothing shown says it: every item gets the same help. A thread not
    read
    is no painful post: the queue counts it apart (a friend's German "Ich will nicht mehr
    leben" was in no count, and the queue said no one was waiting: a review, 2026-12-06).
    """
    return [Thread(*row) for row in rm.rows(
        _THREADS, [now, since, list(following), list(followers), mutual_only])]


def posts_by_any(rm: ReadModel, accounts: list[str]) -> bool:
    """Whether the data holds any post, of any time, by one of ``accounts`` (the care
    queue's own posts included: those fetched for it)."""
    return bool(rm.scalar("SELECT count(*) > 0 FROM {p}_all_posts "
                          "WHERE list_contains(?, author_id) AND kind <> 'repost'",
                          [list(accounts)]))


def thread_posts(rm: ReadModel, root_id: str, author_id: str, now: datetime) -> list[tuple]:
    """The author's own posts in a thread up to ``now``: ``(post id, created_at, text,
    url)`` in time order (the first painful post and its continuations)."""
    return rm.rows("""
        WITH RECURSIVE thread(post_id, depth) AS (
            SELECT CAST(? AS VARCHAR), 0
            UNION ALL
            SELECT c.post_id, t.depth + 1 FROM thread t
            JOIN {p}_all_posts c ON c.reply_to_post_id = t.post_id WHERE t.depth < 10000)
        SELECT p.post_id, p.created_at, p.text, p.url FROM thread t
        JOIN {p}_all_posts p USING (post_id)
        WHERE p.author_id = ? AND p.created_at <= CAST(? AS TIMESTAMPTZ)
          AND p.deleted_at IS NULL
        ORDER BY p.created_at, p.post_id""", [root_id, author_id, now])


def inbox_rows(rm: ReadModel, now: datetime, since: datetime) -> list[tuple]:
    """Replies and mentions aimed at me in (since, now] that I have not answered:
    ``(post id, author id, created_at, text, url, opened up (distress), kind (supportive),
    toxic, hateful, crisis, words that tell me to die (``is_death_wish``), read ("read", or
    with no text to read; "language": not read for its language; "unscored"), by someone I
    blocked or muted)``."""
    return rm.rows("""
        SELECT a.post_id, a.author_id, a.created_at, a.text, a.url, a.is_distress,
               a.is_supportive, a.is_toxic, a.is_hateful, a.is_crisis, a.is_death_wish,
               """ + reading_of("a") + """ AS reading,
               a.author_id IN (SELECT account_id FROM {p}_blocked) AS blocked
        FROM {p}_aimed_at_me a, {p}_params k
        WHERE a.created_at > CAST(? AS TIMESTAMPTZ) AND a.created_at <= CAST(? AS TIMESTAMPTZ)
          AND a.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM {p}_posts m WHERE m.author_id = k.me
                          AND m.reply_to_post_id = a.post_id)
        ORDER BY a.created_at, a.post_id""", [since, now])


def reply_spans(rm: ReadModel) -> list[tuple[datetime | None, datetime | None]]:
    """The spans of time in which the data holds others' replies to the owner (the read
    model's ``reply_cover``; ``from_at`` None: from the start, an import that holds them up
    to the end of the data), earliest first."""
    return [(f, t) for f, t in rm.rows(
        "SELECT from_at, to_at FROM {p}_reply_cover ORDER BY from_at NULLS FIRST, to_at")]


#: The posts of others fetched only for the care queue created before a time (all when
#: the time is null): ``(platform, post_id)``, parameters ``[time, time]``.
_FETCHED_BEFORE = f"""
    SELECT c.platform, c.post_id FROM ({CARE_ONLY}) c
    JOIN posts p ON p.platform = c.platform AND p.post_id = c.post_id
    WHERE CAST(? AS TIMESTAMPTZ) IS NULL OR p.created_at < CAST(? AS TIMESTAMPTZ)"""


def count_fetched(store: Store, older_than: datetime | None) -> int:
    """How many posts :func:`forget_fetched` would delete (it reads, writes nothing)."""
    return int(store.scalar(f"SELECT count(*) FROM ({_FETCHED_BEFORE})",
                            [older_than, older_than]) or 0)


def forget_fetched(store: Store, older_than: datetime | None) -> int:
    """Delete the posts of others fetched only for the care queue (imports of
    :data:`FETCHED_FORMATS`) created before ``older_than`` (all of them when None), with
    their scores, languages and sources, and the accounts known only through the deleted
    posts (``CARE_ONLY_ACCOUNTS`` with no post left); return how many posts were deleted."""
    params = [older_than, older_than]
    with store.transaction():
        store.execute(f"CREATE OR REPLACE TEMP TABLE _forget AS {_FETCHED_BEFORE}", params)
        store.execute(f"""CREATE OR REPLACE TEMP TABLE _forget_accounts AS
            SELECT a.platform, a.account_id FROM ({CARE_ONLY_ACCOUNTS}) a
            WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.platform = a.platform
                                AND p.author_id = a.account_id
                                AND NOT EXISTS (SELECT 1 FROM _forget f
                                                WHERE f.platform = p.platform
                                                  AND f.post_id = p.post_id))""")
        count = int(store.scalar("SELECT count(*) FROM _forget") or 0)
        for table in ("signal_scores", "post_languages", "post_sources", "post_versions",
                      "posts"):
            store.execute(f"DELETE FROM {table} t USING _forget f "
                          "WHERE t.platform = f.platform AND t.post_id = f.post_id")
        for table in ("account_sources", "accounts"):
            store.execute(f"DELETE FROM {table} t USING _forget_accounts f "
                          "WHERE t.platform = f.platform AND t.account_id = f.account_id")
        store.execute("DROP TABLE _forget")
        store.execute("DROP TABLE _forget_accounts")
    return count
