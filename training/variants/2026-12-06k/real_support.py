"""Plan 30's bar 4: real supporters' replies, read with the posts they answer, that a change
takes out of support (support at 0.5 or more before, under it after).

    .venv/bin/python training/variants/2026-12-06k/real_support.py [--repo DIR] --out FILE
    .venv/bin/python training/variants/2026-12-06k/real_support.py --compare BASE NEW

The replies are ``../2026-12-06i/real_replies.py``'s (ESConv dev, Counsel Chat held apart,
EPITOME's Reddit responses).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent / "2026-12-06i"))

from real_replies import pairs  # noqa: E402


def readings(repo: Path) -> dict[str, list[float]]:
    sys.path.insert(0, str(repo.resolve()))
    from kindscope.signals import score_texts

    return {name: [round(float(v), 4) for v in score_texts(
                [r for _, r in rows], contexts=[p for p, _ in rows],
                signals=["support"]).column("support").to_pylist()]
            for name, rows in pairs().items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BASE", "NEW"))
    args = parser.parse_args(argv)
    if args.compare:
        base, new = (json.loads(p.read_text()) for p in args.compare)
        source, lost_all, total = pairs(), 0, 0
        for name, rows in source.items():
            lost = [i for i, (b, n) in enumerate(zip(base[name], new[name], strict=True))
                    if b >= 0.5 > n]
            total += len(rows)
            lost_all += len(lost)
            print(f"{name}: {len(rows)} replies, out of support: {len(lost)}")
            for i in lost:
                print(f"  {base[name][i]:.2f} -> {new[name][i]:.2f} | {rows[i][1][:200]!r}")
        print(f"all: {lost_all} of {total} ({lost_all / total:.3%})")
        return 0
    if args.out is None:
        parser.error("--out FILE (or --compare BASE NEW)")
    args.out.write_text(json.dumps(readings(args.repo)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
