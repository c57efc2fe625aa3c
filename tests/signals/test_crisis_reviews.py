"""Posts by people at risk that reviews wrote to break two changes to crisis (2026-12-05).

Both changes lowered crisis for posts that speak of someone else's risk or of the author's
long-past risk, and both were taken back: the reviews found posts by people at risk that
they lowered below 0.5 (training/variants/2026-12-05e/README.md and 2026-12-05f/README.md).
The reviews' posts are kept in ``reviewers_posts.jsonl`` with what model 2026.12.13 (commit
5edeef6) read, frozen by ``reviewers_posts.sha256``. Any later change that lowers one of those
it flagged, or takes the phrase layer's rule from one it raised, fails here and has to be
argued for post by post.
"""

import json
import sys
from pathlib import Path

import pytest

from kindscope.signals import score_texts
from kindscope.signals.phrases import explain

VARIANTS = Path(__file__).resolve().parents[2] / "training/variants"
sys.path.insert(0, str(VARIANTS))
from frozen_sets import read_frozen  # noqa: E402

# frozen like every review set (read_frozen refuses other bytes): a post taken out or edited
# would weaken the tests below
ROWS, _ = read_frozen(VARIANTS / "2026-12-05e/review/reviewers_posts.jsonl")
AT_RISK = [r for r in ROWS if r["group"] == "at_risk"]


def test_the_reviews_are_kept_whole():
    assert AT_RISK and any(r["crisis_5edeef6"] >= 0.5 for r in AT_RISK)


def test_no_post_by_someone_at_risk_is_lowered_below_the_threshold():
    flagged = [r for r in AT_RISK if r["crisis_5edeef6"] >= 0.5]
    crisis = score_texts([r["text"] for r in flagged], signals=["crisis"]).column("crisis")
    lost = [(r["crisis_5edeef6"], round(p, 2), r["text"])
            for r, p in zip(flagged, crisis.to_pylist(), strict=True) if p < 0.5]
    assert lost == []


def test_the_phrase_layer_still_reads_every_risk_phrase_it_read():
    lost = [r["text"] for r in AT_RISK if r["rules_5edeef6"] and not explain(r["text"])]
    assert lost == []


@pytest.mark.parametrize("text", [
    "did my suicide prevention training at work today",
    "my suicide awareness walk raised 300 dollars",
])
def test_training_and_awareness_are_not_my_suicide(text):
    assert explain(text) == []


@pytest.mark.parametrize("text", [
    "called my suicide hotline number three times tonight, nobody picked up",
    "my suicide plan is ready",
    "i keep thinking about my suicide",
])
def test_my_suicide_is_still_read(text):
    assert explain(text)


# 2026-12-06: posts by people at risk written to break a rule for "I don't want to keep going
# to the gym" (training/variants/2026-12-06); the rule lowered six of those model 2026.12.17
# flagged and was not shipped. Every later change must keep these flags.
KEEP_GOING = VARIANTS / "2026-12-06/review"


def test_at_risk_posts_that_use_everyday_words_keep_their_flags():
    rows, sha256 = read_frozen(KEEP_GOING / "keep_going.jsonl")
    kept = json.loads((KEEP_GOING / "keep_going_flagged.json").read_text(encoding="utf-8"))
    assert kept["set_sha256"] == sha256
    flagged = [r for r in rows if r["id"] in set(kept["ids"])]
    assert len(flagged) == len(kept["ids"]) > 60
    assert all(r["author_at_risk"] == 1 for r in flagged)
    crisis = score_texts([r["text"] for r in flagged],
                         contexts=[r["context"] or None for r in flagged],
                         signals=["crisis"]).column("crisis").to_pylist()
    lost = [(round(p, 2), r["text"]) for r, p in zip(flagged, crisis, strict=True) if p < 0.5]
    assert lost == []
