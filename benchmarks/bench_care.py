"""Time the care queue on a large circle: ``kindscope care`` reads the store each time it
is opened (nothing is kept between runs), so it must be quick.

A seeded synthetic store: the owner follows ``--following`` accounts (60% follow back),
``--posts`` posts (default 100,000) spread over 30 days by those accounts and 2,000
others, a third of them replies, every post already scored (seeded random scores under the
installed model version, so no model runs). Built with bulk inserts; then the queue is
computed ``--repeat`` times (a fresh read model each time, as each command builds one) and
the median is printed. Goal (issue 13): under 5 s on 2 cores.

Usage::

    python benchmarks/bench_care.py [--following 1000] [--posts 100000] [--seed 13]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

from kindscope.care.queue import care_queue
from kindscope.signals import MODEL_VERSION, RULE_SIGNALS, SIGNALS
from kindscope.store.db import Store
from kindscope.store.read import read_model

TAKEN = datetime(2024, 6, 30, tzinfo=UTC)


def build(path: Path, following: int, posts: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    circle = [f"f{i}" for i in range(following)]
    others = [f"o{i}" for i in range(2000)]
    people = np.array(circle + others)
    store = Store(path)
    try:
        con = store.con
        con.execute("INSERT INTO snapshots VALUES ('s1', 'generic', 'bench', 'generic', 'me', "
                    "?, ?, NULL)", [TAKEN, TAKEN])
        for item in ("others_replies", "followers", "following"):
            con.execute("INSERT INTO snapshot_carries VALUES ('s1', ?)", [item])
        follows = [("me", f) for f in circle] + [
            (f, "me") for f in circle if rng.random() < 0.6]
        con.register("f", pa.table({"a": [a for a, _ in follows], "b": [b for _, b in follows]}))
        con.execute("INSERT INTO follows SELECT 'generic', a, b, 's1', NULL FROM f")
        ids = np.array([f"p{i}" for i in range(posts)])
        authors = people[rng.integers(0, len(people), posts)]
        minutes = np.sort(rng.integers(0, 30 * 24 * 60, posts))
        created = [TAKEN - timedelta(days=30) + timedelta(minutes=int(m)) for m in minutes]
        is_reply = rng.random(posts) < 1 / 3
        parent = np.where(is_reply, np.maximum(np.arange(posts) - rng.integers(1, 200, posts), 0),
                          -1)
        reply_to = [ids[p] if p >= 0 and p != i else None for i, p in enumerate(parent)]
        con.register("p", pa.table({"id": ids, "author": authors, "ts": created,
                                    "reply_to": reply_to}))
        con.execute("INSERT INTO posts (platform, post_id, author_id, created_at, text, kind, "
                    "reply_to_post_id) SELECT 'generic', id, author, ts, 'a post', 'post', "
                    "reply_to FROM p")
        rows = {"post_id": [], "signal": [], "score": []}
        for signal in SIGNALS:
            rows["post_id"].append(ids)
            rows["signal"].append(np.full(posts, signal))
            rows["score"].append(rng.beta(1, 4, posts))
        for signal in RULE_SIGNALS:  # the rules' readings scoring stores: no text is one
            rows["post_id"].append(ids)
            rows["signal"].append(np.full(posts, signal))
            rows["score"].append(np.zeros(posts))
        con.register("s", pa.table({k: np.concatenate(v) for k, v in rows.items()}))
        con.execute("INSERT INTO signal_scores SELECT 'generic', post_id, signal, score, ? "
                    "FROM s", [MODEL_VERSION])
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--following", type=int, default=1000)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "care.duckdb"
        began = time.perf_counter()
        build(path, args.following, args.posts, args.seed)
        print(f"built {args.posts:,} posts, {args.following:,} followed accounts in "
              f"{time.perf_counter() - began:.1f} s")
        times, cpu = [], []
        with Store(path, read_only=True) as store:
            for _ in range(args.repeat):
                wall, used = time.perf_counter(), time.process_time()
                rm = read_model(store)
                queue = care_queue(rm)
                rm.close()
                times.append(time.perf_counter() - wall)
                cpu.append(time.process_time() - used)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"care queue: median {statistics.median(times):.2f} s wall "
              f"({statistics.median(cpu):.2f} s CPU) over {args.repeat} runs; "
              f"{len(queue.items)} shown, {queue.held_back} held back, "
              f"excluded {queue.excluded}; peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
