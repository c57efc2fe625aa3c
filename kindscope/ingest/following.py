"""What the two ``--following`` importers share (``bluesky_following``, ``mastodon_following``).

They fetch the recent posts of the accounts a user follows, only for the care queue, so:

- the window: only posts of the last ``ImportOptions.following_days`` days are kept;
- the opt-outs, checked on a profile before any post of it is fetched: ``#NoCareQueue``
  (any case) in a bio; each importer adds its platform's own (Bluesky ``!no-unauthenticated``,
  Mastodon ``noindex`` / ``discoverable: false``);
- polite concurrency: :data:`WORKERS` accounts at a time, in order (the records come out in
  the same order whatever the timing, so the snapshot id stays stable);
- a cache folder per day (``<cache_dir>/<kind>/<account>/<YYYY-MM-DD>``): a run interrupted
  today resumes from it; folders from before the window are deleted at the next run, since
  they hold other people's posts.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from kindscope import settings

__all__ = ["WORKERS", "OPT_OUT_TAG", "bio_opts_out", "day_cache", "forget_cache",
           "fetch_in_pool"]

#: Accounts fetched at the same time.
WORKERS = 4
#: The hashtag that keeps an account out of the care queue (compared in lower case).
OPT_OUT_TAG = "#nocarequeue"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

T = TypeVar("T")
R = TypeVar("R")


def bio_opts_out(*texts: object) -> bool:
    """Whether any of ``texts`` (bios) carries ``#NoCareQueue``, in any case."""
    return any(isinstance(t, str) and OPT_OUT_TAG in t.lower() for t in texts)


def day_cache(kind: str, account: str, now: datetime, days: float) -> Path | None:
    """Today's cache folder for ``account`` under the ``cache_dir`` setting (None without
    one); older day folders of the same account, from before the window, are deleted."""
    root = settings.get("cache_dir")
    if not root:
        return None
    base = Path(str(root)) / kind / re.sub(r"[^A-Za-z0-9@._:-]", "_", account)
    oldest = (now - timedelta(days=days + 1)).date().isoformat()
    if base.is_dir():
        for folder in base.iterdir():
            if folder.is_dir() and _DAY.match(folder.name) and folder.name < oldest:
                shutil.rmtree(folder, ignore_errors=True)
    return base / now.date().isoformat()


def forget_cache(kinds: Iterable[str]) -> int:
    """Delete the cached answers of the ``--following`` imports of these kinds (other
    people's posts); return how many account folders were deleted."""
    root = settings.get("cache_dir")
    if not root:
        return 0
    count = 0
    for kind in kinds:
        base = Path(str(root)) / kind
        if base.is_dir():
            count += sum(1 for f in base.iterdir() if f.is_dir())
            shutil.rmtree(base, ignore_errors=True)
    return count


def fetch_in_pool(items: Iterable[T], work: Callable[[T], R],
                  progress: Callable[[int, int], None] | None = None,
                  workers: int = WORKERS) -> Iterator[R]:
    """``work(item)`` for every item, ``workers`` at a time, results in the items' order;
    ``progress(done, total)`` after each. An error stops the rest (nothing more is fetched)."""
    items = list(items)
    if progress is not None:
        progress(0, len(items))
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="kindscope-fetch")
    try:
        for done, result in enumerate(pool.map(work, items), 1):
            if progress is not None:
                progress(done, len(items))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
