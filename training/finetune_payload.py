"""The fine-tune carried to a machine without ``../shared/data`` (a lent GPU), and back.

    .venv/bin/python training/finetune_payload.py write DIR [--all-sources] [--no-cap]
    .venv/bin/python training/finetune_payload.py assemble LAYERS_DIR MODEL_DIR

``write`` tokenises the fine-tuning tasks (``finetune_encoder.training_tasks``, the same
texts, labels and weights as a run on this machine) into ``DIR/tasks.npz`` and writes the
base encoder (all-MiniLM-L6-v2 cut to ``LAYERS`` layers) to ``DIR/base``: its config and
a compressed npz of fp16 weights in which the embedding rows of WordPieces no training
text uses are zero (those rows are frozen and never read in training; it keeps the
payload small). ``finetune_encoder.py --payload DIR`` trains from it and writes only the
trained layers (fp32, one file per layer); ``assemble`` puts them on the full-precision
base weights here and writes a ``BertModel`` folder for ``export_encoder.export``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def write_payload(out: Path, all_sources: bool = False, cap: int | None = 3000) -> Path:
    """``cap``: as ``training_tasks``'s (None: every example)."""
    from export_encoder import model_dir
    from finetune_encoder import MAX_TOKENS, tasks_digest, tokenised, training_tasks
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    tasks = training_tasks(cap, all_sources=all_sources)
    used = write_tasks(out, tokenised(tasks, tokenizer))
    (out / "tasks.json").write_text(json.dumps(
        {"sha256": tasks_digest(tasks), "all_sources": all_sources, "cap": cap}) + "\n")
    write_base(out / "base", used)
    return out


def write_tasks(out: Path, tasks: dict[str, list[tuple]]) -> np.ndarray:
    """``out/tasks.npz`` from tokenised tasks; returns the WordPiece ids they use."""
    names = list(tasks)
    rows = [row for n in names for row in tasks[n]]
    flat = np.array([i for ids, _, _ in rows for i in ids], dtype=np.uint16)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out / "tasks.npz",
        names=np.array(names),
        counts=np.array([len(tasks[n]) for n in names], dtype=np.int32),
        lengths=np.array([len(ids) for ids, _, _ in rows], dtype=np.int32),
        ids=flat,
        labels=np.array([lab for _, lab, _ in rows], dtype=np.float64),
        weights=np.array([w for _, _, w in rows], dtype=np.float64),
    )
    return np.unique(flat)


def write_base(base: Path, used: np.ndarray) -> Path:
    """The base encoder's config and fp16 weights, unused embedding rows zeroed."""
    import torch
    from finetune_encoder import base_model

    bert = base_model()
    state = {k: v.detach().to(torch.float16).numpy() for k, v in bert.state_dict().items()}
    keep = np.zeros(state["embeddings.word_embeddings.weight"].shape[0], dtype=bool)
    keep[used] = True
    state["embeddings.word_embeddings.weight"][~keep] = 0
    base.mkdir(parents=True, exist_ok=True)
    bert.config.to_json_file(str(base / "config.json"))
    np.savez_compressed(base / "weights.npz", **state)
    return base


def read_tasks(payload: Path) -> dict[str, list[tuple]]:
    """The tasks ``write_payload`` stored, as ``finetune_encoder.tokenised`` gives them."""
    data = np.load(payload / "tasks.npz")
    ends = np.cumsum(data["lengths"])
    starts = ends - data["lengths"]
    ids, labels, weights = data["ids"].astype(np.int64), data["labels"], data["weights"]
    out, row = {}, 0
    for name, count in zip(data["names"].tolist(), data["counts"].tolist(), strict=True):
        out[name] = [(ids[starts[i]:ends[i]].tolist(), float(labels[i]), float(weights[i]))
                     for i in range(row, row + count)]
        row += count
    return out


def load_base(base: Path):
    """The ``BertModel`` of ``base/config.json`` and ``base/weights.npz`` (fp32)."""
    import torch
    from transformers import BertConfig, BertModel

    config = BertConfig.from_json_file(str(base / "config.json"))
    bert = BertModel(config)
    with np.load(base / "weights.npz") as data:
        state = {k: torch.from_numpy(data[k].astype(np.float32)) for k in data.files}
    bert.load_state_dict(state, strict=False)
    return bert.float()


def save_layers(bert, first: int, out: Path) -> Path:
    """The trained layers (``first``-based, up), fp32, one ``layerN.npz`` each."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(first, len(bert.encoder.layer) + 1):
        layer = bert.encoder.layer[n - 1]
        np.savez(out / f"layer{n}.npz",
                 **{k: v.detach().float().cpu().numpy() for k, v in layer.state_dict().items()})
    return out


def save_task_heads(heads, names: list[str], out: Path) -> Path:
    """The fine-tune's own output per task (one logistic unit on the 768 pooled features of
    a text read alone): ``names``, ``weight`` [tasks, 768], ``bias`` [tasks]. Read by
    ``training/variants/2026-12-05r/reply_gate.py``."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "task_heads.npz"
    np.savez(path, names=np.array(names), weight=heads.weight.detach().float().cpu().numpy(),
             bias=heads.bias.detach().float().cpu().numpy())
    return path


def assemble(layers: Path, out: Path) -> Path:
    """The base encoder here with the trained layers of ``layers`` put in; a ``BertModel``
    folder with the tokenizer."""
    import torch
    from export_encoder import model_dir
    from finetune_encoder import base_model

    bert = base_model()
    files = sorted(layers.glob("layer*.npz"))
    if not files:
        raise SystemExit(f"{layers}: no layerN.npz files")
    for f in files:
        n = int(f.stem.removeprefix("layer"))
        with np.load(f) as data:
            bert.encoder.layer[n - 1].load_state_dict(
                {k: torch.from_numpy(data[k]) for k in data.files})
    bert.eval()
    out.mkdir(parents=True, exist_ok=True)
    bert.save_pretrained(str(out))
    (out / "tokenizer.json").write_bytes((model_dir() / "tokenizer.json").read_bytes())
    return out


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="verb", required=True)
    w = sub.add_parser("write")
    w.add_argument("out")
    w.add_argument("--all-sources", action="store_true")
    w.add_argument("--no-cap", action="store_true")
    a = sub.add_parser("assemble")
    a.add_argument("layers")
    a.add_argument("model")
    args = parser.parse_args()
    if args.verb == "write":
        print(write_payload(Path(args.out), args.all_sources, None if args.no_cap else 3000))
    else:
        print(assemble(Path(args.layers), Path(args.model)))
