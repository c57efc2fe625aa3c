"""Accounts whose replies to you are mostly hostile never appear in a list of kind people,
on the bundled demo (its two invented trolls reply to Sam with rude and hateful posts)."""

from __future__ import annotations

# the demo fixture: tests/report/conftest.py


def test_the_demos_hostile_accounts_are_never_listed_as_kind(demo):
    report, hostile = demo["report"], demo["hostile"]
    assert {"not_a_troll_88", "truth_teller_x"} <= hostile
    kind = {r["account_id"] for r in report["kindness_received"]["top_responders"]}
    kind |= {r["account_id"] for r in report["network"]["unanswered_repliers"]["accounts"]}
    assert kind, "the demo should list some kind people"
    assert not kind & hostile


def test_a_missing_database_is_named_and_not_created(run, tmp_path):
    missing = tmp_path / "missing.duckdb"
    result = run("report", "--db", missing, "--out", tmp_path / "out")
    assert result.exit_code == 2 and "no such database file" in result.output
    result = run("stats", "--db", missing)
    assert result.exit_code == 0 and "no such database file" in result.output
    assert not missing.exists()


def test_figures_on_a_weak_signal_say_so(demo):
    """A signal near chance on held-apart data (ood_metrics.json) is called rough beside
    every figure of the report that rests on it, computed from the file, not typed."""
    from kindscope.report import render_html
    from kindscope.report.figures import SUPPORT_NAMES
    from kindscope.signals.reliability import WEAK_AUC, held_apart_auc

    report = demo["report"]
    weak = {s: a for s, a in held_apart_auc().items() if a < WEAK_AUC}
    assert report["source"]["weak_signals"] == weak
    shown = [s for s in SUPPORT_NAMES if s in weak]
    for signal in shown:  # the received chart shows every support signal's share
        assert f"AUC {weak[signal]:.2f}" in report["kindness_received"]["caveat"]
        assert SUPPORT_NAMES[signal] in report["kindness_received"]["caveat"]
    page = render_html(report)
    for signal in shown:
        assert f"Read \u201c{SUPPORT_NAMES[signal]}\u201d as rough" in page


def test_a_weak_support_signal_is_called_rough_in_every_place_it_is_used(demo):
    """Were ``support`` itself weak (it is not, today), the replies you gave, the time to
    reply and the summary line would each say so, with the AUC."""
    import copy

    from kindscope.report import render_html
    from kindscope.report.build import with_readings

    report = copy.deepcopy(demo["report"])
    assert report["kindness_given"]["caveat"] is None  # support is not weak today
    report["source"]["weak_signals"] = {"support": 0.55}
    with_readings(report)
    for key in ("kindness_given", "time_to_reply", "kindness_received"):
        assert "AUC 0.55" in report[key]["caveat"], key
    assert any("Read this as rough" in line and "AUC 0.55" in line
               for line in report["summary"]["lines"])
    assert "AUC 0.55" in render_html(report)


def test_each_weak_support_signal_gets_its_own_note():
    """Whichever support signals are weak, the received section names each by the words
    its chart uses; sections that show only ``support`` ignore the mechanisms."""
    from kindscope.report.build import _caveat

    report = {"source": {"weak_signals": {"support_er": 0.68, "support_ex": 0.61}}}
    received = _caveat(report, "kindness_received")
    assert "\u201cwarmth (emotional reaction)\u201d" in received and "AUC 0.68" in received
    assert "\u201casking about you\u201d" in received and "AUC 0.61" in received
    assert "understanding" not in received
    assert _caveat(report, "kindness_given") is None
    report["source"]["weak_signals"] = {"support": 0.55}
    assert "AUC 0.55" in _caveat(report, "time_to_reply")


def test_one_harsh_reading_names_no_one_in_the_report(demo):
    """'Harshness aimed at you' names only accounts with two or more posts read as toxic or
    hateful, counted from the plain tables (the demo's two harassers among them); the
    accounts with one are counted on the page and never named in that section."""
    from kindscope.report import render_html

    report = demo["report"]
    harsh = report["toxicity_received"]
    named = {a["account_id"] for a in harsh["by_account"]}
    assert named == {a for a, n in demo["either"].items() if n >= 2}
    assert {"not_a_troll_88", "truth_teller_x"} <= named
    assert harsh["accounts_with_one"] > 0
    page = render_html(report)
    section = page.split('<h2 id="toxicity">')[1].split("<h2")[0]
    assert f"{harsh['accounts_with_one']} more accounts sent one such post each" in section
    assert len(demo["one"]) == harsh["accounts_with_one"]
    for name in demo["one"]:
        assert name not in section


def test_the_list_of_kind_people_says_what_the_signals_cannot_tell(demo):
    """The support signal reads most dismissive replies as comfort (training/variants/
    2026-12-05q): the list of people who showed up with kindness says so beside it."""
    from kindscope.report import render_html
    from kindscope.signals.reliability import SCORN_AS_KIND

    report = demo["report"]
    assert report["kindness_received"]["top_responders"]
    page = render_html(report)
    at = page.index("The people who showed up most often with kindness")
    # how often, measured (plans 35 to 38; tests/signals/test_scorn_as_kind.py reads the
    # four blind sets again), and that it is not about these people
    assert SCORN_AS_KIND in page[at:at + 2000]
    assert "not that any here did" in page[at:at + 2000]


def test_in_short_says_how_many_posts_aimed_at_you_read_as_harsh(demo):
    """The summary does not leave out the harshness the page counts (a user review found
    "In short" silent on 17 such posts)."""
    report = demo["report"]
    harsh = report["toxicity_received"]
    assert harsh["hostile"] == sum(demo["either"].values()) > 0
    said = (f"{harsh['hostile']} of the {harsh['aimed_at_me']} replies and mentions from others "
            "aimed at you read as toxic or hateful (a model's readings, not verdicts).")
    assert said in report["summary"]["lines"]


def test_a_death_wish_under_a_crisis_post_never_lists_its_sender_as_kind(tmp_path):
    """Model 2026.12.19 read "kill yourself then, nobody would miss you" under the owner's
    post that reads as a crisis as the writer's own crisis (0.63), so the death-wish rule
    stood down: toxicity 0.40, support 0.82, and the report listed its sender among the
    people who answered kindly. Since 2026.12.21 such words are never comfort (support
    capped); their toxicity still stands down there, because people at risk and their
    supporters quote them (training/variants/2026-12-06i, 2026-12-06k)."""
    import json

    from kindscope.ingest import import_sources
    from kindscope.report.build import build_report
    from kindscope.signals.store_scoring import score_store
    from kindscope.store.db import Store

    records = [
        {"type": "meta", "platform": "generic", "owner": "sam", "taken_at": "2024-05-21T08:00:00Z"},
        {"author": "sam", "id": "p1", "created_at": "2024-05-20T22:00:00Z",
         "text": "i cant do this anymore, i just want it all to end"},
        {"author": "grim_99", "id": "r1", "created_at": "2024-05-20T22:05:00Z",
         "reply_to": "p1", "reply_to_author": "sam",
         "text": "kill yourself then, nobody would miss you"},
        {"author": "amara_k", "id": "r2", "created_at": "2024-05-20T22:07:00Z",
         "reply_to": "p1", "reply_to_author": "sam",
         "text": "Sam, I'm here. Please stay with us tonight, can I call you?"},
    ]
    source = tmp_path / "thread.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store(tmp_path / "t.duckdb") as store:
        import_sources(store, [str(source)])
        score_store(store)
        read = dict(store.rows("SELECT signal, score FROM signal_scores WHERE post_id = 'r1'"))
        report = build_report(store)
    assert read["support"] < 0.5 and read["support_er"] < 0.5
    kind = {r["account_id"] for r in report["kindness_received"]["top_responders"]}
    assert "amara_k" in kind and "grim_99" not in kind
