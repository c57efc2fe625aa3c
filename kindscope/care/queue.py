"""The care queue and the inbox: who around you is hurting with no one answering, and the
messages you must not miss.

Rules (from what went wrong with Samaritans Radar in 2014):

- Local and computed when asked: nothing is stored; "now" is the newest snapshot's
  ``taken_at`` (or ``as_of``), never the wall clock, and the queue says which (``now_from``).
- Facts, not verdicts: an item shows the post, when, and "no reply yet" or "only hostile
  replies". The signals only select and order; no score, label or risk is shown, so every
  item carries the same help for the reader (help only on posts read as a crisis would
  mark them).
- Scope: people you follow who follow you back (``include_following`` widens it to everyone
  you follow), never strangers; never people you blocked or muted, people whose posts to
  you are mostly hostile, or people who opted out (``#NoCareQueue`` in the bio, a Bluesky
  ``!no-unauthenticated`` label, Mastodon ``noindex`` or ``discoverable: false``, a
  protected X account).
- One item per thread started by someone in scope (a reply to others is not theirs to be
  asked about) whose own posts read as painful and that has no answer from anyone else;
  the author's own replies are not answers, and hostile replies do not count as kind.
- A care budget: at most ``budget`` items; the rest are counted, not shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import numpy as np

from kindscope.care.cover import capture_words
from kindscope.care.links import post_url
from kindscope.care.signposting import (
    COUNTRY_NAMES,
    HELP_LINES,
    emergency_sentence,
    find_more,
    lines_shown,
    signposting,
    with_the,
)
from kindscope.metrics.common import NO_SCORES_REASON
from kindscope.signals.reliability import HATE_ON_DENIALS
from kindscope.store import care as care_rows
from kindscope.store.availability import following_command
from kindscope.store.graph_edges import follow_edges
from kindscope.store.read import ReadModel

__all__ = ["EXCLUSION_REASONS", "INBOX_ORDER", "CareItem", "CareQueue", "care_queue", "inbox",
           "now_of", "reader_help"]

EXCLUSION_REASONS = ("not mutual", "blocked or muted", "hostile", "opted out")
DEFAULT_DAYS = 3
DEFAULT_INBOX_DAYS = 14
DEFAULT_BUDGET = 5


@dataclass(frozen=True)
class CareItem:
    """One thread (or one message) to look at: facts only."""

    post_id: str
    account_id: str
    handle: str
    created_at: str
    text: str
    url: str | None
    hours_without_reply: float
    status: str  # "no reply yet", "only hostile replies", or for the inbox the kind of message
    continuations: tuple[dict, ...] = ()
    signposting: dict | None = None
    #: inbox: the sender is in my circle (I follow them and they follow me)
    from_circle: bool = False


@dataclass(frozen=True)
class CareQueue:
    now: str
    days: float
    budget: int
    items: tuple[CareItem, ...]
    held_back: int
    excluded: dict[str, int] = field(default_factory=dict)
    note: str | None = None
    only_hostile: int = 0  # of the items and the held back, those with only hostile replies
    now_from: str = "data"  # "data": the end of the data is now; "as-of": the time given
    #: inbox: messages the death-wish rule reads as telling me to die ("kill yourself"; the
    #: rule's count, not proven intent: people in pain and their supporters quote such
    #: thoughts), and help for me when there is one (help lines and the directory)
    wishes_at_you: int = 0
    help_for_you: dict | None = None
    #: False where the data cannot show what the list looks for (``note`` says why and
    #: how to get it): an empty list then means nothing, and says so
    available: bool = True
    #: care: threads of the circle with no reply whose author's posts were not read for
    #: their language (no painful one among them): whether they are painful cannot be told
    not_read: tuple[CareItem, ...] = ()
    #: care: of the items and the held back, those with replies not read for their language
    #: or with words that tell someone to die (and no reply read as kind)
    unread_replies: int = 0
    #: care: posts of the circle not read for their language beyond those in ``not_read``
    not_read_more: int = 0

    @property
    def not_read_count(self) -> int:
        """care: posts of the circle not read for their language: listed and past the
        budget."""
        return len(self.not_read) + self.not_read_more

    @property
    def waiting(self) -> int:
        """Posts waiting: those listed and those held back past the budget."""
        return len(self.items) + self.held_back

    def to_dict(self) -> dict:
        out = {"available": self.available, "now": self.now, "now_from": self.now_from,
               "days": self.days,
               "budget": self.budget, "items": [_item_dict(i) for i in self.items],
               "held_back": self.held_back, "only_hostile": self.only_hostile,
               "excluded": dict(self.excluded)}
        if self.note:
            out["note"] = self.note
        if self.help_for_you is not None:
            out["wishes_at_you"] = self.wishes_at_you
            out["help_for_you"] = self.help_for_you
        if self.not_read or self.not_read_more:
            out["not_read"] = [_item_dict(i) for i in self.not_read]
            out["not_read_more"] = self.not_read_more
        if self.unread_replies:
            out["unread_replies"] = self.unread_replies
        return out


def _item_dict(item: CareItem) -> dict:
    out = {"post_id": item.post_id, "account_id": item.account_id, "handle": item.handle,
           "created_at": item.created_at, "text": item.text, "url": item.url,
           "hours_without_reply": item.hours_without_reply, "status": item.status,
           "continuations": list(item.continuations)}
    if item.signposting is not None:
        out["signposting"] = item.signposting
    if item.from_circle:
        out["from_circle"] = True
    return out


def reader_help(country: str | None = None) -> dict:
    """What to do when answering a painful post, or one that reads as someone in crisis:
    for the reader, not about them. Help lines the reader can point the poster to; never a
    suggestion to contact authorities or anyone else on the poster's behalf."""
    sign = signposting(country)
    named = COUNTRY_NAMES.get(sign.country)
    lines = [{"name": h.name, "contact": h.contact, "url": h.url, "country": name}
             for h, name in lines_shown(sign)]
    if named:
        where_number = f" ({sign.emergency} in {with_the(named)})"
    else:  # no country set: the numbers of every country kindscope knows
        where_number = " (for example " + ", ".join(
            f"{number} in {with_the(COUNTRY_NAMES[code])}"
            for code, (number, _) in HELP_LINES.items()) + ")"
    where = ("the help lines below" if lines else
             "findahelpline.com, below, lists free, confidential services by country")
    return {
        "how_to_answer": [
            "You can simply let them know you saw their post and that you are glad they "
            "said something; you do not have to fix anything.",
            "Don't promise to keep it secret if they tell you they are not safe.",
            f"You can point them to people trained to help: {where}.",
            f"If they tell you they are in danger right now, encourage them to call the "
            f"emergency number where they are{where_number}.",
            "You are not their counsellor. Look after yourself too.",
        ],
        "help_lines": lines,
        "find_more": find_more(bool(lines)),
        "caveat": "kindscope can be wrong: a post it lists may mean something else.",
    }


def now_of(rm: ReadModel, as_of: datetime | None = None) -> datetime:
    """The care commands' "now": ``as_of``, else the later of when the newest snapshot was
    taken and the newest post of the imports that do not say when they were taken (a
    Bluesky repository without a ``rev``; a generic file without ``taken_at``), else, for
    data with no dates at all, when the newest import was imported. A repository's "now"
    was the day it was imported, years after its last post, and a later file without a
    time was ignored for an older one's (reviews, 2026-12-06)."""
    if as_of is not None:
        return as_of
    end, imported = care_rows.data_end(rm.store, rm.platform)
    if end is not None:
        return end
    if imported is None:
        raise ValueError("the data has no dates: pass --as-of")
    return imported


def fetched_kept_since(rm: ReadModel, days: float) -> tuple[datetime, float]:
    """From when the posts fetched for the care queue are kept, and over how many days:
    from the end of the data, over ``days`` or the default window, whichever is longer;
    never from an ``--as-of`` (a look at 2030, or at the last 2 hours, deleted every fetched
    post: a review, 2026-12-06)."""
    kept = max(days, DEFAULT_DAYS)
    return now_of(rm) - timedelta(days=kept), kept


def _get_circle(rm: ReadModel, what: str) -> str:
    """How to get ``what`` of the circle on the read model's platform (the owner's handle in
    the command where known, into the database it read), in words."""
    platform = rm.platform
    command = following_command(platform, rm.carries.handle, rm.where)
    if command and rm.where.data is not None:
        # fetched posts go into a database (a dataset never keeps them): care reads it then
        return (f"a dataset does not keep the posts fetched for the care queue: "
                f"`{command} --db FILE` fetches {what} into a database, which "
                f"`{replace(rm.where, data=None, db='FILE').command('care')}` reads")
    if command:
        return f"`{command}` fetches {what}"
    if platform == "x" and what == "your follows":
        return "your X archive holds them: import it"
    if platform == "x":
        return "kindscope has no online source for X, and an X archive holds only your own posts"
    return "add them to the file you import (docs/generic-format.md)"


def _now_from(as_of: datetime | None) -> str:
    return "data" if as_of is None else "as-of"


def _circle(rm: ReadModel) -> tuple[list[str], list[str]]:
    """Whom I follow and who follows me, from the latest follow edges."""
    edges = follow_edges(rm.store, rm.platform)
    source, target = edges.get("source", np.array([])), edges.get("target", np.array([]))
    following = sorted(set(target[source == rm.me].tolist()))
    followers = sorted(set(source[target == rm.me].tolist()))
    return following, followers


def _after_the_data(rm: ReadModel, as_of: datetime | None, since: datetime) -> str | None:
    """Why nothing can be said when ``--as-of`` puts the whole window after the end of the
    data ("no painful post is waiting" of a window the data never reached was a false
    all-clear: a user's-eye review, 2026-12-06), or None."""
    if as_of is None:
        return None
    end, _ = care_rows.data_end(rm.store, rm.platform)
    if end is None or since <= end:
        return None
    return (f"this data ends on {end:%Y-%m-%d}, before the window asked for (from "
            f"{since:%Y-%m-%d %H:%M} UTC): import "
            "newer data, or give an earlier --as-of")


def _hours(now: datetime, then: datetime) -> float:
    return round((now - then).total_seconds() / 3600, 1)


def care_queue(rm: ReadModel, days: float = DEFAULT_DAYS, include_following: bool = False,
               budget: int = DEFAULT_BUDGET, as_of: datetime | None = None,
               country: str | None = None,
               scores_first: str | None = None) -> CareQueue:
    """The queue: unanswered painful threads of people in scope, oldest first, except that
    threads that may read as a crisis come first (so the budget never holds them back;
    nothing marks them). ``scores_first``: what reads the posts where no signal has yet
    (default: `kindscope care` on the same data, unless it cannot write the store)."""
    now = now_of(rm, as_of)
    since = now - timedelta(days=days)
    following, followers = _circle(rm)
    rows = care_rows.care_threads(rm, now, since, following, followers,
                                  mutual_only=not include_following)
    excluded = dict.fromkeys(EXCLUSION_REASONS, 0)
    eligible, unread = [], []
    for row in rows:
        if row.excluded is not None:
            if not row.unread_only:  # "left out" counts painful posts, as the list does
                excluded[row.excluded] += 1
        else:
            (unread if row.unread_only else eligible).append(row)
    # a thread that may read as a crisis is never held back by the budget (they come
    # first; a budget of 1 hid a goodbye under "it is fine to stop here": a care re-review)
    urgent = sum(1 for r in eligible if r.crisis)
    shown = eligible[:max(budget, urgent, 0)]
    handles = rm.handles(r.author_id for r in shown + unread)
    help_for_reader = reader_help(country)

    def item(row: care_rows.Thread, status: str | None, help_: dict | None) -> CareItem:
        root_id, author, post_id, at = row.root_id, row.author_id, row.post_id, row.at
        posts = care_rows.thread_posts(rm, root_id, author, now)
        first = next((p for p in posts if p[0] == post_id), None)
        text, url = (first[2], first[3]) if first else ("", None)
        later = tuple({"post_id": p[0], "created_at": p[1].isoformat(), "text": p[2]}
                      for p in posts if p[1] > at)
        return CareItem(
            post_id, author, handles.get(author, author), at.isoformat(), text,
            post_url(rm.platform, post_id, url, handles.get(author)), _hours(now, at),
            status or _answered(row.hostile, row.wish_answers, row.unread_answers), later,
            help_)

    items = [item(row, None, help_for_reader) for row in shown]
    # listed within the budget too, the rest counted (a circle that writes in another
    # language has every post with no reply here: a code review, 2026-12-06)
    not_read = tuple(item(row, NOT_READ["language"], help_for_reader)
                     for row in unread[:max(budget, 0)])
    note = _after_the_data(rm, as_of, since)
    if note is None and not following:
        note = ("this data does not say whom you follow, so there is no circle to look at: "
                + _get_circle(rm, "your follows"))
    elif note is None and not care_rows.posts_by_any(rm, following):
        # an archive or a repository holds only the user's own posts: "no painful post is
        # waiting" would be a claim the data cannot make (a user's-eye review, 2026-12-06)
        note = ("this data holds no posts by the people you follow, so whether any of them "
                "is waiting for an answer cannot be seen: "
                + _get_circle(rm, "their recent posts"))
    elif note is None and not rm.scored:
        # no post reads as painful before the signals have read them: "nothing is waiting"
        # would be a false all-clear (`kindscope care` scores first; a report need not)
        # care scores what it reads; a store it cannot write (a dataset), `score` does
        first = scores_first or (
            f"`{rm.where.command('score')}` reads them" if rm.store.read_only
            else f"`{rm.where.command('care')}` reads them first")
        note = f"{NO_SCORES_REASON}: {first}"
    return CareQueue(now.isoformat(), days, budget, tuple(items),
                     max(len(eligible) - len(shown), 0), excluded, note,
                     sum(1 for r in eligible if r.hostile), _now_from(as_of),
                     available=note is None, not_read=not_read if note is None else (),
                     unread_replies=sum(1 for r in eligible
                                        if r.unread_answers or r.wish_answers),
                     not_read_more=len(unread) - len(not_read) if note is None else 0)


def _answered(hostile: bool, wish: bool, unread: bool) -> str:
    """What a listed painful post has had from others: facts about the replies, never a
    word about who wrote them."""
    kinds = [words for on, words in ((hostile, "that read as hostile"),
                                     (wish, "that use words that tell someone to die"),
                                     (unread, "that kindscope could not read (their language)"))
             if on]
    if not kinds:
        return "no reply yet"
    if kinds == ["that read as hostile"]:
        return "only hostile replies"
    return "only replies " + ", or ".join(kinds)


#: An inbox message the signals have no reading of: never shown as a plain "reply or
#: mention", which sits among the kind ones (a harassment-target review: "...muérete").
NOT_READ = {"language": "not read: a language the signals do not read",
            "unscored": "not read yet: no model has read it"}
#: What an inbox item's words read as, in the order the inbox lists them (facts about a
#: message, never a word about its author).
INBOX_ORDER = {"read as painful": 0, "read as kind": 1, "reply or mention": 2,
               NOT_READ["unscored"]: 2,
               "read as hateful": 3, "read as toxic": 3, "uses words that tell someone to die": 3,
               # last: kind, painful and hostile cannot be told apart among them (a Spanish
               # death wish sat among the kind messages: a review, 2026-12-06)
               NOT_READ["language"]: 4}
#: An inbox message with words that tell the user to die, read by
#: ``wishes.aimed_wish`` (the rules), not by the toxicity model: hidden and ordered with the
#: hostile ones. Said as a fact about its words, not as a reading of what its writer meant:
#: the rule cannot always tell words aimed at someone from words quoted, and people at risk
#: and their supporters quote what such thoughts say (``training/variants/2026-12-06j``: of
#: a review's 115 replies by people at risk and 105 supportive ones, 76 and 42 fired).
WISHES_HARM = "uses words that tell someone to die"
#: Said once under an inbox with posts "read as hateful" (hateful but not toxic).
HATE_ONLY_NOTE = (f"\"read as hateful\": {HATE_ON_DENIALS} too. Read them before you take "
                  "them for hate.")


def inbox(rm: ReadModel, days: float = DEFAULT_INBOX_DAYS, as_of: datetime | None = None,
          country: str | None = None) -> CareQueue:
    """Replies and mentions to me in the window that I have not answered: those that read as
    a crisis first, each with help for the reader, even when they also read as hostile
    (people in crisis can be angry, and a reading can be wrong), but never a death wish
    aimed at me (``wishes.aimed_wish``); then messages that read as painful or kind;
    hostile ones last (they belong to ``kindscope safety``). Messages from people I blocked
    or muted are counted, not shown."""
    now = now_of(rm, as_of)
    since = now - timedelta(days=days)
    aimed = rm.available("pileons")  # others' replies and mentions aimed at me
    # "0 replies ... have no answer" would be a claim it cannot make
    reason = _after_the_data(rm, as_of, since) or (None if aimed.available else aimed.reason)
    if reason is not None:
        return CareQueue(now.isoformat(), days, 0, (), 0, {}, reason,
                         now_from=_now_from(as_of), available=False)
    rows = care_rows.inbox_rows(rm, now, since)
    following, followers = _circle(rm)
    circle = set(following) & set(followers)  # a message not read from them is shown
    blocked = sum(1 for r in rows if r[-1])  # you chose not to see them: counted, not shown
    rows = [r[:-1] for r in rows if not r[-1]]
    handles = rm.handles(r[1] for r in rows)
    help_for_reader = reader_help(country)
    items, wishes = [], 0
    for post_id, author, at, text, url, opened, kind, toxic, hateful, crisis, wish, reading \
            in rows:
        # "kill yourself" under one's post reads as crisis too: a death wish aimed at me is
        # abuse, kept with the hostile ones, without help lines for answering it, whether
        # or not the model read it as toxic ("kill yourself then, nobody would miss you"
        # read as painful and topped the inbox, with advice to thank its sender)
        abuse = reading not in NOT_READ and wish
        # one label for every message the rule catches, as the count under the list says
        status = (NOT_READ[reading] if reading in NOT_READ else WISHES_HARM if abuse
                  else "read as toxic" if toxic else "read as hateful" if hateful
                  else "read as painful" if opened
                  else "read as kind" if kind else "reply or mention")
        wishes += bool(abuse)
        items.append(CareItem(post_id, author, handles.get(author, author), at.isoformat(),
                              text, post_url(rm.platform, post_id, url, handles.get(author)),
                              _hours(now, at), status, (),
                              help_for_reader if crisis and not abuse else None,
                              author in circle))
    items.sort(key=lambda i: (i.signposting is None, INBOX_ORDER[i.status], i.created_at,
                              i.post_id))
    # a capture that ran two seconds held no message of the other thirteen days: said once
    cover = capture_words(rm, since, now)
    hate_note = HATE_ONLY_NOTE if any(i.status == "read as hateful" for i in items) else None
    note = " ".join(n for n in (f"{cover}." if cover else None, hate_note) if n) or None
    excluded = {"blocked or muted": blocked} if blocked else {}
    help_for_you = {"emergency": emergency_sentence(country),
                    **{key: help_for_reader[key] for key in ("help_lines", "find_more")}} \
        if wishes else None
    return CareQueue(now.isoformat(), days, len(items), tuple(items), 0, excluded, note,
                     now_from=_now_from(as_of), wishes_at_you=wishes,
                     help_for_you=help_for_you)
