"""A fresh-eyes review's posts on the mental-health group words, read by the checkout it runs
in (not held apart: these posts shaped the rule; written for the review, not taken from a
platform).

    .venv/bin/python training/variants/2026-12-05p/reviewers/score.py

``own_pain.txt`` (125 lines): personal posts about one's own pain or condition, or a family
member's, that should read as no hate. ``hateful.txt`` (48 lines): hateful personal talk about
people with mental illness. Prints how many of each read as hate (>= 0.5). For the figures
before the rule, run the same file in a worktree of 1af9ff8 (model 2026.12.16):
``git worktree add --detach /tmp/old 1af9ff8``, copy this folder there and run it from
/tmp/old with this checkout's ``.venv``.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, ".")

from kindscope.signals.model import MODEL_VERSION, SignalModel  # noqa: E402


def main() -> None:
    model = SignalModel()
    print(MODEL_VERSION)
    for name in ("own_pain", "hateful"):
        texts = [t for t in (HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines() if t]
        hate = model.score(texts, None, ("hate",))["hate"]
        print(f"{name}: {len(texts)} posts, read as hate {int((hate >= 0.5).sum())}")


if __name__ == "__main__":
    main()
