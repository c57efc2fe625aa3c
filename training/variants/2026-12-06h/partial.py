"""Plan 24: the bot models fitted with each count masked on its own, read on partial profiles.

    .venv/bin/python training/variants/2026-12-06h/partial.py [--shipped] [--write]

Fits the X and the portable model as ``train_bots.py`` does, each training account also
fitted once per count with that count's features blanked (``profiles.READ_FROM``) and once
with every count blanked; Platt on whole-profile out-of-fold logits. Then reads the
held-apart fifth (``train_bots.py``'s split) whole, with each count missing and with every
count missing, and prints AUC and humans/bots flagged at ``BOT_DECISION``. ``--shipped``
prints the same for the shipped artifacts instead. ``--write`` writes the variant's
artifacts over the shipped ones (only after its bars pass: README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

import train_bots as tb  # noqa: E402

from kindscope.safety.bots import BOT_DECISION, MODEL_PATH, PORTABLE_PATH, model_probability  # noqa: E402,E501
from kindscope.safety.profiles import COUNTS, FEATURES, READ_FROM, profile_features  # noqa: E402

READINGS = {
    "whole": lambda p: p,
    "no followers": lambda p: replace(p, missing_counts=("followers",)),
    "no following": lambda p: replace(p, missing_counts=("following",)),
    "no posts": lambda p: replace(p, missing_counts=("posts",)),
    "no counts": lambda p: replace(p, counts_known=False, missing_counts=()),
}


def masked_copies(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row, then a copy per count with its features blanked, then one with all."""
    names = [n for n, _ in FEATURES]
    blocks = [x]
    for group in (*READ_FROM.values(), COUNTS):
        out = x.copy()
        out[:, [names.index(f) for f in group]] = np.nan
        blocks.append(out)
    return np.vstack(blocks), np.concatenate([y] * len(blocks))


def fit(x, y, train, folds, cols, features, name, version) -> dict:
    xt, yt = x[train], y[train]
    oof = np.zeros(len(yt))
    for a, b in folds.split(xt, yt):
        xa, ya = masked_copies(xt[a], yt[a])
        oof[b] = tb.new_model().fit(xa[:, cols], ya).decision_function(xt[b][:, cols])
    print(f"{name}: 5-fold CV AUC (whole profiles) {roc_auc_score(yt, oof):.3f}")
    platt = LogisticRegression(C=1e6).fit(oof[:, None], yt)
    xa, ya = masked_copies(xt, yt)
    model = tb.new_model().fit(xa[:, cols], ya)
    return tb.export_model(model, len(train), float(platt.coef_[0, 0]),
                           float(platt.intercept_[0]), features, name, version)


def read(profiles, y, held, path: Path, label: str) -> dict:
    out = {}
    for reading, change in READINGS.items():
        s = np.array([model_probability(change(profiles[i]), path) for i in held])
        flagged = s >= BOT_DECISION
        out[reading] = (round(float(roc_auc_score(y[held], s)), 3),
                        int((flagged & (y[held] == 0)).sum()),
                        int((flagged & (y[held] == 1)).sum()))
        print(f"{label:9s} {reading:13s} AUC {out[reading][0]:.3f}  humans flagged "
              f"{out[reading][1]:2d} of {int((y[held] == 0).sum())}  bots flagged "
              f"{out[reading][2]:2d} of {int(y[held].sum())}")
    return out


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shipped", action="store_true")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    profiles, y, _ = tb.load_profiles(tb.DEFAULT_DATA)
    train, held = train_test_split(np.arange(len(y)), test_size=0.2, stratify=y,
                                   random_state=tb.SEED)
    if args.shipped:
        return {"x": read(profiles, y, held, MODEL_PATH, "x"),
                "portable": read(profiles, y, held, PORTABLE_PATH, "portable")}
    x = np.array([profile_features(p) for p in profiles])
    folds = StratifiedKFold(5, shuffle=True, random_state=tb.SEED)
    names = [n for n, _ in FEATURES]
    with threadpool_limits(1):
        arts = {"x": fit(x, y, train, folds, list(range(len(names))), None,
                         "kindscope-bot-hgb", "2.1.0"),
                "portable": fit(x, y, train, folds, [names.index(f) for f in tb.PORTABLE],
                                tb.PORTABLE, "kindscope-bot-portable", "1.1.0")}
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for key, art in arts.items():
            path = Path(tmp) / f"{key}.json"
            path.write_text(json.dumps(art, sort_keys=True, separators=(",", ":")) + "\n")
            out[key] = read(profiles, y, held, path, key)
    if args.write:
        for key, dest in (("x", MODEL_PATH), ("portable", PORTABLE_PATH)):
            dest.write_text(json.dumps(arts[key], sort_keys=True, separators=(",", ":"))
                            + "\n")
            print(f"wrote {dest.relative_to(ROOT)}")
    return out


if __name__ == "__main__":
    main()
