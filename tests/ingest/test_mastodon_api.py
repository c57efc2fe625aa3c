"""Mastodon API importer, never on the network.

Responses: the JSON bodies are REAL recorded responses from the Mastodon.py cassettes in
../shared/fixtures/mastodon/api_cassettes (read with the tiny vcrpy-YAML reader below, no
pyyaml needed); the cassettes hold no account-statuses or lookup calls, so a hand-written
fake server routes those URLs to the recorded account and status objects, with a few
fields changed by hand (ids, ``in_reply_to_id``, ``replies_count``) to make a thread.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from kindscope.errors import NetworkError
from kindscope.ingest import detect_format, mastodon_api
from kindscope.ingest.base import ImportOptions
from kindscope.model import Account, Follow, Post, Snapshot

CASSETTES = (Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "mastodon"
             / "api_cassettes")
pytestmark = pytest.mark.skipif(not CASSETTES.exists(), reason="../shared/fixtures missing")


def cassette_bodies(name: str) -> dict[tuple[str, str], object]:
    """(method, uri) -> parsed JSON body, from a vcrpy cassette's single-quoted scalars."""
    lines = (CASSETTES / name).read_text().splitlines()
    found, method, uri = {}, None, None
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("method:"):
            method = line.split(":", 1)[1].strip()
        elif line.startswith("uri:"):
            uri = line.split(":", 1)[1].strip()
        elif line.startswith("string: '"):
            text = line[len("string: '"):]
            while not _closed(text):
                i += 1
                text += " " + lines[i].strip()
            try:
                found[(method, uri)] = json.loads(text[:-1].replace("''", "'"))
            except json.JSONDecodeError:
                pass  # a non-JSON body (the SSE stream)
        i += 1
    return found


def _closed(text: str) -> bool:
    trailing = len(text) - len(text.rstrip("'"))
    return trailing % 2 == 1


HOST = "localhost:3000"
BASE = f"http://{HOST}"


@pytest.fixture
def server():
    """A fake instance: URL -> (JSON, headers), built from the recorded objects."""
    me = cassette_bodies("test_account_followers.yaml")[
        ("GET", f"{BASE}/api/v1/accounts/verify_credentials")]
    recorded = cassette_bodies("test_status_context.yaml")
    status = recorded[("POST", f"{BASE}/api/v1/statuses")]
    context = recorded[("GET", f"{BASE}/api/v1/statuses/117020585487094447/context")]
    assert context == {"ancestors": [], "descendants": []}  # as recorded
    mine = copy.deepcopy(status)
    mine["replies_count"] = 1
    reply = copy.deepcopy(status)
    reply.update(id="2", uri=f"{BASE}/ap/users/9/statuses/2", in_reply_to_id=mine["id"],
                 in_reply_to_account_id=mine["account"]["id"],
                 content="<p>I&#39;m here for you</p>")
    reply["account"] = dict(me, id="9", acct="friend@other.example", uri=None,
                            username="friend", bot=True, followers_count=3)
    context["descendants"] = [reply]
    followed = dict(me, id="7", acct="pal@far.example", uri="https://far.example/users/pal")
    routes = {
        f"{BASE}/api/v1/accounts/lookup?acct=mastodonpy_test": me,
        f"{BASE}/api/v1/accounts/{me['id']}/statuses?limit=40": [mine],
        f"{BASE}/api/v1/accounts/{me['id']}/statuses?limit=40&max_id={mine['id']}": [],
        f"{BASE}/api/v1/statuses/{mine['id']}/context": context,
        f"{BASE}/api/v1/accounts/{me['id']}/followers?limit=80": cassette_bodies(
            "test_account_followers.yaml")[("GET", f"{BASE}/api/v1/accounts/{me['id']}"
                                                   "/followers")],
        f"{BASE}/api/v1/accounts/{me['id']}/following?limit=80": [followed],
    }
    calls = []

    def fetch(url):
        calls.append(url)
        if url not in routes:
            raise NetworkError("HTTP 404 Not Found", url)
        return copy.deepcopy(routes[url]), {"X-RateLimit-Remaining": "299"}

    fetch.calls = calls
    fetch.routes = routes
    fetch.me, fetch.mine, fetch.reply = me, mine, reply
    return fetch


def test_detect_and_parse_source():
    assert detect_format("mastodon:@ana@social.example") == "mastodon-api"
    assert mastodon_api.parse_source("mastodon:@ana@social.example") == ("ana",
                                                                          "social.example")
    assert not mastodon_api.detect("/tmp/outbox.json")


def test_reads_statuses_replies_and_follows(server):
    records = list(mastodon_api.read(f"mastodon:@mastodonpy_test@{HOST}", ImportOptions(),
                                     fetch=server, sleep=lambda s: None))
    assert isinstance(records[0], Snapshot)
    owner = records[0].owner_id
    assert owner == server.me["uri"]  # the account's own `uri` field, an actor URI
    posts = {p.post_id: p for p in records if isinstance(p, Post)}
    mine = posts[server.mine["uri"]]
    assert mine.text == "Toot!" and mine.visibility == "unlisted"
    reply = posts[server.reply["uri"]]
    assert reply.reply_to_post_id == server.mine["uri"]  # API id resolved to the URI
    assert reply.text == "I'm here for you"
    friend = [a for a in records if isinstance(a, Account)
              and a.account_id == "https://other.example/users/friend"]
    assert friend and friend[0].handle == "@friend@other.example"
    assert friend[0].followers_count == 3 and json.loads(friend[0].profile_json)["bot"]
    follows = [(f.follower_id, f.followee_id) for f in records if isinstance(f, Follow)]
    assert follows == [(owner, "https://far.example/users/pal")]


def test_cli_import_twice_adds_nothing(server, monkeypatch, run, stats_of, tmp_path):
    monkeypatch.setattr(mastodon_api, "fetch_json", server)
    db = tmp_path / "k.duckdb"
    result = run("import", f"mastodon:@mastodonpy_test@{HOST}", "--db", db)
    assert result.exit_code == 0, result.output
    stats = stats_of(db)
    assert (stats["posts"], stats["replies"], stats["follows"]) == (2, 1, 1)
    run("import", f"mastodon:@mastodonpy_test@{HOST}", "--db", db)
    assert stats_of(db) == stats


def test_rate_limit_429_is_retried_after_backoff(server):
    waits, state = [], {"failed": False}

    def flaky(url):
        if "/context" in url and not state["failed"]:
            state["failed"] = True
            raise mastodon_api.RateLimited("rate limited (HTTP 429)", url, reset=None)
        return server(url)

    records = list(mastodon_api.read(f"mastodon:@mastodonpy_test@{HOST}", ImportOptions(),
                                     fetch=flaky, sleep=waits.append))
    assert waits == [1.0]
    assert any(isinstance(r, Post) and r.post_id == server.reply["uri"] for r in records)


def test_link_header_pagination_and_max_pages(server):
    page2 = f"{BASE}/api/v1/accounts/{server.me['id']}/following?limit=80&max_id=5"
    url1 = f"{BASE}/api/v1/accounts/{server.me['id']}/following?limit=80"
    other = dict(server.me, id="8", acct="two@far.example", uri="https://far.example/users/two")
    server.routes[page2] = [other]

    def fetch(url):
        body, headers = server(url)
        if url == url1:
            headers["Link"] = f'<{page2}>; rel="next", <{BASE}/x>; rel="prev"'
        return body, headers

    def followees(max_pages):
        return [f.followee_id for f in mastodon_api.read(
            f"mastodon:@mastodonpy_test@{HOST}", ImportOptions(), fetch=fetch,
            sleep=lambda s: None, max_pages=max_pages) if isinstance(f, Follow)]

    assert followees(5) == ["https://far.example/users/pal", "https://far.example/users/two"]
    assert followees(1) == ["https://far.example/users/pal"]


def test_network_failure_is_one_line(monkeypatch, run, stats_of, tmp_path):
    def down(url):
        raise NetworkError("cannot reach the server (Name or service not known)", url)

    monkeypatch.setattr(mastodon_api, "fetch_json", down)
    db = tmp_path / "k.duckdb"
    result = run("import", "mastodon:@ana@nowhere.example", "--db", db)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith("kindscope: error: ") and "\n" not in line
    assert "cannot reach" in line and stats_of(db)["snapshots"] == 0
