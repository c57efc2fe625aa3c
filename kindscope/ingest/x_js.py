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

import codecs
import io
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from kindscope.errors import InputError
from kindscope.ingest.base import TOO_DEEP, json_problem

__all__ = ["iter_items", "load_value", "PREFIX"]

#: The assignment that starts every archive data file.
PREFIX = re.compile(r"\s*window\.(?:YTD\.[A-Za-z0-9_]+\.part\d+|__THAR_CONFIG)\s*=\s*")
_WS = re.compile(r"[ \t\n\r]*")
_SEP = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
_CHUNK = 1 << 22
_DECODER = json.JSONDecoder()
_NOT_YTD = "line 1 is not a `window.YTD...` assignment (not an X archive data file)"


class _Stream:
    """UTF-8 text of a byte stream decoded chunk by chunk into ``buf``.

    ``more(keep)`` appends the next chunk and forgets the text before ``keep`` (callers keep
    from the start of the value they are reading), so ``buf`` stays about a chunk long; the
    bytes are never held whole either (``source`` is read as it goes).
    """

    def __init__(self, source: BinaryIO, where: str, chunk: int):
        self.source = source
        self.where = where
        self.chunk = chunk
        self.bytes_read = 0
        self.first = True
        self.ended = False
        self.lines_dropped = 0  # line breaks in the text dropped from the front of buf
        # plain UTF-8, the byte-order mark taken off by hand: "utf-8-sig" counts an error's
        # offset from after the mark
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.buf = ""

    def more(self, keep: int, size: int | None = None) -> int:
        """Read on; return how many characters were dropped from the front, -1 at the end."""
        if self.ended:
            return -1
        data = self.source.read(size or self.chunk)
        pending = len(self.decoder.getstate()[0])
        try:
            text = self.decoder.decode(data, not data)
        except UnicodeDecodeError as exc:
            byte = self.bytes_read - pending + exc.start
            raise InputError(f"not UTF-8 text (byte {byte})", self.where) from None
        if self.first and text:  # the first character decoded: a byte-order mark goes
            self.first = False
            text = text.removeprefix("\ufeff")
        self.bytes_read += len(data)
        if not data:
            self.ended = True
            if not text:
                return -1
        if keep:
            self.lines_dropped += self.buf.count("\n", 0, keep)
            self.buf = self.buf[keep:] + text
        else:
            self.buf += text
        return keep

    def line(self, pos: int) -> int:
        """The file's line number of ``buf[pos]`` (errors only)."""
        return self.lines_dropped + self.buf.count("\n", 0, pos) + 1

    def truncated(self) -> InputError:
        return InputError(f"truncated: JSON ends early at line {self.line(len(self.buf.rstrip()))}",
                          self.where)

    def malformed(self, pos: int, what: str) -> InputError:
        return InputError(f"malformed JSON at line {self.line(pos)} ({what})", self.where)


def _skip_ws(stream: _Stream, pos: int) -> int:
    """The position of the next non-blank character, reading more as needed (may be EOF)."""
    while True:
        pos = _WS.match(stream.buf, pos).end()
        if pos < len(stream.buf):
            return pos
        dropped = stream.more(pos)
        if dropped < 0:
            return pos
        pos -= dropped


def _start(stream: _Stream) -> int:
    while len(stream.buf) < 256 and stream.more(0) >= 0:
        pass
    match = PREFIX.match(stream.buf)
    if match is None:
        raise InputError(_NOT_YTD, stream.where)
    return match.end()


def _decode_item(stream: _Stream, pos: int) -> tuple[Any, int]:
    """One JSON value at ``pos``, reading further chunks while the value is incomplete."""
    size = stream.chunk
    while True:
        try:
            return _DECODER.raw_decode(stream.buf, pos)
        except json.JSONDecodeError as exc:
            dropped = stream.more(pos, size)
            if dropped >= 0:
                pos -= dropped
                size *= 2  # a value longer than a chunk: grow geometrically
                continue
            rest = stream.buf[exc.pos:].strip()
            if not rest or exc.msg.startswith("Unterminated string"):
                raise stream.truncated() from None
            raise stream.malformed(exc.pos, json_problem(exc)) from None
        except RecursionError:
            raise stream.malformed(pos, TOO_DEEP) from None


def iter_items(data: bytes | BinaryIO, where: str, chunk: int = _CHUNK) -> Iterator[Any]:
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
    source = io.BytesIO(data) if isinstance(data, (bytes, bytearray, memoryview)) else data
    stream = _Stream(source, where, chunk)
    pos = _skip_ws(stream, _start(stream))
    if pos >= len(stream.buf):
        raise stream.truncated()
    if stream.buf[pos] != "[":
        raise stream.malformed(pos, "the value assigned is not a JSON array")
    pos = _skip_ws(stream, pos + 1)
    if pos < len(stream.buf) and stream.buf[pos] == "]":
        _finish(stream, pos + 1)
        return
    while True:
        if pos >= len(stream.buf):
            raise stream.truncated()
        item, pos = _decode_item(stream, pos)
        yield item
        match = _SEP.match(stream.buf, pos)  # the common case in one step: blanks , blanks
        if match is not None and match.end() < len(stream.buf):
            pos = match.end()
            continue
        pos = _skip_ws(stream, pos)
        if pos >= len(stream.buf):
            raise stream.truncated()
        char = stream.buf[pos]
        if char == "]":
            _finish(stream, pos + 1)
            return
        if char != ",":
            raise stream.malformed(pos, "expecting ',' or ']' between array elements")
        pos = _skip_ws(stream, pos + 1)


def _finish(stream: _Stream, pos: int) -> None:
    """Only blanks and an optional ``;`` may follow the array."""
    while (dropped := stream.more(pos)) >= 0:
        pos -= dropped
    if stream.buf[pos:].strip() not in ("", ";"):
        raise stream.malformed(pos, "unexpected text after the array")


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
