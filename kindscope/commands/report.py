"""The kindness report commands: analyze (import, score, report) and report (store only)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import replace
from importlib import import_module
from pathlib import Path

import click

from kindscope.commands.common import (
    Progress,
    country_option,
    data_option,
    db_option,
    open_for_reading,
    refuse_out_inside,
    say_whose,
)
from kindscope.ingest import import_sources
from kindscope.report import build_report, write_report
from kindscope.store.db import Store, open_store
from kindscope.terminal_text import for_terminal

__all__ = ["analyze_command", "report_command", "demo_path", "engine_option",
           "master_option", "open_for_engine"]

_DEFAULT_OUT = "kindscope-report"


def demo_path() -> Path:
    """The bundled demo community (generic JSONL, assembled from public texts)."""
    return Path(__file__).resolve().parents[1] / "demo" / "demo-community.jsonl"


def _score(store: Store) -> None:
    """Score what is not yet scored (the report reads the scores from the store)."""
    try:
        import_module("kindscope.signals.store_scoring")
    except ImportError as exc:
        click.echo(f"note: the text signals are not available ({exc}); metrics that need "
                   "them are marked not available.", err=True)
        return
    from kindscope.commands.score import score_database

    try:
        score_database(store, err=True)
    except Exception as exc:  # noqa: BLE001 - a scoring failure must not lose the report
        click.echo(f"warning: scoring failed ({type(exc).__name__}: {exc}); the report uses "
                   "the scores already in the database.", err=True)


def _finish(store: Store, me, out_dir, show_counts, demo, country,
            engine: str = "duckdb") -> None:
    # the commands it names read the same data as the report did: the demo's with --demo
    store.where = replace(store.where, demo=demo)
    report = build_report(store, me=me, demo=demo)
    report["source"]["engine"] = engine
    owner = report["source"].get("me") or {}
    if owner.get("account_id"):
        say_whose(store, report["source"]["platform"], owner["account_id"], me)
    json_path, html_path = write_report(report, out_dir, show_counts, country)
    # the terminal names the data as given here, the report as a file people share may
    here = store.where.with_me(me)
    click.echo("")
    click.echo(for_terminal(here.as_given(report["summary"]["sentence"])))
    for line in report["summary"]["lines"]:  # they may name people (handles)
        click.echo(for_terminal(f"  {here.as_given(line)}", one_line=True))
    from kindscope.report.view import own_crisis_words, unread_words, unscored_words

    for line in (unread_words(report["source"]), unscored_words(report["source"]),
                 own_crisis_words(report, country)):
        if line:
            click.echo(here.as_given(line))
    cannot = report["data"]["cannot_show"]
    if cannot:
        from kindscope.report.view import with_own_handle
        from kindscope.store.availability import ways_to_get

        questions = [c["question"] for c in cannot]
        ways = with_own_handle(ways_to_get(report["source"]["platform"], questions,
                                           where=here), report["source"])
        click.echo(for_terminal(f"this data cannot show: {ways}", one_line=True))
    click.echo(f"wrote {html_path} and {json_path}")


engine_option = click.option(
    "--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb", show_default=True,
    help="The engine that runs the queries: DuckDB on this machine, or Apache Spark "
         "(needs --data; the optional spark extra and Java).")
master_option = click.option(
    "--master", default=None, metavar="URL",
    help="Spark master for --engine spark (default: spark.master from the Spark "
         "configuration, else local[*]).")


def open_for_engine(engine: str, data_dir, db, master) -> AbstractContextManager:
    """The store a read command reads: a database or a dataset on DuckDB, or a dataset on
    Spark. Usage errors for combinations that do not go together."""
    if data_dir is not None and db is not None:
        raise click.UsageError("give --db or --data, not both")
    if engine == "spark":
        if data_dir is None:
            raise click.UsageError("--engine spark reads a Parquet dataset: give --data DIR "
                                   "(write one with kindscope export --format parquet)")
        from kindscope.store.spark_store import open_spark_dataset
        return open_spark_dataset(data_dir, master)
    if master is not None:
        raise click.UsageError("--master is for --engine spark")
    return open_for_reading(db, data_dir)


_me_option = click.option("--me", default=None, metavar="HANDLE",
                          help="Whose report: a handle (with or without @) or account id "
                               "(default: the owner of the imported archive).")
_out_option = click.option("--out", "out_dir", type=click.Path(file_okay=False),
                           default=_DEFAULT_OUT, show_default=True,
                           help="Folder for report.html and report.json.")
_counts_option = click.option("--show-counts", is_flag=True, default=False,
                              help="Show like and engagement counts (hidden by default).")


@click.command("analyze")
@click.argument("sources", nargs=-1)
@db_option
@_out_option
@_me_option
@_counts_option
@country_option
@click.option("--demo", is_flag=True, default=False,
              help="Analyze the bundled demo community (in memory unless --db is given).")
def analyze_command(sources, db, out_dir, me, show_counts, country, demo):
    """Import, score and write the kindness report (report.html and report.json).

    SOURCE is anything `kindscope import` reads. Sources already imported are skipped,
    posts already scored are not scored again.

    Example:

        kindscope analyze twitter-archive.zip --out my-report/
    """
    if demo:
        sources = (*sources, str(demo_path()))
        db = db or ":memory:"
    if not sources:
        raise click.UsageError("give at least one SOURCE (or --demo)")
    with open_store(db) as store:
        with Progress("Importing") as bar:
            results = import_sources(store, list(sources), progress=bar.update)
        for result in results:
            state = "already imported" if result.already_imported else "imported"
            click.echo(f"{result.source}: {state} ({result.format})", err=True)
        _score(store)
        _finish(store, me, out_dir, show_counts, demo, country)


@click.command("report")
@engine_option
@db_option
@data_option()
@_out_option
@_me_option
@_counts_option
@country_option
@master_option
def report_command(engine, db, data_dir, out_dir, me, show_counts, country, master):
    """Write the kindness report from what the database (or a dataset) already holds.

    Nothing is imported or scored; unscored posts count as unscored. With --data the
    report reads a Parquet dataset and is the same as on a database holding the same data;
    with --engine spark, Apache Spark runs the same queries over the dataset and the
    report is the same again (its source block names the engine).

    Example:

        kindscope report --db me.duckdb --out my-report/

        kindscope report --data my-dataset/ --out my-report/

        kindscope report --engine spark --master local[4] --data my-dataset/ --out my-report/
    """
    refuse_out_inside(out_dir, data_dir)
    with open_for_engine(engine, data_dir, db, master) as store:
        _finish(store, me, out_dir, show_counts, False, country, engine)
