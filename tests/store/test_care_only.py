"""Posts of others fetched only for the care queue (``import --following``) are read by the
care queue alone: not by the read model's other views, the community view or an export
(README: "for the care queue only"; ``read_sql.CARE_ONLY``). Rows written by hand."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pyarrow.parquet as pq
import pytest
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


def _store(path=":memory:"):
    store = Store(path)
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


def test_network_and_evidence_leave_out_posts_fetched_for_the_care_queue():
    from kindscope.store.evidence import posts_by_author
    from kindscope.store.graph_edges import interaction_edges

    store = _store()
    # ben answers ana's fetched post in the fetched thread: a care-only reply
    add_post(store, "ben1", "ben", T + timedelta(hours=3), "you ok?", reply_to="ana1",
             reply_to_account="ana", platform="generic")
    _source(store, "ben1", "fetch")
    assert [r[1] for r in posts_by_author(store, "generic", "ana")] == ["ana2"]
    edges = interaction_edges(store, {"reply": 1.0, "mention": 1.0, "repost": 1.0,
                                      "like": 1.0}, "generic")
    pairs = set(zip(edges["source"].tolist(), edges["target"].tolist(), strict=True))
    assert ("ana", "me") in pairs and ("ben", "ana") not in pairs


def test_the_care_queue_still_reads_hostility_in_fetched_threads():
    """Two replies to me read as toxic, held only by --following, still keep their author
    out of my care queue as 'hostile' (the care queue's own views read every post)."""
    from kindscope.store.care import care_threads

    store = _store()
    for i in range(2):
        add_post(store, f"t{i}", "ana", T + timedelta(hours=4 + i), "you idiot",
                 reply_to="mine", reply_to_account="me", platform="generic")
        _source(store, f"t{i}", "fetch")
    add_scores(store, [(f"t{i}", "toxicity", 0.9) for i in range(2)], platform="generic")
    rm = read_model(store, "me", thresholds={"distress": 0.5, "toxicity": 0.5})
    try:
        assert rm.rows("SELECT account_id FROM {p}_hostile") == []  # the report's view
        rows = care_threads(rm, T + timedelta(days=1), T - timedelta(days=1), ["ana"],
                            ["ana"], False)
    finally:
        rm.close()
    assert [(r[0], r[5]) for r in rows] == [("ana1", "hostile")]


def test_scores_of_fetched_posts_alone_do_not_make_the_data_scored():
    """With only fetched posts scored, the platform reads as unscored (``scored``), and every
    post of mine is 'other', as with no scores at all (it was in no group, counted nowhere)."""
    from kindscope.store.aggregates import grouped_posts_sql

    store = Store(":memory:")
    _snapshot(store, "own", "generic")
    _snapshot(store, "fetch", "bluesky-following")
    add_post(store, "mine", "me", T, "a quiet day", platform="generic")
    _source(store, "mine", "own")
    add_post(store, "ana1", "ana", T, "i can't do this", platform="generic")
    _source(store, "ana1", "fetch")
    add_scores(store, [("ana1", "distress", 0.9)], platform="generic")
    rm = read_model(store, "me")
    try:
        assert not rm.scored
        assert rm.rows(f"SELECT post_id, grp FROM ({grouped_posts_sql()})") == [
            ("mine", "other")]
    finally:
        rm.close()


def _account(store, account_id, source="fetch"):
    """A profile, stored by the import ``source`` (the fetch for the care queue unless
    named)."""
    store.execute("INSERT INTO accounts (platform, account_id, handle) VALUES ('generic', ?, ?)",
                  [account_id, f"{account_id}.example"])
    store.execute("INSERT INTO account_sources VALUES ('generic', ?, ?)", [account_id, source])


def _with_strangers(store):
    """cat and dan reply to ana's fetched post in the fetched thread; cat is known only from
    there (two replies, a day apart), dan also liked my post; everyone has a profile."""
    for account in ("me", "ana", "cat", "dan"):
        _account(store, account)
    for post_id, author, hours in (("cat1", "cat", 3), ("cat2", "cat", 27), ("dan1", "dan", 3)):
        add_post(store, post_id, author, T + timedelta(hours=hours), "you ok?",
                 reply_to="ana1", reply_to_account="ana", platform="generic")
        _source(store, post_id, "fetch")
    store.execute("INSERT INTO reactions VALUES ('generic', 'dan', 'mine', 'like', NULL)")
    return store


def test_stats_count_posts_fetched_for_the_care_queue_apart():
    from kindscope.store.queries import stats

    counts = stats(_with_strangers(_store()))
    assert (counts["posts"], counts["replies"], counts["scored_posts"]) == (2, 1, 2)
    assert counts["care_only_posts"] == 4  # ana1, cat1, cat2, dan1
    assert counts["accounts"] == 3  # cat is known only through fetched posts


def test_accounts_known_only_through_fetched_posts_are_not_exported(tmp_path):
    store = _with_strangers(_store())
    export_tables(store, tmp_path / "j", "jsonl")
    handles = [json.loads(line)["handle"]
               for line in (tmp_path / "j/accounts.jsonl").read_text().splitlines()]
    assert sorted(handles) == ["ana.example", "dan.example", "me.example"]
    export_tables(store, tmp_path / "p", "parquet")
    assert sorted(pq.read_table(tmp_path / "p/accounts.parquet").column("account_id")
                  .to_pylist()) == ["ana", "dan", "me"]


def test_forgetting_fetched_posts_forgets_the_accounts_known_only_through_them():
    from kindscope.store.care import forget_fetched

    store = _with_strangers(_store())

    def accounts():
        return sorted(r[0] for r in store.rows("SELECT account_id FROM accounts"))

    assert forget_fetched(store, T + timedelta(hours=12)) == 3  # ana1, cat1, dan1
    assert accounts() == ["ana", "cat", "dan", "me"]  # cat2 is still in the window
    assert forget_fetched(store, None) == 1  # cat2
    assert accounts() == ["ana", "dan", "me"]
    assert sorted(r[0] for r in store.rows("SELECT post_id FROM posts")) == ["ana2", "mine"]


@pytest.mark.parametrize("relation", ["owner", "follower", "blocked", "addressed",
                                      "mentioned by id", "mentioned by handle", "author"])
def test_an_account_my_own_data_names_is_kept(tmp_path, relation):
    """cat replies in a fetched thread, and my own data names cat too: cat's profile is mine
    to export and is not forgotten with the fetched posts."""
    from kindscope.store.care import forget_fetched

    store = _with_strangers(_store())
    if relation == "owner":
        _snapshot(store, "cats", "generic", owner="cat")
    elif relation == "follower":
        add_follows(store, "own", [("cat", "me")], platform="generic")
    elif relation == "blocked":
        store.execute("INSERT INTO blocks VALUES ('generic', 'me', 'cat', 'block', 'own', NULL)")
    else:
        to = "cat" if relation == "addressed" else None
        add_post(store, "mine2", "cat" if relation == "author" else "me", T, "thanks",
                 reply_to_account=to, platform="generic")
        _source(store, "mine2", "own")
        if relation.startswith("mentioned"):
            name = "cat" if relation == "mentioned by id" else "@Cat.example"
            store.execute("UPDATE posts SET mentions = [?] WHERE post_id = 'mine2'", [name])
    export_tables(store, tmp_path / "j", "jsonl")
    exported = [json.loads(line)["account_id"]
                for line in (tmp_path / "j/accounts.jsonl").read_text().splitlines()]
    assert "cat" in exported
    forget_fetched(store, None)
    assert store.scalar("SELECT count(*) FROM accounts WHERE account_id = 'cat'") == 1


def test_import_summary_never_counts_care_only_posts_down(run, tmp_path):
    """A post fetched for the care queue that an import of mine then holds becomes mine to
    read: the summary says one post added, and nothing about the care queue's count."""
    db = tmp_path / "k.duckdb"
    store = Store(db)
    _snapshot(store, "fetch", "bluesky-following")
    add_post(store, "ana1", "ana", T, "i can't do this", platform="generic")
    _source(store, "ana1", "fetch")
    store.close()
    own = tmp_path / "own.jsonl"
    own.write_text(json.dumps({"type": "meta", "owner": "me"}) + "\n" + json.dumps(
        {"id": "ana1", "author": "ana", "created_at": T.isoformat(),
         "text": "i can't do this"}) + "\n")
    result = run("import", own, "--db", db)
    assert result.exit_code == 0, result.output
    assert ", 1 posts," in result.stdout and "care queue" not in result.stdout


@pytest.mark.parametrize("source", ["own", "legacy"])
def test_a_profile_my_own_import_holds_is_kept_though_nothing_else_names_it(tmp_path, source):
    """bob's profile came from my own import (a members list: an account record with no
    follow, post or reaction), or was stored before imports were recorded; bob then replies
    in a fetched thread: the profile is mine, exported, and never deleted with the fetched
    posts (a code review, 2026-12-06)."""
    from kindscope.store.care import forget_fetched

    store = _store()
    _account(store, "bob", source=source)
    add_post(store, "bob1", "bob", T + timedelta(hours=3), "hang in there", reply_to="ana1",
             reply_to_account="ana", platform="generic")
    _source(store, "bob1", "fetch")
    export_tables(store, tmp_path / "j", "jsonl")
    assert "bob" in [json.loads(line)["account_id"]
                     for line in (tmp_path / "j/accounts.jsonl").read_text().splitlines()]
    forget_fetched(store, None)
    assert store.scalar("SELECT handle FROM accounts WHERE account_id = 'bob'") == "bob.example"


def test_a_look_at_another_time_or_a_narrow_window_forgets_nothing_it_should_keep(tmp_path,
                                                                                  run):
    """`care --as-of 2030-...` said it could not look, yet deleted every fetched post, and
    `care --days 0.1` everything older than 2.4 hours (a review, 2026-12-06): what is
    forgotten counts from the end of the data over at least the default window."""
    db = tmp_path / "k.duckdb"
    _store(str(db)).close()

    def fetched():
        with Store(db) as store:
            return store.scalar("SELECT count(*) FROM posts WHERE post_id = 'ana1'")

    for args in (("--as-of", "2030-01-01T00:00:00Z"), ("--days", "0.1")):
        assert run("care", "--db", db, *args).exit_code == 0, args
        assert fetched() == 1, args
    missing = tmp_path / "none.duckdb"  # a mistyped path: no new database, no false "0"
    result = run("care", "--forget", "--db", missing)
    assert result.exit_code == 0 and "no database at" in result.stdout
    assert not missing.exists()
    assert run("care", "--forget", "--db", db).exit_code == 0 and fetched() == 0
