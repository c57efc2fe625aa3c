"""The report page as a typed result: what report.html shows, worked out from report.json.

Templates only lay it out. Decisions live here: which sections the data cannot answer
(they are left out and named once, in one panel near the top), how a handle or an id is
shown, which help lines are listed, how a long run of months is grouped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kindscope.care.signposting import (
    COUNTRY_NAMES,
    DIRECTORIES,
    HELP_LINES,
    emergency_sentence,
    lines_shown,
    signposting,
    with_the,
)
from kindscope.report.care_view import CareView, MomentsView, care_view, moments_view
from kindscope.signals.language_names import language_name
from kindscope.store.availability import own_command, remedy
from kindscope.store.read import PLACEHOLDER_OWNERS
from kindscope.terminal_text import for_terminal

__all__ = ["Who", "Contact", "HelpEntry", "HelpView", "Panel", "Periods", "ReportView",
           "COMMANDS", "command_of", "unscored_words", "unread_words", "own_crisis_words",
           "older_model_words",
           "VoidTotals", "SECTIONS", "PIECES", "QUESTION_OF", "who", "contact_parts",
           "help_view", "periods", "report_view", "void_totals", "abuse_is_no_answer",
           "with_own_handle"]

#: Metric sections in page order, with their headings.
SECTIONS = {
    "void_rate": "Did anyone answer?",
    "time_to_reply": "How long until someone answered?",
    "kindness_gap": "The kindness gap",
    "kindness_received": "Kindness you received",
    "kindness_given": "Kindness you gave",
    "after_disclosure": "After you opened up",
    "front_back_stage": "Front stage and back stage",
    "toxicity_received": "Harshness aimed at you",
}
#: Section or piece -> the question of ``data.cannot_show`` that makes it unavailable.
QUESTION_OF = {
    "void_rate": "replies", "time_to_reply": "replies", "kindness_received": "replies",
    "toxicity_received": "replies", "unanswered_repliers": "replies",
    "kindness_gap": "engagement", "after_disclosure": "engagement", "no_response": "engagement",
    "pileons": "pileons", "trawlers": "trawlers", "reciprocity": "follow_back",
    "unfollow_audit": "unfollows", "bot_followers": "bot_followers",
    "follow_waves": "follow_waves",
}
#: The questions of ``data.cannot_show`` in words a reader knows.
QUESTIONS = {
    "replies": "whether anyone answered your posts",
    "engagement": "how much response your posts got",
    "pileons": "pile-ons",
    "trawlers": "people trawling through your old posts",
    "follow_back": "who follows you back",
    "unfollows": "who unfollowed you",
    "bot_followers": "bot-like followers",
    "follow_waves": "follow waves",
}
#: Pieces of the network and safety sections, with their headings, in page order.
PIECES = {
    "network": {"communities": "Communities around you", "reciprocity": "Who follows back",
                "unanswered_repliers": "People who reply to you",
                "diversity": "How wide is your network?",
                "bridges": "Bridges to other circles", "unfollow_audit": "Who unfollowed"},
    "safety": {"pileons": "Pile-ons", "trawlers": "History trawlers",
               "bot_followers": "Bot-like followers", "follow_waves": "Follow waves"},
}
PLATFORMS = {"x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky", "generic": "generic data"}
FORMATS = {
    "x-archive": "an X archive", "mastodon-archive": "a Mastodon account export",
    "mastodon-csv": "a Mastodon CSV export", "bluesky-car": "a Bluesky repository (CAR file)",
    "jetstream": "a Jetstream capture", "generic": "a generic import",
}


@dataclass(frozen=True, slots=True)
class Who:
    """A person as shown: ``@handle``, or a shortened id marked as one."""

    text: str
    is_id: bool
    full: str


def who(handle: str | None, account_id: str | None = None) -> Who:
    """Show the handle where one is known; a DID only shortened and said to be an id, as
    is a number (an X account id); an owner an export does not name (a Mastodon CSV
    export's "self") as "your account". Control and direction characters in a handle or id
    are shown as ``[U+202E]``, as the terminal and the evidence pack show them: a handle
    "ben\u202egnp.exe" read as "benexe.png" (a security review, 2026-12-06)."""
    if not handle and account_id in PLACEHOLDER_OWNERS:
        return Who("your account", True, "")
    handle = None if handle is None else for_terminal(str(handle), visible=True)
    account_id = None if account_id is None else for_terminal(str(account_id), visible=True)
    for value in (handle, account_id):
        # an X account known only by its number is an id, never "@11250": that could be
        # another person's handle (a user's-eye review, 2026-12-06)
        if value and not str(value).startswith("did:") and not str(value).isdigit():
            return Who("@" + str(value).lstrip("@"), False, str(value))
    value = str(handle or account_id or "")
    if len(value) > 20:
        return Who(f"{value[:14]}…{value[-4:]}", True, value)
    return Who(value, bool(value), value)


@dataclass(frozen=True, slots=True)
class Contact:
    text: str
    href: str | None = None


_NUMBER = re.compile(r"\d[\d ]*\d|\d")


def contact_parts(contact: str) -> tuple[Contact, ...]:
    """``call 116 123 (free)`` as text with its numbers as ``tel:`` (``sms:`` for a
    text-only line) links."""
    scheme = "sms:" if contact.lower().startswith("text") else "tel:"
    parts, at = [], 0
    for match in _NUMBER.finditer(contact):
        if match.start() > at:
            parts.append(Contact(contact[at:match.start()]))
        parts.append(Contact(match.group(), scheme + match.group().replace(" ", "")))
        at = match.end()
    if at < len(contact):
        parts.append(Contact(contact[at:]))
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class HelpEntry:
    name: str
    contact: tuple[Contact, ...]
    hours: str
    url: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class HelpView:
    country: str | None  # the country as a sentence names it ("the United Kingdom"), or None
    intro: str
    caveat: str
    emergency: tuple[Contact, ...]
    lines: tuple[HelpEntry, ...]
    directories: tuple[HelpEntry, ...]


def _entry(line, country: str | None = None) -> HelpEntry:
    return HelpEntry(line.name, contact_parts(line.contact), line.hours, line.url, country)


def help_view(country: str | None = None) -> HelpView:
    """The set country's lines, or with none set the common lines of every country kindscope
    knows, each with its country; always the international directories."""
    sign = signposting(country)
    name = COUNTRY_NAMES.get(sign.country)
    lines = tuple(_entry(line, country) for line, country in lines_shown(sign))
    if name:
        emergency = contact_parts(f"call {sign.emergency}")
    else:
        examples = "; ".join(f"{number} ({COUNTRY_NAMES[code]})"
                             for code, (number, _) in HELP_LINES.items())
        emergency = (Contact("call your local emergency number, for example "),
                     *contact_parts(examples))
    return HelpView(name and with_the(name), sign.intro, sign.caveat, emergency, lines,
                    tuple(_entry(x) for x in DIRECTORIES))


@dataclass(frozen=True, slots=True)
class Periods:
    """Monthly rows grouped so a chart stays readable: ``unit`` is month, quarter or year."""

    unit: str
    rows: tuple[dict, ...]
    months: int
    first: str | None
    last: str | None


def _period(month: str, unit: str) -> str:
    if unit == "year":
        return month[:4]
    if unit == "quarter":
        return f"{month[:4]} Q{(int(month[5:7]) - 1) // 3 + 1}"
    return month


def periods(months: list[dict], counts: tuple[str, ...], shares: dict[str, str] | None = None,
            most: int = 24) -> Periods:
    """Every month in ``months``, by month when there are at most ``most``, else by
    quarter (at most 16) or by year. ``counts`` are summed; ``shares`` (share key -> count
    key) are recomputed from the sums over the ``posts`` of each period."""
    shares = shares or {}
    quarters = {_period(m["month"], "quarter") for m in months}
    unit = "month" if len(months) <= most else "quarter" if len(quarters) <= 16 else "year"
    grouped: dict[str, dict] = {}
    for m in months:
        row = grouped.setdefault(_period(m["month"], unit),
                                 {"period": _period(m["month"], unit), **dict.fromkeys(counts, 0)})
        for key in counts:
            row[key] += m.get(key) or 0
    for row in grouped.values():
        for share, count in shares.items():
            row[share] = row[count] / row["posts"] if row.get("posts") else None
    return Periods(unit, tuple(grouped.values()), len(months),
                   months[0]["month"] if months else None, months[-1]["month"] if months else None)


@dataclass(frozen=True, slots=True)
class Panel:
    """The one panel that says what this data cannot show, and how to get it."""

    formats: str
    cannot_show: tuple[tuple[str, str], ...]  # (question in words, what it needs)
    command: str | None
    platform: str
    left_out: tuple[str, ...]  # headings of the sections left out below
    again: str | None = None  # how to get unfollows (a later second snapshot), when missing


def _schema_at_least(report: dict, version: tuple[int, ...]) -> bool:
    """Whether report.json's ``schema_version`` is at least ``version``."""
    found = str(report.get("schema_version") or "0")
    return tuple(int(x) for x in found.split(".") if x.isdigit()) >= version


def abuse_is_no_answer(report: dict) -> bool:
    """Whether this report's answers leave out replies read as toxic or hateful: reports
    since schema 1.4.0 whose posts were read; older ones counted any reply, and so does a
    report of posts not scored yet (no reply reads as anything)."""
    read = (report.get("source") or {}).get("scored_posts") != 0
    return read and _schema_at_least(report, (1, 4))


def hostile_words(report: dict) -> str:
    """What this report leaves out of answers, in words: since schema 3.2.0 replies whose
    words tell someone to die too (the stored ``death_wish``), read as toxic or not (a
    review, 2026-12-06: "got only replies that read as toxic or hateful" said of posts whose
    only replies were death wishes the model read as neither)."""
    if _schema_at_least(report, (3, 2)):
        return "read as toxic or hateful, or use words that tell someone to die"
    return "read as toxic or hateful"


@dataclass(frozen=True, slots=True)
class VoidTotals:
    """Totals of "Did anyone answer?" over its groups of posts (painful, upbeat, other)."""

    judged_day: int  # posts at least a day old: in the 24-hour column
    young_day: int  # posts too new for the 24-hour column
    young_week: int  # posts too new for the 7-day column (not those no capture ran past)
    unanswered_distress: int  # painful posts with no answer from anyone else within 7 days
    hostile_only: int = 0  # of the posts with no answer in 7 days, those with only abuse
    hostile_only_distress: int = 0  # of them, painful


def void_totals(m: dict | None) -> VoidTotals | None:
    """The section's totals, or None where it is not in the report or not available."""
    if not m or not m.get("available"):
        return None
    groups = m.get("groups") or []
    posts = sum(g["posts"] for g in groups)
    day = sum(g["eligible_24h"] for g in groups)
    return VoidTotals(
        judged_day=day, young_day=posts - day - sum(g.get("not_captured_24h", 0)
                                                   for g in groups),
        young_week=posts - sum(g["eligible_7d"] + g.get("not_captured_7d", 0)
                               for g in groups),
        unanswered_distress=sum(g["unanswered_7d"] for g in groups if g["group"] == "distress"),
        hostile_only=sum(g.get("hostile_only_7d", 0) for g in groups),
        hostile_only_distress=sum(g.get("hostile_only_7d", 0) for g in groups
                                  if g["group"] == "distress"))


@dataclass(frozen=True, slots=True)
class ReportView:
    me: Who
    platform: str  # in words
    title: str
    demo: bool
    status: str | None  # "no posts of yours" / "not scored yet" / None
    unread: str | None
    unscored: str | None
    commands: dict[str, str | None]  # `kindscope VERB` reading its data; None: none can
    panel: Panel | None
    collapsed: frozenset[str]  # keys of QUESTION_OF pointed to the panel
    sections: tuple[str, ...]  # metric keys shown, in page order
    no_response: dict | None
    summary_lines: tuple[str, ...]
    show_counts: bool
    help: HelpView
    care: CareView | None = None  # None for a report made before the Care section
    moments: MomentsView | None = None  # the user's own painful or angry posts
    void: VoidTotals | None = None  # "Did anyone answer?" totals
    #: answers leave out replies read as toxic or hateful (figures.abuse_is_no_answer)
    abuse_apart: bool = True
    #: those replies, in words (``hostile_words``)
    hostile: str = "read as toxic or hateful"

    def gone(self, section: str) -> tuple[str, ...]:
        """Headings of the pieces of ``section`` (network, safety) left to the panel."""
        return tuple(t for k, t in PIECES[section].items() if k in self.collapsed)


def _status(source: dict) -> str | None:
    if not source.get("my_posts") and not source.get("my_replies"):
        if not source.get("posts"):
            return "empty"
        return "none_mine"
    if not source.get("model_version") or not source.get("scored_posts"):
        return "unscored"
    return None


def own_crisis_words(report: dict, country: str | None = None) -> str | None:
    """The page's card for the terminal: when the user's own posts read as a crisis, help
    and the emergency number beside the summary (None otherwise)."""
    own = (report.get("own_moments") or {}).get("posts") or []
    if not any(p.get("crisis") is True for p in own):
        return None
    return ("Some of your own posts read to kindscope's model as possibly about wanting to die "
            "or self-harm (it can be wrong). If that is how you feel now, you do not have to "
            f"face it alone. {emergency_sentence(country)} The report lists help lines.")


def unscored_words(source: dict) -> str | None:
    """Posts imported but not scored yet (a `report` after an import without `score`):
    until they are, a reply among them counts as an answer (a researcher's review,
    2026-12-06: `community` said so, the report did not). Where the scores are another
    model's, that is said instead: `kindscope score` reads every post again, these too."""
    older = older_model_words(source)
    if older:
        return older
    n = source.get("unscored_posts") or 0
    score = command_of(source, "score")
    if source.get("scored_posts") == 0 and source.get("posts"):  # none read at all
        return ("No post is scored yet: every section that needs the text signals says so, "
                "and any reply counts as an answer." + _reads(score, "them"))
    if not n:
        return None
    if n == 1:
        return ("1 post is not scored yet: until it is, it counts as an answer if it is a "
                "reply, and it cannot be seen as part of a pile-on." + _reads(score, "it"))
    return (f"{n:,} posts are not scored yet: until they are, a reply among them counts as an "
            "answer and no pile-on among them can be seen." + _reads(score, "them"))


#: The commands the report's words and pages name (report.json's ``source.commands``),
#: besides care's and each incident's own.
COMMANDS = ("score", "inbox", "safety", "evidence", "stats")


def command_of(source: dict, verb: str) -> str | None:
    """`kindscope VERB` as a report names it, reading the data it read (``source.commands``);
    None where no command can read that data (``score`` of the demo in memory): nothing is
    offered then. A report before 3.3.0 names none: the bare command."""
    commands = source.get("commands")
    return f"kindscope {verb}" if commands is None else commands.get(verb)


def _reads(command: str | None, what: str) -> str:
    """" `COMMAND` reads WHAT." where there is a command, else nothing."""
    return f" `{command}` reads {what}." if command else ""


def older_model_words(source: dict, command: str | None = None) -> str | None:
    """Scores read by another model than the one installed (a `report` on a database scored
    before an upgrade, which `report` does not score again): said once, as its readings
    are not what the installed model gives (the death-wish rule, which models before
    2026.12.23 did not store, is read from the texts meanwhile: ``store.old_scores``)."""
    installed, used = source.get("installed_model"), source.get("model_version")
    if not installed or not used or installed == used:
        return None
    from kindscope.store.read import version_key

    which = "an earlier" if version_key(used) < version_key(installed) else "another"
    return (f"These posts were read by {which} version of kindscope's model ({used}), not "
            "the one installed, so some readings may differ from what it would give."
            + _reads(command or command_of(source, "score"), "them again"))


def unread_words(source: dict) -> str | None:
    """Posts not read for their language, said once (the page's header; the terminal beside
    the summary: a bilingual user's review, 2026-12-06, found only the page said it)."""
    count = source.get("unread_posts") or 0
    languages = source.get("unread_languages") or {}
    if not count:
        return None
    names = [(language_name(code), n)
             for code, n in sorted(languages.items(), key=lambda x: -x[1])]
    if len(names) == 1:
        where = names[0][0]
    elif names:
        where = ", ".join(f"{name} ({n:,})" for name, n in names[:-1])
        where += f" or {names[-1][0]} ({names[-1][1]:,})"
    else:
        where = "languages the signals do not read"
    if count == 1:
        return f"1 post was not read because it is in {where}; it is left out of every rate."
    return (f"{count:,} posts were not read because they are in {where}; they are left out "
            "of every rate.")


def _collapsed(report: dict) -> frozenset[str]:
    data = report.get("data") or {}
    if not data.get("only_own_posts"):
        return frozenset()
    missing = {q["question"] for q in data.get("cannot_show") or []}
    pieces = {**{k: report.get(k) for k in (*SECTIONS, "no_response")},
              **{k: v for k, v in (report.get("network") or {}).items() if isinstance(v, dict)},
              **{k: v for k, v in (report.get("safety") or {}).items() if isinstance(v, dict)}}
    return frozenset(k for k, q in QUESTION_OF.items()
                     if q in missing and pieces.get(k) and not pieces[k].get("available"))


def _command(command: str | None, me: Who) -> str | None:
    """The fetch command (or a text naming it) with the owner's handle in place of the
    placeholder, where known (reports written before report.json's commands named it)."""
    if command is None or me.is_id or not me.full:
        return command
    return own_command(command, me.full)


def with_own_handle(text: str, source: dict) -> str:
    """``text`` (a fetch command, or words naming it) with the report owner's handle in
    place of the placeholder, as the page gives it (``source``: report.json's)."""
    me = source.get("me") or {}
    return _command(text, who(me.get("handle"), me.get("account_id"))) or text


def _panel(report: dict, collapsed: frozenset[str]) -> Panel | None:
    data = report.get("data") or {}
    if not data.get("only_own_posts"):
        return None
    source = report["source"]
    cannot = tuple((QUESTIONS.get(q["question"], q["question"]), q["needs"])
                   for q in data.get("cannot_show") or [])
    formats = [FORMATS.get(f, f) for f in source.get("formats") or []]
    me = who(source["me"].get("handle"), source["me"].get("account_id"))
    command = _command(data.get("fetch_command"), me)
    again = (remedy(source["platform"], "unfollows", command=command)
             if any(q["question"] == "unfollows" for q in data.get("cannot_show") or [])
             else None)
    return Panel(" and ".join(formats) or "this data", cannot, command,
                 source["platform"], tuple(SECTIONS[k] for k in SECTIONS if k in collapsed),
                 again)


def report_view(report: dict, show_counts: bool = False,
                country: str | None = None) -> ReportView:
    """The page's decisions for one report.json dict."""
    source = report["source"]
    me = who(source["me"].get("handle"), source["me"]["account_id"])
    collapsed = _collapsed(report)
    no_response = report.get("no_response")
    status = _status(source)
    if no_response is not None and ("no_response" in collapsed or status == "empty"):
        no_response = None
    unread = unread_words(source)
    # the unread posts are said once, in the header
    lines = tuple(x for x in (report.get("summary") or {}).get("lines") or []
                  if not (unread and "not read because" in x))
    return ReportView(
        me=me, platform=PLATFORMS.get(source["platform"], source["platform"]),
        title=f"kindscope report for {me.text}",
        demo=bool(source.get("demo")), status=status, unread=unread,
        unscored=None if status else unscored_words(source),
        commands={verb: command_of(source, verb) for verb in COMMANDS},
        panel=_panel(report, collapsed), collapsed=collapsed,
        sections=() if status == "empty" else
        tuple(k for k in SECTIONS if k in report and k not in collapsed),
        no_response=no_response, summary_lines=lines, show_counts=show_counts,
        help=help_view(country), care=care_view(report.get("care")),
        moments=moments_view(report.get("own_moments")),
        void=void_totals(report.get("void_rate")), abuse_apart=abuse_is_no_answer(report),
        hostile=hostile_words(report))
