"""Time of the respeller (kindscope/signals/spelling.py) over the bench_signals.py mix.

    .venv/bin/python benchmarks/bench_respeller.py [--rows 3000] [--rounds 5]

Builds the same 3,000-row mix as ``bench_signals.py`` and ``bench_score_ab.py`` (two thirds
tweets, one third long Reddit posts, seed 7), loads the shipped tokenizer, and times
``Respeller.fix`` over every text, best of ``--rounds`` runs after one warm-up (the warm-up
fills the word cache, as a long scoring run would). Prints the seconds, the texts changed,
and texts per second.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from bench_signals import mix  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402

from kindscope.signals.model import ARTIFACTS  # noqa: E402
from kindscope.signals.spelling import Respeller  # noqa: E402

csv.field_size_limit(sys.maxsize)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts, _ = mix(args.rows)
    respeller = Respeller(Tokenizer.from_file(str(ARTIFACTS / "tokenizer.json")))
    changed = sum(respeller.fix(t) != t for t in texts)
    times = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for t in texts:
            respeller.fix(t)
        times.append(time.perf_counter() - t0)
    best = min(times)
    print(json.dumps({"texts": len(texts), "changed": changed, "seconds_best": round(best, 4),
                      "seconds": [round(x, 4) for x in times],
                      "texts_per_second": round(len(texts) / best)}, indent=1))


if __name__ == "__main__":
    main()
