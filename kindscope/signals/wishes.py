"""Telling someone to die, and telling oneself: a transparent rule for ``toxicity``,
``offensive`` and ``crisis``.

``toxicity`` and ``offensive`` are about text aimed at a person, ``crisis`` about the author
(issue 11, item 4). At d9a4c46 (model 2026.12.12) the heads read "i hope you die" toxicity
0.06, "kys" 0.31 and "nobody would miss you if you died" 0.32, so harassment was missed;
and the same words said to oneself in a vent post ("just kill yourself already. you're a
burden. #vent") read crisis 0.03.

**Aimed** (``aimed_wish``): a rule finds one of

- ``tell_to_die``: "kill / off / unalive / end / neck / uninstall yourself", "kys", "go
  die", "just die already", "drop dead" and "stop existing" ending a clause (not "drop dead
  gorgeous", "stop breathing through your mouth"), "drink bleach";
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
- the text says it is the author talking to themself (``_TALKS_TO_SELF``) or to an illness
  ("just die, depression");
- it has no one to speak to: it needs "you", "kys", "do us a favour" or an imperative at the
  start of a sentence or after an @handle ("this meme should just die already" is not).

Then ``toxicity`` and ``offensive`` are raised to ``WISH_SCORE``, **unless the text reads as
the author's own crisis** (crisis, after its phrase layer, at 0.5 or more): people at risk
write to themselves in the second person without saying so ("Nobody would miss you. Nobody
would even notice. Tonight."), and such a post must not be marked as abuse. The crisis
reading of an aimed wish is never lowered, for the same reason: a first version capped it
when the text had no first-person word, and a review with sentences written to break it
found 14 of 37 posts by people at risk lowered below 0.5. So "kill yourself" alone keeps
the heads' crisis 0.95 beside toxicity 0.82: a person reading both sees both.

**Reported** (``reported_wish``): every death wish in the text is quoted, told by someone to
someone else ("told my little brother to go unalive himself") or objected to ("do not tell
people to kill themselves"), and nothing else in it aims abuse at anyone: text about abuse,
whose ``toxicity`` and ``offensive`` are capped at ``guards.GUARD_CAP``, as ``mentions``
caps text about insults.

**To oneself** (``self_wish``): a death wish, "hurt yourself" or "just end it" within
``_NEAR`` characters of a plain cue that the author is talking to themself (#vent, #sui,
"intrusive thoughts", "the voice in my head", "my brain keeps saying", "I told myself",
"note to self", "me to me", "in the mirror"), not denied, asked, conditional, told by
someone else (unless the cue says the teller is the author's own head) or joked ("lol"):
the author's own risk. ``crisis`` is raised to ``SELF_TALK_SCORE`` after every other crisis
rule, and ``toxicity`` and ``offensive`` are capped (an insult to oneself, as ``guards``'
``self_directed``). Broad cues ("tw", "venting", "brain", "my head") are not enough: with
them the review above raised "tw: bullying. In the show the bullies chant 'kys'" and "Note
to self: cut yourself some slack" to crisis 0.9.

Self-talk written wholly in the second person with no cue, and read as no crisis by the
heads, cannot be told from harassment by its words: it reads as aimed. Rules read nothing
but the text; each looks at no more than ``_MAX_MATCHES`` matches of a text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice
from typing import NamedTuple

import numpy as np

from kindscope.signals.guards import cap_where, lowered, raise_where
from kindscope.signals.mentions import aims_abuse
from kindscope.signals.spelling import LEXICON

__all__ = ["SELF_TALK_SCORE", "WISH_RULES", "WISH_SCORE", "WISH_SIGNALS", "Wishes",
           "adjust_wishes", "aimed_wish", "explain_wish", "reported_wish", "self_wish",
           "wish_masks"]

#: Toxicity and offensive of a death wish aimed at someone.
WISH_SCORE = 0.9
#: Crisis of a death wish the author says to themself (``phrases.PHRASE_SCORE``).
SELF_TALK_SCORE = 0.9
#: The signals the rule moves.
WISH_SIGNALS = ("toxicity", "offensive", "crisis")
#: Crisis at or above which the author reads at risk, and a wish is not raised as abuse.
CRISIS_KEEPS = 0.5

_YOU = r"(?:you|u|ya|yah|yu|y'all|yall|you all)"
_SELF = r"(?:your ?self|ur ?self|yo ?self|your ?selves|urselves)"
_END = r"(?:kill|off|unalive|end|neck|delete|uninstall)"
#: The start of a clause: where an imperative speaks to someone. Spaces and tabs only after
#: a newline: ``\s*`` there makes a run of newlines cost its square.
_CLAUSE = r"(?:^|[.!?,:;\n][ \t]*|@\w+[ \t]+)"
#: Words before "off / end yourself" that make them a verb said to someone ("go off
#: yourself"), not "took the pressure off yourself".
_BEFORE = rf"(?:{_CLAUSE}|\b(?:go|just|pls|please|plz|should|shud|could|can|to|and|gonna|" \
    r"better|now|then|fucking|fkn|u|you|ya)[ \t]+)"
#: Words after "kill yourself" that are not about death ("kill yourself laughing", "delete
#: yourself from the group chat", "end yourself in the lava to respawn").
_NOT_DEATH = (
    r"(?! (?:laughing|working|with work|over|trying|from|out of|off\b|some slack|"
    r"a break|at the gym|for (?:it|this|that|a|the|work)|in (?:minecraft|the nether|the game|"
    r"game)|with /kill))(?![^.!?\n]{0,40}\b(?:respawn|spawn|unstuck|checkpoint))"
)
#: Words after "die" that make another sense ("die hard fans", "the hope you die with").
_DIE_AFTER = (
    r"(?![- ](?:gorgeous|beautiful|sexy|stunning|handsome|cute|funny|hilarious|"
    r"serious|for|of|laughing|in peace|in my arms|hard|with|happy|old|again|trying|inside|"
    r"peacefully|in (?:your|their|his|her|my) sleep|on (?:that|this|the|a) hill|on purpose))"
)
#: "drop dead" and "stop existing / breathing" as orders end a clause or go on to the person
#: ("drop dead, loser"), not "drop dead date", "stop breathing through your mouth".
_CLAUSE_END = r"(?=[ \t]*(?:$|[^\w\s]|(?:you|u|ya|already|pls|please|plz|now|bitch|loser|" \
    r"idiot|moron|asshole|cunt|fucker|clown|nerd|noob|lol|lmao)\b))"
#: Words of abuse that "and die" follows as an order ("eat shit and die").
_AND_DIE = r"(?:fuck off|eat shit|piss off|get lost|go away|shut up|get cancer|give up|" \
    r"go \w+(?: \w+)?)"
_FAVOUR = r"\bdo (?:us|everyone|everybody|the world|society|humanity) (?:all )?a (?:favou?r|solid)"

WISH_RULES: dict[str, re.Pattern] = {
    "tell_to_die": re.compile(
        rf"\b(?:kill|unalive|neck|delete|uninstall) {_SELF}\b{_NOT_DEATH}|"
        rf"{_BEFORE}(?:off|end) {_SELF}\b{_NOT_DEATH}|\bkys\b|\bdrink bleach\b|"
        r"(?:\b(?:go|just|pls|please|plz|now|fucking|fkn) (?:go |just )?|"
        # "and die" only after the words of abuse it follows ("eat shit and die"), not "in
        # flappy bird you die one pipe away"
        rf"\b{_AND_DIE} (?:and|&) (?:go )?)die\b{_DIE_AFTER}|"
        rf"\bdrop dead\b{_CLAUSE_END}|\bdie already\b|\bstop (?:existing|breathing)\b{_CLAUSE_END}"
    ),
    "wish_death": re.compile(
        r"(?:\bi (?:really |truly |honestly |sincerely |genuinely |just )?)?"
        rf"\b(?:hope|wish|pray)(?:s|ed)? (?:that )?{_YOU} (?:\w+ ){{0,2}}?"
        rf"(?:die|dies|drop dead|get killed|{_END} {_SELF})\b{_DIE_AFTER}|"
        rf"\b{_YOU} (?:should|deserve to|need to|ought to|oughta|better|gotta|have to) "
        rf"(?:just |go |really |fucking |honestly )?(?:die|be dead|drop dead|{_END} {_SELF})"
        rf"\b{_DIE_AFTER}|"
        rf"\b(?:world|everyone|everybody|earth|society|the planet|this site|your family)"
        rf"(?:'d| would| will|'ll)? (?:be|is) better (?:off )?(?:without|if) {_YOU}\b|"
        rf"\b(?:nobody|no one|noone|no1)(?:'d| would| will|'ll| is going to| is gonna| gonna)"
        rf" (?:miss|cry (?:for|over)|care if) {_YOU}\b|"
        rf"{_FAVOUR}(?:,| and|,? &)? (?:just |go )?(?:die|drop dead|disappear|{_END} {_SELF}|"
        r"end it|unalive|stop (?:existing|breathing))\b|"
        # "unalive" is read as "kill" (``spelling``): "do us a favour and kill" said alone
        rf"{_FAVOUR}(?:,| and|,? &)? (?:just |go )?kill[ \t]*(?:[.!?]|$)"
    ),
}

#: Words every rule needs one of (most texts have none, and are not read further; the rules
#: themselves are slow to try at every place of a long post).
_CUE = re.compile(
    r"(?:your|ur|yo) ?sel(?:f|ves)\b|\b(?:kys|bleach|die|drop dead|be dead|favou?r|end it|"
    r"stop (?:existing|breathing))\b|\bbetter (?:off )?(?:without|if) |"
    r"\b(?:miss|cry (?:for|over)|care if) (?:you|u|ya|yah|yu|y'all|yall)\b|"
    r"\b(?:kill|unalive|neck|off|end|delete) (?:them ?selves|him ?self|her ?self|themself)\b"
)
#: Substrings one of which every match of ``_CUE`` holds.
_CUE_WORDS = ("sel", "kys", "bleach", "die", "dead", "favo", "end it", "stop ", "better",
              "miss", "cry ", "care if")
#: A text with more matches than this is read by its first ones only (bounds the time a
#: post written to be slow can take).
_MAX_MATCHES = 20
_WORD = re.compile(r"[a-z]+")

#: Before a match: a denial or advice against ("please don't", "never", "stop saying").
_AGAINST = re.compile(
    r"\b(?:don't|dont|do not|never|not|no one should|nobody should|shouldn't|shouldnt|"
    r"stop|quit|won't|wont|wouldn't|wouldnt|didn't|didnt|did not|doesn't|doesnt|isn't|"
    r"can't|cant|cannot|wasn't|no need to)\b[^.!?]{0,20}$"
)
#: "why don't you": a taunt, not a denial.
_WHY_NOT = re.compile(r"\bwhy (?:don't|dont|do not|not) (?:you|u|ya)\b[^.!?]{0,20}$")
#: Before a match: a condition ("if you were to ...", "what if you just... ") or a way ("the
#: easiest way to ..."), which is how people at risk ask, in the generic "you".
_IF_OR_WAY = re.compile(
    r"\b(?:if|unless|when|whether|way|ways|how|method|methods|easiest|quickest|best|"
    r"painless|painlessly|fastest|easy|quick|least painful|cheapest|surest)\b"
    r"(?:[^.!?,;:…]|\.\.\.|…){0,25}$"
)
#: A question that is still abuse ("why don't you just die?").
_TAUNT = re.compile(
    r"\b(?:why (?:don't|dont|do not|not) (?:you|u|ya)|why not|can (?:you|u)|could (?:you|u)|"
    r"would (?:you|u)|will (?:you|u)|how about (?:you|u))\b"
)
#: Before a match: an intention asked about or told ("do you want to", "you just think the
#: world would be ...").
_INTENT = re.compile(
    r"\b(?:want|wanted|wanting|wanna|try|tried|trying|going|gonna|plan|planned|planning|"
    r"think|thought|thinking|thoughts|urge|urges|feel like|felt like|feeling like|about|"
    r"considering|consider|tempted|made you|believe|believing)\b"
    r"(?:[ \t]+(?:to|of|about|that|the|a|how|if))*[ \t]*$"
)
#: Before a match: words that report or quote it ("someone told me to", "he said").
_REPORT = re.compile(
    r"\b(?:tell|tells|told|telling|said|says|saying|say|wrote|writes|writing|comment|"
    r"comments|commented|commenting|reply|replied|replies|replying|dm|dms|dm'd|dmed|message|"
    r"messaged|messages|sent|send|sends|call|calls|called|yell|yelled|yelling|scream|"
    r"screamed|screaming|type|typed|typing|post|posted|posting|tweet|tweeted|tweeting|"
    r"spam|spammed|spamming|joke|joked|joking|ask|asked|asking|encourage|encouraged|"
    r"encouraging|urge|urged|urging|report|reported|reporting|chant|chants|chanted|"
    r"chanting|shout|shouted|shouting|text|texts|texted|texting|hear|heard|hearing|write|"
    r"mouth|mouths|mouthed|whisper|whispers|whispered|convinced|convince|convinces)\b"
    r"[^.!?]{0,30}$"
)
#: A quoted stretch: in double quotes, guillemets, or single quotes that open after a space
#: or a bracket and close before one ("he said 'go die' to me").
_QUOTE_SPAN = re.compile(
    r"\"[^\"]*\"|“[^”“]*”|«[^»«]*»|(?:^|(?<=[\s(\[:]))'[^'\n]{1,120}?'(?=[\s,.;:!?)\]]|$)"
)
#: Right before a match: the author ("i could just die", "i'm gonna kys", "let me die").
_SELF_BEFORE = re.compile(r"\b(?:i|i'm|im|i'll|ill|i'd|id|me|myself)\b[^.!?,;:]{0,15}$")
#: Comfort anywhere in the text ("stay safe, kys" is "keep yourself safe").
_COMFORT = re.compile(
    r"\b(?:stay safe|keep (?:yourself|urself|u) safe|be safe|here for (?:you|u)|reach out|"
    r"you matter|u matter|you are loved|you're loved|youre loved|hotline|helpline|"
    r"crisis line|988|samaritans|lifeline|please don't|please dont)\b"
)
#: A cue that names the author's own head as the speaker ("my brain keeps saying", "the
#: voice in my head", "I told myself", "me:"): it may quote what it says.
_SPEAKER = re.compile(
    r"\b(?:my|own) intrusive thoughts?\b|\bmy inner (?:voice|critic)\b|"
    r"\bvoices? (?:in|inside) my head\b|\b(?:the|a) voice (?:in|inside) (?:my|me)\b|"
    r"\bmy (?:brain|head|mind|thoughts|depression|anxiety|inner voice) (?:just |always |"
    r"still )?(?:says|said|tells|told|keeps|kept|screams|screamed|whispers|whispered|"
    r"repeats|goes|is saying|is screaming)\b|"
    r"\b(?:tell|told|telling|say|said|saying|repeat|repeating|scream|screaming|whisper|"
    r"whispering) (?:to )?myself\b|\btalking to myself\b|"
    r"\bme to me\b|(?:^|\n)[ \t]*(?:also )?me:"
)
#: A cue that marks the post as the author's self-talk (#vent, "note to self"), or a speaker.
_TALKS_TO_SELF = re.compile(
    rf"{_SPEAKER.pattern}|"
    r"#[ \t]?(?:vent|sui|selfharm|self_harm|suicid|intrusive|edtwt|sh\b)|"
    r"\b(?:tw|cw)\W{0,4}(?:sui|suicide|sh|self[- ]?harm)\b|"
    r"\bnote to self\b|\breminder to self\b|"
    # the mirror only with the author in the same sentence ("I looked in the mirror")
    r"\b(?:i|i'm|im|me|my)\b[^.!?\n]{0,40}\b(?:in|to|at) the mirror\b"
)
#: Abuse aimed at someone beside a cue of self-talk: an @handle ("@sam kys #vent").
_HANDLE = re.compile(r"(?<![\w@])@\w")
#: A rebuttal of the words ("it's a lie that nobody would miss you", "don't believe").
_REBUTTAL = re.compile(
    r"\b(?:lie|lies|lying to you|not true|untrue|a myth|don't believe|dont believe|"
    r"do not believe|never believe)\b"
)
#: Talking to an illness ("just die, depression", "depression, go die").
_TO_ILLNESS = re.compile(
    r"\b(?:die|dead|kys)\W{1,3}(?:\w+\W{1,3})?(?:depression|anxiety|ocd|ptsd|bpd|insomnia|"
    r"illness|cancer|migraine)\b|\b(?:depression|anxiety|ocd|ptsd|bpd|insomnia|illness|"
    r"cancer|migraine)\W{1,3}(?:\w+\W{1,3})?(?:die|kys)\b"
)
#: Someone spoken to: "you", "your", "yourself", "kys". An imperative alone is not enough
#: ("Winter, drop dead.", "This printer jams. Just die already."): ``_aimed`` also takes an
#: @handle, an insult word of ``spelling.LEXICON`` ("drink bleach idiot") or, in a reply,
#: ``_IMPERATIVE``.
_ADDRESSED = re.compile(rf"\b{_YOU}\b|\byour\b|\bur\b|\b{_SELF}\b|\bkys\b")
#: An order at a clause's start ("go die in a ditch", "do us all a favour and die"): said to
#: someone in a reply, which answers a person; not on its own.
_IMPERATIVE = re.compile(
    rf"{_CLAUSE}(?:just |pls |please |plz |now |fucking )?(?:go |just )?"
    r"(?:die|drop dead|drink bleach|stop (?:existing|breathing))\b|"
    rf"{_CLAUSE}{_AND_DIE} (?:and|&) (?:go )?die\b|\ba (?:favou?r|solid)\b"
)


#: First person that a death wish aimed at someone may carry ("I hope you die", "do me a
#: favour and die").
_FRAME = re.compile(
    r"\bi(?:'d| would| really| truly| honestly| sincerely| genuinely| just)? "
    r"(?:hope|wish|pray|think|bet|swear|want (?:you|u) to|need (?:you|u) to)\b|"
    r"\bi'm (?:begging|telling|asking) (?:you|u)\b|\bdo me a (?:favou?r|solid)\b"
)
#: Words of the author's own story: a first-person singular word (outside ``_FRAME``), or
#: the time or farewell of an act ("tonight", "goodbye", "it's time", "make it stop").
_OWN_STORY = re.compile(
    r"\b(?:i|i'm|im|me|my|myself|mine|i've|ive|i'll|i'd)\b|"
    r"\b(?:tonight|tonight's|goodbye|farewell|the plan|it's time|its time|the day|"
    r"make it stop|last night on earth|one last time|every (?:night|morning|day))\b"
)


#: Right before a wish: someone telling someone else to, or saying it ("told my brother to",
#: "replied:"); not "telling you to" (that is the wish said), "as I said", or a report verb
#: further back ("whoever wrote these notes needs to ...").
_TOLD = re.compile(
    r"(?<!go )(?<!pls )(?<!please )(?<!let's )(?<!lets )(?<!should )"
    r"\b(?:tell|tells|told|telling|encourag\w*|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?)\s+"
    r"(?!(?:you|u|ya|y'all|yall)\b)(?:[\w']+\s+){0,3}?to\s+['\"“]?(?:go\s+|just\s+)?$|"
    r"(?<!as i )(?<!like i )\b(?:said|says|saying|replied|replies|commented|wrote|writes|"
    r"posted|tweeted|typed|dm'?d|dmed|messaged|texted|chanted|chant|chants|yelled|screamed|"
    r"shouted)\s*(?:to me\s*)?[:,]?\s*$"
)
#: Right before a wish: an objection to saying it ("do not tell people to", "stop saying").
_OBJECTION = re.compile(
    r"\b(?:don't|dont|do not|never|stop|quit|no one should|nobody should|"
    r"(?:it's |it is )?not (?:ok|okay|cool|funny|acceptable) to)\s+(?:[\w']+\s+){0,2}?"
    r"(?:tell|telling|say|saying|post|posting|comment|commenting|send|sending|type|typing|"
    r"write|writing|use|using)\b[^.!?]{0,40}$"
)
#: Telling a third person to die, which a text can report ("telling people to kill
#: themselves"); never raised, only read for ``reported_wish``.
_OTHERS = re.compile(
    r"\b(?:kill|unalive|neck|off|end|delete) (?:them ?selves|him ?self|her ?self|themself)\b")
#: Self-harm said to oneself ("go hurt yourself"), read only with a cue of self-talk.
_HURT = re.compile(
    rf"\b(?:hurt|cut|harm|starve) {_SELF}\b"
    r"(?! (?:a|an|the|some|of|less|more|off|up|slack|short|loose|free)\b)|"
    r"\b(?:just |go |pls |please )end it all\b"
)
#: Death wishes said only to a person (not "die already" or "drop dead", which are also said
#: to cats, printers and raid bosses).
_TO_A_PERSON = re.compile(
    rf"{_SELF}|\bkys\b|\b{_YOU} (?:should|deserve|need|ought|oughta|better|gotta|have)\b|"
    r"\bmiss\b|\bcry\b|\bcare if\b|\bbetter (?:off )?(?:without|if)\b|\bend it all\b"
)
_JOKE = re.compile(r"\b(?:lol|lmao|lmfao|haha\w*|jk|rofl|just kidding|kidding)\b|/j\b|/hj\b|😂|🤣")
#: How far (in characters) a cue of self-talk may be from the words it marks.
_NEAR = 160


class _Text:
    """One lower-cased text, with what several rules read of it computed once."""

    def __init__(self, text: str | None):
        self.low = lowered(text)
        self.cued = any(w in self.low for w in _CUE_WORDS) and \
            _CUE.search(self.low) is not None
        self._quotes: list[tuple[int, int]] | None = None
        self._found: list[tuple[str, re.Match]] | None = None

    @property
    def found(self) -> list[tuple[str, re.Match]]:
        if self._found is None:
            self._found = []
            for name, rx in WISH_RULES.items():
                self._found += [(name, m) for m in islice(rx.finditer(self.low), _MAX_MATCHES)]
        return self._found

    def quoted(self, match: re.Match) -> bool:
        """Inside a quoted stretch, or after a double quote that is never closed."""
        if self._quotes is None:
            self._quotes = [q.span() for q in _QUOTE_SPAN.finditer(self.low)]
        i = bisect_right(self._quotes, (match.start(), len(self.low))) - 1
        if i >= 0 and self._quotes[i][0] < match.start() and match.end() <= self._quotes[i][1]:
            return True
        before = self.low[: match.start()]
        return (before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")
                or before.rfind("«") > before.rfind("»"))

    def sentence(self, match: re.Match) -> str:
        low = self.low
        start = max(low.rfind(c, 0, match.start()) for c in ".!?\n") + 1
        ends = [i for i in (low.find(c, match.end()) for c in ".!?\n") if i >= 0]
        return low[start : (min(ends) + 1 if ends else len(low))]

    def asked(self, match: re.Match) -> bool:
        sentence = self.sentence(match)
        return sentence.rstrip().endswith("?") and not _TAUNT.search(sentence)


def _held_back(t: _Text, match: re.Match) -> bool:
    before = t.low[max(0, match.start() - 40) : match.start()]
    return bool(
        (_AGAINST.search(before) and not _WHY_NOT.search(before))
        or _INTENT.search(before) or _REPORT.search(before) or _IF_OR_WAY.search(before)
        or _SELF_BEFORE.search(before) or t.quoted(match) or t.asked(match)
    )


def _explain(t: _Text) -> list[str]:
    if not t.cued or _COMFORT.search(t.low):
        return []
    hits: list[str] = []
    for name, m in t.found:
        if name not in hits and not _held_back(t, m):
            hits.append(name)
    return hits


def _aimed(t: _Text, reply: bool = False) -> bool:
    if not _explain(t) or _TO_ILLNESS.search(t.low) or _REBUTTAL.search(t.low):
        return False
    handle = _HANDLE.search(t.low) is not None
    if _TALKS_TO_SELF.search(t.low) and not handle:
        return False
    addressed = handle or _ADDRESSED.search(t.low) is not None \
        or not LEXICON.isdisjoint(_WORD.findall(t.low)) \
        or (reply and _IMPERATIVE.search(t.low) is not None)
    return addressed and _OWN_STORY.search(_FRAME.sub(" ", t.low)) is None


def _before(t: _Text, match: re.Match) -> str:
    return t.low[max(0, match.start() - 60) : match.start()]


def _reported(t: _Text) -> bool:
    if not t.cued or _COMFORT.search(t.low):
        return False
    wishes = [m for _, m in t.found]
    # "kill themselves" is a wish only when someone is told to ("told people to kill
    # themselves"), not in a quoted story of a death
    others = [m for m in islice(_OTHERS.finditer(t.low), _MAX_MATCHES)
              if _TOLD.search(_before(t, m)) or _OBJECTION.search(_before(t, m))]
    found = wishes + others
    if not found or len(found) >= _MAX_MATCHES:
        return False
    for m in wishes:
        before = _before(t, m)
        if not (t.quoted(m) or _TOLD.search(before) or _OBJECTION.search(before)):
            return False
    rest = _QUOTE_SPAN.sub(" . ", t.low)
    for m in found:
        rest = rest.replace(m.group(0), " . ")
    return LEXICON.isdisjoint(_WORD.findall(rest)) and not aims_abuse(rest)


def _to_self(t: _Text) -> bool:
    if not t.cued or _JOKE.search(t.low) or _HANDLE.search(t.low):
        return False
    wishes = [m for _, m in t.found]
    wishes += islice(_HURT.finditer(t.low), _MAX_MATCHES)
    if not wishes:
        return False
    cues = [c.start() for c in _TALKS_TO_SELF.finditer(t.low)]
    if not cues:
        return False
    for m in wishes:
        before = t.low[max(0, m.start() - 60) : m.start()]
        near = before[-40:]
        if ((_AGAINST.search(near) and not _WHY_NOT.search(near)) or _INTENT.search(near)
                or _IF_OR_WAY.search(near) or _SELF_BEFORE.search(near) or t.asked(m)):
            continue
        # said to "you": the wish, or its sentence, speaks to someone ("this raid boss has 2%
        # hp, just die already" is not said to oneself); with a tag cue only (#vent), only
        # words said to a person ("#vent my cat knocked my plants over. die already, you
        # little gremlin" is not)
        if not _ADDRESSED.search(t.sentence(m)):
            continue
        if not _TO_A_PERSON.search(m.group(0)) and not _SPEAKER.search(t.low):
            continue
        # told by someone else, unless the author's own head is the teller, named right
        # before ("my brain keeps saying 'kys'"); quoted words alone count (self-talk quotes
        # itself)
        if (_TOLD.search(before) or _REPORT.search(near)) and not _SPEAKER.search(near):
            continue
        i = bisect_left(cues, m.start() - _NEAR)
        if i < len(cues) and cues[i] <= m.start() + _NEAR:
            return True
    return False


def explain_wish(text: str | None) -> list[str]:
    """Names of the rules that find a death wish in ``text`` that is not denied, asked
    about, reported, quoted, said by the author of themself or comfort."""
    return _explain(_Text(text))


def aimed_wish(text: str | None, reply: bool = False) -> bool:
    """True when ``text`` tells someone to die (see the module's rules): what raises
    ``toxicity`` and ``offensive``, where the text does not read as the author's crisis.
    ``reply``: the text answers someone's post, so an order alone speaks to them."""
    return _aimed(_Text(text), reply)


def reported_wish(text: str | None) -> bool:
    """True when every death wish in ``text`` is quoted, told by someone to someone else or
    objected to ("got 40 'kys' replies", "someone told my brother to go unalive himself",
    "do not tell people to kill themselves") and nothing else in it aims abuse at someone
    (an insult word outside the quotes, "you idiot"), and it is not ``aimed_wish``."""
    t = _Text(text)
    return not _aimed(t) and _reported(t)


def self_wish(text: str | None) -> bool:
    """True when ``text`` tells "you" to die or to hurt yourself near a plain cue that it
    is the author talking to themself, and is not ``aimed_wish``: the author's own risk."""
    t = _Text(text)
    return not _aimed(t) and (not _reported(t) or _SPEAKER.search(t.low) is not None) \
        and _to_self(t)


class Wishes(NamedTuple):
    """What ``wish_masks`` finds in each text."""

    #: a death wish aimed at someone: toxicity and offensive are raised where the text
    #: does not read as the author's crisis
    aimed: np.ndarray
    #: death wishes only quoted, reported or objected to: toxicity and offensive are capped
    reported: np.ndarray
    #: a death wish the author says to themself: crisis is raised, toxicity and offensive
    #: capped (an insult to oneself, as ``guards``' ``self_directed``)
    to_self: np.ndarray


def wish_masks(texts: list[str], replies: list[bool] | None = None) -> Wishes:
    """``aimed_wish``, ``reported_wish`` and ``self_wish`` of each text; ``replies`` says
    which texts answer someone's post (``aimed_wish``'s ``reply``)."""
    n = len(texts)
    aimed, reported, to_self = (np.zeros(n, dtype=bool) for _ in range(3))
    for i, text in enumerate(texts):
        t = _Text(text)
        if not t.cued:
            continue
        aimed[i] = _aimed(t, bool(replies[i]) if replies is not None else False)
        if not aimed[i]:
            reported[i] = _reported(t)
            to_self[i] = (not reported[i] or _SPEAKER.search(t.low) is not None) \
                and _to_self(t)
    return Wishes(aimed, reported, to_self)


def adjust_wishes(signal: str, probs: np.ndarray, wishes: Wishes,
                  crisis: np.ndarray | None = None) -> np.ndarray:
    """Apply the rule to one signal's scores (returns a new array).

    ``toxicity`` / ``offensive``: raised to ``WISH_SCORE`` where ``wishes.aimed`` and
    ``crisis`` (the texts' crisis readings, required) is under ``CRISIS_KEEPS``; capped at
    ``guards.GUARD_CAP`` where ``wishes.reported`` or ``wishes.to_self``. ``crisis``: raised
    to ``SELF_TALK_SCORE`` where ``wishes.to_self``; ``SignalModel.score`` applies it after
    every other crisis rule, which could cap it (a second-person text with "stay" reads as a
    supportive reply)."""
    if signal in ("toxicity", "offensive"):
        if crisis is None:
            raise ValueError("adjust_wishes: the crisis readings are needed for " + signal)
        raise_ = wishes.aimed & (np.asarray(crisis) < CRISIS_KEEPS)
        return cap_where(raise_where(probs, raise_, WISH_SCORE),
                         wishes.reported | wishes.to_self)
    if signal == "crisis":
        return raise_where(probs, wishes.to_self, SELF_TALK_SCORE)
    raise ValueError(f"adjust_wishes: no rule for signal {signal!r}")
