"""Jetstream import speed: events/s end to end (parse + store) and peak memory.

Builds a large capture by replicating the real events of
``../shared/fixtures/bluesky/jetstream/golden_v1.jsonl`` with fresh DIDs and rkeys, then
imports it with the library into a new database.

Usage::

    .venv/bin/python benchmarks/bench_import_jetstream.py --events 500000
    .venv/bin/python benchmarks/bench_import_jetstream.py --events 200000 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import resource
import tempfile
import time
from pathlib import Path

from kindscope.ingest import import_sources
from kindscope.store.db import Store

GOLDEN = Path(__file__).resolve().parents[2] / "shared/fixtures/bluesky/jetstream/golden_v1.jsonl"


def build_capture(path: Path, events: int, seed: int = 13) -> None:
    """Replicate the golden events, each copy with a new author DID and rkey."""
    rng = random.Random(seed)
    templates = [line for line in GOLDEN.read_text("utf-8").splitlines() if line.strip()]
    dids = {json.loads(line)["did"] for line in templates}
    with open(path, "w", encoding="utf-8") as out:
        for n in range(events):
            line = templates[n % len(templates)]
            suffix = f"{n:012x}"
            for did in dids:
                line = line.replace(did, f"did:plc:bench{rng.randrange(1_000_000):07d}")
            line = line.replace('"rkey":"3mm', f'"rkey":"{suffix}')
            line = line.replace("/app.bsky.feed.post/3mm", f"/app.bsky.feed.post/{suffix}")
            out.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500_000)
    parser.add_argument("--profile", action="store_true", help="print the top of cProfile")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        capture = Path(folder) / "capture.jsonl"
        build_capture(capture, args.events)
        size = capture.stat().st_size
        store = Store(Path(folder) / "bench.duckdb")
        profiler = cProfile.Profile() if args.profile else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        [result] = import_sources(store, [str(capture)], format="jetstream")
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - start
        rows = {k: v for k, v in result.added.items() if v}
        store.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"events: {args.events:,} ({size / 2**20:.1f} MiB JSONL)")
    print(f"added: {rows}")
    print(f"time: {seconds:.2f} s -> {args.events / seconds:,.0f} events/s")
    print(f"peak RSS: {peak_mib:,.0f} MiB")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
