"""Importers: one module per source, each only parses and yields records.

``import_sources`` picks the importer (auto-detected or named), hashes the source into a
snapshot id, and writes everything inside one transaction: a failure anywhere leaves the
database exactly as it was, and a source already imported adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

from kindscope.errors import InputError
from kindscope.ingest.base import TOO_DEEP, ImportOptions, hash_path
from kindscope.model import OWNER_PLACEHOLDER, Snapshot
from kindscope.store.db import Store
from kindscope.store.writer import COUNTED_TABLES, RecordWriter

__all__ = ["FORMATS", "ImportOptions", "ImportResult", "detect_format", "import_sources"]

#: Format name -> module, in detection order (most specific first).
FORMATS: dict[str, str] = {
    "bluesky-api": "kindscope.ingest.bluesky_api",
    "mastodon-api": "kindscope.ingest.mastodon_api",
    "x-archive": "kindscope.ingest.x_archive",
    "mastodon-archive": "kindscope.ingest.mastodon_archive",
    "mastodon-csv": "kindscope.ingest.mastodon_csv",
    "bluesky-car": "kindscope.ingest.bluesky_car",
    "jetstream": "kindscope.ingest.jetstream",
    "generic": "kindscope.ingest.generic",
}


_PENDING = "pending"


@dataclass(frozen=True, slots=True)
class ImportResult:
    source: str
    format: str
    snapshot_id: str
    already_imported: bool
    added: dict[str, int] = field(default_factory=dict)


def _module(name: str):
    try:
        return import_module(FORMATS[name])
    except KeyError:
        known = ", ".join(FORMATS)
        raise InputError(f"unknown format {name!r} (known: {known})") from None


def detect_format(source: str) -> str:
    """The name of the first importer that recognises ``source``."""
    for name in FORMATS:
        try:
            module = import_module(FORMATS[name])
        except ModuleNotFoundError:
            continue
        if module.detect(source):
            return name
    if not getattr(_module("generic"), "ONLINE", False) and not Path(source).exists():
        raise InputError("no such file or folder", source)
    raise InputError("cannot tell what kind of export this is (try --format)", source)


def _counts(store: Store) -> dict[str, int]:
    """Rows per table; follows and blocks as distinct edges, whatever import saw them."""
    distinct = {"follows": "platform, follower_id, followee_id",
                "blocks": "platform, account_id, target_id, kind"}
    return {t: store.scalar(f"SELECT count(*) FROM (SELECT DISTINCT {distinct[t]} FROM {t})"
                            if t in distinct else f"SELECT count(*) FROM {t}")
            for t in COUNTED_TABLES}


def _posts_breakdown(store: Store) -> dict[str, int]:
    row = store.rows(
        "SELECT count(*) FILTER (kind = 'post'), count(*) FILTER (kind = 'post' AND "
        "reply_to_post_id IS NOT NULL), count(*) FILTER (kind = 'repost') FROM posts"
    )[0]
    return {"posts": row[0], "replies": row[1], "reposts": row[2]}


def import_sources(
    store: Store,
    sources: list[str],
    format: str | None = None,
    options: ImportOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[ImportResult]:
    """Import every source in one transaction; return what each added."""
    options = options or ImportOptions()
    results = []
    with store.transaction():
        for source in sources:
            results.append(_import_named(store, source, format, options, progress))
    return results


def _import_named(store, source, format, options, progress) -> ImportResult:
    """``_import_one``, with every input error naming the source: a record-level error
    (a bad time, a value that cannot be stored) gets the file's name, and JSON or CBOR
    nested deeper than Python can follow is an input error, not a crash."""
    try:
        return _import_one(store, source, format, options, progress)
    except InputError as exc:
        if exc.where is None:
            exc.where = str(source)
        raise
    except RecursionError:
        raise InputError(TOO_DEEP, str(source)) from None


def _import_one(store, source, format, options, progress) -> ImportResult:
    name = format or detect_format(source)
    module = _module(name)
    online = getattr(module, "ONLINE", False)
    extra = f"{name}|dms={options.include_dms}"
    digest = hashlib.sha256(extra.encode())
    snapshot_id = _PENDING
    if not online:
        path = Path(source)
        if not path.exists():
            raise InputError("no such file or folder", source)
        snapshot_id = hash_path(path, extra)
        if store.scalar("SELECT 1 FROM snapshots WHERE snapshot_id = ?", [snapshot_id]):
            return ImportResult(source, name, snapshot_id, True, {})
    before = _counts(store) | _posts_breakdown(store)
    writer = RecordWriter(store, snapshot_id=_PENDING if online else snapshot_id)
    meta = Snapshot(platform=module.PLATFORM)
    for record in module.read(source, options):
        if isinstance(record, Snapshot):
            meta = record
            continue
        if online:
            digest.update(repr(record).encode())
        writer.add(record)
        if progress is not None and writer.seen % 5000 == 0:
            progress(5000)
    writer.flush()
    if online:
        snapshot_id = digest.hexdigest()
        exists = store.scalar("SELECT 1 FROM snapshots WHERE snapshot_id = ?", [snapshot_id])
        for table in ("follows", "blocks", "post_sources"):
            if exists:
                store.execute(f"DELETE FROM {table} WHERE snapshot_id = ?", [_PENDING])
            else:
                store.execute(f"UPDATE {table} SET snapshot_id = ? WHERE snapshot_id = ?",
                                  [snapshot_id, _PENDING])
        if exists:
            return ImportResult(source, name, snapshot_id, True, {})
    owner = meta.owner_id
    if owner == OWNER_PLACEHOLDER:
        owner = _adopt_owner(store, meta.platform, snapshot_id) or owner
    store.execute(
        "INSERT INTO snapshots VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [snapshot_id, meta.platform, str(source), name, owner, meta.taken_at,
         datetime.now(UTC), meta.description],
    )
    after = _counts(store) | _posts_breakdown(store)
    added = {key: after[key] - before[key] for key in after}
    return ImportResult(source, name, snapshot_id, False, added)


def _adopt_owner(store: Store, platform: str, snapshot_id: str) -> str | None:
    """Re-point a placeholder owner's edges to the platform's one real owner, if exactly one
    is known; return that owner (None when there is none or more than one)."""
    owners = store.rows(
        "SELECT DISTINCT owner_id FROM snapshots WHERE platform = ? AND owner_id IS NOT NULL "
        "AND owner_id <> ?", [platform, OWNER_PLACEHOLDER])
    if len(owners) != 1:
        return None
    owner, self_id = owners[0][0], OWNER_PLACEHOLDER
    store.execute(
        "INSERT INTO follows SELECT platform, ?, followee_id, snapshot_id, created_at FROM follows "
        "WHERE snapshot_id = ? AND follower_id = ? ON CONFLICT DO NOTHING",
        [owner, snapshot_id, self_id])
    store.execute(
        "INSERT INTO blocks SELECT platform, ?, target_id, kind, snapshot_id, created_at FROM "
        "blocks WHERE snapshot_id = ? AND account_id = ? ON CONFLICT DO NOTHING",
        [owner, snapshot_id, self_id])
    store.execute(
        "INSERT INTO reactions SELECT platform, ?, post_id, kind, created_at FROM reactions "
        "WHERE platform = ? AND account_id = ? ON CONFLICT DO NOTHING",
        [owner, platform, self_id])
    for table, column, scope in (("follows", "follower_id", "snapshot_id"),
                                 ("blocks", "account_id", "snapshot_id"),
                                 ("reactions", "account_id", "platform")):
        store.execute(f"DELETE FROM {table} WHERE {scope} = ? AND {column} = ?",
                      [snapshot_id if scope == "snapshot_id" else platform, self_id])
    store.execute(
        "DELETE FROM accounts WHERE platform = ? AND account_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM snapshots WHERE platform = ? AND owner_id = ?)",
        [platform, self_id, platform, self_id])
    return owner
