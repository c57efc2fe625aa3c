"""Whose risk a risk phrase speaks of, when the phrase names no one.

Supporters on suicide-support forums write the same words as the people they answer: "are
you suicidal again?", "your suicidal thoughts are lying to you", "talk to your doctor about
the suicidal thoughts", "I know you don't want to wake up". The crisis phrase layer
(``phrases.py``) read such phrases as the author's own risk and raised the post to 0.9
(until model 2026.12.14: 8 of the 9 Counsel Chat answers read as crisis were raised so).

``others_risk`` reads, for a phrase with no first-person word of its own, the words just
before it in its clause. The phrase is another person's, or nobody's, when:

- a second- or third-person subject stands there, in subject position ("you don't want to",
  "are you suicidal again", "he won't be around much longer", "they say there's no point in
  living");
- a possessive that is not the author's owns it ("your suicidal thoughts", "their own");
- it is named as a risk or symptom in general ("risk of developing suicidal thoughts",
  "symptoms such as suicidal thoughts", "antidepressants can cause suicidal thoughts"), or
  as something to talk about ("talk to your doctor about the suicidal thoughts").

It is never another's when a first-person word stands between that word and the phrase, or
when a first-person clause follows it ("the suicidal thoughts I've been having"). A "you"
that is the object of a verb ("love you, don't want to wake up", "thank u dont want to live")
is not read as a subject: goodbye notes speak to people. Subject-less posts ("suicidal
thoughts all day again", "don't want to wake up tomorrow") stay the author's.
"""

from __future__ import annotations

import re

__all__ = ["others_risk", "quoted_from_other"]

#: How far before a phrase its clause is read (characters).
WINDOW = 60

#: A clause ends at sentence or clause punctuation, or at "but".
_CLAUSE_END = re.compile(r"[.!?;:,\n]|\bbut\b")
_FIRST = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|id|i'll|me|my|myself|mine|we|us|our)\b")
#: Words that put a following "you" in subject position.
_LEAD = (r"(?:^|\b(?:and|if|when|whenever|because|cause|cuz|that|so|maybe|think|know|feel|"
         r"felt|said|say|says|saying|sounds like|seems like|worry|worried|hope|guess|mean|"
         r"understand|get|like|do|did|does|are|were|will|would|have|had|has|could|can|"
         r"should|might|must|don't|dont|didn't|didnt|aren't|arent|why|how|what)\s+)")
_OTHER_SUBJECT = re.compile(
    rf"(?:{_LEAD}(?:you|u|ya)|\b(?:he|she|they|someone|somebody|anyone|everyone|people|"
    r"he's|she's|they're|you're|youre|you've|youve|you'd|youd|you'll|youll))\b"
    r"(?:\s+[a-z']+){0,3}\s*$"
)
_OTHER_OWNER = re.compile(r"\b(?:your|ur|yer|their|his|someone's|people's)\s+(?:own\s+)?$")
_GENERIC = re.compile(
    r"\b(?:risk of|developing|develop|possibly|such as|including|include|includes|any|"
    r"symptoms? (?:of|like)|cause|causes|caused|causing|as for|screen(?:ed|ing)? for|"
    r"evaluated for|assess(?:ed|ment)? for|increase in|increased)\s+$"
)
#: Advice to talk about it: "talk to your doctor about the suicidal thoughts".
_ADVICE = re.compile(r"\b(?:your|ur)\b[^.!?]*\babout (?:the |these |those |any |your )?$")
_OWN_AFTER = re.compile(r"\s*(?:that\s+|which\s+)?(?:i|i've|ive|i'm|im|i have|i get|i keep|"
                        r"i had|i feel|i still)\b")


#: Who is quoted: "you said 'i don't want to live anymore'", "reading 'i think about killing
#: myself every day' from a 17 year old".
_QUOTED_FROM = re.compile(
    r"\b(?:you|u)(?:'ve| have)? (?:said|say|says|wrote|write|posted|typed|told me|tell me|"
    r"keep saying|mentioned|saying|wrote that|said that)|\byour (?:post|message|comment|words)"
    r"(?: says?| said)?|\breading|\bwhen (?:you|u) say|\bhe said|\bshe said|\bthey said"
)
_OPEN = "'\"“‘"
_CLOSE = {"'": "'", '"': '"', "“": "”", "‘": "’"}


def quoted_from_other(low: str, start: int, end: int) -> bool:
    """True when ``low[start:end]`` lies inside a quotation (straight or curly quotes) that
    its clause gives to someone else ("you said '...'", "reading '...'")."""
    left = low[max(0, start - WINDOW):start]
    opens = [i for i, ch in enumerate(left) if ch in _OPEN]
    for i in reversed(opens):
        ch = left[i]
        inner = left[i + 1:]
        if _CLOSE[ch] in inner or (i > 0 and left[i - 1].isalnum()):
            continue  # closed before the phrase, or an apostrophe inside a word
        if _CLOSE[ch] not in low[end:end + WINDOW * 2]:
            return False
        lead = left[:i]
        ends = list(_CLAUSE_END.finditer(lead))
        clause = lead[ends[-1].end():] if ends else lead
        return bool(_QUOTED_FROM.search(clause[-40:]))
    return False


def others_risk(low: str, start: int, end: int, generic: bool = False) -> bool:
    """True when the phrase at ``low[start:end]`` (lower-cased text) speaks of someone
    else's risk, as read above; ``generic``: also when it is named as a symptom in general
    (for nouns such as "suicidal thoughts", not for clauses)."""
    if _FIRST.search(low[start:end]) or _OWN_AFTER.match(low, end):
        return False
    before = low[max(0, start - WINDOW):start]
    ends = list(_CLAUSE_END.finditer(before))
    clause = before[ends[-1].end():] if ends else before
    if _FIRST.search(clause):
        last_first = list(_FIRST.finditer(clause))[-1].end()
        clause = clause[last_first:]
        if not clause.strip():
            return False
    clause = clause.lstrip()
    return bool(
        _OTHER_SUBJECT.search(clause)
        or _OTHER_OWNER.search(clause)
        or (generic and (_GENERIC.search(clause) or _ADVICE.search(clause)))
    )
