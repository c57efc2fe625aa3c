"""Evidence packs say which imports their posts came from, and only those."""

from __future__ import annotations

import json

from kindscope.safety.evidence import collect_account
from kindscope.store.db import Store


def _jsonl(path, lines):
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def test_pack_lists_the_imports_its_posts_were_seen_in(run, tmp_path):
    db = tmp_path / "k.duckdb"
    first = _jsonl(tmp_path / "a.jsonl", [{"id": "1", "author": "troll", "text": "you are vermin"}])
    other = _jsonl(tmp_path / "b.jsonl", [{"id": "9", "author": "kind", "text": "hello"}])
    assert run("import", first, other, "--db", db).exit_code == 0
    store = Store(db)
    evidence = collect_account(store, "troll")
    assert [c["source"] for c in evidence.collection] == [first.name]  # no path: it is shared
    assert len(evidence.posts[0]["snapshots"]) == 1
    assert evidence.posts[0]["snapshots"][0] == evidence.collection[0]["snapshot_id"]


def test_a_name_that_fits_two_people_is_refused_not_mixed(run, tmp_path):
    db = tmp_path / "k.duckdb"
    source = _jsonl(tmp_path / "a.jsonl", [
        {"type": "account", "id": "https://a.social/users/ana", "handle": "@ana@a.social"},
        {"type": "account", "id": "https://b.evil/users/ana", "handle": "@ana@b.evil"},
        {"id": "1", "author": "https://a.social/users/ana", "text": "one"},
        {"id": "2", "author": "https://b.evil/users/ana", "text": "two"}])
    assert run("import", source, "--db", db).exit_code == 0
    result = run("evidence", "--account", "@ana", "--db", db, "--out", tmp_path / "pack")
    assert result.exit_code == 2 and "fits 2 accounts" in result.stderr
    assert not (tmp_path / "pack" / "MANIFEST.sha256").exists()
    store = Store(db)
    assert [p["text"] for p in collect_account(store, "@ana@b.evil").posts] == ["two"]
    assert [p["text"] for p in collect_account(store, "https://a.social/users/ana").posts] == [
        "one"]
