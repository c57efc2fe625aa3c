"""Pile-ons and trawlers in the store.

Everything is read through one read model (:mod:`kindscope.store.incidents`): its platform,
its model version and its thresholds.

*Pile-on*: within ``window`` at least ``min_posts`` hostile replies or mentions aimed at one
account, from at least ``min_accounts`` accounts, counted from accounts outside that
account's follow network (the latest follow edges) alone: people in the network, friends who
swear at the attackers in the same hours among them, are never counted among a pile-on's
accounts, and can never turn strangers' pile-on into something else (a harassment-target
review, 2026-12-06: five friends defending the target made six strangers' insults a "burst
in the network", and "No pile-on aimed at you was found"). Hostile = the read model's
decision (toxicity or hate at or above its threshold), or a read post with words that tell
the account to die (the stored ``death_wish`` reading, ``wishes.aimed_wish``, as the inbox
reads them, whatever the model made of them: the inbox hid a death wish the model read as
its writer's crisis, not as toxic, as abuse, while no pile-on held it; such posts, read as
toxic or not, are named in ``by_words``, not counted as hateful-only, and the reason gives
their count, asking to read them first where they are at least half); "aimed at" as in its
``aimed_at_me`` view, by id or handle.
Without any such scores no pile-on is reported, and the result says so. Where the data
holds no replies by others (``rm.available``), neither pile-ons nor trawlers are looked for,
and the result says why.

*Burst in the network*: a burst of hostile replies or mentions as large as a pile-on (posts,
accounts, window) among what the pile-ons leave, which holds posts of people in the
target's follow network (people it follows or who follow it). It is not hidden: it is listed
apart, as facts (its reason gives the counts), with the same evidence command. A burst
holds no post of a pile-on: pile-ons are found first, from strangers' posts alone.

When at least half of a pile-on's posts read as hateful but not toxic, its reason says so
and asks the reader to read them first (``reliability.HATE_ON_DENIALS``): people rallying
to defend someone look like a pile-on of hate to the model.

*Trawler*: one account outside the other's follow network replying, within ``window``, to
at least ``min_posts`` different posts of that account that were each older than
``min_age`` when replied to (a friend going through old posts is not a trawl: a mutual's
five kind replies to old posts made "History trawl aimed at" them, a review, 2026-12-06).

An incident's id is ``<kind>-`` plus the first 16 hex digits of the SHA-256 of its sorted
``platform:post_id`` list, so it stays the same across runs on the same data.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta

from kindscope.care.cover import capture_words
from kindscope.safety.windows import runs
from kindscope.signals.reliability import HATE_ON_DENIALS
from kindscope.store.graph_edges import follow_edges
from kindscope.store.incidents import (
    hostile_aimed,
    hostility,
    hostility_of,
    hostility_scored,
    old_post_replies,
    unread_aimed,
    unscored_elsewhere,
)
from kindscope.store.read import ReadModel

__all__ = ["KIND_NAMES", "PILEON_WORDS", "Incident", "SafetyScan", "incident_id", "find_pileons",
           "find_bursts", "find_trawlers", "scan"]


#: What each kind of incident is called where a person reads it (pages, pack titles).
KIND_NAMES = {"pileon": "Pile-on", "burst": "Burst of hostile replies",
              "trawler": "History trawl"}


@dataclass(frozen=True)
class Incident:
    """One pile-on or trawl: who was targeted, by whom, with which posts, and why."""

    id: str
    kind: str  # "pileon", "burst" (a burst from the target's own network) or "trawler"
    platform: str
    target_id: str
    start: datetime
    end: datetime
    accounts: tuple[str, ...]
    posts: tuple[str, ...]
    scores: tuple[tuple[str, str, float], ...]  # (post id, signal, score)
    reason: str
    #: posts read as hateful but not toxic (pile-ons; 0 for trawls)
    hate_only: int = 0
    #: of ``posts``, those the incident's accounts wrote (a trawl's ``posts`` also hold the
    #: old posts replied to); empty: all of them
    by_accounts: tuple[str, ...] = ()
    #: of ``posts``, those counted for words that tell the target to die alone (a rule,
    #: ``wishes.aimed_wish``), not read as toxic
    by_words: tuple[str, ...] = ()
    #: of ``posts``, every one whose words tell the target to die, read as toxic or not (an
    #: evidence pack marks them: a category of its own to a platform's safety team, a
    #: moderator's review, 2026-12-06)
    wish_words: tuple[str, ...] = ()

    @property
    def their_posts(self) -> int:
        """How many posts the incident's accounts wrote."""
        return len(self.by_accounts or self.posts)

    @property
    def read_first(self) -> bool:
        """At least half the posts read as hateful but not toxic, as denials of a stereotype
        often do (the reason says so)."""
        return bool(self.posts) and 2 * self.hate_only >= len(self.posts)


@dataclass(frozen=True)
class SafetyScan:
    """All incidents, plus notes on what could not be checked. ``pileons_reason`` and
    ``trawlers_reason`` say why the data cannot show them (None: they were looked for)."""

    pileons: tuple[Incident, ...]
    trawlers: tuple[Incident, ...]
    scored: bool
    notes: tuple[str, ...] = field(default_factory=tuple)
    pileons_reason: str | None = None
    trawlers_reason: str | None = None
    #: bursts from the target's own follow network (looked for with pile-ons; under
    #: ``pileons_reason`` too)
    bursts: tuple[Incident, ...] = ()
    #: what could not be checked of posts aimed at others (``kindscope safety`` lists
    #: incidents on everyone; the owner's report, only theirs, says only ``notes``)
    notes_elsewhere: tuple[str, ...] = ()

    @property
    def incidents(self) -> tuple[Incident, ...]:
        """Every incident found, each with an id ``kindscope evidence`` takes."""
        return self.pileons + self.bursts + self.trawlers

    def to_dict(self) -> dict:
        """The scan as ``kindscope safety --json`` gives it: what was not looked for (the
        data cannot show it, or nothing was scored) is null, not an empty list a script
        reads as "none found" (as in report.json and community.json); the reasons and
        notes say why."""
        data = asdict(self)
        if self.trawlers_reason is not None:
            data["trawlers"] = None
        if self.pileons_reason is not None or not self.scored:
            data["pileons"] = data["bursts"] = None  # bursts are looked for with pile-ons
        return data


def incident_id(kind: str, platform: str, post_ids) -> str:
    text = "\n".join(sorted(f"{platform}:{p}" for p in post_ids))
    return f"{kind}-{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def _network(rm: ReadModel, targets) -> dict[str, set[str]]:
    """Each target's follow network (either direction) in the latest follow edges."""
    edges = follow_edges(rm.store, rm.platform)
    src, dst = edges["source"].astype(str), edges["target"].astype(str)
    return {t: set(dst[src == t]) | set(src[dst == t]) for t in targets}


#: What makes a pile-on (and a burst in the network), by default: at least this many
#: hostile posts from at least this many accounts within this window.
PILEON_WINDOW = timedelta(hours=6)
PILEON_POSTS = 5
PILEON_ACCOUNTS = 3
#: The same, in words (the report says it where it found none: a review, 2026-12-06).
PILEON_WORDS = (f"{PILEON_POSTS} or more hostile replies or mentions within "
                f"{int(PILEON_WINDOW.total_seconds() // 3600)} hours from {PILEON_ACCOUNTS} or "
                "more accounts")


def find_pileons(rm: ReadModel, window: timedelta = PILEON_WINDOW,
                 min_posts: int = PILEON_POSTS,
                 min_accounts: int = PILEON_ACCOUNTS) -> tuple[Incident, ...]:
    """Pile-ons (see the module text); empty when there are no hostility scores."""
    return find_bursts(rm, window, min_posts, min_accounts)[0]


def find_bursts(rm: ReadModel, window: timedelta = PILEON_WINDOW,
                min_posts: int = PILEON_POSTS, min_accounts: int = PILEON_ACCOUNTS
                ) -> tuple[tuple[Incident, ...], tuple[Incident, ...]]:
    """``(pile-ons, bursts in the target's network)`` (see the module text): pile-ons from
    the posts of accounts outside the target's follow network alone, then bursts among
    what they leave."""
    aimed = defaultdict(list)
    toxic, wishes = set(), set()
    for target, at, post, author, toxicity, hate, is_toxic, wish in \
            hostile_aimed(rm):
        # the inbox's one rule: words that tell me to die are abuse, whatever the model
        # read (a death wish read as hateful but not toxic is one, not a denial of a
        # stereotype: a review, 2026-12-06)
        aimed[(rm.platform, target)].append((at, post, author, hostility(toxicity, hate)))
        if is_toxic:
            toxic.add(post)
        if wish:
            wishes.add(post)
    ties = _network(rm, {t for (_, t), items in aimed.items() if len(items) >= min_posts})
    pileons, bursts = [], []
    for (platform, target), items in sorted(aimed.items()):
        items = sorted(set((a, p, u, tuple(sorted(s.items()))) for a, p, u, s in items))
        network = ties.get(target, set())

        def burst(run):
            return len(run) >= min_posts and len({r[2] for r in run}) >= min_accounts

        first = runs([r for r in items if r[2] not in network], window, burst)
        taken = {r[1] for run in first for r in run}
        for run in first:
            pileons.append(_incident("pileon", platform, target, run, network, toxic,
                                     wishes))
        for run in runs([r for r in items if r[1] not in taken], window, burst):
            bursts.append(_incident("burst", platform, target, run, network, toxic, wishes))
    return tuple(_with_hate_only_note(i) for i in pileons), tuple(bursts)


def _incident(kind: str, platform: str, target: str, run: list, network: set[str],
              toxic: set[str], wishes: set[str]) -> Incident:
    """A pile-on or a burst in the network from its run of hostile posts."""
    authors = sorted({r[2] for r in run})
    outside = sum(a not in network for a in authors)
    posts = tuple(sorted({r[1] for r in run}))
    hours = (run[-1][0] - run[0][0]).total_seconds() / 3600
    if not network:  # every account counts as outside, but the data cannot say they are
        where = "(no follow tie of the target is in this data, so none is counted as in its " \
                "network)"
    elif kind == "pileon":
        where = f"({outside} outside the target's follow network)"
    else:
        where = (f"({len(authors) - outside} of them in the target's follow network: not "
                 "counted as a pile-on)")
    return Incident(
        incident_id(kind, platform, posts), kind, platform, target, run[0][0], run[-1][0],
        tuple(authors), posts, tuple(sorted({(r[1], sig, sc) for r in run for sig, sc in r[3]})),
        f"{len(posts)} hostile replies/mentions from {len(authors)} accounts {where} within "
        f"{hours:.1f} h" + _words_note(words := tuple(p for p in posts if p in wishes
                                                      and p not in toxic), len(posts)),
        sum(p not in toxic and p not in wishes for p in posts), by_words=words,
        wish_words=tuple(p for p in posts if p in wishes))


def _words_note(words: tuple[str, ...], posts: int) -> str:
    """What the reason says of posts counted for their words (a fact about the words, as the
    inbox says it, not a reading of what their writers meant); where they are at least half
    of the ``posts``, to read them first: the rule cannot always tell words aimed at someone
    from words quoted, and people at risk quote what such thoughts say."""
    if not words:
        return ""
    note = (f"; {len(words)} of them counted for words that tell someone to die (a rule: the "
            "model did not read them as toxic)")
    if 2 * len(words) >= posts:
        note += (", and the rule cannot always tell words aimed at someone from words quoted: "
                 "read them before you take this for a pile-on")
    return note


def _with_hate_only_note(incident: Incident) -> Incident:
    """The pile-on, its reason cautioned when it is ``read_first``."""
    if not incident.read_first:
        return incident
    return replace(incident, reason=(
        f"{incident.reason}; {incident.hate_only} of the {len(incident.posts)} read as hateful "
        f"but not toxic, and {HATE_ON_DENIALS}: read them before you take this for a pile-on"))


def find_trawlers(rm: ReadModel, window: timedelta = timedelta(days=2), min_posts: int = 5,
                  min_age: timedelta = timedelta(days=30)) -> tuple[Incident, ...]:
    """Trawlers (see the module text)."""
    pairs = defaultdict(list)
    for author, target, at, reply, original in old_post_replies(rm, min_age):
        pairs[(rm.platform, author, target)].append((at, reply, original))
    ties = _network(rm, {target for (_, _, target), items in pairs.items()
                         if len(items) >= min_posts})
    pairs = {key: items for key, items in pairs.items()
             if key[1] not in ties.get(key[2], ())}
    scores = hostility_of(rm, (r[1] for items in pairs.values() for r in items))
    incidents = []
    for (platform, author, target), items in sorted(pairs.items()):
        def enough(run):
            return len({r[2] for r in run}) >= min_posts
        for run in runs(items, window, enough):
            posts = tuple(sorted({r[1] for r in run} | {r[2] for r in run}))
            replies = sorted({r[1] for r in run})
            incidents.append(Incident(
                incident_id("trawler", platform, posts), "trawler", platform, target,
                run[0][0], run[-1][0], (author,), posts,
                tuple(sorted((p, sig, sc) for p in replies
                             for sig, sc in scores.get(p, {}).items())),
                f"{author} replied to {len({r[2] for r in run})} posts of {target} older "
                f"than {min_age.days} days within "
                f"{(run[-1][0] - run[0][0]).total_seconds() / 3600:.1f} h"
                + ("" if ties.get(target) else " (no follow tie of the target is in this "
                   "data, so a friend cannot be told from a stranger here)"),
                by_accounts=tuple(replies)))
    return tuple(incidents)


def _unread_notes(unscored: int, other_language: int, score: str) -> tuple[str, ...]:
    """What the scan could not read of the posts aimed at you: not "none found" for them
    (``score``: the command that scores them)."""
    notes = []
    if unscored:
        notes.append(f"{unscored} post{'s' if unscored != 1 else ''} aimed at you "
                     f"{'are' if unscored != 1 else 'is'} not scored yet, so no pile-on among "
                     f"them can be seen: run `{score}`")
    if other_language:
        notes.append(f"{other_language} post{'s' if other_language != 1 else ''} aimed at "
                     f"you {'are' if other_language != 1 else 'is'} in a language the signals "
                     "do not read, so no pile-on among them can be seen "
                     "(docs/models/languages.md)")
    return tuple(notes)


def scan(rm: ReadModel) -> SafetyScan:
    """Pile-ons and trawlers with default thresholds, where the data can show them."""
    pileons, trawlers = rm.available("pileons"), rm.available("trawlers")
    scored = hostility_scored(rm)
    notes = () if scored or not pileons.available else (
        "no toxicity/hate scores in the database: pile-ons were not checked "
        f"(`{rm.where.command('score')}` reads the posts first)",)
    elsewhere: tuple[str, ...] = ()
    if pileons.available and (cover := capture_words(rm)):  # "none found" of seconds
        notes += (cover,)
    if scored and pileons.available:
        notes += _unread_notes(*unread_aimed(rm), rm.where.command("score"))
        if unscored := unscored_elsewhere(rm):  # pile-ons on others are listed too
            elsewhere = (f"{unscored} other post{'s' if unscored != 1 else ''} in this data "
                         f"{'are' if unscored != 1 else 'is'} not scored yet, so no pile-on "
                         "on anyone else among them can be seen: run "
                         f"`{rm.where.command('score')}`",)
    found, bursts = find_bursts(rm) if pileons.available and scored else ((), ())
    return SafetyScan(found, find_trawlers(rm) if trawlers.available else (), scored, notes,
                      pileons.reason, trawlers.reason, bursts, elsewhere)
