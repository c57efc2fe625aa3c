"""Score the frozen death-wish review set (``review/wishes.jsonl``).

    .venv/bin/python training/variants/2026-12-05k/score_wishes.py \
        [--set 2|r] [--repo DIR] [--show] [--json OUT]

Two sets, each written by a sub-agent that saw no code and hashed before any model scored it:
``wishes.jsonl`` (the default) and ``wishes2.jsonl`` (``--set 2``, written after the widened
rule's first read on the first set and before its second version read it); ``--set r``: the
279 posts an adversarial reviewer wrote, with the code, to make the widening misfire (kinds are
the reviewer's categories).
Kinds: ``aimed`` (harassment that tells or wishes someone to die, in many forms, replies with
the post they answer and standalone; attacks 1), ``same_words`` (the same words in idioms,
games, news, rebuttals and objections; 0), ``at_risk`` (people at risk writing of themselves,
some in the second person as self-talk; author at risk 1) and ``report`` (harassment someone
received, reported; 0). Each text is read with its context, at 0.5; toxicity is scored
against ``attacks`` and crisis against ``author_at_risk``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import main_labelled, pick_set  # noqa: E402

SETS = {
    "1": HERE / "review" / "wishes.jsonl",
    "2": HERE / "review" / "wishes2.jsonl",
    "r": HERE / "review" / "reviewer_posts.jsonl",
}
LABELS = {"crisis": "author_at_risk", "toxicity": "attacks"}


def main(argv=None) -> dict:
    path, argv = pick_set(SETS, argv)
    return main_labelled(path, LABELS, argv)


if __name__ == "__main__":
    main()
