"""Whose posts, whose replies: "me", my posts vs my conversations, and when replies from
others can be seen. Hand-built stores (SQL through ``make_store``) and the real X archives
in ../shared/fixtures (skipped when missing)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kindscope.errors import InputError
from kindscope.ingest import import_sources
from kindscope.metrics import (
    kindness_given,
    kindness_received,
    time_to_reply,
    toxicity_received,
    void_rate,
)
from kindscope.report.build import build_report
from kindscope.store.db import Store
from kindscope.store.read import read_model, resolve_me

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"
D = {"distress": 0.9, "upbeat": 0.1, "toxicity": 0.1, "support": 0.1}
U = {"distress": 0.1, "upbeat": 0.9}


def _reply_metrics(corpus):
    return (void_rate(corpus), time_to_reply(corpus), kindness_received(corpus),
            toxicity_received(corpus))


# -- 1. replies visible -----------------------------------------------------------------------
def _two_owners(store_of, fmt: str, extra: list[dict] = ()):
    """My archive and another person's in one store: ana's posts reply to ben, not to me."""
    posts = [{"id": "m1", "author": "me", "hours": 0},
             {"id": "m2", "author": "me", "hours": 5},
             {"id": "a1", "author": "ana", "hours": 1},
             {"id": "a2", "author": "ana", "hours": 2, "reply_to": "b1",
              "reply_to_author": "ben"}, *extra]
    store = store_of(posts, {p["id"]: D for p in posts}, fmt=fmt, taken_hours=500)
    store.execute("INSERT INTO snapshots VALUES ('s2', 'generic', 'ana.zip', ?, 'ana', NULL, "
                  "?, NULL)", [fmt, datetime(2024, 1, 1, tzinfo=UTC)])
    return store


@pytest.mark.parametrize("fmt", ["x-archive", "mastodon-archive", "bluesky-car"])
def test_other_owners_posts_do_not_make_replies_visible(store_of, fmt):
    corpus = read_model(_two_owners(store_of, fmt))
    for result in _reply_metrics(corpus):
        assert not result.availability.available
        assert "does not hold other people's" in result.availability.reason


def test_a_reply_to_my_post_by_someone_else_makes_replies_visible(store_of):
    reply = {"id": "a3", "author": "ana", "hours": 3, "reply_to": "m1"}
    corpus = read_model(_two_owners(store_of, "x-archive", [reply]))
    groups = {g.group: g for g in void_rate(corpus).groups}
    assert (groups["distress"].posts, groups["distress"].unanswered_24h) == (2, 1)


@pytest.mark.parametrize("fmt", ["bluesky-api", "mastodon-api", "jetstream", "generic"])
def test_formats_that_carry_replies_make_them_visible(store_of, fmt):
    store = store_of([{"id": "m1", "author": "me", "hours": 0}], {"m1": D}, fmt=fmt)
    corpus = read_model(store)
    assert all(r.availability.available for r in _reply_metrics(corpus))


def test_two_real_x_archives_in_one_store_are_not_a_void(tmp_path):
    """The reviewer's repro: x-archive-full + x-archive-mini in one database."""
    sources = [FIXTURES / "x-archive-full", FIXTURES / "x-archive-mini"]
    if not all(s.exists() for s in sources):
        pytest.skip("X archive fixtures missing")
    store = Store(tmp_path / "x.duckdb")
    try:
        import_sources(store, [str(s) for s in sources])
        rm = read_model(store, "andreruffert")
        assert rm.scalar("SELECT count(*) FROM {p}_posts p, {p}_params k "
                         "WHERE p.author_id <> k.me") > 0
        assert not void_rate(rm).availability.available
    finally:
        store.close()


# -- 2. my posts vs my conversations ---------------------------------------------------------
def _chains(store_of):
    posts = [
        {"id": "t0", "author": "me", "hours": 0},  # an original post
        {"id": "t1", "author": "me", "hours": 1, "reply_to": "t0", "reply_to_author": "me"},
        {"id": "t2", "author": "me", "hours": 2, "reply_to": "t1"},  # my thread goes on
        {"id": "a0", "author": "ana", "hours": 3},
        {"id": "r1", "author": "me", "hours": 4, "reply_to": "a0", "reply_to_author": "ana"},
        {"id": "r2", "author": "me", "hours": 5, "reply_to": "r1", "reply_to_author": "me"},
        {"id": "r3", "author": "me", "hours": 6, "reply_to": "r2", "reply_to_author": "me"},
        # parent missing from the data, naming bob: a reply; its continuation too
        {"id": "g1", "author": "me", "hours": 7, "reply_to": "gone", "reply_to_author": "bob"},
        {"id": "g2", "author": "me", "hours": 8, "reply_to": "g1", "reply_to_author": "me"},
        # parent missing, naming me: my own (deleted) thread
        {"id": "s1", "author": "me", "hours": 9, "reply_to": "gone2", "reply_to_author": "me"},
        # my reply to ana's reply to my post: a conversation
        {"id": "a1", "author": "ana", "hours": 10, "reply_to": "t0"},
        {"id": "c1", "author": "me", "hours": 11, "reply_to": "a1"},
        {"id": "rp", "author": "me", "hours": 12, "kind": "repost"},
    ]
    return store_of(posts, {p["id"]: D for p in posts})


def _ids(rm, view):
    return [r[0] for r in rm.rows(f"SELECT post_id FROM {{p}}_{view} ORDER BY created_at")]


def test_continuations_of_my_replies_are_not_my_posts(store_of):
    rm = read_model(_chains(store_of))
    assert _ids(rm, "mine") == ["t0", "t1", "t2", "s1"]
    assert _ids(rm, "my_replies") == ["r1", "r2", "r3", "g1", "g2", "c1"]


def test_kindness_given_times_only_replies_to_others(store_of):
    result = kindness_given(read_model(_chains(store_of)))
    assert result.replies == 6
    assert (result.replies_with_parent, result.replies_timed) == (2, 2)  # r1 -> a0, c1 -> a1
    assert result.median_reply_hours == pytest.approx(1)


def test_long_chains_and_cycles_are_walked_in_the_engine():
    """A 3,000-long chain of my self-replies under a reply to ana, 4,000 threads of my own,
    and a cycle of my posts (malformed data): the verdicts are right and nothing loops."""
    store = Store(":memory:")
    try:
        t = datetime(2024, 1, 1, tzinfo=UTC)
        store.execute("INSERT INTO snapshots VALUES ('s', 'generic', 'x', 'generic', 'me', "
                      "NULL, ?, NULL)", [t])
        rows = [("a", "ana", None, None), ("c0", "me", "a", "ana")]
        rows += [(f"c{i}", "me", f"c{i - 1}", "me") for i in range(1, 3000)]
        rows += [(f"o{i}", "me", f"o{i - 1}" if i % 4 else None, None) for i in range(4000)]
        rows += [("y1", "me", "y2", None), ("y2", "me", "y1", None)]
        store.con.executemany(
            "INSERT INTO posts (platform, post_id, author_id, created_at, kind, "
            "reply_to_post_id, reply_to_account_id) VALUES ('generic', ?, ?, ?, 'post', ?, ?)",
            [(p, a, t, r, ra) for p, a, r, ra in rows])
        rm = read_model(store)
        assert rm.scalar("SELECT count(*) FROM {p}_mine") == 4002  # o* and the cycle
        assert rm.scalar("SELECT count(*) FROM {p}_my_replies") == 3000
    finally:
        store.close()


# -- 3 and 4. who "me" is -------------------------------------------------------------------
def _accounts(store, rows):
    for platform, account_id, handle in rows:
        store.execute("INSERT INTO accounts (platform, account_id, handle) VALUES (?, ?, ?)",
                      [platform, account_id, handle])


def _snapshot(store, sid, platform, owner, hour, fmt="generic"):
    store.execute("INSERT INTO snapshots VALUES (?, ?, 'src', ?, ?, NULL, ?, NULL)",
                  [sid, platform, fmt, owner, datetime(2024, 5, 1, hour, tzinfo=UTC)])


def test_me_prefers_the_platform_where_the_handle_owns_an_import(store_of):
    store = store_of([])
    _accounts(store, [("bluesky", "did:plc:ana", "ana"), ("x", "42", "ana")])
    _snapshot(store, "s2", "x", "42", 1, "x-archive")
    assert resolve_me(store, "@ana") == ("x", "42")
    _snapshot(store, "s3", "bluesky", "did:plc:ana", 2, "bluesky-car")
    assert resolve_me(store, "ana") == ("bluesky", "did:plc:ana")  # the newest owned import


def test_me_matches_a_mastodon_handle_by_its_user_part(store_of):
    store = store_of([])
    _accounts(store, [("mastodon", "https://a.example/users/ana", "@ana@a.example"),
                      ("mastodon", "https://b.example/users/bo", "bo@b.example")])
    assert resolve_me(store, "@ana") == ("mastodon", "https://a.example/users/ana")
    assert resolve_me(store, "BO") == ("mastodon", "https://b.example/users/bo")
    assert resolve_me(store, "@ana@a.example")[1] == "https://a.example/users/ana"


def test_me_ambiguous_user_part_needs_the_full_handle(store_of):
    store = store_of([])
    _accounts(store, [("mastodon", "https://a.example/users/ana", "@ana@a.example"),
                      ("mastodon", "https://b.example/users/ana", "@ana@b.example")])
    with pytest.raises(InputError, match="several accounts"):
        resolve_me(store, "@ana")
    _snapshot(store, "s2", "mastodon", "https://b.example/users/ana", 1, "mastodon-archive")
    assert resolve_me(store, "@ana")[1] == "https://b.example/users/ana"


def test_placeholder_owner_of_a_newer_import_is_skipped(store_of):
    store = store_of([{"id": "a", "author": "me", "hours": 0}])  # owner "me", imported T0
    _snapshot(store, "s2", "mastodon", "self", 1, "mastodon-csv")
    _snapshot(store, "s3", "mastodon", None, 2, "mastodon-csv")
    assert resolve_me(store) == ("generic", "me")


def test_a_placeholder_owner_is_used_when_it_is_the_only_one():
    store = Store(":memory:")
    try:
        _snapshot(store, "s1", "mastodon", "self", 1, "mastodon-csv")
        assert resolve_me(store) == ("mastodon", "self")
    finally:
        store.close()


# -- 5. report.json agrees with M -----------------------------------------------------------
def test_report_my_posts_is_the_size_of_m(store_of):
    report = build_report(_chains(store_of))
    assert report["source"]["my_posts"] == 4  # t0 t1 t2 s1: no repost, replies or c1
    assert report["source"]["my_replies"] == 6
    assert report["void_rate"]["groups"][0]["posts"] == 4
