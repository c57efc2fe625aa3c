"""Signal scores in the store: which posts still need reading, writing what was read, and
counting the posts that were not read because of their language.

A post scored by a model version has either
- one ``signal_scores`` row per signal and a ``post_languages`` row with ``is_read = true``;
- or, in a language the signals do not read, only a ``post_languages`` row with
  ``is_read = false`` and its language: *not read*, so no rate counts it, and it is not
  taken for "not yet scored" either.
Stores scored before ``post_languages`` existed have score rows and no language rows; their
posts count as read.
"""

from __future__ import annotations

import pyarrow as pa

from kindscope.store.db import Store
from kindscope.store.read_sql import addressed

__all__ = [
    "LANGUAGE_COLUMNS",
    "SCORE_COLUMNS",
    "pending_posts",
    "scored_versions",
    "unread_counts",
    "unread_post_ids",
    "write_scores",
]

#: Columns of the long table ``write_scores`` takes for ``signal_scores``.
SCORE_COLUMNS = ("platform", "post_id", "signal", "score", "model_version")
#: Columns of the table ``write_scores`` takes for ``post_languages``.
LANGUAGE_COLUMNS = ("platform", "post_id", "model_version", "lang", "is_read")

_PENDING_SQL = """
SELECT p.platform, p.post_id, p.text, parent.text AS context,
       """ + addressed("p") + """ AS addressed
FROM posts AS p
LEFT JOIN posts AS parent
  ON parent.platform = p.platform AND parent.post_id = p.reply_to_post_id
WHERE p.kind = 'post'
  AND p.text IS NOT NULL AND trim(p.text) <> ''
  AND NOT EXISTS (
    SELECT 1 FROM signal_scores AS s
    WHERE s.platform = p.platform AND s.post_id = p.post_id AND s.model_version = $version
  )
  AND NOT EXISTS (
    SELECT 1 FROM post_languages AS l
    WHERE l.platform = p.platform AND l.post_id = p.post_id AND l.model_version = $version
  )
ORDER BY p.platform, p.post_id
"""

_INSERT_SCORES_SQL = """
INSERT INTO signal_scores (platform, post_id, signal, score, model_version)
SELECT platform, post_id, signal, score, model_version FROM _kindscope_new_scores
ON CONFLICT DO NOTHING
"""

_INSERT_LANGUAGES_SQL = """
INSERT INTO post_languages (platform, post_id, model_version, lang, is_read)
SELECT platform, post_id, model_version, lang, is_read FROM _kindscope_new_languages
ON CONFLICT DO NOTHING
"""

_NEWEST_VERSION_SQL = """
SELECT model_version FROM post_languages WHERE $platform IS NULL OR platform = $platform
GROUP BY model_version ORDER BY max(scored_at) DESC, model_version DESC LIMIT 1
"""

_UNREAD_COUNTS_SQL = """
SELECT lang, count(*) FROM post_languages
WHERE ($platform IS NULL OR platform = $platform) AND model_version = $version
  AND NOT is_read
GROUP BY lang ORDER BY count(*) DESC, lang
"""

_UNREAD_IDS_SQL = """
SELECT post_id FROM post_languages
WHERE platform = $platform AND model_version = $version AND NOT is_read
ORDER BY post_id
"""


def pending_posts(store: Store, model_version: str) -> pa.Table:
    """Authored posts with text that ``model_version`` has neither scored nor declined.

    Columns ``platform, post_id, text, context, addressed`` (``context``: the text of the
    post it replies to, or null; ``addressed``: it replies to or quotes someone, whether or
    not that post is here or has text: the death-wish rule reads an order alone in it as
    said to someone), ordered by ``(platform, post_id)``.
    """
    result = store.con.sql(_PENDING_SQL, params={"version": model_version}).arrow()
    if not isinstance(result, pa.Table):  # DuckDB >= 1.4 returns a reader here
        result = result.read_all()
    return result


def write_scores(store: Store, scores: pa.Table, languages: pa.Table) -> None:
    """Write one chunk of scores and language rows in one transaction (existing rows kept).

    ``scores`` has ``SCORE_COLUMNS`` (one row per read post and signal), ``languages`` has
    ``LANGUAGE_COLUMNS`` (one row per post of the chunk, read or not).
    """
    with store.transaction() as con:
        for name, table, sql in (("_kindscope_new_scores", scores, _INSERT_SCORES_SQL),
                                 ("_kindscope_new_languages", languages, _INSERT_LANGUAGES_SQL)):
            if table.num_rows == 0:
                continue
            con.register(name, table)
            try:
                con.execute(sql).fetchall()
            finally:
                con.unregister(name)


def _version(store: Store, platform: str | None, model_version: str | None) -> str | None:
    if model_version is not None:
        return model_version
    row = store.con.execute(_NEWEST_VERSION_SQL, {"platform": platform}).fetchone()
    return None if row is None else row[0]


def scored_versions(store: Store, platform: str | None = None) -> list[str]:
    """Every model version that read a post of this store (on ``platform``, where given:
    scored it, or declined it for its language), in name order."""
    return sorted(v for (v,) in store.rows(
        "SELECT DISTINCT model_version FROM signal_scores WHERE $p IS NULL OR platform = $p "
        "UNION SELECT DISTINCT model_version FROM post_languages "
        "WHERE $p IS NULL OR platform = $p", {"p": platform}))


def unread_counts(store: Store, platform: str | None,
                  model_version: str | None = None) -> dict[str, int]:
    """Posts not read because of their language, per language code, most first.

    ``platform`` None counts every platform. ``model_version``: the signal model whose
    scores the caller reads (pass the same one); by default the version that scored
    (this platform) most recently. Empty when every post was read or nothing was scored.
    """
    version = _version(store, platform, model_version)
    if version is None:
        return {}
    rows = store.con.execute(_UNREAD_COUNTS_SQL,
                             {"platform": platform, "version": version}).fetchall()
    return {lang: int(n) for lang, n in rows}


def unread_post_ids(store: Store, platform: str, model_version: str | None = None) -> list[str]:
    """Ids of the posts not read because of their language (same defaults as above)."""
    version = _version(store, platform, model_version)
    if version is None:
        return []
    rows = store.con.execute(_UNREAD_IDS_SQL, {"platform": platform, "version": version})
    return [post_id for (post_id,) in rows.fetchall()]
