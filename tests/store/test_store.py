from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import pytest

from kindscope.errors import StoreError
from kindscope.model import Account, Follow, Post
from kindscope.store.db import Store
from kindscope.store.schema import SCHEMA_VERSION
from kindscope.store.writer import RecordWriter

T0 = datetime(2024, 3, 1, 9, tzinfo=UTC)


def write(store: Store, records, snapshot_id="s1"):
    with store.transaction():
        writer = RecordWriter(store, snapshot_id)
        for record in records:
            writer.add(record)
        writer.flush()


def test_new_database_is_at_current_schema(tmp_path):
    store = Store(tmp_path / "k.duckdb")
    assert store.schema_version() == SCHEMA_VERSION
    store.close()
    # reopening migrates nothing and keeps the version
    assert Store(tmp_path / "k.duckdb").schema_version() == SCHEMA_VERSION


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "k.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer than this kindscope"):
        Store(path)


def test_upsert_keeps_known_fields_and_fills_missing():
    store = Store(":memory:")
    write(store, [Account("x", "1", handle="ana")])
    write(store, [Account("x", "1", followers_count=5)])
    assert store.rows("SELECT handle, followers_count FROM accounts") == [("ana", 5)]


def test_reply_author_is_derived_from_the_parent():
    store = Store(":memory:")
    write(store, [Post("x", "1", "ana", T0, "hi"), Post("x", "2", "ben", T0, "yo",
                                                          reply_to_post_id="1")])
    assert store.scalar("SELECT reply_to_account_id FROM posts WHERE post_id = '2'") == "ana"
    assert store.scalar("SELECT count(*) FROM accounts") == 2


def test_same_number_on_two_platforms_is_two_things():
    store = Store(":memory:")
    write(store, [Post("x", "1", "a", T0, "one"), Post("bluesky", "1", "a", T0, "two")])
    assert store.scalar("SELECT count(*) FROM posts") == 2


def test_failed_transaction_leaves_nothing():
    store = Store(":memory:")
    with pytest.raises(RuntimeError):
        with store.transaction():
            writer = RecordWriter(store, "s1", batch_rows=1)
            writer.add(Follow("x", "a", "b"))
            writer.add(Follow("x", "b", "a"))
            raise RuntimeError("boom")
    assert store.scalar("SELECT count(*) FROM follows") == 0


def test_a_version_1_database_is_migrated_with_its_data(tmp_path):
    from kindscope.store.schema import MIGRATIONS

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for sql in MIGRATIONS[0]:
        con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO accounts (platform, account_id, handle) VALUES ('x', '1', 'ana')")
    con.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.rows("SELECT handle FROM accounts") == [("ana",)]
    assert store.scalar("SELECT count(*) FROM post_sources") == 0
    # a profile stored before imports were recorded is the user's (not known otherwise)
    assert store.rows("SELECT account_id, snapshot_id FROM account_sources") == [
        ("1", "legacy")]


def test_each_profile_remembers_the_imports_it_was_seen_in():

    store = Store(":memory:")
    write(store, [Account("x", "a", handle="ana")], snapshot_id="s1")
    write(store, [Account("x", "a", handle="ana"), Post("x", "1", "b", T0, "hi")],
          snapshot_id="s2")
    assert store.rows("SELECT account_id, snapshot_id FROM account_sources ORDER BY ALL") == [
        ("a", "s1"), ("a", "s2")]  # b's bare row, derived from its post, has no profile


def test_each_post_remembers_the_imports_it_was_seen_in():
    store = Store(":memory:")
    write(store, [Post("x", "1", "a", T0, "one")], snapshot_id="s1")
    write(store, [Post("x", "1", "a", T0, "one"), Post("x", "2", "a", T0, "two")],
          snapshot_id="s2")
    assert store.rows("SELECT post_id, snapshot_id FROM post_sources ORDER BY ALL") == [
        ("1", "s1"), ("1", "s2"), ("2", "s2")]
