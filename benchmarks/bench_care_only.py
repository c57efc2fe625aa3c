"""What leaving out the posts fetched only for the care queue costs (``read_sql.CARE_ONLY``).

    .venv/bin/python benchmarks/bench_care_only.py [--posts N] [--fetched M]

An in-memory store of N posts (default 1,000,000) from one ordinary import, then M more
(default 20,000) from a ``bluesky-following`` import; times the ``CARE_ONLY`` query (every
read model and community scope builds it once, as a temporary table) before and after the
fetched posts are added, best of three; and the ``CARE_ONLY_ACCOUNTS`` query (exports,
``stats`` and ``care --forget`` build it) with the fetched posts' 300 authors known from
nowhere else.
"""

from __future__ import annotations

import argparse
import time

from kindscope.store.db import Store
from kindscope.store.read_sql import CARE_ONLY, CARE_ONLY_ACCOUNTS


def _best(store: Store, query: str = CARE_ONLY) -> tuple[int, float]:
    times, rows = [], 0
    for _ in range(3):
        start = time.perf_counter()
        rows = int(store.scalar(f"SELECT count(*) FROM ({query})"))
        times.append(time.perf_counter() - start)
    return rows, min(times)


def _add(store: Store, snapshot: str, fmt: str, prefix: str, authors: int, n: int) -> None:
    """An import ``snapshot`` of format ``fmt`` holding ``n`` posts by ``authors`` accounts."""
    store.execute("INSERT INTO snapshots VALUES (?, 'generic', ?, ?, 'me', now(), now(), NULL)",
                  [snapshot, f"{snapshot}.src", fmt])
    store.execute("INSERT INTO posts (platform, post_id, author_id, created_at, text, kind) "
                  "SELECT 'generic', ? || i, ? || (i % ?), now(), 'hello', 'post' "
                  "FROM range(?) t(i)", [prefix, f"{prefix}a", authors, n])
    store.execute("INSERT INTO post_sources SELECT 'generic', ? || i, ? FROM range(?) t(i)",
                  [prefix, snapshot, n])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--fetched", type=int, default=20_000)
    args = parser.parse_args(argv)
    store = Store(":memory:")
    _add(store, "own", "generic", "p", 5000, args.posts)
    rows, seconds = _best(store)
    print(f"{args.posts:,} posts, none fetched: CARE_ONLY {rows} rows in {seconds:.3f} s")
    _add(store, "fetch", "bluesky-following", "f", 300, args.fetched)
    rows, seconds = _best(store)
    print(f"and {args.fetched:,} fetched for the care queue: CARE_ONLY {rows:,} rows in "
          f"{seconds:.3f} s")
    rows, seconds = _best(store, CARE_ONLY_ACCOUNTS)
    print(f"accounts known only through them: CARE_ONLY_ACCOUNTS {rows:,} rows in "
          f"{seconds:.3f} s")


if __name__ == "__main__":
    main()
