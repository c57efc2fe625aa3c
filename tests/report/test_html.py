"""report.html from report.json's dict: escaping and bidi isolation, the one panel of an
own-posts source, help lines, every month, handles over DIDs, empty vs unscored data."""

from __future__ import annotations

import copy
import json
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kindscope.ingest import import_sources
from kindscope.report import build_report, render_html
from kindscope.store.db import Store

RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"
CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr"}
XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "\"><svg onload=alert(3)>",
       f"{RLO}gnp.exe{PDI} <b>bold</b>"]


class _Isolation(HTMLParser):
    """Every text run holding a direction control must sit inside <bdi> or dir="auto"."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.loose: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag == "bdi" or dict(attrs).get("dir") == "auto")

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if CONTROLS & set(data) and not any(self.stack):
            self.loose.append(data)


def _store(lines: list[dict]) -> Store:
    store = Store(":memory:")
    path = Path(tempfile.mkdtemp()) / "data.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    import_sources(store, [str(path)])
    return store


def _hostile_report() -> dict:
    lines = [{"type": "meta", "owner": "me", "taken_at": "2024-06-01T00:00:00Z"},
             {"type": "account", "id": "me", "handle": f"me{RLO}evil"},
             {"type": "account", "id": "troll", "handle": f"<b>tr{RLO}oll</b>"}]
    for i, text in enumerate(XSS):
        lines.append({"id": f"m{i}", "author": "me", "text": text,
                      "created_at": f"2024-03-{i + 1:02d}T10:00:00Z"})
        lines.append({"id": f"r{i}", "author": "troll", "text": text, "reply_to": f"m{i}",
                      "reply_to_author": "me", "created_at": f"2024-03-{i + 1:02d}T12:00:00Z"})
        lines.append({"id": f"x{i}", "author": "troll", "text": "hi",
                      "created_at": f"2024-04-{i + 1:02d}T10:00:00Z"})
        lines.append({"id": f"g{i}", "author": "me", "text": text, "reply_to": f"x{i}",
                      "reply_to_author": "troll", "created_at": f"2024-04-{i + 1:02d}T11:00:00Z"})
    store = _store(lines)
    for i in range(len(XSS)):
        for post_id, signal in ((f"m{i}", "distress"), (f"r{i}", "toxicity"),
                                (f"g{i}", "toxicity")):
            store.execute("INSERT INTO signal_scores VALUES ('generic', ?, ?, 0.9, 't')",
                          [post_id, signal])
    return build_report(store)


@pytest.fixture(scope="module")
def hostile() -> dict:
    return _hostile_report()


def test_xss_payloads_show_as_text(hostile):
    page = render_html(hostile)
    for bad in ("<script", "<img", "<svg onload", "<b>bold", "<b>tr"):
        assert bad not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


def test_direction_controls_are_isolated(hostile):
    page = render_html(hostile)
    assert RLO in page  # post texts are shown as written...
    parser = _Isolation()
    parser.feed(page)
    assert parser.loose == []  # ...but only inside <bdi> or dir="auto"
    title = page.split("<title>")[1].split("</title>")[0]
    assert not CONTROLS & set(title)


def test_direction_controls_in_handles_are_shown_as_code_points(hostile):
    """<bdi> keeps a handle's U+202E from turning the text around it, but not the handle
    itself: "ben\u202egnp.exe" read as "benexe.png" (a security review, 2026-12-06). Handles
    show it as [U+202E], as the terminal and the evidence pack do; post texts as written."""
    from kindscope.report.view import who

    assert who(f"ben{RLO}gnp.exe").text == "@ben[U+202E]gnp.exe"
    assert who("ev\x1b[31mil").text == "@ev[U+001B][31mil"
    page = render_html(hostile)
    assert "tr[U+202E]oll" in page and f"tr{RLO}oll" not in page


def _own_posts_store(platform: str) -> Store:
    lines = [{"type": "meta", "platform": platform, "owner": "me",
              "taken_at": "2024-06-01T00:00:00Z"},
             {"type": "account", "id": "me", "handle": "me.example"}]
    lines += [{"id": f"p{i}", "author": "me", "text": f"post {i}",
               "created_at": f"2024-0{1 + i % 5}-1{i % 9}T10:00:00Z"} for i in range(12)]
    store = _store(lines)
    for i in range(12):
        store.execute("INSERT INTO signal_scores VALUES (?, ?, ?, 0.9, 't')",
                      [platform, f"p{i}", "distress" if i % 2 else "upbeat"])
    return store


@pytest.mark.parametrize("platform", ["bluesky", "x"])
def test_only_own_posts_one_panel_and_no_none_found(platform):
    report = build_report(_own_posts_store(platform))
    assert report["data"]["only_own_posts"]
    page = render_html(report)
    assert page.count('id="missing"') == 1
    assert page.count("What this data cannot show") == 1
    assert "Not available: this data" not in page  # no box per section
    assert "Not checked" not in page
    for none_found in ("No pile-on aimed at you was found", "No one was found replying",
                       "No burst of new followers"):
        assert none_found not in page
    # every piece left to the panel is unavailable in report.json, never "0"
    assert not report["safety"]["pileons"]["available"]
    if platform == "bluesky":
        assert "kindscope analyze bluesky:me.example" in page
        # one run is one snapshot of the follows: unfollows need it again, later
        assert any(q["question"] == "unfollows" for q in report["data"]["cannot_show"])
        # with the owner's handle, as the command above it (it gave the placeholder: a
        # user's-eye review, 2026-12-07)
        assert ("Unfollows need two looks at your follows, some time apart: run "
                "<code>kindscope analyze bluesky:me.example</code> again later") in page
    else:
        assert "no online source for X" in page and "X archive can answer" in page


def test_a_report_before_schema_1_4_says_reply_not_answer(demo):
    """Reports written before 1.4.0 counted any reply, abuse too: re-rendered, the page says
    "reply", not the new rule."""
    new = demo["report"]
    old = copy.deepcopy(new)
    old["schema_version"] = "1.3.0"
    for g in old["void_rate"]["groups"]:
        del g["hostile_only_7d"]
    now, then = render_html(new), render_html(old)
    assert "abuse is not an answer" in now and "no answer in 7 days" in now
    assert "painful posts, any answer" in now
    abused = sum(g["hostile_only_7d"] for g in new["void_rate"]["groups"])
    assert abused and f"{abused} posts with no answer in 7 days got only replies" in now
    assert "abuse is not an answer" not in then and "no reply in 7 days" in then
    assert "painful posts, any reply" in then and "any answer" not in then
    assert "got only replies that read as toxic or hateful" not in then


def test_help_lines_without_a_country(hostile, monkeypatch):
    monkeypatch.delenv("KINDSCOPE_COUNTRY", raising=False)
    page = render_html(hostile)
    for link in ('href="https://findahelpline.com"', 'href="https://befrienders.org"',
                 'href="tel:116123"', 'href="tel:988"', 'href="https://www.samaritans.org"'):
        assert link in page
    assert "can be wrong" in page
    assert page.index('href="#help"') < page.index('id="summary"')  # the link near the top
    assert page.count('id="help"') == 1


def test_every_month_is_shown(hostile):
    report = copy.deepcopy(hostile)
    months = [f"{2014 + i // 12}-{i % 12 + 1:02d}" for i in range(103)]
    report["front_back_stage"] = {
        "available": True, "reason": None, "needs": "", "upbeat_share": 0.5,
        "distress_share": 0.2, "months": [
            {"month": m, "posts": 10, "upbeat": 5, "distress": 2, "upbeat_share": 0.5,
             "distress_share": 0.2} for m in months]}
    page = render_html(report)
    stage = page.split('id="stage"')[1].split("</section>")[0]
    for m in months:
        assert f"<td>{m}</td>" in stage
    assert "103 months" in stage and "by year" in stage
    for year in range(2014, 2023):
        assert f">{year} (" in stage  # every year in the chart


def test_handles_not_dids(hostile):
    report = copy.deepcopy(hostile)
    did = "did:plc:abcdefghijklmnopqrstuvwx"
    report["toxicity_received"]["by_account"] = [
        {"account_id": did, "handle": "alice.bsky.social", "toxic": 1, "hateful": 0},
        {"account_id": "did:plc:zyxwvutsrqponmlkjihgfedc", "handle": None, "toxic": 1,
         "hateful": 0}]
    report["source"]["me"] = {"account_id": "did:plc:mmmmmmmmmmmmmmmmmmmmmmmm",
                              "handle": "me.bsky.social"}
    page = render_html(report)
    assert did not in page and "did:plc:mmmmmmmm" not in page
    assert "@alice.bsky.social" in page and "@me.bsky.social" in page
    assert "did:plc:zyxwvutsrqponmlkjihgfedc" not in page.replace('title="did:plc:zyxwvuts'
                                                                 'rqponmlkjihgfedc"', "")
    assert "did:plc:zyxwvu…fedc" in page and "(an id" in page


def test_empty_data_is_not_unscored(hostile):
    empty = copy.deepcopy(hostile)
    empty["source"].update(posts=0, my_posts=0, my_replies=0, scored_posts=0,
                           model_version=None)
    page = render_html(empty)
    assert "holds no posts at all" in page and "not scored yet" not in page
    assert 'id="void"' not in page
    unscored = copy.deepcopy(hostile)
    unscored["source"].update(scored_posts=0, model_version=None)
    page = render_html(unscored)
    assert "not scored yet" in page and "holds no posts" not in page


def test_unread_posts_said_once(hostile):
    report = copy.deepcopy(hostile)
    report["source"].update(unread_posts=62, unread_languages={"de": 62})
    report["summary"]["lines"] = [*report["summary"]["lines"], "62 posts were not read "
                                  "because they are in (de); they are left out of every rate."]
    page = render_html(report)
    assert page.count("not read because") == 1
    assert "62 posts were not read because they are in German; they are left out of every "\
           "rate." in page


def test_no_response_section_after_the_summary(hostile):
    report = copy.deepcopy(hostile)
    report.pop("no_response", None)
    assert 'id="no-response"' not in render_html(report)  # guarded when absent
    report["no_response"] = {
        "available": True, "reason": None, "needs": "", "counted": "likes and replies",
        "minimum_posts": 5, "note": None,
        "groups": [{"group": "distress", "posts": 20, "no_response": 9, "share": 0.45},
                   {"group": "upbeat", "posts": 30, "no_response": 3, "share": 0.1}]}
    page = render_html(report)
    assert page.index('id="summary"') < page.index('id="no-response"') < page.index('id="void"')
    assert "9 of your 20 painful posts (45%) got no response" in page


def test_harshness_aimed_at_you_says_how_to_check_the_counts(hostile):
    """The counts of toxic and hateful replies come with the warning that denials and quotes
    are misread, and the local command that shows the posts; the report itself holds none of
    them (other people's posts never go into files people share)."""
    page = render_html(hostile)
    section = page.split('id="toxicity"')[1].split("<h2")[0]
    assert "not verdicts" in section and "aren\u2019t a burden" in section
    assert "<code>kindscope evidence --account HANDLE --out FOLDER</code>" in section
    assert "&lt;script&gt;" not in section  # the trolls' replies are counted, not shown


def test_counts_of_one_are_said_in_the_singular(demo):
    """"1 people replied", "Of the 1 accounts you follow ... 1 accounts follow you", "1 of
    your post among 3" (a user's-eye review, 2026-12-06)."""
    import copy

    one = copy.deepcopy(demo["report"])
    net = one["network"]
    net["reciprocity"].update(follows=1, followers=1, follow_back_share=1.0)
    net["unanswered_repliers"].update(count=1, accounts=net["unanswered_repliers"]
                                      ["accounts"][:1])
    one["source"].update(my_posts=1, my_replies=0, posts=3)
    page = " ".join(render_html(one).split())
    assert "Of the 1 account you follow, 100% follows you back. 1 account follows you." in page
    assert "1 person replied to you whom you have never answered" in page
    assert "your 1 post among the 3 posts in this data" in page
    for wrong in (r"(?<![\d,])1 people", r"(?<![\d,])1 accounts", r"of your post "):
        assert not re.search(wrong, page), wrong


def test_after_disclosure_hides_its_figure_with_the_other_counts(demo):
    """"Counts are hidden" stood beside "a change of -4.71 per post" (a user's-eye review,
    2026-12-06): without --show-counts the section says the direction, or no clear change,
    and what engagement counts; the figure comes with --show-counts."""
    m = demo["report"]["after_disclosure"]
    assert m["available"] and m["difference"] is not None

    def after(show):
        page = " ".join(render_html(demo["report"], show_counts=show).split())
        start = page.index('id="after"')
        return page[start:page.index("</p>", start)]

    hidden, shown = after(False), after(True)
    assert f"{m['difference']:+.2f}" not in hidden and "per post (95% interval" not in hidden
    assert "hidden with the other counts" in hidden
    assert "replies that do not read as toxic or hateful, likes and reposts" in hidden
    assert f"a change of {m['difference']:+.2f} per post" in shown


def test_a_named_account_shows_what_its_hostile_count_is_out_of(demo):
    """A friend with two borderline readings among many kind replies read like a harasser
    (a user's-eye review, 2026-12-06): each named account shows all its posts to you that
    were read beside those read as toxic or hateful."""
    rows = demo["report"]["toxicity_received"]["by_account"]
    assert rows and all(r["read"] >= r["hostile"] >= 2 for r in rows)
    assert any(r["read"] > r["hostile"] for r in rows)  # the context the count lacked
    page = render_html(demo["report"])
    start = page.index('id="toxicity"')
    table = page[start:page.index("</table>", start)]
    assert "of their replies and mentions to you" in table
    for r in rows:
        assert (f'<td class="n">{r["hostile"]}</td><td class="n">{r["read"]}</td>'
                in table), r["account_id"]


def test_small_shares_ids_and_month_spans_are_said_as_they_are():
    """From a user's-eye review on real X archives (2026-12-06): "1 of 527 read as
    supportive" beside "0%"; "@11250" for an account known only by its number, which could
    be another person's handle; "span 103 months (2010-10 to 2022-11)" for 146 months."""
    from kindscope.report.figures import pct
    from kindscope.report.view import who

    assert (pct(1 / 527), pct(0.0), pct(526 / 527), pct(1.0), pct(0.5)) == (
        "<1%", "0%", ">99%", "100%", "50%")
    assert who(None, "11250").is_id and who("11250").text == "11250"
    assert who(None, "sam_rivers").text == "@sam_rivers"
    from kindscope.report.html import environment

    env = environment()
    page = env.from_string('{% import "metrics.html" as t with context %}'
                           '{{ t.grouped_note(p, "your posts") }}').render(
        p={"unit": "quarter", "months": 103, "first": "2010-10", "last": "2022-11"})
    assert "Your posts fall in 103 months between 2010-10 and 2022-11" in page


def test_the_count_of_replies_says_what_it_counts(demo):
    """`stats` said 485 replies and the report 527 of the same X archive (a user's-eye
    review, 2026-12-06): the report's count is of posts in conversations with others and
    says so, naming what `stats` counts instead."""
    given = demo["report"]["kindness_given"]
    assert given["available"] and given["replies"]
    page = " ".join(render_html(demo["report"]).split())
    assert (f"You wrote {given['replies']} posts in conversations with other people (your "
            "replies, posts addressed to someone") in page
    # `stats` of the same database (the report's own name for it)
    assert ("<code>kindscope stats --db demo.duckdb</code> counts only posts that reply to a "
            "post") in page
    assert "replies to other people" not in page


def test_help_sits_beside_what_reads_as_a_crisis(demo, monkeypatch):
    """A person reading their own report met the help lines only at the end, some 340 lines
    below posts of theirs read as possibly about wanting to die (a care review, 2026-12-06):
    the emergency number and a link to the lines now come near the top, and each content
    note links to them. The opening figures say they are no judgement of the reader."""
    monkeypatch.setenv("KINDSCOPE_COUNTRY", "GB")
    report = demo["report"]
    assert any(p.get("crisis") for p in report["own_moments"]["posts"])
    page = render_html(report)
    card = page.index("read some of your own posts as possibly about wanting to die")
    assert card < page.index('id="summary"')
    assert 'call <a href="tel:999">999</a>' in page[card:page.index('id="summary"')]
    # once under each list whose posts have content notes, not under every post (8 times)
    assert "Content note:" in page
    link = '<a href="#help">help lines are at the end of this page</a>'
    assert 1 <= page.count(link) <= 3  # the card, the unanswered list, the moments list
    assert page.find(link, page.index("Content note:")) > 0  # after the notes too
    assert "They say nothing about your worth" in page
    assert "<h3>In the United Kingdom</h3>" in page
    calm = copy.deepcopy(report)
    for p in calm["own_moments"]["posts"]:
        p["crisis"] = False
    assert "read some of your own posts as possibly" not in render_html(calm)
