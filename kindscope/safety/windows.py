"""Runs of timed events within a window: the one rule behind pile-ons, trawls and follow
waves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

__all__ = ["runs"]


def runs(items: list, window: timedelta, enough: Callable[[list], bool]) -> list[list]:
    """Runs of time-sorted ``(time, ...)`` items that satisfy ``enough``: each starts as the
    items within ``window`` of its first, and goes on while the next item, with the items
    within ``window`` before it, still satisfies ``enough`` (a pile-on that went on for
    ten hours was two incidents, and its last posts, "kill yourself" among them, in none: a
    harassment-target review, 2026-12-06). Runs do not overlap (the scan goes on after the
    end of a run it keeps, else from the next item)."""
    found, i = [], 0
    while i < len(items):
        j = i
        while j + 1 < len(items) and items[j + 1][0] - items[i][0] <= window:
            j += 1
        if enough(items[i:j + 1]):
            j = _going_on(items, i, j, window, enough)
            found.append(items[i:j + 1])
            i = j + 1
        else:
            i += 1
    return found


def _going_on(items: list, start: int, end: int, window: timedelta,
              enough: Callable[[list], bool]) -> int:
    """The last index of the run ``items[start:end + 1]`` once extended by every next item
    whose own window (the items within ``window`` before it, the run's among them) is still
    ``enough``."""
    tail = start
    while end + 1 < len(items):
        nxt = end + 1
        while items[nxt][0] - items[tail][0] > window:
            tail += 1
        if not enough(items[tail:nxt + 1]):
            break
        end = nxt
    return end
