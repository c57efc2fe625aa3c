"""Set phrases that tell people to leave a country: a transparent floor for ``hate``.

"Go back to where you came from" attacks people for where they or their families come from,
in words the heads see as neutral (model 2026.12.8: hate 0.34, toxicity 0.13, and support
0.85 as a reply; issue 11 names it among the misses). Each rule below is a named regular
expression over the lower-cased text; a hit raises ``hate`` to at least ``SLOGAN_SCORE``,
as the crisis phrase layer does for risk phrases. A slogan that is quoted, reported or
argued against is not raised: one inside quotation marks, one after "telling"/"told"/"tell
(someone) to" or "said", a text that ``mentions.explain_mentions`` reads as naming hate
to oppose it, and one after a negation or a question word in its clause ("why would we
send them back?"). Deportation as a policy word is left to the heads. ``explain_slogans(text)``
names the rules that fire. Rules only ever raise ``hate``; ``SignalModel.score`` also caps
``support`` and its mechanisms at ``guards.GUARD_CAP`` for such a text (a slogan is not
comfort). Capping support for every reply the hate head reads as hateful was measured and
left out: it cost ESConv's comforting replies 0.009 of their pair AUC (0.908 -> 0.899),
because the head reads some of them as hateful (training/variants/2026-12-04b/
support_hate_cap.py).
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import lowered, raise_where
from kindscope.signals.mentions import explain_mentions

__all__ = ["SLOGANS", "SLOGAN_SCORE", "adjust_slogans", "explain_slogans", "slogan_mask"]

SLOGAN_SCORE = 0.9

_WHO = r"(?:you|u|ya|they|them|he|she|all of you|all of them|you people|these people)"

SLOGANS: dict[str, re.Pattern] = {
    name: re.compile(rx)
    for name, rx in {
        "go_back": r"\bgo (?:back|home) (?:to )?(?:where|wherever) (?:you|u|ya|they|your "
        r"(?:kind|people|family)) (?:came|come) from\b|\bgo back to (?:your|ur|their) "
        r"(?:own )?(?:country|countries|land|homeland|shithole)\b",
        "send_back": rf"\bsend {_WHO} (?:all )?back\b",
    }.items()
}

#: An opening quotation mark (a straight single one only after a space: not "don't") with
#: no closing one before the slogan.
_QUOTED = re.compile(r"(?:[\"“‘]|(?:^|\s)')[^\"”’']{0,80}$")
_REPORTED = re.compile(
    r"\b(?:tell(?:s|ing)?|told|say(?:s|ing)?|said|yell(?:ed|ing)?|shout(?:ed|ing)?|"
    r"scream(?:ed|ing)?|call(?:ed|ing)?)\b[^.!?]{0,30}$"
)


#: A negation or question earlier in the slogan's clause ("why would we send them back?").
_NEGATED = re.compile(
    r"\b(?:not|no|never|don't|dont|can't|cant|cannot|won't|wont|shouldn't|shouldnt|why|nobody)\b"
)


def explain_slogans(text: str) -> list[str]:
    """Names of the rules that fire on ``text`` (none for a quoted or reported slogan)."""
    low = lowered(text)
    if "back" not in low and "home" not in low:
        return []
    hits = []
    for name, rx in SLOGANS.items():
        for m in rx.finditer(low):
            before = low[: m.start()]
            sentence = re.split(r"[.!?,;]", before)[-1]
            if _QUOTED.search(before) or _REPORTED.search(before) or _NEGATED.search(sentence):
                continue
            hits.append(name)
            break
    if hits and explain_mentions(text):
        return []
    return hits


def slogan_mask(texts: list[str]) -> np.ndarray:
    """True for the texts a rule fires on."""
    return np.array([bool(explain_slogans(t)) for t in texts], dtype=bool)


def adjust_slogans(texts: list[str], probs: np.ndarray, mask: np.ndarray | None = None
                   ) -> np.ndarray:
    """Raise ``hate`` to ``SLOGAN_SCORE`` for texts a rule fires on (``mask``, when already
    computed); returns a new array."""
    return raise_where(probs, slogan_mask(texts) if mask is None else mask, SLOGAN_SCORE)
