"""Anchor labels for TweetEval irony's non-ironic training tweets (upbeat, support).

    .venv/bin/python training/irony_anchors.py [--artifacts DIR]

The ironic training tweets are negatives of upbeat and support (``splits._ironic``). Alone
they teach a shortcut: the heads read the whole data set's style as "not upbeat" (a probe
at model 2026.12.10 lowered the share of the *non*-ironic validation tweets read as upbeat
from 0.44 to 0.26, about as much as the ironic ones). So the non-ironic training tweets go
in beside them, labelled with what the model before the change read in them (its 0.5
thresholds, rules included, no context): the pair differs in irony, not in source.

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
SIGNALS = ("upbeat", "support")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifacts", type=Path, help="the model to read (default: shipped)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    from kindscope.signals import THRESHOLDS
    from kindscope.signals.model import ARTIFACTS, SignalModel, verify_artifacts

    folder = args.artifacts or ARTIFACTS
    version = verify_artifacts(folder)["model_version"]
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
