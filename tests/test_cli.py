"""The CLI as a whole: documented commands, one-line errors, unchanged database."""

from __future__ import annotations

import click

from kindscope.cli import cli


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))


def test_every_command_has_an_example_in_its_help(run):
    names = []
    for path, _command in _commands(cli):
        result = run(*path, "--help")
        assert result.exit_code == 0
        assert "Example" in result.output, f"`kindscope {' '.join(path)}` has no Example"
        names.append(path)
    assert ("import",) in names and ("stats",) in names and ("export",) in names


def test_commands_are_kebab_case():
    for path, _command in _commands(cli):
        assert all(part == part.lower() and "_" not in part for part in path)


def test_python_dash_m_and_version(run):
    assert "kindscope" in run("--version").output


def test_missing_source_is_one_line_exit_2(run, tmp_path):
    result = run("import", tmp_path / "nope.zip", "--db", tmp_path / "k.duckdb")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("kindscope: error: ")
    assert "nope.zip" in result.stderr
    assert not (tmp_path / "k.duckdb").exists()


def test_unknown_file_type_is_one_line_exit_2(run, tmp_path):
    path = tmp_path / "holiday.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = run("import", path, "--db", tmp_path / "k.duckdb")
    assert result.exit_code == 2
    assert result.stderr.startswith("kindscope: error: ") and "holiday.png" in result.stderr
