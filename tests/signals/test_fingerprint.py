"""Scores on real text move only with a new model version (``training/fingerprint.py``).

Stores keep every score under the model version that read it and read a post again only for
a new version, so a change that moves scores under the old version would leave old and new
readings mixed in a user's store. The challenge suite's fingerprint covers its written
cases (``tests/challenge/test_challenge.py``); this one, 850 real texts of ../shared/data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

import fingerprint  # noqa: E402
from eval_challenge import moved_scores  # noqa: E402
from features import environment  # noqa: E402

STORED = json.loads(fingerprint.OUT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, str | None]]:
    return fingerprint.sample()


def test_the_sample_is_the_one_the_fingerprint_was_taken_of(rows):
    assert len(rows) == STORED["texts"] == 850
    assert fingerprint.sample_sha256(rows) == STORED["sample_sha256"], (
        "the sample of training/fingerprint.py changed (its data or its code): take the "
        "fingerprint again with the model it was taken of")


def test_scores_on_real_text_move_only_with_a_new_model_version(rows):
    from kindscope.signals import MODEL_VERSION

    assert STORED["model_version"] == MODEL_VERSION, (
        "a new model version: run training/fingerprint.py")
    moved = moved_scores(STORED, fingerprint.score(rows))
    assert not moved, (
        f"{len(moved)} scores moved under model {MODEL_VERSION} (text, signal, stored, now; "
        f"first five: {moved[:5]}): bump MODEL_VERSION in kindscope/signals/model.py and "
        "manifest.json, then run training/fingerprint.py, training/eval_challenge.py and "
        f"training/eval_ood.py. Taken with {STORED.get('environment')}, now {environment()}: "
        "if only a dependency changed, see whether the move is in the model's figures")
