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


# -- the house rules of docs/architecture.md: one read model, one threshold and seed source --
PACKAGE = ROOT / "kindscope"
STORE = PACKAGE / "store"
#: Where the text signals' decision points are defined (the one threshold table).
THRESHOLD_HOMES = (STORE / "read.py", PACKAGE / "signals")
#: SQL statements in a string literal (keywords upper case, as this project writes SQL).
_SQL = re.compile(
    r"\b(SELECT\b[\s\S]+?\bFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|"
    r"CREATE\s+(OR\s+REPLACE\s+)?(TEMP\w*\s+)?(TABLE|VIEW|INDEX)|DROP\s+(TABLE|VIEW)|"
    r"WITH\s+(RECURSIVE\s+)?\w+\s+AS\s*\()")
#: Calls that run SQL or read a result set, on a store, read model or connection.
_SQL_CALL = re.compile(r"\.(execute|executemany|sql|rows|scalar|column|fetchnumpy|fetchall|"
                       r"fetchone|fetchdf|fetch_arrow_table|register)\(|\.con\b|\bduckdb\b")
#: A signal score compared with a number: the threshold belongs in the threshold table.
_SCORE_CUT = re.compile(r"\b\w*(score|toxic|hate|distress|crisis|support|upbeat|offensive|"
                        r"threshold)\w*\]?\)?\s*(>=|>|<=|<)\s*\d*\.\d")
_THRESHOLD_LITERAL = re.compile(r"^\s*\w*THRESHOLD\w*\s*(:[^=]+)?=\s*\d")
_SEED_DEFAULT = re.compile(r"\bseed\s*(:\s*int\s*(\|\s*None\s*)?)?=\s*\d|"
                           r"default_rng\(\s*\d|random_state\s*=\s*\d|Random\(\s*\d")


def _modules(outside=None):
    for path in sorted(PACKAGE.rglob("*.py")):
        if outside is None or outside not in path.parents:
            yield path


def _split(path: Path) -> tuple[list[str], str]:
    """(the string literals, the code with strings and comments blanked) of a module."""
    import io
    import tokenize

    text = path.read_text(encoding="utf-8")
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    code, strings = list(text), []
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type not in (tokenize.STRING, tokenize.COMMENT):
            continue
        if tok.type == tokenize.STRING:
            strings.append(tok.string)
        begin = starts[tok.start[0] - 1] + tok.start[1]
        end = starts[tok.end[0] - 1] + tok.end[1]
        code[begin:end] = ["\n" if c == "\n" else " " for c in text[begin:end]]
    return strings, "".join(code)


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_no_sql_outside_store():
    found = []
    for path in _modules(outside=STORE):
        strings, code = _split(path)
        found += [f"{_where(path)}: SQL {m.group(0)[:40]!r}" for s in strings
                  for m in [_SQL.search(s)] if m]
        found += [f"{_where(path)}: {m.group(0)!r}" for m in _SQL_CALL.finditer(code)]
    assert not found, "SQL belongs in kindscope/store/:\n" + "\n".join(found)


def test_no_module_over_500_lines():
    long = [f"{_where(p)}: {n}" for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500]
    assert not long, long


def test_thresholds_come_from_one_place():
    found = []
    for path in _modules():
        if any(path == home or home in path.parents for home in THRESHOLD_HOMES):
            continue
        _, code = _split(path)
        for number, line in enumerate(code.splitlines(), start=1):
            if _SCORE_CUT.search(line) or _THRESHOLD_LITERAL.search(line):
                found.append(f"{_where(path)}:{number}: {line.strip()}")
    assert not found, ("compare scores through the read model's thresholds "
                       "(kindscope.store.read.decision_thresholds):\n" + "\n".join(found))


def test_seed_default_comes_only_from_settings():
    found = []
    for path in _modules():
        if path == PACKAGE / "settings.py":
            continue
        _, code = _split(path)
        found += [f"{_where(path)}: {m.group(0)!r}" for m in _SEED_DEFAULT.finditer(code)]
    assert not found, "seeds default to settings.get('seed'):\n" + "\n".join(found)


def test_the_rules_catch_what_they_are_for(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('def f(store, seed: int = 0):\n'
                   '    rows = store.rows("SELECT post_id FROM posts")\n'
                   '    return [r for r in rows if r.toxicity >= 0.5]\n'
                   'BOT_THRESHOLD = 0.5\n', encoding="utf-8")
    strings, code = _split(bad)
    assert any(_SQL.search(s) for s in strings) and _SQL_CALL.search(code)
    assert _SCORE_CUT.search(code) and _SEED_DEFAULT.search(code)
    assert any(_THRESHOLD_LITERAL.search(line) for line in code.splitlines())
    prose = tmp_path / "prose.py"
    prose.write_text('"""Select the posts from a list; delete from memory."""\nx = 0.5\n',
                     encoding="utf-8")
    strings, code = _split(prose)
    assert not any(_SQL.search(s) for s in strings) and not _SCORE_CUT.search(code)
