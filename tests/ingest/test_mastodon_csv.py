"""Mastodon CSV exports: Mastodon's own spec fixtures in ../shared/fixtures/mastodon/csv_exports
and small files written here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kindscope.ingest import detect_format
from kindscope.ingest.base import ImportOptions
from kindscope.ingest.mastodon_csv import SELF, actor_uri, read
from kindscope.model import Block, Follow, Reaction
from kindscope.store.db import Store

CSV = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "mastodon" / "csv_exports"
needs_fixtures = pytest.mark.skipif(not CSV.exists(), reason="../shared/fixtures missing")


def test_address_maps_to_actor_uri_and_handle():
    assert actor_uri("user@example.com") == ("https://example.com/users/user",
                                             "@user@example.com")
    assert actor_uri("@ana@social.example") == ("https://social.example/users/ana",
                                                "@ana@social.example")
    assert actor_uri("bob") is None
    assert actor_uri("bob", "home.social") == ("https://home.social/users/bob",
                                               "@bob@home.social")


@needs_fixtures
def test_export_folder(run, stats_of, tmp_path):
    assert detect_format(str(CSV)) == "mastodon-csv"
    db = tmp_path / "k.duckdb"
    result = run("import", CSV, "--db", db)
    assert result.exit_code == 0, result.output
    stats = stats_of(db)
    # following: 2 rows; muted: 2 rows; new-block-imports: eve (bob has no host);
    # bookmark-imports.txt: 4 status URIs; lists.csv: skipped.
    assert (stats["follows"], stats["mutes"], stats["blocks"]) == (2, 2, 1)
    assert stats["bookmarks"] == 4
    with Store(db) as store:
        assert store.rows("SELECT owner_id FROM snapshots")[0][0] == SELF
        assert store.scalar("SELECT handle FROM accounts WHERE account_id = ?",
                            ["https://test.com/users/user"]) == "@user@test.com"
    assert "already imported" in run("import", CSV, "--db", db).output
    assert stats_of(db) == stats


@needs_fixtures
def test_single_files_are_detected():
    for name in ("following_accounts.csv", "muted_accounts.csv", "new-block-imports.txt"):
        assert detect_format(str(CSV / name)) == "mastodon-csv", name


def test_headerless_block_list_with_actor_beside(tmp_path):
    (tmp_path / "blocked_accounts.csv").write_text("troll@bad.example\nlocal\n\n")
    (tmp_path / "actor.json").write_text(json.dumps({"id": "https://home.social/users/me"}))
    records = list(read(str(tmp_path / "blocked_accounts.csv"), ImportOptions()))
    assert records[0].owner_id == "https://home.social/users/me"
    blocks = [r for r in records if isinstance(r, Block)]
    assert [(b.account_id, b.target_id, b.kind) for b in blocks] == [
        ("https://home.social/users/me", "https://bad.example/users/troll", "block"),
        ("https://home.social/users/me", "https://home.social/users/local", "block"),
    ]


def test_following_with_header_and_blank_lines(tmp_path):
    path = tmp_path / "following_accounts.csv"
    path.write_text("Account address,Show boosts,Notify on new posts,Languages\n\n"
                    'a@x.social,true,false,\n\nb@y.social,true,true,"en,fr"\n')
    records = list(read(str(path), ImportOptions()))
    follows = [(f.follower_id, f.followee_id) for f in records if isinstance(f, Follow)]
    assert follows == [(SELF, "https://x.social/users/a"), (SELF, "https://y.social/users/b")]
    assert not any(isinstance(r, (Block, Reaction)) for r in records)


def test_non_utf8_csv_is_one_line_error(run, stats_of, tmp_path):
    path = tmp_path / "muted_accounts.csv"
    path.write_bytes("Account address,Hide notifications\nj\u00f6rg@ex.social,true\n"
                     .encode("latin-1"))
    db = tmp_path / "k.duckdb"
    result = run("import", path, "--db", db, "--format", "mastodon-csv")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "not UTF-8" in result.stderr
    assert stats_of(db)["mutes"] == 0


def test_generic_csv_is_not_taken(tmp_path):
    path = tmp_path / "edges.csv"
    path.write_text("follower,followee\na,b\n")
    assert detect_format(str(path)) == "generic"


@needs_fixtures
def test_lists_only_file_adds_no_edges(tmp_path):
    shutil.copy(CSV / "lists.csv", tmp_path / "lists.csv")
    records = list(read(str(tmp_path / "lists.csv"), ImportOptions()))
    assert len(records) == 1  # the snapshot only


@needs_fixtures
def test_csv_after_the_account_export_is_attached_to_its_owner(run, tmp_path):
    """A following CSV on its own names no owner; with one known Mastodon owner in the
    database, its follows start at that owner, not at the placeholder."""
    db = tmp_path / "k.duckdb"
    archive = CSV.parents[1] / "mastodon-archive-full"
    csv_file = CSV / "following_accounts.csv"
    assert run("import", archive, "--db", db).exit_code == 0
    assert run("import", csv_file, "--db", db).exit_code == 0
    store = Store(db)
    owner = "https://indieweb.social/users/dealingwith"
    assert store.rows("SELECT DISTINCT follower_id FROM follows") == [(owner,)]
    assert store.scalar("SELECT count(*) FROM accounts WHERE account_id = 'self'") == 0
    assert store.rows("SELECT DISTINCT owner_id FROM snapshots") == [(owner,)]


@needs_fixtures
def test_csv_before_the_account_export_is_attached_to_its_owner_too(run, tmp_path):
    """The other order: the CSV's placeholder owner "self" stayed beside the real owner, and
    `network` found a community of "self" and its follows (a user's-eye review, 2026-12-06).
    The account export, once imported, takes the earlier import over."""
    db = tmp_path / "k.duckdb"
    archive = CSV.parents[1] / "mastodon-archive-full"
    assert run("import", CSV / "following_accounts.csv", "--db", db).exit_code == 0
    assert run("import", archive, "--db", db).exit_code == 0
    owner = "https://indieweb.social/users/dealingwith"
    with Store(db) as store:
        assert store.rows("SELECT DISTINCT follower_id FROM follows") == [(owner,)]
        assert store.scalar("SELECT count(*) FROM accounts WHERE account_id = 'self'") == 0
        assert store.rows("SELECT DISTINCT owner_id FROM snapshots") == [(owner,)]
    text = run("network", "--db", db).stdout
    assert "an ego network" in text and "community 1" not in text
