"""Plan 21: the blind review set read by crisis with two artifact folders.

    .venv/bin/python training/variants/2026-12-06e/score_finality_2.py BASE NEW [--show]
        [--out FILE] [--set PATH]

BASE and NEW are artifact folders (``train_signals.py --out``); each post is read alone by
``SignalModel(folder).score`` (heads and rule layers), at 0.5. Checks the set's SHA-256
against its ``.sha256`` file first. ``--show`` prints every post whose reading differs.
``--set`` reads another frozen set of the same shape (plan 20's, for the record).
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

from kindscope.signals.model import SignalModel  # noqa: E402

SET = HERE / "review/finality_2.jsonl"


def read_set(path: Path) -> list[dict]:
    want = path.with_suffix(".sha256").read_text().split()[0]
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != want:
        raise SystemExit(f"{path}: not the frozen bytes")
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--set", type=Path, default=SET)
    args = parser.parse_args(argv)
    rows = read_set(args.set)
    texts = [r["text"] for r in rows]
    readings = {side: [float(x) for x in SignalModel(folder).score(texts, None, ("crisis",))
                       ["crisis"]]
                for side, folder in (("base", args.base), ("new", args.new))}
    sizes = Counter(r["kind"] for r in rows)
    print(f"{'kind':22s} {'n':>3s} {'label':>10s} {'base':>6s} {'new':>6s}")
    table = {}
    for kind in sizes:
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
        flagged = {side: sum(readings[side][i] >= 0.5 for i in idx) for side in readings}
        table[kind] = {"n": sizes[kind], "label": rows[idx[0]]["label"], "flagged": flagged}
        print(f"{kind:22s} {sizes[kind]:3d} {rows[idx[0]]['label']:>10s} "
              f"{flagged['base']:6d} {flagged['new']:6d}")
    if args.show:
        for i, r in enumerate(rows):
            a, b = readings["base"][i], readings["new"][i]
            if (a >= 0.5) != (b >= 0.5):
                print(f"{r['id']:24s} {a:.3f} -> {b:.3f}  {' '.join(r['text'].split())}")
    out = {"table": table, "readings": {side: dict(zip((r["id"] for r in rows), values,
                                                       strict=True))
                                        for side, values in readings.items()}}
    if args.out:
        args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    main()
