"""Hashtags read as their words (``training/variants/2026-12-06c/hashtags.py``: judged twice,
not in the shipped model, kept for the next plan). Cases written by hand, before the review
set of ``training/variants/2026-12-06b`` was read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

VARIANT = Path(__file__).resolve().parents[2] / "training" / "variants" / "2026-12-06c"
sys.path.insert(0, str(VARIANT))

from hashtags import WORDS, as_words, split_run  # noqa: E402


@pytest.mark.parametrize(("text", "read"), [
    ("#cantdothisanymore #done #goodbye", "cant do this anymore done goodbye"),
    ("#MondayMotivation", "Monday Motivation"),
    ("#summer2019 #besties", "summer 2019 besties"),  # no split into scraps ("best i es")
    ("#mentalhealthawareness", "mental health awareness"),  # a compound left out of the list
    ("#ootd", "ootd"),  # cannot be split: as written, without the sign
    ("walked 10k today #legday 💪", "walked 10k today leg day 💪"),
    ("#imtired", "im tired"),
])
def test_tags_read_as_words(text, read):
    assert as_words(text) == read


@pytest.mark.parametrize("text", ["C# and F# are languages", "it&#39;s fine", "no tags here",
                                  "issue #42", "##", "#"])
def test_text_that_holds_no_tag_stays_as_written(text):
    expected = text.replace("#42", "42")  # a tag of digits is a tag: its sign goes
    assert as_words(text) == expected


def test_split_takes_the_likeliest_words():
    assert split_run("onedayatatime") == ["one", "day", "at", "a", "time"]
    assert split_run("xqzv") is None


def test_word_list_is_sorted_counts_of_plain_words():
    lines = WORDS.read_text(encoding="utf-8").splitlines()
    counts = [int(line.split()[1]) for line in lines]
    assert counts == sorted(counts, reverse=True) and len(lines) > 20_000
    words = {line.split()[0] for line in lines}
    assert {"mental", "health", "anymore"} <= words and "mentalhealth" not in words


def test_word_list_is_what_its_command_counts():
    """``build_wordlist.py`` rebuilds the list byte for byte."""
    root = Path(__file__).resolve().parents[2]
    if not (root.parent / "shared/data").is_dir():
        pytest.skip("needs ../shared/data")
    import build_wordlist

    built = "".join(f"{w} {n}\n" for w, n in build_wordlist.build(build_wordlist.MIN_COUNT))
    assert built == WORDS.read_text(encoding="utf-8")
