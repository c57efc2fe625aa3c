"""The X archive importer, on the real fixtures and on small archives written by hand.

Real files: ../shared/fixtures/x-archive-full (a real 2022 archive), x-archive-mini (a real
small archive with account.js) and x-archive-extra (like/block/mute/DM files written by hand
in the archive's documented shape). The split-part, old ``tweet.js`` and bad-input archives
below are written by hand in ``tmp_path`` in the same shape.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from kindscope.cli import cli
from kindscope.errors import InputError
from kindscope.ingest import ImportOptions, import_sources, x_archive
from kindscope.ingest.x_js import iter_items, load_value
from kindscope.model import Account, Block, Follow, Post, Reaction, Snapshot
from kindscope.store.db import Store
from kindscope.store.queries import stats

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"
FULL = FIXTURES / "x-archive-full"
MINI = FIXTURES / "x-archive-mini"
EXTRA = FIXTURES / "x-archive-extra"
needs_fixtures = pytest.mark.skipif(not FULL.exists(), reason="../shared/fixtures is missing")


# -- helpers ------------------------------------------------------------------------------------
def invoke(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def cli_stats(db: Path) -> dict:
    result = invoke("stats", "--json", "--db", db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ytd(kind: str, items: list, part: int = 0) -> str:
    return f"window.YTD.{kind}.part{part} = " + json.dumps(items, indent=2, ensure_ascii=False)


def tweet(id_: str, text: str = "hello", **extra) -> dict:
    body = {"id_str": id_, "id": id_, "full_text": text,
            "created_at": "Wed Oct 10 20:19:24 +0000 2018", "favorite_count": "3",
            "retweet_count": "1", "entities": {"user_mentions": [], "hashtags": [], "urls": []}}
    return {"tweet": body | extra}


def write_archive(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


ACCOUNT = ytd("account", [{"account": {"accountId": "42", "username": "owner",
                                       "accountDisplayName": "Owner",
                                       "createdAt": "2011-06-23T13:04:14.000Z"}}])


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, "twitter-2022/" + file.relative_to(folder).as_posix())
    return target


def records(source, include_dms: bool = False) -> list:
    return list(x_archive.read(str(source), ImportOptions(include_dms=include_dms)))


# -- the real fixtures ------------------------------------------------------------------------
@needs_fixtures
def test_full_archive_through_the_cli(tmp_path):
    db = tmp_path / "k.duckdb"
    first = invoke("import", FULL, "--db", db)
    assert first.exit_code == 0, first.output
    assert "(x-archive)" in first.stdout
    counts = cli_stats(db)
    x = counts["by_platform"]["x"]
    assert (x["posts"], x["replies"], x["reposts"]) == (1343, 485, 643)
    assert x["posts"] + x["reposts"] == 1986
    assert (x["follows"], x["reactions"], x["snapshots"]) == (715, 1359, 1)
    second = invoke("import", FULL, "--db", db)
    assert second.exit_code == 0 and "already imported" in second.stdout
    assert cli_stats(db) == counts


@needs_fixtures
def test_full_archive_through_the_library():
    found = records(FULL)
    snapshot = found[0]
    assert snapshot == Snapshot("x", "112769581", datetime(2022, 11, 14, 18, 44, 55, 824000,
                                                           tzinfo=UTC), snapshot.description)
    posts = [r for r in found if isinstance(r, Post)]
    follows = [r for r in found if isinstance(r, Follow)]
    assert len(posts) == len({p.post_id for p in posts}) == 1986
    assert sum(p.kind == "repost" for p in posts) == 643
    assert sum(p.reply_to_post_id is not None for p in posts) == 485
    assert sum(f.followee_id == "112769581" for f in follows) == 420
    assert sum(f.follower_id == "112769581" for f in follows) == 295
    assert sum(isinstance(r, Reaction) and r.kind == "like" for r in found) == 1359
    first = next(p for p in posts if p.post_id == "1588091220244369409")
    assert first.created_at == datetime(2022, 11, 3, 8, 50, 26, tzinfo=UTC)
    assert (first.like_count, first.repost_count, first.hashtags) == (5, 1, ("leaddevberlin",))
    assert first.url == "https://x.com/andreruffert/status/1588091220244369409"
    assert all(p.author_id == "112769581" and p.created_at.tzinfo is UTC for p in posts)
    retweet = next(p for p in posts if p.post_id == "1471135073105858562")
    assert retweet.kind == "repost" and retweet.mentions == ("3233484298",)
    assert retweet.repost_of_post_id is None  # the archive does not carry the original's id
    quote = next(p for p in posts if p.quote_of_post_id == "1486023451584638980")
    assert quote.kind == "post"
    mentioned = {r.account_id: r for r in found if isinstance(r, Account)}
    assert mentioned["3233484298"].handle == "year_progress"
    assert mentioned["112769581"].followers_count == 420  # the owner again, with counts
    owner = next(r for r in found if isinstance(r, Account) and r.account_id == "112769581")
    assert owner.handle == "andreruffert" and owner.description.endswith("Quality Software ✌️")


@needs_fixtures
def test_mini_archive_owner_comes_from_account_js(tmp_path):
    found = records(MINI)
    assert isinstance(found[0], Snapshot) and found[0].owner_id == "322603863"
    owner = next(r for r in found if isinstance(r, Account) and r.account_id == "322603863")
    assert (owner.handle, owner.description) == ("exGenesis", "negentropy")
    assert owner.avatar_url.startswith("https://pbs.twimg.com/profile_images/")
    assert owner.created_at == datetime(2011, 6, 23, 13, 4, 14, tzinfo=UTC)
    assert "redacted" not in (owner.profile_json or "")  # no e-mail address kept
    db = tmp_path / "k.duckdb"
    assert invoke("import", MINI, "--db", db).exit_code == 0
    x = cli_stats(db)["by_platform"]["x"]
    assert (x["posts"], x["replies"], x["follows"]) == (7, 6, 6)


@needs_fixtures
def test_extra_files_alongside_the_mini_archive(tmp_path):
    folder = tmp_path / "archive"
    shutil.copytree(MINI, folder)
    for file in (EXTRA / "data").iterdir():
        shutil.copy(file, folder / "data" / file.name)
    db = tmp_path / "k.duckdb"
    result = invoke("import", folder, "--db", db)
    assert result.exit_code == 0
    x = cli_stats(db)["by_platform"]["x"]
    assert (x["reactions"], x["blocks"], x["mutes"], x["dms"]) == (2, 1, 1, 0)
    assert "2 reactions, 0 bookmarks, 1 blocks, 1 mutes, 0 dms" in result.stdout  # as stats
    with_dms = tmp_path / "dms.duckdb"
    result = invoke("import", folder, "--include-dms", "--db", with_dms)
    assert result.exit_code == 0
    assert cli_stats(with_dms)["by_platform"]["x"]["dms"] == 2
    assert result.stdout.rstrip().endswith(", 2 dms")
    found = records(folder, include_dms=True)
    dm = next(r for r in found if isinstance(r, Post) and r.post_id == "1700000000000000002")
    assert (dm.kind, dm.author_id, dm.reply_to_account_id) == ("dm", "200", "100")
    assert Block("x", "322603863", "900000000000000002", "mute") in found
    assert Reaction("x", "322603863", "1600000000000000002", "like") in found


@needs_fixtures
def test_extra_alone_has_no_owner(tmp_path):
    result = invoke("import", EXTRA, "--db", tmp_path / "k.duckdb")
    assert result.exit_code == 2
    assert result.stderr.startswith("kindscope: error: ") and "whose archive" in result.stderr
    assert not (tmp_path / "k.duckdb").exists()


@needs_fixtures
def test_zipped_archive_imports_the_same(tmp_path):
    archive = zip_folder(FULL, tmp_path / "twitter.zip")
    assert x_archive.detect(str(archive))
    db = tmp_path / "k.duckdb"
    assert invoke("import", archive, "--db", db).exit_code == 0
    x = cli_stats(db)["by_platform"]["x"]
    assert (x["posts"], x["replies"], x["reposts"], x["follows"], x["reactions"]) == (
        1343, 485, 643, 715, 1359)


@needs_fixtures
def test_detect():
    assert x_archive.detect(str(FULL)) and x_archive.detect(str(MINI))
    assert x_archive.detect(str(FULL / "data")) and x_archive.detect(str(EXTRA))
    assert not x_archive.detect(str(FIXTURES / "mastodon-archive-full"))
    assert not x_archive.detect(str(FULL / "data" / "tweets.js"))


# -- archives written by hand ----------------------------------------------------------------------
def test_split_parts_listed_in_the_manifest(tmp_path):
    manifest = {"userInfo": {"accountId": "42", "userName": "owner"},
                "archiveInfo": {"generationDate": "2023-01-02T03:04:05.000Z"},
                "dataTypes": {"tweets": {"files": [
                    {"fileName": "data/tweets.js"}, {"fileName": "data/tweets-part1.js"},
                    {"fileName": "data/tweets-part2.js"}]}}}
    folder = write_archive(tmp_path / "a", {
        "manifest.js": "window.__THAR_CONFIG = " + json.dumps(manifest),
        "tweets.js": ytd("tweets", [tweet("1"), tweet("2")]),
        "tweets-part1.js": ytd("tweets", [tweet("3", "RT @x: hi")], 1),
        "tweets-part2.js": ytd("tweets", [tweet("4", in_reply_to_status_id_str="1",
                                                 in_reply_to_user_id_str="42")], 2),
    })
    found = records(folder)
    assert found[0].taken_at == datetime(2023, 1, 2, 3, 4, 5, tzinfo=UTC)
    posts = [r for r in found if isinstance(r, Post)]
    assert [p.post_id for p in posts] == ["1", "2", "3", "4"]
    assert [p.kind for p in posts] == ["post", "post", "repost", "post"]
    assert posts[3].reply_to_post_id == "1" and posts[0].like_count == 3
    with Store(":memory:") as store:
        import_sources(store, [str(folder)])
        assert stats(store)["posts"] == 3 and stats(store)["reposts"] == 1


def test_split_parts_found_by_name_and_old_tweet_js(tmp_path):
    folder = write_archive(tmp_path / "a", {
        "account.js": ACCOUNT,
        "tweet.js": ytd("tweet", [tweet("1")]),
        "tweet-part1.js": ytd("tweet", [tweet("2")], 1),
        "tweets-part1.js": ytd("tweets", [tweet("3")], 1),
    })
    posts = [r for r in records(folder) if isinstance(r, Post)]
    assert sorted(p.post_id for p in posts) == ["1", "2", "3"]
    assert posts[0].url == "https://x.com/owner/status/3"


def test_odd_manifest_is_tolerated(tmp_path):
    manifest = {"userInfo": {"accountId": "42"}, "archiveInfo": [], "dataTypes": {"tweets": 7}}
    folder = write_archive(tmp_path / "a", {
        "manifest.js": "window.__THAR_CONFIG = " + json.dumps(manifest),
        "tweets.js": ytd("tweets", [tweet("1")]),
    })
    found = records(folder)
    assert found[0] == Snapshot("x", "42", None, "X archive")
    assert [r.url for r in found if isinstance(r, Post)] == ["https://x.com/i/status/1"]


def test_mentions_quotes_and_the_accounts_they_name(tmp_path):
    entities = {"user_mentions": [{"id_str": "7", "screen_name": "seven", "name": "Seven"},
                                  {"id_str": "-1", "screen_name": "gone"}],
                "hashtags": [{"text": "kind"}],
                "urls": [{"expanded_url": "https://twitter.com/someone/status/99"}]}
    folder = write_archive(tmp_path / "a", {
        "account.js": ACCOUNT,
        "tweets.js": ytd("tweets", [tweet("1", "@seven look #kind", entities=entities,
                                          in_reply_to_status_id_str="5",
                                          in_reply_to_user_id_str="8",
                                          in_reply_to_screen_name="eight")]),
        "follower.js": ytd("follower", [{"follower": {
            "accountId": "9", "userLink": "https://twitter.com/intent/user?user_id=9"}}]),
        "following.js": ytd("following", [{"following": {"accountId": "7"}}]),
    })
    found = records(folder)
    post = next(r for r in found if isinstance(r, Post))
    assert (post.mentions, post.hashtags, post.quote_of_post_id) == (("7",), ("kind",), "99")
    assert (post.reply_to_post_id, post.reply_to_account_id) == ("5", "8")
    accounts = {r.account_id: r.handle for r in found if isinstance(r, Account)}
    assert accounts["7"] == "seven" and accounts["8"] == "eight" and accounts["9"] is None
    assert Follow("x", "9", "42") in found and Follow("x", "42", "7") in found


def test_parse_x_time():
    assert x_archive.parse_x_time("Wed Oct 10 20:19:24 +0000 2018") == datetime(
        2018, 10, 10, 20, 19, 24, tzinfo=UTC)
    assert x_archive.parse_x_time("Wed Oct 10 20:19:24 -0130 2018") == datetime(
        2018, 10, 10, 21, 49, 24, tzinfo=UTC)
    assert x_archive.parse_x_time("2018-10-10T20:19:24.000Z") == datetime(
        2018, 10, 10, 20, 19, 24, tzinfo=UTC)
    assert x_archive.parse_x_time("not a time") is None and x_archive.parse_x_time(None) is None


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 22])
def test_iter_items_matches_json_at_any_chunk_size(chunk):
    items = [{"a": "ü" * n, "b": [n, {"c": "✌️"}]} for n in range(30)]
    data = ("\ufeff" + ytd("tweets", items) + ";\n").encode()
    assert list(iter_items(data, "t.js", chunk=chunk)) == items
    assert list(iter_items(b"window.YTD.like.part0 = [ ]", "t.js", chunk=chunk)) == []


@pytest.mark.parametrize("chunk", [5, 1 << 22])
@pytest.mark.parametrize(("text", "message"), [
    ('window.YTD.tweets.part0 = [{"a": 1}, {"b": ', "truncated: JSON ends early at line 1"),
    ('window.YTD.tweets.part0 = [\n{"a": 1},\n{"b": "x', "truncated: JSON ends early at line 3"),
    ('window.YTD.tweets.part0 = [\n{"a": 1}\n', "truncated: JSON ends early at line 2"),
    ('window.YTD.tweets.part0 = [\n{"a": 1} {"b": 2}]', "malformed JSON at line 2"),
    ('window.YTD.tweets.part0 = [\n{"a": nope}]', "malformed JSON at line 2"),
    ('window.YTD.tweets.part0 = {"a": 1}', "not a JSON array"),
    ('window.YTD.tweets.part0 = [] trailing', "unexpected text after the array"),
    ('[{"a": 1}]', "line 1 is not a `window.YTD...` assignment"),
])
def test_iter_items_errors(text, message, chunk):
    with pytest.raises(InputError, match=message.replace("(", r"\(")) as caught:
        list(iter_items(text.encode(), "data/tweets.js", chunk=chunk))
    assert caught.value.where == "data/tweets.js"


@pytest.mark.parametrize("chunk", [3, 50, 1 << 22])
def test_error_line_numbers_deep_in_a_file(chunk):
    text = ytd("tweets", [{"a": "ü✌️", "n": n} for n in range(40)])
    broken = text.index('"n": 25')
    line = text.count("\n", 0, broken) + 1
    data = (text[:broken] + "n: 25" + text[broken + 7:]).encode()
    with pytest.raises(InputError, match=f"malformed JSON at line {line} "):
        list(iter_items(data, "t.js", chunk=chunk))
    last = text[:broken].rstrip().count("\n") + 1  # the last line with text on it
    with pytest.raises(InputError, match=f"ends early at line {last}$"):
        list(iter_items(text[:broken].encode(), "t.js", chunk=chunk))


class _Trickle:
    """A stream that hands out at most ``most`` bytes per read, whatever is asked."""

    def __init__(self, data: bytes, most: int):
        self.data, self.most, self.at = data, most, 0

    def read(self, size: int = -1) -> bytes:
        take = self.most if size < 0 else min(size, self.most)
        chunk = self.data[self.at : self.at + take]
        self.at += len(chunk)
        return chunk


@pytest.mark.parametrize("most", [1, 2, 5, 1 << 20])
def test_iter_items_reads_a_stream_as_it_reads_bytes(most):
    items = [{"a": "ü" * n, "b": [n, {"c": "✌️"}]} for n in range(30)]
    data = ("\ufeff" + ytd("tweets", items) + ";\n").encode()
    assert list(iter_items(_Trickle(data, most), "t.js", chunk=7)) == items
    text = ytd("tweets", [{"a": "ü✌️", "n": n} for n in range(40)])
    broken = text.index('"n": 25')
    line = text.count("\n", 0, broken) + 1
    bad = (text[:broken] + "n: 25" + text[broken + 7:]).encode()
    with pytest.raises(InputError, match=f"malformed JSON at line {line} "):
        list(iter_items(_Trickle(bad, most), "t.js", chunk=3))


@pytest.mark.parametrize("chunk", [1, 2, 3, 4, 1 << 22])
def test_a_byte_that_is_not_utf8_is_named_by_its_offset(chunk):
    head = 'window.YTD.tweets.part0 = [{"a": "ü✌️'.encode()
    data = head + b"\xff" + b'"}]'
    with pytest.raises(InputError, match=f"not UTF-8 text \\(byte {len(head)}\\)$"):
        list(iter_items(data, "t.js", chunk=chunk))
    # a multi-byte character cut off by the end of the file
    with pytest.raises(InputError, match=f"not UTF-8 text \\(byte {len(head)}\\)$"):
        list(iter_items(head + "ü".encode()[:1], "t.js", chunk=chunk))
    # after a byte-order mark, which counts among the bytes
    with pytest.raises(InputError, match=f"not UTF-8 text \\(byte {len(head) + 3}\\)$"):
        list(iter_items(b"\xef\xbb\xbf" + data, "t.js", chunk=chunk))


def test_tweets_are_streamed_out_of_a_zip_not_read_whole(tmp_path, monkeypatch):
    """A 300 MB tweets.js held whole (and joined from its chunks) took about twice its
    size; the importer reads it through ``ArchiveReader.open`` instead."""
    from kindscope.ingest.archive import ArchiveReader

    read_whole = ArchiveReader.read_bytes

    def refuse_tweets(self, name):
        assert not name.rsplit("/", 1)[-1].startswith("tweets"), name
        return read_whole(self, name)

    monkeypatch.setattr(ArchiveReader, "read_bytes", refuse_tweets)
    folder = write_archive(tmp_path / "a", {"account.js": ACCOUNT,
                                            "tweets.js": ytd("tweets", [tweet("1"), tweet("2")])})
    with Store(tmp_path / "t.duckdb") as store:
        result = import_sources(store, [str(zip_folder(folder, tmp_path / "a.zip"))])
    assert result[0].added["posts"] == 2


def test_load_value_errors():
    assert load_value(b'window.__THAR_CONFIG = {"a": 1};', "m.js") == {"a": 1}
    with pytest.raises(InputError, match="truncated"):
        load_value(b'window.__THAR_CONFIG = {"a": ', "m.js")
    with pytest.raises(InputError, match="not UTF-8"):
        load_value(b"window.__THAR_CONFIG = {\xff}", "m.js")


# -- bad input through the CLI: exit 2, one line naming the file, database unchanged ------------
def _truncated(tmp_path):
    text = ytd("tweets", [tweet("1"), tweet("2")])
    return write_archive(tmp_path / "bad", {"account.js": ACCOUNT,
                                            "tweets.js": text[: len(text) // 2]}), "tweets.js"


def _not_ytd(tmp_path):
    return write_archive(tmp_path / "bad", {"account.js": ACCOUNT,
                                            "tweets.js": json.dumps([tweet("1")])}), "tweets.js"


def _not_utf8(tmp_path):
    folder = write_archive(tmp_path / "bad", {"account.js": ACCOUNT})
    (folder / "data" / "tweets.js").write_bytes(
        ytd("tweets", [tweet("1", "caf\u00e9")]).encode("latin-1"))
    return folder, "tweets.js"


def _escaping_zip(tmp_path):
    target = tmp_path / "evil.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("data/account.js", ACCOUNT)
        archive.writestr("data/tweets.js", ytd("tweets", [tweet("1")]))
        archive.writestr("../evil", "gotcha")
    return target, "../evil"


def _zip_bomb(tmp_path):
    target = tmp_path / "bomb.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/account.js", ACCOUNT)
        archive.writestr("data/tweets.js", "window.YTD.tweets.part0 = [" + " " * 5_000_000 + "]")
    return target, "tweets.js"


BAD = [_truncated, _not_ytd, _not_utf8, _escaping_zip, _zip_bomb]


@pytest.mark.parametrize("make", BAD, ids=[f.__name__.strip("_") for f in BAD])
def test_bad_input_leaves_an_existing_database_unchanged(tmp_path, make):
    db = tmp_path / "k.duckdb"
    good = write_archive(tmp_path / "good", {"account.js": ACCOUNT,
                                             "tweets.js": ytd("tweets", [tweet("5")])})
    assert invoke("import", good, "--db", db).exit_code == 0
    before = cli_stats(db)
    source, named = make(tmp_path)
    result = invoke("import", source, "--db", db)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kindscope: error: ")
    assert str(source) in lines[0] and named in lines[0]
    assert "Traceback" not in result.output
    assert cli_stats(db) == before


@pytest.mark.parametrize("make", BAD, ids=[f.__name__.strip("_") for f in BAD])
def test_bad_input_leaves_no_new_database_behind(tmp_path, make):
    source, _named = make(tmp_path)
    db = tmp_path / "fresh.duckdb"
    result = invoke("import", source, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.startswith("kindscope: error: ")
    assert not db.exists() and not Path(str(db) + ".wal").exists()


def test_bad_tweet_object_names_the_item(tmp_path):
    folder = write_archive(tmp_path / "a", {"account.js": ACCOUNT,
                                            "tweets.js": ytd("tweets", [tweet("1"), ["x"]])})
    with pytest.raises(InputError, match="tweet 2 is not a readable tweet") as caught:
        records(folder)
    assert caught.value.where.endswith("data/tweets.js")


def test_entities_escaped_by_the_archive_are_read_as_typed(tmp_path):
    """X writes &, < and > in full_text as &amp;, &lt; and &gt;; users typed the characters."""
    from kindscope.ingest.base import ImportOptions
    from kindscope.ingest.x_archive import read
    from kindscope.model import Post

    data = tmp_path / "a" / "data"
    data.mkdir(parents=True)
    (data / "account.js").write_text(
        'window.YTD.account.part0 = [{"account": {"accountId": "1", "username": "me"}}]')
    (data / "tweets.js").write_text(
        'window.YTD.tweets.part0 = [{"tweet": {"id_str": "5", "full_text": '
        '"fish &amp; chips &lt;3 &gt;_&lt; #Tea", "created_at": "Wed Oct 10 20:19:24 +0000 2018",'
        ' "entities": {"hashtags": [{"text": "Tea"}]}}}]')
    posts = [r for r in read(str(tmp_path / "a"), ImportOptions()) if isinstance(r, Post)]
    assert posts[0].text == "fish & chips <3 >_< #Tea"
    assert posts[0].hashtags == ("tea",)


@needs_fixtures
def test_the_same_archive_from_another_path_says_so(run, tmp_path):
    """An archive imported as a folder, then as its zip: "added 0 ..." and nothing more,
    though it was the same data (a user's-eye review, 2026-12-06)."""
    import shutil

    db = tmp_path / "k.duckdb"
    assert run("import", FULL, "--db", db).exit_code == 0
    packed = shutil.make_archive(str(tmp_path / "archive"), "zip", FULL)
    result = run("import", packed, "--db", db)
    assert result.exit_code == 0, result.output
    assert f"(the same data as {FULL}, imported before)" in result.stdout
