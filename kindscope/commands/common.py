"""Pieces every command shares: the --db option and the one error boundary.

The boundary (:class:`KindscopeGroup`) is the only place errors become output:

- a :class:`KindscopeError` (bad input, a database kindscope cannot use, a bad setting),
  an ``OSError`` naming a file (an unwritable ``--out``, a full disk) and a bad path
  option (``--out`` naming a file, ``--db`` a folder) print one line,
  ``kindscope: error: <file>: <what is wrong>``, and exit 2;
- a usage error (an unknown command or option, a bad value) prints one line too,
  ``kindscope: error: <command>: <what is wrong> (see `<command> --help`)``, exit 2;
- output whose reader has gone (``kindscope stats | head -2``) stops quietly, exit 141;
- Ctrl-C says that what was imported is kept and to run the command again, exit 130;
- anything else is a bug in kindscope: one line asking for a report, exit 1, and the
  traceback only with ``kindscope --debug``.
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from datetime import datetime
from pathlib import Path

import click

from kindscope import settings
from kindscope.errors import InputError, KindscopeError
from kindscope.terminal_text import for_terminal

__all__ = ["as_of_time", "db_option", "older_model_note", "data_option", "open_for_reading",
           "refuse_out_inside", "country_option",
           "country_code", "check_platform", "KindscopeGroup", "Progress", "fail"]

db_option = click.option(
    "--db",
    "db",
    type=click.Path(),
    default=None,
    help="Database file (default ./kindscope.duckdb, or $KINDSCOPE_DB).",
)


def data_option(verb: str = "Read"):
    """``--data DIR``: a Parquet dataset folder instead of the database (docs/scale.md)."""
    return click.option("--data", "data_dir", type=click.Path(file_okay=False, exists=True),
                        default=None, help=f"{verb} a Parquet dataset folder (kindscope export "
                                           "--format parquet) instead of the database.")


def refuse_out_inside(out_dir, data_dir) -> None:
    """A usage error where ``--out`` lies inside the ``--data`` folder: the dataset would then
    hold files that are not its own, and refuse the next import into it (a moderator's
    review, 2026-12-06)."""
    if out_dir is None or data_dir is None:
        return
    out, data = Path(out_dir).resolve(), Path(data_dir).resolve()
    if out == data or data in out.parents:
        raise click.UsageError(f"--out {out_dir} is inside the dataset folder {data_dir}: "
                               "write it somewhere else")


def open_for_reading(db, data_dir):
    """The store a read command on DuckDB reads: the database (it must exist; opened read
    only), or the dataset at ``data_dir``, left unchanged."""
    if data_dir is not None and db is not None:
        raise click.UsageError("give --db or --data, not both")
    if data_dir is not None:
        from kindscope.store.dataset import open_dataset
        return open_dataset(data_dir)
    from kindscope.store.db import open_store
    return open_store(db, read_only=True, must_exist=True)



def as_of_time(value: str | None) -> datetime | None:
    """``--as-of``: an ISO 8601 time with its zone; None when not given."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"not a date and time: {value!r} (use e.g. 2024-05-21T08:00Z)",
                         "--as-of") from None
    if moment.tzinfo is None:
        raise InputError(f"give a time zone, e.g. {value}Z for UTC", "--as-of")
    return moment


def check_platform(store, platform: str | None) -> None:
    """``--platform``: one line naming the platforms the database holds when it holds no
    posts or follows on this one (as ``kindscope community`` says it)."""
    from kindscope.store.community import platforms

    if platform is None:
        return
    names = platforms(store)
    if platform not in names:
        raise InputError(f"no posts or follows on the platform {platform!r} "
                         f"(there are: {', '.join(names) or 'none'})", "--platform")


def country_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--country``'s callback: the ISO code (UK is GB), checked before any work; a
    country kindscope has no help lines for is one line naming the codes it knows."""
    from kindscope.care.signposting import country_code as code_of

    return None if value is None else code_of(value, "--country")


#: Whose help lines to show (kindscope.care.signposting.HELP_LINES has these countries).
country_option = click.option(
    "--country", default=None, metavar="CODE", callback=country_code,
    help="Show help lines for this country (GB or UK, IE, US, CA, AU, NZ, DE, FR; default "
         "$KINDSCOPE_COUNTRY, else an international directory).")

#: click's own path messages: "Directory 'out.html' is a file."
_PATH_MESSAGE = re.compile(r"^(?:File|Directory|Path) (['\"])(?P<value>.*)\1 (?P<problem>.+?)\.?$")


def fail(error: KindscopeError | str) -> None:
    """Print ``kindscope: error: <where>: <what>`` on stderr and exit 2."""
    text = " ".join(for_terminal(str(error)).split())  # it may name others' handles
    click.echo(f"kindscope: error: {_printable(text)}", err=True)
    sys.exit(2)


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _os_error(error: OSError) -> str:
    where = error.filename if error.filename is not None else ""
    what = error.strerror or str(error)
    if error.filename2 is not None:
        what += f" ({os.fsdecode(error.filename2)})"
    return f"{os.fsdecode(where)}: {what}" if where != "" else what


def _bad_path(error: click.BadParameter) -> str | None:
    """The one line for a path option click refused (None: not a path option)."""
    param = error.param
    if param is None or not isinstance(param.type, click.Path | click.File):
        return None
    name = param.opts[-1] if param.opts else param.name
    match = _PATH_MESSAGE.match(" ".join(error.message.split()))
    if match is None:
        return f"{name}: {' '.join(error.format_message().split())}"
    value, problem = match["value"], match["problem"]
    if problem == "is a file":
        problem = f"is a file; {name} names a folder"
    elif problem == "is a directory":
        problem = f"is a folder; {name} names a file"
    return f"{value}: {problem}"


def _usage_line(error: click.UsageError, ctx: click.Context | None = None) -> str:
    """click's usage error (an unknown option or command, a bad value) as one line: the
    command, what is wrong, and where its help is. ``ctx``: the group's, for an error that
    names no context of its own (an option given no value)."""
    if error.ctx is not None:
        command = error.ctx.command_path
    elif ctx is not None:
        command = " ".join(x for x in (ctx.command_path, ctx.invoked_subcommand) if x)
    else:
        command = "kindscope"
    what = " ".join(error.format_message().split()).rstrip(".")
    where = command.partition(" ")[2]
    return f"{where + ': ' if where else ''}{what} (see `{command} --help`)"


def _bug(error: BaseException, debug: bool) -> None:
    """A crash in kindscope's own code: traceback with --debug, otherwise one line."""
    if debug:
        traceback.print_exception(error)
    else:
        frames = traceback.extract_tb(error.__traceback__)
        at = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
        message = " ".join(str(error).split())[:200]
        click.echo(f"kindscope: internal error: {type(error).__name__}{at}: {message}", err=True)
        click.echo("This is a bug in kindscope, not a problem with your data: please report "
                   "it with the output of the same command run as `kindscope --debug ...`.",
                   err=True)
    sys.exit(1)


def _reader_gone() -> None:
    """Stop quietly when whatever reads the output has closed it: no bug report, and no
    second error when Python flushes stdout at exit (exit 141, as a shell reports a
    command ended by SIGPIPE)."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    sys.exit(141)


class KindscopeGroup(click.Group):
    """The one error boundary: see the module's docstring."""

    def make_context(self, info_name, args, parent=None, **extra):
        """The group's own options (``kindscope --nope``) are parsed here, before
        :meth:`invoke`: a usage error among them is one line too (no arguments at all
        still shows the help)."""
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:
            fail(_usage_line(error))

    #: Commands that read no setting but the country, and read that one themselves: a
    #: bad ``KINDSCOPE_SEED`` kept a draft that reads as a crisis from its help lines.
    ENVIRONMENT_FREE = frozenset({"check"})

    def resolve_command(self, ctx: click.Context, args: list[str]):
        """The command to run; every ``KINDSCOPE_*`` setting is checked first (one line
        before any work), except for the commands of :attr:`ENVIRONMENT_FREE`."""
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None and command.name not in self.ENVIRONMENT_FREE:
            settings.check_environment()
        return name, command, rest

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KindscopeError as error:
            fail(error)
        except click.UsageError as error:
            line = _bad_path(error) if isinstance(error, click.BadParameter) else None
            fail(line if line is not None else _usage_line(error, ctx))
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # the reader went away (``kindscope stats | head -2``)
            _reader_gone()
        except KeyboardInterrupt:  # Ctrl-C: say what is kept (click says only "Aborted!")
            click.echo("\nkindscope: stopped. What was imported before is kept; run the same "
                       "command again to go on.", err=True)
            sys.exit(130)
        except OSError as error:
            if error.filename is None:  # not about a file the user named
                _bug(error, bool(ctx.params.get("debug")))
            fail(_os_error(error))
        except Exception as error:  # noqa: BLE001 - the boundary: a bug, reported as one
            _bug(error, bool(ctx.params.get("debug")))


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


def older_model_note(model_version: str | None, store) -> str | None:
    """The report's sentence for scores read by another version of the model than the one
    installed (``report.view.older_model_words``), with the command that scores ``store``
    (its data: a dataset is scored on Spark), for the commands that read the store without
    scoring it (safety, network, community, and care and inbox on a database they cannot
    write); None where they are the installed model's, or nothing was scored."""
    from kindscope.report.view import older_model_words
    from kindscope.store.read import installed_model

    return older_model_words({"installed_model": installed_model(),
                              "model_version": model_version}, store.where.command("score"))


def say_whose(store, platform: str, me_id: str, given: str | None) -> None:
    """Where the database holds more than one account's imports and no --me was given, say
    on stderr whose data the output describes and how to read another's: a database with an
    X archive and a Mastodon export silently showed the newest import's owner (a user's-eye
    review, 2026-12-06)."""
    from kindscope.store.graph_edges import owners
    from kindscope.store.people import owner_handles
    from kindscope.store.read import PLACEHOLDER_OWNERS

    if given is not None:
        return
    named = [o for o in owners(store) if o[1] not in PLACEHOLDER_OWNERS]
    if len(named) < 2 or (platform, me_id) not in named:
        return
    handles = owner_handles(store, named)

    def shown(pair: tuple[str, str]) -> str:
        handle = handles.get(pair)
        return f"@{handle.lstrip('@')}" if handle else pair[1]

    others = ", ".join(f"--me {shown(o)} ({o[0]})" for o in named if o != (platform, me_id))
    click.echo(for_terminal(
        f"note: this data holds the imports of {len(named)} accounts; this is for "
        f"{shown((platform, me_id))} on {platform}, the owner of the newest import that "
        f"names one. For another: {others}.", one_line=True), err=True)
