"""The data every kindness metric reads: one person's posts, the replies around them and
their signal scores, loaded once from the store.

``load_corpus`` is the only function here that touches the database; the metric functions
take the :class:`Corpus` it returns, so they are pure and easy to test.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from kindscope.errors import InputError
from kindscope.store.db import Store

__all__ = [
    "DEFAULT_THRESHOLD",
    "STRONG_DISTRESS",
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
    "replies_from_others",
    "engagement",
]

#: Each signal's decision point unless a threshold is given.
DEFAULT_THRESHOLD = 0.5
#: A distress score at or above this counts as "strongly distressed" (after_disclosure).
STRONG_DISTRESS = 0.8


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

    @property
    def scored(self) -> bool:
        return bool(self.scores)

    def handle(self, account_id: str) -> str:
        return self.handles.get(account_id) or account_id

    def has_others(self) -> bool:
        """True when the data holds posts written by anyone other than me."""
        return any(p.author_id != self.me and p.kind == "post" for p in self.posts.values())


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


def _replies_to_other(corpus: Corpus, post: PostRow) -> bool:
    if post.reply_to_account_id not in (None, corpus.me):
        return True
    parent = corpus.posts.get(post.reply_to_post_id or "")
    return parent is not None and parent.author_id != corpus.me


def my_posts(corpus: Corpus) -> list[PostRow]:
    """My own authored posts that are not replies to someone else, not deleted, dated.

    Continuations of my own threads count; reposts, DMs and deleted posts do not.
    """
    return sorted(
        (p for p in corpus.posts.values()
         if p.author_id == corpus.me and p.kind == "post" and p.deleted_at is None
         and p.created_at is not None and not _replies_to_other(corpus, p)),
        key=lambda p: (p.created_at, p.post_id),
    )


def my_replies(corpus: Corpus) -> list[PostRow]:
    """My replies to other people's posts."""
    return sorted(
        (p for p in corpus.posts.values()
         if p.author_id == corpus.me and p.kind == "post" and p.created_at is not None
         and _replies_to_other(corpus, p)),
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
    if corpus.has_others() or corpus.likes or corpus.reposts:
        return True
    return any(p.like_count is not None or p.repost_count is not None
               for p in corpus.posts.values() if p.author_id == corpus.me)


# -- loading --------------------------------------------------------------------------------
def resolve_me(store: Store, me: str | None = None) -> tuple[str, str]:
    """``(platform, account_id)`` of "me": ``me`` as a handle or id, else the snapshot owner."""
    if me:
        wanted = me.strip().lstrip("@").lower()
        row = store.rows(
            "SELECT platform, account_id FROM accounts WHERE lower(ltrim(handle, '@')) = ? "
            "OR lower(account_id) = ? ORDER BY platform LIMIT 1", [wanted, wanted])
        if not row:
            row = store.rows("SELECT platform, author_id FROM posts WHERE lower(author_id) = ? "
                             "LIMIT 1", [wanted])
        if not row:
            raise InputError(f"no account with the handle or id {me!r} in the database", "--me")
        return row[0][0], row[0][1]
    row = store.rows("SELECT platform, owner_id FROM snapshots WHERE owner_id IS NOT NULL "
                     "ORDER BY imported_at DESC LIMIT 1")
    if not row:
        raise InputError("cannot tell whose data this is: no import names its owner; "
                         "pass --me HANDLE", store.path)
    return row[0][0], row[0][1]


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
    latest = max((p.created_at for p in posts.values() if p.created_at), default=None)
    until = max((t for t in (taken, latest) if t is not None), default=None)
    return Corpus(platform, me_id, posts, dict(scores), version, likes, reposts, handles,
                  until, dict(replies))
