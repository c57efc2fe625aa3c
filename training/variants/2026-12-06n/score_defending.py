"""Plan 33: the frozen review set scored by the shipped model with the defending rule off
and on, in one process (README.md here).

    .venv/bin/python training/variants/2026-12-06n/score_defending.py [--set PATH] [--rows]

Prints per group the rows read as hostile (toxicity or hate at 0.5), hateful, toxic and
supportive with the rule off and on, and every row whose reading changed (``--rows``: every
row). Refuses a set whose hash differs from the one frozen beside it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

import kindscope.signals.model as signal_model
from kindscope.signals.model import SIGNALS, get_model

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import read_frozen  # noqa: E402

SET = HERE / "review" / "defending.jsonl"
GROUPS = ("defending", "abusive", "hateful_comfort", "plain_support")




def score(rows: list[dict], rule: bool) -> dict[str, np.ndarray]:
    kept = signal_model.defending_mask
    if not rule:
        signal_model.defending_mask = lambda texts: np.zeros(len(texts), dtype=bool)
    try:
        return get_model().score([r["text"] for r in rows], [r["context"] for r in rows],
                                 SIGNALS)
    finally:
        signal_model.defending_mask = kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, default=SET)
    ap.add_argument("--rows", action="store_true", help="print every row")
    args = ap.parse_args()
    rows, _ = read_frozen(args.set)
    off, on = score(rows, False), score(rows, True)

    def reads(s: dict, i: int) -> dict[str, bool]:
        return {"hostile": bool(s["toxicity"][i] >= 0.5 or s["hate"][i] >= 0.5),
                "toxic": bool(s["toxicity"][i] >= 0.5), "hateful": bool(s["hate"][i] >= 0.5),
                "support": bool(s["support"][i] >= 0.5)}

    print("| group | n | hostile off -> on | toxic off -> on | hateful off -> on | "
          "support off -> on |")
    print("|---|---:|---|---|---|---|")
    for group in GROUPS:
        idx = [i for i, r in enumerate(rows) if r["group"] == group]
        cells = []
        for key in ("hostile", "toxic", "hateful", "support"):
            a = sum(reads(off, i)[key] for i in idx)
            b = sum(reads(on, i)[key] for i in idx)
            cells.append(f"{a} -> {b}")
        print(f"| {group} | {len(idx)} | " + " | ".join(cells) + " |")
    print()
    for i, r in enumerate(rows):
        a, b = reads(off, i), reads(on, i)
        if args.rows or a != b:
            print(f"{r['id']} {r['group']}: tox {off['toxicity'][i]:.2f}->{on['toxicity'][i]:.2f}"
                  f" hate {off['hate'][i]:.2f}->{on['hate'][i]:.2f}"
                  f" support {off['support'][i]:.2f}->{on['support'][i]:.2f} | {r['text']}")


if __name__ == "__main__":
    main()
