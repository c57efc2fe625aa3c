"""Score the frozen past-risk review set (``review/past_risk.jsonl``).

    .venv/bin/python training/variants/2026-12-05f/score_past.py \
        [--repo DIR] [--show] [--json OUT]

The set was written and hashed before any model scored it. It holds posts and replies in which
the author tells of suicidal risk in the PAST. Each text is read with the post it answers
(``context``) through ``score_texts``, at 0.5, and per kind the script prints how many are flagged
for crisis and distress next to the reviewer's label (``author_at_risk``: is the AUTHOR of the
text at risk NOW). Kinds: ``past_over`` (own past risk, clearly over; label 0),
``past_and_now`` (own past risk and at risk again now; label 1), ``past_now_struggling`` (past
risk over, struggling now but safe; label 0) and ``other_past`` (someone else's past risk, told
by the author; label 0). ``--repo`` imports ``kindscope`` from another checkout. ``--show`` lists
every text whose crisis flag disagrees with its label. ``--json OUT`` writes the per-kind counts
and the agreement to OUT.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import main as score_frozen  # noqa: E402

SET = HERE / "review" / "past_risk.jsonl"


def main(argv=None) -> dict:
    return score_frozen(SET, argv)


if __name__ == "__main__":
    main()
