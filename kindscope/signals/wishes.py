"""Telling someone to die, and telling oneself: a transparent rule for ``toxicity``,
``offensive``, ``crisis`` and ``distress``.

``crisis`` and ``distress`` are about the author; ``toxicity`` and ``offensive`` about text
aimed at a person (issue 11, item 4). Telling someone else to kill themselves or die is the
opposite case for both, and the heads read it the wrong way round. At d9a4c46 (model
2026.12.12) ``kindscope score --text`` read "kill yourself" crisis 0.95, "go die in a ditch"
crisis 0.71 and distress 0.89, while "i hope you die" read toxicity 0.06, "kys" 0.31 and
"nobody would miss you if you died" 0.32: a harasser could be listed among the people who
are struggling, and the harassment missed. The same words said to oneself in a vent post
("just kill yourself already. you're a burden. #vent") read crisis 0.03.

**Aimed** (``aimed_wish``): a rule finds one of

- ``tell_to_die``: "kill / off / unalive / end / neck / uninstall yourself", "kys", "go
  die", "just die already", "drop dead" (not "drop-dead gorgeous"), "drink bleach", "stop
  existing";
- ``wish_death``: "I hope / wish / pray you die", "you should / deserve to / need to die",
  "the world would be better off without you", "nobody would miss you", "do us all a favour
  and die";

and none of these holds (``explain_wish``, then ``aimed_wish``):

- it is denied or advised against ("please don't kill yourself", "stop saying kys");
- it is asked, or said of an intention, a condition or a way ("do you want to kill
  yourself?", "if you were to kill yourself they would ...", "the easiest way to kill
  yourself", which is how people at risk ask in the generic "you");
- it is reported or quoted ("someone told me to kys", "he said 'go die'");
- the author is right before it ("i could just die", "i'm gonna kys");
- it is comfort ("stay safe, kys ❤️": "kys" also stands for "keep yourself safe"; "you
  matter", "here for you", a helpline);
- the text marks itself as the author talking to themself (#vent, "tw", "note to self",
  "the voice in my head", "in the mirror", "me to me") or to an illness ("just die,
  depression");
- it has no one to speak to: it needs "you", "kys", "do us a favour" or an imperative at the
  start of a sentence or after an @handle ("this meme should just die already" is not).

Then ``toxicity`` and ``offensive`` are raised to ``WISH_SCORE``. ``crisis`` and
``distress`` are capped at ``guards.GUARD_CAP`` only where, besides, the author says nothing
of themself (``speaks_of_self``: no first-person singular word outside "I hope / wish / pray
/ think / bet / swear you", "I want you to", "do me a favour") and the crisis phrase layer
finds no risk of theirs: "that's ugly, i'd kill myself. you should too" keeps its crisis.

**Reported** (``reported_wish``): every death wish in the text is quoted, told by someone to
someone ("told my little brother to go unalive himself") or objected to, and nothing else in
it aims abuse at anyone: text about abuse, whose ``toxicity`` and ``offensive`` are capped,
as ``mentions`` caps text about insults.

**To oneself** (``self_wish``): a death wish or "hurt yourself" / "just end it" within
``_NEAR`` characters of a cue of self-talk, not denied, asked, conditional, told by someone
else or joked ("lol"): the author's own risk. ``crisis`` is raised to ``SELF_TALK_SCORE``
after every other crisis rule, and ``toxicity`` and ``offensive`` are capped (an insult to
oneself, as ``guards``' ``self_directed``).

Self-talk written wholly in the second person with no cue ("you're worthless, you should
just die", posted alone) cannot be told from harassment by its words: it reads as aimed.
Rules read nothing but the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from kindscope.signals.guards import cap_where, lowered, raise_where
from kindscope.signals.mentions import aims_abuse
from kindscope.signals.phrases import explain as risk_phrases
from kindscope.signals.spelling import LEXICON

__all__ = ["SELF_TALK_SCORE", "WISH_RULES", "WISH_SCORE", "WISH_SIGNALS", "Wishes", "adjust_wishes",
           "aimed_wish", "explain_wish", "own_risk", "reported_wish", "self_wish",
           "speaks_of_self", "wish_masks"]

#: Toxicity and offensive of a death wish aimed at someone.
WISH_SCORE = 0.9
#: Crisis of a death wish the author says to themself (``phrases.PHRASE_SCORE``).
SELF_TALK_SCORE = 0.9
#: The signals the rule moves.
WISH_SIGNALS = ("toxicity", "offensive", "crisis", "distress")

_YOU = r"(?:you|u|ya|yah|yu|y'all|yall|you all)"
_SELF = r"(?:your ?self|ur ?self|yo ?self|your ?selves|urselves)"
_END = r"(?:kill|off|unalive|end|neck|delete|uninstall)"

#: Words before "off / end yourself" that make them a verb said to someone ("go off
#: yourself"), not "took the pressure off yourself".
_BEFORE = r"(?:^|[.!?,:;\n]\s*|@\w+\s+|\b(?:go|just|pls|please|plz|should|shud|could|can|to|" \
    r"and|gonna|better|now|then|fucking|fkn|u|you|ya)\s+)"
#: Idioms after "kill yourself" that are not about death ("kill yourself laughing").
_NOT_DEATH = r"(?! (?:laughing|working|with work|over|trying|for (?:it|this|that|a|the|work)))"

#: Words of abuse that "and die" follows as an order ("eat shit and die").
_AND_DIE = r"(?:fuck off|eat shit|piss off|get lost|go away|shut up|get cancer|give up|" \
    r"go \w+(?: \w+)?)"

WISH_RULES: dict[str, re.Pattern] = {
    "tell_to_die": re.compile(
        rf"\b(?:kill|unalive|neck|delete|uninstall) {_SELF}\b{_NOT_DEATH}|"
        rf"{_BEFORE}(?:off|end) {_SELF}\b|\bkys\b|\bdrink bleach\b|"
        r"(?:\b(?:go|just|pls|please|plz|now|fucking|fkn) (?:go |just )?|"
        # "and die" only after the words of abuse it follows ("eat shit and die"), not "in
        # flappy bird you die one pipe away"
        rf"\b{_AND_DIE} (?:and|&) (?:go )?)"
        r"(?:die|drop dead)\b(?![- ](?:gorgeous|beautiful|sexy|stunning|handsome|cute|funny|"
        r"hilarious|serious|for|of|laughing|in (?:peace|my arms)))|"
        r"\bdrop dead\b(?![- ](?:gorgeous|beautiful|sexy|stunning|handsome|cute|funny|hilarious|"
        r"serious))|\bdie already\b|\bstop (?:existing|breathing)\b"
    ),
    "wish_death": re.compile(
        rf"(?:\bi (?:really |truly |honestly |sincerely |genuinely |just )?)?"
        rf"\b(?:hope|wish|pray)(?:s|ed)? (?:that )?{_YOU} (?:\w+ ){{0,2}}?"
        rf"(?:die|dies|drop dead|get killed|{_END} {_SELF})\b|"
        rf"\b{_YOU} (?:should|deserve to|need to|ought to|oughta|better|gotta|have to) "
        rf"(?:just |go |really |fucking |honestly )?(?:die|be dead|drop dead|{_END} {_SELF})\b|"
        rf"\b(?:world|everyone|everybody|we|earth|society|the planet|this site|your family)"
        rf"(?:'d| would| will|'ll)? (?:be|is) better (?:off )?(?:without|if) {_YOU}\b|"
        rf"\b(?:nobody|no one|noone|no1)(?:'d| would| will|'ll| is going to| is gonna| gonna)"
        rf" (?:miss|cry (?:for|over)|care if) {_YOU}\b|"
        r"\bdo (?:us|everyone|everybody|the world|society|humanity) (?:all )?a (?:favou?r|solid)"
        rf"(?:,| and|,? &)? (?:just |go )?(?:die|drop dead|disappear|{_END} {_SELF}|end it|"
        r"unalive|stop (?:existing|breathing))\b|"
        # "unalive" is read as "kill" (``spelling``): "do us a favour and kill" said alone
        r"\bdo (?:us|everyone|everybody|the world|society|humanity) (?:all )?a (?:favou?r|solid)"
        r"(?:,| and|,? &)? (?:just |go )?kill\s*(?:[.!?]|$)"
    ),
}

#: Words every rule needs one of (most texts have none, and are not read further).
_CUE = re.compile(r"die|dead|sel(?:f|ves)|kys|bleach|without|miss|better|favou?r|stop ")
_WORD = re.compile(r"[a-z]+")

#: Before a match: a denial or advice against ("please don't", "never", "stop saying").
_AGAINST = re.compile(
    r"\b(?:don't|dont|do not|never|not|no one should|nobody should|shouldn't|shouldnt|"
    r"stop|quit|won't|wont|wouldn't|wouldnt|didn't|didnt|did not|doesn't|doesnt|isn't|"
    r"can't|cant|cannot|wasn't|no need to)\b[^.!?]{0,20}$"
)
#: Before a match: a condition ("if you were to ...") or a way ("the easiest way to ..."),
#: which is how people at risk ask, in the generic "you".
_IF_OR_WAY = re.compile(
    r"\b(?:if|unless|when|whether|way|ways|how|method|methods|easiest|quickest|best|"
    r"painless|painlessly|fastest|easy|quick|least painful|cheapest|surest)\b[^.!?,;:]{0,25}$"
)
#: A question that is still abuse ("why don't you just die?").
_TAUNT = re.compile(
    r"\b(?:why (?:don't|dont|do not|not) (?:you|u|ya)|why not|can (?:you|u)|could (?:you|u)|"
    r"would (?:you|u)|will (?:you|u)|how about (?:you|u))\b"
)
#: "why don't you": a taunt, not a denial.
_WHY_NOT = re.compile(r"\bwhy (?:don't|dont|do not|not) (?:you|u|ya)\b[^.!?]{0,20}$")
#: Before a match: an intention asked about or told ("do you want to", "thinking of").
_INTENT = re.compile(
    r"\b(?:want|wanted|wanting|wanna|try|tried|trying|going|gonna|plan|planned|planning|"
    r"think|thought|thinking|thoughts|urge|urges|feel like|felt like|feeling like|about|"
    r"considering|consider|tempted|made you)\b(?: to| of| about)?\s*$"
)
#: Before a match: words that report or quote it ("someone told me to", "he said").
_REPORT = re.compile(
    r"\b(?:tell|tells|told|telling|said|says|saying|say|wrote|writes|writing|comment|"
    r"comments|commented|commenting|reply|replied|replies|replying|dm|dms|dm'd|dmed|message|"
    r"messaged|messages|sent|send|sends|call|calls|called|yell|yelled|yelling|scream|"
    r"screamed|screaming|type|typed|typing|post|posted|posting|tweet|tweeted|tweeting|"
    r"spam|spammed|spamming|joke|joked|joking|ask|asked|asking|encourage|encouraged|"
    r"encouraging|urge|urged|urging|report|reported|reporting)\b[^.!?]{0,30}$"
)
#: A quoted stretch: in double quotes, guillemets, or single quotes that open after a space
#: or a bracket and close before one ("he said 'go die' to me").
_QUOTE_SPAN = re.compile(
    r"\"[^\"]*\"|“[^”]*”|«[^»]*»|(?:^|(?<=[\s(\[:]))'[^'\n]{1,120}?'(?=[\s,.;:!?)\]]|$)"
)
#: Right before a match: the author ("i could just die", "i'm gonna kys", "let me die").
_SELF_BEFORE = re.compile(r"\b(?:i|i'm|im|i'll|ill|i'd|id|me|myself|we)\b[^.!?,;:]{0,15}$")
#: Comfort anywhere in the text ("stay safe, kys" is "keep yourself safe").
_COMFORT = re.compile(
    r"\b(?:stay safe|keep (?:yourself|urself|u) safe|be safe|take care|love (?:you|u|ya)|"
    r"hugs?|here for (?:you|u)|reach out|you matter|u matter|you are loved|you're loved|"
    r"youre loved|hotline|helpline|crisis line|988|samaritans|lifeline|please don't|"
    r"please dont|proud of (?:you|u))\b|<3|❤|♥|💕|💖|💗|💜|💙|💚|🧡|💛|🤍|🫂|🤗"
)
#: The author talking to themself.
_TALKS_TO_SELF = re.compile(
    r"#\s?(?:vent|tw\b|cw\b|sh\b|sui|selfharm|self_harm|suicid|depress|mentalhealth|intrusive|"
    r"edtwt|sad\b)|\b(?:tw|cw)\b|\bsui\b|\bvent(?:ing)?\b|"
    r"\bnote to self\b|\breminder to self\b|\bto myself\b|\bme to me\b|\balso me\b|"
    r"(?:^|\n)\s*me:|\bin the mirror\b|"
    r"\bself[- ]talk\b|\bintrusive\b|\binner (?:voice|critic)\b|\bvoices?\b|\bbrain\b|"
    r"\bmy (?:head|mind|thoughts)\b|\btalking to myself\b"
)
#: The author talking to themself, or to an illness ("just die, depression").
_SELF_TALK = re.compile(
    rf"{_TALKS_TO_SELF.pattern}|\b(?:depression|anxiety|ocd|ptsd|bpd|illness|insomnia|disorder)\b"
)
#: First person that a death wish aimed at someone may carry ("I hope you die").
_FRAME = re.compile(
    r"\bi(?:'d| would| really| truly| honestly| sincerely| genuinely| just)? "
    r"(?:hope|wish|pray|think|bet|swear|want (?:you|u) to|need (?:you|u) to|hope that|"
    r"wish that)\b|\bi'm (?:begging|telling|asking) (?:you|u)\b|\bdo me a (?:favou?r|solid)\b"
)
_FIRST = re.compile(r"\b(?:i|i'm|im|me|my|myself|mine|i've|ive|i'll|i'd|id)\b")
#: Someone spoken to: "you", "kys", "do us all a favour", or an imperative at a sentence's
#: start or after @handle.
_ADDRESSED = re.compile(
    rf"\b{_YOU}\b|\byour\b|\bur\b|\b{_SELF}\b|\bkys\b|\ba (?:favou?r|solid)\b|"
    r"(?:^|[.!?,:;\n]\s*|@\w+\s+)(?:just |pls |please |plz |now |fucking )?(?:go |just )?"
    r"(?:die|drop dead|drink bleach|stop (?:existing|breathing))\b|"
    rf"(?:^|[.!?,:;\n]\s*|@\w+\s+){_AND_DIE} (?:and|&) (?:go )?die\b"
)


def _sentence(low: str, match: re.Match) -> str:
    start = max(low.rfind(c, 0, match.start()) for c in ".!?\n") + 1
    ends = [i for i in (low.find(c, match.end()) for c in ".!?\n") if i >= 0]
    return low[start : (min(ends) + 1 if ends else len(low))]


def _quoted(low: str, match: re.Match) -> bool:
    """Inside a quoted stretch, or after a double quote that is never closed."""
    if any(q.start() < match.start() and match.end() <= q.end()
           for q in _QUOTE_SPAN.finditer(low)):
        return True
    before = low[: match.start()]
    return (before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")
            or before.rfind("«") > before.rfind("»"))


def _held_back(low: str, match: re.Match) -> bool:
    before = low[max(0, match.start() - 40) : match.start()]
    sentence = _sentence(low, match)
    return bool(
        (_AGAINST.search(before) and not _WHY_NOT.search(before))
        or _INTENT.search(before) or _REPORT.search(before)
        or _IF_OR_WAY.search(before) or _SELF_BEFORE.search(before) or _quoted(low, match)
        or (sentence.rstrip().endswith("?") and not _TAUNT.search(sentence))
    )


def explain_wish(text: str | None) -> list[str]:
    """Names of the rules that find a death wish in ``text`` that is not denied, asked
    about, reported, quoted or comfort (whoever it is aimed at)."""
    low = lowered(text)
    if not _CUE.search(low):
        return []
    if _COMFORT.search(low):
        return []
    hits = []
    for name, rx in WISH_RULES.items():
        if any(not _held_back(low, m) for m in rx.finditer(low)):
            hits.append(name)
    return hits


def aimed_wish(text: str | None) -> bool:
    """True when ``text`` tells someone to die (see the module's rules): what raises
    ``toxicity`` and ``offensive``."""
    if not explain_wish(text):
        return False
    low = lowered(text)
    return _SELF_TALK.search(low) is None and _ADDRESSED.search(low) is not None


def own_risk(texts: list[str]) -> list[bool]:
    """Whether the crisis phrase layer finds the author's own risk in each text."""
    return [bool(risk_phrases(t)) for t in texts]


def speaks_of_self(text: str | None) -> bool:
    """A first-person singular word outside "I hope / wish / ... you" and "do me a favour":
    a death wish in such a text keeps its ``crisis`` and ``distress``."""
    return _FIRST.search(_FRAME.sub(" ", lowered(text))) is not None


#: Right before a wish: someone telling someone else to, or saying it ("told my brother to",
#: "replied:"); a report verb further back ("whoever wrote these notes needs to ...") is not.
_TOLD = re.compile(
    r"\b(?:tell|tells|told|telling|encourag\w*|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?)\s+"
    r"(?:[\w']+\s+){0,3}?to\s+(?:go\s+|just\s+)?$|\b(?:said|says|saying|say|replied|replies|commented|wrote|"
    r"writes|posted|tweeted|typed|dm'?d|dmed|messaged)\s*(?:to me\s*)?[:,]?\s*$"
)


#: Telling a third person to die, which a text can report ("telling people to kill
#: themselves"); never raised, only read for ``reported_wish``.
_OTHERS = re.compile(
    r"\b(?:kill|unalive|neck|off|end|delete) (?:them ?selves|him ?self|her ?self|themself)\b")


def reported_wish(text: str | None) -> bool:
    """True when every death wish in ``text`` is quoted, reported or objected to ("got 40
    'kys' replies", "someone told my brother to go unalive himself", "do not tell people to
    kill themselves") and nothing else in it aims abuse at someone (an insult word outside
    the quotes, "you idiot"): text about abuse, whose ``toxicity`` and ``offensive`` are
    capped as ``mentions`` caps text about insults."""
    low = lowered(text)
    if not _CUE.search(low) or _COMFORT.search(low):
        return False
    found = [m for rx in (*WISH_RULES.values(), _OTHERS) for m in rx.finditer(low)]
    if not found:
        return False
    for m in found:
        before = low[max(0, m.start() - 40) : m.start()]
        if not (_quoted(low, m) or _TOLD.search(before) or _AGAINST.search(before)):
            return False
    rest = _QUOTE_SPAN.sub(" . ", low)
    for m in found:
        rest = rest.replace(m.group(0), " . ")
    return LEXICON.isdisjoint(_WORD.findall(rest)) and not aims_abuse(rest)


#: Self-harm said to oneself ("go hurt yourself"), read only with a cue of self-talk.
_HURT = re.compile(
    rf"\b(?:hurt|cut|harm|starve) {_SELF}\b|"
    r"\b(?:just |go |pls |please )end it(?: all)?(?: already| now| tonight)?\b"
    r"(?! (?:with|on|by|in|at|there|here)\b)"
)
_JOKE = re.compile(r"\b(?:lol|lmao|lmfao|haha\w*|jk|rofl)\b|😂|🤣")
#: How far (in characters) a cue of self-talk may be from the words it marks.
_NEAR = 160


def self_wish(text: str | None) -> bool:
    """True when ``text`` tells "you" to die or to hurt yourself and says, within
    ``_NEAR`` characters, that this is the author talking to themself (#vent, "tw", "to
    myself", "the voice in my head", "in the mirror", "me to me"): the author's own risk,
    whose ``crisis`` is raised to ``SELF_TALK_SCORE``. Quoted words count (self-talk quotes
    itself); not when denied ("note to self: don't kill yourself"), asked, said of an
    intention or a way ("if you're looking to kill yourself"), told by someone to someone
    else ("tw: someone told me to kys"), or marked as a joke ("lol")."""
    low = lowered(text)
    if not _CUE.search(low) or _JOKE.search(low):
        return False
    cues = [c.start() for c in _TALKS_TO_SELF.finditer(low)]
    if not cues:
        return False
    for rx in (*WISH_RULES.values(), _HURT):
        for m in rx.finditer(low):
            before = low[max(0, m.start() - 40) : m.start()]
            if (_AGAINST.search(before) or _TOLD.search(before) or _INTENT.search(before)
                    or _IF_OR_WAY.search(before) or _SELF_BEFORE.search(before)
                    or _sentence(low, m).rstrip().endswith("?")):
                continue
            if any(abs(c - m.start()) <= _NEAR for c in cues):
                return True
    return False


class Wishes(NamedTuple):
    """What ``wish_masks`` finds in each text."""

    #: a death wish aimed at someone: toxicity and offensive are raised
    aimed: np.ndarray
    #: aimed, and the author says nothing of themself: crisis and distress are capped
    only_aimed: np.ndarray
    #: death wishes only quoted, reported or objected to: toxicity and offensive are capped
    reported: np.ndarray
    #: a death wish the author says to themself: crisis is raised, toxicity and offensive
    #: capped (an insult to oneself, as ``guards``' ``self_directed``)
    to_self: np.ndarray


def wish_masks(texts: list[str]) -> Wishes:
    """``aimed_wish``, ``speaks_of_self`` and ``reported_wish`` read for each text."""
    aimed = np.array([aimed_wish(t) for t in texts], dtype=bool)
    only = aimed.copy()
    for i in np.flatnonzero(aimed):
        only[i] = not speaks_of_self(texts[i])
    reported = np.array([not a and reported_wish(t) for a, t in zip(aimed, texts, strict=True)],
                        dtype=bool)
    to_self = np.array([not a and self_wish(t) for a, t in zip(aimed, texts, strict=True)],
                       dtype=bool)
    return Wishes(aimed, only, reported, to_self)


def adjust_wishes(signal: str, probs: np.ndarray, wishes: Wishes,
                  own_risk: np.ndarray | None = None) -> np.ndarray:
    """Apply the rule to one signal's scores (returns a new array).

    ``toxicity`` / ``offensive``: raised to ``WISH_SCORE`` where ``wishes.aimed``, capped at
    ``guards.GUARD_CAP`` where ``wishes.reported`` or ``wishes.to_self``. ``crisis`` /
    ``distress``: capped where ``wishes.only_aimed``, except where ``own_risk`` is set (the
    crisis phrase layer found the author's risk). ``crisis_to_self``: crisis raised to
    ``SELF_TALK_SCORE`` where ``wishes.to_self``; ``SignalModel.score`` applies it after every
    other crisis rule, which could cap it (a second-person text with "stay" reads as a
    supportive reply)."""
    if signal in ("toxicity", "offensive"):
        return cap_where(raise_where(probs, wishes.aimed, WISH_SCORE),
                         wishes.reported | wishes.to_self)
    if signal in ("crisis", "distress"):
        keep = wishes.only_aimed if own_risk is None else wishes.only_aimed & ~own_risk
        return cap_where(probs, keep)
    if signal == "crisis_to_self":
        return raise_where(probs, wishes.to_self, SELF_TALK_SCORE)
    raise ValueError(f"adjust_wishes: no rule for signal {signal!r}")
