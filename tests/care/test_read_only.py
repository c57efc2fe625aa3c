"""`kindscope care` and `inbox` on a database that cannot be written here (a read-only
mount, a file without write permission): they open it read-only, as `report` does. care
refuses in one line only when it would have to delete posts fetched for the queue that are
past its window, and says why it needs to write and what to do."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
from cli_lines import one_line
from storedata import add_follows, add_post, add_scores

from kindscope.signals import MODEL_VERSION
from kindscope.store.db import Store

T = datetime(2024, 5, 1, 12, tzinfo=UTC)


def _snapshot(store, sid, fmt):
    store.execute("INSERT INTO snapshots VALUES (?, 'generic', ?, ?, 'me', ?, ?, NULL)",
                  [sid, f"{sid}.src", fmt, T + timedelta(days=1), T + timedelta(days=1)])


def _post(store, pid, author, at, text, sid, score=0.9):
    add_post(store, pid, author, at, text, platform="generic")
    store.execute("INSERT INTO post_sources VALUES ('generic', ?, ?)", [pid, sid])
    if score is not None:
        add_scores(store, [(pid, "distress", score)], platform="generic",
                   version=MODEL_VERSION)


def _database(path, stale: bool = False, unscored: bool = False):
    """My post, and a painful one of ana's fetched for the care queue (--following);
    ``stale``: one more fetched long before the care window; ``unscored``: one of my
    posts the signals have not read."""
    with Store(path) as store:
        _snapshot(store, "own", "generic")
        _snapshot(store, "fetch", "bluesky-following")
        add_follows(store, "own", [("me", "ana"), ("ana", "me")], platform="generic")
        _post(store, "mine", "me", T, "a quiet day", "own", 0.1)
        _post(store, "ana1", "ana", T + timedelta(hours=2), "i can't do this", "fetch")
        if stale:
            _post(store, "ana0", "ana", T - timedelta(days=20), "so tired", "fetch")
        if unscored:
            _post(store, "mine2", "me", T + timedelta(hours=3), "off to work", "own", None)
    return path


@pytest.fixture
def read_only(monkeypatch):
    """Make ``os.access`` say the named files cannot be written (as on a read-only mount,
    which even root cannot write); record how each Store was opened."""
    import kindscope.store.db as db_module

    unwritable: set[str] = set()
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and str(path) in unwritable:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    opened: list[bool] = []
    original = db_module.Store.__init__

    def spy(self, path=None, read_only=False):
        opened.append(read_only)
        original(self, path, read_only=read_only)

    monkeypatch.setattr(db_module.Store, "__init__", spy)

    def make(path):
        unwritable.add(str(path))
        opened.clear()  # from here on
        return opened

    return make


def test_care_and_inbox_work_read_only_when_there_is_nothing_to_delete(run, tmp_path,
                                                                       read_only):
    db = _database(tmp_path / "k.duckdb")
    opened = read_only(db)
    before = db.read_bytes()
    result = run("care", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert '"post_id": "ana1"' in result.stdout  # the fetched post, listed
    assert run("inbox", "--db", db).exit_code == 0
    assert opened == [True, True]
    assert db.read_bytes() == before


def test_care_says_why_it_needs_to_write_when_fetched_posts_are_past_the_window(
        run, tmp_path, read_only):
    db = _database(tmp_path / "k.duckdb", stale=True)
    read_only(db)
    one_line(run("care", "--db", db), str(db), "care needs to write this database",
              "deletes the posts of others fetched for the care queue",
              "older than its window (3 days), and 1 here are", "read-only here",
              "Make the file writable")
    one_line(run("care", "--db", db, "--forget"), "care needs to write this database",
              "--forget deletes")
    one_line(run("inbox", "--db", db, "--demo"), "inbox needs to write this database",
              "--demo imports")
    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM posts WHERE post_id = 'ana0'") == 1


def test_care_read_only_says_what_it_could_not_score(run, tmp_path, read_only):
    db = _database(tmp_path / "k.duckdb", unscored=True)
    read_only(db)
    result = run("care", "--db", db)
    assert result.exit_code == 0, result.output
    assert ("note: 1 post not yet read by the text signals is left out of this list, as the "
            "database is read-only here") in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write a file without write permission")
def test_care_on_a_file_without_write_permission(run, tmp_path):
    db = _database(tmp_path / "k.duckdb")
    db.chmod(0o444)
    assert run("care", "--db", db).exit_code == 0
    db = _database(tmp_path / "stale.duckdb", stale=True)
    db.chmod(0o444)
    one_line(run("care", "--db", db), "care needs to write this database")


def test_care_on_a_read_only_database_no_model_read_names_the_command_that_can(
        run, tmp_path, read_only):
    """Nothing scored and the file read-only: the queue told the user to run `kindscope
    care`, which cannot score it either (a review, 2026-12-06); it names the command that
    reads the posts, and when it can."""
    db = tmp_path / "k.duckdb"
    with Store(db) as store:
        _snapshot(store, "own", "generic")
        add_follows(store, "own", [("me", "ana"), ("ana", "me")], platform="generic")
        _post(store, "mine", "me", T, "a quiet day", "own", None)
        store.execute("INSERT INTO snapshots VALUES ('fetch', 'generic', 'fetch.src', "
                      "'bluesky-following', 'me', ?, ?, NULL)",
                      [T + timedelta(days=1), T + timedelta(days=1)])
        _post(store, "ana1", "ana", T + timedelta(hours=2), "i can't do this", "fetch", None)
    read_only(db)
    result = run("care", "--db", db)
    assert result.exit_code == 0, result.output
    flat = " ".join((result.stdout + result.stderr).split())
    assert f"`kindscope score --db {db}` reads them once the file is writable" in flat
    assert "`kindscope care` reads them first" not in flat
