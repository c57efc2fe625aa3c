"""A two-layer encoder, fine-tuned like the shipped four-layer one, with every head refitted.

    .venv/bin/python training/variants/2026-12-04b/two_layers.py FINETUNE_DIR ARTIFACT_DIR

Keeps the first two of all-MiniLM-L6-v2's six layers (``finetune_encoder.LAYERS = 2``),
trains both (``train_from_layer=1``; the embeddings stay frozen) on the shipped fine-tune's
tasks with its cap, epoch, rate and seed, and reads the features from layers 2 and 1
(``export_encoder.MID_LAYER = 1``) instead of 4 and 3. Then ``train_signals.py --weights``
exports it (static int8) and fits every head with the shipped recipe into ARTIFACT_DIR.
About 11 minutes on 2 cores (fine-tune 249 s). README.md has the figures.
"""

import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

import export_encoder  # noqa: E402
import finetune_encoder  # noqa: E402
import train_signals  # noqa: E402


def main() -> None:
    finetune_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    if out.resolve() == (ROOT / "kindscope/signals/artifacts").resolve():
        raise SystemExit("two_layers.py: write the variant to another folder, not the shipped one")
    export_encoder.MID_LAYER = 1
    finetune_encoder.LAYERS = 2
    t0 = time.time()
    weights = finetune_encoder.finetune(finetune_dir, train_from_layer=1)
    print("fine-tuned", weights, round(time.time() - t0), "s", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("tokenizer.json", "heads.npz", "metrics.json", "manifest.json", "encoder.onnx"):
        shutil.copy(ROOT / "kindscope/signals/artifacts" / name, out / name)
    train_signals.main(["--weights", str(weights), "--out", str(out)])
    print("done", round(time.time() - t0), "s", flush=True)


if __name__ == "__main__":
    main()
