"""A post imported again with a different text (an edit, a later export) is read again: its
old readings go with its old text, in the same import."""

from __future__ import annotations

import json

from kindscope.ingest import import_sources
from kindscope.store.db import Store
from kindscope.store.scoring import pending_posts


def _file(path, text: str):
    lines = [{"type": "meta", "owner": "me", "taken_at": "2024-06-01T00:00:00Z"},
             {"id": "p1", "author": "ana", "text": text, "created_at": "2024-05-01T12:00:00Z"},
             {"id": "p2", "author": "ana", "text": "same", "created_at": "2024-05-01T13:00:00Z"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return str(path)


def test_a_post_whose_text_changed_is_read_again(tmp_path):
    store = Store(":memory:")
    import_sources(store, [_file(tmp_path / "a.jsonl", "what a lovely morning")])
    for pid in ("p1", "p2"):
        store.execute("INSERT INTO signal_scores VALUES ('generic', ?, 'distress', 0.1, 'v')",
                      [pid])
        store.execute("INSERT INTO post_languages (platform, post_id, model_version, lang, "
                      "is_read) VALUES ('generic', ?, 'v', 'en', true)", [pid])
    assert pending_posts(store, "v").num_rows == 0
    import_sources(store, [_file(tmp_path / "b.jsonl", "i can't do this anymore")])
    assert store.scalar("SELECT text FROM posts WHERE post_id = 'p1'") == \
        "i can't do this anymore"
    assert pending_posts(store, "v").column("post_id").to_pylist() == ["p1"]
    assert [r[0] for r in store.rows("SELECT post_id FROM signal_scores")] == ["p2"]
