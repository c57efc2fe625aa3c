"""Disguised spellings are undone for the encoder; ordinary writing is left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tokenizers import Tokenizer

from kindscope.signals.model import ARTIFACTS
from kindscope.signals.spelling import Respeller


@pytest.fixture(scope="module")
def respeller() -> Respeller:
    return Respeller(Tokenizer.from_file(str(ARTIFACTS / "tokenizer.json")))


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("you're a m0ron", "you're a moron"),
        ("ur an 1d10t", "ur an idiot"),
        ("nobody likes you, l0s3r", "nobody likes you, loser"),
        ("what a dumb@ss you are", "what a dumbass you are"),
        ("you pathetic id!ot", "you pathetic idiot"),
        ("shut up you m o r o n", "shut up you moron"),
        ("you're an i.d.i.o.t", "you're an idiot"),
        ("you pathetic c-r-e-e-p", "you pathetic creep"),
        ("you're a moooron", "you're a moron"),
        ("a w a s t e of money", "a waste of money"),
        ("they are v3rmin", "they are vermin"),
    ],
)
def test_disguised_words_are_written_plainly(respeller, text, plain):
    assert respeller.fix(text) == plain


@pytest.mark.parametrize(
    "text",
    [
        "covid19 and mp3 on the 1st",
        "meet at 1am, 100kg, flight MH370, 5pm",
        "@user123 #blm2020 me@gmail.com http://x.co/a1b2 gf.me/u/jyy4qm",
        "hello!! wow!!! ok!!1 anyone!I",
        "u r a star, wtf, a b c",
        "noooo sooo tired, hmmm, wayyyy too much",
        "a.m. p.m. e.g. i.e.",
        "b4 2day 4ever l8r gr8 thx 4 the support",
        "",
    ],
)
def test_ordinary_writing_is_left_alone(respeller, text):
    assert respeller.fix(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghij XYZ,.'?"), max_size=60))
def test_text_without_digits_symbols_or_stretches_is_unchanged(respeller, text):
    # no digit or symbol, and no letter three times in a row, no single spaced letters
    words = text.split()
    if any(len(w) == 1 for w in words) or any(a == b == c for a, b, c in zip(
            text, text[1:], text[2:], strict=False)):
        return
    assert respeller.fix(text) == text


def test_the_model_reads_the_plain_spelling():
    from kindscope.signals import THRESHOLDS, score_texts

    t = score_texts(["ur an 1d10t", "ur an idiot"], signals=["toxicity"])
    disguised, plain = t["toxicity"].to_pylist()
    assert disguised == pytest.approx(plain)
    assert disguised >= THRESHOLDS["toxicity"]
