"""Undo common disguised spellings before the encoder reads a text (issue 11).

People write insults and slurs so that filters miss them: letters spaced out
("m o r o n", "i.d.i.o.t"), digits or symbols for letters ("m0ron", "1d10t", "dumb@ss",
"id!ot") and stretched letters ("moooron"). ``Respeller.fix(text)`` rewrites such a word
to the plain spelling, but only when the plain spelling is a better-known word to the
encoder: it splits into fewer WordPiece pieces than the disguised one (so "covid19",
"mp3", "1st" and "@user" stay as written). The rewritten text is what the encoder and the
heads read; the post itself, the crisis phrase layer and the toxicity guards keep the
original. Nothing is guessed for dropped or masked letters ("idjit", "st*pid").
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

__all__ = ["Respeller"]

#: Characters written for letters, and the letters they may stand for.
_LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t",
         "@": "a", "$": "s", "!": "i", "|": "l"}
#: At most this many ambiguous characters ("1") or stretched runs are tried per word.
_MAX_CHOICES = 4
#: A stretched word is rewritten only to a word this long or longer: "moooron" becomes
#: "moron", but "noooo", "sooo" and "hmmm" keep their emphasis.
_MIN_STRETCHED = 4

# Four or more single letters joined by one repeated separator: "m o r o n", "i.d.i.o.t"
# (not "u r a" or "w t f").
_SPACED = re.compile(
    r"(?<![\w@#'’*])([a-z])([ .\-_*])[a-z](?:\2[a-z]){2,}(?![\w@'’*])", re.IGNORECASE
)
# Only words with a letter next to a digit or symbol, or a letter three times in a row, are
# looked at (the lookahead stays inside the word).
_WORD = re.compile(
    r"(?<![\w@#$!|])(?=[a-z0-9@$!|]*?(?:[a-z][013457@$!|]|[013457@$!|][a-z]|([a-z])\1\1))"
    r"[a-z0-9@$!|]+",
    re.IGNORECASE,
)
_STRETCH = re.compile(r"([a-z])\1{2,}", re.IGNORECASE)
# Links, addresses and handles are left alone.
_SKIP = re.compile(r"\S*(?:/|www\.|\w@\w+\.\w)\S*|(?<!\w)[@#]\w+", re.IGNORECASE)
_CHEAP = re.compile(
    r"[a-z][013457@$!|]|[013457@$!|][a-z]|([a-z])\1\1|\b[a-z][ .\-_*][a-z][ .\-_*]", re.IGNORECASE
)


class Respeller:
    """Rewrite disguised spellings with the tokenizer's own vocabulary as the judge."""

    def __init__(self, tokenizer):
        self._tokenizer = tokenizer

        @lru_cache(maxsize=65536)
        def pieces(word: str) -> int:
            return sum(tokenizer.encode(word, add_special_tokens=False).attention_mask)

        self._pieces = pieces

    def fix(self, text: str) -> str:
        """``text`` with disguised words written plainly (unchanged when there are none)."""
        if not text or not _CHEAP.search(text):
            return text
        out, last = [], 0
        for skip in _SKIP.finditer(text):
            out.append(self._fix_span(text[last : skip.start()]))
            out.append(skip.group())
            last = skip.end()
        out.append(self._fix_span(text[last:]))
        return "".join(out)

    def _fix_span(self, span: str) -> str:
        span = _SPACED.sub(self._spaced, span)
        return _WORD.sub(self._word, span)

    def _spaced(self, m: re.Match) -> str:
        run = m.group()
        word = run.replace(m.group(2), "")
        options = [(self._pieces(run), 2, run), (self._pieces(word), 1, word)]
        if word[0] in "aAiI" and len(word) > 3:  # "a w a s t e": the article stays a word
            rest = word[1:]
            options.append((1 + self._pieces(rest), 0, f"{word[0]} {rest}"))
        return min(options)[2]

    def _word(self, m: re.Match) -> str:
        word = m.group()
        if sum(c.isalpha() for c in word) < 2:
            return word
        mapped = _letter_like(word)
        stretched = bool(_STRETCH.search(word))
        if not (any(mapped) or stretched):
            return word
        if not any(mapped) and len(_STRETCH.sub(r"\1", word)) < _MIN_STRETCHED:
            return word  # "noooo", "wayyyy": emphasis, not a disguise
        best, best_n = word, self._pieces(word)
        for candidate in self._candidates(word, mapped):
            n = self._pieces(candidate)
            if n < best_n:
                best, best_n = candidate, n
        return best

    def _candidates(self, word: str, mapped: list[bool]) -> list[str]:
        bases = [word]
        if any(mapped):
            slots = [_LEET[c] if m else c for c, m in zip(word, mapped, strict=True)]
            ambiguous = sum(len(s) > 1 for s in slots)
            if ambiguous <= _MAX_CHOICES:
                bases = ["".join(p) for p in itertools.product(*slots)]
        out = []
        for base in bases:
            runs = list(_STRETCH.finditer(base))[:_MAX_CHOICES]
            if not runs:
                out.append(base)
                continue
            for counts in itertools.product((1, 2), repeat=len(runs)):
                parts, last = [], 0
                for run, k in zip(runs, counts, strict=True):
                    parts.append(base[last : run.start()] + run.group(1) * k)
                    last = run.end()
                out.append("".join(parts) + base[last:])
        return out


def _letter_like(word: str) -> list[bool]:
    """Which characters of ``word`` stand for letters: a digit run of one or two between
    letters ("m0ron", "1d10t"), a digit at either end only when the word has such a run
    ("1d10t", not "1am", "mh370" or "hell0"), and a symbol between a letter or digit and
    a lower-case letter ("dumb@ss", "id!ot"; not "hi!", "ok!!1" or "anyone!I")."""
    n = len(word)
    out = [False] * n
    runs = [(r.start(), r.end()) for r in re.finditer(r"[013457]+", word)]
    inner = [(a, b) for a, b in runs
             if 0 < a and b < n and b - a <= 2 and word[a - 1].isalpha() and word[b].isalpha()]
    for a, b in runs:
        at_end = (a == 0 or b == n) and b - a == 1
        if (a, b) in inner or (at_end and inner):
            out[a:b] = [True] * (b - a)
    for i in range(1, n - 1):
        c, before, after = word[i], word[i - 1], word[i + 1]
        if c in "@$!|" and before.isalnum() and (after.islower() or after.isdigit()):
            out[i] = True
    return out
