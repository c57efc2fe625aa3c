"""What every importer shares: options, the importer protocol, content hashing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from kindscope import settings
from kindscope.errors import InputError
from kindscope.model import Record

__all__ = ["ImportOptions", "Importer", "hash_path", "parse_iso", "read_text_file",
           "DATA_SUFFIXES"]

#: File types an export's data lives in; media and everything else is never read.
DATA_SUFFIXES = (".js", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".txt", ".car")


@dataclass(frozen=True, slots=True)
class ImportOptions:
    include_dms: bool = False


class Importer(Protocol):
    """An importer module: ``NAME``, ``PLATFORM``, ``detect`` and ``read``.

    ``read`` only parses and yields records (a ``Snapshot`` first where it knows the
    owner); it never touches the database. Online importers set ``ONLINE = True``.
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


def parse_iso(value: str | None) -> datetime | None:
    """An ISO-8601 time as aware UTC; None for missing or unreadable values."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
