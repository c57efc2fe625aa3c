"""Goodbye notes without a plain phrase, and goodbyes to a platform (the crisis phrase layer).

Real goodbye notes seldom say "goodbye everyone" or "this is my last post": they apologise
for everything, ask forgiveness, say it is no one's fault, that the author is tired of
fighting, leave instructions for after they are gone ("take care of my cat for me", "tell
mum I love her"), or speak of peace and an end to pain. One of those alone is ordinary ("I'm
sorry for everything I said", "no more pain after the surgery!"), so :func:`is_goodbye_note`
wants two of them (``NOTE_CUES``), or one of them and a farewell (``FAREWELL_CUES``: goodbye,
thanks for everything, love you all, a last post, see you on the other side), in a text
with a first-person pronoun. It is not read when the text asks someone to stay or whether
they are safe (a supporter's reply, ``_STAY``), says it is not a goodbye, or leaves a
platform, gives a new address or takes a break (:func:`leaves_platform`).

Goodbyes to a platform are common in the data kindscope reads ("goodbye everyone, this is
my last tweet, find me on bluesky"). :func:`leaves_platform` reads them: leaving, deleting
or quitting a named platform, an address to follow, or a break with a return ("for a
while", "see you in a month"). ``phrases.explain`` drops its farewell rules (``goodbye``,
``last_post``) when they are the only ones that fire on such a text; the model's own score
is left as it is. Deleting "my account" without naming a platform is not a cue: people at
risk also close accounts. Plan 20, ``training/variants/2026-12-06d``.
"""

from __future__ import annotations

import re

__all__ = ["FAREWELL_CUES", "NOTE_CUES", "is_goodbye_note", "leaves_platform", "note_cues"]

_FAMILY = (r"(?:mum|mom|mam|mummy|mommy|dad|daddy|mother|father|parents|family|sister|brother|"
           r"sis|bro|kids|children|son|daughter|wife|husband|partner|girlfriend|boyfriend|gf|bf|"
           r"nan|nana|gran|grandma|grandpa|best friend|friends)")

#: Cues of a goodbye note that ordinary farewells do not use.
NOTE_CUES: dict[str, re.Pattern] = {
    name: re.compile(rx)
    for name, rx in {
        "sorry_for_all": r"\bsorry (?:for|about) (?:everything(?! (?:that )?i (?:said|wrote|"
        r"tweeted|posted))|all of (?:this|it)|all the "
        r"(?:pain|trouble|hurt)|being (?:a|such a|so much of a) burden)\b|\bsorry (?:that )?"
        r"i (?:couldn't|could not|couldnt|wasn't|was not|wasnt|can't|cant|cannot) (?:be "
        r"(?:stronger|strong enough|better|enough)|stay|hold on|fight|keep (?:going|fighting)|"
        r"do this)\b",
        "forgive_me": r"\bforgive me\b(?!\s+(?:for (?:the|this|my|a|any|not|being late|"
        r"asking|saying)|if|but|father|lord))",
        "no_ones_fault": r"\bnot (?:anyone's|anyones|anybody's|anybodys|your|ur|their|his|her|"
        r"any of your) fault\b|\bno one(?:'s| is) to blame\b|\bnobody(?:'s| is) (?:fault|to "
        r"blame)\b|\bdon't blame yourselves?\b|\bdont blame yourselves?\b",
        "tired_of_fighting": r"\b(?:i'm|im|i am) (?:so |just |really )?(?:tired|exhausted)\b"
        r"[^.!?\n]{0,30}\b(?:of (?:fighting|trying|everything|living|being here|it all|"
        r"pretending|existing)|anymore|any more)\b|\b(?:i'm|im|i am) done (?:fighting|"
        r"trying)\b|\b(?:can't|cant|cannot) (?:fight|hold on|keep fighting|keep going|do it) "
        r"(?:anymore|any more|any longer)\b|\b(?:rest|sleep) (?:forever|for good)\b|\bfinally "
        r"(?:rest|sleep)\b",
        "after_i_am_gone": r"\b(?:when|after|once|now that) (?:i'm|im|i am) gone\b|\bby the time "
        r"(?:you|anyone|someone) (?:read|reads|see|sees|find|finds) this\b|\btake care of "
        r"(?:my |little |sweet |)\w+(?: \w+)? for me\b|\blook after (?:my |)\w+(?: \w+)? for me\b|"
        rf"\btell (?:my )?{_FAMILY} (?:that )?i (?:love|loved|am sorry|'m sorry|m sorry|was "
        r"sorry)\b|\bpasswords? (?:is|are|for)\b[^.!?\n]{0,30}\b(?:in|on|under)\b|\bmy "
        r"(?:things|stuff|belongings|savings|guitar|books|clothes)\b[^.!?\n]{0,30}\b(?:go|goes|"
        r"should go|can go) to\b",
        "peace_at_last": r"\b(?:i'll|ill|i will|i can|i'm going to|im going to) (?:finally )?"
        r"(?:be )?(?:at peace|free of (?:this|it|the pain))\b|\bno more (?:pain|hurting|"
        r"suffering)\b|\b(?:won't|wont|will not) (?:be a burden|hurt anymore|have to (?:suffer|"
        r"hurt))\b|\b(?:won't|wont|will not|don't|dont) have to (?:worry about|deal with|put up "
        r"with|carry) me\b|\bnot (?:be )?a burden (?:anymore|any more|to anyone)\b",
    }.items()
}

#: Farewells that ordinary goodbyes use too: a note cue only counts with one of them (or
#: with a second note cue).
FAREWELL_CUES: dict[str, re.Pattern] = {
    name: re.compile(rx)
    for name, rx in {
        "farewell": r"\b(?:goodbye|good bye|farewell)\b|\bbye (?:all|everyone|everybody|friends|"
        r"world|y'all|yall|guys)\b",
        "thanks_for_all": r"\bthank(?:s| you)(?: all| everyone| all of you| so much)? for "
        r"everything\b|\bthank you (?:all |everyone )?for (?:being there|the love|trying|"
        r"caring)\b",
        "love_you_all": r"\bi love (?:you all|you guys|all of you|everyone|y'all|yall)\b|"
        r"\blove you all\b",
        "last_words": r"\b(?:my )?last (?:post|message|tweet|toot|words)\b",
        "other_side": r"\bsee you (?:all )?(?:on the other side|in the next life|someday|one "
        r"day)\b",
    }.items()
}

_PLATFORM = (r"(?:twitter|x|the bird ?site|this (?:site|app|platform|hellsite|hell site|"
             r"website)|facebook|fb|instagram|insta|ig|tiktok|threads|mastodon|bluesky|bsky|"
             r"reddit|tumblr|discord|youtube|social media|socials|the fediverse)")
_LEAVING = re.compile(
    r"\b(?:leav(?:e|ing)|left|quit(?:ting)?|delet(?:e|ing)|deactivat(?:e|ing)|abandon(?:ing)?|"
    r"log(?:ging)? off|log(?:ging)? out of|done with|moving (?:off|away from)|getting off|"
    r"stepping away from|signing off)\b[^.!?\n]{0,25}?\b" + _PLATFORM + r"\b"
    r"|\b(?:find|follow|join|catch) me (?:on|at|over (?:on|at)|in)\b"
    r"|\bsee you (?:all )?(?:on|over (?:on|at)|at) " + _PLATFORM + r"\b"
    r"|\b(?:moving|migrating|headed|heading|going) (?:over )?to " + _PLATFORM + r"\b"
    r"|\bmy new (?:account|handle|home|profile)\b"
    r"|@[\w.-]+\.(?:bsky\.social|social)\b|@\w+@[\w-]+(?:\.[\w-]+)+"
    r"|\b(?:i'm|im|i am|we're) (?:now |still )?(?:on|over on|over at) " + _PLATFORM + r"\b"
)
_BREAK = re.compile(
    r"\bfor a (?:while|bit|few (?:days|weeks|months))\b"
    r"|\b(?:social media|twitter|internet|digital|screen) (?:break|detox|hiatus|fast)\b"
    r"|\btaking (?:a|some) (?:break|breather|step back|hiatus|time off)\b"
    r"(?! from (?:life|living|everything|it all|being alive))"
    r"|\bon (?:a )?(?:break|hiatus)\b"
    r"|\bsee (?:you|y'all|yall|ya) (?:all )?(?:in|after|next|on|when) (?:a |the |)(?:few |"
    r"couple of |)(?:days?|weeks?|months?|year|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|weekend|exams|holidays?|summer|winter|spring|autumn|fall|new year|"
    r"\w+ (?:days|weeks|months))\b"
    r"|\b(?:be )?back (?:in|after|soon|next|on monday|on tuesday|on wednesday|on thursday|"
    r"on friday|on saturday|on sunday|when)\b"
)

_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|me|my|myself|i've|ive|i'll|i'd)\b")
#: A reply that asks someone to stay or whether they are safe: a supporter's, not a note.
_STAY = re.compile(
    r"\b(?:don't|dont|do not) (?:go|leave|say goodbye|give up|do (?:it|this|anything))\b"
    r"|\bare (?:you|u) (?:ok|okay|safe|alright|all right|there)\b|\breach out\b"
    r"|\b(?:call|text|ring|contact) (?:988|111|116 ?123|999|911|a (?:crisis|help) ?line|"
    r"the (?:crisis|help) ?line|samaritans|someone|a friend)\b"
    r"|\bwe(?:'d| would| will|'ll)? miss you\b|\bstay with us\b|\b(?:here|there) for you\b"
    r"|\byou matter\b|\byou(?:'re| are) not (?:alone|a burden)\b|\bplease stay\b"
    r"|\bworried about you\b"
)
_NOT_GOODBYE = re.compile(r"\b(?:not|isn't|isnt|never) (?:a |saying )?goodbye\b")
_JOKE = re.compile(r"\b(?:lol|lmao|lmfao|haha\w*|jk|rofl)\b|😂|🤣")


def leaves_platform(low: str) -> bool:
    """Whether the (lower-cased) text leaves a named platform, gives an address to follow,
    or takes a break with a return."""
    return _LEAVING.search(low) is not None or _BREAK.search(low) is not None


def note_cues(low: str) -> tuple[list[str], list[str]]:
    """The note cues and the farewell cues that occur in the (lower-cased) text."""
    return ([name for name, rx in NOTE_CUES.items() if rx.search(low)],
            [name for name, rx in FAREWELL_CUES.items() if rx.search(low)])


def is_goodbye_note(low: str) -> bool:
    """Two note cues, or one and a farewell, in a first-person text that is no supporter's
    reply, no joke, not "not a goodbye", and no goodbye to a platform (see the module)."""
    notes, farewells = note_cues(low)
    if not notes or len(notes) + len(farewells) < 2:
        return False
    return (_FIRST_PERSON.search(low) is not None and _STAY.search(low) is None
            and _NOT_GOODBYE.search(low) is None and _JOKE.search(low) is None
            and not leaves_platform(low))
