"""What the care queue says about itself, in the terminal and in care.html: the headline
describes exactly what is listed, help lines never point back to nothing, every item gets
the same help for the reader, links are promised only when shown, and the times say which
"now" they count from. From a user's review of ``kindscope care --demo``."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from test_queue import CRISIS, PAIN, T0, _iso, _load, community

from kindscope.care.page import render_page
from kindscope.care.queue import CareItem, CareQueue, care_queue
from kindscope.care.signposting import help_block as draft_help
from kindscope.care.signposting import signposting
from kindscope.care.terminal import render_text
from kindscope.store.read import read_model

NOW = "2024-06-04T00:00:00+00:00"


@pytest.fixture(autouse=True)
def _no_country(monkeypatch):
    monkeypatch.delenv("KINDSCOPE_COUNTRY", raising=False)


@pytest.fixture
def store(tmp_path):
    db = _load(tmp_path, *community())
    yield db
    db.close()


def _queue(store, build=care_queue, **kwargs) -> CareQueue:
    rm = read_model(store)
    try:
        return build(rm, **kwargs)
    finally:
        rm.close()


def _item(pid: str, status: str = "no reply yet", url: str | None = None) -> CareItem:
    return CareItem(pid, "acct", "someone", "2024-06-03T00:00:00+00:00", "I feel rubbish", url,
                    24.0, status)


def _headline(text: str) -> str:
    return text.splitlines()[0]


def _lead(page: str) -> str:
    return page.split('<p class="lead">', 1)[1].split("</p>", 1)[0]


# 1. the headline describes what is listed


def test_the_headline_says_only_hostile_replies_when_an_item_has_them(store):
    queue = _queue(store)  # a1 and h1: no reply yet; i1: only hostile replies
    assert [i.status for i in queue.items].count("only hostile replies") == 1
    said = ("3 painful posts from your circle in the last 3 days have had no reply yet, or "
            "only hostile ones.")
    assert _headline(render_text(queue)).startswith(said)
    assert said in _lead(render_page(queue))
    assert "no kind reply</h1>" in render_page(queue)
    # and it stays exact when no item is hostile-only
    plain = CareQueue(NOW, 3, 5, (_item("p1"), _item("p2")), 0, {})
    text, page = render_text(plain), render_page(plain)
    assert "2 painful posts from your circle in the last 3 days have had no reply yet. " in text
    assert "hostile" not in _headline(text) and "hostile" not in _lead(page)
    assert "have had no reply</h1>" in page


def test_the_headline_counts_hostile_only_posts_held_back_past_the_budget(store):
    queue = _queue(store, budget=1)  # shows i1 only (crisis first); a1 and h1 wait
    assert [i.post_id for i in queue.items] == ["i1"] and queue.only_hostile == 1
    assert "have had no reply yet, or only hostile ones." in _headline(render_text(queue))


def test_the_headline_says_only_hostile_replies_when_every_item_has_them():
    queue = CareQueue(NOW, 3, 5, (_item("p1", "only hostile replies"),), 0, {},
                      only_hostile=1)
    said = "1 painful post from your circle in the last 3 days has had only hostile replies."
    assert said in _headline(render_text(queue)) and said in _lead(render_page(queue))


# 2. "Elsewhere" only after country-specific lines


def test_elsewhere_only_follows_a_countrys_lines(monkeypatch):
    sign = signposting()  # no country set
    assert sign.lines == ()
    assert sign.find_more.startswith("findahelpline.com lists free, confidential services")
    assert "Elsewhere" not in sign.find_more
    # the draft check lists the lines of every country it knows when none is set
    help_ = draft_help()
    assert help_["lines"] and help_["find_more"].startswith("Elsewhere, or for other languages")
    assert signposting("GB").find_more.startswith("Elsewhere, or for other languages, ")
    monkeypatch.setenv("KINDSCOPE_COUNTRY", "us")  # the setting, as a user sets it
    sign = signposting()
    assert sign.country == "US" and sign.lines
    assert sign.find_more.startswith("Elsewhere, or for other languages, ")


def test_the_queue_says_elsewhere_only_after_help_lines(store, monkeypatch):
    """With no country set, the common lines and emergency numbers of every country
    kindscope knows, each with its country, as the report and `check` give them (a carer
    reading a goodbye got only "the emergency number where they are": a user's-eye
    review, 2026-12-06); then the directory, "elsewhere"."""
    plain = _queue(store)
    text, page = render_text(plain), render_page(plain)
    flat = " ".join(text.split())
    assert "Help lines: - United Kingdom: Samaritans – call 116 123 (free);" in flat
    assert "- United States: 988 Suicide & Crisis Lifeline – call or text 988" in flat
    assert "emergency number where they are (for example 999 in the United Kingdom," in flat
    assert "911 in the United States" in flat
    assert flat.index("Australia: Lifeline") < flat.index("Elsewhere, or for other languages")
    assert page.index("Samaritans") < page.index("Elsewhere, or for other languages")
    for queue in (_queue(store, country="GB"), _set_country(monkeypatch, store, "GB")):
        text, page = render_text(queue), render_page(queue)
        assert ("Help lines: Samaritans – call 116 123 (free); Shout – text SHOUT to 85258. "
                "Elsewhere, or for other languages, findahelpline.com") in " ".join(text.split())
        assert page.index("Samaritans") < page.index("Elsewhere, or for other languages")


def _set_country(monkeypatch, store, code: str) -> CareQueue:
    monkeypatch.setenv("KINDSCOPE_COUNTRY", code)
    try:
        return _queue(store)
    finally:
        monkeypatch.delenv("KINDSCOPE_COUNTRY")


# 3. every listed item gets the same help for the reader


def test_every_item_gets_the_same_help_whatever_was_read_or_answered(store):
    queue = _queue(store)
    kinds = {"i1": CRISIS, "a1": PAIN, "h1": PAIN}  # i1 also has only hostile replies
    assert [i.post_id for i in queue.items] == list(kinds)
    helps = [i.signposting for i in queue.items]
    assert all(helps) and all(h == helps[0] for h in helps)
    assert "can be wrong" in helps[0]["caveat"]
    text, page = render_text(queue), render_page(queue)
    # the terminal and the page say it once, under the list, whole (the page said it under
    # each item, four times over: a care review, 2026-12-06)
    assert text.count("If you answer any of these:") == 1 == text.count("Help lines:")
    assert "the help at the end" not in text
    flat = " ".join(text.split())
    assert all(line in flat for line in helps[0]["how_to_answer"])
    assert "You are not their counsellor." in flat and "in danger right now" in flat
    assert page.count("<strong>If you answer any of these:</strong>") == 1
    assert page.count("in danger right now") == 1
    assert page.index("in danger right now") > max(page.index(i.handle)
                                                   for i in queue.items)


def test_the_inbox_marks_the_messages_its_help_is_for():
    """In the inbox only messages that read as a crisis get help for the reader: the terminal
    marks them and says the help once, after the list."""
    from kindscope.care.queue import reader_help

    help_ = reader_help("GB")
    items = (CareItem("m1", "a", "ann", "2024-06-01T10:00:00+00:00", "i can't do this", None,
                      2.0, "read as painful", (), help_),
             CareItem("m2", "b", "bo", "2024-06-01T11:00:00+00:00", "nice one", None, 1.0,
                      "read as kind"))
    text = render_text(CareQueue("2024-06-01T12:00:00+00:00", 7, 10, items, 0), kind="inbox")
    marked = "If you answer this one, the help at the end of this list may help you."
    assert text.count(marked) == 1 and text.index("ann") < text.index(marked) < text.index("bo")
    assert text.index("bo") < text.index("If you answer one of the marked messages:")
    flat = " ".join(text.split())
    assert "the emergency number where they are (999 in the United Kingdom)" in flat


def test_a_hostile_only_post_not_read_as_a_crisis_gets_help_too(tmp_path):
    lines, scores = community()
    lines.append({"id": "i3", "author": "ben", "created_at": _iso(20), "reply_to": "h1",
                  "text": "get over it"})
    scores["i3"] = scores["i2"]  # hostile
    db = _load(tmp_path, lines, scores)
    try:
        item = next(i for i in _queue(db).items if i.post_id == "h1")
    finally:
        db.close()
    assert item.status == "only hostile replies" and item.signposting


# 4. links are promised only when an item shows one


def test_the_footer_promises_links_only_when_one_is_shown(store):
    queue = _queue(store)  # generic posts: no address
    assert not any(i.url for i in queue.items)
    text = render_text(queue)
    assert "link" not in text and "kindscope never replies for you." in text
    linked = CareQueue(NOW, 3, 5, (_item("p1"), _item("p2", url="https://example.social/1")),
                       0, {})
    assert "the links open each post in its app" in render_text(linked)


# 5. the times say which "now" they count from


def test_times_say_once_that_they_count_from_the_end_of_the_data(store):
    queue = _queue(store)
    assert queue.now_from == "data" and queue.to_dict()["now_from"] == "data"
    said = "Times are counted from the end of your data (2024-06-04 00:00 UTC), not from today."
    text, page = render_text(queue), render_page(queue)
    assert text.count(said) == 1 and page.count(said) == 1
    assert text.splitlines()[1] == said  # right under the headline
    assert "Computed on this computer at" not in page  # the data's end is not "computed at"
    empty = CareQueue(NOW, 3, 5, (), 0, {})
    assert said in render_text(empty) and said in render_page(empty)


def test_times_given_with_as_of_are_said_as_such(store):
    queue = _queue(store, as_of=T0 + timedelta(hours=74))
    assert queue.now_from == "as-of"
    text = render_text(queue)
    assert "Times are counted from the time you gave (2024-06-04 02:00 UTC)." in text
    assert "end of your data" not in text


def test_the_inbox_says_it_too(store):
    from kindscope.care.queue import inbox

    box = _queue(store, inbox)
    assert "Times are counted from the end of your data" in render_text(box, kind="inbox")


# the command: --country, and the demo wording end to end


def test_care_command_takes_a_country(run, tmp_path):
    from storedata import add_scores
    from test_care_page import _community_file

    from kindscope.signals import MODEL_VERSION
    from kindscope.store.db import Store

    source, scores = _community_file(tmp_path)
    db = tmp_path / "k.duckdb"
    assert run("import", source, "--db", db).exit_code == 0
    with Store(db) as store:
        add_scores(store, [(pid, signal, score) for pid, signals in scores.items()
                           for signal, score in signals.items()],
                   platform="generic", version=MODEL_VERSION)
    plain = run("care", "--db", db)
    assert plain.exit_code == 0, plain.output
    # no country: every country's common lines, each named with its country
    assert "  - United Kingdom: Samaritans – call 116 123 (free)" in plain.stdout
    assert "Help lines: Samaritans" not in plain.stdout
    gb = run("care", "--db", db, "--country", "GB")
    assert gb.exit_code == 0, gb.output
    listed = json.loads(run("care", "--db", db, "--json").stdout)["items"]
    assert listed  # the country's line, said once under the listed posts
    flat = " ".join(gb.stdout.split())  # lines are wrapped at 88 characters
    assert flat.count("Samaritans – call 116 123 (free)") == 1
    assert flat.index(listed[-1]["handle"]) < flat.index("Samaritans")
    assert "Elsewhere, or for other languages" in flat


def test_uk_is_taken_as_gb_everywhere(run, monkeypatch):
    """UK is the name most people in the United Kingdom give their country: its lines, not
    the international list alone."""
    assert signposting("uk").country == "GB"
    assert draft_help("UK")["country"] == "GB"
    care = run("care", "--demo", "--country", "UK")
    assert care.exit_code == 0, care.output
    assert "Samaritans" in care.stdout and "Shout" in care.stdout
    monkeypatch.setenv("KINDSCOPE_COUNTRY", "UK")
    assert signposting().country == "GB"
    check = run("check", "I feel so alone and I can't cope anymore")
    assert check.exit_code == 0, check.output
    assert "Samaritans" in check.stdout and "(United Kingdom)" in check.stdout


def test_the_inbox_counts_one_message_in_the_singular_and_marks_words_not_people():
    one = CareQueue(NOW, 14, 1, (_item("p1", "read as painful"),), 0, {})
    said = "1 reply or mention to you in the last 14 days has no answer from you yet."
    assert _headline(render_text(one, "inbox")) == said
    assert "1 reply or mention to you in the last 14 days has no answer" in _lead(
        render_page(one, "inbox"))
    two = CareQueue(NOW, 14, 2, (_item("p1", "read as kind"), _item("p2")), 0, {})
    assert _headline(render_text(two, "inbox")).startswith("2 replies and mentions to you")
    from kindscope.care.queue import INBOX_ORDER

    # every status speaks of a message's words, never of its writer
    assert all(s == "reply or mention" or s.startswith(("read as ", "not read", "uses words"))
               for s in INBOX_ORDER)


@pytest.mark.parametrize("command", [
    ["check", "I've got a big bad miserable headache", "--country", "GB"],
    ["check", "stop whining, you idiot", "--context", "I can't go on", "--country", "GB"],
])
def test_the_readmes_check_examples_are_what_check_prints(run, command):
    """Each `kindscope check` console block of the README is that command's output, run
    now (one had drifted from the model: a user's-eye review, 2026-12-06)."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    typed = " ".join(f'"{a}"' if " " in a else a for a in command)  # as a person types it
    block = readme.split(f"$ kindscope {typed}\n", 1)
    assert len(block) == 2, command
    result = run(*command)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == block[1].split("```", 1)[0].strip()


def test_the_readmes_care_example_is_what_care_demo_prints(run):
    """The README shows `kindscope care --demo` as a console block: it is that command's
    output, run now, not text kept by hand."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ kindscope care --demo\n", 1)[1].split("```", 1)[0]
    result = run("care", "--demo")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == block.strip()


@pytest.mark.parametrize("country", [None, "GB", "IE", "US", "CA", "AU", "NZ", "DE", "FR"])
def test_help_lines_on_the_terminal_never_nest_brackets(country):
    """"Samaritans (call 116 123 (free))" read badly; a contact keeps its own brackets and the
    name is set apart by a dash, for every country's lines and for all of them at once."""
    from kindscope.care.queue import reader_help
    from kindscope.care.signposting import HELP_LINES
    from kindscope.care.terminal import reader_help_lines

    text = "\n".join(reader_help_lines(reader_help(country), "If you answer:"))
    assert "))" not in text and "((" not in text
    codes = HELP_LINES if country is None else {country: HELP_LINES[country]}
    for _, lines in codes.values():
        for line in lines:
            assert f"{line.name} – {line.contact}" in " ".join(text.split())
