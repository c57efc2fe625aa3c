"""Retraining reproduces the committed validation metrics (slow: minutes on 2 cores).

Until 2026-12-04 the encoder's features depended on whether the CPU has VNNI
(tests/signals/test_encoder_cpus.py), and some of the committed heads (distress, hate,
support_er) were fitted on a CPU without it. Now every CPU computes the features as VNNI
does; refitted so (2026-12-04), distress's macro-F1 comes out 0.023 lower and support_er's
0.012 higher than committed, so these tests fail until those heads are refitted and
shipped (issue 11): refitted so, hate on CONAN's disabled pairs fell 0.890 -> 0.843 and the
challenge suite's group attacks 0.900 -> 0.750, below its floor.
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "kindscope/signals/artifacts"


#: Strict: once those heads are refitted and shipped, these pass and the marker must go.
STALE_HEADS = pytest.mark.xfail(
    strict=True, reason="distress, hate and support_er were fitted on a CPU without VNNI")


@pytest.mark.slow
@STALE_HEADS
def test_retraining_reproduces_metrics(tmp_path):
    pytest.importorskip("sklearn")
    pytest.importorskip("torch")
    sys.path.insert(0, str(ROOT / "training"))
    import train_signals

    for name in ("encoder.onnx", "tokenizer.json"):
        (tmp_path / name).write_bytes((ARTIFACTS / name).read_bytes())
    fresh = train_signals.main(["--skip-export", "--out", str(tmp_path)])
    committed = json.loads((ARTIFACTS / "metrics.json").read_text())
    for signal, metrics in committed.items():
        for key, value in metrics["summary"].items():
            assert fresh[signal]["summary"][key] == pytest.approx(value, abs=0.01), (signal, key)


@pytest.mark.slow
@STALE_HEADS
def test_finetuning_from_scratch_reproduces_metrics(tmp_path):
    """The whole pipeline from the pretrained encoder: fine-tune, export, heads (about
    17 min on 2 cores). Fine-tuning is seeded and deterministic on one machine; across
    CPUs, float rounding may move weights slightly, hence the 0.01 tolerance."""
    pytest.importorskip("sklearn")
    pytest.importorskip("torch")
    sys.path.insert(0, str(ROOT / "training"))
    import train_signals

    fresh = train_signals.main(["--out", str(tmp_path)])
    committed = json.loads((ARTIFACTS / "metrics.json").read_text())
    for signal, metrics in committed.items():
        for key, value in metrics["summary"].items():
            assert fresh[signal]["summary"][key] == pytest.approx(value, abs=0.01), (signal, key)
