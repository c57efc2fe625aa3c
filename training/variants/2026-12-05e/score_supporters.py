"""Score the frozen peer-supporter review set (``review/supporters.jsonl``).

    .venv/bin/python training/variants/2026-12-05e/score_supporters.py \
        [--repo DIR] [--show] [--json OUT]

The set was written and hashed before any model scored it. Each text is read with the post it
answers (``context``) through ``score_texts``, at 0.5, and per kind the script prints how many are
flagged for crisis and distress next to the reviewer's label (``author_at_risk``: is the AUTHOR of
the text at risk now). Kinds: ``asks_about_risk``, ``talks_about_their_risk`` and
``own_past_over`` are supporters (label 0), ``own_risk_now`` are authors at risk (label 1),
``ordinary_mentions`` mention suicide without anyone's risk (label 0). ``--repo`` imports
``kindscope`` from another checkout. ``--show`` lists every text whose crisis flag disagrees with
its label. ``--json OUT`` writes the per-kind counts and the agreement to OUT.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import main as score_frozen  # noqa: E402

SET = HERE / "review" / "supporters.jsonl"


def main(argv=None) -> dict:
    return score_frozen(SET, argv)


if __name__ == "__main__":
    main()
