"""Text about abuse that is not abuse: transparent caps for ``toxicity`` and ``hate``.

``toxicity`` and ``hate`` are about text aimed at a person or a group (issue 11, item 4).
Three kinds of text carry the words of abuse without aiming them at anyone, and the heads
read them as abuse (2026-12-04, model 2026.12.8):

- ``objection``: asking others to stop using a word or an insult ("please stop calling
  people morons", toxicity 0.70);
- ``against_hate``: naming hate or bigotry as a thing to oppose ("free speech should not
  include hate speech", hate 0.80);
- ``disengage``: advice to block, mute, ignore or report someone ("just block them, they
  aren't worth it", hate 0.97).

Each is a named regular expression over the lower-cased text. When one fires and nothing in
the text aims abuse at someone (an insult or slur after "you", "you people", a
dehumanising word; outside the rule's own phrase, any word of ``spelling.LEXICON`` or a
statement about a whole group such as "immigrants are ..."), both signals are capped at
``guards.GUARD_CAP``. ``explain_mentions(text)`` names the rules that apply. Like the other
guards they only ever lower a score, and they read nothing but the text: an objection that
is itself hateful in other words ("stop calling them refugees, they are invaders") is
missed by the rules and left to the heads; the dehumanising-word check catches some.
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import cap_where
from kindscope.signals.spelling import LEXICON

__all__ = ["MENTION_RULES", "adjust_mentions", "explain_mentions", "mention_mask"]

_STOP = (
    r"(?:stop|quit|don't|dont|do not|never|can we not|can you not|no need to|"
    r"(?:it's not|it is not|isn't|is not|never) (?:ok|okay|cool|acceptable|fine) to)"
)
_SAY = r"(?:call(?:ing)?|say(?:ing)?|us(?:e|ing)|throw(?:ing)? around|tweet(?:ing)?|post(?:ing)?)"
_HATE_WORDS = (
    r"(?:hate speech|hateful (?:comments?|language|posts?|speech)|racism|bigotry|"
    r"ableism|homophobia|transphobia|sexism|misogyny|xenophobia|antisemitism|islamophobia|"
    r"slurs?|(?:racist|ableist|sexist|homophobic|transphobic) (?:abuse|comments?|language|"
    r"remarks?|jokes?|slurs?|words?))"
)
_AGAINST = (
    r"(?:should(?:n't| not| never)|not (?:ok|okay|acceptable|welcome|tolerated)|"
    r"(?:isn't|is not|never) (?:ok|okay|acceptable|free speech)|no place|unacceptable|"
    r"wrong|stand(?:s|ing)? (?:up )?against|speak(?:ing)? out|call(?:ing)? out|report(?:ing)?|"
    r"(?:won't|will not|don't|do not) tolerate|stop(?! (?:calling|saying|using|playing|crying))|"
    r"condemn|oppose)"
)
_AWAY = r"(?:block|mute|ignore|report|unfollow)"
_LEXICON_RX = "|".join(sorted(LEXICON))

MENTION_RULES: dict[str, re.Pattern] = {
    "objection": re.compile(
        rf"(?<!never )(?<!won't )(?<!not )\b(?:please\s+)?{_STOP}\s+"
        rf"(?:(?!stop\b)\w+\s+){{0,2}}?{_SAY}\b"
        r"[^.!?]{0,60}?"
        rf"(?:\b(?:{_LEXICON_RX})\b|\b(?:that|this|the|those|these|such) (?:word|words|slurs?|"
        r"language|term|terms)\b|\b[a-z]-word\b|[\"'][^\"']{2,20}[\"'])"
    ),
    "against_hate": re.compile(
        rf"\b{_AGAINST}\b[^.!?]{{0,60}}\b{_HATE_WORDS}\b|\b{_HATE_WORDS}\b[^.!?]{{0,40}}\b{_AGAINST}\b"
    ),
    "disengage": re.compile(
        r"(?:^|[.!?]\s*|\bjust\s+|\b(?:you|u) (?:can|should|could)\s+(?:just\s+)?|"
        r"\b(?:i'd|i would|best to|better to)\s+(?:just\s+)?)"
        rf"{_AWAY}(?:\s+(?:and|&|or|/)\s+{_AWAY})*\s+(?:them|him|her|those|"
        r"the (?:trolls?|accounts?|bots?)|that (?:troll|account|bot)|trolls)\b"
    ),
}

_INSULT_AT_YOU = re.compile(
    r"\b(?:you|u|ur|you're|youre|you are)\s+(?:(?:such|so|a|an|fucking|total|complete|"
    r"absolute|stupid|little|dumb|pathetic)\s+)*(?P<word>[a-z]+)\b"
)
_DEHUMANISING = re.compile(
    r"\b(?:you people|vermin|animals|subhuman|sub-human|parasites?|scum|savages?|filth|"
    r"trash|cockroach(?:es)?|rats|invaders?|infestation|plague)\b"
)


#: A statement about a whole group ("immigrants are ...", "women should ..."): outside a
#: rule's phrase it keeps the score ("ignore them, immigrants are all criminals").
_GENERALISATION = re.compile(
    r"\b(?:immigrants?|migrants?|refugees?|foreigners|muslims?|islam|jews?|jewish people|blacks?|"
    r"black people|whites?|white people|asians?|arabs?|mexicans?|gays?|gay people|lesbians?|"
    r"trans people|trans women|trans men|transgenders?|women|men|girls|feminists?|"
    r"disabled people|the disabled|autistic people|christians?|hindus?|liberals|leftists|"
    r"those people|these people|their kind|people like them)\b\s+(?:\w+\s+){0,2}?"
    r"(?:are|is|were|should|must|will|won't|can't|cannot|don't|do not|never|always|all|ruin|"
    r"ruining|destroy|destroying|deserve|belong)\b"
)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text))


def _aimed(low: str) -> bool:
    """Something in the text aims abuse at someone, whatever the rules say."""
    if _DEHUMANISING.search(low):
        return True
    return any(m.group("word") in LEXICON for m in _INSULT_AT_YOU.finditer(low))


#: Every rule needs one of these words; most texts have none, and skip the rest (speed).
_CUE = re.compile(
    r"\b(?:call|say|use\b|using|throw|tweet|post|block|mute|ignore|report|unfollow)|"
    r"hate|hatred|racis|bigot|ableis|phobi|sexis|misogyn|antisemit|slur"
)


def explain_mentions(text: str) -> list[str]:
    """Names of the rules that apply to ``text`` (empty when it aims abuse at someone)."""
    low = (text or "").lower()
    if not _CUE.search(low):
        return []
    low = low.replace("’", "'")
    if _aimed(low):
        return []
    hits = []
    for name, rx in MENTION_RULES.items():
        m = rx.search(low)
        if m is None:
            continue
        rest = low[: m.start()] + " . " + low[m.end() :]
        if _words(rest) & LEXICON or _GENERALISATION.search(rest):
            continue
        hits.append(name)
    return hits


def mention_mask(texts: list[str]) -> np.ndarray:
    """True for the texts a rule applies to."""
    return np.array([bool(explain_mentions(t)) for t in texts], dtype=bool)


def adjust_mentions(texts: list[str], probs: np.ndarray, mask: np.ndarray | None = None
                    ) -> np.ndarray:
    """Cap ``toxicity`` or ``hate`` for texts a rule applies to (``mask``, when already
    computed); returns a new array."""
    return cap_where(probs, mention_mask(texts) if mask is None else mask)
