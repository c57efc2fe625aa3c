"""What read commands refuse in one line (exit 2) rather than answer as if all were well:
a database file that is not there, a file that is not a kindscope database, a platform the
database holds nothing of; and `network` gives no modularity where it finds no
communities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_lines import one_line

DEMO = Path(__file__).resolve().parents[1] / "kindscope" / "demo" / "demo-community.jsonl"
MISSING = "no such database file"
NOT_OURS = "not a kindscope database (a DuckDB file)"


@pytest.fixture
def demo_db(tmp_path, run) -> Path:
    db = tmp_path / "demo.duckdb"
    assert run("import", DEMO, "--db", db).exit_code == 0
    return db


def imported(tmp_path, run, name: str, lines: list[dict]) -> Path:
    """A database holding one generic JSONL import of ``lines``."""
    source = tmp_path / f"{name}.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    db = tmp_path / f"{name}.duckdb"
    assert run("import", source, "--db", db).exit_code == 0
    return db


# -- a database file that is not there -----------------------------------------------------
@pytest.mark.parametrize("args", [
    ["network"], ["network", "--json"], ["network", "--me", "x"], ["network", "--platform", "x"],
    ["safety", "--me", "x"], ["report", "--me", "x", "--out", "r"], ["community"],
    ["export", "--out", "e"], ["score"], ["care"], ["inbox"],
])
def test_a_missing_database_is_refused(tmp_path, run, args):
    db = tmp_path / "typo.duckdb"
    one_line(run(*args, "--db", db), str(db), MISSING)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("which", [["--account", "x"], ["--incident", "pileon-0"]])
def test_evidence_from_a_missing_database_writes_no_pack(tmp_path, run, which):
    db, out = tmp_path / "typo.duckdb", tmp_path / "e"
    one_line(run("evidence", *which, "--out", out, "--db", db), str(db), MISSING)
    assert list(tmp_path.iterdir()) == []


# -- a file that is not a kindscope database -----------------------------------------------
@pytest.mark.parametrize("command", [["stats"], ["network"], ["report"], ["safety"],
                                     ["evidence", "--account", "x", "--out", "e"]])
@pytest.mark.parametrize("content", [DEMO.read_bytes()[:300], b"PAR1" + bytes(40), b""],
                         ids=["jsonl", "parquet", "empty"])
def test_a_file_that_is_not_a_database_is_refused_by_reads(tmp_path, run, command, content):
    db = tmp_path / "data.jsonl"
    db.write_bytes(content)
    one_line(run(*command, "--db", db), str(db), NOT_OURS)
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.jsonl"]


def test_importing_into_a_text_file_leaves_it_as_it_was(tmp_path, run):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    one_line(run("import", DEMO, "--db", notes), str(notes), NOT_OURS)
    assert notes.read_bytes() == b"my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_parquet_export_named_as_the_database(demo_db, tmp_path, run):
    out = tmp_path / "pq"
    assert run("export", "--format", "parquet", "--out", out, "--db", demo_db).exit_code == 0
    table = next(out.rglob("*.parquet"))
    one_line(run("stats", "--db", table), str(table), NOT_OURS)


# -- --platform ----------------------------------------------------------------------------
def test_network_on_a_platform_with_no_data_names_the_platforms(demo_db, run):
    one_line(run("network", "--db", demo_db, "--platform", "twitter"),
             "--platform", "'twitter'", "there are: generic")
    assert run("network", "--db", demo_db, "--platform", "generic").exit_code == 0


# -- no communities, no modularity ---------------------------------------------------------
EGO = [{"type": "meta", "owner": "ana"},
       {"id": "1", "author": "ana", "created_at": "2024-03-01T09:00:00Z", "text": "hi"},
       *({"type": "follow", "follower": "ana", "followee": name} for name in "bcd"),
       *({"type": "follow", "follower": name, "followee": "ana"} for name in "cef")]
NO_TIES = [{"id": "1", "author": "ana", "created_at": "2024-03-01T09:00:00Z", "text": "hi"}]


@pytest.mark.parametrize(("lines", "why"), [(EGO, ""), (NO_TIES, "no ties between accounts")],
                         ids=["ego network", "no ties"])
def test_no_modularity_where_there_are_no_communities(tmp_path, run, lines, why):
    db = imported(tmp_path, run, "net", lines)
    text = run("network", "--db", db)
    assert text.exit_code == 0, text.output
    assert f"communities: not available: {why}" in text.stdout
    assert "modularity" not in text.stdout
    assert json.loads(run("network", "--db", db, "--json").stdout)["modularity"] is None


def test_a_network_with_communities_keeps_its_modularity(demo_db, run):
    text = run("network", "--db", demo_db)
    assert "modularity 0." in text.stdout and "communities: not available" not in text.stdout
    assert json.loads(run("network", "--db", demo_db, "--json").stdout)["modularity"] > 0


def test_network_refuses_me_on_another_platform_than_platform(tmp_path, run):
    """--me names an account of one platform, --platform another: which network is meant
    cannot be told (the graph was of one, the owner's view of the other)."""
    db = tmp_path / "two.duckdb"
    for platform, owner in (("generic", "ana"), ("mastodon", "ben")):
        source = tmp_path / f"{platform}.jsonl"
        source.write_text("".join(json.dumps(line) + "\n" for line in [
            {"type": "meta", "platform": platform, "owner": owner},
            {"type": "account", "id": owner, "handle": owner},
            {"type": "follow", "follower": owner, "followee": "cat"},
            {"id": f"{owner}1", "author": owner, "text": "hello",
             "created_at": "2024-03-01T09:00:00Z"}]))
        assert run("import", source, "--db", db).exit_code == 0
    one_line(run("network", "--db", db, "--me", "ben", "--platform", "generic"), "--me",
             "ben is an account on mastodon, not on generic")
    assert run("network", "--db", db, "--me", "ben", "--platform", "mastodon").exit_code == 0
