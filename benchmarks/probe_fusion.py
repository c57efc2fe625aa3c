"""Does onnxruntime's offline BERT fusion make the encoder faster? Builds three encoders.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/probe_fusion.py OUT_DIR WEIGHTS_DIR
    .venv/bin/python benchmarks/bench_encoder_ab.py OUT_DIR/shipped OUT_DIR/fused-int8-dynamic
    .venv/bin/python benchmarks/bench_encoder_ab.py OUT_DIR/shipped OUT_DIR/fused-fp32

WEIGHTS_DIR is a fine-tune's ``BertModel`` folder (``training/finetune_encoder.py`` writes
it as ``OUT/model``; the shipped one reruns to the shipped encoder byte for byte). From one
fp32 export (``training/export_encoder.export_fp32``):
- ``shipped``: the shipped recipe (``export_encoder.quantize``: static int8, QOperator,
  unfused; onnxruntime fuses BiasGelu and SkipLayerNormalization itself when it loads it);
- ``fused-fp32``: ``onnxruntime.transformers.optimizer`` (model type bert, 12 heads, width
  384): EmbedLayerNormalization, one Attention per layer, SkipLayerNormalization, BiasGelu;
- ``fused-int8-dynamic``: that graph with dynamic int8 (QAttention for the fused attention).
  Its activation scales depend on the batch, so it could not ship; it is here as the int8
  form of the fused graph that quantises attention too. onnxruntime's static quantiser has
  no quantised Attention, so a static fused graph would keep attention's three projections
  in fp32 (not built or timed here).
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


def main() -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.optimizer import optimize_model

    out = Path(sys.argv[1])
    weights = Path(sys.argv[2])
    names = ("shipped", "fused-fp32", "fused-int8-dynamic")
    for name in names:
        (out / name).mkdir(parents=True, exist_ok=True)
        shutil.copy(ee.model_dir() / "tokenizer.json", out / name / "tokenizer.json")
    fp32 = ee.export_fp32(out / "fp32.onnx", weights)
    ee.quantize(fp32, out / "shipped" / "encoder.onnx", out / "shipped" / "tokenizer.json")
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
