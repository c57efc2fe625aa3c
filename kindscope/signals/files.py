"""Scoring texts into JSON lines: a CSV, TSV or JSONL file, standard input (one text a
line) or one text. Each line carries the text's language (``lang``) and a probability per
signal, null where the text is in a language the signals do not read."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from kindscope.errors import InputError
from kindscope.signals import SIGNALS
from kindscope.signals.language import read_texts

__all__ = ["FORMATS", "STDIN", "score_file", "score_text", "unicode_text"]

#: File suffix -> format name.
FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_CHUNK = 4096
#: The path that means "texts on standard input, one per line".
STDIN = "-"

Row = tuple[object, str, str | None]  # (id, text, context)


def _format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"unsupported file type {path.suffix or '(none)'!r}; use .csv, .tsv or .jsonl",
            where=str(path),
        )
    return fmt


def _need(columns, names: list[str | None], path: Path, what: str) -> None:
    for name in names:
        if name is not None and name not in columns:
            have = ", ".join(map(str, columns)) or "none"
            raise InputError(f"no column {name!r} in {what} (columns: {have})", where=str(path))


def _delimited(path: Path, delimiter: str, text_col, id_col, ctx_col) -> Iterator[Row]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        if reader.fieldnames is None:
            raise InputError("the file is empty (no header row)", where=str(path))
        _need(reader.fieldnames, [text_col, id_col, ctx_col], path, "the header row")
        for number, row in enumerate(reader, start=1):
            row_id = row[id_col] if id_col else number
            yield row_id, row[text_col] or "", (row[ctx_col] if ctx_col else None)


def _jsonl(path: Path, text_col, id_col, ctx_col) -> Iterator[Row]:
    with open(path, encoding="utf-8-sig") as fh:
        number = 0
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                message = f"line {line_no} is not valid JSON ({exc.msg})"
                raise InputError(message, where=str(path)) from exc
            if not isinstance(obj, dict):
                raise InputError(f"line {line_no} is not a JSON object", where=str(path))
            _need(obj.keys(), [text_col, id_col], path, f"line {line_no}")
            number += 1
            text = "" if obj[text_col] is None else str(obj[text_col])
            ctx = obj.get(ctx_col) if ctx_col else None
            unicode_text(text, str(path), f"the {text_col!r} of line {line_no}")
            if isinstance(ctx, str):
                unicode_text(ctx, str(path), f"the {ctx_col!r} of line {line_no}")
            yield (obj[id_col] if id_col else number), text, ctx


def _lines(stream, where: str) -> Iterator[Row]:
    """One text per non-blank line of a byte stream; the id is the line number.

    The bytes are decoded here, strictly: a text stream under a C or POSIX locale would
    carry bytes that are not UTF-8 as lone surrogates, which no signal can read."""
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"line {number} is not UTF-8 text (byte {exc.start})",
                             where=where) from exc
        text = line.rstrip("\r\n")
        if text.strip():
            yield number, text, None


def unicode_text(value: str, where: str, what: str = "the text") -> str:
    """``value`` if it is valid Unicode; InputError naming ``where`` if it holds a lone
    surrogate (a JSON ``\\ud800`` escape, or bytes that are not UTF-8 in an argument
    decoded under a C or POSIX locale)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{what} is not UTF-8 text (character {exc.start})",
                         where=where) from exc
    return value


def _rows(path: Path, text_col, id_col, ctx_col) -> Iterator[Row]:
    fmt = _format(path)
    if not path.is_file():
        raise InputError("no such file", where=str(path))
    try:
        if fmt == "jsonl":
            yield from _jsonl(path, text_col, id_col, ctx_col)
        else:
            delimiter = "\t" if fmt == "tsv" else ","
            yield from _delimited(path, delimiter, text_col, id_col, ctx_col)
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", where=str(path)) from exc
    except csv.Error as exc:
        raise InputError(f"malformed {fmt.upper()}: {exc}", where=str(path)) from exc


def _chunks(rows: Iterator[Row]) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _record(lang: str, values: dict[str, float | None]) -> dict[str, object]:
    record: dict[str, object] = {"lang": lang}
    record.update({name: None if v is None else round(v, 6) for name, v in values.items()})
    return record


def _write_chunk(out, chunk: list[Row], with_context: bool, batch_size: int) -> None:
    texts = [text for _, text, _ in chunk]
    contexts = [ctx for _, _, ctx in chunk] if with_context else None
    table = read_texts(texts, contexts, SIGNALS, batch_size)
    langs = table["lang"].to_pylist()
    columns = {name: table[name].to_pylist() for name in SIGNALS}
    for i, (row_id, _, _) in enumerate(chunk):
        record = {"id": row_id} | _record(langs[i], {s: columns[s][i] for s in SIGNALS})
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def score_text(text: str, context: str | None = None) -> dict[str, object]:
    """One text's line: ``{"lang": ..., "<signal>": probability or None, ...}``.

    ``context`` is the post the text replies to (read by the support signals, hate and
    crisis), if any.
    """
    table = read_texts([text], None if context is None else [context], SIGNALS)
    return _record(table["lang"][0].as_py(), {s: table[s][0].as_py() for s in SIGNALS})


def score_file(
    path: str | os.PathLike,
    text_column: str,
    id_column: str | None = None,
    context_column: str | None = None,
    out_path: str | os.PathLike = "-",
    batch_size: int = 64,
) -> int:
    """Score every row of a CSV/TSV/JSONL file; write one JSON object per row, in order.

    Each output line is ``{"id": ..., "lang": ..., "<signal>": probability, ...}`` where
    ``id`` is the value of ``id_column`` or, without one, the 1-based row number, and
    ``lang`` the language the text was taken to be; the signals are null when it is a
    language they do not read (see ``kindscope.signals.language``). ``path`` ``"-"``
    (``STDIN``) reads standard input as plain text, one text per line (blank lines are
    skipped; the id is the line number; the column options do not apply). ``out_path``
    ``"-"`` writes to standard output; a file is written in full or not at all. Returns
    the number of rows written. Raises ``InputError`` for unreadable or malformed input.
    """
    if str(path) == STDIN:
        rows = _lines(sys.stdin.buffer, "standard input")
        context_column = None
    else:
        rows = _rows(Path(path), text_column, id_column, context_column)
    if str(out_path) == "-":
        return _write_all(sys.stdout, rows, context_column is not None, batch_size)
    target = Path(out_path)
    if not target.parent.is_dir():
        raise InputError("the output folder does not exist", where=str(target))
    tmp = target.with_name(target.name + ".partial")
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            count = _write_all(out, rows, context_column is not None, batch_size)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return count


def _write_all(out, rows: Iterator[Row], with_context: bool, batch_size: int) -> int:
    count = 0
    for chunk in _chunks(rows):
        _write_chunk(out, chunk, with_context, batch_size)
        count += len(chunk)
    return count
