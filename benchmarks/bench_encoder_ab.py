"""Two ONNX encoders on the same texts in one process: tells a slower model from a slower day.

    .venv/bin/python benchmarks/bench_encoder_ab.py OLD_ARTIFACT_DIR [NEW_ARTIFACT_DIR] [--rounds 6]

600 texts (200 Dreaddit posts, 400 TweetEval offensive validation tweets), batch 64. The
two encoders run in turn, ``--rounds`` times each, so that a noisy machine slows both
alike; prints rows/s per round, the best and median per encoder, and the ratio of the
medians (new / old), which is steadier across days than either figure. An old encoder
comes from git, e.g. ``git show REV:kindscope/signals/artifacts/encoder.onnx >
DIR/encoder.onnx`` with the tokenizer copied beside it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from data import dreaddit, tweeteval  # noqa: E402

from kindscope.signals.encoder import Encoder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new", nargs="?", default=str(ROOT / "kindscope/signals/artifacts"))
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    texts = [r["text"] for r in dreaddit()[:200]]
    texts += [t for t, _ in tweeteval("offensive", "val")[:400]]
    encoders = {"old": Encoder(Path(args.old)), "new": Encoder(Path(args.new))}
    speeds: dict[str, list[float]] = {name: [] for name in encoders}
    for encoder in encoders.values():
        encoder.encode(texts[:50])
    for _ in range(args.rounds):
        for name, encoder in encoders.items():
            start = time.perf_counter()
            encoder.encode(texts, batch_size=64)
            speeds[name].append(len(texts) / (time.perf_counter() - start))
    for name, values in speeds.items():
        rounds = " ".join(f"{v:.0f}" for v in values)
        print(f"{name}: best {max(values):.1f} median {statistics.median(values):.1f} rows/s "
              f"(rounds: {rounds})")
    ratio = statistics.median(speeds["new"]) / statistics.median(speeds["old"])
    print(f"new / old (medians): {ratio:.2f}")


if __name__ == "__main__":
    main()
