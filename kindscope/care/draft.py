"""A pause before you post: read a draft (and the post it answers) before it goes out.

:func:`check_draft` reads a draft with the text signals and returns a :class:`DraftCheck`:
whether it may read as harsh (and the words that make it so), whether it reads as the
writer's own distress or crisis (then with gentle help lines), and whether the post it
answers reads as painful (then "this may be a moment of vulnerability").

What it never does: store the draft (no database is opened, no file is written), block or
change anything, or send anything anywhere. Everything runs on this computer.

The decisions are the shipped signals at their shipped thresholds
(:data:`kindscope.signals.THRESHOLDS`):

- ``harsh``: ``toxicity`` or ``hate`` at or above its threshold. ``offensive`` is left out
  of the decision: its model card says it marks any offensive language, swearing included,
  and it fires on plain words of pain ("I feel rubbish"); ``toxicity`` is the signal that
  means harm.
- ``own_distress``: the draft's ``distress``; ``crisis``: the draft's ``crisis``.
- ``context_vulnerable``: the replied-to post's ``distress`` or ``crisis`` (None when no
  context is given).
- ``comforting``: the draft's ``support``, read with the post it answers, when that post
  reads as painful (else None: no context, a context in a language the signals do not read,
  or one that needs no comfort). A reply that does not read as comforting ("just
  get over it") is named so. A reply to a painful post whose words read as painful too
  (short replies like "I'm sorry, that sucks" often do) is told that this may be the
  writer's pain or the pain answered, with the help lines, and not told to post later;
  a crisis reading is said as without context.

**How the words are found: occlusion.** The draft is scored again with each of its words
removed in turn (a word is a run of non-space characters). A word's weight is how much its
removal lowers the draft's harshness: the larger of the ``toxicity`` and ``hate`` log-odds
(log-odds, because probabilities near 1 hide differences). The words named are those, up to
:data:`MAX_WORDS`, in order of weight, whose weight is at least :data:`WEIGHT_SHARE` of the
heaviest word's; ``harsh_words_enough`` says whether the draft, scored once more without all
of them, stops reading as harsh (when it does not, the harshness is spread over the draft).
Only the first :data:`MAX_TOKENS` words are tried (the encoder reads only the start of a
long text). This explains the model, not the draft: the model has known failure modes
(docs/models/*.md) and can name a word that is harmless in context.

Text in a language the signals do not read gets no verdict: the booleans are None, a
reason says so and names the language, and the help lines are shown all the same (the
check cannot tell whether such a draft speaks of pain, so it does not stay silent).
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass, field

from kindscope.care.queue import reader_help
from kindscope.care.signposting import help_block
from kindscope.errors import InputError
from kindscope.signals.language import maybe_language
from kindscope.signals.language_names import language_name
from kindscope.signals.reliability import HATE_ON_DENIALS
from kindscope.signals.wishes import aimed_wish

__all__ = ["CAVEAT", "HARSH_SIGNALS", "MAX_TOKENS", "MAX_WORDS", "DraftCheck", "check_draft",
           "harsh_words", "render_text", "WEIGHT_SHARE"]

#: The signals whose decision makes a draft read as harsh.
HARSH_SIGNALS: tuple[str, ...] = ("toxicity", "hate")
#: Most words named as making a draft read as harsh.
MAX_WORDS = 3
#: A word is named when its removal lowers harshness by at least this share of the most any
#: one word's removal does.
WEIGHT_SHARE = 0.5
#: Words of a draft tried by occlusion (the encoder reads about 128 word pieces).
MAX_TOKENS = 120
#: Said when a draft reads as hateful but not toxic (``reliability.HATE_ON_DENIALS``).
HATE_ONLY_REASON = (f"It reads as hateful to the model, not as rude, and {HATE_ON_DENIALS} "
                    "too: if that is what yours does, people will likely read it as you "
                    "mean it.")

#: Said when the answered post reads as painful and the draft, read with it, not as support.
NOT_COMFORTING = ("Read with that post, your draft does not read as comforting to kindscope. "
                  "If you mean it kindly, you could say so in plain words.")

CAVEAT = ("kindscope reads text with a statistical model, and it can be wrong in both "
          "directions: it can miss what hurts and flag words that mean something else "
          "(\"I felt like such an idiot\" may read as harsh, \"dying of laughter\" as "
          "distress). Trust your own reading. This draft was not stored or sent anywhere, "
          "and nothing is stopped: what you post is up to you.")

#: Said of a draft that tells someone to die or to hurt themselves (``wishes.aimed_wish``).
WISH_REASON = ("This draft uses words that tell someone to die or to hurt themselves, or "
               "that no one would miss them. Even quoted, or meant kindly, words like these "
               "can do real harm, most of all to someone who is struggling.")
#: Said first when such a draft also reads as its writer's own pain: the words may be what
#: their own mind says to them (a care review, stop 43).
OWN_WORDS = ("If these are words your own mind says to you, you are not to blame for them, "
             "and the help below is for you.")
#: Said after "no verdict" on a draft in a language the signals do not read.
UNREAD_HELP = ("In case it speaks of something painful: the help below is there all the "
               "same, and findahelpline.com lists services by country and language.")

_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


@dataclass(frozen=True)
class DraftCheck:
    """What the check found. The booleans are None when there was nothing to decide on
    (a language the signals do not read; no context given)."""

    lang: str
    read: bool
    harsh: bool | None
    own_distress: bool | None
    crisis: bool | None
    context_vulnerable: bool | None
    comforting: bool | None = None
    harsh_words: tuple[str, ...] = ()
    harsh_words_enough: bool | None = None
    context_lang: str | None = None
    maybe_lang: str | None = None
    #: how to answer a post that reads as someone in crisis, and help lines to point them
    #: to (``queue.reader_help``): for the one answering, not about the draft
    help_for_them: dict | None = None
    reasons: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    signposting: dict | None = None
    scores: dict = field(default_factory=dict)
    caveat: str = CAVEAT

    def to_json(self) -> dict:
        """One JSON-ready object; ``signposting`` only when the draft reads as the writer's
        own distress or crisis, or could not be read (a language the signals do not read)."""
        out = {"harsh": self.harsh, "own_distress": self.own_distress, "crisis": self.crisis,
               "context_vulnerable": self.context_vulnerable, "comforting": self.comforting,
               "reasons": list(self.reasons),
               "suggestions": list(self.suggestions), "harsh_words": list(self.harsh_words),
               "harsh_words_enough": self.harsh_words_enough, "lang": self.lang,
               "read": self.read, "context_lang": self.context_lang,
               "maybe_lang": self.maybe_lang}
        if self.signposting is not None:
            out["signposting"] = self.signposting
        if self.help_for_them is not None:
            out["help_for_them"] = self.help_for_them
        out["scores"] = self.scores
        out["thresholds"] = _thresholds()
        out["caveat"] = self.caveat
        out["stored"] = False
        return out


def _thresholds() -> dict[str, float]:
    from kindscope.signals import THRESHOLDS

    return dict(THRESHOLDS)


def _at(scores: dict, signal: str) -> bool:
    return scores[signal] >= _thresholds()[signal]


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _harshness(rows: dict[str, list[float]], i: int) -> float:
    """How far row ``i`` is past the harsh decision, in log-odds (>= 0: harsh)."""
    thresholds = _thresholds()
    return max(_logit(rows[s][i]) - _logit(thresholds[s]) for s in HARSH_SIGNALS)


def _word(token: str) -> str:
    return _EDGE.sub("", token) or token


def harsh_words(text: str, context: str | None = None) -> tuple[tuple[str, ...], bool]:
    """The words that weigh most in the draft reading as harsh, found by occlusion (see the
    module's docstring), and whether the draft stops reading as harsh without them."""
    from kindscope.signals import score_texts

    spans = [m.span() for m in _TOKEN.finditer(text)][:MAX_TOKENS]

    def without(drop: set[int]) -> str:
        out, last = [], 0
        for i, (start, end) in enumerate(spans):
            if i in drop:
                out.append(text[last:start])
                last = end
        out.append(text[last:])
        return " ".join("".join(out).split())

    variants = [text] + [without({i}) for i in range(len(spans))]
    contexts = [context] * len(variants) if context is not None else None
    table = score_texts(variants, contexts, HARSH_SIGNALS)
    rows = {s: table[s].to_pylist() for s in HARSH_SIGNALS}
    full = _harshness(rows, 0)
    drops = [full - _harshness(rows, i + 1) for i in range(len(spans))]
    top = max(drops, default=0.0)
    if top <= 0:
        return (), False
    ranked = sorted(range(len(spans)), key=lambda i: -drops[i])
    named = [i for i in ranked if drops[i] >= WEIGHT_SHARE * top][:MAX_WORDS]
    check = score_texts([without(set(named))], [context] if context is not None else None,
                        HARSH_SIGNALS)
    enough = _harshness({s: check[s].to_pylist() for s in HARSH_SIGNALS}, 0) < 0
    words = tuple(dict.fromkeys(_word(text[slice(*spans[i])]) for i in named))
    return words, enough


def _read(text: str, context: str | None) -> tuple[str, dict | None]:
    from kindscope.signals import SIGNALS
    from kindscope.signals.language import read_texts

    table = read_texts([text], None if context is None else [context], SIGNALS)
    lang = table["lang"][0].as_py()
    scores = {s: table[s][0].as_py() for s in SIGNALS}
    if any(v is None for v in scores.values()):
        return lang, None
    return lang, scores


def _clean(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    if not value.strip():
        raise InputError(f"the {what} is empty: give the text to check")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"the {what} is not UTF-8 text (character {exc.start})") from exc
    return value


def check_draft(text: str, context: str | None = None,
                country: str | None = None) -> DraftCheck:
    """Read a draft before it is posted; ``context`` is the post it replies to, if any.

    ``country`` picks the help lines (default the ``country`` setting). Raises
    ``InputError`` for an empty draft or context. Stores, blocks and sends nothing.

    >>> check = check_draft("you are a worthless idiot")   # doctest: +SKIP
    >>> check.harsh, check.harsh_words                      # doctest: +SKIP
    (True, ('idiot', 'worthless'))
    """
    text = _clean(text, "draft")
    context = _clean(context, "context")
    lang, scores = _read(text, context)
    reasons: list[str] = []
    suggestions: list[str] = []
    context_lang = context_vulnerable = context_scores = help_for_them = None
    if context is not None:
        context_lang, context_scores = _read(context, None)
        if context_scores is None:
            reasons.append("The post you are replying to looks like it is in "
                           f"{language_name(context_lang)}, a language kindscope's signals do "
                           "not read, so it says nothing about it.")
        else:
            context_vulnerable = _at(context_scores, "distress") or _at(context_scores, "crisis")
            if _at(context_scores, "crisis"):  # how to answer, and lines to point them to
                help_for_them = reader_help(country)
    all_scores = {"draft": _rounded(scores), "context": _rounded(context_scores)}
    if scores is None:
        reasons[:0] = [f"kindscope could not read this draft: it looks like it is in "
                       f"{language_name(lang)}, a language its signals do not read, so it "
                       "gives no verdict on it.", UNREAD_HELP]
        _vulnerable(context_vulnerable, reasons, suggestions, help_for_them)
        return DraftCheck(lang, False, None, None, None, context_vulnerable,
                          context_lang=context_lang, help_for_them=help_for_them,
                          reasons=tuple(reasons),
                          suggestions=tuple(suggestions), signposting=help_block(country),
                          scores=all_scores)
    # a death wish aimed at someone (the inbox's rule): never comfort, never a matter of
    # word choice, whatever the model read ("kill yourself then, nobody would miss you"
    # under a post that reads as a crisis was called comforting: a care review, 2026-12-06)
    wish = aimed_wish(text, reply=context is not None)
    harsh = wish or any(_at(scores, s) for s in HARSH_SIGNALS)
    own_distress, crisis = _at(scores, "distress"), _at(scores, "crisis")
    # said only under a post that reads as painful (a congratulation needs no comfort)
    comforting = (False if wish else _at(scores, "support")) if context_vulnerable else None
    words: tuple[str, ...] = ()
    enough = None
    if wish:
        if own_distress or crisis:
            reasons.append(OWN_WORDS)
        reasons.append(WISH_REASON)
        suggestions.append("You could step away from it for a while before you decide whether "
                           "to post anything. It is your choice.")
    elif harsh:
        words, enough = harsh_words(text, context)
        reasons.append(_harsh_reason(words, enough))
        if not _at(scores, "toxicity"):
            reasons.append(HATE_ONLY_REASON)
        suggestions.append("You could wait a few minutes and read it again before posting, "
                           f"or say it {_without(words)}. "
                           "It is your choice.")
    _vulnerable(context_vulnerable, reasons, suggestions, help_for_them)
    if context_vulnerable and comforting is False and not harsh:
        reasons.append(NOT_COMFORTING)
    help_ = None
    if (own_distress or crisis) and wish:  # the words aimed at someone are the reading;
        help_ = help_block(country)        # help stays, if the writer is struggling too
    elif own_distress or crisis:
        misread = (" (If you are writing about someone else's pain, kindscope may have "
                   "misread it.)" if context is not None else "")
        # a reply to a painful post: its pain may be the answered post's, echoed; a
        # comforting reply to a post that reads as a crisis is never told to wait
        echo = bool(context_vulnerable and not crisis)
        kind_reply = bool(context_vulnerable and crisis and comforting)
        if kind_reply:  # "please don't go, I'm here for you" under a crisis
            reasons.append("If its words are about you, they read as if you may be in a very "
                           "hard place right now, and you do not have to face that on your "
                           "own; they may instead echo the pain you are answering (kindscope "
                           "can mix the two up).")
        elif crisis:
            reasons.append("This draft reads as if you may be in a very hard place right now. "
                           "You do not have to face that on your own." + misread)
        elif echo:
            lead = "It reads as comforting, and its" if comforting else "Its"
            reasons.append(f"{lead} words read as painful too: that may be your own pain, or "
                           "the pain you are answering (kindscope can mix the two up).")
        else:
            reasons.append("This draft reads as if you may be going through something painful "
                           "right now." + misread)
        if not (echo or kind_reply):  # comfort for someone in crisis is never told to wait
            suggestions.append("You could post it later, when you have had a moment, or share "
                               "it with fewer people: a close friend, a private account or a "
                               "smaller circle. Talking to someone you trust can help too. "
                               "Sharing can bring support as well: it is your choice.")
        help_ = help_block(country)
    maybe = maybe_language(text)
    if not (harsh or own_distress or crisis or comforting is False):
        # not an all-clear of a draft it may be misreading ("quiero morir" got one: a care
        # review, 2026-12-06)
        reasons.insert(0, "Nothing in this draft reads as harsh or painful to kindscope."
                       if maybe is None else
                       "kindscope cannot tell whether this draft is harsh or painful.")
    if maybe is not None:
        reasons.insert(0, f"This draft is short and may be in {language_name(maybe)} "
                          "(kindscope's guess; it cannot be sure). Its signals read English only, "
                          "so what follows reads the draft as English and may be wrong.")
        # as for a draft it could not read: "will nicht mehr" got an all-clear and no help
        # (a bilingual user's review, 2026-12-06)
        help_ = help_ or help_block(country)
    return DraftCheck(lang, True, harsh, own_distress, crisis, context_vulnerable, comforting,
                      harsh_words=words, harsh_words_enough=enough, context_lang=context_lang,
                      maybe_lang=maybe, help_for_them=help_for_them,
                      reasons=tuple(reasons), suggestions=tuple(suggestions),
                      signposting=help_, scores=all_scores)


def _harsh_reason(words: tuple[str, ...], enough: bool | None) -> str:
    if not words:
        return ("This draft may read as harsh. No single word stands out: it may be the "
                "draft as a whole.")
    quoted = ", ".join(f"\u201c{w}\u201d" for w in words)
    if enough:
        return f"This draft may read as harsh, mostly because of {quoted}."
    if len(words) == 1:
        return (f"This draft may read as harsh. The word that weighs most: {quoted} (without "
                "it the draft may still read as harsh).")
    return (f"This draft may read as harsh. The words that weigh most: {quoted} (without "
            "them it may still read as harsh).")


def _without(words: tuple[str, ...]) -> str:
    """How the suggestion names the words to leave out."""
    if not words:
        return "differently"
    return "without that word" if len(words) == 1 else "without those words"


def _vulnerable(context_vulnerable: bool | None, reasons: list[str],
                suggestions: list[str], help_for_them: dict | None) -> None:
    if help_for_them is not None:  # the how-to-answer lines follow (render_text)
        reasons.append("The post you are replying to reads as painful, and as if its writer "
                       "may be in crisis (kindscope can be wrong about that): this may be a "
                       "moment of vulnerability.")
    elif context_vulnerable:
        reasons.append("The post you are replying to reads as painful: this may be a moment "
                       "of vulnerability.")
        suggestions.append("A short, kind acknowledgement can be enough; you do not have to "
                           "fix anything. Take a moment before you answer.")


def _rounded(scores: dict | None) -> dict | None:
    return None if scores is None else {s: round(v, 4) for s, v in scores.items()}


def render_text(check: DraftCheck, width: int = 88) -> str:
    """The check for a terminal: what it noticed, what you could do, help lines when the
    draft reads as your own pain, and the caveat. No scores."""
    def wrap(text: str, indent: str = "", more: str | None = None) -> str:
        return textwrap.fill(text, width, initial_indent=indent,
                             subsequent_indent=indent if more is None else more)

    out = ["A pause before you post", ""]
    out += [wrap(reason) for reason in check.reasons]
    if check.suggestions:
        out.append("")
        out += [wrap(s, "  - ", "    ") for s in check.suggestions]
    if check.help_for_them is not None:
        from kindscope.care.terminal import reader_help_lines

        # the lines once: the writer's, below, when the draft reads as painful too
        out += ["", *reader_help_lines(check.help_for_them, "If you answer:", caveat=False,
                                       lines=check.signposting is None)]
    help_ = check.signposting
    if help_ is not None:
        out += ["", wrap(help_["intro"])]
        if check.crisis:
            out += ["", wrap(help_["emergency"])]
        if help_["country"] is None:  # no country: the directories first, then common lines
            listed = [("", help_["directories"]), ("Common help lines:", help_["lines"])]
        else:
            listed = [("", help_["lines"]), ("", help_["directories"])]
        for title, lines in listed:
            out += [""] + ([title] if title else [])
            for line in lines:
                where = f" ({line['country']})" if line.get("country") else ""
                out.append(wrap(f"{line['name']}{where}: {line['contact']}, {line['hours']}. "
                                f"{line['url']}", "  ", "    "))
        if not check.crisis:
            out += ["", wrap(help_["emergency"])]
        if help_["country"] is None:
            out.append(wrap("(kindscope check --country CODE shows the lines of one "
                            "country.)"))
    out += ["", wrap(check.caveat)]
    return "\n".join(out)
