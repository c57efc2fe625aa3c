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

**Tags alone** (``tags_as_words``). A text whose only words are hashtags ("#cat", "#sunset
#photography", an image post's caption) was read by its "#"s: "#cat" distress 0.95, "#art"
0.86, "#breakfast" 0.77 at model 2026.12.23, against "cat" 0.46, "art" 0.15, "breakfast" 0.15
(the training tweets end in #sad and #depressed), while "depression" 0.98 and "grief" 0.95
keep their reading without the sign. The distress and upbeat heads read such a text as its
tags' words (``SignalModel``): a disguised word written plainly, as the respeller writes
it everywhere ("#kms" as "kill myself", not the letters "kms"), CamelCase split
("#MondayMotivation" as "Monday Motivation", "#ICantSleep" as "I can't Sleep"), a run-together
tag as the fewest words the encoder knows (``glued.tag_words``: "#cantsleep" as "can't
sleep"), else the tag's letters; links and mentions are kept as written. Every other head
and every rule layer reads the text as written: read as words, "#imalive" read crisis 0.88 and
"#youkillit" toxicity 0.88. A tag beside other words keeps its sign ("feeling low today
#depressed"): an earlier form that read every tag as words lost five posts in pain
(``training/variants/2026-12-06``); this one: ``training/variants/2026-12-07b``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kindscope.signals.glued import CONTRACTIONS, tag_words

__all__ = ["no_letters", "tags_as_words"]

_MENTIONS_LINKS = re.compile(r"(?:^|(?<=\s))@[\w.@-]+|https?://\S+|www\.\S+")


#: What a text may hold and still have no words: digits, spaces and punctuation that makes
#: no face. The characters of text faces (":(", ":'(", "</3", ";_;") are not here: a bare
#: ":(" is a common way to say one is low (distress 0.90), and keeps its reading.
_NO_WORDS = frozenset("0123456789.,#!?-_/*&%+=~^|\"`") | frozenset(" \t\n\r")


def no_letters(text: str) -> bool:
    """Whether ``text`` holds nothing but digits, spaces and punctuation (``_NO_WORDS``)
    once mentions and links are taken out."""
    return set(_MENTIONS_LINKS.sub(" ", text or "")) <= _NO_WORDS


#: A hashtag: "#" then its word, not inside a word.
_HASHTAG = re.compile(r"(?<![\w#&/])#(\w+)")
#: What a text of tags alone may hold besides its tags: mentions (after a space or an
#: opening bracket or quote) and links, which are never rewritten.
_KEPT = re.compile(r"(?:^|(?<=[\s(\[{\"'“‘]))@[\w.@-]+|https?://\S+|www\.\S+")
#: Where a CamelCase tag splits: before a capital after a small letter or a digit, before a
#: capital that starts a word after another capital ("ICant"), and between letters and
#: digits ("100DaysOfCode", "MondayMotivation").
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|"
                    r"(?<=[0-9])(?=[A-Za-z])")


def tags_as_words(text: str, rank: Callable[[str], int | None],
                  respell: Callable[[str], str] = str) -> str:
    """``text`` read as its tags' words where its only words are hashtags (mentions, links,
    emoji, digits and punctuation aside; those are kept as they are); else ``text`` as it is.
    ``rank``: the encoder's vocabulary place of a word (``glued.tag_words``); ``respell``:
    how a disguised word is written plainly (``spelling.Respeller.fix``: "#kms" is "kill
    myself", not the letters "kms")."""
    if "#" not in text:
        return text
    pieces = _KEPT.split(text)
    if not any(_HASHTAG.search(p) for p in pieces) or any(
            ch.isalpha() for p in pieces for ch in _HASHTAG.sub(" ", p)):
        return text
    links = _KEPT.findall(text)
    read = [_HASHTAG.sub(lambda m: _words(m.group(1), rank, respell), p) for p in pieces]
    return "".join(x for pair in zip(read, [*links, ""], strict=True) for x in pair)


def _words(tag: str, rank: Callable[[str], int | None], respell: Callable[[str], str]) -> str:
    """One tag's words: a disguised word written plainly, else at its capitals, else the
    fewest words the encoder knows, else the tag itself (underscores read as spaces)."""
    tag = tag.replace("_", " ").strip()
    plain = respell(tag)
    if plain.lower() != tag.lower():
        return plain
    parts = _CAMEL.split(tag)
    if len(parts) > 1:
        return " ".join(CONTRACTIONS.get(w.lower(), w) for w in parts)
    return tag_words(tag, rank) or tag
