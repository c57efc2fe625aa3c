"""Train the bot-follower model on cresci-rtbust-2019 and write its artifact.

Usage::

    .venv/bin/python training/train_bots.py [--data ../shared/data/bot-cresci-rtbust-2019]

Needs scikit-learn (training only). The shipped artifact is a histogram gradient-boosted
tree ensemble (learned routing of missing values) with a Platt calibration, in JSON
(``kindscope/safety/artifacts/bot_model.json``), that runs on numpy alone. Prints the
cross-validated AUC on the training part (the only figure used to choose), the rule
layer's trigger rates on the training part, and once, at the end, the AUC on a seeded
fifth of the accounts held apart from all fitting. The model card (docs/models/bot.md)
quotes these figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from threadpoolctl import threadpool_limits

from kindscope.safety.bot_rules import check_rules
from kindscope.safety.profiles import (
    COUNTS,
    FEATURES,
    READ_FROM,
    X_ONLY,
    _parse_time,
    from_twitter,
    profile_features,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "bot-cresci-rtbust-2019"
ARTIFACT = ROOT / "kindscope" / "safety" / "artifacts" / "bot_model.json"
PORTABLE_ARTIFACT = ARTIFACT.with_name("bot_model_portable.json")
#: The portable model (Mastodon, Bluesky) leaves out X's fields and the account's age:
#: RTbust's humans are mostly older Twitter accounts, so age there says "old = human",
#: which marks every Bluesky account (the platform is at most four years old) bot-like.
PORTABLE = tuple(name for name, _ in FEATURES if name not in X_ONLY and name != "log_age_days")
SEED = 20190515
#: Chosen by 5-fold CV on the training part only (see the model card).
PARAMS = {"max_iter": 200, "learning_rate": 0.05, "max_depth": 3, "min_samples_leaf": 10,
          "l2_regularization": 1.0}


def load_profiles(folder: Path) -> tuple[list, np.ndarray, list[str]]:
    """cresci-rtbust profiles joined to labels (bot = 1), first occurrence of each id."""
    base = folder / "cresci-rtbust-2019"
    labels = dict(
        line.split("\t") for line in (base / "cresci-rtbust-2019.tsv").read_text().split("\n")
        if line.strip()
    )
    profiles, ys, ids = [], [], []
    for item in json.loads((base / "cresci-rtbust-2019_tweets.json").read_text()):
        user = item["user"]
        label = labels.get(str(user["id_str"]), "").strip()
        if label not in ("bot", "human") or user["id_str"] in ids:
            continue
        # The wrapper's created_at is the tweet's time: when the counts were observed.
        profiles.append(from_twitter(user, observed_at=_parse_time(item["created_at"])))
        ys.append(1 if label == "bot" else 0)
        ids.append(user["id_str"])
    return profiles, np.array(ys), ids


def load(folder: Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Feature matrix (NaN where a field is missing), labels and account ids."""
    profiles, y, ids = load_profiles(folder)
    return np.array([profile_features(p) for p in profiles]), y, ids


def new_model() -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(**PARAMS, random_state=SEED)


def cv_auc(model, x: np.ndarray, y: np.ndarray, folds) -> tuple[float, float, np.ndarray]:
    """Mean and spread of the per-fold AUC, and the out-of-fold decision values."""
    aucs, oof = [], np.zeros(len(y))
    for train, test in folds.split(x, y):
        model.fit(x[train], y[train])
        oof[test] = model.decision_function(x[test])
        aucs.append(roc_auc_score(y[test], oof[test]))
    return float(np.mean(aucs)), float(np.std(aucs)), oof


def blanked_cv_auc(x: np.ndarray, y: np.ndarray, folds) -> tuple[float, float]:
    """CV AUC when the test accounts' X-only fields are blanked (NaN): a proxy for how
    the shipped model ranks Mastodon and Bluesky profiles, which lack those fields."""
    blank = [i for i, (name, _) in enumerate(FEATURES) if name in X_ONLY]
    aucs = []
    for train, test in folds.split(x, y):
        held = x[test].copy()
        held[:, blank] = np.nan
        aucs.append(roc_auc_score(y[test], new_model().fit(x[train], y[train])
                                  .decision_function(held)))
    return float(np.mean(aucs)), float(np.std(aucs))


def main() -> None:
    # One thread: multi-threaded histogram sums round differently from run to run.
    with threadpool_limits(1):
        _main()


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    profiles, y, _ = load_profiles(args.data)
    x = np.array([profile_features(p) for p in profiles])
    print(f"profiles: {len(y)} (bots {int(y.sum())}, humans {int(len(y) - y.sum())})")
    index = np.arange(len(y))
    train, held = train_test_split(index, test_size=0.2, stratify=y, random_state=SEED)
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
    old = GradientBoostingClassifier(n_estimators=150, max_depth=2, random_state=SEED)
    mean, std, _ = cv_auc(old, x[train][:, :14], y[train], folds)
    print(f"1.0.0 boosted trees, 14 neutral features: 5-fold CV AUC {mean:.3f} ± {std:.3f}")
    neutral = [i for i, (name, _) in enumerate(FEATURES) if name not in X_ONLY]
    mean, std, _ = cv_auc(new_model(), x[train][:, neutral], y[train], folds)
    print(f"hist trees, {len(neutral)} features all platforms have: "
          f"5-fold CV AUC {mean:.3f} ± {std:.3f}")
    mean, std, oof = cv_auc(new_model(), x[train], y[train], folds)
    print(f"hist trees (shipped), {x.shape[1]} features: 5-fold CV AUC {mean:.3f} ± {std:.3f} "
          f"(n={len(train)})")
    mean, std = blanked_cv_auc(x[train], y[train], folds)
    print(f"  same, X-only fields blanked in the test folds: 5-fold CV AUC {mean:.3f} ± {std:.3f}")
    platt = LogisticRegression(C=1e6).fit(oof[:, None], y[train])
    slope, intercept = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    calibrated = cross_val_predict(LogisticRegression(C=1e6), oof[:, None], y[train], cv=folds,
                                   method="predict_proba")[:, 1]
    print(f"Platt on out-of-fold logits: slope {slope:.3f}, intercept {intercept:.3f}; "
          f"Brier raw {brier_score_loss(y[train], 1 / (1 + np.exp(-oof))):.4f}, "
          f"calibrated (CV) {brier_score_loss(y[train], calibrated):.4f}")
    report_rules([profiles[i] for i in train], y[train])
    model = new_model().fit(x[train], y[train])
    artifact = export_model(model, len(train), slope, intercept)
    text = json.dumps(artifact, sort_keys=True, separators=(",", ":")) + "\n"
    if not args.no_write:
        ARTIFACT.write_text(text)
        digest = hashlib.sha256(text.encode()).hexdigest()
        print(f"wrote {ARTIFACT.relative_to(ROOT)} sha256 {digest}")
    held_auc = roc_auc_score(y[held], model.decision_function(x[held]))
    print(f"held-apart AUC (reported once, not used to choose): {held_auc:.3f} (n={len(held)})")
    train_portable(x, y, train, held, folds, write=not args.no_write)


def blank_counts(x: np.ndarray) -> np.ndarray:
    """A copy with the count features missing, as in Bluesky's short profile views."""
    out = x.copy()
    out[:, [i for i, (name, _) in enumerate(FEATURES) if name in COUNTS]] = np.nan
    return out


def with_blanked_copies(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each account five times: whole, then with the features of each one count blanked
    (``READ_FROM``: followers, following, posts), then with every count blanked. The trees
    learn where a profile without a count goes instead of following the larger branch by
    default (plan 24, ``variants/2026-12-06h``: before, only the all-blank copy)."""
    names = [name for name, _ in FEATURES]
    blocks = [x]
    for group in READ_FROM.values():
        out = x.copy()
        out[:, [names.index(f) for f in group]] = np.nan
        blocks.append(out)
    blocks.append(blank_counts(x))
    return np.vstack(blocks), np.concatenate([y] * len(blocks))


def train_portable(x, y, train, held, folds, write: bool = True) -> None:
    """The model for Mastodon and Bluesky profiles: PORTABLE features, blanked copies
    (``with_blanked_copies``)."""
    cols = [i for i, (name, _) in enumerate(FEATURES) if name in PORTABLE]
    xt, yt = x[train], y[train]
    aucs, aucs_blank, oof = [], [], np.zeros(len(yt))
    for a, b in folds.split(xt, yt):
        xa, ya = with_blanked_copies(xt[a], yt[a])
        fitted = new_model().fit(xa[:, cols], ya)
        oof[b] = fitted.decision_function(xt[b][:, cols])
        aucs.append(roc_auc_score(yt[b], oof[b]))
        aucs_blank.append(roc_auc_score(yt[b], fitted.decision_function(
            blank_counts(xt[b])[:, cols])))
    print(f"portable model (Mastodon, Bluesky), {len(cols)} features, no account age: "
          f"5-fold CV AUC {np.mean(aucs):.3f} ± {np.std(aucs):.3f}; with counts missing "
          f"{np.mean(aucs_blank):.3f} ± {np.std(aucs_blank):.3f}")
    platt = LogisticRegression(C=1e6).fit(oof[:, None], yt)
    slope, intercept = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    print(f"  Platt: slope {slope:.3f}, intercept {intercept:.3f}")
    xa, ya = with_blanked_copies(xt, yt)
    model = new_model().fit(xa[:, cols], ya)
    artifact = export_model(model, len(train), slope, intercept, PORTABLE,
                            "kindscope-bot-portable", "1.1.0")
    text = json.dumps(artifact, sort_keys=True, separators=(",", ":")) + "\n"
    if write:
        PORTABLE_ARTIFACT.write_text(text)
        digest = hashlib.sha256(text.encode()).hexdigest()
        print(f"wrote {PORTABLE_ARTIFACT.relative_to(ROOT)} sha256 {digest}")
    held_auc = roc_auc_score(y[held], model.decision_function(x[held][:, cols]))
    held_blank = roc_auc_score(y[held], model.decision_function(blank_counts(x[held])[:, cols]))
    print(f"  held-apart AUC (reported once): {held_auc:.3f}; with counts missing "
          f"{held_blank:.3f} (n={len(held)})")


def report_rules(profiles: list, y: np.ndarray) -> None:
    """How often the rule layer fires on the training part's humans and bots."""
    fired = np.array([check_rules(p) is not None for p in profiles])
    humans, bots = fired[y == 0], fired[y == 1]
    print(f"rule layer fires on {int(humans.sum())}/{len(humans)} humans "
          f"({humans.mean():.1%}, the false-trigger rate) and {int(bots.sum())}/{len(bots)} bots")


def export_model(model: HistGradientBoostingClassifier, n: int, slope: float,
                 intercept: float, features: tuple[str, ...] | None = None,
                 name: str = "kindscope-bot-hgb", version: str = "2.0.0") -> dict:
    """The trees as plain arrays; internal node values are count-weighted leaf means."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        if nodes["is_categorical"].any():
            raise ValueError("categorical splits are not exported")
        trees.append({
            "feature": [int(f) if not leaf else -1
                        for f, leaf in zip(nodes["feature_idx"], nodes["is_leaf"], strict=True)],
            "threshold": [float(t) for t in nodes["num_threshold"]],
            "missing_left": [int(m) for m in nodes["missing_go_to_left"]],
            "left": [int(c) if not leaf else -1
                     for c, leaf in zip(nodes["left"], nodes["is_leaf"], strict=True)],
            "right": [int(c) if not leaf else -1
                      for c, leaf in zip(nodes["right"], nodes["is_leaf"], strict=True)],
            "value": _node_values(nodes),
        })
    return {
        "name": name,
        "version": version,
        "features": list(features or (f for f, _ in FEATURES)),
        "baseline": float(model._baseline_prediction.ravel()[0]),
        "calibration": {"slope": slope, "intercept": intercept},
        "trees": trees,
        "params": PARAMS,
        "training": {"data": f"cresci-rtbust-2019, 80% of the folder (seed {SEED})", "n": n},
    }


def _node_values(nodes) -> list[float]:
    """Leaf values as sklearn has them (shrunk); each internal node the mean of its leaves."""
    values = [float(v) for v in nodes["value"]]

    def fill(i: int) -> tuple[float, int]:
        if nodes["is_leaf"][i]:
            return values[i] * int(nodes["count"][i]), int(nodes["count"][i])
        left_sum, left_n = fill(int(nodes["left"][i]))
        right_sum, right_n = fill(int(nodes["right"][i]))
        values[i] = (left_sum + right_sum) / max(1, left_n + right_n)
        return left_sum + right_sum, left_n + right_n

    fill(0)
    return values


if __name__ == "__main__":
    main()
