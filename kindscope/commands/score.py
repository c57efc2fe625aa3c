"""The score command: text signals for a file, standard input, one text, or every unscored
post in the store (on DuckDB) or in a Parquet dataset (on Spark)."""

from __future__ import annotations

import json

import click

from kindscope.commands.common import Progress, db_option

__all__ = ["score_command"]


@click.command("score")
@click.argument("input_file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@db_option
@click.option("--text", "text", default=None,
              help="Score this one text and print one JSON line (no INPUT).")
@click.option("--context", "context", default=None,
              help="With --text: the post it replies to (read by the support signals, by "
                   "hate, which needs a group named in the text or in that post, and by "
                   "crisis, for an answer to a question about risk: 'are you safe?' 'no').")
@click.option("--text-column", default="text", show_default=True,
              help="Column (or JSON key) holding the text, for INPUT.")
@click.option("--id-column", default=None,
              help="Column to copy into each output line as `id` (default: the row number).")
@click.option("--context-column", default=None,
              help="Column holding the post each text replies to (read by the support "
                   "signals, by hate and by crisis).")
@click.option("-o", "--out", "out_path", default="-", show_default=True,
              help="Output JSONL file for INPUT ('-' for standard output).")
@click.option("--batch-size", default=64, show_default=True, help="Texts per encoder batch.")
@click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb",
              show_default=True,
              help="Where the store's posts are scored: the database file, or a Parquet "
                   "dataset (--data) on Spark.")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, exists=True),
              default=None,
              help="With --engine spark: the Parquet dataset folder to score "
                   "(kindscope export --format parquet).")
@click.option("--master", default=None,
              help="With --engine spark: the Spark master URL (default: the Spark "
                   "configuration's, else local[*]).")
def score_command(input_file, db, text, context, text_column, id_column, context_column,
                  out_path, batch_size, engine, data_dir, master):
    """Read posts for distress, crisis, toxicity, offensive, hate, support and upbeat.

    With INPUT (.csv, .tsv or .jsonl), write one JSON object per row, in input order: `id`,
    `lang` and a probability per signal (0.5 is each signal's decision point). INPUT `-`
    reads texts from standard input, one per line (the id is the line number). `--text`
    scores one text and prints one JSON line. Without any of these, score every post in the
    database that this model version has not scored yet. Runs offline.

    The signals read English. A text confidently in another language gets its `lang` and
    null signals, and in the database it is recorded as not read, so that no rate counts
    it; text whose language cannot be told (short, only mentions, links or emoji) is read
    as English. A row with no text (an empty cell, a JSON null) gets `lang` and signals
    null. How many texts were not read, and why, is said at the end (on standard error
    for INPUT and --text). The scores are estimates that can be wrong; never use them to
    judge a person.

    Example:

        kindscope score posts.csv --text-column text --id-column id -o scores.jsonl

        kindscope score --text "I'm here for you, don't give up"

        cat texts.txt | kindscope score -

        kindscope score --engine spark --data community-data/ --master local[4]

    With --engine spark, every post of the dataset that this model version has not read is
    scored on Spark (the model runs on each executor); the new scores are added to the
    dataset as new files. See docs/scale.md.
    """
    from kindscope.signals.files import score_file, score_text, tally, unicode_text

    if context is not None and text is None:
        raise click.UsageError("--context goes with --text")
    if text is not None:
        unicode_text(text, "--text", "the text")
    if context is not None:
        unicode_text(context, "--context", "the context")
    if engine == "spark" or data_dir is not None or master is not None:
        _check_spark_usage(engine, data_dir, master, input_file, text, db)
        _score_on_spark(data_dir, master, batch_size)
        return
    if out_path != "-" and input_file is None:  # it was quietly ignored
        raise click.UsageError("-o/--out goes with INPUT (--text and --db print or store "
                               "their scores)")
    if context_column is not None and input_file is None:
        raise click.UsageError("--context-column goes with INPUT (a database reads each "
                               "reply with the post it answers by itself)")
    if text is not None:
        if input_file is not None:
            raise click.UsageError("give either INPUT or --text, not both")
        record = score_text(text, context)
        click.echo(json.dumps(record, ensure_ascii=False))
        _say_not_read(tally([record["lang"]]))
        _say_help(record)
        return
    if input_file is not None:
        scored = score_file(input_file, text_column, id_column, context_column, out_path,
                            batch_size)
        if out_path != "-":
            click.echo(f"scored {scored.rows:,} row{'s' * (scored.rows != 1)} into {out_path}",
                       err=True)
        _say_not_read(scored)
        if input_file == "-" and scored.crisis:  # lines someone typed, maybe their own
            n = scored.crisis
            click.echo(help_line(f"{n} of the lines {'reads' if n == 1 else 'read'}"),
                       err=True)
        return
    # DuckDB only for the database (not for a file, standard input or --text)
    from kindscope.store.db import open_store

    with open_store(db, must_exist=True) as store:
        score_database(store, batch_size)


def score_database(store, batch_size: int = 64, err: bool = False) -> None:
    """Score what the database holds unread, and say how many posts were read, and apart
    how many of this run's posts their language kept from the signals (``stats`` counts
    the first as ``scored_posts``)."""
    from kindscope.signals.store_scoring import score_store_counted

    with Progress("Scoring") as bar:
        read, unread = score_store_counted(store, batch_size=batch_size, progress=bar.update)
    click.echo(f"scored {read:,} post{'' if read == 1 else 's'}", err=err)
    if unread:
        click.echo(_languages_line(unread), err=err)


#: Said on standard error under a --text (or lines typed into ``score -``) that reads as a
#: crisis: someone trying the command on their own words gets a way to help, not a bare
#: probability (stdout, the JSON, is unchanged for scripts).
HELP_LINE = ("{what} as written by someone who may be in crisis (the model can be wrong). If "
             "these are your words, you do not have to face this alone. {emergency} "
             "findahelpline.com lists free, confidential services in every country, and "
             "`kindscope check TEXT --country CC` shows the help lines of yours.")


def help_line(what: str = "This text reads") -> str:
    """``HELP_LINE`` with the emergency number of the country set (every known one's
    otherwise)."""
    from kindscope.care.signposting import emergency_sentence

    return HELP_LINE.format(what=what, emergency=emergency_sentence())


def _say_help(record: dict) -> None:
    from kindscope.signals.files import at_crisis

    if at_crisis(record):
        click.echo(help_line(), err=True)


def _languages_line(unread: dict[str, int]) -> str:
    """``unread``: language code -> texts not read because of their language, most first."""
    langs = ", ".join(f"{lang} {n:,}" for lang, n in unread.items())
    return (f"not read, in a language the signals do not read: {sum(unread.values()):,} "
            f"({langs}); see docs/models/languages.md")


def _say_not_read(scored) -> None:
    """The texts of a file, standard input or --text that were not read, and why: on
    standard error, as standard output may be the scores themselves."""
    if scored.languages:
        click.echo(_languages_line(scored.languages), err=True)
    if scored.empty:
        click.echo(f"not read, empty (no text to read): {scored.empty:,}", err=True)


def _check_spark_usage(engine, data_dir, master, input_file, text, db) -> None:
    if engine != "spark":
        what = "--data" if data_dir is not None else "--master"
        raise click.UsageError(f"{what} goes with --engine spark (a database is scored "
                               "with --db)")
    if data_dir is None:
        raise click.UsageError("--engine spark scores a Parquet dataset: give --data DIR "
                               "(kindscope export --format parquet --out DIR)")
    if input_file is not None or text is not None or db is not None:
        raise click.UsageError("--engine spark scores the dataset given with --data; "
                               "INPUT, --text and --db go with the local engine")


def _score_on_spark(data_dir, master, batch_size) -> None:
    from kindscope.store.dataset import read_manifest
    from kindscope.store.spark_score import ready_to_score, score_dataset, scoring_session

    read_manifest(data_dir)  # not a dataset: say so before touching it
    if ready_to_score(data_dir)[1]:  # and a damaged one before Spark starts
        click.echo("took out the scores an interrupted run had left half-written", err=True)
    spark = scoring_session(master)
    result = score_dataset(data_dir, spark, batch_size=batch_size)
    click.echo(f"scored {result.posts:,} posts")
    if result.unread:
        click.echo(_languages_line(dict(sorted(result.unread.items(),
                                               key=lambda kv: (-kv[1], kv[0])))))
