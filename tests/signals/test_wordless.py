"""Texts with no words get no flag from the heads; text faces keep their reading
(``kindscope.signals.wordless``)."""

from __future__ import annotations

import pytest

from kindscope.signals import score_texts
from kindscope.signals.wordless import no_letters


@pytest.mark.parametrize(("text", "wordless"), [
    ("#", True), ("...", True), ("12345", True), ("@someone", True), ("!!!", True),
    ("@a @b https://example.org/x", True), ("", True),
    ("ok", False), (":(", False), (":'(", False), ("</3", False), (";_;", False),
    ("@a :(", False), ("💔", False), ("привет", False), ("#sad", False),
])
def test_what_holds_no_words(text, wordless):
    assert no_letters(text) is wordless


def test_no_flag_from_a_text_of_no_words_and_a_face_is_still_read():
    texts = ["#", "@someone", "...", "12345", ":("]
    table = score_texts(texts, signals=["distress", "crisis"])
    distress, crisis = (table.column(s).to_pylist() for s in ("distress", "crisis"))
    assert max(distress[:4]) <= 0.3 and max(crisis[:4]) <= 0.3
    assert distress[4] >= 0.5  # a bare ":(" is a way to say one is low
