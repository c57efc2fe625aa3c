"""Mastodon over the network: ``kindscope import mastodon:@user@host``.

Uses the public REST API of the account's instance, without a token:

1. ``/api/v1/accounts/lookup?acct=user`` -- the account;
2. ``/api/v1/accounts/:id/statuses`` -- their statuses, newest first, paginated;
3. ``/api/v1/statuses/:id/context`` for each status that is a reply or has replies --
   ``ancestors`` (what they answered) and ``descendants`` (the replies others made),
   each yielded as a Post with its author's full Account (counts, creation date, bot flag);
4. ``/api/v1/accounts/:id/followers`` and ``/following`` -- Follow edges and the full
   Accounts at both ends.

The HTTP layer is plain ``urllib`` reading the same JSON Mastodon.py would return:
pagination follows the ``Link: <...>; rel="next"`` header (``max_id`` as a fallback) and
rate limits need the response headers, which Mastodon.py's helpers keep to themselves.
It is injectable: :func:`read` takes ``fetch`` (``url -> (json, headers)``), and the
module-level :data:`fetch_json` can be replaced (tests replay recorded responses).

Ids. API ids are per instance; kindscope keys Mastodon records by ActivityPub URIs. A
status's id is its ``uri`` field. An account's id is its ``uri`` field where the server
sends one (Mastodon 4.x), else derived as ``https://HOST/users/USER`` from ``acct`` (the
actor URI form every Mastodon server uses). ``in_reply_to_id`` is resolved to the parent's
URI through every status fetched (contexts supply the parents of the user's replies); a
parent never fetched leaves ``reply_to_post_id`` None but keeps ``reply_to_account_id``.

Limits. ``max_pages`` (default :data:`MAX_PAGES`) caps the pages of each list and the
context requests. When ``X-RateLimit-Remaining`` reaches 0 we wait until
``X-RateLimit-Reset``; a 429 answer is retried after that reset (or an exponential
backoff) up to :data:`RETRIES` times. Failures raise :class:`NetworkError`, one line.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from kindscope import __version__
from kindscope.errors import InputError, NetworkError
from kindscope.ingest.base import ImportOptions, parse_iso
from kindscope.ingest.html_text import html_to_text
from kindscope.model import Account, Follow, Post, Record, Snapshot

__all__ = ["NAME", "PLATFORM", "ONLINE", "MAX_PAGES", "RETRIES", "RateLimited", "detect",
           "read", "parse_source", "fetch_json", "account_record", "account_uri"]

NAME = "mastodon-api"
PLATFORM = "mastodon"
ONLINE = True
#: What an import of this kind carries (see kindscope.store.availability); items in
#: CARRIES_IF_SEEN count only when the import actually held them.
CARRIES = frozenset({"profiles", "followers", "engagement_counts", "others_replies", "following"})
CARRIES_IF_SEEN = frozenset({"followers", "engagement_counts", "following"})
MAX_PAGES = 50
RETRIES = 4
_TIMEOUT = 30
_MAX_WAIT = 900.0
_SOURCE = re.compile(r"^mastodon:@?([A-Za-z0-9_.+-]+)@([A-Za-z0-9.-]+(?::\d+)?)$")
_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')
_VISIBILITY = {"private": "followers"}

Fetch = Callable[[str], tuple[object, dict]]


class RateLimited(NetworkError):
    """A 429 answer; ``reset`` is when the server says to try again (epoch seconds)."""

    def __init__(self, message: str, where: str | None = None, reset: float | None = None):
        super().__init__(message, where)
        self.reset = reset


def detect(source: str) -> bool:
    return isinstance(source, str) and source.startswith("mastodon:")


def parse_source(source: str) -> tuple[str, str]:
    """``(user, host)`` of ``mastodon:@user@host``."""
    match = _SOURCE.match(source.strip())
    if not match:
        raise InputError("expected mastodon:@user@host (for example mastodon:@ana@example.social)",
                         source)
    return match.group(1), match.group(2)


def fetch_json(url: str) -> tuple[object, dict]:
    """GET ``url`` and parse its JSON body; the response headers, lower-cased."""
    request = urllib.request.Request(url, headers={
        "Accept": "application/json", "User-Agent": f"kindscope/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            body = response.read()
    except urllib.error.HTTPError as exc:
        headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
        if exc.code == 429:
            raise RateLimited("rate limited (HTTP 429)", url,
                              _reset_time(headers)) from None
        raise NetworkError(f"HTTP {exc.code} {exc.reason}", url) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise NetworkError(f"cannot reach the server ({reason})", url) from None
    try:
        return json.loads(body), headers
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise NetworkError("the answer is not JSON", url) from None


def _reset_time(headers: dict) -> float | None:
    value = headers.get("x-ratelimit-reset")
    parsed = parse_iso(value) if value else None
    return parsed.timestamp() if parsed else None


class _Client:
    """Fetches with rate-limit waits, 429 retries and a page budget."""

    def __init__(self, base: str, fetch: Fetch, sleep: Callable[[float], None],
                 max_pages: int):
        self.base, self.fetch, self.sleep, self.max_pages = base, fetch, sleep, max_pages

    def get(self, path_or_url: str) -> tuple[object, dict]:
        url = path_or_url if "://" in path_or_url else self.base + path_or_url
        for attempt in range(RETRIES + 1):
            try:
                body, headers = self.fetch(url)
            except RateLimited as exc:
                if attempt == RETRIES:
                    raise NetworkError(f"still rate limited after {RETRIES} retries",
                                       url) from None
                self._wait(exc.reset, 2.0 ** attempt)
                continue
            headers = {k.lower(): v for k, v in (headers or {}).items()}
            if str(headers.get("x-ratelimit-remaining", "1")).strip() in ("0", "0.0"):
                self._wait(_reset_time(headers), 1.0)
            return body, headers
        raise NetworkError("no answer", url)  # not reached

    def _wait(self, reset: float | None, fallback: float) -> None:
        delay = fallback if reset is None else reset - time.time()
        self.sleep(min(max(delay, fallback if reset is None else 0.0), _MAX_WAIT))

    def pages(self, path: str) -> Iterator[dict]:
        """Items of a paginated list endpoint, following ``Link: rel=next``."""
        url: str | None = path
        for _ in range(self.max_pages):
            body, headers = self.get(url)
            if not isinstance(body, list):
                raise NetworkError("expected a JSON list", self.base + path)
            yield from (item for item in body if isinstance(item, dict))
            match = _NEXT.search(headers.get("link", ""))
            if not body:
                return
            if match:
                url = match.group(1)
            elif "/statuses" in path:
                sep = "&" if "?" in path else "?"
                url = f"{path}{sep}max_id={body[-1].get('id')}"
            else:
                return


def account_uri(account: dict, host: str) -> str:
    """The actor URI of an API account object (``uri``, else derived from ``acct``)."""
    if isinstance(account.get("uri"), str) and account["uri"]:
        return account["uri"]
    acct = str(account.get("acct") or account.get("username") or "")
    user, _, other = acct.partition("@")
    return f"https://{other or host}/users/{user}"


def _handle(account: dict, host: str) -> str | None:
    acct = str(account.get("acct") or "")
    if not acct:
        return None
    return f"@{acct}" if "@" in acct else f"@{acct}@{host}"


def _int(value) -> int | None:
    return value if isinstance(value, int) else None


def account_record(account: dict, host: str) -> Account:
    """An Account with profile counts, creation date, and the object as profile_json."""
    return Account(
        platform=PLATFORM, account_id=account_uri(account, host), handle=_handle(account, host),
        display_name=account.get("display_name") or None,
        description=html_to_text(account.get("note")) or None,
        created_at=parse_iso(account.get("created_at")),
        followers_count=_int(account.get("followers_count")),
        following_count=_int(account.get("following_count")),
        posts_count=_int(account.get("statuses_count")),
        avatar_url=account.get("avatar") or None, url=account.get("url") or None,
        profile_json=json.dumps(account, sort_keys=True, ensure_ascii=False),
    )


def read(source: str, options: ImportOptions, fetch: Fetch | None = None,
         sleep: Callable[[float], None] = time.sleep,
         max_pages: int = MAX_PAGES) -> Iterator[Record]:
    user, host = parse_source(source)
    scheme = "http" if host.startswith("localhost") else "https"
    client = _Client(f"{scheme}://{host}", fetch or fetch_json, sleep, max_pages)
    try:
        yield from _read(client, user, host, options)
    except NetworkError as exc:
        raise NetworkError(exc.message, exc.where or source) from None


def _read(client: _Client, user: str, host: str, options: ImportOptions) -> Iterator[Record]:
    owner, _ = client.get("/api/v1/accounts/lookup?" + urllib.parse.urlencode({"acct": user}))
    if not isinstance(owner, dict) or "id" not in owner:
        raise NetworkError("account lookup did not return an account", f"@{user}@{host}")
    owner_uri = account_uri(owner, host)
    yield Snapshot(platform=PLATFORM, owner_id=owner_uri, taken_at=datetime.now(UTC),
                   description=f"Mastodon API @{user}@{host}")
    yield account_record(owner, host)
    own = list(client.pages(f"/api/v1/accounts/{owner['id']}/statuses?limit=40"))
    statuses = {s["id"]: s for s in own if "id" in s}
    for status in _with_context(client, own):
        statuses.setdefault(status["id"], status)
    uris = {sid: s.get("uri") for sid, s in statuses.items()}
    for status in statuses.values():
        yield from _status_records(status, uris, host, options)
    for path, outward in (("followers", False), ("following", True)):
        for account in client.pages(f"/api/v1/accounts/{owner['id']}/{path}?limit=80"):
            other = account_record(account, host)
            yield other
            edge = (owner_uri, other.account_id) if outward else (other.account_id, owner_uri)
            yield Follow(PLATFORM, *edge)


def _with_context(client: _Client, own: list[dict]) -> Iterator[dict]:
    """Ancestors and descendants of the user's statuses that have a thread."""
    budget = client.max_pages * 40
    for status in own:
        if status.get("reblog") or not (status.get("in_reply_to_id")
                                         or status.get("replies_count")):
            continue
        if budget <= 0:
            return
        budget -= 1
        body, _ = client.get(f"/api/v1/statuses/{status['id']}/context")
        if isinstance(body, dict):
            for key in ("ancestors", "descendants"):
                yield from (s for s in body.get(key) or [] if isinstance(s, dict) and "id" in s)


def _status_records(status: dict, uris: dict, host: str,
                    options: ImportOptions) -> Iterator[Record]:
    if not isinstance(status.get("uri"), str):
        return
    account = status.get("account") if isinstance(status.get("account"), dict) else {}
    author = account_record(account, host)
    visibility = _VISIBILITY.get(status.get("visibility"), status.get("visibility"))
    if visibility == "direct" and not options.include_dms:
        return
    yield author
    reblog = status.get("reblog")
    if isinstance(reblog, dict):
        yield from _status_records(reblog, uris, host, options)
        yield Post(platform=PLATFORM, post_id=status["uri"], author_id=author.account_id,
                   created_at=parse_iso(status.get("created_at")), kind="repost",
                   repost_of_post_id=reblog.get("uri"), visibility=visibility)
        return
    yield _post(status, author.account_id, uris, host, visibility)


def _post(status: dict, author_id: str, uris: dict, host: str, visibility) -> Post:
    text = html_to_text(status.get("content"))
    if status.get("spoiler_text"):
        text = f"CW: {status['spoiler_text']}\n\n{text}".rstrip()
    parent = status.get("in_reply_to_id")
    mentions = [account_uri(m, host) for m in status.get("mentions") or []
                if isinstance(m, dict)]
    parent_account = None
    if status.get("in_reply_to_account_id"):
        parent_account = next(
            (account_uri(m, host) for m in status.get("mentions") or []
             if isinstance(m, dict) and m.get("id") == status["in_reply_to_account_id"]), None)
        if status["in_reply_to_account_id"] == (status.get("account") or {}).get("id"):
            parent_account = author_id
    return Post(
        platform=PLATFORM, post_id=status["uri"], author_id=author_id,
        created_at=parse_iso(status.get("created_at")), text=text,
        kind="dm" if visibility == "direct" else "post",
        reply_to_post_id=uris.get(parent) if parent else None,
        reply_to_account_id=parent_account, lang=status.get("language"),
        visibility=visibility, like_count=_int(status.get("favourites_count")),
        repost_count=_int(status.get("reblogs_count")),
        reply_count=_int(status.get("replies_count")),
        quote_count=_int(status.get("quotes_count")),
        mentions=tuple(dict.fromkeys(mentions)),
        hashtags=tuple(dict.fromkeys(str(t.get("name", "")).lower()
                                     for t in status.get("tags") or [] if isinstance(t, dict))),
        url=status.get("url"),
    )
