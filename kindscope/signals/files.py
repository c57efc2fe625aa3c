"""Scoring texts into JSON lines: a CSV, TSV or JSONL file, standard input (one text a
line) or one text. Each line carries the text's language (``lang``) and a probability per
signal, null where the text is in a language the signals do not read, and ``lang`` null
too where there is no text to read (empty or only spaces: an empty CSV cell, a JSON
``null``). :class:`Scored` counts both kinds of rows that were not read."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kindscope.errors import InputError
from kindscope.signals import SIGNALS
from kindscope.signals.language import is_read, read_texts

__all__ = ["FORMATS", "STDIN", "Scored", "at_crisis", "score_file", "score_text", "tally",
           "unicode_text"]

#: File suffix -> format name.
FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_CHUNK = 4096
#: The path that means "texts on standard input, one per line".
STDIN = "-"

Row = tuple[object, str, str | None]  # (id, text, context)


@dataclass(frozen=True, slots=True)
class Scored:
    """The lines written: ``rows`` in all, of which ``languages`` (language code -> rows,
    most first) were not read because of their language, ``empty`` had no text and
    ``crisis`` read as a crisis (at the crisis threshold)."""

    rows: int
    languages: dict[str, int]
    empty: int
    crisis: int = 0


def tally(langs: Iterable[str | None], crisis: int = 0) -> Scored:
    """Count the lines whose ``lang`` values are ``langs`` (None: no text to read), of
    which ``crisis`` read as a crisis."""
    counts = Counter(langs)
    unread = [(lang, n) for lang, n in counts.items() if lang is not None and not is_read(lang)]
    return Scored(sum(counts.values()), dict(sorted(unread, key=lambda kv: (-kv[1], kv[0]))),
                  counts[None], crisis)


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
            text = _json_text(obj[text_col], path, f"the {text_col!r} of line {line_no}")
            ctx = (_json_text(obj.get(ctx_col), path, f"the {ctx_col!r} of line {line_no}")
                   if ctx_col else None)
            yield (obj[id_col] if id_col else number), text or "", ctx


#: JSON values that are no text, in words.
_NOT_TEXT = {list: "a list", dict: "an object", bool: "a true/false value"}


def _json_text(value: object, path: Path, what: str) -> str | None:
    """A JSON value as the text it holds: a string, or a number's digits; None for null.
    A list, an object or true/false is refused (its Python form is no one's text)."""
    if value is None:
        return None
    kind = _NOT_TEXT.get(type(value))
    if kind is not None:
        raise InputError(f"{what} is {kind}, not a text", where=str(path))
    return unicode_text(str(value), str(path), what)


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


def _record(lang: str | None, values: dict[str, float | None]) -> dict[str, object]:
    record: dict[str, object] = {"lang": lang}
    record.update({name: None if v is None else round(v, 6) for name, v in values.items()})
    return record


def _records(texts: list[str], contexts: list[str | None] | None,
             batch_size: int = 64) -> list[dict[str, object]]:
    """Each text's line without its id. A text with nothing to read (empty, or only
    spaces) gets ``lang`` null and null signals: it is not read, not guessed English."""
    full = [i for i, text in enumerate(texts) if text.strip()]
    records = [_record(None, dict.fromkeys(SIGNALS)) for _ in texts]
    if not full:
        return records
    part_ctx = [contexts[i] for i in full] if contexts is not None else None
    table = read_texts([texts[i] for i in full], part_ctx, SIGNALS, batch_size)
    langs = table["lang"].to_pylist()
    columns = {name: table[name].to_pylist() for name in SIGNALS}
    for j, i in enumerate(full):
        records[i] = _record(langs[j], {s: columns[s][j] for s in SIGNALS})
    return records


def _write_chunk(out, chunk: list[Row], with_context: bool, batch_size: int
                 ) -> list[dict]:
    """Write the chunk's lines; return their records (``lang`` None: no text)."""
    texts = [text for _, text, _ in chunk]
    contexts = [ctx for _, _, ctx in chunk] if with_context else None
    records = _records(texts, contexts, batch_size)
    for (row_id, _, _), record in zip(chunk, records, strict=True):
        out.write(json.dumps({"id": row_id} | record, ensure_ascii=False) + "\n")
    return records


def score_text(text: str, context: str | None = None) -> dict[str, object]:
    """One text's line: ``{"lang": ..., "<signal>": probability or None, ...}``.

    ``context`` is the post the text replies to (read by the support signals, hate and
    crisis), if any. An empty text gets ``lang`` and every signal null.
    """
    return _records([text], None if context is None else [context])[0]


def score_file(
    path: str | os.PathLike,
    text_column: str,
    id_column: str | None = None,
    context_column: str | None = None,
    out_path: str | os.PathLike = "-",
    batch_size: int = 64,
) -> Scored:
    """Score every row of a CSV/TSV/JSONL file; write one JSON object per row, in order.

    Each output line is ``{"id": ..., "lang": ..., "<signal>": probability, ...}`` where
    ``id`` is the value of ``id_column`` or, without one, the 1-based row number, and
    ``lang`` the language the text was taken to be; the signals are null when it is a
    language they do not read (see ``kindscope.signals.language``), and ``lang`` is null
    too when the row has no text (an empty or missing cell, a JSON null). A JSONL text that
    is a list, an object or true/false is refused. ``path`` ``"-"`` (``STDIN``) reads
    standard input as plain text, one text per line (blank lines are skipped; the id is
    the line number; the column options do not apply). ``out_path`` ``"-"`` writes to
    standard output; a file is written in full or not at all. Returns what was written
    and what was not read (:class:`Scored`). Raises ``InputError`` for unreadable or
    malformed input.
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
    _may_write(target, None if str(path) == STDIN else Path(path))
    tmp = target.with_name(target.name + ".partial")
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            scored = _write_all(out, rows, context_column is not None, batch_size)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return scored


def _may_write(target: Path, source: Path | None) -> None:
    """Refuse an output that would replace something the user keeps: a folder, the input
    itself, or any existing file that is not scores this command wrote (a JSON line with
    ``id`` and ``lang`` first). ``score posts.csv -o me.duckdb`` replaced a database with
    six lines of scores (a review, 2026-12-06); scores written before are replaced, as a
    rerun expects."""
    if target.is_dir():
        raise InputError("is a folder: give the file to write the scores to", str(target))
    if not target.exists():
        return
    if source is not None and source.exists() and target.resolve() == source.resolve():
        raise InputError("is the input file: the scores would replace it; give another "
                         "file to write them to", str(target))
    try:
        with open(target, "rb") as handle:
            first = handle.readline(1 << 16)
    except OSError as exc:
        raise InputError(f"cannot be read to check what it holds ({exc.strerror})",
                         str(target)) from None
    if not first.strip():
        return
    try:
        row = json.loads(first)
    except (json.JSONDecodeError, UnicodeDecodeError):
        row = None
    if not (isinstance(row, dict) and {"id", "lang"} <= set(row)):
        raise InputError("already exists and does not hold scores written by kindscope "
                         "score: it is never written over; give a new file (or delete this "
                         "one first)", str(target))


def _write_all(out, rows: Iterator[Row], with_context: bool, batch_size: int) -> Scored:
    langs: Counter = Counter()
    crisis = 0
    for chunk in _chunks(rows):
        written = _write_chunk(out, chunk, with_context, batch_size)
        langs.update(record["lang"] for record in written)
        crisis += sum(1 for record in written if at_crisis(record))
    return tally(langs.elements(), crisis)


def at_crisis(record: dict) -> bool:
    from kindscope.signals import THRESHOLDS

    value = record.get("crisis")
    return value is not None and value >= THRESHOLDS["crisis"]
