"""kindscope's command line: a thin layer over the library.

Each command lives in ``kindscope/commands/``; this module only assembles them. A command's
module is imported only when that command runs (or its help is asked for), so that
``kindscope score`` does not pay for the DuckDB, report and graph code of the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping

import click

from kindscope import __version__
from kindscope.commands.common import KindscopeGroup

__all__ = ["COMMANDS", "cli", "main"]

#: Each command: (where it lives, "module:attribute"; the first paragraph of its help, which
#: ``kindscope --help`` lists without importing the module). tests/test_cli_startup.py
#: checks the summaries against the commands' own help.
COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("kindscope.commands.data:import_command",
               "Import exports into the database (all in one transaction)."),
    "stats": ("kindscope.commands.data:stats_command",
              "Counts per table and per platform."),
    "export": ("kindscope.commands.data:export_command",
               "Export every table: a Parquet dataset or JSONL files."),
    "score": ("kindscope.commands.score:score_command",
              "Read posts for distress, crisis, toxicity, offensive, hate, support and upbeat."),
    "analyze": ("kindscope.commands.report:analyze_command",
                "Import, score and write the kindness report (report.html and report.json)."),
    "report": ("kindscope.commands.report:report_command",
               "Write the kindness report from what the database (or a dataset) already "
               "holds."),
    "network": ("kindscope.commands.network:network_command",
                "Communities, reciprocity, diversity and unfollow audits of the follow graph."),
    "safety": ("kindscope.commands.safety:safety_group",
               "Pile-ons, trawlers and bursts of hostile replies in the data (and "
               "`safety bots` for bot scores)."),
    "evidence": ("kindscope.commands.safety:evidence_command",
                 "Write an evidence pack: HTML, JSON, CSV and a SHA-256 manifest; or check "
                 "one."),
    "care": ("kindscope.commands.care:care_command",
             "People you follow who posted something painful and have had no reply yet, "
             "or only hostile ones."),
    "inbox": ("kindscope.commands.care:inbox_command",
              "Replies and mentions to you that you have not answered yet: messages that may "
              "read as a crisis first, then messages that read as painful or kind, "
              "hostile ones last, counted but not printed word for word unless "
              "--show-hostile (see `kindscope safety`)."),
    "check": ("kindscope.commands.check:check_command",
              "A pause before you post: read a draft before it goes out."),
    "community": ("kindscope.commands.community:community_command",
                  "The community view for moderators: no one is named, no one gets a "
                  "verdict."),
}


class LazyCommands(MutableMapping):
    """Command name -> command, importing a command's module on first access.

    Iterating, ``len`` and ``in`` import nothing; ``[name]``, ``get``, ``values`` and
    ``items`` import what they return. Commands added with ``[name] = command`` are kept
    as given.
    """

    def __init__(self, where: dict[str, str]):
        self._entries: dict[str, click.Command | str] = dict(where)

    def __getitem__(self, name: str) -> click.Command:
        entry = self._entries[name]
        if isinstance(entry, str):
            module, _, attribute = entry.partition(":")
            entry = self._entries[name] = getattr(importlib.import_module(module), attribute)
        return entry

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._entries[name] = command

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def loaded(self, name: str) -> click.Command | None:
        """The command if its module was imported already, else None."""
        entry = self._entries.get(name)
        return None if isinstance(entry, str) else entry


class LazyGroup(KindscopeGroup):
    """:class:`KindscopeGroup` whose commands are imported when used (see ``COMMANDS``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands({name: where for name, (where, _) in COMMANDS.items()})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's listing, with the summaries of ``COMMANDS`` for commands not imported."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands.loaded(name)
            if command is None:
                command = click.Command(name, help=COMMANDS[name][1])
            if not command.hidden:
                rows.append((name, command))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, command.get_short_help_str(limit))
                                    for name, command in rows])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kindscope")
@click.option("--debug", is_flag=True, default=False,
              help="Show the full traceback when kindscope itself fails (for bug reports).")
def cli(debug):
    """kindscope: how kind are you to your community, and how kind is it to you?

    Everything runs on this computer. Nothing is posted, sent or contacted unless a
    command you give names an online source.
    """


def main() -> None:
    cli(prog_name="kindscope")
