"""Bluesky repository exports: a ``.car`` file (``com.atproto.sync.getRepo``), offline.

A repository export is a CARv1 file: a DAG-CBOR header ``{version: 1, roots: [commit]}``
followed by blocks, each ``varint(length) CID bytes``. The root block is the signed
commit ``{did, rev, data, ...}``; ``data`` is the root of a Merkle Search Tree whose
nodes ``{l, e: [{p, k, v, t}]}`` map prefix-compressed keys ``collection/rkey`` to the
CIDs of the records. This module reads the blocks itself so that a damaged block is
named (``block 12 is damaged: ...``), checks each block's sha256 against its CID, walks
the tree in key order and maps each record through :mod:`bluesky_records`.

The snapshot's owner is the commit's DID; its time is the time in the commit's ``rev``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import libipld

from kindscope import settings
from kindscope.errors import InputError
from kindscope.ingest import bluesky_records as bsky
from kindscope.ingest.base import TOO_DEEP, ImportOptions
from kindscope.model import Record, Snapshot

__all__ = ["NAME", "PLATFORM", "ONLINE", "RepoEntry", "Repo", "detect", "read", "read_repo"]

NAME = "bluesky-car"
PLATFORM = "bluesky"
ONLINE = False
#: What an import of this kind carries (see kindscope.store.availability); items in
#: CARRIES_IF_SEEN count only when the import actually held them.
CARRIES = frozenset({"follow_times", "following"})
CARRIES_IF_SEEN = frozenset({"follow_times", "following"})

_log = logging.getLogger(__name__)
_SHA256 = 0x12
_DAG_CBOR = 0x71
_B32_SORT = "234567abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class RepoEntry:
    """One record of the repository: where it lives, its CID, and the decoded record."""

    collection: str
    rkey: str
    cid: str
    record: object


@dataclass(frozen=True, slots=True)
class Repo:
    """A decoded repository export: the commit and the raw blocks, by CID bytes."""

    path: str
    did: str
    rev: str | None
    data_root: bytes
    blocks: dict[bytes, tuple[int, bytes]]

    @property
    def data_cid(self) -> str:
        """The CID of the tree root the commit names."""
        return libipld.encode_cid(self.data_root)

    def entries(self) -> Iterator[RepoEntry]:
        """The records in key order (``collection/rkey``), walking the MST."""
        missing = 0
        for key, cid in _walk(self, _link(self.blocks, self.data_root, self.path)):
            collection, _, rkey = key.partition("/")
            found = self.blocks.get(cid)
            if found is None:
                missing += 1
                continue
            yield RepoEntry(collection, rkey, _cid_text(cid), _decode(found, self.path))
        if missing:
            _log.warning("%s: %d records are not in the file (a partial export)", self.path,
                         missing)


def detect(source: str) -> bool:
    """A file ending ``.car`` or starting with a CARv1 header."""
    path = Path(source)
    try:
        if not path.is_file():
            return False
        if path.suffix.lower() == ".car":
            return True
        with open(path, "rb") as handle:
            head = handle.read(1024)
        length, start = _varint(head, 0)
        header = libipld.decode_dag_cbor(head[start:start + length])
        return isinstance(header, dict) and "roots" in header and "version" in header
    except (OSError, ValueError, IndexError, TypeError, RecursionError):
        return False


def read(source: str, options: ImportOptions) -> Iterator[Record]:
    """Snapshot (owner = the commit's DID), then the records the repository holds."""
    repo = read_repo(source)
    yield Snapshot(platform=PLATFORM, owner_id=repo.did, taken_at=_tid_time(repo.rev),
                   description=f"Bluesky repository export of {repo.did}")
    for entry in repo.entries():
        yield from bsky.map_record(repo.did, entry.collection, entry.rkey, entry.record)


def read_repo(source: str) -> Repo:
    """Read and check every block of a CAR file, and decode its commit."""
    path = Path(source)
    where = str(path)
    limit = int(settings.get("max_file_bytes"))
    try:
        if path.stat().st_size > limit:
            raise InputError(f"larger than the limit of {limit} bytes", where)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", where) from None
    roots, start = _header(data, where)
    blocks = _blocks(data, start, where)
    root = blocks.get(roots[0])
    if root is None:
        raise InputError("the commit block named in the header is not in the file", where)
    commit = _decode(root, where)
    if not isinstance(commit, dict) or not isinstance(commit.get("did"), str) \
            or not isinstance(commit.get("data"), bytes):
        raise InputError("the root block is not a repository commit", where)
    rev = commit.get("rev") if isinstance(commit.get("rev"), str) else None
    return Repo(where, commit["did"], rev, commit["data"], blocks)


# -- CAR framing ---------------------------------------------------------------------------
def _varint(data: bytes, pos: int) -> tuple[int, int]:
    """An unsigned LEB128 varint at ``pos``: (value, position after it)."""
    value = shift = 0
    while True:
        if pos >= len(data):
            raise ValueError("a length runs past the end of the file")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7
        if shift > 63:
            raise ValueError("bad varint (more than 9 bytes)")


def _header(data: bytes, where: str) -> tuple[list[bytes], int]:
    try:
        length, pos = _varint(data, 0)
        if pos + length > len(data):
            raise ValueError("truncated")
        header = libipld.decode_dag_cbor(data[pos:pos + length])
    except RecursionError:
        raise InputError(f"CAR header: {TOO_DEEP}", where) from None
    except ValueError as exc:
        raise InputError(f"not a CAR file (header unreadable: {exc})", where) from None
    roots = header.get("roots") if isinstance(header, dict) else None
    if not isinstance(header, dict) or header.get("version") != 1:
        raise InputError("not a CARv1 file (header has no version 1)", where)
    if not isinstance(roots, list) or not roots or not isinstance(roots[0], bytes):
        raise InputError("CAR header names no root", where)
    return roots, pos + length


def _blocks(data: bytes, pos: int, where: str) -> dict[bytes, tuple[int, bytes]]:
    """CID bytes -> (block number, block bytes); each block checked against its CID."""
    blocks: dict[bytes, tuple[int, bytes]] = {}
    number = 0
    end_of_data = len(data)
    while pos < end_of_data:
        number += 1
        try:
            pos, cid, body = _block(data, pos)
        except ValueError as exc:
            raise InputError(f"block {number} is damaged: {exc}", where) from None
        blocks[cid] = (number, body)
    return blocks


def _block(data: bytes, pos: int) -> tuple[int, bytes, bytes]:
    length, pos = _varint(data, pos)
    end = pos + length
    if length < 2 or end > len(data):
        raise ValueError(f"truncated (needs {length} bytes, {len(data) - pos} left)")
    if data[pos] == 0x12 and data[pos + 1] == 0x20:  # CIDv0: a bare sha256 multihash
        cid_end, code, digest = pos + 34, _SHA256, data[pos + 2:pos + 34]
    else:
        version, cur = _varint(data, pos)
        if version != 1:
            raise ValueError(f"unknown CID version {version}")
        _codec, cur = _varint(data, cur)
        code, cur = _varint(data, cur)
        size, cur = _varint(data, cur)
        cid_end, digest = cur + size, data[cur:cur + size]
    if cid_end > end:
        raise ValueError("its CID runs past the end of the block")
    body = data[cid_end:end]
    if code == _SHA256 and hashlib.sha256(body).digest() != digest:
        raise ValueError("content does not match its CID (sha256)")
    return end, data[pos:cid_end], body


def _decode(found: tuple[int, bytes], where: str) -> object:
    number, body = found
    try:
        return libipld.decode_dag_cbor(body)
    except ValueError as exc:
        raise InputError(f"block {number} is damaged: not DAG-CBOR ({exc})", where) from None
    except RecursionError:
        raise InputError(f"block {number}: {TOO_DEEP}", where) from None


# -- the Merkle Search Tree ---------------------------------------------------------------
def _link(blocks: dict, cid: bytes, where: str) -> bytes:
    if cid not in blocks:
        raise InputError("the repository's tree root is not in the file", where)
    return cid


def _walk(repo: Repo, root: bytes) -> Iterator[tuple[str, bytes]]:
    """In-order walk of the MST: (key, record CID bytes), keys ascending."""
    seen: set[bytes] = set()
    # The stack holds node CIDs to expand, or finished (key, value) pairs to emit.
    stack: list[tuple[bool, object]] = [(True, root)]
    while stack:
        is_node, item = stack.pop()
        if not is_node:
            yield item  # type: ignore[misc]
            continue
        if item in seen:
            raise InputError("the repository tree has a cycle", repo.path)
        seen.add(item)  # type: ignore[arg-type]
        stack.extend(reversed(_expand(repo, item)))  # type: ignore[arg-type]


def _expand(repo: Repo, cid: bytes) -> list[tuple[bool, object]]:
    found = repo.blocks.get(cid)
    if found is None:
        raise InputError(f"tree node {_cid_text(cid)} is not in the file "
                         "(an incomplete export)", repo.path)
    node = _decode(found, repo.path)
    entries = node.get("e") if isinstance(node, dict) else None
    if not isinstance(entries, list):
        raise InputError(f"block {found[0]} is damaged: not a tree node", repo.path)
    out: list[tuple[bool, object]] = []
    if isinstance(node.get("l"), bytes):
        out.append((True, node["l"]))
    key = b""
    for entry in entries:
        try:
            key = key[:entry["p"]] + entry["k"]
            value = entry["v"]
            if not isinstance(value, bytes):
                raise TypeError
            out.append((False, (key.decode("ascii"), value)))
        except (KeyError, TypeError, UnicodeDecodeError):
            raise InputError(f"block {found[0]} is damaged: bad tree entry", repo.path) from None
        if isinstance(entry.get("t"), bytes):
            out.append((True, entry["t"]))
    return out


def _cid_text(cid: object) -> str:
    """A CID for a message: its text form, or its bytes when it is not a valid CID."""
    try:
        return libipld.encode_cid(cid)
    except (ValueError, TypeError):
        return f"{cid!r}"[:80]


def _tid_time(rev: str | None) -> datetime | None:
    """The time a TID (the commit's ``rev``) was made; None when it is not a TID."""
    if not rev or len(rev) != 13 or any(c not in _B32_SORT for c in rev):
        return None
    value = 0
    for char in rev:
        value = (value << 5) | _B32_SORT.index(char)
    micros = (value >> 10) & ((1 << 53) - 1)
    try:
        return datetime.fromtimestamp(micros / 1_000_000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
