"""What the data can show, decided once from what the imports carry.

Each importer declares what its imports carry (``CARRIES`` in its module, checked against
what an import actually held, see :func:`kindscope.store.imports.record_carries`); the
items are kept per snapshot in ``snapshot_carries``. This module turns them into one
answer per question for one owner, with the reason in plain words and the command that
would get the missing data. The report, the CLI and every analysis ask here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kindscope.store.db import Store
from kindscope.store.where import HERE, Where

__all__ = ["ITEMS", "QUESTIONS", "QUESTION_NAMES", "Availability", "DataCarries", "data_carries",
           "fetch_command", "following_command", "own_command", "remedy", "ways_to_get"]

#: What an import can carry.
ITEMS = {
    "others_replies": "other people's replies to your posts",
    "followers": "who follows you",
    "following": "whom you follow",
    "engagement_counts": "like and repost counts on your posts",
    "follow_times": "when each follow happened",
    "profiles": "profiles with follower, following and post counts",
}

#: Question -> (items it needs, all of them, in words).
QUESTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "replies": (("others_replies",), "other people's replies to your posts"),
    "engagement": (("engagement",), "replies, likes or reposts on your posts"),
    "pileons": (("others_replies",), "other people's replies and mentions aimed at you"),
    "trawlers": (("others_replies",), "other people's replies to your older posts"),
    "follow_back": (("followers", "following"), "both who follows you and whom you follow"),
    "unfollows": (("followers_or_following",), "two imports of your follow lists"),
    "bot_followers": (("followers", "profiles"),
                      "your followers with their profiles (follower, following and post "
                      "counts)"),
    "follow_waves": (("followers", "follow_times"),
                     "your followers with the time each one followed you"),
}

#: Each question in a few words, for lists ("this data cannot show: ...").
QUESTION_NAMES = {
    "replies": "who answered your posts",
    "engagement": "how much response your posts got",
    "pileons": "pile-ons",
    "trawlers": "history trawlers",
    "follow_back": "who follows you back",
    "unfollows": "unfollows",
    "bot_followers": "bot-like followers",
    "follow_waves": "follow waves",
}

#: Platforms with importers of their own; any other came in the generic format.
_OWN_IMPORTERS = frozenset({"x", "mastodon", "bluesky"})

#: The online source that holds other people's replies and follows, per platform.
_ONLINE = {"bluesky": "bluesky:HANDLE", "mastodon": "mastodon:@USER@INSTANCE"}


#: The placeholders of the commands above, and what a handle put in their place must look
#: like (a handle comes from the data: nothing that could break the command line).
_PLACEHOLDERS = ("@USER@INSTANCE", "HANDLE")
_HANDLE = re.compile(r"@?[A-Za-z0-9_][A-Za-z0-9_.-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?")


def own_command(command: str | None, handle: str | None) -> str | None:
    """``command`` (or words naming it) with the owner's ``handle`` in place of the
    placeholder, where the handle is a plain one (``@me@host`` on Mastodon, ``me.bsky.social``
    on Bluesky; never an id such as a DID or a number)."""
    if command is None or not handle or handle.startswith("did:") or handle.isdigit():
        return command
    if not _HANDLE.fullmatch(handle):
        return command
    for placeholder in _PLACEHOLDERS:
        if placeholder in command:
            if placeholder.startswith("@"):
                if handle.lstrip("@").count("@") != 1:  # a Mastodon handle names its server
                    return command
                return command.replace(placeholder, "@" + handle.lstrip("@"))
            if "@" in handle.lstrip("@"):
                return command
            return command.replace(placeholder, handle.lstrip("@"))
    return command


def remedy(platform: str, question: str | None = None, handle: str | None = None,
           where: Where = HERE, command: str | None = None) -> str:
    """How to get what a question needs, in words: unfollows need a second look at the
    follow lists, taken later (each import or fetch is one snapshot); the rest, the data.
    ``handle``: the owner's, put in the command in place of its placeholder; ``where``: the
    data the command adds to; ``command``: the command itself, where it is known (a
    report's ``data.fetch_command``)."""
    command = command or fetch_command(platform, handle, where)
    # a platform kindscope has no importer of its own for came in the generic format,
    # whatever its meta line named it ("forum", "anwar": a review, 2026-12-06)
    generic = platform not in _OWN_IMPORTERS
    if question == "unfollows":
        if command:
            return f"run `{command}` again later: each run keeps one snapshot of your follows"
        if generic:
            return ("import your follows again later, as a new file: each import keeps one "
                    "snapshot, see docs/generic-format.md")
        return "import a later archive too: each import keeps one snapshot of your follows"
    if command:
        return f"`{command}` fetches them"
    if generic:
        return "add them to the JSONL or CSV you import, see docs/generic-format.md"
    return "kindscope has no online source for this platform"


def ways_to_get(platform: str, questions: list[str], handle: str | None = None,
                where: Where = HERE) -> str:
    """The questions a data cannot answer, each group with how to get it, in one line:
    "bot-like followers, follow waves (...); unfollows (...)"."""
    rest = [QUESTION_NAMES[q] for q in questions if q != "unfollows"]
    parts = [f"{', '.join(rest)} ({remedy(platform, None, handle, where)})"] if rest else []
    if "unfollows" in questions:
        parts.append(f"{QUESTION_NAMES['unfollows']} "
                     f"({remedy(platform, 'unfollows', handle, where)})")
    return "; ".join(parts)


def following_command(platform: str, handle: str | None = None,
                      where: Where = HERE) -> str | None:
    """The one command that gets whom the owner follows and their recent posts for
    ``platform`` (with the owner's ``handle`` where known) into the database ``where``
    names (a dataset never keeps them), or None where kindscope has no online source (X)."""
    source = own_command(_ONLINE.get(platform), handle)
    return None if source is None else where.command("import", source, "--following")


def fetch_command(platform: str, handle: str | None = None,
                  where: Where = HERE) -> str | None:
    """The one command that gets other people's replies and follows for ``platform`` (with
    the owner's ``handle`` where known) into the data ``where`` names (a database: imported,
    scored and reported by `analyze`; a dataset: imported into it), or None where kindscope
    has no online source (X)."""
    source = own_command(_ONLINE.get(platform), handle)
    if source is None:
        return None
    return where.command("import" if where.data is not None else "analyze", source)


@dataclass(frozen=True, slots=True)
class Availability:
    """Whether something could be computed, and if not, why (in words a user understands)."""

    available: bool
    reason: str | None = None


@dataclass(frozen=True)
class DataCarries:
    """What the imports of one owner's platform carry, and what follows from it."""

    platform: str
    items: frozenset[str]
    formats: tuple[str, ...]
    #: Snapshots of the owner per follow direction (the unfollow audit needs two).
    follow_imports: int = 0
    #: The owner's handle where the data has one: the commands given in reasons name it.
    handle: str | None = None
    #: The data the commands given in reasons add to.
    where: Where = HERE

    def has(self, item: str) -> bool:
        if item == "engagement":
            return bool({"others_replies", "engagement_counts", "reactions"} & self.items)
        if item == "followers_or_following":
            return self.follow_imports >= 2
        return item in self.items

    def availability(self, question: str) -> Availability:
        needs, words = QUESTIONS[question]
        if all(self.has(item) for item in needs):
            return Availability(True)
        return Availability(False, self.reason(words, question))

    def reason(self, words: str, question: str | None = None) -> str:
        source = ", ".join(self.formats) or "no import"
        return (f"this data ({source}) does not hold {words}; "
                f"{remedy(self.platform, question, self.handle, self.where)}")

    def missing(self) -> list[str]:
        """Questions the data cannot answer, in :data:`QUESTIONS` order."""
        return [q for q in QUESTIONS if not self.availability(q).available]


def data_carries(store: Store, platform: str, me: str, prefix: str | None = None,
                 where: Where = HERE) -> DataCarries:
    """What the imports carry for ``me`` on ``platform``.

    Items about the owner (followers, following, engagement counts) count from imports
    owned by ``me`` or by no one (captures of many people); followers and following from
    one owned by no one only where it holds a follow of ``me``. Others' replies count from an
    import owned by ``me``, or from one owned by no one that holds a post of mine: a capture
    of other people, or of another time, cannot show who answered me (a Jetstream capture
    of strangers made "0 of your 6 posts got an answer" of an archive that holds no one's
    replies). The other items count from any import of the platform. Others' replies also
    count when the data shows one (a post by someone else that replies to a post of mine),
    whatever the import said. ``prefix``: a read model whose views to use for that check;
    ``where``: the data the commands its reasons give add to.
    """
    rows = store.rows(
        """SELECT DISTINCT c.item, s.owner_id IS NULL OR s.owner_id = ? AS mine,
                  s.owner_id = ? OR (s.owner_id IS NULL AND EXISTS (
                      SELECT 1 FROM post_sources ps JOIN posts p
                        ON p.platform = ps.platform AND p.post_id = ps.post_id
                      WHERE ps.snapshot_id = s.snapshot_id AND p.author_id = ?)) AS covers_me,
                  s.owner_id = ? OR (s.owner_id IS NULL AND EXISTS (
                      SELECT 1 FROM follows f WHERE f.snapshot_id = s.snapshot_id
                        AND (f.follower_id = ? OR f.followee_id = ?))) AS follows_me
           FROM snapshots s JOIN snapshot_carries c USING (snapshot_id)
           WHERE s.platform = ?""", [me, me, me, me, me, me, platform])
    owner_items = {"followers", "following", "engagement_counts"}
    # an import that names no owner (a community export) carries follows of the members it
    # holds a follow of, not of everyone: one community file's follows made an owner whose
    # own file holds none "followed by 0" (a code review, 2026-12-06)
    items = {item for item, mine, covers_me, follows_me in rows
             if (covers_me if item == "others_replies"
                 else follows_me if item in ("followers", "following")
                 else mine or item not in owner_items)}
    # likes by others on my posts: likes a capture saw between strangers say nothing of
    # mine (they made "your upbeat posts got no engagement" of a repository's old posts)
    if store.scalar("SELECT count(*) > 0 FROM reactions x JOIN posts p "
                    "ON p.platform = x.platform AND p.post_id = x.post_id "
                    "WHERE x.platform = ? AND x.kind = 'like' AND x.account_id <> ? "
                    "AND p.author_id = ?", [platform, me, me]):
        items.add("reactions")
    if "others_replies" not in items and prefix is not None:
        if store.scalar(f"SELECT count(*) > 0 FROM {prefix}_replies_by_others"):
            items.add("others_replies")
    formats = tuple(r[0] for r in store.rows(
        "SELECT DISTINCT format FROM snapshots WHERE platform = ? ORDER BY 1", [platform]))
    follow_imports = store.scalar(
        """SELECT count(DISTINCT s.snapshot_id) FROM snapshots s
           JOIN snapshot_carries c USING (snapshot_id)
           WHERE s.platform = ? AND s.owner_id = ? AND c.item IN ('followers', 'following')""",
        [platform, me])
    handle = store.scalar("SELECT min(handle) FROM accounts WHERE platform = ? AND "
                          "account_id = ? AND handle <> ''", [platform, me])
    return DataCarries(platform, frozenset(items), formats, int(follow_imports or 0),
                       handle if isinstance(handle, str) else None, where)
