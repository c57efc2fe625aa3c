"""The care queue and the inbox as text for a terminal."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import UTC, datetime

from kindscope.care.queue import NOT_READ, WISHES_HARM, CareItem, CareQueue
from kindscope.signals.reliability import SCORN_AS_KIND
from kindscope.store.where import HERE, Where
from kindscope.terminal_text import for_terminal

__all__ = ["MISSES", "REASON_WORDS", "answered_words", "count_words", "not_read_words", "now_words",
           "render_text"]

#: Why people were left out, after "N from people ...".
REASON_WORDS = {"not mutual": "who do not follow you back (--include-following shows them)",
                "blocked or muted": "you blocked or muted",
                "hostile": ("whose posts to you mostly read as toxic or hateful (at least two "
                            "of them)"),
                "opted out": "who asked not to appear in care queues"}


def _when(hours: float) -> str:
    if hours < 1:
        return "less than an hour ago"
    if hours < 48:
        n = round(hours)
        return f"{n} hour{'s' if n != 1 else ''} ago"
    return f"{round(hours / 24)} days ago"


def _wrap(text: str, indent: str = "    ", more: str | None = None) -> str:
    """``text`` filled to 88 columns; ``more`` indents the lines after the first (default
    ``indent``). Never broken inside a word or at its hyphens: a command with a path
    ("--db /tmp/pytest-of-root/...") came out split at a hyphen, and pasted back it named
    another file."""
    lines = text.splitlines() or [""]
    return "\n".join(textwrap.fill(line, 88, initial_indent=indent,
                                   subsequent_indent=indent if more is None else more,
                                   break_on_hyphens=False, break_long_words=False)
                     for line in lines)


def _item(item: CareItem, marked: bool) -> list[str]:
    # each of someone else's fields made inert alone, so none can reach into the next
    handle = for_terminal(item.handle, visible=True).lstrip("@")
    circle = " (in your circle)" if item.from_circle and item.status == NOT_READ["language"] \
        else ""
    # a post is one paragraph: a line break in it could start a line that looks like the
    # next item ("@kim, 1 hour ago (...): read as kind")
    out = [f"@{handle}{circle}, {_when(item.hours_without_reply)} ({item.created_at}): "
           f"{item.status}",
           _wrap(for_terminal(item.text, one_line=True))]
    for more in item.continuations:
        out.append(_wrap(for_terminal(more["text"], one_line=True), "      ↳ ", "        "))
    if item.url:
        out.append(f"    {for_terminal(item.url)}")
    if item.signposting and marked:
        out.append("    If you answer this one, the help at the end of this list may help you.")
    return out


def _named(line: dict) -> str:
    """A help line as the terminal lists it: "Samaritans – call 116 123 (free)" (a contact
    may hold brackets of its own, and a name may end in "?": "Need to talk? – call or text
    1737")."""
    return f"{line['name']} – {line['contact']}"


def _by_country(found: list[dict]) -> list[str] | None:
    """Help lines of every country kindscope knows (no country set), one line per country;
    None for one country's lines, which are said on one line."""
    if not (found and found[0].get("country")):
        return None
    by_country: dict[str, list[str]] = {}
    for h in found:
        by_country.setdefault(h["country"], []).append(_named(h))
    return [_wrap(f"{country}: {'; '.join(named)}", "  - ", "    ")
            for country, named in by_country.items()]


def reader_help_lines(help_: dict, lead: str, caveat: bool = True,
                      lines: bool = True) -> list[str]:
    """The help for the reader (``queue.reader_help``), said once under the items it is for
    (every item of a care queue; the inbox's messages that read as someone in crisis; the
    post a draft answers), after ``lead`` ("If you answer any of these:"); ``caveat``: end
    with the help's own caveat (a list of posts; a draft check has its own); ``lines``: the
    help lines too (not when the same lines follow, for the writer)."""
    found = help_["help_lines"]
    advice = [lead,
              *(textwrap.fill(line, 88, initial_indent="  - ", subsequent_indent="    ")
                for line in help_["how_to_answer"])]
    last = [_wrap(help_["caveat"], "")] if caveat else []
    if not lines:
        return [*advice, *last]
    countries = _by_country(found)
    if countries is not None:
        return [*advice, "Help lines:", *countries, _wrap(f"{help_['find_more']}.", ""), *last]
    lines = "; ".join(_named(h) for h in found)
    lead = f"{lines}. " if lines else ""
    return [*advice, _wrap(f"Help lines: {lead}{help_['find_more']}.", ""), *last]


#: What an empty care queue says it may have missed: on three frozen review sets the signals
#: missed a passive wish not to be alive in 16 of 60 replies about something else and 12 of 100
#: posts (``training/variants/2026-12-05j/score_passive.py --set 1|2|3``, "painful" columns).
MISSES = ("kindscope can miss things, most often pain said quietly or in passing, and "
          f"{SCORN_AS_KIND}")


def answered_words(queue: CareQueue) -> str:
    """What the counted posts have had: exactly what is listed (and held back)."""
    count = queue.waiting
    if queue.unread_replies:  # a reply not read may be kind or not: it is no answer here
        return "had no reply kindscope could read as kind"
    if not queue.only_hostile:
        return "had no reply yet"
    if queue.only_hostile >= count:
        return "had only hostile replies"
    return "had no reply yet, or only hostile ones"


def count_words(queue: CareQueue, kind: str = "care") -> str:
    """How many are listed (and held back), and what they have had, in one clause: the
    terminal's and the page's headline."""
    if kind == "care":
        count = queue.waiting
        return (f"{count} painful post{'s' if count != 1 else ''} from your circle in the last "
                f"{queue.days:g} days {'has' if count == 1 else 'have'} {answered_words(queue)}")
    n = len(queue.items)
    return (f"{n} {'reply or mention' if n == 1 else 'replies and mentions'} to you in the last "
            f"{queue.days:g} days {'has' if n == 1 else 'have'} no answer from you yet")


def not_read_words(queue: CareQueue) -> str | None:
    """Said once where posts of the circle with no reply were not read for their language:
    the queue cannot say whether they are painful, so it names them for the reader (a
    friend's German "Ich will nicht mehr leben" was in no count: a review, 2026-12-06)."""
    n = queue.not_read_count
    if not n:
        return None
    return (f"{n} {'post' if n == 1 else 'posts'} from your circle in the last "
            f"{queue.days:g} days {'is' if n == 1 else 'are'} in a language kindscope's "
            f"signals do not read and {'has' if n == 1 else 'have'} no reply it could read as "
            "kind, so "
            f"whether {'it is' if n == 1 else 'they are'} painful cannot be told. If you can "
            f"read {'it' if n == 1 else 'them'}, or with a translator you trust, look at "
            f"{'it' if n == 1 else 'them'} when you feel able")


def now_words(queue: CareQueue) -> str:
    """Said once: which "now" the times ("2 days ago", "the last 3 days") count from."""
    moment = datetime.fromisoformat(queue.now).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if queue.now_from == "as-of":
        return f"Times are counted from the time you gave ({moment})."
    return f"Times are counted from the end of your data ({moment}), not from today."


#: An inbox message whose words read as support, and what that reading cannot promise
#: (``reliability.SCORN_AS_KIND``; "nobody would notice if you stopped showing up" was
#: listed "read as kind" under a painful post: a review, 2026-12-07).
KIND_READING = "read as kind"
KIND_CAVEAT = f'"read as kind" is a reading of the words, and {SCORN_AS_KIND}. Read them ' \
    "before you trust the label."
#: Inbox statuses whose words are not printed unless asked for (``--show-hostile``).
HOSTILE_STATUSES = frozenset({"read as toxic", "read as hateful", WISHES_HARM})


def _who(items: list[CareItem]) -> str:
    return ", ".join(f"@{for_terminal(i.handle, visible=True).lstrip('@')} "
                     f"({_when(i.hours_without_reply)})" for i in items)


def _hidden_hostile(hidden: list[CareItem], same: Same, show_unread: bool) -> list[str]:
    """The inbox's hostile messages as a count and who sent them when, not their words:
    those that read as toxic or hateful, then those with words that tell someone to die
    (which may also be a person in pain, or a supporter, quoting such thoughts); then the
    commands that show them, each whole on its own line (``_command``)."""
    wishes = [i for i in hidden if i.status == WISHES_HARM]
    hostile = [i for i in hidden if i.status != WISHES_HARM]
    said = []
    if hostile:
        n = len(hostile)
        said.append(f"{n} {'message that reads' if n == 1 else 'messages that read'} as toxic "
                    f"or hateful {'is' if n == 1 else 'are'} not shown word for word, from "
                    f"{_who(hostile)}.")
    if wishes:
        n = len(wishes)
        more, how = (" more", "either") if hostile else ("", "word for word")
        said.append(f"{n}{more} {'message uses' if n == 1 else 'messages use'} words that "
                    f"tell someone to die and {'is' if n == 1 else 'are'} not shown {how}, "
                    f"from {_who(wishes)}.")
    one = len(hidden) == 1
    lines = [_wrap(" ".join(said), ""),
             _command(same.inbox("--show-hostile", *["--show-unread"] * show_unread),
                      f"shows {'it' if one else 'them'}")]
    if same.where.reads("safety"):  # safety and evidence read no in-memory demo
        lines.append(_command(same.where.command("safety"),
                              f"says whether {'it is part of' if one else 'they make'} a "
                              "pile-on"))
        lines.append(_command(same.where.command("evidence", "--account", "HANDLE", "--out",
                                                 "FOLDER"),
                              "keeps a record of one sender's posts"))
    return lines


def _command(command: str, does: str) -> str:
    """A command the user may paste, whole on one line, never wrapped (a wrapped one broke
    at a space in a quoted path and, pasted back, ran half of itself: a review, 2026-12-07),
    then what it does."""
    return f"  `{command}` {does}"


def _help_for_you(queue: CareQueue, listed: bool = False, shown: bool = False) -> list[str]:
    """Said once when messages use words that tell the user to die: help for the one they
    may be aimed at, not for answering them. ``listed``: the same help lines were just printed (for
    answering a message that reads as a crisis), so they are pointed to, not said twice;
    ``shown``: the messages were printed (``--show-hostile``), not hidden."""
    n, help_ = queue.wishes_at_you, queue.help_for_you or {}
    found = help_.get("help_lines") or []
    # a fact about the words, not a verdict on what their writer meant: people in pain and
    # their supporters quote what such thoughts say, and the rule cannot always tell
    hidden = "" if shown else "hidden "
    which = f"One {hidden}message uses" if n == 1 else f"{n} {hidden}messages use"
    whose = "If it is" if n == 1 else "If one of them is"
    read = "" if shown else "read it when you feel able; "
    said = (f"{which} words that tell someone to die, or that no one would miss them. "
            "kindscope cannot always tell such words aimed at you from words someone is "
            "quoting: people in pain, and those who support them, sometimes quote what these "
            f"thoughts say. {whose} from someone you know is struggling, {read}the help lines "
            "are for them too. Aimed at you, such words are abuse, and they say nothing true "
            "about you. If they weigh on you, you do not have to carry it alone")
    last = [_wrap(help_["emergency"], "")] if help_.get("emergency") else []
    if listed:
        return [_wrap(f"{said}: the help lines above are free and confidential, and for you "
                      "too.", ""), *last]
    lines = [_wrap(f"{said}; these services are free and confidential:", "")]
    lines += _by_country(found) or [_wrap(_named(h), "  - ", "    ") for h in found]
    return [*lines, _wrap(f"{help_.get('find_more', '')}.", ""), *last]


def _hidden_unread(hidden: list[CareItem], same: Same, show_hostile: bool) -> list[str]:
    """The inbox's messages in a language the signals do not read, as a count and who sent
    them when: kindscope cannot tell kind from painful or hostile among them, so it does not
    print their words unasked (German and Spanish abuse was printed in full while the same
    words in English were not: a review, 2026-12-06)."""
    n = len(hidden)
    one = n == 1
    return [_wrap(f"{n} {'message' if one else 'messages'} in a language kindscope's signals "
                  f"do not read {'is' if one else 'are'} not shown word for word, as whether "
                  f"{'it is' if one else 'they are'} kind, painful or hostile cannot be told, "
                  f"from {_who(hidden)} (none of them in your circle, whose messages are "
                  f"shown). {'It' if one else 'Some'} may be from someone who is struggling; "
                  "when you feel able:", ""),
            _command(same.inbox(*["--show-hostile"] * show_hostile, "--show-unread"),
                     f"shows {'it' if one else 'them'}")]


@dataclass(frozen=True)
class Same:
    """What the commands the inbox names must read to see what it saw: its data (``where``:
    a bare command read ./kindscope.duckdb, a review, 2026-12-06) and, for `kindscope inbox`
    itself, its own window and country (``window``: `--show-hostile` with the default 14 days
    showed nothing after `--days 60`)."""

    where: Where = HERE
    window: tuple[str, ...] = ()

    def inbox(self, *flags: str) -> str:
        """`kindscope inbox` as it was run, with ``flags``."""
        return self.where.command("inbox", *self.window, *flags)


#: The default database, named by no argument.
SAME = Same()


def render_text(queue: CareQueue, kind: str = "care", show_hostile: bool = False,
                show_unread: bool = False, same: Same = SAME) -> str:
    """A readable list: facts about posts, never a verdict about a person. Posts and handles
    are other people's: nothing in them reaches the terminal as a control (``for_terminal``).
    In the inbox, the words of messages that read as toxic or hateful (and not as a crisis)
    are not printed unless ``show_hostile``: a pile-on's "kill yourself" eight times over,
    unasked, harms the one it is aimed at (a user's-eye review, 2026-12-06). ``same``: the
    arguments the commands it names need to read the same data."""
    lines: list[str] = []
    if not queue.available:  # the data cannot show it: said once, first, with how to get it
        what = ("painful posts from your circle" if kind == "care"
                else "replies and mentions to you")
        lines.append(f"kindscope cannot look for {what}: {queue.note}.")
        return for_terminal("\n".join(lines))
    if kind == "care":
        count = queue.waiting
        if not count:
            among = " among the posts kindscope could read" if queue.not_read else ""
            lines.append(f"No painful post from your circle in the last {queue.days:g} days is "
                         f"waiting for a reply{among}. ({MISSES}; it reads text with a model "
                         "that can be wrong.)")
        else:
            lines.append(f"{count_words(queue, kind)}. A small acknowledgement can be enough; "
                         "you do not have to fix anything.")
    else:
        lines.append(f"{count_words(queue, kind)}.")
    lines.append(now_words(queue))
    if queue.note:
        lines.append(f"note: {queue.note}")
    helped = [i for i in queue.items if i.signposting]
    every = len(helped) == len(queue.items)
    hidden = [] if kind != "inbox" or show_hostile else \
        [i for i in queue.items if i.status in HOSTILE_STATUSES and not i.signposting]
    # messages not read from people in my circle are shown: a friend's goodbye in Spanish
    # was hidden among abusers' messages (a care review, 2026-12-06)
    unread = [] if kind != "inbox" or show_unread else \
        [i for i in queue.items if i.status == NOT_READ["language"] and not i.from_circle]
    for item in queue.items:
        if item not in hidden and item not in unread:
            lines.append("")
            lines.extend(_item(item, marked=not every))
    if named := not_read_words(queue):  # the posts it could not read, with their words
        lines.append("")
        lines.append(_wrap(f"{named}:", ""))
        for item in queue.not_read:
            lines.append("")
            lines.extend(_item(item, marked=False))
        if queue.not_read_more:
            lines.append("")
            more = queue.not_read_more
            lines.append(f"{more} more {'is' if more == 1 else 'are'} past your care budget of "
                         f"{queue.budget} (--json lists the first {queue.budget}).")
    if helped or queue.not_read:
        lines.append("")
        lead = ("If you answer any of these:" if every or not helped
                else "If you answer one of the marked messages:")
        lines.extend(reader_help_lines((helped or list(queue.not_read))[0].signposting, lead))
    if kind == "inbox" and any(i.status == KIND_READING for i in queue.items):
        lines.append("")
        lines.append(_wrap(KIND_CAVEAT, ""))
    if hidden:
        lines.append("")
        lines.extend(_hidden_hostile(hidden, same, show_unread))
    if unread:
        lines.append("")
        lines.extend(_hidden_unread(unread, same, show_hostile))
    if kind == "inbox" and queue.wishes_at_you and queue.help_for_you:
        lines.append("")
        lines.extend(_help_for_you(queue, listed=bool(helped), shown=show_hostile))
    if queue.held_back:
        lines.append("")
        waits = "waits" if queue.held_back == 1 else "wait"
        lines.append(f"{queue.held_back} more {waits} past your care budget of {queue.budget}. "
                     "You are not a crisis counsellor: it is fine to stop here.")
    left_out = [f"{n} from people {REASON_WORDS[r]}" for r, n in queue.excluded.items() if n]
    if left_out:
        lines.append("")
        lines.append("Left out: " + "; ".join(left_out) + ".")
    if kind == "care":
        lines.append("")
        links = ("; the links open each post in its app" if any(i.url for i in queue.items)
                 else "")
        lines.append(f"kindscope never replies for you{links}. Nothing here is sent anywhere "
                     "or kept in the database.")
    return for_terminal("\n".join(lines))
