"""Texts the heads read by their punctuation, not their words: two transparent rules.

- ``trailing_dots``: a text that trails off in an ellipsis of dots ("ok...", "just got
  home...") read as crisis by the head, up to 0.96 for "ok..." at model 2026.12.17 against
  0.02 for "ok". ``SignalModel.score`` reads such a text again with the trailing dots made
  one full stop (``without_trailing_dots``) and keeps the lower crisis reading of the two,
  before the rule layers (a risk phrase still raises it; ``phrases.py``, ``wishes.py``).
  Only trailing dots: "everyone just... moving on without me" keeps its reading. Distress
  is not changed (trailing off can be low mood; the care queue reads either).
- ``no_letters``: a text with no letter once mentions and links are taken out ("#",
  "...", "12345", "@someone") holds no words to read; the heads read "#" as distress 0.99.
  Such a text gets no flag from the heads, as a text of emoji only (``model.py``).

Judged on a review set written to break the first (``training/variants/2026-12-06``).
"""

from __future__ import annotations

import re

__all__ = ["no_letters", "without_trailing_dots"]

_TRAILING = re.compile(r"\s*\.{2,}\s*$")
_MENTIONS_LINKS = re.compile(r"(?:^|(?<=\s))@[\w.@-]+|https?://\S+|www\.\S+")


def without_trailing_dots(text: str) -> str:
    """``text`` with a trailing run of two or more dots made one full stop; "" when it has
    none (or nothing before it)."""
    m = _TRAILING.search(text)
    if m is None or not text[: m.start()].strip():
        return ""
    return text[: m.start()] + "."


def no_letters(text: str) -> bool:
    """Whether ``text`` holds no letter once mentions and links are taken out."""
    return not any(c.isalpha() for c in _MENTIONS_LINKS.sub(" ", text or ""))
