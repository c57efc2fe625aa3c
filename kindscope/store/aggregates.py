"""Aggregates the kindness metrics need, computed in the engine over the read model.

Each function returns plain rows (tuples or NumPy arrays), never one Python object per
post: a store with millions of posts stays in the engine. The metric definitions are in
``docs/metrics.md``; :mod:`kindscope.metrics` turns these rows into results.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from kindscope.store.read import ReadModel
from kindscope.store.read_sql import MIN_HOSTILE_POSTS, post_group, unscored
from kindscope.store.scoring import unread_counts

__all__ = ["grouped_posts_sql", "void_counts", "unanswered_examples", "reply_time_quartiles",
           "engagement_values", "disclosures", "window_engagement", "received_counts",
           "top_responders", "given_counts", "toxic_reply_examples", "stage_months",
           "aimed_counts", "aimed_by_month", "aimed_by_account", "example_rows",
           "my_post_counts", "post_counts", "no_response_counts", "own_moments"]

# My posts with their group (read_sql.post_group) and the end of the span of the data that
# holds others' replies to them (read_sql.judged_sql: a window past it cannot be judged).
_GROUPED = f"""
    SELECT m.*, {post_group("m")} AS grp, j.judged_until
    FROM {{p}}_mine m LEFT JOIN {{p}}_mine_judged j USING (post_id)"""

# Per post of mine: the first answer in time (a reply by someone else that does not read as
# toxic or hateful: abuse is not an answer, as in the care queue), the first supportive one,
# and the first reply that reads as toxic or hateful.
_FIRST = """
    SELECT parent_id AS post_id, min(created_at) FILTER (NOT is_hostile) AS first_at,
           min(created_at) FILTER (is_supportive) AS first_supportive_at,
           min(created_at) FILTER (is_hostile) AS first_hostile_at
    FROM {p}_replies_by_others WHERE in_time GROUP BY parent_id"""


def grouped_posts_sql() -> str:
    return _GROUPED


def _interval(window: timedelta) -> str:
    return f"INTERVAL {int(window.total_seconds())} SECOND"


def void_counts(rm: ReadModel, window: timedelta
                ) -> dict[str, tuple[int, int, int, int, int]]:
    """Per group: (posts, eligible, unanswered, unanswered but with a hostile reply, not
    captured) for one window. A post is eligible when the data holding others' replies to
    it runs at least ``window`` past it (``judged_until``: the end of the data, or of the
    capture that holds it where captures are the only source of replies); unanswered when
    no one else answered in time (``_FIRST``: a reply read as toxic or hateful is no
    answer); the fourth count is those of them that got such a reply in time; the last,
    posts old enough at the end of the data that still cannot be judged, because no
    capture that holds replies ran past them (posts too new are neither)."""
    iv = _interval(window)
    rows = rm.rows(f"""
        WITH g AS ({_GROUPED}), f AS ({_FIRST}),
        e AS (SELECT g.grp, (k.until IS NULL
                             OR coalesce(g.created_at + {iv} <= g.judged_until, false))
                            AS eligible,
                     g.created_at + {iv} <= k.until AS old_enough,
                     (f.first_at IS NULL OR f.first_at > g.created_at + {iv}) AS unanswered,
                     coalesce(f.first_hostile_at <= g.created_at + {iv}, false) AS hostile
              FROM g LEFT JOIN f USING (post_id), {{p}}_params k WHERE g.grp IS NOT NULL)
        SELECT grp, count(*), count(*) FILTER (eligible),
               count(*) FILTER (eligible AND unanswered),
               count(*) FILTER (eligible AND unanswered AND hostile),
               count(*) FILTER (NOT eligible AND old_enough)
        FROM e GROUP BY grp""")
    return {r[0]: (int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5])) for r in rows}


def unanswered_examples(rm: ReadModel, window: timedelta, limit: int) -> list[tuple]:
    """My distress posts with no answer from others within ``window`` (newest first; a
    reply read as toxic or hateful is no answer)."""
    iv = _interval(window)
    return rm.rows(f"""
        WITH g AS ({_GROUPED}), f AS ({_FIRST})
        SELECT g.post_id, g.created_at, g.text, g.is_crisis
        FROM g LEFT JOIN f USING (post_id), {{p}}_params k
        WHERE g.grp = 'distress'
          AND (k.until IS NULL OR g.created_at + {iv} <= g.judged_until)
          AND (f.first_at IS NULL OR f.first_at > g.created_at + {iv})
        ORDER BY g.created_at DESC, g.post_id DESC LIMIT {int(limit)}""")


def reply_time_quartiles(rm: ReadModel) -> list[tuple]:
    """Per group and kind ("any", "supportive"): (posts, answered, q1, median, q3) hours."""
    return rm.rows(f"""
        WITH g AS ({_GROUPED}), f AS ({_FIRST}),
        h AS (SELECT g.grp,
                     epoch(f.first_at - g.created_at) / 3600.0 AS any_h,
                     epoch(f.first_supportive_at - g.created_at) / 3600.0 AS sup_h
              FROM g LEFT JOIN f USING (post_id) WHERE g.grp IN ('distress', 'upbeat'))
        SELECT grp, 'any', count(*), count(any_h), quantile_cont(any_h, 0.25),
               quantile_cont(any_h, 0.5), quantile_cont(any_h, 0.75) FROM h GROUP BY grp
        UNION ALL
        SELECT grp, 'supportive', count(*), count(sup_h), quantile_cont(sup_h, 0.25),
               quantile_cont(sup_h, 0.5), quantile_cont(sup_h, 0.75) FROM h GROUP BY grp""")


def my_post_counts(rm: ReadModel) -> tuple[int, int]:
    """(my posts outside conversations, my posts in conversations)."""
    row = rm.rows("SELECT (SELECT count(*) FROM {p}_mine), (SELECT count(*) FROM "
                  "{p}_my_replies)")[0]
    return int(row[0]), int(row[1])


def engagement_values(rm: ReadModel, label: str) -> np.ndarray:
    """Engagement of each of my posts with ``label``, in post order."""
    return rm.column("SELECT engagement FROM {p}_engagement WHERE label = ? "
                     "ORDER BY created_at, post_id", [label]).astype(float)


def disclosures(rm: ReadModel, weeks: int) -> list[tuple]:
    """My crisis-level or strongly distressed posts, oldest first: (post id, created_at, my
    posts in the ``weeks`` before it, in the ``weeks`` after it), counted as
    :func:`window_engagement` counts them (the post itself in neither, and no earlier such
    post in the weeks before)."""
    span = f"INTERVAL {int(weeks) * 7} DAY"
    return rm.rows(f"""
        WITH d AS (SELECT post_id, created_at FROM {{p}}_mine WHERE is_disclosure)
        SELECT d.post_id, d.created_at,
               count(e.created_at) FILTER (WHERE e.created_at < d.created_at
                                           AND NOT e.is_disclosure),
               count(e.created_at) FILTER (WHERE e.created_at > d.created_at)
        FROM d LEFT JOIN {{p}}_engagement e
          ON e.created_at >= d.created_at - {span} AND e.created_at <= d.created_at + {span}
        GROUP BY d.post_id, d.created_at
        ORDER BY d.created_at, d.post_id""")


def window_engagement(rm: ReadModel, at, weeks: int) -> tuple[np.ndarray, np.ndarray]:
    """Engagement of my posts in the ``weeks`` before ``at`` and the ``weeks`` after it
    (the post at ``at`` itself in neither). The weeks before hold no crisis-level or strongly
    distressed post: they are the baseline the first such post is compared with."""
    span = f"INTERVAL {int(weeks) * 7} DAY"
    before = rm.column(f"SELECT engagement FROM {{p}}_engagement WHERE created_at >= "
                      f"CAST(? AS TIMESTAMPTZ) - {span} AND created_at < CAST(? AS TIMESTAMPTZ) "
                      "AND NOT is_disclosure ORDER BY created_at, post_id", [at, at])
    after = rm.column(f"SELECT engagement FROM {{p}}_engagement WHERE created_at > "
                     f"CAST(? AS TIMESTAMPTZ) AND created_at <= CAST(? AS TIMESTAMPTZ) + {span} "
                     "ORDER BY created_at, post_id", [at, at])
    return before.astype(float), after.astype(float)


_TO_DISTRESS = """
    SELECT r.* FROM {p}_replies_by_others r JOIN ({grouped}) g ON g.post_id = r.parent_id
    WHERE g.grp = 'distress'""".replace("{grouped}", _GROUPED)


def received_counts(rm: ReadModel) -> tuple[int, int, int, int, int, int, int, int]:
    """(my distress posts, replies by others to them, supportive, er, ip, ex, toxic, and
    those read as neither toxic nor hateful whose words tell me to die: the stored
    ``death_wish``); the shares leave out replies that were not read (no scores)."""
    row = rm.rows(f"""
        WITH g AS ({_GROUPED}), r AS ({_TO_DISTRESS})
        SELECT (SELECT count(*) FROM g WHERE grp = 'distress'),
               count(*) FILTER (scored), count(*) FILTER (is_supportive),
               count(*) FILTER (is_er), count(*) FILTER (is_ip), count(*) FILTER (is_ex),
               count(*) FILTER (is_toxic),
               count(*) FILTER (is_wish_only)
        FROM r""")[0]
    return tuple(int(v or 0) for v in row)


def top_responders(rm: ReadModel, limit: int) -> list[tuple[str, int]]:
    """Accounts with the most supportive replies to my distress posts, never an account
    whose posts aimed at me are mostly hostile, nor one that sent me words that tell me to
    die (the stored ``death_wish``, as ``unoffered`` leaves them out)."""
    return rm.rows(f"""
        SELECT author_id, count(*) AS n FROM ({_TO_DISTRESS})
        WHERE is_supportive AND author_id NOT IN (SELECT account_id FROM {{p}}_hostile)
          AND author_id NOT IN (SELECT author_id FROM {{p}}_aimed_by_author
                                WHERE wishes > 0)
        GROUP BY author_id ORDER BY n DESC, author_id LIMIT {int(limit)}""")


_GIVEN = """
    SELECT r.*, parent.post_id AS parent_id, parent.created_at AS parent_at,
           parent.scored AS parent_scored, parent.label AS parent_label
    FROM {p}_my_replies r LEFT JOIN {p}_read parent
         ON parent.post_id = r.reply_to_post_id AND parent.author_id <> r.author_id"""


def given_counts(rm: ReadModel) -> tuple:
    """(my replies, of them read, replies to a read post, of them to distress, supportive,
    toxic, median hours to answer, replies timed)."""
    row = rm.rows(f"""
        WITH g AS ({_GIVEN})
        SELECT count(*), count(*) FILTER (scored), count(*) FILTER (parent_scored),
               count(*) FILTER (parent_scored AND parent_label = 'distress'),
               count(*) FILTER (is_supportive), count(*) FILTER (is_toxic),
               median(epoch(created_at - parent_at) / 3600.0)
                   FILTER (parent_at IS NOT NULL AND created_at >= parent_at),
               count(*) FILTER (parent_at IS NOT NULL AND created_at >= parent_at)
        FROM g""")[0]
    return row


def toxic_reply_examples(rm: ReadModel, limit: int) -> list[tuple]:
    return rm.rows(f"""SELECT post_id, created_at, text, is_crisis FROM {{p}}_my_replies
                       WHERE is_toxic ORDER BY created_at, post_id LIMIT {int(limit)}""")


def stage_months(rm: ReadModel) -> list[tuple]:
    """Per calendar month (UTC) of my posts: (month, posts, upbeat, distress)."""
    return rm.rows(f"""
        WITH g AS ({_GROUPED})
        SELECT strftime(created_at AT TIME ZONE 'UTC', '%Y-%m') AS month, count(*),
               count(*) FILTER (grp = 'upbeat'), count(*) FILTER (grp = 'distress')
        FROM g WHERE grp IS NOT NULL GROUP BY month ORDER BY month""")


def aimed_counts(rm: ReadModel) -> tuple[int, int, int, int, int]:
    """(posts aimed at me that were read, of them toxic, hateful, either, and those read as
    neither whose words tell me to die: ``is_death_wish``, the stored rule)."""
    row = rm.rows("SELECT sum(aimed), sum(toxic), sum(hateful), sum(hostile), "
                  "sum(wishes_not_hostile) FROM {p}_aimed_by_author")[0]
    return tuple(int(v or 0) for v in row)


def aimed_by_month(rm: ReadModel) -> list[tuple]:
    return rm.rows("""
        SELECT strftime(created_at AT TIME ZONE 'UTC', '%Y-%m') AS month,
               count(*) FILTER (scored), count(*) FILTER (is_toxic),
               count(*) FILTER (is_hateful)
        FROM {p}_aimed_at_me GROUP BY month ORDER BY month""")


def aimed_by_account(rm: ReadModel, limit: int) -> tuple[list[tuple], int]:
    """(author, toxic, hateful, either, read, words that tell me to die read as neither) of
    the accounts with at least ``MIN_HOSTILE_POSTS`` posts aimed at me read as toxic or
    hateful or using such words (the stored ``death_wish``: three of them read as their
    writer's crisis named no one), most first, ``read`` being all their posts aimed at me
    that were read; and how many accounts have fewer but some (one reading names no one:
    read_sql.MIN_HOSTILE_POSTS)."""
    rows = rm.rows(f"""SELECT author_id, toxic, hateful, hostile, aimed, wishes_not_hostile
                       FROM {{p}}_aimed_by_author
                       WHERE hostile + wishes_not_hostile >= {MIN_HOSTILE_POSTS}
                       ORDER BY hostile + wishes_not_hostile DESC, toxic + hateful DESC,
                                author_id
                       LIMIT {int(limit)}""")
    fewer = rm.scalar(f"""SELECT count(*) FROM {{p}}_aimed_by_author
                          WHERE hostile + wishes_not_hostile
                                BETWEEN 1 AND {MIN_HOSTILE_POSTS - 1}""")
    return rows, int(fewer or 0)


def example_rows(rm: ReadModel, post_ids: list[str]) -> list[tuple]:
    """(post id, created_at, text, is_crisis) of the given posts."""
    if not post_ids:
        return []
    return rm.rows("SELECT post_id, created_at, text, is_crisis FROM {p}_read "
                   "WHERE post_id IN (SELECT unnest(?))", [list(post_ids)])


def post_counts(rm: ReadModel) -> dict:
    """Posts on the platform, posts scored, posts not read because of their language (in
    total and per language), and posts (not reposts, which are never scored) with text not
    scored yet (None when nothing is)."""
    row = rm.rows("SELECT count(*), count(*) FILTER (scored), "
                  f"count(*) FILTER ({unscored('r')}) "
                  "FROM {p}_read r")[0]
    unread = unread_counts(rm.store, rm.platform, rm.model_version) if rm.model_version else {}
    return {"posts": int(row[0]), "scored": int(row[1]), "unread": sum(unread.values()),
            "unread_languages": unread, "unscored": int(row[2]) if rm.scored else None}


def no_response_counts(rm: ReadModel, window: timedelta) -> dict[str, tuple[int, int]]:
    """Per label of my posts old enough to judge (the data runs ``window`` past them):
    (posts, posts with no reply from others, no like and no repost). A reply that reads as
    toxic or hateful is no engagement, but it is a response: a post that got only such
    replies is not "no response at all"."""
    iv = _interval(window)
    rows = rm.rows(f"""
        SELECT e.label, count(*),
               count(*) FILTER (e.engagement = 0 AND e.hostile_replies = 0)
        FROM {{p}}_engagement e, {{p}}_params k
        WHERE e.label IN ('distress', 'upbeat')
          AND (k.until IS NULL OR e.created_at + {iv} <= e.judged_until)
        GROUP BY e.label""")
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def own_moments(rm: ReadModel, limit: int) -> tuple[int, list[tuple]]:
    """My own dated posts that read as written in pain (distress or crisis) or anger,
    newest first: (how many in all, up to ``limit`` rows of (post id, created_at, text, url,
    pain, anger, crisis)). Anger is a post aimed at someone (toxic), or offensive words in a post
    that does not read as pain: swearing in a post of pain ("I fucking hate my life") is
    pain, not anger (offensive marks the words, whoever they are aimed at)."""
    where = """FROM {p}_read r, {p}_params k
        WHERE r.author_id = k.me AND r.kind = 'post' AND r.deleted_at IS NULL
          AND r.created_at IS NOT NULL
          AND (r.is_distress OR r.is_toxic OR coalesce(r.offensive >= k.t_offensive, false))"""
    total = int(rm.scalar(f"SELECT count(*) {where}") or 0)
    rows = rm.rows(f"""SELECT r.post_id, r.created_at, r.text, r.url, r.is_distress,
                              r.is_toxic OR (NOT r.is_distress
                                             AND coalesce(r.offensive >= k.t_offensive, false)),
                              r.is_crisis
                       {where} ORDER BY r.created_at DESC, r.post_id LIMIT {int(limit)}""")
    return total, rows
