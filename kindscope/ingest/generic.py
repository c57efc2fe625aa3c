"""Generic JSONL and CSV: data from anywhere kindscope has no importer for.

The format is documented in ``docs/generic-format.md``. Ids are kept as given. A CSV
whose header is ``follower,followee`` imports as follow edges; any other CSV needs the
post columns ``id`` and ``author``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from kindscope.errors import InputError
from kindscope.ingest.base import (
    TOO_DEEP,
    ImportOptions,
    json_problem,
    parse_iso,
    read_text_file,
)
from kindscope.model import (
    POST_KINDS,
    Account,
    Block,
    Follow,
    Post,
    Reaction,
    Record,
    Snapshot,
)

__all__ = ["NAME", "PLATFORM", "ONLINE", "detect", "read"]

NAME = "generic"
PLATFORM = "generic"
ONLINE = False
#: What an import of this kind carries (see kindscope.store.availability); items in
#: CARRIES_IF_SEEN count only when the import actually held them.
CARRIES = frozenset({"others_replies", "followers", "following", "engagement_counts",
                     "follow_times", "profiles"})
CARRIES_IF_SEEN = CARRIES

_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")


def detect(source: str) -> bool:
    path = Path(source)
    return path.is_file() and path.suffix.lower() in _SUFFIXES


def read(source: str, options: ImportOptions) -> Iterator[Record]:
    path = Path(source)
    text = read_text_file(path)
    include_dms = bool(options and options.include_dms)
    if path.suffix.lower() in (".csv", ".tsv"):
        records = _read_csv(text, path, "\t" if path.suffix.lower() == ".tsv" else ",",
                            options or ImportOptions())
    else:
        records = _read_jsonl(text, path, options or ImportOptions())
    for record in records:
        if isinstance(record, Post) and record.kind == "dm" and not include_dms:
            continue  # direct messages only with --include-dms
        yield record




# -- JSONL --------------------------------------------------------------------------------
def _read_jsonl(text: str, path: Path, options: ImportOptions) -> Iterator[Record]:
    skip = options.skip
    platform = PLATFORM
    started = False  # a line holding a JSON object has been read
    # lines end at "\n" (or "\r\n") only: a post's text may hold U+2028, U+2029 or U+0085
    # raw, which is valid JSON and which str.splitlines would cut the line at
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            skip(InputError(f"line {number}: not JSON ({json_problem(exc)} at column "
                            f"{exc.colno})", str(path)))
            continue
        except RecursionError:
            skip(InputError(f"line {number}: {TOO_DEEP}", str(path)))
            continue
        if not isinstance(obj, dict):
            skip(InputError(f"line {number}: not a JSON object", str(path)))
            continue
        kind = obj.get("type", "post")
        first, started = not started, True
        try:
            if kind == "meta":
                if not first:  # a later one switched the platform of the lines after it
                    raise InputError("a meta line must be the first line of the file")
                platform = str(obj.get("platform") or PLATFORM)
                yield Snapshot(platform=platform, owner_id=_str(obj.get("owner")),
                               taken_at=_time(obj.get("taken_at")), description="generic JSONL")
            else:
                yield from _record(kind, obj, platform)
        except (KeyError, TypeError, ValueError) as exc:
            skip(InputError(f"line {number}: bad {kind} record ({_why(exc)})", str(path)))
        except InputError as exc:
            skip(InputError(f"line {number}: {exc.message}", exc.where or str(path)))


def _record(kind: str, obj: dict, platform: str) -> Iterator[Record]:
    if kind == "post":
        yield from _post(obj, platform)
    elif kind == "account":
        yield Account(
            platform, _req(obj, "id"), handle=_str(obj.get("handle")),
            display_name=_str(obj.get("name")), description=_str(obj.get("bio")),
            created_at=_time(obj.get("created_at")), followers_count=_int(obj.get("followers")),
            following_count=_int(obj.get("following")), posts_count=_int(obj.get("posts")),
            avatar_url=_str(obj.get("avatar")), url=_str(obj.get("url")),
            profile_json=json.dumps(obj, sort_keys=True),
        )
    elif kind == "follow":
        yield Follow(platform, _req(obj, "follower"), _req(obj, "followee"),
                     _time(obj.get("created_at")))
    elif kind == "like":
        yield Reaction(platform, _req(obj, "account"), _req(obj, "post"), "like",
                       _time(obj.get("created_at")))
    elif kind in ("block", "mute"):
        yield Block(platform, _req(obj, "account"), _req(obj, "target"), kind,
                    _time(obj.get("created_at")))
    else:
        raise ValueError(f"unknown type {kind!r}")


def _post(obj: dict, platform: str) -> Iterator[Record]:
    author = _req(obj, "author")
    if obj.get("author_handle"):
        yield Account(platform, author, handle=str(obj["author_handle"]))
    repost_of = _str(obj.get("repost_of"))
    kind = str(obj.get("kind") or ("repost" if repost_of else "post"))
    if kind not in POST_KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(POST_KINDS)}")
    yield Post(
        platform=platform,
        post_id=_req(obj, "id"),
        author_id=author,
        created_at=_time(obj.get("created_at")),
        text=str(obj.get("text") or ""),
        kind=kind,
        reply_to_post_id=_str(obj.get("reply_to")),
        reply_to_account_id=_str(obj.get("reply_to_author")),
        root_post_id=_str(obj.get("root")),
        repost_of_post_id=repost_of,
        quote_of_post_id=_str(obj.get("quote_of")),
        lang=_str(obj.get("lang")),
        like_count=_int(obj.get("likes")),
        repost_count=_int(obj.get("reposts")),
        reply_count=_int(obj.get("replies")),
        quote_count=_int(obj.get("quotes")),
        mentions=tuple(str(m) for m in _list(obj.get("mentions"))),
        hashtags=tuple(str(h).lstrip("#").lower() for h in _list(obj.get("hashtags"))),
        url=_str(obj.get("url")),
    )


# -- CSV ----------------------------------------------------------------------------------
def _read_csv(text: str, path: Path, delimiter: str, options: ImportOptions
              ) -> Iterator[Record]:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if not header:
        raise InputError("empty file: no header row", str(path))
    reader.fieldnames = header
    if header[:2] == ["follower", "followee"]:
        kind = "follow"
    elif {"id", "author"} <= set(header):
        kind = "post"
    else:
        raise InputError(
            "header is neither `follower,followee` nor post columns with `id` and `author`",
            str(path))
    number = 1  # the header's line
    try:
        for number, row in enumerate(reader, start=2):
            if None in row:
                raise InputError(f"line {number}: more fields than the header", str(path))
            clean = {k: v for k, v in row.items() if v not in (None, "")}
            for key in ("mentions", "hashtags"):
                if key in clean:
                    clean[key] = clean[key].split()
            try:
                yield from _record(kind, clean, PLATFORM)
            except (KeyError, TypeError, ValueError) as exc:
                options.skip(InputError(f"line {number}: bad {kind} row ({_why(exc)})",
                                        str(path)))
            except InputError as exc:
                options.skip(InputError(f"line {number}: {exc.message}", str(path)))
    except csv.Error as exc:
        raise InputError(f"not a readable CSV ({exc})", str(path)) from None
    if number == 1:
        raise InputError("no records: only a header row", str(path))


# -- values -------------------------------------------------------------------------------
def _req(obj: dict, key: str) -> str:
    value = obj.get(key)
    if value is None or value == "":
        raise KeyError(key)
    return str(value)


def _str(value) -> str | None:
    return None if value is None or value == "" else str(value)


def _int(value) -> int | None:
    if value is None or value == "":
        return None
    return int(value)


def _list(value) -> list:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    raise TypeError("expected a list")


def _time(value) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float) or str(value).replace(".", "", 1).isdigit():
        try:
            return datetime.fromtimestamp(float(value), tz=UTC)
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"time {value!r} is out of range") from None
    parsed = parse_iso(str(value))
    if parsed is None:
        raise ValueError(f"unreadable time {value!r}")
    return parsed


def _why(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]!r}"
    return str(exc)
