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
- the text says it is the author talking to themself (``wish_words.TALKS_TO_SELF``) or to an illness
  ("just die, depression");
- it has no one to speak to: it needs "you", "kys", "do us a favour" or an imperative at the
  start of a sentence or after an @handle ("this meme should just die already" is not).

Then ``toxicity`` and ``offensive`` are raised to ``WISH_SCORE``, **unless the text reads as
the author's own crisis** (crisis, after its phrase layer, at 0.5 or more): people at risk
write to themselves in the second person without saying so ("Nobody would miss you. Nobody
would even notice. Tonight."), and such a post must not be marked as abuse. The crisis
reading of an aimed wish is never lowered, for the same reason: a first version capped it
when the text had no first-person word, and a review with sentences written to break it
found posts by people at risk lowered below 0.5 (the one above: crisis 0.61 -> 0.30 at
127461f). So "kill yourself" alone keeps
the heads' crisis 0.95 beside toxicity 0.82: a person reading both sees both.

**Reported** (``reported_wish``): every death wish in the text is quoted, told by someone to
someone else ("told my little brother to go unalive himself") or objected to ("do not tell
people to kill themselves"), and nothing else in it aims abuse at anyone: text about abuse,
whose ``toxicity`` and ``offensive`` are capped at ``guards.GUARD_CAP``, as ``mentions``
caps text about insults.

**To oneself** (``self_wish``): a death wish, "hurt yourself" or "just end it" within
``wish_words.NEAR`` characters of a plain cue that the author is talking to themself (#vent, #sui,
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
but the text; each looks at no more than ``wish_words.MAX_MATCHES`` matches of a text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice
from typing import NamedTuple

import numpy as np

from kindscope.signals import wish_words as words
from kindscope.signals.guards import cap_where, lowered, raise_where
from kindscope.signals.mentions import aims_abuse
from kindscope.signals.spelling import LEXICON
from kindscope.signals.wish_words import WISH_RULES

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



class _Text:
    """One lower-cased text, with what several rules read of it computed once."""

    def __init__(self, text: str | None):
        self.low = lowered(text)
        self.cued = any(w in self.low for w in words.CUE_WORDS) and \
            words.CUE.search(self.low) is not None
        self._quotes: list[tuple[int, int]] | None = None
        self._found: list[tuple[str, re.Match]] | None = None

    @property
    def found(self) -> list[tuple[str, re.Match]]:
        if self._found is None:
            self._found = []
            for name, rx in WISH_RULES.items():
                self._found += [(name, m) for m in islice(rx.finditer(self.low), words.MAX_MATCHES)]
        return self._found

    def quoted(self, match: re.Match) -> bool:
        """Inside a quoted stretch, or after a double quote that is never closed."""
        if self._quotes is None:
            self._quotes = [q.span() for q in words.QUOTE_SPAN.finditer(self.low)]
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
        return sentence.rstrip().endswith("?") and not words.TAUNT.search(sentence)


def _held_back(t: _Text, match: re.Match) -> bool:
    before = t.low[max(0, match.start() - 40) : match.start()]
    return bool(
        (words.AGAINST.search(before) and not words.WHY_NOT.search(before))
        or words.INTENT.search(before) or words.REPORT.search(before)
        or words.IF_OR_WAY.search(before)
        or words.SELF_BEFORE.search(before) or t.quoted(match) or t.asked(match)
    )


def _explain(t: _Text) -> list[str]:
    if not t.cued or words.COMFORT.search(t.low):
        return []
    hits: list[str] = []
    for name, m in t.found:
        if name not in hits and not _held_back(t, m):
            hits.append(name)
    return hits


def _aimed(t: _Text, reply: bool = False) -> bool:
    if not _explain(t) or words.TO_ILLNESS.search(t.low) or words.REBUTTAL.search(t.low):
        return False
    handle = words.HANDLE.search(t.low) is not None
    if words.TALKS_TO_SELF.search(t.low) and not handle:
        return False
    addressed = handle or words.ADDRESSED.search(t.low) is not None \
        or not LEXICON.isdisjoint(words.WORD.findall(t.low)) \
        or (reply and words.IMPERATIVE.search(t.low) is not None)
    return addressed and words.OWN_STORY.search(words.FRAME.sub(" ", t.low)) is None


def _before(t: _Text, match: re.Match) -> str:
    return t.low[max(0, match.start() - 60) : match.start()]


def _reported(t: _Text) -> bool:
    if not t.cued or words.COMFORT.search(t.low):
        return False
    wishes = [m for _, m in t.found]
    # "kill themselves" is a wish only when someone is told to ("told people to kill
    # themselves"), not in a quoted story of a death
    others = [m for m in islice(words.OTHERS.finditer(t.low), words.MAX_MATCHES)
              if words.TOLD.search(_before(t, m)) or words.OBJECTION.search(_before(t, m))]
    found = wishes + others
    if not found or len(found) >= words.MAX_MATCHES:
        return False
    for m in wishes:
        before = _before(t, m)
        if not (t.quoted(m) or words.TOLD.search(before) or words.OBJECTION.search(before)):
            return False
    rest = words.QUOTE_SPAN.sub(" . ", t.low)
    for m in found:
        rest = rest.replace(m.group(0), " . ")
    return LEXICON.isdisjoint(words.WORD.findall(rest)) and not aims_abuse(rest)


def _to_self(t: _Text) -> bool:
    if not t.cued or words.JOKE.search(t.low) or words.HANDLE.search(t.low):
        return False
    wishes = [m for _, m in t.found]
    wishes += islice(words.HURT.finditer(t.low), words.MAX_MATCHES)
    if not wishes:
        return False
    cues = [c.start() for c in words.TALKS_TO_SELF.finditer(t.low)]
    if not cues:
        return False
    for m in wishes:
        before = t.low[max(0, m.start() - 60) : m.start()]
        near = before[-40:]
        if ((words.AGAINST.search(near) and not words.WHY_NOT.search(near))
                or words.INTENT.search(near) or words.IF_OR_WAY.search(near)
                or words.SELF_BEFORE.search(near) or t.asked(m)):
            continue
        # said to "you": the wish, or its sentence, speaks to someone ("this raid boss has 2%
        # hp, just die already" is not said to oneself); with a tag cue only (#vent), only
        # words said to a person ("#vent my cat knocked my plants over. die already, you
        # little gremlin" is not)
        if not words.ADDRESSED.search(t.sentence(m)):
            continue
        if not words.TO_A_PERSON.search(m.group(0)) and not words.SPEAKER.search(t.low):
            continue
        # told by someone else, unless the author's own head is the teller, named right
        # before ("my brain keeps saying 'kys'"); quoted words alone count (self-talk quotes
        # itself)
        told = words.TOLD.search(before) or words.REPORT.search(near)
        if told and not words.SPEAKER.search(near):
            continue
        i = bisect_left(cues, m.start() - words.NEAR)
        if i < len(cues) and cues[i] <= m.start() + words.NEAR:
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
    return not _aimed(t) and (not _reported(t) or words.SPEAKER.search(t.low) is not None) \
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
            to_self[i] = (not reported[i] or words.SPEAKER.search(t.low) is not None) \
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
