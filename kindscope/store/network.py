"""Rows the network analyses need besides edges: community post figures, reply pairs.

Scores are read through a read model (one model version, one decision rule); without one
(data of many people with no owner) the post figures carry no scores.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from kindscope.store.db import Store
from kindscope.store.read import ReadModel
from kindscope.store.read_sql import SHOWN_POSTS

__all__ = ["community_post_stats", "community_texts", "owner_reply_pairs",
           "unanswered_post_counts"]

# Posts with the columns the community figures need, through a read model or not.
_READ_POSTS = """SELECT k.platform, r.post_id, r.author_id, r.created_at, r.kind,
                        r.reply_to_post_id, r.distress, r.is_distress, r.toxicity, r.is_toxic,
                        r.is_hateful, r.is_hostile
                 FROM {p}_read r, {p}_params k"""
_RAW_POSTS = f"""SELECT platform, post_id, author_id, created_at, kind, reply_to_post_id,
                       CAST(NULL AS DOUBLE) AS distress, false AS is_distress,
                       CAST(NULL AS DOUBLE) AS toxicity, false AS is_toxic,
                       false AS is_hateful, false AS is_hostile
                FROM {SHOWN_POSTS} posts WHERE kind <> 'dm'"""


def _with_members(store: Store, members: pa.Table, sql: str, params: list) -> list[tuple]:
    store.con.register("_members", members)
    try:
        return store.rows(sql, params)
    finally:
        store.con.unregister("_members")


def community_post_stats(store: Store, members: pa.Table,
                         rm: ReadModel | None = None) -> dict[int, tuple]:
    """Per community of ``members`` (platform, account_id, community): (posts, distress
    posts, distress posts answered by someone else, median minutes to the first answer (a
    reply read as toxic or hateful, or whose words tell someone to die, is no answer, as in
    ``aggregates``),
    posts scored for toxicity, toxic posts)."""
    source = rm.sql(_READ_POSTS) if rm is not None else _RAW_POSTS
    rows = _with_members(store, members, f"""
        WITH src AS ({source}),
        mine AS (
            SELECT m.community, p.platform, p.post_id, p.author_id, p.created_at,
                   p.distress, p.is_distress, p.toxicity, p.is_toxic
            FROM src p JOIN _members m
              ON m.platform = p.platform AND m.account_id = p.author_id
            WHERE p.kind = 'post'),
        first AS (
            SELECT r.platform, r.reply_to_post_id AS post_id, min(r.created_at) AS at
            FROM src r JOIN mine ON mine.platform = r.platform
              AND mine.post_id = r.reply_to_post_id AND r.author_id <> mine.author_id
            WHERE NOT r.is_hostile  -- abuse is no answer (aggregates._FIRST)
            GROUP BY ALL)
        SELECT mine.community, count(*), count(*) FILTER (is_distress),
               count(*) FILTER (is_distress AND first.at IS NOT NULL),
               median(epoch(first.at) - epoch(mine.created_at)) / 60.0,
               count(toxicity), count(*) FILTER (is_toxic)
        FROM mine
        LEFT JOIN first ON first.platform = mine.platform AND first.post_id = mine.post_id
        GROUP BY mine.community""", [])
    return {r[0]: r[1:] for r in rows}


def community_texts(store: Store, members: pa.Table, limit: int) -> list[tuple]:
    """(community, text, hashtags) of the members' newest ``limit`` posts."""
    return _with_members(store, members, f"""
        SELECT m.community, p.text, p.hashtags FROM {SHOWN_POSTS} p
        JOIN _members m ON m.platform = p.platform AND m.account_id = p.author_id
        WHERE p.kind = 'post'
        ORDER BY p.created_at DESC NULLS LAST, p.platform, p.post_id LIMIT ?""", [limit])


def owner_reply_pairs(rm: ReadModel) -> tuple[dict[str, int], dict[str, int],
                                                dict[str, int]]:
    """(whom I reply to -> my replies, who replies to me -> their replies, who may be offered
    as someone to get to know -> their replies not read as toxic or hateful). Replies by
    others are the read model's ``replies_by_others``. An account is offered unless it is
    in the read model's ``unoffered`` view: posts aimed at me read as toxic or hateful
    ``MIN_HOSTILE_POSTS`` or more times, or fewer that those read as neither do not
    outnumber (one reading never decides), any that uses words that tell me to die
    (``is_death_wish``), or an account I blocked or muted. A post not
    read (another language, not scored) counts for neither, so one abusive reply and three
    unread ones offer no one, and neither do replies none of which was read (four German
    replies, all abuse, offered their sender: a review, 2026-12-06)."""
    mine = rm.rows("""SELECT r.reply_to_account_id, count(*) FROM {p}_read r, {p}_params k
                      WHERE r.author_id = k.me AND r.kind = 'post'
                        AND r.reply_to_account_id IS NOT NULL AND r.reply_to_account_id <> k.me
                      GROUP BY 1""")
    theirs = rm.rows("""
        WITH r AS (SELECT author_id, count(*) AS replies,
                          count(*) FILTER (scored AND NOT (is_toxic OR is_hateful))
                              AS not_hostile
                   FROM {p}_replies_by_others GROUP BY author_id)
        SELECT author_id, replies, not_hostile,
               author_id NOT IN (SELECT account_id FROM {p}_unoffered)
        FROM r""")
    return (dict(mine), {a: n for a, n, _, _ in theirs},
            {a: n for a, _, n, offered in theirs if n and offered})


def unanswered_post_counts(store: Store, platform: np.ndarray, account: np.ndarray,
                           rm: ReadModel | None = None) -> np.ndarray:
    """For each (platform, account): how many of its posts no one else answered. Through a
    read model (its platform), a reply read as toxic or hateful, or whose words tell
    someone to die, is no answer, as in ``aggregates``; without one, the raw posts hold no
    readings and any reply counts."""
    if not len(account):
        return np.zeros(0, dtype=np.int64)
    table = pa.table({"platform": np.asarray(platform, dtype=object),
                      "account_id": np.asarray(account, dtype=object),
                      "i": np.arange(len(account))})
    source = rm.sql(_READ_POSTS) if rm is not None else _RAW_POSTS
    rows = _with_members(store, table, f"""
        WITH src AS ({source})
        SELECT m.i, count(p.post_id) FROM _members m
        LEFT JOIN src p ON p.platform = m.platform AND p.author_id = m.account_id
             AND p.kind = 'post' AND NOT EXISTS (
                 SELECT 1 FROM src r WHERE r.platform = p.platform
                   AND r.reply_to_post_id = p.post_id AND r.author_id <> p.author_id
                   AND NOT r.is_hostile)
        GROUP BY m.i""", [])
    out = np.zeros(len(account), dtype=np.int64)
    for i, n in rows:
        out[i] = n
    return out
