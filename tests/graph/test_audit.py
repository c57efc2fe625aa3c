"""Unfollow audit and the latest follow graph when snapshots carry different directions.

Hand-built rows written with SQL (tests/storedata.py); the snapshot formats are set to the
importers' names so the format rule applies (a Bluesky CAR holds only the owner's follows).
"""

from __future__ import annotations

from datetime import UTC, datetime

from storedata import add_follows, add_snapshot

from kindscope.graph import follow_graph, unfollow_audit
from kindscope.graph.analysis import analyse_network
from kindscope.graph.build import snapshot_directions
from kindscope.report.html_network import network_html
from kindscope.report.network import network_section
from kindscope.store.read import read_model

JAN, FEB = datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 2, 1, tzinfo=UTC)


def _snapshot(store, sid, fmt, taken, edges, platform="bluesky"):
    add_snapshot(store, sid, platform=platform, owner="me", taken=taken)
    store.execute("UPDATE snapshots SET format = ? WHERE snapshot_id = ?", [fmt, sid])
    add_follows(store, sid, edges, platform=platform)


def _online_then_car(store):
    """An online import (both directions), then a newer CAR (only my follows)."""
    online = [(f"f{i}", "me") for i in range(15)] + [("me", "a"), ("me", "b")]
    _snapshot(store, "api", "bluesky-api", JAN, online)
    _snapshot(store, "car", "bluesky-car", FEB, [("me", "a"), ("me", "c")])


def test_directions_by_rows_and_format(store):
    _online_then_car(store)
    # a CSV export with a (hypothetical) row into me still carries no followers
    _snapshot(store, "csv", "mastodon-csv", JAN, [("me", "x"), ("y", "me")],
              platform="mastodon")
    _snapshot(store, "xa", "x-archive", JAN, [("me", "x")], platform="x")
    got = snapshot_directions(store, ["api", "car", "csv", "xa", "missing"])
    assert got == {"api": {"followers", "following"}, "car": {"following"},
                   "csv": {"following"}, "xa": {"following"}, "missing": frozenset()}


def test_car_after_online_import_reports_no_lost_followers(store):
    _online_then_car(store)
    audit = unfollow_audit(store, "bluesky", "me")
    assert (audit.before, audit.after) == ("api", "car")
    assert audit.unfollowed_me == () and audit.new_followers == ()
    assert audit.compared == ("following",) and audit.not_compared == ("followers",)
    assert audit.i_stopped_following == ("b",) and audit.i_started_following == ("c",)
    assert audit.bursts == ()


def test_latest_graph_keeps_followers_from_older_snapshot(store):
    _online_then_car(store)
    graph = follow_graph(store)
    edges = {(graph.key(e.source), graph.key(e.target)) for e in graph.graph.es}
    assert {(f"f{i}", "me") for i in range(15)} <= edges
    assert ("me", "a") in edges and ("me", "c") in edges
    assert ("me", "b") not in edges  # the newer CAR dropped it
    assert len(edges) == 17


def test_newer_snapshot_with_both_directions_replaces_both(store):
    _online_then_car(store)
    _snapshot(store, "api2", "bluesky-api", datetime(2024, 3, 1, tzinfo=UTC),
              [("f0", "me"), ("me", "a")])
    graph = follow_graph(store)
    edges = {(graph.key(e.source), graph.key(e.target)) for e in graph.graph.es}
    assert edges == {("f0", "me"), ("me", "a")}
    audit = unfollow_audit(store, "bluesky", "me")  # car -> api2
    assert audit.not_compared == ("followers",) and audit.i_stopped_following == ("c",)
    full = unfollow_audit(store, "bluesky", "me", before="api", after="api2")
    assert full.not_compared == ()
    assert full.unfollowed_me == tuple(sorted(f"f{i}" for i in range(1, 15)))
    assert [b.kind for b in full.bursts] == ["lost_followers"]


def test_x_archive_without_follower_file(store):
    both = [(f"f{i}", "me") for i in range(12)] + [("me", "a")]
    _snapshot(store, "x1", "x-archive", JAN, both, platform="x")
    _snapshot(store, "x2", "x-archive", FEB, [("me", "a")], platform="x")
    audit = unfollow_audit(store, "x", "me")
    assert audit.unfollowed_me == () and audit.bursts == ()
    assert audit.not_compared == ("followers",)


def test_both_directions_find_real_unfollows_and_bursts(store):
    before = [(f"f{i}", "me") for i in range(15)] + [("me", f"x{i}") for i in range(12)]
    after = [("f0", "me"), ("new", "me"), ("me", "x0")]
    _snapshot(store, "s1", "x-archive", JAN, before, platform="x")
    _snapshot(store, "s2", "x-archive", FEB, after, platform="x")
    audit = unfollow_audit(store, "x", "me")
    assert audit.compared == ("followers", "following") and audit.not_compared == ()
    assert audit.unfollowed_me == tuple(sorted(f"f{i}" for i in range(1, 15)))
    assert audit.new_followers == ("new",)
    assert audit.i_stopped_following == tuple(sorted(f"x{i}" for i in range(1, 12)))
    assert [(b.kind, b.count) for b in audit.bursts] == [("lost_followers", 14),
                                                          ("stopped_following", 11)]
    store.execute("INSERT INTO blocks VALUES ('x', 'me', 'f5', 'block', 's2', NULL)")
    assert [b.kind for b in unfollow_audit(store, "x", "me").bursts] == ["stopped_following"]


def test_json_and_report_say_what_was_not_compared(store):
    _online_then_car(store)
    owner = analyse_network(store, read_model(store)).to_dict()["owners"][0]
    assert owner["audit"]["not_compared"] == ("followers",)
    assert owner["audit"]["unfollowed_me"] == ()
    piece = network_section(read_model(store), {})["unfollow_audit"]
    assert piece["available"] and piece["not_compared"] == ["followers"]
    assert piece["unfollowed_me"] is None and piece["i_stopped_following"] == 1
    page = network_html(network_section(read_model(store), {}))
    assert "Not compared: who follows you" in page
    assert "stopped following you" not in page


def test_one_archive_as_a_folder_and_as_its_zip_is_one_look(store):
    """The same X archive imported unpacked and then as its zip: two sources, one time of
    taking and the same follows, so no "0 accounts stopped following you" between them (a
    user's-eye review on the real archive, 2026-12-06); a later look with the same follows
    is still compared."""
    edges = [("me", "a"), ("a", "me")]
    for sid, source in (("folder", "twitter-2022"), ("zip", "twitter-2022.zip")):
        _snapshot(store, sid, "x-archive", JAN, edges, platform="x")
        store.execute("UPDATE snapshots SET source = ? WHERE snapshot_id = ?", [source, sid])
    assert unfollow_audit(store, "x", "me") is None
    _snapshot(store, "later", "x-archive", FEB, edges, platform="x")
    audit = unfollow_audit(store, "x", "me")
    assert (audit.before, audit.after) == ("zip", "later") and audit.unfollowed_me == ()


def test_one_archive_imported_twice_is_one_look_at_the_follow_lists(store):
    """The same X archive imported with and without --include-dms: two snapshots of one
    source and the same follows, not an older and a newer look to compare (a user's-eye
    review); a later archive of the same name with other follows is compared."""
    edges = [("me", "a"), ("a", "me")]
    for sid in ("with_dms", "without_dms"):
        _snapshot(store, sid, "x-archive", None, edges, platform="x")
        store.execute("UPDATE snapshots SET source = 'twitter.zip' WHERE snapshot_id = ?", [sid])
    assert unfollow_audit(store, "x", "me") is None
    _snapshot(store, "later", "x-archive", None, [("me", "a")], platform="x")
    store.execute("UPDATE snapshots SET source = 'twitter.zip' WHERE snapshot_id = 'later'")
    audit = unfollow_audit(store, "x", "me")
    assert (audit.before, audit.after) == ("without_dms", "later")
