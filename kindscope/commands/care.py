"""Care commands: the care queue, the inbox and the draft check (``kindscope check``)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import click

from kindscope.care.queue import (
    DEFAULT_BUDGET,
    DEFAULT_DAYS,
    DEFAULT_INBOX_DAYS,
    CareQueue,
    care_queue,
    fetched_kept_since,
    inbox,
)
from kindscope.care.terminal import SAME, Same
from kindscope.commands.common import (
    Progress,
    as_of_time,
    country_option,
    data_option,
    db_option,
    older_model_note,
    open_for_reading,
    refuse_out_inside,
    say_whose,
)
from kindscope.errors import StoreError
from kindscope.ingest import import_sources
from kindscope.ingest.following import forget_cache
from kindscope.store import care as care_rows
from kindscope.store.db import Store, database_path, open_store
from kindscope.store.read import ReadModel, read_model

__all__ = ["care_command", "inbox_command"]


def _db(db: str | None, demo: bool) -> str | None:
    """The demo lives in memory unless --db names a file."""
    return ":memory:" if demo and db is None else db


def _read_only(db: str | None) -> bool:
    """Whether the database is a file that exists and cannot be written here (a read-only
    mount, no write permission): the care commands then open it read-only."""
    path = database_path(db)
    return path != ":memory:" and os.path.isfile(path) and not os.access(path, os.W_OK)


def _exists(db: str | None) -> bool:
    path = database_path(db)
    return path == ":memory:" or os.path.exists(path)


def _cannot_write(store: Store, why: str) -> StoreError:
    """The one line for a read-only database that the running command (care, inbox) would
    have to write: why it writes, and what to do."""
    command = click.get_current_context().info_name
    return StoreError(f"{command} needs to write this database: {why}; it is read-only "
                      "here. Make the file writable, or copy it to a folder you can write "
                      "and give the copy to --db", store.path)


@contextmanager
def _opened(db: str | None, demo: bool, data_dir: str | None) -> Iterator[Store]:
    """The store the care commands read: a Parquet dataset (``--data``: read as it is,
    never written), else the database (``--demo``: in memory unless --db names a file),
    opened read-only where it cannot be written here."""
    if data_dir is not None:
        if demo:
            raise click.UsageError("give --demo or --data, not both")
        with open_for_reading(db, data_dir) as store:
            yield store
        return
    path = _db(db, demo)
    with open_store(path, read_only=_read_only(path), must_exist=True) as store:
        yield store


@contextmanager
def _read(store: Store, demo: bool, me: str | None,
          data_dir: str | None = None) -> Iterator[ReadModel]:
    """Import the demo when asked, score what is not yet scored, and read the store (one it
    cannot write: say what the list reads, by the read model's own version and platform)."""
    _prepare(store, demo)
    # the commands it names read what it read: the in-memory demo too (--me: the read model)
    store.where = replace(store.where, demo=demo)
    rm = read_model(store, me)
    say_whose(store, rm.platform, rm.me, me)
    if store.read_only:
        _say_unscored(store, rm, data_dir)
    try:
        yield rm
    finally:
        rm.close()


def _prepare(store: Store, demo: bool) -> None:
    """Import the demo when asked, then score what is not yet scored (a read-only database:
    say how many posts the queue leaves out for want of scores)."""
    if demo:
        from kindscope.commands.report import demo_path

        if store.read_only:
            raise _cannot_write(store, "--demo imports the demo community into it")
        import_sources(store, [str(demo_path())])
    try:
        from kindscope.signals.store_scoring import score_store
    except ImportError:
        return
    if store.read_only:
        return  # said once the read model is built (_say_unscored)
    if _older_model(store):  # said, as it may take a while and change what is shown
        click.echo("note: reading every post again with the installed model (this "
                   "database's were read by an earlier version)", err=True)
    with Progress("Reading new posts") as bar:
        read = score_store(store, progress=bar.update)
    if read:  # said, as `score` says it: the database now holds the readings
        click.echo(f"scored {read:,} post{'' if read == 1 else 's'}", err=True)


def _older_model(store: Store) -> bool:
    """Whether other models read this store and the installed one none of it."""
    from kindscope.store.read import installed_model
    from kindscope.store.scoring import scored_versions

    versions = scored_versions(store)
    return bool(versions) and installed_model() not in versions


def _scores_first(store: Store, data_dir: str | None) -> str:
    """What reads the posts where no signal has yet: care itself, or, where it cannot
    write (a read-only database, a dataset), the command that can."""
    if not store.read_only:
        return f"`{store.where.command('care')}` reads them first"
    return (f"`{store.where.command('score')}` reads them"
            + ("" if data_dir is not None else " once the file is writable"))


def _say_unscored(store: Store, rm: ReadModel, data_dir: str | None) -> None:
    """On a store care cannot write (a read-only database, a dataset): that the posts the
    list reads were read by an earlier version of the model (the read model's version, on
    its platform), or how many of its platform's posts no model read yet, left out."""
    from kindscope.store.aggregates import post_counts

    where = ("a dataset is read as it is" if data_dir is not None
             else "the database is read-only here")
    older = older_model_note(rm.model_version, store)
    if older is not None:  # listed as that model read them
        click.echo(f"note: {older} This command cannot: {where}.", err=True)
        return
    count = post_counts(rm)["unscored"] or 0
    if count:
        one = count == 1
        click.echo(f"note: {count:,} post{'s' * (not one)} not yet read by the text signals "
                   f"{'is' if one else 'are'} left out of this list, as {where}: "
                   f"`{store.where.command('score')}` reads {'it' if one else 'them'}"
                   + ("" if data_dir is not None else " once the file is writable"), err=True)


_demo_option = click.option("--demo", is_flag=True, default=False,
                            help="Use the bundled demo community (in memory).")
_as_of_option = click.option("--as-of", "as_of", default=None, metavar="TIME",
                             help="Treat this time (ISO 8601 with zone) as now (default: when "
                                  "the newest import was taken).")
_json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
_me_option = click.option("--me", default=None, metavar="HANDLE",
                          help="Whose circle (default: the owner of the imported data).")


@click.command("care")
@db_option
@data_option()
@_demo_option
@_me_option
@click.option("--days", type=click.FloatRange(min=0.1, max=30), default=DEFAULT_DAYS,
              show_default=True, help="How many days back to look.")
@click.option("--include-following", is_flag=True,
              help="Everyone you follow, not only those who follow you back.")
@click.option("--budget", type=click.IntRange(min=0, max=100), default=DEFAULT_BUDGET,
              show_default=True, help="Most posts shown in one run.")
@_as_of_option
@country_option
@_json_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Also write care.html (self-contained) into this folder.")
@click.option("--forget", is_flag=True,
              help="Delete every post of others fetched for the queue (--following "
                   "imports), with their scores, and stop.")
def care_command(db, data_dir, demo, me, days, include_following, budget, as_of, country,
                 as_json, out_dir, forget):
    """People you follow who posted something painful and have had no reply yet, or only
    hostile ones.

    Computed now, from your own database or dataset, never kept in it or sent anywhere (--out writes
    a page where you say). It shows
    the post, when, and that no one has answered kindly; nothing about the person. You do not
    have to answer anyone: a small acknowledgement can be enough, and you are not their
    counsellor. kindscope never replies for you: an item links to the post when the data
    gives its address. Times count from the end of your data unless --as-of says otherwise.

    Example:

        kindscope care --db me.duckdb --days 3 --budget 5

        kindscope care --data me-data/ --me @me@example.social
    """
    if data_dir is not None and forget:
        raise click.UsageError("--forget deletes from a database (--db): a dataset (--data) "
                               "is never written")
    refuse_out_inside(out_dir, data_dir)
    path = _db(db, demo)
    if forget and not _exists(path):
        # --forget also clears the fetch cache, which needs no database; a mistyped --db
        # made a new one and said "deleted 0 posts" (a review, 2026-12-06)
        cached = forget_cache(care_rows.FETCHED_FORMATS)
        click.echo(f"no database at {database_path(path)}: nothing deleted from one"
                   + (f"; deleted the cached answers for {cached:,} account"
                      f"{'s' * (cached != 1)}" if cached else ""))
        return
    with _opened(db, demo, data_dir) as store:
        if forget:
            if store.read_only:
                raise _cannot_write(store, "--forget deletes the posts of others fetched for "
                                           "the care queue")
            count = care_rows.forget_fetched(store, None)
            cached = forget_cache(care_rows.FETCHED_FORMATS)
            click.echo(f"deleted {count:,} posts of others fetched for the care queue"
                       + (f" and the cached answers for {cached:,} account{'s' * (cached != 1)}"
                          if cached else ""))
            return
        with _read(store, demo, me, data_dir) as rm:
            queue = care_queue(rm, days, include_following, budget, as_of_time(as_of), country,
                               _scores_first(store, data_dir))
            since, kept_days = fetched_kept_since(rm, days)
        if not store.read_only:
            care_rows.forget_fetched(store, since)
        elif data_dir is None and (stale := care_rows.count_fetched(store, since)):
            raise _cannot_write(store, f"it deletes the posts of others fetched for the care "
                                       f"queue once they are older than its window "
                                       f"({kept_days:g} days), and {stale:,} here are")
    _emit(queue, as_json, out_dir, "care")


@click.command("inbox")
@db_option
@data_option()
@_demo_option
@_me_option
@click.option("--days", type=click.FloatRange(min=0.1, max=365), default=DEFAULT_INBOX_DAYS,
              show_default=True, help="How many days back to look.")
@_as_of_option
@country_option
@_json_option
@click.option("--show-hostile", is_flag=True,
              help="Print the words of messages that read as toxic or hateful, or that "
                   "use words that tell someone to die, too (by default they are counted "
                   "and their senders listed, not printed).")
@click.option("--show-unread", is_flag=True,
              help="Print the words of messages in a language kindscope's signals do not "
                   "read too (by default they are counted and their senders listed: kind, "
                   "painful and hostile cannot be told apart among them).")
def inbox_command(db, data_dir, demo, me, days, as_of, country, as_json, show_hostile,
                  show_unread):
    """Replies and mentions to you that you have not answered yet: messages that may read
    as a crisis first, then messages that read as painful or kind, hostile ones
    last, counted but not printed word for word unless --show-hostile (see
    `kindscope safety`).

    Messages in a language the signals do not read come after them: those from people in
    your circle word for word, the others counted the same way unless --show-unread.
    --json holds every message.

    Example:

        kindscope inbox --db me.duckdb --days 14
    """
    with _opened(db, demo, data_dir) as store, _read(store, demo, me, data_dir) as rm:
        queue = inbox(rm, days, as_of_time(as_of), country)
        where = rm.where
    window = (["--days", f"{days:g}"] if days != DEFAULT_INBOX_DAYS else []) \
        + (["--as-of", as_of] if as_of else []) + (["--country", country] if country else [])
    _emit(queue, as_json, None, "inbox", show_hostile, show_unread, Same(where, tuple(window)))


def _emit(queue: CareQueue, as_json: bool, out_dir: str | None, kind: str,
          show_hostile: bool = False, show_unread: bool = False, same: Same = SAME) -> None:
    if as_json:
        click.echo(json.dumps(queue.to_dict(), ensure_ascii=False))
    else:
        from kindscope.care.terminal import render_text

        click.echo(render_text(queue, kind, show_hostile, show_unread, same))
    if out_dir:
        from kindscope.care.page import render_page

        path = Path(out_dir)
        path.mkdir(parents=True, exist_ok=True)
        target = path / f"{kind}.html"
        target.write_text(render_page(queue, kind), encoding="utf-8")
        click.echo(f"wrote {target}", err=True)
