"""Fixtures shared by the signal tests."""

import pytest
from tokenizers import Tokenizer

from kindscope.signals.model import ARTIFACTS
from kindscope.signals.spelling import Respeller


@pytest.fixture(scope="session")
def respeller() -> Respeller:
    """The respeller with the shipped encoder's vocabulary (no model loaded)."""
    return Respeller(Tokenizer.from_file(str(ARTIFACTS / "tokenizer.json")))
