"""Whose "suicidal" the crisis phrase layer reads: the author's, unless plainly someone else's.

Supporters and counsellors write the word as often as the people they answer: "your suicidal
thoughts are lying to you", "I think you're suicidal", "antidepressants can cause suicidal
thoughts". The phrase layer (``phrases.py``) read each as the author's risk and raised the post
to 0.9: at model 2026.12.13, 8 of the 9 Counsel Chat answers read as crisis were raised so
(``training/variants/2026-12-05e/crisis_on_supporters.py``).

A first version (commit 3727548) gave a phrase to anyone named before it in its clause. A
review with 234 posts written to break it found it lowered 56 posts by people at risk below
0.5: "you" is as often an object ("i feel you suicidal thoughts all day", "love you mom
ending it tonight"), "someone" the listener ("i told someone about the suicidal thoughts"),
and "cause" a short "because" ("crying at 3am cause suicidal thoughts again"). What is left
reads only the word "suicidal" (the ``suicidal`` rule), only in forms that cannot be the
author's:

- a possessive right before it: "your suicidal thoughts", "ur suicidal thoughts";
- another person as the subject of its verb: "you're suicidal", "he is suicidal again",
  "they are having suicidal thoughts", "I think you are suicidal";
- a question to someone, in a text with no first-person word: "are you suicidal again?";
- a clinical frame, in a sentence with no first-person word: "the risk of developing
  suicidal thoughts", "symptoms such as suicidal thoughts", "can cause suicidal thoughts",
  "evaluated for suicidal thoughts".

A first-person clause right after it keeps it the author's ("the suicidal thoughts i've been
having"). Other rules of the phrase layer ("don't want to wake up", "end it tonight") are not
read here: goodbye notes speak to people, and no form of theirs was safe to give away.
"""

from __future__ import annotations

import re

__all__ = ["others_suicidal", "said_of_other"]

#: How far before the word its frame is read (characters).
WINDOW = 60

_FIRST = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|id|i'll|me|my|myself|mine|we|us|our)\b")
_FILLER = (r"(?:\s+(?:having|been|being|feeling|getting|still|also|really|so|ever|too|"
           r"currently|already|actually|probably|often|sometimes|always|a bit|kind of))*")
_OTHER_PREDICATE = re.compile(
    r"(?:\b(?:you|u|he|she|they)\s*(?:'re|'s|\s(?:are|is|was|were|might be|may be|could be|"
    r"must be|seem|seems|seemed|seem to be|seems to be|feel|feels|felt|sound|sounds|get|gets|"
    r"got|have|has|had|keep getting|keeps getting))|\b(?:youre|hes|shes|theyre))"
    + _FILLER + r"\s*$"
)
_POSSESSIVE = re.compile(r"\b(?:your|ur|yer)\s+(?:own\s+)?$")
_QUESTION = re.compile(r"\b(?:are|is|were|was|have|has|do|does|did)\s+(?:you|u|he|she|they)"
                       + _FILLER + r"(?:\s+(?:had|got|get|have|feel|felt|any))?\s*$")
_CLINICAL = re.compile(
    r"\b(?:risk (?:of|for)(?: developing)?|(?:can|may|might|could|will|do|does|often) cause|"
    r"symptoms? (?:of|like|such as|include|including)|such as|including|as for|and possibly|"
    r"evaluated for|screen(?:ed|ing)? for|assess(?:ed|ment)? for)\s+$"
)
_OWN_AFTER = re.compile(r"\s*(?:that\s+|which\s+)?(?:i|i've|ive|i'm|im|i have|i get|i keep|"
                        r"i had|i feel|i still)\b")
#: Someone else as the subject of "want", "wish", "deserve": "I know you want to die", "I
#: think she wants to die". A "you" counts only after a verb of knowing or saying, since it
#: is as often an object ("i love you wanna die").
_OTHER_WANTS = re.compile(
    r"(?:\b(?:know|think|thought|feel like|felt like|guess|hope|understand|see|hear|believe|"
    r"sense|worry|worried|said|says|say|that|if|when|because|cause|cuz|why|how)\s+(?:you|u)|"
    r"\b(?:he|she|they))(?:\s+(?:really|still|just|also|probably|actually|kinda|sometimes|"
    r"often|always|ever))*\s*$"
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence(low: str, start: int, end: int) -> str:
    ends = list(_SENTENCE_END.finditer(low, max(0, start - 400), start))
    first = ends[-1].end() if ends else max(0, start - 400)
    last = _SENTENCE_END.search(low, end)
    return low[first:last.end() if last else len(low)]


def others_suicidal(low: str, start: int, end: int) -> bool:
    """True when the word "suicidal" at ``low[start:end]`` (lower-cased text; ``end`` is the
    end of the phrase it begins) is plainly about someone else, as read above."""
    if _OWN_AFTER.match(low, end):
        return False
    before = low[max(0, start - WINDOW):start]
    if _OTHER_PREDICATE.search(before) or _POSSESSIVE.search(before):
        return True
    if _QUESTION.search(before) and _FIRST.search(low) is None:
        return True
    return bool(_CLINICAL.search(before)) and _FIRST.search(_sentence(low, start, end)) is None


def said_of_other(prefix: str, word: str) -> bool:
    """True when ``prefix``, the words from the author's "I" up to a risk ``word`` ("want",
    "suicidal", ...) inside one phrase, makes someone else that word's subject: "I think
    you're suicidal", "I know you want to die"; not "I love you but I want to die"."""
    if word in ("suicidal", "attempt", "attempted", "attempting"):
        return _OTHER_PREDICATE.search(prefix) is not None
    return _OTHER_WANTS.search(prefix) is not None
