"""Words that tell me to die in the posts aimed at me, read once by the death-wish rule.

The rule (``wishes.aimed_wish``, as the inbox reads messages) is Python, so the read model
cannot apply it; the analyses that must agree with the inbox ask here: who sent such words
(never offered as someone to get to know, nor as a bridge) and how many such posts the
toxicity model did not read as toxic or hateful (said beside the report's harshness
figures). Only posts whose text holds one of the rule's cue words are read
(``store.incidents.worded_at_me``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kindscope.signals.wish_words import CUE_WORDS
from kindscope.signals.wishes import aimed_wish
from kindscope.store.incidents import worded_at_me
from kindscope.store.read import ReadModel

__all__ = ["WishesAtMe", "wishes_at_me"]


@dataclass(frozen=True)
class WishesAtMe:
    #: accounts that sent me such words, read as toxic or not
    senders: frozenset[str]
    #: such posts not read as toxic or hateful
    not_hostile: int


def wishes_at_me(rm: ReadModel) -> WishesAtMe:
    """The read posts aimed at me whose words tell me to die, by the inbox's rule."""
    found = [(author, hostile) for author, text, hostile in worded_at_me(rm, CUE_WORDS)
             if aimed_wish(text, reply=True)]
    return WishesAtMe(frozenset(a for a, _ in found), sum(1 for _, h in found if not h))
