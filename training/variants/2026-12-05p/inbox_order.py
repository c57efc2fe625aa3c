"""Whether "opened up to you" should win over "read as hateful" in the inbox.

    .venv/bin/python training/variants/2026-12-05p/inbox_order.py

The inbox marks a message read as hateful but not toxic "read as hateful" and puts it with
the hostile ones, even when it also reads as painful (distress or crisis, as the care
commands read it). Counts, at the shipped thresholds, on held-apart sets: of Multitarget-
CONAN's hate speech (the sample ``eval_ood.py`` scores), how many read as hateful but not
toxic and also as painful (they would go to the top if "opened up" won); of ESConv dev's
seekers' painful posts, how many also read as hateful but not toxic (they go last now).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, ".")
sys.path.insert(0, str(HERE.parent.parent))

from ood_sets import conan, esconv_dev  # noqa: E402

from kindscope.signals import score_texts  # noqa: E402
from kindscope.store.read import decision_thresholds  # noqa: E402


def readings(texts: list[str]):
    th = decision_thresholds()
    t = score_texts(texts, None, signals=["distress", "crisis", "toxicity", "hate"])
    painful = ((t["distress"].to_numpy() >= th["distress"])
               | (t["crisis"].to_numpy() >= th["crisis"]))
    toxic = t["toxicity"].to_numpy() >= th["toxicity"]
    hate_only = (t["hate"].to_numpy() >= th["hate"]) & ~toxic
    return painful, hate_only


def main() -> None:
    hate = [t for t, y, _ in conan() if y == 1]
    painful, hate_only = readings(hate)
    print(f"CONAN hate speech {len(hate)}: hateful but not toxic {hate_only.sum()}, "
          f"of them also painful {(hate_only & painful).sum()}")
    posts = list(dict.fromkeys(p for p, _, _ in esconv_dev()))
    painful, hate_only = readings(posts)
    print(f"ESConv dev seeker posts {len(posts)}: painful {painful.sum()}, "
          f"of them also hateful but not toxic {(painful & hate_only).sum()}")


if __name__ == "__main__":
    main()
