"""report.html's "Care" section and "Your own vulnerable moments": the care section is a count
and a command about the user only (never a name or a post of someone else); the user's own
painful or angry posts sit behind a closed disclosure, escaped and isolated, with only http(s)
addresses as links and a plain list of them to copy."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kindscope.ingest import import_sources
from kindscope.report import build_report, render_html
from kindscope.report.care_view import moments_view, web_address
from kindscope.store.db import Store

RLO, PDI = "\u202e", "\u2069"
CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr"}
T0 = datetime(2024, 6, 1, tzinfo=UTC)
PAIN = {"distress": 0.9, "crisis": 0.1, "toxicity": 0.05, "support": 0.1, "upbeat": 0.05}
ANGER = {"distress": 0.1, "crisis": 0.01, "toxicity": 0.95, "support": 0.05, "upbeat": 0.05}
FINE = {"distress": 0.1, "crisis": 0.01, "toxicity": 0.05, "support": 0.2, "upbeat": 0.6}
CHROMIUM = Path("/usr/bin/chromium")
FRIENDS_PAIN = "ana-secret-pain: I can't get out of bed and nobody notices"


def _iso(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat().replace("+00:00", "Z")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    """A small circle: ana and bo follow me back and posted in pain with no answer in the
    last three days; I posted in pain and in anger myself."""
    tmp = tmp_path_factory.mktemp("care")
    lines = [{"type": "meta", "owner": "me", "taken_at": _iso(72)},
             {"type": "account", "id": "me", "handle": "me.example"}]
    scores = {}

    def post(pid, author, hours, signals, text, **extra):
        lines.append({"id": pid, "author": author, "created_at": _iso(hours), "text": text,
                      **extra})
        scores[pid] = signals

    for name in ("ana", "bo"):
        lines += [{"type": "account", "id": name, "handle": f"{name}.example"},
                  {"type": "follow", "follower": "me", "followee": name},
                  {"type": "follow", "follower": name, "followee": "me"}]
    post("a1", "ana", 10, PAIN, FRIENDS_PAIN)
    post("b1", "bo", 20, PAIN, "bo-secret: today was too much")
    post("m1", "me", 5, PAIN, "I feel rubbish <script>alert(1)</script>",
         url="https://social.example/@me/1")
    post("m2", "me", 30, ANGER, f"{RLO}gnp.exe{PDI} you are all idiots",
         url="javascript:alert(document.domain)")
    post("m3", "me", 40, FINE, "lovely walk today", url="https://social.example/@me/3")
    return _report_from(tmp, lines, scores)


def _report_from(tmp: Path, lines: list[dict], scores: dict[str, dict[str, float]]) -> dict:
    """The report of a store holding ``lines`` (kindscope's JSONL) and these scores."""
    source = tmp / "circle.jsonl"
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    store = Store(tmp / "k.duckdb")
    try:
        import_sources(store, [str(source)])
        for pid, signals in scores.items():
            for signal, score in signals.items():
                store.execute("INSERT INTO signal_scores VALUES ('generic', ?, ?, ?, 't')",
                              [pid, signal, score])
        return build_report(store)
    finally:
        store.close()


def _section(page: str, anchor: str) -> str:
    start = page.index(f'<h2 id="{anchor}">')
    return page[start:page.index("</section>", start)]


class _Page(HTMLParser):
    """Links, open/closed disclosures, and text runs with a direction control outside
    <bdi> or dir="auto"."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.loose: list[str] = []
        self.hrefs: list[str] = []
        self.details: dict[str, bool] = {}
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "details":
            self.details[attrs.get("id") or ""] = "open" in attrs
        if tag not in VOID:
            self.stack.append(tag == "bdi" or attrs.get("dir") == "auto")

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if CONTROLS & set(data) and not any(self.stack):
            self.loose.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def test_care_shows_the_count_and_the_command_and_no_names(report):
    care = report["care"]
    assert care["available"] and care["unanswered_in_circle"] == 2
    page = render_html(report)
    section = _section(page, "care")
    text = re.sub(r"<[^>]+>", "", section)
    assert "2 painful posts by people in your circle got no answer" in text
    assert "<code>kindscope care --db k.duckdb</code>" in section  # the data it read
    assert "at most 5 at a time" in text  # the care budget
    assert "no obligation to be anyone’s counsellor" in text
    assert "A small acknowledgement can be enough" in text
    for other in ("ana", "bo.example", "a1", "b1", FRIENDS_PAIN, "bo-secret"):
        assert other not in section, other
    for other in ("ana.example", "bo.example", FRIENDS_PAIN, "bo-secret"):
        assert other not in page, other  # nor anywhere else on the page


def test_care_when_unavailable_is_one_line_with_the_reason(report):
    changed = copy.deepcopy(report)
    changed["care"] = {"available": False, "reason": "this data does not say whom you follow",
                       "window_days": 3, "budget": 5, "unanswered_in_circle": None,
                       "command": "kindscope care"}
    section = _section(render_html(changed), "care")
    assert section.count("<p") == 1
    assert "this data does not say whom you follow" in section
    assert "counsellor" not in section


def test_care_with_nothing_unanswered_still_names_the_command(report):
    changed = copy.deepcopy(report)
    changed["care"] = {**changed["care"], "unanswered_in_circle": 0, "window_days": 1}
    section = _section(render_html(changed), "care")
    # a count of none waiting, not a claim that painful posts were each answered (there
    # may have been none: a user's-eye review, 2026-12-06)
    assert "In the last day of this data, no painful post by people in your circle is " \
        "waiting for an answer" in section
    assert "there may have been none" in section and "every painful post" not in section
    assert "<code>kindscope care --db k.duckdb</code>" in section  # the data it read


def test_own_moments_are_behind_a_closed_disclosure(report):
    own = report["own_moments"]
    assert own["count"] == 2 and [p["post_id"] for p in own["posts"]] == ["m2", "m1"]
    page = render_html(report)
    parsed = _parse(page)
    assert parsed.details["own-moments-list"] is False  # closed until the user opens it
    section = _section(page, "own-moments")
    before = section[:section.index("<details")]
    assert "alert" not in before and "rubbish" not in before  # no post before opening
    assert "kindscope changes nothing" in before and "can be wrong" in before
    assert "may read as written in pain" in section
    assert "may read as written in anger" in section
    assert "lovely walk" not in section  # a fine post is not listed
    assert not re.search(r"\d\.\d|%|score", section)  # no scores


def test_own_moments_escape_and_isolate_the_text(report):
    page = render_html(report)
    section = _section(page, "own-moments")
    assert "<script>alert(1)</script>" not in page
    assert "I feel rubbish &lt;script&gt;alert(1)&lt;/script&gt;" in section
    parsed = _parse(page)
    assert "script" not in parsed.tags
    assert parsed.loose == []  # the RLO in my post reorders only its own text
    assert re.search(r'<blockquote dir="auto">\s*' + RLO, section)


def test_only_web_addresses_become_links_and_are_listed_to_copy(report):
    page = render_html(report)
    parsed = _parse(page)
    assert "https://social.example/@me/1" in parsed.hrefs
    assert not [h for h in parsed.hrefs if h.lower().startswith("javascript")]
    section = _section(page, "own-moments")
    urls = re.search(r'<pre class="urls" dir="auto">(.*?)</pre>', section, re.S).group(1)
    assert urls.split() == ["https://social.example/@me/1"]  # the fine post's is not there
    assert "1 post listed above has no web address" in section
    # a report.json edited by hand (the build keeps only web addresses): shown as text only
    changed = copy.deepcopy(report)
    for post in changed["own_moments"]["posts"]:
        post["url"] = "javascript:alert(document.domain)"
    page = render_html(changed)
    assert not [h for h in _parse(page).hrefs if "javascript" in h.lower()]
    section = _section(page, "own-moments")
    assert section.count("<code><bdi>javascript:alert(document.domain)</bdi></code>") == 2
    assert "<pre" not in section and "no web address for these posts" in section


def test_more_than_listed_says_how_many_in_all(report):
    changed = copy.deepcopy(report)
    changed["own_moments"]["count"] = 250
    section = _section(render_html(changed), "own-moments")
    assert "Show the 2 newest of the 250</summary>" in section
    assert "250 posts and replies of yours may read" in section


def test_none_and_unavailable(report):
    changed = copy.deepcopy(report)
    changed["own_moments"] = {"available": True, "reason": None, "count": 0, "posts": []}
    section = _section(render_html(changed), "own-moments")
    assert "<details" not in section and "None of your posts" in section
    changed["own_moments"] = {"available": False, "reason": "your posts are not scored yet",
                              "count": None, "posts": []}
    section = _section(render_html(changed), "own-moments")
    assert "<details" not in section and "not scored yet" in section


def test_a_report_without_the_new_keys_still_renders(report):
    old = {k: v for k, v in report.items() if k not in ("care", "own_moments")}
    page = render_html(old)
    assert 'id="care"' not in page and 'id="own-moments"' not in page


@pytest.mark.parametrize("url, web", [
    ("https://bsky.app/profile/a/post/1", True), ("HTTP://x.example/1", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("data:text/html,x", False),
    ("https://", False), ("https://x.example/a\nhttps://evil.example", False),
    ("//x.example/1", False), (None, False), ("", False)])
def test_web_address(url, web):
    assert (web_address(url) is not None) is web


def test_swearing_in_pain_reads_as_pain_not_anger(tmp_path):
    """Offensive marks words whoever they are aimed at; in a post that reads as pain they are
    pain. A post aimed at someone (toxic) stays anger, and so do offensive words outside pain."""
    lines = [{"type": "meta", "owner": "me", "taken_at": _iso(72)},
             {"type": "account", "id": "me", "handle": "me.example"}]
    scores = {
        "hurt": {"distress": 0.9, "toxicity": 0.1, "offensive": 0.9},
        "rant": {"distress": 0.1, "toxicity": 0.1, "offensive": 0.9},
        "aimed": {"distress": 0.9, "toxicity": 0.9, "offensive": 0.9},
        "calm": {"distress": 0.1, "toxicity": 0.1, "offensive": 0.1},
    }
    for hours, pid in enumerate(scores):
        lines.append({"id": pid, "author": "me", "created_at": _iso(hours), "text": pid})
    own = _report_from(tmp_path, lines, scores)["own_moments"]
    assert own["count"] == 3
    assert {p["post_id"]: p["reads_as"] for p in own["posts"]} == {
        "hurt": ["pain"], "rant": ["anger"], "aimed": ["pain", "anger"]}


def test_moments_view_words_and_dates():
    view = moments_view({"available": True, "reason": None, "count": 1, "posts": [
        {"post_id": "p", "created_at": "2024-05-06T10:55:00+00:00", "text": "x", "url": None,
         "reads_as": ["pain", "anger"]}]})
    moment = view.moments[0]
    assert moment.date == "2024-05-06"
    assert moment.reads_as == "may read as written in pain and in anger"
    assert view.urls == () and view.without_link == 1 and view.more == 0


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_in_a_browser_the_disclosure_opens_and_nothing_runs(report, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(report), encoding="utf-8")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=["--no-sandbox", "--disable-gpu",
                                           "--disable-background-networking"])
        try:
            page = browser.new_page(viewport={"width": 390, "height": 800})
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(page_file.as_uri())
            listed = page.locator("#own-moments-list blockquote").first
            closed = listed.is_visible()
            page.locator("#own-moments-list summary").click()
            opened = listed.is_visible()
            shown = page.locator("#own-moments-list").inner_text()
            wide = page.evaluate("() => document.documentElement.scrollWidth")
        finally:
            browser.close()
    assert (closed, opened) == (False, True)
    assert dialogs == []
    assert "I feel rubbish <script>alert(1)</script>" in shown
    assert "https://social.example/@me/1" in shown
    assert wide <= 390  # nothing runs off a phone's screen
