"""Words hidden by gluing: emoji between the letters of a word, words run together in a tag.

Two more disguises that ``spelling.Respeller`` undoes (since model 2026.12.13), each decided
by the encoder's vocabulary (whether it knows a word whole):

- ``emoji_inside``: emoji set between the letters of a word with no space ("d😭i😭e",
  "l🤡o🤡s🤡e🤡r"). The letters are joined when every part is a single letter (three or more:
  not "I❤️U"), or, part by part, when the joined word is a word of harm (``LEXICON``,
  ``HARM_WORDS``) and its parts are not both words ("sui😭cide"); otherwise the emoji reads
  as a space ("you👏are👏a👏joke"). The emoji are kept right after the word, where the emoji
  between words are kept, so the rules that read emoji still see them (a first version put
  them at the end of the text, and a review found crisis posts read lower). Only pictures
  count: flag letters, arrows, card suits, music and maths signs do not ("F♯m"). At d9a4c46
  "i want to d😭i😭e" read crisis 0.34.
- ``split_tag``: a tag of words run together ("#iwanttodie", "#killmyself") read as the
  words, only when every word is one the encoder knows whole and they say a death wish or
  self-harm of oneself or to "you" (``_TAG_SAYS``, or a phrase of the crisis phrase layer):
  "#nowplaying", "#diehardfan", "#imdying", "#youkillit", "#EndChainMigration" and
  "#FuckTrump" stay as written (the heads learned tags as written), and so does a tag that
  is one word the encoder knows ("#suicide"). At d9a4c46 "#iwanttodie" read crisis 0.04.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Whole = Callable[[str], bool]

__all__ = ["CONTRACTIONS", "HARM_WORDS", "emoji_inside", "split_tag", "tag_words"]

#: Words of harm: a word broken by emoji is joined towards them (with ``LEXICON``).
HARM_WORDS = frozenset("""
die dying dead kill killing suicide suicidal worthless useless hurt cut cutting starve
starving kys kms
""".split())
#: What a run-together tag must say, besides a phrase of the crisis phrase layer: a death
#: wish or self-harm said of oneself or to "you", or "I'm / you're worthless".
_TAG_SAYS = re.compile(
    r"\b(?:kill|hurt|cut|starve|hate|end)\s+(?:myself|yourself)\b|\bkys\b|"
    r"\b(?:i'm|im|i am|you're|youre|you are)\s+(?:so\s+)?(?:worthless|useless|pathetic|"
    r"a burden)\b|\b(?:want|wanna|going|gonna)\s+to\s+die\b"
)
#: The only words of one or two letters a tag is split into ("#unalive" is not "un alive").
_SHORT = frozenset("i a me my to be it is am so of in on at do no go we he up im u ur".split())
#: Words run together without their apostrophe, and how they are written.
CONTRACTIONS = {"dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't",
                 "doesnt": "doesn't", "isnt": "isn't", "ive": "i've", "youre": "you're",
                 "shouldnt": "shouldn't", "wouldnt": "wouldn't"}

#: Pictures only (faces, hearts, objects; with their joiners and variation selectors): not
#: flag letters, arrows, card suits, music or maths signs ("F♯m", "A➡️B", "x➖y" keep them).
_EMOJI = "\U0001f300-\U0001faff\u2764\u2763\ufe0f\u200d"
#: Emoji between two letters; the chunk (between spaces) around it is what is read.
_CORE = re.compile(f"[A-Za-z][{_EMOJI}]+[A-Za-z]")
_CHUNK = re.compile(r"\S+")
_RUN = re.compile(f"[{_EMOJI}]+")
#: Single letters are joined only when there are this many or more ("d😭i😭e"; not
#: "I❤️U" or "I💔M").
_MIN_LETTERS = 3
#: Tags no longer than this are split (longer ones cost too much to try and are rarely words).
_MAX_TAG = 30


def emoji_inside(text: str, whole: Whole, lexicon: frozenset[str]) -> str:
    """``text`` with emoji between the letters of a word taken out of it and put right
    after it (see the module): "i want to d😭i😭e" reads "i want to die 😭😭"."""
    if not _CORE.search(text):
        return text
    out, last = [], 0
    for chunk in _CHUNK.finditer(text):
        if _CORE.search(chunk.group()):
            out += [text[last : chunk.start()], _join(chunk.group(), whole, lexicon)]
            last = chunk.end()
    return "".join(out) + text[last:]


def _join(chunk: str, whole: Whole, lexicon: frozenset[str]) -> str:
    parts = _RUN.split(chunk)
    while parts and not parts[-1]:  # emoji after the word ("s😍o😍")
        parts.pop()
    if not parts or any(not p for p in parts):
        return chunk
    moved = "".join(_RUN.findall(chunk))
    if len(parts) >= _MIN_LETTERS and all(len(p) == 1 and p.isalpha() for p in parts):
        return f"{''.join(parts)} {moved}"
    harm = lexicon | HARM_WORDS
    words = [parts[0]]
    for part in parts[1:]:
        left, joined = words[-1], words[-1] + part
        # join a word of harm broken up ("sui😭cide"), not two words ("you👏are👏a👏joke")
        if joined.lower() in harm and not (_word(left, whole)
                                                              and _word(part, whole)):
            words[-1] = joined
        else:
            words.append(part)
    if len(words) == len(parts):  # words glued by emoji: the respeller sets them apart
        return chunk
    return f"{' '.join(words)} {moved}"


def _word(part: str, whole: Whole) -> bool:
    """A word of its own: known whole, and more than one letter unless "a" or "i"."""
    return (len(part) > 1 or part.lower() in "ai") and whole(part)


def split_tag(tag: str, rank: Callable[[str], int | None]) -> str | None:
    """The words of a run-together tag (without its "#"), or None when it is not read as
    words: :func:`tag_words`, saying what ``_TAG_SAYS`` reads or a phrase of the crisis
    phrase layer ("#iwanttodie", "#killmyself", "#youreworthless"; not "#imdying",
    "#youkillit", "#ikillyou", "#iamalive")."""
    said = tag_words(tag, rank)
    if said is None:
        return None
    from kindscope.signals.phrases import explain  # here: phrases reads spelling's words

    return said if _TAG_SAYS.search(said) or explain(said) else None


def tag_words(tag: str, rank: Callable[[str], int | None]) -> str | None:
    """The words of a run-together tag (without its "#"), or None where it is one word the
    encoder knows, or no split into two or more words is found: the fewest words the
    encoder knows whole (``rank``: a word's place in its vocabulary, which lists common
    words first; None for a word it does not know whole; words of one or two letters only
    from ``_SHORT``), common words first on a tie ("want to be", not "wan tt obe")."""
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
            if place is None and word in CONTRACTIONS:
                place = rank(CONTRACTIONS[word].replace("'", "")[:-1]) or 0
            if place is None:
                continue
            cand = (prev[0] + 1, prev[1] + place, [*prev[2], word])
            if best[end] is None or cand[:2] < best[end][:2]:
                best[end] = cand
    found = best[n]
    if found is None or len(found[2]) < 2:
        return None
    return " ".join(CONTRACTIONS.get(w, w) for w in found[2])
