"""A transparent phrase layer for the ``crisis`` signal.

Models trained on forum posts miss short first-person statements of suicidal intent or
self-harm ("I've written the note, goodbye everyone"). Each rule below is a named regular
expression over the lower-cased text; any hit raises ``crisis`` to at least
``PHRASE_SCORE``. Since model 2026.12.10 ``end_it_all`` reads "I want to end it all" said of
oneself (not "are you planning to end it all?", "I know you want to end it all", "end it all
with my boyfriend" or "I plan to end it all on a cliffhanger"). A note or
letter counts only as "the note", "my note", or a suicide,
goodbye, last or final one: "I would write a letter to the landlord" (a counsellor's advice)
and "my notes app" raised crisis to 0.9 before model 2026.12.9. A second, smaller set of
rules recognises a supportive reply that talks *to* someone at risk ("please don't give up,
why do you want to die?") and caps the model's score at ``SUPPORT_CAP`` when the text has no
first-person risk phrase and no first-person singular pronoun; figures of speech ("this
deadline is killing me", "to die for"; and ``idioms.py``'s families) without a risk phrase
are capped the same way. Since model 2026.12.14 "my suicide prevention training" (or course,
class, workshop, walk; or "awareness") is not "my suicide". Rules read nothing but the text;
``explain`` lists the risk rules that fired. Rules that read a risk phrase as someone else's
("your suicidal thoughts", "I know you want to die") or as long past were tried on
2026-12-05 and taken back: reviews found them lowering posts by people at risk
(``training/variants/2026-12-05e``, ``2026-12-05f``).
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import lowered
from kindscope.signals.idioms import explain_idioms

__all__ = ["PHRASE_SCORE", "SUPPORT_CAP", "RISK_RULES", "adjust_crisis", "explain"]

PHRASE_SCORE = 0.9
SUPPORT_CAP = 0.3

_I = r"\b(?:i|i'm|im|i am|i've|ive|i have|i'll|ill|i will|i'd|id)\b"
_NEG = r"\b(?:never|not|don't|dont|wouldn't|wouldnt|won't|wont|no)\b"
_KILL_SELF = (
    r"(?:kill(?:ing)? myself|end(?:ing)? my (?:own )?life|take my (?:own )?life|off myself)"
)

#: Passive wishes not to be alive, said of now: "i wish i could fall asleep and not wake up",
#: "i hope i don't wake up", "i wish i'd never been born", "tired of being alive", "i don't
#: see the point of staying alive", "if something happened to me i wouldn't mind" (model
#: 2026.12.14 read the first 0.21, and the fourth 0.29 after "you're sweet but"). Everyday
#: senses are left out by what follows ("tired of living in this heat", "no point in going
#: on the trip", "not wake up till monday"); ``_voiced`` leaves out words put in someone
#: else's mouth, and ``_PAST`` stories of the past.
_EVERYDAY_AFTER = (r"(?!\s+(?:in|with|like(?! this| that)|under|on|at(?! all)|next|paycheck|"
                   r"around|through|off|out|for|here|there|this|the|a|an|these|my|to|about|"
                   r"until|till|when|during|over|insurance|hacks?|trip|holiday|vacation|tour|"
                   r"date|stage|stream)\b)")
_NOT_A_TIME = r"(?!\s+(?:till|until|til|before|for|in|on|at|early|late|again until)\b)"
_WISH_I = (r"\b(?=wish|hop|pray)(?<!don't )(?<!dont )(?<!never )(?<!not )"
           r"(?:wish|wishing|hope|hoping|pray|praying)(?: that)? i(?:'d)? (?:just |still |kinda )?")
_PASSIVE = (
    rf"{_WISH_I}(?:could |would |can |will |won't |wont |don't |dont |do not |never |"
    r"could just )?(?:go to sleep|fall asleep|sleep|close my eyes)(?: (?:tonight|forever|"
    r"peacefully|one day|someday|now|again))? and (?:not|never|don't|dont|won't|wont) "
    rf"(?:wake up|wake|open them)\b{_NOT_A_TIME}|"
    rf"{_WISH_I}(?:don't|dont|won't|wont|wouldn't|wouldnt|never|do not|will not|not) "
    rf"wake up\b{_NOT_A_TIME}|\blet me not wake up\b{_NOT_A_TIME}|"
    rf"{_WISH_I}(?:wasn't|wasnt|weren't|werent|was never|were never|had never been|"
    r"hadn't been|never been|never was) (?:alive|born|here)\b|"
    rf"{_WISH_I}(?:didn't|didnt|did not|could stop to|could just stop to|never) exist(?:ed)?\b|"
    rf"{_WISH_I}(?:had )?never (?:been born|existed)\b|"
    rf"\b(?:tired|sick|exhausted) of (?:being alive|existing|living)\b{_EVERYDAY_AFTER}|"
    r"\bthinking (?:\w+ ){0,3}?(?:about|of) not (?:being (?:here|alive|around)|existing|"
    rf"waking up)\b{_EVERYDAY_AFTER}|"
    r"\b(?:don't|dont|do not|can't|cant|cannot) see (?:the|any|a) (?:point|reason) (?:in|of|to) "
    r"(?:living|staying alive|being alive|going on|being here|existing|live|stay alive|"
    rf"staying here|sticking around)\b{_EVERYDAY_AFTER}|"
    r"\bno (?:point|reason) (?:in|to) (?:sticking around|staying alive|being alive|being here|"
    rf"existing)\b{_EVERYDAY_AFTER}|"
    r"\bwhat(?:'s| is|s) (?:even )?the point (?:of|in) (?:living|staying alive|being alive|"
    rf"being here|existing)\b{_EVERYDAY_AFTER}|"
    rf"{_WISH_I}(?:get|got|would get) hit by a (?:car|bus|train|truck)\b|"
    r"\b(?:i|i'd|id) (?:\w+ )?(?:want|wanna|like) (?:to )?(?:go to |fall a)?sleep forever\b|"
    r"\b(?:wake|woke|waking) up (?:\w+ )?disappointed (?:that )?i (?:woke up|did|am still|"
    r"was still|'m still|m still)\b|"
    r"\bi (?:\w+ )?(?:wouldn't|wouldnt|would not) (?:mind|care|be upset)(?: about it)?(?: \w+)? if "
    r"(?:something|anything) (?:happened|happens|bad happened) to me\b|"
    r"\bif (?:something|anything) (?:happened|happens) to me(?: \w+){0,2}? i (?:\w+ )?"
    r"(?:wouldn't|wouldnt|would not) (?:mind|care|be upset)\b"
)

RISK_RULES: dict[str, re.Pattern] = {
    name: re.compile(rx)
    for name, rx in {
        "note": rf"{_I}[^.!?]{{0,25}}\b(?:written|wrote|writing|write|left)\b[^.!?]{{0,20}}"
        r"\b(?:(?:the|a|my)\s+(?:suicide|goodbye|last|final)\s+(?:note|letter)s?|"
        r"(?:the|my)\s+note(?!\s*(?:app|book|pad|s\b)))\b",
        "goodbye": r"\b(?:goodbye|bye|farewell)\s+(?:everyone|everybody|all|world|cruel world|"
        r"forever)\b|\bfinal goodbye\b|\bthis is (?:my )?goodbye\b",
        "end_it_when": r"\bend(?:ing)? (?:it|it all|my life|things|everything)(?: all)? "
        r"(?:tonight|today|now|soon|this week|tomorrow)\b",
        "kill_self": rf"{_I}[^.!?]{{0,40}}{_KILL_SELF}|\b(?:going|want|wanna|gonna|plan|"
        rf"planning|decided|ready|about) to {_KILL_SELF}",
        "want_die": rf"{_I}[^.!?]{{0,25}}\b(?:want|wanna|wish|going|ready|deserve) (?:to )?"
        r"(?:die|be dead|not (?:be alive|exist|wake up))\b|\bwish i (?:was|were) dead\b",
        "suicidal": rf"{_I}[^.!?]{{0,20}}\b(?:suicidal|attempt(?:ed|ing)? suicide)\b|"
        r"\bmy suicide\b(?! (?:prevention|awareness) (?:training|course|class|workshop|walk|"
        r"certificate|certification|module)s?\b)|\bsuicidal (?:again|tonight|thoughts)\b",
        "self_harm": rf"{_I}[^.!?]{{0,30}}\b(?:cut|cutting|burn(?:ed|t|ing)?|hurt(?:ing)?|"
        r"harm(?:ed|ing)?) myself\b|\bself[- ]harm(?:ed|ing)? again\b|"
        r"\b(?:cut|cutting) my (?:wrists?|arms?|thighs?)\b",
        "overdose": rf"{_I}[^.!?]{{0,30}}\b(?:took|taken|swallowed|overdosed)\b[^.!?]{{0,20}}"
        r"\b(?:pills|tablets|overdose|bottle)\b",
        "no_reason": r"\bno (?:reason|point) (?:to|in) (?:live|living|go on|going on)\b|"
        r"\b(?:better off|be better) (?:without me|dead|if i (?:was|were) gone)\b|"
        r"\bwon't be (?:here|around|alive) (?:tomorrow|much longer|anymore)\b|"
        rf"{_I}[^.!?]{{0,15}}\b(?:can't|cannot|cant) (?:go on|do this anymore|keep living)\b|"
        r"\b(?:don't|dont|do not) want to (?:be alive|live|exist|wake up)\b",
        "last_post": r"\bthis is my last (?:post|message|tweet|toot)\b",
        "end_it_all": rf"{_I}(?:(?!\b(?:you|u|he|she|they|we)\b)[^.!?]){{0,20}}\b(?:want|wanna|"
        r"going|gonna|ready|decided|plan|planning|about)(?: to)? end it all\b"
        r"(?!\s*(?::|with\b|on\b|by\b|in\b|at\b))",
        "passive": _PASSIVE,
    }.items()
}

#: Substrings one of which a text needs before a rule is tried (most texts have none).
_CUES = {"passive": ("wish", "hope", "hoping", "pray", "tired of", "sick of", "exhausted of",
                     "thinking", "point", "reason", "wake", "woke", "sleep forever",
                     "happen")}
#: Rules whose phrases carry their own negation ("don't want to be alive").
_NEGATION_INSIDE = {"no_reason", "passive"}
#: Rules read only of the present: not in a sentence that tells of the past ("i used to
#: wish i wouldn't wake up").
_PRESENT_ONLY = {"passive"}
_PAST = re.compile(
    r"\b(?:used to|back then|ago|last year|when i was|at the time|those days|spent|"
    r"as a (?:kid|child|teen|teenager)|in (?:high school|college|uni|my (?:teens|twenties|20s))|"
    r"in (?:19|20)\d\d|wished|hoped|prayed)\b"
)
#: Before a passive wish in its sentence: someone else speaks or is spoken of ("when you say
#: you're tired of existing", "my friend says she ..."), unless the author takes over ("you're
#: sweet but i don't see the point ...": only what follows the author's last "i" counts).
_OTHER_VOICE = re.compile(
    r"\b(?:you|u|you're|youre|ur|your|he|she|they|he's|she's|they're|his|her|their|says|"
    r"said|say|saying|told|tells|telling|wrote|writes|asked|asks)\b"
)
#: An open quote before a match ("when your kid says 'i wish i didn't exist'").
_OPEN_QUOTE = re.compile(r"(?:^|[\s(:])['‘][^'’]*$")
#: Embarrassment or a hangover told as a wish not to exist ("now i wish i didn't exist. so
#: embarrassing").
_HYPERBOLE = re.compile(r"\b(?:embarrass\w*|cringe\w*|awkward|mortif\w*|hangover|hungover)\b")

#: Figures of speech about death that are not about the author's safety.
_FIGURATIVE = re.compile(
    r"\b(?:is|are|was|were|it's|its|this|that|these|you're) killing me\b|\bto die for\b|"
    r"\bdying (?:to|for|of laughter)\b|\bcould (?:just )?die of\b|\bkill me now\b|"
    r"\bdead tired\b|\b(?:i'm|im) dead\b|\bi'm dying here\b"
)

_JOKE = re.compile(r"\b(?:lol|lmao|lmfao|haha\w*|jk|rofl)\b|😂|🤣")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|me|my|myself|i've|ive|i'll|i'd)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|youre|yourself|u)\b")
_SUPPORT_CUE = re.compile(
    r"\b(?:please|don't give up|dont give up|reach out|here for you|hang in|you matter|"
    r"talk to|call|hotline|helpline|stay|you're not alone|you are not alone|why)\b"
)


def _negated(text: str, match: re.Match) -> bool:
    """A negation between the last first-person pronoun of the match and its end, or in
    the few characters before a match that has no pronoun ("I would never kill myself")."""
    span = match.group(0)
    pronouns = list(re.finditer(_I, span))
    if pronouns:
        window = span[pronouns[-1].start() :]
    else:
        window = text[max(0, match.start() - 25) : match.end()]
    return re.search(_NEG, window) is not None


def explain(text: str) -> list[str]:
    """Names of the risk rules that fire on ``text`` (after negation and joke checks)."""
    low = lowered(text)
    if _JOKE.search(low):
        return []
    hits = []
    for name, rx in RISK_RULES.items():
        if name in _CUES and not any(cue in low for cue in _CUES[name]):
            continue
        for m in rx.finditer(low):
            if name in _PRESENT_ONLY and not _own_now(low, m):
                continue
            if name in _NEGATION_INSIDE or not _negated(low, m):
                hits.append(name)
                break
    return hits


def _own_now(low: str, match: re.Match) -> bool:
    """A passive wish the author says of now: not in a story of the past, not after words
    of someone else's voice in its sentence, not inside an open quote, not embarrassment."""
    sentence = _sentence(low, match)
    if _PAST.search(sentence) or _HYPERBOLE.search(low):
        return False
    start = max(low.rfind(c, 0, match.start()) for c in ".!?\n") + 1
    before = low[start : match.start()]
    if before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”") \
            or _OPEN_QUOTE.search(before):
        return False
    own = list(re.finditer(r"\bi\b", before))
    return _OTHER_VOICE.search(before[own[-1].end():] if own else before) is None


def _sentence(low: str, match: re.Match) -> str:
    start = max(low.rfind(c, 0, match.start()) for c in ".!?\n") + 1
    ends = [i for i in (low.find(c, match.end()) for c in ".!?\n") if i >= 0]
    return low[start : (min(ends) if ends else len(low))]


def _is_support_reply(low: str) -> bool:
    return (
        _SECOND_PERSON.search(low) is not None
        and _SUPPORT_CUE.search(low) is not None
        and _FIRST_PERSON.search(low) is None
    )


def adjust_crisis(texts: list[str], probs: np.ndarray,
                  idioms: list[list[str]] | None = None) -> np.ndarray:
    """Apply the phrase layer to the model's crisis probabilities (returns a new array);
    ``idioms``: ``idioms.explain_idioms`` of each text, when already read."""
    out = np.asarray(probs, dtype=np.float64).copy()
    for i, text in enumerate(texts):
        if explain(text):
            out[i] = max(out[i], PHRASE_SCORE)
        elif _is_support_reply(low := lowered(text)):
            out[i] = min(out[i], SUPPORT_CAP)
        elif _FIGURATIVE.search(low) or (
                idioms[i] if idioms is not None else explain_idioms(text)):
            out[i] = min(out[i], SUPPORT_CAP)
    return out
