"""Does onnxruntime's offline BERT fusion make the encoder faster? Builds three encoders.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/probe_fusion.py OUT_DIR [WEIGHTS_DIR]
    .venv/bin/python benchmarks/bench_encoder_ab.py OUT_DIR/shipped OUT_DIR/fused-int8-dynamic
    .venv/bin/python benchmarks/bench_encoder_ab.py OUT_DIR/shipped OUT_DIR/fused-fp32

From one fp32 export of a four-layer MiniLM (WEIGHTS_DIR, a ``BertModel`` folder such as
``finetune_encoder.py``'s ``model``; default the pretrained model cut to four layers, which
has the shipped encoder's shape, so the same speed):
- ``shipped``: the shipped recipe (``training/export_encoder.py``: static int8, QOperator,
  unfused; onnxruntime fuses BiasGelu and SkipLayerNormalization itself when it loads it);
- ``fused-fp32``: ``onnxruntime.transformers.optimizer`` (model type bert, 12 heads, width
  384): EmbedLayerNormalization, one Attention per layer, SkipLayerNormalization, BiasGelu;
- ``fused-int8-dynamic``: that graph with dynamic int8 (QAttention for the fused attention).
  Its activation scales depend on the batch, so it could not ship; it is here as the fastest
  int8 form of the fused graph. Static quantisation has no quantised Attention
  (onnxruntime's static registry lacks it), so a static fused graph would keep attention's
  three projections in fp32 and be slower still.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

import export_encoder as ee  # noqa: E402

#: onnx.TensorProto.FLOAT: the quantiser cannot infer the types of the fused contrib ops
FLOAT = 1


def fp32_export(path: Path, weights: Path | None) -> None:
    import torch
    from transformers import BertModel

    where = str(weights or ee.model_dir())
    extra = {} if weights else {"num_hidden_layers": 4}
    bert = BertModel.from_pretrained(where, attn_implementation="eager", **extra).eval()

    class Pooled(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            return ee.pooled(self.bert, input_ids, attention_mask)

    ids = torch.ones((2, 16), dtype=torch.long)
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
            "features": {0: "batch"}}
    with torch.inference_mode():
        torch.onnx.export(Pooled().eval(), (ids, ids.clone()), str(path),
                          input_names=["input_ids", "attention_mask"],
                          output_names=["features"], dynamic_axes=axes, opset_version=17,
                          dynamo=False)


def main() -> None:
    from onnxruntime.quantization import (
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_dynamic,
        quantize_static,
    )
    from onnxruntime.transformers.optimizer import optimize_model

    out = Path(sys.argv[1])
    weights = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    names = ("shipped", "fused-fp32", "fused-int8-dynamic")
    for name in names:
        (out / name).mkdir(parents=True, exist_ok=True)
        shutil.copy(ee.model_dir() / "tokenizer.json", out / name / "tokenizer.json")
    fp32 = out / "fp32.onnx"
    fp32_export(fp32, weights)
    quantize_static(
        str(fp32), str(out / "shipped" / "encoder.onnx"),
        ee._calibration_reader(out / "shipped" / "tokenizer.json"),
        quant_format=QuantFormat.QOperator, op_types_to_quantize=["MatMul", "Gather"],
        per_channel=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
        calibrate_method=CalibrationMethod.MinMax, extra_options={"MatMulConstBOnly": True},
    )
    fused = optimize_model(str(fp32), model_type="bert", num_heads=12, hidden_size=384,
                           opt_level=1)
    print("fused operators:", {k: v for k, v in fused.get_fused_operator_statistics().items()
                               if v})
    fused.save_model_to_file(str(out / "fused-fp32" / "encoder.onnx"))
    quantize_dynamic(
        str(out / "fused-fp32" / "encoder.onnx"), str(out / "fused-int8-dynamic" / "encoder.onnx"),
        per_channel=True, weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul", "Attention", "Gather"],
        extra_options={"DefaultTensorType": FLOAT},
    )
    for name in names:
        print(out / name)


if __name__ == "__main__":
    main()
