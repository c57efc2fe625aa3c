"""The inference API and the seed sentences of issue 3 (needs the shipped artifacts)."""

import pyarrow as pa
import pytest

from kindscope.signals import MODEL_VERSION, SIGNALS, THRESHOLDS, score_texts

# (text, signal, should the score be >= THRESHOLDS[signal]?)
SEEDS = [
    ("I've got a big bad miserable headache", "distress", True),
    ("feeling rubbish today", "distress", True),
    ("shouting into a void at my lowest", "distress", True),
    ("I feel rubbish today", "toxicity", False),
    ("I'm such an idiot, left my keys", "toxicity", False),
    ("people like you are vermin", "toxicity", True),
    ("fucking brilliant news", "toxicity", False),
    ("someone called me a moron today", "toxicity", False),
    ("I've written the note, goodbye everyone", "crisis", True),
    ("I want to kill myself", "crisis", True),
    ("I'm going to end it tonight", "crisis", True),
    ("please don't give up, why do you want to die?", "crisis", False),
    ("this deadline is killing me", "crisis", False),
    # Ordinary distress is not crisis (issue 3: crisis is danger to the author).
    ("I've got a big bad miserable headache", "crisis", False),
    ("I'm such an idiot, left my keys", "crisis", False),
    ("I feel rubbish today", "crisis", False),
    ("fucking brilliant news", "crisis", False),
    ("my pottery lesson was a success!", "upbeat", True),
    ("my pottery lesson was a success!", "distress", False),
]

# Our own cases, written for these tests and not used in training.
OWN = [
    ("my migraine is back and I feel awful", "distress", True),
    ("the bus timetable changes on Monday", "distress", False),
    ("you are all brain-dead idiots", "toxicity", True),
    ("thanks so much, that really helped", "toxicity", False),
    ("what a fucking mess this game was", "offensive", True),
    ("lovely weather for a picnic", "offensive", False),
    ("disabled people are parasites who should be got rid of", "hate", True),
    ("disabled people deserve respect and access", "hate", False),
    ("I'm autistic and I love trains", "hate", False),
    ("I'm so sorry you're hurting, I'm here for you", "support", True),
    ("just got engaged!!! so happy", "upbeat", True),
    ("I feel so alone tonight", "upbeat", False),
    ("nobody would miss me if I was gone", "crisis", True),
    ("the film was to die for", "crisis", False),
]


@pytest.mark.parametrize(("text", "signal", "positive"), SEEDS + OWN)
def test_seed_sentences(text, signal, positive):
    score = score_texts([text], signals=[signal])[signal][0].as_py()
    assert (score >= THRESHOLDS[signal]) is positive, f"{signal}={score:.3f} for {text!r}"


def test_shape_order_and_types():
    texts = ["one", "", "a much longer text " * 200, "one", None]
    table = score_texts(texts)
    assert isinstance(table, pa.Table)
    assert table.num_rows == len(texts)
    assert table.column_names == list(SIGNALS)
    assert all(table.schema.field(s).type == pa.float64() for s in SIGNALS)
    rows = table.to_pylist()
    assert rows[0] == rows[3]  # same text, same scores
    assert all(0.0 <= v <= 1.0 for row in rows for v in row.values())


def test_order_is_independent_of_batching():
    texts = [f"post number {i} " + "word " * (i % 37) for i in range(150)]
    a = score_texts(texts, signals=["distress"], batch_size=7)["distress"].to_pylist()
    b = score_texts(texts[::-1], signals=["distress"], batch_size=64)["distress"].to_pylist()
    assert a == pytest.approx(b[::-1], abs=1e-5)


def test_signal_subset_and_contexts():
    table = score_texts(["what happened?"], contexts=["I had the worst day"],
                        signals=["support_ex", "hate"])
    assert table.column_names == ["hate", "support_ex"]


def test_unknown_signal_and_bad_contexts():
    with pytest.raises(ValueError):
        score_texts(["x"], signals=["nope"])
    with pytest.raises(ValueError):
        score_texts(["x", "y"], contexts=["a"])


def test_thresholds_and_version():
    assert set(THRESHOLDS) == set(SIGNALS)
    assert isinstance(MODEL_VERSION, str) and MODEL_VERSION
