"""`kindscope score` through the CLI: a file, the store, bad input, and no network."""

from __future__ import annotations

import csv
import json
import socket

import pytest

from kindscope.signals import SIGNALS


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("kindscope score tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


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
    assert all(set(SIGNALS) <= set(line) for line in lines)
    assert all(0.0 <= line[s] <= 1.0 for line in lines for s in SIGNALS)


def test_scores_the_store_once(run, tmp_path):
    source = tmp_path / "p.jsonl"
    source.write_text(json.dumps({"id": "1", "author": "a", "text": "I feel rubbish"}) + "\n"
                      + json.dumps({"id": "2", "author": "b", "text": "hug", "reply_to": "1"})
                      + "\n")
    db = tmp_path / "k.duckdb"
    run("import", source, "--db", db)
    assert "scored 2 posts" in run("score", "--db", db).output
    assert "scored 0 posts" in run("score", "--db", db).output


def test_a_file_without_the_text_column_is_one_line_exit_2(run, tmp_path):
    source = tmp_path / "p.csv"
    source.write_text("body\nhello\n")
    result = run("score", source, "--text-column", "text", "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kindscope: error: {source}") and "text" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()
