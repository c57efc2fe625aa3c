"""Upside-down text is read the right way up, in place, and nothing else is turned."""

from __future__ import annotations

import pytest

from kindscope.signals.turned import read_turned


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("ǝıp oʇ ʇuɐʍ ı", "i want to die"),
        ("ǝɟıן ʎɯ puǝ oʇ ʇuɐʍ ı", "i want to end my life"),  # "ן" for l
        ("¡ǝɹoɯʎuɐ sıɥʇ op ʇ,uɐɔ ı", "i can't do this anymore!"),
        ("ʎɐpɥʇɹıq ʎddɐɥ 🎂", "happy birthday 🎂"),  # the emoji is not part of the run
        ("🇬🇧 ǝɥʇ ʇɐ ʎɐp ʇɐǝɹƃ @bob", "🇬🇧 great day at the @bob"),
        ("ɯɐ ı 6 ʎɐp", "day 9 i am"),
        # plain words stay where they are; only the turned run is read the right way up
        ("i want to die (ʎɐʍ sıɥʇ ʇı ǝʇıɹʍ ı)", "i want to die (i write it this way)"),
    ],
)
def test_upside_down_runs_are_read(text, plain):
    assert read_turned(text) == plain


@pytest.mark.parametrize(
    "text",
    [
        "/ɹʌn/ and /ɹæn/ differ",  # IPA
        "[ɥi] [ʎ] [ɾ] [ɯ]",
        "ɹ ʌ ɐ ɯ ɥ ʎ ʍ",  # a list of IPA symbols
        "the vowel ɐ in ˈbʌtɐ",
        "ɥɐɥ",  # too few kinds of turned letters
        "Bıktım artık bu hayattan",
        "∀x ∈ ℕ: x ⊥ y",
        "plain English text with no turned letters",
    ],
)
def test_other_text_is_not_turned(text):
    assert read_turned(text) == text
