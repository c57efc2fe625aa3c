"""Score a frozen "keep going" review set.

    .venv/bin/python training/variants/2026-12-06/score_keep_going.py \
        [--set 1|2|ellipsis] [--repo DIR] [--show] [--json OUT]

Set 1 (``review/keep_going.jsonl``, the default) judged the errands layer; set 2
(``review/keep_going_2.jsonl``) judges plan C; set ``ellipsis`` judges the trailing-dots rule
(``kindscope/signals/trailing.py``). Each set was written by a sub-agent that saw
no code and hashed before any model scored it (README). Each text is read with the post it
answers (``context``) through ``score_texts``, at 0.5; per kind the script prints how many are
flagged for crisis and distress next to the label (``author_at_risk``). ``--repo`` imports
``kindscope`` from another checkout (a ``git worktree`` of f7dfd48 for the shipped model).
``--show`` lists every text whose crisis flag disagrees with its label; ``--json OUT`` writes
the counts.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import main as score_frozen  # noqa: E402
from frozen_sets import pick_set  # noqa: E402

SETS = {"1": HERE / "review" / "keep_going.jsonl", "2": HERE / "review" / "keep_going_2.jsonl",
        "ellipsis": HERE / "review" / "ellipsis.jsonl"}


def main(argv=None) -> dict:
    path, rest = pick_set(SETS, argv)
    return score_frozen(path, rest)


if __name__ == "__main__":
    main()
