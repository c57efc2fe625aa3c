"""Bluesky repository exports: a ``.car`` file (``com.atproto.sync.getRepo``), offline.

A repository export is a CARv1 file: a DAG-CBOR header ``{version: 1, roots: [commit]}``
followed by blocks, each ``varint(length) CID bytes``. The root block is the signed
commit ``{did, rev, data, ...}``; ``data`` is the root of a Merkle Search Tree whose
nodes ``{l, e: [{p, k, v, t}]}`` map prefix-compressed keys ``collection/rkey`` to the
CIDs of the records. This module reads the blocks itself so that a damaged block is
named (``block 12 is damaged: ...``), checks each block's sha256 against its CID, walks
the tree in key order and maps each record through :mod:`bluesky_records`.

The file is never held whole: a first pass reads it front to back in chunks, checks every
block and keeps only where each body lies (``CID -> (block number, offset, length)``);
the walk then reads each block it needs by its offset, and checks it again.

The snapshot's owner is the commit's DID; its time is the time in the commit's ``rev``.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

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
_CHUNK = 1 << 16  # bytes per read of the first pass
_HEAD = 64  # enough for a block's length and its CID's four varints (10 bytes each at most)
_FIELD = 48  # bits for an offset or a length in the index (files up to 256 TiB)
_FIELD_MASK = (1 << _FIELD) - 1


@dataclass(frozen=True, slots=True)
class RepoEntry:
    """One record of the repository: where it lives, its CID, and the decoded record."""

    collection: str
    rkey: str
    cid: str
    record: object


@dataclass(frozen=True, slots=True)
class Repo:
    """A checked repository export: the commit, and where each block's body lies in the file.

    The file stays open while the repository is read (``entries`` reads each block it needs
    again, by its offset); use it as a context manager, or call ``close``.
    """

    path: str
    did: str
    rev: str | None
    data_root: bytes
    index: dict[bytes, int]  # CID bytes -> block number, offset and length, packed (_where)
    handle: BinaryIO

    @property
    def data_cid(self) -> str:
        """The CID of the tree root the commit names."""
        return libipld.encode_cid(self.data_root)

    def close(self) -> None:
        self.handle.close()

    def __enter__(self) -> Repo:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def block(self, cid: bytes) -> tuple[int, bytes] | None:
        """(block number, body) of the block ``cid`` names; None when it is not in the file."""
        return _read_block(self.handle, self.index, cid, self.path)

    def entries(self) -> Iterator[RepoEntry]:
        """The records in key order (``collection/rkey``), walking the MST."""
        missing = 0
        for key, cid in _walk(self, _link(self.index, self.data_root, self.path)):
            collection, _, rkey = key.partition("/")
            found = self.block(cid)
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
    with read_repo(source) as repo:
        yield Snapshot(platform=PLATFORM, owner_id=repo.did, taken_at=_tid_time(repo.rev),
                       description=f"Bluesky repository export of {repo.did}")
        for entry in repo.entries():
            yield from bsky.map_record(repo.did, entry.collection, entry.rkey, entry.record)


def read_repo(source: str) -> Repo:
    """Check every block of a CAR file (read front to back, never whole) and decode its
    commit; the returned repository holds the file open (close it, or use ``with``)."""
    path = Path(source)
    where = str(path)
    limit = int(settings.get("max_file_bytes"))
    try:
        if path.stat().st_size > limit:
            raise InputError(f"larger than the limit of {limit} bytes", where)
        handle = open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", where) from None
    try:
        return _open_repo(handle, where)
    except BaseException:
        handle.close()
        raise


def _open_repo(handle: BinaryIO, where: str) -> Repo:
    try:
        frames = _Frames(handle, os.fstat(handle.fileno()).st_size)
        roots, start = _header(frames, where)
        index = _index(frames, start, where)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", where) from None
    root = _read_block(handle, index, roots[0], where)
    if root is None:
        raise InputError("the commit block named in the header is not in the file", where)
    commit = _decode(root, where)
    if not isinstance(commit, dict) or not isinstance(commit.get("did"), str) \
            or not isinstance(commit.get("data"), bytes):
        raise InputError("the root block is not a repository commit", where)
    rev = commit.get("rev") if isinstance(commit.get("rev"), str) else None
    return Repo(where, commit["did"], rev, commit["data"], index, handle)


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


class _Frames:
    """A file read front to back in chunks of ``_CHUNK`` bytes; ``buf`` holds its bytes from
    offset ``base`` on (at most the block being read and one chunk more)."""

    def __init__(self, handle: BinaryIO, size: int):
        self.handle = handle
        self.size = size  # where the data ends (lowered if a read comes back short)
        self.buf = b""
        self.base = 0

    def window(self, pos: int, end: int) -> tuple[bytes, int]:
        """The buffer, holding the file from ``pos`` (not before the last call's ``pos``) to
        ``end`` or to the end of the data, and the index of ``pos`` in it."""
        have = self.base + len(self.buf)
        end = min(end, self.size)
        if have < end:
            parts = [self.buf[pos - self.base:]]
            while have < end:
                chunk = self.handle.read(min(_CHUNK, self.size - have))
                if not chunk:
                    self.size = have
                    break
                parts.append(chunk)
                have += len(chunk)
            self.buf, self.base = b"".join(parts), pos
        return self.buf, pos - self.base


def _header(frames: _Frames, where: str) -> tuple[list[bytes], int]:
    try:
        length, pos = _varint(*frames.window(0, _HEAD))
        if pos + length > frames.size:
            raise ValueError("truncated")
        data, at = frames.window(pos, pos + length)
        header = libipld.decode_dag_cbor(data[at:at + length])
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


def _index(frames: _Frames, pos: int, where: str) -> dict[bytes, int]:
    """CID bytes -> the block's number, the offset of its body and its length, packed in one
    int (a third of the memory of a tuple); each block checked against its CID, and no body
    kept."""
    index: dict[bytes, int] = {}
    number = 0
    while pos < frames.size:
        number += 1
        try:
            pos, cid, body_at = _frame(frames, pos)
        except ValueError as exc:
            raise InputError(f"block {number} is damaged: {exc}", where) from None
        index[cid] = (number << 2 * _FIELD) | (body_at << _FIELD) | (pos - body_at)
    return index


def _where(packed: int) -> tuple[int, int, int]:
    """An index entry: (block number, offset of the body, its length)."""
    return packed >> 2 * _FIELD, (packed >> _FIELD) & _FIELD_MASK, packed & _FIELD_MASK


def _frame(frames: _Frames, pos: int) -> tuple[int, bytes, int]:
    """The block at ``pos``, checked, its body hashed as it is read: (position after the block, CID
    bytes, offset of the body)."""
    data, at = frames.window(pos, pos + _HEAD)
    length, cid_at = _varint(data, at)
    left = frames.size - (pos + cid_at - at)
    if length < 2 or length > left:
        raise ValueError(f"truncated (needs {length} bytes, {left} left)")
    end = cid_at + length
    digest_at, cid_end, code = _cid_parts(data, cid_at)
    if cid_end > end:
        raise ValueError("its CID runs past the end of the block")
    offset = pos - at  # the file offset of data[0]
    if end <= len(data):  # the whole block is in the buffer (most are)
        if code == _SHA256 and hashlib.sha256(data[cid_end:end]).digest() \
                != data[digest_at:cid_end]:
            raise ValueError("content does not match its CID (sha256)")
        return offset + end, data[cid_at:cid_end], offset + cid_end
    data, at = frames.window(offset + cid_at, offset + cid_end)
    cid = data[at:at + cid_end - cid_at]
    _check_body(frames, offset + cid_end, offset + end,
                cid[digest_at - cid_at:] if code == _SHA256 else None)
    return offset + end, cid, offset + cid_end


def _cid_parts(data: bytes, pos: int) -> tuple[int, int, int]:
    """The CID at ``pos``: (where its digest starts, where it ends, its hash code)."""
    if data[pos] == 0x12 and data[pos + 1] == 0x20:  # CIDv0: a bare sha256 multihash
        return pos + 2, pos + 34, _SHA256
    head = data[pos:pos + 4]  # most are CIDv1, a one-byte codec, sha256 of 32 bytes
    if len(head) == 4 and head[0] == 1 and head[1] < 0x80 and head[2] == _SHA256 \
            and head[3] == 32:
        return pos + 4, pos + 36, _SHA256
    version, cur = _varint(data, pos)
    if version != 1:
        raise ValueError(f"unknown CID version {version}")
    _codec, cur = _varint(data, cur)
    code, cur = _varint(data, cur)
    size, cur = _varint(data, cur)
    return cur, cur + size, code


def _check_body(frames: _Frames, pos: int, end: int, sha256: bytes | None) -> None:
    """Read the body from ``pos`` to ``end`` a chunk at a time, checking its sha256."""
    digest = hashlib.sha256()
    while pos < end:
        data, at = frames.window(pos, min(end, pos + _CHUNK))
        take = min(end - pos, len(data) - at)
        if take <= 0:
            raise ValueError("truncated (the file ended while it was read)")
        if sha256 is not None:
            digest.update(memoryview(data)[at:at + take])
        pos += take
    if sha256 is not None and digest.digest() != sha256:
        raise ValueError("content does not match its CID (sha256)")


def _read_block(handle: BinaryIO, index: dict[bytes, int], cid: bytes,
                where: str) -> tuple[int, bytes] | None:
    """(block number, body) of a block the index holds, read again and checked again (the
    file may have changed since); None when it is not in the file."""
    found = index.get(cid)
    if found is None:
        return None
    number, offset, length = _where(found)
    try:
        handle.seek(offset)
        body = handle.read(length)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", where) from None
    digest_at, _end, code = _cid_parts(cid, 0)
    if len(body) != length or (code == _SHA256
                               and hashlib.sha256(body).digest() != cid[digest_at:]):
        raise InputError(f"block {number} changed while the file was read", where)
    return number, body


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
    found = repo.block(cid)
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
