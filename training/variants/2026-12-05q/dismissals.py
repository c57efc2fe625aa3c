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
commands ("man up", "get over it", "cheer up") count only as commands: at the start of the
text (after a handle or emoji) or of a clause, or after a word that makes them one ("just",
"you need to", "but", "why can't you"), not in "it takes time to get over it". Stock phrases
that also have other senses count only where the clause ends with them ("nobody cares."
but not "nobody cares if you wear pyjamas", "that's life" but not "that's life-changing").
A hit is not counted when the phrase is argued against or reported, which is how comfort
uses the same words ("you're not overreacting", "ignore anyone who tells you to man up",
"I know it feels like nobody cares"):

- a negation in the few words before it, in its own clause (hedges such as "no offence but"
  and "why can't you" do not count);
- a reporting, opinion or permission word ("tell", "said", "people who", "feel like", "i
  know", "it's ok to") or the writer's own intent ("i need to", "i will": self-talk, not a
  reply to someone) earlier in its sentence, unless a "but" sets it aside ("i know it's
  hard but man up" counts);
- an open quotation mark before it;
- words after it, in its sentence or the next, that reject it or make room for the pain
  ("doesn't mean you", "never helps", "is toxic", "my ass", "you're allowed", "valid",
  "but"), or a question answered at once ("you're lazy? you raised three kids").

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
#: Where a clause ends: what a stock phrase said on its own is followed by.
_END = r"(?=\s*(?:[.!?,;:)\n]|$|lol|lmao|tbh|bro|mate|dude|hun|x\b|😂|🙄|🤷))"
#: Where a sentence ends.
_STOP = r"(?=\s*(?:[.!?\n]|$|lol|lmao|tbh|mate|bro|hun|x\b|😂|🙄))"
#: What makes a phrase a command said to the reader: it starts the text (after a handle,
#: spaces or emoji) or a clause, or follows a word that leads into one, with an optional
#: "just" ("you can just smile" is no command). The lead must end where the phrase starts.
_LEAD = re.compile(
    r"(?:^[^\w]*(?:@[\w.@-]+[\s,:]+)*|[.!?,;:\n(]\s*|(?:^|[.!?,;:\n(]\s*)(?:it's |its |it "
    r"is |now )?(?:time to|high time you)\s+|\b(?:so|now|then|seriously|honestly|tbh|pls|"
    r"please|plz|dude|mate|bro|man|girl|hun|babe|lol|lmao|omg|ok|okay|well|ugh|but|come on|"
    r"c'mon|why (?:can't|cant|don't|dont|won't|wont) (?:you|u)|(?:can't|cant|won't|wont) (?:you|"
    r"u)|"
    r"you need to|you have to|you gotta|you've got to|you should|u need to|u should|u gotta|"
    r"try to|time you|need to)\s+)(?:just |simply )?\Z"
)
_SAD = (
    r"(?:sad|depressed|anxious|down|ill|sick|tired|lonely|stressed|autistic|disabled|"
    r"mentally ill|negative)"
)
_WORSE = r"(?:way |much |so much |a lot |far |even )?(?:worse|harder|tougher)"

#: Phrases that dismiss wherever they stand.
DISMISSALS: dict[str, re.Pattern] = {
    name: re.compile(rx)
    for name, rx in {
        # "it could be worse", "it's all in your head", "it's just a phase", "that's life"
        "minimising": r"\b(?:it |things |this |that |life )?(?:could|coulda)(?:'ve| have)? "
        r"(?:always |easily )?be(?:en)? (?:so much |a lot |way |much |far )?worse\b|"
        r"\b(?:it's|its|it is|that's|thats|that is|this is|is|are) (?:just |only |probably )?"
        r"all in (?:your|ur) (?:head|mind)\b|\b(?:it's|its|it is|that's|thats|that is|this is|"
        r"just|only) (?:just |only )?in (?:your|ur) (?:head|mind)" + _STOP + r"|\b(?:it's|its|"
        r"it is|that's|thats|that is|this is|sounds like|just|probably|prob|only) (?:just |only "
        r"|probably ){0,2}a phase\b(?! of| in| where| when| that)|(?<!my )\bfirst world "
        r"problems?\b|\b(?:depression|anxiety|adhd|ptsd|mental illness|burnout|fibro|"
        r"fibromyalgia|chronic fatigue) (?:isn't|is not|isnt|ain't|aint) (?:even )?(?:real|a real "
        r"(?:thing|illness|disease))\b|\b(?:depression|anxiety|sadness|being depressed|being sad"
        r") is a choice\b|\beveryone(?:'s| is) a (?:bit|little) (?:ocd|adhd|autistic|depressed|"
        r"bipolar|anxious|on the spectrum)\b|\b(?:that's|thats|that is) (?:just )?life(?=\s*"
        r"(?:[.!?;)\n]|$|lol|tbh|,? (?:get|move|deal|suck|man|grow)\b))|\b(?:don't|dont|do not) "
        r"make (?:it|this|that|your \w+) (?:your|ur) (?:whole |entire )?personality\b",
        # "others have it worse", "count your blessings", "be grateful for what you have"
        "comparing": r"\b(?:other|some|many|lots of|plenty of|most|loads of) (?:people|ppl|folks|"
        r"kids|children) (?:have|got|had|has) it " + _WORSE + r"\b(?! than me| than us| off "
        r"than me)|\b(?:others|people|ppl|everyone else) (?:have|got|has) it " + _WORSE +
        r"\b(?! than me| than us)|\b(?:there are|there's|theres) (?:people|ppl|kids|children) "
        r"(?:starving|in war|who have it " + _WORSE + r"|worse off|with real problems)\b|"
        r"\bcount your blessings\b|\b(?:people|ppl|others|folks|some) (?:with|who have|who've "
        r"got) (?:real|actual|bigger|serious) problems\b|\bbe (?:grateful|thankful) for what "
        r"(?:you|u) (?:have|got|do have|still have)\b",
        # "you're overreacting", "you're just doing it for attention", "you're just lazy"
        "accusing": rf"\b{_YOU_ARE} (?:just |being |so |totally |way |really |only |such )*"
        r"(?:overreacting|over reacting|over-reacting|exaggerating|dramatic|too sensitive|"
        r"oversensitive|over sensitive|a drama queen|making (?:it|this|that) up|faking(?: it)?|"
        r"lazy|weak|attention seeking|attention-seeking|an attention seeker|looking for "
        r"(?:attention|sympathy|pity)|complaining|whining|whinging|moaning|making (?:it|this|"
        r"that) (?:a whole thing|a big deal|into a big deal|all about you))\b|"
        rf"\b{_YOU_ARE} (?:being (?:so |too )?|so |too )sensitive\b(?! and| to| soul| person| "
        r"heart)|"
        r"\byour (?:just |being |so |totally )*(?:overreacting|over reacting|exaggerating|being "
        r"dramatic|being lazy|being (?:so |too )?sensitive|faking(?: it)?|making (?:it|this) up|"
        r"attention seeking)\b|\b(?:you|u|you're|youre|ur) (?:just |only |clearly |obviously |"
        r"literally )?(?:doing|saying|posting|writing|faking|do|say|post) (?:(?:this|that|it|all "
        r"this) )?(?:for|4) (?:the )?attention\b|\b(?:it's|its|this is) (?:all |just |only )?"
        r"(?:for|4) (?:the )?attention\b|\b(?:you|u) (?:just |only |really |clearly |obviously )?"
        r"(?:like|love|want|need|crave|enjoy) (?:the )?attention\b|\b(?:you're|youre|you are|ur|"
        r"such|stop being|quit being) (?:an? |so |such an? |just )?attention[- ]?(?:seeking|"
        r"seeker|whore|hog)\b|\b(?:fishing|begging) for (?:attention|sympathy|pity|compliments)\b",
        # "think positive and it'll pass", "everything happens for a reason"
        "toxic_positivity": r"\bthink positive(?:ly)?,? and (?:it|you|everything|things)\b|"
        r"\b(?:positive|good) vibes only\b|\b(?:choose|chose|pick) (?:happiness|to be happy|joy)"
        r"\b|\bhappiness is a choice\b|\beverything happens for a reason\b",
        # "nobody cares", "cry me a river", "sounds like a you problem"
        "brush_off": r"\b(?:nobody|no one|noone|no1) (?:cares|asked)" + _END + r"|\b(?:nobody|"
        r"no one|noone|no1) (?:wants|needs) to (?:hear|read|know) (?:it|this|that|about (?:it|"
        r"this|that|your \w+))\b|\b(?:nobody|no one|noone) gives a (?:shit|damn|fuck|crap|toss)"
        r"\b|\bcry me a river\b|\bboo+ ?hoo+\b|\bget a life" + _END + r"|\bnot my problem\b|"
        r"\b(?:take|keep) (?:it|this|that|your (?:drama|whining|problems|sob story)) (?:somewhere "
        r"else|elsewhere|offline)\b|\b(?:this|twitter|here|reddit|social media) (?:is not|isn't|"
        r"isnt) (?:your|a) (?:therapist|diary|therapy)\b|\bwho asked" + _END + r"|\bdid(?:n't|"
        r"nt) ask" + _END + r"|\bcool story(?: bro)?\b|\b(?:sounds like )?a (?:you|u) problem\b|"
        r"\bwhat do (?:you|u) want (?:us|me|people) to do about it\b|\bwhy (?:are|r) (?:you|u) "
        r"(?:telling|posting|sharing) (?:this|the internet|us|everyone|strangers)\b",
        # "have you tried not being depressed?", "just stop being sad"
        "mock_advice": r"\b(?:have you|did you|you|u|have u) (?:ever )?tried (?:just )?(?:(?:not "
        rf"being|being less|to not be|not to be|to stop being|stopping being) (?:so )?{_SAD}|"
        r"being happy|being normal|cheering up)\b|\b(?:just|simply) (?:don't|dont|do not|stop) "
        rf"(?:being |feeling |feel |be )(?:so )?{_SAD}\b",
        # "you did this to yourself", "your own fault"
        "blame": r"\b(?:you|u) (?:did|brought) (?:this|it|that|all this) (?:on|to|upon) (?:yourself"
        r"|urself)\b|\b(?:it's|its|it is|that's|thats|that is) (?:all |entirely |totally |"
        r"completely )?(?:your|ur) (?:own )?fault\b|\b(?:your|ur) own fault\b|\byou (?:only )?"
        r"have (?:only )?yourself to blame\b|\byou made your (?:own )?bed,? (?:so |now |and "
        r"now )?(?:lie|sleep) in it\b|\bwhat did (?:you|u) expect\b(?! to| from| of| when| it)|"
        r"\b(?:you|u) (?:probably |clearly |obviously )?(?:did(?:n't|nt| not) (?:want|try) (?:it |"
        r"recovery |to get better |hard )?(?:bad )?enough|(?:won't|wont|don't|dont) (?:even )?"
        r"(?:help|try to help) yourself)\b|\bif (?:you|u)(?:'d| had| would have) (?:worked|tried) "
        r"harder\b",
    }.items()
}

#: Phrases that dismiss only as commands (after ``_LEAD``): "get over it", not "it takes
#: time to get over it".
COMMANDS: dict[str, re.Pattern] = {
    name: re.compile(rx)
    for name, rx in {
        # "be grateful" (not "be grateful to yourself", "be thankful for the nurses")
        "comparing": r"\b(?:be|feel) (?:so |more )?(?:grateful|thankful)\b(?! to| for| that)",
        # "man up", "get over it", "stop whining"
        "toughen_up": r"\b(?:man (?:tf |the fuck |the hell )?up|toughen up|harden up|grow up\b"
        r"(?! (?:so |too |way too |really |very )?(?:fast|early|quickly|soon))|grow a pair|get "
        r"over it|get over (?:yourself|urself|ur self)|snap (?:out of|outta) it|pull yourself "
        r"together|suck it up|get a grip\b(?! on| bar| rail)|move on already|just move on\b(?! "
        r"from| to| when| at)|grow (?:a )?(?:thicker|tougher) skin|stop (?:crying|moping) and|stop "
        r"playing the victim|stop (?:whining|whinging|moaning|complaining|sulking|wallowing|"
        r"feeling sorry for yourself|being (?:so |such )?(?:dramatic|sensitive|negative|soft|"
        r"weak|a baby|a drama queen|lazy|a victim))|quit (?:your |ur )?(?:whining|whinging|"
        r"complaining|moaning|feeling sorry for yourself))\b",
        # "just think positive", "cheer up", "look on the bright side"
        "toxic_positivity": r"\b(?:(?:just|simply) (?:(?:think|be|stay) positive|be happy(?! "
        r"(?:that|to|for|with|about|when|if|because))|calm down\b(?! (?:your|the|with|by|and "
        r"breathe)))|smile more|look on the bright side|(?:aw+,? |oh |hey |hun,? |babe,? )?cheer "
        r"up)\b",
        # "your fault tbh"
        "blame": r"\b(?:all |totally )?(?:your|ur) fault\b",
    }.items()
}
#: Every phrase of every rule in one pattern: most texts hold none, and one scan tells.
_ANY = re.compile("|".join(f"(?:{rx.pattern})" for rx in (*DISMISSALS.values(),
                                                          *COMMANDS.values())))
#: The rules' names, in the order ``explain_dismissals`` gives them.
NAMES = ("minimising", "comparing", "toughen_up", "accusing", "toxic_positivity", "brush_off",
         "mock_advice", "blame")

#: How far around a phrase the checks read (characters), so that a long post costs little.
_REACH = 300
#: How many words before a phrase, in its own clause, a negation of it may stand.
_WINDOW = 6
#: A negation in the few words before the phrase ("you can't just snap out of it").
_NEGATION = re.compile(
    r"\b(?:not|no|never|don't|dont|do not|doesn't|doesnt|didn't|didnt|can't|cant|cannot|"
    r"won't|wont|shouldn't|shouldnt|isn't|isnt|aren't|arent|wasn't|wasnt|ain't|nobody|"
    r"no one|none|without)\b"
)
#: Hedges that carry a negation but do not negate the phrase ("no offence but ...").
_HEDGE = re.compile(
    r"\b(?:no offen[cs]e|not gonna lie|not going to lie|not to be (?:rude|mean|harsh)|i don't "
    r"mean to be (?:rude|mean|harsh)|no hate|why (?:can't|cant|don't|dont|won't|wont) (?:you|"
    r"u)|(?:can't|cant|won't|wont) (?:you|u)|or not)\b"
)
#: Earlier in the sentence (after its last "but"): the phrase is reported, feared, allowed
#: or the writer's own intent.
_REPORTED = re.compile(
    r"\b(?:tell|tells|told|telling|say|says|said|hear|heard|hearing|call|calls|called|calling|"
    r"people who|anyone who|those who|whoever|someone who|folks who|ones who|when (?:someone|"
    r"people|others|they)|if (?:someone|anyone|people|they)|(?:you|u|it|they|we|everyone) "
    r"(?:may |might |probably |must )?(?:feel|feels|felt) like|feeling like|(?:you|u|they|"
    r"people|we|others) (?:may |might |probably )?(?:think|thought|believe|worry|worried)|"
    r"afraid|scared|worried|worrying|as if|i know|i get that|even if|even though|like when|"
    r"allowed to|get to|(?:ok|okay|fine|alright) to|what if|if (?:you|u)|i(?:'ll| will|"
    r"'m going to| am going to|'m gonna| need to| should| have to| gotta| must| try| tried| "
    r"want to))\b"
    r"|\bsure,|\b(?:sounds|seems|feels) like\s*$|\bi\s*$"
)
#: Filler that reports nothing ("i'm just saying, you're overreacting").
_FILLER = re.compile(r"\b(?:i'm |im |i am )?just saying\b")
#: An opening curly quotation mark not closed before, or a straight single one after a space.
_OPEN_QUOTE = re.compile(r"(?:“[^”]*|‘[^’]*|(?:^|\s)'[^']{0,120})$")
#: After the phrase, in its sentence or the next: the phrase is rejected, granted and then
#: set aside ("..., but"), or the pain is given room.
_AFTER = re.compile(
    r"\b(?:doesn't|doesnt|does not|don't|dont) (?:mean|make) (?:your|you|it|that|this|the|"
    r"yours)\b|\b(?:doesn't|doesnt|does not) change (?:how|the fact|what|that)\b|\bnever "
    r"(?:helps|helped|works|worked)\b|\bdidn't help\b|\bis (?:bs|bullshit|nonsense|rubbish|"
    r"wrong|crap|garbage|toxic)\b|\bis such a toxic\b|\b(?:are|were|was) wrong\b|\bignore "
    r"(?:them|those|people|anyone|everyone|what|that|it|the)\b|\bdon't listen\b|\b(?:you're|"
    r"youre|you are) allowed\b|(?<!n't )(?<!not )\bvalid\b|\b(?:it's|its|it is) (?:ok|okay|"
    r"fine|alright) (?:to|if)\b|\byou deserve\b|\bmy ass\b|\btell that to\b|\b(?:says|said) "
    r"(?:no|someone|somebody|the|a|my|every|people|nobody|no one)\b|\bto (?:people|those|"
    r"anyone) who\b|\bnothing wrong\b|\bbut\b"
)
#: Right after the phrase: a question answered at once ("you're lazy? you raised three kids").
_REBUTTED = re.compile(
    r"\s*\?+\s*(?:no|nope|nah|never|hardly|tell that|says who|who says|you|ur|u|girl|mate|"
    r"honey|hun|babe|love|please|pfft|lol no)\b"
)


def explain_dismissals(text: str) -> list[str]:
    """Names of the rules that fire on ``text`` (none for a phrase argued against)."""
    low = lowered(text)
    if not _ANY.search(low):
        return []
    hits = []
    for name in NAMES:
        if any(not _argued(low, *where)
               for where in _phrases(low, DISMISSALS.get(name), COMMANDS.get(name))):
            hits.append(name)
    return hits


def _phrases(low: str, anywhere: re.Pattern | None, command: re.Pattern | None):
    """(lead, start, end) of each phrase found: a command's lead starts where the words that
    make it one start; other phrases' lead is their start."""
    if anywhere is not None:
        for m in anywhere.finditer(low):
            yield m.start(), m.start(), m.end()
    if command is not None:
        for m in command.finditer(low):
            # "^" in the lead matches only at the text's real start, not at the window's
            lead = _LEAD.search(low, max(0, m.start() - 60), m.start())
            if lead is not None:
                yield lead.start(), m.start(), m.end()


def _argued(low: str, lead: int, start: int, end: int) -> bool:
    """True when the phrase at ``start:end`` (its lead from ``lead``) is negated, reported,
    quoted or rejected."""
    before = low[max(0, lead - _REACH):lead]
    sentence = re.split(r"[.!?;\n]", before)[-1]
    clause = _HEDGE.sub(" ", re.split(r"[,:]", sentence)[-1])
    near = " ".join(clause.split()[-_WINDOW:])
    # what a "but" sets aside does not count ("i know it's hard but man up")
    said = re.split(r"[.!?;\n]", low[max(0, lead - _REACH):start])[-1]
    granted = _FILLER.sub(" ", re.split(r"\bbut\b", said)[-1])
    after = " ".join(re.split(r"(?<=[.!?\n])", low[end:end + _REACH])[:2])
    return bool(_quoted(before) or _NEGATION.search(near) or _REPORTED.search(granted)
                or _AFTER.search(after) or _REBUTTED.match(low, end))


def _quoted(before: str) -> bool:
    """True when the text before a phrase leaves a quotation open: an odd number of straight
    double quotes, or an opening curly or straight single one not yet closed."""
    return before.count('"') % 2 == 1 or bool(_OPEN_QUOTE.search(before))


def dismissal_mask(texts: list[str]) -> np.ndarray:
    """True for the texts a rule fires on."""
    return np.array([bool(explain_dismissals(t)) for t in texts], dtype=bool)
