"""Cost of exact int8 products (``session.x64quantprecision`` in the encoder), issue 11.

    .venv/bin/python benchmarks/bench_exact_int8.py [--valgrind] [--rounds 2]

Encodes the first 150 TweetEval offensive training tweets in batches of 32 with one
single-threaded session, after a warm-up, once with the setting forced on and once with it
off, each in a fresh process, in turn. The encoder sets it only on x86 CPUs without
AVX512-VNNI (``encoder.needs_exact_products``; printed). ``--valgrind`` runs both under
valgrind, whose emulated CPU has no VNNI: the ratio is an estimate of the cost on such
CPUs (an emulator's slowdown differs by instruction), not a timing on one. Prints seconds
per run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data/tweeteval/datasets/offensive/train_text.txt"
SCRIPT = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
import kindscope.signals.encoder as encoder
from kindscope.signals.encoder import Encoder
encoder.needs_exact_products = lambda: sys.argv[1] == "forced"
from kindscope.signals.model import ARTIFACTS
texts = open({str(DATA)!r}, encoding="utf-8").read().splitlines()[:150]
enc = Encoder(ARTIFACTS, threads=1)
enc.encode(texts[:4])
t0 = time.perf_counter()
enc.encode(texts, batch_size=32)
print(round(time.perf_counter() - t0, 3))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--valgrind", action="store_true")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    prefix = ["valgrind", "--tool=none", "--error-limit=no"] if args.valgrind else []
    out: dict[str, list[float]] = {"off": [], "forced": []}
    for _ in range(args.rounds):
        for mode in ("off", "forced"):
            run = subprocess.run([*prefix, sys.executable, "-c", SCRIPT, mode],
                                 capture_output=True, text=True, check=True)
            out[mode].append(float(run.stdout.split()[-1]))
    sys.path.insert(0, str(ROOT))
    from kindscope.signals.encoder import needs_exact_products

    print(json.dumps({"valgrind": args.valgrind, "seconds": out,
                      "set_here_by_the_encoder": needs_exact_products()}, indent=1))


if __name__ == "__main__":
    main()
