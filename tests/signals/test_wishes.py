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
    "nobody would miss you",
    "the world would be better off without you",
    "eat shit and die",
    "drink bleach idiot",
    "uninstall the game, then uninstall yourself",
    "neck yourself",
    "why don't you just kill yourself?",
    "drop dead, idiot",
    "@sam nobody likes you, kys #vent",
]

#: Orders with no one named: aimed only in a reply, which answers a person.
ORDERS = ["go die in a ditch", "do the world a favor and go die", "stop existing pls"]

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
    "ima kys fr",
    # comfort
    "stay safe, kys ❤️",
    "you matter. please stay.",
    # idioms and things, not people; rebuttals
    "Winter, drop dead. Spring can't come soon enough.",
    "This printer jams every day. Just die already.",
    "It's a lie that the world would be better off without you.",
    "Happy 80th! I hope you die peacefully in your sleep at 105",
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
    # the review's: orders that end a clause, not "drop dead date"
    "Drop dead date for submissions is Friday, y'all",
    "Stop breathing through your mouth when you run",
    "Go die hard fans, the finale is tonight!",
    "Go delete yourself from that group chat, it's toxic for you",
    "note to self: kill yourself at the gym today, leg day",
    # the acts in other senses: a widening to orders by a place or an act read these as
    # abuse and was taken back (training/variants/2026-12-05k)
    "jump off the bridge on the left side to reach the chest",
    "you gave him enough rope to hang yourself",
    "hang yourself up on the hook by the door",
    "if all your friends jumped off a bridge would you too",
    "please don't end your life, we love you",
    "end your life insurance policy before it renews",
    "throw yourself into your work for a while, it helps",
    "i want to jump off a bridge",
    "hope you die peacefully in your sleep at 100, grandpa",
]


@pytest.mark.parametrize("text", AIMED)
def test_death_wishes_aimed_at_someone(text):
    assert explain_wish(text), text
    assert aimed_wish(text), text


@pytest.mark.parametrize("text", ORDERS)
def test_an_order_alone_is_aimed_in_a_reply(text):
    assert explain_wish(text)
    assert not aimed_wish(text)
    assert aimed_wish(text, reply=True)


@pytest.mark.parametrize("text", NOT_AIMED)
def test_not_aimed(text):
    assert not aimed_wish(text), text


@pytest.mark.parametrize(
    "text",
    [
        # the author's own story beside the wish: never read as abuse by the rule
        "that's ugly, i'd kill myself. you should kill yourself too",
        "nobody would miss you. goodbye.",
        "you should just die. tonight.",
        "the world would be better off without you. that's where i'm at",
    ],
)
def test_a_wish_in_the_authors_own_story_is_not_aimed(text):
    assert explain_wish(text)
    assert not aimed_wish(text)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("got 40 'kys' replies because i said i don't like a football team", True),
        ("someone told my little brother to go unalive himself on roblox", True),
        ("do not tell people to kill themselves over a sports game", True),
        ('quoting this so you see what I deal with: "kill yourself you ugly bitch"', True),
        # abuse outside the quote keeps the score
        ("he said 'kys' so fuck you, you idiot", False),
        # a report verb further back is not a report of the wish, nor is saying it to you
        ("whoever wrote these patch notes needs to kill themselves", False),
        ("I'm telling you to kill yourself.", False),
        ("as I said, kys", False),
        ("you can't even kill yourself right", False),
        # a quoted story of a death is no wish, nor a report of one
        ("“the laws allowed her daughter to kill herself,” she told me", False),
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
    assert w.aimed.tolist() == [True, False, False, False, False]
    assert w.reported.tolist() == [False, False, True, False, False]
    assert w.to_self.tolist() == [False, False, False, True, False]
    p = np.full(5, 0.6)
    calm = np.full(5, 0.1)
    assert adjust_wishes("toxicity", p, w, calm).tolist() == [WISH_SCORE, 0.6, GUARD_CAP,
                                                              GUARD_CAP, 0.6]
    # a text read as the author's crisis is not raised as abuse
    assert adjust_wishes("toxicity", p, w, np.full(5, 0.7)).tolist()[0] == 0.6
    assert adjust_wishes("crisis", p, w).tolist() == [0.6, 0.6, 0.6, SELF_TALK_SCORE, 0.6]
    with pytest.raises(ValueError):
        adjust_wishes("toxicity", p, w)
    with pytest.raises(ValueError):
        adjust_wishes("hate", p, w)


def test_the_model_reads_who_is_told_to_die():
    from kindscope.signals import THRESHOLDS, score_texts

    texts = [
        "go kill yourself loser",            # abuse: toxic
        "i hope you die",
        "kill yourself. #vent",              # self-talk: the writer's crisis, not abuse
        "i want to kill myself",             # first person: crisis, as before
        "someone told me to kys today",      # a report: not toxic
        "kill yourself",                     # alone: both readings kept for a person to see
    ]
    rows = score_texts(texts, None, signals=("toxicity", "crisis")).to_pylist()
    flag = {s: THRESHOLDS[s] for s in ("toxicity", "crisis")}
    assert rows[0]["toxicity"] >= flag["toxicity"]
    assert rows[1]["toxicity"] >= flag["toxicity"] and rows[1]["crisis"] < flag["crisis"]
    assert rows[2]["crisis"] >= flag["crisis"] and rows[2]["toxicity"] < flag["toxicity"]
    assert rows[3]["crisis"] >= flag["crisis"]
    assert rows[4]["toxicity"] < flag["toxicity"]
    assert rows[5]["crisis"] >= flag["crisis"] and rows[5]["toxicity"] >= flag["toxicity"]


def test_toxicity_alone_reads_the_crisis_the_rule_needs():
    from kindscope.signals import score_texts

    alone = score_texts(["nobody would miss you if you were gone"], None,
                        signals=("toxicity",)).to_pylist()[0]
    both = score_texts(["nobody would miss you if you were gone"], None,
                       signals=("toxicity", "crisis")).to_pylist()[0]
    assert alone["toxicity"] == both["toxicity"]


# A review (stop 43) found these read as abuse while a widening tried then (an order to die
# inside a clause of a reply: training/variants/2026-12-06i) was in: comfort that denies the
# whole phrase, a person at risk answering someone, everyday talk.
@pytest.mark.parametrize("text", [
    "this meme should just die already",
    "please don't give up. don't just die inside, talk to us",
    "don't give up and just die, we need you",
    "you're not alone. don't stop fighting and just die. we need you",
    "same. don't wanna wake up tomorrow, wanna sleep and just die",
    "we'd all just die if that happened",
    "sometimes people just die, there's no reason",
    "these phones always just die at 20%",
    "this meme should just go die already",
    "this trend needs to just go die",
])
def test_not_an_order_to_die_in_a_reply(text):
    assert not aimed_wish(text, reply=True)


def test_words_that_tell_someone_to_die_are_never_comfort():
    """2026-12-06k: support and its mechanisms capped on every aimed wish; its toxicity
    still stands down where it reads as its writer's own crisis (people at risk and their
    supporters quote such words: 2026-12-06i)."""
    from kindscope.signals import score_texts

    pain = "i cant do this anymore, i just want it all to end"
    signals = ("support", "support_er", "support_ip", "support_ex", "toxicity", "crisis")
    rows = score_texts(["kill yourself then, nobody would miss you"] * 2, [pain, None],
                       signals=signals).to_pylist()
    for row in rows:
        assert max(row[s] for s in signals[:4]) < 0.5
        # the case the cap exists for: read as its writer's crisis (0.63), so the rule's
        # toxicity stands down and only the cap keeps it out of support
        assert row["crisis"] >= 0.5 and row["toxicity"] < 0.5
