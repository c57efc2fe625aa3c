"""Leave one data set out: a head fitted without one source, scored on that source.

    nice -n 10 .venv/bin/python training/lodo.py [--out PATH]

For a signal whose every labelled source also trains it (upbeat since GoEmotions came in),
no held-apart set is left for eval_ood.py. This refits the head on the shipped encoder with
one source left out of its training examples (``train_signals.py --leave-out``, into a
temporary folder; the shipped artifacts are not touched) and reports that variant on the
left-out source's validation examples. The figure says how the recipe does on a source it
never saw; the shipped head, which did see it, is the one in metrics.json. Writes
``kindscope/signals/artifacts/lodo_metrics.json``; the model cards read it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import train_signals  # noqa: E402

from kindscope.signals.model import ARTIFACT_FILES  # noqa: E402

ARTIFACTS = HERE.parent / "kindscope/signals/artifacts"
OUT = ARTIFACTS / "lodo_metrics.json"
#: signal -> the groups of sources left out of training, one variant each. Every variant
#: is scored on all of the signal's validation sources: on the left-out one it is the
#: held-apart figure, on the others the like-for-like "before" of adding that source.
PLAN = {
    "upbeat": [("goemotions",), ("emotion", "sentiment"), ("irony",)],
    "hate": [("dialoconan",)],
    "toxicity": [("dialoconan",)],
}
KEYS = ("n", "positives", "auc", "macro_f1", "f1", "flag_rate")


def run(signal: str, leave: tuple[str, ...]) -> dict:
    with tempfile.TemporaryDirectory(prefix="kindscope_lodo_") as tmp:
        for name in (*ARTIFACT_FILES, "metrics.json"):
            (Path(tmp) / name).write_bytes((ARTIFACTS / name).read_bytes())
        metrics = train_signals.main(["--skip-export", "--signals", signal,
                                      "--leave-out", ",".join(leave), "--out", tmp])
    by_source = metrics[signal]["by_source"]
    return {src: {k: m[k] for k in KEYS if k in m} for src, m in sorted(by_source.items())}


def card_lines(signal: str, lodo: dict) -> list[str]:
    """Markdown rows for one signal's card, or [] when the plan has none for it."""
    rows = [r for r in lodo.get("runs", []) if r["signal"] == signal]
    if not rows:
        return []
    out = ["", "Leave one data set out (`training/lodo.py`, writes "
           "`kindscope/signals/artifacts/lodo_metrics.json`): the head refitted without a "
           "source, scored on every validation source of the signal: on the left-out one (held "
           "apart) it shows how the recipe does on a source it never saw; on the others it is "
           "the like-for-like figure before that source came in.", "",
           "| left out of training | scored on | n | AUC | macro-F1 | flagged |",
           "|---|---|---|---|---|---|"]
    for r in rows:
        for src, m in r["figures"].items():
            held = " (held apart)" if src.startswith(tuple(r["left_out"])) else ""
            out.append(f"| {', '.join(r['left_out'])} | {src} validation{held} | "
                       f"{m.get('n', '')} | {m.get('auc', '')} | {m.get('macro_f1', '')} | "
                       f"{m.get('flag_rate', '')} |")
    return out


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    from kindscope.signals.model import MODEL_VERSION

    t0 = time.time()
    runs = []
    for signal, plan in PLAN.items():
        for leave in plan:
            runs.append({"signal": signal, "left_out": list(leave),
                         "figures": run(signal, leave)})
    result = {"model_version": MODEL_VERSION, "command": "nice -n 10 .venv/bin/python "
              "training/lodo.py", "seconds": round(time.time() - t0, 1), "runs": runs}
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(runs, indent=1))
    return result


if __name__ == "__main__":
    main()
