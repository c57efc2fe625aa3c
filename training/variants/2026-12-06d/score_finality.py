"""Plan 20: the blind review set read by crisis with neither part, part A, part B and both.

    .venv/bin/python training/variants/2026-12-06d/score_finality.py [--show] [--out FILE]

Checks the set's SHA-256 against ``review/finality.sha256`` first. "neither" is the phrase
layer of model 2026.12.19 (``finality.is_goodbye_note`` and ``finality.leaves_platform``
switched off); each post is read alone, at 0.5. ``--show`` prints every post whose reading
differs between "neither" and "both".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from kindscope.signals import finality, score_texts  # noqa: E402

SET = HERE / "review/finality.jsonl"
VARIANTS = {"neither": (False, False), "A": (True, False), "B": (False, True),
            "both": (True, True)}


def read_set() -> list[dict]:
    want = (HERE / "review/finality.sha256").read_text().split()[0]
    data = SET.read_bytes()
    if hashlib.sha256(data).hexdigest() != want:
        raise SystemExit(f"{SET}: not the frozen bytes")
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def crisis(texts: list[str], note: bool, platform: bool) -> list[float]:
    saved = finality.is_goodbye_note, finality.leaves_platform
    if not note:
        finality.is_goodbye_note = lambda _low: False
    if not platform:
        finality.leaves_platform = lambda _low: False
    try:
        return score_texts(texts, signals=["crisis"]).column("crisis").to_pylist()
    finally:
        finality.is_goodbye_note, finality.leaves_platform = saved


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    rows = read_set()
    texts = [r["text"] for r in rows]
    readings = {name: crisis(texts, *parts) for name, parts in VARIANTS.items()}
    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    sizes = Counter(r["kind"] for r in rows)
    print(f"{'kind':22s} {'n':>3s} {'label':>10s} " + " ".join(f"{v:>8s}" for v in VARIANTS))
    table = {}
    for kind in kinds:
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
        flagged = {v: sum(readings[v][i] >= 0.5 for i in idx) for v in VARIANTS}
        table[kind] = {"n": sizes[kind], "label": rows[idx[0]]["label"], "flagged": flagged}
        print(f"{kind:22s} {sizes[kind]:3d} {rows[idx[0]]['label']:>10s} "
              + " ".join(f"{flagged[v]:8d}" for v in VARIANTS))
    if args.show:
        for i, r in enumerate(rows):
            a, b = readings["neither"][i], readings["both"][i]
            if (a >= 0.5) != (b >= 0.5):
                print(f"{r['id']:24s} {a:.3f} -> {b:.3f}  {' '.join(r['text'].split())}")
    out = {"table": table, "readings": {v: dict(zip((r["id"] for r in rows), readings[v],
                                                    strict=True)) for v in VARIANTS}}
    if args.out:
        args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    main()
