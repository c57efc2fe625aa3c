"""Risk told as the author's past, and over (signals/pasts.py; the rest read by the model)."""

import numpy as np
import pytest

from kindscope.signals import score_texts
from kindscope.signals.pasts import PAST_CAP, adjust_past, past_over, past_rest

OVER = [
    "i was suicidal for years in my twenties. i'm 40 now and glad i stayed",
    "i tried to end my life in 2015. today i have a kid and a garden. it can change",
    "i was suicidal after my divorce, around 2016. i'm remarried and life is loud and good",
    "when i was 17 i wanted to die every day. i'm 35 now and i'm doing well",
    "5 years since my attempt today, grateful to be here",
]

NOW = [
    "i was suicidal in 2016, got better, had 5 good years. it's back and worse than ever",
    "i survived an attempt at 19. i'm 30 and i don't think i'll survive the next one",
    "three years clean from self harm. tonight i don't think i can hold on",
    "everyone says it gets better. i was suicidal in 2010 and i still am",
    "i was suicidal years ago and i'm glad i stayed. but now i want to die",
    "i tried to end my life when i was 19. life is good they said. lol",
    "12 days ago i tried to end my life. i'm ok now",
    "i attempted in 2015. i'm 40 now and i'm tired of being alive",
    "i was suicidal in college. i'm fine now. i'm going to end it",
    "i was suicidal in my twenties. now i'm 40 and i feel the same. nothing changed",
    "i wanted to die when i was 15. i'm 30 now. i want to die more",
    "i tried to kill myself in 2014. glad i survived? no. i wish it had worked",
    "i was suicidal in 2015 and i'm 40 now",  # no word that it is over
    "i used to be suicidal years ago. i'm glad i stayed?",
    "i was suicidal in high school and i still am",
]


@pytest.mark.parametrize("text", OVER)
def test_past_and_over(text):
    assert past_over(text)


@pytest.mark.parametrize("text", NOW)
def test_risk_now_or_doubt_is_not_past(text):
    assert not past_over(text)


def test_rest_drops_the_sentences_of_risk():
    assert past_rest("i was suicidal in 2015. i'm 40 now and glad i stayed") == (
        "i'm 40 now and glad i stayed")
    assert past_rest("5 years since my attempt today") == ""


def test_adjust_past_only_caps():
    probs = np.array([0.9, 0.1, 0.8])
    out = adjust_past(probs, np.array([True, True, False]))
    assert out.tolist() == [PAST_CAP, 0.1, 0.8]


def test_the_model_caps_a_story_of_recovery_and_keeps_risk_now():
    texts = [OVER[0], OVER[1], *NOW[:6]]
    crisis = score_texts(texts, signals=["crisis"]).column("crisis").to_pylist()
    assert crisis[0] <= PAST_CAP and crisis[1] <= PAST_CAP
    assert all(p >= 0.5 for p in crisis[2:]), list(zip(texts[2:], crisis[2:], strict=True))


def test_a_rest_read_as_crisis_keeps_the_score():
    # the rest ("... i can't see a way through") is what the model reads as crisis
    text = ("i tried to end my life in 2015. life got good for years. "
            "i can't see a way through this one")
    assert not past_over(text)  # "can't" alone keeps the model's reading
    crisis = score_texts([text], signals=["crisis"]).column("crisis")[0].as_py()
    assert crisis >= 0.5
