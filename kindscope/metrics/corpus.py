"""The data every kindness metric reads: one person's posts, the replies around them and
their signal scores, loaded once from the store.

``load_corpus`` is the only function here that touches the database; the metric functions
take the :class:`Corpus` it returns, so they are pure and easy to test.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property

from kindscope.errors import InputError
from kindscope.store.db import Store

__all__ = [
    "DEFAULT_THRESHOLD",
    "STRONG_DISTRESS",
    "REPLY_FORMATS",
    "PLACEHOLDER_OWNERS",
    "Availability",
    "Example",
    "example_of",
    "PostRow",
    "Corpus",
    "load_corpus",
    "resolve_me",
    "threshold",
    "label_of",
    "my_posts",
    "my_replies",
    "replies_from_others",
    "engagement",
]

#: Each signal's decision point unless a threshold is given.
DEFAULT_THRESHOLD = 0.5
#: A distress score at or above this counts as "strongly distressed" (after_disclosure).
STRONG_DISTRESS = 0.8
#: Import formats that carry other people's replies to the owner (online thread fetches,
#: live captures, hand-made JSONL/CSV). Archives (X, Mastodon, a Bluesky CAR) hold only the
#: owner's own posts.
REPLY_FORMATS = frozenset({"bluesky-api", "mastodon-api", "jetstream", "generic"})
#: Owner ids an importer records when it cannot tell who the owner is.
PLACEHOLDER_OWNERS = ("self",)


@dataclass(frozen=True, slots=True)
class Availability:
    """Whether a metric could be computed, and if not, why (in words a user understands)."""

    available: bool
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class PostRow:
    post_id: str
    author_id: str
    created_at: datetime | None
    text: str
    kind: str
    reply_to_post_id: str | None
    reply_to_account_id: str | None
    mentions: tuple[str, ...]
    like_count: int | None
    repost_count: int | None
    deleted_at: datetime | None


@dataclass(frozen=True)
class Corpus:
    """One person's view of the store (one platform)."""

    platform: str
    me: str
    posts: dict[str, PostRow]
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    model_version: str | None = None
    likes: dict[str, int] = field(default_factory=dict)
    reposts: dict[str, int] = field(default_factory=dict)
    handles: dict[str, str] = field(default_factory=dict)
    observed_until: datetime | None = None
    replies: dict[str, list[PostRow]] = field(default_factory=dict)
    #: Whether replies from others to my posts can be seen (see ``load_corpus``).
    replies_visible: bool = False

    @property
    def scored(self) -> bool:
        return bool(self.scores)

    def handle(self, account_id: str) -> str:
        return self.handles.get(account_id) or account_id

    @cached_property
    def in_conversation(self) -> frozenset[str]:
        """Ids of my posts that belong to a conversation with someone else.

        A post of mine is in one when any ancestor (parent, grandparent, ...) is by someone
        else, or is a reply of mine to someone else; a parent missing from the data counts
        as someone else's when the post names another account as the one it replies to.
        The chain is walked iteratively with memoisation: linear in the number of posts.
        """
        memo: dict[str, bool] = {}
        for post_id, post in self.posts.items():
            if post.author_id == self.me and post_id not in memo:
                self._walk(post_id, memo)
        return frozenset(k for k, v in memo.items() if v)

    def _walk(self, post_id: str, memo: dict[str, bool]) -> None:
        chain: dict[str, None] = {}  # insertion-ordered set: the path walked so far
        verdict = False
        current = post_id
        while True:
            if current in memo:
                verdict = memo[current]
                break
            chain[current] = None
            post = self.posts[current]
            if post.reply_to_account_id not in (None, self.me):
                verdict = True
                break
            parent = self.posts.get(post.reply_to_post_id or "")
            if parent is None or parent.post_id in chain:
                break  # the top of the chain in the data (or a cycle): my own
            if parent.author_id != self.me:
                verdict = True
                break
            current = parent.post_id
        for seen in chain:
            memo[seen] = verdict


@dataclass(frozen=True, slots=True)
class Example:
    """A post the report may show (always escaped; crisis posts behind a content note)."""

    post_id: str
    created_at: str | None
    text: str
    crisis: bool


def example_of(corpus: Corpus, post: PostRow, thresholds: dict[str, float] | None) -> Example:
    created = post.created_at.isoformat() if post.created_at else None
    crisis = corpus.scores.get(post.post_id, {}).get("crisis", 0.0) >= threshold(
        thresholds, "crisis")
    return Example(post.post_id, created, post.text, crisis)


def threshold(thresholds: dict[str, float] | None, signal: str) -> float:
    return float((thresholds or {}).get(signal, DEFAULT_THRESHOLD))


def label_of(corpus: Corpus, post_id: str, thresholds: dict[str, float] | None) -> str | None:
    """``"distress"``, ``"upbeat"`` or ``"other"``; None when the post has no scores.

    Distress (or crisis) wins over upbeat: a painful post with a brave smile is painful.
    """
    scores = corpus.scores.get(post_id)
    if not scores:
        return None
    if (scores.get("distress", 0.0) >= threshold(thresholds, "distress")
            or scores.get("crisis", 0.0) >= threshold(thresholds, "crisis")):
        return "distress"
    if scores.get("upbeat", 0.0) >= threshold(thresholds, "upbeat"):
        return "upbeat"
    return "other"


def my_posts(corpus: Corpus) -> list[PostRow]:
    """My own authored posts outside conversations with others, not deleted, dated.

    Continuations of my own threads count; a continuation of my reply to someone else, a
    reply, a repost, a DM or a deleted post does not (see ``Corpus.in_conversation``).
    """
    inside = corpus.in_conversation
    return sorted(
        (p for p in corpus.posts.values()
         if p.author_id == corpus.me and p.kind == "post" and p.deleted_at is None
         and p.created_at is not None and p.post_id not in inside),
        key=lambda p: (p.created_at, p.post_id),
    )


def my_replies(corpus: Corpus) -> list[PostRow]:
    """My dated posts in conversations with others: replies to them and the continuations
    of those replies."""
    inside = corpus.in_conversation
    return sorted(
        (p for p in corpus.posts.values()
         if p.author_id == corpus.me and p.kind == "post" and p.created_at is not None
         and p.post_id in inside),
        key=lambda p: (p.created_at, p.post_id),
    )


def replies_from_others(corpus: Corpus, post_id: str) -> list[PostRow]:
    """Dated replies to ``post_id`` by anyone but me, earliest first (self-replies excluded)."""
    return sorted(
        (r for r in corpus.replies.get(post_id, ())
         if r.author_id != corpus.me and r.created_at is not None),
        key=lambda r: r.created_at,
    )


def engagement(corpus: Corpus, post: PostRow) -> int:
    """Replies from others + likes + reposts, counting what the data has.

    Likes are the post's own like count when the source gives one, else the likes seen in
    the data; reposts likewise.
    """
    likes = post.like_count if post.like_count is not None else corpus.likes.get(post.post_id, 0)
    reposts = (post.repost_count if post.repost_count is not None
               else corpus.reposts.get(post.post_id, 0))
    return len(replies_from_others(corpus, post.post_id)) + int(likes) + int(reposts)


def has_engagement_data(corpus: Corpus) -> bool:
    """Whether the data can say anything about engagement with my posts."""
    if corpus.replies_visible or corpus.likes or corpus.reposts:
        return True
    return any(p.like_count is not None or p.repost_count is not None
               for p in corpus.posts.values() if p.author_id == corpus.me)


# -- loading --------------------------------------------------------------------------------
def resolve_me(store: Store, me: str | None = None) -> tuple[str, str]:
    """``(platform, account_id)`` of "me": ``me`` as a handle or id, else the snapshot owner.

    A handle found on several platforms resolves to the one where that account owns an
    import (the newest such import first). ``@user`` also matches a stored Mastodon handle
    ``@user@host`` when only one does. Without ``me``: the owner of the newest import that
    names a real owner (placeholders such as ``"self"`` only when nothing else is there).
    """
    if me:
        return _resolve_handle(store, me)
    row = store.rows(
        "SELECT platform, owner_id FROM snapshots WHERE owner_id IS NOT NULL "
        "AND owner_id <> '' ORDER BY list_contains(?, lower(owner_id)), imported_at DESC "
        "LIMIT 1", [list(PLACEHOLDER_OWNERS)])
    if not row:
        raise InputError("cannot tell whose data this is: no import names its owner; "
                         "pass --me HANDLE", store.path)
    return row[0][0], row[0][1]


def _resolve_handle(store: Store, me: str) -> tuple[str, str]:
    wanted = me.strip().lstrip("@").lower()
    found = store.rows(
        "SELECT platform, account_id FROM accounts WHERE lower(ltrim(handle, '@')) = ? "
        "OR lower(account_id) = ? ORDER BY platform, account_id", [wanted, wanted])
    partial = not found and "@" not in wanted
    if partial:
        found = store.rows(
            "SELECT platform, account_id FROM accounts WHERE "
            "lower(split_part(ltrim(handle, '@'), '@', 1)) = ? AND "
            "ltrim(handle, '@') LIKE '%@%' ORDER BY platform, account_id", [wanted])
    if not found:
        found = store.rows("SELECT DISTINCT platform, author_id FROM posts WHERE "
                           "lower(author_id) = ? ORDER BY 1, 2", [wanted])
    if not found:
        raise InputError(f"no account with the handle or id {me!r} in the database", "--me")
    candidates = [(r[0], r[1]) for r in found]
    owners = [(r[0], r[1]) for r in store.rows(
        "SELECT platform, owner_id FROM snapshots WHERE owner_id IS NOT NULL "
        "ORDER BY imported_at DESC")]
    for owner in owners:
        if owner in candidates:
            return owner
    if partial and len(candidates) > 1:
        names = ", ".join(c[1] for c in candidates[:5])
        raise InputError(f"{me!r} matches several accounts ({names}); pass the full "
                         "handle or the account id", "--me")
    return candidates[0]


def _newest_model_version(store: Store, platform: str) -> str | None:
    versions = [r[0] for r in store.rows(
        "SELECT DISTINCT model_version FROM signal_scores WHERE platform = ?", [platform])]
    if not versions:
        return None
    try:
        from kindscope.signals import MODEL_VERSION  # the installed model, if present
        if MODEL_VERSION in versions:
            return str(MODEL_VERSION)
    except ImportError:
        pass
    return max(versions)


def _load_posts(store: Store, platform: str) -> dict[str, PostRow]:
    rows = store.rows(
        "SELECT post_id, author_id, epoch_ms(created_at), coalesce(text, ''), kind, "
        "reply_to_post_id, reply_to_account_id, coalesce(mentions, []), like_count, "
        "repost_count, epoch_ms(deleted_at) FROM posts WHERE platform = ? AND kind <> 'dm'",
        [platform])
    return {r[0]: PostRow(r[0], r[1], _utc(r[2]), r[3], r[4], r[5], r[6], tuple(r[7]), r[8],
                          r[9], _utc(r[10])) for r in rows}


def _utc(epoch_ms: int | None) -> datetime | None:
    """DuckDB hands TIMESTAMPTZ to Python only with pytz; epoch milliseconds need nothing."""
    return None if epoch_ms is None else datetime.fromtimestamp(epoch_ms / 1000, UTC)


def load_corpus(store: Store, me: str | None = None) -> Corpus:
    """Read "me", my platform's posts, likes, reposts and newest signal scores."""
    platform, me_id = resolve_me(store, me)
    posts = _load_posts(store, platform)
    version = _newest_model_version(store, platform)
    scores: dict[str, dict[str, float]] = defaultdict(dict)
    if version is not None:
        for post_id, signal, score in store.rows(
                "SELECT post_id, signal, score FROM signal_scores WHERE platform = ? AND "
                "model_version = ?", [platform, version]):
            scores[post_id][signal] = float(score)
    likes = dict(store.rows("SELECT post_id, count(*) FROM reactions WHERE platform = ? AND "
                            "kind = 'like' AND account_id <> ? GROUP BY 1", [platform, me_id]))
    reposts = {k: v for k, v in store.rows(
        "SELECT repost_of_post_id, count(*) FROM posts WHERE platform = ? AND kind = 'repost' "
        "AND author_id <> ? AND repost_of_post_id IS NOT NULL GROUP BY 1", [platform, me_id])}
    handles = {k: v for k, v in store.rows(
        "SELECT account_id, handle FROM accounts WHERE platform = ? AND handle IS NOT NULL",
        [platform])}
    replies: dict[str, list[PostRow]] = defaultdict(list)
    for post in posts.values():
        if post.kind == "post" and post.reply_to_post_id:
            replies[post.reply_to_post_id].append(post)
    taken = _utc(store.scalar("SELECT epoch_ms(max(taken_at)) FROM snapshots WHERE platform = ?",
                              [platform]))
    visible = _replies_visible(store, platform, me_id, posts)
    latest = max((p.created_at for p in posts.values() if p.created_at), default=None)
    until = max((t for t in (taken, latest) if t is not None), default=None)
    return Corpus(platform, me_id, posts, dict(scores), version, likes, reposts, handles,
                  until, dict(replies), visible)


def _replies_visible(store: Store, platform: str, me_id: str,
                     posts: dict[str, PostRow]) -> bool:
    """Whether replies from others to my posts can be seen: an import of this platform in a
    format that carries them (:data:`REPLY_FORMATS`), or a post by someone else in the data
    that replies to one of my posts."""
    formats = {r[0] for r in store.rows("SELECT DISTINCT format FROM snapshots WHERE "
                                        "platform = ?", [platform])}
    if formats & REPLY_FORMATS:
        return True
    for post in posts.values():
        if post.author_id == me_id or post.kind != "post":
            continue
        parent = posts.get(post.reply_to_post_id or "")
        if parent is not None and parent.author_id == me_id:
            return True
    return False
