"""Hate about people with mental illness, said in personal talk, on a frozen review set.

``training/variants/2026-12-05p/review/mental_health.jsonl``: 170 posts written by a
sub-agent that read no file of the repository (not taken from a platform), frozen before any
model read them. Until model 2026.12.17 the group cap (signals/targets.py) lowered hate for
every one of them that named its group only by a condition ("depressed people", "people with
OCD"): 24 of the 55 hateful posts read as hate; with the condition words, 33. The floors are
the measured figures less two posts.
"""

import sys
from pathlib import Path

from kindscope.signals import score_texts

VARIANTS = Path(__file__).resolve().parents[2] / "training/variants"
sys.path.insert(0, str(VARIANTS))
from frozen_sets import read_frozen  # noqa: E402

ROWS, _ = read_frozen(VARIANTS / "2026-12-05p/review/mental_health.jsonl")
#: Kinds that never speak about the group as such: the writer's own condition, support,
#: everyday mentions, a complaint about one person (90 posts; all read right at 2026.12.17).
PERSONAL = {"self", "support", "neutral", "one_person"}


def _hate(rows: list[dict]) -> list[float]:
    return score_texts([r["text"] for r in rows], signals=["hate"]).column("hate").to_pylist()


def test_hate_about_people_with_a_condition_is_read():
    hateful = [r for r in ROWS if r["label"] == 1]
    assert len(hateful) == 55
    assert sum(p >= 0.5 for p in _hate(hateful)) >= 32  # 33 at 2026.12.17, 24 before


def test_talk_about_ones_own_condition_and_support_are_not_read_as_hate():
    rows = [r for r in ROWS if r["kind"] in PERSONAL]
    assert len(rows) == 90
    wrong = [(round(p, 2), r["text"]) for r, p in zip(rows, _hate(rows), strict=True) if p >= 0.5]
    assert len(wrong) <= 2, wrong  # 0 at 2026.12.17
