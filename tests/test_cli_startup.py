"""Start-up: `kindscope score` imports only what scoring needs, and `kindscope --help` lists
every command as its own help does without importing it (benchmarks/bench_startup.py)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import click
import pytest

from kindscope.cli import COMMANDS, LazyGroup, cli

#: Runs the CLI in a fresh interpreter, then prints the modules it imported as one JSON line.
IMPORTED = """
import json, sys
from kindscope.cli import cli
try:
    cli(sys.argv[1:], prog_name="kindscope")
except SystemExit as exit:
    assert not exit.code, exit.code
print(json.dumps(sorted(sys.modules)))
"""


def imported_by(*args: str, stdin: str | None = None) -> set[str]:
    result = subprocess.run([sys.executable, "-c", IMPORTED, *args], input=stdin,
                            capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout.splitlines()[-1]))


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize(("args", "stdin"), [
    (("score", "--text", "hello there"), None),
    (("score", "--text", "I'm so sorry about your week, I'm here for you."), None),
    (("score", "-"), "hi\nyou idiot\n"),
])
def test_score_imports_no_duckdb_and_no_other_command(args, stdin):
    modules = imported_by(*args, stdin=stdin)
    assert "duckdb" not in top_level(modules)
    commands = {name for name in modules if name.startswith("kindscope.commands.")}
    assert commands == {"kindscope.commands.common", "kindscope.commands.score"}


@pytest.mark.skipif(importlib.util.find_spec("pandas") is None, reason="pandas not installed")
def test_score_text_imports_no_pandas():
    assert "pandas" not in top_level(imported_by("score", "--text", "hello there"))


def test_help_imports_no_command():
    modules = imported_by("--help")
    assert not {name for name in modules if name.startswith("kindscope.commands.")} - {
        "kindscope.commands", "kindscope.commands.common"}
    assert not top_level(modules) & {"duckdb", "pandas", "pyarrow", "numpy"}


def listing(group: click.Group, width: int) -> str:
    ctx = click.Context(group, info_name="kindscope", terminal_width=width)
    formatter = ctx.make_formatter()
    group.format_commands(ctx, formatter)
    return formatter.getvalue()


@pytest.mark.parametrize("width", [50, 80, 120, 300])
def test_help_lists_each_command_as_its_own_help_does(width):
    lazy = LazyGroup("kindscope")  # nothing imported through it: the summaries of COMMANDS
    eager = click.Group("kindscope", commands={name: cli.commands[name] for name in COMMANDS})
    assert listing(lazy, width) == listing(eager, width)
    assert all(name in listing(lazy, width) for name in COMMANDS)


def test_every_command_is_where_commands_says():
    for name, (where, _summary) in COMMANDS.items():
        command = cli.commands[name]
        assert isinstance(command, click.Command) and command.name == name, where


def test_an_unknown_command_is_a_usage_error(run):
    result = run("nosuch")
    assert result.exit_code == 2
    assert result.stderr.startswith("kindscope: error: No such command 'nosuch' (see `")
    assert result.stderr.count("\n") == 1
