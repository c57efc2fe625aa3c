"""The heads' recipe: several networks averaged, stored as one; variants never overwrite
the shipped heads."""

import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "kindscope/signals/artifacts"


@pytest.fixture()
def train_signals():
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "training"))
    import train_signals

    return train_signals


def test_a_bag_is_the_mean_of_its_networks(train_signals):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(300, 6))
    y = (x[:, 0] + x[:, 1] * x[:, 2] + rng.normal(scale=0.5, size=300) > 0).astype(int)
    w = np.ones(300)
    bag = train_signals._fit_mlp(x, y, w, 1.0, train_signals.Recipe(hidden=8, bags=3, seed=5))
    assert bag[0].shape == (6, 24)
    alone = [train_signals._fit_mlp(x, y, w, 1.0, train_signals.Recipe(hidden=8, bags=1, seed=s))
             for s in (5, 6, 7)]
    mean = np.mean([train_signals._mlp_logit(net, x) for net in alone], axis=0)
    np.testing.assert_allclose(train_signals._mlp_logit(bag, x), mean, atol=1e-9)
    assert np.ptp([train_signals._mlp_logit(net, x)[0] for net in alone]) > 0  # they differ


def test_variant_recipes_refuse_the_shipped_folder(train_signals):
    for argv in (["--skip-export", "--bags", "1"], ["--skip-export", "--hidden", "256"],
                 ["--skip-export", "--mlp-seed", "14", "--signals", "hate"]):
        with pytest.raises(SystemExit) as exit_info:
            train_signals.main(argv)
        assert exit_info.value.code == 2


def test_shipped_heads_follow_the_recipe(train_signals):
    with np.load(ARTIFACTS / "heads.npz") as heads:
        widths = {k.split(".")[0]: heads[k].shape[1] for k in heads.files if k.endswith(".w1")}
    assert len(widths) == 10
    assert set(widths.values()) == {train_signals.HIDDEN * train_signals.BAGS}
