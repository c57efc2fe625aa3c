"""Read-side queries over the store: counts and exports."""

from __future__ import annotations

from pathlib import Path

from kindscope.errors import InputError
from kindscope.store.dataset import (
    exported_rows,
    has_fetched,
    is_dataset,
    os_file,
    write_dataset,
)
from kindscope.store.db import Store
from kindscope.store.read_sql import CARE_ONLY

__all__ = ["stats", "export_tables", "EXPORTED_TABLES"]

EXPORTED_TABLES = ("snapshots", "accounts", "posts", "post_sources", "follows", "reactions",
                   "blocks", "deletions", "signal_scores", "post_languages",
                   "snapshot_carries", "capture_spans", "post_versions")


def _stats_sql(fetched: bool) -> str:
    """``stats``' query; ``fetched``: whether any import fetched posts for the care queue
    (without one, every row is counted and the care-only count is 0)."""
    return f"""
WITH p AS (
    SELECT platform,
           count(*) FILTER (kind = 'post') AS posts,
           count(*) FILTER (kind = 'post' AND reply_to_post_id IS NOT NULL) AS replies,
           count(*) FILTER (kind = 'repost') AS reposts,
           count(*) FILTER (kind = 'dm') AS dms
    FROM ({exported_rows("posts", fetched)}) GROUP BY platform
), co AS (SELECT platform, count(*) AS care_only_posts
          FROM ({CARE_ONLY if fetched else "SELECT NULL AS platform WHERE false"})
          GROUP BY platform
), a AS (SELECT platform, count(*) AS accounts FROM ({exported_rows("accounts", fetched)})
         GROUP BY platform
), f AS (SELECT platform, count(*) AS follows FROM
            (SELECT DISTINCT platform, follower_id, followee_id FROM follows) GROUP BY platform
), r AS (SELECT platform, count(*) FILTER (kind = 'like') AS reactions,
                count(*) FILTER (kind = 'bookmark') AS bookmarks
         FROM reactions GROUP BY platform
), b AS (SELECT platform, count(*) FILTER (kind = 'block') AS blocks,
                count(*) FILTER (kind = 'mute') AS mutes FROM
            (SELECT DISTINCT platform, account_id, target_id, kind FROM blocks) GROUP BY platform
), s AS (SELECT platform, count(*) AS snapshots FROM snapshots GROUP BY platform
), sc AS (SELECT platform, count(DISTINCT post_id) AS scored_posts
          FROM ({exported_rows("signal_scores", fetched)}) GROUP BY platform
), plats AS (
    SELECT platform FROM p UNION SELECT platform FROM a UNION SELECT platform FROM f
    UNION SELECT platform FROM r UNION SELECT platform FROM b UNION SELECT platform FROM s
    UNION SELECT platform FROM co
)
SELECT plats.platform,
       coalesce(accounts, 0), coalesce(posts, 0), coalesce(replies, 0), coalesce(reposts, 0),
       coalesce(follows, 0), coalesce(reactions, 0), coalesce(bookmarks, 0),
       coalesce(blocks, 0), coalesce(mutes, 0), coalesce(dms, 0), coalesce(snapshots, 0),
       coalesce(scored_posts, 0), coalesce(care_only_posts, 0)
FROM plats LEFT JOIN p USING (platform) LEFT JOIN a USING (platform)
     LEFT JOIN f USING (platform) LEFT JOIN r USING (platform) LEFT JOIN b USING (platform)
     LEFT JOIN s USING (platform) LEFT JOIN sc USING (platform)
     LEFT JOIN co USING (platform)
ORDER BY plats.platform
"""

STAT_KEYS = ("accounts", "posts", "replies", "reposts", "follows", "reactions", "bookmarks",
             "blocks", "mutes", "dms", "snapshots", "scored_posts", "care_only_posts")


def stats(store: Store) -> dict:
    """Counts per table, in total and per platform.

    ``posts`` counts authored posts (replies included; reposts and DMs not), ``follows``
    distinct edges in both directions across snapshots, ``reactions`` likes. Posts, their
    scores and accounts are counted as an export holds them: the posts of others fetched
    only for the care queue, and the accounts known only through them, are left out of
    them and counted alone in ``care_only_posts`` (``read_sql.CARE_ONLY``).
    """
    by_platform = {}
    for row in store.con.execute(_stats_sql(has_fetched(store))).fetchall():
        by_platform[row[0]] = dict(zip(STAT_KEYS, (int(v) for v in row[1:]), strict=True))
    total = {key: sum(p[key] for p in by_platform.values()) for key in STAT_KEYS}
    return total | {"by_platform": by_platform}


def export_tables(store: Store, out_dir: str | Path, fmt: str) -> list[Path]:
    """Write every table to ``out_dir``; return the files written.

    ``parquet``: a dataset (:mod:`kindscope.store.dataset`: posts and their rows
    partitioned by platform and day, the other tables one file each, ``dataset.json``);
    ``jsonl``: one JSON-lines file per table, times in UTC. Neither holds the posts of
    others fetched only for the care queue (``dataset.exported_rows``). JSONL files replace
    those of a previous JSONL export in ``out_dir`` and nothing else
    (:func:`_check_jsonl_folder`).
    """
    if fmt == "parquet":
        return write_dataset(store, out_dir)
    out = Path(out_dir)
    _check_jsonl_folder(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    fetched = has_fetched(store)
    # times in UTC ("2024-01-08 18:04:00+00"), whatever the machine's time zone: the same
    # file from the same database everywhere (the session's zone is put back after)
    zone = store.scalar("SELECT current_setting('TimeZone')")
    store.execute("SET TimeZone = 'UTC'")
    try:
        for table in EXPORTED_TABLES:
            target = out / f"{table}.jsonl"
            store.execute(f"COPY ({exported_rows(table, fetched)}) TO '{_quote(target)}' "
                          "(FORMAT JSON)")
            written.append(target)
    finally:
        store.execute(f"SET TimeZone = '{_quote(zone)}'")
    return written


#: Tables a JSON-lines export holds only since 2026-12-03 (``capture_spans`` since schema 6,
#: ``post_versions`` since 7): an export without them is one.
_LATER_TABLES = frozenset({"post_languages.jsonl", "snapshot_carries.jsonl",
                           "capture_spans.jsonl", "post_versions.jsonl"})


def _check_jsonl_folder(out: Path) -> None:
    """Refuse a folder the JSONL export would overwrite something of the user's in.

    The export writes ``<table>.jsonl`` over whatever has that name, so the folder must be
    missing, empty, or a previous JSONL export: every table's file and nothing else (one
    ``posts.jsonl`` alone may be the user's own source file). A Parquet dataset is refused
    too: files written into it would make it hold what its manifest does not name.
    """
    if not out.is_dir():
        return  # missing (made below), or a file the caller reports
    if is_dataset(out):
        raise InputError("is a Parquet dataset; write the JSONL export into a folder of its "
                         "own", str(out))
    names = {f"{table}.jsonl" for table in EXPORTED_TABLES}
    entries = sorted(e for e in out.iterdir() if not os_file(e))
    for entry in entries:
        if entry.name not in names or not entry.is_file() or entry.is_symlink():
            raise InputError(f"holds {entry.name}, which is not a file of a kindscope JSONL "
                             "export: move it elsewhere or name an empty or new folder",
                             str(out))
    # an older kindscope wrote fewer tables; posts.jsonl alone, or with a few others, may
    # be files of the user's
    missing = sorted(names - {e.name for e in entries} - _LATER_TABLES)
    if entries and missing:
        raise InputError(f"holds {entries[0].name} but not {missing[0]}, so it is not a "
                         "previous kindscope JSONL export and the file may be yours: move it "
                         "elsewhere or name an empty or new folder", str(out))


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
