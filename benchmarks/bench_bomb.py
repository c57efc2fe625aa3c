"""A decompression bomb against the importer: time and memory until it is refused.

Builds a Mastodon export as a .tar.gz (or .zip) whose outbox.json is padded with N GiB of
spaces (about 1 MB compressed per GiB), then runs ``kindscope import`` on it in a fresh
process and prints the error line, the wall time and the child's peak resident memory.
For comparison it also runs ``kindscope stats`` on an empty database (the process's floor).

Usage::

    .venv/bin/python benchmarks/bench_bomb.py --gib 1
    .venv/bin/python benchmarks/bench_bomb.py --gib 1 --zip
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import fuzzing  # noqa: E402

ACTOR = (Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "mastodon"
         / "archive_synthetic" / "actor.json")
KINDSCOPE = Path(sys.executable).with_name("kindscope")


def build(folder: Path, size: int, as_zip: bool) -> Path:
    return fuzzing.build_bomb(folder, ACTOR.read_bytes(), size, as_zip)


def measure(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) of the child, and its last stderr line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([str(KINDSCOPE), *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    line = (done.stderr.strip().splitlines() or [""])[-1]
    return wall, max(peak, before) / 1024, f"exit {done.returncode}: {line}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gib", type=float, default=1.0)
    parser.add_argument("--zip", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor = measure(["stats", "--db", str(folder / "none.duckdb")])
        bomb = build(folder, int(args.gib * (1 << 30)), args.zip)
        wall, peak, line = measure(["import", str(bomb), "--db", str(folder / "k.duckdb")])
        print(f"{bomb.name}: {bomb.stat().st_size:,} bytes holding {args.gib:g} GiB")
        print(f"  import: {wall:.2f} s, peak RSS {peak:.0f} MiB, {line}")
        print(f"  floor (stats on nothing): {floor[0]:.2f} s, peak RSS {floor[1]:.0f} MiB")
        print(f"  database created: {(folder / 'k.duckdb').exists()}")


if __name__ == "__main__":
    main()
