"""Replies that dismiss someone's pain: a transparent cap for ``support``.

The support head reads warm words said to someone, not what they do. Under a post about
depression, model 2026.12.17 read "others have it way worse than you, be grateful" as
support 0.99, "it's all in your head, snap out of it" 0.93 and "you're just doing this for
attention" 0.90, so the report would list whoever wrote them among those who answered
kindly. People in mental-health communities name such replies as invalidating: they
minimise, compare, tell someone to toughen up, accuse them of seeking attention, prescribe
positivity, brush them off, mock them with fake advice or blame them
(``training/variants/2026-12-05q``).

Each rule below is a named regular expression over the lower-cased text. Phrases that are
commands ("man up", "get over it", "cheer up") count only as commands: at the start of a
clause or after a word that makes them one ("just", "you need to"), not in "it takes time
to get over it". A hit is not counted when the phrase is argued against or reported, which
is how comfort uses the same words ("you're not overreacting", "ignore anyone who tells you
to man up", "I know it feels like nobody cares"):

- a negation, a reporting or opinion word ("tell", "said", "people who", "feel like",
  "i know", "even if") or the writer's own intent ("i need to", "i will": self-talk, not a
  reply to someone) earlier in its sentence, or an open quotation mark before it;
- words after it, anywhere in the text, that reject it or make room for the pain ("doesn't
  mean", "never helps", "ignore", "you're allowed", "valid", "it's ok to").

A hit caps ``support`` and its mechanisms at ``guards.GUARD_CAP``, as the toxicity guard and
the slogans do (``guards.adjust_support``): the reply is not comfort. Nothing else changes;
the reply is not called toxic, since many such replies are meant kindly.
``explain_dismissals(text)`` names the rules that fire.
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import lowered

__all__ = ["COMMANDS", "DISMISSALS", "NAMES", "dismissal_mask", "explain_dismissals"]

_YOU_ARE = r"(?:you're|youre|you are|ur|u r|u are|you r)"
#: What makes a phrase a command said to the reader: it starts a clause or follows a word
#: that leads into one, with an optional "just" ("you can just smile" is no command). The
#: lead must end where the phrase starts.
_LEAD = re.compile(
    r"(?:^|[.!?,;:\n(]\s*|\b(?:so|now|then|seriously|honestly|tbh|pls|please|plz|dude|mate|"
    r"bro|man|girl|hun|babe|lol|lmao|omg|ok|okay|well|come on|c'mon|you need to|you have to|"
    r"you gotta|you've got to|you should|u need to|u should|u gotta|try to|time you|learn to|"
    r"need to)\s+)(?:just |simply )?\Z"
)
_SAD = (
    r"(?:sad|depressed|anxious|down|ill|sick|tired|lonely|stressed|autistic|disabled|"
    r"mentally ill|negative)"
)

#: Phrases that dismiss wherever they stand.
DISMISSALS: dict[str, re.Pattern] = {
    name: re.compile(rx)
    for name, rx in {
        # "it could be worse", "it's all in your head", "it's just a phase", "that's life"
        "minimising": r"\b(?:it|things|this|that|life) could (?:always |easily )?be (?:so much |a "
        r"lot |way |much |far |a lot )?worse\b|\b(?:it's|its|it is|that's|thats|that is|this "
        r"is|sounds like|just|probably|prob|only) (?:all |just |only |probably )*(?:in your head|"
        r"in ur head|in your mind|a phase|first world problems?)\b|\bfirst world problems?\b|"
        r"\b(?:depression|anxiety|adhd|ptsd|mental illness|burnout|fibro|fibromyalgia|chronic "
        r"fatigue) (?:isn't|is not|isnt|ain't|aint) (?:even )?(?:real|a real (?:thing|illness|"
        r"disease))\b|\beveryone(?:'s| is) a (?:bit|little) (?:ocd|adhd|autistic|depressed|"
        r"bipolar|anxious|on the spectrum)\b|\b(?:that's|thats|that is) (?:just )?life\b|"
        r"\b(?:don't|dont|do not) make (?:it|this|that|your \w+) (?:your|ur) (?:whole |entire )?"
        r"personality\b",
        # "others have it worse", "count your blessings"
        "comparing": r"\b(?:other|some|many|lots of|plenty of|most|loads of) (?:people|ppl|folks|"
        r"kids|children) (?:have|got|had|has) it (?:way |much |so much |a lot |far )?worse\b|"
        r"\b(?:others|people|ppl|everyone else) (?:have|got|has) it (?:way |much |so much |a lot "
        r"|far )?worse\b|\b(?:there are|there's|theres) (?:people|ppl|kids|children) (?:starving|"
        r"dying|in war|who have it (?:way |much |far )?worse|worse off|with real problems)\b|"
        r"\bcount your blessings\b|\b(?:people|ppl|others|folks|some) (?:with|who have|who've "
        r"got) (?:real|actual|bigger|serious) problems\b",
        # "you're overreacting", "doing this for attention", "you're just lazy"
        "accusing": rf"\b{_YOU_ARE} (?:just |being |so |totally |way |really |only |such )*"
        r"(?:overreacting|over reacting|over-reacting|exaggerating|dramatic|too sensitive|"
        r"oversensitive|over sensitive|a drama queen|making (?:it|this|that) up|faking(?: it)?|"
        r"lazy|weak|attention seeking|attention-seeking|an attention seeker|looking for "
        r"(?:attention|sympathy|pity)|complaining|whining|whinging|moaning|extra|obsessed with|"
        r"making (?:it|this|that) (?:a whole thing|a big deal|into a big deal|all about you))\b|"
        r"\b(?:doing|saying|posting|writing|faking|do|say|post|it's|its|this is|just|only|all) "
        r"(?:(?:this|that|it|all this) )?(?:for|4) (?:the )?attention\b|\b(?:you|u) (?:just |only "
        r"|really |clearly |obviously )?(?:like|love|want|need|crave|enjoy) (?:the )?attention\b|"
        r"\battention[- ]?(?:seeking|seeker|whore|hog)\b|\b(?:fishing|begging) for (?:attention|"
        r"sympathy|pity|compliments)\b",
        # "think positive and it'll pass", "everything happens for a reason"
        "toxic_positivity": r"\bthink positive(?:ly)?,? and (?:it|you|everything|things)\b|"
        r"\b(?:positive|good) vibes only\b|\b(?:choose|chose|pick) (?:happiness|to be happy|joy)"
        r"\b|\bhappiness is a choice\b|\beverything happens for a reason\b|\b(?:don't|dont|do "
        r"not) let (?:the |any )?negativity\b",
        # "nobody cares", "ok and?", "sounds like a you problem"
        "brush_off": r"\b(?:nobody|no one|noone|no1) (?:cares|asked|wants to (?:hear|read|know)"
        r")\b(?! (?:about|abt|for|if|whether|when|that|what) (?:me|us|my|i)\b)|\bcry me a river"
        r"\b|\bboo+ ?hoo+\b|\bget a life\b|\bnot my problem\b|\b(?:take|keep) (?:it|this|that|"
        r"your (?:drama|whining|problems|sob story)) (?:somewhere else|elsewhere|to yourself|"
        r"offline)\b|\b(?:this|twitter|here|reddit|social media) (?:is not|isn't|isnt) (?:your|"
        r"a) (?:therapist|diary|therapy)\b|\btouch grass\b|\bwho asked\b|\b(?:sounds like )?a "
        r"(?:you|u) problem\b|\b(?:that's|thats|that is) on (?:you|u)\b(?! to)|\bok(?:ay)?,? "
        r"and\?|\bwhat do (?:you|u) want (?:us|me|people) to do about it\b|\bwhy (?:are|r) "
        r"(?:you|u) (?:telling|posting|sharing) (?:this|the internet|us|everyone|strangers)\b",
        # "have you tried not being depressed?", "just stop being sad"
        "mock_advice": r"\b(?:have you|did you|you|u|have u) (?:ever )?tried (?:just )?(?:not "
        r"being|being less|to not be|not to be|to stop being|stopping being|not feeling|being "
        r"happy|being normal|cheering up)\b|\b(?:just|simply) (?:don't|dont|do not|stop) "
        rf"(?:being |feeling |feel |be )(?:so )?{_SAD}\b",
        # "you did this to yourself", "your own fault", "you didn't want it enough"
        "blame": r"\byou (?:did|brought) (?:this|it|that|all this) (?:on|to|upon) yourself\b|"
        r"\b(?:it's|its|it is|that's|thats|that is) (?:all |entirely |totally |completely )?"
        r"(?:your|ur) (?:own )?fault\b|\b(?:your|ur) own fault\b|\byou (?:only )?have (?:only )?"
        r"yourself to blame\b|\byou made your (?:own )?bed\b|\bwhat did (?:you|u) expect\b|"
        r"\b(?:you|u) (?:probably |clearly |obviously )?(?:pushed (?:them|him|her|everyone|"
        r"people) away|did(?:n't|nt| not) (?:want|try) (?:it |recovery |to get better |hard )?"
        r"(?:bad )?enough|(?:won't|wont|don't|dont) (?:even )?(?:help|try to help) yourself)\b|"
        r"\bif (?:you|u)(?:'d| had| would have) (?:worked|tried) harder\b",
    }.items()
}

#: Phrases that dismiss only as commands (after ``_LEAD``): "get over it", not "it takes
#: time to get over it".
COMMANDS: dict[str, re.Pattern] = {
    name: re.compile(rx)
    for name, rx in {
        # "be grateful"
        "comparing": r"\b(?:be|feel) (?:so |more )?(?:grateful|thankful)\b",
        # "man up", "get over it", "stop whining"
        "toughen_up": r"\b(?:man up|toughen up|harden up|grow up|get over it|get over yourself|"
        r"snap out of it|pull yourself together|suck it up|get a grip|get on with it|move on "
        r"already|(?:it's |its )?time to move on|grow (?:a )?(?:thicker|tougher) skin|stop "
        r"(?:crying|moping) and|stop (?:whining|whinging|moaning|complaining|sulking|wallowing|"
        r"feeling sorry for yourself|being (?:so |such )?(?:dramatic|sensitive|negative|soft|"
        r"weak|a baby|a drama queen|lazy|a victim|extra))|quit (?:whining|whinging|complaining|"
        r"moaning|feeling sorry for yourself))\b",
        # "just think positive", "cheer up", "look on the bright side"
        "toxic_positivity": r"\b(?:(?:just|simply) (?:(?:think|be|stay) positive|be happy(?! "
        r"(?:that|to|for|with|about|when|if|because))|calm down)|smile more|look on the bright "
        r"side|focus on the positives?|(?:aw+,? |oh |hey |hun,? |babe,? )?cheer up)\b",
    }.items()
}
#: Every phrase of every rule in one pattern: most texts hold none, and one scan tells.
_ANY = re.compile("|".join(f"(?:{rx.pattern})" for rx in (*DISMISSALS.values(),
                                                          *COMMANDS.values())))
#: The rules' names, in the order ``explain_dismissals`` gives them.
NAMES = ("minimising", "comparing", "toughen_up", "accusing", "toxic_positivity", "brush_off",
         "mock_advice", "blame")

#: How many words before a phrase a negation of it may stand.
_WINDOW = 6
#: A negation in the few words before the phrase ("you can't just snap out of it").
_NEGATION = re.compile(
    r"\b(?:not|no|never|don't|dont|do not|doesn't|doesnt|didn't|didnt|can't|cant|cannot|"
    r"won't|wont|shouldn't|shouldnt|isn't|isnt|aren't|arent|wasn't|wasnt|ain't|nobody|"
    r"no one|none|without)\b"
)
#: Earlier in the sentence: the phrase is reported, feared or an opinion being granted.
_REPORTED = re.compile(
    r"\b(?:tell|tells|told|telling|say|says|said|saying|hear|heard|hearing|"
    r"call|calls|called|calling|people who|anyone who|those who|whoever|someone who|folks who|"
    r"ones who|when (?:someone|people|others|they)|if (?:someone|anyone|people|they)|"
    r"(?:you|u|it|they|we|everyone) (?:may |might |probably |must )?(?:feel|feels|felt) like|"
    r"feeling like|(?:you|u|they|people|we|others) (?:may |might |probably )?(?:think|thought|"
    r"believe|worry|worried)|afraid|scared|worried|worrying|as if|i know|"
    r"i get that|even if|even though|of course|like when|i(?:'ll| will|'m going to| "
    r"am going to|'m gonna| need to| should| have to| gotta| must| try| tried| want to))\b"
    r"|\bsure,|\b(?:sounds|seems|feels) like\s*$|\bi\s*$"
)

#: An opening quotation mark (a straight single one only after a space) not closed before.
_QUOTED = re.compile(r"(?:[\"“‘]|(?:^|\s)')[^\"”’']{0,120}$")
#: Anywhere after: the phrase is rejected, or the pain is given room.
_AFTER = re.compile(
    r"\b(?:doesn't|doesnt|does not|don't|dont) (?:mean|make|change|help|work)|\bnever "
    r"(?:helps|helped|works|worked)\b|\bdidn't help\b|\bis (?:bs|bullshit|nonsense|rubbish|"
    r"wrong|crap|garbage)\b|\b(?:are|were|was) wrong\b|\bignore\b|\bdon't listen\b|"
    r"\b(?:you're|youre|you are) allowed\b|\bvalid\b|\b(?:it's|its|it is) (?:ok|okay|fine|"
    r"alright) (?:to|if)\b|\byou deserve\b"
)


def explain_dismissals(text: str) -> list[str]:
    """Names of the rules that fire on ``text`` (none for a phrase argued against)."""
    low = lowered(text)
    if not _ANY.search(low):
        return []
    hits = []
    for name in NAMES:
        if any(not _argued(low, start, end)
               for start, end in _phrases(low, DISMISSALS.get(name), COMMANDS.get(name))):
            hits.append(name)
    return hits


def _phrases(low: str, anywhere: re.Pattern | None, command: re.Pattern | None):
    """(start, end) of each phrase found; a command's start is where its lead starts."""
    if anywhere is not None:
        for m in anywhere.finditer(low):
            yield m.start(), m.end()
    if command is not None:
        for m in command.finditer(low):
            # "^" in the lead matches only at the text's real start, not at the window's
            lead = _LEAD.search(low, max(0, m.start() - 40), m.start())
            if lead is not None:
                yield lead.start(), m.end()


def _argued(low: str, start: int, end: int) -> bool:
    """True when the phrase at ``start:end`` is negated, reported, quoted or rejected."""
    before = low[:start]
    sentence = re.split(r"[.!?;\n]", before)[-1]
    near = " ".join(sentence.replace(" or not", "").split()[-_WINDOW:])
    return bool(_QUOTED.search(before) or _NEGATION.search(near) or _REPORTED.search(sentence)
                or _AFTER.search(low, end))


def dismissal_mask(texts: list[str]) -> np.ndarray:
    """True for the texts a rule fires on."""
    return np.array([bool(explain_dismissals(t)) for t in texts], dtype=bool)
