"""The Bluesky AppView importer, never over the network.

Responses come from two places, said in each test: recorded AppView responses in
../shared/fixtures/bluesky/appview (from the atproto Python SDK's tests), and responses
written by hand in the documented lexicon shape (app.bsky.actor.defs#profileViewDetailed,
app.bsky.feed.defs#feedViewPost / #threadViewPost, getFollowers/getFollows pages).
"""

from __future__ import annotations

import io
import json
import urllib.error
from email.message import Message
from pathlib import Path

import pytest

from kindscope.errors import NetworkError
from kindscope.ingest import bluesky_api, detect_format
from kindscope.model import Account, Follow, Post, Snapshot

APPVIEW = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "bluesky" / "appview"
needs_appview = pytest.mark.skipif(not APPVIEW.exists(), reason="../shared fixtures are not here")

ME = "did:plc:me"
YOU = "did:plc:you"
FAN = "did:plc:fan"
MY_POST = f"at://{ME}/app.bsky.feed.post/3mine"


def profile(did, handle, **extra):
    return {"did": did, "handle": handle, "displayName": handle.split(".")[0],
            "createdAt": "2023-01-01T00:00:00Z", **extra}


def detailed(did, handle):
    return profile(did, handle, followersCount=3, followsCount=2, postsCount=40,
                   description=f"I am {handle}", avatar=f"https://cdn.example/{handle}")


def post_view(uri, author, text, reply_count=0, reply=None):
    record = {"$type": "app.bsky.feed.post", "text": text, "createdAt": "2024-05-01T10:00:00Z"}
    if reply:
        record["reply"] = {"root": {"uri": reply, "cid": "c"}, "parent": {"uri": reply, "cid": "c"}}
    return {"uri": uri, "cid": "c", "author": author, "record": record, "replyCount": reply_count,
            "repostCount": 1, "likeCount": 5, "quoteCount": 0, "indexedAt": "2024-05-01T10:00:01Z"}


class Replay:
    """fetch_json that answers from a dict of responses (written by hand) and logs calls."""

    def __init__(self, responses):
        self.responses = responses
        self.calls = []

    def __call__(self, method, params):
        self.calls.append((method, dict(params)))
        answer = self.responses[method]
        return answer(params) if callable(answer) else answer


def hand_written_account():
    me, you, fan = profile(ME, "me.bsky.social"), profile(YOU, "you.bsky.social"), profile(
        FAN, "fan.bsky.social")
    reply_to_me = post_view(f"at://{YOU}/app.bsky.feed.post/3reply", you, "hugs", reply=MY_POST)
    reply_to_reply = post_view(f"at://{ME}/app.bsky.feed.post/3thanks", me, "thank you",
                               reply=f"at://{YOU}/app.bsky.feed.post/3reply")
    feed_pages = {
        None: {"feed": [{"post": post_view(MY_POST, me, "bad day", reply_count=1)}],
               "cursor": "page2"},
        "page2": {"feed": [{"post": post_view(f"at://{YOU}/app.bsky.feed.post/3theirs", you, "hi"),
                            "reason": {"$type": "app.bsky.feed.defs#reasonRepost", "by": me,
                                       "indexedAt": "2024-05-02T00:00:00Z"}}]},
    }
    return Replay({
        "app.bsky.actor.getProfile": detailed(ME, "me.bsky.social"),
        "app.bsky.feed.getAuthorFeed": lambda p: feed_pages[p.get("cursor")],
        "app.bsky.feed.getPostThread": {"thread": {
            "$type": "app.bsky.feed.defs#threadViewPost", "post": post_view(MY_POST, me, "bad day"),
            "replies": [
                {"$type": "app.bsky.feed.defs#threadViewPost", "post": reply_to_me,
                 "replies": [{"$type": "app.bsky.feed.defs#threadViewPost",
                              "post": reply_to_reply, "replies": []}]},
                {"$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://x", "notFound": True},
            ]}},
        "app.bsky.graph.getFollowers": {"followers": [you, fan], "subject": me},
        "app.bsky.graph.getFollows": {"follows": [you], "subject": me},
        "app.bsky.actor.getProfiles": lambda p: {"profiles": [
            detailed(d, d.split(":")[-1] + ".bsky.social") for d in p["actors"]]},
    })


def test_detect():
    assert bluesky_api.detect("bluesky:alice.bsky.social")
    assert not bluesky_api.detect("bluesky:")
    assert not bluesky_api.detect("alice.bsky.social")
    assert detect_format("bluesky:alice.bsky.social") == "bluesky-api"


def test_hand_written_account_feed_threads_follows_profiles():
    """Responses written by hand in the documented lexicon shapes."""
    fetch = hand_written_account()
    records = list(bluesky_api.read_account("me.bsky.social", fetch))
    assert records[0] == Snapshot(platform="bluesky", owner_id=ME,
                                  description="Bluesky AppView for me.bsky.social")
    posts = {r.post_id: r for r in records if isinstance(r, Post)}
    assert posts[MY_POST].reply_count == 1 and posts[MY_POST].like_count == 5
    reply = posts[f"at://{YOU}/app.bsky.feed.post/3reply"]
    assert (reply.reply_to_post_id, reply.reply_to_account_id) == (MY_POST, ME)
    assert f"at://{ME}/app.bsky.feed.post/3thanks" in posts  # replies are followed down
    [repost] = [p for p in posts.values() if p.kind == "repost"]
    assert repost.author_id == ME
    assert repost.repost_of_post_id == f"at://{YOU}/app.bsky.feed.post/3theirs"
    follows = {(f.follower_id, f.followee_id) for f in records if isinstance(f, Follow)}
    assert follows == {(YOU, ME), (FAN, ME), (ME, YOU)}
    full = [r for r in records if isinstance(r, Account) and r.followers_count is not None]
    assert {a.account_id for a in full} == {ME, YOU, FAN}
    fan = next(a for a in full if a.account_id == FAN)
    assert fan.posts_count == 40 and fan.created_at.year == 2023
    assert json.loads(fan.profile_json)["followsCount"] == 2
    methods = [m for m, _ in fetch.calls]
    assert methods.count("app.bsky.feed.getAuthorFeed") == 2  # followed the cursor
    assert methods.count("app.bsky.feed.getPostThread") == 1  # only the post with replies
    [batch] = [p for m, p in fetch.calls if m == "app.bsky.actor.getProfiles"]
    assert sorted(batch["actors"]) == sorted([YOU, FAN])


def test_profiles_are_fetched_in_batches_of_25():
    """Responses written by hand: 60 followers -> 3 getProfiles calls."""
    fetch = hand_written_account()
    fetch.responses["app.bsky.graph.getFollowers"] = {
        "followers": [profile(f"did:plc:f{i}", f"f{i}.bsky.social") for i in range(60)]}
    list(bluesky_api.read_account("me.bsky.social", fetch, threads=False))
    sizes = [len(p["actors"]) for m, p in fetch.calls if m == "app.bsky.actor.getProfiles"]
    assert sizes == [25, 25, 11]  # 60 followers + the account followed


def test_max_pages_caps_pagination():
    """Responses written by hand: a feed that always has another page."""
    fetch = hand_written_account()
    fetch.responses["app.bsky.feed.getAuthorFeed"] = {"feed": [], "cursor": "again"}
    fetch.responses["app.bsky.graph.getFollows"] = lambda p: {
        "follows": [profile("did:plc:x", "x.bsky.social")], "cursor": "more"}
    list(bluesky_api.read_account("me", fetch, max_pages=3, threads=False))
    assert sum(m == "app.bsky.graph.getFollows" for m, _ in fetch.calls) == 3


@needs_appview
def test_recorded_appview_follows_and_thread():
    """Recorded AppView responses (get_follows.json, thread_view_post_with_embed_media.json)."""
    follows = json.loads((APPVIEW / "get_follows.json").read_text())
    thread = json.loads((APPVIEW / "thread_view_post_with_embed_media.json").read_text())
    owner = follows["subject"]
    fetch = Replay({
        "app.bsky.actor.getProfile": follows["subject"],
        "app.bsky.feed.getAuthorFeed": {"feed": [{"post": thread["thread"]["post"]}]},
        "app.bsky.feed.getPostThread": thread,
        "app.bsky.graph.getFollowers": {"followers": []},
        "app.bsky.graph.getFollows": follows,
        "app.bsky.actor.getProfiles": {"profiles": follows["follows"]},
    })
    records = list(bluesky_api.read_account(owner["handle"], fetch))
    edges = [r for r in records if isinstance(r, Follow)]
    assert len(edges) == 6 and {e.follower_id for e in edges} == {owner["did"]}
    why = next(r for r in records if isinstance(r, Account) and r.handle == "why.bsky.team")
    assert why.account_id == "did:plc:vpkhqolt662uhesyj6nxm7ys"
    assert why.created_at.year == 2022
    [post] = [r for r in records if isinstance(r, Post)]
    assert post.quote_of_post_id == (
        "at://did:plc:kvwvcn5iqfooopmyzvb4qzba/app.bsky.feed.post/3kahesw26il2z")
    assert post.url == "https://bsky.app/profile/did:plc:kvwvcn5iqfooopmyzvb4qzba/post/3kaheyt6vpc22"


class FakeResponse(io.BytesIO):
    def __init__(self, body: bytes, headers: dict):
        super().__init__(body)
        self.headers = headers

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def http_error(code: int, headers: dict, body: bytes = b"{}"):
    message = Message()
    for key, value in headers.items():
        message[key] = value
    return urllib.error.HTTPError("https://x", code, "Too Many Requests", message, io.BytesIO(body))


def test_http_fetcher_waits_out_429_with_a_cap():
    """Hand-written HTTP answers: a 429 with RateLimit-Reset far away, then a JSON body."""
    answers = [http_error(429, {"RateLimit-Reset": "99999999999"}),
               FakeResponse(b'{"did": "did:plc:me"}', {"RateLimit-Remaining": "10"})]
    waits = []

    def opener(request, timeout):
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    fetch = bluesky_api.HttpFetcher(opener=opener, sleep=waits.append, max_wait=30)
    assert fetch("app.bsky.actor.getProfile", {"actor": "me"}) == {"did": "did:plc:me"}
    assert waits == [30]


def test_http_fetcher_errors_are_one_line_network_errors():
    """Hand-written HTTP answers: a 400 with an XRPC error body, and an unreachable host."""
    def bad_request(request, timeout):
        raise http_error(400, {}, b'{"error": "InvalidRequest", "message": "Profile not found"}')

    fetch = bluesky_api.HttpFetcher(opener=bad_request, where="bluesky:nobody")
    with pytest.raises(NetworkError, match="HTTP 400 Profile not found") as info:
        fetch("app.bsky.actor.getProfile", {"actor": "nobody"})
    assert info.value.where == "bluesky:nobody"

    def offline(request, timeout):
        raise urllib.error.URLError("no route to host")

    with pytest.raises(NetworkError, match="cannot reach the AppView"):
        bluesky_api.HttpFetcher(opener=offline)("app.bsky.actor.getProfile", {"actor": "x"})


def test_cached_fetcher_resumes_without_fetching_again(tmp_path):
    """Hand-written responses: the second run is answered from the cache folder."""
    first = hand_written_account()
    list(bluesky_api.read_account("me.bsky.social", bluesky_api.CachedFetcher(first, tmp_path)))
    second = hand_written_account()
    records = list(bluesky_api.read_account("me.bsky.social",
                                            bluesky_api.CachedFetcher(second, tmp_path)))
    assert second.calls == [] and len(records) > 10


def test_cache_dir_setting_makes_the_online_import_resumable(tmp_path, monkeypatch):
    """Hand-written answer in the documented getProfile shape; no network is touched."""
    from kindscope.ingest import bluesky_api

    calls = []

    class FakeHttp:
        def __init__(self, where=None):
            pass

        def __call__(self, method, params):
            calls.append(method)
            if len(calls) > 1:
                raise bluesky_api.NetworkError("connection reset", "bluesky:ana.test")
            return {"did": "did:plc:ana", "handle": "ana.test"}

    monkeypatch.setattr(bluesky_api, "HttpFetcher", FakeHttp)
    monkeypatch.setenv("KINDSCOPE_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(bluesky_api.NetworkError):
        list(bluesky_api.read("bluesky:ana.test", None))
    assert calls[0] == "app.bsky.actor.getProfile"
    assert len(list((tmp_path / "cache" / "bluesky" / "ana.test").glob("*.json"))) == 1
    calls.clear()
    with pytest.raises(bluesky_api.NetworkError):
        list(bluesky_api.read("bluesky:ana.test", None))
    assert calls[0] != "app.bsky.actor.getProfile"  # the first answer came from the cache
