"""What the report claims to have checked equals what the data carries, on every
importer's real fixture in ../shared/fixtures (and the Bluesky AppView importer on
responses written by hand in the documented lexicon shape, as in tests/ingest).

Scores are written by hand (0.1 for every signal and post) so that "not scored" never
hides availability; the model is not what is tested here.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from kindscope.ingest import bluesky_api, import_sources
from kindscope.report.build import build_report
from kindscope.store.db import Store

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"

#: fixture -> (source, --me or None, expected availability per question)
#: questions: replies (void rate, time to reply, kindness and toxicity received, pile-ons,
#: trawlers, unanswered repliers), follow_back, unfollows, bots, waves, engagement.
CASES = {
    "x-archive-full": ("x-archive-full", None, dict(
        replies=False, follow_back=True, unfollows=False, bots=False, waves=False,
        engagement=True)),
    "x-archive-mini": ("x-archive-mini", None, dict(
        replies=False, follow_back=True, unfollows=False, bots=False, waves=False,
        engagement=True)),
    "mastodon-archive": ("mastodon-archive-full", None, dict(
        replies=False, follow_back=False, unfollows=False, bots=False, waves=False,
        engagement=False)),
    "mastodon-csv": ("mastodon/csv_exports", None, dict(
        replies=False, follow_back=False, unfollows=False, bots=False, waves=False,
        engagement=False)),
    "bluesky-car": ("bluesky/car/repo.car", None, dict(
        replies=False, follow_back=False, unfollows=False, bots=False, waves=False,
        engagement=False)),
    "jetstream": ("bluesky/jetstream/golden_v1.jsonl", "did:plc:q235v55g5unth4zjjdpacfdr",
                  dict(replies=True, follow_back=False, unfollows=False, bots=False,
                       waves=False, engagement=True)),
}

REPLY_PIECES = ("void_rate", "time_to_reply", "kindness_received", "toxicity_received")


def _imported(run, db: Path, *sources: Path) -> Path:
    """``db`` with each of ``sources`` imported in turn (the test is skipped where a fixture
    is missing)."""
    if not all(source.exists() for source in sources):
        pytest.skip("fixture missing")
    for source in sources:
        assert run("import", source, "--db", db).exit_code == 0
    return db


def _score_everything(store: Store) -> None:
    """Hand-written scores for every post, under the installed model version."""
    from kindscope.signals import MODEL_VERSION, SIGNALS

    for signal in SIGNALS:
        store.execute("INSERT INTO signal_scores SELECT platform, post_id, ?, 0.1, ? FROM posts "
                      "ON CONFLICT DO NOTHING", [signal, MODEL_VERSION])


def _claims(report: dict) -> dict[str, bool]:
    """What the report says it could check, per question."""
    safety, network = report["safety"], report["network"]
    replies = {report[k]["available"] for k in REPLY_PIECES}
    replies |= {safety[k]["available"] for k in ("pileons", "trawlers")}
    if network["available"]:
        replies.add(network["unanswered_repliers"]["available"])
    assert len(replies) == 1, f"reply questions disagree: {replies}"

    def piece(name):
        return bool(network["available"] and network[name]["available"])

    return dict(replies=replies.pop(), follow_back=piece("reciprocity"),
                unfollows=piece("unfollow_audit"),
                bots=safety["bot_followers"]["available"],
                waves=safety["follow_waves"]["available"],
                engagement=report["kindness_gap"]["available"])


def _never_zero_where_unavailable(report: dict) -> None:
    """A piece the data cannot show carries no count: never "0 found"."""
    for key in ("pileons", "trawlers"):
        piece = report["safety"][key]
        if not piece["available"]:
            assert piece["count"] is None and "does not hold" in piece["reason"]
    recip = report["network"].get("reciprocity") if report["network"]["available"] else None
    if recip and not recip["available"]:
        assert recip.get("followers") is None and recip.get("follow_back_share") is None


def _cli_claims(run, db, me) -> dict[str, bool]:
    """What `kindscope safety` and `kindscope network` say they could check."""
    extra = ["--me", me] if me else []
    safety = run("safety", "--db", db, *extra)
    network = run("network", "--db", db, *extra)
    assert safety.exit_code == 0 and network.exit_code == 0
    scan = json.loads(run("safety", "--db", db, "--json", *extra).stdout)
    looked = "pile-ons: not available" not in safety.output
    # what the data cannot show is null in the JSON, not an empty list ("none found")
    assert (not looked) == (scan["pileons_reason"] is not None)
    # not looked for, or nothing scored to look at: null; bursts go with pile-ons
    assert (scan["pileons"] is None) == (not looked or not scan["scored"])
    assert (scan["bursts"] is None) == (scan["pileons"] is None)
    return {"pileons": looked,
            "follow_back": "follow-back not available" not in network.output
            and "do not follow back" in network.output}


@pytest.mark.parametrize("case", sorted(CASES))
def test_report_and_cli_claims_match_what_the_fixture_carries(case, tmp_path, run):
    source, me, expected = CASES[case]
    path = FIXTURES / source
    if not path.exists():
        pytest.skip(f"{path} missing")
    store = Store(tmp_path / "k.duckdb")
    try:
        import_sources(store, [str(path)])
        _score_everything(store)
        report = build_report(store, me=me)
    finally:
        store.close()
    assert _cli_claims(run, tmp_path / "k.duckdb", me) == {
        "pileons": expected["replies"], "follow_back": expected["follow_back"]}
    assert _claims(report) == expected
    _never_zero_where_unavailable(report)
    missing = {c["question"] for c in report["data"]["cannot_show"]}
    assert ("replies" in missing) == (not expected["replies"])
    assert report["data"]["only_own_posts"] == (not expected["replies"])


def test_a_capture_of_other_people_does_not_show_replies_to_me(tmp_path, run):
    """A Jetstream capture of strangers (no post of mine) added to my repository: it still
    cannot show who answered me, so the report says so rather than "0 of your posts got an
    answer" (a user's-eye review, 2026-12-06)."""
    car = FIXTURES / "bluesky/car/repo.car"
    capture = FIXTURES / "bluesky/jetstream/golden_v1.jsonl"
    if not (car.exists() and capture.exists()):
        pytest.skip("fixtures missing")
    store = Store(tmp_path / "k.duckdb")
    try:
        import_sources(store, [str(car)])
        import_sources(store, [str(capture)])
        owner = store.scalar("SELECT owner_id FROM snapshots WHERE format = 'bluesky-car'")
        assert not store.scalar(
            "SELECT count(*) FROM post_sources ps JOIN snapshots s USING (snapshot_id) "
            "JOIN posts p ON p.platform = ps.platform AND p.post_id = ps.post_id "
            "WHERE s.format = 'jetstream' AND p.author_id = ?", [owner])
        _score_everything(store)
        report = build_report(store)
    finally:
        store.close()
    assert _claims(report)["replies"] is False
    # nor how much response my posts got: the likes it saw were between strangers
    assert _claims(report)["engagement"] is False
    assert report["kindness_gap"]["available"] is False
    # nor communities around me: its follows join strangers, none tied to me
    communities = report["network"].get("communities") or {}
    assert not communities.get("available"), communities
    _never_zero_where_unavailable(report)
    assert _cli_claims(run, tmp_path / "k.duckdb", None)["pileons"] is False


def test_bluesky_appview_import_claims_match(tmp_path, monkeypatch):
    """The online importer, on responses written by hand (tests/ingest/test_bluesky_api.py):
    others' replies, followers, follows and profiles, but no follow times."""
    from ingest.test_bluesky_api import hand_written_account

    fetch = hand_written_account()
    monkeypatch.setattr(bluesky_api, "HttpFetcher", lambda where=None: fetch)
    store = Store(tmp_path / "k.duckdb")
    try:
        import_sources(store, ["bluesky:me.bsky.social"])
        _score_everything(store)
        report = build_report(store)
    finally:
        store.close()
    assert _claims(report) == dict(replies=True, follow_back=True, unfollows=False,
                                   bots=True, waves=False, engagement=True)
    assert report["network"]["reciprocity"]["followers"] == 2


@pytest.mark.parametrize("platform, says", [
    ("generic", "import your follows again later, as a new file"),
    ("bluesky", "run `kindscope analyze bluesky:HANDLE` again later"),
    ("x", "import a later archive too"),
])
def test_unfollows_say_a_second_snapshot_is_needed(platform, says):
    """Unfollows need two looks at the follow lists: "add them to the file you import" (what
    the other questions say) cannot get them."""
    from kindscope.store.availability import DataCarries

    carries = DataCarries(platform, frozenset({"followers", "following"}), ("an import",), 1)
    reason = carries.availability("unfollows").reason
    assert says in reason and "add them" not in reason
    assert carries.availability("follow_waves").reason.endswith(
        {"generic": "add them to the JSONL or CSV you import, see docs/generic-format.md",
         "bluesky": "`kindscope analyze bluesky:HANDLE` fetches them",
         "x": "kindscope has no online source for this platform"}[platform])


@pytest.mark.parametrize("case", ["x-archive-full", "bluesky-car", "mastodon-archive",
                                  "mastodon-csv"])
def test_care_and_inbox_say_they_cannot_look_where_the_data_holds_no_one_elses_posts(
        case, tmp_path, run):
    """An archive or a repository holds only the owner's posts: "No painful post from your
    circle ... is waiting" and "0 replies and mentions ... have no answer" were claims the
    data cannot make (a user's-eye review on these fixtures, 2026-12-06). Both commands say
    once that they cannot look, and how to get what they need; --json says available false."""
    source, me, _ = CASES[case]
    path = FIXTURES / source
    db = _imported(run, tmp_path / "k.duckdb", path)
    extra = ["--me", me] if me else []
    for command, what in (("care", "painful posts from your circle"),
                          ("inbox", "replies and mentions to you")):
        text = run(command, "--db", db, *extra)
        assert text.exit_code == 0, text.output
        assert text.stdout.startswith(f"kindscope cannot look for {what}: "), text.stdout
        assert "waiting" not in text.stdout.split(":", 1)[0]
        assert "no answer from you yet" not in text.stdout
        data = json.loads(run(command, "--db", db, "--json", *extra).stdout)
        assert data["available"] is False and data["items"] == [] and data["note"]
    platform = "mastodon" if case.startswith("mastodon") else case.split("-")[0]
    care = run("care", "--db", db, *extra).stdout
    if platform in ("bluesky", "mastodon"):  # the command that gets the circle, for its platform
        assert f"kindscope import {platform}:" in care and "--following" in care
    else:
        assert "no online source for X" in care


def test_care_counts_from_the_end_of_a_repository_not_from_its_import(tmp_path, run):
    """An old Bluesky repository without a `rev` does not say when it was taken: care and
    inbox counted "now" from the day it was imported, years after its last post (a docs
    review, 2026-12-06). "Now" is the end of its data, its newest post."""
    path = FIXTURES / "bluesky/car/paul_staging.repo.car"
    db = _imported(run, tmp_path / "k.duckdb", path)
    with Store(db) as store:
        assert store.scalar("SELECT count(taken_at) FROM snapshots") == 0
        newest = store.scalar("SELECT max(created_at) FROM posts")
    for command in ("care", "inbox"):
        data = json.loads(run(command, "--db", db, "--json").stdout)
        assert datetime.fromisoformat(data["now"]) == newest, (data["now"], newest)
        assert data["now_from"] == "data"


def test_an_export_that_names_no_owner_offers_a_command_that_works(tmp_path):
    """A Mastodon CSV export names no account ("self") and holds no posts: the report was
    "for @self", said it holds your own posts, and offered `kindscope analyze mastodon:self`,
    which fails (a user's-eye review, 2026-12-06)."""
    from kindscope.report import render_html

    path = FIXTURES / "mastodon/csv_exports"
    if not path.exists():
        pytest.skip("fixture missing")
    store = Store(tmp_path / "k.duckdb")
    try:
        import_sources(store, [str(path)])
        report = build_report(store)
    finally:
        store.close()
    page = " ".join(render_html(report).split())
    assert "@self" not in page and "mastodon:self" not in page
    assert "kindscope report for your account" in page
    assert "kindscope analyze mastodon:@USER@INSTANCE" in page
    assert "it holds none of your posts and no one else's replies" in page
    assert report["own_moments"]["reason"] == "no posts of yours in the data"  # not "score"


def test_the_terminal_names_the_fetch_command_with_the_owners_handle(tmp_path, run):
    """The page gave `kindscope analyze mastodon:@user@host` with the owner's address, the
    terminal the placeholder (a user's-eye review on the real export, 2026-12-06)."""
    path = FIXTURES / "mastodon-archive-full"
    if not path.exists():
        pytest.skip("fixture missing")
    db, out = tmp_path / "k.duckdb", tmp_path / "r"
    assert run("import", path, "--db", db).exit_code == 0
    result = run("report", "--db", db, "--out", out)
    assert result.exit_code == 0, result.output
    page = (out / "report.html").read_text(encoding="utf-8")
    line = next(x for x in result.stdout.splitlines() if x.startswith("this data cannot show"))
    assert "@USER@INSTANCE" not in line
    command = line.split("`")[1]
    # the terminal's with the database's path, the page's with its name
    assert command.startswith("kindscope analyze mastodon:@") and command.endswith(f" --db {db}")
    assert command.replace(str(db), db.name) in page


def test_network_names_the_owner_by_handle(tmp_path, run):
    """`kindscope network` printed "x 112769581: follows 295 ..." of a real X archive whose
    owner's handle it holds (a user's-eye review, 2026-12-06)."""
    path = FIXTURES / "x-archive-full"
    db = _imported(run, tmp_path / "k.duckdb", path)
    with Store(db) as store:
        owner, handle = store.rows("SELECT s.owner_id, a.handle FROM snapshots s JOIN accounts a "
                                   "ON a.platform = s.platform AND a.account_id = s.owner_id")[0]
    text = run("network", "--db", db).stdout
    assert f"x @{handle.lstrip('@')} ({owner}): follows " in text


def test_an_ego_network_lists_no_communities_in_any_output(tmp_path, run):
    """On an X archive, community.json said `communities_found: 1` and `network --json`
    listed one community of all 650 accounts beside "cannot show communities" (a
    researcher's review, 2026-12-06): no output gives a figure the data cannot make."""
    path = FIXTURES / "x-archive-full"
    db = _imported(run, tmp_path / "k.duckdb", path)
    net = json.loads(run("network", "--db", db, "--json").stdout)
    assert net["ego_network"] and net["modularity"] is None
    assert (net["communities"], net["membership"], net["bridges"]) == ([], {}, [])
    assert net["isolated"] == []  # nor what is measured against one community of all
    assert all(o["follow_spread"] is None and o["interaction_spread"] is None
               for o in net["owners"])
    assert "does not hold other people's replies" in net["replies_not_held"]
    out = tmp_path / "c"
    assert run("community", "--db", db, "--out", out).exit_code == 0
    view = json.loads((out / "community.json").read_text(encoding="utf-8"))
    x = next(p for p in view["platforms"] if p["platform"] == "x")
    assert x["communities_found"] is None and x["communities"] == []


def test_network_norms_give_no_answer_rate_where_replies_are_not_held(tmp_path, run,
                                                                      monkeypatch):
    """`distress_answered` 0.0 on data that holds no one's replies read as "no painful post
    was ever answered" (a researcher's review, 2026-12-06): null, with the reason."""
    from kindscope.commands.report import demo_path
    from kindscope.graph.analysis import analyse_network, owner_read_model
    from kindscope.store.availability import Availability
    from kindscope.store.read import ReadModel

    db = tmp_path / "d.duckdb"
    assert run("analyze", demo_path(), "--db", db, "--out", tmp_path / "r").exit_code == 0
    with Store(db) as store:
        rm = owner_read_model(store)
        held = analyse_network(store, rm)
        assert held.replies_not_held is None
        assert any(c.distress_answered is not None for c in held.communities)
        real = ReadModel.available
        monkeypatch.setattr(ReadModel, "available", lambda self, what: (
            Availability(False, "no replies here") if what == "replies" else real(self, what)))
        gone = analyse_network(store, rm)
        rm.close()
    assert gone.replies_not_held == "no replies here"
    assert len(gone.communities) == len(held.communities)
    assert all(c.distress_answered is None and c.median_minutes_to_first_reply is None
               for c in gone.communities)


def test_care_counts_from_a_later_import_that_says_no_time(tmp_path, run):
    """A later file without `taken_at` was ignored for an older import's time: "counted from
    the end of your data (2024-01-01)" left out a reply of May (a code review, 2026-12-06)."""
    first = tmp_path / "a.jsonl"
    first.write_text("\n".join(json.dumps(x) for x in [
        {"type": "meta", "owner": "me", "taken_at": "2024-01-01T00:00:00Z"},
        {"id": "m1", "author": "me", "text": "hello", "created_at": "2023-12-30T10:00:00Z"},
        {"type": "follow", "follower": "me", "followee": "ana"}]) + "\n", encoding="utf-8")
    later = tmp_path / "b.jsonl"
    later.write_text(json.dumps({"id": "r1", "author": "ana", "text": "how are you?",
                                 "reply_to": "m1", "created_at": "2024-05-20T10:00:00Z"})
                     + "\n", encoding="utf-8")
    db = tmp_path / "k.duckdb"
    for source in (first, later):
        assert run("import", source, "--db", db).exit_code == 0
    data = json.loads(run("inbox", "--db", db, "--days", "365", "--json").stdout)
    assert data["now"].startswith("2024-05-20T10:00:00")
    assert [i["post_id"] for i in data["items"]] == ["r1"]


def test_every_output_names_the_fetch_command_with_the_owners_handle(tmp_path, run):
    """The page and `report` named the owner's handle in the command; report.json, `care`,
    `safety` and `network` still gave `@USER@INSTANCE` (a user's-eye review on the real
    export, 2026-12-06)."""
    path = FIXTURES / "mastodon-archive-full"
    if not path.exists():
        pytest.skip("fixture missing")
    db, out = tmp_path / "k.duckdb", tmp_path / "r"
    assert run("import", path, "--db", db).exit_code == 0
    assert run("report", "--db", db, "--out", out).exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    handle = report["source"]["me"]["handle"]
    assert handle.count("@") == 2
    # into the database the report read, by its name (the report is a file people share)
    assert report["data"]["fetch_command"] == f"kindscope analyze mastodon:{handle} --db k.duckdb"
    for command in ("care", "safety", "network", "inbox"):
        text = run(command, "--db", db).stdout
        assert "@USER@INSTANCE" not in text and f"mastodon:{handle}" in text, command
        # the terminal's commands add to the database it read, by its path
        assert f"mastodon:{handle} --db {db}" in text, command


def test_one_sided_ties_give_no_reciprocity_and_no_silent_people(tmp_path, run):
    """An export holds only the owner's replies and follows: `network` printed
    "reciprocity 0.000", report.json "global": 0.0, and `network --json` listed twenty people
    as never replying to the owner (a user's-eye review, 2026-12-06)."""
    for name in ("mastodon-archive-full", "bluesky/car/repo.car"):
        path = FIXTURES / name
        if not path.exists():
            pytest.skip("fixture missing")
        db, out = tmp_path / f"{path.name}.duckdb", tmp_path / path.name
        assert run("import", path, "--db", db).exit_code == 0
        text = run("network", "--db", db).stdout
        assert "0% of them returned" not in text, name
        assert "whether they are returned cannot be told from this data" in text, name
        data = json.loads(run("network", "--db", db, "--json").stdout)
        assert data["reciprocity"] is None, name
        assert data["owners"] and all(not o["reciprocity"]["unreturned_replies"]
                                      for o in data["owners"]), name
        assert run("report", "--db", db, "--out", out).exit_code == 0
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert report["network"]["reciprocity"]["global"] is None, name


@pytest.mark.parametrize(("platform", "handle", "command"), [
    ("mastodon", "@me@example.social", "kindscope analyze mastodon:@me@example.social"),
    ("mastodon", "me@example.social", "kindscope analyze mastodon:@me@example.social"),
    ("mastodon", "me", "kindscope analyze mastodon:@USER@INSTANCE"),  # no server: no guess
    ("bluesky", "me.bsky.social", "kindscope analyze bluesky:me.bsky.social"),
    ("bluesky", "@me.bsky.social", "kindscope analyze bluesky:me.bsky.social"),
    ("bluesky", "did:plc:abc", "kindscope analyze bluesky:HANDLE"),  # an id, not a handle
    ("bluesky", "me.bsky.social; rm -rf ~", "kindscope analyze bluesky:HANDLE"),
    ("bluesky", None, "kindscope analyze bluesky:HANDLE"),
    ("x", "me", None),
])
def test_the_fetch_command_takes_only_a_plain_handle(platform, handle, command):
    from kindscope.store.availability import fetch_command

    assert fetch_command(platform, handle) == command


def test_a_short_capture_says_how_long_it_ran_wherever_a_window_is_claimed(tmp_path, run):
    """A capture that ran 1.6 seconds: the inbox said "0 replies and mentions to you in the
    last 14 days have no answer" and safety "no pile-ons ... found", with nothing saying the
    data held two seconds of other people's posts (a user's-eye review, 2026-12-06)."""
    source, me, _ = CASES["jetstream"]
    path = FIXTURES / source
    if not path.exists():
        pytest.skip("fixture missing")
    db, out = tmp_path / "j.duckdb", tmp_path / "r"
    assert run("import", path, "--db", db).exit_code == 0
    said = "come only from a Jetstream capture, which ran for 1.6 seconds, from "
    for command in ("inbox", "safety"):
        text = " ".join(run(command, "--db", db, "--me", me).stdout.split())
        assert said in text and "nothing sent to you outside that time can be seen" in text
    assert run("report", "--db", db, "--me", me, "--out", out).exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert any(said in note for note in report["safety"]["notes"])
    assert said in " ".join((out / "report.html").read_text(encoding="utf-8").split())
    # the moderators' view too (it said "none of N can be judged yet" and nothing of how
    # long the capture ran, nor when its data began)
    text = " ".join(run("community", "--engine", "duckdb", "--db", db, "--out",
                        tmp_path / "c").stdout.split())
    assert said in text and "no reply to anyone outside that time can be seen" in text
    assert "1 import: jetstream" in text
    (view,) = json.loads((tmp_path / "c" / "community.json").read_text())["platforms"]
    assert said in view["capture"]
    assert view["since"] <= view["until"] and view["snapshots"][0]["format"] == "jetstream"


def test_replies_held_to_the_end_of_the_data_need_no_such_words(tmp_path, run):
    """A generic file that holds others' replies covers the whole time: no capture note."""
    path = tmp_path / "g.jsonl"
    lines = [{"type": "meta", "platform": "generic", "owner": "me",
              "taken_at": "2024-06-01T00:00:00Z"},
             {"id": "m1", "author": "me", "text": "hello", "created_at": "2024-05-30T10:00:00Z"},
             {"id": "r1", "author": "you", "text": "hi!", "reply_to": "m1",
              "reply_to_author": "me", "created_at": "2024-05-30T11:00:00Z"}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    db = tmp_path / "g.duckdb"
    assert run("import", path, "--db", db).exit_code == 0
    for command in ("inbox", "safety"):
        assert "Jetstream" not in run(command, "--db", db).stdout


def test_durations_read_as_people_say_them():
    from datetime import timedelta

    from kindscope.care.cover import duration_words

    assert [duration_words(timedelta(seconds=s)) for s in (1.56, 1, 90, 3600, 86400 * 14.2)] \
        == ["1.6 seconds", "1 second", "1.5 minutes", "1 hour", "14.2 days"]


def test_a_database_of_two_accounts_says_whose_output_it_is(tmp_path, run):
    """An X archive and a Mastodon export in one database: report, care, inbox and safety
    described the newest import's owner without saying so (a user's-eye review, 2026-12-06).
    Each says whose it is, and the --me that reads the other's; with --me, nothing."""
    x, mastodon = FIXTURES / "x-archive-full", FIXTURES / "mastodon-archive-full"
    db = _imported(run, tmp_path / "mix.duckdb", x, mastodon)
    with Store(db) as store:
        handle = store.scalar("SELECT a.handle FROM snapshots s JOIN accounts a ON "
                              "a.platform = s.platform AND a.account_id = s.owner_id "
                              "WHERE s.platform = 'x'")
    other = f"--me @{handle.lstrip('@')} (x)"
    for args in (("report", "--out", tmp_path / "r"), ("care",), ("inbox",), ("safety",)):
        result = run(*args, "--db", db)
        assert result.exit_code == 0, result.output
        said = " ".join(result.stderr.split())
        assert "this data holds the imports of 2 accounts; this is for @" in said, args
        assert "on mastodon, the owner of the newest import" in said and other in said, args
    chosen = run("safety", "--db", db, "--me", f"@{handle.lstrip('@')}")
    assert chosen.exit_code == 0 and "holds the imports of" not in chosen.stderr


@pytest.mark.parametrize("platform", ["generic", "forum", "anwar"])
def test_any_platform_a_generic_file_names_gets_the_generic_remedy(platform):
    """A meta line naming its own platform ("forum") got "kindscope has no online source
    for this platform" and "import a later archive too" (a researcher's review,
    2026-12-06): it came in the generic format, and more comes the same way."""
    from kindscope.store.availability import remedy

    assert "docs/generic-format.md" in remedy(platform)
    assert "as a new file" in remedy(platform, "unfollows")
    assert remedy("x") == "kindscope has no online source for this platform"


def test_network_of_many_peoples_data_says_why_its_norms_are_null(tmp_path, run):
    """Every community's norms were null on data no import names an owner of, with
    `replies_not_held` null too, and the time to a first answer counted abuse as an answer
    (a researcher's review, 2026-12-06)."""
    source, _, _ = CASES["jetstream"]
    path = FIXTURES / source
    db = _imported(run, tmp_path / "j.duckdb", path)
    data = json.loads(run("network", "--db", db, "--json").stdout)
    assert "no import names an owner" in data["replies_not_held"]
    assert f"`kindscope community --db {db}` gives them" in data["replies_not_held"]
    assert all(c["median_minutes_to_first_reply"] is None for c in data["communities"])


def test_network_json_says_what_its_norms_were_read_under(tmp_path, run):
    """`network --json` gave each community's toxicity rate with no model version and no
    end of the data (a researcher's review, 2026-12-06)."""
    db = tmp_path / "d.duckdb"
    assert run("analyze", "--demo", "--db", db, "--out", tmp_path / "r").exit_code == 0
    data = json.loads(run("network", "--db", db, "--json").stdout)
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert data["model_version"] == report["source"]["model_version"]
    assert data["until"] and data["until"].startswith("20")


def test_safety_reads_the_same_owner_as_the_report(tmp_path, run):
    """An X archive, then a Mastodon CSV (which names no owner, "self"): `safety` scanned
    "self" while `report` read the X owner (a code review, 2026-12-06). One rule picks "me"
    for every command."""
    x, csv = FIXTURES / "x-archive-full", FIXTURES / "mastodon/csv_exports/following_accounts.csv"
    db = _imported(run, tmp_path / "k.duckdb", x, csv)
    scanned = json.loads(run("safety", "--db", db, "--json").stdout)
    assert scanned["owner"] is True
    text = run("safety", "--db", db).stdout
    assert "this data (x-archive)" in text and "mastodon-csv" not in text


def test_a_members_report_reads_the_follows_of_a_file_that_names_no_owner(tmp_path, run):
    """A moderator's review (2026-12-06): a community export with everyone's follows, read
    for one member (--me ana), said "this data cannot show: who follows you back ... (add
    them to the JSONL or CSV you import)" of follows the file held."""
    lines = [{"id": "a1", "author": "ana", "text": "hello all",
              "created_at": "2024-03-01T10:00:00Z"},
             {"id": "b1", "author": "bo", "text": "welcome!", "reply_to": "a1",
              "created_at": "2024-03-01T11:00:00Z"},
             {"type": "follow", "follower": "ana", "followee": "bo"},
             {"type": "follow", "follower": "bo", "followee": "ana"},
             {"type": "follow", "follower": "cy", "followee": "ana"}]
    path = tmp_path / "community.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db, out = tmp_path / "c.duckdb", tmp_path / "r"
    assert run("import", path, "--db", db).exit_code == 0
    result = run("report", "--db", db, "--me", "ana", "--out", out)
    assert result.exit_code == 0, result.output
    assert "who follows you back" not in result.stdout
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    back = report["network"]["reciprocity"]
    assert back["available"] and back["follows"] == 1 and back["followers"] == 2


def test_a_file_that_names_no_owner_carries_no_follows_of_those_it_holds_none_of(tmp_path,
                                                                                  run):
    """A code review (2026-12-06): after ownerless files carried their follows, one community
    file's follows between x and y made an owner whose own file holds none "followed by 0",
    no longer "cannot show who follows you back"."""
    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"type": "meta", "owner": "me",
                                "taken_at": "2024-03-02T00:00:00Z"}) + "\n"
                    + json.dumps({"id": "m1", "author": "me", "text": "hi",
                                  "created_at": "2024-03-01T00:00:00Z"}) + "\n",
                    encoding="utf-8")
    club = tmp_path / "club.jsonl"
    club.write_text(json.dumps({"type": "follow", "follower": "x", "followee": "y"}) + "\n"
                    + json.dumps({"type": "follow", "follower": "y", "followee": "x"}) + "\n",
                    encoding="utf-8")
    db, out = tmp_path / "k.duckdb", tmp_path / "r"
    for source in (mine, club):
        assert run("import", source, "--db", db).exit_code == 0
    result = run("report", "--db", db, "--me", "me", "--out", out)
    assert result.exit_code == 0, result.output
    assert "who follows you back" in result.stdout
