"""Score the frozen yes/no answer review set (``review/answers.jsonl``).

    .venv/bin/python training/variants/2026-12-05g/score_answers.py \
        [--repo DIR] [--show] [--json OUT]

The set was written and hashed before any model scored it. Each row is a post that asks a question
(``context``) and the reply of the person asked (``text``), often a bare "yes", "no" or "idk". A
reply only means something with its question, so each text is read WITH its context through
``score_texts``, at 0.5, and per kind the script prints how many are flagged for crisis and
distress next to the reviewer's label (``author_at_risk``: is the AUTHOR of the reply at risk NOW).
Kinds: ``yes_to_risk_question`` (a direct question about suicidal thoughts, plans or self-harm
answered yes or unsure; label 1), ``no_to_safety_question`` ("are you safe?" answered no or
unsure; label 1), ``no_to_risk_question`` (label 0), ``yes_to_safety_question`` (label 0),
``history_question`` (a question about the past answered about a past that is over; label 0),
``ordinary_yes_no`` (everyday questions, some near the topic: "do you want to die on this hill?";
label 0) and ``joke_or_quote`` (the question or answer is a clear joke or a quote; label 0).
``--repo`` imports ``kindscope`` from another checkout. ``--show`` lists every row whose crisis
flag disagrees with its label. ``--json OUT`` writes the per-kind counts and the agreement to OUT.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import main as score_frozen  # noqa: E402

SET = HERE / "review" / "answers.jsonl"


def main(argv=None) -> dict:
    return score_frozen(SET, argv, show_context=True)


if __name__ == "__main__":
    main()
