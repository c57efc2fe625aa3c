"""Hashtags read as the words they are: what the encoder and the heads read.

The heads learnt the hashtag sign itself as pain: "#blessed" read distress 0.86 and
"blessed" 0.18, "#tbt" 0.91, "new haircut who dis #ootd #selfie" 0.68 against 0.32 without
the signs (model 2026.12.19). ``as_words`` takes the sign off every hashtag and splits a
camel-case one into its words ("#MondayMotivation" -> "Monday Motivation"); the encoder,
the heads and the profanity model read that, while every rule layer still reads the text as
written. A hashtag of pain keeps its word: "#depressed" is read as "depressed".

Judged on a review set written to break it (``training/variants/2026-12-06``).
"""

from __future__ import annotations

import re

__all__ = ["as_words"]

#: A hashtag: the sign at the start of a word (not in "&#39;" or "C#"), then its word.
_TAG = re.compile(r"(?<![\w&#])#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def as_words(text: str) -> str:
    """``text`` with every hashtag read as its words."""
    if "#" not in text:
        return text
    return _TAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), text)
