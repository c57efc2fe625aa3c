"""The JavaScript wrapper of X archive data files: ``window.YTD.<type>.partN = [...]``.

Every data file of an X (Twitter) archive is one JavaScript assignment whose right-hand
side is strict JSON: ``window.YTD.tweets.part0 = [ {...}, ... ]``; ``manifest.js`` is
``window.__THAR_CONFIG = {...}``. ``iter_items`` streams the elements of such an array one
at a time (reading and decoding the bytes in chunks, so a 1 GB ``tweets.js`` never becomes
one huge string, one huge list or, read from ``ArchiveReader.open``, one huge bytes
object); ``load_value`` reads a small file whole. Both turn every problem into an
:class:`~kindscope.errors.InputError` naming the file and the line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from kindscope.errors import InputError
from kindscope.ingest.base import TOO_DEEP, json_problem
from kindscope.ingest.json_stream import CHUNK, Stream, fill, finish, iter_array, skip_ws

__all__ = ["iter_items", "load_value", "PREFIX"]

#: The assignment that starts every archive data file.
PREFIX = re.compile(r"\s*window\.(?:YTD\.[A-Za-z0-9_]+\.part\d+|__THAR_CONFIG)\s*=\s*")
_NOT_YTD = "line 1 is not a `window.YTD...` assignment (not an X archive data file)"


def _start(stream: Stream) -> int:
    fill(stream, 256)
    match = PREFIX.match(stream.buf)
    if match is None:
        raise InputError(_NOT_YTD, stream.where)
    return match.end()


def iter_items(data: bytes | BinaryIO, where: str, chunk: int = CHUNK) -> Iterator[Any]:
    """Yield the elements of the JSON array assigned in an archive data file.

    Parameters
    ----------
    data
        The file's bytes (UTF-8, a byte-order mark allowed), or a stream of them (anything
        with ``read(size)``: ``ArchiveReader.open``), read a chunk at a time.
    where
        How error messages name the file (``ArchiveReader.where(name)``).
    chunk
        How many bytes are decoded at a time.

    Raises
    ------
    InputError
        The file is not a ``window.YTD`` assignment, not UTF-8, truncated or malformed.
    """
    stream = Stream.of(data, where, chunk)
    pos = skip_ws(stream, _start(stream))
    if pos >= len(stream.buf):
        raise stream.truncated()
    if stream.buf[pos] != "[":
        raise stream.malformed(pos, "the value assigned is not a JSON array")
    end = yield from iter_array(stream, pos)
    finish(stream, end, "the array", ("", ";"))


def load_value(data: bytes, where: str) -> Any:
    """The whole JSON value assigned in a (small) archive data file such as ``manifest.js``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", where) from None
    match = PREFIX.match(text)
    if match is None:
        raise InputError(_NOT_YTD, where)
    body = text[match.end():].rstrip()
    if body.endswith(";"):
        body = body[:-1]
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        if not body[exc.pos:].strip() or exc.msg.startswith("Unterminated string"):
            line = text.rstrip().count("\n") + 1
            raise InputError(f"truncated: JSON ends early at line {line}", where) from None
        line = text.count("\n", 0, match.end() + exc.pos) + 1
        raise InputError(f"malformed JSON at line {line} ({json_problem(exc)})", where) from None
    except RecursionError:
        raise InputError(TOO_DEEP, where) from None
