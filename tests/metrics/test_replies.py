"""Void rate and time to reply on hand-built threads where the answer is known."""

from __future__ import annotations

import pytest

from kindscope.metrics import time_to_reply, void_rate
from kindscope.store.read import read_model

D = {"distress": 0.9, "upbeat": 0.1}
U = {"distress": 0.1, "upbeat": 0.9}
OTHER = {"distress": 0.1, "upbeat": 0.1}


def _thread_store(store_of):
    posts = [
        # d1: answered by ana after 2 h
        {"id": "d1", "author": "me", "hours": 0},
        {"id": "r1", "author": "ana", "hours": 2, "reply_to": "d1", "reply_to_author": "me"},
        # d2: first reply after 30 h: void at 24 h, answered at 7 d
        {"id": "d2", "author": "me", "hours": 10},
        {"id": "r2", "author": "ben", "hours": 40, "reply_to": "d2", "reply_to_author": "me"},
        # d3: only my own reply quickly, ana after 8 days: void at both
        {"id": "d3", "author": "me", "hours": 20},
        {"id": "s3", "author": "me", "hours": 21, "reply_to": "d3", "reply_to_author": "me"},
        {"id": "r3", "author": "ana", "hours": 20 + 8 * 24, "reply_to": "d3",
         "reply_to_author": "me"},
        # d4: deleted post of mine with a reply: left out entirely
        {"id": "d4", "author": "me", "hours": 30, "deleted": True},
        {"id": "r4", "author": "ben", "hours": 31, "reply_to": "d4", "reply_to_author": "me"},
        # u1: upbeat, answered in 1 h (supportive); u2 upbeat, never answered
        {"id": "u1", "author": "me", "hours": 50},
        {"id": "r5", "author": "cy", "hours": 51, "reply_to": "u1", "reply_to_author": "me"},
        {"id": "u2", "author": "me", "hours": 60},
        # d5: too recent for the 7 d window (data ends at hour 400), answered at 24 h? no
        {"id": "d5", "author": "me", "hours": 300},
        # a reply of mine to someone else: not one of "my posts"
        {"id": "x1", "author": "ana", "hours": 5},
        {"id": "m1", "author": "me", "hours": 6, "reply_to": "x1", "reply_to_author": "ana"},
    ]
    scores = {p: D for p in ("d1", "d2", "d3", "d4", "d5")} | {"u1": U, "u2": U}
    scores |= {"r1": {"support": 0.2}, "r2": {"support": 0.8}, "r3": {"support": 0.9},
               "r5": {"support": 0.7}, "s3": {"support": 0.99}, "m1": OTHER, "x1": D}
    return store_of(posts, scores, taken_hours=400)


def test_a_reply_read_as_toxic_or_hateful_is_no_answer(store_of):
    """As in the care queue: abuse under a painful post leaves it unanswered, counted apart;
    the time to the first answer skips it; a later kind reply is the answer."""
    posts = [{"id": "d1", "author": "me", "hours": 0},
             {"id": "t1", "author": "troll", "hours": 1, "reply_to": "d1"},
             {"id": "d2", "author": "me", "hours": 10},
             {"id": "t2", "author": "troll", "hours": 11, "reply_to": "d2"},
             {"id": "k2", "author": "ana", "hours": 15, "reply_to": "d2"},
             {"id": "d3", "author": "me", "hours": 20},
             {"id": "h3", "author": "bo", "hours": 21, "reply_to": "d3"}]
    scores = {"d1": D, "d2": D, "d3": D, "t1": {"toxicity": 0.95}, "t2": {"toxicity": 0.95},
              "k2": {"support": 0.9}, "h3": {"hate": 0.9}}
    rm = read_model(store_of(posts, scores, taken_hours=400))
    d = {g.group: g for g in void_rate(rm).groups}["distress"]
    assert (d.eligible_7d, d.unanswered_7d, d.hostile_only_7d) == (3, 2, 2)  # d1, d3
    assert [e.post_id for e in void_rate(rm).unanswered_distress] == ["d3", "d1"]
    times = {(t.group, t.kind): t for t in time_to_reply(rm).times}
    first = times[("distress", "any")]
    assert first.answered == 1 and first.median_hours == pytest.approx(5)  # k2, not t2


def test_void_rate_windows_self_replies_and_deleted_posts(store_of):
    result = void_rate(read_model(_thread_store(store_of)))
    assert result.availability.available
    groups = {g.group: g for g in result.groups}
    d = groups["distress"]
    assert d.posts == 4  # d1 d2 d3 d5; d4 is deleted
    assert (d.eligible_24h, d.unanswered_24h) == (4, 3)  # d2, d3, d5 void at 24 h
    assert (d.eligible_7d, d.unanswered_7d) == (3, 1)  # d5 too recent; only d3 void
    assert d.rate_7d == pytest.approx(1 / 3)
    u = groups["upbeat"]
    assert (u.posts, u.unanswered_24h, u.unanswered_7d) == (2, 1, 1)
    assert [e.post_id for e in result.unanswered_distress] == ["d3"]


def test_time_to_first_and_first_supportive_reply(store_of):
    result = time_to_reply(read_model(_thread_store(store_of)))
    times = {(t.group, t.kind): t for t in result.times}
    anyd = times[("distress", "any")]
    assert anyd.answered == 3  # d1 2 h, d2 30 h, d3 192 h (self-reply ignored)
    assert anyd.median_hours == pytest.approx(30)
    assert anyd.q1_hours == pytest.approx(16)
    kind = times[("distress", "supportive")]
    assert kind.answered == 2  # r1 is not supportive; s3 is mine
    assert kind.median_hours == pytest.approx((30 + 192) / 2)
    assert times[("upbeat", "any")].median_hours == pytest.approx(1)


def test_only_my_own_posts_means_not_available(store_of):
    store = store_of([{"id": "a", "author": "me", "hours": 0},
                      {"id": "b", "author": "me", "hours": 1, "reply_to": "zz",
                       "reply_to_author": "someone"}], {"a": D, "b": OTHER}, fmt="x-archive")
    corpus = read_model(store)
    for result in (void_rate(corpus), time_to_reply(corpus)):
        assert not result.availability.available
        assert "does not hold other people's replies" in result.availability.reason


def test_without_scores_every_post_is_other(store_of):
    store = store_of([{"id": "a", "author": "me", "hours": 0},
                      {"id": "r", "author": "ana", "hours": 1, "reply_to": "a"}],
                     taken_hours=500)
    corpus = read_model(store)
    groups = {g.group: g for g in void_rate(corpus).groups}
    assert groups["other"].posts == 1 and groups["other"].unanswered_7d == 0
    assert not time_to_reply(corpus).availability.available


def test_me_by_handle_overrides_owner(store_of):
    store = store_of([{"id": "a", "author": "ana", "hours": 0}])
    store.execute("INSERT INTO accounts (platform, account_id, handle) VALUES "
                  "('generic', 'ana', '@Ana_K')")
    assert read_model(store, "ana_k").me == "ana"
    assert read_model(store, "@ANA_K").me == "ana"
    assert read_model(store).me == "me"


def test_words_that_tell_me_to_die_are_no_answer_however_the_model_read_them(store_of):
    """"kill yourself then, nobody would miss you" under a painful post reads as a crisis
    (0.63) and not as toxic (0.40), so the void rate took it for an answer, and the time
    to reply for the first one, while the inbox and the care queue said it uses words that
    tell someone to die (stop 45's open item). `kindscope score` now stores the rule's
    reading beside the scores (``death_wish``), and the read model counts such a reply as
    hostile: no answer, counted in ``hostile_only_7d``. Scored here by the shipped model."""
    from kindscope.signals.store_scoring import score_store

    posts = [{"id": "d1", "author": "me", "hours": 0,
              "text": "i can't keep doing this, everything hurts and i'm so tired"},
             {"id": "w1", "author": "troll", "hours": 1, "reply_to": "d1",
              "reply_to_author": "me", "text": "kill yourself then, nobody would miss you"},
             {"id": "d2", "author": "me", "hours": 10,
              "text": "i can't keep doing this, everything hurts and i'm so tired"},
             {"id": "k2", "author": "ana", "hours": 12, "reply_to": "d2",
              "reply_to_author": "me", "text": "i'm here for you, you matter so much"}]
    store = store_of(posts, taken_hours=400)
    score_store(store)
    wish = dict(store.rows("SELECT post_id, score FROM signal_scores "
                           "WHERE signal = 'death_wish'"))
    toxicity = store.scalar("SELECT score FROM signal_scores "
                            "WHERE signal = 'toxicity' AND post_id = 'w1'")
    assert wish == {"d1": 0.0, "w1": 1.0, "d2": 0.0, "k2": 0.0} and toxicity < 0.5
    rm = read_model(store)
    d = {g.group: g for g in void_rate(rm).groups}["distress"]
    assert (d.eligible_7d, d.unanswered_7d, d.hostile_only_7d) == (2, 1, 1)
    assert [e.post_id for e in void_rate(rm).unanswered_distress] == ["d1"]
    first = {(t.group, t.kind): t for t in time_to_reply(rm).times}[("distress", "any")]
    assert first.answered == 1 and first.median_hours == pytest.approx(2)  # k2 alone


def test_senders_of_words_that_tell_me_to_die_are_named_and_never_called_kind(store_of):
    """A review (2026-12-06): three death wishes read as their writer's crisis named no
    one under "Harshness aimed at you", and their sender, with one warm reply, could be
    listed among "the people who showed up most often with kindness". The stored
    ``death_wish`` reading names them (two or more, as for hostile readings) and keeps
    them out of that list, as ``unoffered`` keeps them out of "People who reply to you"."""
    from kindscope.metrics import kindness_received, toxicity_received
    from kindscope.store import aggregates

    posts = [{"id": f"d{i}", "author": "me", "hours": 10 * i} for i in range(3)]
    posts += [{"id": f"w{i}", "author": "troll", "hours": 10 * i + 1, "reply_to": f"d{i}",
               "reply_to_author": "me"} for i in range(2)]
    posts += [{"id": "t2", "author": "troll", "hours": 21, "reply_to": "d2",
               "reply_to_author": "me"},
              {"id": "k2", "author": "ana", "hours": 22, "reply_to": "d2",
               "reply_to_author": "me"}]
    wish = {"toxicity": 0.4, "crisis": 0.63, "death_wish": 1.0}
    scores = {f"d{i}": D for i in range(3)} | {"w0": wish, "w1": wish,
                                               "t2": {"support": 0.9}, "k2": {"support": 0.8}}
    rm = read_model(store_of(posts, scores, taken_hours=400))
    received = toxicity_received(rm)
    assert [(a.account_id, a.hostile, a.wish_words) for a in received.by_account] == [
        ("troll", 0, 2)]
    assert [a for a, _ in aggregates.top_responders(rm, 5)] == ["ana"]
    # and "Kindness you received" says them beside its shares (they were in no share)
    received = kindness_received(rm)
    assert (received.replies, received.wish_words, received.toxic_share) == (4, 2, 0.0)
