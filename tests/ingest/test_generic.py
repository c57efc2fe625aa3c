"""Generic JSONL/CSV importer (documented in docs/generic-format.md)."""

from __future__ import annotations

import json

import pytest

LINES = [
    {"type": "meta", "owner": "ana"},
    {"type": "account", "id": "ana", "handle": "ana", "followers": 3},
    {"id": "1", "author": "ana", "created_at": "2024-03-01T09:00:00Z", "text": "Feeling rubbish"},
    {"id": "2", "author": "ben", "created_at": 1709284800, "text": "Hug", "reply_to": "1"},
    {"id": "3", "author": "cat", "created_at": "2024-03-01T10:00:00Z", "repost_of": "1"},
    {"type": "follow", "follower": "ben", "followee": "ana"},
    {"type": "like", "account": "ben", "post": "1"},
    {"type": "mute", "account": "ana", "target": "dan"},
]


def write_jsonl(path, lines):
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def test_jsonl_imports_every_record_type_once(run, stats_of, tmp_path):
    source = write_jsonl(tmp_path / "data.jsonl", LINES)
    db = tmp_path / "k.duckdb"
    first = run("import", source, "--db", db)
    assert first.exit_code == 0, first.output
    counts = stats_of(db)
    assert (counts["posts"], counts["replies"], counts["reposts"]) == (2, 1, 1)
    assert (counts["follows"], counts["reactions"], counts["mutes"]) == (1, 1, 1)
    assert counts["accounts"] == 4 and counts["snapshots"] == 1
    again = run("import", source, "--db", db)
    assert "already imported" in again.output
    assert stats_of(db) == counts


def test_follower_followee_csv_keeps_ids_as_given(run, stats_of, tmp_path):
    source = tmp_path / "edges.csv"
    source.write_text("follower,followee\n007,42\n42,007\n")
    db = tmp_path / "k.duckdb"
    assert run("import", source, "--db", db).exit_code == 0
    assert stats_of(db)["follows"] == 2
    out = tmp_path / "out"
    assert run("export", "--db", db, "--format", "jsonl", "--out", out).exit_code == 0
    edges = [json.loads(line) for line in (out / "follows.jsonl").read_text().splitlines()]
    assert {(e["follower_id"], e["followee_id"]) for e in edges} == {("007", "42"), ("42", "007")}


def test_posts_csv(run, stats_of, tmp_path):
    source = tmp_path / "posts.csv"
    source.write_text("id,author,created_at,text,reply_to\n1,a,2024-01-01T00:00:00Z,hi,\n"
                      '2,b,2024-01-01T01:00:00Z,"hello, you",1\n')
    db = tmp_path / "k.duckdb"
    assert run("import", source, "--db", db).exit_code == 0
    assert stats_of(db)["replies"] == 1


def test_export_parquet(run, tmp_path):
    source = write_jsonl(tmp_path / "data.jsonl", LINES)
    db = tmp_path / "k.duckdb"
    run("import", source, "--db", db)
    out = tmp_path / "pq"
    assert run("export", "--db", db, "--out", out).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(out / "posts.parquet").num_rows == 3


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("trunc.jsonl", '{"id": "1", "author": "a"}\n{"id": "2", "aut', "line 2: not JSON"),
        ("noauthor.jsonl", '{"id": "1"}\n', "line 1: bad post record (missing 'author')"),
        ("badtime.jsonl", '{"id": "1", "author": "a", "created_at": "soon"}\n', "unreadable time"),
        ("cols.csv", "name,age\nana,3\n", "header is neither"),
        ("latin.csv", "id,author,text\n1,a,caf\xe9\n", "not UTF-8"),
        ("kind.jsonl", '{"id": "1", "author": "a", "kind": "banana"}\n', "kind 'banana'"),
        ("meta.jsonl", '{"type": "meta", "taken_at": "garbage"}\n', "line 1: bad meta"),
        # a second meta switched the platform of the lines after it (a review, 2026-12-06)
        ("late.jsonl", '{"id": "1", "author": "a"}\n{"type": "meta", "platform": "x"}\n',
         "line 2: a meta line must be the first line of the file"),
        ("far.jsonl", '{"id": "1", "author": "a", "created_at": 1e20}\n', "out of range"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_database_unchanged(run, stats_of, tmp_path, name,
                                                              content, message):
    db = tmp_path / "k.duckdb"
    run("import", write_jsonl(tmp_path / "good.jsonl", LINES), "--db", db)
    before = stats_of(db)
    bad = tmp_path / name
    bad.write_bytes(content.encode("latin-1") if name.startswith("latin") else content.encode())
    result = run("import", bad, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kindscope: error: {bad}: ")
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert stats_of(db) == before


def test_a_bad_second_source_rolls_back_the_first(run, stats_of, tmp_path):
    db = tmp_path / "k.duckdb"
    good = write_jsonl(tmp_path / "good.jsonl", LINES)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    result = run("import", good, bad, "--db", db)
    assert result.exit_code == 2
    assert not db.exists()  # the database did not exist before, so it does not now


def test_direct_messages_only_with_include_dms(run, stats_of, tmp_path):
    source = write_jsonl(tmp_path / "dm.jsonl", [
        {"id": "1", "author": "a", "text": "hello"},
        {"id": "2", "author": "a", "text": "private", "kind": "dm"}])
    assert run("import", source, "--db", tmp_path / "a.duckdb").exit_code == 0
    assert (stats_of(tmp_path / "a.duckdb")["posts"], stats_of(tmp_path / "a.duckdb")["dms"]) == (
        1, 0)
    assert run("import", source, "--include-dms", "--db", tmp_path / "b.duckdb").exit_code == 0
    assert stats_of(tmp_path / "b.duckdb")["dms"] == 1


def test_the_same_edges_in_another_file_are_not_reported_as_added(run, tmp_path):
    db = tmp_path / "k.duckdb"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("follower,followee\na,b\n")
    second.write_text("follower,followee\na,b\nb,a\n")
    run("import", first, "--db", db)
    assert "added 0 accounts, 0 posts, 0 reposts, 1 follows" in run(
        "import", second, "--db", db).output


def test_the_import_line_says_the_replies_are_among_the_posts(run, tmp_path):
    """"2 posts, 1 replies" read as three records (a review, 2026-12-06)."""
    source = tmp_path / "posts.jsonl"
    source.write_text('{"id": "1", "author": "a", "text": "hi"}\n'
                      '{"id": "2", "author": "b", "text": "hello", "reply_to": "1"}\n')
    line = run("import", source, "--db", tmp_path / "k.duckdb").output
    assert "2 posts (1 of them replies), 0 reposts" in line and "replies," not in line
    table = run("stats", "--db", tmp_path / "k.duckdb").output.splitlines()
    assert [row.split() for row in table[2:4]] == [["posts", "2", "2"],
                                                   ["of", "them", "replies", "1", "1"]]


def test_skip_bad_records_leaves_out_a_line_that_is_not_json(run, stats_of, tmp_path):
    source = tmp_path / "posts.jsonl"
    source.write_text('{"id": "1", "author": "a", "text": "hi"}\n'
                      '{"id": "2", "author": "a", "te\n'
                      '[1, 2]\n'
                      '{"id": "3", "author": "a", "text": "still here"}\n')
    db = tmp_path / "k.duckdb"
    refused = run("import", source, "--db", db)
    assert refused.exit_code == 2 and "line 2: not JSON" in refused.stderr
    assert not db.exists()
    result = run("import", source, "--db", db, "--skip-bad-records")
    assert result.exit_code == 0, result.output
    assert "skipped 2 bad records:" in result.stderr
    assert "line 2: not JSON (Unterminated string starting at column 28)" in result.stderr
    assert "line 3: not a JSON object" in result.stderr
    assert stats_of(db)["posts"] == 2


def test_not_json_error_says_where(run, tmp_path):
    source = tmp_path / "posts.jsonl"
    source.write_text('{"id": "1", "author": "a", "text": "h\ti"}\n')
    result = run("import", source, "--db", tmp_path / "k.duckdb")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(
        "line 1: not JSON (Invalid control character at column 38)")


def test_a_text_holding_a_unicode_line_separator_is_one_line(run, stats_of, tmp_path):
    """U+2028, U+2029 and U+0085 are valid raw inside a JSON string: the line is one record
    (they were taken for line ends, and the line refused as 'not JSON')."""
    source = tmp_path / "ls.jsonl"
    texts = ["first\u2028second", "one\u2029two", "a\x85b"]
    source.write_text("".join(json.dumps({"id": str(i), "author": "ana", "text": t},
                                         ensure_ascii=False) + "\r\n"
                              for i, t in enumerate(texts)), encoding="utf-8")
    db = tmp_path / "k.duckdb"
    result = run("import", source, "--db", db)
    assert result.exit_code == 0, result.output
    assert stats_of(db)["posts"] == 3
