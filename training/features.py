"""Encoder features for training, cached on disk by text (``KINDSCOPE_CACHE``, /tmp)."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kindscope.signals.encoder import Encoder  # noqa: E402

CACHE = Path(os.environ.get("KINDSCOPE_CACHE", "/tmp/kindscope_train_cache"))


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class FeatureCache:
    """Features and WordPiece ids per distinct text; computes only what is missing."""

    def __init__(self, artifact_dir: Path):
        self.encoder = Encoder(artifact_dir)
        stamp = hashlib.sha1((artifact_dir / "encoder.onnx").read_bytes()).hexdigest()[:12]
        self.path = CACHE / f"features-{stamp}.npz"
        self.index: dict[str, int] = {}
        self.features = np.zeros((0, 768), dtype=np.float32)
        if self.path.exists():
            data = np.load(self.path)
            self.index = {k: i for i, k in enumerate(data["keys"].tolist())}
            self.features = data["features"]

    def ensure(self, texts: list[str], batch_size: int = 64) -> None:
        missing = sorted({t for t in texts if _key(t) not in self.index})
        if not missing:
            return
        print(f"encoding {len(missing)} texts", flush=True)
        new = self.encoder.encode(missing, batch_size=batch_size).features
        start = len(self.features)
        self.features = np.concatenate([self.features, new])
        for i, t in enumerate(missing):
            self.index[_key(t)] = start + i
        CACHE.mkdir(parents=True, exist_ok=True)
        keys = np.array(sorted(self.index, key=self.index.get))
        np.savez(self.path, keys=keys, features=self.features)

    def get(self, texts: list[str]) -> np.ndarray:
        self.ensure(texts)
        return self.features[[self.index[_key(t)] for t in texts]]

    def token_ids(self, texts: list[str]) -> list[np.ndarray]:
        return [x[1:-1] for x in self.encoder.tokenize(texts)]


def environment() -> dict[str, str]:
    """Versions of what the figures depend on (int8 kernels, tokenisation, the heads'
    solvers) and whether the CPU has VNNI (an 8-bit encoder's features depend on it):
    a refit in another environment can move the figures by a few hundredths."""
    import re
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": sys.version.split()[0]}
    try:
        flags = Path("/proc/cpuinfo").read_text()
        out["cpu_vnni"] = "yes" if re.search(r"\bavx(512)?_vnni\b", flags) else "no"
    except OSError:
        pass
    for name in ("numpy", "scikit-learn", "onnxruntime", "tokenizers", "torch", "py3langid"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            continue
    return out
