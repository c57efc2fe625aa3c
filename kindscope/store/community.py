"""Community-wide aggregates for moderators: SQL over the plain tables, no one's verdict.

The per-owner read model (:mod:`kindscope.store.read_sql`) answers "how is my community
to me"; these answer "how is this community to its members", for every author at once,
with the read model's definitions carried over to each author in place of "me":

- **scores and labels**: the read model's own ``posts``, ``scores`` and ``read`` views
  (``read_sql.POST_VIEWS``, built here with no owner): one model version per platform
  and one decision rule (:func:`read.decision_thresholds`): painful = distress or crisis
  at their thresholds, else upbeat, else other; unscored posts are in no group (all posts
  are "other" when the platform has no scores at all);
- **a member's own posts** (``mine`` for each author): dated, not deleted, not a DM, not
  inside a conversation with someone else, where "inside a conversation" is the read
  model's walk of each author's own reply chain up to its top;
- **void**: no reply by anyone else within the window (7 days), counted among posts the
  data runs at least the window past ("now" is the end of the data, never the clock);
- **engagement** (kindness gap): replies by others + likes (the stored count, else likes
  seen from others) + reposts (the stored count, else reposts seen by others);
- **aimed at an account**: a reply to it or a mention of it by id or handle, by someone
  else; hostile = toxic or hateful at the thresholds (as in :mod:`store.incidents`).

Results come back per community (members joined by account id), keyed by community
number only: never an account id or a handle.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pyarrow as pa

from kindscope.errors import InputError
from kindscope.store.db import Store
from kindscope.store.read import (
    ReadModel,
    _model_version,
    _until,
    create_views,
    decision_thresholds,
    drop_views,
    newest_owner,
    read_model,
)
from kindscope.store.read_sql import (
    POST_VIEWS,
    conversation_walk,
    judged_sql,
    post_group,
    targets_ctes,
    unscored,
)

__all__ = ["Communities", "CommunityScope", "community_scope", "void_by_community",
           "platforms", "anchor_account", "carried_items", "REST",
           "engagement_by_community", "most_targeted", "import_formats", "unscored_posts",
           "authors_outside", "first_post", "ownerless_platforms"]

_COUNTER = itertools.count(1)
#: Members whose community is unknown (not in the graph, or in a folded small one).
REST = -1


@dataclass(frozen=True)
class Communities:
    """The communities of one platform's graph and the follow figures of each, whichever
    method found them. Communities are numbered 0 = largest; ``membership``: account id
    -> community, one entry per account in the graph."""

    kind: str  # the graph they were found on: "follow", or "interaction" without follows
    method: str  # "leiden" (igraph, on the driver) or "label_propagation" (on the engine)
    membership: dict[str, int]
    sizes: tuple[int, ...]  # members of each community
    reciprocity: float | None  # of the whole follow graph; None without follow edges
    reciprocity_by: dict[int, float]  # inside each community that has follow edges inside
    isolated_by: dict[int, int]  # members with at most one follower inside their community
    #: Every edge of the graph touches an import's owner: the graph holds only the owners'
    #: own ties (their follow lists, their conversations), not how the others are tied, so
    #: its "communities" are only how one person's contacts split (``network``'s ego rule).
    owners_only: bool = False


class CommunityScope:
    """Temp views of one platform's posts under one model version and decision rule,
    and the members' communities; ``close()`` drops them."""

    def __init__(self, store: Store, platform: str, prefix: str, model_version: str | None,
                 thresholds: Mapping[str, float], until: datetime | None):
        self.store, self.platform, self.prefix = store, platform, prefix
        self.model_version, self.thresholds, self.until = model_version, thresholds, until

    def sql(self, text: str) -> str:
        """``text`` with ``{p}`` replaced by this scope's prefix."""
        return text.replace("{p}", self.prefix)

    def rows(self, text: str, params: list | None = None) -> list[tuple]:
        return self.store.rows(self.sql(text), params)

    def close(self) -> None:
        drop_views(self.store, self.prefix, POST_VIEWS + _VIEWS)
        self.store.execute(f"DROP TABLE IF EXISTS {self.prefix}_members")

    def __enter__(self) -> CommunityScope:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


#: The community's own views, over the read model's post views (``read_sql.POST_VIEWS``:
#: ``posts``, ``scores``, ``read``) built under the same prefix.
_VIEWS = (
    # the read model's walk, for every author
    ("conversation", conversation_walk(owner_only=False)),
    ("mine", f"""
        SELECT r.*, coalesce(m.community, -1) AS community, {post_group("r")} AS grp
        FROM {{p}}_read r LEFT JOIN {{p}}_members m ON m.account_id = r.author_id
        WHERE r.kind = 'post' AND r.deleted_at IS NULL AND r.created_at IS NOT NULL
          AND r.post_id NOT IN (SELECT post_id FROM {{p}}_conversation)"""),
    ("mine_judged", judged_sql("mine")),
    ("replies", """
        SELECT m.post_id AS parent_id, r.created_at, r.created_at >= m.created_at AS in_time,
               r.is_hostile
        FROM {p}_read r JOIN {p}_mine m ON m.post_id = r.reply_to_post_id
        WHERE r.author_id <> m.author_id AND r.kind = 'post' AND r.created_at IS NOT NULL"""),
)


def community_scope(store: Store, platform: str, membership: Mapping[str, int],
                    thresholds: Mapping[str, float] | None = None,
                    as_of: datetime | None = None) -> CommunityScope:
    """Views over ``platform``'s posts with each author's community (``membership``:
    account id -> community number; anyone else is in ``REST``)."""
    prefix = f"cm{next(_COUNTER)}"
    table = decision_thresholds(thresholds)
    version = _model_version(store, platform)
    until = as_of or _until(store, platform)
    members = pa.table({"account_id": pa.array(list(membership), pa.string()),
                        "community": pa.array(list(membership.values()), pa.int64())})
    store.con.register(f"{prefix}_arrow", members)
    try:
        store.execute(f"CREATE OR REPLACE TEMP TABLE {prefix}_members AS "
                      f"SELECT account_id, community FROM {prefix}_arrow")
    finally:
        store.con.unregister(f"{prefix}_arrow")
    create_views(store, prefix, platform, None, version, table, until, POST_VIEWS + _VIEWS)
    return CommunityScope(store, platform, prefix, version, table, until)


def void_by_community(scope: CommunityScope, window: timedelta = timedelta(days=7)
                      ) -> dict[int, dict[str, tuple[int, int, int]]]:
    """Per community, per group (distress, upbeat, other): (posts, eligible, unanswered),
    as the read model's ``void_counts`` for each author (a reply read as toxic or hateful is
    no answer); community ``None``: everyone."""
    iv = f"INTERVAL {int(window.total_seconds())} SECOND"
    rows = scope.rows(f"""
        WITH f AS (SELECT parent_id AS post_id, min(created_at) FILTER (NOT is_hostile)
                          AS first_at
                   FROM {{p}}_replies WHERE in_time GROUP BY parent_id)
        SELECT g.community, g.grp, count(*),
               count(*) FILTER (k.until IS NULL OR g.created_at + {iv} <= j.judged_until),
               count(*) FILTER ((k.until IS NULL OR g.created_at + {iv} <= j.judged_until)
                                AND (f.first_at IS NULL OR f.first_at > g.created_at + {iv}))
        FROM {{p}}_mine g LEFT JOIN f USING (post_id)
        LEFT JOIN {{p}}_mine_judged j USING (post_id), {{p}}_params k
        WHERE g.grp IS NOT NULL
        GROUP BY GROUPING SETS ((g.community, g.grp), (g.grp))
        ORDER BY 1 NULLS FIRST, 2""")
    out: dict = {}
    for community, grp, posts, eligible, unanswered in rows:
        out.setdefault(community, {})[grp] = (int(posts), int(eligible), int(unanswered))
    return out


def engagement_by_community(scope: CommunityScope) -> dict[int, dict[str, tuple]]:
    """Per community (``None``: everyone), per label (distress, upbeat): (posts, mean
    engagement) of the members' own posts, engagement as in the read model."""
    rows = scope.rows("""
        WITH rc AS (SELECT parent_id AS post_id, count(*) AS replies FROM {p}_replies
                    WHERE NOT is_hostile GROUP BY parent_id),
        likes AS (SELECT x.post_id, count(*) AS likes FROM reactions x
                  JOIN {p}_mine m ON m.post_id = x.post_id, {p}_params k
                  WHERE x.platform = k.platform AND x.kind = 'like'
                    AND x.account_id <> m.author_id GROUP BY x.post_id),
        reposts AS (SELECT r.repost_of_post_id AS post_id, count(*) AS reposts
                    FROM {p}_read r JOIN {p}_mine m ON m.post_id = r.repost_of_post_id
                    WHERE r.kind = 'repost' AND r.author_id <> m.author_id GROUP BY 1),
        e AS (SELECT m.community, m.label,
                     coalesce(rc.replies, 0) + coalesce(m.like_count, l.likes, 0)
                       + coalesce(m.repost_count, s.reposts, 0) AS engagement
              FROM {p}_mine m LEFT JOIN rc USING (post_id) LEFT JOIN likes l USING (post_id)
              LEFT JOIN reposts s USING (post_id) JOIN {p}_mine_judged j USING (post_id)
              WHERE m.label IN ('distress', 'upbeat') AND j.judged_until IS NOT NULL)
        SELECT community, label, count(*), avg(engagement) FROM e
        GROUP BY GROUPING SETS ((community, label), (label))
        ORDER BY 1 NULLS FIRST, 2""")
    out: dict = {}
    for community, label, posts, mean in rows:
        out.setdefault(community, {})[label] = (int(posts), float(mean))
    return out


def most_targeted(scope: CommunityScope, top: int = 10
                  ) -> list[tuple[int, int, int, int, int]]:
    """The accounts that received the most hostile posts, as counts only: (rank, scored
    posts aimed at it, posts aimed at it read as toxic or hateful, of them read as hateful
    but not toxic, and posts read as neither whose words tell it to die), most hostile
    (the last three's sum, as a pile-on counts them) first. Who they are is never returned.
    Hateful-but-not-toxic readings are counted apart: the hate head reads many denials of a
    stereotype, and 15% of newspaper comments labelled healthy, as hate
    (docs/models/hate.md); a death wish read so is not one of them (``is_death_wish``, the
    stored rule, as pile-ons read it)."""
    rows = scope.rows(f"""
        WITH r AS (SELECT * FROM {{p}}_read WHERE kind = 'post' AND created_at IS NOT NULL
                   AND scored)
        {targets_ctes("{p}", "read")},
        per AS (SELECT t.target, count(*) AS aimed,
                       count(*) FILTER (r.is_toxic OR r.is_hateful) AS hostile,
                       count(*) FILTER (r.is_hateful AND NOT r.is_toxic
                                        AND NOT r.is_death_wish) AS hate_only,
                       count(*) FILTER (r.is_wish_only) AS wish_words
                FROM targets t JOIN r USING (post_id) WHERE r.author_id <> t.target
                GROUP BY t.target)
        SELECT aimed, hostile, hate_only, wish_words FROM per WHERE hostile + wish_words > 0
        ORDER BY hostile + wish_words DESC, aimed DESC, target LIMIT {int(top)}""")
    return [(i + 1, int(a), int(h), int(o), int(w)) for i, (a, h, o, w) in enumerate(rows)]


def platforms(store: Store) -> list[str]:
    """Platforms that have posts or follows, in name order."""
    return [r[0] for r in store.rows(
        "SELECT platform FROM posts UNION SELECT platform FROM follows ORDER BY 1")]


def scan_read_model(store: Store, me: str | None = None, platform: str | None = None
                    ) -> tuple[ReadModel, bool]:
    """The read model the safety scans run on, and whether the data names no owner.

    ``me``, else the owner of the newest import (on ``platform``, where given) by
    :func:`read.newest_owner`, the one rule every command reads "me" by. Pile-ons, bursts and
    trawlers are looked for against every account, whoever "me" is, so data no import names
    an owner of (a moderator's community export) is scanned on one platform anchored at any
    account, as ``kindscope community`` does, rather than refused for want of --me; of
    several platforms, ``platform`` names the one (InputError without it)."""
    if me is not None or newest_owner(store, platform) is not None:
        return read_model(store, me, platform=platform), False
    found = [platform] if platform is not None else platforms(store)
    if len(found) > 1:  # "pass --me" was no help for data of many people on two platforms
        raise InputError(f"this data holds posts of several platforms ({', '.join(found)}) "
                         "and no import names an owner: give --platform to look at one",
                         "--platform")
    anchor = anchor_account(store, found[0]) if found else None
    if anchor is None:  # no posts: read_model says what to give
        return read_model(store, me), False
    return read_model(store, anchor), True


def anchor_account(store: Store, platform: str) -> str | None:
    """An account of ``platform`` to build a read model on for the platform-wide scans
    (pile-ons look at every target, whoever "me" is): the newest import's owner, by
    ``read.newest_owner`` as every command reads "me", else the first author."""
    found = newest_owner(store, platform)
    if found is not None:
        return found[1]
    return store.scalar("SELECT min(author_id) FROM posts WHERE platform = ?", [platform])


def ownerless_platforms(store: Store) -> list[str]:
    """Platforms with posts or follows that no import names an owner of, in name order."""
    return [r[0] for r in store.rows(
        "SELECT platform FROM posts UNION SELECT platform FROM follows EXCEPT "
        "SELECT platform FROM snapshots WHERE owner_id IS NOT NULL AND owner_id <> '' "
        "ORDER BY 1")]


def first_post(scope: CommunityScope) -> datetime | None:
    """When the oldest dated post the view reads was written (the start of the data, as
    ``scope.until`` is its end)."""
    ms = scope.rows("SELECT epoch_ms(min(created_at)) FROM {p}_posts "
                    "WHERE kind <> 'dm'")[0][0]
    return None if ms is None else datetime.fromtimestamp(ms / 1000, UTC)


def import_formats(store: Store, platform: str) -> list[str]:
    """The formats of the imports of ``platform`` (what a "cannot show" names)."""
    return [r[0] for r in store.rows(
        "SELECT DISTINCT format FROM snapshots WHERE platform = ? ORDER BY 1", [platform])]


def carried_items(store: Store, platform: str) -> list[str]:
    """What the imports of ``platform`` carry (any import)."""
    return [r[0] for r in store.rows(
        "SELECT DISTINCT c.item FROM snapshots s JOIN snapshot_carries c USING (snapshot_id) "
        "WHERE s.platform = ? ORDER BY 1", [platform])]


def unscored_posts(scope: CommunityScope) -> int:
    """Posts with text that the read model has no reading of yet (not scored; those not
    read for their language are not counted): a reply among them counts as an answer, and
    no pile-on among them can be seen, until they are scored."""
    return int(scope.rows(f"""
        SELECT count(*) FROM {{p}}_read r
        WHERE r.created_at IS NOT NULL AND {unscored("r")}""")[0][0])


def authors_outside(scope: CommunityScope) -> int:
    """Accounts with posts of their own here that are in no community (outside the graph:
    a newcomer no one follows): counted in ``REST`` with everyone outside the graph."""
    return int(scope.rows("""
        SELECT count(DISTINCT r.author_id) FROM {p}_read r
        WHERE r.kind = 'post' AND r.author_id NOT IN (SELECT account_id FROM {p}_members)
        """)[0][0])
