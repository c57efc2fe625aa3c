"""The network section and `kindscope network` after a user review: one name and one number
per community, figures that say what they count, and bridges that leave out whom "People who
reply to you" leaves out.

Two cliques of five (a0..a4 post about tomatoes, b0..b4 about poetry, both about love);
I follow a0..a3 and b0, a0, a1 and b0 follow me back, and a4 and b2 follow each other.
"""

from __future__ import annotations

import json
import re

import pytest
from storedata import add_scores, read_every_post
from test_network_safety_sections import store_from, two_cliques

from kindscope.graph.diversity import Spread
from kindscope.graph.norms import Community, name_communities
from kindscope.report import build_report, render_html
from kindscope.report.network import diversity_reading
from kindscope.store.db import Store


def _reply(post_id: str, author: str, parent: str, day: int) -> dict:
    return {"id": post_id, "author": author, "text": "a reply", "reply_to": parent,
            "reply_to_author": "me", "created_at": f"2024-05-0{day}T12:00:00Z"}


def network_lines(replies: bool = False) -> list[dict]:
    lines = [{"type": "meta", "owner": "me", "taken_at": "2024-06-01T00:00:00Z"},
             {"type": "account", "id": "me", "handle": "me"}]
    lines += two_cliques()
    for group, word in (("a", "tomatoes"), ("b", "poetry")):
        lines += [{"id": f"{group}p{i}", "author": f"{group}{i}", "text": f"love {word} best",
                   "created_at": "2024-04-01T09:00:00Z"} for i in range(5)]
    lines += [{"id": f"m{i}", "author": "me", "text": f"gardening note {i}",
               "created_at": f"2024-05-0{i + 1}T09:00:00Z"} for i in range(3)]
    if replies:  # b2: two replies; a4: three replies
        lines += [_reply(f"rb{i}", "b2", f"m{i}", i + 1) for i in range(2)]
        lines += [_reply(f"ra{i}", "a4", f"m{i}", i + 1) for i in range(3)]
    return lines


def _score(store: Store, rows: list[tuple[str, float]]) -> None:
    add_scores(store, [(p, "toxicity", t) for p, t in rows], platform="generic")


def _section(page: str, title: str) -> str:
    return page.split(f"<h3>{title}</h3>")[1].split("<h3>")[0]


# 1. one community, one number, one name


def test_each_community_has_one_name_in_report_json_chart_and_table(tmp_path):
    report = build_report(store_from(tmp_path, network_lines()))
    rows = report["network"]["communities"]["around_me"]
    assert len(rows) == 2
    page = render_html(report)
    chart = page.split('<desc id="community-chart-d">')[1].split("</desc>")[0]
    table = _section(page, "Communities around you").split("<table>")[1]
    for r in rows:
        assert r["label"] == r["name"]  # kept for schema 1.2.0 readers: the same name
        number = r["community"]  # counted from 1, as the page numbers it
        assert f"community {number} ({r['name']}):" in chart
        assert f"<td>{number}: <bdi>{r['name']}</bdi></td>" in table
    # named by the words no other community shares first
    assert {r["name"].split(" · ")[0] for r in rows} >= {"tomatoes", "poetry"}


def test_communities_are_named_with_unshared_words_first_and_counted_from_one():
    def community(c, terms, tags=()):
        return Community(c, f"graph name {c}", 3, tuple(tags), tuple(terms), (), 0,
                         None, None, None)

    named = name_communities([community(0, ["love", "best", "tomatoes"]),
                               community(1, ["love", "poetry", "best"], ["verse"]),
                               community(2, [])])
    assert [c.name for c in named] == ["tomatoes · love · best", "#verse · poetry · love",
                                       "community 3"]
    assert [c.community for c in named] == [0, 1, 2]


def test_no_community_is_named_after_insults():
    """A moderator's review (2026-12-06): a community was named "nobody · pathetic ·
    already", its pile-on's words: a name is a label on people. Insults, slurs, swearing
    and contempt are never in a name; the counts (``top_terms``) keep them."""
    bullies = Community(0, "", 3, ("losers", "gaming"), ("pathetic", "nobody", "already",
                                                         "idiots", "match"), (), 0, None,
                        None, None)
    (named,) = name_communities([bullies])
    assert named.name == "#gaming · already · match"
    assert "pathetic" in named.top_terms


def test_network_command_uses_the_report_names_and_numbers(tmp_path, run):
    data = tmp_path / "net.jsonl"
    data.write_text("\n".join(json.dumps(x) for x in network_lines()) + "\n", encoding="utf-8")
    db, out = tmp_path / "k.duckdb", tmp_path / "report"
    assert run("import", data, "--db", db).exit_code == 0
    assert run("report", "--db", db, "--out", out).exit_code == 0
    rows = json.loads((out / "report.json").read_text(encoding="utf-8"))["network"][
        "communities"]["around_me"]
    text = run("network", "--db", db).stdout
    listed = json.loads(run("network", "--db", db, "--json").stdout)["communities"]
    names = {c["community"]: c["name"] for c in listed}
    assert sorted(names) == list(range(1, len(names) + 1))  # 1 = largest, as printed
    members = json.loads(run("network", "--db", db, "--json").stdout)["membership"]
    assert set(members.values()) == set(names)
    for r in rows:  # one number per community in the text, --json and report.json
        assert f"community {r['community']}: {r['name']} ({r['size']} accounts)" in text
        assert names[r["community"]] == r["name"]
    assert "[0]" not in text
    first = rows[0]
    diversity = json.loads((out / "report.json").read_text(encoding="utf-8"))["network"][
        "diversity"]["follows"]
    assert (f"4 of the 5 accounts you follow sit in community {first['community']}: "
            f"{first['name']} (evenness {diversity['entropy']:.2f})\n") in text
    assert diversity["largest_community"] == first["community"]


# 2. what each figure counts


def test_diversity_reading_counts_follows_not_ties(tmp_path):
    report = build_report(store_from(tmp_path, network_lines()))
    net = report["network"]
    first = net["communities"]["around_me"][0]
    assert [r["my_ties"] for r in net["communities"]["around_me"]] == [4, 1]
    assert net["communities"]["my_ties"] == 5
    reading = net["diversity"]["reading"]
    assert net["diversity"]["counted"] == "follows"
    assert reading.startswith("4 of the 5 accounts you follow sit in one community "
                              f"(community {first['community']}: {first['name']})")
    assert not re.search(r"\bties\b", reading)
    page = render_html(report)
    assert ("Your ties here are the 5 accounts you follow or that follow you."
            in _section(page, "Communities around you"))
    wide = _section(page, "How wide is your network?")
    assert not re.search(r"\bties\b", wide)
    assert "4 of 5 (80%)" in wide
    # a report.json of schema 1.2.0 has no in_largest: the share alone, no " of 5"
    del report["network"]["diversity"]["follows"]["in_largest"]
    older = _section(render_html(report), "How wide is your network?")
    assert "80%" in older and " of 5" not in older


@pytest.mark.parametrize(("spread", "counted", "said"), [
    (Spread(6, 3, 1, 0.5, 0.92), "follows",
     "3 of the 6 accounts you follow sit in one community (community 2: x) and the rest "
     "spread over 2 more"),
    (Spread(198, 3, 1, 0.4242, 0.95), "interactions",
     "Your replies, mentions, reposts and likes spread over 3 communities (no one community "
     "holds more than 42% of them by weight"),
    (Spread(10, 2, 0, 0.9, 0.4), "interactions",
     "About 90% of your replies, mentions, reposts and likes (by weight) go to one community"),
    (Spread(4, 1, 0, 1.0, 0.0), "follows", "All 4 accounts you follow sit in one community"),
    (Spread(1, 1, 0, 1.0, 0.0), "follows",
     "The one account you follow sits in one community (community 2: x)"),
    (Spread(6, 3, 0, 0.3333, 0.99), "follows",
     "The 6 accounts you follow spread over 3 communities (no one community holds more than "
     "2 of them"),
])
def test_diversity_reading_says_what_it_counts(spread, counted, said):
    reading = diversity_reading(spread, counted, "community 2: x")
    assert said in reading
    assert not re.search(r"\bties\b", reading)


# 3. bridges leave out whom "People who reply to you" leaves out


def test_bridges_leave_out_accounts_the_reply_list_leaves_out(tmp_path):
    store = store_from(tmp_path, network_lines(replies=True))
    # b2: both replies read as toxic (left out of the reply list); a4: one of three, and
    # two read as neither (a one-off: kept, as in the reply list)
    _score(store, [("rb0", 0.9), ("rb1", 0.9), ("ra0", 0.9), ("ra1", 0.05), ("ra2", 0.05)])
    report = build_report(store)
    net = report["network"]
    repliers = {a["account_id"] for a in net["unanswered_repliers"]["accounts"]}
    bridges = {a["account_id"] for a in net["bridges"]["accounts"]}
    assert "a4" in repliers and "b2" not in repliers
    assert "a4" in bridges and "b2" not in bridges
    assert net["bridges"]["left_out"] == 1
    said = _section(render_html(report), "Bridges to other circles")
    assert ("1 account left out, as in “People who reply to you”: accounts you blocked or "
            "muted, and those whose posts to you read as toxic or hateful twice or more, or "
            "at least as often as not, or that used words telling you to die.") in said
    assert "@b2" not in said


def test_an_account_that_only_mentions_me_is_left_out_by_the_same_rule(tmp_path):
    """b2 never replies but mentions me five times, two read as toxic: twice or more, so
    not offered as a bridge, as it would not be in "People who reply to you"."""
    lines = network_lines()
    lines += [{"id": f"mb{i}", "author": "b2", "text": f"hey @me {i}", "mentions": ["me"],
               "created_at": f"2024-05-0{i + 1}T15:00:00Z"} for i in range(5)]
    store = store_from(tmp_path, lines)
    _score(store, [("mb0", 0.9), ("mb1", 0.9), ("mb2", 0.05), ("mb3", 0.05), ("mb4", 0.05)])
    bridges = build_report(store)["network"]["bridges"]
    assert "b2" not in {a["account_id"] for a in bridges["accounts"]}
    assert bridges["left_out"] == 1


def test_accounts_i_blocked_or_muted_are_never_offered(tmp_path):
    """Someone I blocked (b2) or muted (a4) is neither in "People who reply to you" nor a
    bridge, however kind their replies read."""
    lines = network_lines(replies=True)
    lines += [{"type": "block", "account": "me", "target": "b2"},
              {"type": "mute", "account": "me", "target": "a4"}]
    store = store_from(tmp_path, lines)
    read_every_post(store)
    net = build_report(store)["network"]
    repliers = {a["account_id"] for a in net["unanswered_repliers"]["accounts"]}
    bridges = {a["account_id"] for a in net["bridges"]["accounts"]}
    assert not {"a4", "b2"} & (repliers | bridges)
    assert net["bridges"]["left_out"] >= 2
    # and the page says whom it leaves out, in the section they would have been listed in
    page = render_html(build_report(store))
    assert "blocked or muted" in _section(page, "People who reply to you")
    plain_store = store_from(tmp_path, network_lines(replies=True))
    read_every_post(plain_store)
    plain = build_report(plain_store)["network"]
    assert {"a4", "b2"} <= {a["account_id"] for a in plain["unanswered_repliers"]["accounts"]}


def test_bridges_say_nothing_left_out_when_no_one_is(tmp_path):
    report = build_report(store_from(tmp_path, network_lines()))
    assert "b2" in {a["account_id"] for a in report["network"]["bridges"]["accounts"]}
    assert report["network"]["bridges"]["left_out"] == 0
    assert "left out" not in _section(render_html(report), "Bridges to other circles")
