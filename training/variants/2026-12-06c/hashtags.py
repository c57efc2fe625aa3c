"""Hashtags read as the words they are: what the encoder, the heads and the profanity model read.

The heads learnt the hashtag sign itself as pain: "#blessed" read distress 0.86 and
"blessed" 0.18, "#tbt" 0.91 (model 2026.12.19). Taking the sign off alone lost posts in pain
written in run-together tags ("#cantdothisanymore #done #goodbye"): the encoder cannot read
"cantdothisanymore" (``training/variants/2026-12-06``). ``as_words`` takes the sign off every
hashtag and writes it as its words: a camel-case tag at its capitals ("#MondayMotivation" ->
"Monday Motivation"), its letters apart from its digits ("#summer2019" -> "summer 2019"), and a
lower-case run of letters split into the words of a word list, the split most likely under
their counts ("#cantdothisanymore" -> "cant do this anymore"). A run it cannot split into
known words stays as written, without the sign. Every rule layer still reads the text as
written.

The word list (``words.txt`` beside this file) is counted from the training files of the
project's data by ``build_wordlist.py`` (beside it too).

Not in the shipped model: judged twice and not shipped (``../2026-12-06b``, ``README.md``
here). Kept here, with ``tags_for_heads.patch`` (the model change of plan 2026-12-06c, which
imported this module as ``kindscope.signals.hashtags``), for a plan that comes with a better
reading of goodbye notes.
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

__all__ = ["as_words", "split_run"]

WORDS = Path(__file__).resolve().parent / "words.txt"
#: A hashtag: the sign at the start of a word (not in "&#39;" or "C#"), then its word.
_TAG = re.compile(r"(?<![\w&#])#(\w+)")
_PIECE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^\W\d_]+")
#: Inside a split, a word of three letters must be this common, and one of two letters or
#: one one of ``_SHORT``: short rare words ("td", "es", "ie") make any run of letters
#: splittable ("besties" as "best i es").
_SHORT_MIN = 50
_SHORT = frozenset("a i am an as at be by do go he if im in is it me my no of oh ok on or so "
                   "to up us we".split())
_LONGEST = 20


@cache
def _costs() -> dict[str, float]:
    """Each word's cost in a split: minus the log of its share of the word list; short
    words as ``_SHORT_MIN`` says."""
    counts = {}
    with open(WORDS, encoding="utf-8") as handle:
        for line in handle:
            word, count = line.split()
            if (len(word) > 3 or (len(word) == 3 and int(count) >= _SHORT_MIN)
                    or word in _SHORT):
                counts[word] = int(count)
    total = math.log(sum(counts.values()))
    return {w: total - math.log(n) for w, n in counts.items()}


def split_run(run: str) -> list[str] | None:
    """The words of a lower-case run of letters, the split of least cost (``_costs``); None
    when no split into known words exists."""
    costs = _costs()
    if run in costs:
        return [run]
    best: list[tuple[float, int]] = [(0.0, 0)] + [(math.inf, 0)] * len(run)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - _LONGEST), end):
            cost = costs.get(run[start:end])
            if cost is not None and best[start][0] + cost < best[end][0]:
                best[end] = (best[start][0] + cost, start)
    if best[-1][0] == math.inf:
        return None
    words, end = [], len(run)
    while end:
        start = best[end][1]
        words.append(run[start:end])
        end = start
    return words[::-1]


def _tag_words(body: str) -> str:
    out = []
    for piece in _PIECE.findall(body):
        words = split_run(piece) if piece.islower() and piece.isascii() else None
        out.extend(words or [piece])
    return " ".join(out) or body


def as_words(text: str) -> str:
    """``text`` with every hashtag written as its words."""
    if "#" not in text:
        return text
    return _TAG.sub(lambda m: _tag_words(m.group(1)), text)
