"""Texts with no words, and texts only about posting: no flag from the heads.

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

A text whose whole content is the act of posting ("This is my first post!", "test post",
"New post with one image"; :func:`about_posting`) holds nothing to read either, yet the crisis
head read such texts at 0.5-0.92 (model 2026.12.21): the word "post" leans to crisis, learnt
from goodbyes ("this is my last post"), and a real Bluesky repository's "This is my first
post!" opened its owner's report with a crisis note (a user's-eye review, 2026-12-06). Only
the whole text is matched, never a last, final or goodbye post, and the rule layers still read
it. Reading every "post" as another word was not tried further: in a probe it also lowered
goodbyes ("posting this before i go. i love you all" 0.71 -> 0.27, "post" read as "message").
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["no_letters", "about_posting"]

_MENTIONS_LINKS = re.compile(r"(?:^|(?<=\s))@[\w.@-]+|https?://\S+|www\.\S+")


#: What a text may hold and still have no words: digits, spaces and punctuation that makes
#: no face. The characters of text faces (":(", ":'(", "</3", ";_;") are not here: a bare
#: ":(" is a common way to say one is low (distress 0.90), and keeps its reading.
_NO_WORDS = frozenset("0123456789.,#!?-_/*&%+=~^|\"`") | frozenset(" \t\n\r")


def no_letters(text: str) -> bool:
    """Whether ``text`` holds nothing but digits, spaces and punctuation (``_NO_WORDS``)
    once mentions and links are taken out."""
    return set(_MENTIONS_LINKS.sub(" ", text or "")) <= _NO_WORDS


_POST = r"(?:post|skeet|toot|tweet|thread)"
_PLATFORM = (r"(?:here|on here|in here|ever|on (?:bluesky|bsky|mastodon|the fediverse|twitter|x|"
             r"threads|reddit|this (?:app|site|platform|server|instance|account)))")
_MEDIA = (r"(?:(?:with|without) (?:no|one|an?|two|three|four|\d+|some|multiple) (?:alt text|"
          r"(?:image|photo|picture|pic|link|video|gif|poll)s?))")
#: The whole text, lower-cased and with mentions, links and end marks taken out.
_ABOUT_POSTING = re.compile(
    r"(?:(?:hello|hi|hey|hiya|howdy)(?: (?:world|everyone|all|there|folks|bluesky|bsky|"
    r"mastodon|fediverse|twitter))?[ ,.!]*)?"
    r"(?:(?:just |only )?test(?:ing)?(?: (?:1 2 3|123|one two three|testing))?"
    r"|(?:(?:this is|here is|here's|heres|just) )?(?:(?:my|a|the|our) )?"
    r"(?:(?:very|official|obligatory|quick) )?"
    r"(?:(?:first|1st|second|2nd|third|3rd|test|new|another) (?:test )?" + _POST + r"|(?:test )?"
    + _POST + r")(?: " + _PLATFORM + r")?(?: " + _MEDIA + r")?)"
    r"(?:[ ,.!-]+(?:please )?ignore(?: this| me)?)?")
#: What may stand around the words: blanks, end marks and emoji (symbols and their joiners),
#: never a text face such as ":(" (a way to say one is low).
_AROUND = frozenset(" \t\n\r.!?,~*")


def _bare(char: str) -> bool:
    return char in _AROUND or unicodedata.category(char) in ("So", "Sk", "Cf", "Mn")


def about_posting(text: str) -> bool:
    """Whether ``text`` is only about posting itself ("This is my first post!", "test post",
    "new post with 2 images 📷"), once mentions and links are out: first, second, test and
    new posts, never a last or final one, with nothing else said."""
    words = _MENTIONS_LINKS.sub(" ", text or "").lower()
    start, end = 0, len(words)
    while start < end and _bare(words[start]):
        start += 1
    while end > start and _bare(words[end - 1]):
        end -= 1
    core = " ".join(words[start:end].split())
    return bool(core) and _ABOUT_POSTING.fullmatch(core) is not None
