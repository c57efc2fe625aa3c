"""The review sets of 2026-12-05j-l as standing bars for the shipped model.

Four widenings of the rules were tried on 2026-12-05 and taken back: each looked right on
frozen review sets and failed on posts adversarial reviewers wrote to break it
(``training/variants/2026-12-05j``, ``k``, ``l``). Those posts, and the frozen sets, are kept;
here the shipped model is read on them and held to what model 2026.12.14 read. A change that
reads more of the reviewers' not-at-risk posts as crisis (or harmless ones as toxic), or fewer
of the sets' at-risk posts, fails here and has to be argued for with the new counts in a
reviewed commit. Counts are of texts at or above 0.5, each read with the post it answers.
The four sets of replies of 2026-12-06i are held to model 2026.12.21's counts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kindscope.signals import score_texts

VARIANTS = Path(__file__).resolve().parents[2] / "training" / "variants"
sys.path.insert(0, str(VARIANTS))
from frozen_sets import read_frozen  # noqa: E402

#: (file, signal, which rows, at most or at least, count at model 2026.12.14; the 05m rows,
#: posts of this community none of which is offensive, at 2026.12.15, whose word model they
#: reviewed: 30 and 3 at 2026.12.14)
BARS = [
    ("2026-12-05j/review/reviewer_posts.jsonl", "crisis", "not_at_risk", "at most", 65),
    ("2026-12-05j/review/reviewer_posts_2.jsonl", "crisis", "not_at_risk", "at most", 52),
    ("2026-12-05l/review/reviewer_pairs.jsonl", "crisis", "not_at_risk", "at most", 6),
    ("2026-12-05k/review/reviewer_posts.jsonl", "toxicity", "harmless", "at most", 4),
    ("2026-12-05k/review/reviewer_posts.jsonl", "toxicity", "at_risk", "at most", 7),
    ("2026-12-05j/review/passive.jsonl", "crisis", "at_risk", "at least", 24),
    ("2026-12-05j/review/passive2.jsonl", "crisis", "at_risk", "at least", 20),
    ("2026-12-05j/review/passive3.jsonl", "crisis", "at_risk", "at least", 39),
    ("2026-12-05l/review/answers2.jsonl", "crisis", "at_risk", "at least", 13),
    ("2026-12-05l/review/answers3.jsonl", "crisis", "at_risk", "at least", 10),
    ("2026-12-05k/review/wishes.jsonl", "toxicity", "attacks", "at least", 27),
    ("2026-12-05k/review/wishes2.jsonl", "toxicity", "attacks", "at least", 27),
    ("2026-12-05m/review/posts.jsonl", "offensive", "all", "at most", 28),
    ("2026-12-05m/review/targeted.jsonl", "offensive", "all", "at most", 3),
    # replies under painful and ordinary posts (2026-12-06i, four blind sets), at model
    # 2026.12.21: comfort, everyday talk and people at risk not read as toxic; death wishes,
    # dares and mockery read as toxic, and not as support (the last the larger harm: most
    # dares read as support)
    *[(f"2026-12-06i/review/{name}.jsonl", signal, which, bound, count)
      for name, counts in (("wish_replies", (12, 1, 51, 33)),
                           ("hostile_replies_2", (9, 1, 24, 54)),
                           ("hostile_replies_3", (6, 0, 10, 60)),
                           ("hostile_replies_4", (15, 7, 48, 30)))
      for (signal, which, bound), count in zip(
          (("toxicity", "harmless", "at most"), ("toxicity", "at_risk", "at most"),
           ("toxicity", "attacks", "at least"), ("support", "attacks", "at most")),
          counts, strict=True)],
]


def _rows(name: str, which: str) -> list[dict]:
    rows, _ = read_frozen(VARIANTS / name)  # refuses a set whose bytes are not the frozen ones
    if which == "all":
        return rows
    if which == "attacks":
        return [r for r in rows if r["attacks"]]
    if which == "harmless":
        return [r for r in rows if not r.get("attacks") and not r["author_at_risk"]]
    risk = which == "at_risk"
    return [r for r in rows if bool(r["author_at_risk"]) == risk]


@pytest.mark.parametrize(("name", "signal", "which", "bound", "count"), BARS,
                         ids=[f"{b[0].split('/')[0]}-{b[0].split('/')[-1]}-{b[1]}-{b[2]}"
                              for b in BARS])
def test_the_shipped_model_holds_the_review_bars(name, signal, which, bound, count):
    rows = _rows(name, which)
    contexts = [r.get("context") or None for r in rows]
    scores = score_texts([r["text"] for r in rows], contexts=contexts,
                         signals=[signal]).column(signal).to_pylist()
    flagged = sum((s or 0) >= 0.5 for s in scores)
    if bound == "at most":
        assert flagged <= count, f"{name}: {flagged} of {len(rows)} {which} read as {signal}"
    else:
        assert flagged >= count, f"{name}: {flagged} of {len(rows)} {which} read as {signal}"
