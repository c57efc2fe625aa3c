"""Mastodon account export: the real export in ../shared/fixtures/mastodon-archive-full
(counted here by reading its JSON independently), the synthetic one, packed forms, bad
input, and HTML-to-text."""

from __future__ import annotations

import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from kindscope.ingest import detect_format
from kindscope.ingest.base import ImportOptions
from kindscope.ingest.html_text import html_to_text
from kindscope.ingest.mastodon_archive import read
from kindscope.model import Account, Post, Snapshot
from kindscope.store.db import Store

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"
FULL = FIXTURES / "mastodon-archive-full"
SYNTHETIC = FIXTURES / "mastodon" / "archive_synthetic"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
needs_fixtures = pytest.mark.skipif(not FULL.exists(), reason="../shared/fixtures missing")


def expected_counts(folder: Path) -> dict:
    """Public (to or cc has #Public) Create/Announce activities, read with plain json."""
    items = json.loads((folder / "outbox.json").read_text())["orderedItems"]
    public = [a for a in items if PUBLIC in a.get("to", []) + a.get("cc", [])]
    creates = [a for a in public if a["type"] == "Create"]
    return {
        "posts": len(creates),
        "reposts": sum(a["type"] == "Announce" for a in public),
        "replies": sum(bool(a["object"].get("inReplyTo")) for a in creates),
        "reactions": len(json.loads((folder / "likes.json").read_text())["orderedItems"]),
        "bookmarks": len(json.loads((folder / "bookmarks.json").read_text())["orderedItems"]),
        "inreplyto": {a["object"]["id"]: a["object"]["inReplyTo"] for a in creates
                      if a["object"].get("inReplyTo")},
    }


@needs_fixtures
def test_real_export_imports_every_public_activity(run, stats_of, tmp_path):
    want = expected_counts(FULL)
    assert want["posts"] + want["reposts"] == 1511  # the fixture's SOURCE.md
    db = tmp_path / "k.duckdb"
    result = run("import", FULL, "--db", db)
    assert result.exit_code == 0, result.output
    assert "mastodon-archive" in result.output
    stats = stats_of(db)
    for key in ("posts", "reposts", "replies", "reactions", "bookmarks"):
        assert stats[key] == want[key], key
    # the summary counts as stats do, the replies among the posts
    assert f" {want['posts']} posts ({want['replies']} of them replies)," in result.stdout
    for key in ("reposts", "reactions", "bookmarks"):
        assert f" {want[key]} {key}," in result.stdout, key
    assert stats["by_platform"]["mastodon"]["posts"] == want["posts"]
    with Store(db) as store:
        links = dict(store.rows("SELECT post_id, reply_to_post_id FROM posts "
                                "WHERE reply_to_post_id IS NOT NULL"))
        owner = store.rows("SELECT owner_id FROM snapshots")[0][0]
        handle = store.rows("SELECT handle FROM accounts WHERE account_id = ?", [owner])[0][0]
    assert links == want["inreplyto"]
    assert owner == "https://indieweb.social/users/dealingwith"
    assert handle == "@dealingwith@indieweb.social"
    again = run("import", FULL, "--db", db)
    assert again.exit_code == 0 and "already imported" in again.output
    assert stats_of(db) == stats


@needs_fixtures
@pytest.mark.parametrize("packing", ["zip", "gztar"])
def test_zip_and_tar_gz_forms_import_the_same(run, stats_of, tmp_path, packing):
    packed = shutil.make_archive(str(tmp_path / "export"), packing, root_dir=FULL)
    assert detect_format(packed) == "mastodon-archive"
    db = tmp_path / "k.duckdb"
    assert run("import", packed, "--db", db).exit_code == 0
    want = expected_counts(FULL)
    stats = stats_of(db)
    assert (stats["posts"], stats["reposts"], stats["replies"]) == (
        want["posts"], want["reposts"], want["replies"])


@needs_fixtures
def test_synthetic_export_fields():
    records = list(read(str(SYNTHETIC), ImportOptions()))
    # the snapshot comes last: its time is the newest activity's, known once the streamed
    # outbox has been read through
    snapshot = records[-1]
    assert isinstance(snapshot, Snapshot)
    assert not any(isinstance(r, Snapshot) for r in records[:-1])
    assert snapshot.owner_id == "https://example.social/users/alice"
    posts = {p.post_id.rsplit("/", 1)[-1]: p for p in records if isinstance(p, Post)}
    first = posts["109300000000000001"]
    assert first.text == "Welcome, newcomers! Ask anything #introductions"
    assert first.hashtags == ("introductions",) and first.visibility == "public"
    reply = posts["109300000000000002"]
    assert reply.text.startswith("CW: cw: venting\n\n@bob that was unkind")
    assert reply.reply_to_post_id == "https://other.example/users/bob/statuses/555"
    assert reply.reply_to_account_id == "https://other.example/users/bob"
    assert reply.mentions == ("https://other.example/users/bob",)
    boost = posts["activity"]
    assert boost.kind == "repost"
    assert boost.repost_of_post_id == "https://other.example/users/carol/statuses/777"
    bob = [a for a in records if isinstance(a, Account)
           and a.account_id == "https://other.example/users/bob"]
    assert bob[0].handle == "@bob@other.example"


def _outbox_with_visibilities(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    me = "https://ex.social/users/me"

    def create(n, to, cc):
        note = {"id": f"{me}/statuses/{n}", "type": "Note", "content": f"<p>n{n}</p>",
                "published": "2024-01-01T00:00:00Z", "to": to, "cc": cc}
        return {"id": f"{note['id']}/activity", "type": "Create", "actor": me,
                "to": to, "cc": cc, "object": note}

    items = [create(1, [PUBLIC], []), create(2, [f"{me}/followers"], [PUBLIC]),
             create(3, [f"{me}/followers"], []), create(4, ["https://o.x/users/b"], [])]
    (folder / "outbox.json").write_text(json.dumps(
        {"type": "OrderedCollection", "orderedItems": items}))
    return folder


def test_visibility_and_direct_messages_only_when_asked(tmp_path):
    folder = _outbox_with_visibilities(tmp_path)
    posts = [r for r in read(str(folder), ImportOptions()) if isinstance(r, Post)]
    assert [p.visibility for p in posts] == ["public", "unlisted", "followers"]
    with_dms = [r for r in read(str(folder), ImportOptions(include_dms=True))
                if isinstance(r, Post)]
    assert [(p.visibility, p.kind) for p in with_dms][-1] == ("direct", "dm")


@needs_fixtures
def test_truncated_outbox_is_one_line_error_and_db_unchanged(run, stats_of, tmp_path):
    db = tmp_path / "k.duckdb"
    assert run("import", SYNTHETIC, "--db", db).exit_code == 0
    before = stats_of(db)
    broken = tmp_path / "broken"
    shutil.copytree(FULL, broken)
    data = (broken / "outbox.json").read_bytes()
    (broken / "outbox.json").write_bytes(data[: len(data) // 2])
    result = run("import", broken, "--db", db)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kindscope: error: ")
    assert "outbox.json" in lines[0] and "truncated: JSON ends early at line" in lines[0]
    assert stats_of(db) == before


@needs_fixtures
def test_control_character_in_outbox_says_where(run, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(SYNTHETIC, broken)
    (broken / "outbox.json").write_text('{"orderedItems": ["a\tb"]}')
    result = run("import", broken, "--db", tmp_path / "k.duckdb")
    assert result.exit_code == 2
    assert "malformed JSON at line 1 (column 21: Invalid control character)" in result.stderr


@needs_fixtures
def test_non_utf8_actor_is_one_line_error(run, stats_of, tmp_path):
    db = tmp_path / "k.duckdb"
    assert run("import", SYNTHETIC, "--db", db).exit_code == 0
    before = stats_of(db)
    broken = tmp_path / "latin1"
    shutil.copytree(SYNTHETIC, broken)
    actor = (broken / "actor.json").read_text().replace("Alice", "Alic\u00e9")
    (broken / "actor.json").write_bytes(actor.encode("latin-1"))
    result = run("import", broken, "--db", db)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "\n" not in line and "actor.json" in line and "not UTF-8" in line
    assert stats_of(db) == before


def test_detect_never_raises(tmp_path):
    from kindscope.ingest import mastodon_archive

    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"\x1f\x8b not really gzip")
    bad_zip = tmp_path / "x.zip"
    with zipfile.ZipFile(bad_zip, "w") as archive:
        archive.writestr("something.txt", "hi")
    tar = tmp_path / "ok.tar.gz"
    with tarfile.open(tar, "w:gz") as archive:
        archive.add(_outbox_with_visibilities(tmp_path) / "outbox.json", "outbox.json")
    assert not mastodon_archive.detect(str(junk))
    assert not mastodon_archive.detect(str(bad_zip))
    assert not mastodon_archive.detect(str(tmp_path / "missing"))
    assert not mastodon_archive.detect("mastodon:@a@b.c")
    assert mastodon_archive.detect(str(tar))


@pytest.mark.parametrize("html, text", [
    ("<p>I&#39;m &quot;fine&quot; &amp; ok</p>", 'I\'m "fine" & ok'),
    ("<p>line one<br>line two<br/>three</p><p>next</p>", "line one\nline two\nthree\n\nnext"),
    ('<p>see <a href="https://ex.com/a" rel="nofollow"><span class="invisible">https://'
     '</span><span class="ellipsis">ex.com/a</span><span class="invisible">bc</span></a></p>',
     "see https://ex.com/abc"),
    ("<p>a<script>alert('x')</script>b</p><style>p{}</style>", "ab"),
    ("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<script>alert(1)</script>"),
    ("plain &gt; text\n  with   spaces", "plain > text with spaces"),
    ("<p>unclosed <b>tag", "unclosed tag"),
    ("", ""),
])
def test_html_to_text(html, text):
    """Raw <script>/<style> content is dropped; an escaped one is the author's text and
    stays as inert plain text (kindscope never renders post text as HTML)."""
    assert html_to_text(html) == text


def _export_with_times(tmp_path: Path, note_time, activity_time, boost_time="2024-01-03T00:00:00Z"
                       ) -> Path:
    """One post (its Note and its Create given these ``published`` times) and one boost."""
    folder = _outbox_with_visibilities(tmp_path)
    outbox = json.loads((folder / "outbox.json").read_text())
    create, boost = outbox["orderedItems"][0], dict(outbox["orderedItems"][0])
    create["object"]["published"], create["published"] = note_time, activity_time
    boost.update(id="https://ex.social/users/me/statuses/9/activity", type="Announce",
                 object="https://o.x/users/b/statuses/1", published=boost_time)
    outbox["orderedItems"] = [create, boost]
    (folder / "outbox.json").write_text(json.dumps(outbox))
    return folder


def test_unreadable_note_time_falls_back_to_the_activity_time(tmp_path):
    folder = _export_with_times(tmp_path, "yesterday", "2024-01-02T03:04:05Z")
    post = next(r for r in read(str(folder), ImportOptions()) if isinstance(r, Post))
    assert post.created_at.isoformat() == "2024-01-02T03:04:05+00:00"


@needs_fixtures
@pytest.mark.parametrize(("note_time", "activity_time", "boost_time"), [
    ("yesterday", "soon", "2024-01-03T00:00:00Z"), ("yesterday", None, "2024-01-03T00:00:00Z"),
    ("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "yesterday"),
], ids=["post-both-unreadable", "post-only-unreadable", "boost"])
def test_unreadable_time_is_a_bad_record(run, stats_of, tmp_path, note_time, activity_time,
                                         boost_time):
    folder = _export_with_times(tmp_path, note_time, activity_time, boost_time)
    db = tmp_path / "k.duckdb"
    assert run("import", SYNTHETIC, "--db", db).exit_code == 0
    before = stats_of(db)
    result = run("import", folder, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kindscope: error: {folder}/outbox.json: orderedItems[")
    assert "unreadable time 'yesterday'" in result.stderr and result.stderr.count("\n") == 1
    assert stats_of(db) == before
    result = run("import", folder, "--db", db, "--skip-bad-records")
    assert result.exit_code == 0, result.output
    assert "skipped 1 bad record:" in result.stderr
    assert stats_of(db)["posts"] + stats_of(db)["reposts"] == before["posts"] + before[
        "reposts"] + 1


# -- outbox.json is streamed ---------------------------------------------------------------
def _big_outbox(tmp_path: Path, n: int, cut: int = 0) -> Path:
    """An export of ``n`` public posts in one line (as Mastodon writes it), less ``cut``
    bytes at the end."""
    folder = tmp_path / "big"
    folder.mkdir()
    me = "https://ex.social/users/me"
    items = [{"id": f"{me}/statuses/{i}/activity", "type": "Create", "actor": me,
              "published": f"2024-01-{1 + i % 28:02d}T00:00:00Z", "to": [PUBLIC],
              "object": {"id": f"{me}/statuses/{i}", "type": "Note", "to": [PUBLIC],
                         "content": f"<p>post {i} " + "words " * 40 + "</p>"}}
             for i in range(n)]
    data = json.dumps({"type": "OrderedCollection", "totalItems": n, "orderedItems": items,
                       "id": f"{me}/outbox"}).encode()
    (folder / "outbox.json").write_bytes(data[:len(data) - cut])
    return folder


def test_outbox_is_streamed_never_read_whole(tmp_path, monkeypatch):
    """A 1 GB outbox.json must not become one bytes object, one string and one list."""
    from kindscope.ingest import json_stream
    from kindscope.ingest.archive import ArchiveReader, MemberStream

    folder = _big_outbox(tmp_path, 600)
    size = (folder / "outbox.json").stat().st_size
    monkeypatch.setattr(json_stream, "CHUNK", 1 << 14)  # the size the importer reads by
    whole = ArchiveReader.read_bytes
    monkeypatch.setattr(ArchiveReader, "read_bytes", lambda self, name: (
        pytest.fail(f"{name} read whole") if name.endswith("outbox.json") else whole(self, name)))
    sizes = []
    read_chunk = MemberStream.read
    monkeypatch.setattr(MemberStream, "read", lambda self, n=1 << 22: (
        sizes.append(n), read_chunk(self, n))[1])
    records = list(read(str(folder), ImportOptions()))
    assert sum(isinstance(r, Post) for r in records) == 600
    assert size > 16 * (1 << 14) and max(sizes) <= 1 << 14
    assert records[-1].taken_at.isoformat() == "2024-01-28T00:00:00+00:00"


@pytest.mark.parametrize("cut", [1, 3], ids=["last-brace", "inside-the-id"])
def test_outbox_cut_after_its_last_post_leaves_the_database_as_it_was(run, stats_of, tmp_path,
                                                                       cut):
    """Every post has been handed to the store when the end turns out to be missing."""
    db = tmp_path / "k.duckdb"
    assert run("import", _outbox_with_visibilities(tmp_path), "--db", db).exit_code == 0
    before = stats_of(db)
    result = run("import", _big_outbox(tmp_path, 300, cut), "--db", db)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "truncated: JSON ends early" in result.stderr
    assert stats_of(db) == before


def test_an_activity_whose_time_is_not_text_is_one_bad_record(run, stats_of, tmp_path):
    folder = _export_with_times(tmp_path, "2024-01-01T00:00:00Z", 20240101)
    db = tmp_path / "k.duckdb"
    result = run("import", folder, "--db", db)
    assert result.exit_code == 2
    assert "outbox.json: orderedItems[0]: a time holds" in result.stderr
    result = run("import", folder, "--db", db, "--skip-bad-records")
    assert result.exit_code == 0, result.output
    assert "skipped 1 bad record:" in result.stderr
    assert (stats_of(db)["posts"], stats_of(db)["reposts"]) == (0, 1)


def test_without_actor_json_the_owner_is_the_first_activity_actor(tmp_path):
    folder = _outbox_with_visibilities(tmp_path)
    outbox = json.loads((folder / "outbox.json").read_text())
    outbox["orderedItems"].insert(0, {"type": "Like", "object": "x"})  # no actor
    (folder / "outbox.json").write_text(json.dumps(outbox))
    records = list(read(str(folder), ImportOptions()))
    assert records[-1].owner_id == "https://ex.social/users/me"
    # followers-only is read against the owner's followers even for the activities before
    posts = [r for r in records if isinstance(r, Post)]
    assert [p.visibility for p in posts] == ["public", "unlisted", "followers"]
