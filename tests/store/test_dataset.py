"""The Parquet dataset (issue 14, step 1): layout, round trip, report identity, re-import."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from kindscope.cli import cli
from kindscope.commands.report import demo_path
from kindscope.store.dataset import FLAT, PARTITIONED, open_dataset
from kindscope.store.db import Store
from kindscope.store.queries import EXPORTED_TABLES, stats
from kindscope.store.read_sql import SIGNAL_COLUMNS
from kindscope.store.scoring import pending_posts, write_scores


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def fake_scores(db: Path) -> None:
    """Deterministic stand-in scores (a hash of post and signal): fast, and every section
    of the report has something to count."""
    with Store(db) as store:
        todo = pending_posts(store, "test-1").to_pylist()
        rows = [(p["platform"], p["post_id"], s,
                 int(hashlib.sha256(f"{p['post_id']}/{s}".encode()).hexdigest()[:8], 16) / 2**32,
                 "test-1") for p in todo for s in SIGNAL_COLUMNS]
        scores = pa.table(dict(zip(("platform", "post_id", "signal", "score", "model_version"),
                                   map(list, zip(*rows, strict=True)), strict=True)))
        langs = pa.table({"platform": [p["platform"] for p in todo],
                          "post_id": [p["post_id"] for p in todo],
                          "model_version": ["test-1"] * len(todo), "lang": ["en"] * len(todo),
                          "is_read": [True] * len(todo)})
        write_scores(store, scores, langs)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    invoke("import", demo_path(), "--db", db)
    fake_scores(db)
    return db


@pytest.fixture(scope="module")
def dataset(demo_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ds") / "demo-data"
    invoke("export", "--db", demo_db, "--format", "parquet", "--out", out)
    return out


def _table(store: Store, table: str) -> list[tuple]:
    return store.rows(f"SELECT * FROM {table} ORDER BY ALL")


def test_partition_layout(dataset, demo_db):
    manifest = json.loads((dataset / "dataset.json").read_text())
    assert manifest["layout_version"] == 1 and manifest["schema_version"] >= 4
    assert set(manifest["tables"]) == set(EXPORTED_TABLES) == {*FLAT, *PARTITIONED}
    for table in FLAT:
        assert (dataset / f"{table}.parquet").is_file()
    with Store(demo_db, read_only=True) as store:
        days = {r[0] for r in store.rows("SELECT DISTINCT strftime(timezone('UTC', "
                                         "created_at), '%Y-%m-%d') FROM posts")}
    folders = sorted((dataset / "posts.parquet" / "platform=generic").iterdir())
    assert {f.name.removeprefix("day=") for f in folders} == days
    for folder in folders[:5]:
        posts = pq.read_table(next(folder.glob("*.parquet")))
        assert "platform" not in posts.column_names and "day" not in posts.column_names
        assert {t.astimezone(UTC).strftime("%Y-%m-%d")
                for t in posts["created_at"].to_pylist()} == {folder.name[4:]}
    for table in PARTITIONED[1:]:
        assert next((dataset / f"{table}.parquet").glob("platform=generic/day=*/*.parquet"))
    # pyarrow reads a table folder whole, partitions included
    assert pq.read_table(dataset / "posts.parquet").num_rows == manifest["rows"]["posts"]


@pytest.mark.parametrize("load", [False, True])
def test_round_trip(dataset, demo_db, load):
    with Store(demo_db, read_only=True) as db, open_dataset(dataset, load=load) as ds:
        assert ds.loaded is load
        for table in EXPORTED_TABLES:
            assert _table(ds, table) == _table(db, table), table
        assert stats(ds) == stats(db)


def test_report_is_the_same_on_the_dataset(dataset, demo_db, tmp_path):
    """Identical report.json except source.generated_at (the time it was written) and the
    data its commands name: each reads what the report read (`--db demo.duckdb`, `--data
    demo-data`: a moderator's review found a dataset's report pointing at ./kindscope.duckdb)."""
    reports = []
    for flag, value in (("--db", demo_db), ("--data", dataset)):
        invoke("report", flag, value, "--out", tmp_path / flag.strip("-"))
        text = (tmp_path / flag.strip("-") / "report.json").read_text()
        named = f"{flag} {Path(value).name}"
        assert f'"command": "kindscope care {named}"' in text
        # a dataset is scored on Spark: its own words for the same data
        for words in (f"--engine spark {named}", named):
            text = text.replace(f" {words}", " DATA")
        report = json.loads(text)
        report["source"].pop("generated_at")
        reports.append(report)
    assert reports[0]["source"]["scored_posts"] > 400
    assert reports[0] == reports[1]


def test_import_to_parquet_adds_a_snapshot_once(demo_db, tmp_path):
    out = tmp_path / "data"
    first = invoke("import", demo_path(), "--parquet", out).output
    assert "added 30 accounts, 453 posts" in first
    written = (out / "dataset.json").stat().st_mtime_ns
    again = invoke("import", demo_path(), "--parquet", out).output
    assert "already imported" in again
    assert (out / "dataset.json").stat().st_mtime_ns == written  # nothing rewritten
    extra = tmp_path / "more.jsonl"
    extra.write_text('{"id": "n1", "author": "newcomer", "text": "hello all",'
                     ' "created_at": "2024-06-01T10:00:00Z"}\n')
    invoke("import", extra, "--parquet", out)
    with open_dataset(out) as ds, Store(demo_db, read_only=True) as db:
        assert ds.scalar("SELECT count(*) FROM snapshots") == 2
        assert ds.scalar("SELECT count(*) FROM posts") == 454
        assert _table(ds, "follows") == _table(db, "follows")
    assert (out / "posts.parquet" / "platform=generic" / "day=2024-06-01").is_dir()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers


def test_export_refuses_a_folder_of_other_files(demo_db, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(cli, ["export", "--db", str(demo_db), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "not a kindscope dataset" in result.stderr
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_network_safety_and_evidence_read_a_dataset_as_the_database(demo_db, dataset,
                                                                     tmp_path):
    """docs/scale.md offers a dataset without a database, but `network`, `safety` and
    `evidence` took only --db (a researcher's review, 2026-12-06). They take --data now and
    say the same of it as of the database it was exported from."""
    def network(*where):
        return json.loads(invoke("network", *where, "--json").stdout)

    assert network("--data", dataset) == network("--db", demo_db)
    db_scan = json.loads(invoke("safety", "--db", demo_db, "--json").stdout)
    assert json.loads(invoke("safety", "--data", dataset, "--json").stdout) == db_scan
    with Store(demo_db, read_only=True) as store:  # the demo's most active other account
        account = store.scalar("SELECT author_id FROM posts p WHERE author_id NOT IN "
                               "(SELECT owner_id FROM snapshots) GROUP BY 1 "
                               "ORDER BY count(*) DESC, 1 LIMIT 1")
    for where, folder in (("--db", demo_db), ("--data", dataset)):
        invoke("evidence", where, folder, "--account", account, "--out",
               tmp_path / where.strip("-"))
    packs = [json.loads((tmp_path / name / "evidence.json").read_text())
             for name in ("db", "data")]
    assert packs[0]["posts"] and packs[1]["posts"] == packs[0]["posts"]
    result = CliRunner().invoke(cli, ["safety", "--db", str(demo_db), "--data", str(dataset)])
    assert result.exit_code == 2 and "give --db or --data, not both" in result.output


def test_no_output_goes_inside_the_dataset_it_reads(dataset, tmp_path):
    """A moderator's review (2026-12-06): `community --data DIR --out DIR/moderation` wrote
    into the dataset, which then refused the next import into it."""
    before = sorted(p.relative_to(dataset) for p in dataset.rglob("*"))
    for args in (("community", "--engine", "duckdb"), ("report",),
                 ("evidence", "--account", "nobody")):
        result = CliRunner().invoke(cli, [*args, "--data", str(dataset), "--out",
                                          str(dataset / "out")])
        assert result.exit_code == 2, (args, result.output)
        assert "is inside the dataset folder" in result.output
    assert sorted(p.relative_to(dataset) for p in dataset.rglob("*")) == before


def test_a_reports_commands_read_the_data_it_read(dataset, tmp_path):
    """The commands a report gives (care, score, inbox; each incident's evidence pack:
    tests/safety/test_incidents.py) name the dataset (by its folder's name, never a path)
    and the --me it was given, so that care reads the same circle."""
    out = tmp_path / "r"
    result = invoke("report", "--data", dataset, "--me", "@sam_rivers", "--out", out)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    where = f"--data {dataset.name} --me @sam_rivers"
    # care reads datasets too: a bare `kindscope care` read ./kindscope.duckdb
    assert report["care"]["command"] == f"kindscope care {where}"
    assert report["source"]["commands"]["inbox"] == f"kindscope inbox {where}"
    assert str(dataset.parent) not in (out / "report.json").read_text(encoding="utf-8")


def test_care_and_inbox_read_a_dataset_as_the_database(demo_db, dataset, tmp_path):
    """A report read from a dataset gave `kindscope care`, which took only --db and then
    read ./kindscope.duckdb (stop 45's open item). `care` and `inbox` take --data and say
    the same of it as of the database it was exported from; a dataset is never written
    (no scoring, no --forget), and posts read by another model than the installed one are
    said so, with the command that reads them again."""
    from kindscope.care.queue import care_queue, inbox
    from kindscope.store.read import read_model

    before = sorted((p.relative_to(dataset), p.stat().st_size) for p in dataset.rglob("*"))
    # the database as it was exported, read without scoring (the CLI on a writable
    # database would score it with the shipped model first, and change this module's store)
    with Store(demo_db, read_only=True) as store:
        rm = read_model(store)
        queues = {"care": care_queue(rm), "inbox": inbox(rm)}
        rm.close()
    for command in ("care", "inbox"):
        from_db = json.loads(json.dumps(queues[command].to_dict(), ensure_ascii=False))
        result = CliRunner().invoke(cli, [command, "--data", str(dataset), "--json"])
        assert result.exit_code == 0, result.output
        from_data = json.loads(result.stdout)
        assert from_data["items"] and from_data == from_db
        # the demo's stand-in scores are another model's (test-1), read as they are: the
        # dataset says so and names the command that reads them again
        assert "note: These posts were read by another version of kindscope's model " \
            "(test-1), not the one installed" in result.stderr
        assert (f"`kindscope score --engine spark --data {dataset}` reads them again. This "
                "command cannot: a dataset is read as it is.") in result.stderr
    assert sorted((p.relative_to(dataset), p.stat().st_size)
                  for p in dataset.rglob("*")) == before
    result = CliRunner().invoke(cli, ["care", "--data", str(dataset), "--forget"])
    assert result.exit_code == 2 and "a dataset (--data) is never written" in result.output
    result = CliRunner().invoke(cli, ["inbox", "--data", str(dataset), "--demo"])
    assert result.exit_code == 2 and "give --demo or --data, not both" in result.output
