"""Pieces every command shares: the --db option and turning errors into one line."""

from __future__ import annotations

import sys

import click

from kindscope.errors import KindscopeError

__all__ = ["db_option", "KindscopeGroup", "fail"]

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
