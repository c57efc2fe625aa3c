"""Text about abuse that is not abuse: transparent caps for ``toxicity`` and ``hate``.

``toxicity`` and ``hate`` are about text aimed at a person or a group (issue 11, item 4).
Four kinds of text carry the words of abuse without aiming them at anyone, and the heads
read them as abuse (2026-12-04, model 2026.12.8):

- ``objection``: asking others to stop using a word or an insult ("please stop calling
  people morons", toxicity 0.70);
- ``against_hate``: naming hate or bigotry as a thing to oppose ("free speech should not
  include hate speech", hate 0.80);
- ``disengage``: advice to block, mute, ignore or report someone ("just block them, they
  aren't worth it", hate 0.97);
- ``denial`` (since model 2026.12.10): denying a hostile claim about a person or a group
  ("Gay men are not a burden.", hate 0.93; "They don't hate us, Muslims are good people",
  0.78; "You are not useless"). Not when the denial sits in a condition or a relative clause
  ("even if they're not criminals, ...", "I've never met one who wasn't greedy"), goes on to
  a contrast ("I don't hate them, but ...") or hands the claim on ("Refugees aren't the
  problem, Muslims are."), is sarcastic or quoted ("Of course Muslims aren't violent 🙄",
  "'Refugees are not rapists' they said"; since model 2026.12.16 also a mark of sarcasm that
  ends the text: "..., supposedly", "... Sure.", "... /s"), or the text makes another
  hostile claim, and
  never for a denial
  of a positive ("they are not human", "not welcome"): only the listed hostile claims are
  denied. ``SignalModel.score`` then has the model read what else the text says
  (``denial_rest``).

Each is a named regular expression over the lower-cased text. When one fires and nothing in
the text aims abuse at someone (an insult or slur after "you", "you people", a
dehumanising word; outside the rule's own phrase, any word of ``spelling.LEXICON`` or a
statement about a whole group such as "immigrants are ..."), both signals are capped at
``guards.GUARD_CAP``. For ``denial`` these checks read only the text outside the denial (its
own "vermin" or "stupid" is what it denies), and a statement about a whole group does not
keep the score (denials are usually followed by one: "Muslims are good people"); another
hostile claim in its words does; and ``SignalModel.score`` has the model read the rest of the
text without the denied claim (``denial_rest``), keeping toxicity or hate when the rest reads
as such ("I don't hate women. They belong in the kitchen."). ``explain_mentions(text)`` names
the rules that apply. Like the other
guards they only ever lower a score, and they read nothing but the text: an objection that
is itself hateful in other words ("stop calling them refugees, they are invaders") is
missed by the rules and left to the heads; the dehumanising-word check catches some.
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import cap_where, lowered
from kindscope.signals.spelling import LEXICON
from kindscope.signals.targets import without_groups

__all__ = ["MENTION_RULES", "adjust_mentions", "aims_abuse", "denial_rest", "explain_mentions",
           "mention_mask"]

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
#: Hostile claims a text can deny of a person or a group ("Jews are not selfish or corrupt"),
#: and verbs of hostility it can deny ("I don't hate them"): one list each, read as a regular
#: expression by the ``denial`` rule and as a word set by its first check (``_DENIABLE``).
_CLAIM_LIST: tuple[str, ...] = (
    *"criminal criminals terrorist terrorists rapist rapists vermin animal animals subhuman "
    "subhumans sub-human sub-humans inferior disgusting dangerous threat burden plague disease "
    "diseased infected parasite parasites evil stupid lazy violent sick pervert perverts "
    "perverted pedophile pedophiles paedophile paedophiles invader invaders selfish corrupt "
    "greedy scum trash filth filthy monster monsters savage savages freak freaks abomination "
    "abominations worthless useless drain scrounger scroungers thieves liar liars dirty backward "
    "uncivilised uncivilized barbaric barbarian barbarians danger menace cancer idiot idiots "
    "moron morons retard retards retarded".split(),
    "the problem", "the enemy", "less than human", "out to get us", "taking over",
    "trying to take over", "trying to replace", "trying to destroy", "trying to convert",
    "trying to oppress",
)
_VERB_LIST: tuple[str, ...] = (
    "hate", "despise", "fear", "loathe", "detest", "hurt", "harm", "attack", "blame", "ban",
    "deport", "persecute", "discriminate against", "demonise", "demonize", "exclude", "oppress",
    "dominate", "replace",
)


def _alternation(items: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True)) + ")"


_CLAIMS = _alternation(_CLAIM_LIST)
_NEG = r"(?:n't| not| never)"
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
    "denial": re.compile(
        rf"(?:\b(?:are|is|were|was|am)|'re|'s){_NEG}\s+(?:just\s+|simply\s+|"
        r"really\s+|a bunch of\s+|some (?:kind|sort) of\s+)?(?:a\s+|an\s+)?[\"'“‘]?"
        rf"{_CLAIMS}(?:\s*(?:,|or|and|nor)\s+(?:a |an )?{_CLAIMS})*\b|"
        r"\b(?:i|we|you|they|nobody|no one|no-one)\s+(?:do|does|would|will|should|"
        rf"must|can|need)?(?:n't| not| never)\s+(?:\w+\s+)?{_alternation(_VERB_LIST)}\b|"
        r"\bthere(?:'s| is) no (?:need|reason) to (?:hate|fear|ban|deport|blame|exclude|"
        r"persecute)\b"
    ),
}
_CLAIM = re.compile(rf"\b{_CLAIMS}\b")
#: A denial inside a condition or a relative clause ("even if they're not criminals, ...",
#: "I've never met one who wasn't greedy", "isolated so they do not hurt ...") denies nothing.
_CONDITION = re.compile(r"\b(?:if|unless|whether|who|which|why|never met|so|so that|in case)\b")
#: Sarcasm or a quotation around a denial ("Of course Muslims aren't violent 🙄", "'Refugees
#: are not rapists' they said", "... Said the woman before ...") denies nothing either.
_IRONY = re.compile(r"\b(?:of course|sure|yeah right|totally|obviously)\b|🙄|[\"“‘']\s*\w*\s*$")
#: What follows a denial and undoes it: a quotation closing or reported ("'Refugees are not
#: rapists' they said", "... Tell that to ...", "... Sure, ..."), or a mark of sarcasm that
#: ends the text ("Refugees aren't dangerous, supposedly", "Jews aren't greedy. Sure.",
#: "... /s": capped at model 2026.12.15, found by the review of training/variants/2026-12-05o).
#: Only marks with no sincere reading: an eye-roll or "as if", "apparently" or "right?" after a
#: denial is as often exasperation with the stereotype ("Disabled people aren't a burden 🙄")
#: and keeps the cap.
_UNDONE_AFTER = re.compile(
    r"^\s*[\"”’']|^[^.!?]*[.!?]+\s*(?:said|says|tell that to|try telling|sure,|yeah,? right)\b|"
    r"(?:,\s*|\s+)(?:supposedly|allegedly|yeah,? right|sure jan|rii+ght+)\s*[.!]*\s*$|"
    r"(?:^|\s)/s\s*$|^[^.!?]*[.!?]+\s*(?:sure|yeah,? sure|sure thing)\s*[.!]*\s*$"
)
#: A denial that goes on to a contrast in its sentence or at the start of the next ("I don't
#: hate them, but ...", "..., I just want them gone", "I'm not a criminal as they are") is
#: hedged hate, not a denial.
_CONTRAST = re.compile(
    r"^[^.!?]*?\b(?:but|however|though|although|except|still|just want|only want|i just|we just|"
    r"(?:as|like) (?:they|them|those|these))\b|^[^.!?]*[.!?]+\s*(?:but|however|yet|still)\b|"
    # the claim handed on to someone else: "Refugees aren't the problem, Muslims are."
    r"[,.;]\s*(?:\w+\s+){1,3}(?:is|are)\s*[.!]*\s*$"
)
#: Words that say nothing of their own in a denial's rest ("gay men are not a burden" leaves
#: "gay men", which is no further claim).
_EMPTY_WORDS = frozenset(
    "a an the and or but so to of in on at for with as they them their theirs we us our you "
    "your i me my it its is are was were be been being just really very all some many most "
    "people folk folks person persons men women".split()
)

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


_WORD = re.compile(r"[a-z]+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text))


def aims_abuse(low: str) -> bool:
    """Something in the text aims abuse at someone, whatever the rules say."""
    if _DEHUMANISING.search(low):
        return True
    return any(m.group("word") in LEXICON for m in _INSULT_AT_YOU.finditer(low))


#: Every rule needs one of these words; most texts have none, and skip the rest (speed).
_CUE = re.compile(
    r"\b(?:call|say|use\b|using|throw|tweet|post|block|mute|ignore|report|unfollow)|"
    r"hate|hatred|racis|bigot|ableis|phobi|sexis|misogyn|antisemit|slur"
)
#: ``denial`` needs a negation and a word of a hostile claim or verb (most negated texts have
#: none); the word list is only a quick first check, the rule reads the phrase.
_NEGATION = re.compile(r"n't|n’t|\bnot\b|\bnever\b|there(?:'s|’s| is) no")
_DENIABLE = frozenset(
    w for item in (*_CLAIM_LIST, *_VERB_LIST) for w in re.findall(r"[a-z]+", item)
) - {"the", "to", "us", "than", "get", "against", "less", "over"}


def explain_mentions(text: str) -> list[str]:
    """Names of the rules that apply to ``text`` (empty when it aims abuse at someone)."""
    low = (text or "").lower()
    cued = bool(_CUE.search(low))
    deniable = bool(_NEGATION.search(low) and not _DENIABLE.isdisjoint(_WORD.findall(low)))
    if not cued and not deniable:
        return []
    low = low.replace("’", "'")
    aimed = aims_abuse(low)
    hits = []
    for name, rx in MENTION_RULES.items():
        if not (deniable if name == "denial" else cued):
            continue
        m = rx.search(low)
        if m is None:
            continue
        rest = low[: m.start()] + " . " + low[m.end() :]
        if _words(rest) & LEXICON:
            continue
        if name == "denial":
            # the denied claim's own words are not abuse; any other hostile claim, abuse
            # aimed at someone, or a contrast after the denial keeps the score
            if (_CLAIM.search(rest) or aims_abuse(rest) or _CONTRAST.search(low[m.end() :])
                    or _CONDITION.search(clause := re.split(r"[.!?;]", low[: m.start()])[-1])
                    or _IRONY.search(clause) or _UNDONE_AFTER.search(low[m.end() :])):
                continue
        elif aimed or _GENERALISATION.search(rest):
            continue
        hits.append(name)
    return hits


def denial_rest(text: str) -> str | None:
    """For a text where ``denial`` is the only rule that applies: the text without the denied
    claim, for the model to read ("I don't hate women. They belong in the kitchen." ->
    "women. they belong in the kitchen."); None otherwise, and None when the rest only names
    the group ("Gay men are not a burden." leaves "gay men": the model reads a bare group
    name as hate). ``SignalModel.score`` keeps a
    signal's score when the model reads the rest as abuse: a denial does not excuse what
    else a text says."""
    if explain_mentions(text) != ["denial"]:
        return None
    low = lowered(text)
    m = MENTION_RULES["denial"].search(low)
    rest = (low[: m.start()] + " " + low[m.end() :]).strip()
    said = [w for w in _WORD.findall(without_groups(rest)) if w not in _EMPTY_WORDS]
    return rest if said else None


def mention_mask(texts: list[str]) -> np.ndarray:
    """True for the texts a rule applies to."""
    return np.array([bool(explain_mentions(t)) for t in texts], dtype=bool)


def adjust_mentions(texts: list[str], probs: np.ndarray, mask: np.ndarray | None = None
                    ) -> np.ndarray:
    """Cap ``toxicity`` or ``hate`` for texts a rule applies to (``mask``, when already
    computed); returns a new array."""
    return cap_where(probs, mention_mask(texts) if mask is None else mask)
