"""The styles of training/eval_letters.py are the ones the respeller reads back."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ("I can't keep going like this, goodbye everyone",
         "@sam you are a pathetic excuse for a human being",
         "Exams next week and I haven't slept in days")


@pytest.fixture(scope="module")
def eval_letters():
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "training"))
    import eval_letters

    return eval_letters


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() or c == "'" else " " for c in text.lower()).split()


@pytest.mark.parametrize("style", ["bold", "script", "small_caps", "flags", "cyrillic",
                                   "emoji_between", "underscores", "superscript",
                                   "upside_down"])
def test_each_style_disguises_and_is_read_back(eval_letters, respeller, style):
    rng = random.Random(5)
    for text in TEXTS:
        styled = eval_letters.restyle(text, style, rng)
        assert styled != text
        plain = _words(text)
        if style == "superscript":  # no superscript q: none in these texts
            assert "q" not in text.lower()
        assert _words(respeller.fix(styled)) == plain
