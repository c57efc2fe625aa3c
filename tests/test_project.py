"""The project's own promises: the quick start and CI run what the README says."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _quick_start() -> list[str]:
    text = (ROOT / "README.md").read_text()
    block = text.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line.split("#")[0].strip() for line in block.strip().splitlines()]


def test_quick_start_is_two_commands_that_exist():
    commands = _quick_start()
    assert len(commands) == 2
    for command in commands:
        script = re.fullmatch(r"bash (scripts/\S+\.sh)", command)
        assert script and (ROOT / script.group(1)).is_file(), command


def test_ci_runs_exactly_the_readme_test_command():
    test_command = _quick_start()[1]
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert test_command in ci_lines


def test_every_setting_is_documented_in_the_readme():
    from kindscope.settings import SETTINGS

    readme = (ROOT / "README.md").read_text()
    missing = [s.env for s in SETTINGS.values() if s.env not in readme]
    assert not missing, f"README's settings table lacks {missing}"
