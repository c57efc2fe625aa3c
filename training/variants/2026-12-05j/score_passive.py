"""Score the frozen passive-ideation review set (``review/passive.jsonl``).

    .venv/bin/python training/variants/2026-12-05j/score_passive.py \
        [--set 2|r] [--repo DIR] [--show] [--json OUT]

Two sets, each written by a sub-agent that saw no code and hashed before any model scored it:
``passive.jsonl`` (the default) and ``passive2.jsonl`` (``--set 2``, written after the rule's
first read on the first set and before the rule's second version read it); ``--set r``: the 256
posts an adversarial reviewer wrote, with the code, to make the rule misfire (kinds are the
reviewer's categories). Kinds of the two sets:
``passive_now`` (the author wishes now not to be alive, in many wordings, some inside a
reply that thanks someone; label 1), ``past_story`` (such wishes told as past and over;
label 0), ``everyday`` (the same words about sleep, waking up, existing or "no point" in
everyday senses; label 0) and ``about_other`` (someone else's wishes, told by a carer,
friend or moderator; label 0). Each text is read with the post it answers, at 0.5.
``--repo`` imports ``kindscope`` from another checkout; ``--show`` lists every row whose crisis
flag disagrees with its label.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import main as score_frozen  # noqa: E402

SETS = {
    "1": (HERE / "review" / "passive.jsonl",
          "9f3f1ab0c1b700e7cb57415ca8431789af4631bb0ba9522cea4fab359235553f"),
    "2": (HERE / "review" / "passive2.jsonl",
          "a34c3d985d51b53716f792082bdfc3db22dd8ebccd3e184783014c7839ae0ee6"),
    "r": (HERE / "review" / "reviewer_posts.jsonl",
          "1aaa4be3b13e67933f4ceec675ba8c05c6c7302a154f4e66bf6337b95162fa90"),
}


def main(argv=None) -> dict:
    argv = list(sys.argv[1:] if argv is None else argv)
    which = "1"
    if "--set" in argv:
        at = argv.index("--set")
        which = argv[at + 1]
        del argv[at : at + 2]
    return score_frozen(*SETS[which], argv)


if __name__ == "__main__":
    main()
