"""Scores of a model before 2026.12.23 hold no death-wish reading: until they are scored
again, the read model reads the rule from the texts (``store.old_scores``), so an upgrade
never turns "kill yourself then, nobody would miss you" (crisis 0.63, toxicity 0.40) into
a painful message with help for answering it, nor into an answer (a review, 2026-12-06)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storedata import add_post, add_rule_readings, add_scores, add_snapshot

from kindscope.care.queue import WISHES_HARM, inbox
from kindscope.metrics import void_rate
from kindscope.store.db import Store
from kindscope.store.read import read_model

T0 = datetime(2024, 3, 1, tzinfo=UTC)
WISH = "kill yourself then, nobody would miss you"


def _store(rule_rows: bool) -> Store:
    store = Store(":memory:")
    add_snapshot(store, "s", owner="vic", taken=T0 + timedelta(days=10))
    store.execute("INSERT INTO snapshot_carries VALUES ('s', 'others_replies')")
    add_post(store, "v1", "vic", T0, "everything hurts and i'm so tired")
    add_post(store, "w1", "troll", T0 + timedelta(hours=1), WISH, reply_to="v1",
             reply_to_account="vic")
    add_scores(store, [("v1", "distress", 0.9), ("w1", "toxicity", 0.4), ("w1", "crisis", 0.63),
                       ("w1", "distress", 0.8)], version="old-1")
    if rule_rows:
        add_rule_readings(store, "old-1")
    return store


def test_an_earlier_models_scores_read_death_wishes_from_the_texts():
    store = _store(rule_rows=False)
    rm = read_model(store)
    try:
        box = inbox(rm, days=30)
        assert [i.status for i in box.items if i.post_id == "w1"] == [WISHES_HARM]
        d = {g.group: g for g in void_rate(rm).groups}["distress"]
        assert (d.eligible_7d, d.unanswered_7d, d.hostile_only_7d) == (1, 1, 1)
    finally:
        rm.close()
    # read, never written: the store still holds what the earlier model wrote
    assert store.scalar("SELECT count(*) FROM signal_scores WHERE signal = 'death_wish'") == 0


def test_stored_readings_are_read_as_they_are():
    """Where the model stored its readings, they decide: a reading of 0 is not read again
    from the text."""
    store = _store(rule_rows=True)
    store.execute("UPDATE signal_scores SET score = 0 WHERE signal = 'death_wish'")
    rm = read_model(store)
    try:
        assert not [i for i in inbox(rm, days=30).items if i.status == WISHES_HARM]
    finally:
        rm.close()


def test_inbox_says_it_reads_a_database_of_an_earlier_model_again(tmp_path, run):
    """A review (2026-12-06): after an upgrade `inbox` and `care` read every post again
    with the installed model and said nothing, so the counts changed with no word."""
    from kindscope.signals import MODEL_VERSION

    db = tmp_path / "k.duckdb"
    store = Store(db)
    add_snapshot(store, "s", owner="vic", taken=T0 + timedelta(days=10))
    add_post(store, "v1", "vic", T0, "everything hurts and i'm so tired")
    add_scores(store, [("v1", "distress", 0.9)], version="old-1")
    store.close()
    result = run("inbox", "--db", db)
    assert result.exit_code == 0, result.output
    assert ("note: reading every post again with the installed model (this database's were "
            "read by an earlier version)") in result.stderr
    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM signal_scores WHERE model_version = ?",
                            [MODEL_VERSION]) > 0
    assert "reading every post again" not in run("inbox", "--db", db).stderr  # once


def test_commands_that_do_not_score_say_the_scores_are_an_earlier_models(tmp_path, run):
    """`report` said that its posts were read by an earlier version of the model; `safety`,
    `network` and `community`, which do not score either, said nothing (a review,
    2026-12-06). Each says it once."""
    db = tmp_path / "k.duckdb"
    store = Store(db)
    add_snapshot(store, "s", owner="vic", taken=T0 + timedelta(days=10))
    add_post(store, "v1", "vic", T0, "everything hurts and i'm so tired")
    add_post(store, "w1", "troll", T0 + timedelta(hours=1), WISH, reply_to="v1",
             reply_to_account="vic")
    add_scores(store, [("v1", "distress", 0.9), ("w1", "toxicity", 0.4)],
               version="minilm4ft-s9-stack-2026.12.22")
    store.close()
    said = "These posts were read by an earlier version of kindscope's model " \
        "(minilm4ft-s9-stack-2026.12.22), not the one installed"
    for args in (("safety",), ("network",),
                 ("community", "--engine", "duckdb", "--out", tmp_path / "c")):
        result = run(*args, "--db", db)
        assert result.exit_code == 0, (args, result.output)
        flat = " ".join(result.output.split())
        assert flat.count(said) == 1, (args, result.output)
        # the command that reads this database again, not ./kindscope.duckdb (a review)
        assert f"`kindscope score --db {db}` reads them again" in flat, (args, flat)


def test_words_that_tell_me_to_die_are_never_supportive():
    """An earlier model's support reading of such a reply stood (0.8): the stored reading,
    read from the text meanwhile, made it hostile but still "supportive" in "Kindness you
    received" (a review, 2026-12-06). Hostile replies are never supportive."""
    from kindscope.metrics import kindness_received

    store = _store(rule_rows=False)
    store.execute("INSERT INTO signal_scores VALUES ('x', 'w1', 'support', 0.8, 'old-1')")
    rm = read_model(store)
    try:
        received = kindness_received(rm)
        assert (received.replies, received.supportive_share, received.wish_words) == (1, 0.0, 1)
    finally:
        rm.close()
