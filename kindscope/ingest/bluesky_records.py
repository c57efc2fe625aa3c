"""Bluesky (AT Protocol) records as kindscope records, shared by every Bluesky importer.

A record is what lives in a repository under ``collection/rkey``: the repository export
(CAR), Jetstream and the AppView all carry the same ``app.bsky.*`` objects. Only these
collections mean something to kindscope; every other one maps to nothing:

=========================  ==========================================================
``app.bsky.feed.post``     :class:`Post` (replies, quotes, mentions, tags, language)
``app.bsky.feed.repost``   :class:`Post` with ``kind='repost'``
``app.bsky.feed.like``     :class:`Reaction` (``kind='like'``)
``app.bsky.graph.follow``  :class:`Follow`
``app.bsky.graph.block``   :class:`Block` (``kind='block'``)
``app.bsky.actor.profile`` :class:`Account` (display name, description, avatar)
=========================  ==========================================================

Canonical ids: posts and reposts are at-URIs ``at://DID/COLLECTION/RKEY``, accounts DIDs.
The functions are on the hot path of the Jetstream importer, so they use plain dict
lookups and no validation models.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

import libipld

from kindscope.ingest.base import utc_time
from kindscope.model import Account, Block, Deletion, Follow, Post, Reaction, Record

__all__ = [
    "PLATFORM",
    "COLLECTION_KINDS",
    "at_uri",
    "did_of_uri",
    "post_url",
    "parse_time",
    "map_record",
    "deletion",
    "to_json",
]

PLATFORM = "bluesky"
_POST = "app.bsky.feed.post"
_REPOST = "app.bsky.feed.repost"
_LIKE = "app.bsky.feed.like"
_FOLLOW = "app.bsky.graph.follow"
_BLOCK = "app.bsky.graph.block"
_PROFILE = "app.bsky.actor.profile"
_MENTION = "app.bsky.richtext.facet#mention"
_TAG = "app.bsky.richtext.facet#tag"

#: Collection -> the ``Deletion.kind`` a delete of one of its records is.
COLLECTION_KINDS: dict[str, str] = {
    _POST: "post", _REPOST: "repost", _LIKE: "reaction", _FOLLOW: "follow", _BLOCK: "block",
}


def at_uri(did: str, collection: str, rkey: str) -> str:
    """The at-URI of a record: ``at://DID/COLLECTION/RKEY``."""
    return f"at://{did}/{collection}/{rkey}"


def did_of_uri(uri: object) -> str | None:
    """The DID (authority) of an at-URI; None when ``uri`` is not one."""
    if not isinstance(uri, str) or not uri.startswith("at://"):
        return None
    authority = uri[5:].split("/", 1)[0]
    return authority or None


def post_url(did: str, rkey: str) -> str:
    """The bsky.app web address of a post."""
    return f"https://bsky.app/profile/{did}/post/{rkey}"


def parse_time(value: object) -> datetime | None:
    """An AT Protocol datetime string as aware UTC; None when missing or unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return utc_time(parsed, value)


def _uri_of(ref: object) -> str | None:
    """The ``uri`` of a strongRef ``{uri, cid}``."""
    if isinstance(ref, dict):
        uri = ref.get("uri")
        if isinstance(uri, str):
            return uri
    return None


def _quote_of(embed: object) -> str | None:
    """The post a post quotes: ``embed.record`` or ``embed.recordWithMedia``."""
    if not isinstance(embed, dict):
        return None
    inner = embed.get("record")
    if isinstance(inner, dict) and isinstance(inner.get("record"), dict):
        inner = inner["record"]  # recordWithMedia: {record: {record: strongRef}}
    uri = _uri_of(inner)
    return uri if uri and "/app.bsky.feed.post/" in uri else None


def _facets(record: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    mentions: list[str] = []
    tags: list[str] = []
    for facet in _list(record.get("facets")):
        if not isinstance(facet, dict):
            continue
        for feature in _list(facet.get("features")):
            if not isinstance(feature, dict):
                continue
            kind = feature.get("$type")
            if kind == _MENTION and isinstance(feature.get("did"), str):
                if feature["did"] not in mentions:
                    mentions.append(feature["did"])
            elif kind == _TAG and isinstance(feature.get("tag"), str):
                if feature["tag"] not in tags:
                    tags.append(feature["tag"])
    for tag in _list(record.get("tags")):
        if isinstance(tag, str) and tag not in tags:
            tags.append(tag)
    return tuple(mentions), tuple(tags)


def _list(value: object) -> list:
    """``value`` when it is a list; anything else (a number, a string) holds no items."""
    return value if isinstance(value, list) else []


def _post(did: str, rkey: str, record: dict) -> list[Record]:
    reply = record.get("reply")
    parent = root = parent_did = None
    if isinstance(reply, dict):
        parent = _uri_of(reply.get("parent"))
        root = _uri_of(reply.get("root"))
        parent_did = did_of_uri(parent)
    mentions, tags = _facets(record) if "facets" in record or "tags" in record else ((), ())
    langs = record.get("langs")
    lang = langs[0] if isinstance(langs, list) and langs and isinstance(langs[0], str) else None
    text = record.get("text")
    return [Post(
        platform=PLATFORM,
        post_id=f"at://{did}/{_POST}/{rkey}",
        author_id=did,
        created_at=parse_time(record.get("createdAt")),
        text=text if isinstance(text, str) else "",
        kind="post",
        reply_to_post_id=parent,
        reply_to_account_id=parent_did,
        root_post_id=root,
        quote_of_post_id=_quote_of(record.get("embed")) if "embed" in record else None,
        lang=lang,
        visibility="public",
        mentions=mentions,
        hashtags=tags,
        url=post_url(did, rkey),
    )]


def _repost(did: str, rkey: str, record: dict) -> list[Record]:
    return [Post(
        platform=PLATFORM,
        post_id=f"at://{did}/{_REPOST}/{rkey}",
        author_id=did,
        created_at=parse_time(record.get("createdAt")),
        kind="repost",
        repost_of_post_id=_uri_of(record.get("subject")),
        visibility="public",
    )]


def _like(did: str, rkey: str, record: dict) -> list[Record]:
    subject = _uri_of(record.get("subject"))
    if subject is None:
        return []
    return [Reaction(PLATFORM, did, subject, "like", parse_time(record.get("createdAt")))]


def _follow(did: str, rkey: str, record: dict) -> list[Record]:
    subject = record.get("subject")
    if not isinstance(subject, str) or not subject:
        return []
    return [Follow(PLATFORM, did, subject, parse_time(record.get("createdAt")))]


def _block(did: str, rkey: str, record: dict) -> list[Record]:
    subject = record.get("subject")
    if not isinstance(subject, str) or not subject:
        return []
    return [Block(PLATFORM, did, subject, "block", parse_time(record.get("createdAt")))]


def _blob_cid(blob: object) -> str | None:
    """The CID of a blob reference, as JSON (``{"$link": ...}``) or decoded DAG-CBOR."""
    if not isinstance(blob, dict):
        return None
    ref = blob.get("ref")
    if isinstance(ref, dict):
        ref = ref.get("$link")
    if isinstance(ref, bytes):
        try:
            return libipld.encode_cid(ref)
        except ValueError:
            return None
    return ref if isinstance(ref, str) else None


def _profile(did: str, rkey: str, record: dict) -> list[Record]:
    if rkey != "self":
        return []
    avatar = _blob_cid(record.get("avatar"))
    name = record.get("displayName")
    about = record.get("description")
    return [Account(
        platform=PLATFORM,
        account_id=did,
        display_name=name if isinstance(name, str) and name else None,
        description=about if isinstance(about, str) and about else None,
        avatar_url=f"https://cdn.bsky.app/img/avatar/plain/{did}/{avatar}@jpeg" if avatar else None,
        url=f"https://bsky.app/profile/{did}",
        profile_json=to_json(record),
    )]


_MAPPERS: dict[str, Callable[[str, str, dict], list[Record]]] = {
    _POST: _post, _REPOST: _repost, _LIKE: _like, _FOLLOW: _follow, _BLOCK: _block,
    _PROFILE: _profile,
}


def map_record(did: str, collection: str, rkey: str, record: object) -> list[Record]:
    """The kindscope records one repository record stands for (empty when none).

    Parameters
    ----------
    did : the repository owner, who authored the record.
    collection, rkey : where the record lives in the repository.
    record : the record object (JSON or decoded DAG-CBOR).

    Examples
    --------
    >>> map_record("did:plc:a", "app.bsky.graph.follow", "3k", {"subject": "did:plc:b"})
    [Follow(platform='bluesky', follower_id='did:plc:a', followee_id='did:plc:b', created_at=None)]
    >>> map_record("did:plc:a", "com.example.thing", "3k", {})
    []
    """
    mapper = _MAPPERS.get(collection)
    if mapper is None or not isinstance(record, dict):
        return []
    return mapper(did, rkey, record)


def deletion(did: str, collection: str, rkey: str, when: datetime | None) -> list[Record]:
    """A :class:`Deletion` for a deleted record of a known collection (empty otherwise)."""
    kind = COLLECTION_KINDS.get(collection)
    if kind is None:
        return []
    return [Deletion(PLATFORM, kind, f"at://{did}/{collection}/{rkey}", did, when)]


def _jsonable(value: object) -> object:
    if isinstance(value, bytes):
        try:
            return {"$link": libipld.encode_cid(value)}
        except ValueError:
            return {"$bytes": value.hex()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def to_json(value: object) -> str:
    """A record as compact JSON text; DAG-CBOR links become ``{"$link": CID}``."""
    try:
        return _dumps(value)
    except TypeError:  # bytes (CIDs) from a decoded DAG-CBOR record
        return _dumps(_jsonable(value))


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
