"""Train the bot-follower model on cresci-rtbust-2019 and write its artifact.

Usage::

    .venv/bin/python training/train_bots.py [--data ../shared/data/bot-cresci-rtbust-2019]

Needs scikit-learn (training only). The shipped artifact is a small gradient-boosted tree
ensemble in JSON (``kindscope/safety/artifacts/bot_model.json``) that runs on numpy
alone. Prints the cross-validated AUC on the training part, the AUC on a seeded fifth of
the accounts held apart from all fitting, and the feature sanity check on the TwiBot-20
sample (unlabelled). The model card (docs/models/bot.md) quotes these figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from kindscope.safety.profiles import FEATURES, _parse_time, from_twitter, profile_features

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "bot-cresci-rtbust-2019"
ARTIFACT = ROOT / "kindscope" / "safety" / "artifacts" / "bot_model.json"
SEED = 20190515


def load(folder: Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    base = folder / "cresci-rtbust-2019"
    labels = dict(
        line.split("\t") for line in (base / "cresci-rtbust-2019.tsv").read_text().split("\n")
        if line.strip()
    )
    rows, ys, ids = [], [], []
    for item in json.loads((base / "cresci-rtbust-2019_tweets.json").read_text()):
        user = item["user"]
        label = labels.get(str(user["id_str"]), "").strip()
        if label not in ("bot", "human") or user["id_str"] in ids:
            continue
        # The wrapper's created_at is the tweet's time: when the counts were observed.
        profile = from_twitter(user, observed_at=_parse_time(item["created_at"]))
        rows.append(profile_features(profile))
        ys.append(1 if label == "bot" else 0)
        ids.append(user["id_str"])
    return np.array(rows), np.array(ys), ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    x, y, _ = load(args.data)
    print(f"profiles: {len(y)} (bots {int(y.sum())}, humans {int(len(y) - y.sum())})")
    x_train, x_held, y_train, y_held = train_test_split(
        x, y, test_size=0.2, stratify=y, random_state=SEED)
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
    logistic = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    boosted = GradientBoostingClassifier(n_estimators=150, max_depth=2, random_state=SEED)
    for name, model in (("logistic (comparison)", logistic), ("boosted trees (shipped)", boosted)):
        cv = cross_val_score(model, x_train, y_train, cv=folds, scoring="roc_auc")
        model.fit(x_train, y_train)
        held = roc_auc_score(y_held, model.predict_proba(x_held)[:, 1])
        print(f"{name}: 5-fold CV AUC {cv.mean():.3f} ± {cv.std():.3f} "
              f"(n={len(y_train)}); held-apart AUC {held:.3f} (n={len(y_held)})")
    artifact = export_trees(boosted, len(y_train))
    text = json.dumps(artifact, sort_keys=True, separators=(",", ":")) + "\n"
    if not args.no_write:
        ARTIFACT.write_text(text)
        digest = hashlib.sha256(text.encode()).hexdigest()
        print(f"wrote {ARTIFACT.relative_to(ROOT)} sha256 {digest}")
    ranked = sorted(zip(FEATURES, boosted.feature_importances_, strict=True), key=lambda p: -p[1])
    for (name, _), weight in ranked:
        print(f"  {name:24} importance {weight:.3f}")


def export_trees(model: GradientBoostingClassifier, n: int) -> dict:
    """The boosted trees as plain arrays: every node's feature, threshold, children, value."""
    trees = []
    for estimator in model.estimators_[:, 0]:
        tree = estimator.tree_
        trees.append({
            "feature": tree.feature.tolist(),
            "threshold": [float(t) for t in tree.threshold],
            "left": tree.children_left.tolist(),
            "right": tree.children_right.tolist(),
            "value": [round(float(v), 8) for v in tree.value[:, 0, 0]],
        })
    return {
        "name": "kindscope-bot-gbt",
        "version": "1.0.0",
        "features": [name for name, _ in FEATURES],
        "learning_rate": model.learning_rate,
        "prior": round(float(model.init_.class_prior_[1]), 8),
        "trees": trees,
        "training": {"data": f"cresci-rtbust-2019, 80% of the folder (seed {SEED})", "n": n},
    }

if __name__ == "__main__":
    main()
