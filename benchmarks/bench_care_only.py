"""What leaving out the posts fetched only for the care queue costs (``read_sql.CARE_ONLY``).

    .venv/bin/python benchmarks/bench_care_only.py [--posts N] [--fetched M] [--mentions]

An in-memory store of N posts (default 1,000,000) from one ordinary import, then M more
(default 20,000) from a ``bluesky-following`` import by 300 accounts; times, best of three,
before and after the fetched posts are added: the ``CARE_ONLY`` query (every read model and
community scope builds it once, as a temporary table) and ``stats`` (every import runs it
twice); and after, the ``CARE_ONLY_ACCOUNTS`` query (exports, ``stats`` and ``care
--forget`` build it) with the fetched posts' authors known from nowhere else.
``--mentions``: the ordinary posts mention two accounts each (the accounts query reads
every mention of a shown post).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from kindscope.store.db import Store
from kindscope.store.queries import stats
from kindscope.store.read_sql import CARE_ONLY, CARE_ONLY_ACCOUNTS


def _best(run: Callable[[], object]) -> tuple[object, float]:
    times, out = [], None
    for _ in range(3):
        start = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - start)
    return out, min(times)


def _count(store: Store, query: str) -> Callable[[], int]:
    return lambda: int(store.scalar(f"SELECT count(*) FROM ({query})"))


def _add(store: Store, snapshot: str, fmt: str, prefix: str, authors: int, n: int,
         mentions: bool = False) -> None:
    """An import ``snapshot`` of format ``fmt`` holding ``n`` posts by ``authors`` accounts."""
    store.execute("INSERT INTO snapshots VALUES (?, 'generic', ?, ?, 'me', now(), now(), NULL)",
                  [snapshot, f"{snapshot}.src", fmt])
    named = "['m' || (i % 777), 'n' || (i % 333)]" if mentions else "NULL"
    store.execute(
        "INSERT INTO posts (platform, post_id, author_id, created_at, text, kind, mentions) "
        f"SELECT 'generic', ? || i, ? || (i % ?), now(), 'hello', 'post', {named} "
        "FROM range(?) t(i)", [prefix, f"{prefix}a", authors, n])
    store.execute("INSERT INTO post_sources SELECT 'generic', ? || i, ? FROM range(?) t(i)",
                  [prefix, snapshot, n])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--fetched", type=int, default=20_000)
    parser.add_argument("--mentions", action="store_true")
    args = parser.parse_args(argv)
    store = Store(":memory:")
    _add(store, "own", "generic", "p", 5000, args.posts, args.mentions)
    rows, seconds = _best(_count(store, CARE_ONLY))
    _, stat = _best(lambda: stats(store))
    print(f"{args.posts:,} posts, none fetched: CARE_ONLY {rows} rows in {seconds:.3f} s; "
          f"stats in {stat:.3f} s")
    _add(store, "fetch", "bluesky-following", "f", 300, args.fetched)
    rows, seconds = _best(_count(store, CARE_ONLY))
    _, stat = _best(lambda: stats(store))
    print(f"and {args.fetched:,} fetched for the care queue: CARE_ONLY {rows:,} rows in "
          f"{seconds:.3f} s; stats in {stat:.3f} s")
    rows, seconds = _best(_count(store, CARE_ONLY_ACCOUNTS))
    print(f"accounts known only through them: CARE_ONLY_ACCOUNTS {rows:,} rows in "
          f"{seconds:.3f} s")


if __name__ == "__main__":
    main()
