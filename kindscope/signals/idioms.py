"""Figures of speech about death and violence: transparent caps for three signals.

The heads learned words of death and killing from forum posts about risk and from
offensive tweets, so everyday idioms read as pain, risk or offence (issue 11: "'I'd kill
for a coffee' and 'dying of laughter' read as distress or crisis"). Model 2026.12.9 read
"I'd kill for a coffee right now" crisis 0.64 and offensive 0.69, "dying of laughter at
this" distress 0.96, "you absolutely killed it tonight" offensive 0.62.

Two named families of regular expressions over the lower-cased text:

- ``delight``: laughter, success, longing for something good ("dying of laughter", "I'm
  dead lol", "killed it", "slayed", "to die for", "I'd kill for a coffee", "dying to see");
- ``complaint``: everyday discomfort ("this heat is killing me", "my feet are killing me",
  "I could die of embarrassment").

Caps at ``guards.GUARD_CAP``, each only when the text holds no threat ("kill you", "kys"),
no insult, slur or swear word (``spelling.LEXICON``) and no words of risk ("kill myself",
"suicidal") outside the idiom:

- ``offensive`` for either family (an idiom is not offensive language);
- ``crisis`` for either family, applied by ``phrases.adjust_crisis`` after its risk rules
  (a risk phrase in the same text wins);
- ``distress`` for laughter and success only (``DISTRESS_FREE``): longing and complaints
  can carry real pain ("I'd kill for one night's sleep", "my back is killing me").

``explain_idioms(text)`` names the families found. The rules read nothing but the text.
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import cap_where
from kindscope.signals.spelling import LEXICON

__all__ = ["DISTRESS_FREE", "IDIOMS", "adjust_idioms", "explain_idioms", "idiom_spans"]

_LAUGH = r"(?:laugh(?:ing|ter|ed)?|lol|lmao|haha\w*)"
_JOKE = r"(?:\blol\b|\blmao\b|\blmfao\b|\bhaha\w*|\bhilarious\b|\bfunniest\b|😂|🤣|💀)"

IDIOMS: dict[str, re.Pattern] = {
    "laughter": re.compile(
        rf"\b(?:dying|died|die|dead|killing me|killed me|kills me)\s+(?:of |from |with |"
        rf"(?:from|of) the )?{_LAUGH}|\b(?:nearly|almost|literally) died {_LAUGH}|"
        rf"\b(?:i'm|im|i am|i'm literally|i was) (?:dead|dying|deceased)\b(?=.*{_JOKE})|"
        rf"(?<![\w])(?:dead|dying|deceased|this killed me|that killed me|killed me)\b\W*{_JOKE}|"
        rf"\b(?:joke|meme|tweet|video|line|comment|post)s? (?:killed|kills|is killing) me\b"
    ),
    "success": re.compile(
        r"\b(?:killed|killing|slayed|slaying|slay|smashed|smashing|nailed|murdered) "
        r"(?:it|that|this)(?=\s*(?:$|[.!,💅✨🔥👏]|(?:tonight|today|again|last night|so|lol|"
        r"haha|omg|girl|sis|babe)\b))|"
        r"\b(?:killed|killing|slayed|slaying|smashed|nailed|murdered) (?:the|that|this|your|"
        r"her|his) (?:game|set|show|performance|exam|test|quiz|interview|look|audition|speech|"
        r"presentation|solo)\b|\bslay(?:\s+(?:queen|king|girl|sis))?\s*[!💅✨]|"
        r"\b(?:going to|gonna|will|'ll) (?:murder|kill|smash) (?:this|that|the) "
        r"(?:quiz|exam|test|interview|game|set|show|race|match)\b"
    ),
    "longing": re.compile(
        r"\b(?:to die for|worth dying for)\b|\bdying (?:to|for) (?:see|try|meet|go|know|hear|"
        r"watch|read|visit|get|have|eat|a |some |an )|\b(?:i'd|id|i would|would|could) "
        r"(?:literally |honestly )?kill for (?:a |an |some |one |another |the )"
    ),
    "complaint": re.compile(
        r"\b(?:is|are|was|were|it's|its|this|that|these|heat|cold|traffic|commute|wait|"
        r"feet|back|legs|head|neck|knees|shoes|job|week|day|deadline|noise|suspense)\s+"
        r"(?:is |are |)(?:really |literally |absolutely )?killing me\b|"
        r"\bcould (?:just )?die of (?:embarrassment|shame|boredom|cringe)\b|"
        r"\b(?:bored|freezing|starving|tired|exhausted) to death\b"
    ),
}
#: Families after which distress is capped too.
DISTRESS_FREE = ("laughter", "success")

_THREAT = re.compile(
    r"\b(?:kill|murder|shoot|stab|hurt|end) (?:you|u|ya|him|her|them|yourself|urself|"
    r"your ?self)\b|\bkys\b|\bi(?:'ll| will|'m going to| am going to| am gonna|'m gonna) "
    r"(?:kill|murder|end)\b"
)
_IDIOM_WORDS = frozenset({"kill", "killing", "killed"})
#: Words of risk outside the idiom keep every score ("dying of laughter at work, then I
#: want to die at home").
_RISK = re.compile(
    r"\bkill(?:ing)? my ?self|\bend(?:ing)? (?:it|it all|my life)\b|\b(?:want|wanna|wish) "
    r"(?:to )?(?:die|be dead)\b|\bsuicid|\bself[- ]?harm|\boverdos"
)


#: Every family needs one of these; most texts have none, and skip the rest (speed).
_CUE = re.compile(r"dy|die|dead|deceas|kill|slay|smash|nail|murder|death")


def idiom_spans(low: str) -> list[tuple[str, re.Match]]:
    """(family, match) for every idiom family found in lower-cased ``low``."""
    out = []
    for name, rx in IDIOMS.items():
        m = rx.search(low)
        if m is not None:
            out.append((name, m))
    return out


def explain_idioms(text: str) -> list[str]:
    """Names of the idiom families in ``text``; empty when it threatens someone or holds
    an insult, slur or swear word outside the idioms."""
    low = (text or "").lower()
    if not _CUE.search(low):
        return []
    low = low.replace("’", "'")
    if _THREAT.search(low):
        return []
    spans = idiom_spans(low)
    if not spans:
        return []
    rest = low
    for _, m in spans:
        rest = rest.replace(m.group(0), " ")
    if set(re.findall(r"[a-z]+", rest)) & (LEXICON - _IDIOM_WORDS) or _RISK.search(rest):
        return []
    return [name for name, _ in spans]


def adjust_idioms(texts: list[str], probs: np.ndarray, families=None,
                  found: list[list[str]] | None = None) -> np.ndarray:
    """Cap a signal's probabilities for texts holding an idiom of ``families`` (default:
    any); ``found``: ``explain_idioms`` of each text, when already read (``SignalModel``
    reads them once for three signals). Returns a new array."""
    found = [explain_idioms(t) for t in texts] if found is None else found
    wanted = None if families is None else set(families)
    return cap_where(probs, np.array([bool(f) and (wanted is None or bool(wanted & set(f)))
                                      for f in found], dtype=bool))
