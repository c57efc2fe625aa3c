"""Kindness gap, after disclosure, kindness received/given, front stage, toxicity received."""

from __future__ import annotations

import pytest

from kindscope.metrics import (
    after_disclosure,
    front_back_stage,
    kindness_gap,
    kindness_given,
    kindness_received,
    toxicity_received,
)
from kindscope.metrics.engagement import MIN_GROUP
from kindscope.store.read import read_model

D = {"distress": 0.9, "upbeat": 0.1}
U = {"distress": 0.1, "upbeat": 0.9}


def _gap_store(store_of, n_distress, n_upbeat, distress_likes, upbeat_likes):
    posts, scores = [], {}
    for i in range(n_distress):
        posts.append({"id": f"d{i}", "author": "me", "hours": i, "likes": distress_likes[i]})
        scores[f"d{i}"] = D
    for i in range(n_upbeat):
        posts.append({"id": f"u{i}", "author": "me", "hours": 100 + i,
                      "likes": upbeat_likes[i]})
        scores[f"u{i}"] = U
    return store_of(posts, scores)


def test_kindness_gap_ratio_and_interval(store_of):
    store = _gap_store(store_of, 6, 6, [1, 1, 1, 1, 1, 1], [2, 2, 2, 2, 2, 2])
    gap = kindness_gap(read_model(store, seed=1))
    assert gap.ratio == pytest.approx(0.5)
    assert gap.ci_low == pytest.approx(0.5) and gap.ci_high == pytest.approx(0.5)
    assert (gap.distress_posts, gap.upbeat_posts) == (6, 6)


def test_kindness_gap_is_seeded_and_interval_covers_ratio(store_of):
    store = _gap_store(store_of, 8, 8, [0, 1, 0, 3, 0, 1, 2, 0], [4, 1, 6, 2, 5, 3, 0, 7])
    a, b = kindness_gap(read_model(store, seed=7)), kindness_gap(read_model(store, seed=7))
    assert a == b
    assert a.ci_low < a.ratio < a.ci_high
    assert a.ratio == pytest.approx((7 / 8) / (28 / 8))


def test_kindness_gap_says_not_enough_data(store_of):
    store = _gap_store(store_of, MIN_GROUP - 1, 9, [1] * 9, [1] * 9)
    gap = kindness_gap(read_model(store))
    assert gap.ratio is None and gap.note.startswith("not enough data")


def test_replies_and_reactions_count_as_engagement(store_of):
    posts = [{"id": f"d{i}", "author": "me", "hours": i} for i in range(5)]
    posts += [{"id": f"u{i}", "author": "me", "hours": 10 + i} for i in range(5)]
    posts += [{"id": "r", "author": "ana", "hours": 1, "reply_to": "d0"},
              {"id": "s", "author": "me", "hours": 1, "reply_to": "d1"}]  # self: not counted
    scores = {f"d{i}": D for i in range(5)} | {f"u{i}": U for i in range(5)}
    likes = [("ana", f"u{i}") for i in range(5)] + [("me", "d2")]  # my own like: not counted
    gap = kindness_gap(read_model(store_of(posts, scores, likes=likes)))
    assert gap.distress_mean == pytest.approx(1 / 5)
    assert gap.upbeat_mean == pytest.approx(1)


def test_a_reply_that_reads_as_abuse_is_no_engagement_but_is_a_response(store_of):
    """A pile-on under a painful post made it look well received (a user's-eye review,
    2026-12-06): abuse is no engagement, as it is no answer; but a post that got only abuse
    did not get "no response at all"."""
    from kindscope.metrics.response import no_response

    posts = [{"id": f"d{i}", "author": "me", "hours": i} for i in range(5)]
    posts += [{"id": f"u{i}", "author": "me", "hours": 10 + i} for i in range(5)]
    posts += [{"id": f"x{i}", "author": f"troll{i}", "hours": 1, "reply_to": "d0"}
              for i in range(4)]
    posts += [{"id": "k", "author": "ana", "hours": 2, "reply_to": "d1"}]
    posts += [{"id": "late", "author": "me", "hours": 24 * 30}]  # the data runs a month on
    scores = {f"d{i}": D for i in range(5)} | {f"u{i}": U for i in range(5)}
    scores |= {f"x{i}": {"toxicity": 0.9} for i in range(4)} | {"k": {"support": 0.9}}
    likes = [("ana", f"u{i}") for i in range(5)]
    rm = read_model(store_of(posts, scores, likes=likes))
    gap = kindness_gap(rm)
    assert gap.distress_mean == pytest.approx(1 / 5)  # the kind reply alone
    silent = {g.group: g for g in no_response(rm).groups}["distress"]
    assert (silent.posts, silent.no_response) == (5, 3)  # d0 (abuse only) and d1 had some


def test_after_disclosure_difference(store_of):
    posts, scores = [], {}
    for i in range(4):  # before: 3 likes each, one a day
        posts.append({"id": f"b{i}", "author": "me", "hours": 24 * i, "likes": 3})
        scores[f"b{i}"] = U
    posts.append({"id": "x", "author": "me", "hours": 24 * 5, "likes": 9})
    scores["x"] = {"distress": 0.95}
    for i in range(4):  # after: 1 like each
        posts.append({"id": f"a{i}", "author": "me", "hours": 24 * (6 + i), "likes": 1})
        scores[f"a{i}"] = U
    posts.append({"id": "late", "author": "me", "hours": 24 * 60, "likes": 50})  # > 4 weeks
    scores["late"] = U
    result = after_disclosure(read_model(store_of(posts, scores)))
    assert result.disclosure_post_id == "x"
    assert (result.before_posts, result.after_posts) == (4, 4)
    assert result.difference == pytest.approx(-2)
    assert result.ci_low == pytest.approx(-2) and result.ci_high == pytest.approx(-2)


def test_after_disclosure_compares_the_first_disclosure_with_posts_around_it(store_of):
    """Data that starts with a painful post compares nothing before it: the next such post
    with 3 posts in each window is compared, and the page says an earlier one was passed."""
    posts = [{"id": "x0", "author": "me", "hours": 0, "likes": 9}]  # the data's first post
    scores = {"x0": {"distress": 0.95}}
    for i in range(4):
        posts.append({"id": f"b{i}", "author": "me", "hours": 24 * (1 + i), "likes": 3})
        scores[f"b{i}"] = U
    posts.append({"id": "x", "author": "me", "hours": 24 * 6, "likes": 9})
    scores["x"] = {"crisis": 0.95}
    for i in range(3):
        posts.append({"id": f"a{i}", "author": "me", "hours": 24 * (7 + i), "likes": 1})
        scores[f"a{i}"] = U
    result = after_disclosure(read_model(store_of(posts, scores)))
    assert result.disclosure_post_id == "x" and result.earlier_disclosures == 1
    # x0 is in x's weeks before but is no baseline: b0-b3 are
    assert (result.before_posts, result.after_posts) == (4, 3)
    assert result.difference == pytest.approx(1 - 3)
    from kindscope.report.html import environment

    page = environment().from_string(
        '{% import "metrics.html" as t with context %}{{ t.after_disclosure(m) }}').render(
        m={"available": True, "weeks": 4, "disclosure_at": result.disclosure_at,
           "difference": result.difference, "ci_low": result.ci_low, "ci_high": result.ci_high,
           "before_posts": 4, "after_posts": 3, "minimum_per_window": 3,
           "earlier_disclosures": 1})
    assert "a post of yours that read as very painful" in page and "your first" not in page
    assert "1 earlier one had fewer than 3 posts of yours before or after it" in page
    # without the third post after x, neither can be compared: the note says how many
    posts = [p for p in posts if p["id"] != "a2"]
    result = after_disclosure(read_model(store_of(posts, scores)))
    assert result.difference is None and result.disclosure_post_id is None
    assert result.note == ("not enough data: none of your 2 posts that read as very painful "
                           "has 3 or more posts of yours in the 4 weeks before it and in the "
                           "4 weeks after it")


def test_kindness_received_shares_and_responders(store_of):
    posts = [{"id": "d", "author": "me", "hours": 0},
             {"id": "u", "author": "me", "hours": 1}]
    scores = {"d": D, "u": U}
    replies = [("r1", "ana", {"support": 0.9, "support_er": 0.8}),
               ("r2", "ana", {"support": 0.7, "support_ex": 0.6}),
               ("r3", "ben", {"support": 0.6, "support_ip": 0.9}),
               ("r4", "troll", {"support": 0.1, "toxicity": 0.9})]
    for pid, author, sc in replies:
        posts.append({"id": pid, "author": author, "hours": 2, "reply_to": "d"})
        scores[pid] = sc
    posts.append({"id": "r5", "author": "cy", "hours": 2, "reply_to": "u"})  # upbeat: ignored
    scores["r5"] = {"support": 0.9}
    result = kindness_received(read_model(store_of(posts, scores)))
    assert (result.distress_posts, result.replies) == (1, 4)
    assert result.supportive_share == pytest.approx(3 / 4)
    assert result.toxic_share == pytest.approx(1 / 4)
    assert result.mechanism_shares == pytest.approx(
        {"support_er": 0.25, "support_ip": 0.25, "support_ex": 0.25})
    assert [(r.account_id, r.supportive_replies) for r in result.top_responders] == [
        ("ana", 2), ("ben", 1)]


def test_a_toxic_or_hateful_reply_is_never_support(store_of):
    """The support head reads some insults under a painful post as comfort ("wow you are
    stupid" scored 0.74): a reply that is also toxic or hateful does not count as kind."""
    posts = [{"id": "d", "author": "me", "hours": 0}]
    scores = {"d": D}
    replies = [("r1", "ana", {"support": 0.9}),
               ("r2", "troll", {"support": 0.8, "toxicity": 0.7}),
               ("r3", "bigot", {"support": 0.8, "hate": 0.6})]
    for pid, author, sc in replies:
        posts.append({"id": pid, "author": author, "hours": 2, "reply_to": "d"})
        scores[pid] = sc
    result = kindness_received(read_model(store_of(posts, scores)))
    assert result.replies == 3
    assert result.supportive_share == pytest.approx(1 / 3)
    assert [r.account_id for r in result.top_responders] == ["ana"]


def test_kindness_given(store_of):
    posts = [{"id": "p1", "author": "ana", "hours": 0},
             {"id": "p2", "author": "ben", "hours": 0},
             {"id": "m1", "author": "me", "hours": 2, "reply_to": "p1",
              "reply_to_author": "ana"},
             {"id": "m2", "author": "me", "hours": 4, "reply_to": "p2",
              "reply_to_author": "ben", "text": "you utter <b>clown</b>"},
             {"id": "m3", "author": "me", "hours": 5, "reply_to": "gone",
              "reply_to_author": "cy"}]
    scores = {"p1": D, "p2": U, "m1": {"support": 0.9}, "m2": {"toxicity": 0.8},
              "m3": {"support": 0.2}}
    result = kindness_given(read_model(store_of(posts, scores)))
    assert (result.replies, result.replies_with_parent) == (3, 2)
    assert result.to_distress_share == pytest.approx(0.5)
    assert result.supportive_share == pytest.approx(1 / 3)
    assert result.median_reply_hours == pytest.approx(3)
    assert result.toxic_replies == 1
    assert result.toxic_examples[0].text == "you utter <b>clown</b>"


def test_front_back_stage_by_month(store_of):
    posts = [{"id": "a", "author": "me", "hours": 0}, {"id": "b", "author": "me", "hours": 1},
             {"id": "c", "author": "me", "hours": 24 * 40}]
    scores = {"a": U, "b": D, "c": U}
    result = front_back_stage(read_model(store_of(posts, scores)))
    months = {m.month: m for m in result.months}
    assert months["2024-03"].upbeat_share == 0.5 and months["2024-03"].distress_share == 0.5
    assert months["2024-04"].upbeat == 1
    assert result.upbeat_share == pytest.approx(2 / 3)


def test_toxicity_received_by_month_and_account(store_of):
    posts = [{"id": "mine", "author": "me", "hours": 0},
             {"id": "t1", "author": "troll", "hours": 1, "reply_to": "mine"},
             {"id": "t2", "author": "troll", "hours": 24 * 40, "mentions": ["me"]},
             {"id": "h1", "author": "bigot", "hours": 3, "reply_to_author": "me",
              "reply_to": "unknown"},
             {"id": "ok", "author": "ana", "hours": 2, "reply_to": "mine"},
             # one post read as both toxic and hateful is still one post: not named
             {"id": "b1", "author": "both", "hours": 4, "reply_to": "mine"},
             {"id": "else", "author": "troll", "hours": 2}]  # not aimed at me
    scores = {"mine": U, "t1": {"toxicity": 0.9}, "t2": {"toxicity": 0.7},
              "h1": {"hate": 0.8, "toxicity": 0.2}, "ok": {"toxicity": 0.1},
              "b1": {"hate": 0.9, "toxicity": 0.9},
              "else": {"toxicity": 0.99}}
    result = toxicity_received(read_model(store_of(posts, scores)))
    assert (result.aimed_at_me, result.toxic, result.hateful) == (5, 3, 2)
    assert [(m.month, m.toxic) for m in result.by_month] == [("2024-03", 2), ("2024-04", 1)]
    # one reading names no one: the bigot's one hateful post is counted, not named
    assert [(a.account_id, a.toxic, a.hateful) for a in result.by_account] == [("troll", 2, 0)]
    assert result.accounts_with_one == 2  # the bigot, and the one post read as both


def test_thresholds_are_a_parameter(store_of):
    posts = [{"id": "a", "author": "me", "hours": 0}]
    store = store_of(posts, {"a": {"distress": 0.6, "upbeat": 0.1}})
    assert front_back_stage(read_model(store)).distress_share == 1
    assert front_back_stage(read_model(store, thresholds={"distress": 0.7})).distress_share == 0


def test_newest_model_version_is_used(store_of):
    store = store_of([{"id": "a", "author": "me", "hours": 0}], {"a": D}, version="v1")
    store.execute("INSERT INTO signal_scores VALUES ('generic', 'a', 'upbeat', 0.9, 'v2'), "
                  "('generic', 'a', 'distress', 0.1, 'v2')")
    corpus = read_model(store)
    assert corpus.model_version == "v2"
    assert front_back_stage(corpus).upbeat_share == 1


def test_newest_model_version_reads_numbers_as_numbers(store_of):
    # Model versions end in a date; "2026.12.10" is newer than "2026.12.9", which a plain
    # string comparison gets wrong.
    store = store_of([{"id": "a", "author": "me", "hours": 0}], {"a": D}, version="m-2026.12.9")
    store.execute("INSERT INTO signal_scores VALUES ('generic', 'a', 'upbeat', 0.9, "
                  "'m-2026.12.10'), ('generic', 'a', 'distress', 0.1, 'm-2026.12.10')")
    assert read_model(store).model_version == "m-2026.12.10"
