"""Shared test fixtures: paths to ../shared and a CLI runner."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kindscope.cli import cli

sys.path.insert(0, str(Path(__file__).parent))  # shared helpers such as storedata.py

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURES = SHARED / "fixtures"
DATA = SHARED / "data"


def pytest_collection_modifyitems(config, items):
    if not SHARED.exists():
        skip = pytest.mark.skip(reason="../shared is not beside the project")
        for item in items:
            if "shared" in item.keywords:
                item.add_marker(skip)


@pytest.fixture
def run():
    """Invoke the CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def stats_of(run):
    def stats(db: Path) -> dict:
        result = run("stats", "--json", "--db", db)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return stats


@pytest.fixture(scope="session")
def spark():
    """One Spark ``local[2]`` session for the whole run (skipped without pyspark or Java)."""
    import os
    import shutil

    pytest.importorskip("pyspark")
    if not shutil.which("java"):
        pytest.skip("Java is not installed (apt-get install openjdk-17-jre-headless)")
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from kindscope.store.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()
