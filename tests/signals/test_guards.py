"""The toxicity guards, without the model."""

import numpy as np
import pytest

from kindscope.signals.guards import GUARD_CAP, adjust_toxicity, explain_toxicity


@pytest.mark.parametrize(
    ("text", "guard"),
    [
        ("I'm such an idiot, left my keys", "self_directed"),
        ("ugh I am so stupid", "self_directed"),
        ("someone called me a moron today", "reported"),
        ("fucking brilliant news", "friendly_swearing"),
        ("holy shit we won", "friendly_swearing"),
    ],
)
def test_guards_apply(text, guard):
    assert guard in explain_toxicity(text)


@pytest.mark.parametrize(
    "text",
    ["you're such an idiot", "people like you are vermin", "you called me a moron, you idiot",
     "what a fucking idiot he is"],
)
def test_guards_do_not_apply_to_insults(text):
    assert explain_toxicity(text) == []


def test_adjust_only_lowers():
    out = adjust_toxicity(["I'm such an idiot", "you idiot", "I'm such an idiot"],
                          np.array([0.9, 0.9, 0.1]))
    assert out.tolist() == [GUARD_CAP, 0.9, 0.1]
