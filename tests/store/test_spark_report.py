"""report and community on Spark are the same as on DuckDB (issue 14).

What is compared: the whole report.json (and community.json) that each engine writes
from one Parquet dataset, every metric, interval, count, list and text, with Python's
``==`` on the parsed JSON (floats exactly, no tolerance). The ``source`` block is compared
too, except the two keys that must differ: ``engine`` (checked to name each engine) and
``generated_at`` (the time of writing).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kindscope.cli import cli

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory) -> Path:
    """The demo as ``kindscope analyze --demo`` builds it (imported and scored by the
    shipped model), exported as a dataset."""
    root = tmp_path_factory.mktemp("spark-demo")
    invoke("analyze", "--demo", "--db", root / "demo.duckdb", "--out", root / "analyze")
    invoke("export", "--db", root / "demo.duckdb", "--format", "parquet", "--out",
           root / "data")
    return root / "data"


def _written(command: str, engine: str, data: Path, out: Path, *extra) -> tuple[dict, dict]:
    """(the file without its source block, the source block) of one run."""
    invoke(command, "--engine", engine, "--data", data, "--out", out, *extra)
    name = "community.json" if command == "community" else "report.json"
    written = json.loads((out / name).read_text(encoding="utf-8"))
    source = written.pop("source")
    assert source.pop("engine") == engine
    source.pop("generated_at")
    return written, source


def _same_on_both(command: str, data: Path, tmp_path: Path, *extra) -> dict:
    duck, duck_source = _written(command, "duckdb", data, tmp_path / "duckdb", *extra)
    spark, spark_source = _written(command, "spark", data, tmp_path / "spark", *extra)
    assert spark_source == duck_source
    assert spark == duck
    return duck


@pytest.mark.parametrize("me", [None, "@omar_cooks"])
def test_report_is_the_same_on_spark(spark, demo_data, tmp_path, me):
    extra = ("--me", me) if me else ()
    report = _same_on_both("report", demo_data, tmp_path, *extra)
    # Not two empty reports: the sections hold figures (and, for the owner, a bootstrap
    # interval, drawn from rows each engine returned in its own run).
    assert report["void_rate"]["groups"]
    if me is None:
        assert report["kindness_gap"]["ci_low"] is not None


def test_community_is_the_same_on_spark(spark, demo_data, tmp_path):
    view = _same_on_both("community", demo_data, tmp_path)
    overall = view["platforms"][0]["overall"]
    assert overall["painful"]["posts"] > 0 and view["platforms"][0]["communities"]
    # under the driver_graph_edges setting both engines run Leiden on the driver
    assert [(p["community_method"], p["driver_graph_edges"]) for p in view["platforms"]] \
        == [("leiden", 8_000_000)] * len(view["platforms"])


def test_community_past_the_driver_limit_uses_label_propagation(spark, demo_data, tmp_path,
                                                                  monkeypatch):
    """With driver_graph_edges below the demo's follow edges, community --engine spark
    finds the communities by label propagation on the engine; the whole-graph figures do
    not depend on the communities and equal Leiden's run. (The demo's follow graph is 30
    accounts with a third of all possible ties, Leiden's split has modularity 0.12: label
    propagation takes it as one community. tests/graph/test_spark_communities.py checks
    its figures on a planted graph with four.)"""
    (leiden,) = _written("community", "duckdb", demo_data, tmp_path / "leiden")[0]["platforms"]
    edges = leiden["follow_edges"]
    assert leiden["community_method"] == "leiden" and edges > 1
    monkeypatch.setenv("KINDSCOPE_DRIVER_GRAPH_EDGES", str(edges - 1))
    (lp,) = _written("community", "spark", demo_data, tmp_path / "lp")[0]["platforms"]
    assert (lp["community_method"], lp["follow_edges"], lp["driver_graph_edges"]) \
        == ("label_propagation", edges, edges - 1)
    assert lp["graph"] == "follow" and lp["communities_found"] >= 1 and lp["communities"]
    assert "weaker communities than Leiden" in lp["community_method_note"]
    assert leiden["community_method_note"] is None
    assert lp["accounts_in_graph"] == leiden["accounts_in_graph"]
    assert lp["overall"]["reciprocity"] == leiden["overall"]["reciprocity"] is not None


@pytest.mark.parametrize("args, message", [
    (["report", "--engine", "spark", "--out", "x"], "--engine spark reads a Parquet dataset"),
    (["community", "--engine", "spark", "--out", "x"], "--engine spark reads a Parquet"),
    (["report", "--engine", "duckdb", "--master", "local[2]", "--out", "x"],
     "--master is for --engine spark"),
])
def test_spark_needs_a_dataset(args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output


def test_spark_missing_is_one_line(demo_data, tmp_path, monkeypatch):
    """Without pyspark: the one-line error of spark_session, exit 2, no traceback."""
    monkeypatch.setitem(sys.modules, "pyspark", None)
    result = CliRunner().invoke(cli, ["report", "--engine", "spark", "--data",
                                      str(demo_data), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "pip install 'kindscope[spark]'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_synthetic_community_is_the_same_on_spark(spark, tmp_path):
    """100,000 seeded synthetic posts (benchmarks/bench_report_scale.py: one owner,
    5,000 accounts in 6 communities): the same report and community view."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from bench_report_scale import build_new
    finally:
        sys.path.remove(str(BENCHMARKS))
    from kindscope.store.dataset import write_dataset
    from kindscope.store.db import Store

    build_new(tmp_path / "s.duckdb", 100_000, 5_000, 13)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        write_dataset(store, tmp_path / "data")
    started = time.perf_counter()
    report = _same_on_both("report", tmp_path / "data", tmp_path / "report")
    assert report["void_rate"]["groups"]
    _same_on_both("community", tmp_path / "data", tmp_path / "community")
    print(f"report and community on both engines: {time.perf_counter() - started:.0f} s")
