"""A kindscope dataset: the store's tables as a partitioned Parquet folder, for scale.

Layout (``LAYOUT_VERSION`` 1), the interchange between DuckDB here and Spark later::

    DIR/dataset.json                      layout and schema version, tables, row counts
    DIR/posts.parquet/platform=x/day=2024-05-01/data_0.parquet
    DIR/post_sources.parquet/platform=x/day=.../...   (day: the post's, joined by post)
    DIR/signal_scores.parquet/platform=x/day=.../...
    DIR/post_languages.parquet/platform=x/day=.../...
    DIR/snapshots.parquet  DIR/snapshot_carries.parquet  DIR/accounts.parquet
    DIR/follows.parquet  DIR/reactions.parquet  DIR/blocks.parquet  DIR/deletions.parquet

Partitions are hive-style folders (``platform=x/day=YYYY-MM-DD``, the UTC day of the
post's ``created_at``; a post without a time, or a row whose post is not in ``posts``,
goes to ``day=__HIVE_DEFAULT_PARTITION__``, which DuckDB and Spark read as NULL). The
partition columns are not repeated inside the files. Each table folder ends in
``.parquet``, as Spark writes tables, so ``pyarrow.parquet.read_table(DIR /
"posts.parquet")`` and ``spark.read.parquet(".../posts.parquet")`` read it whole.

:func:`open_dataset` reads a dataset back as a :class:`~kindscope.store.db.Store`: an
in-memory DuckDB whose tables are views over the Parquet files (``read_parquet`` with
hive partitioning), with the same names, columns and types as the database's tables, so
every analysis runs on it unchanged. A small dataset (Parquet files under
``LOAD_BELOW_BYTES`` in all) is loaded into in-memory tables instead: each query over a
view opens every file of the table again, which costs more than the data on a folder of
many tiny day partitions; a large one stays in its files and only what a query reads is
read (``load=False`` / ``load=True`` force either).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from kindscope import __version__
from kindscope.errors import InputError, StoreError
from kindscope.store.db import _CONFIG, Store
from kindscope.store.read_sql import CARE_ONLY, CARE_ONLY_ACCOUNTS, HAS_FETCHED
from kindscope.store.schema import TABLE_KEYS
from kindscope.store.where import Where

__all__ = ["LAYOUT_VERSION", "PARTITIONED", "FLAT", "MANIFEST", "DatasetStore",
           "open_dataset", "write_dataset", "load_dataset", "is_dataset", "read_manifest",
           "dataset_bytes", "LOAD_BELOW_BYTES", "exported_rows", "has_fetched", "foreign_entry",
           "check_replaceable", "os_file", "check_rows", "file_rows", "check_dataset",
           "JOURNAL"]

LAYOUT_VERSION = 1
#: The store schema whose tables a dataset holds: schema 5 added only ``account_sources``,
#: which a dataset does not hold (the profiles only ``--following`` fetched are never
#: exported); schema 6 added ``capture_spans``, which a dataset holds, but a dataset written
#: before has none, and a table a dataset lacks reads as empty (a capture is then spanned
#: by its posts, as in a database of before 6); schema 7 added ``post_versions`` (texts a
#: later import replaced), which reads as empty where a dataset lacks it, as does
#: ``capture_spans``. So datasets stay at 4 and every dataset written since 4 still reads.
DATASET_SCHEMA = 4
MANIFEST = "dataset.json"
#: Tables partitioned by platform and the day of their post.
PARTITIONED = ("posts", "post_sources", "signal_scores", "post_languages")
#: Tables written as one Parquet file each.
FLAT = ("snapshots", "snapshot_carries", "accounts", "follows", "reactions", "blocks",
        "deletions", "capture_spans", "post_versions")
PARTITION_COLUMNS = ("platform", "day")
#: Below this many bytes of Parquet a dataset is read into memory rather than viewed.
LOAD_BELOW_BYTES = 64 * 1024 * 1024

_DAY = "strftime(timezone('UTC', {col}), '%Y-%m-%d')"
_SORT = {"snapshots": ("snapshot_id",), **TABLE_KEYS}
#: What an interrupted ``score --engine spark`` leaves inside a dataset (``spark_score``:
#: its staging folder and the manifest's temporary file): kindscope's own, safe to replace.
#: Written by ``score --engine spark`` before it moves its part files into the dataset and
#: removed once the manifest counts them: while it is there, the dataset is half-written.
JOURNAL = ".scoring-journal.json"
_WORK_ENTRY = re.compile(r"\.scoring-[0-9a-f]{8}|\.dataset\.json\.[0-9a-f]{8}\.tmp|"
                         + re.escape(JOURNAL))
#: Files a file manager leaves in any folder it shows (macOS, Windows): not the user's work,
#: so they do not stop a dataset being replaced.
_OS_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})


def os_file(path: Path) -> bool:
    """A file a file manager wrote (``_OS_FILES``, any case, or macOS's ``._NAME``)."""
    return (path.name.lower() in _OS_FILES or path.name.startswith("._")) and \
        path.is_file() and not path.is_symlink()


def _q(path: Path | str) -> str:
    return str(path).replace("'", "''")


def is_dataset(path: str | os.PathLike) -> bool:
    return (Path(path) / MANIFEST).is_file()


def read_manifest(path: str | os.PathLike) -> dict:
    """``dataset.json`` of the dataset at ``path``; an InputError when it is not one."""
    file = Path(path) / MANIFEST
    if not file.is_file():
        raise InputError(f"not a kindscope dataset (no {MANIFEST}); write one with "
                         "`kindscope export --format parquet --out DIR`", str(path))
    try:
        manifest = json.loads(file.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{MANIFEST} is damaged ({exc})", str(path)) from None
    if manifest.get("layout_version") != LAYOUT_VERSION:
        raise InputError(f"dataset layout {manifest.get('layout_version')!r}; this kindscope "
                         f"reads layout {LAYOUT_VERSION}", str(path))
    if manifest.get("schema_version") != DATASET_SCHEMA:
        raise InputError(f"dataset at schema {manifest.get('schema_version')!r}, this "
                         f"kindscope is at {DATASET_SCHEMA}: export it again with this "
                         "kindscope", str(path))
    return manifest


# -- writing --------------------------------------------------------------------------------
def has_fetched(store: Store) -> bool:
    """Whether any import fetched posts for the care queue (``FETCHED_FORMATS``): without
    one, no row is the care queue's alone and the tables are read whole (cheaper)."""
    return bool(store.scalar(HAS_FETCHED))


def exported_rows(table: str, fetched: bool = True) -> str:
    """The rows of ``table`` an export writes (``t``): all, except the posts of others
    fetched only for the care queue and their rows (``read_sql.CARE_ONLY``: README, "for
    the care queue only"; ``care --forget`` could not reach a copy), and the accounts known
    only through them (``read_sql.CARE_ONLY_ACCOUNTS``)."""
    if not fetched:
        return f"SELECT * FROM {table}"
    if table == "accounts":
        return (f"SELECT * FROM accounts t WHERE NOT EXISTS (SELECT 1 FROM "
                f"({CARE_ONLY_ACCOUNTS}) c WHERE c.platform = t.platform "
                "AND c.account_id = t.account_id)")
    if table not in (*PARTITIONED, "post_versions"):
        return f"SELECT * FROM {table}"
    return (f"SELECT * FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM ({CARE_ONLY}) c "
            "WHERE c.platform = t.platform AND c.post_id = t.post_id)")


def _copy_sql(table: str, target: Path) -> str:
    order = ", ".join(f"t.{c}" for c in _SORT[table])
    if table == "posts":
        select = (f"SELECT t.*, {_DAY.format(col='t.created_at')} AS day "
                  f"FROM ({exported_rows(table)}) t")
    elif table in PARTITIONED:
        select = (f"SELECT t.*, {_DAY.format(col='p.created_at')} AS day "
                  f"FROM ({exported_rows(table)}) t "
                  "LEFT JOIN posts p ON p.platform = t.platform AND p.post_id = t.post_id")
    else:
        return (f"COPY (SELECT * FROM ({exported_rows(table)}) t ORDER BY {order}) "
                f"TO '{_q(target)}' "
                "(FORMAT PARQUET)")
    return (f"COPY ({select} ORDER BY {order}) TO '{_q(target)}' "
            f"(FORMAT PARQUET, PARTITION_BY ({', '.join(PARTITION_COLUMNS)}))")


def write_dataset(store: Store, out_dir: str | os.PathLike) -> list[Path]:
    """Write every table of ``store`` as a dataset at ``out_dir``; return what was written.

    The dataset is written next to ``out_dir`` and then put in its place, so a reader never
    sees half of it. ``out_dir`` may be missing, empty, or a dataset holding nothing but
    its own files (replaced whole); a folder holding anything else, a dataset with a file
    of the user's beside its tables included, is refused rather than deleted with it.
    """
    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    check_replaceable(out)
    work = out.parent / f".{out.name}.writing-{uuid.uuid4().hex[:8]}"
    work.mkdir()
    try:
        rows = {}
        for table in (*FLAT, *PARTITIONED):
            store.execute(_copy_sql(table, work / f"{table}.parquet"))
            rows[table] = int(store.scalar(f"SELECT count(*) FROM ({exported_rows(table)})"))
        manifest = {
            "layout": "kindscope-dataset", "layout_version": LAYOUT_VERSION,
            "kindscope_version": __version__, "schema_version": DATASET_SCHEMA,
            "tables": {t: {"path": f"{t}.parquet",
                           "partition_by": list(PARTITION_COLUMNS) if t in PARTITIONED else []}
                       for t in (*FLAT, *PARTITIONED)},
            "rows": rows,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _swap_in(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return [out / MANIFEST, *(out / f"{t}.parquet" for t in (*FLAT, *PARTITIONED))]


def check_replaceable(out: Path) -> None:
    """Refuse ``out`` unless replacing it whole deletes nothing kindscope did not write:
    the old folder is removed once the new dataset is in its place (README: "a folder that
    holds other files is refused, never overwritten")."""
    if not out.exists():
        return
    if not out.is_dir():
        raise InputError("is a file; name a folder for the dataset", str(out))
    if not is_dataset(out):
        if any(out.iterdir()):
            raise InputError("holds files that are not a kindscope dataset; name an empty or "
                             "new folder", str(out))
        return
    entry = foreign_entry(out)
    if entry is not None:
        raise InputError(f"holds {entry.relative_to(out)}, which is not part of the "
                         "kindscope dataset there, and writing the dataset replaces the "
                         "folder whole: move it elsewhere or name another folder", str(out))


def foreign_entry(root: str | os.PathLike) -> Path | None:
    """The first entry in the dataset at ``root`` that its layout does not write (a user's
    notes, a folder of figures), or None: what replacing the dataset would delete."""
    for entry in _entries(Path(root)):
        table = entry.name.removesuffix(".parquet")
        if (entry.name == MANIFEST and _plain_file(entry)) or _WORK_ENTRY.fullmatch(entry.name):
            continue
        if entry.suffix == ".parquet" and table in FLAT and _plain_file(entry):
            continue
        if entry.suffix == ".parquet" and table in PARTITIONED and _plain_dir(entry):
            found = _foreign_in_partitions(entry, PARTITION_COLUMNS)
            if found is None:
                continue
            return found
        return entry
    return None


def _foreign_in_partitions(folder: Path, columns: tuple[str, ...]) -> Path | None:
    """The first entry of a partitioned table folder that is not a ``column=value`` folder
    (one level per partition column) or, inside the last, a Parquet file."""
    for entry in _entries(folder):
        if not columns:
            found = None if entry.suffix == ".parquet" and _plain_file(entry) else entry
        elif _plain_dir(entry) and entry.name.startswith(f"{columns[0]}="):
            found = _foreign_in_partitions(entry, columns[1:])
        else:
            found = entry
        if found is not None:
            return found
    return None


def _entries(folder: Path) -> list[Path]:
    return sorted(e for e in folder.iterdir() if not os_file(e))


def _plain_file(path: Path) -> bool:
    """A file, not a link: a link is the user's, even to a file kindscope wrote."""
    return path.is_file() and not path.is_symlink()


def _plain_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _swap_in(work: Path, out: Path) -> None:
    if out.exists():
        old = out.parent / f".{out.name}.old-{uuid.uuid4().hex[:8]}"
        out.rename(old)
        work.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        work.rename(out)


# -- reading --------------------------------------------------------------------------------
def _has_files(root: Path, table: str) -> bool:
    path = root / f"{table}.parquet"
    if table in PARTITIONED:
        return path.is_dir() and next(path.rglob("*.parquet"), None) is not None
    return path.is_file()


def _select_sql(root: Path, table: str, columns: list[tuple[str, str]]) -> str:
    """The table's columns, in the schema's order and types, from its Parquet files."""
    if table in PARTITIONED:
        source = (f"read_parquet('{_q(root / f'{table}.parquet')}/**/*.parquet', "
                  "hive_partitioning = true)")
    else:
        source = f"read_parquet('{_q(root / f'{table}.parquet')}')"
    cols = ", ".join(f"CAST({name} AS {kind}) AS {name}" for name, kind in columns)
    return f"SELECT {cols} FROM {source}"


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


def file_rows(root: str | os.PathLike, table: str) -> int:
    """Rows in ``table``'s Parquet files, from each file's footer: no data is read, so a
    dataset of thousands of day partitions is checked in a fraction of a second."""
    path = Path(root) / f"{table}.parquet"
    if not _has_files(Path(root), table):
        return 0
    files = sorted(path.rglob("*.parquet")) if table in PARTITIONED else [path]
    return sum(_footer_rows(Path(root), f) for f in files)


def _footer_rows(root: Path, file: Path) -> int:
    try:
        return pq.read_metadata(file).num_rows
    except (pa.ArrowException, OSError) as exc:  # truncated in a copy, or not Parquet
        raise InputError(f"{file.relative_to(root)} is not a readable Parquet file "
                         f"({str(exc).splitlines()[0]}); the dataset is damaged or partly "
                         "copied: export it again from the database", str(root)) from None


def check_rows(root: str | os.PathLike, manifest: dict, held: dict[str, int]) -> None:
    """Refuse a dataset whose tables hold other row counts than ``dataset.json`` says.

    A table folder deleted or a day partition lost in a copy is otherwise read as a
    smaller dataset without a word, and ``import --parquet`` would write the smaller counts
    back, making the loss permanent. ``held``: rows per table as read.
    """
    expected = manifest.get("rows") or {}
    for table in (*FLAT, *PARTITIONED):
        if table in expected and not isinstance(expected[table], int):
            raise InputError(f"{MANIFEST} is damaged (rows of {table}: "
                             f"{expected[table]!r})", str(root))
        if table in expected and expected[table] != held.get(table, 0):
            raise InputError(f"{table}: the manifest says {expected[table]:,} rows, the "
                             f"files hold {held.get(table, 0):,}; the dataset is damaged or "
                             "partly copied: export it again from the database (or import "
                             "its sources again into a new folder)", str(root))


def check_dataset(root: str | os.PathLike) -> dict:
    """The manifest of the dataset at ``root``, after :func:`check_rows` has compared it with
    the row counts in its files' footers: what every reader of a dataset (DuckDB, Spark,
    ``import --parquet``, ``score --engine spark``) checks before it reads a row."""
    manifest = read_manifest(root)
    check_whole(root)
    check_rows(root, manifest, {t: file_rows(root, t) for t in (*FLAT, *PARTITIONED)})
    return manifest


def check_whole(root: str | os.PathLike) -> None:
    """Refuse a dataset a scoring run left half-written (its ``JOURNAL`` is there)."""
    if (Path(root) / JOURNAL).exists():
        raise InputError("an interrupted kindscope score --engine spark left part of its "
                         "scores in this dataset: run "
                         f"`{Where(data=str(root)).command('score')}` again, which takes "
                         "them out first", str(root))


def dataset_bytes(path: str | os.PathLike) -> int:
    """Bytes of Parquet in the dataset at ``path``."""
    return sum(f.stat().st_size for f in Path(path).rglob("*.parquet") if f.is_file())


class DatasetStore(Store):
    """A dataset read as a store: an in-memory DuckDB with one view per table (or, with
    ``load``, one in-memory table per table; None: load when under ``LOAD_BELOW_BYTES``).

    A table whose files are absent (nothing of that kind was exported) is an empty table.
    Queries, temporary views and temporary tables work as on a database file; the dataset
    itself is never written.
    """

    def __init__(self, path: str | os.PathLike, load: bool | None = None):
        root = Path(path)
        self.manifest = read_manifest(root)
        check_whole(root)
        self.path = str(root)
        self.where = Where(data=self.path)
        self.read_only, self.missing, self.created = True, False, False
        self.loaded = dataset_bytes(root) < LOAD_BELOW_BYTES if load is None else load
        self.con = duckdb.connect(":memory:", config=_CONFIG)
        try:
            self._migrate()  # empty tables of the current schema, then the files
            kind = "TABLE" if self.loaded else "VIEW"  # a loaded table has no key index
            for table in (*FLAT, *PARTITIONED):
                if not _has_files(root, table):
                    continue
                select = _select_sql(root, table, _columns(self.con, table))
                self.execute(f"DROP TABLE {table}")
                self.execute(f"CREATE {kind} {table} AS {select}")
            held = {t: self._rows(root, t) for t in (*FLAT, *PARTITIONED)}
            check_rows(root, self.manifest, held)
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(f"cannot read the dataset: {str(exc).splitlines()[0]}",
                             self.path) from exc
        except BaseException:
            self.con.close()
            raise

    def _rows(self, root: Path, table: str) -> int:
        """Rows of ``table`` as this store holds them: counted when loaded (free), else
        from the files' footers (a count over a view opens every file anyway)."""
        if self.loaded:
            return int(self.scalar(f"SELECT count(*) FROM {table}"))
        return file_rows(root, table)

    def discard_if_new(self) -> None:
        self.close()


def open_dataset(path: str | os.PathLike, load: bool | None = None) -> DatasetStore:
    """The dataset at ``path`` as a store that leaves it unchanged (a context manager)."""
    return DatasetStore(path, load)


def load_dataset(store: Store, path: str | os.PathLike) -> dict[str, int]:
    """Copy the dataset at ``path`` into ``store``'s (empty) tables; rows per table.

    A damaged dataset is refused (:func:`check_rows`, from the files' footers) before any
    row is copied, so ``import --parquet`` never writes its loss back, and a file copied
    twice is named rather than failing the copy on a duplicate key.
    """
    root = Path(path)
    tables = (*FLAT, *PARTITIONED)
    check_dataset(root)
    loaded = {}
    for table in tables:
        if not _has_files(root, table):
            continue
        columns = _columns(store.con, table)
        store.execute(f"INSERT INTO {table} ({', '.join(c for c, _ in columns)}) "
                      + _select_sql(root, table, columns))
        loaded[table] = int(store.scalar(f"SELECT count(*) FROM {table}"))
    return loaded
