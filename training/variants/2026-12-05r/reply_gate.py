"""The reply gate: the fine-tune's own support output, with a margin, written into heads.npz.

    .venv/bin/python training/variants/2026-12-05r/reply_gate.py ARTIFACT_DIR [TASK_HEADS]

Plan 9 (README.md here; not shipped). The model reads the gate only as at commit c11ff3c
(``kindscope.signals.heads.ReplyGate``); the shipped code ignores these keys.

``finetune_encoder.py`` trains one logistic unit per signal on the pooled features of each
text read alone (``layers/task_heads.npz``; default the fine-tune ``train_signals.py`` runs,
in its cache). Its ``support`` unit reads a reply without the post it answers, and so what
the reply says rather than who it answers (training/variants/2026-12-05r). The margin is
the ``QUANTILE`` of that unit's output over the positives of support's validation fold
(EPITOME responses with a mechanism, Counsel Chat answers, comforting turns of the failed
ESConv dialogues), read alone and after the respeller, as the model reads them, on
ARTIFACT_DIR's encoder: the fine-tune never saw them, and the gate caps about that share of
them. Writes ``gate.support_w``, ``gate.support_b``, ``gate.support_margin`` into
ARTIFACT_DIR's ``heads.npz``, rewrites its ``manifest.json`` and prints the margin.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE.parents[2])]

from features import CACHE  # noqa: E402

#: share of support's validation positives the gate may cap
QUANTILE = 0.01
DEFAULT_TASK_HEADS = CACHE / "finetuned" / "layers" / "task_heads.npz"


def margin_texts() -> list[str]:
    """Support's validation positives, each text once, read alone."""
    from splits import SPLITS

    _, val = SPLITS["support"]()
    return sorted({e.text for e in val if e.label == 1})


def support_unit(task_heads: Path) -> tuple[np.ndarray, float]:
    """The fine-tune's own support output: (weights over the 768 features, bias). Read from
    ``layers/task_heads.npz``, or from a run's ``checkpoint.pt`` (runs before the file)."""
    if task_heads.suffix == ".pt":
        import torch
        from splits import SPLITS

        state = torch.load(task_heads, map_location="cpu", weights_only=False)["heads"]
        k = list(SPLITS).index("support")  # the fine-tune's tasks are in SPLITS order
        return state["weight"][k].numpy().astype(np.float32), float(state["bias"][k])
    with np.load(task_heads) as data:
        k = [str(x) for x in data["names"]].index("support")
        return data["weight"][k].astype(np.float32), float(data["bias"][k])


def alone(model, texts: list[str], unit: tuple[np.ndarray, float]) -> np.ndarray:
    """The support output for each text read alone, as the model reads it (respelled, int8
    encoder)."""
    weight, bias = unit
    fixed = [model.respeller.fix(t) for t in texts]
    return model.encoder.encode(fixed).features @ weight + bias


def margin_for(model, unit: tuple[np.ndarray, float]) -> tuple[float, int]:
    """The gate's margin (``QUANTILE`` of the validation replies that comfort) and how many
    texts it is taken over."""
    texts = margin_texts()
    return float(np.quantile(alone(model, texts, unit), QUANTILE)), len(texts)


def add_gate(artifacts: Path, task_heads: Path = DEFAULT_TASK_HEADS) -> float:
    """Write the gate into ``artifacts/heads.npz``; returns the margin."""
    from kindscope.signals.model import SignalModel

    unit = support_unit(task_heads)
    margin, n = margin_for(SignalModel(artifacts), unit)
    path = artifacts / "heads.npz"
    with np.load(path) as old:
        arrays = {k: old[k] for k in old.files if not k.startswith("gate.")}
    arrays.update({"gate.support_w": unit[0], "gate.support_b": np.float64(unit[1]),
                   "gate.support_margin": np.float64(margin)})
    np.savez_compressed(path, **arrays)
    print(f"reply gate: margin {margin:.4f} (quantile {QUANTILE} of {n} "
          f"validation replies that comfort)")
    return margin


if __name__ == "__main__":
    from train_signals import write_manifest

    out = Path(sys.argv[1])
    add_gate(out, Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_TASK_HEADS)
    write_manifest(out)
