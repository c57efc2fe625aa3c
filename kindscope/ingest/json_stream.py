"""Large JSON files read a chunk at a time: the elements of one array, never the whole file.

An X archive's ``tweets.js`` (``window.YTD.tweets.part0 = [...]``, :mod:`x_js`) and a
Mastodon export's ``outbox.json`` (``{"orderedItems": [...]}``, :func:`iter_list`) can be
hundreds of megabytes. :class:`Stream` decodes their bytes a chunk at a time and forgets what
was read, so neither the bytes, the text nor the list is ever held whole; each element is
parsed by ``json``'s own decoder. Every problem is an :class:`~kindscope.errors.InputError`
naming the file and the line (and column), as ``json.loads`` would place it.
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

__all__ = ["CHUNK", "Stream", "skip_ws", "fill", "decode_value", "iter_array", "finish",
           "iter_list"]

CHUNK = 1 << 22
_WS = re.compile(r"[ \t\n\r]*")
_SEP = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class Stream:
    """UTF-8 text of a byte stream decoded chunk by chunk into ``buf``.

    ``more(keep)`` appends the next chunk and forgets the text before ``keep`` (callers keep
    from the start of the value they are reading), so ``buf`` stays about a chunk long; the
    bytes are never held whole either (``source`` is read as it goes).
    """

    def __init__(self, source: BinaryIO, where: str, chunk: int = CHUNK):
        self.source = source
        self.where = where
        self.chunk = chunk
        self.bytes_read = 0
        self.first = True
        self.ended = False
        self.lines_dropped = 0  # line breaks in the text dropped from the front of buf
        self.column_dropped = 0  # characters of buf's first line dropped before it
        # plain UTF-8, the byte-order mark taken off by hand: "utf-8-sig" counts an error's
        # offset from after the mark
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.buf = ""

    @classmethod
    def of(cls, data: bytes | BinaryIO, where: str, chunk: int = CHUNK) -> Stream:
        """A stream over bytes, or over anything with ``read(size)``."""
        source = io.BytesIO(data) if isinstance(data, bytes | bytearray | memoryview) else data
        return cls(source, where, chunk)

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
            breaks = self.buf.count("\n", 0, keep)
            self.lines_dropped += breaks
            if breaks:
                self.column_dropped = keep - self.buf.rfind("\n", 0, keep) - 1
            else:
                self.column_dropped += keep
            self.buf = self.buf[keep:] + text
        else:
            self.buf += text
        return keep

    def line(self, pos: int) -> int:
        """The file's line number of ``buf[pos]`` (errors only)."""
        return self.lines_dropped + self.buf.count("\n", 0, pos) + 1

    def column(self, pos: int) -> int:
        """The column (from 1) of ``buf[pos]`` on its line (errors only)."""
        start = self.buf.rfind("\n", 0, pos)
        return pos - start if start >= 0 else self.column_dropped + pos + 1

    def truncated(self) -> InputError:
        return InputError(f"truncated: JSON ends early at line {self.line(len(self.buf.rstrip()))}",
                          self.where)

    def malformed(self, pos: int, what: str) -> InputError:
        return InputError(f"malformed JSON at line {self.line(pos)} (column {self.column(pos)}: "
                          f"{what})", self.where)


def skip_ws(stream: Stream, pos: int) -> int:
    """The position of the next non-blank character, reading more as needed (may be EOF)."""
    while True:
        pos = _WS.match(stream.buf, pos).end()
        if pos < len(stream.buf):
            return pos
        dropped = stream.more(pos)
        if dropped < 0:
            return pos
        pos -= dropped


def fill(stream: Stream, size: int) -> None:
    """Read until ``buf`` holds ``size`` characters or the stream ends (the start of a file)."""
    while len(stream.buf) < size and stream.more(0) >= 0:
        pass


def decode_value(stream: Stream, pos: int) -> tuple[Any, int]:
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


def _next(stream: Stream, pos: int, close: str, what: str) -> tuple[str, int]:
    """After a member of an array or object: (``","`` or ``close``, position after it)."""
    match = _SEP.match(stream.buf, pos)  # the common case in one step: blanks , blanks
    if match is not None and match.end() < len(stream.buf):
        return ",", match.end()
    pos = skip_ws(stream, pos)
    if pos >= len(stream.buf):
        raise stream.truncated()
    char = stream.buf[pos]
    if char == close:
        return close, pos + 1
    if char != ",":
        raise stream.malformed(pos, f"expecting ',' or '{close}' between {what}")
    return ",", skip_ws(stream, pos + 1)


def iter_array(stream: Stream, pos: int) -> Iterator[Any]:
    """Yield the elements of the JSON array that starts at ``buf[pos]`` (a ``[``); the
    generator's return value is the position just after its ``]``."""
    pos = skip_ws(stream, pos + 1)
    if pos < len(stream.buf) and stream.buf[pos] == "]":
        return pos + 1
    while True:
        if pos >= len(stream.buf):
            raise stream.truncated()
        item, pos = decode_value(stream, pos)
        yield item
        char, pos = _next(stream, pos, "]", "array elements")
        if char == "]":
            return pos


def finish(stream: Stream, pos: int, after: str, allowed: tuple[str, ...] = ("",)) -> None:
    """Only blanks (or one of ``allowed`` once stripped) may follow ``after`` (the value
    that ends at ``pos``)."""
    longest = max(len(text) for text in allowed)
    while len(stream.buf[pos:].strip()) <= longest and (dropped := stream.more(pos)) >= 0:
        pos -= dropped  # reading on only while what follows may still be allowed
    rest = stream.buf[pos:]
    if rest.strip() not in allowed:
        pos += len(rest) - len(rest.lstrip())  # where the text starts, as json places it
        raise stream.malformed(pos, f"unexpected text after {after}")


def iter_list(data: bytes | BinaryIO, where: str, keys: tuple[str, ...],
              what: str = "a JSON object", chunk: int | None = None) -> Iterator[Any]:
    """Yield the elements of the list under one of ``keys`` in a file holding one JSON
    object (``{"type": "OrderedCollection", "orderedItems": [...]}``): the first such list
    in the file (an ActivityStreams collection has ``orderedItems`` or ``items``, not both).

    The object's other members are read and dropped; the whole file is checked to the end,
    so a file cut short fails after its last whole element. ``what`` names the object in the
    error when the file holds something else.

    Raises
    ------
    InputError
        The file is not UTF-8, not one JSON object, has no list under any of ``keys``,
        or is truncated or malformed.
    """
    stream = Stream.of(data, where, chunk or CHUNK)  # CHUNK read now, not when defined
    fill(stream, 1)
    pos = skip_ws(stream, 0)
    if pos >= len(stream.buf):
        raise stream.truncated()
    if stream.buf[pos] != "{":
        raise InputError(f"not {what} (expected a JSON object)", where)
    found = False
    pos = skip_ws(stream, pos + 1)
    if pos < len(stream.buf) and stream.buf[pos] == "}":
        raise InputError(f"has no {keys[0]} list", where)
    while True:
        if pos >= len(stream.buf):
            raise stream.truncated()
        if stream.buf[pos] != '"':
            raise stream.malformed(pos, "expecting a property name in double quotes")
        key, pos = decode_value(stream, pos)
        pos = skip_ws(stream, pos)
        if pos >= len(stream.buf):
            raise stream.truncated()
        if stream.buf[pos] != ":":
            raise stream.malformed(pos, "expecting ':' after a property name")
        pos = skip_ws(stream, pos + 1)
        if pos >= len(stream.buf):
            raise stream.truncated()
        if key in keys and not found:
            if stream.buf[pos] != "[":
                raise InputError(f"has no {keys[0]} list ({key} is not a list)", where)
            found = True
            pos = yield from iter_array(stream, pos)
        else:
            _, pos = decode_value(stream, pos)
        char, pos = _next(stream, pos, "}", "object members")
        if char == "}":
            break
        pos = skip_ws(stream, pos)
    if not found:
        raise InputError(f"has no {keys[0]} list", where)
    finish(stream, pos, "the object")
