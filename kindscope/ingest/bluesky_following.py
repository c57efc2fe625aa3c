"""The recent posts of the accounts a Bluesky user follows, for the care queue:
``kindscope import bluesky:HANDLE --following`` (format ``bluesky-following``).

Read from the public AppView with :mod:`kindscope.ingest.bluesky_api`'s fetchers (rate
limits waited out, ``CachedFetcher`` under the ``cache_dir`` setting so a run resumes):

1. ``app.bsky.actor.getProfile`` -- the user (handle -> DID);
2. ``app.bsky.graph.getFollows`` and ``getFollowers`` -- both directions, so mutuals are known;
3. ``app.bsky.actor.getProfiles`` (batches of 25) -- each followed account's profile with
   its ``labels``. An account with the ``!no-unauthenticated`` self-label or ``#NoCareQueue``
   in its bio is left there: its profile is kept (so the queue knows it opted out), its
   posts are never fetched. So is an account the AppView returns no profile for;
4. per followed account, :data:`~kindscope.ingest.following.WORKERS` at a time:
   ``app.bsky.feed.getAuthorFeed`` (``posts_and_author_threads``: its own posts and
   self-threads, no reposts) page by page until the posts are older than the window, and
   ``app.bsky.feed.getPostThread`` only for the posts in the window that have replies (a
   post inside a thread already fetched is not fetched again).

The posts of others stored here are deleted once older than the care window
(:func:`kindscope.store.care.forget_fetched`). Nothing is auto-detected: the ``--following``
flag of ``kindscope import`` names this format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

from kindscope.errors import InputError, NetworkError
from kindscope.ingest import bluesky_api, following
from kindscope.ingest.base import ImportOptions
from kindscope.ingest.bluesky_api import FetchJson, account_of
from kindscope.model import Account, Follow, Post, Record, Snapshot

__all__ = ["NAME", "PLATFORM", "ONLINE", "CARRIES", "CARRIES_IF_SEEN", "NO_UNAUTHENTICATED",
           "detect", "read", "read_following", "opted_out"]

NAME = "bluesky-following"
PLATFORM = "bluesky"
ONLINE = True
#: What an import of this kind carries (see kindscope.store.availability): follows both
#: ways and profiles. Not others_replies nor engagement_counts: the threads and counts it
#: fetches are those of the followed accounts' posts, not the owner's (the care queue
#: reads them directly).
CARRIES = frozenset({"profiles", "followers", "following"})
CARRIES_IF_SEEN = frozenset({"followers", "following"})
#: The self-label of an account that asked apps not to show it to logged-out viewers.
NO_UNAUTHENTICATED = "!no-unauthenticated"
_PREFIX = "bluesky:"
_FEED_LIMIT = 100
_FEED_PAGES = 10
_THREAD_DEPTH = 50


def detect(source: str) -> bool:
    """Never auto-detected: ``kindscope import --following`` names this format."""
    return False


def read(source: str, options: ImportOptions) -> Iterator[Record]:
    """Read the accounts ``bluesky:HANDLE`` follows (their last ``options.following_days``
    days); with the ``cache_dir`` setting, a run interrupted today resumes from the cache."""
    if not bluesky_api.detect(source):
        raise InputError("expected bluesky:HANDLE (for example bluesky:ana.bsky.social)", source)
    actor = source[len(_PREFIX):].lstrip("@")
    now = datetime.now(UTC)
    fetch: FetchJson = bluesky_api.HttpFetcher(where=source)
    folder = following.day_cache(NAME, actor, now, options.following_days)
    if folder is not None:
        fetch = bluesky_api.CachedFetcher(fetch, folder)
    yield from read_following(actor, fetch, days=options.following_days, now=now,
                              progress=options.progress)


def opted_out(profile: dict) -> bool:
    """Whether a profile view asks not to be read: the ``!no-unauthenticated`` label (set
    by the account itself or by a labeller) or ``#NoCareQueue`` in its bio."""
    labels = profile.get("labels")
    if isinstance(labels, list) and any(isinstance(label, dict)
                                        and label.get("val") == NO_UNAUTHENTICATED
                                        for label in labels):
        return True
    return following.bio_opts_out(profile.get("description"))


def read_following(actor: str, fetch_json: FetchJson, days: float = 3.0,
                   now: datetime | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   workers: int = following.WORKERS, max_pages: int = 200) -> Iterator[Record]:
    """The user, their follow edges both ways, the profiles of the accounts they follow,
    and the posts (with their threads) those accounts made in ``(now - days, now]``.

    ``progress(done, total)`` counts the followed accounts whose posts were read.
    """
    now = now or datetime.now(UTC)
    since = now - timedelta(days=days)
    profile = fetch_json("app.bsky.actor.getProfile", {"actor": actor})
    did = profile.get("did") if isinstance(profile, dict) else None
    if not isinstance(did, str):
        raise NetworkError("app.bsky.actor.getProfile: the answer has no DID", f"bluesky:{actor}")
    yield Snapshot(platform=PLATFORM, owner_id=did, taken_at=now,
                   description=f"Bluesky AppView: the last {days:g} days of the accounts "
                               f"{actor} follows")
    yield account_of(profile)
    followed: dict[str, dict] = {}
    for view in bluesky_api._pages(fetch_json, "app.bsky.graph.getFollows", "follows",
                                   {"actor": did, "limit": 100}, max_pages):
        other = view.get("did")
        if isinstance(other, str) and other != did:
            followed[other] = view
            yield account_of(view)
            yield Follow(PLATFORM, did, other)
    for view in bluesky_api._pages(fetch_json, "app.bsky.graph.getFollowers", "followers",
                                   {"actor": did, "limit": 100}, max_pages):
        other = view.get("did")
        if isinstance(other, str) and other != did:
            if other not in followed:
                yield account_of(view)
            yield Follow(PLATFORM, other, did)
    profiles = yield from _profiles(fetch_json, list(followed))
    readable = [d for d in followed
                if d in profiles and not opted_out(profiles[d]) and not opted_out(followed[d])]
    for records in following.fetch_in_pool(
            readable, lambda d: _recent(fetch_json, d, since, now), progress, workers):
        yield from records


def _profiles(fetch_json: FetchJson, dids: list[str]) -> Iterator[Account]:
    """Yield each profile as an Account; return ``did -> profile view``."""
    found: dict[str, dict] = {}
    for start in range(0, len(dids), bluesky_api._PROFILE_BATCH):
        batch = dids[start:start + bluesky_api._PROFILE_BATCH]
        answer = fetch_json("app.bsky.actor.getProfiles", {"actors": batch})
        for view in answer.get("profiles") or ():
            if isinstance(view, dict) and view.get("did") in batch:
                found[view["did"]] = view
                yield account_of(view)
    return found


def _recent(fetch_json: FetchJson, did: str, since: datetime, now: datetime) -> list[Record]:
    """One followed account's posts in the window, and the threads of those with replies."""
    out: list[Record] = []
    threaded: list[str] = []
    cursor = None
    for _ in range(_FEED_PAGES):
        params = {"actor": did, "filter": "posts_and_author_threads", "limit": _FEED_LIMIT}
        page = fetch_json("app.bsky.feed.getAuthorFeed",
                          {**params, "cursor": cursor} if cursor else params)
        items = [i for i in page.get("feed") or () if isinstance(i, dict)]
        older = False
        for item in items:
            post, records = _own_post(item, did)
            if post is None or post.created_at is None:
                continue
            pinned = _reason(item).endswith("reasonPin")
            if post.created_at <= since:
                older = older or not pinned
                continue
            if post.created_at > now:
                continue
            out.extend(records)
            if (post.reply_count or 0) > 0:
                threaded.append(post.post_id)
        cursor = page.get("cursor")
        if older or not items or not isinstance(cursor, str) or not cursor:
            break
    wanted = set(threaded)
    parents = {r.post_id: r.reply_to_post_id for r in out if isinstance(r, Post)}
    for uri in threaded:
        if parents.get(uri) in wanted:
            continue  # a continuation: its replies come with the thread above it
        thread = fetch_json("app.bsky.feed.getPostThread",
                            {"uri": uri, "depth": _THREAD_DEPTH, "parentHeight": 0})
        out.extend(bluesky_api._thread_replies(thread.get("thread")))
    return out


def _own_post(item: dict, did: str) -> tuple[Post | None, list[Record]]:
    """The account's own post in a feed item (not a repost), with its author."""
    view = item.get("post")
    if not isinstance(view, dict) or _reason(item).endswith("reasonRepost"):
        return None, []
    records = bluesky_api._post_view(view)
    posts = [r for r in records if isinstance(r, Post)]
    if not posts or posts[0].author_id != did:
        return None, []
    return posts[0], records


def _reason(item: dict) -> str:
    reason = item.get("reason")
    kind = reason.get("$type") if isinstance(reason, dict) else None
    return kind if isinstance(kind, str) else ""
