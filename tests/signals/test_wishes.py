"""Telling someone to die, and telling oneself (kindscope/signals/wishes.py): the rule
alone, then through the model. The sentences are written for these tests; the review set
of ``training/variants/2026-12-05c`` is scored by its own script, not here."""

import numpy as np
import pytest

from kindscope.signals.guards import GUARD_CAP
from kindscope.signals.wishes import (
    SELF_TALK_SCORE,
    WISH_SCORE,
    adjust_wishes,
    aimed_wish,
    explain_wish,
    reported_wish,
    self_wish,
    speaks_of_self,
    wish_masks,
)

AIMED = [
    "kill yourself",
    "kys",
    "@dan_88 kys, nobody asked",
    "go kill yourself loser",
    "just die already you clown",
    "I hope you die",
    "i really hope u die alone",
    "you should just die",
    "you deserve to be dead",
    "do us all a favour and end yourself",
    "do the world a favor and go die",
    "nobody would miss you",
    "the world would be better off without you",
    "go die in a ditch",
    "eat shit and die",
    "drink bleach idiot",
    "uninstall the game, then uninstall yourself",
    "neck yourself",
    "stop existing pls",
    "why don't you just kill yourself?",
]

NOT_AIMED = [
    # denied, advised against
    "please don't kill yourself, talk to me",
    "don't you dare kill yourself",
    "stop saying kys, it's not funny",
    "never tell anyone to kill yourself, even as a joke",
    # asked, or an intention, a condition or a way
    "do you want to kill yourself?",
    "are you thinking of killing yourself?",
    "if you were to kill yourself they would feel unimaginable pain",
    "what's the easiest way to kill yourself",
    "why do you need to die?",
    # reported or quoted
    "someone told me to kys today",
    'he said "go die" and logged off',
    "got 40 'kys' replies for liking a football team",
    # the author right before it
    "i could just die",
    "i'm gonna kys",
    # comfort
    "stay safe, kys ❤️",
    "you matter. please stay.",
    # idioms and things, not people
    "you'll kill yourself laughing at this",
    "don't kill yourself over the exam",
    "she's drop-dead gorgeous",
    "this meme should just die already",
    "when you're close to your high score in flappy bird and die one pipe away",
    "you took the pressure off yourself, well done",
    "go kill it at the interview!",
    # self-talk and illness
    "just kill yourself already. you're a burden. #vent",
    "@user just die depression.",
]


@pytest.mark.parametrize("text", AIMED)
def test_death_wishes_aimed_at_someone(text):
    assert explain_wish(text), text
    assert aimed_wish(text), text


@pytest.mark.parametrize("text", NOT_AIMED)
def test_not_aimed(text):
    assert not aimed_wish(text), text


@pytest.mark.parametrize(
    ("text", "of_self"),
    [
        ("kill yourself", False),
        ("I hope you die", False),
        ("do me a favour and die", False),
        ("that's ugly, i'd kill myself. you should kill yourself too", True),
        ("kys 😂 worst pun i've ever read", True),
    ],
)
def test_the_author_speaking_of_themself_keeps_crisis(text, of_self):
    assert speaks_of_self(text) is of_self


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("got 40 'kys' replies because i said i don't like a football team", True),
        ("someone told my little brother to go unalive himself on roblox", True),
        ("do not tell people to kill themselves over a sports game", True),
        ('quoting this so you see what I deal with: "kill yourself you ugly bitch"', True),
        # abuse outside the quote keeps the score
        ("he said 'kys' so fuck you, you idiot", False),
        # a report verb further back is not a report of the wish
        ("whoever wrote these patch notes needs to kill themselves", False),
        ("kill yourself", False),
    ],
)
def test_reported_death_wishes(text, reported):
    assert reported_wish(text) is reported


@pytest.mark.parametrize(
    ("text", "to_self"),
    [
        ("just kill yourself already. you're a burden. #vent", True),
        ("3am thoughts: you should just die. tw // sui", True),
        ("the voice in my head this morning: 'kys, you're useless.'", True),
        ("reminder to self: nobody would miss you", True),
        ("every night the same. 'go hurt yourself. you deserve it.' #vent", True),
        # denied, joked, told by someone else, a question
        ("note to self: don't kill yourself today", False),
        ("me to me at 2am: just kill yourself lol", False),
        ("tw: someone told me to kys under my art", False),
        ("#vent do you ever want to kill yourself?", False),
        # no cue of self-talk
        ("just kill yourself already", False),
    ],
)
def test_death_wishes_said_to_oneself(text, to_self):
    assert self_wish(text) is to_self


def test_masks_and_adjustments():
    texts = ["kys", "i'd kill myself. you should kill yourself too", "got 40 'kys' replies",
             "kill yourself. #vent", "lovely weather"]
    w = wish_masks(texts)
    assert w.aimed.tolist() == [True, True, False, False, False]
    assert w.only_aimed.tolist() == [True, False, False, False, False]
    assert w.reported.tolist() == [False, False, True, False, False]
    assert w.to_self.tolist() == [False, False, False, True, False]
    p = np.full(5, 0.6)
    assert adjust_wishes("toxicity", p, w).tolist() == [WISH_SCORE, WISH_SCORE, GUARD_CAP,
                                                        GUARD_CAP, 0.6]
    assert adjust_wishes("crisis", p, w).tolist() == [GUARD_CAP, 0.6, 0.6, 0.6, 0.6]
    own = np.array([True, False, False, False, False])
    assert adjust_wishes("distress", p, w, own).tolist() == [0.6] * 5
    assert adjust_wishes("crisis_to_self", p, w).tolist() == [0.6, 0.6, 0.6,
                                                              SELF_TALK_SCORE, 0.6]
    with pytest.raises(ValueError):
        adjust_wishes("hate", p, w)


def test_the_model_reads_who_is_told_to_die():
    from kindscope.signals import THRESHOLDS, score_texts

    texts = [
        "go kill yourself loser",            # abuse: toxic, not the writer's crisis
        "i hope you die",
        "kill yourself. #vent",              # self-talk: the writer's crisis
        "i want to kill myself",             # first person: crisis, as before
        "someone told me to kys today",      # a report: not toxic
    ]
    rows = score_texts(texts, None, signals=("toxicity", "crisis", "distress")).to_pylist()
    flag = {s: THRESHOLDS[s] for s in ("toxicity", "crisis", "distress")}
    assert rows[0]["toxicity"] >= flag["toxicity"] and rows[0]["crisis"] < flag["crisis"]
    assert rows[0]["distress"] < flag["distress"]
    assert rows[1]["toxicity"] >= flag["toxicity"] and rows[1]["crisis"] < flag["crisis"]
    assert rows[2]["crisis"] >= flag["crisis"] and rows[2]["toxicity"] < flag["toxicity"]
    assert rows[3]["crisis"] >= flag["crisis"]
    assert rows[4]["toxicity"] < flag["toxicity"]
