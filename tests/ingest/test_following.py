"""``kindscope import bluesky:HANDLE --following`` and ``mastodon:@user@host --following``,
never over the network.

Responses:

- Bluesky: written by hand in the documented lexicon shapes (app.bsky.actor.defs
  #profileViewDetailed with ``labels``, app.bsky.feed.defs#feedViewPost with #reasonPin /
  #reasonRepost, #threadViewPost, getFollows/getFollowers pages), with the helpers of
  test_bluesky_api.py; one test uses the RECORDED ``get_follows.json`` and the recorded post
  of ``thread_view_post_with_embed_media.json`` from ../shared/fixtures/bluesky/appview.
- Mastodon: the account and status objects are RECORDED (the Mastodon.py cassettes in
  ../shared/fixtures/mastodon/api_cassettes, read with test_mastodon_api.py's reader);
  ids, handles, times, ``replies_count``, ``note``, ``noindex`` and ``discoverable`` are
  changed by hand, and a hand-written fake server routes the account-statuses, lookup and
  context URLs the cassettes do not hold.

Each fake logs what was fetched, so the tests can say what was never asked for.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

import pytest
from test_bluesky_api import APPVIEW, Replay, detailed, needs_appview, profile
from test_mastodon_api import BASE, CASSETTES, HOST, cassette_bodies

from kindscope.care.queue import care_queue
from kindscope.errors import NetworkError
from kindscope.ingest import bluesky_api, bluesky_following, mastodon_api, mastodon_following
from kindscope.ingest.base import ImportOptions
from kindscope.model import Account, Follow, Post, Snapshot
from kindscope.store.care import forget_fetched
from kindscope.store.db import Store
from kindscope.store.read import read_model

NOW = datetime.now(UTC).replace(microsecond=0)
PAIN = {"distress": 0.9, "crisis": 0.1, "toxicity": 0.05, "hate": 0.01, "support": 0.1,
        "upbeat": 0.05}
FINE = {"distress": 0.1, "crisis": 0.01, "toxicity": 0.05, "hate": 0.01, "support": 0.2,
        "upbeat": 0.6}
KIND = FINE | {"support": 0.9}


def _iso(hours_ago: float) -> str:
    return (NOW - timedelta(hours=hours_ago)).isoformat().replace("+00:00", ".000Z")


def _score(db: Store, platform: str, scores: dict[str, dict]) -> None:
    """Hand scores for every stored post (FINE unless named), as tests/care/test_queue.py."""
    for (pid,) in db.rows("SELECT post_id FROM posts WHERE platform = ?", [platform]):
        for signal, value in scores.get(pid, FINE).items():
            db.execute("INSERT INTO signal_scores VALUES (?, ?, ?, ?, 'test-1')",
                       [platform, pid, signal, value])


# -- Bluesky ----------------------------------------------------------------------------------
ME, ANA, BEN, FAN = "did:plc:me", "did:plc:ana", "did:plc:ben", "did:plc:fan"
OPT, LAB, GONE = "did:plc:opt", "did:plc:lab", "did:plc:gone"
STRANGER = "did:plc:stranger"  # replies in a fetched thread; in no list of mine
HANDLES = {ME: "me.test", ANA: "ana.test", BEN: "ben.test", FAN: "fan.test", OPT: "opt.test",
           LAB: "lab.test", GONE: "gone.test", STRANGER: "stranger.test"}


def uri(did: str, rkey: str) -> str:
    return f"at://{did}/app.bsky.feed.post/{rkey}"


def bsky_post(did, rkey, text, hours_ago, replies=0, reply_to=None, root=None):
    record = {"$type": "app.bsky.feed.post", "text": text, "createdAt": _iso(hours_ago),
              "langs": ["en"]}
    if reply_to:
        record["reply"] = {"root": {"uri": root or reply_to, "cid": "c"},
                           "parent": {"uri": reply_to, "cid": "c"}}
    return {"uri": uri(did, rkey), "cid": "c", "author": profile(did, HANDLES[did]),
            "record": record, "replyCount": replies, "repostCount": 0, "likeCount": 2,
            "quoteCount": 0, "indexedAt": _iso(hours_ago)}


A1, A1C, A2, A3, A4 = (uri(ANA, k) for k in ("a1", "a1c", "a2", "a3", "a4"))
B1, BEN_REPLY, MINE = uri(BEN, "b1"), uri(BEN, "congrats"), uri(ME, "m1")
STRANGER_REPLY = uri(STRANGER, "s1")
#: What the signals would say, written by hand.
BSKY_SCORES = {A1: PAIN, A1C: PAIN, A2: PAIN, B1: PAIN, BEN_REPLY: KIND}


def bluesky_appview() -> Replay:
    """A hand-written AppView: me follows ana (mutual), ben (not mutual), opt (#NoCareQueue
    in the bio), lab (the !no-unauthenticated self-label) and gone (no profile served)."""
    a1 = bsky_post(ANA, "a1", "I feel rubbish", 10, replies=1)
    a1c = bsky_post(ANA, "a1c", "and nobody notices", 9, reply_to=A1)
    a2 = bsky_post(ANA, "a2", "I can't go on like this", 20, replies=1)
    pinned = bsky_post(ANA, "pin", "hello, I'm ana", 400, replies=4)
    feeds = {
        (ANA, None): {"feed": [
            {"post": pinned, "reason": {"$type": "app.bsky.feed.defs#reasonPin"}},
            {"post": a1c, "reply": {"root": a1, "parent": a1}}, {"post": a1},
            {"post": bsky_post(BEN, "boost", "ben's news", 15),
             "reason": {"$type": "app.bsky.feed.defs#reasonRepost",
                        "by": profile(ANA, "ana.test"), "indexedAt": _iso(15)}},
            {"post": a2}, {"post": bsky_post(ANA, "a3", "lunch", 30)}], "cursor": "p2"},
        (ANA, "p2"): {"feed": [{"post": bsky_post(ANA, "a4", "old pain", 100, replies=5)}],
                      "cursor": "p3"},
        (BEN, None): {"feed": [{"post": bsky_post(BEN, "b1", "I'm so tired of it all", 5)}]},
        (ME, None): {"feed": [{"post": bsky_post(ME, "m1", "a lovely walk", 12)}]},
    }
    threads = {
        A1: {"post": a1, "replies": [{"post": a1c, "replies": []}]},
        A2: {"post": a2, "replies": [{"post": bsky_post(BEN, "congrats", "I'm here for you",
                                                        19, reply_to=A2), "replies": []},
                                     {"post": bsky_post(STRANGER, "s1", "same here", 18,
                                                        reply_to=A2), "replies": []}]},
    }
    labelled = {"src": LAB, "uri": f"at://{LAB}/app.bsky.actor.profile/self",
                "val": "!no-unauthenticated", "cts": "2024-01-01T00:00:00Z"}
    full = {did: detailed(did, HANDLES[did]) for did in HANDLES if did != GONE}
    full[OPT]["description"] = "Please leave me out: #NoCareQUEUE"
    full[LAB]["labels"] = [labelled]
    follows = [profile(d, HANDLES[d]) for d in (ANA, BEN, OPT, LAB, GONE)]
    return Replay({
        "app.bsky.actor.getProfile": lambda p: full[{"me.test": ME}.get(p["actor"],
                                                                          p["actor"])],
        "app.bsky.graph.getFollows": {"follows": follows, "subject": profile(ME, "me.test")},
        "app.bsky.graph.getFollowers": {"followers": [profile(ANA, "ana.test"),
                                                      profile(FAN, "fan.test")]},
        "app.bsky.actor.getProfiles": lambda p: {
            "profiles": [full[d] for d in p["actors"] if d in full]},
        "app.bsky.feed.getAuthorFeed": lambda p: feeds[(p["actor"], p.get("cursor"))],
        "app.bsky.feed.getPostThread": lambda p: {"thread": {
            "$type": "app.bsky.feed.defs#threadViewPost", **threads[p["uri"]]}},
    })


def _calls(fetch: Replay, method: str) -> list[dict]:
    return [params for m, params in fetch.calls if m == method]


def test_bluesky_only_posts_in_the_window_and_threads_only_where_there_are_replies():
    """Hand-written responses (see bluesky_appview)."""
    fetch = bluesky_appview()
    progress = []
    records = list(bluesky_following.read_following("me.test", fetch, days=3, now=NOW,
                                                    progress=lambda *a: progress.append(a)))
    assert records[0] == Snapshot(platform="bluesky", owner_id=ME, taken_at=NOW, description=(
        "Bluesky AppView: the last 3 days of the accounts me.test follows"))
    posts = {r.post_id: r for r in records if isinstance(r, Post)}
    # a4 is older than 3 days, the pinned post too, and ana's repost of ben is not hers
    assert set(posts) == {A1, A1C, A2, A3, B1, BEN_REPLY, STRANGER_REPLY}
    assert posts[A1].reply_count == 1 and posts[A1C].reply_to_post_id == A1
    assert posts[BEN_REPLY].reply_to_post_id == A2
    # threads: a1 and a2 have replies; a1c is inside a1's thread; a3, b1 have none
    assert [p["uri"] for p in _calls(fetch, "app.bsky.feed.getPostThread")] == [A1, A2]
    # the feed stops at the page that reaches past the window (p3 is never asked for)
    feeds = _calls(fetch, "app.bsky.feed.getAuthorFeed")
    assert sorted((p["actor"], p.get("cursor") or "") for p in feeds) == [
        (ANA, ""), (ANA, "p2"), (BEN, "")]
    assert all(p["filter"] == "posts_and_author_threads" for p in feeds)
    edges = {(f.follower_id, f.followee_id) for f in records if isinstance(f, Follow)}
    assert edges == {(ME, d) for d in (ANA, BEN, OPT, LAB, GONE)} | {(ANA, ME), (FAN, ME)}
    assert progress == [(0, 2), (1, 2), (2, 2)]


def test_bluesky_opted_out_accounts_posts_are_never_fetched():
    """Hand-written responses: the profile is read first; #NoCareQueue (any case), the
    !no-unauthenticated label, or no profile at all means no getAuthorFeed for the account."""
    fetch = bluesky_appview()
    records = list(bluesky_following.read_following("me.test", fetch, now=NOW))
    asked = {p["actor"] for p in _calls(fetch, "app.bsky.feed.getAuthorFeed")}
    assert asked == {ANA, BEN}
    [batch] = _calls(fetch, "app.bsky.actor.getProfiles")
    assert sorted(batch["actors"]) == sorted([ANA, BEN, OPT, LAB, GONE])
    assert not [r for r in records if isinstance(r, Post) and r.author_id in (OPT, LAB, GONE)]
    kept = {r.account_id: r for r in records if isinstance(r, Account) and r.profile_json}
    assert "!no-unauthenticated" in kept[LAB].profile_json  # kept, so the queue sees it
    assert "#NoCareQUEUE" in kept[OPT].description


@needs_appview
def test_bluesky_recorded_follows_and_post():
    """RECORDED get_follows.json (six followed accounts) and the recorded post of
    thread_view_post_with_embed_media.json; by hand: one profile given the
    !no-unauthenticated label, the post moved to a followed account, and "now" set a day
    after the recorded post."""
    import json

    follows = json.loads((APPVIEW / "get_follows.json").read_text())
    post = json.loads((APPVIEW / "thread_view_post_with_embed_media.json").read_text())[
        "thread"]["post"]
    owner = follows["subject"]
    views = {v["did"]: copy.deepcopy(v) for v in follows["follows"]}
    # the recorded post is the owner's own: by hand, it becomes marshal.dev's
    author = next(d for d, v in views.items() if v["handle"] == "marshal.dev")
    post = dict(post, uri=post["uri"].replace(post["author"]["did"], author),
                author=views[author])
    shy = follows["follows"][0]["did"]
    views[shy]["labels"] = [{"src": shy, "val": "!no-unauthenticated"}]
    now = datetime(2023, 9, 29, 12, tzinfo=UTC)
    fetch = Replay({
        "app.bsky.actor.getProfile": owner,
        "app.bsky.graph.getFollows": follows,
        "app.bsky.graph.getFollowers": {"followers": []},
        "app.bsky.actor.getProfiles": lambda p: {"profiles": [views[d] for d in p["actors"]]},
        "app.bsky.feed.getAuthorFeed": lambda p: {"feed": [{"post": post}]} if (
            p["actor"] == author) else {"feed": []},
    })
    records = list(bluesky_following.read_following(owner["handle"], fetch, now=now))
    asked = {p["actor"] for p in _calls(fetch, "app.bsky.feed.getAuthorFeed")}
    assert asked == set(views) - {shy} and len(asked) == 5
    [kept] = [r for r in records if isinstance(r, Post)]
    assert kept.post_id == post["uri"] and kept.reply_count == 0
    assert _calls(fetch, "app.bsky.feed.getPostThread") == []  # no replies, no thread


class _FakeHttp:
    """Stands in for bluesky_api.HttpFetcher: answers from ``appview``; after ``fail_after``
    calls it fails as a dropped connection would."""

    appview: Replay
    fail_after: int | None = None

    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, method, params):
        if self.fail_after is not None and len(self.appview.calls) >= self.fail_after:
            raise NetworkError("connection reset", "bluesky:me.test")
        return self.appview(method, params)


def test_bluesky_resumes_from_the_cache(tmp_path, monkeypatch):
    """Hand-written responses; KINDSCOPE_CACHE_DIR keeps today's answers, so a run cut off
    part-way asks again only for what it did not get; a day folder from before the window
    (it holds other people's posts) is deleted."""
    monkeypatch.setenv("KINDSCOPE_CACHE_DIR", str(tmp_path / "cache"))
    stale = tmp_path / "cache" / "bluesky-following" / "me.test" / "2000-01-01"
    stale.mkdir(parents=True)
    (stale / "old.json").write_text("{}")
    monkeypatch.setattr(bluesky_api, "HttpFetcher", _FakeHttp)
    _FakeHttp.appview, _FakeHttp.fail_after = bluesky_appview(), 6
    with pytest.raises(NetworkError):
        list(bluesky_following.read("bluesky:me.test", ImportOptions()))
    first = list(_FakeHttp.appview.calls[:6])
    assert not stale.exists()
    _FakeHttp.appview, _FakeHttp.fail_after = bluesky_appview(), None
    records = list(bluesky_following.read("bluesky:me.test", ImportOptions()))
    assert not [c for c in _FakeHttp.appview.calls if c in first]  # answered from the cache
    assert B1 in {r.post_id for r in records if isinstance(r, Post)}
    _FakeHttp.appview = bluesky_appview()
    again = list(bluesky_following.read("bluesky:me.test", ImportOptions()))
    assert _FakeHttp.appview.calls == [] and len(again) == len(records)


def test_bluesky_end_to_end_care_queue_then_forget(tmp_path, monkeypatch, run):
    """Hand-written responses, through the CLI: the user's own import, then --following;
    hand scores; the queue holds the unanswered painful post of the mutual (not the answered
    one, not the non-mutual's); forgetting deletes the fetched posts, never the user's."""
    monkeypatch.setattr(bluesky_api, "HttpFetcher", _FakeHttp)
    _FakeHttp.appview, _FakeHttp.fail_after = bluesky_appview(), None
    db_path = tmp_path / "k.duckdb"
    assert run("import", "bluesky:me.test", "--db", db_path).exit_code == 0
    result = run("import", "bluesky:me.test", "--following", "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "(bluesky-following): added" in result.stdout
    # a1, a1c, a2, a3 (ana), b1 and the two replies to a2 (ben, a stranger): counted apart
    # from my posts, and the stranger's profile apart from my accounts
    assert ", 0 posts," in result.stdout and "added 0 accounts" in result.stdout
    assert ", 7 posts of others for the care queue only" in result.stdout, result.stdout
    db = Store(db_path)
    try:
        assert {r[0] for r in db.rows("SELECT format FROM snapshots")} == {
            "bluesky-api", "bluesky-following"}
        _score(db, "bluesky", BSKY_SCORES)
        rm = read_model(db)
        try:
            queue = care_queue(rm)
        finally:
            rm.close()
        assert [(i.post_id, i.handle) for i in queue.items] == [(A1, "ana.test")]
        assert queue.items[0].status == "no reply yet"
        assert queue.excluded["not mutual"] == 1  # ben's b1
        assert STRANGER in {r[0] for r in db.rows("SELECT account_id FROM accounts")}
        assert forget_fetched(db, NOW - timedelta(hours=24)) == 1  # a3, 30 hours old
        assert forget_fetched(db, None) == 6
        assert [r[0] for r in db.rows("SELECT post_id FROM posts")] == [MINE]
        accounts = {r[0] for r in db.rows("SELECT account_id FROM accounts")}
        assert STRANGER not in accounts and {ME, ANA, BEN} <= accounts
        assert db.scalar("SELECT count(*) FROM signal_scores WHERE post_id <> ?", [MINE]) == 0
    finally:
        db.close()


def test_cli_following_needs_an_online_source(run, tmp_path):
    result = run("import", str(tmp_path / "x.zip"), "--following", "--db", tmp_path / "k.db")
    assert result.exit_code == 2 and "--following takes" in result.stderr


def test_cli_following_is_not_written_to_a_dataset(run, tmp_path, monkeypatch):
    """A dataset never holds posts fetched only for the care queue: refused before any
    fetch (the fetcher fails the test if it is called)."""
    monkeypatch.setattr(bluesky_api, "HttpFetcher", None)
    result = run("import", "bluesky:me.test", "--following", "--parquet", tmp_path / "ds")
    assert result.exit_code == 2 and "a dataset does not keep" in result.stderr
    assert not (tmp_path / "ds").exists()


# -- Mastodon ---------------------------------------------------------------------------------
needs_cassettes = pytest.mark.skipif(not CASSETTES.exists(), reason="../shared fixtures missing")


def _account(base: dict, id_: str, user: str, **extra) -> dict:
    return {**base, "id": id_, "username": user, "acct": f"{user}@far.example",
            "uri": f"https://far.example/users/{user}", "url": f"https://far.example/@{user}",
            "note": "<p>hello</p>", "noindex": False, "discoverable": True, **extra}


@pytest.fixture
def instance():
    """A fake instance from the recorded account and status objects (see the docstring)."""
    me = cassette_bodies("test_account_following.yaml")[
        ("GET", f"{BASE}/api/v1/accounts/verify_credentials")]
    recorded = cassette_bodies("test_status.yaml")[("POST", f"{BASE}/api/v1/statuses")]
    ana, ben, fan = (_account(me, i, n) for i, n in (("11", "ana"), ("12", "ben"),
                                                      ("13", "fan")))
    quiet = _account(me, "14", "quiet", noindex=True)
    hidden = _account(me, "15", "hidden", discoverable=False)
    tagged = _account(me, "16", "tagged", note='<p>Not today <a href="https://far.example/'
                      'tags/nocarequeue" class="mention hashtag">#<span>NoCareQueue</span>'
                      '</a></p>')

    def status(id_, author, text, hours_ago, replies=0, parent=None):
        out = copy.deepcopy(recorded)
        out.update(id=id_, uri=f"https://far.example/statuses/{id_}", url=None,
                   account=author, content=f"<p>{text}</p>", created_at=_iso(hours_ago),
                   replies_count=replies, visibility="public", in_reply_to_id=None,
                   in_reply_to_account_id=None)
        if parent is not None:
            out.update(in_reply_to_id=parent["id"],
                       in_reply_to_account_id=parent["account"]["id"])
        return out

    a1 = status("101", ana, "I feel rubbish", 10, replies=1)
    a1c = status("102", ana, "and nobody notices", 9, parent=a1)
    a2 = status("103", ana, "I can't go on like this", 20, replies=1)
    elsewhere = status("104", ana, "replying to a stranger", 25, parent=status(
        "900", fan, "x", 26))
    old = status("105", ana, "old pain", 100, replies=3)
    statuses = "statuses?limit=40&exclude_reblogs=true"
    routes = {
        f"{BASE}/api/v1/accounts/lookup?acct=mastodonpy_test": me,
        f"{BASE}/api/v1/accounts/{me['id']}/following?limit=80": [ana, ben, quiet, hidden,
                                                                  tagged],
        f"{BASE}/api/v1/accounts/{me['id']}/followers?limit=80": [ana, fan],
        f"{BASE}/api/v1/accounts/11/{statuses}": [a1c, a1, elsewhere, a2, old],
        f"{BASE}/api/v1/accounts/12/{statuses}": [status("201", ben, "so tired of it all", 5)],
        f"{BASE}/api/v1/accounts/12/{statuses}&max_id=201": [],  # no Link: max_id paging
        f"{BASE}/api/v1/statuses/101/context": {"ancestors": [], "descendants": [a1c]},
        f"{BASE}/api/v1/statuses/103/context": {"ancestors": [], "descendants": [
            status("202", ben, "I'm here for you", 19, parent=a2)]},
        # the user's own import (mastodon-api)
        f"{BASE}/api/v1/accounts/{me['id']}/statuses?limit=40": [
            status("301", me, "a lovely walk", 12)],
        f"{BASE}/api/v1/accounts/{me['id']}/statuses?limit=40&max_id=301": [],
    }
    calls = []

    def fetch(url):
        calls.append(url)
        if url not in routes:
            raise NetworkError("HTTP 404 Not Found", url)
        headers = {"X-RateLimit-Remaining": "299"}
        if url.endswith(f"11/{statuses}"):
            headers["Link"] = f'<{BASE}/api/v1/accounts/11/{statuses}&max_id=105>; rel="next"'
        return copy.deepcopy(routes[url]), headers

    fetch.calls = calls
    fetch.me = me
    return fetch


def _uri(id_: str) -> str:
    return f"https://far.example/statuses/{id_}"


@needs_cassettes
def test_mastodon_window_contexts_and_opt_outs(instance):
    """Recorded objects, hand-written routes: statuses of the window only (own posts and
    self-replies), contexts only for those with replies, and accounts with noindex,
    discoverable: false or #NoCareQueue in the bio never asked for their statuses."""
    progress = []
    records = list(mastodon_following.read(
        f"mastodon:@mastodonpy_test@{HOST}", ImportOptions(progress=lambda *a: progress.append(a)),
        fetch=instance, sleep=lambda s: None, now=NOW))
    assert isinstance(records[0], Snapshot) and records[0].taken_at == NOW
    posts = {r.post_id: r for r in records if isinstance(r, Post)}
    assert set(posts) == {_uri(i) for i in ("101", "102", "103", "201", "202")}
    assert posts[_uri("102")].reply_to_post_id == _uri("101")
    assert posts[_uri("202")].reply_to_post_id == _uri("103")
    assert posts[_uri("101")].reply_count == 1
    contexts = [u for u in instance.calls if u.endswith("/context")]
    assert contexts == [f"{BASE}/api/v1/statuses/101/context",
                        f"{BASE}/api/v1/statuses/103/context"]
    asked = [u for u in instance.calls if "/statuses?" in u]
    assert all("/accounts/11/" in u or "/accounts/12/" in u for u in asked)
    # ana's next page (Link) is past the window: never fetched; ben's max_id page is empty
    assert len(asked) == 3 and not any("max_id=105" in u for u in asked)
    kept = {r.account_id: r for r in records if isinstance(r, Account)}
    assert "#NoCareQueue" in kept["https://far.example/users/tagged"].description
    assert progress[-1] == (2, 2)


@needs_cassettes
def test_mastodon_resumes_from_the_cache(instance, tmp_path, monkeypatch):
    """Recorded objects, hand-written routes: a run cut off part-way, then resumed."""
    monkeypatch.setenv("KINDSCOPE_CACHE_DIR", str(tmp_path))
    source = f"mastodon:@mastodonpy_test@{HOST}"

    def cut(url):
        if len(instance.calls) >= 4:
            raise NetworkError("connection reset", url)
        return instance(url)

    with pytest.raises(NetworkError):
        list(mastodon_following.read(source, ImportOptions(), fetch=cut, sleep=lambda s: None,
                                     now=NOW, workers=1))
    first = list(instance.calls)
    instance.calls.clear()
    records = list(mastodon_following.read(source, ImportOptions(), fetch=instance,
                                           sleep=lambda s: None, now=NOW))
    assert not set(first[:4]) & set(instance.calls)
    assert _uri("202") in {r.post_id for r in records if isinstance(r, Post)}


@needs_cassettes
def test_mastodon_end_to_end_care_queue_then_forget(instance, monkeypatch, run, tmp_path):
    """Recorded objects, hand-written routes, through the CLI (as the Bluesky one)."""
    monkeypatch.setattr(mastodon_api, "fetch_json", instance)
    db_path = tmp_path / "k.duckdb"
    source = f"mastodon:@mastodonpy_test@{HOST}"
    assert run("import", source, "--db", db_path).exit_code == 0
    result = run("import", source, "--following", "--days", "3", "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "(mastodon-following): added" in result.stdout
    db = Store(db_path)
    try:
        _score(db, "mastodon", {_uri("101"): PAIN, _uri("102"): PAIN, _uri("103"): PAIN,
                                _uri("201"): PAIN, _uri("202"): KIND})
        rm = read_model(db)
        try:
            queue = care_queue(rm)
        finally:
            rm.close()
        assert [i.post_id for i in queue.items] == [_uri("101")]
        assert queue.excluded["not mutual"] == 1
        assert forget_fetched(db, None) == 5
        mine = db.rows("SELECT post_id FROM posts")
        assert mine == [("https://far.example/statuses/301",)]
    finally:
        db.close()
