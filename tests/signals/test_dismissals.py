"""Replies that dismiss pain are not comfort (``signals/dismissals.py``, model 2026.12.18).

The cases here were written for these tests (not taken from a platform or a review set).
The frozen review sets of ``training/variants/2026-12-05q`` hold the rule's figures.
"""

import json
import sys
from pathlib import Path

import pytest

from kindscope.signals import THRESHOLDS, score_texts
from kindscope.signals.dismissals import (
    COMMANDS,
    DISMISSALS,
    NAMES,
    dismissal_mask,
    explain_dismissals,
)

POST = "six months since the diagnosis and I still can't get out of bed most days"


@pytest.mark.parametrize("text,rule", [
    ("honestly it could be a lot worse", "minimising"),
    ("pretty sure it's all in your head mate", "minimising"),
    ("everyone's a bit ocd about something lol", "minimising"),
    ("others have it so much worse than you", "comparing"),
    ("count your blessings x", "comparing"),
    ("some of us work two jobs. be grateful", "comparing"),
    ("ok man up", "toughen_up"),
    ("it's been a year, get over it", "toughen_up"),
    ("stop feeling sorry for yourself and go for a run", "toughen_up"),
    ("you need to grow a thicker skin", "toughen_up"),
    ("you're overreacting tbh", "accusing"),
    ("you're just doing it for attention", "accusing"),
    ("u just like the attention", "accusing"),
    ("just think positive!!", "toxic_positivity"),
    ("everything happens for a reason 🙏", "toxic_positivity"),
    ("aww cheer up", "toxic_positivity"),
    ("nobody cares lol", "brush_off"),
    ("cool story bro", "brush_off"),
    ("sounds like a you problem", "brush_off"),
    ("have you tried not being depressed", "mock_advice"),
    ("just stop being sad then", "mock_advice"),
    ("you brought this on yourself", "blame"),
    ("well you clearly didn't want recovery enough", "blame"),
])
def test_each_kind_of_dismissal_is_read(text, rule):
    assert rule in explain_dismissals(text)


@pytest.mark.parametrize("text", [
    # negated, or said of the phrase, not to the reader
    "you're not overreacting, that would upset anyone",
    "it's not all in your head and it's not your fault",
    "you can't just snap out of depression, nobody can",
    "you don't have to be grateful to be allowed to hurt",
    # reported, quoted or argued against
    "ignore the people who tell you to man up",
    "my dad said I was doing it for attention. I wasn't. you aren't either",
    '"just think positive" has never helped anyone',
    "it could be worse, but that doesn't make this any easier",
    "I know it feels like nobody cares. I do",
    "sounds like nobody cares at home and that's so lonely",
    # the words without the command
    "it takes time to get over it, be gentle with yourself",
    "nothing makes my nan smile more than a phone call",
    "just be happy that you got through today",
    "help you cope and get over it",
    # the writer's own words about themself
    "i need to stop being so dramatic about my own stuff",
    "nobody cares about me, that's how it feels tonight",
    # ordinary comfort
    "that sounds exhausting. I'm here if you want to talk",
    "have you been able to see your gp? you deserve proper help",
])
def test_comfort_and_reports_are_not_read_as_dismissal(text):
    assert explain_dismissals(text) == []


def test_the_mask_agrees_with_the_names():
    texts = ["get over it", "I'm here for you", "count your blessings"]
    assert dismissal_mask(texts).tolist() == [True, False, True]
    assert set(NAMES) == {"minimising", "comparing", "toughen_up", "accusing",
                          "toxic_positivity", "brush_off", "mock_advice", "blame"}
    assert set(DISMISSALS) | set(COMMANDS) == set(NAMES)


def test_support_is_capped_for_a_dismissive_reply_and_kept_for_comfort():
    replies = ["others have it way worse, be grateful for what you have",
               "man up, nobody wants to hear this",
               "that sounds so hard. you're not being dramatic at all, I'm here"]
    signals = ["support", "support_er", "support_ip", "support_ex"]
    table = score_texts(replies, contexts=[POST] * 3, signals=signals)
    for s in signals:
        dismissive_a, dismissive_b, _ = table.column(s).to_pylist()
        assert dismissive_a <= 0.3 and dismissive_b <= 0.3
    assert table.column("support").to_pylist()[2] >= THRESHOLDS["support"]


# --- the frozen review sets (training/variants/2026-12-05q) --------------------------------
# Written by sub-agents that read no file of the repository; frozen before they were scored.
# Set 1's misses were read to widen the rule, sets 2 and 3 were read only once the rule was
# written (2 after its last change of wording, 3 after its last change of any kind).

VARIANTS = Path(__file__).resolve().parents[2] / "training/variants"
sys.path.insert(0, str(VARIANTS))
from frozen_sets import read_frozen  # noqa: E402

REVIEW = VARIANTS / "2026-12-05q/review"


@pytest.mark.parametrize("name", ["dismissals.jsonl", "dismissals2.jsonl", "dismissals3.jsonl"])
def test_no_comforting_reply_of_the_review_sets_is_read_as_dismissal(name):
    rows, _ = read_frozen(REVIEW / name)
    comfort = [r["text"] for r in rows if r["expect_support"]]
    assert len(comfort) >= 90
    assert [t for t in comfort if explain_dismissals(t)] == []  # none at 2026.12.18


@pytest.mark.parametrize("name,floor", [("dismissals2.jsonl", 17), ("dismissals3.jsonl", 16)])
def test_the_rule_reads_dismissals_written_afresh(name, floor):
    rows, _ = read_frozen(REVIEW / name)
    dismissive = [r["text"] for r in rows if not r["expect_support"]]
    assert len(dismissive) == 80
    assert sum(bool(explain_dismissals(t)) for t in dismissive) >= floor  # 19 and 18


def test_support_of_set_3_as_measured():
    # 56 of 80 dismissive replies read as support without the rule, 43 with it (44 at plan
    # 5, before the review's fixes); all 90 comforting replies keep the support they had (87
    # of them above 0.5)
    rows, _ = read_frozen(REVIEW / "dismissals3.jsonl")
    table = score_texts([r["text"] for r in rows], contexts=[r["context"] for r in rows],
                        signals=["support"])
    read = [p >= THRESHOLDS["support"] for p in table.column("support").to_pylist()]
    dismissive = sum(r for r, row in zip(read, rows, strict=True) if not row["expect_support"])
    comfort = sum(r for r, row in zip(read, rows, strict=True) if row["expect_support"])
    assert dismissive <= 45 and comfort >= 86


def test_the_rule_rarely_fires_on_real_supporters():
    # real replies meant as comfort (../shared/data); these sources were read to fix
    # misfires, so the counts guard against new ones rather than measure the rule
    sys.path.insert(0, str(VARIANTS.parent))
    from ood_sets import counsel_pairs, esconv_dev

    supporters = sorted({reply for _, _, reply in esconv_dev()})
    answers = sorted({answer for _, answer in counsel_pairs()})
    assert len(supporters) > 1500 and len(answers) > 400
    assert sum(bool(explain_dismissals(t)) for t in supporters) <= 2  # 1 at 2026.12.18
    assert sum(bool(explain_dismissals(t)) for t in answers) <= 2  # 1 at 2026.12.18


def _reviewer_cases() -> list[dict]:
    path = VARIANTS / "2026-12-05q/reviewer_cases.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("case", _reviewer_cases(), ids=lambda c: c["text"][:40])
def test_a_reviewers_cases(case):
    # written by a fresh-eyes review to break the rule (comfort using the same words in
    # another sense, stock dismissals in hedged or typo'd forms); the rule was fixed on
    # them, so they guard against going back, they do not measure
    assert bool(explain_dismissals(case["text"])) == case["dismissal"]
