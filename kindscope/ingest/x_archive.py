"""X (Twitter) archive: the .zip X sends, or the folder it unpacks to.

Only the data files named here are read (through :class:`ArchiveReader`, never media):

- ``tweets.js`` / the older ``tweet.js``, and their parts (``tweets-part1.js``, ... as
  listed in ``manifest.js`` or found by name) -> Post (retweets ``kind='repost'``), plus a
  minimal Account for every mentioned and replied-to user;
- ``follower.js`` / ``following.js`` -> Follow edges to / from the owner, and an Account;
- ``like.js`` -> Reaction ``like`` (like.js never names a liked tweet's author, so no Post);
- ``block.js`` / ``mute.js`` -> Block ``block`` / ``mute``;
- ``account.js`` (else ``manifest.js`` ``userInfo``) and ``profile.js`` -> the owner;
- ``direct-messages.js`` / ``direct-messages-group.js`` -> Post ``kind='dm'``, only with
  ``ImportOptions.include_dms``. A one-to-one DM's recipient is its ``reply_to_account_id``.

Ids are X's own: ``id_str`` for tweets and ``accountId`` for accounts. E-mail addresses,
phone numbers and other private account fields are never read into the database.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from kindscope.errors import InputError
from kindscope.ingest.archive import ArchiveReader
from kindscope.ingest.base import ImportOptions, parse_iso, utc_time
from kindscope.ingest.x_js import iter_items, load_value
from kindscope.model import Account, Block, Follow, Post, Reaction, Record, Snapshot

__all__ = ["NAME", "PLATFORM", "ONLINE", "detect", "read", "parse_x_time"]

NAME = "x-archive"
PLATFORM = "x"
ONLINE = False
#: What an import of this kind carries (see kindscope.store.availability); items in
#: CARRIES_IF_SEEN count only when the import actually held them.
CARRIES = frozenset({"followers", "engagement_counts", "following"})
CARRIES_IF_SEEN = frozenset({"followers", "engagement_counts", "following"})

#: Data files whose presence marks an X archive.
_MARKERS = ("tweets.js", "tweet.js", "manifest.js", "account.js", "profile.js",
            "follower.js", "following.js", "like.js", "block.js", "mute.js",
            "direct-messages.js", "direct-messages-group.js")
_PART = re.compile(r"^(?P<base>[a-z][a-z-]*?)(?:-part(?P<n>\d+))?\.js$")
#: manifest.js dataTypes key -> file base name.
_MANIFEST_TYPES = {
    "tweets": "tweets", "tweet": "tweet", "follower": "follower", "following": "following",
    "like": "like", "block": "block", "mute": "mute", "account": "account",
    "profile": "profile", "directMessages": "direct-messages",
    "directMessagesGroup": "direct-messages-group",
}
_STATUS_URL = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:[A-Za-z0-9_]+|i/web|i)/status(?:es)?/"
    r"(\d+)")
_HANDLE_URL = re.compile(r"^https?://(?:www\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,15})/?$")
_EMPTY: dict = {}
_MONTHS = {m: f"{i:02d}" for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}


# -- detection ----------------------------------------------------------------------------
def detect(source: str) -> bool:
    """True for a folder or .zip holding X archive data files (names only; nothing read)."""
    path = Path(source)
    if path.is_dir():
        return any(_is_ytd(folder / name) for folder in _folders(path) for name in _MARKERS)
    if path.is_file() and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, EOFError):
            return False
        return any(PurePosixPath(n).name.lower() in _MARKERS for n in names)
    return False


def _folders(path: Path) -> list[Path]:
    folders = [path, path / "data"]
    try:
        folders += [child / "data" for child in path.iterdir() if child.is_dir()]
    except OSError:
        pass
    return folders


def _is_ytd(file: Path) -> bool:
    """A regular file starting ``window.`` (a FIFO or device named tweets.js is not read)."""
    try:
        if not file.is_file():
            return False
        with open(file, "rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"window.")


# -- the archive's files ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Owner:
    account_id: str | None
    handle: str | None
    display_name: str | None = None
    created_at: datetime | None = None
    taken_at: datetime | None = None


def _index(reader: ArchiveReader) -> tuple[dict[str, list[str]], dict]:
    """Data-file base name ("tweets", "follower", ...) -> member names in part order; and
    the manifest (empty without ``manifest.js``)."""
    names = [n for n in reader.names() if n.lower().endswith(".js")]
    in_data = [n for n in names if PurePosixPath(n).parent.name.lower() == "data"]
    found: dict[str, dict[str, int]] = {}
    for name in in_data or names:
        match = _PART.match(PurePosixPath(name).name.lower())
        if match:
            found.setdefault(match["base"], {})[name] = int(match["n"] or 0)
    manifest = _manifest(reader, found)
    for key, base in _MANIFEST_TYPES.items():
        for number, file_name in enumerate(_manifest_files(manifest, key)):
            member = _member(reader, file_name)
            if member is not None:
                found.setdefault(base, {}).setdefault(member, number)
    index = {base: sorted(parts, key=lambda n: (parts[n], n)) for base, parts in found.items()}
    return index, manifest


def _manifest(reader: ArchiveReader, found: dict[str, dict[str, int]]) -> dict:
    names = list(found.get("manifest", {}))
    if not names:
        return {}
    value = load_value(reader.read_bytes(names[0]), reader.where(names[0]))
    return value if isinstance(value, dict) else {}


def _manifest_files(manifest: dict, key: str) -> list[str]:
    """The ``fileName``s manifest.js lists for one data type (none where it is odd)."""
    return [entry["fileName"] for entry in _manifest_entries(manifest, key)]


def _manifest_entries(manifest: dict, key: str) -> list[dict]:
    """The file entries (``fileName``, ``count``) manifest.js lists for one data type."""
    types = manifest.get("dataTypes")
    entry = types.get(key) if isinstance(types, dict) else None
    files = entry.get("files") if isinstance(entry, dict) else None
    if not isinstance(files, list):
        return []
    return [f for f in files if isinstance(f, dict) and _text(f.get("fileName"))]


def _check_complete(reader: ArchiveReader, manifest: dict, include_dms: bool) -> None:
    """Refuse an archive without a data file that manifest.js lists with records in it (a
    download cut short, or parts of a split archive left out): importing the rest would
    lose them unnoticed."""
    for key in _IMPORTED_TYPES + (_DM_TYPES if include_dms else ()):
        for entry in _manifest_entries(manifest, key):
            if str(entry.get("count")) != "0" and _member(reader, entry["fileName"]) is None:
                raise InputError(f"{entry['fileName']} is listed in manifest.js but is not in "
                                 "the archive: the export is incomplete (download it again)",
                                 str(reader.path))


def _member(reader: ArchiveReader, file_name: str) -> str | None:
    """The member a manifest ``fileName`` (``data/tweets-part1.js``) refers to, if present."""
    if not file_name:
        return None
    for name in reader.names():
        if name == file_name or name.endswith("/" + file_name):
            return name
    return None


def _items(reader: ArchiveReader, index: dict[str, list[str]], *bases: str
           ) -> Iterator[tuple[str, int, Any]]:
    """(member, item number, item) for every element of the files of ``bases``."""
    for base in bases:
        for name in index.get(base, []):
            with reader.open(name) as stream:
                for number, item in enumerate(iter_items(stream, reader.where(name)), start=1):
                    yield name, number, item


def _owner(reader: ArchiveReader, index: dict[str, list[str]], manifest: dict) -> _Owner:
    info = manifest.get("userInfo")
    info = info if isinstance(info, dict) else {}
    archive_info = manifest.get("archiveInfo")
    taken_at = parse_iso(_text(archive_info.get("generationDate"))
                         if isinstance(archive_info, dict) else None)
    for _name, _n, item in _items(reader, index, "account"):
        account = item.get("account") if isinstance(item, dict) else None
        if isinstance(account, dict) and account.get("accountId"):
            return _Owner(str(account["accountId"]), account.get("username") or
                          info.get("userName"), account.get("accountDisplayName"),
                          parse_iso(_text(account.get("createdAt"))), taken_at)
    if info.get("accountId"):
        return _Owner(str(info["accountId"]), info.get("userName"), info.get("displayName"),
                      None, taken_at)
    return _Owner(None, None, taken_at=taken_at)


def _profile(reader: ArchiveReader, index: dict[str, list[str]], owner: _Owner) -> Account:
    profile: dict = {}
    where = ""
    for name, number, item in _items(reader, index, "profile"):
        if isinstance(item, dict) and isinstance(item.get("profile"), dict):
            profile, where = item["profile"], reader.where(name)
            where = f"{where} item {number}"
            break
    description = profile.get("description") or {}
    if not isinstance(description, dict):
        raise InputError("profile.description is not an object", where)
    avatar = profile.get("avatarMediaUrl")
    kept = {"username": owner.handle, "displayName": owner.display_name,
            "bio": description.get("bio"), "website": description.get("website"),
            "location": description.get("location"), "avatarMediaUrl": avatar,
            "headerMediaUrl": profile.get("headerMediaUrl")}
    return Account(
        platform=PLATFORM, account_id=owner.account_id, handle=owner.handle,
        display_name=owner.display_name, description=description.get("bio") or None,
        created_at=owner.created_at,
        avatar_url=avatar if isinstance(avatar, str) and avatar.startswith("http") else None,
        url=description.get("website") or None,
        profile_json=json.dumps({k: v for k, v in kept.items() if v}, ensure_ascii=False),
    )


# -- reading ------------------------------------------------------------------------------------
_NEEDS_OWNER = ("tweets", "tweet", "follower", "following", "like", "block", "mute")
#: manifest.js data types whose files must be in the archive when it lists them with records
#: (``account`` is not: manifest.js's ``userInfo`` names the owner without account.js).
_IMPORTED_TYPES = _NEEDS_OWNER + ("profile",)
_DM_TYPES = ("directMessages", "directMessagesGroup")
#: The base names of the data files that make a folder or zip an X archive.
_KNOWN_FILES = frozenset(_MANIFEST_TYPES.values()) | {"manifest"}


def read(source: str, options: ImportOptions) -> Iterator[Record]:
    """Yield the records of an X archive: a Snapshot first, then the owner, tweets, edges."""
    with ArchiveReader(source) as reader:
        index, manifest = _index(reader)
        if not _KNOWN_FILES & set(index):
            raise InputError("not an X archive: no tweets.js, account.js or other X data file",
                             str(source))
        _check_complete(reader, manifest, options.include_dms)
        owner = _owner(reader, index, manifest)
        if owner.account_id is None and any(index.get(b) for b in _NEEDS_OWNER):
            raise InputError("cannot tell whose archive this is: no data/account.js, and no "
                             "userInfo in data/manifest.js", str(source))
        yield Snapshot(platform=PLATFORM, owner_id=owner.account_id, taken_at=owner.taken_at,
                       description=f"X archive of @{owner.handle}" if owner.handle
                       else "X archive")
        if owner.account_id is not None:
            yield _profile(reader, index, owner)
        seen = {owner.account_id}
        yield from _tweets(reader, index, owner, seen, options)
        yield from _edges(reader, index, owner, seen)
        if options.include_dms:
            yield from _dms(reader, index, seen)


def _tweets(reader, index, owner: _Owner, seen: set, options: ImportOptions
            ) -> Iterator[Record]:
    prefix = f"https://x.com/{owner.handle or 'i'}/status/"
    owner_id = owner.account_id
    accounts: list[Account] = []
    for name, number, item in _items(reader, index, "tweets", "tweet"):
        try:
            post = _tweet_post(item.get("tweet", item), owner_id, prefix, seen, accounts)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            options.skip(InputError(f"tweet {number} is not a readable tweet ({_why(exc)})",
                                    reader.where(name)))
            continue
        except InputError as exc:
            options.skip(InputError(f"tweet {number}: {exc.message}", reader.where(name)))
            continue
        if accounts:
            yield from accounts
            accounts.clear()
        yield post


def _tweet_post(tweet: dict, owner_id: str, prefix: str, seen: set,
                accounts: list[Account]) -> Post:
    """The Post of one tweet; Accounts first seen in it (mentioned, replied to) go to
    ``accounts``."""
    post_id = tweet.get("id_str") or str(tweet["id"])
    text = tweet.get("full_text") or tweet.get("text") or ""
    if "&" in text:  # the archive escapes &, < and > as HTML entities
        text = html.unescape(text)
    entities = tweet.get("entities") or _EMPTY
    mentions = []
    for user in entities.get("user_mentions") or ():
        user_id = user.get("id_str")
        if user_id and user_id not in ("-1", "0"):
            mentions.append(user_id)
            if user_id not in seen:
                seen.add(user_id)
                accounts.append(Account(PLATFORM, user_id, user.get("screen_name") or None,
                                        user.get("name") or None))
    reply_user = tweet.get("in_reply_to_user_id_str") or None
    if reply_user and reply_user not in seen:
        seen.add(reply_user)
        accounts.append(Account(PLATFORM, reply_user, tweet.get("in_reply_to_screen_name")))
    repost = text.startswith("RT @") or "retweeted_status" in tweet
    hashtags = entities.get("hashtags")
    return Post(
        PLATFORM, post_id, owner_id, parse_x_time(tweet.get("created_at")), text,
        "repost" if repost else "post",
        tweet.get("in_reply_to_status_id_str") or None,  # reply_to_post_id
        reply_user,  # reply_to_account_id
        None,  # root_post_id: not in the archive
        (tweet.get("retweeted_status") or _EMPTY).get("id_str") if repost else None,
        None if repost else _quoted(tweet, entities, post_id),
        tweet.get("lang"),
        None,  # visibility
        _int(tweet.get("favorite_count")),
        _int(tweet.get("retweet_count")),
        None, None,  # reply_count, quote_count: not in the archive
        tuple(mentions),
        tuple([h["text"].lower() for h in hashtags if h.get("text")]) if hashtags else (),
        prefix + post_id,
    )


def _quoted(tweet: dict, entities: dict, post_id: str) -> str | None:
    quoted = tweet.get("quoted_status_id_str")
    if quoted:
        return quoted
    urls = entities.get("urls")
    if not urls:
        return None
    for url in urls:
        match = _STATUS_URL.match(url.get("expanded_url") or "")
        if match and match[1] != post_id:
            return match[1]
    return None


def _edges(reader, index, owner: _Owner, seen: set) -> Iterator[Record]:
    owner_id = owner.account_id
    counts = {"follower": 0, "following": 0}
    for base, key in (("follower", "follower"), ("following", "following"),
                      ("like", "like"), ("block", "blocking"), ("mute", "muting")):
        for name, number, item in _items(reader, index, base):
            entry = item.get(key) if isinstance(item, dict) else None
            if not isinstance(entry, dict):
                raise InputError(f"item {number} has no {key!r} object", reader.where(name))
            if base == "like":
                if entry.get("tweetId"):
                    yield Reaction(PLATFORM, owner_id, str(entry["tweetId"]), "like")
                continue
            other = entry.get("accountId")
            if not other:
                raise InputError(f"item {number} has no accountId", reader.where(name))
            other = str(other)
            if other not in seen:
                seen.add(other)
                yield _linked_account(other, entry.get("userLink"))
            if base == "follower":
                yield Follow(PLATFORM, other, owner_id)
            elif base == "following":
                yield Follow(PLATFORM, owner_id, other)
            else:
                yield Block(PLATFORM, owner_id, other, "block" if base == "block" else "mute")
            if base in counts:
                counts[base] += 1
    if owner_id is not None and (index.get("follower") or index.get("following")):
        yield Account(PLATFORM, owner_id,
                      followers_count=counts["follower"] if index.get("follower") else None,
                      following_count=counts["following"] if index.get("following") else None)


def _linked_account(account_id: str, link: Any) -> Account:
    """An account known by id; the handle only when ``userLink`` names it."""
    match = _HANDLE_URL.match(link) if isinstance(link, str) else None
    return Account(PLATFORM, account_id, handle=match[1] if match else None,
                   url=link if isinstance(link, str) and link.startswith("http") else None)


def _dms(reader, index, seen: set) -> Iterator[Record]:
    for name, number, item in _items(reader, index, "direct-messages", "direct-messages-group"):
        conversation = item.get("dmConversation") if isinstance(item, dict) else None
        if not isinstance(conversation, dict):
            raise InputError(f"item {number} has no dmConversation object", reader.where(name))
        messages = conversation.get("messages")
        for event in messages if isinstance(messages, list) else ():
            message = event.get("messageCreate") if isinstance(event, dict) else None
            if not isinstance(message, dict) or not message.get("id"):
                continue  # joins, leaves, renames and reactions are not messages
            sender, recipient = message.get("senderId"), message.get("recipientId")
            if not sender:
                continue
            for account in (str(sender), str(recipient) if recipient else None):
                if account and account not in seen:
                    seen.add(account)
                    yield Account(PLATFORM, account)
            yield Post(PLATFORM, str(message["id"]), str(sender),
                       parse_iso(_text(message.get("createdAt"))), message.get("text") or "",
                       kind="dm", reply_to_account_id=str(recipient) if recipient else None,
                       visibility="direct")


# -- values ---------------------------------------------------------------------------------------
def parse_x_time(value: str | None) -> datetime | None:
    """X's ``created_at`` ('Wed Oct 10 20:19:24 +0000 2018') as aware UTC; ISO accepted too.

    >>> parse_x_time("Wed Oct 10 20:19:24 +0000 2018").isoformat()
    '2018-10-10T20:19:24+00:00'
    >>> parse_x_time("Wed Oct 10 22:19:24 +0200 2018").isoformat()
    '2018-10-10T20:19:24+00:00'
    """
    if not value:
        return None
    try:  # fixed layout "Www Mmm DD HH:MM:SS +HHMM YYYY", rewritten as ISO for the C parser
        if len(value) != 30 or value[19] != " " or value[25] != " ":
            raise ValueError(value)
        moment = datetime.fromisoformat(
            f"{value[26:]}-{_MONTHS[value[4:7]]}-{value[8:10]}T{value[11:19]}{value[20:25]}")
    except (ValueError, KeyError):
        return parse_iso(value)
    return moment if moment.tzinfo is UTC else utc_time(moment, value)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _why(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"no {exc.args[0]!r}"
    return str(exc) or type(exc).__name__
