"""Which language a post is in, told offline, and whether the signals can read it.

The signals were trained on English. A post confidently detected as another language is
*not read*: it gets its language code and no scores. Text whose language cannot be told
confidently (short, only mentions, links, hashtags or emoji) is read as English.

The rule (measured in ``docs/models/languages.md``):

1. Read styled letters, small capitals, flag letters and Cyrillic, Greek or Armenian
   look-alikes in English words as the plain letters they show (``letters``), then remove
   what carries no language: URLs, ``@mentions`` (also ``@user@instance``), ``#hashtags``,
   HTML entities, digits, emoji and other symbols.
2. Mostly letters of another script than Latin (Cyrillic, Arabic, Han, Kana, Hangul, ...),
   and at least ``MIN_SCRIPT_LETTERS`` of them: certainly not English, whatever its length;
   py3langid's best guess names the language.
3. Fewer than ``MIN_LETTERS`` letters left: read as English.
4. Otherwise py3langid (its bundled model, no download) ranks 97 languages with normalised
   probabilities; the best one is taken when its probability is at least ``MIN_PROBABILITY``,
   or ``LOWER_PROBABILITY`` for one of ``LOWER_CUT`` (widely written languages that are not
   a usual guess for plain English: plan 32, since model 2026.12.22), and the text is read as
   English when it is not.

>>> language_of("Danke dir, ich hoffe es geht dir bald besser!")
'de'
>>> language_of("@anna 😍😍 https://t.co/x")
'en'
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from kindscope.signals.letters import NOT_WRITING, look_alikes, plain_letters

__all__ = [
    "FALLBACK",
    "MIN_LETTERS",
    "MIN_PROBABILITY",
    "LOWER_CUT",
    "LOWER_PROBABILITY",
    "MIN_SCRIPT_LETTERS",
    "SIGNAL_LANGUAGES",
    "Detection",
    "detect",
    "detection_text",
    "is_read",
    "language_of",
    "maybe_language",
    "languages_of",
    "read_texts",
]

#: Languages the signals were trained on and so can read.
SIGNAL_LANGUAGES: frozenset[str] = frozenset({"en"})
#: The language a text is taken to be when it cannot be told confidently.
FALLBACK = "en"
#: Letters needed (after stripping) before a detection is trusted.
MIN_LETTERS = 15
#: py3langid's normalised probability the best language needs to be trusted.
MIN_PROBABILITY = 0.8
#: Guesses trusted from ``LOWER_PROBABILITY``: py3langid gives short posts modest
#: probabilities, so "eres patética y estúpida, ojalá te mueras" (es 0.67) was read as
#: English, toxicity 0.13. None of these is a usual guess for plain English, as Nigerian
#: Pidgin, Tagalog, Javanese, Sesotho and Bikol are (training/variants/2026-12-06m).
LOWER_CUT: frozenset[str] = frozenset({"ca", "cs", "da", "de", "es", "fi", "fr", "hu", "it",
                                       "nl", "no", "pl", "pt", "ro", "sv", "tr"})
LOWER_PROBABILITY = 0.5
#: Letters of a non-Latin script that make a text certainly not English.
MIN_SCRIPT_LETTERS = 2

#: ``maybe_language``: a short text's best guess names another language with at least this
#: probability, on at least ``MAYBE_LETTERS`` letters (docs/models/languages.md).
MAYBE_PROBABILITY = 0.4
MAYBE_LETTERS = 8
#: Guesses ``maybe_language`` does not name: Nigerian Pidgin is py3langid's usual guess for
#: plain short English.
_NOT_A_HINT = frozenset({"pcm"})

_KEEP_PUNCTUATION = frozenset(".,;:!?'’-")


class _Blanker(dict):
    """``str.translate`` table, filled on demand: letters and combining marks (needed by
    scripts such as Devanagari or Thai), spaces and a little punctuation are kept; digits,
    emoji and other symbols become spaces."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        keep = (unicodedata.category(ch)[0] in "LM" or ch.isspace()
                or ch in _KEEP_PUNCTUATION)
        self[code] = ch if keep else " "
        return self[code]


_BLANKER = _Blanker()

_lock = threading.Lock()
_identifier = None
_model_loading: threading.Thread | None = None


@dataclass(frozen=True)
class Detection:
    """What the detector said about one text.

    ``lang`` is the language the text is taken to be (``FALLBACK`` when not confident),
    ``best`` the detector's top language (``"und"`` when there was nothing to read),
    ``probability`` its normalised probability, ``letters`` the letters it saw (of which
    ``latin`` in the Latin script) and ``confident`` whether ``best`` was trusted.
    """

    lang: str
    best: str
    probability: float
    letters: int
    latin: int
    confident: bool


def _get_identifier():
    global _identifier
    if _identifier is not None:
        return _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


def _load_model_in_background() -> None:
    """Start loading the signal model on a thread, once per process, so that it loads while
    the detector's model loads (mostly LZMA decompression, which leaves the interpreter
    free). ``score_texts`` waits for it (``get_model`` holds a lock while loading) and
    raises, itself, any error the thread met. The thread is not a daemon: a process that
    did not need the model waits for it before exiting rather than stopping it halfway."""
    global _model_loading
    if _model_loading is not None:
        return
    from kindscope.signals.model import get_model

    def load() -> None:
        try:
            get_model()
        except Exception:  # noqa: BLE001 - get_model() raises it again where needed
            pass

    _model_loading = threading.Thread(target=load, name="kindscope-model-load")
    _model_loading.start()


def detection_text(text: str | None) -> str:
    """The part of ``text`` that carries language: no links, mentions, tags, emoji, digits."""
    if not text:
        return ""
    text = look_alikes(plain_letters(text), dotless=False)
    return " ".join(NOT_WRITING.sub(" ", text).translate(_BLANKER).split())


def detect(text: str | None) -> Detection:
    """Detect the language of one text under the confidence rule above."""
    cleaned = detection_text(text)
    letters, latin = _letters(cleaned)
    return _detect(cleaned, letters, latin)


def _letters(cleaned: str) -> tuple[int, int]:
    """The letters of ``cleaned``, and how many of them are Latin."""
    letters = latin = 0
    for ch in cleaned:
        if ch.isalpha():
            letters += 1
            latin += _is_latin(ord(ch))
    return letters, latin


def _other_script(letters: int, latin: int) -> bool:
    """Mostly letters of a script other than Latin, enough of them to be sure."""
    return letters - latin >= max(MIN_SCRIPT_LETTERS, latin)


def _detect(cleaned: str, letters: int, latin: int) -> Detection:
    if letters == 0:
        return Detection(FALLBACK, "und", 0.0, 0, 0, False)
    best, probability = _get_identifier().classify(cleaned)
    other_script = _other_script(letters, latin)
    cut = LOWER_PROBABILITY if best in LOWER_CUT else MIN_PROBABILITY
    confident = other_script or (letters >= MIN_LETTERS and probability >= cut)
    lang = best if confident else FALLBACK
    if other_script and lang in SIGNAL_LANGUAGES:  # a guess of English for another script
        lang = "und"
    return Detection(lang, best, float(probability), letters, latin, confident)


def _is_latin(code: int) -> bool:
    """Basic Latin to Latin Extended-B, IPA and spacing modifier letters, phonetic
    extensions, Latin Extended Additional, Latin Extended-C, -D and -E, full-width Latin."""
    return (code < 0x300 or 0x1D00 <= code < 0x1DC0 or 0x1E00 <= code < 0x1F00
            or 0x2C60 <= code < 0x2C80 or 0xA720 <= code < 0xA800 or 0xAB30 <= code < 0xAB70
            or 0xFF21 <= code <= 0xFF5A)


def language_of(text: str | None) -> str:
    """The language ``text`` is taken to be: a confident detection, else ``FALLBACK``."""
    cleaned = detection_text(text)
    letters, latin = _letters(cleaned)
    if letters < MIN_LETTERS and not _other_script(letters, latin):
        return FALLBACK  # never confident, whatever the detector says: no need to load it
    return _detect(cleaned, letters, latin).lang


def maybe_language(text: str | None) -> str | None:
    """Another language ``text`` may be in, when it is read as English only because it is
    too short (or the guess too weak) to be sure: for saying so beside a reading of one text
    (``kindscope check``), never for deciding what is read. None when there is no such hint.

    >>> maybe_language("Te quiero mucho"), maybe_language("hang in there")
    ('es', None)
    """
    found = detect(text)
    if (found.confident or found.best in SIGNAL_LANGUAGES or found.best in _NOT_A_HINT
            or found.letters < MAYBE_LETTERS or found.probability < MAYBE_PROBABILITY):
        return None
    return found.best


def languages_of(texts: Sequence[str | None]) -> list[str]:
    """``language_of`` for each text, in order (each distinct text detected once)."""
    seen: dict[str | None, str] = {}
    out = []
    for text in texts:
        lang = seen.get(text)
        if lang is None:
            lang = seen[text] = language_of(text)
        out.append(lang)
    return out


def is_read(lang: str) -> bool:
    """Whether the signals read text in ``lang``."""
    return lang in SIGNAL_LANGUAGES


def read_texts(
    texts: Sequence[str | None],
    contexts: Sequence[str | None] | None = None,
    signals: Sequence[str] | None = None,
    batch_size: int = 64,
    replies: Sequence[bool] | None = None,
) -> pa.Table:
    """Detect each text's language and score the ones the signals can read.

    Returns one row per text in input order: a ``lang`` string column, then one float64
    column per signal (``SIGNALS`` order, or the named subset) that is null where the text
    is in a language the signals do not read. Arguments as for ``score_texts``.
    """
    from kindscope.signals import _check_signals, score_texts

    names = _check_signals(signals)
    if contexts is not None and len(contexts) != len(texts):
        raise ValueError(f"contexts has {len(contexts)} items, texts has {len(texts)}")
    _load_model_in_background()
    langs = languages_of(texts)
    readable = np.array([is_read(lang) for lang in langs], dtype=bool)
    where = np.flatnonzero(readable)
    part_texts = [texts[i] for i in where]
    part_ctx = [contexts[i] for i in where] if contexts is not None else None
    part_replies = [replies[i] for i in where] if replies is not None else None
    scores = score_texts(part_texts, part_ctx, names, batch_size, part_replies) \
        if len(where) else None
    columns: dict[str, pa.Array] = {"lang": _string_array(langs)}
    for name in names:
        values = np.zeros(len(langs))
        if scores is not None:
            values[where] = np.from_dlpack(scores[name].combine_chunks())  # no nulls
        columns[name] = _float_array(values, readable)
    return pa.table(columns)


# pyarrow's pa.array and to_numpy import pandas when it is installed (~0.3 s of a
# `kindscope score --text`), for types scoring never has; these build the same arrays from
# their buffers.
def _string_array(values: list[str]) -> pa.Array:
    """``pa.array(values, type=pa.string())``."""
    encoded = [value.encode("utf-8") for value in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(value) for value in encoded], dtype=np.int32, out=offsets[1:])
    buffers = [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    return pa.Array.from_buffers(pa.string(), len(values), buffers)


def _float_array(values: np.ndarray, valid: np.ndarray) -> pa.Array:
    """``pa.array(values, type=pa.float64(), mask=~valid)``."""
    nulls = len(valid) - int(np.count_nonzero(valid))
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little")) if nulls else None
    data = pa.py_buffer(np.ascontiguousarray(values, dtype=np.float64))
    return pa.Array.from_buffers(pa.float64(), len(values), [bitmap, data], null_count=nulls)
