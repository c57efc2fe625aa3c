"""A dataset read by Spark, behind the store's read interface.

:class:`SparkStore` is to Spark what :class:`~kindscope.store.dataset.DatasetStore` is to
DuckDB: each table of a Parquet dataset (``kindscope export --format parquet``) is a
temporary view with the table's name, columns and types (DuckDB's types in Spark's words;
``platform`` and ``day`` read from the hive folders), and the analyses run on it unchanged:
``rows``, ``scalar``, ``execute`` and the few calls they make on ``.con`` (``execute(...)``
with ``fetchall``/``fetchnumpy``/``fetchone``, ``register``/``unregister`` of an Arrow
table). Every statement is DuckDB SQL, translated by :mod:`kindscope.store.spark_sql`;
parameters are bound by Spark. Temporary tables (the read model's score pivot, parameter
rows, members) are persisted DataFrames under a temp view; results come back as Arrow.

The dataset is never written. Temp views live in the Spark session: one SparkStore at a
time per session (``close()`` drops its views).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from kindscope.errors import StoreError
from kindscope.store.dataset import (
    FLAT,
    LOAD_BELOW_BYTES,
    PARTITION_COLUMNS,
    PARTITIONED,
    _columns,
    _has_files,
    check_dataset,
    dataset_bytes,
    read_manifest,
)
from kindscope.store.db import Store
from kindscope.store.schema import SCHEMA_VERSION
from kindscope.store.spark_sql import KindscopeSpark, statement
from kindscope.store.where import Where

__all__ = ["SparkStore", "open_spark_dataset", "spark_schema"]

#: Spark settings results depend on, set on the session a SparkStore uses: a reply
#: chain deeper than Spark's default recursion limit (100) or a walk of more than its
#: default row limit would fail instead of being followed to its end, as on DuckDB.
_SESSION = {"spark.sql.cteRecursionLevelLimit": "-1", "spark.sql.cteRecursionRowLimit": "-1"}


def spark_schema() -> dict[str, list[tuple[str, str]]]:
    """Each table's (column, Spark type) in the database schema's order and types."""
    import sqlglot

    with Store(":memory:") as empty:
        return {t: [(name, sqlglot.exp.DataType.build(kind, dialect="duckdb")
                     .sql(dialect=KindscopeSpark))
                    for name, kind in _columns(empty.con, t)]
                for t in (*FLAT, *PARTITIONED)}


class SparkStore:
    """A dataset as a store over Spark (``spark``: a session; ``cache``: keep the tables
    in Spark's memory, default when the dataset is under ``LOAD_BELOW_BYTES``)."""

    engine = "spark"

    def __init__(self, path: str | os.PathLike, spark, cache: bool | None = None):
        root = Path(path)
        self.manifest = read_manifest(root)
        self.path = str(root)
        self.where = Where(data=self.path)
        self.read_only, self.missing, self.created = True, False, False
        self.spark = spark
        self.cached = dataset_bytes(root) < LOAD_BELOW_BYTES if cache is None else cache
        self._views: dict[str, object] = {}  # temp view -> its persisted DataFrame or None
        for key, value in _SESSION.items():
            spark.conf.set(key, value)
        self.con = _SparkConnection(self)
        try:
            for table, columns in spark_schema().items():
                self._register_table(root, table, columns)
        except BaseException:
            self.close()
            raise

    def _register_table(self, root: Path, table: str, columns: list[tuple[str, str]]) -> None:
        ddl = ", ".join(f"`{name}` {kind}" for name, kind in columns)
        names = [name for name, _ in columns]
        if not _has_files(root, table):
            frame = self.spark.createDataFrame([], ddl)
        elif table in PARTITIONED:
            extra = [c for c in PARTITION_COLUMNS if c not in names]
            schema = ddl + "".join(f", `{c}` STRING" for c in extra)
            path = str(root / f"{table}.parquet")
            frame = (self.spark.read.schema(schema).option("basePath", path)
                     .parquet(path).select(*names))
        else:
            frame = self.spark.read.schema(ddl).parquet(str(root / f"{table}.parquet"))
        if self.cached:  # a small dataset: a few partitions, not one per day file
            frame = frame.coalesce(self.spark.sparkContext.defaultParallelism)
        self._create_view(table, frame, self.cached)

    def _create_view(self, name: str, frame, persist: bool) -> None:
        self._drop_view(name)
        if persist:
            frame = frame.persist()
        frame.createOrReplaceTempView(name)
        self._views[name] = frame if persist else None

    def _create_checkpoint(self, name: str, frame) -> None:
        """``frame``'s rows computed now and kept, under a temp view with a short plan
        (a local checkpoint cuts the lineage: later queries do not re-plan the chain of
        views it was built from)."""
        self._drop_view(name)
        frame = frame.localCheckpoint(eager=True)
        frame.createOrReplaceTempView(name)
        self._views[name] = frame

    def _drop_view(self, name: str) -> None:
        frame = self._views.pop(name, None)
        self.spark.catalog.dropTempView(name)
        if frame is not None:
            frame.unpersist()

    # -- the read interface ---------------------------------------------------------------
    def frame(self, sql: str, params: list | dict | None = None):
        """The DataFrame of one DuckDB query (translated, parameters bound by Spark)."""
        st = statement(sql)
        if st.kind != "query":
            raise StoreError(f"not a query: {sql.strip()[:60]}", self.path)
        return self.spark.sql(st.text, args=params or None)

    def arrow(self, sql: str, params: list | dict | None = None) -> pa.Table:
        return self.frame(sql, params).toArrow()

    def execute(self, sql: str, params: list | dict | None = None) -> None:
        st = statement(sql)
        if st.kind == "transaction":
            raise StoreError("a dataset read by Spark is read-only", self.path)
        if st.kind == "drop":
            self._drop_view(st.name)
        elif st.kind == "create":
            # Views are persisted too: the dataset does not change under a store, so a
            # view's rows now are its rows at every later read, and Spark would otherwise
            # recompute the chain of read-model views (the recursive walk included) for
            # each query that reads it.
            self._create_checkpoint(st.name, self.spark.sql(st.text, args=params or None))
        else:
            self.spark.sql(st.text, args=params or None).collect()

    def rows(self, sql: str, params: list | dict | None = None) -> list[tuple]:
        return _tuples(self.arrow(sql, params))

    def scalar(self, sql: str, params: list | dict | None = None):
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None

    def schema_version(self) -> int:
        return SCHEMA_VERSION

    def register(self, name: str, table: pa.Table) -> None:
        """An Arrow table as a temp view named ``name``."""
        self._create_view(name, self.spark.createDataFrame(table), False)

    def close(self) -> None:
        for name in list(self._views):
            self._drop_view(name)

    def discard_if_new(self) -> None:
        self.close()

    def __enter__(self) -> SparkStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class _SparkConnection:
    """The part of DuckDB's connection API the store modules call on ``store.con``."""

    def __init__(self, store: SparkStore):
        self._store = store

    def execute(self, sql: str, params: list | dict | None = None) -> _Result:
        return _Result(self._store.arrow(sql, params))

    def register(self, name: str, table: pa.Table) -> None:
        self._store.register(name, table)

    def unregister(self, name: str) -> None:
        self._store._drop_view(name)


class _Result:
    def __init__(self, table: pa.Table):
        self._table = table

    def fetchall(self) -> list[tuple]:
        return _tuples(self._table)

    def fetchone(self) -> tuple | None:
        rows = _tuples(self._table.slice(0, 1))
        return rows[0] if rows else None

    def fetchnumpy(self) -> dict[str, np.ndarray]:
        return {name: col.to_numpy(zero_copy_only=False)
                for name, col in zip(self._table.column_names, self._table.columns,
                                     strict=True)}

    def arrow(self) -> pa.Table:
        return self._table


@cache
def _duckdb_zone() -> str:
    """The time zone DuckDB gives TIMESTAMPTZ values in (its ``TimeZone``: the machine's)."""
    with duckdb.connect(":memory:") as con:
        return str(con.execute("SELECT current_setting('TimeZone')").fetchone()[0])


def _as_duckdb(col: pa.ChunkedArray) -> pa.ChunkedArray:
    """A timestamp column in the zone DuckDB would give it (Spark's Arrow gives UTC), so
    the Python code over the rows sees the same datetimes on both engines."""
    if pa.types.is_timestamp(col.type) and col.type.tz is not None:
        return col.cast(pa.timestamp(col.type.unit, tz=_duckdb_zone()))
    return col


def _tuples(table: pa.Table) -> list[tuple]:
    """Rows as tuples by position (result columns may share a name)."""
    if table.num_columns == 0:
        return [() for _ in range(table.num_rows)]
    return list(zip(*(_as_duckdb(col).to_pylist() for col in table.columns), strict=True))


def open_spark_dataset(path: str | os.PathLike, master: str | None = None,
                       cache: bool | None = None) -> SparkStore:
    """The dataset at ``path`` read by the shared Spark session (a context manager)."""
    from kindscope.store.spark import spark_session

    root = Path(path)
    # a bad folder, or one whose files hold other row counts than its manifest says (a
    # damaged copy), is an InputError before Spark starts, as on DuckDB
    check_dataset(root)
    return SparkStore(path, spark_session(master), cache)
