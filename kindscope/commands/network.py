"""The ``network`` command: communities, reciprocity, diversity and unfollow audits."""

from __future__ import annotations

import json

import click

from kindscope.commands.common import (
    check_platform,
    data_option,
    db_option,
    older_model_note,
    open_for_reading,
)
from kindscope.graph.analysis import analyse_network, owner_read_model
from kindscope.graph.norms import community_title
from kindscope.report.figures import pct
from kindscope.report.network import spread_verb, spread_words
from kindscope.store.community import platforms
from kindscope.store.people import owner_handles
from kindscope.terminal_text import for_terminal

__all__ = ["network_command"]


@click.command("network")
@db_option
@data_option()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--platform", default=None, help="Only this platform (x, mastodon, ...).")
@click.option("--seed", type=int, default=None,
              help="Leiden's first seed (default: the seed setting, $KINDSCOPE_SEED or 13, "
                   "as the report uses).")
@click.option("--all-snapshots", is_flag=True,
              help="Union of every snapshot's follows (default: each owner's latest).")
@click.option("--me", default=None, metavar="HANDLE",
              help="Whose network (default: the owner of the newest import), as in "
                   "`kindscope report`.")
def network_command(db, data_dir, as_json, platform, seed, all_snapshots, me):
    """Communities, reciprocity, diversity and unfollow audits of the follow graph.

    With --json: one object with `membership` (account id -> community id, ids as in the
    source), `reciprocity` (global share of follows returned), `communities`, `bridges`,
    `isolated` and per owner `owners` (who does not follow back, diversity, audit).
    Communities are numbered from 1 (1 = largest), as in the text output, the report,
    report.json and community.json, and named the same way in each (on data that names no
    owner and holds several platforms, without --platform, one graph spans them all and its
    numbers are its own: it says so). `seed` is the seed
    of the Leiden run kept (of three, from --seed on: the best modularity), not the
    setting that report.json's `source.seed` gives; the communities are the same.
    Where there are no communities to find (an ego network: `ego_network` says why),
    `communities`, `membership` and `bridges` are empty and `modularity` null; where the
    data holds no one's replies, each community's `distress_answered` and
    `median_minutes_to_first_reply` are null and `replies_not_held` says why.
    `model_version` and `until` say what the norms were read under (the scores' model and
    the end of the data).

    Example:

        kindscope network --db me.duckdb --json > network.json

        kindscope network --data community-data/ --platform bluesky
    """
    with open_for_reading(db, data_dir) as store:
        check_platform(store, platform)
        rm = owner_read_model(store, me, platform)
        older = older_model_note(rm.model_version, store) if rm is not None else None
        if older is not None:
            click.echo(f"note: {older}", err=True)
        spans = platforms(store) if rm is None and platform is None else []
        try:
            report = analyse_network(store, rm, platform, seed=seed,
                                     snapshots="all" if all_snapshots else "latest")
            handles = owner_handles(store, [(v.platform, v.owner_id) for v in report.owners])
        finally:
            if rm is not None:
                rm.close()
    no_communities = report.no_communities
    if len(spans) > 1:  # community 1 here was not community.json's (a researcher's review)
        click.echo(f"note: no import names an owner, so this is one graph over every platform "
                   f"({', '.join(spans)}) and its communities are numbered over all of them; "
                   "kindscope community numbers each platform's own: give --platform to "
                   "compare with it", err=True)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1, default=str))
        return
    # in the page's words and figures ("of follows are returned", pct), not "reciprocity
    # 0.185"
    tie = "follow" if report.graph == "follow" else "tie"
    recip = ("" if not report.edges else
             ", whether they are returned cannot be told from this data"
             if report.reciprocity is None else f", {pct(report.reciprocity)} of them returned")
    modularity = "" if no_communities else f", modularity {report.modularity:.3f}"
    _say(f"{report.graph} graph: {report.nodes:,} accounts, {report.edges:,} "
         f"{tie}{'s' * (report.edges != 1)}{recip}{modularity}")
    if no_communities:
        _say(f"communities: not available: {no_communities}")
    for c in () if no_communities else report.communities[:10]:
        _say(f"  {community_title(c.community, c.name)} ({c.size} accounts)")
    counted = "follows" if report.graph == "follow" else "interactions"
    names = {c.community: c.name for c in report.communities}
    for view in report.owners:
        _echo_owner(view, counted, no_communities, names,
                    handles.get((view.platform, view.owner_id)))


def _say(line: str) -> None:
    """Print a line that holds handles or words from posts (``for_terminal``)."""
    click.echo(for_terminal(line, one_line=True))


def _echo_owner(view, counted: str, ego: str | None, names: dict[int, str],
                handle: str | None = None) -> None:
    r = view.reciprocity
    # the owner by handle where the data has one ("x 112769581" named no one a person knows)
    who = f"@{handle.lstrip('@')} ({view.owner_id})" if handle else view.owner_id
    if view.follow_back.available:
        _say(f"{view.platform} {who}: follows {r.follows}, followers "
             f"{r.followers}, {len(r.not_following_back)} do not follow back")
    else:
        follows = f"follows {r.follows}; " if r.follows else ""
        _say(f"{view.platform} {who}: {follows}follow-back not available: "
             f"{view.follow_back.reason}")
    spread = view.follow_spread
    if spread.largest_share is not None and not ego:
        largest = spread.largest_community
        # the facts, in the report's words; the report's reading of them points at
        # sections (bridges) this command does not print
        title = community_title(largest, names.get(largest, ""))
        _say(f"  {spread_words(spread, counted)} {spread_verb(spread.total, counted)} "
                   f"{title} (evenness {spread.entropy:.2f})")
    audit = view.audit
    if audit is None:
        if not view.unfollows.available:
            _say(f"  unfollows not available: {view.unfollows.reason}")
        return
    changes = []
    if "followers" in audit.compared:
        changes.append(f"{len(audit.unfollowed_me)} unfollowed you, "
                       f"{len(audit.new_followers)} new followers")
    if "following" in audit.compared:
        changes.append(f"you stopped following {len(audit.i_stopped_following)}, "
                       f"started following {len(audit.i_started_following)}")
    for direction in audit.not_compared:
        changes.append(f"{direction} not compared (one import lacks that list)")
    _say("  since the previous snapshot: " + "; ".join(changes))
