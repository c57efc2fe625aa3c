"""Words hidden by gluing: emoji between the letters of a word, words run together in a tag.

Two more disguises that ``spelling.Respeller`` undoes (since model 2026.12.13), each decided
by the encoder's vocabulary (whether it knows a word whole):

- ``emoji_inside``: emoji set between the letters of a word with no space ("d😭i😭e",
  "l🤡o🤡s🤡e🤡r"). The letters are joined when every part is a single letter, or, part by
  part, when the joined word is a word of harm (``LEXICON``, ``HARM_WORDS``) and its parts
  are not both words ("sui😭cide"); otherwise the emoji reads as a space ("you👏are👏a👏joke").
  The emoji are kept after the word, so the rules that read emoji still see them. At
  d9a4c46 "i want to d😭i😭e" read crisis 0.34.
- ``split_tag``: a tag of words run together ("#iwanttodie", "#killmyself") read as the
  words, only when every word is one the encoder knows whole and they hold a word of harm
  and a word for a person (``HARM_WORDS``, ``PERSON_WORDS``): "#nowplaying", "#diehardfan",
  "#EndChainMigration" and "#FuckTrump" stay as written (the heads learned tags as
  written), and so does a tag that is one word the encoder knows ("#suicide"). At d9a4c46
  "#iwanttodie" read crisis 0.04.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Whole = Callable[[str], bool]

__all__ = ["HARM_WORDS", "emoji_inside", "split_tag"]

#: Words of harm: they make a run-together tag worth reading as words (with a word for a
#: person, ``PERSON_WORDS``), and a word broken by emoji worth joining (with ``LEXICON``).
HARM_WORDS = frozenset("""
die dying dead kill killing suicide suicidal worthless useless hurt cut cutting starve
starving alive exist kys kms
""".split())
#: A tag is read as words only when one of them is a person ("#iwanttodie", "#youreworthless";
#: not "#diehardfan", "#EndChainMigration", "#DemocratsHateAmerica").
PERSON_WORDS = frozenset("i im me my myself you youre your yourself u ur".split())
#: The only words of one or two letters a tag is split into ("#unalive" is not "un alive").
_SHORT = frozenset("i a me my to be it is am so of in on at do no go we he up im u ur".split())
#: Words run together without their apostrophe, and how they are written.
_CONTRACTIONS = {"dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't",
                 "doesnt": "doesn't", "isnt": "isn't", "ive": "i've", "youre": "you're",
                 "shouldnt": "shouldn't", "wouldnt": "wouldn't"}

_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d"
#: A chunk (between spaces) with emoji between two letters.
_INSIDE = re.compile(f"[^\\s{_EMOJI}]*[A-Za-z][{_EMOJI}]+[A-Za-z][^\\s]*")
_RUN = re.compile(f"[{_EMOJI}]+")
#: Tags no longer than this are split (longer ones cost too much to try and are rarely words).
_MAX_TAG = 30


def emoji_inside(text: str, whole: Whole, lexicon: frozenset[str]) -> str:
    """``text`` with emoji between the letters of a word taken out of it and put at its end
    (see the module): "i h💔a💔t💔e myself" reads "i hate myself 💔💔💔", so that the words
    stay together for the rules that read phrases."""
    moved: list[str] = []
    out = _INSIDE.sub(lambda m: _join(m.group(), whole, lexicon, moved), text)
    return f"{out} {''.join(moved)}" if moved else text


def _join(chunk: str, whole: Whole, lexicon: frozenset[str], moved: list[str]) -> str:
    parts = _RUN.split(chunk)
    while parts and not parts[-1]:  # emoji after the word ("s😍o😍")
        parts.pop()
    if not parts or any(not p for p in parts):
        return chunk
    if all(len(p) == 1 and p.isalpha() for p in parts):
        moved.append("".join(_RUN.findall(chunk)))
        return "".join(parts)
    words = [parts[0]]
    for part in parts[1:]:
        left, joined = words[-1], words[-1] + part
        # join a word of harm broken up ("sui😭cide"), not two words ("you👏are👏a👏joke")
        if joined.lower() in lexicon | HARM_WORDS and not (_word(left, whole)
                                                              and _word(part, whole)):
            words[-1] = joined
        else:
            words.append(part)
    if len(words) == len(parts):  # words glued by emoji: the respeller sets them apart
        return chunk
    moved.append("".join(_RUN.findall(chunk)))
    return " ".join(words)


def _word(part: str, whole: Whole) -> bool:
    """A word of its own: known whole, and more than one letter unless "a" or "i"."""
    return (len(part) > 1 or part.lower() in "ai") and whole(part)


def split_tag(tag: str, rank: Callable[[str], int | None]) -> str | None:
    """The words of a run-together tag (without its "#"), or None when it is not read as
    words: the fewest words the encoder knows whole (``rank``: a word's place in its
    vocabulary, which lists common words first; None for a word it does not know whole;
    words of one or two letters only from ``_SHORT``), common words first on a tie ("want
    to be", not "wan tt obe"), among them a word of harm and a word for a person."""
    letters = tag.lower()
    n = len(letters)
    if not letters.isalpha() or not letters.isascii() or n > _MAX_TAG \
            or rank(letters) is not None:
        return None
    # best[i]: (words, summed rank) of the best split of letters[:i]
    best: list[tuple[int, int, list[str]] | None] = [(0, 0, [])] + [None] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 15), end):
            word, prev = letters[start:end], best[start]
            if prev is None or (len(word) < 3 and word not in _SHORT):
                continue
            place = rank(word)
            if place is None and word in _CONTRACTIONS:
                place = rank(_CONTRACTIONS[word].replace("'", "")[:-1]) or 0
            if place is None:
                continue
            cand = (prev[0] + 1, prev[1] + place, [*prev[2], word])
            if best[end] is None or cand[:2] < best[end][:2]:
                best[end] = cand
    found = best[n]
    if found is None or len(found[2]) < 2 or not (
            HARM_WORDS & set(found[2]) and PERSON_WORDS & set(found[2])):
        return None
    return " ".join(_CONTRACTIONS.get(w, w) for w in found[2])
