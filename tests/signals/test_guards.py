"""The toxicity guards, without the model."""

import numpy as np
import pytest

from kindscope.signals.guards import GUARD_CAP, adjust_toxicity, explain_toxicity


@pytest.mark.parametrize(
    ("text", "guard"),
    [
        ("I'm such an idiot, left my keys", "self_directed"),
        ("ugh I am so stupid", "self_directed"),
        ("I felt like such an idiot", "self_directed"),
        ("what an idiot I am, forgot my keys again", "self_directed"),
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
     "what a fucking idiot he is", "I felt like such an idiot, you moron"],
)
def test_guards_do_not_apply_to_insults(text):
    assert explain_toxicity(text) == []


def test_adjust_only_lowers():
    out = adjust_toxicity(["I'm such an idiot", "you idiot", "I'm such an idiot"],
                          np.array([0.9, 0.9, 0.1]))
    assert out.tolist() == [GUARD_CAP, 0.9, 0.1]


def test_upbeat_is_capped_for_posts_read_as_crisis():
    from kindscope.signals.guards import adjust_upbeat

    out = adjust_upbeat(np.array([0.9, 0.9, 0.2]), np.array([0.7, 0.3, 0.9]))
    assert out.tolist() == [GUARD_CAP, 0.9, 0.2]


def test_a_goodbye_note_is_not_upbeat_even_when_asked_for_upbeat_alone():
    from kindscope.signals import THRESHOLDS, score_texts

    text = "I've written the note, goodbye everyone, thank you for everything"
    alone = score_texts([text], signals=["upbeat"])
    both = score_texts([text], signals=["upbeat", "crisis"])
    assert both["crisis"][0].as_py() >= THRESHOLDS["crisis"]
    assert alone["upbeat"][0].as_py() == both["upbeat"][0].as_py() <= GUARD_CAP
    assert alone.column_names == ["upbeat"]


def test_support_is_capped_for_replies_read_as_toxic():
    from kindscope.signals.guards import adjust_support

    out = adjust_support(np.array([0.9, 0.9, 0.2]), np.array([0.7, 0.3, 0.9]))
    assert out.tolist() == [GUARD_CAP, 0.9, 0.2]


def test_an_insult_is_not_comfort_even_when_asked_for_support_alone():
    from kindscope.signals import THRESHOLDS, score_texts

    insult, comfort = "you are a worthless idiot", "Hang in there, I'm here for you"
    signals = ["support", "support_er", "support_ip", "support_ex"]
    alone = score_texts([insult, comfort], signals=signals)
    with_tox = score_texts([insult, comfort], signals=[*signals, "toxicity"])
    assert with_tox["toxicity"][0].as_py() >= THRESHOLDS["toxicity"]
    assert alone.column_names == signals
    for name in signals:
        assert alone[name][0].as_py() == with_tox[name][0].as_py() <= GUARD_CAP
    assert alone["support"][1].as_py() >= THRESHOLDS["support"]


def test_a_text_with_nothing_to_read_gets_no_flag():
    from kindscope.signals import SIGNALS, score_texts

    rows = score_texts(["❤️", "💔", "😂😂😂", "", "I want to die 💔", "💔goodbye everyone💔"],
                       None).to_pylist()
    for row in rows[:4]:
        assert all(row[s] <= GUARD_CAP for s in SIGNALS), row
    # a text with words is read as it is, emoji and all, and the phrase layer still reads
    # words glued to emoji
    assert rows[4]["crisis"] >= 0.5
    assert rows[5]["crisis"] >= 0.5
