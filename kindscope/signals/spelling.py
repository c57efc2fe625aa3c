"""Undo common disguised spellings before a text is read (issue 11).

People write insults, slurs and self-harm words so that filters miss them: letters spaced
out ("m o r o n", "i.d.i.o.t"), digits or symbols for letters ("m0ron", "1d10t",
"dumb@ss", "id!ot") and stretched letters ("moooron"). ``Respeller.fix(text)`` rewrites
such a word to the plain spelling, but only when the plain spelling is a better-known word
to the encoder: it splits into fewer WordPiece pieces than the disguised one (so "covid19",
"mp3", "1st" and "@user" stay as written). The rewritten text is what the encoder, the
heads, the crisis phrase layer and the guards read; the post itself is kept as written.

Letters written with other characters (styled Unicode, small capitals, superscripts, flag
letters, upside-down text; Cyrillic, Greek or Armenian look-alikes and the dotless "ı") are
read as the plain letters first (``letters.plain_letters`` and ``letters.look_alikes``;
styled letters since model 2026.12.11, the rest since 2026.12.12). Zero-width characters
are read as spaces between words and taken out inside one (``Respeller._zero_width``). An
emoji glued to a word is set apart from it ("die😭" was one token the encoder did not know);
emoji set between every word ("i 😭 want 😭 to 😭 die", "you👏are👏a") move after the words,
underscores joining three words or more ("i_want_to_die") read as spaces, and letters spaced
out with wider gaps between words ("i   a m   n o t") as the words (since 2026.12.12: at
model 2026.12.11, commit 65538ab, ``kindscope score --text`` read the first as crisis 0.06).
Since 2026.12.13: emoji between the letters of a word ("d😭i😭e") and run-together tags
that hold a word of harm and a person ("#iwanttodie") (``glued``), turned letters written
forwards (``turned``), short words spaced out ("k y s", ``_SHORT_SPACED``), an emoticon after
underscored words ("i_want_to_die:(") and "ctb" as the author's own plan ("i want to ctb").
Other characters are left as they are.

Left alone on purpose: links, e-mail addresses, @handles and #tags; words of three
characters or fewer ("l8r", "b4", "f4f"); codes in capitals ("B1G1", "H1N1", "MH370");
runs of one letter ("I I I I", "k k k k"); "!" right after a word ("yes!i", "no!no!");
words over 30 characters.

Masked and dropped letters ("st*pid", "f**king", "idot", "sucide") cannot be judged by
the vocabulary ("r*tard" splits into fewer pieces as "ratard" than as "retard"), so they
are undone only towards ``LEXICON``, the insults, slurs, swearing and self-harm words
people disguise: a word whose ``*`` stand for exactly as many letters of one lexicon word,
or a word of four letters or more that is one lexicon word with one inner letter dropped
and is not itself a word the vocabulary knows whole ("idot"; not "itch", "moon", "wore").
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from kindscope.signals.glued import emoji_inside, split_tag
from kindscope.signals.letters import look_alikes, plain_letters

__all__ = ["Respeller"]

#: Words coined to talk about suicide and self-harm past platforms' filters ("algospeak"),
#: and the plain words the model and the phrase layer know (since model 2026.12.12: at
#: 2026.12.11, 65538ab, ``kindscope score --text`` read "gonna kms tonight" as crisis 0.15,
#: "thinking about sewer slide again" 0.13).
_CODED_WORDS = {
    "unalive": "kill", "unalives": "kills", "unalived": "killed", "unaliving": "killing",
    "sewerslide": "suicide", "sewerslidal": "suicidal",
    "kms": "kill myself", "ctb": "kill myself", "kys": "kill myself",
}
_CODED = re.compile(r"(?<![\w@#'’])(?:unaliv(?:e|es|ed|ing)|sewer[ -]?slid(?:e|al)|kms|ctb|kys)"
                    r"(?![\w'’])", re.IGNORECASE)
#: "kms" is read as "kill myself" only at the start of a text or a sentence, or after a word
#: that leads to a verb ("want to kms", "gonna kms", "srsly kms"); elsewhere it is kilometres
#: ("5 kms", "low for kms on a used car"). ("kys", kill yourself, is aimed at someone else
#: and stays as written, for ``wishes`` to read; only after the author's own plan, "ima kys",
#: "i'm gonna kys", is it "kill myself", since model 2026.12.13.)
_KMS_AFTER = re.compile(
    r"(?:\A|[.!?]|\b(?:to|gonna|wanna|gotta|finna|tryna|i|ill|i'll|i’ll|im|i'm|i’m|will|just|"
    r"might|may|could|should|literally|srsly|seriously|really|lowkey|honestly|pls|please))"
    r"\s*\Z", re.IGNORECASE)
#: The author's own plan right before a word ("i want to", "im gonna", "i'm ready to",
#: "ima"): where "ctb" ("catch the bus") and "kys" are read as "kill myself".
_OWN_PLAN = re.compile(
    r"\b(?:i|i'm|i’m|im|i'll|i’ll|ill|i am)\s+(?:[a-z']+\s+){0,2}?(?:(?:want|wanna|gonna|"
    r"going|need|plan|planning|ready|tryna|finna|decided|will|gotta)(?:\s+to)?|about\s+to)\s*\Z"
    r"|\b(?:ima|imma|i'ma|i’ma)\s*\Z",
    re.IGNORECASE)
#: Zero-width spaces, word joiners and zero-width no-break spaces (and zero-width joiners and
#: non-joiners between Latin letters): between words they part them
#: ("i\u200bwant\u200bto\u200bdie"), inside a word they hide it from a filter.
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]+|(?<=[A-Za-z])[\u200c\u200d]+(?=[A-Za-z])")
_FORMAT = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
#: Emoji (and their joiners and variation selectors) glued to a word: "die😭" is one token the
#: encoder does not know, so the word is lost; a space is put between them.
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d"
_ANY_EMOJI = re.compile(f"[{_EMOJI}]")
_GLUED = re.compile(f"(?<=\\w)(?=[{_EMOJI}])|(?<=[{_EMOJI}])(?=\\w)")
#: Three words or more (with their punctuation), each set apart by emoji ("i 😭 want 😭 to
#: 😭 die", "you👏are👏a", "die. 💀 i"): the emoji between them are moved after the words,
#: so that the words are read together.
_ONE_WORD = f"[^\\s{_EMOJI}]+"
_BETWEEN = re.compile(f"(?<=[^\\s{_EMOJI}])[^\\S\\n]*[{_EMOJI}]+[^\\S\\n]*(?=[^\\s{_EMOJI}])")
_EMOJI_SPACED = re.compile(
    f"(?<![^\\s{_EMOJI}]){_ONE_WORD}(?:[^\\S\\n]*[{_EMOJI}]+[^\\S\\n]*{_ONE_WORD}){{2,}}")
#: Three words or more joined by underscores ("i_want_to_die", "die._i_can't"): a chunk
#: between spaces with two underscores or more, each between two characters, three of its
#: parts with a letter; not in handles, tags, paths, file names or code
#: ("kill_stale_jobs()", "obj.set_up_now", "make_it_work.py", "snake_case_v2") unless the
#: chunk is a sentence (``_SENTENCE_PARTS`` parts or more: a whole post joined up).
_UNDERSCORED = re.compile(r"(?<!\S)[^\s_]+(?:_[^\s_]+){2,}(?!\S)")
_SENTENCE_PARTS = 6
#: Punctuation or an emoticon after underscored words ("i_want_to_die:(", "pathetic!!").
_TRAIL = re.compile(r"(?:[.!?,;…]+|:'?[()/|\\]|;[()])+$")
#: Three-letter words people space out, too short for ``_SPACED`` ("k y s", "d.i.e").
_SHORT_SPACED = re.compile(
    r"(?<![\w@#'’*])(?:k([ .])y\1s|k([ .])m\2s|d([ .])i\3e)(?![\w@'’*])")
#: A single letter (or digit) spaced out next to a match: the match is part of a longer
#: spelled-out word or a list of letters ("b o d i e s", "a b k y s"), not a word alone.
_LONE_BEFORE = re.compile(r"(?:^|\s)\w[ .]\Z")
_LONE_AFTER = re.compile(r"\A[ .]\w(?:\s|$)")
_URL = re.compile(r"://|www\.", re.IGNORECASE)
_CODE = re.compile(r"[@#/\\(\[{=<>]|\.[^\W_]|[^\W\d_]\d|\d[^\W\d_]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
#: Letters spaced out, with wider gaps between the words ("i   a m   n o t   o k").
_WIDE_SPACED = re.compile(r"(?<!\S)(?<![a-z] )[a-z](?: [a-z])*+(?: {2,}[a-z](?: [a-z])*+)++(?!\S)",
                          re.IGNORECASE)


#: Characters written for letters, and the letters they may stand for.
_LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
         "!": "i"}
#: At most this many ambiguous characters ("1") or stretched runs are tried per word.
_MAX_CHOICES = 3
#: A stretched word is rewritten only to a word this long or longer: "moooron" becomes
#: "moron", but "noooo", "sooo" and "hmmm" keep their emphasis.
_MIN_STRETCHED = 4
#: Words longer than this are left as written (and cost nothing).
_MAX_WORD = 30
_FLAGS = re.IGNORECASE | re.ASCII

# Four or more single letters joined by one repeated separator: "m o r o n", "i.d.i.o.t"
# (not "u r a" or "w t f").
_SPACED = re.compile(r"(?<![\w@#'’*])([a-z])([ .\-_*])[a-z](?:\2[a-z]){2,}(?![\w@'’*])", _FLAGS)
# Only words with a letter next to a digit or symbol, or a letter three times in a row, are
# looked at (the lookahead stays inside the word).
_WORD = re.compile(
    r"(?<![\w@#$!])(?=[a-z0-9@$!]*?(?:[a-z][013457@$!]|[013457@$!][a-z]|([a-z])\1\1))"
    r"[a-z0-9@$!]+",
    _FLAGS,
)
_STRETCH = re.compile(r"([a-z])\1{2,}", _FLAGS)
_CHEAP = re.compile(r"[a-z][013457@$!]|[013457@$!][a-z]|([a-z])\1\1|[a-z][ .\-_*][a-z][ .\-_*]",
                    _FLAGS)
# Left alone: whole chunks (between spaces) that hold a link, a path or an e-mail address,
# and @handles or #tags inside a chunk.
_CHUNK = re.compile(r"\S+")
_LINK = re.compile(r"/|www\.|@[\w-]+\.\w", _FLAGS)
_HANDLE = re.compile(r"(?<!\w)[@#]\w+", _FLAGS)
#: A tag of letters only ("#iwanttodie"), which ``glued.split_tag`` may read as words.
_TAG = re.compile(r"(?<![\w#])#([A-Za-z]{4,30})(?![\w#])")

#: Words people disguise to get past filters (insults, slurs, swearing, self-harm); masked
#: or dropped letters are restored only towards these.
LEXICON = frozenset("""
asshole assholes bastard bastards bitch bitches bitching cripple cripples cunt cunts damn
dick dicks dickhead dumb dumbass fag fags faggot faggots fuck fucked fucker fuckers
fucking idiot idiots idiotic imbecile kill killing killed kys loser losers moron morons
moronic nigga niggas nigger niggers piss pissed retard retarded retards shit shits
shitty slut sluts spastic stupid suicide suicidal twat twats whore whores wanker wankers
""".split())
# A word with "*" between or after letters, two letters or more shown ("st*pid", "f**k").
_MASKED = re.compile(r"(?<![\w*])(?=(?:[a-z]\**){2,})[a-z]+\*+[a-z*]*(?![\w*])", _FLAGS)
_PLAIN = re.compile(r"(?<![\w@#*'’])[a-z]{4,}(?![\w*'’])", _FLAGS)


#: Words and names one inner letter short of a lexicon word, left as written.
_NOT_DROPPED = frozenset(
    "bith diks idios moros morn morns niga nigas tats twas waker wakers".split())


def _dropped_index() -> dict[str, str]:
    """Each lexicon word with one inner letter dropped -> the word ("idot" -> "idiot";
    not the first or last letter, so "itch" and "ripple" stay), where unambiguous."""
    out: dict[str, set[str]] = {}
    for word in LEXICON:
        for i in range(1, len(word) - 1):
            out.setdefault(word[:i] + word[i + 1 :], set()).add(word)
    return {k: next(iter(v)) for k, v in out.items()
            if len(v) == 1 and len(k) >= 4 and k not in LEXICON and k not in _NOT_DROPPED}


_DROPPED = _dropped_index()


class Respeller:
    """Rewrite disguised spellings with the tokenizer's own vocabulary as the judge."""

    def __init__(self, tokenizer):
        @lru_cache(maxsize=65536)
        def pieces(word: str) -> int:
            return sum(tokenizer.encode(word, add_special_tokens=False).attention_mask)

        unk = tokenizer.token_to_id("[UNK]")

        @lru_cache(maxsize=65536)
        def unknown(word: str) -> int:
            """len(word) when the tokenizer reads an unknown token in it, else 0."""
            return len(word) if unk in tokenizer.encode(word, add_special_tokens=False).ids else 0

        self._pieces = pieces
        self._unknown = unknown
        vocab = tokenizer.get_vocab()
        self._whole = lambda word: word.lower() in vocab
        self._rank = vocab.get

    def fix(self, text: str) -> str:
        """``text`` with disguised words written plainly (unchanged when there are none)."""
        if not text:
            return text
        if _ZERO_WIDTH.search(text):
            text = _CHUNK.sub(self._zero_width, text)
        text = look_alikes(plain_letters(text, self._words_known))
        if _ANY_EMOJI.search(text):
            text = _GLUED.sub(" ", emoji_inside(text, self._whole, LEXICON))
            text = _EMOJI_SPACED.sub(_emoji_to_end, text)
        if "#" in text:
            text = _TAG.sub(self._tag, text)
        if "_" in text:
            text = _unscore(text)
        if "  " in text:
            text = _WIDE_SPACED.sub(_close_up, text)
        if _CODED.search(text):
            text = _outside_kept(text, _uncode)
        if "*" in text or any(w.lower() in _DROPPED for w in _PLAIN.findall(text)):
            text = _outside_kept(text, self._lexicon_span)
        if not _CHEAP.search(text):
            return text
        return _outside_kept(text, self._fix_span)

    def _zero_width(self, m: re.Match) -> str:
        """Zero-width characters in a chunk, one by one: the two sides are joined when
        together they make one word the encoder knows whole, or a word of ``LEXICON``
        ("k\u200bill", "su\u200bicide", "mo\u2060r\u200con"); else the character reads as
        a space when the encoder knows the sides apart at least as well as together
        ("i\u200bwant\u200bto\u200bdie", "kms\u200bnow")."""
        chunk = m.group()
        parts = [p for p in _ZERO_WIDTH.split(chunk) if p]
        if len(parts) < 2 or "://" in chunk:
            return chunk
        if all(len(p) == 1 for p in parts):  # one letter at a time: "k\u200bi\u200bl\u200bl"
            return "".join(parts)
        words = [parts[0]]
        for part in parts[1:]:
            left, joined = words[-1], _FORMAT.sub("", words[-1] + part)
            whole = self._known(joined) == 1 or joined.lower() in LEXICON
            if not whole and self._known(left) + self._known(part) <= self._known(joined):
                words.append(part)
            else:
                words[-1] = left + part
        return " ".join(words)

    def _tag(self, m: re.Match) -> str:
        """A run-together tag read as its words, when ``glued.split_tag`` reads it."""
        words = split_tag(m.group(1), self._rank)
        return m.group() if words is None else words

    def _words_known(self, text: str) -> int:
        """The encoder's pieces for the words of ``text``: which way up a run of turned
        letters reads better (``turned.read_turned``)."""
        return sum(self._known(w) for w in re.findall(r"[^\W\d_]+", text))

    def _known(self, word: str) -> int:
        """The encoder's pieces for ``word`` (format characters taken out), counting a word
        it does not know at all, or a long one, as one piece per character."""
        word = _FORMAT.sub("", word)
        if len(word) > _MAX_WORD:
            return len(word)
        return self._unknown(word) or self._pieces(word)

    def _lexicon_span(self, span: str) -> str:
        """Masked and dropped letters, undone towards ``LEXICON``."""
        span = _MASKED.sub(_unmask, span)
        return _PLAIN.sub(self._undrop, span)

    def _undrop(self, m: re.Match) -> str:
        word = m.group()
        plain = _DROPPED.get(word.lower())
        if plain is None or self._pieces(word) < 2:
            return word  # not one letter short of a lexicon word, or a word of its own
        return plain

    def _fix_span(self, span: str) -> str:
        span = _SHORT_SPACED.sub(lambda m: _short_spaced(span, m), span)
        span = _SPACED.sub(self._spaced, span)
        return _WORD.sub(self._word, span)

    def _spaced(self, m: re.Match) -> str:
        run = m.group()
        letters = run.replace(m.group(2), "")
        # (pieces, words kept apart (fewer first), text): a single "a"/"I" at either end
        # may be a word of its own ("a w a s t e", "s o r r y I").
        options = [(self._pieces(run), 0, run)]
        for head, core, tail in _splits(letters):
            if self._is_word(core):
                text = " ".join(x for x in (head, core, tail) if x)
                options.append((self._pieces(text), -len(text.split()), text))
        return min(options)[2]

    def _is_word(self, core: str) -> bool:
        """A joined run counts as a word when it has four letters or more, not all the same,
        and fewer than half as many pieces as letters ("moron" 2 of 5; not "yrua")."""
        return (len(core) >= 4 and len(set(core.lower())) > 1
                and 2 * self._pieces(core) < len(core))

    def _word(self, m: re.Match) -> str:
        word = m.group()
        if not 3 < len(word) <= _MAX_WORD or sum(c.isalpha() for c in word) < 2:
            return word
        if any(c.isdigit() for c in word) and not any(c.islower() for c in word):
            return word  # a code in capitals: "B1G1", "H1N1"
        mapped = _letter_like(word)
        if not any(mapped):
            if not _STRETCH.search(word) or len(_STRETCH.sub(r"\1", word)) < _MIN_STRETCHED:
                return word  # "noooo", "wayyyy": emphasis, not a disguise
        best, best_n = word, self._pieces(word)
        for candidate in self._candidates(word, mapped):
            n = self._pieces(candidate)
            if n < best_n:
                best, best_n = candidate, n
        return best

    def _candidates(self, word: str, mapped: list[bool]) -> list[str]:
        """Plain spellings to try; the fewest pieces win, and on a tie the first, so a
        stretched letter is tried once before twice ("moooron" -> "moron", not "mooron";
        "shoooot" -> "shot")."""
        bases = [word]
        if any(mapped):
            slots = [_LEET[c] if m else c for c, m in zip(word, mapped, strict=True)]
            if sum(len(s) > 1 for s in slots) <= _MAX_CHOICES:
                bases = ["".join(p) for p in itertools.product(*slots)]
        out = []
        for base in bases:
            runs = list(_STRETCH.finditer(base))[:_MAX_CHOICES]
            for counts in itertools.product((1, 2), repeat=len(runs)):
                parts, last = [], 0
                for run, k in zip(runs, counts, strict=True):
                    parts.append(base[last : run.start()] + run.group(1) * k)
                    last = run.end()
                out.append("".join(parts) + base[last:])
        return out


def _short_spaced(span: str, m: re.Match) -> str:
    """"k y s", "d i e" joined, in lower case and not next to another spaced letter."""
    word = m.group()
    if word != word.lower() or _LONE_BEFORE.search(span[max(0, m.start() - 3) : m.start()]) \
            or _LONE_AFTER.match(span[m.end() : m.end() + 3]):
        return word
    return re.sub(r"[ .]", "", word)


def _emoji_to_end(m: re.Match) -> str:
    """Words set apart by emoji read together, the emoji kept after them ("i 😭 want 😭 to
    😭 die" -> "i want to die 😭😭😭"): what they say still counts for the rules that read
    emoji (a milestone beside 😭 is not plain good news)."""
    moved = "".join(x.strip() for x in _BETWEEN.findall(m.group()))
    return f"{_BETWEEN.sub(' ', m.group())} {moved}"


def _close_up(m: re.Match) -> str:
    """Spaced-out letters written as words, when there are four letters or more and one of
    the words has two or more ("i   a m   n o t" -> "i am not"; not "a  b")."""
    words = [w.replace(" ", "") for w in re.split(r" {2,}", m.group())]
    if sum(map(len, words)) < 4 or max(map(len, words)) < 2:
        return m.group()
    return " ".join(words)


def _uncode(span: str) -> str:
    """Words coined to get past platforms' filters, in plain words ("unalive myself")."""

    def plain(m: re.Match) -> str:
        word = m.group().lower()
        before = span[max(0, m.start() - 40) : m.start()]  # a window: many matches stay cheap
        if word == "kms" and not _KMS_AFTER.search(before):
            return m.group()  # "5 kms", "low for kms on a used car": kilometres
        if word == "kys":
            # "kys" said to someone stays as written (``wishes`` reads it); said of the
            # author's own plan ("ima kys", "i'm gonna kys") it is "kill myself"
            return "kill myself" if _OWN_PLAN.search(before) else m.group()
        if word == "ctb":
            # "catch the bus" (to die), in lower case and only as the author's own plan ("i
            # want to ctb", "im gonna ctb"): "ctb" is also osu!'s Catch the Beat and a plot
            # style file ("switched to ctb", "i like to ctb", "convert stb to ctb")
            return "kill myself" if m.group() == "ctb" and _OWN_PLAN.search(before) \
                else m.group()
        return _CODED_WORDS[re.sub(r"[ -]", "", word)]

    return _CODED.sub(plain, span)


def _unscore(text: str) -> str:
    """Underscores between three words or more read as spaces; kept in links, in chunks
    that start as a handle or a tag, and in short chunks that look like code or a path."""

    def words(m: re.Match) -> str:
        whole = m.group()
        # brackets around it and punctuation or an emoticon after it are not code
        # ("(kill_me_now)", "i_want_to_die:("), but "()" is ("kill_stale_jobs()")
        wrapped = whole.startswith("(") and whole.endswith(")") and not whole.endswith("()")
        chunk = whole[1:-1] if wrapped else whole
        tail = _TRAIL.search(chunk)
        tail = tail.group() if tail and not chunk.endswith("()") else ""
        chunk = chunk[: len(chunk) - len(tail)]
        parts = chunk.split("_")
        if not chunk or chunk[0] in "@#" or _URL.search(chunk) or sum(
                bool(_HAS_LETTER.search(p)) for p in parts) < 3 or (
                len(parts) < _SENTENCE_PARTS and _CODE.search(chunk)):
            return whole
        said = " ".join(parts) + tail
        return f"({said})" if wrapped else said

    return _UNDERSCORED.sub(words, text)


def _unmask(m: re.Match) -> str:
    """The one lexicon word whose letters fill the stars, else the word as written."""
    word = m.group()
    if len(word) > _MAX_WORD:
        return word
    pattern = re.compile(re.escape(word.lower()).replace(r"\*", "[a-z]") + r"\Z")
    hits = {w for w in LEXICON if len(w) == len(word) and pattern.match(w)}
    return hits.pop() if len(hits) == 1 else word


def _outside_kept(text: str, fix) -> str:
    """``text`` with ``fix`` applied to every part outside links, addresses and handles."""
    out, last = [], 0
    for start, end in _kept_spans(text):
        out.append(fix(text[last:start]))
        out.append(text[start:end])
        last = end
    out.append(fix(text[last:]))
    return "".join(out)


def _kept_spans(text: str) -> list[tuple[int, int]]:
    """Spans left as written, in order: chunks with a link or address, @handles, #tags."""
    if not _LINK.search(text):
        return [h.span() for h in _HANDLE.finditer(text)]
    spans = []
    for chunk in _CHUNK.finditer(text):
        if _LINK.search(chunk.group()):
            spans.append(chunk.span())
        else:
            spans.extend(h.span() for h in _HANDLE.finditer(text, chunk.start(), chunk.end()))
    return spans


def _splits(letters: str) -> list[tuple[str, str, str]]:
    """The run joined whole, and with a single "a"/"I" at either end kept apart."""
    out = [("", letters, "")]
    alone = "aAiI"
    if letters[0] in alone:
        out.append((letters[0], letters[1:], ""))
    if letters[-1] in alone:
        out.append(("", letters[:-1], letters[-1]))
    if letters[0] in alone and letters[-1] in alone:
        out.append((letters[0], letters[1:-1], letters[-1]))
    return out


def _letter_like(word: str) -> list[bool]:
    """Which characters of ``word`` stand for letters: a digit run of one or two between
    letters ("m0ron", "1d10t"), a digit at either end only when the word has such a run
    ("1d10t", not "1am", "mh370" or "hell0"); "@" and "$" between a letter or digit and a
    lower-case letter ("dumb@ss", "ca$h"; not "us$5"); "!" once in a word, after a letter
    and before two lower-case letters ("id!ot", "b!tch"; not "hi!", "yes!i", "no!no!")."""
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
        if c in "@$" and before.isalnum() and after.islower():
            out[i] = True
    if word.count("!") == 1:
        i = word.index("!")
        after = word[i + 1 : i + 3]
        if 0 < i and word[i - 1].isalpha() and len(after) == 2 and after.isalpha() \
                and after.islower():
            out[i] = True
    return out
