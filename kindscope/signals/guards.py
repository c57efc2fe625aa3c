"""Transparent guards for the ``toxicity`` and ``upbeat`` signals.

``toxicity`` means harm aimed at a person. Three kinds of text that carry insult words or
swearing without aiming them at anyone are capped at ``GUARD_CAP`` when they do not
address anyone ("you", "your", "u"):

- ``self_directed``: the author insults themself ("I'm such an idiot, left my keys", "I felt
  like such an idiot", "what an idiot I am");
- ``reported``: the author reports an insult ("someone called me a moron today");
- ``friendly_swearing``: swearing as an intensifier of good news ("fucking brilliant news").

``explain_toxicity(text)`` lists the guards that apply. Guards only ever lower a score.

``upbeat`` is capped at ``GUARD_CAP`` for a post read as ``crisis``: a goodbye note that
thanks everyone is not good news, whatever its words (issue 11).

``support`` and its mechanisms (``SUPPORT_SIGNALS``) are capped at ``GUARD_CAP`` for a
reply read as ``toxicity`` (after its guards): an insult aimed at someone is not comfort,
however directly it addresses them ("you are a worthless idiot" read as support 0.86
before; issue 11). The report's read model already counted a reply as supportive only
when it is neither toxic nor hateful (``store/read_sql.py``); this makes the scores of
``kindscope score`` and the three mechanism flags agree with it. It shares that rule's
cost: comfort that quotes an insult to deny it ("you're not an idiot", toxicity 0.53) is
not counted as support.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["ADDRESS", "GUARD_CAP", "SUPPORT_SIGNALS", "TOXICITY_GUARDS", "adjust_support",
           "adjust_toxicity", "adjust_upbeat", "cap_where", "explain_toxicity"]

GUARD_CAP = 0.3
#: The signals ``adjust_support`` caps.
SUPPORT_SIGNALS = ("support", "support_er", "support_ip", "support_ex")

_INSULT = (
    r"(?:idiot|moron|dummy|fool|stupid|dumb|loser|muppet|numpty|plonker|mess|wreck|"
    r"disaster|dork|klutz|clown|failure|twat|dickhead|dick|prat|cretin|imbecile|useless)"
)
_SWEAR = r"(?:fucking|fuckin|fkn|bloody|damn|effing|freaking|f\*+ing|sodding)"
_GOOD = (
    r"(?:brilliant|amazing|great|awesome|fantastic|beautiful|gorgeous|proud|good|lovely|"
    r"delicious|excellent|incredible|yes|finally|love|happy|congrats|congratulations|well done)"
)

TOXICITY_GUARDS: dict[str, re.Pattern] = {
    "self_directed": re.compile(
        r"\b(?:i'm|im|i am|i was|i've been|i feel like|i feel|i felt like|i felt|i look like|"
        r"i looked like|made me (?:feel|look) like|me,? the|call me)\s+"
        rf"(?:(?:such|so|a|an|total|complete|absolute|bit of|the biggest|utter|right)\s+)*"
        rf"{_INSULT}\b|\bwhat (?:an? )?(?:total |complete |absolute )?{_INSULT} i "
        r"(?:am|was|am being)\b"
    ),
    "reported": re.compile(
        r"\b(?:called|calls|calling|call) me (?:an? )?\w*|\b(?:said|told me|says|thinks) "
        r"(?:that )?i(?:'m| am| was)\b"
    ),
    "friendly_swearing": re.compile(rf"\b{_SWEAR}\s+(?:\w+\s+)?{_GOOD}\b|\bholy shit\b"),
}

#: A (lower-cased) text that addresses someone: "you", "your", "u"...
ADDRESS = re.compile(r"\b(?:you|your|you're|youre|yourself|u|ur|ya)\b")


def explain_toxicity(text: str) -> list[str]:
    """Names of the guards that apply to ``text`` (empty when it addresses someone)."""
    low = lowered(text)
    if ADDRESS.search(low):
        return []
    return [name for name, rx in TOXICITY_GUARDS.items() if rx.search(low)]


def adjust_toxicity(texts: list[str], probs: np.ndarray) -> np.ndarray:
    """Cap the toxicity of texts a guard applies to (returns a new array)."""
    return cap_where(probs, np.array([bool(explain_toxicity(t)) for t in texts], dtype=bool))


def adjust_upbeat(upbeat: np.ndarray, crisis: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """Cap the upbeat score of posts whose crisis score reaches ``threshold`` (new array)."""
    return cap_where(upbeat, np.asarray(crisis) >= threshold)


def adjust_support(support: np.ndarray, toxicity: np.ndarray, also: np.ndarray | None = None,
                   threshold: float = 0.5) -> np.ndarray:
    """Cap a support score of replies whose toxicity reaches ``threshold``, and of those
    ``also`` marks (``slogans.slogan_mask``); returns a new array."""
    flagged = np.asarray(toxicity) >= threshold
    if also is not None:
        flagged = flagged | also
    return cap_where(support, flagged)


def lowered(text: str | None) -> str:
    """A text as the rule layers read it: lower case, curly apostrophes made straight."""
    return (text or "").lower().replace("’", "'")


def raise_where(scores: np.ndarray, flagged: np.ndarray, floor: float) -> np.ndarray:
    """``scores`` with those ``flagged`` raised to at least ``floor`` (a new array): what the
    rule layers that only raise do."""
    out = np.asarray(scores, dtype=np.float64).copy()
    out[flagged] = np.maximum(out[flagged], floor)
    return out


def cap_where(scores: np.ndarray, flagged: np.ndarray) -> np.ndarray:
    """``scores`` with those ``flagged`` capped at ``GUARD_CAP`` (a new array): what every
    guard and rule layer that only lowers does."""
    out = np.asarray(scores, dtype=np.float64).copy()
    out[flagged] = np.minimum(out[flagged], GUARD_CAP)
    return out
