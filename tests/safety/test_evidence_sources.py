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
    assert [c["source"] for c in evidence.collection] == [str(first)]
    assert len(evidence.posts[0]["snapshots"]) == 1
    assert evidence.posts[0]["snapshots"][0] == evidence.collection[0]["snapshot_id"]
