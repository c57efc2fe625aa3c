"""Importers: one module per source, each only parses and yields records.

``import_sources`` picks the importer (auto-detected or named), hashes the source into a
snapshot id, and writes everything inside one transaction: a failure anywhere leaves the
database exactly as it was, and a source already imported adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from kindscope.errors import InputError
from kindscope.ingest.archive import DAMAGED_ZIP, is_damaged_zip
from kindscope.ingest.base import TOO_DEEP, ImportOptions, hash_path
from kindscope.model import OWNER_PLACEHOLDER, Snapshot
from kindscope.store import imports
from kindscope.store.db import Store
from kindscope.store.imports import PENDING
from kindscope.store.queries import stats
from kindscope.store.writer import RecordWriter

__all__ = ["FORMATS", "ADDED_KINDS", "ImportOptions", "ImportResult", "detect_format",
           "import_sources"]

#: Format name -> module, in detection order (most specific first).
FORMATS: dict[str, str] = {
    "bluesky-api": "kindscope.ingest.bluesky_api",
    "mastodon-api": "kindscope.ingest.mastodon_api",
    # Named only by ``kindscope import --following`` (they detect nothing).
    "bluesky-following": "kindscope.ingest.bluesky_following",
    "mastodon-following": "kindscope.ingest.mastodon_following",
    "x-archive": "kindscope.ingest.x_archive",
    "mastodon-archive": "kindscope.ingest.mastodon_archive",
    "mastodon-csv": "kindscope.ingest.mastodon_csv",
    "bluesky-car": "kindscope.ingest.bluesky_car",
    "jetstream": "kindscope.ingest.jetstream",
    "generic": "kindscope.ingest.generic",
}


#: What ``ImportResult.added`` counts, by the names ``kindscope stats`` gives them.
ADDED_KINDS = ("accounts", "posts", "replies", "reposts", "follows", "reactions", "bookmarks",
               "blocks", "mutes", "dms")


@dataclass(frozen=True, slots=True)
class ImportResult:
    source: str
    format: str
    snapshot_id: str
    already_imported: bool
    added: dict[str, int] = field(default_factory=dict)
    #: Where nothing was added: the source of an earlier import of the same data (same
    #: platform, owner, format and time taken; an archive imported as a folder, then as
    #: its zip), or None.
    same_as: str | None = None


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
    if is_damaged_zip(Path(source)):
        raise InputError(DAMAGED_ZIP, source)
    raise InputError("cannot tell what kind of export this is (try --format)", source)


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


def _skipper(options: ImportOptions, source: str):
    """What the writer calls for a record it cannot store: None (reject the import) unless
    ``options.skip_bad_records``."""
    if not options.skip_bad_records:
        return None
    return lambda error: options.skip(error, str(source))


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
    if _is_blank(Path(source)):
        raise InputError("empty file", source)
    name = format or detect_format(source)
    module = _module(name)
    online = getattr(module, "ONLINE", False)
    extra = f"{name}|dms={options.include_dms}"
    digest = hashlib.sha256(extra.encode())
    snapshot_id = PENDING
    if not online:
        path = Path(source)
        if not path.exists():
            raise InputError("no such file or folder", source)
        snapshot_id = hash_path(path, extra)
        if imports.snapshot_exists(store, snapshot_id):
            return ImportResult(source, name, snapshot_id, True, {})
    before = _counts(store)
    writer = RecordWriter(store, snapshot_id=PENDING if online else snapshot_id,
                          skip=_skipper(options, source))
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
        if imports.settle_pending(store, snapshot_id):
            return ImportResult(source, name, snapshot_id, True, {})
    imports.insert_snapshot(store, snapshot_id, meta.platform, str(source), name,
                            meta.owner_id, meta.taken_at, meta.description, meta.span)
    # imports that named no one, this one or earlier, are the platform's one real owner's
    adopted = imports.adopt_owner(store, meta.platform, OWNER_PLACEHOLDER)
    owner = adopted if meta.owner_id == OWNER_PLACEHOLDER and adopted else meta.owner_id
    imports.record_carries(store, snapshot_id, owner, getattr(module, "CARRIES", ()),
                           getattr(module, "CARRIES_IF_SEEN", ()))
    after = _counts(store)
    added = {key: after[key] - before[key] for key in after}
    same = None if any(added.values()) else imports.same_data(store, snapshot_id)
    return ImportResult(source, name, snapshot_id, False, added, same)


def _counts(store: Store) -> dict[str, int]:
    """The records of each kind, counted as ``kindscope stats`` counts them (likes apart
    from bookmarks, blocks from mutes, DMs apart from posts, the posts of others fetched
    only for the care queue apart from the rest)."""
    counts = stats(store)
    return {**{key: counts[key] for key in (*ADDED_KINDS, "care_only_posts")},
            "earlier_texts": imports.earlier_texts(store)}


def _is_blank(path: Path) -> bool:
    """A file of nothing but blank lines, or of nothing at all (read until the first text)."""
    if not path.is_file():  # a folder, an online source, a FIFO
        return False
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 16):
            if chunk.strip().removeprefix(b"\xef\xbb\xbf").strip():
                return False
    return True
