"""Opening the embedded DuckDB database and keeping its schema current."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from kindscope import settings
from kindscope.errors import StoreError
from kindscope.store.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["Store", "open_store"]


class Store:
    """A kindscope database: one DuckDB file (or ``:memory:``) at the current schema."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = str(settings.get("db", None if path is None else str(path)))
        self.created = self.path != ":memory:" and not Path(self.path).exists()
        try:
            self.con = duckdb.connect(self.path)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the database: {_first_line(exc)}", self.path) from exc
        self._migrate()

    # -- schema ---------------------------------------------------------------------------
    def schema_version(self) -> int:
        has_meta = self.scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'")
        if not has_meta:
            return 0
        value = self.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(value) if value is not None else 0

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
        """Close and delete the file if this Store created it (a failed first import)."""
        self.close()
        if self.created:
            for suffix in ("", ".wal"):
                Path(self.path + suffix).unlink(missing_ok=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


@contextmanager
def open_store(path: str | os.PathLike | None = None) -> Iterator[Store]:
    """Open the database for a command; a brand-new file is removed again on failure."""
    store = Store(path)
    try:
        yield store
    except BaseException:
        store.discard_if_new()
        raise
    store.close()


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
