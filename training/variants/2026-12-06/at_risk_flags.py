"""Crisis readings of every at-risk post in every frozen review set, and the flags a change
loses.

    .venv/bin/python training/variants/2026-12-06/at_risk_flags.py [--repo DIR] --out FILE
    .venv/bin/python training/variants/2026-12-06/at_risk_flags.py --compare BASE NEW

The first form reads every ``training/variants/*/review/*.jsonl`` whose bytes are the frozen
ones (``frozen_sets.read_frozen``), keeps the rows of authors at risk (``author_at_risk`` 1,
or ``group`` "at_risk"), reads each with its context through ``score_texts`` of the checkout
``--repo`` (default: this one) and writes ``{set: {id: crisis}}`` to FILE. The second lists
every at-risk post BASE flags at 0.5 that NEW reads under 0.5, and exits 1 if there is one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent))

from frozen_sets import frozen_review_sets  # noqa: E402


def _at_risk(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r.get("author_at_risk") == 1 or r.get("at_risk") == 1
            or r.get("group") == "at_risk"]


def readings(repo: Path) -> dict[str, dict[str, float]]:
    sys.path.insert(0, str(repo.resolve()))
    from kindscope.signals import score_texts

    out = {}
    # a set whose bytes no longer match its hash is refused, not skipped
    for name, rows in frozen_review_sets(HERE.parent):
        risk = [r for r in _at_risk(rows) if r.get("text")]
        if not risk:
            continue
        crisis = score_texts([r["text"] for r in risk],
                             contexts=[r.get("context") or None for r in risk],
                             signals=["crisis"]).column("crisis").to_pylist()
        out[name] = {r.get("id", str(i)): round(float(p or 0), 4)
                     for i, (r, p) in enumerate(zip(risk, crisis, strict=True))}
    return out


def compare(base: dict, new: dict) -> list[tuple[str, str, float, float]]:
    return [(name, key, p, new[name][key]) for name, rows in base.items()
            for key, p in rows.items() if p >= 0.5 and new[name][key] < 0.5]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BASE", "NEW"))
    args = parser.parse_args(argv)
    if args.compare:
        base, new = (json.loads(p.read_text()) for p in args.compare)
        lost = compare(base, new)
        flagged = sum(p >= 0.5 for rows in base.values() for p in rows.values())
        total = sum(len(rows) for rows in base.values())
        print(f"{total} at-risk posts in {len(base)} sets; base flags {flagged}; "
              f"lost {len(lost)}")
        for name, key, p, q in lost:
            print(f"  {name} {key}: {p:.2f} -> {q:.2f}")
        return 1 if lost else 0
    if args.out is None:
        parser.error("--out FILE (or --compare BASE NEW)")
    args.out.write_text(json.dumps(readings(args.repo), indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
