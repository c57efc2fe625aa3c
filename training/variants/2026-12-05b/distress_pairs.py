"""The recovery pairs in the distress head: measured and left out (model 2026.12.12).

    .venv/bin/python training/variants/2026-12-05b/distress_pairs.py OUT [--weight 3.0]
    .venv/bin/python training/eval_ood.py --artifacts OUT --out ood_distress_pairs.json
    .venv/bin/python training/variants/2026-12-05b/score_recovery.py OUT

Copies the shipped artifacts to OUT and refits the distress head with the 40 pairs of
``training/cases/recovery_upbeat.jsonl`` added to its training examples, labels turned
round (good news = 0, still hurting = 1) at ``--weight``; prints the head's validation
figures and writes OUT/metrics.json. The shipped artifacts are not touched.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "training"))

import splits  # noqa: E402
import train_signals  # noqa: E402
from data import cases  # noqa: E402

ARTIFACTS = ROOT / "kindscope/signals/artifacts"


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--weight", type=float, default=3.0)
    args = parser.parse_args(argv)
    if args.out.resolve() == ARTIFACTS.resolve():
        parser.error("OUT must be another folder than the shipped artifacts")
    shutil.copytree(ARTIFACTS, args.out, dirs_exist_ok=True)
    pairs = [replace(e, label=1 - e.label, source="cases")
             for e in cases("recovery_upbeat", args.weight)]
    shipped = splits.SPLITS["distress"]

    def distress():
        train, val = shipped()
        return train + pairs, val

    splits.SPLITS["distress"] = distress
    return train_signals.main(["--skip-export", "--signals", "distress", "--out", str(args.out)])


if __name__ == "__main__":
    main()
