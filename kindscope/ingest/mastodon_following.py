"""The recent statuses of the accounts a Mastodon user follows, for the care queue:
``kindscope import mastodon:@user@host --following`` (format ``mastodon-following``).

Read without a token from the user's instance with :mod:`kindscope.ingest.mastodon_api`'s
client (``Link`` pagination, rate limits waited out, 429 retried):

1. ``/api/v1/accounts/lookup`` -- the user;
2. ``/api/v1/accounts/:id/following`` and ``/followers`` -- both directions (mutuals), with
   the full account objects. An account with ``noindex: true``, ``discoverable: false`` or
   ``#NoCareQueue`` in its bio is left there: its profile is kept (so the queue knows it
   opted out), its statuses are never fetched;
3. per followed account, :data:`~kindscope.ingest.following.WORKERS` at a time:
   ``/api/v1/accounts/:id/statuses?exclude_reblogs=true`` page by page until the statuses
   are older than the window (its own posts and replies to itself are kept, with
   ``replies_count``), and ``/api/v1/statuses/:id/context`` only for the statuses in the
   window that have replies (``descendants``: the answers; a status inside a context already
   fetched is not fetched again).

The instance serves what it knows: for an account on another server, the statuses that
reached this instance. With the ``cache_dir`` setting every answer is kept for the day (the
``Link`` header with it, rate-limit headers not), so an interrupted run resumes. The posts of
others stored here are deleted once older than the care window
(:func:`kindscope.store.care.forget_fetched`).
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.parse
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kindscope.errors import NetworkError
from kindscope.ingest import following, mastodon_api
from kindscope.ingest.base import ImportOptions, parse_iso
from kindscope.ingest.html_text import html_to_text
from kindscope.model import Follow, Record, Snapshot

__all__ = ["NAME", "PLATFORM", "ONLINE", "CARRIES", "CARRIES_IF_SEEN", "CachedFetch",
           "detect", "read", "opted_out"]

NAME = "mastodon-following"
PLATFORM = "mastodon"
ONLINE = True
#: What an import of this kind carries (see kindscope.store.availability): follows both
#: ways and profiles. Not others_replies nor engagement_counts: the threads and counts it
#: fetches are those of the followed accounts' posts, not the owner's (the care queue
#: reads them directly).
CARRIES = frozenset({"profiles", "followers", "following"})
CARRIES_IF_SEEN = frozenset({"followers", "following"})
_STATUS_PAGES = 10


def detect(source: str) -> bool:
    """Never auto-detected: ``kindscope import --following`` names this format."""
    return False


class CachedFetch:
    """A ``url -> (json, headers)`` fetch that keeps each answer as a file in ``folder``
    (the body and its ``Link`` header), so a re-run replays what it already has."""

    def __init__(self, fetch: mastodon_api.Fetch, folder: str | Path):
        self.fetch, self.folder = fetch, Path(folder)

    def __call__(self, url: str) -> tuple[object, dict]:
        path = self.folder / f"{hashlib.sha256(url.encode()).hexdigest()[:32]}.json"
        if path.exists():
            kept = json.loads(path.read_text("utf-8"))
            return kept["body"], kept["headers"]
        body, headers = self.fetch(url)
        link = {k.lower(): v for k, v in (headers or {}).items()}.get("link")
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_text(json.dumps({"body": body, "headers": {"link": link} if link else {}}),
                           "utf-8")
        partial.replace(path)
        return body, headers


def opted_out(account: dict) -> bool:
    """Whether an API account object asks not to be read: ``noindex: true``,
    ``discoverable: false`` or ``#NoCareQueue`` in its bio (``note``)."""
    if account.get("noindex") is True or account.get("discoverable") is False:
        return True
    note = account.get("note")
    return following.bio_opts_out(html_to_text(note) if isinstance(note, str) else None)


def read(source: str, options: ImportOptions, fetch: mastodon_api.Fetch | None = None,
         sleep: Callable[[float], None] = time.sleep, now: datetime | None = None,
         max_pages: int = mastodon_api.MAX_PAGES,
         workers: int = following.WORKERS) -> Iterator[Record]:
    """Read the accounts ``mastodon:@user@host`` follows (their last
    ``options.following_days`` days of statuses)."""
    user, host = mastodon_api.parse_source(source)
    now = now or datetime.now(UTC)
    fetch = fetch or mastodon_api.fetch_json
    folder = following.day_cache(NAME, f"{user}@{host}", now, options.following_days)
    if folder is not None:
        fetch = CachedFetch(fetch, folder)
    scheme = "http" if host.startswith("localhost") else "https"
    client = mastodon_api._Client(f"{scheme}://{host}", fetch, sleep, max_pages)
    try:
        yield from _read(client, user, host, options, now, workers)
    except NetworkError as exc:
        raise NetworkError(exc.message, exc.where or source) from None


def _read(client, user: str, host: str, options: ImportOptions, now: datetime,
          workers: int) -> Iterator[Record]:
    owner, _ = client.get("/api/v1/accounts/lookup?" + urllib.parse.urlencode({"acct": user}))
    if not isinstance(owner, dict) or "id" not in owner:
        raise NetworkError("account lookup did not return an account", f"@{user}@{host}")
    owner_uri = mastodon_api.account_uri(owner, host)
    days = options.following_days
    yield Snapshot(platform=PLATFORM, owner_id=owner_uri, taken_at=now,
                   description=f"Mastodon API: the last {days:g} days of the accounts "
                               f"@{user}@{host} follows")
    yield mastodon_api.account_record(owner, host)
    followed: dict[str, dict] = {}
    for path, outward in (("following", True), ("followers", False)):
        for account in client.pages(f"/api/v1/accounts/{owner['id']}/{path}?limit=80"):
            other = mastodon_api.account_record(account, host)
            if other.account_id == owner_uri:
                continue
            yield other
            if outward:
                followed.setdefault(str(account.get("id")), account)
            edge = (owner_uri, other.account_id) if outward else (other.account_id, owner_uri)
            yield Follow(PLATFORM, *edge)
    readable = [a for a in followed.values() if "id" in a and not opted_out(a)]
    since = now - timedelta(days=days)
    for records in following.fetch_in_pool(
            readable, lambda a: _recent(client, a, host, options, since, now),
            options.progress, workers):
        yield from records


def _recent(client, account: dict, host: str, options: ImportOptions, since: datetime,
            now: datetime) -> list[Record]:
    """One followed account's statuses in the window, and the replies to those with any."""
    mine: list[dict] = []
    path = f"/api/v1/accounts/{account['id']}/statuses?limit=40&exclude_reblogs=true"
    for seen, status in enumerate(client.pages(path)):
        if seen >= _STATUS_PAGES * 40:
            break
        created = parse_iso(status.get("created_at")) if isinstance(
            status.get("created_at"), str) else None
        if created is None or status.get("reblog"):
            continue
        if created <= since:
            if not status.get("pinned"):
                break
            continue
        own = status.get("in_reply_to_id") is None or (
            status.get("in_reply_to_account_id") == account["id"])
        if created <= now and own and isinstance(status.get("uri"), str):
            mine.append(status)
    statuses = {s["id"]: s for s in mine if "id" in s}
    wanted = {sid for sid, s in statuses.items()
              if isinstance(s.get("replies_count"), int) and s["replies_count"] > 0}
    for sid in [sid for sid in statuses if sid in wanted]:
        if statuses[sid].get("in_reply_to_id") in wanted:
            continue  # a continuation: its replies come with the context above it
        body, _ = client.get(f"/api/v1/statuses/{sid}/context")
        if isinstance(body, dict):
            for status in body.get("descendants") or ():
                if isinstance(status, dict) and "id" in status:
                    statuses.setdefault(status["id"], status)
    uris = {sid: s.get("uri") for sid, s in statuses.items()}
    out: list[Record] = []
    for status in statuses.values():
        out.extend(mastodon_api._status_records(status, uris, host, options))
    return out
