"""Texts with no words: no flag from the heads.

A text of nothing but digits, spaces and punctuation that makes no face, once mentions and
links are taken out ("#", "...", "12345", "@someone"), holds no words to read, yet the heads
read it: "#" distress 0.99, "@someone" 0.55, "..." crisis 0.99 at model 2026.12.17
(``kindscope score --text`` at f7dfd48), so a reply that only tags someone sat in the inbox
as painful. ``SignalModel.score`` caps every head's reading of such a text, as it does for a
text of emoji only; the rule layers still read it. Of the 1,598 posts by people at risk in
the 22 frozen review sets it takes no flag away
(``training/variants/2026-12-06/at_risk_flags.py --compare``).

A wider rule, reading a text that trails off in dots ("ok..." crisis 0.96, "ok" 0.02) again
with one full stop, was tried and not shipped: on a review set written to break it, it
lowered ten of 77 flagged posts by people at risk ("why am i still here...", "im sorry
mom..."): trailing off is itself a sign the head has learnt.

A rule for texts only about posting ("This is my first post!" crisis 0.89, "test post" 0.69)
was tried and not shipped either (plan 31, ``training/variants/2026-12-06l``): it took no flag
from any post by someone at risk, but on its review set it cleared only 4 of the 10 posts
about posting the model flags (its bar asked half); the others say more ("ok first post. what
do people even post here" 0.75).
"""

from __future__ import annotations

import re

__all__ = ["no_letters"]

_MENTIONS_LINKS = re.compile(r"(?:^|(?<=\s))@[\w.@-]+|https?://\S+|www\.\S+")


#: What a text may hold and still have no words: digits, spaces and punctuation that makes
#: no face. The characters of text faces (":(", ":'(", "</3", ";_;") are not here: a bare
#: ":(" is a common way to say one is low (distress 0.90), and keeps its reading.
_NO_WORDS = frozenset("0123456789.,#!?-_/*&%+=~^|\"`") | frozenset(" \t\n\r")


def no_letters(text: str) -> bool:
    """Whether ``text`` holds nothing but digits, spaces and punctuation (``_NO_WORDS``)
    once mentions and links are taken out."""
    return set(_MENTIONS_LINKS.sub(" ", text or "")) <= _NO_WORDS
