"""What the import tests share: a database holding one good import."""

from __future__ import annotations

from pathlib import Path

import fuzzing
import pytest

GOLDEN = fuzzing.FIXTURES / "bluesky" / "jetstream" / "golden_v1.jsonl"


@pytest.fixture
def db(run, tmp_path) -> Path:
    """A database holding one good import (a Jetstream capture from ../shared)."""
    path = tmp_path / "k.duckdb"
    assert run("import", GOLDEN, "--db", path).exit_code == 0
    return path
