"""The commands kindscope's messages name read the data the command that named them read
(``store.where``): a bare `kindscope score` in a report on ``--db me.duckdb`` scored
./kindscope.duckdb, and the report went on saying nothing was scored."""

from __future__ import annotations

import html
import json
import re
import shlex
from pathlib import Path

import pytest

from kindscope.commands.report import demo_path
from kindscope.store.dataset import open_dataset
from kindscope.store.db import Store
from kindscope.store.where import HERE, Where

#: The commands that read (or add to) a database or a dataset.
READERS = ("score", "care", "inbox", "safety", "evidence", "report", "community", "network",
           "stats", "import", "analyze")
_NAMED = re.compile(r"`(kindscope [^`]+)`|<code>(kindscope [^<]+)</code>")


def _named(text: str) -> list[str]:
    """Every command a text names (in backticks, or in an HTML page's code)."""
    return [html.unescape(a or b) for a, b in _NAMED.findall(text)]


def test_each_command_gets_the_words_it_takes_for_the_data():
    db = Where(db="my data/me.duckdb", me="@ana")
    assert db.command("score") == "kindscope score --db 'my data/me.duckdb'"
    assert db.command("safety") == "kindscope safety --db 'my data/me.duckdb' --me @ana"
    assert db.command("evidence", "--incident", "pileon-1", "--out", "evidence-pileon-1") == (
        "kindscope evidence --db 'my data/me.duckdb' --me @ana --incident pileon-1 "
        "--out evidence-pileon-1")
    # a source first, as the commands' own examples give it; what it reads after
    assert db.command("import", "bluesky:ana.bsky.social", "--following") == (
        "kindscope import bluesky:ana.bsky.social --db 'my data/me.duckdb' --following")
    data = Where(data="/srv/community data")
    assert data.command("care") == "kindscope care --data '/srv/community data'"
    assert data.command("score") == ("kindscope score --engine spark --data "
                                     "'/srv/community data'")
    assert data.command("import", "x.jsonl") == ("kindscope import x.jsonl --parquet "
                                                 "'/srv/community data'")
    # posts fetched for the care queue go into a database: never a dataset
    assert data.command("import", "bluesky:HANDLE", "--following") == (
        "kindscope import bluesky:HANDLE --following")
    assert HERE.command("score") == "kindscope score"


def test_the_demo_in_memory_is_read_only_by_the_commands_that_build_it():
    demo = Where(demo=True, me="omar")
    assert demo.command("inbox", "--show-hostile") == ("kindscope inbox --demo --me omar "
                                                       "--show-hostile")
    assert demo.reads("care") and not demo.reads("safety") and not demo.reads("score")
    # the demo imported into a file: the file holds it, for every command
    on_file = Where(db="d.duckdb", demo=True)
    assert on_file.reads("safety") and on_file.command("safety") == "kindscope safety --db d.duckdb"
    assert on_file.command("care") == "kindscope care --db d.duckdb"


def test_a_shared_file_names_the_data_as_given_but_never_where_it_lives(tmp_path,
                                                                         monkeypatch):
    """A relative path works from where the command ran (a name alone did not: "my
    data/me.duckdb" became "me.duckdb", no such file, a user's-eye review, 2026-12-07); an
    absolute one, or one that climbs out, tells where someone's files live: its name only."""
    assert Where(db="my data/me.duckdb").shared() == Where(db="my data/me.duckdb")
    assert Where(db="/home/ana/private/me.duckdb", me="ana").shared() == Where(db="me.duckdb",
                                                                              me="ana")
    assert Where(db="../../ana/me.duckdb").shared() == Where(db="me.duckdb")
    assert Where(data="/srv/x/community/").shared() == Where(data="community")
    # "." is relative: pasted from where it was run, it reads the same folder (never '')
    assert Where(data=".").shared() == Where(data=".")
    # a link is named by its own name, not its target's
    (tmp_path / "target.duckdb").write_bytes(b"")
    (tmp_path / "link.duckdb").symlink_to(tmp_path / "target.duckdb")
    assert Where(db=str(tmp_path / "link.duckdb")).shared() == Where(db="link.duckdb")


def test_the_terminal_names_the_data_as_given_in_whole_words_only():
    where = Where(data="/srv/ds")
    text = ("run `kindscope score --engine spark --data ds`. Not --data ds2, --data ds/sub; "
            "but --data ds")
    assert where.as_given(text) == ("run `kindscope score --engine spark --data /srv/ds`. Not "
                                    "--data ds2, --data ds/sub; but --data /srv/ds")
    assert Where(db="my data/d.duckdb").as_given("--db d.duckdb") == "--db d.duckdb"


def test_a_store_knows_how_it_was_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KINDSCOPE_DB", raising=False)
    with Store() as store:  # the default file: nothing to name
        assert store.where == HERE
    with Store(tmp_path / "a b.duckdb") as store:
        assert store.where == Where(db=str(tmp_path / "a b.duckdb"))
    monkeypatch.setenv("KINDSCOPE_DB", "env.duckdb")  # set for one command: named too
    with Store() as store:
        assert store.where == Where(db="env.duckdb")
    # the default's own name, given while the variable names another: named, or a bare
    # command would read the variable's
    with Store("kindscope.duckdb") as store:
        assert store.where == Where(db="kindscope.duckdb")


def test_every_command_named_on_a_database_elsewhere_reads_it(tmp_path, run):
    """Imported, not scored, into a database that is not the default: every command each
    read command names (terminal, report.json, the page, community.json) reads it."""
    db = tmp_path / "my data" / "d.duckdb"
    db.parent.mkdir()
    assert run("import", demo_path(), "--db", db).exit_code == 0
    said = []
    for args in (("report", "--out", tmp_path / "r"), ("safety",), ("network",),
                 ("community", "--out", tmp_path / "c"), ("care",), ("inbox",)):
        result = run(*args, "--db", db)
        assert result.exit_code == 0, result.output
        said += [(args[0], c) for c in _named(result.output)]
    for name in ("r/report.json", "r/report.html", "c/community.json"):
        said += [(name, c) for c in _named((tmp_path / name).read_text(encoding="utf-8"))]
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    said += [("report.json", report["care"]["command"]),
             *(("report.json", c) for c in report["source"]["commands"].values())]
    reading = [(where, c) for where, c in said if shlex.split(c)[1] in READERS]
    # the unscored data names score in the terminal of report, safety and community
    assert {"report", "safety", "community"} <= {where for where, _ in reading}, said
    for where, command in reading:
        words = shlex.split(command)
        given = words[words.index("--db") + 1] if "--db" in words else None
        # the files people share give an absolute path's name only, the terminal the path
        shared = where.startswith(("r/", "c/", "report.json"))
        assert given == (db.name if shared else str(db)), (where, command)


def test_a_report_on_a_dataset_names_the_dataset(tmp_path, run):
    data = tmp_path / "community"
    assert run("import", demo_path(), "--parquet", data).exit_code == 0
    assert run("report", "--data", data, "--out", tmp_path / "r").exit_code == 0
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert report["care"]["command"] == "kindscope care --data community"
    assert report["source"]["commands"]["score"] == ("kindscope score --engine spark --data "
                                                     "community")
    with open_dataset(data) as store:
        assert store.where == Where(data=str(data))


def test_the_demos_report_names_the_demo(tmp_path, run):
    """`kindscope analyze --demo` wrote a report whose care command read ./kindscope.duckdb,
    where the demo never was."""
    assert run("analyze", "--demo", "--out", tmp_path / "r").exit_code == 0
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert report["care"]["command"] == "kindscope care --demo"
    assert report["source"]["commands"]["inbox"] == "kindscope inbox --demo"
    assert "score" not in report["source"]["commands"]  # it cannot read the demo in memory
    # nor can stats, evidence or safety: the page offers none of them, bare or not
    page = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    named = _named(page)
    assert named and all(c.split()[1] in ("care", "inbox") and "--demo" in c for c in named), named


def test_the_default_database_needs_no_words(tmp_path, run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KINDSCOPE_DB", raising=False)
    assert run("import", demo_path()).exit_code == 0
    assert Path("kindscope.duckdb").exists()
    result = run("report", "--out", tmp_path / "r")
    assert "`kindscope score` reads them" in result.output


def test_a_relative_path_is_named_as_given_everywhere(tmp_path, run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my data").mkdir()
    assert run("import", demo_path(), "--db", "my data/d.duckdb").exit_code == 0
    result = run("report", "--db", "my data/d.duckdb", "--out", "r")
    assert "`kindscope score --db 'my data/d.duckdb'` reads them" in result.output
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert report["care"]["command"] == "kindscope care --db 'my data/d.duckdb'"
    assert str(tmp_path) not in (tmp_path / "r" / "report.json").read_text(encoding="utf-8")


def test_on_a_dataset_care_names_what_can_fetch_its_circle_and_score_it(tmp_path, run):
    """`care --data` offered `kindscope import mastodon:... --following`, which filled
    ./kindscope.duckdb, never read by `care --data`; and the report of an unscored dataset
    named `care` as what scores it, which cannot write a dataset (reviews, 2026-12-07)."""
    archive = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "mastodon-archive-full"
    if not archive.exists():
        pytest.skip("fixture missing")
    data = tmp_path / "ds"
    assert run("import", archive, "--parquet", data).exit_code == 0
    said = run("care", "--data", data).output
    assert "a dataset does not keep the posts fetched for the care queue" in said
    assert "--following --db FILE` fetches your follows into a database" in said
    assert "`kindscope care --db FILE` reads" in said
    demo = tmp_path / "demo"
    assert run("import", demo_path(), "--parquet", demo).exit_code == 0
    assert run("report", "--data", demo, "--out", tmp_path / "r").exit_code == 0
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert report["care"]["reason"].endswith(
        "`kindscope score --engine spark --data demo` reads them")
