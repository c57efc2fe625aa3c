"""Time of the rule layers over the heads' scores, on the bench_signals.py mix.

    .venv/bin/python benchmarks/bench_rules.py [--rows 3000] [--rounds 5]

Builds the same 3,000-row mix as ``bench_signals.py`` and ``bench_score_ab.py`` (two thirds
tweets, one third long Reddit posts, seed 7) and times each rule layer that
``SignalModel.score`` applies after the heads (the crisis phrase layer, the toxicity
guards, text about abuse, figures of speech, set phrases) over every text, in the order the
model applies them, best of ``--rounds`` runs. Prints seconds per layer, the best total, and
how many texts each layer changes (scores of 0.9 in, so a cap shows; 0.2 for set phrases,
which raise).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from bench_signals import build  # noqa: E402

from kindscope.signals.guards import adjust_toxicity  # noqa: E402
from kindscope.signals.idioms import DISTRESS_FREE, _explain, adjust_idioms  # noqa: E402
from kindscope.signals.mentions import adjust_mentions  # noqa: E402
from kindscope.signals.phrases import adjust_crisis  # noqa: E402
from kindscope.signals.slogans import adjust_slogans  # noqa: E402

csv.field_size_limit(sys.maxsize)

#: In the order ``SignalModel.score`` applies them.
LAYERS = {
    "phrases.adjust_crisis": adjust_crisis,
    "guards.adjust_toxicity": adjust_toxicity,
    "mentions.adjust_mentions (toxicity, hate)": adjust_mentions,
    "idioms.adjust_idioms (offensive)": adjust_idioms,
    "idioms.adjust_idioms (distress)": lambda t, p: adjust_idioms(t, p, DISTRESS_FREE),
    "slogans.adjust_slogans (hate; its mask also caps support)": adjust_slogans,
}
RAISES = "slogans.adjust_slogans (hate; its mask also caps support)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mix.csv"
        build(path, args.rows)
        with open(path, encoding="utf-8", newline="") as fh:
            texts = [row["text"] for row in csv.DictReader(fh)]
    probs = np.full(len(texts), 0.9)
    changed = {name: int((layer(texts, probs) != probs).sum()) for name, layer in LAYERS.items()}
    low = np.full(len(texts), 0.2)
    changed[RAISES] = int((LAYERS[RAISES](texts, low) != low).sum())
    times: dict[str, list[float]] = {name: [] for name in LAYERS}
    totals = []
    for _ in range(args.rounds):
        # idioms.py remembers each text's families within a run (it reads them for three
        # signals); a new run meets new texts, so every round starts with an empty memory
        _explain.cache_clear()
        t_round = time.perf_counter()
        for name, layer in LAYERS.items():
            t0 = time.perf_counter()
            layer(texts, probs)
            times[name].append(time.perf_counter() - t0)
        totals.append(time.perf_counter() - t_round)
    out = {"texts": len(texts),
           "layers": {name: {"seconds_best": round(min(times[name]), 4),
                             "texts_changed": changed[name]} for name in LAYERS},
           "seconds_total_best": round(min(totals), 4)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
