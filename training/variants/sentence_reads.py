"""Readings of a reviewer's sentences (JSONL rows with ``kind``, ``context``, ``text`` and,
optionally, ``answers_other``) by one checkout, and what changed between two.

    .venv/bin/python training/variants/sentence_reads.py FILE [--repo DIR] --out OUT
    .venv/bin/python training/variants/sentence_reads.py FILE --compare BASE NEW

The first form reads every row with its context through ``score_texts`` of the checkout
``--repo`` (default: this one; ``answers_other`` is passed where that checkout takes it)
and writes toxicity and support per row. The second prints, per kind, the rows each checkout
reads at 0.5 or more on each signal, and how many crossed 0.5 each way. Used for the
reviews of ``2026-12-06i``, ``2026-12-06j`` and ``2026-12-06k`` (their READMEs name the
files and commits).
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIGNALS = ("toxicity", "support")


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def readings(path: Path, repo: Path) -> list[dict]:
    sys.path.insert(0, str(repo.resolve()))
    from kindscope.signals import score_texts

    rows = rows_of(path)
    extra = {}
    if "answers_other" in inspect.signature(score_texts).parameters:
        extra["answers_other"] = [r.get("answers_other", True) for r in rows]
    table = score_texts([r["text"] for r in rows], [r.get("context") or None for r in rows],
                        signals=SIGNALS, **extra)
    return [{s: round(float(v), 4) for s, v in row.items()} for row in table.to_pylist()]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BASE", "NEW"))
    args = parser.parse_args(argv)
    if args.compare:
        kinds = [r["kind"] for r in rows_of(args.file)]
        base, new = (json.loads(p.read_text()) for p in args.compare)
        count = Counter()
        for kind, b, n in zip(kinds, base, new, strict=True):
            count[kind, "n"] += 1
            for s in SIGNALS:
                count[kind, s, "base"] += b[s] >= 0.5
                count[kind, s, "new"] += n[s] >= 0.5
                count[kind, s, "up"] += b[s] < 0.5 <= n[s]
                count[kind, s, "down"] += b[s] >= 0.5 > n[s]
        for kind in dict.fromkeys(kinds):
            cells = "; ".join(f"{s} {count[kind, s, 'base']} -> {count[kind, s, 'new']} "
                              f"(up {count[kind, s, 'up']}, down {count[kind, s, 'down']})"
                              for s in SIGNALS)
            print(f"{kind}: {count[kind, 'n']} rows; {cells}")
        return 0
    if args.out is None:
        parser.error("--out OUT (or --compare BASE NEW)")
    args.out.write_text(json.dumps(readings(args.file, args.repo)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
