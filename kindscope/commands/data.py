"""Commands that move data in and out: import, stats, export."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click

from kindscope.commands.common import Progress, data_option, db_option
from kindscope.errors import InputError
from kindscope.ingest import ADDED_KINDS, FORMATS, ImportOptions, import_sources
from kindscope.store.dataset import check_replaceable, is_dataset, load_dataset, write_dataset
from kindscope.store.db import open_store
from kindscope.store.queries import export_tables, stats

__all__ = ["import_command", "stats_command", "export_command"]


@click.command("import")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default=None,
              help="Skip auto-detection and read every SOURCE as this format.")
@click.option("--include-dms", is_flag=True, default=False,
              help="Also import direct messages (never imported otherwise).")
@click.option("--skip-bad-records", is_flag=True, default=False,
              help="Leave out records that cannot be read or stored exactly (listed on "
                   "stderr) instead of refusing the whole import.")
@click.option("--following", is_flag=True, default=False,
              help="With bluesky:HANDLE or mastodon:@user@host: fetch the recent posts of "
                   "the accounts it follows, for `kindscope care` (kept only for the care "
                   "window; opted-out accounts are never read).")
@click.option("--days", "following_days", type=click.FloatRange(min=0, min_open=True),
              default=3.0, show_default=True,
              help="With --following: how many days of posts to fetch.")
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False), default=None,
              help="Write to this Parquet dataset folder (created, or added to) instead of "
                   "the database.")
def import_command(sources, db, fmt, include_dms, skip_bad_records, following,
                   following_days, parquet_dir):
    """Import exports into the database (all in one transaction).

    SOURCE is an X archive (.zip or folder), a Mastodon export (.zip, .tar.gz or folder,
    or its CSV files), a Bluesky repo .car, a Jetstream capture .jsonl, a generic
    posts JSONL/CSV or follower,followee CSV, or an online account:
    bluesky:HANDLE or mastodon:@user@host.

    Example:

        kindscope import twitter-archive.zip --db me.duckdb

        kindscope import bluesky:ana.bsky.social --following

        kindscope import capture.jsonl --parquet community-data/
    """
    if following:
        fmt = _following_format(sources, fmt)
    options = ImportOptions(include_dms=include_dms, skip_bad_records=skip_bad_records,
                            following_days=following_days,
                            progress=_account_progress() if following else None)
    if parquet_dir is not None:
        if following:  # a dataset never holds posts fetched only for the care queue
            raise InputError("--following fetches posts for the care queue only, which a "
                             "dataset does not keep: import them into a database (--db)",
                             "--parquet")
        if db is not None:
            raise click.UsageError("give --db or --parquet, not both")
        results = _import_to_dataset(sources, parquet_dir, fmt, options)
    else:
        with open_store(db) as store:
            with Progress("Importing") as bar:
                results = import_sources(store, list(sources), fmt, options,
                                         progress=bar.update)
    if options.skipped:
        n = len(options.skipped)
        click.echo(f"skipped {n} bad record{'s' if n != 1 else ''}:", err=True)
        for line in options.skipped:
            click.echo("  " + " ".join(line.split()), err=True)
    for result in results:
        if result.already_imported:
            click.echo(f"{result.source}: already imported ({result.format}), nothing added")
            continue
        parts = [_added(result.added, k) for k in ADDED_KINDS if k != "replies"]
        if result.added.get("care_only_posts", 0) > 0:
            parts.append(f"{result.added['care_only_posts']} posts of others for the care "
                         "queue only")
        kept = result.added.get("earlier_texts", 0)
        if kept > 0:  # nothing imported is lost: an edit keeps what was said before
            parts.append(f"{kept} earlier {'text' if kept == 1 else 'texts'} of edited or "
                         "updated posts kept")
        same = (f" (the same data as {result.same_as}, imported before)" if result.same_as
                else "")
        click.echo(f"{result.source} ({result.format}): added " + ", ".join(parts) + same)


def _added(added: dict[str, int], kind: str) -> str:
    """One kind's count on the import line; replies are among the posts, and said so ("453
    posts, 208 replies" read as 661 records)."""
    count = added.get(kind, 0)
    replies = added.get("replies", 0) if kind == "posts" else 0
    return f"{count} {kind}" + (f" ({replies} of them replies)" if replies else "")


def _import_to_dataset(sources, parquet_dir, fmt, options):
    """Import into a Parquet dataset (:mod:`kindscope.store.dataset`).

    The simplest honest way, not a streaming writer: what the folder already holds is
    loaded into a temporary DuckDB file next to it, the sources are imported there with the
    same transaction logic as into a database (a snapshot the dataset already holds is
    "already imported" and not added twice), and the whole is written back as the
    dataset, replacing the old one only once the new one is complete. It needs disk (and
    time) for the whole dataset, not only the new records.
    """
    out = Path(parquet_dir)
    check_replaceable(out)  # before any fetch or load: refused later, all of it is lost
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{out.name}.import-", dir=out.parent) as tmp:
        with open_store(Path(tmp) / "work.duckdb") as store:
            if is_dataset(out):
                load_dataset(store, out)
            with Progress("Importing") as bar:
                results = import_sources(store, list(sources), fmt, options,
                                         progress=bar.update)
            if not is_dataset(out) or not all(r.already_imported for r in results):
                write_dataset(store, out)
    return results


def _following_format(sources, fmt) -> str:
    """``bluesky-following`` or ``mastodon-following``, for sources of one online kind."""
    kinds = {"bluesky-following" if s.startswith("bluesky:") else
             "mastodon-following" if s.startswith("mastodon:") else None for s in sources}
    if fmt is not None or len(kinds) != 1 or None in kinds:
        raise InputError("--following takes bluesky:HANDLE or mastodon:@user@host sources "
                         "of one platform, without --format")
    return kinds.pop()


def _account_progress():
    """``(done, total)`` accounts on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        click.echo(f"\rReading followed accounts: {done:,}/{total:,}", err=True,
                   nl=done == total)

    return show


#: Row names of `kindscope stats` that say more than the key: the replies are among the
#: posts ("posts 453, replies 208" read as 661 records; --json keeps the keys).
ROW_NAMES = {"replies": "  of them replies"}


@click.command("stats")
@db_option
@data_option("Count")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def stats_command(db, data_dir, as_json):
    """Counts per table and per platform.

    Example:

        kindscope stats --json
        kindscope stats --data my-data/
    """
    if data_dir is not None and db is not None:
        raise click.UsageError("give --db or --data, not both")
    if data_dir is not None:
        from kindscope.store.dataset import open_dataset

        with open_dataset(data_dir) as store:
            counts = stats(store)
    else:
        with open_store(db, read_only=True) as store:
            counts = stats(store)
            if store.missing:
                click.echo(f"note: {store.path}: no such database file yet (nothing "
                           "imported); nothing was created", err=True)
    if as_json:
        click.echo(json.dumps(counts, indent=2, sort_keys=True))
        return
    keys = [k for k in counts if k != "by_platform"]
    click.echo(f"{'':18}" + "".join(f"{p:>12}" for p in counts["by_platform"]) + f"{'all':>12}")
    for key in keys:
        row = "".join(f"{v[key]:>12,}" for v in counts["by_platform"].values())
        click.echo(f"{ROW_NAMES.get(key, key):18}{row}{counts[key]:>12,}")


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl"]), default="parquet",
              show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True,
              help="Folder to write into: a Parquet dataset (replaced whole) or one JSONL "
                   "file per table.")
def export_command(db, fmt, out_dir):
    """Export every table: a Parquet dataset or JSONL files.

    Parquet: a dataset folder (docs/scale.md) with posts, their sources, scores and
    languages partitioned by platform and day, the other tables one file each, and
    dataset.json; `report`, `community`, `network`, `safety`, `evidence` and `stats`
    read it with `--data`.

    Example:

        kindscope export --format parquet --out my-data/
    """
    with open_store(db, read_only=True, must_exist=True) as store:
        files = export_tables(store, out_dir, fmt)
    for file in files:
        click.echo(str(file))
