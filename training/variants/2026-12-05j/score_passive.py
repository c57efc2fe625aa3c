"""Score the frozen passive-ideation review sets (``review/``, hashed in ``SHA256SUMS``).

    .venv/bin/python training/variants/2026-12-05j/score_passive.py \
        [--set 2|3|r|r2] [--repo DIR] [--show] [--json OUT]

Sets written by sub-agents that saw no code, each hashed before any model read it:
``passive.jsonl`` (the default), ``passive2.jsonl`` (``--set 2``, written after the rule's
first version had read set 1) and ``passive3.jsonl`` (``--set 3``, written after the rule was
rewritten); and posts adversarial reviewers wrote with the code to make the rule misfire:
``reviewer_posts.jsonl`` (``--set r``, against the first version) and
``reviewer_posts_2.jsonl`` (``--set r2``, against the rewrite); their kinds are the
reviewers' categories. Kinds of the three sets: ``passive_now`` (the author wishes now not to
be alive, in many wordings, some inside a reply about something else; label 1),
``past_story`` (such wishes told as past and over; 0), ``everyday`` (the same words in
everyday senses; 0) and ``about_other`` (someone else's wishes, told by a carer, friend or
moderator; 0). Each text is read with the post it answers, at 0.5. ``--repo`` imports
``kindscope`` from another checkout; ``--show`` lists every row whose crisis flag disagrees
with its label.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import main as score_frozen  # noqa: E402
from frozen_sets import pick_set  # noqa: E402

SETS = {
    "1": HERE / "review" / "passive.jsonl",
    "2": HERE / "review" / "passive2.jsonl",
    "r": HERE / "review" / "reviewer_posts.jsonl",
    "3": HERE / "review" / "passive3.jsonl",
    "r2": HERE / "review" / "reviewer_posts_2.jsonl",
}


def main(argv=None) -> dict:
    path, argv = pick_set(SETS, argv)
    return score_frozen(path, argv)


if __name__ == "__main__":
    main()
