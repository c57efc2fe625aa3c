"""Recovery milestones: a transparent rule for ``upbeat``, ``distress`` and ``crisis``.

In the communities kindscope serves, "30 days clean today", "one year self-harm free!" or
"first week in months without a panic attack" is good news to celebrate. The heads learned
the words (clean, self-harm, panic attack) from posts about pain: at 76554ec (model
2026.12.11 before this rule) ``kindscope score --text`` read "First week in months without
a panic attack" distress 0.91 and upbeat 0.02, "Two years since my last relapse" crisis
0.61.

A milestone is an amount of time, two days or more, with a streak word (the wording of the
training sources: "7 days clean", "4 months sober", "sober for 2 months", "self harm free
for a month", "6 months without cutting", "two years since my last relapse"):

- ``streak``: "<time> clean / sober / <thing>-free / of sobriety", "clean / sober /
  <thing>-free (for) <time>", "<time> free from <thing>", "day 30 sober", "week 3 with no
  <thing>";
- ``since_last``: "<time> since my last <thing>", "<time> since I last relapsed";
- ``without``: "<time> without / with no / no <thing>", "first week / month / year in
  <time> without <thing>", "made it through the week / month / year without <thing>",
  "haven't had / used <thing> in <time>".

<thing> is a symptom, a substance or a relapse (``_THING``); "a week without sleep" or "a
day without hearing from anyone" is not a milestone. Hours, a night or a single day are not
either: they are the time of a crisis survived ("made it through the night without
cutting", "day 1 sober"). A text in which the crisis phrase layer finds words of risk
(``phrases.explain``) is never a milestone.

**The whole text must be the milestone and celebration.** In the same sources a streak is
told as lost or as the start of something worse ("After being clean for 10 months, I cut
myself again", "I was almost self harm free for a month, but", "Just fucked my record of 6
months without cutting"), and a review with sentences written to break the rule (2026-12-05,
``training/variants/2026-12-05/README.md``) found a first version, which read the rest of
the text with the model, lowering crisis on "Two years clean. Tomorrow I jump.", "One year
self harm free. Goodbye." and distress on "5 days sober. shaking so bad". So the rule holds
only when everything else in the text is celebration (``_CELEBRATION``: "today", "just hit",
"so proud of me", "and counting", "thank you all", "one day at a time", recovery hashtags,
🎉💪❤️...; plain punctuation only): any other word, number, emoji, emoticon or trailing off
("can't", "never", "day 1", "goodbye", "nobody cares", "but", 🙄, 🙏, ":(", "-.-", "...")
and the text keeps the model's reading. Then upbeat is raised to ``MILESTONE_SCORE`` and
distress and crisis are capped at ``guards.GUARD_CAP``; a crisis reading of ``CRISIS_KEPT``
or more is never lowered.
``explain_milestone(text)`` gives the family and the words found. Rules read nothing but the
text.
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import cap_where, lowered, raise_where
from kindscope.signals.phrases import explain as risk_phrases

__all__ = ["MILESTONE_SCORE", "MILESTONES", "adjust_milestones", "explain_milestone",
           "milestone_mask"]

#: Upbeat of a text that is a milestone and celebration only.
MILESTONE_SCORE = 0.8
#: A crisis reading at or above this is never lowered by the rule, whatever the text says
#: (a belt over the closed list: a review found every 0.94-0.96 it lowered to be a post that
#: trails off or carries a sad face).
CRISIS_KEPT = 0.9

_NUMBER = (r"(?:[1-9]\d{0,4}(?:,\d{3}){0,2}|a|an|one|two|three|four|five|six|seven|eight|"
           r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a hundred|"
           r"a couple(?: of)?|a few|several|a whole|an entire|a full|over a|over [1-9]\d{0,4}|"
           r"almost a)")
_UNIT = r"(?:days?|weeks?|wks?|months?|mos?|years?|yrs?)"
#: At least two days: hours, a night or a single day are the time of a crisis survived, not a
#: milestone ("made it through the night without cutting", "day 1 sober").
_ONE_DAY = r"(?!(?:1|one|a|an|a whole|an entire|a full)\s*(?:whole\s+|full\s+)?days?\b)"
_TIME = rf"{_ONE_DAY}{_NUMBER}\s*(?:whole\s+|full\s+)?{_UNIT}"
_THING = (
    r"(?:(?:a|an|any|my|one|a single)\s+)?(?:panic attacks?|anxiety attacks?|attacks?|"
    r"relapses?|relapsing|drinks?|drinking|alcohol|booze|cigarettes?|cigs?|smoking|smokes?|"
    r"vaping|vapes?|weed|drugs?|using|self[- ]?harm(?:ing)?|sh|cutting|cuts?|"
    r"purg(?:e|es|ing)|meltdowns?|breakdowns?|episodes?|"
    r"migraines?|seizures?|flashbacks?|nightmares?|crying|a hit|gambling|bets?|porn)"
)
_FREE = (r"(?:clean|sober|(?:self[- ]?harm|sh|smoke|alcohol|drug|drink|panic|pain|"
         r"nicotine|booze|cutting|purge|vape|vaping|weed|gambling)[- ]?free)")
#: "I last <did it>": "1 year since I last self harmed".
_LAST = (r"(?:self[- ]?harmed|harmed myself|cut|drank|used|smoked|vaped|relapsed|purged|"
         r"gambled|had (?:a drink|a panic attack|an? attack|a cigarette))")
#: "haven't <done it>": "haven't had a drink in 500 days".
_HAVENT = r"(?:haven'?t|have not)\s+(?:had|used)"
MILESTONES: dict[str, re.Pattern] = {
    "streak": re.compile(
        rf"\b{_TIME}\s+(?:of\s+being\s+|of\s+)?(?:{_FREE}|sobriety)\b|"
        rf"\b{_FREE}\s+(?:for\s+|since\s+)?(?:about\s+|over\s+|almost\s+|nearly\s+)?"
        rf"{_TIME}\b|"
        rf"\b{_TIME}\s+free\s+(?:from|of)\s+{_THING}\b|"
        rf"\b(?:day\s+(?:[2-9]|[1-9]\d{{1,4}})|(?:week|month|year)\s+[1-9]\d{{0,3}})\s+(?:of\s+)?"
        rf"(?:{_FREE}\b|(?:without|with no|no)"
        rf"\s+{_THING}\b)"
    ),
    "since_last": re.compile(rf"\b{_TIME}\s+since\s+(?:my\s+last\s+{_THING}|i\s+last\s+"
                             rf"{_LAST})\b"),
    "without": re.compile(
        rf"\b{_TIME}\s+(?:in a row\s+)?(?:without|with no|no)\s+{_THING}\b|"
        rf"\bfirst\s+(?:week|month|year)\s+in\s+(?:a\s+|so\s+)?(?:few\s+|couple\s+"
        rf"(?:of\s+)?|long\s+)?(?:{_UNIT}|ages|forever|while|time)\s+without\s+{_THING}\b|"
        rf"\b{_HAVENT}\s+{_THING}\s+(?:in|for)\s+(?:over\s+|almost\s+)?{_TIME}\b|"
        rf"\bmade it\s+(?:through\s+)?(?:the\s+|a\s+|an\s+|this\s+)?(?:whole\s+|entire\s+)?"
        rf"(?:week|month|year)\s+without\s+{_THING}\b"
    ),
}
#: What may stand beside a milestone: celebration, thanks, recovery hashtags, good emoji.
_CELEBRATION_PHRASES = re.compile(
    r"one day at a time|let'?s go+|small wins?|big wins?|today marks|as of (?:this morning|"
    r"today)|never thought i'?d (?:get here|make it|see (?:this|the) day)|double digits|"
    r"thank(?:s| you| u)(?: so much)?(?: all| everyone| guys| y'?all)? for (?:the |all the |"
    r"your )?(?:support|love)|feeling (?:good|great|amazing|strong|blessed|proud)|"
    r"feel like a new person|recovery is possible|happy (?:sober |clean )?(?:anniversary|"
    r"birthday) to me|(?:so |very )?proud of (?:me|myself)|"
    r"#(?:recovery|sobriety|sober|soberlife|soberliving|odaat|onedayatatime|cleanandsober|"
    r"recoveryispossible|recoveryposse|selfharmrecovery|shrecovery|proud|milestone|"
    r"mentalhealth|smokefree|quitsmoking)\b"
)
#: Words that may stand alone beside a milestone: celebration, thanks, and the first-person
#: filler of "I've just hit"; no word of time, doubt or what comes next ("still", "now",
#: "for", "feel", "am", "does" let "90 days clean and still feel like this" through).
_CELEBRATION = frozenset(
    "today officially just hit reached made it i i'm im i've ive have been and counting so "
    "very proud yay woo woohoo wooo yess yes finally thank thanks you u "
    "everyone all y'all yall grateful happy celebrating milestone win a an my good great "
    "amazing strong blessed wow omg whoop hooray anniversary chip coin sobriety clean sober "
    "proud".split()
)
#: Good-news emoji; not 🙏 🌈 💐 🖤 (prayer, "rainbow bridge", funeral flowers, mourning).
_GOOD_EMOJI = "🎉🥳💪❤️♥✨😊☺🌟👏💙💜💚🧡💛🎊🏆⭐😀😁😃😄🙌🫶🥰🌱🎂🚭☀🌞🌸️\u200d"
#: Every family needs one of these; most texts have none (speed).
_CUE = re.compile(r"clean|sober|free|since my last|since i last|without|\bno\b|sobriety|"
                  r"haven'?t|have not")


def _celebration_only(rest: str) -> bool:
    """Whether ``rest`` (lower-cased) holds nothing but celebration and punctuation."""
    rest = _CELEBRATION_PHRASES.sub(" ", rest)
    for word in re.findall(r"[a-z0-9']+", rest):
        if word not in _CELEBRATION:
            return False
    if ".." in rest or "…" in rest:
        return False  # trailing off ("30 days clean...") is not celebration
    # only plain punctuation: no emoticon (":(", ";-;", "-.-", "):") and no quotation
    leftover = re.sub(r"[a-z0-9'\s.,!&+]", "", rest)
    return all(ch in _GOOD_EMOJI for ch in leftover)


def explain_milestone(text: str) -> tuple[str, str] | None:
    """(family, words) of the milestone in ``text``, or None: no milestone, or the text
    holds anything besides the milestone and celebration."""
    low = lowered(text)
    if not _CUE.search(low) or risk_phrases(text):
        return None
    for name, rx in MILESTONES.items():
        m = rx.search(low)
        if m is not None and _celebration_only(low[: m.start()] + " " + low[m.end():]):
            return name, m.group(0)
    return None


def milestone_mask(texts: list[str]) -> np.ndarray:
    """Whether each text is a recovery milestone with nothing but celebration beside it."""
    return np.array([explain_milestone(t) is not None for t in texts], dtype=bool)


def adjust_milestones(signal: str, texts: list[str], probs: np.ndarray,
                      mask: np.ndarray | None = None) -> np.ndarray:
    """``probs`` of ``signal`` for the texts that are milestones (``mask``, from
    ``milestone_mask(texts)`` when not given): upbeat raised to ``MILESTONE_SCORE``, distress
    and crisis capped at ``guards.GUARD_CAP`` (crisis only under ``CRISIS_KEPT``); other
    signals unchanged. Returns a new array."""
    mask = milestone_mask(texts) if mask is None else mask
    if signal == "upbeat":
        return raise_where(probs, mask, MILESTONE_SCORE)
    if signal == "crisis":
        return cap_where(probs, mask & (np.asarray(probs) < CRISIS_KEPT))
    if signal == "distress":
        return cap_where(probs, mask)
    return np.asarray(probs, dtype=np.float64).copy()
