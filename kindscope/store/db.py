"""Opening the embedded DuckDB database and keeping its schema current.

DuckDB never fetches or loads an extension for us (``autoinstall_known_extensions`` and
``autoload_known_extensions`` are off): a SQLite or Parquet file named as ``--db`` is an
error, not a download; any file that is not a DuckDB database is refused before DuckDB
opens it, and left as it was. A DuckDB file that another program made (tables but no
kindscope ``meta``) is refused rather than filled with kindscope's tables. Read commands
open the file read-only, so a database the user cannot write can still be reported on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from kindscope import settings
from kindscope.errors import StoreError
from kindscope.store.schema import MIGRATIONS, SCHEMA_VERSION
from kindscope.store.where import Where

__all__ = ["Store", "database_path", "open_store"]


#: Never install or load a DuckDB extension behind the user's back (no network).
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


class Store:
    """A kindscope database: one DuckDB file (or ``:memory:``) at the current schema.

    ``read_only`` opens an existing file for reading only (read commands); a file at an
    older schema is upgraded first when it can be written.
    """

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.path = database_path(path)
        #: The data as the commands its messages name must read it: the file as it was
        #: named (``--db``, ``$KINDSCOPE_DB``), or nothing for the default; a command that
        #: knows more (``--me``, the demo) replaces it.
        self.where = Where(db=None if self.path == ":memory:" or (
            path is None and not os.environ.get(settings.SETTINGS["db"].env)) else self.path)
        memory = self.path == ":memory:"
        file = Path(self.path)
        if not memory and file.is_dir():
            raise StoreError("is a folder; --db names a database file (e.g. me.duckdb)",
                             self.path)
        if not memory and file.exists() and not _is_duckdb_file(file):
            raise StoreError(NOT_DUCKDB, self.path)
        # A read of a file that is not there reads an empty database and creates nothing.
        missing = read_only and not memory and not file.exists()
        self.read_only = read_only and not memory and not missing
        #: A read of a file that is not there: the commands say "no such database".
        self.missing = missing
        self.created = not memory and not missing and not file.exists()
        self.con = self._connect(self.read_only, ":memory:" if missing else self.path)
        try:
            self._check_owner()
            if self.read_only and self.schema_version() < SCHEMA_VERSION:
                self._upgrade_then_reopen()
            self._migrate()
        except BaseException:
            self.con.close()
            raise

    def _connect(self, read_only: bool, path: str | None = None) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(path or self.path, read_only=read_only, config=_CONFIG)
        except duckdb.Error as exc:
            lock = _LOCK.search(str(exc))
            if lock:  # DuckDB's own advice (its -readonly CLI flag) is not kindscope's
                raise StoreError(f"another program (process {lock['pid']}, likely another "
                                 "kindscope command) is using this database; try again "
                                 "when it has finished", self.path) from exc
            raise StoreError(f"cannot open the database: {_first_line(exc)}", self.path) from exc

    def _check_owner(self) -> None:
        """Refuse a DuckDB file whose tables are another program's."""
        tables = {r[0] for r in self.rows(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")}
        if tables and "meta" not in tables:
            shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(f"not a kindscope database (it holds another program's tables: "
                             f"{shown}); name a new file with --db", self.path)

    def _upgrade_then_reopen(self) -> None:
        self.con.close()
        if not os.access(self.path, os.W_OK):
            self.con = self._connect(True)
            raise StoreError(
                f"the database is at schema {self.schema_version()}, older than this kindscope "
                f"({SCHEMA_VERSION}), and read-only here: make it writable once to upgrade it",
                self.path)
        self.con = self._connect(False)
        self._migrate()
        self.con.close()
        self.con = self._connect(True)

    # -- schema ---------------------------------------------------------------------------
    def schema_version(self) -> int:
        has_meta = self.scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta' "
            "AND table_schema = 'main'")
        if not has_meta:
            return 0
        try:
            value = self.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
        except duckdb.Error:
            raise StoreError("not a kindscope database (its meta table is another program's)",
                             self.path) from None
        if value is None:
            return 0
        try:
            return int(value)
        except (TypeError, ValueError):
            raise StoreError(f"meta.schema_version is damaged ({str(value)[:40]!r}): this "
                             "is not a database kindscope can read", self.path) from None

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"the database is at schema {current}, newer than this kindscope "
                f"({SCHEMA_VERSION}): upgrade kindscope",
                self.path,
            )
        if current == SCHEMA_VERSION:
            return
        with self.transaction():
            for statements in MIGRATIONS[current:]:
                for sql in statements:
                    self.execute(sql)
            self.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )

    # -- transactions -----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: committed if the block ends normally, rolled back otherwise."""
        self.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def execute(self, sql: str, params: list | None = None) -> None:
        """Run a statement and drain its result (DuckDB refuses new work until then)."""
        self.con.execute(sql, params or []).fetchall()

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()

    def scalar(self, sql: str, params: list | None = None):
        """The first column of the first row, or None when there is no row."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0][0] if rows else None

    def close(self) -> None:
        self.con.close()

    def discard_if_new(self) -> None:
        """Close, and delete the file if this Store created it and no import was committed
        to it (a failed first import). A new database that holds an import is kept: when
        ``analyze`` fails, or is stopped, after its import, running it again goes on from
        there (nothing imported is ever lost)."""
        empty = self.created and not self._holds_an_import()
        self.close()
        if empty:
            for suffix in ("", ".wal"):
                Path(self.path + suffix).unlink(missing_ok=True)

    def _holds_an_import(self) -> bool:
        try:
            self.con.execute("ROLLBACK")  # a transaction the failure left open
        except duckdb.Error:
            pass
        try:
            return bool(self.scalar("SELECT count(*) FROM snapshots"))
        except duckdb.Error:  # a connection that no longer answers: keep what may be there
            return True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def database_path(path: str | os.PathLike | None) -> str:
    """The database file a command means: ``path``, else the ``db`` setting (``--db``,
    ``KINDSCOPE_DB``, the default)."""
    return str(settings.get("db", None if path is None else str(path)))


@contextmanager
def open_store(path: str | os.PathLike | None = None, read_only: bool = False,
               must_exist: bool = False) -> Iterator[Store]:
    """Open the database for a command; a brand-new file is removed again on failure unless
    an import was committed to it (``Store.discard_if_new``). ``must_exist``: a file that
    is not there is one line, not an empty database (read) or a new one (write)."""
    if must_exist:
        target = database_path(path)
        if target != ":memory:" and not Path(target).exists():
            raise StoreError(NO_SUCH_DATABASE, target)
    store = Store(path, read_only=read_only)
    try:
        yield store
    except BaseException:
        store.discard_if_new()
        raise
    store.close()


#: Where a DuckDB file says what it is: "DUCK", after the header's 8-byte checksum.
_MAGIC, _MAGIC_AT = b"DUCK", 8

#: A file named as --db that DuckDB did not write (a JSONL, a Parquet or SQLite file, text).
NOT_DUCKDB = ("not a kindscope database (a DuckDB file): name a database kindscope made, "
              "or a new file, with --db")

#: A read of a database file that is not there (as ``kindscope report`` says it).
NO_SUCH_DATABASE = ("no such database file: import something first (kindscope import "
                    "SOURCE --db PATH) or check the path")


def _is_duckdb_file(file: Path) -> bool:
    """Whether ``file`` starts as a DuckDB database does (checked before DuckDB opens it,
    which would give its own words, or try an extension, for anything else)."""
    try:
        with file.open("rb") as handle:
            head = handle.read(_MAGIC_AT + len(_MAGIC))
    except OSError:  # locked by another process (Windows) or unreadable: DuckDB says which
        return True
    return head[_MAGIC_AT:] == _MAGIC


#: DuckDB's message when another process holds the file's lock.
_LOCK = re.compile(r"Could not set lock on file.*?\(PID (?P<pid>\d+)\)", re.S)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
