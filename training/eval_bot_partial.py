"""The bot model on profiles that lack one count, three ways of reading the gap.

    .venv/bin/python training/eval_bot_partial.py [--data ../shared/data/bot-cresci-rtbust-2019]

On the held-apart fifth of cresci-rtbust-2019 (``train_bots.py``'s split; the model never
fitted it), each X profile is read with one of followers, following and posts dropped:
"as 0" (the count read as 0, kindscope before 2026-12-06), "that count missing" (the
features read from it NaN, the others as given) and "all counts missing" (every count
feature NaN: the condition the model was trained on besides whole profiles, each account
also fitted with its counts blanked). Prints, per count and reading, the model's AUC and
how many humans and bots it flags at the decision point (``bots.BOT_DECISION``); the rule
layer is left out (it never reads a count that is not there).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from train_bots import DEFAULT_DATA, SEED, load_profiles  # noqa: E402

from kindscope.safety.bots import BOT_DECISION, model_probability  # noqa: E402

DROP = {"followers": "followers_count", "following": "following_count", "posts": "posts_count"}
READINGS = {
    "whole profile": lambda p, name: p,
    "as 0": lambda p, name: replace(p, **{DROP[name]: 0}),
    "that count missing": lambda p, name: replace(p, **{DROP[name]: 0},
                                                  missing_counts=(name,)),
    "all counts missing": lambda p, name: replace(p, counts_known=False),
}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    profiles, y, _ = load_profiles(args.data)
    _, held = train_test_split(np.arange(len(y)), test_size=0.2, stratify=y, random_state=SEED)
    out = {}
    print(f"held-apart fifth: {len(held)} accounts ({int(y[held].sum())} bots)")
    print(f"{'dropped':10s} {'reading':20s} {'AUC':>6s} {'humans flagged':>15s} "
          f"{'bots flagged':>13s}")
    for name in DROP:
        for reading, change in READINGS.items():
            scores = np.array([model_probability(change(profiles[i], name)) for i in held])
            flagged = scores >= BOT_DECISION
            humans = int((flagged & (y[held] == 0)).sum())
            bots = int((flagged & (y[held] == 1)).sum())
            auc = roc_auc_score(y[held], scores)
            out[(name, reading)] = (auc, humans, bots)
            people, all_bots = int((y[held] == 0).sum()), int(y[held].sum())
            print(f"{name:10s} {reading:20s} {auc:6.3f} {humans:8d} of {people:3d}"
                  f" {bots:6d} of {all_bots:3d}")
    return out


if __name__ == "__main__":
    main()
