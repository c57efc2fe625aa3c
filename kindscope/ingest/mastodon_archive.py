"""Mastodon account export: the archive from Settings -> Import and export -> Request archive.

A .zip, .tar.gz or unpacked folder, read through :class:`ArchiveReader` (media is never
read). Files used:

``actor.json``
    the owner (an ActivityPub ``Person``): the Snapshot owner and an Account with
    ``@user@host`` as handle.
``outbox.json``
    an ``OrderedCollection`` of the owner's activities, streamed one activity at a time
    (:func:`json_stream.iter_list`; a 1 GB file is never held whole), so the Snapshot,
    whose time is the newest activity's, comes last. ``Create`` of a ``Note`` is a
    Post (kind ``post``) whose id is the Note's object URI; ``Announce`` (a boost) is a
    Post of kind ``repost`` whose id is the activity URI and ``repost_of_post_id`` the
    boosted object's URI. Other activity types are skipped.
``likes.json`` / ``bookmarks.json``
    ``OrderedCollection`` of status URIs: Reactions of kind ``like`` / ``bookmark``.

What is imported ("public activity"). Visibility comes from the activity's ``to``/``cc``
(the Note's own when the activity has none): ``public`` when the ActivityStreams Public
collection is in ``to``, ``unlisted`` when it is in ``cc``, ``followers`` when the owner's
followers collection is in ``to``, else ``direct``. Public and unlisted activities are
the public ones: all of them are imported, as posts or boosts. Followers-only posts are
the owner's own writing to their audience and are imported too, marked
``visibility='followers'``. Direct messages (``direct``) are imported only with
``ImportOptions.include_dms``, as kind ``dm``; a "direct" boost cannot exist and is skipped.

Time. A post's ``created_at`` is the Note's ``published``, else (missing or unreadable)
the activity's; a time given that cannot be read is a bad record, as in every importer.

Text. The Note's HTML ``content`` becomes plain text (:func:`html_to_text`). A content
warning (``summary``) is kept as the first paragraph, ``CW: <summary>``: the author wrote
it, and it often names exactly the topic (``mh, venting``) that the signals look for.
Mentions are the ``Mention`` tags' actor URIs; hashtags the ``Hashtag`` tags' names,
lower-cased, without ``#``. ``inReplyTo`` gives ``reply_to_post_id``; the parent's author
is taken from the parent URI where it has Mastodon's ``https://host/users/NAME/statuses/ID``
form (the store fills it in anyway when the parent is imported).
"""

from __future__ import annotations

import json
import re
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime
from itertools import chain
from pathlib import Path, PurePosixPath

from kindscope.errors import InputError
from kindscope.ingest.archive import ArchiveReader, open_tar
from kindscope.ingest.base import TOO_DEEP, ImportOptions, json_problem, parse_iso
from kindscope.ingest.html_text import html_to_text
from kindscope.ingest.json_stream import iter_list
from kindscope.model import Account, Post, Reaction, Record, Snapshot

__all__ = ["NAME", "PLATFORM", "ONLINE", "PUBLIC", "detect", "read", "visibility_of",
           "handle_of", "author_of_status"]

NAME = "mastodon-archive"
PLATFORM = "mastodon"
ONLINE = False
#: What an import of this kind carries (see kindscope.store.availability): only
#: the owner's own posts, nothing about others.
CARRIES: frozenset[str] = frozenset()

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
_PUBLIC_ALIASES = {PUBLIC, "as:Public", "Public"}
_MARKERS = ("outbox.json", "actor.json")
_STATUS_URI = re.compile(r"^(https?://[^/]+/users/[^/]+)/statuses/[^/]+")
_ACTOR_URI = re.compile(r"^https?://([^/]+)/(?:users|ap/users)/([^/?#]+)$")
_TAR_SCAN = 64  # members looked at when detecting a tar (outbox.json comes first)


# -- detection ----------------------------------------------------------------------------
def detect(source: str) -> bool:
    """A folder, .zip or .tar(.gz) with ``outbox.json`` or ``actor.json`` at its root."""
    try:
        path = Path(source)
        if path.is_dir():
            return any((path / name).is_file() for name in _MARKERS)
        if not path.is_file():
            return False
        lower = path.name.lower()
        if lower.endswith((".tar", ".tar.gz", ".tgz")):
            return _tar_has_marker(path)
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                return any(_is_marker(name) for name in archive.namelist())
    except (OSError, ValueError, zipfile.BadZipFile, tarfile.TarError, EOFError, zlib.error):
        return False
    return False


def _is_marker(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return len(parts) <= 2 and bool(parts) and parts[-1].lower() in _MARKERS


def _tar_has_marker(path: Path) -> bool:
    with open_tar(path) as archive:
        for _, member in zip(range(_TAR_SCAN), archive, strict=False):
            if _is_marker(member.name):
                return True
    return False


# -- reading ------------------------------------------------------------------------------
def read(source: str, options: ImportOptions) -> Iterator[Record]:
    """The owner's Account, their activities, likes and bookmarks, then the Snapshot (its
    time is the newest activity's, known only once ``outbox.json`` has been read through:
    the file is streamed, never held whole)."""
    with ArchiveReader(source) as reader:
        actor_name = reader.find("actor.json")
        outbox_name = reader.find("outbox.json")
        if actor_name is None and outbox_name is None:
            raise InputError("no outbox.json or actor.json: not a Mastodon export", source)
        if outbox_name is None:
            raise InputError("no outbox.json: the export is incomplete (download it again)",
                             source)
        actor = _load(reader, actor_name) if actor_name else None
        owner = _actor_id(actor, reader.where(actor_name)) if actor is not None else None
        if actor is not None:
            yield account_from_actor(actor)
        where = reader.where(outbox_name)
        newest = None
        with reader.open(outbox_name) as stream:
            items = _ordered_items(stream, where)
            head: list = []
            if owner is None:  # no actor.json: the owner is the first activity's actor
                for item in items:
                    head.append(item)
                    if isinstance(item, dict) and isinstance(item.get("actor"), str):
                        owner = item["actor"]
                        break
            followers = f"{owner}/followers" if owner else None
            for index, activity in enumerate(chain(head, items)):
                try:  # one activity at a time, so that --skip-bad-records can leave one out
                    moment = _activity_time(activity, index, where)
                    records = list(_activity(activity, index, followers, options, where))
                except InputError as exc:
                    options.skip(exc, where)
                    continue
                if moment is not None and (newest is None or moment > newest):
                    newest = moment
                yield from records
        for name, kind in (("likes.json", "like"), ("bookmarks.json", "bookmark")):
            member = reader.find(name)
            if member and owner:
                with reader.open(member) as stream:
                    for uri in _ordered_items(stream, reader.where(member)):
                        if isinstance(uri, str) and uri:
                            yield Reaction(PLATFORM, owner, uri, kind)
        yield Snapshot(platform=PLATFORM, owner_id=owner, taken_at=newest,
                       description="Mastodon account export")


def _load(reader: ArchiveReader, name: str):
    where = reader.where(name)
    text = reader.read_text(name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({json_problem(exc)} at line {exc.lineno}, column "
                         f"{exc.colno}; truncated?)", where) from None
    except RecursionError:
        raise InputError(TOO_DEEP, where) from None


def _ordered_items(stream, where: str) -> Iterator:
    """The items of an ActivityStreams collection file, one at a time."""
    return iter_list(stream, where, ("orderedItems", "items"), "an ActivityStreams collection")


def _actor_id(actor, where: str) -> str:
    if not isinstance(actor, dict) or not isinstance(actor.get("id"), str):
        raise InputError("not an ActivityPub actor (no \"id\")", where)
    return actor["id"]


def _activity_time(activity, index: int, where: str) -> datetime | None:
    """The activity's own ``published``, for the snapshot's time (None if it has none)."""
    if not isinstance(activity, dict):
        return None
    try:
        return parse_iso(activity.get("published"))
    except InputError as exc:
        raise InputError(f"orderedItems[{index}]: {exc.message}", where) from None


def handle_of(actor_uri: str, username: str | None = None) -> str | None:
    """``@user@host`` for an actor URI (``https://host/users/user``), or from ``username``."""
    match = _ACTOR_URI.match(actor_uri or "")
    host = match.group(1) if match else _host(actor_uri)
    user = username or (match.group(2) if match else None)
    return f"@{user}@{host}" if user and host else None


def _host(uri: str | None) -> str | None:
    match = re.match(r"^https?://([^/]+)", uri or "")
    return match.group(1) if match else None


def author_of_status(uri: str | None) -> str | None:
    """The actor URI of a Mastodon status URI ``https://host/users/NAME/statuses/ID``."""
    match = _STATUS_URI.match(uri or "")
    return match.group(1) if match else None


def account_from_actor(actor: dict) -> Account:
    icon = actor.get("icon")
    avatar = icon.get("url") if isinstance(icon, dict) else None
    avatar = avatar if isinstance(avatar, str) and avatar.startswith("http") else None
    profile = {k: actor.get(k) for k in ("type", "manuallyApprovesFollowers", "discoverable",
                                         "indexable", "memorial", "published") if k in actor}
    return Account(
        platform=PLATFORM,
        account_id=actor["id"],
        handle=handle_of(actor["id"], actor.get("preferredUsername")),
        display_name=actor.get("name") or None,
        description=html_to_text(actor.get("summary")) or None,
        created_at=parse_iso(actor.get("published")),
        avatar_url=avatar,
        url=actor.get("url") if isinstance(actor.get("url"), str) else None,
        profile_json=json.dumps(profile, sort_keys=True),
    )


def visibility_of(to: list, cc: list, followers: str | None) -> str:
    """public / unlisted / followers / direct, from an activity's addressing."""
    if _PUBLIC_ALIASES & set(to):
        return "public"
    if _PUBLIC_ALIASES & set(cc):
        return "unlisted"
    if followers and followers in to:
        return "followers"
    if any(isinstance(a, str) and a.endswith("/followers") for a in to):
        return "followers"
    return "direct"


def _addresses(value) -> list:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _activity(activity, index: int, followers, options: ImportOptions,
              where: str) -> Iterator[Record]:
    if not isinstance(activity, dict):
        raise InputError(f"orderedItems[{index}] is not an activity object", where)
    kind = activity.get("type")
    obj = activity.get("object")
    note = obj if isinstance(obj, dict) else {}
    to = _addresses(activity.get("to", note.get("to")))
    cc = _addresses(activity.get("cc", note.get("cc")))
    visibility = visibility_of(to, cc, followers)
    if kind == "Create":
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
            raise InputError(f"orderedItems[{index}]: Create without an object id", where)
        if visibility == "direct" and not options.include_dms:
            return
        try:
            yield from _note(obj, activity, visibility)
        except InputError as exc:
            raise InputError(f"orderedItems[{index}] ({_clip(obj['id'])}): {exc.message}",
                             where) from None
    elif kind == "Announce" and visibility != "direct":
        target = obj if isinstance(obj, str) else note.get("id")
        if not isinstance(target, str) or not isinstance(activity.get("id"), str):
            raise InputError(f"orderedItems[{index}]: Announce without an object", where)
        try:
            created_at = _published(activity)
        except InputError as exc:
            raise InputError(f"orderedItems[{index}] ({_clip(activity['id'])}): "
                             f"{exc.message}", where) from None
        yield Post(
            platform=PLATFORM, post_id=activity["id"], author_id=_actor(activity, note),
            created_at=created_at, kind="repost", repost_of_post_id=target,
            visibility=visibility,
        )


def _actor(activity: dict, note: dict) -> str:
    actor = activity.get("actor") or note.get("attributedTo")
    return actor if isinstance(actor, str) else ""


def _published(*objects: dict) -> datetime | None:
    """The first readable ``published`` time of ``objects`` (a Note's, then its activity's);
    None when none has one, InputError when none that has one can be read."""
    given = [obj.get("published") for obj in objects if obj.get("published") not in (None, "")]
    for value in given:
        moment = parse_iso(value)
        if moment is not None:
            return moment
    if given:
        raise InputError(f"unreadable time {given[0]!r}")
    return None


def _clip(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


def _note(note: dict, activity: dict, visibility: str) -> Iterator[Record]:
    mentions, hashtags = [], []
    tags = note.get("tag") or []
    if not isinstance(tags, list | dict):
        raise InputError(f"\"tag\" is {type(tags).__name__}, not a list")
    for tag in [tags] if isinstance(tags, dict) else tags:
        if not isinstance(tag, dict):
            continue
        if tag.get("type") == "Mention" and isinstance(tag.get("href"), str):
            mentions.append(tag["href"])
            yield Account(PLATFORM, tag["href"], handle=_mention_handle(tag))
        elif tag.get("type") == "Hashtag" and isinstance(tag.get("name"), str):
            hashtags.append(tag["name"].lstrip("#").lower())
    text = html_to_text(note.get("content"))
    if note.get("summary"):
        text = f"CW: {html_to_text(note['summary'])}\n\n{text}".rstrip()
    parent = note.get("inReplyTo")
    parent = parent if isinstance(parent, str) and parent else None
    content_map = note.get("contentMap")
    lang = next(iter(content_map), None) if isinstance(content_map, dict) else None
    url = note.get("url")
    yield Post(
        platform=PLATFORM, post_id=note["id"], author_id=_actor(activity, note),
        created_at=_published(note, activity),
        text=text, kind="dm" if visibility == "direct" else "post",
        reply_to_post_id=parent, reply_to_account_id=author_of_status(parent),
        lang=lang, visibility=visibility, mentions=tuple(dict.fromkeys(mentions)),
        hashtags=tuple(dict.fromkeys(hashtags)), url=url if isinstance(url, str) else None,
    )


def _mention_handle(tag: dict) -> str | None:
    name = tag.get("name")
    if isinstance(name, str) and name.count("@") == 2:
        return name
    user = name.lstrip("@") if isinstance(name, str) and name else None
    return handle_of(tag["href"], user)
