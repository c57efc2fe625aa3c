"""Hand-built pile-ons and trawlers (rows written with SQL), and the evidence packs."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from storedata import add_follows, add_post, add_rule_readings, add_scores, add_snapshot

from kindscope.safety import collect_incident, find_trawlers, scan, verify_pack, write_pack
from kindscope.store.db import Store
from kindscope.store.read import read_model
from kindscope.store.where import HERE, Where

T0 = datetime(2024, 3, 1, 12, tzinfo=UTC)


def _score(store, pid, signal, value):
    add_scores(store, [(pid, signal, value)])


def _reply(store, pid, author, at, text="you are pathetic", **scores):
    """A reply to vic's post v1 with these scores (signal=score)."""
    add_post(store, pid, author, at, text, reply_to="v1", reply_to_account="vic")
    for signal, value in scores.items():
        _score(store, pid, signal, value)


def _pileon(store, scored=True, insiders=False):
    add_snapshot(store, "s", owner="vic")
    add_follows(store, "s", [("vic", "friend"), ("friend", "vic")]
                + ([(f"troll{i}", "vic") for i in range(6)] if insiders else []))
    add_post(store, "v1", "vic", T0, "I feel awful today")
    for i in range(6):
        pid = f"h{i}"
        add_post(store, pid, f"troll{i % 4 if i < 4 else i}", T0 + timedelta(minutes=10 * i),
                 "<script>alert(1)</script> you are pathetic", reply_to="v1",
                 reply_to_account="vic")
        if scored:
            _score(store, pid, "toxicity", 0.9)
    add_post(store, "ok", "friend", T0 + timedelta(minutes=5), "sending hugs",
             reply_to="v1", reply_to_account="vic")
    if scored:
        _score(store, "ok", "toxicity", 0.05)


def test_pileon_found_with_a_stable_id(store):
    _pileon(store)
    result = scan(read_model(store))
    assert result.scored and len(result.pileons) == 1
    inc = result.pileons[0]
    assert inc.target_id == "vic" and len(inc.posts) == 6 and "ok" not in inc.posts
    assert set(inc.accounts) == {"troll0", "troll1", "troll2", "troll3", "troll4", "troll5"}
    assert inc.id.startswith("pileon-") and scan(read_model(store)).pileons[0].id == inc.id
    fresh = Store(":memory:")
    _pileon(fresh)
    assert scan(read_model(fresh)).pileons[0].id == inc.id


def test_no_scores_means_no_guess(store):
    _pileon(store, scored=False)
    result = scan(read_model(store))
    assert result.pileons == () and not result.scored
    assert "not checked" in result.notes[0]


def test_replies_from_inside_the_network_are_not_a_pileon_but_are_listed(store):
    """A harassment-target review: six hostile replies from six accounts that follow the
    target were found nowhere but in the toxicity count. They are a burst in the network:
    not called a pile-on, listed apart as facts, and their evidence pack can be written."""
    _pileon(store, insiders=True)
    result = scan(read_model(store))
    assert result.pileons == ()
    assert len(result.bursts) == 1
    burst = result.bursts[0]
    assert burst.kind == "burst" and burst.id.startswith("burst-")
    assert burst.target_id == "vic" and len(burst.posts) == 6 and "ok" not in burst.posts
    assert burst.reason == ("6 hostile replies/mentions from 6 accounts (6 of them in the "
                            "target's follow network: not counted as a pile-on) within 0.8 h")
    assert result.incidents == (burst,)
    evidence = collect_incident(read_model(store), burst.id)
    assert set(burst.posts) <= {p["post_id"] for p in evidence.posts}


def test_a_burst_holds_no_post_of_a_pileon(store):
    """Strangers pile on; an hour later people in the network join in: one pile-on, and the
    later burst apart, with no post in both."""
    _pileon(store)
    add_follows(store, "s", [(f"mate{i}", "vic") for i in range(5)])
    for i in range(5):
        add_post(store, f"m{i}", f"mate{i}", T0 + timedelta(hours=8, minutes=i),
                 "you are pathetic", reply_to="v1", reply_to_account="vic")
        _score(store, f"m{i}", "toxicity", 0.9)
    result = scan(read_model(store))
    assert [i.kind for i in result.pileons] == ["pileon"]
    assert [i.kind for i in result.bursts] == ["burst"]
    assert not set(result.pileons[0].posts) & set(result.bursts[0].posts)
    assert set(result.bursts[0].accounts) == {f"mate{i}" for i in range(5)}


def test_trawler_found_and_ordinary_replies_not(store):
    for i in range(8):
        add_post(store, f"old{i}", "sam", T0 - timedelta(days=400 + i), f"old post {i}")
    for i in range(6):
        add_post(store, f"t{i}", "creep", T0 + timedelta(minutes=3 * i), "found this",
                 reply_to=f"old{i}", reply_to_account="sam")
    add_post(store, "new", "sam", T0, "today")
    for i in range(6):  # many replies to a fresh post: a conversation, not a trawl
        add_post(store, f"c{i}", "pal", T0 + timedelta(hours=i), "hi", reply_to="new",
                 reply_to_account="sam")
    found = find_trawlers(read_model(store, "sam"))
    assert len(found) == 1
    assert found[0].accounts == ("creep",) and found[0].target_id == "sam"
    # no follow data here: the reason says a friend cannot be told from a stranger
    assert found[0].reason.endswith("(no follow tie of the target is in this data, so a "
                                    "friend cannot be told from a stranger here)")
    assert len(found[0].posts) == 12  # the pack holds the old posts replied to as well
    # the trawler wrote six of them: "6 posts from 1 account", not 12 (a harassment-target
    # review found the victim's own old posts counted as the trawler's)
    from kindscope.report.safety import _incident

    assert found[0].their_posts == 6 and _incident(found[0], {}, HERE)["posts"] == 6
    # its evidence pack is made from the data the report read, for the same owner
    assert _incident(found[0], {}, Where(data="my data", me="@ana"))["command"] == (
        f"kindscope evidence --data 'my data' --me @ana --incident {found[0].id} "
        f"--out evidence-{found[0].id}")


def test_evidence_pack_escapes_and_verifies(store, tmp_path):
    _pileon(store)
    rm = read_model(store)
    inc = scan(rm).pileons[0]
    ev = collect_incident(rm, inc.id)
    # the six hostile replies, and the post they answer, for the record (a
    # harassment-target review found the target post missing), oldest first
    assert [p["post_id"] for p in ev.posts] == ["h0", "v1", "h1", "h2", "h3", "h4", "h5"]
    assert ev.posts[0]["scores"]["toxicity"]["score"] == 0.9
    write_pack(ev, tmp_path)
    page = (tmp_path / "evidence.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    doc = json.loads((tmp_path / "evidence.json").read_text())
    assert doc["posts"][0]["text"].startswith("<script>")
    assert doc["incident"]["posts"] == ["h0", "h1", "h2", "h3", "h4", "h5"]
    assert doc["collection"][0]["snapshot_id"] == "s"
    assert verify_pack(tmp_path) == ()
    (tmp_path / "posts.csv").write_text("tampered\n")
    assert verify_pack(tmp_path) == ("posts.csv",)


def test_evidence_cli(tmp_path, run):
    db = tmp_path / "k.duckdb"
    store = Store(db)
    _pileon(store)
    store.close()
    listing = run("safety", "--db", db, "--json")
    inc = json.loads(listing.stdout)["pileons"][0]["id"]
    # the listing names whom the pile-on was aimed at, and the time's zone
    assert f"{inc}  2024-03-01 12:00 UTC  aimed at vic: 6 hostile" in run(
        "safety", "--db", db).output
    out = tmp_path / "pack"
    result = run("evidence", "--db", db, "--incident", inc, "--out", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "MANIFEST.sha256", "evidence.html", "evidence.json", "posts.csv"]
    assert verify_pack(out) == ()
    bad = run("evidence", "--db", db, "--incident", "pileon-0000", "--out", out)
    assert bad.exit_code == 2 and "no incident" in bad.stderr
    by_account = run("evidence", "--db", db, "--account", "troll1", "--out", tmp_path / "a")
    assert by_account.exit_code == 0


def test_data_that_names_no_owner_is_scanned_for_every_account(tmp_path, run):
    """A moderator's community export names no owner: `safety` and `evidence --incident`
    refused it for want of --me, though pile-ons are looked for against every account
    (noted as work at stop 41). They scan it, and say that every account was looked at."""
    def at(minutes):
        return (T0 + timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")

    lines = [{"id": "v1", "author": "vic", "text": "I feel awful today", "created_at": at(0)},
             {"id": "ok", "author": "friend", "text": "sending hugs", "reply_to": "v1",
              "created_at": at(5)}]
    lines += [{"id": f"h{i}", "author": f"troll{i % 4}", "text": "you are pathetic",
               "reply_to": "v1", "created_at": at(10 * (i + 1))} for i in range(6)]
    source = tmp_path / "community.jsonl"  # no "meta" line: no owner
    source.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = tmp_path / "k.duckdb"
    assert run("import", source, "--db", db).exit_code == 0
    store = Store(db)
    add_scores(store, [(f"h{i}", "toxicity", 0.9) for i in range(6)]
               + [(p, "toxicity", 0.05) for p in ("v1", "ok")], platform="generic")
    store.close()
    listing = run("safety", "--db", db)
    assert listing.exit_code == 0, listing.output
    assert "note: no import names an owner, so every account in this data was looked at" \
        in listing.stdout
    assert "aimed at vic: 6 hostile" in listing.stdout
    data = json.loads(run("safety", "--db", db, "--json").stdout)
    assert data["owner"] is False and len(data["pileons"]) == 1
    out = tmp_path / "pack"
    result = run("evidence", "--db", db, "--incident", data["pileons"][0]["id"], "--out", out)
    assert result.exit_code == 0, result.output
    # with a second platform of many people, the incident `safety --platform` listed is
    # opened with the same --platform (a moderator's review, 2026-12-06: it was not found)
    forum = tmp_path / "forum0.jsonl"
    forum.write_text(json.dumps({"type": "meta", "platform": "forum"}) + "\n"
                     + json.dumps({"id": "f0", "author": "bo", "text": "hey",
                                   "created_at": at(0)}) + "\n", encoding="utf-8")
    two = tmp_path / "two.duckdb"
    assert run("import", source, "--db", two).exit_code == 0
    assert run("import", forum, "--db", two).exit_code == 0
    with Store(two) as store:
        add_scores(store, [(f"h{i}", "toxicity", 0.9) for i in range(6)], platform="generic")
    listed = json.loads(run("safety", "--db", two, "--platform", "generic", "--json").stdout)
    wanted = listed["pileons"][0]["id"]
    assert wanted == data["pileons"][0]["id"]
    vague = run("evidence", "--db", two, "--incident", wanted, "--out", tmp_path / "p0")
    assert vague.exit_code == 2 and "give --platform" in vague.stderr
    named = run("evidence", "--db", two, "--incident", wanted, "--platform", "generic",
                "--out", tmp_path / "p1")
    assert named.exit_code == 0, named.output
    with Store(db) as store:
        store.execute("UPDATE signal_scores SET score = 0.01")
    calm = run("safety", "--db", db)
    assert calm.exit_code == 0 and "no pile-ons, bursts or trawlers found in this data" \
        in calm.stdout
    # a second platform of many people: "pass --me" was no help (a researcher's review,
    # 2026-12-06); it asks for --platform, which looks at one
    other = tmp_path / "forum.jsonl"
    other.write_text(json.dumps({"type": "meta", "platform": "forum"}) + "\n"
                     + json.dumps({"id": "f1", "author": "ann", "text": "hi",
                                   "created_at": at(0)}) + "\n", encoding="utf-8")
    assert run("import", other, "--db", db).exit_code == 0
    both = run("safety", "--db", db)
    assert both.exit_code == 2 and "several platforms (forum, generic)" in both.stderr
    assert "give --platform" in both.stderr
    one = run("safety", "--db", db, "--platform", "generic")
    assert one.exit_code == 0 and "no pile-ons, bursts or trawlers found in this data" \
        in one.stdout
    # network, which reads one graph over both, says its communities are not numbered as
    # community.json numbers each platform's (a researcher's review, 2026-12-06)
    for args in ((), ("--json",)):
        spanned = run("network", "--db", db, *args)
        assert spanned.exit_code == 0, spanned.output
        assert "one graph over every platform (forum, generic)" in spanned.stderr
        assert "give --platform to compare" in spanned.stderr
    assert "every platform" not in run("network", "--db", db, "--platform", "generic").stderr


def test_a_friend_going_through_old_posts_is_no_trawler(store):
    """A harassment-target review (2026-12-06): a mutual's five kind replies to old posts
    ("So proud of you for going back") were listed as a "History trawl aimed at" the
    target, with an evidence pack. Someone in the follow network is never a trawler; the
    same replies from a stranger are."""
    add_snapshot(store, "s", owner="sam")
    add_follows(store, "s", [("kim", "sam"), ("sam", "kim")])
    for i in range(6):
        add_post(store, f"old{i}", "sam", T0 - timedelta(days=400 + i), f"old post {i}")
    for who in ("kim", "creep"):
        for i in range(5):
            add_post(store, f"{who}{i}", who, T0 + timedelta(minutes=3 * i),
                     "so proud of you for going back", reply_to=f"old{i}",
                     reply_to_account="sam")
    found = find_trawlers(read_model(store, "sam"))
    assert [t.accounts for t in found] == [("creep",)]
    assert "no follow tie" not in found[0].reason


def test_a_pileon_that_goes_on_is_one_incident_to_its_last_post(store):
    """A harassment-target review (2026-12-06): hostile replies from 09:05 to 19:30 were two
    pile-ons, and four last posts from two accounts ("... kill yourself" among them), too
    few for a pile-on of their own, were in none and in no evidence pack. A pile-on goes on
    while its last six hours still make one."""
    add_snapshot(store, "s", owner="vic")
    add_post(store, "v1", "vic", T0, "a post")
    times = [T0 + timedelta(minutes=40 * i) for i in range(14)]  # 9 h 20 min in all
    for i, at in enumerate(times):
        _reply(store, f"h{i}", f"troll{i % 5}", at, toxicity=0.9)
    found = scan(read_model(store)).pileons
    assert len(found) == 1 and len(found[0].posts) == 14
    assert found[0].end - found[0].start == timedelta(minutes=40 * 13)


def test_a_new_pileon_days_later_is_another_incident(store):
    add_snapshot(store, "s", owner="vic")
    add_post(store, "v1", "vic", T0, "a post")
    for day in (0, 3):
        for i in range(5):
            _reply(store, f"d{day}h{i}", f"troll{i}", T0 + timedelta(days=day, minutes=i),
                   toxicity=0.9)
    assert len(scan(read_model(store)).pileons) == 2


def test_quote_posts_of_the_targets_post_are_aimed_at_it(store):
    """A harassment-target review (2026-12-06): quote-post "dunks" ("tell this loser to
    ...") appeared nowhere, not in the pile-on, not in the inbox, and nothing said they were
    not looked at. A post quoting one of mine is aimed at me."""
    from kindscope.care.queue import inbox

    add_snapshot(store, "s", owner="vic")
    add_post(store, "v1", "vic", T0, "a post")
    _reply(store, "kind", "pal", T0 + timedelta(minutes=1), "nice", toxicity=0.01)  # replies held
    for i in range(5):
        add_post(store, f"q{i}", f"dunker{i}", T0 + timedelta(minutes=5 * i),
                 "look at this loser")
        store.execute("UPDATE posts SET quote_of_post_id = 'v1' WHERE post_id = ?", [f"q{i}"])
        _score(store, f"q{i}", "toxicity", 0.9)
    rm = read_model(store)
    found = scan(rm).pileons
    assert len(found) == 1 and set(found[0].posts) == {f"q{i}" for i in range(5)}
    listed = {i.post_id for i in inbox(rm, days=365, as_of=T0 + timedelta(days=1)).items}
    assert {f"q{i}" for i in range(5)} <= listed


def test_strangers_are_a_pileon_even_when_the_network_joins_later(store):
    """A fresh-eyes review: strangers post five hostile replies, people in the network
    four more two hours later, six more strangers after that. The strangers' first run was
    called a burst "in the target's follow network" with none of them in it; each run is
    what its own accounts make it."""
    add_snapshot(store, "s", owner="vic")
    add_follows(store, "s", [(f"mate{i}", "vic") for i in range(4)])
    add_post(store, "v1", "vic", T0, "a post")

    for i in range(5):
        _reply(store, f"t{i}", f"stranger{i % 3}", T0 + timedelta(minutes=10 * i), toxicity=0.9)
    for i in range(4):
        _reply(store, f"m{i}", f"mate{i}", T0 + timedelta(hours=2), toxicity=0.9)
    for i in range(6):
        _reply(store, f"s{i}", f"later{i}", T0 + timedelta(hours=7), toxicity=0.9)
    result = scan(read_model(store))
    assert result.bursts == ()  # the network's four posts alone are no burst
    # pile-ons are counted from strangers alone: the network is never among their accounts
    assert sorted(len(i.accounts) for i in result.pileons) == [3, 6]
    for inc in result.pileons:
        assert "outside the target's follow network" in inc.reason
        assert not {a for a in inc.accounts if a.startswith("mate")}


def test_friends_who_swear_at_the_attackers_never_hide_a_pileon(store):
    """A harassment-target review (2026-12-06): six strangers insult the target within 35
    minutes while five friends answer them, swearing ("these idiots are pathetic trash,
    sending you a hug", read as toxic). It was one "burst in the network" and "no pile-on";
    it is the strangers' pile-on, and the friends are none of its accounts."""
    add_snapshot(store, "s", owner="vic")
    add_follows(store, "s", [pair for i in range(5) for pair in
                             ((f"friend{i}", "vic"), ("vic", f"friend{i}"))])
    add_post(store, "v1", "vic", T0, "a post")
    for i in range(6):
        _reply(store, f"t{i}", f"stranger{i}", T0 + timedelta(minutes=7 * i), toxicity=0.9)
    for i in range(5):
        _reply(store, f"f{i}", f"friend{i}", T0 + timedelta(minutes=7 * i + 3),
               "these idiots are pathetic trash, sending you a hug", toxicity=0.8)
    result = scan(read_model(store))
    assert len(result.pileons) == 1
    assert set(result.pileons[0].accounts) == {f"stranger{i}" for i in range(6)}
    # what the friends wrote is not hidden: a burst in the network, listed apart as facts
    assert [set(b.accounts) for b in result.bursts] == [{f"friend{i}" for i in range(5)}]


def test_safety_json_with_nothing_scored_is_null_not_none_found(tmp_path, run):
    """Unscored, pile-ons were not checked: `--json` gave "pileons": [], which a script reads
    as "none found" (the notes said otherwise)."""
    db = tmp_path / "k.duckdb"
    store = Store(db)
    _pileon(store, scored=False)
    store.close()
    data = json.loads(run("safety", "--db", db, "--json").stdout)
    assert data["scored"] is False and data["pileons"] is None and data["bursts"] is None
    assert "not checked" in data["notes"][0]
    assert data["trawlers"] == []  # trawls are read from reply times, not scores


def test_safety_lists_a_burst_in_the_network_and_its_evidence(tmp_path, run):
    db = tmp_path / "k.duckdb"
    store = Store(db)
    _pileon(store, insiders=True)
    store.close()
    scan_json = json.loads(run("safety", "--db", db, "--json").stdout)
    assert scan_json["pileons"] == [] and len(scan_json["bursts"]) == 1
    burst = scan_json["bursts"][0]["id"]
    listing = run("safety", "--db", db).output
    assert (f"{burst}  2024-03-01 12:00 UTC  aimed at vic: 6 hostile replies/mentions from 6 "
            "accounts (6 of them in the target's follow network: not counted as a pile-on)"
            in listing)
    assert "no pile-ons" not in listing
    out = tmp_path / "pack"
    assert run("evidence", "--db", db, "--incident", burst, "--out", out).exit_code == 0
    assert verify_pack(out) == ()
    assert "Burst of hostile replies" in (out / "evidence.html").read_text(encoding="utf-8")


def test_aimed_at_the_owner_as_the_read_model_means_it(store):
    """A mention by handle (any case, with @) counts as aimed at me, as in aimed_at_me;
    hostility is the read model's decision, not a maximum over model versions."""
    _pileon(store)
    store.execute("INSERT INTO accounts (platform, account_id, handle) VALUES "
                  "('x', 'vic', 'Vic_Real')")
    for i in range(3):
        add_post(store, f"m{i}", f"stranger{i}", T0 + timedelta(minutes=70 + i),
                 "nasty", mentions=("@vic_real",))
        _score(store, f"m{i}", "toxicity", 0.9)
    store.execute("INSERT INTO signal_scores VALUES ('x', 'ok', 'toxicity', 0.99, 'old')")
    rm = read_model(store)
    from kindscope.store.incidents import hostile_aimed

    mine = {post for target, _, post, *_ in hostile_aimed(rm) if target == "vic"}
    view = {r[0] for r in rm.rows("SELECT post_id FROM {p}_aimed_at_me "
                                  "WHERE is_toxic OR is_hateful")}
    assert mine == view == {f"h{i}" for i in range(6)} | {f"m{i}" for i in range(3)}
    assert "ok" not in mine  # hostile only under another model version


def test_a_pileon_of_hate_only_posts_asks_to_be_read_first(store):
    # People defending someone ("disabled people aren't a burden") read as hateful but not
    # toxic, and a crowd of them looks like a pile-on: the reason says so, and a pile-on of
    # toxic replies carries no such note.
    add_snapshot(store, "s", owner="vic")
    add_post(store, "v1", "vic", T0, "someone called me a burden for being disabled")
    for i in range(5):
        _reply(store, f"d{i}", f"ally{i}", T0 + timedelta(minutes=10 * i),
               "disabled people are not a burden", hate=0.85, toxicity=0.05)
    (inc,) = scan(read_model(store)).pileons
    assert "5 of the 5 read as hateful but not toxic" in inc.reason
    assert "read them before you take this for a pile-on" in inc.reason
    assert inc.hate_only == 5 and inc.read_first
    fresh = Store(":memory:")
    _pileon(fresh)
    toxic = scan(read_model(fresh)).pileons[0]
    assert "not toxic" not in toxic.reason and not toxic.read_first


def test_posts_aimed_at_me_with_no_reading_are_said_not_passed_over(store):
    """Replies not scored yet, or in a language the signals do not read, could hold a
    pile-on: the scan says so instead of only "none found" (a harassment-target review)."""
    add_snapshot(store, "s", owner="vic")
    add_post(store, "v1", "vic", T0, "my post")
    add_post(store, "ok", "friend", T0 + timedelta(minutes=1), "hugs", reply_to="v1",
             reply_to_account="vic")
    _score(store, "ok", "toxicity", 0.05)
    for i in range(3):
        add_post(store, f"new{i}", f"x{i}", T0 + timedelta(minutes=2 + i), "...",
                 reply_to="v1", reply_to_account="vic")
    add_post(store, "pic", "z", T0 + timedelta(minutes=8), "", reply_to="v1",
             reply_to_account="vic")  # nothing to read: never "not scored yet"
    for i in range(2):
        add_post(store, f"es{i}", f"y{i}", T0 + timedelta(minutes=9 + i), "cállate",
                 reply_to="v1", reply_to_account="vic")
        store.execute("INSERT INTO post_languages (platform, post_id, model_version, lang, "
                      "is_read) VALUES ('x', ?, 'test', 'es', false)", [f"es{i}"])
    result = scan(read_model(store))
    assert result.pileons == () and result.scored
    assert result.notes == (
        "3 posts aimed at you are not scored yet, so no pile-on among them can be seen: "
        "run `kindscope score`",
        "2 posts aimed at you are in a language the signals do not read, so no pile-on "
        "among them can be seen (docs/models/languages.md)")


def test_without_the_targets_follow_ties_the_reason_does_not_claim_strangers(store):
    """Data with no follow tie of the target (a capture of replies, no follow lists): every
    account counts as outside, but "(6 outside the target's follow network)" claimed what
    the data cannot show."""
    add_snapshot(store, "s", owner="vic")
    add_post(store, "v1", "vic", T0, "a post")
    for i in range(6):
        _reply(store, f"h{i}", f"troll{i}", T0 + timedelta(minutes=10 * i), toxicity=0.9)
    (pileon,) = scan(read_model(store)).pileons
    assert pileon.reason == ("6 hostile replies/mentions from 6 accounts (no follow tie of "
                             "the target is in this data, so none is counted as in its "
                             "network) within 0.8 h")


def _three_replies(tmp_path, replies: list[tuple[str, float]]):
    """A database of vic's painful post and three replies (text, toxicity) from three
    accounts, with the rules' readings scoring stores; returns (database, store), open."""
    db = tmp_path / "k.duckdb"
    store = Store(db)
    add_snapshot(store, "s", owner="vic")
    add_post(store, "v1", "vic", T0, "I feel awful today")
    for i, (text, toxicity) in enumerate(replies):
        _reply(store, f"r{i}", f"p{i}", T0 + timedelta(minutes=i), text, toxicity=toxicity)
    add_rule_readings(store)  # as `kindscope score` stores them beside the scores
    return db, store


def test_none_found_says_whom_for_and_among_how_many(tmp_path, run):
    """"no pile-ons or trawlers found" did not say whose replies were read, how many, or
    that bursts were looked for too (a user's-eye review, 2026-12-06)."""
    db, store = _three_replies(tmp_path, [("you are pathetic", 0.9), ("sending hugs", 0.05),
                                          ("thinking of you", 0.02)])
    store.execute("INSERT INTO accounts (platform, account_id, handle) VALUES "
                  "('x', 'vic', 'vic.example')")
    store.close()
    listing = run("safety", "--db", db).output
    assert ("no pile-ons, bursts or trawlers aimed at @vic.example found among the 3 replies "
            "and mentions to you that were read (1 of them read as toxic or hateful)"
            in listing)


def _wishes(store, texts, toxicity=0.44, crisis=0.72):
    """vic's painful post and one reply per text from strangers (three of them take two
    turns), ten minutes apart, each read as the model read "go unalive yourself" under a
    post: not toxic, crisis 0.72."""
    add_snapshot(store, "s", owner="vic")
    add_follows(store, "s", [("vic", "friend"), ("friend", "vic")])
    add_post(store, "v1", "vic", T0, "I feel awful today")
    for i, text in enumerate(texts):
        _reply(store, f"w{i}", f"stranger{i % 3}", T0 + timedelta(minutes=10 * i), text,
               toxicity=toxicity, crisis=crisis)
    add_rule_readings(store)  # as `kindscope score` stores them beside the scores


def test_words_that_tell_the_target_to_die_make_a_pileon_as_the_inbox_reads_them(store,
                                                                                  tmp_path):
    """One rule for death wishes aimed at someone (2026-12-06): the inbox hid "go unalive
    yourself" under a post as words that tell someone to die, but its toxicity 0.44 (the
    model read it as crisis 0.72) kept it out of every pile-on, so five of them from three
    strangers were "no pile-on". Both now read such words with ``wishes.aimed_wish``; the
    reason says how many were counted for their words alone."""
    from kindscope.care.queue import WISHES_HARM, inbox

    _wishes(store, ["go unalive yourself", "just kys", "kill yourself loser",
                    "go unalive yourself", "do us all a favour and die"])
    rm = read_model(store)
    result = scan(rm)
    assert [i.kind for i in result.pileons] == ["pileon"] and result.bursts == ()
    inc = result.pileons[0]
    assert set(inc.posts) == {f"w{i}" for i in range(5)}
    assert set(inc.by_words) == set(inc.posts) and inc.hate_only == 0
    # all of them by the rule alone: read them first, as a quote can read as a wish
    assert inc.reason.endswith("; 5 of them counted for words that tell someone to die (a "
                               "rule: the model did not read them as toxic), and the rule "
                               "cannot always tell words aimed at someone from words quoted: "
                               "read them before you take this for a pile-on")
    # the inbox, on the same data, says the same of every one of them
    box = inbox(rm, as_of=T0 + timedelta(hours=2))
    assert {i.post_id for i in box.items if i.status == WISHES_HARM} == set(inc.posts)
    rm.close()
    # and the report's harshness says them beside its readings, not among them
    from kindscope.report import build_report

    report = build_report(store)
    harsh = report["toxicity_received"]
    assert harsh["hostile"] == 0 and harsh["wish_words"] == 5
    assert any(line.endswith("; 5 more use words that tell you to die (`kindscope inbox` "
                             "counts them).") for line in report["summary"]["lines"])
    from kindscope.report import write_report

    _, html = write_report(report, tmp_path / "r")
    assert "5 more posts use words that tell you to die" in " ".join(html.read_text().split())


def test_cue_words_that_wish_no_one_dead_make_no_pileon(store):
    """The words the rule needs are common ("yourself", "die", "miss you"): only what
    ``aimed_wish`` reads as telling someone to die counts, and a post read as toxic needs
    no rule (it counts as before, not "for its words")."""
    _wishes(store, ["take care of yourself", "i would die for you", "we miss you",
                    "be kind to yourself today", "dont kill yourself, please stay"])
    assert scan(read_model(store)).pileons == ()
    # four such words and one toxic insult: still no five
    _reply(store, "t1", "stranger9", T0 + timedelta(minutes=55), "you idiot", toxicity=0.9)
    assert scan(read_model(store)).pileons == ()


def test_a_pack_marks_posts_counted_for_their_words_and_not_their_scores(store, tmp_path):
    _wishes(store, ["go unalive yourself", "just kys", "kill yourself loser",
                    "you are pathetic", "drop dead, loser"])
    store.execute("UPDATE signal_scores SET score = 0.9 WHERE post_id = 'w3' "
                  "AND signal = 'toxicity'")
    rm = read_model(store)
    inc = scan(rm).pileons[0]
    assert set(inc.by_words) == {"w0", "w1", "w2", "w4"}
    assert "; 4 of them counted for words that tell someone to die (a rule: the model did " \
        "not read them as toxic), and the rule cannot" in inc.reason
    write_pack(collect_incident(rm, inc.id), tmp_path)
    rm.close()
    page = (tmp_path / "evidence.html").read_text()
    assert page.count("words that tell someone to die (a rule, not the model)") == 4
    # the read toxicity of the insult is the one score in bold
    assert page.count('<span class="score counted">toxicity') == 1
    assert '<span class="score counted">toxicity 0.90' in page
    assert json.loads((tmp_path / "evidence.json").read_text())["incident"]["by_words"] == [
        "w0", "w1", "w2", "w4"]


def test_a_death_wish_read_as_hateful_is_counted_for_its_words_not_as_a_denial(store):
    """A review (2026-12-06): five death wishes the model read as hateful but not toxic got
    the caution for denials of a stereotype ("read as hateful but not toxic ... read them
    before you take this for a pile-on") and no post in ``by_words``, while the inbox said
    they use words that tell someone to die. They are counted for their words, not as
    hateful-only, and with half the posts counted by the rule the caution is about it."""
    _wishes(store, ["go unalive yourself", "just kys", "kill yourself loser",
                    "you are pathetic", "you are a joke", "nobody likes you"])
    store.execute("UPDATE signal_scores SET score = 0.6 WHERE signal = 'hate' "
                  "AND post_id IN ('w0', 'w1', 'w2')")
    store.execute("UPDATE signal_scores SET score = 0.9 WHERE signal = 'toxicity' "
                  "AND post_id IN ('w3', 'w4', 'w5')")
    inc = scan(read_model(store)).pileons[0]
    assert set(inc.posts) == {f"w{i}" for i in range(6)}
    assert set(inc.by_words) == {"w0", "w1", "w2"} and inc.hate_only == 0
    assert not inc.read_first
    assert inc.reason.endswith("; 3 of them counted for words that tell someone to die (a "
                               "rule: the model did not read them as toxic), and the rule "
                               "cannot always tell words aimed at someone from words quoted: "
                               "read them before you take this for a pile-on")
    assert "hateful but not toxic" not in inc.reason


def test_a_pack_marks_every_death_wish_however_the_model_read_it(store, tmp_path):
    """A moderator's review (2026-12-06): "I hope you die" and "kys" read as toxic showed in
    the pack as "toxicity 0.90 (set by a rule)", like "shut up moron"; a platform's safety
    team treats words that tell someone to die as a category of their own. Every such post
    is marked, read as toxic or not; those counted for their words alone say so."""
    _wishes(store, ["go unalive yourself", "just kys", "you are pathetic", "you are a joke",
                    "nobody likes you"], toxicity=0.9)
    store.execute("UPDATE signal_scores SET score = 0.4 WHERE signal = 'toxicity' "
                  "AND post_id = 'w0'")
    rm = read_model(store)
    inc = scan(rm).pileons[0]
    assert inc.wish_words == ("w0", "w1") and inc.by_words == ("w0",)
    write_pack(collect_incident(rm, inc.id), tmp_path)
    rm.close()
    page = (tmp_path / "evidence.html").read_text()
    assert page.count("words that tell someone to die (a rule, not the model)") == 1
    assert page.count("that tell someone to die (a rule that reads the words)") == 1
    doc = json.loads((tmp_path / "evidence.json").read_text())
    assert doc["incident"]["wish_words"] == ["w0", "w1"]
    # the rule's stored reading (1 or 0) is no probability: the marks above say it
    assert all("death_wish" not in p["scores"] for p in doc["posts"])
    assert "death wish 1.00" not in page and "death wish 0.00" not in page


def test_safety_says_which_platforms_without_an_owner_it_did_not_look_at(tmp_path, run):
    """A moderator's review (2026-12-06): a dataset of an owner's archive and a community
    export named no owner for the community; `safety` showed the owner's platform only and
    said nothing of the community's pile-on."""
    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"type": "meta", "platform": "x", "owner": "me",
                                "taken_at": "2024-03-02T00:00:00Z"}) + "\n"
                    + json.dumps({"id": "m1", "author": "me", "text": "hi",
                                  "created_at": "2024-03-01T00:00:00Z"}) + "\n",
                    encoding="utf-8")
    forum = tmp_path / "forum.jsonl"
    forum.write_text(json.dumps({"type": "meta", "platform": "forum"}) + "\n"
                     + json.dumps({"id": "f1", "author": "ann", "text": "hello",
                                   "created_at": "2024-03-01T00:00:00Z"}) + "\n",
                     encoding="utf-8")
    db = tmp_path / "k.duckdb"
    for source in (mine, forum):
        assert run("import", source, "--db", db).exit_code == 0
    said = run("safety", "--db", db)
    assert said.exit_code == 0, said.output
    assert ("note: forum in this data names no owner and was not looked at here: "
            f"`kindscope safety --db {db} --platform forum` looks at every account "
            "there.") in said.stderr  # the same database
    assert "names no owner" not in run("safety", "--db", db, "--platform", "x").stderr


def test_none_found_counts_words_that_tell_me_to_die_beside_the_readings(tmp_path, run):
    """The line under "none found" counted the replies read as toxic or hateful alone, so a
    reply that tells the owner to die, read as the writer's crisis and not as toxic, was in
    no count there while the inbox hid it as such words: it is said beside the readings."""
    db, store = _three_replies(tmp_path, [("you are pathetic", 0.9), ("sending hugs", 0.05),
                                          ("kill yourself then, nobody would miss you", 0.4)])
    store.close()
    listing = " ".join(run("safety", "--db", db).output.split())
    assert ("found among the 3 replies and mentions to you that were read (1 of them read as "
            "toxic or hateful, 1 more uses words that tell you to die)" in listing)


def test_an_accounts_pack_marks_its_words_that_tell_someone_to_die(store, tmp_path):
    """An incident's pack marked every post whose words tell someone to die; a pack of one
    account's posts (`evidence --account`) did not (a review, 2026-12-06): it reads the
    stored reading, as the incident does."""
    from kindscope.safety.evidence import collect_account

    _wishes(store, ["go unalive yourself", "you are pathetic", "nobody likes you",
                    "go unalive yourself", "you are a joke"], toxicity=0.9)
    write_pack(collect_account(store, "stranger0"), tmp_path)
    doc = json.loads((tmp_path / "evidence.json").read_text())
    assert {p["post_id"]: p["death_wish_words"] for p in doc["posts"]} == {
        "w0": True, "w3": True}
    page = (tmp_path / "evidence.html").read_text()
    assert page.count("that tell someone to die (a rule that reads the words)") == 2
    assert verify_pack(tmp_path) == ()
