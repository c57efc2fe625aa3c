"""The check command: a pause before you post. Reads a draft, stores and sends nothing."""

from __future__ import annotations

import json
import sys

import click

from kindscope.commands.common import country_code
from kindscope.errors import InputError
from kindscope.terminal_text import for_terminal

__all__ = ["check_command"]

#: The value of TEXT (or --context) that means "read it from standard input".
STDIN = "-"


def _stdin(what: str) -> str:
    try:
        return sys.stdin.buffer.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"the {what} on standard input is not UTF-8 text (byte {exc.start})",
                         where="standard input") from exc


@click.command("check")
@click.argument("text", metavar="TEXT")
@click.option("--context", "context", default=None, metavar="TEXT",
              help="The post your draft replies to ('-' reads it from standard input).")
@click.option("--country", default=None, metavar="CODE", callback=country_code,
              help="Show help lines for this country (GB or UK, IE, US, CA, AU, NZ, DE, FR; "
                   "default "
                   "$KINDSCOPE_COUNTRY, else international directories and common lines).")
@click.option("--json", "as_json", is_flag=True, default=False,
              help="Print one JSON object instead of text.")
def check_command(text, context, country, as_json):
    """A pause before you post: read a draft before it goes out.

    Says whether the draft may read as harsh (and which words make it read so), whether
    the post it replies to (--context) reads as painful, and, when the draft reads as your
    own pain, gentle help lines and the option to post later or to fewer people. TEXT `-`
    reads the draft from standard input.

    The draft is never stored (no database is opened), nothing is blocked and nothing is
    sent: the check runs on this computer and exits 0 whatever it finds. It reads English
    with a model that can be wrong; trust your own reading.

    Example:

        kindscope check "you are a worthless idiot"

        kindscope check "just get over it" --context "I can't go on"

        pbpaste | kindscope check - --json
    """
    from kindscope.care.draft import check_draft, render_text

    if text == STDIN and context == STDIN:
        raise click.UsageError("only one of TEXT and --context can be '-' (standard input)")
    if text == STDIN:
        text = _stdin("draft")
    if context == STDIN:
        context = _stdin("context")
    check = check_draft(text, context, _country_or_none(country))
    if as_json:
        click.echo(json.dumps(check.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(check))


def _country_or_none(given: str | None) -> str | None:
    """``--country`` as given, else ``KINDSCOPE_COUNTRY``; a bad environment value is said
    on stderr and the international directory shown instead: a stale variable must not keep
    a draft that reads as a crisis from its help lines (a review, 2026-12-06)."""
    from kindscope import settings
    from kindscope.errors import SettingError

    if given is not None:
        return given
    try:
        settings.get("country")
    except SettingError as error:
        click.echo(f"note: {for_terminal(str(error), one_line=True)}; the international "
                   "directory is shown instead", err=True)
        return ""
    return None
