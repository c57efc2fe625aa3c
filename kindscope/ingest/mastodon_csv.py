"""Mastodon's CSV exports (Settings -> Import and export -> Data export).

One file, or a folder of them. What each becomes:

=========================  ==========================================  =====================
file                       shape                                       records
=========================  ==========================================  =====================
following_accounts.csv     ``Account address,Show boosts,...`` header  Follow owner -> account
muted_accounts.csv         ``Account address,Hide notifications``      Block kind ``mute``
blocked_accounts.csv       header-less, one ``user@host`` per line     Block kind ``block``
bookmarks.csv / *.txt      header-less, one status URI per line        Reaction ``bookmark``
lists.csv                  header-less ``list name,user@host``         skipped (no record)
domain_blocks.csv          header-less, one domain per line            skipped (no record)
=========================  ==========================================  =====================

A header-less file of addresses is a follow list when its name says ``follow``, a mute
list when it says ``mute``, and a block list otherwise (Mastodon writes only blocks that
way). Rows with a ``Account address`` header are follows unless the name or the header
(``Hide notifications``) says mute, or the name says block.

Accounts. The canonical Mastodon account id is the actor URI, but the CSVs hold
``user@host`` addresses. We map ``user@host`` to ``https://host/users/user`` -- the actor
URI form every Mastodon server uses (other ActivityPub servers may differ; the handle
``@user@host`` is kept on the Account so it can be matched later). An address without a
host (a local account, ``bob``) takes the owner's host when the owner is known and is
skipped otherwise.

Owner. The CSVs do not say whose they are. When an ``actor.json`` from the same export
lies beside the file (same folder) its ``id`` is the owner; otherwise the edges start at
the placeholder account id ``"self"`` (:data:`SELF`), which is also the snapshot's owner.
When the database already holds exactly one real owner on Mastodon (say, from the account
export imported earlier), the store re-points these edges to that owner; put ``actor.json``
beside the CSVs to be explicit.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from kindscope.errors import InputError
from kindscope.ingest.base import TOO_DEEP, ImportOptions, json_problem, read_text_file
from kindscope.model import OWNER_PLACEHOLDER, Account, Block, Follow, Reaction, Record, Snapshot

__all__ = ["NAME", "PLATFORM", "ONLINE", "SELF", "detect", "read", "actor_uri",
           "records_from_text", "looks_like_export"]

NAME = "mastodon-csv"
PLATFORM = "mastodon"
ONLINE = False
#: What an import of this kind carries (see kindscope.store.availability); items in
#: CARRIES_IF_SEEN count only when the import actually held them.
CARRIES = frozenset({"following"})
CARRIES_IF_SEEN = frozenset({"following"})
SELF = OWNER_PLACEHOLDER

_log = logging.getLogger(__name__)
_SUFFIXES = (".csv", ".txt")
_HEADER = "account address"
_ADDRESS = re.compile(r"^@?([A-Za-z0-9_.+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,}|localhost)(:\d+)?$")
_LOCAL = re.compile(r"^@?[A-Za-z0-9_.+-]+$")
_STATUS = re.compile(r"^https?://\S+$")


def actor_uri(address: str, default_host: str | None = None) -> tuple[str, str] | None:
    """``(actor URI, @user@host)`` for ``user@host`` (or a local ``user``), else None."""
    address = address.strip()
    match = _ADDRESS.match(address)
    if match:
        user, host = match.group(1), match.group(2) + (match.group(3) or "")
    elif default_host and _LOCAL.match(address):
        user, host = address.lstrip("@"), default_host
    else:
        return None
    return f"https://{host}/users/{user}", f"@{user}@{host}"


# -- detection ----------------------------------------------------------------------------
def detect(source: str) -> bool:
    """A .csv/.txt Mastodon export, or a folder holding at least one."""
    try:
        path = Path(source)
        if path.is_dir():
            return any(looks_like_export(p) for p in sorted(path.iterdir())[:200])
        return looks_like_export(path)
    except (OSError, ValueError):
        return False


def looks_like_export(path: Path) -> bool:
    if not path.is_file() or path.suffix.lower() not in _SUFFIXES:
        return False
    with open(path, "rb") as handle:
        head = handle.read(4096).decode("utf-8-sig", errors="replace")
    first = next((line.strip() for line in head.splitlines() if line.strip()), "")
    cell = first.split(",")[0].strip()
    name = path.name.lower()
    if cell.lower() == _HEADER or _ADDRESS.match(cell):
        return True
    if "list" in name and "," in first and _ADDRESS.match(first.rsplit(",", 1)[1].strip()):
        return True
    return "bookmark" in name and bool(_STATUS.match(cell))


# -- reading ------------------------------------------------------------------------------
def read(source: str, options: ImportOptions) -> Iterator[Record]:
    path = Path(source)
    if not path.exists():
        raise InputError("no such file or folder", source)
    files = sorted(p for p in path.iterdir() if looks_like_export(p)) if path.is_dir() \
        else [path]
    if path.is_dir() and not files:
        raise InputError("no Mastodon CSV export file in this folder", source)
    if not path.is_dir() and not looks_like_export(path):
        raise InputError("not a Mastodon CSV export (no `Account address` header or "
                         "user@host address on its first line)", source)
    owner, host = _owner(path if path.is_dir() else path.parent)
    yield Snapshot(platform=PLATFORM, owner_id=owner, description="Mastodon CSV export")
    for file in files:
        text = read_text_file(file)
        if file == path and _only_a_header(text):
            raise InputError("no records: only a header row", str(file))
        yield from records_from_text(text, file.name, owner, host, str(file))


def _owner(folder: Path) -> tuple[str, str | None]:
    actor = folder / "actor.json"
    if not actor.is_file():
        return SELF, None
    try:
        data = json.loads(read_text_file(actor))
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({json_problem(exc)} at line {exc.lineno})",
                         str(actor)) from None
    except RecursionError:
        raise InputError(TOO_DEEP, str(actor)) from None
    owner = data.get("id") if isinstance(data, dict) else None
    if not isinstance(owner, str):
        raise InputError("not an ActivityPub actor (no \"id\")", str(actor))
    host = re.match(r"^https?://([^/]+)", owner)
    return owner, host.group(1) if host else None


def _only_a_header(text: str) -> bool:
    """Nothing but an ``Account address,...`` header (an export folder may hold such a
    file; a file imported on its own must hold records)."""
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) == 1 and lines[0].split(",")[0].strip().lower() == _HEADER


def records_from_text(text: str, name: str, owner: str, host: str | None,
                      where: str) -> Iterator[Record]:
    """The records of one CSV export file's text (``name`` decides what it holds)."""
    try:
        rows = [row for row in csv.reader(io.StringIO(text)) if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise InputError(f"not a readable CSV file ({exc})", where) from None
    if not rows:
        return
    kind = _kind_of(name.lower(), [c.strip().lower() for c in rows[0]])
    if rows[0][0].strip().lower() == _HEADER:
        rows = rows[1:]
    if kind in ("list", "domain"):
        _log.info("%s: %s exports have no kindscope record; skipped", where, kind)
        return
    if kind == "bookmark":
        for row in rows:
            if _STATUS.match(row[0].strip()):
                yield Reaction(PLATFORM, owner, row[0].strip(), "bookmark")
        return
    skipped = 0
    for row in rows:
        mapped = actor_uri(row[0], host)
        if mapped is None:
            skipped += 1
            continue
        uri, handle = mapped
        yield Account(PLATFORM, uri, handle=handle)
        if kind == "follow":
            yield Follow(PLATFORM, owner, uri)
        else:
            yield Block(PLATFORM, owner, uri, kind)
    if skipped:
        _log.warning("%s: %d rows without a user@host address skipped", where, skipped)


def _kind_of(name: str, header: list[str]) -> str:
    if "list" in name:
        return "list"
    if "domain" in name:
        return "domain"
    if "bookmark" in name:
        return "bookmark"
    if "mute" in name or "hide notifications" in header:
        return "mute"
    if "block" in name:
        return "block"
    if "follow" in name or header[:1] == [_HEADER]:
        return "follow"
    return "block"
