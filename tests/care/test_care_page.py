"""care.html: escaped, self-contained, and checked in a real headless browser; the
``kindscope care`` and ``inbox`` commands end to end on the hand-built community."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import CHROMIUM, chromium_page
from test_queue import community

from kindscope.care.page import render_page
from kindscope.care.queue import CareItem, CareQueue

PAYLOADS = ["<script>window.__pwned = 1</script>", "<img src=x onerror=alert(7)>",
            "\u202egnp.exe", "javascript:alert(1)"]


def _queue() -> CareQueue:
    items = tuple(
        CareItem(f"p{i}", f"acct{i}", payload, "2024-06-03T00:00:00+00:00", payload,
                 "javascript:alert(1)" if i == 3 else "https://example.social/@a/1", 5.0,
                 "no reply yet", ({"post_id": "c", "created_at": "x", "text": payload},))
        for i, payload in enumerate(PAYLOADS))
    return CareQueue("2024-06-04T00:00:00+00:00", 3, 5, items, 2, {"not mutual": 1})


def test_care_page_escapes_and_isolates_post_text():
    page = render_page(_queue())
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript:' not in page  # a non-web link is not a link
    assert "\u202egnp.exe" in page
    for line in page.splitlines():
        if "\u202e" in line:
            assert "<bdi>" in line or 'dir="auto"' in line
    assert "held back" in page.lower() or "more wait" in page


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_care_page_in_a_real_browser_runs_nothing_and_fetches_nothing(tmp_path):
    page_file = tmp_path / "care.html"
    page_file.write_text(render_page(_queue()), encoding="utf-8")
    with chromium_page() as watched:
        page = watched.page
        page.goto(page_file.as_uri())
        page.wait_for_timeout(300)
        pwned = page.evaluate("() => window.__pwned")
        shown = page.evaluate("() => document.body.innerText")
        scripts = page.evaluate("() => document.scripts.length")
    assert pwned is None and watched.dialogs == [] and scripts == 0
    assert watched.requests == [page_file.as_uri()]
    for payload in PAYLOADS[:2]:
        assert payload in shown


def _community_file(tmp_path) -> tuple[Path, dict]:
    lines, scores = community()
    source = tmp_path / "community.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return source, scores


def test_care_and_inbox_commands_end_to_end(run, tmp_path, monkeypatch):
    from kindscope.signals import MODEL_VERSION
    from kindscope.store.db import Store

    source, scores = _community_file(tmp_path)
    db = tmp_path / "k.duckdb"
    assert run("import", source, "--db", db).exit_code == 0
    with Store(db) as store:  # hand-written scores under the installed model's version,
        for pid, signals in scores.items():  # so `care` finds nothing left to score
            for signal, score in signals.items():
                store.execute("INSERT INTO signal_scores VALUES ('generic', ?, ?, ?, ?)",
                              [pid, signal, score, MODEL_VERSION])
    monkeypatch.chdir(tmp_path)
    before = {p.name for p in tmp_path.iterdir()}
    result = run("care", "--db", db, "--json", "--out", tmp_path / "page")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.splitlines()[0])
    assert [i["post_id"] for i in data["items"]] == ["i1", "a1", "h1"]  # crisis first
    assert data["excluded"]["opted out"] == 1
    html = (tmp_path / "page" / "care.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # nothing written outside --out and the database
    assert {p.name for p in tmp_path.iterdir()} - before <= {"page", "k.duckdb.wal"}
    text = run("care", "--db", db, "--budget", "1").stdout
    assert "2 more wait past your care budget" in text and "not a crisis counsellor" in text
    assert "1 more waits past your care budget of 2" in run("care", "--db", db, "--budget",
                                                            "2").stdout
    inbox = json.loads(run("inbox", "--db", db, "--json").stdout.splitlines()[0])
    assert inbox["items"][0]["post_id"] == "r1"
    assert run("care", "--db", db, "--as-of", "yesterday").exit_code == 2


def test_forget_deletes_the_following_cache_too(run, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    kept = cache / "bluesky" / "me.bsky.social" / "profile.json"  # the user's own import
    fetched = cache / "bluesky-following" / "me.bsky.social" / "2024-06-03" / "feed.json"
    for path in (kept, fetched):
        path.parent.mkdir(parents=True)
        path.write_text("{}")
    monkeypatch.setenv("KINDSCOPE_CACHE_DIR", str(cache))
    result = run("care", "--db", tmp_path / "k.duckdb", "--forget")
    assert result.exit_code == 0, result.output
    assert "cached answers for 1 account" in result.output
    assert kept.exists() and not fetched.exists()


def test_an_empty_queue_says_what_it_can_miss():
    # "nothing found" must not read as "nobody is hurting": quiet pain said in passing is
    # what the signals miss most (training/variants/2026-12-05j)
    from kindscope.care.terminal import MISSES, render_text
    from kindscope.signals.reliability import SCORN_AS_KIND

    empty = CareQueue("2024-06-04T00:00:00+00:00", 3, 5, (), 0, {})
    assert "most often pain said quietly or in passing" in MISSES
    # and a post answered only by belittling: the support head reads more than half of such
    # replies as comfort (docs/models/support.md, plans 35 to 38)
    assert SCORN_AS_KIND in MISSES
    for shown in (render_text(empty), render_page(empty)):
        assert "No painful post" in shown
        assert MISSES in shown
