"""eval_ood.py's toxicity row is held apart only while no signal trains on its corpus."""

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


def test_unhealthy_comments_train_no_signal(training):
    data, splits, _ = training
    rows = data.unhealthy_comments()
    assert {y for _, y, _ in rows} == {0, 1}
    assert len({key for *_, key in rows}) == len(rows)
    comments = {data.norm(t) for t, _, _ in rows}
    for name, make in splits.SPLITS.items():
        train, _ = make()
        shared = {data.norm(e.text) for e in train} & comments
        # short stock phrases occur anywhere ("amen to that!" is also a Reddit comment)
        assert all(len(text.split()) <= 3 for text in shared), (name, shared)
