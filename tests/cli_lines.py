"""What the CLI tests share: an error is one line, ``kindscope: error: ...``, exit 2."""

from __future__ import annotations


def one_line(result, *words: str) -> str:
    """Assert ``result`` (click's) is the one-line error, exit 2, holding each of ``words``;
    return it."""
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("kindscope: error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    return result.stderr
