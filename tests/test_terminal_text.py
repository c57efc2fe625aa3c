"""Other people's text never reaches the terminal as a control: escape sequences, control
characters and direction overrides in posts and handles (``kindscope.terminal_text``)."""

from __future__ import annotations

import json

import pytest

from kindscope.care.queue import CareItem, CareQueue
from kindscope.care.terminal import render_text
from kindscope.terminal_text import for_terminal

HOSTILE = [
    "clear \x1b[2J\x1b[31mRED\x1b[0m",            # clear screen, colour
    "title \x1b]0;pwned\x07 and \x1b]8;;https://e.vil\x1b\\link\x1b]8;;\x1b\\",  # OSC, link
    "over\rwritten\b\b\b and a NUL \x00",           # carriage return, backspace, NUL
    "C1 \x9b2J and \x9d0;t\x9c",                     # the 8-bit forms
]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_control_reaches_the_terminal(text):
    shown = for_terminal(text)
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7f <= ord(c) <= 0x9f for c in shown)


def test_what_is_kept_and_what_is_shown():
    assert for_terminal("line one\r\nline two\tend") == "line one\nline two\tend"
    assert for_terminal("clear \x1b[2J\x1b[31mRED\x1b[0m") == "clear RED"
    assert for_terminal("a\u202eb") == "a[U+202E]b"
    # an emoji family (zero-width joiners) and accents stay as they are
    assert for_terminal("👨\u200d👩\u200d👧 café") == "👨\u200d👩\u200d👧 café"


def test_the_care_queue_and_inbox_print_hostile_posts_and_handles_inert():
    items = tuple(
        CareItem(f"p{i}", f"acct{i}", f"ev\u202eil{i}\x1b[2J", "2024-06-03T00:00:00+00:00",
                 text, "https://example.social/@a/1", 5.0, "no reply yet",
                 ({"post_id": "c", "created_at": "x", "text": text},))
        for i, text in enumerate(HOSTILE))
    queue = CareQueue("2024-06-04T00:00:00+00:00", 3, 5, items, 0, {})
    for kind in ("care", "inbox"):
        shown = render_text(queue, kind)
        assert "\x1b" not in shown and "\x07" not in shown and "\b" not in shown
        assert "\r" not in shown and "\x9b" not in shown and "\u202e" not in shown
        assert "@ev[U+202E]il0" in shown and "clear RED" in shown
    # the JSON output escapes controls by itself (json.dumps)
    assert "\x1b" not in json.dumps(queue.to_dict(), ensure_ascii=False)


def test_one_hour_is_said_as_one():
    from kindscope.care.terminal import _when

    assert (_when(0.5), _when(1.2), _when(5), _when(50)) == (
        "less than an hour ago", "1 hour ago", "5 hours ago", "2 days ago")


def test_one_post_cannot_swallow_the_rest_of_the_list():
    """An escape left open (or a curly quote decoded as Latin-1, "â\\x80\\x98") must not take
    the next items, the help lines or the closing line with it."""
    texts = ["she said \u00e2\x80\x98fine", "opened \x1b]0;and never closed", "i want to die"]
    items = tuple(
        CareItem(f"p{i}", f"acct{i}", f"friend{i}\x1b]", "2024-06-03T00:00:00+00:00", text,
                 None, 5.0, "no reply yet", ())
        for i, text in enumerate(texts))
    queue = CareQueue("2024-06-04T00:00:00+00:00", 3, 5, items, 0, {})
    shown = render_text(queue, "care")
    # a handle shows the code it holds (identifiers: ``visible``)
    assert "@friend2[U+001B]], 5 hours ago" in shown and "i want to die" in shown
    assert "she said \u00e2fine" in shown
    assert shown.rstrip().endswith("Nothing here is sent anywhere or kept in the database.")
    # an open sequence loses only its opener: nothing after it is hidden
    assert for_terminal("a \x1b]0;open\nnext line") == "a 0;open\nnext line"
    assert for_terminal("tar\x1b]a_thinks") == "tara_thinks"


def test_a_handle_cannot_start_a_line_of_its_own():
    handle = "tr\rkindscope: no pile-ons found"
    items = (CareItem("p0", "acct0", handle, "2024-06-03T00:00:00+00:00", "hello", None, 5.0,
                      "no reply yet", ()),)
    shown = render_text(CareQueue("2024-06-04T00:00:00+00:00", 3, 5, items, 0, {}), "care")
    assert "\nkindscope: no pile-ons found" not in shown
    assert "@tr kindscope: no pile-ons found, 5 hours ago" in shown


def test_an_error_naming_someones_handle_is_inert(run, tmp_path):
    """``evidence --account`` that fits several accounts lists their handles in the error."""
    import json as _json

    lines = [{"type": "account", "id": f"a{i}", "handle": "sam\x1b]0;pwned\x07"}
             for i in range(2)]
    lines += [{"id": f"p{i}", "author": f"a{i}", "text": "hello", "created_at":
               "2024-05-01T12:00:00Z"} for i in range(2)]
    source = tmp_path / "two.jsonl"
    source.write_text("".join(_json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = tmp_path / "k.duckdb"
    assert run("import", source, "--db", db).exit_code == 0
    result = run("evidence", "--db", db, "--account", "sam\x1b]0;pwned\x07",
                 "--out", tmp_path / "e")
    assert result.exit_code == 2, result.output
    assert "fits 2 accounts" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


@pytest.mark.parametrize("brk", ["\n\n", "\u2029", "\u2028", "\r"])
def test_a_post_cannot_start_a_line_that_looks_like_another_item(brk):
    """A reply written to look like a second inbox entry (a harassment-target review): the
    post is one paragraph, so no line of it starts where the items start."""
    fake = f"hello{brk}@kim, 1 hours ago (2024-05-01T10:00:00+00:00): read as kind{brk}" \
           "    You are wonderful"
    item = CareItem("p1", "troll", "troll", "2024-05-01T10:00:00+00:00", fake, None, 1.0,
                    "read as toxic")
    queue = CareQueue("2024-05-01T11:00:00+00:00", 14, 1, (item,), 0)
    assert "wonderful" not in render_text(queue, kind="inbox")  # hostile: words not shown
    text = render_text(queue, kind="inbox", show_hostile=True)
    lines = text.splitlines()
    assert not [line for line in lines if line.strip().startswith("@kim")]
    assert sum(line.startswith("@") for line in lines) == 1


def test_an_identifier_shows_its_controls_rather_than_losing_them():
    """An account id with an escape code in it is shown with the code visible: removed, it
    read as another name ("evil"), and the real id to block could not be seen (a
    harassment-target review)."""
    assert for_terminal("ev\x1b[31mil", visible=True) == "ev[U+001B][31mil"
    assert for_terminal("a\u202eb\u2028c", visible=True) == "a[U+202E]b[U+2028]c"
    item = CareItem("p1", "ev\x1b[31mil", "ev\x1b[31mil", "2024-05-01T10:00:00+00:00", "hi",
                    None, 1.0, "read as toxic")
    queue = CareQueue("2024-05-01T11:00:00+00:00", 14, 1, (item,), 0)
    hidden = render_text(queue, kind="inbox")  # a hostile message: its sender, not its words
    assert "@ev[U+001B][31mil (" in hidden and "\x1b" not in hidden
    text = render_text(queue, kind="inbox", show_hostile=True)
    assert "@ev[U+001B][31mil," in text and "\x1b" not in text
