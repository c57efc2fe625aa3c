"""kindscope community: the moderators' view, with no one named."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner

from kindscope.cli import cli
from kindscope.commands.report import demo_path
from kindscope.store import aggregates
from kindscope.store import community as cm
from kindscope.store.db import Store
from kindscope.store.read import read_model
from kindscope.store.read_sql import SIGNAL_COLUMNS
from kindscope.store.scoring import pending_posts, write_scores


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """The demo with deterministic stand-in scores (a hash of post and signal)."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    invoke("import", demo_path(), "--db", db)
    with Store(db) as store:
        todo = pending_posts(store, "test-1").to_pylist()
        cols = {"platform": [], "post_id": [], "signal": [], "score": [], "model_version": []}
        for p in todo:
            for s in SIGNAL_COLUMNS:
                digest = hashlib.sha256(f"{p['post_id']}/{s}".encode()).hexdigest()
                for key, value in zip(cols, (p["platform"], p["post_id"], s,
                                             int(digest[:8], 16) / 2**32, "test-1"), strict=True):
                    cols[key].append(value)
        n = len(todo)
        write_scores(store, pa.table(cols), pa.table({
            "platform": [p["platform"] for p in todo], "post_id": [p["post_id"] for p in todo],
            "model_version": ["test-1"] * n, "lang": ["en"] * n, "is_read": [True] * n}))
    return db


def _names(db: Path) -> set[str]:
    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT account_id, handle FROM accounts UNION ALL "
                          "SELECT author_id, NULL FROM posts")
    return {v.lstrip("@") for row in rows for v in row if v}


def test_community_json_on_the_demo_names_no_one(demo_db, tmp_path):
    out = tmp_path / "c"
    result = invoke("community", "--engine", "duckdb", "--db", demo_db, "--out", out)
    assert "generic:" in result.output and "communities shown" in result.output
    assert "of them read as hateful but not toxic)" in result.output  # counted apart
    # each figure says what it is of (the report's own kindness gap is the owner's alone)
    assert "kindness gap (everyone's painful posts' mean engagement" in result.output
    assert "members with at most one follower inside their community" in result.output
    text = (out / "community.json").read_text()
    report = json.loads(text)
    assert set(report) == {"schema_version", "kind", "source", "platforms"}
    (view,) = report["platforms"]
    assert {"platform", "overall", "communities", "rest", "most_targeted", "graph",
            "model_version", "thresholds", "window_days", "until"} <= set(view)
    overall = view["overall"]
    assert set(overall) == {"members", "painful", "upbeat", "kindness_gap", "reciprocity",
                            "isolated_members", "pileons", "pileons_read_first",
                            "network_bursts"}
    assert overall["painful"]["eligible"] > 0 and 0 <= overall["painful"]["void_rate"] <= 1
    assert view["communities"] and all(c["members"] >= 5 for c in view["communities"])
    assert sum(c["members"] for c in view["communities"]) + view["rest"]["members"] \
        == overall["members"]
    assert set(view["most_targeted"][0]) == {"rank", "aimed_posts", "toxic_or_hateful",
                                             "hateful_not_toxic", "death_wish_words"}
    assert all(0 <= t["hateful_not_toxic"] <= t["toxic_or_hateful"]
               for t in view["most_targeted"])
    for name in _names(demo_db):  # no handle and no account id anywhere in the file
        assert name.lower() not in text.lower(), name


def test_a_community_has_the_same_number_here_as_in_network_json(demo_db, tmp_path):
    """community.json, ``kindscope network --json`` (and so report.json, which
    tests/graph/test_one_seed.py ties to it) number each community from 1, largest first."""
    invoke("community", "--engine", "duckdb", "--db", demo_db, "--out", tmp_path)
    (view,) = json.loads((tmp_path / "community.json").read_text())["platforms"]
    network = json.loads(invoke("network", "--db", demo_db, "--json").stdout)
    sizes = {c["community"]: c["size"] for c in network["communities"]}
    assert min(sizes) == 1
    assert view["communities"]
    assert {c["community"]: c["members"] for c in view["communities"]} == \
        {n: size for n, size in sizes.items() if size >= 5}


def test_same_view_from_the_dataset(demo_db, tmp_path):
    invoke("export", "--db", demo_db, "--out", tmp_path / "ds")
    views = []
    for flag, value in (("--db", demo_db), ("--data", tmp_path / "ds")):
        invoke("community", flag, value, "--out", tmp_path / flag.strip("-"))
        views.append(json.loads((tmp_path / flag.strip("-") / "community.json").read_text())
                     ["platforms"])
    assert views[0] == views[1]


def test_an_authors_void_is_the_read_models(demo_db):
    """The owner's void counts and engagement means, through the community definitions,
    are the read model's own."""
    with Store(demo_db, read_only=True) as store:
        rm = read_model(store)
        with cm.community_scope(store, rm.platform, {rm.me: 1}) as scope:
            own = aggregates.void_counts(rm, timedelta(days=7))
            assert cm.void_by_community(scope)[1] == {g: v[:3] for g, v in own.items()}
            assert own["distress"][3] > 0  # the demo's abuse-only answers are no answers here
            assert not any(v[4] for v in own.values())  # no capture: every old post judged
            means = cm.engagement_by_community(scope)[1]
        for label in ("distress", "upbeat"):
            values = aggregates.engagement_values(rm, label)
            assert means[label] == (len(values), pytest.approx(float(values.mean())))


def test_the_owners_counts_as_most_targeted_are_the_read_models(demo_db):
    """What the owner received, through the community definitions, is what the read model
    counts: posts aimed at them, read as toxic or hateful, of them hateful only (not death
    wishes), and posts read as neither whose words tell them to die."""
    with Store(demo_db, read_only=True) as store:
        rm = read_model(store)
        own = rm.rows("""SELECT count(*) FILTER (scored),
                                count(*) FILTER (is_toxic OR is_hateful),
                                count(*) FILTER (is_hateful AND NOT is_toxic
                                                 AND NOT is_death_wish),
                                count(*) FILTER (is_death_wish
                                                 AND NOT (is_toxic OR is_hateful))
                         FROM {p}_aimed_at_me""")[0]
        with cm.community_scope(store, rm.platform, {rm.me: 1}) as scope:
            rows = cm.most_targeted(scope, 50)
    assert own[1] > 0 and own[2] > 0  # the demo's harassers post both kinds
    assert tuple(own) in {(a, h, o, w) for _, a, h, o, w in rows}


def test_pileons_are_counted_by_their_targets_community(demo_db, tmp_path, monkeypatch):
    import kindscope.commands.community as command

    with Store(demo_db, read_only=True) as store:
        owner = read_model(store).me
    incident = type("Incident", (), {"target_id": owner, "read_first": False})
    defended = type("Incident", (), {"target_id": owner, "read_first": True})
    burst = type("Incident", (), {"target_id": owner, "read_first": False})
    monkeypatch.setattr(command, "find_bursts", lambda rm: ([incident, defended], [burst]))
    result = invoke("community", "--db", demo_db, "--out", tmp_path)
    (view,) = json.loads((tmp_path / "community.json").read_text())["platforms"]
    assert view["overall"]["pileons"] == 2
    # members turning on a member: counted apart, and said, not folded into pile-ons
    assert view["overall"]["network_bursts"] == 1
    assert ("and 1 burst of hostile replies from the target's own follow network (not "
            "counted as pile-ons)") in result.output
    assert sum(c["pileons"] for c in view["communities"]) in (0, 2)
    # one of them with at least half its posts read as hateful but not toxic: counted, said
    assert view["overall"]["pileons_read_first"] == 1
    assert ("2 pile-ons (1 of them with at least half their posts read as hateful but not "
            "toxic") in result.output


def test_every_post_reads_as_in_the_read_model(demo_db):
    """The community view reads posts under the read model's model version and thresholds
    (the same ``read`` rows, post for post), and builds no score pivot of its own."""
    columns = "post_id, scored, label, is_toxic, is_hateful, is_distress, is_upbeat"
    with Store(demo_db, read_only=True) as store:
        rm = read_model(store)
        own = rm.rows(f"SELECT {columns} FROM {{p}}_read ORDER BY post_id")
        with cm.community_scope(store, rm.platform, {rm.me: 1}) as scope:
            theirs = scope.rows(f"SELECT {columns} FROM {{p}}_read ORDER BY post_id")
        assert own == theirs and any(row[2] == "distress" for row in own)
        assert "signal_scores" not in Path(cm.__file__).read_text()
        # and both are the decision rule, worked out here from the plain scores table: distress
        # or crisis at its threshold reads as distress, else upbeat at its threshold, else
        # other; a post with no scores of the model version has no label
        t = rm.thresholds
        plain = dict(store.rows("""
            WITH s AS (SELECT post_id, max(score) FILTER (signal = 'distress') AS d,
                              max(score) FILTER (signal = 'crisis') AS c,
                              max(score) FILTER (signal = 'upbeat') AS u
                       FROM signal_scores WHERE model_version = ? GROUP BY post_id)
            SELECT p.post_id, CASE WHEN s.post_id IS NULL THEN NULL
                                   WHEN s.d >= ? OR s.c >= ? THEN 'distress'
                                   WHEN s.u >= ? THEN 'upbeat' ELSE 'other' END
            FROM posts p LEFT JOIN s USING (post_id) WHERE p.platform = ?""",
            [rm.model_version, t["distress"], t["crisis"], t["upbeat"], rm.platform]))
        labels = {row[0]: row[2] for row in theirs}
        assert labels == plain
        assert {"distress", "upbeat", "other"} <= set(labels.values())


def test_isolated_members_are_not_counted_without_a_follow_graph(tmp_path):
    """Communities from interactions (no follow lists) have no followers to count: the
    view says null and the command says n/a, not 0."""
    from kindscope.commands.community import _summary, community_view
    from kindscope.ingest import import_sources

    lines = [{"type": "meta", "owner": "me", "taken_at": "2024-06-01T00:00:00Z"},
             {"type": "account", "id": "me", "handle": "me"}]
    for group in "ab":
        people = [f"{group}{i}" for i in range(4)]
        lines += [{"id": f"{x}-{y}", "author": x, "text": "hello there", "reply_to_author": y,
                   "mentions": [y], "created_at": "2024-05-01T12:00:00Z"}
                  for x in people for y in people if x != y]
    path = tmp_path / "talk.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    store = Store(":memory:")
    import_sources(store, [str(path)])
    view = community_view(store, "generic", seed=13)
    assert view["graph"] != "follow"
    assert view["overall"]["isolated_members"] is None
    assert all(c["isolated_members"] is None for c in view["communities"])
    assert "n/a members with at most one follower" in _summary(view)
    # and says why, once
    assert "cannot show reciprocity and isolated members: this data (generic) does not hold " \
           "follow lists of the members" in _summary(view)


def test_without_follow_lists_no_burst_is_told_from_a_pileon_and_it_says_so(tmp_path):
    """A capture with no follow lists: `community` gave "20 pile-ons" with nothing said,
    though no burst from a target's own network can be told apart there (a researcher's
    review, 2026-12-06; `safety` says it of each incident)."""
    from kindscope.commands.community import _summary, community_view
    from kindscope.ingest import import_sources

    lines = []
    for group in "ab":
        people = [f"{group}{i}" for i in range(4)]
        lines += [{"id": f"root-{x}", "author": x, "text": "my day",
                   "created_at": "2024-05-01T10:00:00Z"} for x in people]
        lines += [{"id": f"{x}-{y}", "author": x, "text": "hello there", "reply_to": f"root-{y}",
                   "reply_to_author": y, "created_at": "2024-05-01T12:00:00Z"}
                  for x in people for y in people if x != y]
    path = tmp_path / "talk.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    store = Store(":memory:")
    import_sources(store, [str(path)])
    store.execute("INSERT INTO signal_scores SELECT platform, post_id, 'toxicity', 0.01, "
                  "'test' FROM posts")
    view = community_view(store, "generic", seed=13)
    assert view["graph"] != "follow"
    assert view["overall"]["pileons"] == 0 and view["overall"]["network_bursts"] is None
    assert "cannot show bursts from a target's own network: this data (generic) does not " \
           "hold follow lists, so a burst" in _summary(view)
    # painful posts the data's replies do not run a week past: said, not a bare "n/a"
    store.execute("INSERT INTO signal_scores SELECT platform, post_id, 'distress', 0.9, "
                  "'test' FROM posts WHERE post_id LIKE 'root-%'")
    view = community_view(store, "generic", seed=13)
    assert "painful posts none of 8 can be judged yet (the data's replies do not run 7 days " \
           "past them)" in _summary(view)


def test_figures_the_data_cannot_show_are_null_and_say_why(tmp_path):
    """One person's export with no one else's replies and only their own follow lists: the
    view never shows a rate, a count or a 0 it could not see (a Mastodon archive read
    'unanswered 100%' and a Bluesky repository 'reciprocity 0.00' before), and says why."""
    from kindscope.commands.community import _summary, community_view
    from kindscope.ingest import import_sources

    lines = [{"type": "meta", "owner": "me", "taken_at": "2024-06-01T00:00:00Z"},
             {"type": "account", "id": "me", "handle": "me"}]
    lines += [{"type": "follow", "follower": "me", "followee": f"f{i}"} for i in range(8)]
    lines += [{"type": "follow", "follower": f"f{i}", "followee": "me"} for i in range(4)]
    lines += [{"id": f"p{i}", "author": "me", "text": "a day", "created_at":
               f"2024-05-0{i + 1}T12:00:00Z"} for i in range(5)]
    path = tmp_path / "mine.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    store = Store(":memory:")
    import_sources(store, [str(path)])
    view = community_view(store, "generic", seed=13)
    assert {"unanswered", "pileons", "most_targeted", "follow_ties"} <= set(view["cannot_show"])
    overall = view["overall"]
    assert overall["painful"]["void_rate"] is None and overall["painful"]["unanswered"] is None
    assert overall["pileons"] is None and view["most_targeted"] is None
    assert overall["network_bursts"] is None
    assert overall["reciprocity"] is None and overall["isolated_members"] is None
    said = _summary(view)
    assert "0 pile-ons" not in said and "most targeted account: n/a" in said
    assert "cannot show unanswered posts, pile-ons and network bursts, the most targeted " \
           "accounts: this data " \
           "(generic) does not hold other people's replies" in said
    assert "cannot show communities, reciprocity and isolated members" in said
    assert view["communities"] == []  # how one person's contacts split is no community
    assert "no community shown;" in said


def test_only_my_own_conversations_show_no_community(tmp_path):
    """An account export with no follows: the graph is my replies and mentions alone, so
    its "communities" are how my contacts split, as `network` says (a Mastodon archive
    showed one, where `network` said none could be found; user's-eye review)."""
    from kindscope.commands.community import _summary, community_view
    from kindscope.ingest import import_sources

    lines = [{"type": "meta", "owner": "me"}]
    lines += [{"id": f"p{i}", "author": "me", "text": "hi", "reply_to_author": f"f{i % 6}",
               "created_at": f"2024-05-0{i % 9 + 1}T12:00:00Z"} for i in range(18)]
    lines += [{"id": f"r{i}", "author": f"f{i}", "text": "hello", "reply_to": f"p{i}",
               "created_at": f"2024-05-0{i % 9 + 1}T13:00:00Z"} for i in range(6)]
    path = tmp_path / "mine.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    store = Store(":memory:")
    import_sources(store, [str(path)])
    view = community_view(store, "generic", seed=13)
    assert view["graph"] == "interaction" and view["communities"] == []
    assert "only the imports' owners' own conversations" in view["cannot_show"]["follow_ties"]
    assert "no community shown;" in _summary(view)


def test_an_unscored_database_says_so_instead_of_zeros(tmp_path):
    db = tmp_path / "unscored.duckdb"
    invoke("import", demo_path(), "--db", db)
    result = invoke("community", "--db", db, "--out", tmp_path / "c")
    assert "most targeted account: n/a" in result.output and "0 pile-ons" not in result.output
    # the command reads the same database: as given in the terminal, by its name in
    # community.json (a file moderators share: no absolute path)
    assert f"the posts are not scored yet: run `kindscope score --db {db}`" in result.output
    view = json.loads((tmp_path / "c/community.json").read_text())["platforms"][0]
    assert view["cannot_show"]["pileons"] == ("the posts are not scored yet: run "
                                              "`kindscope score --db unscored.duckdb`")
    assert view["most_targeted"] is None and view["overall"]["pileons"] is None
    # painful and upbeat are readings: with nothing read, no count of them either
    assert view["overall"]["painful"]["posts"] is None
    assert view["overall"]["kindness_gap"]["distress_posts"] is None
    # the demo's follows are many people's: those figures stand
    assert view["overall"]["reciprocity"] is not None and "follow_ties" not in view["cannot_show"]


def test_unscored_posts_are_said_where_they_change_what_is_counted(demo_db, tmp_path):
    """Three abusive replies imported and not scored made a member's painful posts read as
    answered, with no word of it, and `safety` warned only of posts aimed at the owner (a
    moderator's review, 2026-12-06): both say how many posts are not scored yet."""
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(demo_db, db)
    with Store(db, read_only=True) as store:
        target, parent = store.rows(
            "SELECT author_id, post_id FROM posts WHERE kind = 'post' AND author_id <> "
            "(SELECT owner_id FROM snapshots WHERE owner_id IS NOT NULL LIMIT 1) "
            "ORDER BY post_id LIMIT 1")[0]
    extra = tmp_path / "extra.jsonl"
    extra.write_text("".join(json.dumps({"id": f"x{i}", "author": f"new{i}", "reply_to": parent,
                                         "reply_to_author": target,
                                         "created_at": "2024-05-20T10:00:00Z",
                                         "text": "nobody cares, shut up"}) + "\n"
                             for i in range(3)))
    invoke("import", extra, "--db", db)
    result = invoke("community", "--engine", "duckdb", "--db", db, "--out", tmp_path / "c")
    assert ("note: 3 posts are not scored yet: until they are, a reply among them counts as "
            "an answer") in result.output  # the report's sentence (report.view.unscored_words)
    (view,) = json.loads((tmp_path / "c" / "community.json").read_text())["platforms"]
    assert view["unscored_posts"] == 3
    scan = json.loads(invoke("safety", "--db", db, "--json").stdout)
    assert scan["notes_elsewhere"] == ["3 other posts in this data are not scored yet, so no "
                                       "pile-on on anyone else among them can be seen: run "
                                       f"`kindscope score --db {db}`"]
    assert "3 other posts in this data are not scored yet" in invoke("safety", "--db",
                                                                     db).output


def test_a_member_outside_the_graph_is_counted_in_rest(demo_db, tmp_path):
    """A newcomer no one follows, with painful posts and no answers, was "rest: 0 members"
    beside rest's unanswered painful posts (a moderator's review, 2026-12-06)."""
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(demo_db, db)
    invoke("community", "--engine", "duckdb", "--db", db, "--out", tmp_path / "a")
    (before,) = json.loads((tmp_path / "a" / "community.json").read_text())["platforms"]
    extra = tmp_path / "newbie.jsonl"
    extra.write_text("".join(json.dumps({"id": f"n{i}", "author": "newbie", "text": "hello",
                                         "created_at": f"2024-05-0{i + 1}T10:00:00Z"}) + "\n"
                             for i in range(2)))
    invoke("import", extra, "--db", db)
    invoke("community", "--engine", "duckdb", "--db", db, "--out", tmp_path / "b")
    (after,) = json.loads((tmp_path / "b" / "community.json").read_text())["platforms"]
    assert after["rest"]["members"] == before["rest"]["members"] + 1
    assert after["overall"]["members"] == before["overall"]["members"] + 1
    assert sum(c["members"] for c in after["communities"]) + after["rest"]["members"] == \
        after["overall"]["members"]


def test_the_view_says_when_its_data_begins_and_ends_and_what_it_came_from(demo_db, tmp_path):
    """community.json gave the end of the data but not its start nor its imports (a
    researcher's review, 2026-12-06): a moderator comparing two views could not tell a week
    of data from a year. Imports by format and times only: a file's name or an online
    source ("bluesky:HANDLE") can name an account, and the view names no one."""
    out = tmp_path / "c"
    result = invoke("community", "--engine", "duckdb", "--db", demo_db, "--out", out)
    report = json.loads((out / "community.json").read_text())
    assert report["schema_version"] == 6
    (view,) = report["platforms"]
    with Store(demo_db, read_only=True) as store:
        first, fmt = store.rows(
            "SELECT (SELECT min(created_at) FROM posts WHERE platform = 'generic'), "
            "format FROM snapshots WHERE platform = 'generic'")[0]
    assert view["since"][:19] == first.isoformat()[:19] and view["since"] < view["until"]
    assert [set(s) for s in view["snapshots"]] == [{"format", "taken_at", "imported_at"}]
    assert view["snapshots"][0]["format"] == fmt
    assert view["capture"] is None  # the demo's replies are held to the end of its data
    assert (f"data: from {view['since'][:10]} (the oldest post) to {view['until'][:10]} (the "
            f"end of the data: the newest post or import); 1 import: {fmt}") in result.output


def test_the_view_names_no_import_source(tmp_path):
    """A review (2026-12-06): an import of "bluesky:vic.bsky.social" put the handle in
    community.json's snapshots."""
    db = tmp_path / "c.duckdb"
    invoke("import", demo_path(), "--db", db)
    with Store(db) as store:
        store.execute("UPDATE snapshots SET source = 'bluesky:vic.bsky.social'")
    out = tmp_path / "c"
    invoke("community", "--engine", "duckdb", "--db", db, "--out", out)
    assert "vic" not in (out / "community.json").read_text()


def test_most_targeted_counts_words_that_tell_someone_to_die_as_pileons_do():
    """amy got two replies that tell her to die read as neither toxic nor hateful (the
    writers' crisis, as the model reads "kill yourself then, nobody would miss you"), one
    read as hateful only, and one insult; bo got three insults. amy is the most targeted,
    and her hateful-only death wish is not taken for a denial of a stereotype: the stored
    rule, as the pile-ons and the inbox read it (before, bo came first, 3 against 2)."""
    from datetime import UTC, datetime

    from storedata import add_post, add_rule_readings, add_scores, add_snapshot

    store = Store(":memory:")
    add_snapshot(store, "s")
    t0 = datetime(2024, 3, 1, tzinfo=UTC)
    add_post(store, "a0", "amy", t0, "rough day")
    add_post(store, "b0", "bo", t0, "rough day")
    replies = [("amy", "kill yourself then, nobody would miss you", 0.4, 0.1),
               ("amy", "do us all a favour and die", 0.4, 0.1),
               ("amy", "go unalive yourself", 0.4, 0.6),
               ("amy", "you are pathetic", 0.9, 0.1),
               ("bo", "you are pathetic", 0.9, 0.1),
               ("bo", "what a clown", 0.9, 0.1),
               ("bo", "you are a joke", 0.9, 0.1)]
    rows = [(p, "distress", 0.9) for p in ("a0", "b0")]
    for i, (target, text, toxicity, hate) in enumerate(replies):
        add_post(store, f"r{i}", f"troll{i}", t0 + timedelta(minutes=i + 1), text,
                 reply_to=f"{target[0]}0", reply_to_account=target)
        rows += [(f"r{i}", "toxicity", toxicity), (f"r{i}", "hate", hate)]
    add_scores(store, rows)
    add_rule_readings(store)  # as `kindscope score` stores them beside the scores
    with cm.community_scope(store, "x", {"amy": 1, "bo": 1}) as scope:
        ranked = cm.most_targeted(scope, 10)
    # (rank, aimed, toxic or hateful, of them hateful only, death-wish words read as neither)
    assert ranked == [(1, 4, 2, 0, 2), (2, 3, 3, 0, 0)]
