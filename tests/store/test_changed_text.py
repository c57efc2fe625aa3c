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


def test_the_text_an_import_replaces_is_kept(tmp_path, run):
    """A later import replaced a post's text and the first was lost: an abusive reply
    updated to "have a nice day" left the evidence pack with only the harmless text, and the
    import said "added 0 posts" (a security review, 2026-12-06). Every replaced text is kept
    in `post_versions`, the import says so, and a pack carries it."""
    db = tmp_path / "k.duckdb"
    assert run("import", _file(tmp_path / "a.jsonl", "you are worthless"), "--db", db
               ).exit_code == 0
    second = run("import", _file(tmp_path / "b.jsonl", "have a nice day"), "--db", db)
    assert second.exit_code == 0, second.output
    assert "1 earlier text of edited or updated posts kept" in second.stdout
    same = tmp_path / "c.jsonl"  # another file, the same text of p1
    same.write_text(json.dumps({"id": "p1", "author": "ana", "text": "have a nice day",
                                "created_at": "2024-05-01T12:00:00Z"}) + "\n", encoding="utf-8")
    again = run("import", same, "--db", db)
    assert again.exit_code == 0 and "added" in again.stdout
    assert "earlier text" not in again.stdout  # the same text again replaces nothing
    with Store(db) as store:
        assert store.rows("SELECT post_id, version, text FROM post_versions") == [
            ("p1", 0, "you are worthless")]
        assert store.scalar("SELECT text FROM posts WHERE post_id = 'p1'") == "have a nice day"
    out = tmp_path / "pack"
    assert run("evidence", "--db", db, "--account", "ana", "--out", out).exit_code == 0
    doc = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    p1 = next(p for p in doc["posts"] if p["post_id"] == "p1")
    assert [e["text"] for e in p1["earlier_texts"]] == ["you are worthless"]
    assert "you are worthless" in (out / "evidence.html").read_text(encoding="utf-8")
    assert "you are worthless" in (out / "posts.csv").read_text(encoding="utf-8")


def test_a_text_replaced_within_one_import_is_kept_in_order(tmp_path):
    """One capture can hold a record's creation and its update: the first text was merged
    away before it was ever stored."""
    lines = [{"type": "meta", "owner": "me", "taken_at": "2024-06-01T00:00:00Z"},
             {"id": "p1", "author": "ana", "text": "first", "created_at": "2024-05-01T12:00:00Z"},
             {"id": "p1", "author": "ana", "text": "second", "created_at": "2024-05-01T12:00:00Z"},
             {"id": "p1", "author": "ana", "text": "third", "created_at": "2024-05-01T12:00:00Z"}]
    path = tmp_path / "one.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    store = Store(":memory:")
    import_sources(store, [_file(tmp_path / "a.jsonl", "zero")])
    import_sources(store, [str(path)])
    assert store.rows("SELECT version, text FROM post_versions ORDER BY version") == [
        (0, "zero"), (1, "first"), (2, "second")]
    assert store.scalar("SELECT text FROM posts WHERE post_id = 'p1'") == "third"


def test_an_online_import_seen_before_keeps_the_text_it_replaced(tmp_path, monkeypatch):
    """An online import's posts are written before its content hash is known; when that
    content was imported before, its pending rows were dropped, and with them the text its
    posts had just replaced (a code review, 2026-12-06)."""
    import kindscope.ingest.generic as generic

    store = Store(":memory:")
    first = _file(tmp_path / "a.jsonl", "you are worthless")
    monkeypatch.setattr(generic, "ONLINE", True, raising=False)  # as a fetch is
    import_sources(store, [first])
    monkeypatch.setattr(generic, "ONLINE", False)
    import_sources(store, [_file(tmp_path / "b.jsonl", "have a nice day")])
    monkeypatch.setattr(generic, "ONLINE", True)
    again = import_sources(store, [first])  # the same fetch again: stored before
    assert again[0].already_imported
    assert store.scalar("SELECT text FROM posts WHERE post_id = 'p1'") == "you are worthless"
    kept = sorted(r[0] for r in store.rows("SELECT text FROM post_versions"))
    assert kept == ["have a nice day", "you are worthless"]
    assert store.scalar("SELECT count(*) FROM post_versions WHERE snapshot_id = 'pending'") == 0


def test_an_earlier_text_with_direction_controls_is_flagged_on_the_pack(tmp_path, run):
    """The page flagged direction controls in a post's text but not in its earlier texts
    (a code review, 2026-12-06)."""
    db = tmp_path / "k.duckdb"
    run("import", _file(tmp_path / "a.jsonl", "you are \u202eesrow\u202c worthless"), "--db", db)
    run("import", _file(tmp_path / "b.jsonl", "have a nice day"), "--db", db)
    out = tmp_path / "pack"
    assert run("evidence", "--db", db, "--account", "ana", "--out", out).exit_code == 0
    page = (out / "evidence.html").read_text(encoding="utf-8")
    assert "This earlier text contains invisible direction-control characters " \
           "(U+202C, U+202E)" in page


def _forum(path, author: str, text: str, reply: bool = False):
    lines = [{"id": "1", "author": author, "text": text, "created_at": "2024-05-01T10:00:00Z"}]
    if reply:
        lines.append({"id": "2", "author": "ben", "text": "Sending a hug", "reply_to": "1",
                      "reply_to_author": author, "created_at": "2024-05-01T11:00:00Z"})
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_another_authors_post_under_a_held_id_is_refused_not_taken_for_an_edit(tmp_path, run,
                                                                                 stats_of):
    """Two forums' files both numbering posts from 1: the second gave ana's "I cannot cope
    any more" to zoe as "Great day at the beach!", called it an edit, and ben's hug now
    answered the beach post (a review, 2026-12-06). An edit never changes who wrote a post."""
    db = tmp_path / "k.duckdb"
    assert run("import", _forum(tmp_path / "a.jsonl", "ana", "I cannot cope any more", True),
               "--db", db).exit_code == 0
    before = stats_of(db)
    other = _forum(tmp_path / "b.jsonl", "zoe", "Great day at the beach!")
    result = run("import", other, "--db", db)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "b.jsonl: post '1' is already held as a post by 'ana', and this gives it to 'zoe'" \
        in result.stderr
    assert stats_of(db) == before
    result = run("import", other, "--db", db, "--skip-bad-records")
    assert result.exit_code == 0 and "skipped 1 bad record" in result.stderr
    with Store(db) as store:
        assert store.rows("SELECT author_id, text FROM posts WHERE post_id = '1'") == [
            ("ana", "I cannot cope any more")]
        assert store.scalar("SELECT count(*) FROM post_versions") == 0


def test_one_file_giving_one_id_to_two_authors_is_refused(tmp_path, run):
    path = tmp_path / "c.jsonl"
    lines = [{"id": "1", "author": a, "text": t, "created_at": "2024-05-01T10:00:00Z"}
             for a, t in (("ana", "first"), ("zoe", "second"))]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = run("import", path, "--db", tmp_path / "k.duckdb")
    assert result.exit_code == 2 and "gives it to 'zoe'" in result.stderr
