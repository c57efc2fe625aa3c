"""Reciprocity against igraph and networkx, on hand-built graphs and a real follower graph."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np
import pytest
from storedata import add_follows, add_post, add_rule_readings, add_scores, add_snapshot

from kindscope.graph import (
    account_reciprocity,
    follow_graph,
    global_reciprocity,
    graph_from_edges,
    owner_reciprocity,
)
from kindscope.store.read import read_model

ANWAR = (Path(__file__).resolve().parents[3] / "shared" / "data" /
         "twitter-follow-graphs-anwar2021" / "raw_data" / "twitter_graphs")


def _check_against_libraries(edges):
    graph = graph_from_edges(["x"] * len(edges), [a for a, _ in edges], [b for _, b in edges])
    nxg = nx.DiGraph()
    nxg.add_edges_from((a, b) for a, b in edges if a != b)
    expected_nx = nx.overall_reciprocity(nxg)
    expected_ig = ig.Graph.TupleList([(a, b) for a, b in set(edges) if a != b],
                                     directed=True).reciprocity()
    assert global_reciprocity(graph) == pytest.approx(expected_nx)
    assert global_reciprocity(graph) == pytest.approx(expected_ig)
    return graph, nxg


def test_small_graph_matches_igraph_and_networkx():
    edges = [("a", "b"), ("b", "a"), ("a", "c"), ("c", "d"), ("d", "c"), ("d", "a"),
             ("a", "b"), ("e", "e")]
    graph, _ = _check_against_libraries(edges)
    assert global_reciprocity(graph) == pytest.approx(4 / 6)


@pytest.mark.skipif(not ANWAR.exists(), reason="../shared data not present")
def test_real_follower_graph_matches_networkx():
    data = json.loads((ANWAR / "hersheycareers.json").read_text())
    edges = [(str(a), str(b)) for a, b in data["edges"]]
    graph, nxg = _check_against_libraries(edges)
    table = account_reciprocity(graph).to_pydict()
    # per account: mutual ties = successors that are also predecessors, as networkx sees it
    for i in range(0, len(table["account_id"]), 97):
        node = table["account_id"][i]
        mutual = len(set(nxg.successors(node)) & set(nxg.predecessors(node)))
        assert table["mutual"][i] == mutual
        assert table["out_degree"][i] == nxg.out_degree(node)


def test_empty_graph_has_no_reciprocity():
    assert global_reciprocity(graph_from_edges([], [], [])) is None


def test_account_reciprocity_by_hand():
    graph = graph_from_edges(["x"] * 3, ["a", "b", "a"], ["b", "a", "c"])
    t = account_reciprocity(graph).to_pydict()
    row = {a: (m, r) for a, m, r in zip(t["account_id"], t["mutual"], t["reciprocity"],
                                         strict=True)}
    assert row == {"a": (1, 0.5), "b": (1, 1.0), "c": (0, None)}


def test_owner_view(store):
    add_snapshot(store, "s1", owner="me")
    add_follows(store, "s1", [("me", "a"), ("a", "me"), ("me", "b"), ("me", "c"), ("d", "me")])
    t = datetime(2024, 1, 1, tzinfo=UTC)
    add_post(store, "p1", "me", t)
    add_post(store, "r1", "me", t, reply_to="q", reply_to_account="b")
    add_post(store, "r2", "me", t, reply_to="q", reply_to_account="b")
    add_post(store, "r3", "me", t, reply_to="q2", reply_to_account="a")
    add_post(store, "r4", "a", t + timedelta(1), reply_to="p1", reply_to_account="me")
    add_post(store, "r5", "d", t + timedelta(1), reply_to="p1", reply_to_account="me")
    # offered only for replies read as neither toxic nor hateful (a reply not read vouches
    # for no one)
    add_scores(store, [("r5", "toxicity", 0.01), ("r5", "hate", 0.01)], version="test-1")
    view = owner_reciprocity(read_model(store), follow_graph(store))
    assert view.follows == 3 and view.followers == 2
    assert view.not_following_back == ("b", "c")
    assert view.unreturned_replies == (("b", 2),)
    assert view.unanswered_repliers == (("d", 1),)


def test_latest_snapshot_per_owner(store):
    add_snapshot(store, "old", owner="me", taken=datetime(2023, 1, 1, tzinfo=UTC))
    add_snapshot(store, "new", owner="me", taken=datetime(2024, 1, 1, tzinfo=UTC))
    add_follows(store, "old", [("me", "a"), ("me", "gone")])
    add_follows(store, "new", [("me", "a"), ("me", "b")])
    latest = follow_graph(store)
    assert sorted(latest.keys()) == ["a", "b", "me"]
    union = follow_graph(store, snapshots="all")
    assert sorted(union.keys()) == ["a", "b", "gone", "me"]
    assert np.isclose(global_reciprocity(latest) or 0.0, 0.0)


def _score(store, pid, toxicity=0.01, hate=0.01):
    add_scores(store, [(pid, "toxicity", toxicity), (pid, "hate", hate)], version="test-1")


def test_hostile_needs_two_readings_and_hostile_replies_are_not_offered(store):
    # One reading never makes an account hostile (it leaves a friend out of the care
    # queue), but a one-off hostile replier is still not offered under "People who reply to
    # you": an account is offered only when its posts to me that read as neither toxic nor
    # hateful outnumber those that do (or none does), and the count is of the former.
    add_snapshot(store, "s1", owner="me")
    add_follows(store, "s1", [("me", "a")])
    t = datetime(2024, 1, 1, tzinfo=UTC)
    add_post(store, "p1", "me", t)
    _score(store, "p1")
    replies = {"troll": [(0.97, 0.01)], "misread": [(0.01, 0.95)],
               "hater": [(0.01, 0.95), (0.01, 0.95)], "mixed": [(0.97, 0.01), (0.01, 0.95),
                                                              (0.01, 0.01)],
               "friend": [(0.97, 0.01), (0.01, 0.01), (0.01, 0.01)], "kind": [(0.01, 0.01)],
               # replies not read: they count for neither side, and vouch for no one (a
               # German harasser's four unread replies offered him: a review, 2026-12-06)
               "troll2": [(0.97, 0.01), None, None], "abroad": [None, None],
               "even": [(0.01, 0.95), (0.01, 0.01)],
               # two hostile posts are never outweighed
               "stalker": [(0.97, 0.01), (0.97, 0.01), (0.01, 0.01), (0.01, 0.01),
                           (0.01, 0.01)]}
    for author, readings in replies.items():
        for i, reading in enumerate(readings):
            pid = f"{author}{i}"
            add_post(store, pid, author, t + timedelta(hours=i + 1), reply_to="p1",
                     reply_to_account="me")
            if reading:
                _score(store, pid, *reading)
    rm = read_model(store)
    try:
        assert rm.hostile_accounts() == {"hater", "mixed"}
        view = owner_reciprocity(rm, follow_graph(store))
    finally:
        rm.close()
    assert view.unanswered_repliers == (("friend", 2), ("kind", 1))


def test_senders_of_words_that_tell_me_to_die_are_never_offered(store):
    """A review (2026-12-06): five "go unalive yourself" replies the model read as neither
    toxic nor hateful made a pile-on, and their three senders were offered under "People who
    reply to you" as people one might like to know better. An account that sent such words
    is never offered (the inbox's rule), whatever the model read; "take care of yourself"
    holds the rule's cue words and is not such words."""
    add_snapshot(store, "s1", owner="me")
    add_follows(store, "s1", [("me", "a")])
    t = datetime(2024, 1, 1, tzinfo=UTC)
    add_post(store, "p1", "me", t)
    _score(store, "p1")
    texts = {"wisher": ["great pic", "go unalive yourself"], "carer": ["take care of yourself"],
             "kind": ["lovely"]}
    for author, said in texts.items():
        for i, text in enumerate(said):
            pid = f"{author}{i}"
            add_post(store, pid, author, t + timedelta(hours=i + 1), text, reply_to="p1",
                     reply_to_account="me")
            _score(store, pid, toxicity=0.44)
    add_rule_readings(store, "test-1")  # as `kindscope score` stores them beside the scores
    rm = read_model(store)
    try:
        view = owner_reciprocity(rm, follow_graph(store))
    finally:
        rm.close()
    assert view.unanswered_repliers == (("carer", 1), ("kind", 1))


def test_replies_not_read_offer_no_one(store):
    """A review (2026-12-06): four German replies, all abuse, none read (another language),
    offered their sender as "4 replies" under "People who reply to you". The function said a
    reply not read counts for neither side; the query counted it as read as neither."""
    add_snapshot(store, "s1", owner="me")
    add_follows(store, "s1", [("me", "a")])
    t = datetime(2024, 1, 1, tzinfo=UTC)
    add_post(store, "p1", "me", t)
    _score(store, "p1")
    for i in range(4):
        add_post(store, f"de{i}", "wahrheit", t + timedelta(hours=i + 1), "Geh doch sterben",
                 reply_to="p1", reply_to_account="me")
        store.execute("INSERT INTO post_languages (platform, post_id, model_version, lang, "
                      "is_read) VALUES ('x', ?, 'test-1', 'de', false)", [f"de{i}"])
    add_post(store, "en0", "kind", t + timedelta(hours=6), "lovely", reply_to="p1",
             reply_to_account="me")
    _score(store, "en0")
    rm = read_model(store)
    try:
        view = owner_reciprocity(rm, follow_graph(store))
    finally:
        rm.close()
    assert view.unanswered_repliers == (("kind", 1),)
