"""A Jetstream capture shows others' replies only for the time it ran: beside a repository
of months of posts (the real ``paul_staging`` CAR in ../shared/fixtures), posts it did not
run past are not counted as unanswered (before, a capture of two weeks made every older
post of the repository "no answer"). The capture is written by hand in Jetstream's v1
shape (``kindscope/ingest/jetstream.py``; ``golden_v1.jsonl`` in the fixtures)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kindscope.ingest import import_sources
from kindscope.metrics.replies import void_rate
from kindscope.store.db import Store
from kindscope.store.read import read_model

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"
CAR = FIXTURES / "bluesky" / "car" / "paul_staging.repo.car"
ME = "did:plc:cmpvykrzb2l22kj4ojlv3ox4"
OTHER, STRANGER = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "did:plc:bbbbbbbbbbbbbbbbbbbbbbbb"
START = datetime(2023, 4, 10, tzinfo=UTC)


def _event(did: str, rkey: str, at: datetime, text: str, parent: str | None = None,
           created: datetime | None = None) -> str:
    """A post created at ``at`` (its createdAt ``created`` when its client says otherwise:
    archive importers backdate)."""
    stamp = (created or at).isoformat().replace("+00:00", "Z")
    record = {"$type": "app.bsky.feed.post", "createdAt": stamp, "langs": ["en"],
              "text": text}
    if parent:
        ref = {"cid": "bafyreiainko5un5pbcdosvxpbisjnjzemojnry6nsgtdftdgslbu37kxai",
               "uri": parent}
        record["reply"] = {"parent": ref, "root": ref}
    return json.dumps({"did": did, "time_us": int(at.timestamp() * 1e6), "kind": "commit",
                       "commit": {"rev": rkey, "operation": "create",
                                  "collection": "app.bsky.feed.post", "rkey": rkey,
                                  "record": record, "cid": "bafyrei" + rkey}})


def _uri(did: str, rkey: str) -> str:
    return f"at://{did}/app.bsky.feed.post/{rkey}"


def _capture(path: Path, days: int, backdated: bool = False) -> None:
    """``days`` of a capture: a stranger's post at its start and end, my post on its first
    day with a reply from someone else two hours later, my post two days before its end;
    with ``backdated``, also a stranger's post whose createdAt says 2015 and one that says
    2030 (its client's clock)."""
    end = START + timedelta(days=days)
    lines = [_event(STRANGER, "3kaaaaaaaaa2a", START, "good morning"),
             _event(ME, "3kaaaaaaaab2a", START + timedelta(hours=12), "how is everyone?"),
             _event(OTHER, "3kaaaaaaaac2a", START + timedelta(hours=14), "doing well, you?",
                    _uri(ME, "3kaaaaaaaab2a")),
             _event(ME, "3kaaaaaaaad2a", end - timedelta(days=2), "long week"),
             _event(STRANGER, "3kaaaaaaaae2a", end, "good night")]
    if backdated:
        lines.insert(1, _event(STRANGER, "3kaaaaaaaaf2a", START + timedelta(hours=1),
                               "from my old archive", created=datetime(2015, 1, 1, tzinfo=UTC)))
        lines.insert(2, _event(STRANGER, "3kaaaaaaaag2a", START + timedelta(hours=2),
                               "my clock is wrong", created=datetime(2030, 1, 1, tzinfo=UTC)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def store(tmp_path):
    if not CAR.exists():
        pytest.skip("../shared fixtures not present")
    store = Store(tmp_path / "k.duckdb")
    yield store
    store.close()


def _groups(store: Store) -> dict:
    rm = read_model(store, ME)
    try:
        rate = void_rate(rm)
    finally:
        rm.close()
    assert rate.availability.available
    return {g.group: g for g in rate.groups}


def test_only_posts_a_capture_ran_past_are_judged(store, tmp_path):
    import_sources(store, [str(CAR)])
    _capture(tmp_path / "capture.jsonl", days=15)
    import_sources(store, [str(tmp_path / "capture.jsonl")])
    other = _groups(store)["other"]  # nothing scored: every post of mine is in "other"
    mine = store.scalar("SELECT count(*) FROM posts WHERE author_id = ? AND kind = 'post'",
                        [ME])
    assert other.posts > 50 and mine > other.posts  # the repository's months of posts
    # 7 days: only my post on the capture's first day; the one two days before its end
    # is too young, and the repository's posts lie before the capture began
    assert (other.eligible_7d, other.unanswered_7d) == (1, 0)
    # 24 hours: both posts of mine in the capture
    assert (other.eligible_24h, other.unanswered_24h) == (2, 1)


def test_another_source_of_replies_keeps_the_end_of_the_data(store, tmp_path):
    """A generic import that holds a reply from someone else to a post of mine (not a
    capture): the rule for every import but a capture, the end of the data, holds as
    before."""
    import_sources(store, [str(CAR)])
    _capture(tmp_path / "capture.jsonl", days=15)
    import_sources(store, [str(tmp_path / "capture.jsonl")])
    first = store.scalar("SELECT min(post_id) FROM posts WHERE author_id = ? AND kind = "
                         "'post' AND reply_to_post_id IS NULL", [ME])
    generic = tmp_path / "more.jsonl"
    generic.write_text(json.dumps({"type": "meta", "platform": "bluesky", "owner": ME})
                       + "\n" + json.dumps({"type": "post", "id": "g1", "author": OTHER,
                                             "text": "hello", "reply_to": first,
                                             "created_at": "2023-04-12T00:00:00Z"}) + "\n",
                       encoding="utf-8")
    import_sources(store, [str(generic)])
    other = _groups(store)["other"]
    assert other.eligible_7d == other.posts - 1  # all but the post two days before the end


def test_the_report_says_which_posts_no_capture_ran_past(store, tmp_path):
    """The page and report.json say why the repository's posts are in neither column, with
    the command that fetches their replies, instead of calling them "newer posts"."""
    from kindscope.report import build_report, render_html

    import_sources(store, [str(CAR)])
    _capture(tmp_path / "capture.jsonl", days=15)
    import_sources(store, [str(tmp_path / "capture.jsonl")])
    report = build_report(store)
    void = report["void_rate"]
    other = next(g for g in void["groups"] if g["group"] == "other")
    assert other["not_captured_7d"] == other["posts"] - 2  # all but the two in the capture
    assert other["not_captured_24h"] == other["posts"] - 2
    assert "come only from Jetstream captures" in void["not_captured"]
    # into the database the report read (by its name: the report is a file people share)
    assert "`kindscope analyze bluesky:HANDLE --db k.duckdb` fetches them" in void["not_captured"]
    # not scored: any reply counts, so it is "a reply", not "an answer" (abuse left out)
    assert report["summary"]["sentence"] == ("1 of your 1 post that a capture of replies ran "
                                             "a week past got a reply from someone within "
                                             "a week.")
    page = " ".join(render_html(report).split())
    assert "come only from Jetstream captures" in page
    # only the post two days before the capture's end is too new for the 7-day column
    assert "1 newer post is not in the 7-day column." in page


def test_a_backdated_post_in_a_capture_does_not_widen_it(store, tmp_path):
    """A capture runs from its first event to its last by the events' own times: a post
    whose client dates it 2015 (archive importers do) or 2030 does not move the span (a
    code review, 2026-12-06: one such post brought back 88 of 89 posts "unanswered")."""
    import_sources(store, [str(CAR)])
    _capture(tmp_path / "capture.jsonl", days=15, backdated=True)
    import_sources(store, [str(tmp_path / "capture.jsonl")])
    other = _groups(store)["other"]
    assert (other.eligible_7d, other.unanswered_7d) == (1, 0)
    taken = store.scalar("SELECT taken_at FROM snapshots WHERE format = 'jetstream'")
    assert taken == START + timedelta(days=15)  # the capture's last event: its "now"


def test_someone_elses_import_does_not_restore_the_whole_span(store, tmp_path):
    """An import that carries others' replies but is another account's (a friend's fetch)
    cannot show who answered me, so it does not make my older posts judgeable."""
    import_sources(store, [str(CAR)])
    _capture(tmp_path / "capture.jsonl", days=15)
    import_sources(store, [str(tmp_path / "capture.jsonl")])
    friend = tmp_path / "friend.jsonl"
    friend.write_text(json.dumps({"type": "meta", "platform": "bluesky", "owner": OTHER})
                      + "\n" + json.dumps({"type": "post", "id": "f1", "author": OTHER,
                                             "text": "my post",
                                             "created_at": "2023-04-11T00:00:00Z"})
                      + "\n" + json.dumps({"type": "post", "id": "f2", "author": STRANGER,
                                             "text": "reply", "reply_to": "f1",
                                             "created_at": "2023-04-11T01:00:00Z"}) + "\n",
                      encoding="utf-8")
    import_sources(store, [str(friend)])
    other = _groups(store)["other"]
    assert (other.eligible_7d, other.unanswered_7d) == (1, 0)


def test_a_capture_imported_before_spans_were_kept_is_spanned_by_its_posts(store, tmp_path):
    import_sources(store, [str(CAR)])
    _capture(tmp_path / "capture.jsonl", days=15)
    import_sources(store, [str(tmp_path / "capture.jsonl")])
    store.execute("DELETE FROM capture_spans")  # as a capture imported before schema 6
    other = _groups(store)["other"]
    assert (other.eligible_7d, other.unanswered_7d) == (1, 0)


def test_engagement_is_read_only_where_a_capture_ran(store, tmp_path):
    """Likes and replies a capture saw say nothing of the repository's older posts: the
    kindness gap and after-disclosure read only posts a capture holds, where captures are
    the only source (before, every older post counted as engagement 0)."""
    from kindscope.metrics import kindness_gap

    import_sources(store, [str(CAR)])
    _capture(tmp_path / "capture.jsonl", days=15)
    import_sources(store, [str(tmp_path / "capture.jsonl")])
    rm = read_model(store, ME)
    try:
        held = rm.scalar("SELECT count(*) FROM {p}_engagement")
        mine = rm.scalar("SELECT count(*) FROM {p}_mine")
        gap = kindness_gap(rm)
    finally:
        rm.close()
    assert (held, mine) == (2, 90)  # the two posts of mine the capture holds
    assert gap.distress_posts + gap.upbeat_posts <= 2
