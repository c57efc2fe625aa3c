"""Score the frozen answer-pairs review set (``review/answers2.jsonl``).

    .venv/bin/python training/variants/2026-12-05l/score_answers.py [--repo DIR] [--show]

A sub-agent that saw no code wrote the set, and it was hashed before any model read it. Each row
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

SET = HERE / "review" / "answers2.jsonl"
SHA = "f6f76203f58219a82eae5a9b9b240e0e6fc435a32e0f8fa309731fa6b3d9dd9c"


def main(argv=None) -> dict:
    return score_frozen(SET, SHA, argv, show_context=True)


if __name__ == "__main__":
    main()
