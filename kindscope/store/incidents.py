"""Rows the pile-on and trawler scan needs, through one read model.

Hostile means the read model's decision (``is_toxic OR is_hateful``: one model version,
one set of thresholds), or words that tell someone to die (``is_death_wish``, the rule's
reading stored with the scores, whatever the model read). "Aimed at" an account is what the
read model's ``aimed_at_me`` view means for the owner, for every account: a reply to it
(by the reply's account or the parent post's author) or a mention of it by id or handle
(case-insensitive, without ``@``). Only the filtered rows come back, not every post.
"""

from __future__ import annotations

from datetime import timedelta

from kindscope.store.read import ReadModel
from kindscope.store.read_sql import reading_of, targets_ctes, unscored

__all__ = ["hostility_scored", "hostile_aimed", "old_post_replies", "hostility_of",
           "hostility", "unread_aimed", "unscored_elsewhere"]

_AIMED = """
    WITH r AS (SELECT * FROM {p}_read
               WHERE kind = 'post' AND created_at IS NOT NULL
                 AND (is_toxic OR is_hateful OR is_death_wish))
    """ + targets_ctes("{p}", "posts",
                       "UNION SELECT k.me, name FROM {p}_my_names, {p}_params k") + """
    SELECT t.target, r.created_at, r.post_id, r.author_id, r.toxicity, r.hate, r.is_toxic,
           r.is_death_wish
    FROM targets t JOIN r USING (post_id)
    WHERE r.author_id <> t.target
    ORDER BY t.target, r.created_at, r.post_id"""


def hostility(toxicity: float | None, hate: float | None) -> dict[str, float]:
    """``{"toxicity": .., "hate": ..}`` with the scores a post has."""
    return {s: float(v) for s, v in (("toxicity", toxicity), ("hate", hate)) if v is not None}


def hostility_scored(rm: ReadModel) -> bool:
    """Whether any post has a toxicity or hate score under the read model's version."""
    return bool(rm.scalar("SELECT count(*) > 0 FROM {p}_read "
                          "WHERE toxicity IS NOT NULL OR hate IS NOT NULL"))


def unread_aimed(rm: ReadModel) -> tuple[int, int]:
    """Posts by others aimed at me the read model has no reading of: ``(not scored yet,
    not read because of their language)``, by ``read_sql.reading_of`` as the inbox marks
    them. A pile-on among them cannot be seen. A post with no text (an image alone) has
    nothing to read and is in neither."""
    row = rm.rows(f"""
        SELECT count(*) FILTER (reading = 'unscored'), count(*) FILTER (reading = 'language')
        FROM (SELECT {reading_of("a")} AS reading FROM {{p}}_aimed_at_me a)""")[0]
    return int(row[0]), int(row[1])


def unscored_elsewhere(rm: ReadModel) -> int:
    """Posts by others not aimed at me that are not scored yet: pile-ons on other people
    among them cannot be seen (``unread_aimed`` counts those aimed at me)."""
    return int(rm.scalar(f"""
        SELECT count(*) FROM {{p}}_read r, {{p}}_params k
        WHERE r.author_id <> k.me AND r.created_at IS NOT NULL AND {unscored("r")}
          AND r.post_id NOT IN (SELECT post_id FROM {{p}}_aimed_at_me)""") or 0)


def hostile_aimed(rm: ReadModel) -> list[tuple]:
    """(target, created_at, post id, author, toxicity, hate, is_toxic, is_death_wish) of
    each dated post aimed at an account other than its author that is
    read as toxic or hateful, or whose words tell someone to die, by target and time."""
    return rm.rows(_AIMED)


def old_post_replies(rm: ReadModel, min_age: timedelta) -> list[tuple]:
    """(replier, target, replied at, reply id, replied-to post id) of replies to someone
    else's post at least ``min_age`` older than the reply."""
    return rm.rows("""
        SELECT r.author_id, o.author_id, r.created_at, r.post_id, o.post_id
        FROM {p}_posts r JOIN {p}_posts o ON o.post_id = r.reply_to_post_id
        WHERE r.kind = 'post' AND r.author_id <> o.author_id
          AND r.created_at IS NOT NULL AND o.created_at IS NOT NULL
          AND r.created_at - o.created_at >= ?
        ORDER BY 1, 2, 3, 4, 5""", [min_age])


def hostility_of(rm: ReadModel, post_ids) -> dict[str, dict[str, float]]:
    """Toxicity and hate scores (those present) of the given posts."""
    ids = sorted(set(post_ids))
    if not ids:
        return {}
    out: dict[str, dict[str, float]] = {}
    for post, toxicity, hate in rm.rows(
            "SELECT post_id, toxicity, hate FROM {p}_read WHERE list_contains(?, post_id)",
            [ids]):
        out[post] = hostility(toxicity, hate)
    return out
