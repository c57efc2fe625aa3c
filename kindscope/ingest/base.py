"""What every importer shares: options, the importer protocol, content hashing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from kindscope import settings
from kindscope.errors import InputError
from kindscope.model import Record

__all__ = ["ImportOptions", "Importer", "hash_path", "parse_iso", "read_text_file",
           "utc_time", "json_problem", "DATA_SUFFIXES", "TOO_DEEP"]

#: The error for JSON or CBOR nested deeper than Python can read (a RecursionError).
TOO_DEEP = "nested too deeply to read (hostile or damaged data)"

#: File types an export's data lives in; media and everything else is never read.
DATA_SUFFIXES = (".js", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".txt", ".car")


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """``skip_bad_records``: a record that cannot be read or stored exactly is left out and
    described in ``skipped`` (``<file>: <record>: <what is wrong>``) instead of rejecting
    the whole import.

    ``following_days``: how many days back the ``--following`` imports (``bluesky-following``,
    ``mastodon-following``) read the posts of followed accounts. ``progress``: called by
    them with ``(accounts done, accounts to read)``."""

    include_dms: bool = False
    skip_bad_records: bool = False
    skipped: list[str] = field(default_factory=list, compare=False)
    following_days: float = 3.0
    progress: Callable[[int, int], None] | None = field(default=None, compare=False,
                                                        repr=False)

    def skip(self, error: InputError, where: str | None = None) -> None:
        """Note ``error`` as a skipped record, or raise it when records are not skipped."""
        if not self.skip_bad_records:
            raise error
        self.skipped.append(str(InputError(error.message, error.where or where)))


class Importer(Protocol):
    """An importer module: ``NAME``, ``PLATFORM``, ``detect`` and ``read``.

    ``read`` only parses and yields records; the last ``Snapshot`` it yields describes the
    import (yielded first where the owner and time are known up front, last where they
    come from a streamed file); it never touches the database. Online importers set
    ``ONLINE = True``.
    """

    NAME: str
    PLATFORM: str
    ONLINE: bool

    def detect(self, source: str) -> bool: ...

    def read(self, source: str, options: ImportOptions) -> Iterator[Record]: ...


def hash_path(path: Path, extra: str = "") -> str:
    """sha256 of a file, or of a folder's data files (relative names and contents)."""
    digest = hashlib.sha256(extra.encode())
    files = [path] if path.is_file() else sorted(
        p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DATA_SUFFIXES
    )
    for file in files:
        if file != path:
            digest.update(file.relative_to(path).as_posix().encode() + b"\0")
        with open(file, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


def read_text_file(path: Path) -> str:
    """A whole UTF-8 text file (a BOM is dropped), refused past ``max_file_bytes``."""
    limit = int(settings.get("max_file_bytes"))
    if path.stat().st_size > limit:
        raise InputError(f"larger than the limit of {limit} bytes", str(path))
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", str(path)) from exc


def json_problem(exc: json.JSONDecodeError) -> str:
    """What the JSON decoder found wrong, without the dangling "at" some of its messages end
    in (``Invalid control character at``): the caller says where."""
    return exc.msg.removesuffix(" at")


def parse_iso(value: str | None) -> datetime | None:
    """An ISO-8601 time as aware UTC; None for missing or unreadable text.

    A value that is not text, or a time that has no UTC equivalent in the years 1-9999
    (``9999-12-31T23:59:59-01:00``), cannot be stored exactly: InputError.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"a time holds {_short(value)}, not text")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return utc_time(parsed, value)


def utc_time(parsed: datetime, value: object) -> datetime:
    """``parsed`` in UTC (naive means UTC); InputError when UTC would leave years 1-9999."""
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        raise InputError(f"the time {_short(value)} is outside the years 1-9999 in UTC "
                         "and cannot be stored") from None


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
