"""The fine-tune carried to a machine without ``../shared/data`` (a lent GPU), and back.

    .venv/bin/python training/finetune_payload.py write DIR [--all-sources] [--no-cap]
    .venv/bin/python training/finetune_payload.py assemble LAYERS_DIR MODEL_DIR

``write`` tokenises the fine-tuning tasks (``finetune_encoder.training_tasks``, the same
texts, labels and weights as a run on this machine) into ``DIR/tasks.xz`` and writes the
base encoder (all-MiniLM-L6-v2 cut to ``LAYERS`` layers) to ``DIR/base``: its config and
its fp16 weights in which the embedding rows of WordPieces no training text uses are
zero (those rows are frozen and never read in training), without the pooler (never read),
compressed with xz after splitting each array into its two bytes as stored (little-endian
on x86 and Arm; ``weights.xz``;
a third smaller than a compressed npz, so payload and repository fit the 64 MiB a lent
machine takes). ``finetune_encoder.py --payload DIR`` trains from it and writes only the
trained layers (fp32, one file per layer); ``assemble`` puts them on the full-precision
base weights here and writes a ``BertModel`` folder for ``export_encoder.export``.
"""

from __future__ import annotations

import io
import json
import lzma
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
    """``out/tasks.xz`` from tokenised tasks (an npz, the WordPiece ids split into their
    two bytes as stored, compressed with xz); returns the WordPiece ids they use."""
    names = list(tasks)
    rows = [row for n in names for row in tasks[n]]
    flat = np.array([i for ids, _, _ in rows for i in ids], dtype=np.uint16)
    out.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.savez(
        buffer,
        names=np.array(names),
        counts=np.array([len(tasks[n]) for n in names], dtype=np.int32),
        lengths=np.array([len(ids) for ids, _, _ in rows], dtype=np.int32),
        ids_bytes=_planes(flat),
        labels=np.array([lab for _, lab, _ in rows], dtype=np.float64),
        weights=np.array([w for _, _, w in rows], dtype=np.float64),
    )
    (out / "tasks.xz").write_bytes(lzma.compress(buffer.getvalue(), preset=9))
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
    del state["pooler.dense.weight"], state["pooler.dense.bias"]  # never read
    base.mkdir(parents=True, exist_ok=True)
    bert.config.to_json_file(str(base / "config.json"))
    write_weights(base / "weights.xz", state)
    return base


def write_weights(path: Path, state: dict[str, np.ndarray]) -> Path:
    """fp16 arrays as one xz stream: a JSON header line (names and shapes), then each
    array's first bytes and second bytes as stored, little-endian on every machine this runs
    on (floats compress better split by byte)."""
    header = [[k, list(v.shape)] for k, v in state.items()]
    planes = [_planes(v.astype(np.float16)) for v in state.values()]
    with lzma.open(path, "wb", preset=6) as f:
        f.write(json.dumps(header).encode() + b"\n")
        for plane in planes:
            f.write(plane.tobytes())
    return path


def read_weights(path: Path) -> dict[str, np.ndarray]:
    """The arrays ``write_weights`` stored, as fp32."""
    with lzma.open(path, "rb") as f:
        header = json.loads(f.readline())
        out = {}
        for name, shape in header:
            size = int(np.prod(shape, dtype=np.int64))
            planes = np.frombuffer(f.read(2 * size), dtype=np.uint8).reshape(2, size)
            out[name] = _unplanes(planes, np.float16).reshape(shape).astype(np.float32)
    return out


def _planes(a: np.ndarray) -> np.ndarray:
    """A 2-byte array as two rows: every element's first byte, then every second byte."""
    return np.ascontiguousarray(a.reshape(-1).view(np.uint8).reshape(-1, 2).T)


def _unplanes(planes: np.ndarray, dtype) -> np.ndarray:
    """The flat array ``_planes`` split."""
    return np.ascontiguousarray(planes.T).view(dtype).ravel()


def read_tasks(payload: Path) -> dict[str, list[tuple]]:
    """The tasks ``write_payload`` stored, as ``finetune_encoder.tokenised`` gives them."""
    if (payload / "tasks.xz").exists():
        data = np.load(io.BytesIO(lzma.decompress((payload / "tasks.xz").read_bytes())))
        ids = _unplanes(data["ids_bytes"], np.uint16)
    else:  # an older payload
        data = np.load(payload / "tasks.npz")
        ids = data["ids"]
    ends = np.cumsum(data["lengths"])
    starts = ends - data["lengths"]
    ids, labels, weights = ids.astype(np.int64), data["labels"], data["weights"]
    out, row = {}, 0
    for name, count in zip(data["names"].tolist(), data["counts"].tolist(), strict=True):
        out[name] = [(ids[starts[i]:ends[i]].tolist(), float(labels[i]), float(weights[i]))
                     for i in range(row, row + count)]
        row += count
    return out


def load_base(base: Path):
    """The ``BertModel`` of ``base/config.json`` and ``base/weights.xz`` (or an older
    payload's ``weights.npz``), fp32."""
    import torch
    from transformers import BertConfig, BertModel

    config = BertConfig.from_json_file(str(base / "config.json"))
    bert = BertModel(config)
    if (base / "weights.xz").exists():
        arrays = read_weights(base / "weights.xz")
    else:
        with np.load(base / "weights.npz") as data:
            arrays = {k: data[k].astype(np.float32) for k in data.files}
    missing, unexpected = bert.load_state_dict(
        {k: torch.from_numpy(v) for k, v in arrays.items()}, strict=False)
    if unexpected or any(not k.startswith("pooler.") for k in missing):
        raise SystemExit(f"{base}: weights do not fit the config (missing {missing}, "
                         f"unexpected {unexpected})")
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
