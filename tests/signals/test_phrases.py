"""The crisis phrase layer, without the model."""

import numpy as np
import pytest

from kindscope.signals.phrases import PHRASE_SCORE, SUPPORT_CAP, adjust_crisis, explain


@pytest.mark.parametrize(
    "text",
    [
        "I've written the note, goodbye everyone",
        "goodbye everyone",
        "I'm going to end it tonight",
        "I want to kill myself",
        "i want to die",
        "I took all my pills",
        "I cut myself again last night",
        "everyone would be better off without me",
        "I don't want to be alive anymore",
        "this is my last post",
        "I left a goodbye note on the table",
        "I wrote my note so my parents would understand",
        "I'm going to end it all",
        "i wanna end it all",
    ],
)
def test_first_person_risk_fires(text):
    assert explain(text)


@pytest.mark.parametrize(
    "text",
    [
        "please don't give up, why do you want to die?",
        "this deadline is killing me",
        "I would never kill myself",
        "I want to die lol this meme",
        "man kills himself in tragic accident, police say",
        "my friend wrote a note to the teacher",
        # letters and notes without a word of farewell (counsellors suggest writing them)
        "I would write a letter to the landlord and explain",
        "I wrote a letter to my MP about the cuts",
        "I've been writing my thoughts in the notes app",
        "suicide prevention week starts Monday",
        "I would never end it all",
        "If you ever feel like you want to end it all, please call a helpline.",
        "Are you planning to end it all? I'm here for you.",
        "I'm about to end it all with my boyfriend, he cheated again.",
        "The band is going to end it all with one last tour.",
        "I know you want to end it all, but please call a helpline. You matter.",
        "I decided to end it all: deleted Facebook and Instagram.",
        "As a writer I plan to end it all on a cliffhanger.",
    ],
)
def test_support_news_and_jokes_do_not_fire(text):
    assert explain(text) == []


def test_adjust_raises_hits_and_caps_support_replies():
    texts = ["goodbye everyone", "please don't give up, why do you want to die?", "hello"]
    out = adjust_crisis(texts, np.array([0.1, 0.8, 0.4]))
    assert out[0] == PHRASE_SCORE
    assert out[1] == SUPPORT_CAP
    assert out[2] == 0.4
