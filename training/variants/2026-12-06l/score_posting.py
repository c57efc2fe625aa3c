"""Crisis readings of a frozen review set by one checkout, and what changed between two.

    .venv/bin/python training/variants/2026-12-06l/score_posting.py SET [--repo DIR] --out OUT
    .venv/bin/python training/variants/2026-12-06l/score_posting.py SET --compare BASE NEW

The first form reads every row of the frozen set SET (``frozen_sets.read_frozen`` refuses
other bytes) through ``score_texts`` of the checkout ``--repo`` (default: this one) and
writes crisis and distress per row id. The second prints, per group, the rows each reading
flags for crisis at 0.5, and every row that crossed 0.5 either way.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent))

from frozen_sets import read_frozen  # noqa: E402

SIGNALS = ("crisis", "distress")


def readings(path: Path, repo: Path) -> dict[str, dict[str, float]]:
    sys.path.insert(0, str(repo.resolve()))
    from kindscope.signals import score_texts

    rows, _ = read_frozen(path)
    table = score_texts([r["text"] for r in rows], signals=list(SIGNALS))
    columns = {s: table.column(s).to_pylist() for s in SIGNALS}
    return {r["id"]: {s: columns[s][i] for s in SIGNALS} for i, r in enumerate(rows)}


def compare(path: Path, base: dict, new: dict) -> int:
    rows, _ = read_frozen(path)
    flags = Counter()
    for r in rows:
        group = r["group"]
        flags[group, "n"] += 1
        flags[group, "base"] += base[r["id"]]["crisis"] >= 0.5
        flags[group, "new"] += new[r["id"]]["crisis"] >= 0.5
    print("| group | n | at risk | crisis flags, base | crisis flags, new |")
    print("|---|---:|---:|---:|---:|")
    for group in dict.fromkeys(r["group"] for r in rows):
        risk = next(r["author_at_risk"] for r in rows if r["group"] == group)
        print(f"| {group} | {flags[group, 'n']} | {risk} | {flags[group, 'base']} | "
              f"{flags[group, 'new']} |")
    for r in rows:
        b, n = base[r["id"]]["crisis"], new[r["id"]]["crisis"]
        if (b >= 0.5) != (n >= 0.5):
            print(f"{r['group']:>16} {b:.2f} -> {n:.2f}  {r['text']!r}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", type=Path)
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BASE", "NEW"))
    args = parser.parse_args()
    if args.compare:
        base, new = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        return compare(args.set, base, new)
    if args.out is None:
        parser.error("--out or --compare")
    args.out.write_text(json.dumps(readings(args.set, args.repo), indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
