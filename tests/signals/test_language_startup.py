"""What the language rule does to start quickly: no detector for text too short to trust it,
the signal model loading beside the detector, and arrays built without pyarrow's pandas
path; none of it changes a result."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import numpy as np
import pyarrow as pa
import pytest

from kindscope.signals import language
from kindscope.signals.language import detect, language_of, read_texts

TEXTS = [
    "", "   ", "ok", "hi", "hello there", "lol 😂", "danke!", "1234 5678", "@anna 😍 #ok",
    "Привет", "Привет, как дела?", "こんにちは", "hello Привет", "a Привет b", "Ça va?",
    "thank you so much!", "Danke dir, ich hoffe es geht dir bald besser!",
    "Het spijt me zo, ik ben er voor je als je wilt praten.",
    "I feel rubbish today and nobody seems to notice",
    "fourteen lettr", "fifteen letterss", "Vielen Dank dir!", "Vielen Dank euch", "naïve café",
]


@pytest.mark.parametrize("text", TEXTS)
def test_language_of_is_what_detect_says(text):
    assert language_of(text) == detect(text).lang


def test_short_latin_text_needs_no_detector(monkeypatch):
    def refuse():
        raise AssertionError("the detector was loaded")

    monkeypatch.setattr(language, "_get_identifier", refuse)
    assert [language_of(t) for t in ("hello there", "ok", "", "thank you so much")] == ["en"] * 4
    with pytest.raises(AssertionError):
        language_of("Привет")  # another script: the detector names the language


@pytest.mark.parametrize("values", [[], ["en"], ["en", "de", "und", "zh", "ÜÜ", "en"]])
def test_string_array_is_pa_array(values):
    built = language._string_array(values)
    built.validate(full=True)
    assert built.equals(pa.array(values, type=pa.string()))


@pytest.mark.parametrize("n", [0, 1, 7, 8, 9, 100])
def test_float_array_is_pa_array_with_a_mask(n):
    rng = np.random.default_rng(n)
    values = rng.random(n)
    for valid in (rng.random(n) < 0.5, np.ones(n, dtype=bool), np.zeros(n, dtype=bool)):
        built = language._float_array(values, valid)
        built.validate(full=True)
        expected = pa.array(values, type=pa.float64(), mask=~valid)
        assert built.equals(expected) and built.null_count == expected.null_count


def test_read_texts_table_types_and_nulls():
    table = read_texts(["I'm so sorry, I'm here for you", TEXTS[16], "hi"], signals=["support"])
    assert table.schema == pa.schema([("lang", pa.string()), ("support", pa.float64())])
    assert table["lang"].to_pylist() == ["en", "de", "en"]
    support = table["support"].to_pylist()
    assert support[1] is None and 0.0 <= support[0] <= 1.0 and 0.0 <= support[2] <= 1.0


READ_FOREIGN = """
import sys
from kindscope.signals.language import read_texts
table = read_texts(["Danke dir, ich hoffe es geht dir bald besser!"])
assert table["lang"].to_pylist() == ["de"] and table["distress"].null_count == 1
print("pandas" in sys.modules)
"""


@pytest.mark.skipif(importlib.util.find_spec("pandas") is None, reason="pandas not installed")
def test_read_texts_imports_no_pandas_of_its_own():
    """Nothing read, so no score_texts: read_texts' own arrays do not import pandas (and the
    process waits for the model it started loading, then exits cleanly)."""
    result = subprocess.run([sys.executable, "-c", READ_FOREIGN], capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"
