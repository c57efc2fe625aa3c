"""Writing a dataset or a JSONL export deletes nothing kindscope did not write, and a
dataset whose files hold other row counts than its manifest is refused, not read short."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from storedata import add_post

from kindscope.cli import cli
from kindscope.errors import InputError
from kindscope.store.dataset import open_dataset, write_dataset
from kindscope.store.db import Store

LINES = [
    {"type": "meta", "owner": "ana"},
    {"type": "account", "id": "ana", "handle": "ana"},
    {"id": "1", "author": "ana", "created_at": "2024-03-01T09:00:00Z", "text": "Feeling low"},
    {"id": "2", "author": "ben", "created_at": "2024-03-01T10:00:00Z", "text": "Hug",
     "reply_to": "1"},
    {"id": "3", "author": "ana", "created_at": "2024-03-02T09:00:00Z", "text": "Better today"},
    {"id": "4", "author": "cat", "created_at": "2024-03-03T09:00:00Z", "text": "Good news"},
    {"type": "follow", "follower": "ben", "followee": "ana"},
    {"type": "follow", "follower": "ana", "followee": "ben"},
]
DAMAGED = "the dataset is damaged or partly copied"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def ok(*args):
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result


def refused(*args) -> str:
    """The one error line of a command that must exit 2."""
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def write_source(path: Path, lines=LINES) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("safety")
    db = root / "k.duckdb"
    ok("import", write_source(root / "data.jsonl"), "--db", db)
    return db


@pytest.fixture
def dataset(db, tmp_path) -> Path:
    out = tmp_path / "ds"
    ok("export", "--db", db, "--out", out)
    return out


def _manifest(path: Path) -> str:
    return (path / "dataset.json").read_text()


# -- defect 1: nothing the user put in the folder is deleted or overwritten -----------------
@pytest.mark.parametrize("entry", ["NOTES.md", "analysis/fig.csv",
                                   "posts.parquet/platform=generic/notes.txt",
                                   "posts.parquet/platform=generic/day=2024-03-01/fig.csv"])
def test_export_refuses_a_dataset_holding_other_files(db, dataset, entry):
    mine = dataset / entry
    mine.parent.mkdir(parents=True, exist_ok=True)
    mine.write_text("mine")
    error = refused("export", "--db", db, "--out", dataset)
    named = Path(entry).parts[0] if "parquet" not in entry else entry
    assert error.startswith(f"kindscope: error: {dataset}: holds {named}, which is not part")
    assert "move it elsewhere or name another folder" in error
    assert mine.read_text() == "mine"
    shutil.move(dataset / named, dataset.parent / "moved")
    ok("export", "--db", db, "--out", dataset)  # once it is moved, the dataset is replaced


def test_export_names_the_first_of_several_entries(db, dataset):
    (dataset / "NOTES.md").write_text("mine")
    (dataset / "analysis").mkdir()
    (dataset / "analysis" / "fig.csv").write_text("mine")
    assert "holds NOTES.md," in refused("export", "--db", db, "--out", dataset)
    (dataset / "NOTES.md").unlink()
    assert "holds analysis," in refused("export", "--db", db, "--out", dataset)
    assert (dataset / "analysis" / "fig.csv").read_text() == "mine"


def test_import_parquet_refuses_a_dataset_holding_other_files(tmp_path):
    out = tmp_path / "data"
    ok("import", write_source(tmp_path / "a.jsonl"), "--parquet", out)
    (out / "NOTES.md").write_text("mine")
    before = _manifest(out)
    more = write_source(tmp_path / "b.jsonl", [{"id": "9", "author": "dan", "text": "hi",
                                                "created_at": "2024-04-01T09:00:00Z"}])
    assert "holds NOTES.md," in refused("import", more, "--parquet", out)
    assert (out / "NOTES.md").read_text() == "mine" and _manifest(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers


def test_export_replaces_what_an_interrupted_spark_scoring_left(db, dataset):
    """Its staging folder and the manifest's temporary file are kindscope's own."""
    (dataset / ".scoring-0123abcd" / "wide").mkdir(parents=True)
    (dataset / ".dataset.json.0123abcd.tmp").write_text("{}")
    ok("export", "--db", db, "--out", dataset)
    assert not [p for p in dataset.iterdir() if p.name.startswith(".")]


def test_jsonl_export_replaces_only_a_previous_jsonl_export(db, tmp_path):
    out = tmp_path / "j"
    ok("export", "--db", db, "--format", "jsonl", "--out", out)
    ok("export", "--db", db, "--format", "jsonl", "--out", out)  # its own files: replaced
    (out / "NOTES.md").write_text("mine")
    error = refused("export", "--db", db, "--format", "jsonl", "--out", out)
    assert error.startswith(f"kindscope: error: {out}: holds NOTES.md, which is not a file")
    assert (out / "NOTES.md").read_text() == "mine"


def test_jsonl_export_replaces_an_export_written_before_a_table_was_added(db, tmp_path):
    """An export of before schema 6 or 7 has no capture_spans.jsonl or post_versions.jsonl:
    it was refused as the user's own files (a code review, 2026-12-06)."""
    out = tmp_path / "j"
    ok("export", "--db", db, "--format", "jsonl", "--out", out)
    for later in ("capture_spans.jsonl", "post_versions.jsonl"):
        (out / later).unlink()
    ok("export", "--db", db, "--format", "jsonl", "--out", out)
    assert (out / "post_versions.jsonl").exists()


def test_jsonl_export_keeps_a_lone_file_of_a_table_name(db, tmp_path):
    """A ``posts.jsonl`` alone may be the user's own source, not a previous export."""
    out = tmp_path / "j"
    out.mkdir()
    write_source(out / "posts.jsonl")
    before = (out / "posts.jsonl").read_text()
    assert "holds posts.jsonl but not" in refused("export", "--db", db, "--format", "jsonl",
                                                  "--out", out)
    assert (out / "posts.jsonl").read_text() == before


def test_jsonl_export_refuses_a_dataset(db, dataset):
    before = sorted(p.name for p in dataset.iterdir())
    error = refused("export", "--db", db, "--format", "jsonl", "--out", dataset)
    assert error == f"kindscope: error: {dataset}: is a Parquet dataset; write the JSONL " \
                    "export into a folder of its own\n"
    assert sorted(p.name for p in dataset.iterdir()) == before


# -- defect 2: a damaged or partly copied dataset is refused, never read short -------------
def _drop_follows(dataset: Path) -> str:
    (dataset / "follows.parquet").unlink()
    return "follows: the manifest says 2 rows, the files hold 0"


def _drop_a_day(dataset: Path) -> str:
    shutil.rmtree(dataset / "posts.parquet" / "platform=generic" / "day=2024-03-02")
    return "posts: the manifest says 4 rows, the files hold 3"


def _copy_a_day_twice(dataset: Path) -> str:
    day = dataset / "posts.parquet" / "platform=generic" / "day=2024-03-03"
    shutil.copy(next(day.glob("*.parquet")), day / "copy_1.parquet")
    return "posts: the manifest says 4 rows, the files hold 5"


DAMAGE = [_drop_follows, _drop_a_day, _copy_a_day_twice]


@pytest.mark.parametrize("load", [False, True])
@pytest.mark.parametrize("damage", DAMAGE)
def test_open_refuses_a_damaged_dataset(dataset, damage, load):
    with open_dataset(dataset, load=load) as store:  # whole, it opens in both forms
        assert store.scalar("SELECT count(*) FROM posts") == 4
    expected = damage(dataset)
    with pytest.raises(InputError) as caught:
        open_dataset(dataset, load=load)
    assert caught.value.where == str(dataset)
    assert caught.value.message.startswith(expected + f"; {DAMAGED}: export it again")


def test_report_refuses_a_damaged_dataset(dataset, tmp_path):
    expected = _drop_follows(dataset)
    error = refused("report", "--data", dataset, "--out", tmp_path / "r")
    assert error.startswith(f"kindscope: error: {dataset}: {expected}; {DAMAGED}")
    assert not (tmp_path / "r" / "report.json").exists()


@pytest.mark.parametrize("damage", DAMAGE)
def test_import_parquet_leaves_a_damaged_dataset_as_it_was(dataset, damage, tmp_path):
    expected = damage(dataset)
    before = _manifest(dataset)
    more = write_source(tmp_path / "b.jsonl", [{"id": "9", "author": "dan", "text": "hi",
                                                "created_at": "2024-04-01T09:00:00Z"}])
    assert f"{dataset}: {expected}; {DAMAGED}" in refused("import", more, "--parquet", dataset)
    assert _manifest(dataset) == before  # the manifest's counts are not made to match
    assert not (dataset / "posts.parquet" / "platform=generic" / "day=2024-04-01").exists()


def test_import_parquet_names_a_truncated_file(dataset, tmp_path):
    part = next((dataset / "posts.parquet").rglob("*.parquet"))
    part.write_bytes(part.read_bytes()[:100])  # a copy cut short
    before = _manifest(dataset)
    error = refused("import", write_source(tmp_path / "b.jsonl"), "--parquet", dataset)
    assert f"{part.relative_to(dataset)} is not a readable Parquet file" in error
    assert DAMAGED in error and _manifest(dataset) == before


def test_a_file_managers_own_files_do_not_stop_a_dataset_being_replaced(tmp_path):
    """.DS_Store (macOS Finder) in a dataset and in one of its day folders."""
    from kindscope.store.dataset import foreign_entry

    store = Store(":memory:")
    add_post(store, "p1", "me", datetime(2024, 5, 1, tzinfo=UTC), "hello", platform="generic")
    out = tmp_path / "ds"
    write_dataset(store, out)
    (out / ".DS_Store").write_bytes(b"\0")
    day = next((out / "posts.parquet").rglob("day=*"))
    (day / ".DS_Store").write_bytes(b"\0")
    assert foreign_entry(out) is None
    write_dataset(store, out)
    (out / "notes.txt").write_text("mine")
    assert foreign_entry(out) == out / "notes.txt"


def test_import_parquet_refuses_the_folder_before_reading_any_source(tmp_path, monkeypatch):
    """A refusal after the work would throw the work away (an online fetch included)."""
    import kindscope.commands.data as data

    out = tmp_path / "data"
    ok("import", write_source(tmp_path / "a.jsonl"), "--parquet", out)
    (out / "NOTES.md").write_text("mine")

    def no_import(*args, **kwargs):
        raise AssertionError("read a source before refusing the folder")

    monkeypatch.setattr(data, "import_sources", no_import)
    monkeypatch.setattr(data, "load_dataset", no_import)
    assert "holds NOTES.md," in refused("import", tmp_path / "a.jsonl", "--parquet", out)


@pytest.mark.parametrize("damage", DAMAGE)
def test_spark_refuses_a_damaged_dataset_before_spark_starts(dataset, damage, monkeypatch):
    """As DuckDB does: the same report on either engine, or none."""
    pytest.importorskip("pyspark")
    import kindscope.store.spark as spark

    def no_spark(*args, **kwargs):
        raise AssertionError("Spark started on a damaged dataset")

    monkeypatch.setattr(spark, "spark_session", no_spark)
    from kindscope.store.spark_store import open_spark_dataset

    expected = damage(dataset)
    with pytest.raises(InputError) as caught:
        open_spark_dataset(dataset)
    assert caught.value.message.startswith(expected)


@pytest.mark.parametrize("damage", DAMAGE)
def test_score_on_spark_refuses_a_damaged_dataset_before_spark_starts(dataset, damage,
                                                                      monkeypatch):
    """Scored short, a damaged dataset's manifest would be written over with the smaller
    counts, making the loss permanent (as ``import --parquet`` would)."""
    pytest.importorskip("pyspark")
    import kindscope.store.spark_score as spark_score

    def no_spark(*args, **kwargs):
        raise AssertionError("Spark started on a damaged dataset")

    monkeypatch.setattr(spark_score, "scoring_session", no_spark)
    expected = damage(dataset)
    before = _manifest(dataset)
    error = refused("score", "--engine", "spark", "--data", dataset)
    assert error.startswith(f"kindscope: error: {dataset}: {expected}; {DAMAGED}")
    assert _manifest(dataset) == before


def test_score_dataset_refuses_a_damaged_dataset(dataset):
    """The library call checks too, for callers that bring their own session."""
    pytest.importorskip("pyspark")
    from kindscope.store.spark_score import score_dataset

    expected = _drop_a_day(dataset)
    before = _manifest(dataset)
    with pytest.raises(InputError) as caught:
        score_dataset(dataset, spark=None)
    assert caught.value.message.startswith(expected)
    assert _manifest(dataset) == before


def _interrupted_run(dataset: Path, counted: bool) -> Path:
    """What a ``score --engine spark`` cut short leaves: a part file moved in and its
    journal, with the manifest counting the part (``counted``) or not yet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from kindscope.store.dataset import JOURNAL

    part = (dataset / "signal_scores.parquet" / "platform=generic" / "day=2024-03-02"
            / "part-00000-cut.parquet")
    part.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({"post_id": ["a", "b", "c"]}), part)
    manifest = json.loads(_manifest(dataset))
    rows = {**manifest["rows"], "signal_scores": manifest["rows"].get("signal_scores", 0) + 3}
    if counted:
        (dataset / "dataset.json").write_text(json.dumps({**manifest, "rows": rows}))
    (dataset / JOURNAL).write_text(json.dumps({"parts": [str(part.relative_to(dataset))],
                                               "rows": rows}))
    return part


def test_a_half_written_score_run_is_named_and_undone_by_the_next(dataset, monkeypatch):
    """A scoring run cut short between moving its parts in and counting them left a
    dataset every reader refused as damaged, with advice (export it again from the
    database) that a dataset built on Spark cannot follow."""
    pytest.importorskip("pyspark")
    import kindscope.store.spark_score as spark_score

    part = _interrupted_run(dataset, counted=False)
    before = _manifest(dataset)
    error = refused("report", "--data", dataset, "--out", dataset.parent / "r")
    assert "an interrupted kindscope score --engine spark left part of its scores" in error

    def stop(*args, **kwargs):
        raise InputError("stopped here", "--master")

    monkeypatch.setattr(spark_score, "scoring_session", stop)
    result = run("score", "--engine", "spark", "--data", dataset)
    assert result.exit_code == 2 and "stopped here" in result.stderr
    assert "took out the scores an interrupted run had left half-written" in result.stderr
    assert not part.exists() and _manifest(dataset) == before
    with open_dataset(dataset) as store:  # whole again
        assert store.scalar("SELECT count(*) FROM posts") == 4


def test_a_run_that_counted_its_parts_keeps_them(dataset):
    pytest.importorskip("pyspark")
    from kindscope.store.dataset import JOURNAL, check_dataset
    from kindscope.store.spark_score import undo_interrupted

    part = _interrupted_run(dataset, counted=True)
    assert undo_interrupted(dataset) and part.exists() and not (dataset / JOURNAL).exists()
    check_dataset(dataset)
    assert not undo_interrupted(dataset)


def test_jsonl_export_replaces_an_older_export_and_ignores_a_file_managers_files(db, tmp_path):
    """An export made before post_languages and snapshot_carries were written, with a
    Finder file beside it, is still a previous export."""
    out = tmp_path / "j"
    ok("export", "--db", db, "--format", "jsonl", "--out", out)
    for name in ("post_languages.jsonl", "snapshot_carries.jsonl"):
        (out / name).unlink()
    (out / ".DS_Store").write_bytes(b"\0")
    ok("export", "--db", db, "--format", "jsonl", "--out", out)
    assert (out / "post_languages.jsonl").exists()


def test_jsonl_export_writes_times_in_utc_whatever_the_zone(tmp_path):
    from kindscope.store.queries import export_tables

    store = Store(":memory:")
    add_post(store, "p1", "me", datetime(2024, 1, 8, 18, 4, tzinfo=UTC), "hi", platform="generic")
    store.execute("SET TimeZone = 'America/New_York'")
    export_tables(store, tmp_path / "j", "jsonl")
    post = json.loads((tmp_path / "j" / "posts.jsonl").read_text())
    assert post["created_at"] == "2024-01-08 18:04:00+00"
    assert store.scalar("SELECT current_setting('TimeZone')") == "America/New_York"


def test_stats_counts_a_dataset_as_its_database(db, dataset):
    """``stats --data`` on an export gives the database's own counts."""
    from_db = json.loads(ok("stats", "--db", db, "--json").stdout)
    from_dataset = json.loads(ok("stats", "--data", dataset, "--json").stdout)
    assert from_dataset == from_db and from_db["posts"] == 4
    assert "give --db or --data, not both" in run("stats", "--db", db, "--data", dataset).output
