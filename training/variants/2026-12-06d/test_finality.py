"""Goodbye notes without a plain phrase, and goodbyes to a platform (``finality.py``), read
through the crisis phrase layer without the model. The texts were written for this test
while the rules were written (plan 20); the blind review set is
``training/variants/2026-12-06d/review``."""

import numpy as np
import pytest

from kindscope.signals import finality
from kindscope.signals.guards import lowered
from kindscope.signals.phrases import PHRASE_SCORE, adjust_crisis, explain


@pytest.mark.parametrize("text", [
    "im sorry for everything. please take care of biscuit for me. its not your fault mum.",
    "tell mum i love her. im so tired of fighting. goodbye",
    "its not anyones fault. i just cant do it anymore. thank you for everything",
    "Forgive me. I'll finally be at peace.",
    "by the time you read this it will be over. i love you all",
    "sorry i couldn't be stronger. see you on the other side",
])
def test_goodbye_notes_without_a_plain_phrase_are_read(text):
    assert explain(text) == ["goodbye_note"]
    assert adjust_crisis([text], np.array([0.1]))[0] == PHRASE_SCORE


@pytest.mark.parametrize("text", [
    # one cue alone is ordinary
    "I'm sorry for everything, I was out of line",
    "surgery went well, no more pain!",
    # farewells alone, or farewells together, are ordinary
    "last day at work today. thank you all for everything, I love you all!",
    "goodnight everyone, going to sleep now. love you all",
    # a heated apology
    "I'm sorry for everything I said last night, I was drunk. Goodbye.",
    # errands and instructions with no farewell
    "the password to my laptop is in the drawer. please take care of my dog for me",
    # a supporter's reply
    "please don't say goodbye. it's not your fault you feel this way. we'd miss you",
    "I'm here for you. it's not your fault. are you safe right now? goodbye isn't the answer",
    # a joke, and "not a goodbye"
    "sorry for everything lol, goodbye forever fantasy football",
    "this is not a goodbye! sorry for everything, i'll see you all soon",
    # a note's cues, leaving a platform
    "thank you for everything, sorry for all of it. find me on bluesky",
])
def test_ordinary_endings_and_replies_are_not_notes(text):
    assert "goodbye_note" not in explain(text)


@pytest.mark.parametrize("text", [
    "goodbye everyone, this is my last tweet. moving to bluesky, find me at @me.bsky.social",
    "Goodbye everyone! Taking a social media break for a month to study for exams",
    "this is my last post here, deleting twitter tonight. farewell everyone",
    "farewell everyone, I'm over on mastodon now: @me@example.social",
    "goodbye everyone, see you on bluesky",
])
def test_goodbyes_to_a_platform_raise_nothing(text):
    assert explain(text) == []
    assert adjust_crisis([text], np.array([0.2]))[0] == pytest.approx(0.2)


@pytest.mark.parametrize("text", [
    "goodbye everyone",
    "this is my last post. goodbye everyone",
    # deleting an account without naming a platform is no cue: people at risk close them too
    "deleting my account. goodbye everyone",
    # a break from life is no break
    "taking a break from life. goodbye everyone",
    # another risk rule with a platform named
    "leaving twitter and this world. i want to die. goodbye everyone",
])
def test_goodbyes_without_a_platform_still_read(text):
    assert explain(text)


def test_the_platform_rule_needs_a_named_platform():
    assert finality.leaves_platform(lowered("Logging off Twitter for good"))
    assert not finality.leaves_platform(lowered("Logging off for good"))
    assert not finality.leaves_platform(lowered("I'm done with this place"))
