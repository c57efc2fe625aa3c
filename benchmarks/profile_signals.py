"""Where the time of the text signals goes, on the mixed rows of bench_signals.py.

    .venv/bin/python benchmarks/profile_signals.py [ARTIFACT_DIR] [--rows 2000]

Prints (1) WordPiece tokens per row if texts were cut at 128, 112, 96, 80 or 64 tokens,
(2) the share of tokenising, encoding and heads (with the phrase layer) in
``SignalModel.score``, and (3) onnxruntime's profile of the encoder graph: the share of
run time per operator type. ARTIFACT_DIR defaults to the shipped artifacts; an older
encoder can be profiled from a folder holding its encoder.onnx and tokenizer.json (the
stage shares then are skipped: they need the artifacts of this version). Uses the CSV that
bench_signals.py writes (/tmp/kindscope_bench/mixed.csv), building it if missing.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
csv.field_size_limit(sys.maxsize)

from bench_signals import build  # noqa: E402

from kindscope.errors import ModelError  # noqa: E402
from kindscope.signals.encoder import Encoder  # noqa: E402
from kindscope.signals.model import ARTIFACTS, SIGNALS, SignalModel  # noqa: E402


def _texts(rows: int) -> list[str]:
    src = Path("/tmp/kindscope_bench/mixed.csv")
    if not src.exists():
        src.parent.mkdir(parents=True, exist_ok=True)
        build(src, 20000)
    with open(src, encoding="utf-8", newline="") as fh:
        return [r["text"] for r in csv.DictReader(fh)][:rows]


def token_cuts(encoder: Encoder, texts: list[str]) -> None:
    lengths = np.array([len(x) for x in encoder.tokenize(texts)])  # already cut at 128
    for cut in (128, 112, 96, 80, 64):
        print(f"cut at {cut}: {np.minimum(lengths, cut).mean():.1f} tokens per row")


def stages(folder: Path, texts: list[str]) -> None:
    model = SignalModel(folder)
    model.score(texts[:64], None, SIGNALS)
    t0 = time.perf_counter()
    model.encoder.tokenize(texts)
    t1 = time.perf_counter()
    model.encoder.encode(texts)
    t2 = time.perf_counter()
    model.score(texts, None, SIGNALS)
    t3 = time.perf_counter()
    total = t3 - t2
    print(f"score: {len(texts) / total:.0f} rows/s; tokenising {(t1 - t0) / total:.1%}, "
          f"encoding {(t2 - t1 - (t1 - t0)) / total:.1%}, "
          f"heads and phrase layer {(total - (t2 - t1)) / total:.1%}")


def operators(folder: Path, texts: list[str]) -> None:
    import onnxruntime as ort

    encoder = Encoder(folder, threads=1)  # one session, one thread: operator shares only
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.enable_profiling = True
    opts.profile_file_prefix = "/tmp/kindscope_encoder_profile"
    session = ort.InferenceSession(
        str(folder / "encoder.onnx"), opts, providers=["CPUExecutionProvider"]
    )
    encoder.sessions = [session]
    encoder.encode(texts)
    events = json.loads(Path(session.end_profiling()).read_text())
    spent: collections.Counter = collections.Counter()
    for event in events:
        if event.get("cat") == "Node":
            spent[event["args"].get("op_name", "?")] += event["dur"]
    total = sum(spent.values())
    for op, dur in spent.most_common(12):
        print(f"{op:26s} {dur / total:6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ARTIFACTS))
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    folder = Path(args.folder)
    texts = _texts(args.rows)
    token_cuts(Encoder(folder), texts)
    try:
        stages(folder, texts)
    except ModelError as err:
        print(f"heads skipped: {err}")
    operators(folder, texts[:1200])


if __name__ == "__main__":
    main()
