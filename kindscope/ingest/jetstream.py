"""Jetstream captures: one JSON event a line (``.jsonl``/``.ndjson``, also ``.zst``/``.gz``).

Two shapes are read. **v1** (what ``wss://jetstream*.bsky.network/subscribe`` sends)::

    {"did": ..., "time_us": 1779719009132431, "kind": "commit",
     "commit": {"rev", "operation": "create|update|delete", "collection", "rkey",
                "record", "cid"}}
    {"did": ..., "time_us": ..., "kind": "identity", "identity": {"did", "handle", "seq", "time"}}
    {"did": ..., "time_us": ..., "kind": "account", "account": {"active", "status", ...}}

**v2** is flat: ``{seq, did, time, rev, operation, collection, rkey, record, cid}`` for
commits, and ``kind`` (``identity``/``account``) with the fields of the v1 sub-object at
the top level for the others; ``time`` may be an ISO string or a number (s, ms or us).

Creates and updates map through :mod:`bluesky_records`; deletes of known collections
become :class:`Deletion` rows (``record_id`` = the at-URI); identity events give the
account's handle; account events give an account row. Records of other apps, and lines
that are JSON objects but no event, are skipped and counted (logged at the end); a file in
which no line is an event is no capture (an error). A line that is not JSON is an error,
or, with ``--skip-bad-records``, skipped and listed (an interrupted capture ends in one).
The capture is of many people: the snapshot has no owner.
"""

from __future__ import annotations

import gzip
import io
import json
import json.scanner
import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import zstandard

from kindscope.errors import InputError
from kindscope.ingest import bluesky_records as bsky
from kindscope.ingest.base import TOO_DEEP, ImportOptions, json_problem
from kindscope.model import Account, Record, Snapshot

__all__ = ["NAME", "PLATFORM", "ONLINE", "detect", "read", "read_events"]

NAME = "jetstream"
PLATFORM = "bluesky"
ONLINE = False
#: What an import of this kind carries (see kindscope.store.availability); items in
#: CARRIES_IF_SEEN count only when the import actually held them.
CARRIES = frozenset({"others_replies", "follow_times"})
CARRIES_IF_SEEN = frozenset({"follow_times"})

_log = logging.getLogger(__name__)
_SUFFIXES = (".jsonl", ".ndjson")
_COMPRESSED = (".zst", ".gz", "")
_scan = json.scanner.make_scanner(json.JSONDecoder())
_map = bsky.map_record
_kinds = bsky.COLLECTION_KINDS


def detect(source: str) -> bool:
    """A JSONL file whose first non-empty line is an event (``did`` and ``commit``,
    ``collection`` or ``kind``)."""
    path = Path(source)
    try:
        if not path.is_file() or not _is_jsonl_name(path.name.lower()):
            return False
        with _open(path) as handle:
            for number, line in enumerate(handle):
                if line.strip():
                    obj = json.loads(line)
                    return isinstance(obj, dict) and "did" in obj and (
                        "commit" in obj or "collection" in obj or "kind" in obj)
                if number > 100:
                    return False
    except (OSError, ValueError, RecursionError, zstandard.ZstdError, EOFError):
        return False
    return False


def _is_jsonl_name(name: str) -> bool:
    return any(name.endswith(s + c) for s in _SUFFIXES for c in _COMPRESSED)


def _open(path: Path) -> IO[bytes]:
    name = path.name.lower()
    if name.endswith(".zst"):
        return io.BufferedReader(_ZstdReader(path), buffer_size=1 << 20)
    if name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb", buffering=1 << 20)


class _ZstdReader(io.RawIOBase):
    """Decompresses a .zst file (one frame or more) and notices a truncated last frame,
    which ``zstandard``'s stream reader passes over in silence."""

    def __init__(self, path: Path):
        self._file = open(path, "rb")
        self._zstd = zstandard.ZstdDecompressor()
        self._frame = self._zstd.decompressobj()
        self._pending = memoryview(b"")
        self._started = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            chunk = self._file.read(1 << 20)
            if not chunk:
                if self._started and not self._frame.eof:
                    raise zstandard.ZstdError("the last frame is cut short")
                return 0
            self._pending = memoryview(self._feed(chunk))
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _feed(self, chunk: bytes) -> bytes:
        out = []
        while chunk:
            if self._frame.eof:
                self._frame = self._zstd.decompressobj()
            self._started = True
            out.append(self._frame.decompress(chunk))
            chunk = self._frame.unused_data if self._frame.eof else b""
        return b"".join(out)

    def close(self) -> None:
        self._file.close()
        super().close()


#: The last microsecond a date can hold (9999-12-31): a larger ``time_us`` is no time (a
#: fuzzed capture crashed the import with "year 3170843 is out of range").
_LAST_US = int(datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp()) * 1_000_000


def read(source: str, options: ImportOptions) -> Iterator[Record]:
    """A snapshot without owner, then the records of every event in the capture."""
    path = Path(source)
    yield Snapshot(platform=PLATFORM, owner_id=None, description="Jetstream capture")
    skipped, events, span = [0], [0], []
    try:
        with _open(path) as handle:
            yield from read_events(handle, str(path), skipped, options, events, span)
    except OSError as exc:
        raise InputError(f"cannot read ({exc})", str(path)) from None
    except (zstandard.ZstdError, EOFError) as exc:
        raise InputError(f"compressed data is damaged ({exc})", str(path)) from None
    if not events[0]:
        raise InputError("not a Jetstream capture: no line is a Jetstream event", str(path))
    if span:  # when it ran, from the events' own times: taken when it ended
        first, last = (datetime.fromtimestamp(us / 1e6, tz=UTC) for us in span)
        yield Snapshot(platform=PLATFORM, owner_id=None, taken_at=last,
                       description="Jetstream capture", span=(first, last))
    if skipped[0]:
        _log.info("%s: %d events of other apps or kinds skipped", path, skipped[0])


def read_events(lines: Iterable[bytes], name: str, skipped: list[int],
                options: ImportOptions | None = None,
                events: list[int] | None = None,
                span: list[int] | None = None) -> Iterator[Record]:
    """The records of each line (bytes) of a capture; ``skipped[0]`` counts what was not
    for kindscope, ``events[0]`` the lines that are Jetstream events at all (for kindscope
    or not), ``span`` becomes [first, last] of their event times in microseconds since the
    epoch. ``name`` is used in error messages."""
    for number, line in enumerate(lines, start=1):
        try:
            event = _event(line, number, name)
        except InputError as error:  # e.g. the last line of an interrupted capture, cut short
            if options is None:
                raise
            options.skip(error)
            continue
        if event is None:
            continue
        did = event.get("did")
        commit = event.get("commit")
        if commit is None and "operation" in event:
            commit = event  # v2: the commit fields are at the top level
        if events is not None and type(did) is str and (commit is not None or "kind" in event):
            events[0] += 1
            if span is not None:
                raw = event.get("time_us")
                if type(raw) is not int or raw <= 1e14 or raw > _LAST_US:
                    # v2's "time", not microseconds, or past any date (read as no time)
                    at = _event_time(event)
                    raw = None if at is None else int(at.timestamp() * 1e6)
                if raw is not None:
                    if not span:
                        span += [raw, raw]
                    elif raw < span[0]:
                        span[0] = raw
                    elif raw > span[1]:
                        span[1] = raw
        try:
            if commit is not None and type(did) is str:
                records = _commit(did, commit, event)
            else:
                records = _other(did, event)
        except InputError as exc:  # a value in the event that cannot be stored
            error = InputError(f"line {number}: {exc.message}", exc.where or name)
            if options is None:
                raise error from None
            options.skip(error)
            continue
        if records:
            yield from records
        else:
            skipped[0] += 1


def _event(line: bytes, number: int, name: str) -> dict | None:
    """The JSON object on one line (None for a blank line); InputError for a line that is
    not one."""
    try:
        text = line.decode("utf-8")
        event, end = _scan(text, 0)  # the C scanner: json.loads without its overhead
        if end < len(text) and not text.isspace() and text[end:].strip():
            raise json.JSONDecodeError("Extra data", text, end)
    except UnicodeDecodeError:
        raise InputError(f"line {number}: not UTF-8 text", name) from None
    except StopIteration:
        if not line.strip():
            return None
        event = _loads_or_raise(line, number, name)
    except ValueError as exc:
        raise InputError(f"line {number}: not JSON ({_why(exc)})", name) from None
    except RecursionError:
        raise InputError(f"line {number}: {TOO_DEEP}", name) from None
    if type(event) is not dict:
        raise InputError(f"line {number}: not a JSON object", name)
    return event


def _loads_or_raise(line: bytes, number: int, name: str) -> object:
    """A line the fast scanner could not start on (leading spaces): the slow path."""
    try:
        return json.loads(line)
    except ValueError as exc:
        raise InputError(f"line {number}: not JSON ({_why(exc)})", name) from None
    except RecursionError:
        raise InputError(f"line {number}: {TOO_DEEP}", name) from None


def _why(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{json_problem(exc)} at column {exc.colno}"
    return str(exc)


def _commit(did: str, commit: dict, event: dict) -> list[Record]:
    if type(commit) is not dict:
        return []
    collection = commit.get("collection")
    rkey = commit.get("rkey")
    if type(collection) is not str or type(rkey) is not str:
        return []
    operation = commit.get("operation")
    if operation == "create" or operation == "update":
        return _map(did, collection, rkey, commit.get("record"))
    if operation == "delete" and collection in _kinds:
        return bsky.deletion(did, collection, rkey, _event_time(event))
    return []


def _other(did: object, event: dict) -> list[Record]:
    """Identity and account events (v1 nested, v2 flat)."""
    if type(did) is not str:
        return []
    kind = event.get("kind")
    if kind == "identity":
        body = event.get("identity")
        body = body if isinstance(body, dict) else event
        handle = body.get("handle")
        return [Account(bsky.PLATFORM, did, handle=handle if isinstance(handle, str) else None,
                        url=f"https://bsky.app/profile/{did}")]
    if kind == "account":
        return [Account(bsky.PLATFORM, did, url=f"https://bsky.app/profile/{did}")]
    return []


def _event_time(event: dict) -> datetime | None:
    """When an event happened: v1 ``time_us``, v2 ``time`` (ISO, or s/ms/us)."""
    value = event.get("time_us")
    if value is None:
        value = event.get("time")
    if isinstance(value, str):
        return bsky.parse_time(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        seconds = value / 1e6 if value > 1e14 else value / 1e3 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return None
