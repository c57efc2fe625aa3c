"""The public Bluesky AppView for one account, over the network: ``bluesky:HANDLE``.

What is read (all public, no login), from ``https://public.api.bsky.app/xrpc/``:

1. ``app.bsky.actor.getProfile`` — the account (handle -> DID, counts).
2. ``app.bsky.feed.getAuthorFeed`` (``posts_with_replies``, paginated) — the user's posts,
   replies and reposts, with the posts they answer or repost.
3. ``app.bsky.feed.getPostThread`` for each of the user's posts that has replies — the
   replies others made, all the way down.
4. ``app.bsky.graph.getFollowers`` / ``getFollows`` (paginated) — follow edges.
5. ``app.bsky.actor.getProfiles`` in batches of 25 — full profiles of everyone met
   (counts, creation date, description, avatar; the raw profile in ``profile_json``).

HTTP goes through a ``fetch_json(method, params) -> dict`` callable, so tests replay
responses; the default :class:`HttpFetcher` waits out rate limits (HTTP 429 and the
``RateLimit-Remaining``/``RateLimit-Reset`` headers, each wait capped) and turns network
failures into one-line :class:`NetworkError`. :class:`CachedFetcher` keeps every response
in a folder, so an interrupted import can be re-run without fetching again (resumable).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from kindscope import settings
from kindscope.errors import InputError, NetworkError
from kindscope.ingest import bluesky_records as bsky
from kindscope.ingest.base import ImportOptions
from kindscope.model import Account, Follow, Post, Record, Snapshot

__all__ = [
    "NAME", "PLATFORM", "ONLINE", "APPVIEW", "FetchJson", "HttpFetcher", "CachedFetcher",
    "detect", "read", "read_account", "account_of", "post_of",
]

NAME = "bluesky-api"
PLATFORM = "bluesky"
ONLINE = True
#: What an import of this kind carries (see kindscope.store.availability); items in
#: CARRIES_IF_SEEN count only when the import actually held them.
CARRIES = frozenset({"profiles", "followers", "engagement_counts", "others_replies", "following"})
CARRIES_IF_SEEN = frozenset({"followers", "engagement_counts", "following"})
APPVIEW = "https://public.api.bsky.app/xrpc/"
_PREFIX = "bluesky:"
_PROFILE_BATCH = 25

#: ``fetch_json(method, params)``: the JSON object an XRPC query method answers.
FetchJson = Callable[[str, dict], dict]


def detect(source: str) -> bool:
    return isinstance(source, str) and source.startswith(_PREFIX) and len(source) > len(_PREFIX)


def read(source: str, options: ImportOptions) -> Iterator[Record]:
    """Read ``bluesky:HANDLE`` (or ``bluesky:DID``) from the public AppView.

    With the ``cache_dir`` setting (``KINDSCOPE_CACHE_DIR``), every answer is kept there,
    so an interrupted import resumes where it stopped when run again.
    """
    if not detect(source):  # `--format bluesky-api FILE`: nothing of a local path is sent
        raise InputError("expected bluesky:HANDLE (for example bluesky:ana.bsky.social)", source)
    actor = source[len(_PREFIX):].lstrip("@")
    fetch: FetchJson = HttpFetcher(where=source)
    cache_dir = settings.get("cache_dir")
    if cache_dir:
        fetch = CachedFetcher(fetch, Path(str(cache_dir)) / "bluesky" / actor.replace("/", "_"))
    yield from read_account(actor, fetch)


class HttpFetcher:
    """GET an XRPC method with urllib; waits out rate limits; errors as NetworkError."""

    def __init__(self, base: str = APPVIEW, where: str | None = None, timeout: float = 30.0,
                 max_wait: float = 60.0, retries: int = 3,
                 opener: Callable = urllib.request.urlopen,
                 sleep: Callable[[float], None] = time.sleep):
        self.base, self.where, self.timeout = base, where, timeout
        self.max_wait, self.retries = max_wait, retries
        self.opener, self.sleep = opener, sleep

    def __call__(self, method: str, params: dict) -> dict:
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None},
                                       doseq=True)
        url = f"{self.base}{method}?{query}"
        request = urllib.request.Request(url, headers={"Accept": "application/json",
                                                       "User-Agent": "kindscope"})
        for attempt in range(self.retries + 1):
            try:
                with self.opener(request, timeout=self.timeout) as response:
                    body = response.read()
                    self._pace(response.headers)
                return self._json(body, method)
            except urllib.error.HTTPError as exc:
                if exc.code in (429, 503) and attempt < self.retries:
                    self.sleep(self._wait(exc.headers, default=2.0 ** attempt))
                    continue
                raise NetworkError(f"{method}: HTTP {exc.code} {_error_text(exc)}",
                                   self.where) from None
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                raise NetworkError(f"{method}: cannot reach the AppView ({reason})",
                                   self.where) from None
        raise NetworkError(f"{method}: still rate-limited after {self.retries} waits",
                           self.where)

    def _json(self, body: bytes, method: str) -> dict:
        try:
            data = json.loads(body)
        except ValueError:
            raise NetworkError(f"{method}: the answer is not JSON", self.where) from None
        if not isinstance(data, dict):
            raise NetworkError(f"{method}: the answer is not a JSON object", self.where)
        return data

    def _pace(self, headers) -> None:
        remaining = headers.get("RateLimit-Remaining") if headers else None
        if remaining is not None and remaining.strip() == "0":
            self.sleep(self._wait(headers, default=1.0))

    def _wait(self, headers, default: float) -> float:
        """Seconds until ``RateLimit-Reset`` (epoch seconds), capped at ``max_wait``."""
        reset = headers.get("RateLimit-Reset") if headers else None
        try:
            wait = float(reset) - time.time() if reset else default
        except ValueError:
            wait = default
        return min(max(wait, 0.5), self.max_wait)


def _error_text(exc: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(exc.read() or b"{}")
        return str(body.get("message") or body.get("error") or exc.reason)
    except (ValueError, OSError, AttributeError):
        return str(exc.reason)


class CachedFetcher:
    """Keeps each answer in ``folder`` (one JSON file per request), so a re-run after an
    interruption replays what it already has and fetches only the rest."""

    def __init__(self, fetch_json: FetchJson, folder: str | Path):
        self.fetch_json, self.folder = fetch_json, Path(folder)

    def __call__(self, method: str, params: dict) -> dict:
        key = json.dumps([method, params], sort_keys=True).encode()
        path = self.folder / f"{hashlib.sha256(key).hexdigest()[:32]}.json"
        if path.exists():
            return json.loads(path.read_text("utf-8"))
        data = self.fetch_json(method, params)
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_text(json.dumps(data), "utf-8")
        partial.replace(path)
        return data


def read_account(actor: str, fetch_json: FetchJson, max_pages: int = 200,
                 threads: bool = True) -> Iterator[Record]:
    """Everything public about one account, as records (a Snapshot first).

    Parameters
    ----------
    actor : handle or DID.
    fetch_json : how to call an XRPC method (see :data:`FetchJson`).
    max_pages : at most this many pages (of 100) per paginated list.
    threads : fetch the thread of each post that has replies.
    """
    profile = fetch_json("app.bsky.actor.getProfile", {"actor": actor})
    did = profile.get("did")
    if not isinstance(did, str):
        raise NetworkError("app.bsky.actor.getProfile: the answer has no DID", f"bluesky:{actor}")
    yield Snapshot(platform=PLATFORM, owner_id=did, description=f"Bluesky AppView for {actor}")
    yield account_of(profile)
    people: dict[str, None] = {did: None}
    threaded: list[str] = []
    for item in _pages(fetch_json, "app.bsky.feed.getAuthorFeed", "feed",
                       {"actor": did, "filter": "posts_with_replies", "limit": 100}, max_pages):
        for record in _feed_item(item, did, threaded):
            _note(record, people)
            yield record
    if threads:
        for uri in threaded:
            thread = fetch_json("app.bsky.feed.getPostThread",
                                {"uri": uri, "depth": 1000, "parentHeight": 0})
            for record in _thread_replies(thread.get("thread")):
                _note(record, people)
                yield record
    for method, field, follower in (("app.bsky.graph.getFollowers", "followers", False),
                                    ("app.bsky.graph.getFollows", "follows", True)):
        for view in _pages(fetch_json, method, field, {"actor": did, "limit": 100}, max_pages):
            other = view.get("did") if isinstance(view, dict) else None
            if isinstance(other, str):
                people[other] = None
                yield Follow(PLATFORM, did, other) if follower else Follow(PLATFORM, other, did)
    yield from _profiles(fetch_json, [p for p in people if p != did])


def _pages(fetch_json: FetchJson, method: str, field: str, params: dict,
           max_pages: int) -> Iterator[dict]:
    cursor = None
    for _ in range(max_pages):
        page = fetch_json(method, {**params, "cursor": cursor} if cursor else params)
        items = page.get(field)
        yield from (i for i in items or () if isinstance(i, dict))
        cursor = page.get("cursor")
        if not items or not isinstance(cursor, str) or not cursor:
            return


def _note(record: Record, people: dict[str, None]) -> None:
    if isinstance(record, Account):
        people[record.account_id] = None


def _feed_item(item: dict, did: str, threaded: list[str]) -> list[Record]:
    """One author-feed item: the post (or the repost of one) and its reply context."""
    view = item.get("post")
    if not isinstance(view, dict):
        return []
    out = _post_view(view)
    reason = item.get("reason")
    if isinstance(reason, dict) and reason.get("$type", "").endswith("reasonRepost"):
        out.append(_repost(view, reason, did))
    elif out and isinstance(out[-1], Post) and out[-1].author_id == did \
            and (view.get("replyCount") or 0) > 0:
        threaded.append(out[-1].post_id)
    reply = item.get("reply")
    if isinstance(reply, dict):
        for key in ("parent", "root"):
            if isinstance(reply.get(key), dict) and "uri" in reply[key]:
                out.extend(_post_view(reply[key]))
    return out


def _repost(view: dict, reason: dict, did: str) -> Post:
    by = reason.get("by") if isinstance(reason.get("by"), dict) else {}
    uri = reason.get("uri") or f"{view.get('uri')}#repost-by-{by.get('did', did)}"
    return Post(PLATFORM, uri, by.get("did", did), bsky.parse_time(reason.get("indexedAt")),
                kind="repost", repost_of_post_id=view.get("uri"), visibility="public")


def _thread_replies(node: object) -> Iterator[Record]:
    """Every reply under a thread view (not the post itself), depth first."""
    stack = list((node or {}).get("replies") or ()) if isinstance(node, dict) else []
    while stack:
        reply = stack.pop()
        if not isinstance(reply, dict) or not isinstance(reply.get("post"), dict):
            continue  # notFoundPost / blockedPost
        yield from _post_view(reply["post"])
        stack.extend(reply.get("replies") or ())


def post_of(view: dict) -> Post | None:
    """A ``postView`` (uri, author, record, counts) as a Post; None when it is not one."""
    uri, author = view.get("uri"), view.get("author")
    if not isinstance(uri, str) or not isinstance(author, dict):
        return None
    parts = uri[5:].split("/") if uri.startswith("at://") else []
    if len(parts) != 3 or parts[1] != "app.bsky.feed.post":
        return None
    mapped = bsky.map_record(parts[0], parts[1], parts[2], view.get("record"))
    if not mapped or not isinstance(mapped[0], Post):
        return None
    return dataclasses.replace(
        mapped[0], like_count=_int(view.get("likeCount")),
        repost_count=_int(view.get("repostCount")), reply_count=_int(view.get("replyCount")),
        quote_count=_int(view.get("quoteCount")),
    )


def _post_view(view: dict) -> list[Record]:
    post = post_of(view)
    if post is None:
        return []
    author = view.get("author")
    return [account_of(author), post] if isinstance(author, dict) and "did" in author else [post]


def account_of(profile: dict) -> Account:
    """A ``profileView`` (basic, plain or detailed) as an Account; the view kept as JSON."""
    did = str(profile.get("did"))
    handle = profile.get("handle")
    return Account(
        platform=PLATFORM,
        account_id=did,
        handle=handle if isinstance(handle, str) and handle != "handle.invalid" else None,
        display_name=_str(profile.get("displayName")),
        description=_str(profile.get("description")),
        created_at=bsky.parse_time(profile.get("createdAt")),
        followers_count=_int(profile.get("followersCount")),
        following_count=_int(profile.get("followsCount")),
        posts_count=_int(profile.get("postsCount")),
        avatar_url=_str(profile.get("avatar")),
        url=f"https://bsky.app/profile/{did}",
        profile_json=json.dumps(profile, ensure_ascii=False, separators=(",", ":"))
        if "followersCount" in profile else None,
    )


def _profiles(fetch_json: FetchJson, dids: list[str]) -> Iterator[Account]:
    for start in range(0, len(dids), _PROFILE_BATCH):
        batch = dids[start:start + _PROFILE_BATCH]
        answer = fetch_json("app.bsky.actor.getProfiles", {"actors": batch})
        for profile in answer.get("profiles") or ():
            if isinstance(profile, dict) and isinstance(profile.get("did"), str):
                yield account_of(profile)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
