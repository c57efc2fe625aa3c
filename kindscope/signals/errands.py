"""Everyday errands and treatment talk: a transparent cap for the ``crisis`` signal.

The crisis head learned "I don't want to keep going" from forum posts about risk, and reads
it whatever follows: model 2026.12.17 read "I don't want to keep going to the gym every
morning" 0.94, "I don't want to keep going to work" 0.96, "I'm tired of going back and forth
between my parents' houses" 0.83 and "Should I go back on my medicine?" 0.51. Two named
regular expressions over the lower-cased text:

- ``errand``: going to, or back to, a named everyday place, person or activity ("keep going
  to the gym", "keep going back to my ex", "going back and forth between"); sleep and bed are
  not errands ("I don't want to keep going to sleep" can be a wish not to wake);
- ``treatment``: starting, stopping or going back on medication or treatment ("go back on
  my meds", "coming off sertraline", "should I go back to therapy?").

``phrases.adjust_crisis`` caps crisis at ``phrases.SUPPORT_CAP`` for a text holding one,
after its risk rules (a risk phrase in the same text wins), and only when the text holds no
word of risk anywhere (``_RISK``: death, dying, suicide, self-harm, not being here or alive,
disappearing, giving up, no point, hopeless, better off without me...): "I can't keep going
to work pretending I'm fine when I want to disappear" keeps the head's score. The wish
layer (``wishes.py``) comes after and still raises a death wish said to oneself.
``explain_errands(text)`` names the families found. The rules read nothing but the text.
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import lowered

__all__ = ["ERRANDS", "errand_mask", "explain_errands"]

_OWNER = r"(?:the|my|our|his|her|their|your|that|this|those|these|a|an|mum's|mom's|dad's)"
#: Where a sentence of risk goes instead of a place ("keep going to sleep and hope"...).
_NOT_A_PLACE = (
    r"(?:sleep|bed|be|die|end|stop|kill|hurt|give|try|pretend|fight|live|exist|"
    # places and things of danger, relapse and crisis care: never an errand here
    r"bridge|edge|roof|rooftop|cliffs?|ledge|tracks|railway|river|sea|water|lake|pier|top|"
    r"cabinet|drawer|car park|multi-storey|woods|razors?|blades?|knife|knives|rope|"
    r"cutting|burning|drinking|drink|using|relapsing|old|dark|darkness|hospital|a&e|er|"
    r"ward|psych|crisis|inpatient|that place|it)\b"
)
_MEDS = (
    r"(?:meds|medication|medications|medicine|antidepressants?|ssris?|snris?|pills|tablets|"
    r"sertraline|citalopram|escitalopram|fluoxetine|prozac|zoloft|lexapro|venlafaxine|"
    r"effexor|mirtazapine|bupropion|wellbutrin|lithium|lamotrigine|quetiapine|seroquel|"
    r"aripiprazole|abilify|adderall|ritalin|methylphenidate|concerta|vyvanse|elvanse|"
    r"propranolol|pregabalin|duloxetine|cymbalta|paroxetine|the pill)"
)
_PLACE = rf"(?!(?:{_OWNER}\s+)?(?:{_NOT_A_PLACE}|{_MEDS}))(?:{_OWNER}\s+)?[a-z][a-z'-]+"
_TREATMENT = r"(?:therapy|counselling|counseling|my therapist|my counsellor|my gp|the gp|" \
    r"the doctor|my doctor|my psychiatrist|the clinic|physio|rehab|group)"

ERRANDS: dict[str, re.Pattern] = {
    "errand": re.compile(
        rf"\bkeep (?:on )?going (?:back )?to {_PLACE}|\b(?:go|going|went) back and forth\b|"
        rf"\b(?:tired|sick|fed up) of going (?:back )?to {_PLACE}|"
        rf"\b(?:can't|cant|cannot|won't|wont|not|never) (?:keep )?go(?:ing)? back to {_PLACE}"
    ),
    "treatment": re.compile(
        rf"\b(?:go|going|went|get|getting|got|come|coming|came|start|starting|started|"
        rf"stop|stopping|stopped|taper|tapering|wean|weaning)(?: back)? (?:on|off|onto|off of) "
        rf"(?:(?:my|the|a|some|new|different)\s+)?{_MEDS}\b|"
        rf"\bswitch(?:ing|ed)? (?:to|from|off|onto) (?:(?:my|the|a|new|different)\s+)?"
        rf"{_MEDS}\b|\b(?:go|going|get|getting) back (?:in)?to {_TREATMENT}\b|"
        rf"\bshould i (?:go back|start|stop|switch|try|take|keep taking|come off|get off)\b"
        rf"[^.!?]{{0,40}}\b(?:{_MEDS}|{_TREATMENT})\b"
    ),
}

#: Words of risk anywhere in the text keep the head's score.
_RISK = re.compile(
    r"\bsuicid|\bkill(?:ing)? my ?self|\bself[- ]?harm|\bhurt(?:ing)? myself|\boverdos|"
    r"\b(?:die|dying|dead|death)\b|\bend (?:it|it all|things|everything|my life)\b|"
    r"\b(?:be|being|stay|staying) (?:here|alive|around)\b|\bexist|\bdisappear|\bvanish|"
    r"\bwake up\b|\bgive up\b|\bgiving up\b|\bno (?:point|reason|way out)\b|\bpointless\b|"
    r"\bhopeless|\bbetter off\b|\bgoodbye\b|\bcan't (?:go on|do this)\b|\bcant (?:go on|do this)\b|"
    r"\b(?:go on|keep living|carry on)\b|\bnot worth\b|\bworthless\b|\bburden\b|\bescape\b|"
    r"\bsafe\b|\bnumb\b|\bempty\b|\btrapped\b"
)

#: Every family needs one of these; most texts have none, and skip the rest (speed).
_CUE = re.compile(r"going|go back|went back|\b(?:on|off|onto|from) |should i |switch")


def explain_errands(text: str) -> list[str]:
    """Names of the families in ``text``; empty when it holds a word of risk anywhere."""
    low = lowered(text)
    if not _CUE.search(low) or _RISK.search(low):
        return []
    return [name for name, rx in ERRANDS.items() if rx.search(low)]


def errand_mask(texts: list[str]) -> np.ndarray:
    """Whether each text holds an errand or treatment family (``explain_errands``)."""
    return np.array([bool(explain_errands(t)) for t in texts], dtype=bool)
