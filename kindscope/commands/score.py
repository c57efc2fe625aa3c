"""The score command: text signals for a file, standard input, one text, or every unscored
post in the store."""

from __future__ import annotations

import json

import click

from kindscope.commands.common import Progress, db_option
from kindscope.store.db import open_store

__all__ = ["score_command"]


@click.command("score")
@click.argument("input_file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@db_option
@click.option("--text", "text", default=None,
              help="Score this one text and print one JSON line (no INPUT).")
@click.option("--context", "context", default=None,
              help="With --text: the post it replies to (read by the support signals).")
@click.option("--text-column", default="text", show_default=True,
              help="Column (or JSON key) holding the text, for INPUT.")
@click.option("--id-column", default=None,
              help="Column to copy into each output line as `id` (default: the row number).")
@click.option("--context-column", default=None,
              help="Column holding the post each text replies to (read by the support signals).")
@click.option("-o", "--out", "out_path", default="-", show_default=True,
              help="Output JSONL file for INPUT ('-' for standard output).")
@click.option("--batch-size", default=64, show_default=True, help="Texts per encoder batch.")
def score_command(input_file, db, text, context, text_column, id_column, context_column,
                  out_path, batch_size):
    """Read posts for distress, crisis, toxicity, offensive, hate, support and upbeat.

    With INPUT (.csv, .tsv or .jsonl), write one JSON object per row, in input order: `id`,
    `lang` and a probability per signal (0.5 is each signal's decision point). INPUT `-`
    reads texts from standard input, one per line (the id is the line number). `--text`
    scores one text and prints one JSON line. Without any of these, score every post in the
    database that this model version has not scored yet. Runs offline.

    The signals read English. A text confidently in another language gets its `lang` and
    null signals, and in the database it is recorded as not read, so that no rate counts
    it; text whose language cannot be told (short, only mentions, links or emoji) is read
    as English. The scores are estimates that can be wrong; never use them to judge a
    person.

    Example:

        kindscope score posts.csv --text-column text --id-column id -o scores.jsonl

        kindscope score --text "I'm here for you, don't give up"

        cat texts.txt | kindscope score -
    """
    from kindscope.signals.files import score_file, score_text
    from kindscope.signals.store_scoring import score_store

    if context is not None and text is None:
        raise click.UsageError("--context goes with --text")
    if text is not None:
        if input_file is not None:
            raise click.UsageError("give either INPUT or --text, not both")
        click.echo(json.dumps(score_text(text, context), ensure_ascii=False))
        return
    if input_file is not None:
        count = score_file(input_file, text_column, id_column, context_column, out_path,
                           batch_size)
        if out_path != "-":
            click.echo(f"scored {count:,} rows into {out_path}", err=True)
        return
    from kindscope.signals import MODEL_VERSION
    from kindscope.store.scoring import unread_counts

    with open_store(db) as store:
        with Progress("Scoring") as bar:
            count = score_store(store, batch_size=batch_size, progress=bar.update)
        unread = unread_counts(store, None, MODEL_VERSION)
    click.echo(f"scored {count:,} posts")
    if unread:
        langs = ", ".join(f"{lang} {n:,}" for lang, n in unread.items())
        click.echo(f"not read, in a language the signals do not read: {sum(unread.values()):,}"
                   f" ({langs}); see docs/models/languages.md")
