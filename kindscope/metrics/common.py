"""What every kindness metric shares: availability, examples and reasons.

The metrics read the store only through :class:`kindscope.store.read.ReadModel`; its
aggregates (:mod:`kindscope.store.aggregates`) are computed in the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kindscope.store.availability import Availability
from kindscope.store.read import ReadModel

__all__ = ["Availability", "Example", "NO_SCORES_REASON", "NO_POSTS_REASON", "examples",
           "share", "replies_availability", "unscored"]

NO_SCORES_REASON = "the posts have not been scored by the text signals yet"
NO_POSTS_REASON = "this data holds no posts"


@dataclass(frozen=True, slots=True)
class Example:
    """A post the report may show (always escaped; crisis posts behind a content note)."""

    post_id: str
    created_at: str | None
    text: str
    crisis: bool


def examples(rows) -> tuple[Example, ...]:
    """Examples from ``(post id, created_at, text, is_crisis)`` rows."""
    return tuple(Example(p, t.isoformat() if isinstance(t, datetime) else t, x, bool(c))
                 for p, t, x, c in rows)


def share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def replies_availability(rm: ReadModel, needs_scores: bool = True) -> Availability:
    """Replies from others can be seen, and (when ``needs_scores``) posts are scored."""
    available = rm.available("replies")
    if available.available and needs_scores and not rm.scored:
        return unscored(rm)
    return available


def unscored(rm: ReadModel) -> Availability:
    """Why a metric that needs scores has none: no posts at all, or not scored yet."""
    if not rm.has_posts:
        return Availability(False, NO_POSTS_REASON)
    return Availability(False, NO_SCORES_REASON)
