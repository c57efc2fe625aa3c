"""Every reproduction of issue 15's hostile inputs: one line, exit 2, the database as it was.

Each test imports a good export first, then the hostile one, through the CLI; the error
must be ``kindscope: error: <file>: <what is wrong>`` on one line, exit status 2, and every
table must hold exactly what it held before.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import threading
from pathlib import Path

import fuzzing
import pytest

from kindscope.store.db import Store

pytestmark = pytest.mark.skipif(not fuzzing.FIXTURES.exists(),
                                reason="../shared fixtures are not here")

GOLDEN = fuzzing.FIXTURES / "bluesky" / "jetstream" / "golden_v1.jsonl"
X_MINI = fuzzing.FIXTURES / "x-archive-mini"
MASTODON = fuzzing.FIXTURES / "mastodon" / "archive_synthetic"
CARS = fuzzing.FIXTURES / "bluesky" / "car"
DEEP = "[" * 100_000 + "]" * 100_000


def jetstream_post(record: dict, tmp_path: Path) -> Path:
    event = {"did": "did:plc:abc", "time_us": 1779719009132431, "kind": "commit",
             "commit": {"rev": "3k", "operation": "create", "collection": "app.bsky.feed.post",
                        "rkey": "3kpost", "record": {"$type": "app.bsky.feed.post",
                                                     "text": "hi", **record}}}
    path = tmp_path / "capture.jsonl"
    path.write_text(json.dumps(event) + "\n")
    return path


def x_archive(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "x"
    shutil.copytree(X_MINI, folder)
    (folder / "data" / name).write_text(text)
    return folder


def x_items(name: str, edit) -> str:
    text = (X_MINI / "data" / name).read_text()
    head, _, body = text.partition("=")
    items = json.loads(body)
    edit(items)
    return head + "= " + json.dumps(items)


def mastodon(tmp_path: Path, edit) -> Path:
    folder = tmp_path / "m"
    shutil.copytree(MASTODON, folder)
    outbox = json.loads((folder / "outbox.json").read_text())
    edit(outbox["orderedItems"])
    (folder / "outbox.json").write_text(json.dumps(outbox))
    return folder


# -- 1. deeply nested JSON and CBOR --
def test_deep_jsonl_in_format_detection(run, db, tmp_path):
    source = tmp_path / "d.jsonl"
    source.write_text(DEEP + "\n")
    fuzzing.refused(run, db, source, "nested too deeply")


def test_deep_x_tweets(run, db, tmp_path):
    source = x_archive(tmp_path, "tweets.js", "window.YTD.tweets.part0 = " + DEEP)
    fuzzing.refused(run, db, source, "nested too deeply")


def test_deep_mastodon_outbox(run, db, tmp_path):
    folder = tmp_path / "m"
    shutil.copytree(MASTODON, folder)
    (folder / "outbox.json").write_text('{"orderedItems": ' + DEEP + "}")
    fuzzing.refused(run, db, folder, "nested too deeply")


def test_deep_jetstream_record(run, db, tmp_path):
    source = tmp_path / "capture.jsonl"
    source.write_text('{"did": "did:plc:abc", "kind": "commit", "commit": ' + DEEP + "}\n")
    fuzzing.refused(run, db, source, "nested too deeply")


def test_deep_cbor_in_a_car(run, db, tmp_path):
    source = tmp_path / "deep.car"
    source.write_bytes(fuzzing.build_car("did:plc:abc", "3k", [
        ("app.bsky.feed.post/3k", b"\x81" * 100_000 + b"\x01")]))
    fuzzing.refused(run, db, source, "nested too deeply")


# -- 2. values that cannot be stored exactly --
def test_lone_surrogate_names_the_record(run, db, tmp_path):
    source = tmp_path / "capture.jsonl"
    source.write_text(json.dumps({"did": "did:plc:abc", "kind": "commit", "commit": {
        "operation": "create", "collection": "app.bsky.feed.post", "rkey": "3kpost",
        "record": {"text": "\ud800", "createdAt": "2024-01-01T00:00:00Z"}}}) + "\n")
    error = fuzzing.refused(run, db, source, "at://did:plc:abc/app.bsky.feed.post/3kpost", "text")
    assert "surrogate" in error


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00"])
def test_dates_at_the_calendars_edges(run, db, tmp_path, when):
    fuzzing.refused(run, db, jetstream_post({"createdAt": when}, tmp_path), when, "1-9999")


def test_mastodon_date_at_the_edge(run, db, tmp_path):
    def edit(items):
        items[0]["object"]["published"] = "0001-01-01T00:00:00+01:00"
    fuzzing.refused(run, db, mastodon(tmp_path, edit), "1-9999")


def test_x_date_at_the_edge(run, db, tmp_path):
    def edit(items):
        items[0]["tweet"]["created_at"] = "Fri Dec 31 23:59:59 -0100 9999"
    fuzzing.refused(run, db, x_archive(tmp_path, "tweets.js", x_items("tweets.js", edit)), "1-9999")


# -- 3. wrong value types --
def test_x_username_a_number(run, db, tmp_path):
    def edit(items):
        items[0]["account"]["username"] = 12345
    source = x_archive(tmp_path, "account.js", x_items("account.js", edit))
    fuzzing.refused(run, db, source, "handle", "12345")


def test_x_profile_description_not_an_object(run, db, tmp_path):
    def edit(items):
        items[0]["profile"]["description"] = "a string"
    source = x_archive(tmp_path, "profile.js", x_items("profile.js", edit))
    fuzzing.refused(run, db, source, "profile.description")


@pytest.mark.parametrize(("field", "value", "words"), [
    ("published", 5, ["a time holds 5"]),
    ("tag", 5, ['"tag" is int']),
    ("content", ["<p>x</p>"], ["HTML text expected"]),
])
def test_mastodon_wrong_types(run, db, tmp_path, field, value, words):
    def edit(items):
        note = next(i["object"] for i in items if i.get("type") == "Create")
        note[field] = value
        note.pop("summary", None)
    fuzzing.refused(run, db, mastodon(tmp_path, edit), *words)


def test_bluesky_facets_not_a_list_hold_no_facets(run, tmp_path):
    """Bluesky records are anyone's data: a malformed optional facet list is no facets."""
    source = jetstream_post({"facets": 5, "createdAt": "2024-01-01T00:00:00Z"}, tmp_path)
    result = run("import", source, "--db", tmp_path / "f.duckdb")
    assert result.exit_code == 0, result.output


# -- 4. CAR framing --
def test_car_with_two_trailing_bytes(run, db, tmp_path):
    source = tmp_path / "repo.car"
    source.write_bytes((CARS / "repo.car").read_bytes() + b"\x01\x12")
    fuzzing.refused(run, db, source, "damaged")


def test_car_tree_entry_with_an_empty_cid(run, db, tmp_path):
    def node_edit(node):
        node["e"][0]["v"] = b""
        node["l"] = b""
        return node
    source = tmp_path / "empty-cid.car"
    source.write_bytes(fuzzing.build_car("did:plc:abc", "3k", [
        ("app.bsky.feed.post/3k", b"\xa1dtextbhi")], node_edit=node_edit))
    fuzzing.refused(run, db, source, "not in the file")


# -- 5. decompression bombs --
def test_tar_gz_bomb_is_refused_while_streaming(run, db, tmp_path):
    """A Mastodon export whose outbox.json is padded with 256 MiB of spaces: the guard trips
    after about a MiB of expansion, before the rest is ever inflated."""
    size = 256 << 20
    source = fuzzing.build_bomb(tmp_path, (MASTODON / "actor.json").read_bytes(), size,
                                compresslevel=1)
    assert source.stat().st_size < size // 100
    fuzzing.refused(run, db, source, "decompression bomb")


def test_zip_bomb_is_refused(run, db, tmp_path):
    import zipfile

    source = tmp_path / "export.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("actor.json", (MASTODON / "actor.json").read_bytes())
        archive.writestr("outbox.json", b'{"orderedItems": []}' + b" " * (8 << 20))
    fuzzing.refused(run, db, source, "zip bomb")


def test_a_small_tar_gz_export_still_imports(run, tmp_path):
    source = tmp_path / "export.tar.gz"
    with tarfile.open(source, "w:gz") as archive:
        for file in sorted(MASTODON.iterdir()):
            archive.add(file, arcname=file.name)
    result = run("import", source, "--db", tmp_path / "t.duckdb")
    assert result.exit_code == 0, result.output
    assert "(mastodon-archive): added" in result.stdout


# -- 6. a FIFO where a data file should be --
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_named_tweets_js_does_not_hang_detection(run, tmp_path):
    folder = tmp_path / "x"
    (folder / "data").mkdir(parents=True)
    shutil.copy(X_MINI / "data" / "account.js", folder / "data")
    os.mkfifo(folder / "data" / "tweets.js")
    results = []
    worker = threading.Thread(target=lambda: results.append(
        run("import", folder, "--db", tmp_path / "f.duckdb")), daemon=True)
    worker.start()
    worker.join(timeout=60)  # a hang leaves the daemon thread blocked; the test fails
    assert results, "import hung on a FIFO named data/tweets.js"
    assert results[0].exit_code == 0, results[0].output
    assert "(x-archive): added 1 accounts, 0 posts" in results[0].stdout


# -- 7. --skip-bad-records --------------------------------------------------------------------
def test_skip_bad_records_imports_the_rest_and_lists_what_it_left_out(run, stats_of, tmp_path):
    good = GOLDEN.read_text().splitlines()[0]
    bad_text = {"did": "did:plc:abc", "kind": "commit", "commit": {
        "operation": "create", "collection": "app.bsky.feed.post", "rkey": "3kpost",
        "record": {"text": "\ud800", "createdAt": "2024-01-01T00:00:00Z"}}}
    bad_time = json.loads(json.dumps(bad_text))
    bad_time["commit"]["record"] = {"text": "x", "createdAt": "9999-12-31T23:59:59-01:00"}
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join([good, json.dumps(bad_text), json.dumps(bad_time)]) + "\n")
    db = tmp_path / "k.duckdb"
    fuzzing.refused(run, _empty_db(db), source, "line 3", "1-9999")  # the parse error comes first
    result = run("import", source, "--db", db, "--skip-bad-records")
    assert result.exit_code == 0, result.output
    assert "skipped 2 bad records:" in result.stderr
    assert "line 3: the time '9999-12-31T23:59:59-01:00'" in result.stderr
    assert "3kpost" in result.stderr and "lone surrogate" in result.stderr
    assert stats_of(db)["posts"] == 0 and stats_of(db)["reactions"] == 1


def test_skip_bad_records_in_archives(run, tmp_path):
    def bad_tweet(items):
        items[0]["tweet"]["created_at"] = "Fri Dec 31 23:59:59 -0100 9999"

    def bad_note(items):
        next(i for i in items if i.get("type") == "Create")["object"]["tag"] = 5

    for source in (x_archive(tmp_path, "tweets.js", x_items("tweets.js", bad_tweet)),
                   mastodon(tmp_path, bad_note)):
        db = tmp_path / f"{source.name}.duckdb"
        assert run("import", source, "--db", db).exit_code == 2
        result = run("import", source, "--db", db, "--skip-bad-records")
        assert result.exit_code == 0, result.output
        assert "skipped 1 bad record:" in result.stderr, result.stderr


def _empty_db(db: Path) -> Path:
    Store(db).close()
    return db
