"""The summary says a share as its counts when they are few ("1 of the 3 replies"), never
as "3 in 10", which reads as a larger sample than there is (a user's review)."""

from __future__ import annotations

import copy

from kindscope.report.build import summary_of

# the demo fixture: tests/report/conftest.py


def _received(demo, replies: int, supportive: int) -> dict:
    report = copy.deepcopy(demo["report"])
    report["kindness_received"].update(replies=replies,
                                       supportive_share=supportive / replies)
    return report


def test_few_replies_are_said_as_counts_and_many_in_ten(demo):
    lines = summary_of(_received(demo, 3, 1))["lines"]
    assert "1 of the 3 replies to your painful posts read as supportive." in lines
    assert not any("in 10" in line for line in lines if "supportive" in line)
    lines = summary_of(_received(demo, 48, 27))["lines"]
    assert "6 in 10 of the replies to your painful posts read as supportive." in lines


def test_one_reply_is_said_as_one(demo):
    lines = summary_of(_received(demo, 1, 1))["lines"]
    assert "The only reply to your painful posts read as supportive." in lines
    lines = summary_of(_received(demo, 1, 0))["lines"]
    assert "The only reply to your painful posts did not read as supportive." in lines


def test_a_headline_on_few_posts_says_the_counts(demo):
    report = copy.deepcopy(demo["report"])
    for group in report["void_rate"]["groups"]:
        if group["group"] == "distress":
            group.update(eligible_7d=3, unanswered_7d=2, rate_7d=2 / 3)
        elif group["group"] == "upbeat":
            group.update(eligible_7d=1, unanswered_7d=0, rate_7d=0.0)
    said = ("Of your 3 painful posts at least a week old, 1 got an answer within a week; of "
            "your 1 upbeat one, 1.")
    assert summary_of(report)["sentence"] == said
