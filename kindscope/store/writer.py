"""Writing records: buffered, de-duplicated per batch, upserted with Arrow.

``RecordWriter`` takes the records an importer yields and writes them in batches inside
the caller's transaction. Accounts and posts are upserted so that a later source fills in
fields an earlier one lacked (a value already stored is kept when the new one is NULL);
edges and reactions are inserted once.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

import pyarrow as pa

from kindscope import settings
from kindscope.errors import InputError
from kindscope.model import Account, Block, Deletion, Follow, Post, Reaction
from kindscope.store.db import Store
from kindscope.store.schema import TABLE_KEYS

__all__ = ["RecordWriter", "ARROW_SCHEMAS", "COUNTED_TABLES"]

_TS = pa.timestamp("us", tz="UTC")
_S = pa.string()
_I = pa.int64()

ARROW_SCHEMAS: dict[str, pa.Schema] = {
    "accounts": pa.schema(
        [
            ("platform", _S), ("account_id", _S), ("handle", _S), ("display_name", _S),
            ("description", _S), ("created_at", _TS), ("followers_count", _I),
            ("following_count", _I), ("posts_count", _I), ("avatar_url", _S), ("url", _S),
            ("profile_json", _S),
        ]
    ),
    "posts": pa.schema(
        [
            ("platform", _S), ("post_id", _S), ("author_id", _S), ("created_at", _TS),
            ("text", _S), ("kind", _S), ("reply_to_post_id", _S), ("reply_to_account_id", _S),
            ("root_post_id", _S), ("repost_of_post_id", _S), ("quote_of_post_id", _S),
            ("lang", _S), ("visibility", _S), ("like_count", _I), ("repost_count", _I),
            ("reply_count", _I), ("quote_count", _I), ("mentions", pa.list_(_S)),
            ("hashtags", pa.list_(_S)), ("url", _S),
        ]
    ),
    "follows": pa.schema(
        [("platform", _S), ("follower_id", _S), ("followee_id", _S), ("snapshot_id", _S),
         ("created_at", _TS)]
    ),
    "reactions": pa.schema(
        [("platform", _S), ("account_id", _S), ("post_id", _S), ("kind", _S), ("created_at", _TS)]
    ),
    "blocks": pa.schema(
        [("platform", _S), ("account_id", _S), ("target_id", _S), ("kind", _S),
         ("snapshot_id", _S), ("created_at", _TS)]
    ),
    "deletions": pa.schema(
        [("platform", _S), ("kind", _S), ("record_id", _S), ("author_id", _S),
         ("deleted_at", _TS)]
    ),
}

#: Tables whose growth an import reports.
COUNTED_TABLES = ("accounts", "posts", "follows", "reactions", "blocks", "deletions")

_TABLE_OF = {
    Account: "accounts", Post: "posts", Follow: "follows", Reaction: "reactions",
    Block: "blocks", Deletion: "deletions",
}
_UPSERTED = {"accounts", "posts"}
#: Record table -> (its id column, the table that says which imports held each row).
_SOURCES = {"posts": ("post_id", "post_sources"), "accounts": ("account_id", "account_sources")}


#: Record fields in table-column order; ``snapshot_id`` columns are filled per batch.
_FIELDS: dict[type, tuple[str, ...]] = {
    record_type: tuple(
        name for name in ARROW_SCHEMAS[table].names if name != "snapshot_id"
    )
    for record_type, table in _TABLE_OF.items()
}
_ROW = {record_type: attrgetter(*fields) for record_type, fields in _FIELDS.items()}
_KEY = {
    record_type: attrgetter(*(k for k in TABLE_KEYS[table] if k != "snapshot_id"))
    for record_type, table in _TABLE_OF.items()
}


#: Where a post row holds its text, its id and its author.
_TEXT = _FIELDS[Post].index("text")
_POST_ID = _FIELDS[Post].index("post_id")
_AUTHOR = _FIELDS[Post].index("author_id")


def _other_author(post_id: str, before: str, after: str) -> InputError:
    """A post id already held as another author's: an edit never changes who wrote a post,
    so this is another post under the same id (two forums' files both numbering from 1),
    which would take the first one over (a review, 2026-12-06)."""
    return InputError(f"post {post_id!r} is already held as a post by {before!r}, and this "
                      f"gives it to {after!r}: one platform's post ids must each name one post "
                      "(give this file a platform of its own in its meta line, or ids of its "
                      "own)")


class RecordWriter:
    """Buffers records per table and writes them in batches into the open transaction.

    A record with a value that cannot be stored exactly raises InputError naming it; with
    ``skip`` (a callable taking that InputError) it is left out and passed to ``skip``.
    A post's text that a later record replaces (a record updated, a post edited, a file
    read again), in this import or stored before, is kept in ``post_versions``.
    """

    def __init__(self, store: Store, snapshot_id: str, batch_rows: int | None = None,
                 skip: Callable[[InputError], None] | None = None):
        self.skip = skip
        self.store = store
        self.snapshot_id = snapshot_id
        self.batch_rows = int(settings.get("batch_rows", batch_rows))
        self._buffers: dict[str, dict[tuple, tuple]] = {t: {} for t in ARROW_SCHEMAS}
        self.seen = 0
        #: post key -> texts later records of this import replaced while buffered
        self._replaced: dict[tuple, list[str]] = {}
        #: post key -> the next ``post_versions.version`` of this import
        self._versions: dict[tuple, int] = {}

    def add(self, record) -> None:
        kind = type(record)
        table = _TABLE_OF[kind]
        row = _ROW[kind](record)
        key = _KEY[kind](record)
        buffer = self._buffers[table]
        if table in _UPSERTED and key in buffer:
            if table == "posts":
                held, given = buffer[key][_AUTHOR], row[_AUTHOR]
                if held and given and held != given:
                    error = _other_author(row[_POST_ID], held, given)
                    if self.skip is None:
                        raise error
                    self.skip(error)
                    return
                before, after = buffer[key][_TEXT], row[_TEXT]
                if before is not None and after is not None and before != after:
                    self._replaced.setdefault(key, []).append(before)
            row = _merge(buffer[key], row)
        buffer[key] = row
        self.seen += 1
        if len(buffer) >= self.batch_rows:
            self._flush(table)

    def flush(self) -> None:
        for table in ARROW_SCHEMAS:
            self._flush(table)
        self._apply_deletions()
        self._derive_links()

    def _flush(self, table: str) -> None:
        buffer = self._buffers[table]
        if not buffer:
            return
        schema = ARROW_SCHEMAS[table]
        rows = list(buffer.values())
        buffer.clear()
        batch = None
        while rows:
            try:
                batch = self._batch(table, rows)
                break
            except _Unstorable as bad:
                if self.skip is None:
                    raise bad.error from None
                self.skip(bad.error)
                del rows[bad.index]
        if batch is None:
            return
        if table == "posts":
            batch = self._same_authors(batch)
            if batch is None:
                return
        names = ", ".join(schema.names)
        keys = ", ".join(TABLE_KEYS[table])
        if table in _UPSERTED:
            updates = ", ".join(
                f"{c} = coalesce(excluded.{c}, {table}.{c})"
                for c in schema.names
                if c not in TABLE_KEYS[table]
            )
            conflict = f"ON CONFLICT ({keys}) DO UPDATE SET {updates}"
        else:
            conflict = f"ON CONFLICT ({keys}) DO NOTHING"
        self.store.con.register("_kindscope_batch", batch)
        try:
            if table == "posts":
                self._keep_replaced({(r[0], r[1]) for r in rows})
            if table == "posts":  # a post whose text changed is read again: its old readings go
                for derived in ("signal_scores", "post_languages"):
                    self.store.execute(
                        f"DELETE FROM {derived} d USING _kindscope_batch b, posts p "
                        "WHERE p.platform = b.platform AND p.post_id = b.post_id "
                        "AND b.text IS NOT NULL AND p.text IS DISTINCT FROM b.text "
                        "AND d.platform = p.platform AND d.post_id = p.post_id")
            self.store.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM _kindscope_batch {conflict}"
            )
            if table in _SOURCES:  # where each post and profile was seen
                key, sources = _SOURCES[table]
                self.store.execute(
                    f"INSERT INTO {sources} SELECT platform, {key}, ? FROM _kindscope_batch "
                    "ON CONFLICT DO NOTHING", [self.snapshot_id])
        finally:
            self.store.con.unregister("_kindscope_batch")

    def _same_authors(self, batch: pa.Table) -> pa.Table | None:
        """``batch`` less the posts whose id the database holds as another author's (each
        passed to ``skip``); without ``skip`` the first one is refused (InputError)."""
        self.store.con.register("_kindscope_authors", batch.select(
            ["platform", "post_id", "author_id"]))
        try:
            taken = self.store.rows(
                "SELECT b.platform, b.post_id, p.author_id, b.author_id "
                "FROM _kindscope_authors b JOIN posts p "
                "ON p.platform = b.platform AND p.post_id = b.post_id "
                "WHERE b.author_id <> '' AND p.author_id <> '' AND b.author_id <> p.author_id "
                "ORDER BY b.platform, b.post_id")
        finally:
            self.store.con.unregister("_kindscope_authors")
        if not taken:
            return batch
        if self.skip is None:
            raise _other_author(*taken[0][1:])
        for _, post_id, before, after in taken:
            self.skip(_other_author(post_id, before, after))
        gone = {(p, i) for p, i, _, _ in taken}
        keep = [(p, i) not in gone for p, i in zip(batch.column("platform").to_pylist(),
                                                    batch.column("post_id").to_pylist(),
                                                    strict=True)]
        batch = batch.filter(pa.array(keep))
        return batch if batch.num_rows else None

    def _keep_replaced(self, keys: set[tuple]) -> None:
        """Keep the texts the batch of posts with ``keys`` replaces: the stored text, then
        those replaced while buffered, oldest first, each once in a row."""
        stored = {(p, i): t for p, i, t in self.store.rows(
            "SELECT p.platform, p.post_id, p.text FROM _kindscope_batch b JOIN posts p "
            "ON p.platform = b.platform AND p.post_id = b.post_id "
            "WHERE b.text IS NOT NULL AND p.text IS NOT NULL AND p.text <> b.text")}
        rows = []
        for key in sorted(set(stored) | (keys & self._replaced.keys())):
            chain = ([stored[key]] if key in stored else []) + self._replaced.pop(key, [])
            for n, text in enumerate(chain):
                if n and text == chain[n - 1]:
                    continue
                version = self._versions.get(key, 0)
                self._versions[key] = version + 1
                rows.append((*key, self.snapshot_id, version, text))
        if rows:
            self.store.con.executemany("INSERT INTO post_versions VALUES (?, ?, ?, ?, ?)", rows)

    def _batch(self, table: str, rows: list[tuple]) -> pa.Table:
        schema = ARROW_SCHEMAS[table]
        columns = iter(zip(*rows, strict=True))
        arrays = []
        for column in schema:
            if column.name == "snapshot_id":
                arrays.append(pa.array([self.snapshot_id] * len(rows), type=column.type))
                continue
            values = next(columns)
            try:
                arrays.append(pa.array(values, type=column.type))
            except _UNSTORABLE:
                raise _unstorable(table, column, values, rows) from None
        return pa.Table.from_arrays(arrays, schema=schema)

    def _apply_deletions(self) -> None:
        """Mark deleted posts and reposts; the rows themselves stay (nothing is lost)."""
        self.store.execute(
            """UPDATE posts SET deleted_at = coalesce(d.deleted_at, current_timestamp)
               FROM deletions d
               WHERE d.kind IN ('post', 'repost') AND posts.platform = d.platform
                 AND posts.post_id = d.record_id AND posts.deleted_at IS NULL"""
        )


    def _derive_links(self) -> None:
        """Fill what follows from the rest: reply targets' authors, and a bare account row
        for every account that appears only as an author or an edge end."""
        self.store.execute(
            """UPDATE posts SET reply_to_account_id = parent.author_id
               FROM posts parent
               WHERE posts.reply_to_account_id IS NULL AND posts.reply_to_post_id IS NOT NULL
                 AND parent.platform = posts.platform
                 AND parent.post_id = posts.reply_to_post_id"""
        )
        self.store.execute(
            """INSERT INTO accounts (platform, account_id)
               SELECT DISTINCT platform, id FROM (
                   SELECT platform, author_id AS id FROM posts
                   UNION ALL SELECT platform, follower_id FROM follows
                   UNION ALL SELECT platform, followee_id FROM follows
                   UNION ALL SELECT platform, account_id FROM reactions
                   UNION ALL SELECT platform, account_id FROM blocks
                   UNION ALL SELECT platform, target_id FROM blocks)
               WHERE id IS NOT NULL AND id <> ''
               ON CONFLICT DO NOTHING"""
        )


#: What Arrow raises for a value it cannot hold exactly in a column's type: a lone
#: surrogate in text, text where a number belongs, an integer past 64 bits.
_UNSTORABLE = (UnicodeError, TypeError, ValueError, OverflowError, pa.ArrowException)


class _Unstorable(Exception):
    """Row ``index`` of a batch cannot be stored; ``error`` says which record and why."""

    def __init__(self, error: InputError, index: int):
        super().__init__(str(error))
        self.error, self.index = error, index


def _unstorable(table: str, column: pa.Field, values: tuple, rows: list[tuple]) -> Exception:
    """The error naming the first record whose ``column`` cannot be stored exactly."""
    keys = TABLE_KEYS[table]
    names = [n for n in ARROW_SCHEMAS[table].names if n != "snapshot_id"]
    for index, (value, row) in enumerate(zip(values, rows, strict=True)):
        try:
            pa.array([value], type=column.type)
        except _UNSTORABLE as exc:
            record = ", ".join(f"{k}={row[names.index(k)]!r}"[:80] for k in keys if k in names)
            return _Unstorable(InputError(
                f"{table[:-1]} record ({_printable(record)}): field {column.name} holds "
                f"{_printable(_short(value))}, which cannot be stored exactly ({_why(exc)})"),
                index)
    return InputError(f"a {table[:-1]} record cannot be stored exactly ({column.name})")


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _printable(text: str) -> str:
    """``text`` safe to print: lone surrogates and other unencodable characters escaped."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _why(exc: BaseException) -> str:
    if isinstance(exc, UnicodeError):
        return "a lone surrogate, not valid Unicode"
    if isinstance(exc, OverflowError) or "too large" in str(exc):
        return "a number too large for 64 bits"
    return "not the column's type"


def _merge(old: tuple, new: tuple) -> tuple:
    """Within one batch, later non-empty values win; empty ones keep what was there."""
    return tuple(o if n is None or n == () else n for o, n in zip(old, new, strict=True))


