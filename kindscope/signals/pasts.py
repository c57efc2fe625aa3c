"""Risk told as the author's past, and over: a reading for ``crisis``.

On suicide-support forums people who support others often tell their own story to give
hope: "i was suicidal for years in my twenties. i'm 40 now and glad i stayed". The crisis
head and the phrase layer read the words of risk, not their time, so such posts read as
crisis 0.9 or more (model 2026.12.14: 18 of the 30 such replies of a review set,
``training/variants/2026-12-05e``), and the supporter is listed among the people at risk.

``past_over(text)`` is True only when all of these hold:

- every sentence that speaks of risk (suicide, an attempt, wanting to die, self-harm, being
  a burden) tells it in the past ("was", "tried", "wanted", "used to") and none in the
  present ("i am", "i want", "i still", "i can't");
- the text says when, long ago: years or a decade ago, a year ("in 2015"), an age or a time
  of life ("when i was 19", "in my twenties", "in high school"), or years since or past it;
  never days, weeks or "last night";
- the text says that it is over now, in words of the author's own ("glad i stayed", "haven't
  felt that way in years", "life is good", "i'm doing well", "5 years past it"), not said by
  others, doubted or asked ("everyone says it gets better", "not glad", "glad i stayed?");
  an age alone ("i'm 40 now") does not say it is over;
- nothing in the text speaks of risk now or coming back: "again", "lately", "these days",
  "tonight", "this week", "still want", "it's back", "relapse", "can't", "anymore", "hold
  on", "give up", "want to die", "plan", "goodbye", "waiting", ...

and ``past_rest(text)``, the text without its sentences of risk, is what the model reads
next (``SignalModel``): when the rest reads as crisis, the post keeps its score. Only then
is crisis capped at ``PAST_CAP``. Anything doubtful keeps the model's reading: the rule is
built to miss stories of recovery rather than to lower a post by someone at risk now.
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import lowered

__all__ = ["PAST_CAP", "adjust_past", "past_over", "past_rest"]

PAST_CAP = 0.3

_SENTENCES = re.compile(r"[^.!?\n]+")
_RISK = re.compile(
    r"\b(?:suicid\w*|attempt(?:s|ed)?|kill(?:ing|ed)? myself|end(?:ing|ed)? (?:my|it)\b|"
    r"take my (?:own )?life|took my (?:own )?life|(?:want|wanted|wanting|wish|wished) to "
    r"(?:die|be dead|disappear|not exist|not wake up)|self[- ]?harm\w*|"
    r"(?:cut|cutting|hurt|hurting|harm|harming) myself|better off without me|burden|"
    r"ideation|(?:didn't|did not|don't|do not) want to (?:live|be alive|exist|wake up)|"
    r"not (?:wanting|want) to (?:live|be alive|exist))"
)
_PAST_VERB = re.compile(
    r"\b(?:was|were|had|tried|wanted|attempted|used to|thought|felt|spent|survived|went|"
    r"did|didn't|made|lost|believed|struggled|dealt|fought|planned|got|became|nearly|almost)\b"
)
_PRESENT = re.compile(
    r"\b(?:i am|i'm|im|i want|i wanna|i feel|i think about|i keep|i still|i can't|i cant|"
    r"i cannot|i don't want|i dont want|i wish|i need|i have been|i've been|ive been|"
    r"i'm going|im going|i will|i'll|i plan)\b"
)
_LONG_AGO = re.compile(
    r"\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|many|"
    r"several|few|a few|a couple of?)\s+(?:years?|decades?|winters?|summers?)\s+(?:ago|back|"
    r"since|past|later|clean|free|sober|on|now)|a decade ago|decades? ago|years ago|"
    r"in (?:19|20)\d\d|back in (?:19|20)?\d\d|around (?:19|20)\d\d|"
    r"when i was (?:\d+|a (?:kid|teen|teenager|child|student)|younger|little|in "
    r"(?:high school|school|college|uni|university|my (?:teens|twenties|thirties)))|"
    r"(?:in|during) my (?:teens|twenties|thirties|20s|30s|early \w+|late \w+)|"
    r"(?:in|during|back in|through) (?:high school|middle school|college|uni|university)|"
    r"as a (?:teen|teenager|kid|child)|at (?:\d\d|nineteen|seventeen|eighteen|sixteen|"
    r"fifteen|twenty)\b|(?:\d+|many) years (?:past|since|out)|"
    r"before i got (?:sober|clean|help|diagnosed|treatment|married))\b"
)
_STILL_HERE = r"|\b(?:i'm|im|i am) still here and (?:happy|well|okay|ok|good|thriving|glad)"
_OVER = re.compile(
    r"\b(?:i'm|im|i am) (?:\d+|many|a few|two|three|five|ten) years (?:past|out|free|clean)"
    r"\w*|"
    r"\bglad i (?:stayed|didn't|did not|am alive|'m alive|am still here|'m still here|held on|"
    r"stuck around|survived|made it|got help|reached out|told)|"
    r"\bgrateful (?:to be|i'm|im|i am) (?:here|alive|still here)|"
    r"\b(?:haven't|havent|have not|never) (?:felt|been|wanted|thought|had)\b[^.!?]{0,40}"
    r"\b(?:in|for|since)\b|"
    r"\b(?:life|things|it) (?:is|are|got|gets|has gotten|became) (?:so much |much |a lot )?"
    r"(?:good|better|great|okay|ok|loud and good|beautiful|worth it)|"
    r"\bit (?:passed|can change|changed|can get better|got better|gets better)|"
    r"\b(?:i'm|im|i am) (?:doing )?(?:ok|okay|fine|well|good|happy|better|safe|healthy|"
    r"thriving|alive and)\b|\b(?:genuinely|really|actually|truly) happy|"
    r"\bevery (?:day|night|year) since|\bi made it|\brecovered|\bin recovery\b|"
    r"\bproud (?:to be|i'm|im|i am) (?:alive|here)" + _STILL_HERE
)
#: Recovery said by others, doubted or denied: not the author's own word that it is over.
_DOUBT = re.compile(
    r"\b(?:say|says|said|told me|tell me|telling me|keep saying|promise|promised|supposedly|"
    r"apparently|they claim|not|never|don't know if|dont know if|no longer|wish|hope|if|"
    r"lol|lmao|yeah right|sure)\W+(?:\w+\W+){0,3}$"
)
_NOW = re.compile(
    r"\b(?:again|lately|recently|these days|right now|currently|tonight|today i (?:want|can't"
    r"|cant|don't|dont)|this (?:week|month|year|time)|last (?:night|week|month)|days? ago|"
    r"weeks? ago|it's back|its back|is back|are back|coming back|came back|come back|"
    r"back to (?:wanting|feeling|thinking|square)|return\w*|relaps\w*|spiral\w*|"
    r"still (?:want|wanna|think|feel|have|get|struggle|fight|wish|hear|can't|cant|am|do)|"
    r"anymore|any more|can't|cant|cannot|hold on|holding on|give up|giving up|"
    r"want to (?:die|disappear|end|stop|go)|wanna (?:die|disappear|go)|plan|planning|goodbye|"
    r"waiting|worse|no point|not sure i|won't make|wont make|don't think i|dont think i|"
    r"next one|one more|tired of|done with|sick of|hate my life|hate myself|hopeless|"
    r"pointless|worthless|nothing (?:changed|has changed|helps)|the same|what's the point|"
    r"numb|empty|wish (?:it|i) had|should have (?:worked|died)|wish i (?:didn't|hadn't|"
    r"never)|lol|lmao|they said|they say|yeah right|supposedly)\b|/s\b|🙄"
)


def _told_as_past(sentence: str) -> bool:
    """A sentence of risk told in the past ("i was", "since my attempt" years on), with no
    first-person present but the author's own words that it is over ("i'm 40 now")."""
    if _PRESENT.search(_OVER.sub(" ", sentence)):
        return False
    return bool(_PAST_VERB.search(sentence) or _LONG_AGO.search(sentence))


def _own_over(low: str) -> bool:
    """An "it is over" of the author's own: not said by others, doubted, denied or asked
    ("glad i survived? no")."""
    for m in _OVER.finditer(low):
        end = re.compile(r"[.!?\n]").search(low, m.end())
        if end is not None and low[end.start()] == "?":
            continue
        if not _DOUBT.search(low[max(0, m.start() - 40):m.start()]):
            return True
    return False


def past_over(text: str) -> bool:
    """True when the text tells the author's risk as past and over (module docstring)."""
    low = lowered(text)
    risky = [s for s in _SENTENCES.findall(low) if _RISK.search(s)]
    if not risky or _NOW.search(low) or not _LONG_AGO.search(low):
        return False
    return all(_told_as_past(s) for s in risky) and _own_over(low)


def past_rest(text: str) -> str:
    """The text without its sentences that speak of risk (what the model reads next)."""
    low = lowered(text)
    return " ".join(s.strip() for s in _SENTENCES.findall(low)
                    if s.strip() and not _RISK.search(s))


def adjust_past(probs: np.ndarray, over: np.ndarray) -> np.ndarray:
    """``probs`` with the texts ``over`` (past and over, their rest not read as crisis)
    capped at ``PAST_CAP``; a new array."""
    out = np.asarray(probs, dtype=np.float64).copy()
    out[over] = np.minimum(out[over], PAST_CAP)
    return out
