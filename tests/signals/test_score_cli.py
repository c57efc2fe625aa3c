"""`kindscope score` through the CLI: a file, the store, bad input, and no network."""

from __future__ import annotations

import csv
import json
import socket

import pytest
from cli_lines import one_line

from kindscope.signals import SIGNALS


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("kindscope score tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def run_with_input():
    """The CLI in-process with ``input`` on standard input."""
    from click.testing import CliRunner

    from kindscope.cli import cli

    def invoke(input_text: str, *args):
        return CliRunner().invoke(cli, [str(a) for a in args], input=input_text,
                                  catch_exceptions=False)

    return invoke


def test_scores_a_csv_of_thousands_of_rows_offline(run, tmp_path, no_network):
    source = tmp_path / "posts.csv"
    texts = ["I feel rubbish today", "my pottery lesson was a success!",
             "people like you are vermin", "sending you a big hug, you are not alone"]
    with open(source, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text"])
        for i in range(2000):
            writer.writerow([f"{texts[i % 4]} ({i})"])
    out = tmp_path / "scores.jsonl"
    result = run("score", source, "--text-column", "text", "-o", out)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 2000
    assert [line["id"] for line in lines[:3]] == [1, 2, 3]
    assert all(set(SIGNALS) <= set(line) and line["lang"] == "en" for line in lines)
    assert all(0.0 <= line[s] <= 1.0 for line in lines for s in SIGNALS)


def test_scores_the_store_once(run, tmp_path):
    source = tmp_path / "p.jsonl"
    source.write_text(json.dumps({"id": "1", "author": "a", "text": "I feel rubbish"}) + "\n"
                      + json.dumps({"id": "2", "author": "b", "text": "hug", "reply_to": "1"})
                      + "\n")
    db = tmp_path / "k.duckdb"
    run("import", source, "--db", db)
    first = run("score", "--db", db).output
    assert "scored 2 posts" in first and "not read" not in first
    assert "scored 0 posts" in run("score", "--db", db).output


def test_a_file_without_the_text_column_is_one_line_exit_2(run, tmp_path):
    source = tmp_path / "p.csv"
    source.write_text("body\nhello\n")
    result = run("score", source, "--text-column", "text", "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kindscope: error: {source}") and "text" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_score_one_text(run, no_network):
    result = run("score", "--text", "I can't go on, everyone would be better off without me")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    row = json.loads(lines[0])
    assert list(row) == ["lang", *SIGNALS]
    assert row["lang"] == "en" and row["crisis"] >= 0.5
    # someone trying it on their own words gets a way to help, on stderr (a user's-eye
    # review, 2026-12-06); a text that does not read as a crisis gets none
    assert "you do not have to face this alone" in result.stderr
    assert "findahelpline.com" in result.stderr
    calm = run("score", "--text", "I'm here for you, don't give up")
    assert json.loads(calm.stdout)["crisis"] < 0.5 and "findahelpline" not in calm.stderr


def test_lines_typed_into_score_that_read_as_a_crisis_get_help_too(run_with_input,
                                                                    monkeypatch):
    """`score --text` pointed to help, `score -` gave none for the same words, and neither
    gave an emergency number (a care review, 2026-12-06)."""
    monkeypatch.setenv("KINDSCOPE_COUNTRY", "GB")
    result = run_with_input("I can't go on, everyone would be better off without me\n"
                            "lovely walk by the sea today\n", "score", "-")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.count("1 of the lines reads as written by someone who may be in "
                               "crisis") == 1
    assert "If you are in danger right now, call 999 (United Kingdom)." in result.stderr
    calm = run_with_input("lovely walk by the sea today\n", "score", "-")
    assert "crisis" not in calm.stderr


def test_score_one_german_text_gives_null_signals(run):
    result = run("score", "--text", "Danke dir, ich hoffe es geht dir bald besser!")
    row = json.loads(result.stdout)
    assert row["lang"] == "de"
    assert all(row[s] is None for s in SIGNALS)


def test_score_one_reply_with_its_context(run):
    alone = json.loads(run("score", "--text", "I'm so sorry, I'm here for you").stdout)
    reply = json.loads(run("score", "--text", "I'm so sorry, I'm here for you",
                           "--context", "I feel so alone tonight").stdout)
    assert reply["support"] >= 0.5
    assert reply["support"] != alone["support"]  # the context is really read


def test_score_stdin_one_text_per_line(run_with_input):
    texts = ["I feel rubbish today", "", "Het spijt me zo, ik ben er voor je als je wilt praten.",
             "😍😍", "my pottery lesson was a success!"]
    result = run_with_input("\n".join(texts) + "\n", "score", "-")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == [1, 3, 4, 5]  # line numbers; the blank line skipped
    assert [r["lang"] for r in rows] == ["en", "nl", "en", "en"]
    assert rows[1]["distress"] is None and rows[0]["distress"] >= 0.5
    assert rows[3]["upbeat"] >= 0.5


def test_score_stdin_to_a_file(run_with_input, tmp_path):
    out = tmp_path / "s.jsonl"
    result = run_with_input("hello there\n", "score", "-", "-o", out)
    assert result.exit_code == 0, result.output
    assert "scored 1 row into" in result.stderr
    assert json.loads(out.read_text())["id"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("score", "posts.csv", "--text", "hi"), "either INPUT or --text"),
        (("score", "--context", "hi"), "--context goes with --text"),
    ],
)
def test_score_form_errors_exit_2(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_the_store_records_other_languages_as_not_read(run, tmp_path):
    source = tmp_path / "p.jsonl"
    posts = [{"id": "1", "author": "a", "text": "I feel rubbish"},
             {"id": "2", "author": "b", "reply_to": "1",
              "text": "Das tut mir so leid, ich bin für dich da wenn du reden willst."}]
    source.write_text("".join(json.dumps(p) + "\n" for p in posts))
    db = tmp_path / "k.duckdb"
    run("import", source, "--db", db)
    first = run("score", "--db", db).output
    # a post not read is not counted as scored (stats' scored_posts says 1 too)
    assert "scored 1 post\n" in first and "signals do not read: 1 (de 1)" in first
    again = run("score", "--db", db).output
    assert "scored 0 posts" in again and "not read" not in again  # nothing new

    from kindscope.store.db import Store
    from kindscope.store.scoring import unread_counts

    with Store(db) as store:
        platform = store.scalar("SELECT platform FROM posts LIMIT 1")
        assert unread_counts(store, platform) == {"de": 1}
        assert store.scalar("SELECT count(DISTINCT post_id) FROM signal_scores") == 1


def test_stdin_that_is_not_utf8_is_one_line_naming_the_line(run_with_input):
    """Under a C or POSIX locale Python decodes standard input with surrogateescape: the
    bytes must be decoded strictly by kindscope, not reach the encoder as surrogates."""
    result = run_with_input(b"fine\ncaf\xe9\n", "score", "-")
    one_line(result, "standard input: line 2 is not UTF-8 text")


@pytest.mark.parametrize("option", ["--text", "--context"])
def test_an_argument_that_is_not_utf8_is_one_line_naming_the_option(run, option):
    """``$'caf\\xe9'`` on the command line under a C or POSIX locale arrives as a lone
    surrogate (os.fsdecode)."""
    args = ["--text", "caf\udce9"] if option == "--text" else ["--text", "hi", option,
                                                                "caf\udce9"]
    one_line(run("score", *args), f"{option}: ", "is not UTF-8 text")


def test_a_jsonl_text_with_a_lone_surrogate_is_one_line_naming_the_line(run, tmp_path):
    source = tmp_path / "p.jsonl"
    source.write_text('{"text": "fine"}\n{"text": "abc\\ud800"}\n')
    one_line(run("score", source), str(source), "'text' of line 2 is not UTF-8 text")


def test_stdin_and_files_say_how_many_texts_were_not_read_and_why(run_with_input, run,
                                                                   tmp_path):
    """As `score --db` does; on standard error, where it does not mix with the scores."""
    texts = ["Danke dir, ich hoffe es geht dir bald besser!",
             "Je ne veux plus vivre, je veux mourir ce soir", "I feel rubbish today"]
    said = ("not read, in a language the signals do not read: 2 (de 1, fr 1); "
            "see docs/models/languages.md")
    result = run_with_input("\n".join(texts) + "\n", "score", "-")
    assert result.exit_code == 0, result.output
    assert said in result.stderr
    assert len(result.stdout.splitlines()) == 3  # the scores alone on standard output
    source = tmp_path / "p.csv"
    source.write_text("text\n" + "".join(f'"{t}"\n' for t in texts) + '""\n')
    result = run("score", source, "-o", tmp_path / "s.jsonl")
    assert result.exit_code == 0, result.output
    assert said in result.stderr
    assert "not read, empty (no text to read): 1" in result.stderr


def test_an_empty_text_gets_null_signals_and_is_said_as_not_read(run):
    result = run("score", "--text", "")
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert row["lang"] is None and all(row[s] is None for s in SIGNALS)
    assert "not read, empty (no text to read): 1" in result.stderr
