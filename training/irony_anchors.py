"""Anchor labels for TweetEval irony's non-ironic training tweets (upbeat).

    .venv/bin/python training/irony_anchors.py [--artifacts DIR] [--force]

The file was written at 41f4eb1 (model 2026.12.10, before the irony tweets came in). A later
model trained on these labels, so rerunning it with the shipped model is refused unless
``--force``; to reproduce the file, copy this script into a checkout of 41f4eb1 and run it
there (the file then also lists support, which no longer uses it).

The ironic training tweets are negatives of upbeat (``splits._ironic``). Alone
they teach a shortcut: the head read the whole data set's style as "not upbeat" (a first
run without anchors lowered the share of the *non*-ironic validation tweets read as upbeat
from 0.44 to 0.26, about as much as the ironic ones: ``eval_ood.py``'s irony rows). So the
non-ironic training tweets go in beside them, labelled with what the model before the
change read in them (its 0.5 thresholds, rules included, no context): the pair differs in
irony, not in source.

The labels are written as the line numbers (0-based, in ``train_text.txt``) read as each
signal, every other non-ironic line being a negative (no tweet text is copied into the
project), to ``training/irony_anchors.json`` with the model version that gave them, so a
refit reads the same labels whatever model is shipped then.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from data import tweeteval  # noqa: E402

OUT = HERE / "irony_anchors.json"
SIGNALS = ("upbeat",)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifacts", type=Path, help="the model to read (default: shipped)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--force", action="store_true",
                        help="overwrite labels given by another model version")
    args = parser.parse_args(argv)
    from kindscope.signals import THRESHOLDS
    from kindscope.signals.model import ARTIFACTS, SignalModel, verify_artifacts

    folder = args.artifacts or ARTIFACTS
    version = verify_artifacts(folder)["model_version"]
    if args.out.exists() and not args.force:
        recorded = json.loads(args.out.read_text(encoding="utf-8"))["model_version"]
        if recorded != version:
            parser.error(f"{args.out} holds the labels of {recorded}; this would write those "
                         f"of {version}, a model that trained on them (--force to do it)")
    model = SignalModel(folder)
    rows = [(i, t) for i, (t, y) in enumerate(tweeteval("irony", "train")) if y == 0]
    scores = model.score([t for _, t in rows], None, SIGNALS)
    read_as = {s: [i for (i, _), p in zip(rows, scores[s], strict=True) if p >= THRESHOLDS[s]]
               for s in SIGNALS}
    record = {"model_version": version, "split": "tweeteval irony train, label 0",
              "lines": len(rows), "read_as": read_as}
    args.out.write_text(json.dumps(record) + "\n")
    for s in SIGNALS:
        print(s, f"{len(read_as[s])} of {len(rows)} non-ironic tweets read as {s}")


if __name__ == "__main__":
    main()
