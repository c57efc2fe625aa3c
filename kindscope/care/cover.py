"""What a capture of replies covers, said where an output would otherwise claim a window.

Where the only source of other people's replies is a Jetstream capture, the data holds only
what happened while it ran: "0 replies in the last 14 days have no answer" or "no pile-on
found" of a capture that ran for two seconds is a claim the data cannot make (a user's-eye
review on the real capture, 2026-12-06). :func:`capture_words` says, once, how long the
captures ran and when, so that every such output carries it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kindscope.store.care import reply_spans
from kindscope.store.read import ReadModel

__all__ = ["capture_words", "duration_words"]


def duration_words(span: timedelta) -> str:
    """"1.6 seconds", "3 minutes", "2.5 hours", "4 days"."""
    seconds = span.total_seconds()
    unit, size = next(((u, n) for u, n in (("day", 86400), ("hour", 3600), ("minute", 60))
                       if seconds >= n), ("second", 1))
    shown = f"{round(seconds / size, 1):g}"
    return f"{shown} {unit}{'' if shown == '1' else 's'}"


def _covered(spans: list[tuple[datetime, datetime]]) -> timedelta:
    total, end = timedelta(0), None
    for start, stop in sorted(spans):
        if end is not None and start < end:
            start = end
        if stop > start:
            total += stop - start
            end = stop if end is None or stop > end else end
    return total


def capture_words(rm: ReadModel, since: datetime | None = None,
                  until: datetime | None = None, unseen: str = "nothing sent to you"
                  ) -> str | None:
    """How long the captures that hold others' replies ran (within ``since``-``until`` when
    given), where they are the only source of them; None where another import holds them up
    to the end of the data, or none is held (the data then says it cannot show them).
    ``unseen``: what cannot be seen outside them, in words (the community view: "no reply
    to anyone")."""
    spans = reply_spans(rm)
    if not spans or any(start is None or stop is None for start, stop in spans):
        return None
    if since is not None or until is not None:
        spans = [(max(a, since) if since else a, min(b, until) if until else b)
                 for a, b in spans]
        spans = [(a, b) for a, b in spans if b > a]
    if not spans:
        return ("other people's replies in this data come only from Jetstream captures, and "
                f"none of them ran in this time: {unseen} in it can be seen")
    first = min(a for a, _ in spans).astimezone(UTC)
    last = max(b for _, b in spans).astimezone(UTC)
    many = len(spans) > 1
    return (f"other people's replies in this data come only from "
            f"{'Jetstream captures, which ran' if many else 'a Jetstream capture, which ran'} for "
            f"{duration_words(_covered(spans))}{' in all' if many else ''}, from "
            f"{first:%Y-%m-%d %H:%M:%S} to {last:%Y-%m-%d %H:%M:%S} UTC: {unseen} "
            "outside that time can be seen")
