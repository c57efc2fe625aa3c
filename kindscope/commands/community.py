"""``kindscope community``: how a whole community treats its members, for moderators.

Aggregates only: void rates and the kindness gap per community and overall, toxicity
received by the most targeted accounts (rank and counts, never who), pile-ons,
reciprocity and isolated members. Communities come from the one network pipeline
(:mod:`kindscope.graph.pipeline`, Leiden on the driver), or on Spark past the
``driver_graph_edges`` setting from label propagation on the engine
(:mod:`kindscope.store.spark_community`); the figures from :mod:`kindscope.store.community`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from kindscope import __version__, settings
from kindscope.care.cover import capture_words
from kindscope.commands.common import data_option, db_option, older_model_note, refuse_out_inside
from kindscope.commands.report import engine_option, master_option, open_for_engine
from kindscope.errors import InputError
from kindscope.graph.norms import community_number
from kindscope.graph.pipeline import leiden_communities
from kindscope.metrics.engagement import MIN_GROUP
from kindscope.report.view import unscored_words
from kindscope.safety import find_bursts
from kindscope.signals.reliability import HATE_ON_DENIALS
from kindscope.store import community as cm
from kindscope.store.availability import remedy
from kindscope.store.dataset import DatasetStore
from kindscope.store.db import Store
from kindscope.store.graph_edges import follow_edge_count, follows_of_owners_only
from kindscope.store.read import read_model
from kindscope.store.sources import platform_snapshots
from kindscope.store.spark_community import label_propagation_communities
from kindscope.store.where import HERE, Where

__all__ = ["community_command", "community_view", "COMMUNITY_SCHEMA_VERSION"]

#: 3 (2026-12-06): ``cannot_show`` says which figures the data cannot show, and why; those
#: figures are null (before, a Mastodon archive's void rate read 100%, an unscored
#: database's pile-ons 0). 2 (2026-12-05): a reply read as toxic or hateful is no answer
#: in ``unanswered`` and ``void_rate`` (docs/scale.md); 1 counted any reply. 4 (2026-12-06):
#: ``network_bursts`` beside ``pileons`` (null where they are; ``cannot_show.pileons``
#: covers both). 5 (2026-12-06): ``since`` (the oldest post read) beside ``until``,
#: ``snapshots`` (each import's format, taken and imported times; not its source, which
#: can name an account) and ``capture`` (how long the Jetstream captures that are the only
#: source of others' replies ran, or null): a researcher's review found a view of a
#: 1.6-second capture that said neither when its data began nor how little it held.
#: 6 (2026-12-06): ``most_targeted`` rows give ``death_wish_words`` (posts read as neither
#: toxic nor hateful whose words tell the account to die: the stored rule, as pile-ons and
#: the inbox read them) and rank by it with ``toxic_or_hateful``; a death wish read as
#: hateful only is no longer in ``hateful_not_toxic``; and a reply with such words is no
#: answer in ``unanswered`` and ``void_rate``.
COMMUNITY_SCHEMA_VERSION = 6
#: Communities smaller than this are shown only inside "rest" (no tiny groups).
MIN_MEMBERS = 5
WINDOW = timedelta(days=7)
#: Said beside communities found by label propagation (measured in docs/scale.md).
_METHOD_NOTE = {"label_propagation": (
    "communities found by label propagation on the engine, because the follow graph has "
    "more edges than KINDSCOPE_DRIVER_GRAPH_EDGES: on sparse follow graphs it found much "
    "weaker communities than Leiden (docs/scale.md); raise the setting on a driver with "
    "about 1 GB per million follow edges to keep Leiden")}
GROUPS = {"painful": "distress", "upbeat": "upbeat"}


def _void(counts: dict[str, tuple[int, int, int]], shown: bool = True,
          scored: bool = True) -> dict:
    """Per group: posts (``scored``: null when nothing is scored, since the groups are
    readings), and (``shown``: the data holds other people's replies) how many went
    unanswered within the window, of those it runs past; else those are null."""
    out = {}
    for name, grp in GROUPS.items():
        posts, eligible, unanswered = counts.get(grp, (0, 0, 0))
        out[name] = {"posts": posts if scored else None,
                     "eligible": eligible if shown else None,
                     "unanswered": unanswered if shown else None,
                     "void_rate": unanswered / eligible if shown and eligible else None}
    return out


def _gap(means: dict[str, tuple[int, float]], cannot: str | None = None,
         scored: bool = True) -> dict:
    d_posts, d_mean = means.get("distress", (0, None))
    u_posts, u_mean = means.get("upbeat", (0, None))
    gap = {"distress_posts": d_posts, "upbeat_posts": u_posts, "distress_mean": d_mean,
           "upbeat_mean": u_mean, "ratio": None, "note": None}
    if not scored:
        gap.update(distress_posts=None, upbeat_posts=None)
    if cannot:
        gap.update(distress_mean=None, upbeat_mean=None, note=cannot)
    elif d_posts < MIN_GROUP or u_posts < MIN_GROUP:
        gap["note"] = f"needs at least {MIN_GROUP} painful and {MIN_GROUP} upbeat posts"
    elif not u_mean:
        gap["note"] = "upbeat posts got no engagement"
    else:
        gap["ratio"] = d_mean / u_mean
    return gap


def community_view(store: Store, platform: str, seed: int | None = None,
                   top: int = 10) -> dict:
    """The community view of one platform: a JSON-ready dict without any account.
    The commands it names read the store's data as community.json, a file moderators
    share, may name it (``Where.shared``).

    On Spark, a follow graph of more than ``driver_graph_edges`` edges (counted on the
    engine) gets its communities by label propagation there; else Leiden on the driver."""
    seed = int(settings.get("seed", seed))
    limit = int(settings.get("driver_graph_edges"))
    edges = follow_edge_count(store, platform)
    if edges > limit and getattr(store, "engine", None) == "spark":
        found = label_propagation_communities(store, platform, seed)
    else:
        found = leiden_communities(store, platform, seed)
    sizes = found.sizes
    # on the imports' owners' own follow lists the "communities" are only how one person's
    # contacts split, as `kindscope network` says (its ego rule): none is shown
    owners_only = found.owners_only or (found.kind == "follow"
                                        and follows_of_owners_only(store, platform))
    shown = set() if owners_only else {c for c, n in enumerate(sizes) if n >= MIN_MEMBERS}
    membership = {a: (community_number(c) if c in shown else cm.REST)
                  for a, c in found.membership.items()}
    with cm.community_scope(store, platform, membership) as scope:
        void = cm.void_by_community(scope, WINDOW)
        gaps = cm.engagement_by_community(scope)
        targeted = cm.most_targeted(scope, top)
        unscored = cm.unscored_posts(scope) if scope.model_version else None
        outside = cm.authors_outside(scope)  # posting, but in no community: in rest
        model_version, until, since = scope.model_version, scope.until, cm.first_post(scope)
        thresholds = {k: float(scope.thresholds[k]) for k in
                      ("distress", "crisis", "upbeat", "toxicity", "hate")}
    carries = cm.carried_items(store, platform)
    cannot = _cannot_show(store, platform, carries, model_version, owners_only, found.kind,
                          store.where.shared())
    pileons, bursts, capture = _scans(store, platform, "pileons" not in cannot)
    replies = "unanswered" not in cannot
    scored = model_version is not None
    ties = "follow_ties" not in cannot

    def block(community: int | None, members: int) -> dict:
        c = None if community is None else community - 1
        # per pile-on aimed at this community: whether it is mostly hate-only posts
        read_first = (None if pileons is None else
                      [first for t, first in pileons
                       if community is None or membership.get(t) == community])
        return {
            "members": members,
            **_void(void.get(community, {}), replies, scored),
            "kindness_gap": _gap(gaps.get(community, {}), cannot.get("kindness_gap"), scored),
            "reciprocity": (None if not ties else found.reciprocity if community is None
                            else found.reciprocity_by.get(c)),
            # follower counts need a follow graph of the members: none on an interaction
            # graph, nor on one person's own follow lists
            "isolated_members": (None if found.kind != "follow" or not ties else
                                 sum(found.isolated_by.values()) if community is None
                                 else found.isolated_by.get(c, 0)),
            "pileons": None if read_first is None else len(read_first),
            # bursts as large as a pile-on from accounts largely in the target's own
            # follow network: members turning on a member (not called pile-ons)
            "network_bursts": (None if bursts is None or "network_bursts" in cannot else
                               sum(community is None or membership.get(t) == community
                                   for t in bursts)),
            # of them, pile-ons at least half of whose posts read as hateful but not toxic
            "pileons_read_first": None if read_first is None else sum(read_first),
        }

    communities = [{"community": community_number(c), **block(community_number(c), int(sizes[c]))}
                   for c in sorted(shown)]
    # everyone outside the communities shown: small ones, and those who post but are
    # outside the graph (a newcomer no one follows was "0 members" with 4 painful posts)
    rest = len(membership) - sum(int(sizes[c]) for c in shown) + outside
    return {
        "platform": platform,
        "model_version": model_version,
        "thresholds": thresholds,
        "since": since.isoformat(timespec="seconds") if since else None,
        "until": until.isoformat(timespec="seconds") if until else None,
        "snapshots": _snapshots(store, platform),
        # a capture of seconds holds seconds of replies: said, not left to "0 unanswered"
        "capture": capture,
        "window_days": WINDOW.days,
        "graph": found.kind,
        "seed": seed,
        "carries": carries,
        "cannot_show": cannot,
        # posts not scored yet (null: nothing is): until they are, a reply among them counts
        # as an answer and no pile-on among them can be seen
        "unscored_posts": unscored,
        "accounts_in_graph": len(membership),
        # null where communities mean nothing (the imports' owners' own lists): "1" was
        # a figure beside "cannot show communities" (a researcher's review, 2026-12-06)
        "communities_found": None if owners_only else len(sizes),
        "community_method": found.method,
        "community_method_note": _METHOD_NOTE.get(found.method),
        "follow_edges": edges,
        "driver_graph_edges": limit,
        "min_members_shown": MIN_MEMBERS,
        "overall": block(None, len(membership) + outside),
        "communities": communities,
        "rest": {"members": rest, **_void(void.get(cm.REST, {}), replies, scored),
                 "kindness_gap": _gap(gaps.get(cm.REST, {}), cannot.get("kindness_gap"),
                                      scored)},
        "most_targeted": None if "most_targeted" in cannot else [
            {"rank": r, "aimed_posts": a, "toxic_or_hateful": h, "hateful_not_toxic": o,
             "death_wish_words": w}
            for r, a, h, o, w in targeted],
    }


def _cannot_show(store: Store, platform: str, carries: list[str], model_version: str | None,
                 owners_only: bool, graph: str, where: Where) -> dict[str, str]:
    """Figures of the view the data cannot show -> why, in words, with what would get them
    (``availability.remedy``). Never a zero where nothing could be seen."""
    source = ", ".join(cm.import_formats(store, platform))
    held = f"this data ({source or 'no import'}) does not hold"
    out = {}
    if "others_replies" not in carries:
        words = f"{held} other people's replies; {remedy(platform, where=where)}"
        out.update(unanswered=words, pileons=words, most_targeted=words)
    if not {"others_replies", "engagement_counts"} & set(carries):
        out["kindness_gap"] = (f"{held} replies, likes or reposts on posts; "
                               f"{remedy(platform, where=where)}")
    if model_version is None:  # painful, upbeat and hostile are readings
        words = (f"the posts are not scored yet: run `{where.command('score')}`"
                 + (" (or score the database it was exported from and export it again)"
                    if isinstance(store, DatasetStore) else ""))
        for figure in ("unanswered", "kindness_gap", "pileons", "most_targeted"):
            out.setdefault(figure, words)
    if graph != "follow":
        out["follows"] = (f"{held} follow lists of the members (the communities come from "
                          "replies and mentions): reciprocity and isolated members need them")
        if "pileons" not in out:  # every account counts as a stranger to every target
            out["network_bursts"] = (f"{held} follow lists, so a burst from a target's own "
                                     "network cannot be told from a pile-on: each burst is "
                                     "counted as a pile-on")
    if owners_only and graph == "follow":
        out["follow_ties"] = ("the follow lists are only the imports' owners' own (whom each "
                              "follows, who follows each), not how the members follow each "
                              "other: communities, reciprocity and isolated members need "
                              "those (a capture or an export of many accounts' follows)")
    elif owners_only:
        out["follow_ties"] = ("the replies and mentions are only the imports' owners' own "
                              "conversations, not how the others talk to each other: "
                              "communities need those (a capture of many accounts' posts)")
    return out


def _snapshots(store: Store, platform: str) -> list[dict]:
    """Each import of the platform: its format, and when it was taken and imported. Not its
    source: a file's name or an online source ("bluesky:HANDLE") can name an account, and
    community.json names no one (a review, 2026-12-06)."""
    def iso(ms: int | None) -> str | None:
        return None if ms is None else \
            datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds")
    return [{"format": f, "taken_at": iso(t), "imported_at": iso(i)}
            for _, f, t, i in platform_snapshots(store, platform)]


def _scans(store: Store, platform: str, pileons: bool
           ) -> tuple[list[tuple[str, bool]] | None, list[str] | None, str | None]:
    """``(pile-ons, bursts, capture)``: the target of each pile-on, and whether at least
    half its posts read as hateful but not toxic, and the target of each burst from its own
    network (kindscope.safety's rule; it scans every target of the platform, so whose read
    model it runs on does not matter; None where ``pileons`` is false or there is no
    account); and how long the captures that are the only source of others' replies ran
    (``care.cover.capture_words``; None where they are not)."""
    anchor = cm.anchor_account(store, platform)
    if anchor is None:
        return None, None, None
    rm = read_model(store, me=anchor)
    try:
        if rm.platform != platform:
            return None, None, None
        capture = capture_words(rm, unseen="no reply to anyone")
        if not pileons:
            return None, None, capture
        found, bursts = find_bursts(rm)
        return ([(i.target_id, i.read_first) for i in found], [i.target_id for i in bursts],
                capture)
    finally:
        rm.close()


def _summary(view: dict, older: str | None = None, where: Where = HERE) -> str:
    """The terminal's lines for one platform's view (``where``: the data its commands
    read)."""
    o = view["overall"]

    def pct(group: dict) -> str:
        if group["void_rate"] is None and group.get("eligible") == 0 and group.get("posts"):
            # a short capture: "n/a" alone said nothing (a researcher's review, 2026-12-06)
            return (f"none of {group['posts']:,} can be judged yet (the data's replies do not "
                    f"run {view['window_days']} days past them)")
        if group["void_rate"] is None:
            return "n/a"
        return f"{group['void_rate']:.0%} of {group['eligible']:,}"
    ratio = o["kindness_gap"]["ratio"]
    recip = o["reciprocity"]
    shown = len(view["communities"])
    targeted = view["most_targeted"]
    top = targeted[0] if targeted else None
    if targeted is None:
        worst = "n/a"
    elif top is None:
        worst = ("no posts aimed at anyone were read as toxic or hateful or use words that "
                 "tell someone to die")
    else:
        worst = f"{top['toxic_or_hateful']} toxic or hateful posts" + (
            f" ({top['hateful_not_toxic']} of them read as hateful but not toxic)"
            if top["hateful_not_toxic"] else "") + (
            f" and {top['death_wish_words']} more using words that tell someone to die"
            if top.get("death_wish_words") else "")
    cannot = view.get("cannot_show") or {}
    members = o["members"]
    return (f"{view['platform']}: {members:,} {'member' if members == 1 else 'members'} "
            f"({view['accounts_in_graph']:,} in the {view['graph']} graph), "
            + (f"{shown} {'community' if shown == 1 else 'communities'} shown "
               f"(of {view['min_members_shown']} or more members)" if shown else
               "no community shown" if "follow_ties" in cannot else
               f"no community of {view['min_members_shown']} or more members")
            + "; unanswered within "
            f"{view['window_days']} days: painful posts {pct(o['painful'])}, upbeat "
            f"{pct(o['upbeat'])}; kindness gap (everyone's painful posts' mean "
            f"engagement over their upbeat posts') "
            f"{'n/a' if ratio is None else f'{ratio:.2f}'}; reciprocity "
            f"{'n/a' if recip is None else f'{recip:.2f}'}; "
            f"{'n/a' if o['isolated_members'] is None else o['isolated_members']} members "
            f"with at most one follower inside their community; "
            + ("n/a pile-ons" if o["pileons"] is None else
               f"{o['pileons']} pile-on{'' if o['pileons'] == 1 else 's'}")
            + (f" ({o['pileons_read_first']} of them with at least half their posts read as "
               f"hateful but not toxic, and {HATE_ON_DENIALS}: read them with "
               f"`{where.command('safety', '--platform', view['platform'])}`)"
               if o["pileons_read_first"] else "")
            + (f" and {o['network_bursts']} burst{'s' if o['network_bursts'] != 1 else ''} "
               "of hostile replies from the target's own follow network (not counted as "
               "pile-ons)" if o.get("network_bursts") else "")
            + f"; most targeted account: {worst}"
            + f"\n  data: {_span_words(view)}"
            + (f"\n  note: {view['capture']}" if view.get("capture") else "")
            + "".join(f"\n  cannot show {words}: {why}" for words, why in _distinct(cannot))
            + (f"\n  note: {older}" if older else "")
            + (f"\n  note: {unscored_words(view)}" if view.get("unscored_posts") else "")
            + (f"\n  note: {view['community_method_note']}" if view["community_method_note"]
               else ""))


def _span_words(view: dict) -> str:
    """"from 2024-01-02 (the oldest post) to 2024-03-01 (the end of the data: the newest
    post or import); 2 imports: x-archive, jetstream"."""
    since, until = view.get("since"), view.get("until")
    end = f"{until[:10]} (the end of the data: the newest post or import)" if until else None
    span = (f"from {since[:10]} (the oldest post) to {end}" if since and end
            else f"no dated post; the end of the data {end}" if end else "no dated post")
    shots = view.get("snapshots") or []
    formats = sorted({s["format"] for s in shots})
    return (f"{span}; {len(shots)} import{'' if len(shots) == 1 else 's'}"
            + (f": {', '.join(formats)}" if formats else ""))


#: The figures ``cannot_show`` names, in words.
_FIGURES = {"unanswered": "unanswered posts", "pileons": "pile-ons and network bursts",
            "most_targeted": "the most targeted accounts", "kindness_gap": "the kindness gap",
            "follow_ties": "communities, reciprocity and isolated members",
            "network_bursts": "bursts from a target's own network",
            "follows": "reciprocity and isolated members"}


def _distinct(cannot: dict[str, str]) -> list[tuple[str, str]]:
    """Figures sharing one reason said together, once: ("unanswered posts, pile-ons", why)."""
    by_reason: dict[str, list[str]] = {}
    for key, why in cannot.items():
        by_reason.setdefault(why, []).append(key)
    return [(", ".join(_FIGURES[k] for k in keys), why) for why, keys in by_reason.items()]


@click.command("community")
@engine_option
@data_option()
@db_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              default="kindscope-community", show_default=True,
              help="Folder for community.json.")
@click.option("--platform", default=None, help="Only this platform (default: every one).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many of the most targeted accounts to count (never named).")
@master_option
def community_command(engine, data_dir, db, out_dir, platform, top, master):
    """The community view for moderators: no one is named, no one gets a verdict.

    Void rates (painful and upbeat posts nobody else answered within 7 days) and the
    kindness gap per community and overall, toxicity received by the most targeted
    accounts (counts only), pile-ons, follow reciprocity and isolated members.

    Communities: Leiden on this machine; with --engine spark and more follow edges than
    KINDSCOPE_DRIVER_GRAPH_EDGES (default 8,000,000), label propagation on the engine.
    community.json says which (community_method).

    Example:

        kindscope community --engine duckdb --data community-data/ --out moderation/

        kindscope community --engine spark --data community-data/ --out moderation/
    """
    refuse_out_inside(out_dir, data_dir)
    with open_for_engine(engine, data_dir, db, master) as store:
        names = cm.platforms(store)
        if platform is not None:
            if platform not in names:
                raise InputError(f"no posts or follows on the platform {platform!r} "
                                 f"(there are: {', '.join(names) or 'none'})", "--platform")
            names = [platform]
        if not names:
            raise InputError("holds no posts or follows", data_dir or store.path)
        # the commands community.json names read the same data, as a file moderators
        # share may name it (``Where.shared``; the terminal's own notes: as given)
        views = [community_view(store, name, top=top) for name in names]
    report = {"schema_version": COMMUNITY_SCHEMA_VERSION, "kind": "kindscope-community",
              "source": {"engine": engine, "input": "dataset" if data_dir else "database",
                         "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
                         "kindscope_version": __version__},
              "platforms": views}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "community.json"
    path.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for view in views:
        # its notes name the data as community.json does; the terminal, as given here
        click.echo(store.where.as_given(
            _summary(view, older_model_note(view.get("model_version"), store), store.where)))
    click.echo(f"wrote {path}")
