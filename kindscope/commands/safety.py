"""Safety commands: ``safety`` (pile-ons, trawlers), ``safety bots``, ``evidence``."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from datetime import UTC
from pathlib import Path

import click

from kindscope.commands.common import (
    as_of_time,
    check_platform,
    data_option,
    db_option,
    older_model_note,
    open_for_reading,
    refuse_out_inside,
    say_whose,
)
from kindscope.errors import InputError
from kindscope.safety.blocklists import ListedAccount, id_handle_blocklist, mastodon_blocklist
from kindscope.safety.bots import read_profile
from kindscope.safety.evidence import (
    MANIFEST,
    check_pack,
    collect_account,
    collect_incident,
    write_pack,
)
from kindscope.safety.incidents import scan
from kindscope.safety.profiles import from_any
from kindscope.store.aggregates import aimed_counts
from kindscope.store.community import scan_read_model
from kindscope.terminal_text import for_terminal

__all__ = ["safety_group", "evidence_command"]


_me_option = click.option("--me", default=None, metavar="HANDLE",
                          help="Whose data (default: the owner of the newest import), as "
                               "in `kindscope report`.")


@click.group("safety", invoke_without_command=True)
@db_option
@data_option()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@_me_option
@click.option("--platform", default=None, metavar="NAME",
              help="With data of many people on several platforms (no import names an "
                   "owner): the platform to look at.")
@click.pass_context
def safety_group(ctx, db, data_dir, as_json, me, platform):
    """Pile-ons, trawlers and bursts of hostile replies in the data (and `safety bots`
    for bot scores).

    A burst is as large as a pile-on, but many of its accounts are in the target's own
    follow network, so it is listed apart and not called a pile-on.

    Each incident has an id that stays the same on the same data; pass it to
    `kindscope evidence --incident ID`.

    Example:

        kindscope safety --db me.duckdb --json
    """
    if ctx.invoked_subcommand is not None:
        return
    with open_for_reading(db, data_dir) as store:
        check_platform(store, platform)
        rm, ownerless = scan_read_model(store, me, platform)
        if not ownerless:
            say_whose(store, rm.platform, rm.me, me)
            _say_ownerless_elsewhere(store, rm.platform, platform)
        if (older := older_model_note(rm.model_version, store)) is not None:
            click.echo(f"note: {older}", err=True)
        try:
            result = scan(rm)
            read, _, _, hostile, wishes = aimed_counts(rm)
            whom = None if ownerless else rm.at_handle(rm.me)
        finally:
            rm.close()
    if as_json:
        click.echo(json.dumps({**result.to_dict(), "owner": not ownerless},
                              indent=1, default=str))
        return
    _echo_scan(result, whom, read, hostile, wishes)


def _say_ownerless_elsewhere(store, looked_at: str, given: str | None) -> None:
    """On stderr, the platforms of the data that name no owner and were not looked at: a
    moderator's dataset of an X archive and a community export showed only the archive's
    owner, and said nothing of the community's pile-on (a review, 2026-12-06)."""
    if given is not None:
        return
    from kindscope.store.community import ownerless_platforms

    others = [p for p in ownerless_platforms(store) if p != looked_at]
    if others:
        click.echo(for_terminal(
            f"note: {', '.join(others)} in this data {'names' if len(others) == 1 else 'name'} "
            f"no owner and {'was' if len(others) == 1 else 'were'} not looked at here: "
            f"`{store.where.command('safety', '--platform', others[0])}` looks at every "
            "account there.",
            one_line=True), err=True)


def _echo_scan(result, whom: str | None, read: int, hostile: int, wishes: int = 0) -> None:
    """Incidents, what could not be looked for and why, and "none found" only for what
    was looked for, saying whom for (``whom``: the owner as shown; None where the data
    names no owner and every account was looked at) and among how many posts (``wishes``:
    those read as neither toxic nor hateful whose words tell the owner to die)."""
    if whom is None:
        click.echo("note: no import names an owner, so every account in this data was "
                   "looked at")
    for note in (*result.notes, *result.notes_elsewhere):
        click.echo(f"note: {note}")
    reasons = {"pile-ons": result.pileons_reason, "trawlers": result.trawlers_reason}
    if reasons["pile-ons"] is not None and reasons["pile-ons"] == reasons["trawlers"]:
        click.echo(f"pile-ons and trawlers: not available: {reasons['pile-ons']}")
    else:
        for kind, reason in reasons.items():
            if reason is not None:
                click.echo(f"{kind}: not available: {reason}")
    for inc in result.incidents:
        # whom a pile-on or burst was aimed at (a trawl's reason names its target), in UTC
        # as every time kindscope shows
        aimed = (f"aimed at {for_terminal(inc.target_id, visible=True)}: "
                 if inc.kind != "trawler" else "")
        start = inc.start.astimezone(UTC)
        click.echo(for_terminal(f"{inc.id}  {start:%Y-%m-%d %H:%M} UTC  {aimed}{inc.reason}",
                                one_line=True))
    checked = [kind for kind, reason in reasons.items() if reason is None
               and (kind == "trawlers" or result.scored)]
    if "pile-ons" in checked:
        checked.insert(1, "bursts")  # looked for with pile-ons
    if checked and not result.incidents:
        kinds = ", ".join(checked[:-1]) + f" or {checked[-1]}" if len(checked) > 1 \
            else checked[0]
        among = (f" among the {read:,} replies and mentions to you that were read "
                 f"({hostile:,} of them read as toxic or hateful"
                 + (f", {wishes:,} more {'uses' if wishes == 1 else 'use'} words that tell "
                    "you to die" if wishes else "") + ")") if result.scored else ""
        if whom is None:
            click.echo(f"no {kinds} found in this data")
            return
        click.echo(for_terminal(f"no {kinds} aimed at {whom} found{among}", one_line=True))


@safety_group.command("bots")
@click.option("--profiles", type=click.Path(exists=True, dir_okay=False), required=True,
              help="JSONL: one Twitter v1.1 user, Mastodon account or Bluesky profile view "
                   "per line.")
@click.option("-o", "--out", type=click.Path(dir_okay=False), required=True,
              help="JSONL to write: one line per profile, in input order.")
@click.option("--blocklist", type=click.Path(dir_okay=False), default=None,
              help="Also write a block-list file (you apply it yourself) of the accounts "
                   "scoring at least --threshold.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.8, show_default=True,
              help="A bot probability, from 0 to 1.")
@click.option("--as-of", "as_of", default=None, metavar="TIME",
              help="When the profiles were taken (ISO 8601 with zone): account ages and "
                   "posting rates count to it (default: now, as a profile file does not say).")
def bots_command(profiles, out, blocklist, threshold, as_of):
    """Bot probability of each profile, with the reasons behind it.

    Example:

        kindscope safety bots --profiles followers.jsonl -o bots.jsonl
    """
    observed = as_of_time(as_of)
    for target in (out, blocklist):
        if target is not None and Path(target).resolve() == Path(profiles).resolve():
            raise InputError("is the --profiles file: writing to it would replace the "
                             "profiles; name another file", str(target))
    try:
        text = Path(profiles).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", profiles) from None
    if not text.strip():
        raise InputError("empty file: no profiles", profiles)
    scores, listed, followed = [], [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{profiles}: line {number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON ({exc.msg})", where) from None
        profile = from_any(obj, observed, where=where)
        score = read_profile(profile)
        bot = None if score.bot is None else round(score.bot, 6)
        scores.append({"account_id": profile.account_id, "handle": profile.shown_handle,
                       "platform": profile.platform, "bot": bot,
                       "reasons": list(score.reasons), "model": score.model_version})
        if bot is not None and bot >= threshold:
            if profile.followed:  # someone you follow is never put on a block list
                followed += 1
                continue
            handle_text = str(obj.get("acct") or profile.shown_handle)
            listed.append(ListedAccount(profile.platform, profile.account_id, handle_text,
                                        bot, "; ".join(score.reasons)))
    Path(out).write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in scores),
                         encoding="utf-8")
    if blocklist:
        mastodon = listed and all(a.platform == "mastodon" for a in listed)
        text = mastodon_blocklist(listed) if mastodon else id_handle_blocklist(listed)
        Path(blocklist).write_text(text, encoding="utf-8")
        if mastodon and len(text.splitlines()) < len(listed):
            click.echo(f"{len(listed) - len(text.splitlines())} of them left out of "
                       f"{blocklist}: a Mastodon handle without its server (user@host), or "
                       "one that is not a Mastodon address, cannot be imported as a block",
                       err=True)
    unscored = sum(1 for s in scores if s["bot"] is None)
    left = (f" ({unscored} not scored: nothing in them but a name, or a count missing)"
            if unscored else "")
    click.echo(f"scored {len(scores) - unscored} profiles{left}; {len(listed)} at or above "
               f"{threshold}", err=True)
    if followed:  # a review, 2026-12-06: the list held accounts the user follows
        which = "is an account" if followed == 1 else "are accounts"
        where = "the block list" if blocklist else "the count above"
        click.echo(f"{followed} more at or above {threshold} {which} you follow (the profile "
                   f"says so): left out of {where}; their scores are in {out}", err=True)
    if observed is None:  # ages and rates drift with the clock: say so, and how to fix them
        click.echo("account ages and posting rates count to now, as a profile file does not "
                   "say when it was taken: --as-of TIME counts them to when it was, and gives "
                   "the same scores on every run", err=True)


def _verify(verify_dir: str, expect: str | None) -> None:
    """``evidence --verify``: one line per problem (names as the terminal may show them: a
    file name cannot write a line of its own), exit 2 if any."""
    folder = for_terminal(str(verify_dir), one_line=True)
    problems = check_pack(verify_dir, expect)
    for problem in problems:
        name = for_terminal(str(Path(verify_dir) / problem.name), one_line=True)
        click.echo(f"{name}: {problem.detail}")
    if problems:
        click.echo(f"kindscope: {folder} is not intact ({len(problems)} problem"
                   f"{'' if len(problems) == 1 else 's'})", err=True)
        sys.exit(2)
    manifest = Path(verify_dir) / MANIFEST
    digest = hashlib.sha256(manifest.read_bytes()).hexdigest()
    count = sum(1 for line in manifest.read_text(encoding="utf-8").split("\n") if line)
    checked = " (the SHA-256 expected)" if expect is not None else ""
    click.echo(f"intact: {count} files match {MANIFEST} (its SHA-256 is {digest}{checked})")


@click.command("evidence")
@db_option
@data_option()
@click.option("--incident", default=None, help="An incident id from `kindscope safety`.")
@click.option("--account", default=None, help="A handle or account id: all its posts.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Folder to write the pack into.")
@click.option("--verify", "verify_dir", type=click.Path(file_okay=False), default=None,
              help="Check the pack in this folder against its MANIFEST.sha256 instead: one "
                   "line per changed, missing or uncovered file; exit 2 if any.")
@click.option("--expect", default=None, metavar="SHA256",
              help="With --verify: the manifest's SHA-256 as noted when the pack was made; "
                   "a pack whose manifest was rewritten is not intact.")
@_me_option
@click.option("--platform", default=None, metavar="NAME",
              help="The platform `kindscope safety --platform` looked at, for an incident it "
                   "listed there.")
def evidence_command(db, data_dir, incident, account, out_dir, verify_dir, expect, me,
                     platform):
    """Write an evidence pack: HTML, JSON, CSV and a SHA-256 manifest; or check one.

    Example:

        kindscope evidence --incident pileon-1a2b3c4d5e6f7a8b --out pack/

        kindscope evidence --verify pack/
    """
    if verify_dir is not None:
        if incident or account or out_dir:
            raise InputError("--verify checks a pack: give it without --incident, "
                             "--account or --out")
        if expect is not None and not re.fullmatch(r"[0-9a-fA-F]{64}", expect.strip()):
            # a shortened or mistyped hash read as "it was rewritten" of an intact pack
            raise InputError(f"--expect {expect!r} is not a SHA-256: give all 64 hex "
                             "characters noted when the pack was made")
        _verify(verify_dir, expect if expect is None else expect.strip().lower())
        return
    if expect is not None:
        raise InputError("--expect goes with --verify")
    if (incident is None) == (account is None):
        raise InputError("give exactly one of --incident or --account (or --verify DIR)")
    if out_dir is None:
        raise InputError("give --out, the folder to write the pack into")
    refuse_out_inside(out_dir, data_dir)
    with open_for_reading(db, data_dir) as store:
        check_platform(store, platform)
        if incident:
            rm, _ = scan_read_model(store, me, platform)
            try:
                ev = collect_incident(rm, incident)
            finally:
                rm.close()
        else:
            ev = collect_account(store, account)
    manifest = write_pack(ev, out_dir)
    n = len(ev.posts)
    click.echo(f"wrote {n} post{'' if n == 1 else 's'} to {out_dir} (manifest "
               f"{manifest.name}, SHA-256 {hashlib.sha256(manifest.read_bytes()).hexdigest()}: "
               "note it to show "
               "later that the manifest itself was not changed)")
