"""The streamed reading of one list inside a large JSON object (Mastodon's outbox.json):
the same elements as ``json.loads`` at any chunk size, and errors placed where ``json``
places them."""

from __future__ import annotations

import json

import pytest

from kindscope.errors import InputError
from kindscope.ingest.json_stream import iter_list

KEYS = ("orderedItems", "items")
COLLECTION = {
    "@context": ["https://www.w3.org/ns/activitystreams", {"x": {"@id": "y"}}],
    "id": "outbox.json", "type": "OrderedCollection", "totalItems": 3,
    "orderedItems": [{"type": "Create", "object": {"content": "caf\u00e9 \u2603 \U0001f600",
                                                   "tag": [], "n": [1, 2.5, None, True]}},
                     "a string", [], {}],
    "after": {"a": [1, {"b": "]}"}]},
}


@pytest.mark.parametrize("chunk", [1, 2, 7, 64, 1 << 22])
@pytest.mark.parametrize("indent", [None, 2])
def test_the_list_matches_json_at_any_chunk_size(chunk, indent):
    data = ("\ufeff" + json.dumps(COLLECTION, indent=indent, ensure_ascii=False)).encode()
    assert list(iter_list(data, "outbox.json", KEYS, chunk=chunk)) == COLLECTION["orderedItems"]


@pytest.mark.parametrize("chunk", [1, 5, 1 << 22])
@pytest.mark.parametrize(("value", "items"), [
    ({"items": ["x"]}, ["x"]),  # a plain Collection
    ({"orderedItems": []}, []),
    ({"first": {"orderedItems": ["not this"]}, "orderedItems": ["this"]}, ["this"]),
])
def test_which_list_is_read(value, items, chunk):
    data = json.dumps(value).encode()
    assert list(iter_list(data, "o.json", KEYS, chunk=chunk)) == items


@pytest.mark.parametrize("chunk", [1, 3, 1 << 22])
@pytest.mark.parametrize(("text", "message"), [
    ('["a"]', "not an ActivityStreams collection (expected a JSON object)"),
    ("{}", "has no orderedItems list"),
    ('{"id": "x"}', "has no orderedItems list"),
    ('{"orderedItems": null}', "has no orderedItems list (orderedItems is not a list)"),
    ('{"orderedItems": [1, 2', "truncated: JSON ends early at line 1"),
    ('{"orderedItems": [1, 2]', "truncated: JSON ends early at line 1"),
    ('{"orderedItems": [1, 2]}\n\n', None),
    ('{"orderedItems": [1, 2]} x', "malformed JSON at line 1 (column 26: unexpected text "
                                   "after the object)"),
    ('{"orderedItems": [1 2]}', "malformed JSON at line 1 (column 21: expecting ',' or ']'"),
    ('{"orderedItems": [1], "id" "x"}', "malformed JSON at line 1 (column 28: expecting ':'"),
    ('{"orderedItems": [1], id: 1}', "malformed JSON at line 1 (column 23: expecting a "
                                     "property name"),
    ("", "truncated: JSON ends early at line 1"),
])
def test_errors_say_what_and_where(text, message, chunk):
    read = iter_list(text.encode(), "o.json", KEYS, "an ActivityStreams collection", chunk)
    if message is None:
        assert list(read) == [1, 2]
        return
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        list(read)


@pytest.mark.parametrize("chunk", [1, 4, 50, 1 << 22])
def test_a_bad_value_deep_in_the_file_is_placed_as_json_places_it(chunk):
    items = [{"content": "x" * (i * 7 % 23), "i": i} for i in range(40)]
    text = json.dumps({"id": "o", "orderedItems": items}, indent=1)
    bad = text.replace('"i": 31', '"i": 3\t1', 1)  # a control character in a number
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(bad)
    with pytest.raises(InputError) as got:
        list(iter_list(bad.encode(), "o.json", KEYS, chunk=chunk))
    assert (f"malformed JSON at line {expected.value.lineno} "
            f"(column {expected.value.colno}:") in got.value.message


@pytest.mark.parametrize("chunk", [1, 3, 1 << 22])
def test_one_long_line_gives_the_column(chunk):
    """Exports are often one line; the column is then the only way to find the problem."""
    items = [{"n": "y" * 30}] * 50
    text = json.dumps({"orderedItems": items}).replace('"n": "yyy', '"n": yyy', 1)
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(InputError, match=rf"line 1 \(column {expected.value.colno}: "):
        list(iter_list(text.encode(), "o.json", KEYS, chunk=chunk))
