"""Score the frozen abuse / self-talk review set (``review/abuse_selftalk.jsonl``).

    .venv/bin/python training/variants/2026-12-05c/score_wishes.py [--repo DIR] [--show]

Reads each text with the post it answers (``context``) through ``score_texts``, at 0.5, and
prints per kind the share flagged for crisis, distress and toxicity next to the labels the
reviewer gave (``author_at_risk``, ``attacks_someone``). ``--repo`` imports ``kindscope`` from
another checkout (``git worktree add --detach DIR d9a4c46`` for the model before the death-wish
rule). ``--show`` lists every text whose crisis or toxicity flag disagrees with its label.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import main_labelled  # noqa: E402

SET = HERE / "review" / "abuse_selftalk.jsonl"
LABELS = {"crisis": "author_at_risk", "toxicity": "attacks_someone"}


def main(argv=None) -> dict:
    return main_labelled(SET, LABELS, argv)


if __name__ == "__main__":
    main()
