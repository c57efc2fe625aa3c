"""Posts of others fetched only for the care queue (``import --following``) are read by the
care queue alone: not by the read model's other views, the community view or an export
(README: "for the care queue only"; ``read_sql.CARE_ONLY``). Rows written by hand."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pyarrow.parquet as pq
from storedata import add_follows, add_post, add_scores

from kindscope.store.community import community_scope
from kindscope.store.db import Store
from kindscope.store.queries import export_tables
from kindscope.store.read import read_model

T = datetime(2024, 5, 1, 12, tzinfo=UTC)


def _snapshot(store, sid, fmt, owner="me"):
    store.execute("INSERT INTO snapshots VALUES (?, 'generic', ?, ?, ?, ?, ?, NULL)",
                  [sid, f"{sid}.src", fmt, owner, T + timedelta(days=1), T + timedelta(days=1)])


def _source(store, post_id, sid):
    store.execute("INSERT INTO post_sources VALUES ('generic', ?, ?)", [post_id, sid])


def _store():
    store = Store(":memory:")
    _snapshot(store, "own", "generic")
    _snapshot(store, "fetch", "bluesky-following")
    add_follows(store, "own", [("me", "ana"), ("ana", "me")], platform="generic")
    add_post(store, "mine", "me", T, "a quiet day", platform="generic")
    _source(store, "mine", "own")
    # ana's post, fetched only for the care queue
    add_post(store, "ana1", "ana", T + timedelta(hours=2), "i can't do this", platform="generic")
    _source(store, "ana1", "fetch")
    # ana's reply to me, in my own import and fetched too: mine to read
    add_post(store, "ana2", "ana", T + timedelta(hours=1), "hello!", reply_to="mine",
             reply_to_account="me", platform="generic")
    _source(store, "ana2", "own")
    _source(store, "ana2", "fetch")
    add_scores(store, [(p, "distress", 0.9) for p in ("mine", "ana1", "ana2")],
               platform="generic")
    return store


def test_only_the_care_queue_reads_posts_fetched_for_it():
    store = _store()
    rm = read_model(store, "me")
    try:
        assert sorted(r[0] for r in rm.rows("SELECT post_id FROM {p}_read")) == ["ana2", "mine"]
        assert sorted(r[0] for r in rm.rows("SELECT post_id FROM {p}_care_read")) == [
            "ana1", "ana2", "mine"]
    finally:
        rm.close()
    with community_scope(store, "generic", {"me": 0, "ana": 0}) as scope:
        assert sorted(r[0] for r in scope.rows("SELECT post_id FROM {p}_read")) == [
            "ana2", "mine"]


def test_exports_leave_out_posts_fetched_for_the_care_queue(tmp_path):
    store = _store()
    export_tables(store, tmp_path / "j", "jsonl")
    posts = [json.loads(line)["post_id"]
             for line in (tmp_path / "j/posts.jsonl").read_text().splitlines()]
    assert sorted(posts) == ["ana2", "mine"]
    for table in ("post_sources", "signal_scores"):
        rows = [json.loads(line) for line in
                (tmp_path / f"j/{table}.jsonl").read_text().splitlines()]
        assert "ana1" not in {r["post_id"] for r in rows}, table
    export_tables(store, tmp_path / "p", "parquet")
    assert sorted(pq.read_table(tmp_path / "p/posts.parquet").column("post_id").to_pylist()) \
        == ["ana2", "mine"]
    manifest = json.loads((tmp_path / "p/dataset.json").read_text())
    assert manifest["rows"]["posts"] == 2 and manifest["rows"]["signal_scores"] == 2
