"""Figures of speech about death and violence (idioms.py), without the model and through it."""

import numpy as np
import pytest

from kindscope.signals.guards import GUARD_CAP
from kindscope.signals.idioms import DISTRESS_FREE, adjust_idioms, explain_idioms
from kindscope.signals.phrases import PHRASE_SCORE, adjust_crisis


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("dying of laughter at this", "laughter"),
        ("lol I'm dead, this is the funniest thing", "laughter"),
        ("I nearly died laughing", "laughter"),
        ("that joke killed me", "laughter"),
        ("you absolutely killed it tonight, so proud", "success"),
        ("she slayed that performance", "success"),
        ("we're going to murder this quiz tonight", "success"),
        ("that cake was to die for", "longing"),
        ("I'd kill for a coffee right now", "longing"),
        ("I'm dying to see the new film", "longing"),
        ("this heat is killing me", "complaint"),
        ("I could die of embarrassment", "complaint"),
    ],
)
def test_families(text, family):
    assert family in explain_idioms(text)


@pytest.mark.parametrize(
    "text",
    [
        "I will kill you",
        "kill yourself, you killed it for everyone",
        "you killed that hoe",  # a noun after "killed that" is not success
        "He is killing this team",
        "dying of laughter at you, stupid bitch",
        "I'd kill for a coffee. Honestly I want to kill myself",
        "my grandad is dying",
        "they killed him",
    ],
)
def test_no_idiom_or_not_only_an_idiom(text):
    assert explain_idioms(text) == []


def test_distress_is_capped_for_laughter_and_success_only():
    texts = ["dying of laughter at this", "my feet are killing me after that hike",
             "I'd kill for one night's sleep"]
    out = adjust_idioms(texts, np.array([0.96, 0.94, 0.8]), DISTRESS_FREE)
    assert out.tolist() == [GUARD_CAP, 0.94, 0.8]
    assert adjust_idioms(texts, np.array([0.9, 0.9, 0.9])).tolist() == [GUARD_CAP] * 3


def test_a_risk_phrase_wins_over_an_idiom_for_crisis():
    texts = ["I'd kill for a coffee right now",
             "this loneliness is killing me. I'm going to die alone, might as well do it now"]
    out = adjust_crisis(texts, np.array([0.64, 0.6]))
    assert out[0] == pytest.approx(0.3)
    assert out[1] == PHRASE_SCORE


def test_the_model_applies_the_caps():
    from kindscope.signals import score_texts

    texts = ["dying of laughter at this", "I'd kill for a coffee right now",
             "I feel so hopeless and alone tonight"]
    table = score_texts(texts, signals=("distress", "crisis", "offensive")).to_pydict()
    assert table["distress"][0] <= GUARD_CAP
    assert table["crisis"][1] <= 0.3 and table["offensive"][1] <= GUARD_CAP
    assert table["distress"][2] > 0.5
