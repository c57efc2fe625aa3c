"""The diagnostics of plans 8 and 9 (README.md here): what the fine-tune's own support output,
reading a reply alone, makes of the review sets and of real replies.

    .venv/bin/python training/variants/2026-12-05r/probes.py alone ARTIFACTS TASK_HEADS
        [--fp32 MODEL_DIR]
    .venv/bin/python training/variants/2026-12-05r/probes.py margins [TASK_HEADS]
    .venv/bin/python training/variants/2026-12-05r/probes.py lost [TASK_HEADS]

``alone``: on review set 4, the AUC of that output for comforting against dismissive replies
and how many of each are above 0, on ARTIFACTS' encoder (the shipped artifacts with the
shipped fine-tune's ``layers/task_heads.npz``; plan 8's ``/tmp/r_cases`` with its run's
``checkpoint.pt``); with ``--fp32``, on the fine-tune's own fp32 weights (its ``model``
folder, read by PyTorch as it trained) instead of the int8 ONNX encoder the model runs.
``margins``: for a few margins, the share of support's validation replies
that comfort the gate would cap, and on review set 1 (a development set) the dismissals and
the comforting replies read as support that it would cap. ``lost``: at plan 9's margin, the
real comforting replies read as support (ESConv dev replies with a comforting strategy, Counsel
Chat's held-apart answers) that the gate takes out of support, printed. The gate is applied
here as ``SignalModel.score`` applied it at c11ff3c: a capped reply is not support at 0.5.
TASK_HEADS defaults to the fine-tune ``train_signals.py`` keeps in its cache.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path[:0] = [str(HERE), str(HERE.parent / "2026-12-05q"), str(HERE.parent),
                str(ROOT / "training"), str(ROOT)]

from compare_heads import SETS, kinds, support  # noqa: E402
from frozen_sets import read_frozen  # noqa: E402
from reply_gate import DEFAULT_TASK_HEADS, alone, margin_for, margin_texts, support_unit  # noqa: E402

SHIPPED = ROOT / "kindscope/signals/artifacts"
MARGINS = (-1.0, -0.5, 0.0)


def _model(artifacts: Path):
    from kindscope.signals.model import SignalModel

    return SignalModel(artifacts)


def _alone_fp32(model_dir: Path, texts: list[str], unit) -> list[float]:
    import torch
    from export_encoder import pooled
    from tokenizers import Tokenizer
    from transformers import BertModel

    from kindscope.signals.encoder import MAX_TOKENS

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    bert = BertModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    weight, bias = torch.from_numpy(unit[0]), unit[1]
    out = []
    with torch.inference_mode():
        for text in texts:
            ids = torch.tensor([tok.encode(text).ids])
            out.append(float(pooled(bert, ids, torch.ones_like(ids))[0] @ weight + bias))
    return out


def probe_alone(artifacts: Path, task_heads: Path, fp32: Path | None = None) -> None:
    from sklearn.metrics import roc_auc_score

    rows, _ = read_frozen(SETS["4"])
    texts = [r["text"] for r in rows]
    if fp32 is None:
        out = alone(_model(artifacts), texts, support_unit(task_heads))
    else:
        out = _alone_fp32(fp32, texts, support_unit(task_heads))
    comfort, dismissive = ([out[i] for i in idx] for idx in kinds(rows))
    auc = roc_auc_score([1] * len(comfort) + [0] * len(dismissive), comfort + dismissive)
    print(f"set 4, reply read alone: AUC comfort vs dismissive {auc:.3f}; above 0: "
          f"{sum(x > 0 for x in dismissive)} of {len(dismissive)} dismissive, "
          f"{sum(x > 0 for x in comfort)} of {len(comfort)} comforting")


def _shipped_gate(task_heads: Path):
    """The shipped model, the fine-tune's support unit and plan 9's margin."""
    model, unit = _model(SHIPPED), support_unit(task_heads)
    return model, unit, margin_for(model, unit)[0]


def probe_margins(task_heads: Path) -> None:
    model, unit, plan9 = _shipped_gate(task_heads)
    val = alone(model, margin_texts(), unit)
    rows, _ = read_frozen(SETS["1"])
    base = support(SHIPPED, rows)
    read = alone(model, [r["text"] for r in rows], unit)
    com, dis = ([i for i in idx if base[i] >= 0.5] for idx in kinds(rows))
    for margin in (plan9, *MARGINS):
        print(f"margin {margin:6.2f}: validation comfort capped {np.mean(val < margin):.3f}; "
              f"set 1 read as support, capped: dismissive {sum(read[i] < margin for i in dis)} "
              f"of {len(dis)}, comforting {sum(read[i] < margin for i in com)} of {len(com)}")


def probe_lost(task_heads: Path) -> None:
    from ood_sets import counsel_pairs, esconv_dev
    from splits import COMFORT_STRATEGIES

    model, unit, margin = _shipped_gate(task_heads)
    sets = {"ESConv dev replies with a comforting strategy":
            [(p, r) for p, s, r in esconv_dev() if s in COMFORT_STRATEGIES],
            "Counsel Chat held-apart answers": counsel_pairs()}
    for name, pairs in sets.items():
        replies = [r for _, r in pairs]
        base = support(SHIPPED, [{"text": r, "context": p} for p, r in pairs])
        read = alone(model, replies, unit)
        lost = [i for i in range(len(pairs)) if base[i] >= 0.5 and read[i] < margin]
        print(f"{name}: {len(pairs)}, {sum(b >= 0.5 for b in base)} read as support, "
              f"{len(lost)} lose it at margin {margin:.4f}")
        for i in lost:
            print(f"  {base[i]:.2f}  {replies[i][:230]!r}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="probe", required=True)
    a = sub.add_parser("alone")
    a.add_argument("artifacts", type=Path)
    a.add_argument("task_heads", type=Path)
    a.add_argument("--fp32", type=Path, metavar="MODEL_DIR")
    for name in ("margins", "lost"):
        sub.add_parser(name).add_argument("task_heads", type=Path, nargs="?",
                                          default=DEFAULT_TASK_HEADS)
    args = parser.parse_args(argv)
    if args.probe == "alone":
        probe_alone(args.artifacts, args.task_heads, args.fp32)
    elif args.probe == "margins":
        probe_margins(args.task_heads)
    else:
        probe_lost(args.task_heads)


if __name__ == "__main__":
    main()
