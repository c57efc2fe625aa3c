"""The one error boundary: bad paths, settings and databases give one line and exit 2;
a bug in kindscope gives a line asking for a report (exit 1), the traceback with --debug."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import duckdb
import pytest
from cli_lines import one_line
from click.testing import CliRunner

from kindscope.cli import cli
from kindscope.store.db import Store

DEMO = Path(__file__).resolve().parents[1] / "kindscope" / "demo" / "demo-community.jsonl"


def invoke(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    assert invoke("import", DEMO, "--db", db).exit_code == 0
    return db


def tables(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT table_name, estimated_size FROM duckdb_tables() "
                           "ORDER BY table_name").fetchall()


# -- settings ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "value", "words"), [
    ("KINDSCOPE_BATCH_ROWS", "abc", ["'abc' is not a whole number"]),
    ("KINDSCOPE_MAX_FILE_BYTES", "2GB", ["'2GB' is not a whole number"]),
    ("KINDSCOPE_MAX_COMPRESSION_RATIO", "0", ["less than 1"]),
    ("KINDSCOPE_SEED", "-5", ["'-5' is less than 0"]),  # numpy refuses a negative seed
    ("KINDSCOPE_THREADS", "abc", ["'abc' is not a whole number"]),  # was a crash in score
])
def test_bad_setting_is_one_line(tmp_path, name, value, words):
    result = invoke("import", DEMO, "--db", tmp_path / "k.duckdb", env={name: value})
    one_line(result, f"kindscope: error: {name}: ", *words)
    assert not (tmp_path / "k.duckdb").exists()


# -- --country and KINDSCOPE_COUNTRY --------------------------------------------------------------
_UNKNOWN_COUNTRY = ["kindscope has no help lines for the country 'ZZ'",
                    "GB (or UK), IE, US, CA, AU, NZ, DE, FR", "international directory"]


@pytest.mark.parametrize("command", [["analyze", DEMO], ["report"], ["care"], ["inbox"],
                                     ["check", "I feel so alone"]])
def test_an_unknown_country_is_one_line_before_any_work(demo_db, tmp_path, command):
    """Not quietly the international list, as if the code had been understood."""
    db = tmp_path / "new.duckdb" if command[0] == "analyze" else demo_db
    where = [] if command[0] == "check" else ["--db", db]
    out = ["--out", tmp_path / "r"] if command[0] in ("analyze", "report") else []
    result = invoke(*command, *where, *out, "--country", "ZZ")
    one_line(result, "kindscope: error: --country: ", *_UNKNOWN_COUNTRY)
    assert not (tmp_path / "new.duckdb").exists() and not (tmp_path / "r").exists()


def test_an_unknown_country_setting_is_one_line_before_any_work(tmp_path):
    result = invoke("analyze", DEMO, "--db", tmp_path / "k.duckdb",
                    env={"KINDSCOPE_COUNTRY": "ZZ"})
    one_line(result, "kindscope: error: KINDSCOPE_COUNTRY: ", *_UNKNOWN_COUNTRY)
    assert not (tmp_path / "k.duckdb").exists()


@pytest.mark.parametrize("env", [{"KINDSCOPE_COUNTRY": "ZZ"}, {"KINDSCOPE_SEED": "abc"},
                                 {"KINDSCOPE_THREADS": "abc"}])
def test_a_bad_setting_never_keeps_a_draft_from_its_help_lines(env):
    """`check` of a draft that reads as a crisis gave only the settings error, even with
    --country given or for a setting it never reads (a review, 2026-12-06): it says the
    setting is bad and shows its help, from the country given or the international
    directory."""
    draft = "I want to end it all tonight"
    result = invoke("check", draft, env=env)
    assert result.exit_code == 0, result.output
    assert "findahelpline.com" in result.stdout
    if "KINDSCOPE_COUNTRY" in env:
        assert "note: KINDSCOPE_COUNTRY: kindscope has no help lines" in result.stderr
        given = invoke("check", draft, "--country", "GB", env=env)
        assert given.exit_code == 0 and "Samaritans" in given.stdout
        assert "KINDSCOPE_COUNTRY" not in given.stderr


def test_setting_forms_that_are_fine(monkeypatch):
    from kindscope import settings

    monkeypatch.setenv("KINDSCOPE_BATCH_ROWS", " 1_000 ")
    assert settings.get("batch_rows") == 1000
    monkeypatch.setenv("KINDSCOPE_MAX_COMPRESSION_RATIO", "50")
    assert settings.get("max_compression_ratio") == 50


# -- usage ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "words"), [
    (["care", "--bogus"], ["care: No such option '--bogus'", "(see `kindscope care --help`)"]),
    (["nosuch"], ["No such command 'nosuch'", "(see `kindscope --help`)"]),
    # options that were quietly ignored (a review, 2026-12-06)
    (["score", "--text", "hi", "-o", "x.jsonl"], ["-o/--out goes with INPUT"]),
    (["score", "--context-column", "c"], ["--context-column goes with INPUT"]),
    (["community", "--top", "0"], ["community: Invalid value for '--top'"]),
    (["safety", "bots", "--threshold", "abc", "x.csv"],
     ["safety bots: Invalid value for '--threshold'", "`kindscope safety bots --help`"]),
    (["import"], ["import: Missing argument 'SOURCES...'"]),
    (["score", "--context", "x"], ["score: --context goes with --text"]),
    # the group's own options, parsed before any command (a code review, 2026-12-06)
    (["--nope"], ["No such option '--nope'", "(see `kindscope --help`)"]),
    # an option given no value: click's error names no command of its own
    (["report", "--db"], ["report: Option '--db' requires an argument",
                          "(see `kindscope report --help`)"]),
])
def test_a_usage_error_is_one_line(args, words):
    """click's own usage errors are three lines (usage, a hint, the error); kindscope's
    rule for every error is one."""
    result = CliRunner().invoke(cli, args, prog_name="kindscope", catch_exceptions=False)
    one_line(result, "kindscope: error: ", *words)


# -- --db ----------------------------------------------------------------------------------------
def test_db_naming_a_folder(tmp_path):
    one_line(invoke("stats", "--db", tmp_path), str(tmp_path), "is a folder")
    one_line(invoke("import", DEMO, "--db", tmp_path), "is a folder")


def test_sqlite_file_as_db_downloads_nothing(tmp_path):
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE posts (id INTEGER)")
    before = db.read_bytes()
    home = tmp_path / "home"
    home.mkdir()
    result = invoke("import", DEMO, "--db", db, env={"HOME": str(home)})
    one_line(result, str(db), "not a kindscope database (a DuckDB file)")
    assert db.read_bytes() == before
    assert not (home / ".duckdb").exists()


@pytest.mark.parametrize("table", ["posts", "inventory"])
def test_another_programs_duckdb_file_is_refused_and_left_alone(tmp_path, table):
    db = tmp_path / "theirs.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(f"CREATE TABLE {table} (id INTEGER, body VARCHAR)")
        con.execute(f"INSERT INTO {table} VALUES (1, 'theirs')")
    before = tables(db)
    one_line(invoke("import", DEMO, "--db", db), "not a kindscope database", table)
    one_line(invoke("stats", "--db", db), "not a kindscope database")
    assert tables(db) == before


def test_damaged_schema_version(tmp_path):
    db = tmp_path / "k.duckdb"
    Store(db).close()
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE meta SET value = 'seven' WHERE key = 'schema_version'")
    one_line(invoke("stats", "--db", db), "meta.schema_version is damaged", "'seven'")
    one_line(invoke("import", DEMO, "--db", db), "meta.schema_version is damaged")


def test_read_command_on_a_missing_database_creates_nothing(tmp_path):
    result = invoke("stats", "--json", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 0 and json.loads(result.stdout)["posts"] == 0
    assert not (tmp_path / "none.duckdb").exists()


# -- read-only opening ---------------------------------------------------------------------------
def test_read_commands_open_the_database_read_only(demo_db, tmp_path, monkeypatch):
    import kindscope.store.db as db_module

    opened = []
    original = db_module.Store.__init__

    def spy(self, path=None, read_only=False):
        opened.append(read_only)
        original(self, path, read_only=read_only)

    monkeypatch.setattr(db_module.Store, "__init__", spy)
    for args in (["stats"], ["export", "--out", tmp_path / "x"], ["report", "--out",
                 tmp_path / "r"], ["network", "--json"], ["safety", "--json"]):
        opened.clear()
        result = invoke(*args, "--db", demo_db)
        assert result.exit_code == 0, (args, result.output)
        assert opened == [True], args


def test_a_read_only_store_refuses_writes(demo_db):
    with Store(demo_db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM posts") > 0
        with pytest.raises(duckdb.Error):
            store.execute("DELETE FROM posts")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write a file without write permission")
def test_report_on_a_database_the_user_cannot_write(demo_db, tmp_path):
    db = tmp_path / "ro.duckdb"
    db.write_bytes(demo_db.read_bytes())
    db.chmod(0o444)
    assert invoke("report", "--db", db, "--out", tmp_path / "r").exit_code == 0


# -- --out --------------------------------------------------------------------------------
def test_out_naming_an_existing_file(demo_db, tmp_path):
    file = tmp_path / "taken.html"
    file.write_text("x")
    for command in ("report", "export"):
        error = one_line(invoke(command, "--db", demo_db, "--out", file))
        assert error == f"kindscope: error: {file}: is a file; --out names a folder\n"
    error = one_line(invoke("evidence", "--account", "amara_k", "--db", demo_db, "--out", file))
    assert error == f"kindscope: error: {file}: is a file; --out names a folder\n"


def test_unwritable_out(demo_db, tmp_path):
    """A folder under a regular file cannot be made, even by root: the OS error's one line."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    texts = tmp_path / "texts.jsonl"
    texts.write_text('{"text": "hello"}\n')
    for args in (["report", "--db", demo_db, "--out", blocker / "r"],
                 ["export", "--db", demo_db, "--out", blocker / "e"],
                 ["score", texts, "--text-column", "text", "-o", blocker / "s.jsonl"],
                 ["evidence", "--account", "amara_k", "--db", demo_db, "--out", blocker / "p"]):
        one_line(invoke(*args), str(blocker))


# -- bugs --------------------------------------------------------------------------------
def _break_stats(monkeypatch):
    import kindscope.commands.data as data

    def broken(store):
        return {}["a bug"]

    monkeypatch.setattr(data, "stats", broken)


def test_a_bug_asks_for_a_report_without_a_traceback(demo_db, monkeypatch):
    _break_stats(monkeypatch)
    result = invoke("stats", "--db", demo_db)
    assert result.exit_code == 1
    assert result.stderr.startswith("kindscope: internal error: KeyError at ")
    assert "please report it" in result.stderr and "--debug" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback(demo_db, monkeypatch):
    _break_stats(monkeypatch)
    result = invoke("--debug", "stats", "--db", demo_db)
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "KeyError" in result.stderr


def test_import_errors_still_print_json_free_one_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"type": "post", "id": "1", "author": "a", "text": "\ud800"},
                              ensure_ascii=True) + "\n")
    one_line(invoke("import", bad, "--db", tmp_path / "k.duckdb"), str(bad))


def test_a_reader_that_goes_away_is_not_a_bug(demo_db):
    """``kindscope stats | head -2``: the reader closes the pipe before kindscope writes (here
    at once, so the write always fails); kindscope stops quietly (141, as a shell reports
    SIGPIPE), with no bug report and no error when Python flushes at exit."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "kindscope", "stats", "--db", str(demo_db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141, err
    assert err == ""


def test_analyze_stopped_after_its_import_keeps_the_new_database(tmp_path, monkeypatch):
    """Ctrl-C while scoring (or any failure after the import) must not delete the database
    the import just filled: running analyze again goes on from there. A first import that
    fails still leaves no file behind."""
    from kindscope.signals import store_scoring

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store_scoring, "score_store", stopped)
    db = tmp_path / "new.duckdb"
    result = CliRunner().invoke(cli, ["analyze", str(DEMO), "--db", str(db),
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 130
    assert "What was imported before is kept; run the same command again" in result.stderr
    assert db.exists()
    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM snapshots") == 1
        assert store.scalar("SELECT count(*) FROM posts") > 400
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "author": "a", "text": "x", "created_at": "not a time"}\n')
    fresh = tmp_path / "fresh.duckdb"
    assert invoke("analyze", bad, "--db", fresh).exit_code == 2
    assert not fresh.exists()


def test_a_database_in_use_says_so_in_kindscopes_words(tmp_path):
    """Another process holds the file: one line that says so, without DuckDB's advice to
    use its own command line's -readonly flag."""
    import subprocess
    import sys

    db = tmp_path / "busy.duckdb"
    holder = duckdb.connect(str(db))
    try:
        done = subprocess.run([sys.executable, "-m", "kindscope", "stats", "--db", str(db)],
                              capture_output=True, text=True, timeout=120)
    finally:
        holder.close()
    assert done.returncode == 2
    assert done.stderr.startswith(f"kindscope: error: {db}: another program (process ")
    assert "is using this database; try again when it has finished" in done.stderr
    assert "-readonly" not in done.stderr and done.stderr.count("\n") == 1
