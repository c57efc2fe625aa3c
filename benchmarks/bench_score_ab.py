"""`kindscope score` of two commits on the same rows, alternating, start-up included.

    .venv/bin/python benchmarks/bench_score_ab.py OLD_REV [--rows 3000] [--rounds 5]

The issue's speed measure (issue 11): a 3,000-row mix, two thirds tweets and one third
long Reddit posts (the mix of ``bench_signals.py``, same seed), scored end to end by
``python -m kindscope score FILE --out OUT`` in a fresh process, once by OLD_REV (checked
out into a temporary git worktree) and once by the working tree, in turn, ``--rounds``
times. Alternating makes a slow spell of the machine slow both alike. Prints each run's
seconds, the median rows/s of each side and the ratio of the medians (new / old), and
checks that both wrote the same number of lines. Uses this checkout's virtual environment
for both; the old side imports its own ``kindscope`` package (PYTHONPATH).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_signals import build  # noqa: E402


def run(tree: Path, rows_csv: Path, out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kindscope", "score", str(rows_csv), "--out", str(out)],
        cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="git revision to compare against, e.g. 2dd27f8")
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kindscope_ab_") as tmp:
        work = Path(tmp)
        old_tree = work / "old"
        subprocess.run(["git", "worktree", "add", "--detach", str(old_tree), args.old],
                       cwd=ROOT, check=True, capture_output=True)
        try:
            rows_csv = work / "mixed.csv"
            info = build(rows_csv, args.rows)
            trees = {"old": old_tree, "new": ROOT}
            seconds: dict[str, list[float]] = {name: [] for name in trees}
            lines: dict[str, int] = {}
            for name, tree in trees.items():  # warm the file cache once, not timed
                run(tree, rows_csv, work / f"{name}.jsonl")
            for _ in range(args.rounds):
                for name, tree in trees.items():
                    out = work / f"{name}.jsonl"
                    seconds[name].append(run(tree, rows_csv, out))
                    lines[name] = sum(1 for _ in out.open(encoding="utf-8"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old_tree)],
                           cwd=ROOT, check=False, capture_output=True)
    rate = {k: args.rows / statistics.median(v) for k, v in seconds.items()}
    print(json.dumps({
        "old": args.old,
        "rows": args.rows,
        "long_rows": info["long_rows"],
        "rounds": args.rounds,
        "seconds": {k: [round(x, 2) for x in v] for k, v in seconds.items()},
        "median_rows_per_second": {k: round(v, 1) for k, v in rate.items()},
        "ratio_new_over_old": round(rate["new"] / rate["old"], 3),
        "lines_written": lines,
    }, indent=1))
    if len(set(lines.values())) != 1:
        sys.exit("the two sides wrote different numbers of lines")


if __name__ == "__main__":
    main()
