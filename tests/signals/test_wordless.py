"""Texts with no words get no flag from the heads; text faces keep their reading
(``kindscope.signals.wordless``)."""

from __future__ import annotations

import pytest

from kindscope.signals import score_texts
from kindscope.signals.wordless import no_letters, tags_as_words


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


@pytest.mark.parametrize(("text", "read"), [
    ("#cat", "cat"),
    ("#sunset\n#photography #nofilter 🌅", "sunset\nphotography no filter 🌅"),
    ("#MondayMotivation", "Monday Motivation"),
    ("#100DaysOfCode #Day42", "100 Days Of Code Day 42"),
    ("#cantsleep #depressed", "can't sleep depressed"),
    ("#Silent_Sunday", "Silent Sunday"),
    ("#ICantTakeItAnymore", "I can't Take It Anymore"),
    # a disguised word is written plainly, as everywhere else (a review, 2026-12-07: "#kms"
    # read as the letters "kms" lost its distress reading)
    ("#kms", "kill myself"),
    ("#sewerslide", "suicide"),
    ("https://example.org/?q=#frag 🐈", "https://example.org/?q=#frag 🐈"),
    ("(@bob) #cat", "(@bob) cat"),
    ("@bob #cat https://example.org/#top", "@bob cat https://example.org/#top"),
    # a tag beside other words keeps its sign: only texts of tags alone are read as words
    ("feeling low today #depressed", "feeling low today #depressed"),
    ("#cat and #dog", "#cat and #dog"),
    ("#", "#"),
])
def test_a_text_of_tags_alone_is_read_as_their_words(text, read):
    from kindscope.signals.model import get_model

    model = get_model()
    assert tags_as_words(text, model.vocab_rank, model.respeller.fix) == read


def test_tags_alone_are_read_by_their_words_not_their_signs():
    """"#cat" read distress 0.95, "#sunset #photography" 0.68, at model 2026.12.23 (a real
    Mastodon export listed its image posts as written in pain: a review, 2026-12-07); tags
    of pain keep their reading (training/variants/2026-12-07b). Only distress and upbeat read
    the words: read as words, "#imalive" read crisis 0.88 and "#youkillit" toxicity 0.88."""
    everyday = ["#cat", "#sunset #photography", "#breakfast", "#FediPlants #monstera"]
    painful = ["#depressed #lonely #cantsleep", "#grief #missyou", "#vent #anxiety", "#kms"]
    idioms = ["#imalive", "#youkillit", "#imdying", "#iwilldieforyou"]
    table = score_texts(everyday + painful + idioms,
                        signals=["distress", "crisis", "toxicity"])
    distress, crisis, toxicity = (table.column(s).to_pylist()
                                  for s in ("distress", "crisis", "toxicity"))
    assert max(distress[:len(everyday)]) < 0.5
    assert min(distress[len(everyday):len(everyday) + len(painful)]) >= 0.5
    assert max(crisis[-len(idioms):]) < 0.5 and max(toxicity[-len(idioms):]) < 0.5
