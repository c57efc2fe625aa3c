"""Two support heads on the frozen review sets, reply by reply (plans 3, 4 and 7).

    .venv/bin/python training/variants/2026-12-05q/compare_heads.py BASE_DIR NEW_DIR
        [--set 1 2 3 4] [--show]

BASE_DIR and NEW_DIR are artifact folders (``train_signals.py --skip-export --signals
support --out DIR`` on a copy of the shipped artifacts). For each set: per kind, the replies
each head reads as support (>= 0.5, with the post they answer; no dismissal rule), and the
comforting replies the new head loses (read as support by the base head, not by the new
one) and gains. ``--show`` prints the lost ones.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parents[2])]

from frozen_sets import read_frozen  # noqa: E402

SETS = {n: HERE / f"review/dismissals{'' if n == '1' else n}.jsonl" for n in "1234"}


def kinds(rows: list[dict]) -> tuple[list[int], list[int]]:
    """Row numbers of the comforting replies (``expect_support``) and of the dismissive ones."""
    return ([i for i, r in enumerate(rows) if r["expect_support"]],
            [i for i, r in enumerate(rows) if not r["expect_support"]])


def support(artifacts: Path, rows: list[dict]) -> list[float]:
    import kindscope.signals.model as signal_model
    from kindscope.signals import score_texts

    signal_model._model = signal_model.SignalModel(artifacts)
    table = score_texts([r["text"] for r in rows], contexts=[r["context"] or None for r in rows],
                        signals=["support"])
    return table.column("support").to_pylist()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--set", nargs="+", default=list(SETS), choices=list(SETS))
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    for name in args.set:
        rows, sha = read_frozen(SETS[name])
        base, new = support(args.base, rows), support(args.new, rows)
        print(f"set {name} ({sha[:12]})")
        for kind in dict.fromkeys(r["kind"] for r in rows):
            idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
            b = sum(base[i] >= 0.5 for i in idx)
            n = sum(new[i] >= 0.5 for i in idx)
            print(f"  {kind:20s} n {len(idx):3d}  base {b:3d}  new {n:3d}")
        comfort, _ = kinds(rows)
        lost = [i for i in comfort if base[i] >= 0.5 > new[i]]
        gained = [i for i in comfort if new[i] >= 0.5 > base[i]]
        print(f"  comfort lost {len(lost)}, gained {len(gained)}")
        if args.show:
            for i in lost:
                print(f"    {base[i]:.2f} -> {new[i]:.2f}  {rows[i]['text']!r}")


if __name__ == "__main__":
    main()
