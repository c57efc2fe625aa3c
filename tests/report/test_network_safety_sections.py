"""The report's "Your network" and "Safety" sections (report.json keys and report.html).

Stores are hand-built through the generic JSONL importer (docs/generic-format.md); signal
scores are inserted by hand with known values, so nothing here depends on the text model.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest
from storedata import add_scores, read_every_post

from kindscope.ingest import import_sources
from kindscope.report import build_report, render_html
from kindscope.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
EVIL = "<script>window.__pwned=1</script>"
EVIL_IMG = "<img src=x onerror=alert(1)>"


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def _clique(prefix: str, n: int) -> list[dict]:
    ids = [f"{prefix}{i}" for i in range(n)]
    return [{"type": "follow", "follower": a, "followee": b} for a in ids for b in ids if a != b]


def two_cliques() -> list[dict]:
    """The follows: two cliques of five (a0..a4, b0..b4) tied by a4 <-> b2; I follow a0..a3
    and b0, and a0, a1, b0 follow me back."""
    lines = _clique("a", 5) + _clique("b", 5)
    lines += [{"type": "follow", "follower": "me", "followee": x}
              for x in ("a0", "a1", "a2", "a3", "b0")]
    lines += [{"type": "follow", "follower": x, "followee": "me"} for x in ("a0", "a1", "b0")]
    return lines + [{"type": "follow", "follower": "a4", "followee": "b2"},
                    {"type": "follow", "follower": "b2", "followee": "a4"}]


def community_lines(hostile: bool = False) -> list[dict]:
    """Two cliques of five; I follow a0..a3 and b0, and a0, a1, b0 follow me back.
    b2's handle and my troll's handle carry markup; t1..t4 never follow anyone."""
    lines = [{"type": "meta", "owner": "me", "taken_at": "2024-06-01T00:00:00Z"},
             {"type": "account", "id": "me", "handle": "me"},
             {"type": "account", "id": "a2", "handle": EVIL},
             {"type": "account", "id": "b2", "handle": EVIL_IMG},
             {"type": "account", "id": "t0", "handle": EVIL}]
    lines += two_cliques()
    lines += [{"id": f"m{i}", "author": "me", "text": f"gardening note {i}",
               "created_at": f"2024-05-0{i + 1}T09:00:00Z"} for i in range(3)]
    lines += [{"id": f"ra{i}", "author": "a2", "text": "lovely", "reply_to": f"m{i}",
               "reply_to_author": "me", "created_at": f"2024-05-0{i + 1}T10:00:00Z"}
              for i in range(2)]
    if hostile:  # five hostile replies from five strangers within two hours
        lines += [{"id": f"h{i}", "author": f"t{i}", "text": f"{EVIL} you are awful",
                   "reply_to": "m2", "reply_to_author": "me",
                   "created_at": f"2024-05-03T1{i}:20:00Z"} for i in range(5)]
    return lines


def store_from(tmp_path: Path, *files: list[dict]) -> Store:
    store = Store(":memory:")
    paths = [str(_write(tmp_path / f"s{i}.jsonl", lines)) for i, lines in enumerate(files)]
    import_sources(store, paths)
    return store


def _score(store: Store, rows: list[tuple[str, str, float]]) -> None:
    add_scores(store, rows, platform="generic")


def test_network_section_on_a_community(tmp_path):
    store = store_from(tmp_path, community_lines())
    read_every_post(store)
    report = build_report(store)
    net = report["network"]
    assert net["available"] and net["graph"] == "follow" and not net["ego_network"]
    assert net["communities"]["available"] and net["communities"]["count"] >= 2
    around = net["communities"]["around_me"]
    assert [r["my_ties"] for r in around][:2] == [4, 1]  # a-clique first, then b-clique
    recip = net["reciprocity"]
    assert (recip["follows"], recip["followers"], recip["not_following_back"]) == (5, 3, 2)
    assert recip["follow_back_share"] == pytest.approx(3 / 5)
    # each account as {account_id, handle}: "a3" has no handle and is not passed off as one
    assert sorted(recip["not_following_back_sample"], key=lambda a: a["account_id"]) == [
        {"account_id": "a2", "handle": EVIL}, {"account_id": "a3", "handle": None}]
    assert net["unanswered_repliers"]["available"]
    assert net["unanswered_repliers"]["accounts"][0]["replies"] == 2
    assert net["diversity"]["available"]
    assert net["diversity"]["follows"]["largest_share"] == pytest.approx(0.8)
    assert "one community" in net["diversity"]["reading"]
    assert net["bridges"]["available"]
    assert not net["unfollow_audit"]["available"]
    assert "two imports" in net["unfollow_audit"]["reason"]


def test_ego_network_says_communities_are_not_available(tmp_path):
    lines = [{"type": "meta", "owner": "me"}]
    lines += [{"type": "follow", "follower": "me", "followee": f"f{i}"} for i in range(6)]
    lines += [{"type": "follow", "follower": f"f{i}", "followee": "me"} for i in range(3)]
    lines += [{"id": "p1", "author": "me", "text": "hello"}]
    report = build_report(store_from(tmp_path, lines))
    net = report["network"]
    assert net["ego_network"]
    for key in ("communities", "diversity", "bridges"):
        assert not net[key]["available"] and "ego network" in net[key]["reason"]
    assert net["reciprocity"]["follow_back_share"] == pytest.approx(0.5)
    assert not net["unanswered_repliers"]["available"]  # only my own posts
    page = render_html(report)
    assert "Communities around you" in page and "Not available for this source" in page
    assert "ego network" in page


def test_no_network_at_all(tmp_path):
    report = build_report(store_from(tmp_path, [{"type": "meta", "owner": "me"},
                                                {"id": "p1", "author": "me", "text": "hi"}]))
    assert not report["network"]["available"]
    assert "no follows" in report["network"]["reason"]
    safety = report["safety"]
    assert not safety["bot_followers"]["available"]
    assert not safety["follow_waves"]["available"]
    page = render_html(report)
    assert 'id="network"' in page and 'id="safety"' in page


def test_unfollow_audit_with_two_imports(tmp_path):
    old = community_lines()
    new = [x for x in community_lines() if x != {"type": "follow", "follower": "a1",
                                                  "followee": "me"}]
    new[0] = {**new[0], "taken_at": "2024-07-01T00:00:00Z"}
    report = build_report(store_from(tmp_path, old, new))
    audit = report["network"]["unfollow_audit"]
    assert audit["available"]
    assert (audit["unfollowed_me"], audit["new_followers"]) == (1, 0)
    assert audit["unfollowed_me_sample"] == [{"account_id": "a1", "handle": None}]
    assert "Who stopped following you" in render_html(report)


def test_pileon_found_and_command_shown(tmp_path):
    store = store_from(tmp_path, community_lines(hostile=True))
    _score(store, [(f"h{i}", "toxicity", 0.9) for i in range(5)])
    report = build_report(store)
    pileons = report["safety"]["pileons"]
    assert report["safety"]["hostility_checked"] and pileons["count"] == 1
    incident = pileons["incidents"][0]
    assert incident["accounts"] == 5 and incident["posts"] == 5
    assert incident["command"].startswith(f"kindscope evidence --incident {incident['id']}")
    page = render_html(report)
    assert escape(incident["command"]) in page
    incidents = page.split('id="safety"')[1].split("Bot-like")[0]
    assert "never blocks" in incidents  # says kindscope does not; never tells the user to
    assert "block" not in incidents.replace("never blocks", "").lower()


def _burst_report(tmp_path) -> dict:
    """Five hostile replies from five accounts I follow (a0..a3, b0) within hours."""
    lines = community_lines()
    lines += [{"id": f"h{i}", "author": who, "text": "you are awful", "reply_to": "m2",
               "reply_to_author": "me", "created_at": f"2024-05-03T1{i}:20:00Z"}
              for i, who in enumerate(("a0", "a1", "a2", "a3", "b0"))]
    store = store_from(tmp_path, lines)
    _score(store, [(f"h{i}", "toxicity", 0.9) for i in range(5)])
    return build_report(store)


def test_a_burst_from_my_own_network_is_listed_apart_not_as_a_pileon(tmp_path):
    """No pile-on, and not "nothing found" either: the burst is listed with its evidence
    command, and the pile-on sentence points at it."""
    report = _burst_report(tmp_path)
    safety = report["safety"]
    assert safety["pileons"]["count"] == 0
    bursts = safety["network_bursts"]
    assert bursts["available"] and bursts["count"] == 1
    burst = bursts["incidents"][0]
    assert burst["kind"] == "burst" and burst["accounts"] == 5 and burst["posts"] == 5
    assert "not counted as a pile-on" in burst["reason"]
    page = render_html(report)
    section = page.split('id="safety"')[1].split("History trawlers")[0]
    assert "Bursts not counted as pile-ons" in section
    assert escape(burst["command"]) in section
    assert "bursts with many of them are listed below." in section


def test_without_a_burst_the_pileon_sentence_points_at_nothing_below(tmp_path):
    store = store_from(tmp_path, community_lines())
    _score(store, [(f"m{i}", "toxicity", 0.1) for i in range(3)])
    report = build_report(store)
    assert report["safety"]["network_bursts"]["count"] == 0
    page = render_html(report)
    assert "Bursts not counted as pile-ons" not in page
    assert "counts them with the rest." in page


def test_unscored_posts_say_not_checked(tmp_path):
    report = build_report(store_from(tmp_path, community_lines(hostile=True)))
    pileons = report["safety"]["pileons"]
    assert not pileons["available"] and pileons["count"] is None
    assert "not been scored" in pileons["reason"]
    assert "Not checked" in render_html(report)


def test_bot_followers_and_follow_waves(tmp_path):
    lines = [{"type": "meta", "owner": "me", "taken_at": "2024-06-01T00:00:00Z"},
             {"type": "account", "id": "me", "handle": "me"}]
    for i in range(8):
        lines.append({"type": "account", "id": f"bot{i}", "handle": f"x{i}83920{i}7",
                      "created_at": "2024-05-30T00:00:00Z", "followers": 0,
                      "following": 4000, "posts": 9000})
        lines.append({"type": "follow", "follower": f"bot{i}", "followee": "me",
                      "created_at": f"2024-05-31T10:0{i}:00Z"})
    report = build_report(store_from(tmp_path, lines))
    bots = report["safety"]["bot_followers"]
    assert bots["available"] and bots["followers_scored"] == 8
    assert 0 <= bots["share"] <= 1 and bots["likely_bots"] == round(bots["share"] * 8)
    assert "--blocklist" in bots["blocklist_command"]
    waves = report["safety"]["follow_waves"]
    assert waves["available"] and waves["count"] == 1 and waves["waves"][0]["size"] == 8
    page = render_html(report)
    assert "kindscope never blocks anyone" in page and "--blocklist" in page


def test_hostile_handles_are_escaped_in_the_new_sections(tmp_path):
    store = store_from(tmp_path, community_lines(hostile=True))
    _score(store, [(f"h{i}", "toxicity", 0.9) for i in range(5)])
    page = render_html(build_report(store))
    tail = page.split('<h2 id="network">')[1]
    assert "<script" not in page and "<img" not in page
    assert escape("@" + EVIL) in tail  # a follow who does not follow back; a pile-on account
    assert escape(EVIL_IMG) in tail or escape("@" + EVIL_IMG) in tail  # a bridge


def test_report_with_new_sections_validates_against_the_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "report-schema.json").read_text())
    assert schema["properties"]["schema_version"]["const"] == "3.3.0"
    store = store_from(tmp_path, community_lines(hostile=True))
    _score(store, [(f"h{i}", "toxicity", 0.9) for i in range(5)])
    (tmp_path / "burst").mkdir()
    burst = _burst_report(tmp_path / "burst")
    assert burst["safety"]["network_bursts"]["count"] == 1
    for report in (build_report(store), burst,
                   build_report(store_from(tmp_path, [{"type": "meta", "owner": "me"},
                                                      {"id": "p", "author": "me"}]))):
        jsonschema.validate(report, schema)
        json.dumps(report, allow_nan=False)
    broken = build_report(store)
    broken["network"]["reciprocity"]["follow_back_share"] = 2.0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_bot_model_counts_only_on_x_elsewhere_the_plain_rules(tmp_path):
    """The bot model was trained on X accounts; other platforms count rule hits only."""
    def lines(platform):
        out = [{"type": "meta", "platform": platform, "owner": "me",
                "taken_at": "2024-06-01T00:00:00Z"}, {"type": "account", "id": "me"}]
        # a textbook follow-spam account and an ordinary, long-standing one
        out += [{"type": "account", "id": "spam", "handle": "spam83920417",
                 "created_at": "2024-05-30T00:00:00Z", "followers": 0, "following": 4000,
                 "posts": 2},
                {"type": "account", "id": "pat", "handle": "pat", "bio": "gardener",
                 "created_at": "2012-01-01T00:00:00Z", "followers": 300, "following": 280,
                 "posts": 5000}]
        out += [{"type": "follow", "follower": a, "followee": "me"} for a in ("spam", "pat")]
        return out

    (tmp_path / "b").mkdir()
    (tmp_path / "x").mkdir()
    elsewhere = build_report(store_from(tmp_path / "b", lines("bluesky")))
    bots = elsewhere["safety"]["bot_followers"]
    assert bots["basis"] == "rules" and bots["likely_bots"] == 1
    assert "trained on X" in render_html(elsewhere)
    on_x = build_report(store_from(tmp_path / "x", lines("x")))
    assert on_x["safety"]["bot_followers"]["basis"] == "model"


def test_account_ages_count_to_the_end_of_the_data_not_the_clock(tmp_path):
    """An import that says nothing of when it was taken aged every follower by the time
    since (the clock), each time the report was made again: a two-day-old account was years
    old by 2026 (a docs review, 2026-12-06). Ages count to the end of the data."""
    lines = [{"type": "meta", "platform": "bluesky", "owner": "me"},
             {"type": "account", "id": "me"},
             {"id": "p1", "author": "me", "text": "hello", "created_at": "2024-06-01T00:00:00Z"},
             # a bare new account following many: a rule only while it is new
             {"type": "account", "id": "new", "handle": "new83920417",
              "created_at": "2024-05-30T00:00:00Z", "followers": 1, "following": 900,
              "posts": 100},
             {"type": "follow", "follower": "new", "followee": "me"}]
    bots = build_report(store_from(tmp_path, lines))["safety"]["bot_followers"]
    assert bots["basis"] == "rules" and bots["likely_bots"] == 1
