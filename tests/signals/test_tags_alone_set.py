"""The card's figures for posts of hashtags alone (``training/cards/common.md``, model
2026.12.24), read again from plan 40's frozen blind set with and without the rule (slow:
the set is scored twice)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "training" / "variants" / "2026-12-07b" / "score_tags.py"


@pytest.mark.slow
def test_the_cards_counts_of_tags_alone_read_as_painful(monkeypatch):
    spec = importlib.util.spec_from_file_location("score_tags", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    new = script.read(without_rule=False)
    monkeypatch.setattr(script.model, "tags_as_words", lambda text, *rest: text)
    old = script.read(without_rule=False)
    counts = script.compare(old, new)
    assert (counts["tags_everyday"]["painful_before"],
            counts["tags_everyday"]["painful_after"]) == (33, 10)
    assert (counts["tags_painful"]["painful_before"],
            counts["tags_painful"]["painful_after"]) == (39, 39)
    assert counts["bar2_pain_lost"] == ["#endit #noreason #done"]
    assert counts["tags_painful"]["crisis_before"] == counts["tags_painful"]["crisis_after"]
    card = (ROOT / "training" / "cards" / "common.md").read_text(encoding="utf-8")
    assert "33 of 80 -> 10" in card and "39 of 40 -> 39" in card
