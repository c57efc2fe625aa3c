"""Mapping of app.bsky.* records to kindscope records.

Records here are written by hand in the documented lexicon shape (app.bsky.feed.post,
app.bsky.richtext.facet, app.bsky.embed.record/recordWithMedia, strongRef).
"""

from __future__ import annotations

from datetime import UTC, datetime

from kindscope.ingest import bluesky_records as bsky
from kindscope.model import Account, Block, Deletion, Follow, Post, Reaction

A = "did:plc:aaaa"
B = "did:plc:bbbb"
PARENT = f"at://{B}/app.bsky.feed.post/3parent"
ROOT = f"at://{B}/app.bsky.feed.post/3root"
QUOTED = f"at://{B}/app.bsky.feed.post/3quoted"


def test_post_with_reply_quote_facets_and_langs():
    record = {
        "$type": "app.bsky.feed.post",
        "text": "hi @b #tired",
        "createdAt": "2024-05-01T10:00:00.5Z",
        "langs": ["en", "fr"],
        "reply": {"parent": {"uri": PARENT, "cid": "x"}, "root": {"uri": ROOT, "cid": "y"}},
        "embed": {
            "$type": "app.bsky.embed.recordWithMedia",
            "record": {"$type": "app.bsky.embed.record", "record": {"uri": QUOTED, "cid": "z"}},
            "media": {"$type": "app.bsky.embed.images", "images": []},
        },
        "facets": [
            {"features": [{"$type": "app.bsky.richtext.facet#mention", "did": B}]},
            {"features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "tired"}]},
            {"features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://x"}]},
        ],
        "tags": ["extra"],
    }
    [post] = bsky.map_record(A, "app.bsky.feed.post", "3abc", record)
    assert post == Post(
        platform="bluesky",
        post_id=f"at://{A}/app.bsky.feed.post/3abc",
        author_id=A,
        created_at=datetime(2024, 5, 1, 10, 0, 0, 500000, tzinfo=UTC),
        text="hi @b #tired",
        reply_to_post_id=PARENT,
        reply_to_account_id=B,
        root_post_id=ROOT,
        quote_of_post_id=QUOTED,
        lang="en",
        visibility="public",
        mentions=(B,),
        hashtags=("tired", "extra"),
        url=f"https://bsky.app/profile/{A}/post/3abc",
    )


def test_plain_quote_embed_and_external_embed():
    quote = {
        "text": "",
        "embed": {"$type": "app.bsky.embed.record", "record": {"uri": QUOTED, "cid": "z"}},
    }
    assert bsky.map_record(A, "app.bsky.feed.post", "1", quote)[0].quote_of_post_id == QUOTED
    link = {
        "text": "",
        "embed": {"$type": "app.bsky.embed.external", "external": {"uri": "https://example.org"}},
    }
    assert bsky.map_record(A, "app.bsky.feed.post", "1", link)[0].quote_of_post_id is None


def test_repost_like_follow_block_profile():
    subject = {"uri": PARENT, "cid": "c"}
    t = "2024-05-01T10:00:00Z"
    [repost] = bsky.map_record(
        A, "app.bsky.feed.repost", "3r", {"subject": subject, "createdAt": t}
    )
    assert (repost.kind, repost.post_id, repost.repost_of_post_id) == (
        "repost",
        f"at://{A}/app.bsky.feed.repost/3r",
        PARENT,
    )
    assert bsky.map_record(A, "app.bsky.feed.like", "3l", {"subject": subject}) == [
        Reaction("bluesky", A, PARENT, "like", None)
    ]
    assert bsky.map_record(A, "app.bsky.graph.follow", "3f", {"subject": B}) == [
        Follow("bluesky", A, B, None)
    ]
    assert bsky.map_record(A, "app.bsky.graph.block", "3b", {"subject": B}) == [
        Block("bluesky", A, B, "block", None)
    ]
    profile = {
        "displayName": "Ann",
        "description": "hello",
        "avatar": {"$type": "blob", "ref": {"$link": "bafkreiabc"}, "mimeType": "image/jpeg"},
    }
    [account] = bsky.map_record(A, "app.bsky.actor.profile", "self", profile)
    assert isinstance(account, Account)
    assert (account.display_name, account.description) == ("Ann", "hello")
    assert account.avatar_url == f"https://cdn.bsky.app/img/avatar/plain/{A}/bafkreiabc@jpeg"
    assert '"displayName":"Ann"' in account.profile_json


def test_unknown_collections_and_bad_records_map_to_nothing():
    assert bsky.map_record(A, "place.stream.broadcast.origin", "x", {"a": 1}) == []
    assert bsky.map_record(A, "app.bsky.feed.like", "x", {"subject": "not a ref"}) == []
    assert bsky.map_record(A, "app.bsky.graph.follow", "x", {}) == []
    assert bsky.map_record(A, "app.bsky.feed.post", "x", "not a dict") == []


def test_deletion_of_known_and_unknown_collections():
    assert bsky.deletion(A, "app.bsky.feed.post", "3d", None) == [
        Deletion("bluesky", "post", f"at://{A}/app.bsky.feed.post/3d", A, None)
    ]
    assert bsky.deletion(A, "app.bsky.feed.like", "3d", None)[0].kind == "reaction"
    assert bsky.deletion(A, "org.hypercerts.claim.activity", "3d", None) == []


def test_did_of_uri_and_times():
    assert bsky.did_of_uri(PARENT) == B
    assert bsky.did_of_uri("https://bsky.app") is None
    assert bsky.parse_time("2024-05-01T10:00:00+02:00") == datetime(2024, 5, 1, 8, tzinfo=UTC)
    assert bsky.parse_time("yesterday") is None
