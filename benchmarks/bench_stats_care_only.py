"""What ``stats`` costs (every import runs it twice) with and without posts fetched for the
care queue.

    .venv/bin/python benchmarks/bench_stats_care_only.py [--posts N] [--fetched M]

An in-memory store of N posts (default 1,000,000) with two mentions each, from one ordinary
import, timed; then M more (default 20,000) from a ``bluesky-following`` import by 300
accounts, timed again. Best of three each.
"""

from __future__ import annotations

import argparse
import time

from kindscope.store.db import Store
from kindscope.store.queries import stats


def _add(store: Store, snapshot: str, fmt: str, prefix: str, authors: int, n: int,
         mentions: bool) -> None:
    store.execute("INSERT INTO snapshots VALUES (?, 'generic', ?, ?, 'me', now(), now(), NULL)",
                  [snapshot, f"{snapshot}.src", fmt])
    named = "['m' || (i % 777), 'n' || (i % 333)]" if mentions else "NULL"
    store.execute(
        "INSERT INTO posts (platform, post_id, author_id, created_at, text, kind, mentions) "
        f"SELECT 'generic', ? || i, ? || (i % ?), now(), 'hello', 'post', {named} "
        "FROM range(?) t(i)", [prefix, f"{prefix}a", authors, n])
    store.execute("INSERT INTO post_sources SELECT 'generic', ? || i, ? FROM range(?) t(i)",
                  [prefix, snapshot, n])
    store.execute("INSERT INTO accounts (platform, account_id) SELECT 'generic', ? || i "
                  "FROM range(?) t(i) ON CONFLICT DO NOTHING", [f"{prefix}a", authors])


def _best(store: Store) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        stats(store)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--fetched", type=int, default=20_000)
    args = parser.parse_args(argv)
    store = Store(":memory:")
    _add(store, "own", "generic", "p", 5000, args.posts, mentions=True)
    print(f"{args.posts:,} posts, none fetched: stats in {_best(store):.3f} s")
    _add(store, "fetch", "bluesky-following", "f", 300, args.fetched, mentions=False)
    print(f"and {args.fetched:,} fetched for the care queue: stats in {_best(store):.3f} s")


if __name__ == "__main__":
    main()
