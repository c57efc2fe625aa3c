"""kindscope's command line: a thin layer over the library.

Each command lives in ``kindscope/commands/``; this module only assembles them.
"""

from __future__ import annotations

import click

from kindscope import __version__
from kindscope.commands.care import care_command, inbox_command
from kindscope.commands.check import check_command
from kindscope.commands.common import KindscopeGroup
from kindscope.commands.community import community_command
from kindscope.commands.data import export_command, import_command, stats_command
from kindscope.commands.network import network_command
from kindscope.commands.report import analyze_command, report_command
from kindscope.commands.safety import evidence_command, safety_group
from kindscope.commands.score import score_command

__all__ = ["cli", "main"]


@click.group(cls=KindscopeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kindscope")
@click.option("--debug", is_flag=True, default=False,
              help="Show the full traceback when kindscope itself fails (for bug reports).")
def cli(debug):
    """kindscope: how kind are you to your community, and how kind is it to you?

    Everything runs on this computer. Nothing is posted, sent or contacted unless a
    command you give names an online source.
    """


for _command in (import_command, stats_command, export_command, score_command,
                 analyze_command, report_command, network_command, safety_group,
                 evidence_command, care_command, inbox_command, check_command,
                 community_command):
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="kindscope")
