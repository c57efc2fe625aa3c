"""The read model's definitions: relational views over the store for one owner.

Each view is one SQL statement over the tables of :mod:`kindscope.store.schema` and the
views before it. ``{p}`` is the read model's prefix (each read model has its own temp
views), and every parameter is read from the one-row table ``{p}_params``, so the same
text runs on any engine that has views (DuckDB here; Spark SQL through SQLGlot later).

The shared ideas are defined here once, and only here:

- ``posts``: the owner's platform, no direct messages, none of the posts of others fetched
  only for the care queue (``CARE_ONLY``: ``import --following``); ``all_posts`` and
  ``care_read`` keep those, for the care queue alone (:mod:`kindscope.store.care`);
- ``read``: each post with its scores under one model version and one decision rule
  (``label`` is ``distress`` when distress or crisis passes its threshold, else ``upbeat``
  when upbeat does, else ``other``; NULL when the post has no scores). The rule's SQL
  (``LABEL``, ``IS_TOXIC``, ``IS_HATEFUL``, ...) is written once below. ``posts``, ``scores``
  and ``read`` (``POST_VIEWS``) read no owner: the community view
  (:mod:`kindscope.store.community`) builds the same three and reads every author from them;
- ``conversation``: my posts inside a conversation with someone else (any ancestor by
  someone else, or a reply of mine addressed to someone else);
- ``mine`` / ``my_replies``: my dated posts outside / inside conversations;
- ``replies_by_others``: dated replies by anyone but me to a post of mine; ``is_hostile``:
  read as toxic or hateful, or using words that tell someone to die (``is_death_wish``,
  the stored reading of the rule: such a reply is not an answer: ``aggregates``, the care
  queue);
- ``aimed_at_me``: dated posts by others replying to me, quoting a post of mine (a quote-post
  "dunk" is aimed at its author: a review, 2026-12-06) or mentioning me (by id or handle);
- ``engagement``: replies from others + likes + reposts of each of my posts;
- ``blocked``: accounts I blocked or muted;
- ``aimed_by_author``: per account, its posts aimed at me: read, toxic, hateful, either
  (``hostile``), read as neither (``fine``), and those whose words tell me to die
  (``wishes``; ``wishes_not_hostile`` of them read as neither); every per-author rule
  below reads it;
- ``hostile``: accounts whose read posts aimed at me are mostly (more than half) toxic or
  hateful, and at least ``MIN_HOSTILE_POSTS`` of them: one reading never decides;
- ``unoffered``: accounts never offered as someone to get to know (hostile readings as
  ``MIN_HOSTILE_POSTS`` or more, or not outnumbered by posts read as neither; any words
  that tell me to die; or blocked).

A post that was not read (no scores: another language, or not scored yet) has every
``is_*`` flag false; shares divide by the posts that were read (``scored``).
"""

from __future__ import annotations

import re

__all__ = ["addressed", "CARE_ONLY", "CARE_ONLY_ACCOUNTS", "FETCHED_FORMATS", "HAS_FETCHED",
           "SHOWN_POSTS",
           "LABEL", "not_read_for_language", "reading_of",
           "MATERIALISED", "MIN_HOSTILE_POSTS", "POST_VIEWS", "RULE_COLUMNS", "SIGNAL_COLUMNS",
           "VIEWS",
           "conversation_walk", "judged_sql", "post_group", "targets_ctes", "unscored"]

#: Views kept as temporary tables for the life of a read model: the score pivot groups
#: every signal_scores row by post, and every later view reads it (at 1M posts, rebuilding
#: it per query cost 2 s each time; benchmarks/bench_report_scale.py).
MATERIALISED = frozenset({"scores", "care_only", "reply_cover"})

#: Import formats that fetch other people's recent posts only for the care queue
#: (``import --following``).
FETCHED_FORMATS = ("bluesky-following", "mastodon-following")
_FETCHED = ", ".join(f"'{f}'" for f in FETCHED_FORMATS)
#: ``(platform, post_id)`` of the posts of others fetched only for the care queue: every
#: import that holds the post is of a ``FETCHED_FORMATS`` format and owned by someone other
#: than its author. The README promises them to the care queue only: every view but the
#: care queue's (``care_read``), and every export, leaves them out.
CARE_ONLY = f"""
    SELECT ps.platform, ps.post_id
    FROM post_sources ps JOIN snapshots s ON s.snapshot_id = ps.snapshot_id
    JOIN posts p ON p.platform = ps.platform AND p.post_id = ps.post_id
    WHERE EXISTS (SELECT 1 FROM post_sources f JOIN snapshots fs
                    ON fs.snapshot_id = f.snapshot_id
                  WHERE f.platform = ps.platform AND f.post_id = ps.post_id
                    AND fs.format IN ({_FETCHED}))
    GROUP BY ps.platform, ps.post_id
    HAVING bool_and(s.format IN ({_FETCHED}) AND p.author_id IS DISTINCT FROM s.owner_id)"""
#: Whether any import fetched posts for the care queue: without one, no row is the care
#: queue's alone.
HAS_FETCHED = f"SELECT count(*) > 0 FROM snapshots WHERE format IN ({_FETCHED})"


def not_read_for_language(post: str) -> str:
    """Whether the post ``post`` (a row alias) has no reading because the signals of the
    read model's version do not read its language (``post_languages``)."""
    return (f"EXISTS (SELECT 1 FROM post_languages l, {{p}}_params lk "
            f"WHERE l.platform = lk.platform AND l.post_id = {post}.post_id "
            "AND l.model_version = lk.model_version AND NOT l.is_read)")


def reading_of(post: str) -> str:
    """What the read model made of the post ``post`` (a row alias of a view with ``scored``
    and ``text``), the one rule for every list of posts aimed at me: ``'read'`` (scored, or
    no text to read: an image alone), ``'language'`` (not read for its language) or
    ``'unscored'`` (not scored yet)."""
    return (f"CASE WHEN {post}.scored OR coalesce(trim({post}.text), '') = '' THEN 'read' "
            f"WHEN {not_read_for_language(post)} THEN 'language' ELSE 'unscored' END")


def addressed(post: str) -> str:
    """The post ``post`` (a row alias of ``posts``) replies to or quotes someone, whether or
    not that post is stored or has text: the death-wish rule reads an order alone in it as
    said to them (``kindscope score``, and ``old_scores`` for an earlier model's scores)."""
    return (f"({post}.reply_to_post_id IS NOT NULL OR {post}.reply_to_account_id IS NOT NULL "
            f"OR {post}.quote_of_post_id IS NOT NULL)")


def unscored(post: str) -> str:
    """The post ``post`` (a row alias as for ``reading_of``) is an authored post the read
    model has not scored yet (not a repost; not one left unread for its language): the one
    rule of every "not scored yet" count (the report, community, safety)."""
    return f"{post}.kind = 'post' AND {reading_of(post)} = 'unscored'"


#: The ``posts`` table less ``CARE_ONLY``: what the analyses that read posts outside a read
#: model (network figures and names, interaction edges, evidence packs) read.
SHOWN_POSTS = f"""(SELECT * FROM posts WHERE NOT EXISTS (
    SELECT 1 FROM ({CARE_ONLY}) c WHERE c.platform = posts.platform
      AND c.post_id = posts.post_id))"""

#: ``(platform, account_id)`` of the accounts known only as authors of ``CARE_ONLY`` posts
#: (people who replied in a fetched thread): every profile of theirs that was stored came
#: from a fetch for the care queue (``account_sources``; 'legacy', before sources were kept,
#: counts as the user's), and no import of the user's own names them as an owner, a follow,
#: a block, a reaction, or the author, addressee or a mention (by id or handle) of a post
#: shown elsewhere. Their profiles (handle, name, bio) are the care queue's alone, as their
#: posts are: exports leave them out and ``care --forget`` deletes them with the posts.
CARE_ONLY_ACCOUNTS = f"""
    WITH authors AS (
        SELECT DISTINCT p.platform, p.author_id
        FROM posts p JOIN ({CARE_ONLY}) c ON c.platform = p.platform AND c.post_id = p.post_id
    ), named AS (
        SELECT DISTINCT platform, lower(ltrim(m, '@')) AS name
        FROM (SELECT platform, unnest(mentions) AS m FROM {SHOWN_POSTS} o
              WHERE len(mentions) > 0)
    )
    SELECT p.platform, p.author_id AS account_id FROM authors p
    LEFT JOIN accounts a ON a.platform = p.platform AND a.account_id = p.author_id
    WHERE NOT EXISTS (SELECT 1 FROM account_sources x
                      LEFT JOIN snapshots s ON s.snapshot_id = x.snapshot_id
                      WHERE x.platform = p.platform AND x.account_id = p.author_id
                        AND NOT coalesce(s.format IN ({_FETCHED})
                                         AND s.owner_id IS DISTINCT FROM p.author_id, false))
      AND NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.platform = p.platform
                        AND s.owner_id = p.author_id)
      AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.platform = p.platform
                        AND f.follower_id = p.author_id)
      AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.platform = p.platform
                        AND f.followee_id = p.author_id)
      AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.platform = p.platform
                        AND p.author_id IN (b.account_id, b.target_id))
      AND NOT EXISTS (SELECT 1 FROM reactions r WHERE r.platform = p.platform
                        AND r.account_id = p.author_id)
      AND NOT EXISTS (SELECT 1 FROM {SHOWN_POSTS} o WHERE o.platform = p.platform
                        AND o.author_id = p.author_id)
      AND NOT EXISTS (SELECT 1 FROM {SHOWN_POSTS} o WHERE o.platform = p.platform
                        AND o.reply_to_account_id = p.author_id)
      AND NOT EXISTS (SELECT 1 FROM named n WHERE n.platform = p.platform
                        AND n.name = lower(p.author_id))
      AND NOT EXISTS (SELECT 1 FROM named n WHERE n.platform = p.platform
                        AND n.name = lower(ltrim(a.handle, '@')))"""

#: Posts aimed at me read as toxic or hateful that make an account ``hostile`` (with more
#: than half of its read posts aimed at me). One is not enough: one reply reads as toxic or
#: hateful for 19% of newspaper comments labelled healthy (held apart) and 8% of
#: counter-speech (Multitarget-CONAN, a sister set of a training source;
#: training/variants/2026-12-05p/one_reply.py), and an account read as
#: hostile is left out of the care queue. One-off hostile repliers are kept out of "People
#: who reply to you" by a rule of its own: fewer than MIN_HOSTILE_POSTS such posts, and read
#: posts that are neither outnumbering them (``store.network.owner_reply_pairs``).
MIN_HOSTILE_POSTS = 2

#: Score columns of the ``read`` view (NULL when the post has no score for it).
SIGNAL_COLUMNS = ("distress", "crisis", "toxicity", "offensive", "hate", "support",
                  "support_er", "support_ip", "support_ex", "upbeat")

#: Columns read from a rule rather than a head (1.0 or 0.0; NULL for scores of a model that
#: did not store them): ``death_wish``, words that tell someone to die (``signals.model.
#: RULE_SIGNALS``). No threshold: the rule decides.
RULE_COLUMNS = ("death_wish",)

_PIVOT = ",\n".join(f"max(score) FILTER (signal = '{s}') AS {s}"
                     for s in SIGNAL_COLUMNS + RULE_COLUMNS)

#: The decision rule, over a post's scores ``s`` and the thresholds ``k``: written here once,
#: for the ``read`` view, which the read model and the community view both build.
IS_TOXIC = "coalesce(s.toxicity >= k.t_toxicity, false)"
IS_HATEFUL = "coalesce(s.hate >= k.t_hate, false)"
#: The death-wish rule's stored reading (1 or 0: no threshold, the rule decides).
IS_DEATH_WISH = "coalesce(s.death_wish = 1, false)"
IS_HOSTILE = f"({IS_TOXIC} OR {IS_HATEFUL} OR {IS_DEATH_WISH})"
IS_DISTRESS = ("(coalesce(s.distress >= k.t_distress, false) "
               "OR coalesce(s.crisis >= k.t_crisis, false))")
IS_UPBEAT = "coalesce(s.upbeat >= k.t_upbeat, false)"
#: ``distress`` when distress or crisis passes its threshold, else ``upbeat`` when upbeat
#: does, else ``other``; NULL when the post has no scores.
LABEL = (f"CASE WHEN s.post_id IS NULL THEN NULL WHEN {IS_DISTRESS} THEN 'distress' "
         f"WHEN {IS_UPBEAT} THEN 'upbeat' ELSE 'other' END")


def post_group(row: str) -> str:
    """The group a post (the ``read`` view's row ``row``) is counted in: its ``label``, except
    that with no scores at all on the platform's posts the read model reads (scores of posts
    fetched only for the care queue do not count) every post is ``other``. Unscored or unread
    posts of a scored platform are in no group (NULL)."""
    return (f"CASE WHEN NOT EXISTS (SELECT 1 FROM {{p}}_read WHERE scored) THEN 'other' "
            f"ELSE {row}.label END")


#: The ``read`` view over a posts view (``{posts}``): ``read``, and the care queue's
#: ``care_read``, which also reads the posts fetched only for it (``CARE_ONLY``).
_READ = f"""
        SELECT p.*, s.post_id IS NOT NULL AS scored,
               s.distress, s.crisis, s.toxicity, s.offensive, s.hate, s.support,
               s.support_er, s.support_ip, s.support_ex, s.upbeat, s.death_wish,
               coalesce(s.crisis >= k.t_crisis, false) AS is_crisis,
               {IS_DISTRESS} AS is_distress,
               {IS_UPBEAT} AS is_upbeat,
               -- A reply that is toxic or hateful is never support, however warm its
               -- words (the support head reads sarcasm and insults under a painful post
               -- as comfort: the challenge suite's sarcasm cases).
               coalesce(s.support >= k.t_support, false)
                   AND NOT {IS_HOSTILE} AS is_supportive,
               {IS_TOXIC} AS is_toxic,
               {IS_HATEFUL} AS is_hateful,
               {IS_DEATH_WISH} AS is_death_wish,
               -- hostile: read as toxic or hateful, or words that tell someone to die (the
               -- stored rule, read as toxic or not): no answer, no engagement, never kind
               {IS_HOSTILE} AS is_hostile,
               -- such words read as neither toxic nor hateful: counted beside those
               {IS_DEATH_WISH} AND NOT ({IS_TOXIC} OR {IS_HATEFUL}) AS is_wish_only,
               coalesce(s.support_er >= k.t_support_er, false)
                   AND NOT {IS_HOSTILE} AS is_er,
               coalesce(s.support_ip >= k.t_support_ip, false)
                   AND NOT {IS_HOSTILE} AS is_ip,
               coalesce(s.support_ex >= k.t_support_ex, false)
                   AND NOT {IS_HOSTILE} AS is_ex,
               coalesce(s.distress >= k.strong_distress, false)
                   OR coalesce(s.crisis >= k.t_crisis, false) AS is_disclosure,
               {LABEL} AS label
        FROM {{posts}} p CROSS JOIN {{p}}_params k
        LEFT JOIN {{p}}_scores s USING (post_id)"""


#: The spans of time in which the data holds others' replies (``from_at`` NULL: from the
#: start), so that a post counts as answered or not only where its whole window lies in
#: one (``judged_until``). A Jetstream capture holds only what happened while it ran: from
#: its first event to its last, by the events' own times (``capture_spans``; a post's
#: createdAt is its client's, and one backdated post widened a span taken from posts back
#: years), or, for a capture imported before those were kept, from the first to the last
#: post it holds. Any other import that carries others' replies (an AppView or Mastodon
#: API fetch, a generic file), or none at all, holds them up to the end of the data
#: (``until``), as before captures were told apart; so the spans narrow anything only
#: where captures are the only source of others' replies (a repository of years of posts
#: beside a capture of two weeks made every older post "unanswered"). For an owner
#: (``k.me``) only the imports that can show who answered them count, as in
#: ``availability.data_carries``: their own, or one of no one's that holds a post of
#: theirs; with no owner (the community view), every import of the platform. No span runs
#: past ``until`` (a read model ``as_of`` an earlier time).
_REPLY_COVER = """
    WITH mine_in AS (
        SELECT DISTINCT ps.snapshot_id
        FROM post_sources ps JOIN posts p
          ON p.platform = ps.platform AND p.post_id = ps.post_id, {p}_params k
        WHERE p.platform = k.platform AND p.author_id = k.me),
    src AS (
        SELECT DISTINCT s.snapshot_id, s.format = 'jetstream' AS capture
        FROM snapshots s JOIN snapshot_carries c USING (snapshot_id)
        LEFT JOIN mine_in m USING (snapshot_id), {p}_params k
        WHERE s.platform = k.platform AND c.item = 'others_replies'
          AND (k.me IS NULL OR s.owner_id = k.me
               OR (s.owner_id IS NULL AND m.snapshot_id IS NOT NULL))),
    held AS (SELECT count(*) FILTER (capture) AS captures,
                    count(*) FILTER (NOT capture) AS others FROM src),
    by_posts AS (
        SELECT s.snapshot_id, min(p.created_at) AS first_at, max(p.created_at) AS last_at
        FROM src s LEFT JOIN capture_spans cs USING (snapshot_id)
        JOIN post_sources ps ON ps.snapshot_id = s.snapshot_id
        JOIN posts p ON p.platform = ps.platform AND p.post_id = ps.post_id
        WHERE s.capture AND cs.snapshot_id IS NULL AND p.created_at IS NOT NULL
        GROUP BY s.snapshot_id)
    SELECT CAST(NULL AS TIMESTAMPTZ) AS from_at, k.until AS to_at
    FROM {p}_params k, held h WHERE h.captures = 0 OR h.others > 0
    UNION ALL
    SELECT coalesce(cs.first_event_at, b.first_at) AS from_at,
           least(coalesce(cs.last_event_at, b.last_at), k.until) AS to_at
    FROM src s LEFT JOIN capture_spans cs USING (snapshot_id)
    LEFT JOIN by_posts b USING (snapshot_id), {p}_params k
    WHERE s.capture AND coalesce(cs.first_event_at, b.first_at) IS NOT NULL"""


def judged_sql(posts: str) -> str:
    """Per post of the view ``posts``: ``judged_until``, the end of the span of
    :data:`_REPLY_COVER` that holds it and runs longest (NULL: none holds it, so no window
    of it can be judged)."""
    return f"""
        SELECT m.post_id, max(c.to_at) AS judged_until
        FROM {{p}}_{posts} m JOIN {{p}}_reply_cover c
          ON c.from_at IS NULL OR c.from_at <= m.created_at
        GROUP BY m.post_id"""


#: (name, SQL) in dependency order: every post of the platform read under the one model
#: version and decision rule. They read no owner (``k.me``): the community view
#: (``store.community``) builds these same views for every author at once.
POST_VIEWS: tuple[tuple[str, str], ...] = (
    ("all_posts", """
        SELECT p.post_id, p.author_id, p.created_at, coalesce(p.text, '') AS text, p.kind,
               p.reply_to_post_id, p.reply_to_account_id, p.root_post_id,
               p.repost_of_post_id, p.quote_of_post_id, coalesce(p.mentions, []) AS mentions,
               p.like_count,
               p.repost_count, p.reply_count, p.deleted_at, p.url
        FROM posts p, {p}_params k
        WHERE p.platform = k.platform AND p.kind <> 'dm'"""),
    ("care_only", f"""
        SELECT c.post_id FROM ({CARE_ONLY}) c, {{p}}_params k WHERE c.platform = k.platform"""),
    ("posts", """
        SELECT * FROM {p}_all_posts
        WHERE post_id NOT IN (SELECT post_id FROM {p}_care_only)"""),
    ("scores", f"""
        SELECT s.post_id, {_PIVOT}
        FROM signal_scores s, {{p}}_params k
        WHERE s.platform = k.platform AND s.model_version = k.model_version
        GROUP BY s.post_id"""),
    ("read", _READ.replace("{posts}", "{p}_posts")),
    ("care_read", _READ.replace("{posts}", "{p}_all_posts")),
    ("reply_cover", _REPLY_COVER),
)


def conversation_walk(owner_only: bool) -> str:
    """The posts inside a conversation with someone else, for the owner (``{p}_params.me``)
    or, with ``owner_only`` False, for every author (the community view).

    A post belongs to the chain of its author's own posts above it, up to its top: the first
    post that is addressed to someone else, or whose parent is someone else's or missing.
    The chain is in a conversation when its top is addressed to someone else or answers
    someone else's post; that verdict flows down the chain (top-down, so each post is
    visited once; a cycle of one author's posts has no top and is not a conversation)."""
    who = ", {p}_params k WHERE p.author_id = k.me" if owner_only else ""
    return """
        WITH RECURSIVE
        own AS (SELECT p.post_id, p.author_id, p.reply_to_post_id,
                       coalesce(p.reply_to_account_id, p.author_id) = p.author_id AS to_self
                FROM {p}_posts p""" + who + """),
        tops AS (SELECT o.post_id, o.author_id FROM own o
                 LEFT JOIN {p}_posts parent ON parent.post_id = o.reply_to_post_id
                 WHERE NOT o.to_self
                    OR (parent.post_id IS NOT NULL AND parent.author_id <> o.author_id)),
        walk(post_id, author_id) AS (
            SELECT post_id, author_id FROM tops
            UNION ALL
            SELECT c.post_id, c.author_id FROM walk w
            JOIN own c ON c.reply_to_post_id = w.post_id AND c.author_id = w.author_id
            WHERE c.to_self)
        SELECT DISTINCT post_id FROM walk"""


_AIMED_AT_ME = """
        SELECT r.* FROM {p}_read r
        LEFT JOIN {p}_posts parent ON parent.post_id = r.reply_to_post_id
        LEFT JOIN {p}_posts quoted ON quoted.post_id = r.quote_of_post_id, {p}_params k
        WHERE r.author_id <> k.me AND r.kind = 'post' AND r.created_at IS NOT NULL
          AND (r.reply_to_account_id = k.me OR parent.author_id = k.me
               OR quoted.author_id = k.me
               OR list_has_any(list_transform(r.mentions, lambda x: lower(ltrim(x, '@'))),
                               (SELECT list(name) FROM {p}_my_names)))"""
_AIMED_BY_AUTHOR = """
        SELECT author_id, count(*) FILTER (scored) AS aimed,
               count(*) FILTER (is_toxic) AS toxic, count(*) FILTER (is_hateful) AS hateful,
               count(*) FILTER (is_toxic OR is_hateful) AS hostile,
               count(*) FILTER (scored AND NOT (is_toxic OR is_hateful)) AS fine,
               count(*) FILTER (is_death_wish) AS wishes,
               count(*) FILTER (is_wish_only) AS wishes_not_hostile
        FROM {p}_aimed_at_me GROUP BY author_id"""
_HOSTILE = f"""
        SELECT author_id AS account_id, aimed, hostile FROM {{p}}_aimed_by_author
        WHERE 2 * hostile > aimed AND hostile >= {MIN_HOSTILE_POSTS}"""


def _for_care(sql: str) -> str:
    """A view's SQL over the care queue's posts (``all_posts``, ``care_read``)."""
    care = {"read": "care_read", "posts": "all_posts", "aimed_at_me": "care_aimed_at_me",
            "aimed_by_author": "care_aimed_by_author"}
    return re.sub(r"\{p\}_(read|posts|aimed_at_me|aimed_by_author)\b",
                  lambda m: "{p}_" + care[m.group(1)], sql)


#: (name, SQL) in dependency order: the post views, then the owner's.
VIEWS: tuple[tuple[str, str], ...] = POST_VIEWS + (
    ("conversation", conversation_walk(owner_only=True)),
    ("mine", """
        SELECT r.* FROM {p}_read r, {p}_params k
        WHERE r.author_id = k.me AND r.kind = 'post' AND r.deleted_at IS NULL
          AND r.created_at IS NOT NULL
          AND r.post_id NOT IN (SELECT post_id FROM {p}_conversation)"""),
    ("mine_judged", judged_sql("mine")),
    ("my_replies", """
        SELECT r.* FROM {p}_read r, {p}_params k
        WHERE r.author_id = k.me AND r.kind = 'post' AND r.created_at IS NOT NULL
          AND r.post_id IN (SELECT post_id FROM {p}_conversation)"""),
    ("replies_by_others", """
        SELECT r.*, m.post_id AS parent_id, m.created_at AS parent_at,
               r.created_at >= m.created_at AS in_time
        FROM {p}_read r JOIN {p}_read m ON m.post_id = r.reply_to_post_id, {p}_params k
        WHERE m.author_id = k.me AND r.author_id <> k.me AND r.kind = 'post'
          AND r.created_at IS NOT NULL"""),
    ("my_names", """
        SELECT lower(k.me) AS name FROM {p}_params k
        UNION SELECT lower(ltrim(a.handle, '@')) FROM accounts a, {p}_params k
        WHERE a.platform = k.platform AND a.account_id = k.me AND a.handle IS NOT NULL"""),
    ("aimed_at_me", _AIMED_AT_ME),
    ("likes_seen", """
        SELECT x.post_id, count(*) AS likes FROM reactions x, {p}_params k
        WHERE x.platform = k.platform AND x.kind = 'like' AND x.account_id <> k.me
        GROUP BY x.post_id"""),
    ("reposts_seen", """
        SELECT p.repost_of_post_id AS post_id, count(*) AS reposts
        FROM {p}_posts p, {p}_params k
        WHERE p.kind = 'repost' AND p.author_id <> k.me AND p.repost_of_post_id IS NOT NULL
        GROUP BY 1"""),
    # replies from others to each post of mine: those that read as toxic or hateful apart,
    # since abuse is no engagement (a pile-on under a painful post made it look well
    # received: a user's-eye review, 2026-12-06), as it is no answer
    ("reply_counts", """
        SELECT parent_id AS post_id, count(*) FILTER (NOT is_hostile) AS replies,
               count(*) FILTER (is_hostile) AS hostile_replies
        FROM {p}_replies_by_others GROUP BY parent_id"""),
    # only the posts the data can show the response to: where captures are the only source
    # of others' replies, those made while one ran (_REPLY_COVER); elsewhere, all
    ("engagement", """
        SELECT m.post_id, m.created_at, m.label, m.is_disclosure, j.judged_until,
               coalesce(rc.replies, 0) AS replies,
               coalesce(rc.hostile_replies, 0) AS hostile_replies,
               coalesce(m.like_count, l.likes, 0) + coalesce(m.repost_count, s.reposts, 0)
                 AS reactions,
               coalesce(rc.replies, 0) + coalesce(m.like_count, l.likes, 0)
                 + coalesce(m.repost_count, s.reposts, 0) AS engagement
        FROM {p}_mine m LEFT JOIN {p}_mine_judged j USING (post_id)
        LEFT JOIN {p}_reply_counts rc USING (post_id)
        LEFT JOIN {p}_likes_seen l USING (post_id)
        LEFT JOIN {p}_reposts_seen s USING (post_id)
        WHERE j.judged_until IS NOT NULL"""),
    ("blocked", """
        SELECT DISTINCT b.target_id AS account_id FROM blocks b, {p}_params k
        WHERE b.platform = k.platform AND b.account_id = k.me
          AND b.kind IN ('block', 'mute')"""),
    ("aimed_by_author", _AIMED_BY_AUTHOR),
    ("hostile", _HOSTILE),
    # Never offered as someone to get to know ("People who reply to you", bridges): posts
    # aimed at me read as toxic or hateful MIN_HOSTILE_POSTS times or more, or one that
    # those read as neither do not outnumber (one reading never decides, but is not
    # outweighed by nothing); any that sent me words that tell me to die, read as toxic or
    # not (a pile-on's accounts were offered: a review, 2026-12-06); and every account I
    # blocked or muted.
    ("unoffered", f"""
        SELECT author_id AS account_id FROM {{p}}_aimed_by_author
        WHERE hostile >= {MIN_HOSTILE_POSTS} OR (hostile > 0 AND fine <= hostile)
           OR wishes > 0
        UNION SELECT account_id FROM {{p}}_blocked"""),
    # the care queue's own: the same rule over every post it reads, those fetched only for
    # it too (a friend's abuse in a fetched thread still keeps them out of the queue)
    ("care_aimed_at_me", _for_care(_AIMED_AT_ME)),
    ("care_aimed_by_author", _for_care(_AIMED_BY_AUTHOR)),
    ("care_hostile", _for_care(_HOSTILE)),
)


def targets_ctes(prefix: str, parents: str, extra_names: str = "") -> str:
    """The CTEs ``names, each_mention, mentioned, targets`` after a CTE ``r`` of posts:
    (post_id, target) for every account a post of ``r`` is aimed at, as the read model's
    ``aimed_at_me`` means it for the owner: a reply to it (by the reply's account or the
    author of the parent in view ``{prefix}_{parents}``), a quote of one of its posts, or a
    mention by id or handle
    (case-insensitive, without ``@``). ``prefix`` is the placeholder the caller formats
    (``{p}``); ``extra_names``: more ``UNION SELECT account_id, name`` rows.
    Starts with a comma, to follow ``WITH r AS (...)``."""
    return f"""
    , names AS (SELECT a.account_id, lower(a.account_id) AS name
              FROM accounts a, {prefix}_params k WHERE a.platform = k.platform
              UNION SELECT a.account_id, lower(ltrim(a.handle, '@'))
              FROM accounts a, {prefix}_params k
              WHERE a.platform = k.platform AND a.handle IS NOT NULL AND a.handle <> ''
              {extra_names}),
    each_mention AS (SELECT post_id, unnest(mentions) AS mention FROM r),
    mentioned AS (SELECT post_id, ltrim(mention, '@') AS raw FROM each_mention),
    targets AS (
        SELECT post_id, reply_to_account_id AS target FROM r
        WHERE reply_to_account_id IS NOT NULL
        UNION SELECT r.post_id, parent.author_id FROM r
        JOIN {prefix}_{parents} parent ON parent.post_id = r.reply_to_post_id
        UNION SELECT r.post_id, quoted.author_id FROM r
        JOIN {prefix}_{parents} quoted ON quoted.post_id = r.quote_of_post_id
        UNION SELECT m.post_id, coalesce(n.account_id, m.raw) FROM mentioned m
        LEFT JOIN names n ON n.name = lower(m.raw))"""
