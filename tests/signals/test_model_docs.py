"""The shipped model's version, artifacts, figures and cards agree with each other.

A commit once named one version in ``model.py`` and another in ``manifest.json``, so the
model did not load; and a card was once regenerated without its out-of-distribution
section. These tests catch both before a commit lands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kindscope.signals.model import ARTIFACTS, MODEL_VERSION, verify_artifacts

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

import model_cards  # noqa: E402
import ood_cards  # noqa: E402


def test_manifest_names_the_version_the_code_expects():
    manifest = json.loads((ARTIFACTS / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model_version"] == MODEL_VERSION
    verify_artifacts()  # every file's checksum as well


@pytest.mark.parametrize("path", [
    ARTIFACTS / "ood_metrics.json",
    ROOT / "tests/challenge/results.json",
])
def test_figures_are_of_the_shipped_model(path):
    # The cards print these figures as the shipped model's; a rule change that moves
    # scores bumps the version, and then the figures must be read again.
    assert json.loads(path.read_text(encoding="utf-8"))["model_version"] == MODEL_VERSION


@pytest.mark.parametrize("signal", model_cards.SIGNALS)
def test_card_is_what_the_card_commands_write(signal):
    # training/model_cards.py then training/eval_ood.py --cards, without writing anything.
    metrics = json.loads(model_cards.METRICS.read_text())
    ood, _, challenge = ood_cards.load_inputs()
    expected = model_cards.render(signal, metrics, model_cards.load_lodo())
    if signal in ood["signals"]:
        expected = ood_cards.with_section(
            expected, ood_cards.card_section(signal, ood, metrics, challenge))
    shipped = (model_cards.OUT / f"{signal}.md").read_text(encoding="utf-8")
    assert shipped == expected, (
        f"docs/models/{signal}.md is not what training/model_cards.py followed by "
        "training/eval_ood.py --cards writes; run both")
