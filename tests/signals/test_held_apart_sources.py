"""eval_ood.py's toxicity row is held apart only while no signal trains on its corpus."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def training():
    if not (ROOT.parent / "shared/data").is_dir():
        pytest.skip("needs ../shared/data")
    sys.path.insert(0, str(ROOT / "training"))
    import data
    import eval_ood
    import splits

    return data, splits, eval_ood


def _no_split_trains_on(data, splits, texts: set[str]) -> None:
    for name, make in splits.SPLITS.items():
        train, _ = make()
        shared = {data.norm(e.text) for e in train} & texts
        # short stock phrases occur anywhere ("amen to that!" is also a Reddit comment)
        assert all(len(text.split()) <= 3 for text in shared), (name, shared)


def test_unhealthy_comments_train_no_signal(training):
    data, splits, _ = training
    rows = data.unhealthy_comments()
    assert {y for _, y, _ in rows} == {0, 1}
    assert len({key for *_, key in rows}) == len(rows)
    _no_split_trains_on(data, splits, {data.norm(t) for t, _, _ in rows})


def test_irony_validation_tweets_train_no_signal(training):
    data, splits, _ = training
    _no_split_trains_on(data, splits, {data.norm(t) for t, _ in data.tweeteval("irony", "val")})


def test_irony_training_tweets_ironic_are_negatives_anchors_fit(training):
    data, splits, _ = training
    rows = data.tweeteval("irony", "train")
    anchors = json.loads(splits.IRONY_ANCHORS.read_text())
    assert anchors["lines"] == sum(1 for _, y in rows if y == 0)
    ironic = {data.norm(t) for t, y in rows if y == 1}
    train, _ = splits.SPLITS["upbeat"]()
    added = [e for e in train if e.source == "irony"]
    assert {e.label for e in added if data.norm(e.text) in ironic} == {0}
    assert len([e for e in added if e.label == 1]) == len(anchors["read_as"]["upbeat"])
    assert all(rows[i][1] == 0 for i in anchors["read_as"]["upbeat"])
    # support left the irony tweets out (they shifted its calibration)
    assert not [e for e in splits.SPLITS["support"]()[0] if e.source == "irony"]
