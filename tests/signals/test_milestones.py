"""Recovery milestones (kindscope/signals/milestones.py): the rule alone, then the model."""

import numpy as np
import pytest

from kindscope.signals.guards import GUARD_CAP
from kindscope.signals.milestones import (
    MILESTONE_SCORE,
    adjust_milestones,
    explain_milestone,
    milestone_mask,
)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("30 days clean today", "streak"),
        ("One year self-harm free!", "streak"),
        ("6 months sober and counting", "streak"),
        ("sober for 2 years as of this morning", "streak"),
        ("3 weeks SH free 💪", "streak"),
        ("Two years since my last relapse", "since_last"),
        ("100 days since my last drink", "since_last"),
        ("First week in months without a panic attack", "without"),
        ("a whole month without cutting", "without"),
        ("Made it through the whole week without crying", "without"),
        ("Just hit 1 year of sobriety today 🎉 thank you all", "streak"),
        ("Day 60 sober #recovery #odaat", "streak"),
        ("6 months no self harm. So proud of me 💪", "without"),
        ("first week in months without nightmares!!", "without"),
        ("sober 9 months today 🌱", "streak"),
        ("week 3 with no panic attacks!", "streak"),
        ("haven't had a cigarette in 200 days", "without"),
        ("2 years since I last relapsed, never thought I'd get here", "since_last"),
    ],
)
def test_milestones_found(text, family):
    found = explain_milestone(text)
    assert found is not None and found[0] == family


@pytest.mark.parametrize(
    "text",
    [
        # streaks told as broken, past, hoped for or asked about (the training sources'
        # wording: EPITOME, SDCNL, GoEmotions)
        "After being clean for 10 months, I cut myself again last night.",
        "I was almost self harm free for a month, but of course I messed that up",
        "Just fucked my record of 6 months without cutting",
        "Would've been sober for about 2 years now.",
        "I've been sober for about a month, but I just went to the store to buy more beer",
        "I was 2 years clean until yesterday",
        "30 days clean and I still want to die",
        "6 months sober. I want to kill myself.",
        "how do you stay 30 days clean?",
        "I hope to be 30 days clean by Christmas",
        # anything besides celebration keeps the model's reading: farewells, plans, method
        # words, symptoms, loneliness, a new count, a negation
        "One year clean. Goodbye everyone.",
        "Two years sober. Tonight I end it.",
        "90 days clean. bought a rope",
        "5 days sober and shaking so bad",
        "6 months clean, nobody cares",
        "30 days clean yesterday. day 1 today.",
        "I can't go 2 hours without crying",
        "I never go a day without self harm",
        "Not one day without a panic attack",
        "Can't make it a week without cutting",
        "Wow 2 days clean, what an achievement 🙄",
        # a second review (2026-12-05): hashtags that only contain a recovery word, a
        # count of zero, a grief, a black heart
        "6 months clean today. #soberbutdepressed",
        "1 year sober #recoveryfailed",
        "0 days clean today.",
        "day 0 clean",
        "first night since the funeral without crying",
        "one year sh free today 🖤",
        # a last review (2026-12-05): emoticons, trailing off, quotation, grief emoji,
        # loneliness, pills, binge streaks
        "i've been 30 days clean... :(",
        "2 years since my last relapse ):",
        "2 weeks without cutting ;-;",
        "2 weeks without cutting -.-",
        "6 months without cutting...",
        "2 years clean 💐🌈",
        '"30 days clean"',
        "just me myself and i. 90 days sober",
        "i made it 2 weeks without pills. finally.",
        "2 weeks binge free 💪",
        # other meanings of the words
        "The kitchen has been clean for 2 days",
        "Three years since the last episode aired",
        "Our office has been smoke-free for 2 years",
        # a code review (2026-12-05): risk phrases, hours, a night or one day, doubt
        "a week without suicidal thoughts",
        "3 hours without cutting",
        "clean for 3 hours",
        "made it through the night without cutting",
        "day 1 sober",
        "90 days clean and still feel like this",
        "30 days clean... for now",
        "one year clean. am i happy",
        "thank you all for the support. one year clean today. i have been strong for you all",
        # not a milestone: the thing is not a symptom, substance or relapse
        "A week without sleep, this is hell",
        "Another day without hearing from anyone",
        "My car is clean for the first time in years",
        "Still no reply from the doctor",
    ],
)
def test_not_milestones(text):
    assert explain_milestone(text) is None


def test_a_high_crisis_reading_is_never_lowered():
    probs = np.array([0.95, 0.6])
    held = np.array([True, True])
    assert adjust_milestones("crisis", ["", ""], probs, held).tolist() == [0.95, GUARD_CAP]


def test_mask_marks_milestones_only():
    texts = ["30 days clean today", "30 days clean and I still want to die", "hello"]
    assert milestone_mask(texts).tolist() == [True, False, False]


def test_adjust_raises_upbeat_caps_pain_and_leaves_the_rest():
    probs = np.array([0.1, 0.8, 0.95])
    held = np.array([True, True, False])
    texts = ["", "", ""]
    assert adjust_milestones("upbeat", texts, probs, held).tolist() == [MILESTONE_SCORE, 0.8,
                                                                        0.95]
    for signal in ("distress", "crisis"):
        assert adjust_milestones(signal, texts, probs, held).tolist() == [0.1, GUARD_CAP, 0.95]
    assert adjust_milestones("toxicity", texts, probs, held).tolist() == probs.tolist()
    # without a mask it reads the texts (a None mask never caps everything)
    texts = ["30 days clean today", "two days clean, tomorrow I end it", "hello"]
    assert adjust_milestones("crisis", texts, probs).tolist() == [0.1, 0.8, 0.95]


def test_the_model_reads_milestones_as_good_news_and_keeps_risk():
    from kindscope.signals import THRESHOLDS, score_texts

    texts = [
        "First week in months without a panic attack",
        "Two years since my last relapse",
        "30 days clean today",
        # beside anything else, the model's reading stands
        "90 days sober. Everything hurts and I can't stop crying, I feel so alone and empty",
    ]
    rows = score_texts(texts, None, signals=("upbeat", "distress", "crisis")).to_pylist()
    for row in rows[:3]:
        assert row["upbeat"] >= THRESHOLDS["upbeat"], row
        assert row["distress"] <= GUARD_CAP and row["crisis"] <= GUARD_CAP, row
    assert rows[3]["distress"] >= THRESHOLDS["distress"], rows[3]


@pytest.mark.parametrize("text", ["30 days 😭 self 😭 harm 😭 free",
                                  "6 😭 months 😭 without 😭 self harm"])
def test_sad_emoji_between_the_words_of_a_milestone_keep_the_model_reading(text):
    # the respeller moves emoji set between every word after the words; a milestone beside
    # 😭 is not plain good news, so the rule must still see them
    from kindscope.signals.model import get_model

    model = get_model()
    plain = model.respeller.fix(text)
    assert "😭" in plain
    assert not milestone_mask([plain]).any()
