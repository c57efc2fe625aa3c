"""Time `kindscope analyze` from nothing to report (import + scoring + metrics + report).

1. The real 1,986-tweet X archive (../shared/fixtures/x-archive-full). Goal: < 30 s.
2. A synthetic community of N posts (default 100,000; seeded generic JSONL, a third of
   them replies from others). Goal: < 10 minutes.

Each run is a fresh process pinned to 2 cores (taskset -c 0,1 where available), on a new
database. The script prints whether the text signals scored the posts: without them the
time covers import, metrics and report only.

Usage::

    python benchmarks/bench_report.py [--posts 100000] [--skip-synthetic]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
X_ARCHIVE = ROOT.parent / "shared" / "fixtures" / "x-archive-full"
WORDS = ("feeling rubbish today", "so happy with how this turned out", "anyone else tired",
         "great news everyone", "sending you a hug", "thanks for asking", "hang in there",
         "finished the pottery class", "bad headache again", "lovely walk this morning")


def synthetic(path: Path, n: int, seed: int = 13) -> None:
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    people = [f"u{i}" for i in range(500)]
    with open(path, "w") as fh:
        fh.write(json.dumps({"type": "meta", "owner": "u0"}) + "\n")
        mine = []
        for i in range(n):
            at = start + timedelta(minutes=5 * i)
            post = {"id": str(i), "created_at": at.isoformat(), "text": rng.choice(WORDS)}
            if i % 3 == 0 and mine:
                post.update(author=rng.choice(people[1:]), reply_to=rng.choice(mine[-50:]))
            else:
                post["author"] = "u0" if i % 3 == 1 else rng.choice(people)
                if post["author"] == "u0":
                    mine.append(str(i))
            fh.write(json.dumps(post) + "\n")


def timed_analyze(source: Path, work: Path) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "kindscope", "analyze", str(source), "--db",
           str(work / "k.duckdb"), "--out", str(work / "out")]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0,1", *cmd]
    began = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return time.perf_counter() - began, done.stderr + done.stdout


def _signals_state(log: str) -> str:
    if "scored " in log:
        return "signals scored the posts"
    return "signals NOT available: " + next(
        (ln.strip() for ln in log.splitlines() if "signals" in ln or "scoring" in ln), "?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--skip-synthetic", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "x"
        work.mkdir()
        seconds, log = timed_analyze(X_ARCHIVE, work)
        print(f"x-archive-full (1,986 tweets): {seconds:.1f} s  [{_signals_state(log)}]")
        if not args.skip_synthetic:
            work = Path(tmp) / "s"
            work.mkdir()
            synthetic(work / "posts.jsonl", args.posts)
            seconds, log = timed_analyze(work / "posts.jsonl", work)
            print(f"synthetic {args.posts:,} posts: {seconds:.1f} s  [{_signals_state(log)}]")


if __name__ == "__main__":
    main()
