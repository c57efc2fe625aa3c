"""`kindscope score --engine spark --data DIR`: the same numbers as local scoring (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from kindscope.cli import cli
from kindscope.commands.report import demo_path
from kindscope.signals import MODEL_VERSION, STORED_SIGNALS
from kindscope.store.db import Store
from kindscope.store.spark_score import score_dataset

DAYS = ("2024-01-08", "2024-01-09", "2024-01-10")
#: Posts the signals do not read (language rule), one replied to by an English post.
FOREIGN = [
    {"author": "amara_k", "created_at": "2024-01-09T10:00:00Z", "id": "de1",
     "text": "Danke dir, ich hoffe es geht dir bald besser! Wir sehen uns morgen."},
    {"author": "ben_walks", "created_at": "2024-01-10T11:00:00Z", "id": "ru1",
     "text": "Спасибо, мне уже лучше"},
    {"author": "sam_rivers", "created_at": "2024-01-10T12:00:00Z", "id": "en1",
     "reply_to": "de1", "reply_to_author": "amara_k", "text": "I'm here for you, always."},
]


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _small_source(path: Path, posts: int = 150) -> Path:
    """The demo's accounts and first posts, folded onto three days (three partitions)."""
    lines, kept = [], 0
    for line in Path(demo_path()).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "text" in record:
            if kept == posts:
                continue
            record["created_at"] = f"{DAYS[kept % 3]}T{record['created_at'][11:]}"
            kept += 1
        elif record.get("type") not in ("meta", "account"):
            continue
        lines.append(json.dumps(record))
    lines += [json.dumps(p) for p in FOREIGN]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """(an unscored dataset, the same posts scored locally in a database)."""
    tmp = tmp_path_factory.mktemp("spark-score")
    source = _small_source(tmp / "small.jsonl")
    db = tmp / "small.duckdb"
    assert invoke("import", source, "--db", db).exit_code == 0
    data = tmp / "data"
    assert invoke("export", "--db", db, "--format", "parquet", "--out", data).exit_code == 0
    result = invoke("score", "--db", db)
    assert result.exit_code == 0, result.output
    return data, db


def _rows(folder: Path, key: tuple[str, ...]) -> dict:
    table = pq.read_table(folder).to_pylist()
    return {tuple(r[k] for k in key): r for r in table}


def test_spark_scores_equal_local_scores_and_rerun_adds_nothing(spark, stores):
    data, db = stores
    before = {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}
    result = score_dataset(data, spark)
    assert result.posts == 153 and result.unread == {"de": 1, "ru": 1}

    with Store(db, read_only=True) as store:
        local_scores = store.con.execute(
            "SELECT platform, post_id, signal, score FROM signal_scores").fetchall()
        local_langs = store.con.execute(
            "SELECT platform, post_id, lang, is_read FROM post_languages").fetchall()
    spark_scores = _rows(data / "signal_scores.parquet", ("platform", "post_id", "signal"))
    assert len(spark_scores) == len(local_scores) == result.score_rows \
        == 151 * len(STORED_SIGNALS)
    for platform, post_id, signal, score in local_scores:
        row = spark_scores[(platform, post_id, signal)]
        assert row["model_version"] == MODEL_VERSION
        assert abs(row["score"] - score) <= 1e-6, (post_id, signal, row["score"], score)
    spark_langs = _rows(data / "post_languages.parquet", ("platform", "post_id"))
    assert {(p, i, r["lang"], r["is_read"]) for (p, i), r in spark_langs.items()} \
        == set(local_langs)

    # appended as new files: nothing that was there changed, counts updated
    after = {p.relative_to(data): p for p in data.rglob("*") if p.is_file()}
    assert all(after[name].read_bytes() == raw for name, raw in before.items()
               if name.name != "dataset.json")
    rows = json.loads((data / "dataset.json").read_text())["rows"]
    assert rows["signal_scores"] == 151 * len(STORED_SIGNALS) and rows["post_languages"] == 153
    assert not [p for p in data.iterdir() if p.name.startswith(".")]

    again = score_dataset(data, spark)
    assert again.posts == 0 and again.score_rows == 0
    assert json.loads((data / "dataset.json").read_text())["rows"] == rows
    assert {p.relative_to(data) for p in data.rglob("*") if p.is_file()} == set(after)


def test_the_dataset_reads_back_with_the_spark_scores(spark, stores):
    from kindscope.store.dataset import open_dataset
    from kindscope.store.scoring import pending_posts, unread_counts

    data, _ = stores
    score_dataset(data, spark)  # a no-op when the test above ran first
    with open_dataset(data) as store:
        assert pending_posts(store, MODEL_VERSION).num_rows == 0
        assert unread_counts(store, None, MODEL_VERSION) == {"de": 1, "ru": 1}


@pytest.mark.parametrize("args, message", [
    (["--engine", "spark"], "give --data DIR"),
    (["--data", "."], "--data goes with --engine spark"),
    (["--master", "local[1]"], "--master goes with --engine spark"),
    (["--engine", "spark", "--data", ".", "--text", "hi"], "INPUT, --text and --db"),
    (["--engine", "spark", "--data", ".", "--db", "x.duckdb"], "INPUT, --text and --db"),
])
def test_usage_errors(args, message):
    result = invoke("score", *args)
    assert result.exit_code == 2 and message in result.output, result.output


def test_a_folder_that_is_not_a_dataset_is_refused(tmp_path):
    result = invoke("score", "--engine", "spark", "--data", tmp_path, "--master", "local[1]")
    assert result.exit_code == 2 and "not a kindscope dataset" in result.output
