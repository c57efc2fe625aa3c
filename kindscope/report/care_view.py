"""The report's "Care" section and "Your own vulnerable moments", as typed results.

Both are about the user only. ``care`` is a count of painful posts in their circle that
went unanswered (never names or posts: the report is a file people share, and the queue
itself is shown only by ``kindscope care``). ``own_moments`` are the user's own posts that
read as written in pain or anger, so they can decide themselves whether to hide or delete
any; kindscope changes nothing. Only http(s) addresses ever become links.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CareView", "Moment", "MomentsView", "care_view", "moments_view", "web_address"]

#: What a post reads as, in words (never a score).
READS_AS = {"pain": "in pain", "anger": "in anger"}


def web_address(url: str | None) -> str | None:
    """``url`` when it is an http(s) address (the only kind that becomes a link), else None.
    One with a space or a control character in it is not taken for one (it could break the
    one-per-line list the user copies)."""
    url = (url or "").strip()
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    return url if url.lower().startswith(("https://", "http://")) and len(url) > 8 else None


def _days(value) -> str:
    """``the last 3 days``, ``the last day``, ``the last 12 hours``."""
    try:
        days = float(value)
    except (TypeError, ValueError):
        return "the last few days"
    if days <= 0:
        return "the last few days"
    if days < 1:
        hours = round(days * 24)
        return "the last hour" if hours <= 1 else f"the last {hours} hours"
    shown = f"{days:g}"
    return "the last day" if days == 1 else f"the last {shown} days"


@dataclass(frozen=True, slots=True)
class CareView:
    available: bool
    reason: str | None
    window: str  # "the last 3 days"
    budget: int | None
    unanswered: int | None
    command: str
    #: posts of the circle not read for their language (since report 3.1.0)
    not_read: int = 0


def care_view(care: dict | None) -> CareView | None:
    """The Care section's facts, or None for a report made before it existed."""
    if care is None:
        return None
    budget = care.get("budget")
    return CareView(
        available=bool(care.get("available")) and care.get("unanswered_in_circle") is not None,
        reason=care.get("reason"), window=_days(care.get("window_days")),
        budget=budget if isinstance(budget, int) and budget > 0 else None,
        unanswered=care.get("unanswered_in_circle"),
        command=care.get("command") or "kindscope care",
        not_read=care.get("not_read_in_circle") or 0)


@dataclass(frozen=True, slots=True)
class Moment:
    date: str  # YYYY-MM-DD, or "" when unknown
    text: str
    reads_as: str  # "may read as written in pain and in anger"
    href: str | None  # an http(s) address, the only kind made a link
    other_url: str | None  # a stored address that is not a web one, shown as text
    crisis: bool = False  # read as crisis: the list gets a content note


@dataclass(frozen=True, slots=True)
class MomentsView:
    available: bool
    reason: str | None
    count: int  # all of them, listed or not
    moments: tuple[Moment, ...]
    urls: tuple[str, ...]  # the web addresses of the listed posts, for copying

    @property
    def more(self) -> int:
        """How many more there are than are listed here."""
        return max(self.count - len(self.moments), 0)

    @property
    def crisis(self) -> bool:
        """Whether any listed post reads as crisis (the list then opens with a content note)."""
        return any(m.crisis for m in self.moments)

    @property
    def without_link(self) -> int:
        return sum(1 for m in self.moments if m.href is None)


def _reads_as(words) -> str:
    named = [READS_AS[w] for w in READS_AS if w in (words or ())]
    return "may read as written " + (" and ".join(named) or "in pain or anger")


def moments_view(own: dict | None) -> MomentsView | None:
    """The user's own painful or angry posts as shown, or None for an older report."""
    if own is None:
        return None
    moments = []
    for p in own.get("posts") or []:
        url = p.get("url")
        href = web_address(url)
        moments.append(Moment((p.get("created_at") or "")[:10], p.get("text") or "",
                              _reads_as(p.get("reads_as")), href,
                              None if href or not url else str(url),
                              p.get("crisis") is True))
    count = own.get("count")
    count = max(count if isinstance(count, int) else 0, len(moments))
    urls = tuple(dict.fromkeys(m.href for m in moments if m.href))
    return MomentsView(bool(own.get("available")), own.get("reason"), count,
                       tuple(moments), urls)
