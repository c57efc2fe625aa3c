"""Input that must be refused, not half-imported: damaged or incomplete archives, empty
files, and a ``--format`` that does not fit the file.

Each test imports a good export first, then the bad one, through the CLI; the error must be
``kindscope: error: <file>: <what is wrong>`` on one line, exit status 2, and every table must
hold exactly what it held before (no snapshot either).
"""

from __future__ import annotations

import json
import shutil
import struct
import zipfile
from pathlib import Path

import fuzzing
import pytest

pytestmark = pytest.mark.skipif(not fuzzing.FIXTURES.exists(),
                                reason="../shared fixtures are not here")

GOLDEN = fuzzing.FIXTURES / "bluesky" / "jetstream" / "golden_v1.jsonl"
X_MINI = fuzzing.FIXTURES / "x-archive-mini"
MASTODON = fuzzing.FIXTURES / "mastodon" / "archive_synthetic"


def zipped(folder: Path, out: Path) -> Path:
    """``folder``'s files packed in a .zip, names relative to the folder."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
    return out


def corrupt_deflate(archive: Path, member: str) -> Path:
    """``archive`` with ``member``'s DEFLATE stream made unreadable (its first block given
    the reserved type 3), the CRC and sizes untouched."""
    with zipfile.ZipFile(archive) as packed:
        offset = packed.getinfo(member).header_offset
    data = bytearray(archive.read_bytes())
    name_length, extra_length = struct.unpack("<HH", data[offset + 26:offset + 30])
    data[offset + 30 + name_length + extra_length] = 0x07
    archive.write_bytes(bytes(data))
    return archive


# -- a damaged zip member ---------------------------------------------------------------------
@pytest.mark.parametrize(("folder", "member"), [(X_MINI, "data/tweets.js"),
                                                (MASTODON, "outbox.json")],
                         ids=["x-archive", "mastodon"])
def test_corrupt_deflate_stream_is_a_damaged_member(run, db, tmp_path, folder, member):
    source = corrupt_deflate(zipped(folder, tmp_path / "export.zip"), member)
    fuzzing.refused(run, db, source, f"{source}:{member}", "damaged archive member")


# -- a zip cut short --------------------------------------------------------------------------
@pytest.mark.parametrize("args", [(), ("--format", "x-archive")], ids=["detected", "named"])
def test_truncated_zip_is_an_incomplete_download(run, db, tmp_path, args):
    whole = zipped(X_MINI, tmp_path / "whole.zip")
    source = tmp_path / "export.zip"
    source.write_bytes(whole.read_bytes()[:3000])
    fuzzing.refused(run, db, source, "damaged or incomplete zip (was the download finished?)",
            args=args)


# -- an export with parts missing -------------------------------------------------------------
def x_with_manifest(tmp_path: Path, listed: dict[str, str]) -> Path:
    """The small X archive with a manifest.js listing ``listed`` (file name -> its count)."""
    folder = tmp_path / "x"
    shutil.copytree(X_MINI, folder)
    types: dict[str, list] = {}
    for name, count in listed.items():
        key = {"tweets": "tweets", "direct-messages": "directMessages"}[name.split("-part")[0]
                                                                        .removesuffix(".js")]
        types.setdefault(key, []).append({"fileName": f"data/{name}", "count": count})
    manifest = {"userInfo": {"accountId": "322603863", "userName": "exGenesis"},
                "dataTypes": {key: {"files": files} for key, files in types.items()}}
    (folder / "data" / "manifest.js").write_text("window.__THAR_CONFIG = " + json.dumps(manifest))
    return folder


@pytest.mark.parametrize("packed", [False, True], ids=["folder", "zip"])
def test_x_part_listed_in_the_manifest_but_missing(run, db, tmp_path, packed):
    source = x_with_manifest(tmp_path, {"tweets.js": "3", "tweets-part1.js": "2"})
    if packed:
        source = zipped(source, tmp_path / "x.zip")
    fuzzing.refused(run, db, source, "data/tweets-part1.js is listed in manifest.js",
            "the export is incomplete")


def test_x_tweets_js_itself_missing(run, db, tmp_path):
    source = x_with_manifest(tmp_path, {"tweets.js": "3"})
    (source / "data" / "tweets.js").unlink()
    fuzzing.refused(run, db, source, "data/tweets.js is listed in manifest.js")


def test_x_missing_files_that_hold_nothing_we_import_are_no_loss(run, tmp_path):
    """Files listed with no records, and DMs without --include-dms, lose nothing."""
    source = x_with_manifest(tmp_path, {"tweets.js": "3", "tweets-part1.js": "0",
                                        "direct-messages.js": "2"})
    result = run("import", source, "--db", tmp_path / "ok.duckdb")
    assert result.exit_code == 0, result.output
    fuzzing.refused(run, tmp_path / "ok.duckdb", source, "data/direct-messages.js is listed",
            args=("--include-dms",))


def test_mastodon_export_without_outbox(run, db, tmp_path):
    source = tmp_path / "m"
    source.mkdir()
    for name in ("actor.json", "likes.json"):
        shutil.copy(MASTODON / name, source)
    fuzzing.refused(run, db, source, "no outbox.json", "the export is incomplete")


# -- empty files ------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "text"), [
    ("posts.jsonl", ""), ("posts.jsonl", "\n\n  \n"), ("posts.csv", ""), ("export.zip", ""),
    ("repo.car", ""), ("export.tar.gz", ""),
])
def test_empty_file(run, db, tmp_path, name, text):
    source = tmp_path / name
    source.write_text(text)
    assert fuzzing.refused(run, db, source).endswith(f"{source}: empty file\n")


@pytest.mark.parametrize("args", [(), ("--format", "jetstream")], ids=["detected", "named"])
def test_blank_file_with_a_format_named(run, db, tmp_path, args):
    source = tmp_path / "capture.jsonl"
    source.write_text("\n")
    fuzzing.refused(run, db, source, "empty file", args=args)


@pytest.mark.parametrize(("name", "header"), [
    ("posts.csv", "id,author,text"), ("follows.csv", "follower,followee"),
    ("following_accounts.csv", "Account address,Show boosts,Notify on new posts,Languages"),
])
def test_csv_with_only_a_header(run, db, tmp_path, name, header):
    source = tmp_path / name
    source.write_text(header + "\n")
    fuzzing.refused(run, db, source, "no records: only a header row")


def test_mastodon_csv_with_only_a_header_is_refused_alone_not_in_its_folder(run, stats_of, db,
                                                                          tmp_path):
    """Mastodon writes a header-only CSV for what you have none of (mutes, here): in the
    export's folder it is no error, imported on its own it is."""
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "muted_accounts.csv").write_text("Account address,Hide notifications\n")
    (folder / "blocked_accounts.csv").write_text("troll@bad.example\n")
    fuzzing.refused(run, db, folder / "muted_accounts.csv", "no records: only a header row")
    blocks = stats_of(db)["blocks"]
    result = run("import", folder, "--db", db)
    assert result.exit_code == 0, result.output
    assert stats_of(db)["blocks"] == blocks + 1


# -- a --format that does not fit the file ----------------------------------------------------
def test_mastodon_zip_named_an_x_archive(run, db, tmp_path):
    source = zipped(MASTODON, tmp_path / "mastodon.zip")
    fuzzing.refused(run, db, source, "not an X archive", args=("--format", "x-archive"))


def test_empty_folder_named_an_x_archive(run, db, tmp_path):
    source = tmp_path / "nothing"
    source.mkdir()
    fuzzing.refused(run, db, source, "not an X archive", args=("--format", "x-archive"))


def test_generic_jsonl_named_a_jetstream_capture(run, db, tmp_path):
    source = tmp_path / "posts.jsonl"
    source.write_text('{"id": "1", "author": "ana", "text": "hi"}\n'
                      '{"id": "2", "author": "ben", "text": "hello"}\n')
    fuzzing.refused(run, db, source, "not a Jetstream capture", args=("--format", "jetstream"))


def test_generic_csv_named_a_mastodon_csv(run, db, tmp_path):
    source = tmp_path / "posts.csv"
    source.write_text("id,author,text\n1,ana,hi\n2,ben,hello\n")
    error = fuzzing.refused(run, db, source, "not a Mastodon CSV export",
                    args=("--format", "mastodon-csv"))
    assert "rows without a user@host address" not in error


def test_empty_folder_named_a_mastodon_csv_export(run, db, tmp_path):
    source = tmp_path / "nothing"
    source.mkdir()
    fuzzing.refused(run, db, source, "no Mastodon CSV export file",
                    args=("--format", "mastodon-csv"))


@pytest.mark.parametrize("fmt", ["bluesky-api", "mastodon-api", "bluesky-following",
                                 "mastodon-following"])
def test_an_online_format_named_for_a_local_file_sends_nothing(run, db, tmp_path, fmt,
                                                               monkeypatch):
    """`--format bluesky-api FILE` asked the AppView for an account named after the file's
    path (a user's-eye review, 2026-12-06): an online format takes only its own address,
    and no connection is opened for anything else."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("kindscope import opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    source = tmp_path / "home" / "ana" / "post_record.json"
    source.parent.mkdir(parents=True)
    source.write_text('{"text": "hi"}\n')
    fuzzing.refused(run, db, source, "expected", args=("--format", fmt))
