"""Upside-down text read the right way up (issue 11, model 2026.12.12).

Generators write a post upside down with turned letters and backwards: "ǝıp oʇ ʇuɐʍ ı" is "i
want to die". ``read_turned`` finds runs of such words and writes each the right way up,
in place, leaving the rest of the post as it is ("i want to die (ʎɐʍ sıɥʇ)" keeps its plain
words where they are).

A run is a sequence of words (between spaces) made only of turned letters, letters that
look the same either way up ("o", "s", "x", "z"), letters that stand for another one when
turned ("p" for d, "u" for n, "ı" for i, "ן" for l), digits and punctuation; it starts and
ends with a word that has a turned letter. It is read only when it holds at least
``MIN_KINDS`` kinds of turned letters, they are at least ``SHARE`` of its letters, and one
of its words has ``MIN_WORD`` letters or more (not a list of IPA symbols, "ɹ ʌ ɐ ɯ"). Words
with a handle, tag, link, slash, square bracket, emoji or any other character are never
part of a run. A text with IPA's own marks ("ˈ", "ə", "ɪ", "ʊ", "æ", ...) is left alone:
IPA writes some of the same turned letters ("ɹʌn", "ɐ"). Turned letters written forwards
("ʞıןן ɯʎsǝןɟ" for kill myself, which some generators give) are read forwards when the
caller gives a dictionary (``known``: the pieces the encoder needs for the words of a
text; ``spelling.Respeller`` does, since model 2026.12.13) and every word of the run is one
the encoder knows whole forwards but not backwards; the language detector gives none, and
reads every run backwards, which holds the same letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["TURNED_LETTERS", "read_turned"]

#: Turned letters and what they stand for.
_TURNED = dict(zip("ɐɔǝɟƃɥᴉɾʞɯɹʇʌʍʎ" "∀ƆƎℲ⅁ſꓘ˥Ԁᴚᗡᗺ⅄⊥∩Λ",
                   "acefghijkmrtvwy" "ACEFGJKLPRDBYTUV", strict=True))
TURNED_LETTERS = "".join(_TURNED) + "ıן"
#: Characters that stand for another one inside a turned run (and nowhere else).
_OTHER_WAY = dict(zip("qbpdunıןWM69',()[]{}<>¡¿˙",
                      "bqdpnuilMW96,')(][}{><!?.", strict=True))
#: Letters and digits that look the same either way up.
_SAME = frozenset("oslxzOSXZHIN08")
_IPA = re.compile("[ˈˌːəɪʊæʃðθŋɛɑɒʒɚɜ]")
_WORD = re.compile(r"\S+")
MIN_KINDS = 3
SHARE = 0.3
MIN_WORD = 3


def _kind(word: str) -> str:
    """"turned" (has a turned letter), "either" (reads the same way up) or "plain"."""
    if word[0] in "@#" or any(c in word for c in "/[]"):  # handles, links, IPA's [ ] / /
        return "plain"
    for c in word:
        if not (c in _TURNED or c in _OTHER_WAY or c in _SAME or (c.isascii() and c.isdigit())
                or (c.isascii() and not c.isalnum()) or unicodedata.category(c)[0] == "P"):
            return "plain"
    return "turned" if any(c in _TURNED or c in "ıן" for c in word) else "either"


def _readable(run: str) -> bool:
    turned = [c for c in run if c in _TURNED]
    letters = sum(c.isalpha() or c in _TURNED for c in run)
    longest = max(sum(c.isalpha() or c in _TURNED for c in w) for w in run.split())
    return (len(set(turned)) >= MIN_KINDS and len(turned) >= SHARE * letters
            and longest >= MIN_WORD)


def _right_way_up(run: str) -> str:
    return "".join(_TURNED.get(c) or _OTHER_WAY.get(c, c) for c in reversed(run))


def _forwards(run: str) -> str:
    """Turned letters written forwards: each letter turned, the order kept (brackets and
    quotes too)."""
    return "".join(_TURNED.get(c) or (_OTHER_WAY.get(c, c) if c.isalnum() or c in "ıן" else c)
                   for c in run)


def _best(run: str, known: Callable[[str], int] | None) -> str:
    backwards = _right_way_up(run)
    if known is None:
        return backwards
    # forwards only when every word reads whole that way and not backwards: generators
    # mostly write backwards, and a long run can read a little better either way by chance
    forwards = _forwards(run)
    words = len(run.split())
    return forwards if known(forwards) == words < known(backwards) else backwards


def _reads_as_words(run: str, known: Callable[[str], int] | None) -> bool:
    """A run too short for ``_readable`` ("snıɔıpɐן", two kinds of turned letters) whose
    reading, either way up, is words the encoder knows whole, one of ``MIN_WORD`` letters or
    more: only with a dictionary (``known``)."""
    if known is None or len({c for c in run if c in _TURNED}) < 2:
        return False
    words = run.split()
    if max(sum(c.isalpha() or c in _TURNED for c in w) for w in words) < MIN_WORD:
        return False
    best = _best(run, known)
    return known(best) == len(best.split())


def read_turned(text: str, known: Callable[[str], int] | None = None) -> str:
    """``text`` with its runs of upside-down words written the right way up (forwards or
    backwards, whichever ``known`` finds fewer pieces in; backwards without it)."""
    if _IPA.search(text):
        return text
    words = list(_WORD.finditer(text))
    kinds = [_kind(w.group()) for w in words]
    out, last, i = [], 0, 0
    while i < len(words):
        if kinds[i] != "turned":
            i += 1
            continue
        end = i
        for j in range(i + 1, len(words)):
            if kinds[j] == "plain":
                break
            if kinds[j] == "turned":
                end = j
        start, stop = words[i].start(), words[end].end()
        if _readable(text[start:stop]) or _reads_as_words(text[start:stop], known):
            out += [text[last:start], _best(text[start:stop], known)]
            last = stop
        i = end + 1
    return "".join(out) + text[last:] if out else text
