"""alt-profanity-check's word model read in numpy (``kindscope.signals.profanity``) gives the
probabilities scikit-learn gave when ``training/export_profanity.py`` wrote it, and only the
heads that were fitted with it read it."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from kindscope.errors import ModelError
from kindscope.signals.heads import load_heads
from kindscope.signals.model import ARTIFACT_FILES, ARTIFACTS, SIGNALS, SignalModel
from kindscope.signals.profanity import Profanity

PATH = ARTIFACTS / "profanity.npz"
ROOT = Path(__file__).resolve().parents[2]
PROBE = ROOT / "training/variants/2026-12-05m/identity_probe.py"
EXPORT = ROOT / "training/export_profanity.py"


@pytest.fixture(scope="module")
def words() -> Profanity:
    return Profanity(PATH)


def test_numpy_reading_equals_scikit_learn(words):
    with np.load(PATH) as data:
        texts = [str(t) for t in data["ref_texts"]]
        expected = data["ref_proba"]
    assert len(texts) > 400 and "I'm gay and proud" in texts
    # the reference covers both sides of the decision and the corners (empty, unknown words)
    assert (expected >= 0.5).sum() >= 5 and (expected < 0.5).sum() >= 300
    got = words.proba(texts)
    assert np.abs(got - expected).max() < 1e-6


def test_words_that_name_who_someone_is_never_count_towards_offensive(words):
    """The shipped word model carries the whole list of training/export_profanity.py (a
    shorter list, or weights put back, fails here), and each word on it alone reads as at
    most what an empty text reads as."""
    spec = importlib.util.spec_from_file_location("export_profanity", EXPORT)
    export = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(export)
    with np.load(PATH) as data:
        neutral = str(data["neutral"]).split("\n")
    assert sorted(export.NEUTRAL) == neutral and len(neutral) >= 296  # no shorter list
    nothing = words.proba([""])[0]
    assert (words.proba(neutral) <= nothing + 1e-9).all()
    # "gay" and "crazy" had positive weights and now add nothing; "suicidal" keeps its
    # negative weight (setting it to 0 would raise the posts of people at risk)
    assert words.proba(["gay", "crazy", "mum"]) == pytest.approx([nothing] * 3)
    assert words.proba(["suicidal"])[0] < nothing
    # they still count in a text's length, so they dilute what else it says, as any word does
    assert words.proba(["fat fuck"])[0] < words.proba(["fuck"])[0]
    # slurs and words used mainly as insults are not on the list
    assert words.logits(["dyke"])[0] > 0 and words.logits(["psycho"])[0] > words.logits([""])[0]


def test_unknown_words_read_as_nothing(words):
    nothing = words.proba([""])[0]
    assert words.proba(["zzqxv qqqzx", "🙂", "a"]) == pytest.approx([nothing] * 3)
    # case and repetition as scikit-learn counts them
    assert words.proba(["you IDIOT"])[0] == pytest.approx(words.proba(["you idiot"])[0])
    assert words.proba(["idiot idiot"])[0] == pytest.approx(words.proba(["idiot"])[0])
    assert words.logits(["fuck off"])[0] > 0 > words.logits(["thank you so much"])[0]


def test_only_offensive_reads_it():
    heads = load_heads(ARTIFACTS / "heads.npz", SIGNALS)
    assert {s for s, h in heads.items() if h.reads_profanity} == {"offensive"}
    with pytest.raises(ValueError, match="profanity"):
        heads["offensive"].proba(np.zeros((1, len(heads["offensive"].mean))),
                                 np.array([0, 0]), np.array([], dtype=np.int64))


def test_missing_word_model_is_a_clear_error(tmp_path):
    # the manifest lists profanity.npz, so the artifact check names it before anything loads
    for name in (*(f for f in ARTIFACT_FILES if f != "profanity.npz"), "manifest.json"):
        (tmp_path / name).write_bytes((ARTIFACTS / name).read_bytes())
    with pytest.raises(ModelError, match="profanity.npz"):
        SignalModel(tmp_path)


def test_kind_sentences_naming_groups_read_as_offensive_no_more_than_before():
    """Eight kind sentences per group (identity_probe.py). Model 2026.12.14, before the word
    model, flagged one per group (the same sentence for every group), 18 of 144; the word
    model unmasked flagged two for "gay", "queer" and "fat" (21). Held to 2026.12.14's."""
    spec = importlib.util.spec_from_file_location("identity_probe", PROBE)
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    model = SignalModel()
    for group in probe.GROUPS:
        texts = [t.format(g=group) for t in probe.TEMPLATES]
        flagged = int((model.score(texts, None, ("offensive",))["offensive"] >= 0.5).sum())
        assert flagged <= 1, (group, flagged)
