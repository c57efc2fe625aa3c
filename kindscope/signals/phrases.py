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
    }.items()
}

#: Rules whose phrases carry their own negation ("don't want to be alive").
_NEGATION_INSIDE = {"no_reason"}

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
        for m in rx.finditer(low):
            if name in _NEGATION_INSIDE or not _negated(low, m):
                hits.append(name)
                break
    return hits


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
