"""Score the frozen answer-pairs review sets (``review/``, hashed in ``SHA256SUMS``).

    .venv/bin/python training/variants/2026-12-05l/score_answers.py \
        [--set 2|r] [--repo DIR] [--show]

Two sets, each written by a sub-agent that saw no code and hashed before any model read it:
``answers2.jsonl`` (180 pairs) and ``answers3.jsonl`` (``--set 2``, 200 pairs, written after the
rule's first version had read the first set; 60 / 40 / 100 of the kinds below); ``--set r``:
the 270 pairs an adversarial reviewer wrote with the code of 998afea (kinds are the
reviewer's categories). Each row
is a reply (``text``) with the post it answers (``context``), read together at 0.5. Kinds:
``risky_answer`` (a direct safety question, "you safe?", "are you in danger of hurting
yourself?", "do you still feel that way?" after a mention of risk, answered the risky way;
the reply's author at risk), ``safe_answer`` (the same questions answered the safe way) and
``everyday`` (the same words after a storm, in a game, about an opinion, answered yes or no).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import main as score_frozen  # noqa: E402
from frozen_sets import pick_set  # noqa: E402

SETS = {
    "1": HERE / "review" / "answers2.jsonl",
    "2": HERE / "review" / "answers3.jsonl",
    "r": HERE / "review" / "reviewer_pairs.jsonl",
}


def main(argv=None) -> dict:
    path, argv = pick_set(SETS, argv)
    return score_frozen(path, argv, show_context=True)


if __name__ == "__main__":
    main()
