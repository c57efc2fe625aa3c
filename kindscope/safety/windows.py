"""Runs of timed events within a window: the one rule behind pile-ons, trawls and follow
waves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

__all__ = ["runs"]


def runs(items: list, window: timedelta, enough: Callable[[list], bool]) -> list[list]:
    """Maximal runs of time-sorted ``(time, ...)`` items, each within ``window`` of its
    first item, that satisfy ``enough``; runs do not overlap (the scan goes on after the
    end of a run it keeps, else from the next item)."""
    found, i = [], 0
    while i < len(items):
        j = i
        while j + 1 < len(items) and items[j + 1][0] - items[i][0] <= window:
            j += 1
        if enough(items[i:j + 1]):
            found.append(items[i:j + 1])
            i = j + 1
        else:
            i += 1
    return found
