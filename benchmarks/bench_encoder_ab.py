"""Two ONNX encoders on the same texts in one process: tells a slower model from a slower day.

    .venv/bin/python benchmarks/bench_encoder_ab.py OLD_ARTIFACT_DIR [NEW_ARTIFACT_DIR]

600 texts (200 Dreaddit posts, 400 TweetEval offensive validation tweets), batch 64; runs
old, new, old again and prints rows/s for each. An old encoder comes from git, e.g.
``git show REV:kindscope/signals/artifacts/encoder.onnx > DIR/encoder.onnx`` with the
tokenizer copied beside it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from data import dreaddit, tweeteval  # noqa: E402

from kindscope.signals.encoder import Encoder  # noqa: E402


def main() -> None:
    old = Path(sys.argv[1])
    new = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "kindscope/signals/artifacts"
    texts = [r["text"] for r in dreaddit()[:200]]
    texts += [t for t, _ in tweeteval("offensive", "val")[:400]]
    for name, folder in (("old", old), ("new", new), ("old", old)):
        encoder = Encoder(folder)
        encoder.encode(texts[:50])
        start = time.time()
        encoder.encode(texts, batch_size=64)
        print(f"{name}: {len(texts) / (time.time() - start):.1f} rows/s")


if __name__ == "__main__":
    main()
