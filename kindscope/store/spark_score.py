"""Scoring a Parquet dataset on Spark: ``kindscope score --engine spark --data DIR``.

The same rule as local scoring (``kindscope.store.scoring`` and
``kindscope.signals.store_scoring``), computed on the engine:

1. *Pending posts*: authored posts (``kind = 'post'``) with non-empty text that the
   current ``MODEL_VERSION`` has neither scored (``signal_scores``) nor declined
   (``post_languages``), each with the text of the post it replies to as context (a join
   on the engine).
2. *Reading*: ``mapInPandas`` runs ``read_texts`` (the language rule, then the shipped ONNX
   model) on each executor. The model is the process-wide one of
   ``kindscope.signals.model.get_model``: loaded once per Python worker, which Spark
   reuses across tasks (``spark.python.worker.reuse``, on by default), never per batch.
   ONNX Runtime gets ``spark.task.cpus`` threads unless ``KINDSCOPE_THREADS`` says else.
3. *Writing*: the wide result is staged once (so the model runs once per post), turned
   into the long ``signal_scores`` rows and the ``post_languages`` rows, written as new
   part files partitioned by ``platform`` and ``day`` (the post's), and only then moved
   into the dataset's partition folders. Nothing already there is rewritten; the row
   counts in ``dataset.json`` are updated last, through a temporary file and a rename.

The dataset must be a path that the driver and every executor see (a local folder in
``local[*]``; a shared file system on a cluster, see docs/scale.md).
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kindscope.store.dataset import (
    JOURNAL,
    MANIFEST,
    PARTITION_COLUMNS,
    check_dataset,
    read_manifest,
)

__all__ = ["SparkScoreResult", "score_dataset", "scoring_session", "pending_frame",
           "ready_to_score", "undo_interrupted"]

_POSTS_SCHEMA = ("post_id string, kind string, text string, reply_to_post_id string, "
                 "reply_to_account_id string, quote_of_post_id string, "
                 "platform string, day string")
_SCORES_SCHEMA = "post_id string, model_version string, platform string, day string"
#: Columns inside the part files, in the order the DuckDB export writes them.
_SCORE_FILE_COLUMNS = ("post_id", "signal", "score", "model_version")
_LANGUAGE_FILE_COLUMNS = ("post_id", "model_version", "lang", "is_read", "scored_at")


@dataclass(frozen=True)
class SparkScoreResult:
    """What one run did: posts handled, of which read, and rows appended per table."""

    posts: int
    read: int
    score_rows: int
    language_rows: int
    unread: dict[str, int]


def scoring_session(master: str | None = None):
    """The shared Spark session (``kindscope.store.spark.spark_session``)."""
    from kindscope.store.spark import spark_session

    return spark_session(master)


def _table_path(root: Path, table: str) -> Path:
    return root / f"{table}.parquet"


def _has_parquet(path: Path) -> bool:
    return path.is_dir() and next(path.rglob("*.parquet"), None) is not None


def _read(spark, root: Path, table: str, schema: str):
    path = _table_path(root, table)
    if not _has_parquet(path):
        return spark.createDataFrame([], schema)
    return spark.read.schema(schema).option("basePath", str(path)).parquet(str(path))


#: Listing a table's day folders with a Spark job (past 32 folders by default) costs a
#: task per folder; a year of days lists faster on the driver. The configuration wins.
_LISTING = ("spark.sql.sources.parallelPartitionDiscovery.threshold", "4096")


def _driver_listing(spark) -> None:
    key, value = _LISTING
    if not spark.sparkContext.getConf().contains(key):
        spark.conf.set(key, value)


def pending_frame(spark, root: str | os.PathLike, model_version: str):
    """Posts of the dataset ``model_version`` has neither scored nor declined.

    Columns ``platform, post_id, day, text, context, addressed``, the rule of
    ``kindscope.store.scoring.pending_posts``.
    """
    from pyspark.sql import functions as F

    root = Path(root)
    posts = _read(spark, root, "posts", _POSTS_SCHEMA)
    parents = posts.select("platform", F.col("post_id").alias("parent_id"),
                           F.col("text").alias("context"))
    done = None
    for table in ("signal_scores", "post_languages"):
        rows = (_read(spark, root, table, _SCORES_SCHEMA)
                .where(F.col("model_version") == model_version)
                .select("platform", "post_id"))
        done = rows if done is None else done.unionByName(rows)
    todo = posts.where((F.col("kind") == "post") & F.col("text").isNotNull()
                       & (F.trim(F.col("text")) != ""))
    todo = todo.join(done.distinct(), ["platform", "post_id"], "left_anti")
    joined = todo.join(parents, (todo.platform == parents.platform)
                       & (todo.reply_to_post_id == parents.parent_id), "left")
    addressed = (todo.reply_to_post_id.isNotNull() | todo.reply_to_account_id.isNotNull()
                 | todo.quote_of_post_id.isNotNull())
    return joined.select(todo.platform, todo.post_id, todo.day, todo.text, "context",
                         addressed.alias("addressed"))


def _wide_schema():
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    from kindscope.signals.model import STORED_SIGNALS

    fields = [StructField(c, StringType()) for c in ("platform", "post_id", "day", "lang")]
    fields += [StructField(s, DoubleType()) for s in STORED_SIGNALS]
    return StructType(fields)


def _reader(batch_size: int, threads: int):
    """The function each executor runs over its batches (pandas in, pandas out)."""

    def read(batches: Iterator) -> Iterator:
        os.environ.setdefault("KINDSCOPE_THREADS", str(threads))
        from kindscope.signals import STORED_SIGNALS
        from kindscope.signals.language import read_texts
        from kindscope.signals.model import get_model

        get_model()  # once per worker process; reused by every later task and batch
        for frame in batches:
            if frame.empty:
                continue
            contexts = [None if c is None or c != c else c for c in frame["context"]]
            table = read_texts(frame["text"].tolist(), contexts, STORED_SIGNALS, batch_size,
                               [bool(a) for a in frame["addressed"]])
            out = frame[["platform", "post_id", "day"]].copy()
            out["lang"] = table["lang"].to_pylist()
            for name in STORED_SIGNALS:
                out[name] = table[name].to_numpy(zero_copy_only=False)
            yield out

    return read


def score_dataset(data: str | os.PathLike, spark, batch_size: int = 64) -> SparkScoreResult:
    """Score every post of the dataset at ``data`` not yet read by ``MODEL_VERSION``.

    Appends new part files to ``signal_scores.parquet`` and ``post_languages.parquet``
    and updates the row counts of ``dataset.json``; returns what was done. A second run
    finds nothing pending and writes nothing.
    """
    from kindscope.signals.model import MODEL_VERSION

    root = Path(data)
    manifest, _ = ready_to_score(root)
    stage = root / f".scoring-{uuid.uuid4().hex[:8]}"
    try:
        result = _score_into(spark, root, stage, MODEL_VERSION, batch_size)
        if result.posts:
            rows = _rows_after(manifest, result)
            _move_parts(stage, root, rows)
            _write_manifest(root, {**manifest, "rows": rows})
            (root / JOURNAL).unlink()
        return result
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _score_into(spark, root: Path, stage: Path, version: str,
                batch_size: int) -> SparkScoreResult:
    from pyspark.sql import functions as F

    from kindscope.signals.language import SIGNAL_LANGUAGES
    from kindscope.signals.model import STORED_SIGNALS

    threads = int(spark.conf.get("spark.task.cpus", "1"))
    _driver_listing(spark)
    pending = pending_frame(spark, root, version)
    wide = pending.mapInPandas(_reader(batch_size, threads), _wide_schema())
    wide.write.parquet(str(stage / "wide"))  # the model runs once per post, here
    wide = spark.read.parquet(str(stage / "wide"))
    is_read = F.col("lang").isin(*sorted(SIGNAL_LANGUAGES))
    counts = wide.groupBy("lang").count().collect()
    posts = sum(int(r["count"]) for r in counts)
    if posts == 0:
        return SparkScoreResult(0, 0, 0, 0, {})
    read = sum(int(r["count"]) for r in counts if r["lang"] in SIGNAL_LANGUAGES)
    unread = {r["lang"]: int(r["count"]) for r in counts if r["lang"] not in SIGNAL_LANGUAGES}
    pairs = F.array(*[F.struct(F.lit(s).alias("signal"), F.col(s).alias("score"))
                      for s in STORED_SIGNALS])
    scores = (wide.where(is_read)
              .select("platform", "day", "post_id", F.explode(pairs).alias("p"))
              .select(*PARTITION_COLUMNS, "post_id", "p.signal", "p.score",
                      F.lit(version).alias("model_version")))
    languages = wide.select(*PARTITION_COLUMNS, "post_id",
                            F.lit(version).alias("model_version"), "lang",
                            is_read.alias("is_read"),
                            F.current_timestamp().alias("scored_at"))
    _write(spark, scores, _SCORE_FILE_COLUMNS, stage / "signal_scores.parquet")
    _write(spark, languages, _LANGUAGE_FILE_COLUMNS, stage / "post_languages.parquet")
    return SparkScoreResult(posts, read, read * len(STORED_SIGNALS), posts, unread)


def _write(spark, frame, columns: tuple[str, ...], path: Path) -> None:
    """One file per partition, timestamps as UTC microseconds (as the DuckDB export)."""
    key = "spark.sql.parquet.outputTimestampType"
    before = spark.conf.get(key, None)
    spark.conf.set(key, "TIMESTAMP_MICROS")
    try:
        (frame.repartition(*PARTITION_COLUMNS)
         .select(*columns, *PARTITION_COLUMNS)
         .write.partitionBy(*PARTITION_COLUMNS).parquet(str(path)))
    finally:
        if before is None:
            spark.conf.unset(key)
        else:
            spark.conf.set(key, before)


def _move_parts(stage: Path, root: Path, rows: dict) -> None:
    """Move the staged part files into the dataset's partition folders (new names only),
    after writing the journal (``JOURNAL``): the parts and the manifest's counts once they
    are in, so that a run cut short between the two can be undone."""
    moves = []
    for table in ("signal_scores", "post_languages"):
        staged = _table_path(stage, table)
        for part in sorted(staged.rglob("*.parquet")):
            if part.name.startswith((".", "_")):
                continue
            target = _table_path(root, table) / part.relative_to(staged)
            if target.exists():  # Spark names parts by job uuid: never expected
                raise FileExistsError(target)
            moves.append((part, target))
    _write_json(root / JOURNAL, {"parts": [str(t.relative_to(root)) for _, t in moves],
                                 "rows": rows})
    for part, target in moves:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, target)


def ready_to_score(data: str | os.PathLike) -> tuple[dict, bool]:
    """``(manifest, undone)`` of the dataset at ``data`` made ready for a scoring run: an
    interrupted run's parts taken out (:func:`undo_interrupted`; ``undone`` says whether
    there were any), then the dataset checked (``check_dataset``: a damaged one would be
    scored short, and its manifest's counts written over with the smaller ones)."""
    undone = undo_interrupted(data)
    return check_dataset(data), undone


def undo_interrupted(data: str | os.PathLike) -> bool:
    """Take out the part files of a run cut short after it began moving them in and before
    the manifest counted them (its ``JOURNAL``); True when there was one. A run that got as
    far as the manifest only leaves its journal, which goes."""
    root = Path(data)
    journal = root / JOURNAL
    if not journal.exists():
        return False
    done = json.loads(journal.read_text(encoding="utf-8"))
    if read_manifest(root).get("rows") != done["rows"]:
        for name in done["parts"]:
            (root / name).unlink(missing_ok=True)
    journal.unlink()
    return True


def _rows_after(manifest: dict, result: SparkScoreResult) -> dict:
    rows = dict(manifest.get("rows", {}))
    rows["signal_scores"] = int(rows.get("signal_scores", 0)) + result.score_rows
    rows["post_languages"] = int(rows.get("post_languages", 0)) + result.language_rows
    return rows


def _write_manifest(root: Path, manifest: dict) -> None:
    _write_json(root / MANIFEST, manifest)


def _write_json(path: Path, data: dict) -> None:
    """``path`` replaced whole (a temporary file, then a rename)."""
    temp = path.parent / f".{MANIFEST}.{uuid.uuid4().hex[:8]}.tmp"
    temp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(temp, path)
