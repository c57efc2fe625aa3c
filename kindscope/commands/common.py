"""Pieces every command shares: the --db option and turning errors into one line."""

from __future__ import annotations

import sys

import click

from kindscope.errors import KindscopeError

__all__ = ["db_option", "KindscopeGroup", "Progress", "fail"]

db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Database file (default ./kindscope.duckdb, or $KINDSCOPE_DB).",
)


def fail(error: KindscopeError) -> None:
    """Print ``kindscope: error: <where>: <what>`` on stderr and exit 2."""
    text = " ".join(str(error).split())
    click.echo(f"kindscope: error: {text}", err=True)
    sys.exit(2)


class KindscopeGroup(click.Group):
    """A click group that turns KindscopeError into the one-line error and exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KindscopeError as error:
            fail(error)


class Progress:
    """A record counter on stderr, shown only when stderr is a terminal.

    ``update(n)`` is what long-running library calls take as their ``progress`` callback.
    """

    def __init__(self, label: str):
        self.label = label
        self.count = 0
        self.enabled = sys.stderr.isatty()

    def update(self, n: int) -> None:
        self.count += n
        if self.enabled:
            click.echo(f"\r{self.label}: {self.count:,} records", err=True, nl=False)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info) -> None:
        if self.enabled and self.count:
            click.echo("", err=True)
