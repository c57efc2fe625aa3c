"""Set phrases that tell people to leave a country (slogans.py), and support beside them."""

import numpy as np
import pytest

from kindscope.signals.slogans import SLOGAN_SCORE, adjust_slogans, explain_slogans


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Go back to where you came from.", "go_back"),
        ("nobody wants you here, go back to your own country", "go_back"),
        ("They should go back where they came from", "go_back"),
        ("send them all back", "send_back"),
    ],
)
def test_rules_fire(text, rule):
    assert rule in explain_slogans(text)


@pytest.mark.parametrize(
    "text",
    [
        'Telling people to "go back to where they came from" is racist.',
        "she told me to go back to where I came from",
        "I can't think of a reason to send them back.",
        "Why would we send them back? They live here.",
        "I want to go back home to see my mum",
        "we should deport them",  # policy words are left to the heads
        "Racism has no place here, and neither does 'go back to your country'.",
    ],
)
def test_quoted_reported_argued_or_absent(text):
    assert explain_slogans(text) == []


def test_adjust_only_raises():
    texts = ["send them all back", "send them all back", "hello"]
    out = adjust_slogans(texts, np.array([0.2, 0.95, 0.2]))
    assert out.tolist() == [SLOGAN_SCORE, 0.95, 0.2]


def test_a_slogan_reads_as_hate_and_not_as_support():
    from kindscope.signals import THRESHOLDS, score_texts
    from kindscope.signals.guards import GUARD_CAP

    rows = score_texts(["Go back to where you came from."],
                       ["I just moved here and I feel so lonely."],
                       signals=("hate", "support", "support_er")).to_pydict()
    assert rows["hate"][0] >= THRESHOLDS["hate"]
    assert rows["support"][0] <= GUARD_CAP and rows["support_er"][0] <= GUARD_CAP
