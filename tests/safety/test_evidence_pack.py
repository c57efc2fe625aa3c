"""The evidence pack a person reads and prints, and `kindscope evidence --verify`.

The page is checked by parsing it (which tags and attributes it has, where each
direction-control character sits), so that a payload that got through would fail the test,
not just one spelling of it. The browser test loads a pack in Debian's /usr/bin/chromium
(through Playwright) and checks that nothing runs, nothing is fetched, the text is wide and
a reversed handle does not reorder the line it is on; it keeps a screenshot in tmp_path.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape
from storedata import add_follows, add_post, add_snapshot

from kindscope.errors import InputError
from kindscope.safety.evidence import (
    MANIFEST,
    Evidence,
    check_pack,
    collect_account,
    collect_incident,
    verify_pack,
    write_pack,
)
from kindscope.safety.evidence_html import BIDI_CONTROLS, readable_time, score_label, shown_id
from kindscope.safety.incidents import scan
from kindscope.store.db import Store
from kindscope.store.read import read_model

CHROMIUM = Path("/usr/bin/chromium")
T0 = datetime(2024, 3, 1, 12, tzinfo=UTC)
INJECTIONS = [
    "<script>window.__pwned = 1; alert(1)</script> you are pathetic",
    "<img src=x onerror=\"window.__pwned = 2; alert(2)\"> pathetic",
    "\"><svg onload=alert(3)> pathetic",
    "</blockquote></article><script>window.__pwned = 4</script>",
    "<a href=\"javascript:alert(5)\">click</a> & &amp; &lt;b&gt; {{ 7*7 }}",
    "\u202egnitsetorp ton era uoy\u202c and \u2067isolated\u2069 pathetic",
]
HANDLES = {"troll0": "<img src=x onerror=\"window.__pwned = 7\">",
           "troll1": "\u202eevil_handle", "troll2": "\"'><b>bold</b>"}
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "section",
                "h1", "h2", "dl", "dt", "dd", "p", "span", "strong", "code", "time", "bdi",
                "article", "blockquote", "a"}


def _pack_store(store: Store) -> Store:
    """A pile-on against vic: six hostile replies whose texts and handles are attacks."""
    add_snapshot(store, "s", owner="vic")
    add_follows(store, "s", [("vic", "friend"), ("friend", "vic")])
    add_post(store, "v1", "vic", T0, "I feel awful today")
    for i, text in enumerate(INJECTIONS):
        author = f"troll{i % 4 if i < 4 else i}"
        add_post(store, f"h{i}", author, T0 + timedelta(minutes=10 * i), text,
                 reply_to="v1", reply_to_account="vic")
        store.execute("INSERT INTO signal_scores VALUES ('x', ?, 'toxicity', ?, 'test')",
                      [f"h{i}", 0.912345])
        store.execute("INSERT INTO signal_scores VALUES ('x', ?, 'support_er', ?, 'test')",
                      [f"h{i}", 0.0449])
    for account, handle in HANDLES.items():
        store.execute("INSERT INTO accounts (platform, account_id, handle) VALUES ('x', ?, ?)",
                      [account, handle])
    store.execute("UPDATE posts SET url = 'javascript:alert(8)' WHERE post_id = 'h0'")
    store.execute("UPDATE posts SET url = 'https://x.example/h1?a=1&b=\"2' "
                  "WHERE post_id = 'h1'")
    return store


def _pack(store: Store, out: Path) -> Path:
    _pack_store(store)
    rm = read_model(store)
    incident = scan(rm).pileons[0]
    write_pack(collect_incident(rm, incident.id), out,
               made=datetime(2024, 3, 2, 9, 30, tzinfo=UTC))
    return out


class _Page(HTMLParser):
    """Tags, attributes, and the text with the elements it sits in."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str, str | None]] = []
        self.stack: list[tuple[str, dict]] = []
        self.texts: list[tuple[str, tuple[tuple[str, dict], ...]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += [(tag, name, value) for name, value in attrs]
        if tag not in ("meta",):
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.texts.append((data, tuple(self.stack)))


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_attacks_in_posts_and_handles_show_as_text(store, tmp_path):
    page = (_pack(store, tmp_path) / "evidence.html").read_text(encoding="utf-8")
    parsed = _parse(page)
    assert parsed.tags <= ALLOWED_TAGS, parsed.tags - ALLOWED_TAGS
    assert not [a for a in parsed.attrs if a[1].startswith("on")]
    links = [value for tag, name, value in parsed.attrs if tag == "a" and name == "href"]
    assert all(v.startswith(("#", "https://")) for v in links), links
    assert "https://x.example/h1?a=1&b=\"2" in links  # a real address stays a link
    assert "javascript:alert(8)" in page  # shown as text, never as a link
    shown = "".join(text for text, _ in parsed.texts)
    for text in INJECTIONS + [shown_id(handle) for handle in HANDLES.values()]:
        assert str(escape(text)) in page, text
        assert text in shown, text
    assert "{{ 7*7 }}" in shown  # post text is never run as a template


def test_direction_controls_are_isolated_from_the_page(store, tmp_path):
    page = (_pack(store, tmp_path) / "evidence.html").read_text(encoding="utf-8")
    parsed = _parse(page)
    holders = [(text, stack) for text, stack in parsed.texts
               if any(ch in BIDI_CONTROLS for ch in text)]
    assert [text for text, _ in holders] == [INJECTIONS[5]]  # the post, exactly as written
    for text, stack in holders:
        names = [tag for tag, _ in stack]
        assert "title" not in names
        assert any(tag == "bdi" or attrs.get("dir") == "auto" for tag, attrs in stack), (
            text, names)
    assert not [a for a in parsed.attrs if any(ch in BIDI_CONTROLS for ch in a[2] or "")]
    assert "invisible direction-control characters (U+202C, U+202E, U+2067, U+2069)" in page
    # a handle is a name to search for: its controls are shown, and it is isolated too
    handles = [stack for text, stack in parsed.texts if text == "[U+202E]evil_handle"]
    assert handles and all(stack[-1][0] == "bdi" for stack in handles)
    title = page[page.index("<title>"):page.index("</title>")]
    assert not any(ch in BIDI_CONTROLS for ch in title)


def test_scores_are_named_and_rounded_times_readable(store, tmp_path):
    out = _pack(store, tmp_path)
    page = (out / "evidence.html").read_text(encoding="utf-8")
    assert page.count("toxicity 0.91") == len(INJECTIONS)
    assert page.count("support: emotional reaction 0.04") == len(INJECTIONS)
    assert "0.912345" not in page and "&#34;score&#34;" not in page and '{"score' not in page
    assert "2024-03-01 12:00:00 UTC" in page and "2024-03-02 09:30:00 UTC" in page
    assert "+00:00" not in page
    assert "@page { size: A4" in page and "@media print" in page
    assert "default-src 'none'" in page
    # the JSON keeps exact values for anyone who needs them
    doc = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    assert doc["posts"][0]["scores"]["toxicity"]["score"] == pytest.approx(0.912345)
    assert score_label("hate", 0.875) == "hate 0.88"
    assert score_label("hate", 0.30000001) == "hate 0.30"  # the model's own, near a cap
    assert score_label("support", 0.3) == "support 0.30 (lowered to it by a rule)"


def test_the_values_a_pack_calls_a_rules_are_the_rules_own():
    """``RULE_VALUES`` holds exactly the values the signals' rule layers set a score to."""
    from kindscope.safety.evidence_html import RULE_VALUES
    from kindscope.signals.answers import ANSWER_SCORE
    from kindscope.signals.guards import GUARD_CAP
    from kindscope.signals.milestones import MILESTONE_SCORE
    from kindscope.signals.phrases import PHRASE_SCORE, SUPPORT_CAP
    from kindscope.signals.slogans import SLOGAN_SCORE
    from kindscope.signals.wishes import SELF_TALK_SCORE, WISH_SCORE

    assert set(RULE_VALUES) == {GUARD_CAP, SUPPORT_CAP, ANSWER_SCORE, MILESTONE_SCORE,
                                PHRASE_SCORE, SLOGAN_SCORE, SELF_TALK_SCORE, WISH_SCORE}
    assert RULE_VALUES[GUARD_CAP] == RULE_VALUES[SUPPORT_CAP] == "lowered to it by a rule"
    assert readable_time("2024-03-01T12:00:00+01:00") == "2024-03-01 11:00:00 UTC"
    assert shown_id("\u2067ana\u2069") == "[U+2067]ana[U+2069]"


def _score_lines(page: str) -> list[list[str]]:
    """Each line of scores on the page as its words: the group's name, then its scores."""
    lines: dict[int, list[str]] = {}
    for text, stack in _parse(page).texts:
        line = next((attrs for tag, attrs in reversed(stack)
                     if tag == "p" and "scores" in attrs.get("class", "")), None)
        if line is not None and text.strip():
            lines.setdefault(id(line), []).append(text.strip())
    return list(lines.values())


def test_offensive_is_language_not_hostility(store, tmp_path):
    """A person swearing about their own pain is not shown as hostile, in a pack of their
    posts or of an incident: offensive marks words whoever they are aimed at, so it has its
    own line and never sits under "Hostility" (the line an incident's scores count on)."""
    _pack_store(store)
    store.execute("UPDATE posts SET text = 'I feel like shit today, everything hurts' "
                  "WHERE post_id = 'v1'")
    for post in ("v1", "h0"):
        store.execute("INSERT INTO signal_scores VALUES ('x', ?, 'offensive', ?, 'test')",
                      [post, 0.871])
    rm = read_model(store)
    packs = {"incident": collect_incident(rm, scan(rm).pileons[0].id),
             "own posts": collect_account(store, "vic")}
    for name, ev in packs.items():
        write_pack(ev, tmp_path / name, made=datetime(2024, 3, 2, 9, 30, tzinfo=UTC))
        page = (tmp_path / name / "evidence.html").read_text(encoding="utf-8")
        lines = _score_lines(page)
        # the incident's pack holds v1 too, as the post the pile-on answers
        assert [words[1:] for words in lines if words[0] == "Language"] == [
            ["offensive 0.87"]] * (2 if name == "incident" else 1), name
        assert not [w for words in lines if words[0] == "Hostility" for w in words
                    if w.startswith("offensive")], name
        assert "never counts a post as hostile" in " ".join(page.split()), name


def test_an_incident_pack_is_titled_in_words_with_the_targets_handle(store, tmp_path):
    """The title names the kind as the page does and whom it was aimed at by handle (an
    account id such as a Bluesky DID means nothing to the person a pack is shown to)."""
    _pack_store(store)
    store.execute("INSERT INTO accounts (platform, account_id, handle) VALUES "
                  "('x', 'vic', 'vic.example')")  # stored without '@', as most sources do
    rm = read_model(store)
    write_pack(collect_incident(rm, scan(rm).pileons[0].id), tmp_path / "p",
               made=datetime(2024, 3, 2, 9, 30, tzinfo=UTC))
    doc = json.loads((tmp_path / "p" / "evidence.json").read_text(encoding="utf-8"))
    assert doc["title"] == "Pile-on aimed at @vic.example"
    page = (tmp_path / "p" / "evidence.html").read_text(encoding="utf-8")
    assert "<title>Evidence: Pile-on aimed at @vic.example</title>" in page


def test_a_pack_keeps_whom_each_post_mentions(store, tmp_path):
    """A post aimed at someone by a mention, not a reply, keeps that fact in all three files
    (a user's-eye review, 2026-12-06: the report counted such posts as aimed at the user,
    and their pack said nothing of whom they addressed)."""
    _pack_store(store)
    store.execute("UPDATE posts SET mentions = ['vic', 'friend'] WHERE post_id = 'h2'")
    rm, out = read_model(store), tmp_path / "p"
    write_pack(collect_incident(rm, scan(rm).pileons[0].id), out,
               made=datetime(2024, 3, 2, 9, 30, tzinfo=UTC))
    doc = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    by_id = {p["post_id"]: p for p in doc["posts"]}
    assert by_id["h2"]["mentions"] == ["vic", "friend"] and by_id["h1"]["mentions"] == []
    rows = list(csv.DictReader(io.StringIO((out / "posts.csv").read_text(encoding="utf-8"))))
    assert json.loads(next(r for r in rows if r["post_id"] == "h2")["mentions"]) == [
        "vic", "friend"]
    page = (out / "evidence.html").read_text(encoding="utf-8")
    assert '<p class="reply">Mentions <bdi>vic</bdi>, <bdi>friend</bdi></p>' in page


def test_the_record_marks_a_score_a_rule_set(store, tmp_path):
    """evidence.json and posts.csv gave a rule's cap as the model's probability; the page
    alone said otherwise (a moderator's review, 2026-12-06)."""
    out = _pack(store, tmp_path / "p")
    doc = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    scores = {p["post_id"]: p["scores"] for p in doc["posts"]}
    assert all("set_by_rule" not in s for p in scores.values() for s in p.values())
    store.execute("UPDATE signal_scores SET score = 0.3 WHERE post_id = 'h1' "
                  "AND signal = 'support_er'")
    rm = read_model(store)
    write_pack(collect_incident(rm, scan(rm).pileons[0].id), tmp_path / "q",
               made=datetime(2024, 3, 2, 9, 30, tzinfo=UTC))
    doc = json.loads((tmp_path / "q" / "evidence.json").read_text(encoding="utf-8"))
    h1 = next(p for p in doc["posts"] if p["post_id"] == "h1")["scores"]
    assert h1["support_er"]["set_by_rule"] is True and "set_by_rule" not in h1["toxicity"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "q" / "posts.csv").read_text())))
    assert json.loads(next(r for r in rows if r["post_id"] == "h1")["scores"])[
        "support_er"]["set_by_rule"] is True


def test_a_pack_never_carries_readings_of_a_writers_own_state(store, tmp_path):
    """A pack on an account listed its own "honestly I can't go on like this anymore" as
    crisis 0.93 and distress 0.99 (a care review, 2026-12-06): readings of a person's mental
    health, in a file made to be shared. A pack carries no crisis or distress reading (json,
    csv, page) and says so."""
    _pack_store(store)
    add_post(store, "t9", "troll1", T0 + timedelta(hours=2), "honestly I can't go on")
    for signal, score in (("crisis", 0.93), ("distress", 0.99), ("toxicity", 0.04)):
        store.execute("INSERT INTO signal_scores VALUES ('x', 't9', ?, ?, 'test')",
                      [signal, score])
    rm = read_model(store)
    out = tmp_path / "p"
    write_pack(collect_account(rm, "troll1"), out, made=datetime(2024, 3, 2, 9, 30, tzinfo=UTC))
    doc = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    t9 = next(p for p in doc["posts"] if p["post_id"] == "t9")
    assert set(t9["scores"]) == {"toxicity"}
    assert "distress, crisis" in doc["scores_left_out"]
    assert "crisis" not in (out / "posts.csv").read_text(encoding="utf-8")
    page = (out / "evidence.html").read_text(encoding="utf-8")
    assert "crisis 0.93" not in page and "distress 0.99" not in page
    assert "Readings of a writer&#39;s own state (distress, crisis) are not carried" in page


def test_a_trawl_pack_says_it_is_found_by_timing(store, tmp_path):
    from kindscope.safety.evidence_html import render_html as page_of
    from kindscope.safety.incidents import Incident

    trawl = Incident("trawler-1", "trawler", "x", "vic", datetime(2024, 3, 1, tzinfo=UTC),
                     datetime(2024, 3, 2, tzinfo=UTC), ("t",), (), (), "t replied to 5 old "
                     "posts")
    ev = Evidence("History trawl aimed at vic", trawl.id, trawl, (), ())
    text = " ".join(page_of(ev, "2024-03-02T09:30:00+00:00").split())
    assert "found by timing alone" in text and "readings the incident is built from" not in text


def _problems(out: Path) -> list[tuple[str, str]]:
    return [(p.name, p.kind) for p in check_pack(out)]


def test_verify_names_a_flipped_byte_a_removed_file_and_an_extra_one(store, tmp_path):
    out = _pack(store, tmp_path / "pack")
    assert check_pack(out) == () and verify_pack(out) == ()
    data = bytearray((out / "evidence.html").read_bytes())
    data[len(data) // 2] ^= 0x01
    (out / "evidence.html").write_bytes(bytes(data))
    assert _problems(out) == [("evidence.html", "changed")]
    (out / "posts.csv").unlink()
    (out / "notes.txt").write_text("added later")
    (out / "sub").mkdir()
    (out / "sub" / "evidence.html").write_text("another page")
    assert _problems(out) == [("evidence.html", "changed"), ("posts.csv", "missing"),
                              ("notes.txt", "not in manifest"),
                              ("sub/evidence.html", "not in manifest")]
    assert verify_pack(out) == ("evidence.html", "posts.csv", "notes.txt",
                                "sub/evidence.html")


def test_a_pack_is_written_only_into_an_empty_folder(store, tmp_path):
    """Files the manifest would not cover make --verify fail at once: such a folder is
    refused, and nothing in it is touched. An earlier pack is refused too: its manifest's
    SHA-256 may have been noted or sent, and a pack never changes once written (a
    harassment-target review; it was written over before)."""
    out = _pack(store, tmp_path / "pack")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    rm = read_model(store)
    evidence = collect_incident(rm, scan(rm).pileons[0].id)
    with pytest.raises(InputError, match="holds an evidence pack already"):
        write_pack(evidence, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match=r"holds other files \(notes.txt\)"):
        write_pack(evidence, busy)
    assert sorted(p.name for p in busy.iterdir()) == ["notes.txt"]


def test_verify_distrusts_a_bad_or_missing_manifest(store, tmp_path):
    out = _pack(store, tmp_path / "pack")
    manifest = out / MANIFEST
    lines = manifest.read_text().splitlines()
    digest = "0" * 64
    manifest.write_text("\n".join([lines[0], "not a line", f"{digest}  ../outside",
                                   lines[0], *lines[1:]]) + "\n")
    assert _problems(out) == [(MANIFEST, "manifest")] * 3
    manifest.unlink()
    assert _problems(out) == [(MANIFEST, "missing"), ("evidence.html", "not in manifest"),
                              ("evidence.json", "not in manifest"),
                              ("posts.csv", "not in manifest")]


def test_verify_command(tmp_path, run):
    db = tmp_path / "k.duckdb"
    store = Store(db)
    _pack_store(store)
    rm = read_model(store)
    incident = scan(rm).pileons[0].id
    rm.close()
    store.close()
    out = tmp_path / "pack"
    made = run("evidence", "--db", db, "--incident", incident, "--out", out)
    assert made.exit_code == 0, made.output
    intact = run("evidence", "--verify", out)
    assert intact.exit_code == 0 and intact.stdout.startswith("intact: 3 files match")
    (out / "evidence.json").write_text("{}")
    (out / "posts.csv").unlink()
    (out / "extra.html").write_text("<p>planted</p>")
    broken = run("evidence", "--verify", out)
    assert broken.exit_code == 2
    lines = broken.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{out / 'evidence.json'}: changed")
    assert lines[1].startswith(f"{out / 'posts.csv'}: listed in the manifest but missing")
    assert lines[2].startswith(f"{out / 'extra.html'}: in the folder but not covered")
    assert "not intact (3 problems)" in broken.stderr
    mixed = run("evidence", "--verify", out, "--out", tmp_path / "other")
    assert mixed.exit_code == 2 and "--verify" in mixed.stderr
    missing = run("evidence", "--verify", tmp_path / "nowhere")
    assert missing.exit_code == 2 and "no such folder" in missing.stderr


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium "
                    "(apt-get install chromium; CI installs it)")
def test_pack_in_a_browser_runs_nothing_and_reads_wide(store, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    page_file = _pack(store, tmp_path / "pack") / "evidence.html"
    dialogs: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            page.wait_for_timeout(300)
            pwned = page.evaluate("() => window.__pwned")
            counts = page.evaluate("() => [document.scripts.length, document.images.length]")
            shown = page.evaluate("() => document.body.innerText")
            text_widths = page.evaluate(
                "() => [...document.querySelectorAll('blockquote')]"
                ".map(b => b.getBoundingClientRect().width)")
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth > window.innerWidth")
            # troll1's handle starts with U+202E: isolated, the rest of its line stays in
            # order ("(account id troll1)" to the right of the handle, not before it)
            order = page.evaluate("""() => [...document.querySelectorAll('p.meta')]
                .filter(p => p.textContent.includes('evil_handle'))
                .map(p => [p.querySelector('strong').getBoundingClientRect().right,
                           p.querySelector('.id').getBoundingClientRect().left,
                           p.querySelector('time').getBoundingClientRect().right,
                           p.querySelector('strong').getBoundingClientRect().left])""")
            page.screenshot(path=str(tmp_path / "evidence.png"), full_page=True)
            page.emulate_media(media="print")
            printed = page.evaluate(
                "() => [...document.querySelectorAll('blockquote')]"
                ".map(b => b.getBoundingClientRect().width)")
        finally:
            browser.close()
    assert pwned is None and dialogs == []
    assert counts == [0, 0]
    assert requests == [page_file.as_uri()]  # nothing fetched beyond the page itself
    for text in INJECTIONS[:5] + [HANDLES["troll0"], HANDLES["troll2"]]:
        assert text in shown, text
    # the replies and the post they answer; not a thin column
    assert len(text_widths) == len(INJECTIONS) + 1 and min(text_widths) > 600
    assert not overflow
    assert order and all(strong_right <= id_left and time_right <= strong_left
                         for strong_right, id_left, time_right, strong_left in order)
    assert min(printed) > 600
    assert (tmp_path / "evidence.png").stat().st_size > 10_000


def test_verify_wants_every_file_of_a_pack_and_the_expected_manifest(store, tmp_path, run):
    """A file taken out with its manifest line, or a manifest rewritten to match an edit,
    is not an intact pack: the pack's files are known, and --expect checks the manifest's
    SHA-256 as noted when the pack was made."""
    import hashlib

    out = _pack(store, tmp_path / "pack")
    noted = hashlib.sha256((out / MANIFEST).read_bytes()).hexdigest()
    assert run("evidence", "--verify", out, "--expect", noted).exit_code == 0
    # a shortened or mistyped hash is not "rewritten": it is refused as no SHA-256
    for short in (noted[:16], "xyz"):
        wrong = run("evidence", "--verify", out, "--expect", short)
        assert wrong.exit_code == 2 and "is not a SHA-256" in wrong.stderr
        assert "rewritten" not in wrong.output and wrong.stderr.count("\n") == 1
    json_file = out / "evidence.json"
    json_file.write_text(json_file.read_text() + "\n")  # any edit
    lines = [line if not line.endswith("evidence.json") else
             f"{hashlib.sha256(json_file.read_bytes()).hexdigest()}  evidence.json"
             for line in (out / MANIFEST).read_text().splitlines()]
    (out / MANIFEST).write_text("\n".join(lines) + "\n")
    assert run("evidence", "--verify", out).exit_code == 0  # consistent, but rewritten
    caught = run("evidence", "--verify", out, "--expect", noted)
    assert caught.exit_code == 2 and "it was rewritten" in caught.stdout
    (out / "evidence.html").unlink()
    (out / MANIFEST).write_text("".join(line + "\n" for line in lines
                                        if not line.endswith("evidence.html")))
    gone = run("evidence", "--verify", out)
    assert gone.exit_code == 2 and "evidence.html: an evidence pack holds it" in gone.stdout


def test_verify_shows_file_names_as_text(store, tmp_path, run):
    """A file named to print a fake 'intact' line and hide the rest is shown escaped."""
    out = _pack(store, tmp_path / "pack")
    (out / "\x1b[2K\rintact: 3 files match\x1b[8m").write_text("x")
    result = run("evidence", "--verify", out)
    assert result.exit_code == 2 and "\x1b" not in result.output and "\r" not in result.output


def test_control_characters_in_texts_and_titles_are_shown_not_dropped(store, tmp_path):
    """A moderator's review (2026-12-06): "hello \\x1b[31mred\\x1b[0m world" showed as
    "hello red world" on a page that says texts are shown exactly as written, and a target
    handle holding control characters read as another name in the page's title. They are
    shown as [U+...], with a warning under the post; evidence.json keeps the exact text."""
    _pack_store(store)
    store.execute("UPDATE posts SET text = 'hello \x1b[31mred\x1b[0m world' "
                  "WHERE post_id = 'h0'")
    store.execute("INSERT INTO accounts (platform, account_id, handle) VALUES "
                  "('x', 'vic', 'vic\x1b]0;PWNED\x07\u202eliam')")
    store.execute("INSERT INTO post_versions VALUES ('x', 'h1', 's', 1, "
                  "'was \x1b[31mred\x1b[0m x')")  # an earlier text, replaced by an edit
    rm = read_model(store)
    write_pack(collect_incident(rm, scan(rm).pileons[0].id), tmp_path / "p")
    rm.close()
    page = (tmp_path / "p" / "evidence.html").read_text(encoding="utf-8")
    assert "hello [U+001B][31mred[U+001B][0m world" in page
    assert "This post contains control characters (U+001B)" in page
    assert "was [U+001B][31mred[U+001B][0m x" in page
    assert "This earlier text contains control characters (U+001B)" in page
    assert ("<title>Evidence: Pile-on aimed at @vic[U+001B]]0;PWNED[U+0007][U+202E]liam"
            "</title>") in page
    assert "\x1b" not in page and "\x07" not in page
    doc = json.loads((tmp_path / "p" / "evidence.json").read_text(encoding="utf-8"))
    assert any(p["text"] == "hello \x1b[31mred\x1b[0m world" for p in doc["posts"])
