"""Jetstream captures: the real v1 golden events in ../shared, v2 events written by hand in
the documented flat shape ``{seq, did, time, rev, operation, collection, rkey, record, cid}``
(``kind`` for identity/account events), and broken captures."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
import zstandard

from kindscope.errors import InputError
from kindscope.ingest import detect_format, import_sources, jetstream
from kindscope.ingest.base import ImportOptions
from kindscope.store.db import Store

GOLDEN = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "fixtures"
    / "bluesky"
    / "jetstream"
    / "golden_v1.jsonl"
)
needs_golden = pytest.mark.skipif(not GOLDEN.exists(), reason="../shared fixtures are not here")


def imported(path: Path, tmp_path: Path) -> Store:
    store = Store(tmp_path / "k.duckdb")
    import_sources(store, [str(path)])
    return store


@needs_golden
def test_golden_v1_each_event_handled(tmp_path):
    store = imported(GOLDEN, tmp_path)
    rows = store.rows
    # 1 like
    assert rows("SELECT account_id, post_id FROM reactions") == [
        (
            "did:plc:mcc5yghbk7tixqryac2yxku7",
            "at://did:plc:vfnmgxg2yscfliemmcxzyfyh/app.bsky.feed.post/3mmoodizfwc2j",
        )
    ]
    # 2 reply post
    reply = "at://did:plc:q235v55g5unth4zjjdpacfdr/app.bsky.feed.post/3mmoojp4cd223"
    parent = "at://did:plc:j76trmiofvaxxpvx2vnb2vwf/app.bsky.feed.post/3mmojbrjwbs26"
    assert rows(
        "SELECT post_id, text, reply_to_post_id, reply_to_account_id, root_post_id, lang "
        "FROM posts WHERE kind = 'post'"
    ) == [
        (
            reply,
            "Try RSV for a good time !!",
            parent,
            "did:plc:j76trmiofvaxxpvx2vnb2vwf",
            parent,
            "en",
        )
    ]
    # 3 repost
    assert rows(
        "SELECT post_id, author_id, repost_of_post_id FROM posts WHERE kind = 'repost'"
    ) == [
        (
            "at://did:plc:eizxoqcsvvvarxeb3pjkblrp/app.bsky.feed.repost/3mmoojpbade2i",
            "did:plc:eizxoqcsvvvarxeb3pjkblrp",
            "at://did:plc:hjloomm2tkve3pmfgbxegl3v/app.bsky.feed.post/3mmood3a6hc25",
        )
    ]
    # 4 follow
    assert rows("SELECT follower_id, followee_id FROM follows") == [
        ("did:plc:mxwlsvdgs6tn75lq6jrr2vp7", "did:plc:anc6s2kher6ltrhhglxrzxsa")
    ]
    # 5 profile update
    name, avatar, raw = rows(
        "SELECT display_name, avatar_url, profile_json FROM accounts "
        "WHERE account_id = 'did:plc:o6t5vwyr7ae73foww7bgye4r'"
    )[0]
    assert name == "Multiversal Lokis Unit🔞"
    assert avatar.endswith("/bafkreieajxclqzwk2mczx7hxmoboqpuiveqlbm35gsda5xlaqfmlryu4ri@jpeg")
    assert json.loads(raw)["banner"]["size"] == 80402
    # 6 delete of another app's record, 7 update of another app's record: skipped
    assert rows("SELECT count(*) FROM deletions") == [(0,)]
    assert rows(
        "SELECT count(*) FROM accounts WHERE account_id IN "
        "('did:plc:3xnadku4kemqnycbweqnvgzx', 'did:plc:qlhxnyjaacdu5jvapiqtbgqg')"
    ) == [(0,)]
    # 8 identity and 9 account events: an account row
    assert rows(
        "SELECT count(*) FROM accounts WHERE account_id = 'did:plc:g4ut2w5755qxi3fe7mfs72p4'"
    ) == [(1,)]
    # 10 block
    assert rows("SELECT account_id, target_id, kind FROM blocks") == [
        ("did:plc:2lv5zdhr6aqncw46v7zgxbio", "did:plc:pgsrzsvisagr7wfqasmu3cgf", "block")
    ]
    assert rows("SELECT platform, owner_id, format FROM snapshots") == [
        ("bluesky", None, "jetstream")
    ]


@needs_golden
def test_golden_through_the_cli_twice(run, stats_of, tmp_path):
    db = tmp_path / "k.duckdb"
    result = run("import", GOLDEN, "--db", db)
    assert result.exit_code == 0 and "(jetstream)" in result.output
    stats = stats_of(db)
    assert (
        stats["posts"],
        stats["replies"],
        stats["reposts"],
        stats["follows"],
        stats["reactions"],
        stats["blocks"],
    ) == (1, 1, 1, 1, 1, 1)
    assert "already imported" in run("import", GOLDEN, "--db", db).output
    assert stats_of(db) == stats


@needs_golden
@pytest.mark.parametrize("suffix", [".jsonl.zst", ".jsonl.gz", ".ndjson"])
def test_compressed_and_ndjson_captures(tmp_path, suffix):
    data = GOLDEN.read_bytes()
    path = tmp_path / f"capture{suffix}"
    if suffix.endswith(".zst"):
        path.write_bytes(zstandard.ZstdCompressor().compress(data))
    elif suffix.endswith(".gz"):
        path.write_bytes(gzip.compress(data))
    else:
        shutil.copy(GOLDEN, path)
    assert detect_format(str(path)) == "jetstream"
    store = imported(path, tmp_path)
    assert store.scalar("SELECT count(*) FROM posts") == 2


V2 = [
    {
        "seq": 1,
        "did": "did:plc:alice",
        "time": 1714557600000000,
        "rev": "3k1",
        "operation": "create",
        "collection": "app.bsky.feed.post",
        "rkey": "3p1",
        "cid": "bafy1",
        "record": {
            "$type": "app.bsky.feed.post",
            "text": "feeling rubbish today",
            "createdAt": "2024-05-01T10:00:00Z",
        },
    },
    {
        "seq": 2,
        "did": "did:plc:bob",
        "time": 1714557700000000,
        "rev": "3k2",
        "operation": "create",
        "collection": "app.bsky.feed.post",
        "rkey": "3p2",
        "cid": "bafy2",
        "record": {
            "text": "sending hugs",
            "createdAt": "2024-05-01T10:01:40Z",
            "reply": {
                "root": {"uri": "at://did:plc:alice/app.bsky.feed.post/3p1", "cid": "bafy1"},
                "parent": {"uri": "at://did:plc:alice/app.bsky.feed.post/3p1", "cid": "bafy1"},
            },
        },
    },
    {
        "seq": 3,
        "did": "did:plc:alice",
        "time": "2024-05-01T11:00:00Z",
        "rev": "3k3",
        "operation": "delete",
        "collection": "app.bsky.feed.post",
        "rkey": "3p1",
    },
    {
        "seq": 4,
        "did": "did:plc:bob",
        "time": 1714557800000000,
        "kind": "identity",
        "handle": "bob.example.com",
    },
    {
        "seq": 5,
        "did": "did:plc:carol",
        "time": 1714557900000000,
        "kind": "account",
        "active": False,
        "status": "deactivated",
    },
    {
        "seq": 6,
        "did": "did:plc:bob",
        "time": 1714558000000000,
        "rev": "3k4",
        "operation": "create",
        "collection": "com.example.unknown",
        "rkey": "x",
        "record": {"a": 1},
    },
]


def write_lines(path: Path, events: list) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return path


def test_v2_flat_events(tmp_path):
    path = write_lines(tmp_path / "v2.jsonl", V2)
    assert detect_format(str(path)) == "jetstream"
    store = imported(path, tmp_path)
    rows = store.rows(
        "SELECT post_id, reply_to_account_id, deleted_at IS NOT NULL FROM posts ORDER BY post_id"
    )
    assert rows == [
        ("at://did:plc:alice/app.bsky.feed.post/3p1", None, True),
        ("at://did:plc:bob/app.bsky.feed.post/3p2", "did:plc:alice", False),
    ]
    deleted = store.rows("SELECT kind, record_id, epoch(deleted_at) FROM deletions")
    assert deleted == [("post", "at://did:plc:alice/app.bsky.feed.post/3p1", 1714561200.0)]
    assert store.scalar("SELECT handle FROM accounts WHERE account_id = 'did:plc:bob'") == (
        "bob.example.com"
    )
    assert store.scalar("SELECT count(*) FROM accounts WHERE account_id = 'did:plc:carol'") == 1


def test_v1_delete_time_from_time_us():
    event = {
        "did": "did:plc:a",
        "time_us": 1714557600000000,
        "kind": "commit",
        "commit": {"operation": "delete", "collection": "app.bsky.graph.follow", "rkey": "3f"},
    }
    [record] = list(jetstream.read_events([json.dumps(event).encode()], "x.jsonl", [0]))
    assert record.kind == "follow" and record.deleted_at.year == 2024


def test_events_that_are_not_for_us_are_counted_not_fatal():
    skipped = [0]
    lines = [
        b'{"did": "did:plc:a", "kind": "mystery"}',
        b"",
        b'{"hello": 1}',
        json.dumps(V2[5]).encode(),
    ]
    assert list(jetstream.read_events(lines, "x.jsonl", skipped)) == []
    assert skipped == [3]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"did": "did:plc:a", "kind": "account"}\n{"did": \n', r"x.jsonl: line 2: not JSON \("),
        (b'{"did": "did:plc:a", "kind": "account"}\n[1, 2]\n', "line 2: not a JSON object"),
        (b'{"did": "did:plc:a", "kind": "account"}\n"\xff\xfe"\n', "line 2: not UTF-8"),
    ],
)
def test_malformed_lines_are_input_errors(tmp_path, content, message):
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        list(jetstream.read(str(path), ImportOptions()))


def test_malformed_capture_through_the_cli(run, tmp_path):
    path = tmp_path / "capture.jsonl"
    path.write_bytes(b'{"did": "did:plc:a", "kind": "account"}\n{oops\n')
    db = tmp_path / "k.duckdb"
    result = run("import", path, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"kindscope: error: {path}: line 2: not JSON (Expecting property name enclosed in "
        "double quotes at column 2)"
    )


def test_control_character_error_says_where(run, tmp_path):
    path = tmp_path / "capture.jsonl"
    path.write_bytes(b'{"did": "did:plc:a", "kind": "account"}\n{"did": "a\tb"}\n')
    result = run("import", path, "--db", tmp_path / "k.duckdb")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("line 2: not JSON (Invalid control character at "
                                          "column 11)")


@needs_golden
def test_a_capture_cut_off_mid_line_imports_with_skip_bad_records(run, stats_of, tmp_path):
    """An interrupted capture ends in half a line: refused as it is, imported without that
    line with --skip-bad-records."""
    lines = GOLDEN.read_bytes().splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(b"".join(lines[:-1]) + lines[-1][:40])
    whole = tmp_path / "whole.jsonl"
    whole.write_bytes(b"".join(lines[:-1]))
    db = tmp_path / "k.duckdb"
    refused = run("import", cut, "--db", db)
    assert refused.exit_code == 2 and f"{cut}: line {len(lines)}: not JSON" in refused.stderr
    assert not db.exists()
    result = run("import", cut, "--db", db, "--skip-bad-records")
    assert result.exit_code == 0, result.output
    assert "skipped 1 bad record:" in result.stderr
    assert f"line {len(lines)}: not JSON (Unterminated string" in result.stderr
    assert run("import", whole, "--db", tmp_path / "w.duckdb").exit_code == 0
    got, want = stats_of(db), stats_of(tmp_path / "w.duckdb")
    assert {k: got[k] for k in got if k != "by_platform"} == {
        k: want[k] for k in want if k != "by_platform"}


def test_damaged_zstd_capture(tmp_path):
    path = tmp_path / "capture.jsonl.zst"
    good = zstandard.ZstdCompressor().compress(json.dumps(V2[0]).encode() * 1000)
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(InputError, match="compressed data is damaged"):
        list(jetstream.read(str(path), ImportOptions()))


def test_detect_is_specific(tmp_path):
    generic = write_lines(tmp_path / "posts.jsonl", [{"id": "1", "author": "a", "text": "hi"}])
    assert not jetstream.detect(str(generic))
    assert not jetstream.detect(str(tmp_path / "missing.jsonl"))
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(b"{nope")
    assert not jetstream.detect(str(broken))


@needs_golden
def test_an_event_time_past_any_date_is_no_time(tmp_path):
    """A fuzzed capture's time_us of 99999999999999999999 crashed the import as a bug
    ("year 3170843 is out of range", exit 1) even with --skip-bad-records (a security
    review, 2026-12-06): it is read as no time, and the capture's span comes from the rest."""
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["time_us"] = 99999999999999999999
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")
    store = imported(path, tmp_path)
    (start, end), = store.rows("SELECT first_event_at, last_event_at FROM capture_spans")
    assert start.year == end.year and 2000 < end.year < 2100
