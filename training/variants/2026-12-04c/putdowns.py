"""Put-downs without swearing: a transparent floor for ``toxicity``. NOT SHIPPED (README.md
here): on the held-apart Unhealthy Comments it fired mostly on comments labelled healthy.

The toxicity head learned insults from tweets full of swear words, and reads a put-down in
plain words as harmless (model 2026.12.9: "Maybe try not being so pathetic?" 0.21, "Grow up and
stop crying about it." 0.16, and support 0.49 for the latter). Under a painful post these are
the replies kindscope exists to show. Each rule below is a named regular expression over the
lower-cased text; a hit raises ``toxicity`` to at least ``PUTDOWN_SCORE`` (so that, through
``guards.adjust_support``, the reply no longer counts as support):

- ``dismissal``: an order to stop feeling or to stop asking for care, at the start of a clause
  ("grow up", "man up", "get over it", "stop whining", "quit crying", "stop being so dramatic",
  "try not being so pathetic", "nobody asked", "cry me a river");
- ``putdown``: a put-down said to "you" ("you're pathetic", "you are such a drama queen", "you
  sound clueless", "you're a waste of space").

Not raised: a rule inside quotation marks or reported ("he told me to man up", "she said
you're so dramatic"), after a negation, condition or question in its clause ("don't let anyone
tell you you're worthless", "you're not a burden", "if you think you're useless"), or in a text
``mentions.explain_mentions`` reads as text about abuse. Words said to oneself ("I need to grow
up", "I'm so pathetic") are not put-downs here (the self-directed guard of ``guards`` reads
those). ``explain_putdowns(text)`` names the rules that fire.
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.mentions import explain_mentions

__all__ = ["PUTDOWNS", "PUTDOWN_SCORE", "adjust_putdowns", "explain_putdowns", "putdown_mask"]

PUTDOWN_SCORE = 0.75

_WEAK = (
    r"(?:so |such |really |just |completely |totally |incredibly |a |an )*(?:dramatic|pathetic|"
    r"a baby|a crybaby|a snowflake|sensitive|weak|soft|spineless|attention[- ]seeking|"
    r"an attention[- ]seeker|a drama queen|selfish|needy|whiny|whingey)"
)
_START = (
    r"(?:^|[.!?,;:\n]\s*|\b(?:just|so|now|please|pls|plz|maybe|oh|honestly|seriously|lol|lmao|"
    r"ugh|mate|dude|bro|man)\s+)"
)
PUTDOWNS: dict[str, re.Pattern] = {
    "dismissal": re.compile(
        rf"{_START}(?:(?:you (?:need to|should|gotta|have to|must)|try to|go)\s+)?"
        r"(?:grow up|man up|toughen up|grow a pair|get over (?:it|yourself)|suck it up|"
        r"get a grip|get a life|cry me a river|boo[- ]?hoo|go cry|"
        r"(?:stop|quit) (?:your )?(?:whining|whinging|crying|complaining|moaning|bitching|"
        rf"sulking|feeling sorry for yourself)|(?:stop|quit) being {_WEAK}|"
        rf"try not (?:being|to be) {_WEAK}|don't be (?:so |such )?{_WEAK}|"
        r"(?:nobody|no one|no-one) asked(?: you)?|who asked|"
        r"(?:nobody|no one|no-one) cares (?:about you|what you))\b"
    ),
    "putdown": re.compile(
        r"\b(?:you(?:'re| are| r)?|ur|u r|youre|you sound|you seem|you look|you act|"
        r"you're being|you are being)\s+(?:so |such |really |just |a |an |completely |"
        r"totally |incredibly |truly |utterly |pathetically )*(?:pathetic|spineless|gutless|"
        r"a (?:cry)?baby|a snowflake|attention[- ]seeking|an attention[- ]seeker|a drama queen|"
        r"a waste of (?:space|oxygen|air|skin)|an embarrassment|a disgrace|delusional|"
        r"clueless|insufferable|unbearable|a joke|a nobody|a parasite|beneath contempt)\b"
    ),
}

_QUOTED = re.compile(r"[\"“][^\"”]{0,120}$|(?:^|\s)['‘][^'’]{0,80}$")
#: Reported, negated, conditional or questioned earlier in the rule's clause.
_NOT_SAID = re.compile(
    r"\b(?:tell(?:s|ing)?|told|say(?:s|ing)?|said|call(?:s|ed|ing)?|think(?:s|ing)?|thought|"
    r"yell(?:ed|ing)?|shout(?:ed|ing)?|not|no|never|don't|dont|doesn't|didn't|isn't|aren't|"
    r"won't|can't|cannot|shouldn't|if|unless|why|whether|when|nobody|no one|anyone)\b"
)


def explain_putdowns(text: str) -> list[str]:
    """Names of the rules that fire on ``text`` (none for a quoted, reported or negated one)."""
    low = (text or "").lower().replace("’", "'")
    hits = []
    for name, rx in PUTDOWNS.items():
        for m in rx.finditer(low):
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip(".!?,;:\n \t")))
            before = low[:start]
            clause = re.split(r"[.!?;,\n]", before)[-1]
            if name == "putdown" and _NOT_SAID.search(clause):
                continue
            if _QUOTED.search(before):
                continue
            # an order starts its clause ("... struggling to just suck it up" is not one)
            if name == "dismissal" and clause.strip(" \t\"'“‘(-*"):
                continue
            hits.append(name)
            break
    if hits and explain_mentions(text):
        return []
    return hits


def putdown_mask(texts: list[str]) -> np.ndarray:
    """True for the texts a rule fires on."""
    return np.array([bool(explain_putdowns(t)) for t in texts], dtype=bool)


def adjust_putdowns(texts: list[str], probs: np.ndarray, mask: np.ndarray | None = None
                    ) -> np.ndarray:
    """Raise ``toxicity`` to at least ``PUTDOWN_SCORE`` for texts a rule fires on (``mask``,
    when already computed); returns a new array."""
    out = np.asarray(probs, dtype=np.float64).copy()
    flagged = putdown_mask(texts) if mask is None else mask
    out[flagged] = np.maximum(out[flagged], PUTDOWN_SCORE)
    return out
