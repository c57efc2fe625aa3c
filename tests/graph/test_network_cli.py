"""`kindscope network` through the CLI, on a plain follower,followee CSV import."""

from __future__ import annotations

import json

from kindscope.store.db import Store


def test_network_json_on_generic_csv(tmp_path, run):
    csv = tmp_path / "follows.csv"
    lines = ["follower,followee"]
    for group in (["ann", "bob", "cat", "dan"], ["uma", "vic", "wes", "xia"]):
        lines += [f"{a},{b}" for a in group for b in group if a != b]
    lines.append("ann,uma")
    csv.write_text("\n".join(lines) + "\n")
    db = tmp_path / "k.duckdb"
    assert run("import", csv, "--db", db).exit_code == 0
    result = run("network", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    member = data["membership"]
    assert set(member) == {"ann", "bob", "cat", "dan", "uma", "vic", "wes", "xia"}
    assert len({member[k] for k in ("ann", "bob", "cat", "dan")}) == 1
    assert member["ann"] != member["uma"]
    assert data["reciprocity"] == 24 / 25
    assert data["owners"] == []
    text = run("network", "--db", db)
    assert "25 follows, 96% of them returned" in text.stdout


def test_network_on_empty_database(tmp_path, run):
    Store(tmp_path / "e.duckdb").close()
    result = run("network", "--db", tmp_path / "e.duckdb", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["membership"] == {}


def test_help_has_examples(run):
    for args in (["network"], ["safety"], ["safety", "bots"], ["evidence"]):
        assert "Example:" in run(*args, "--help").stdout
