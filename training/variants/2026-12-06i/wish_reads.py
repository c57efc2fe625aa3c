"""Toxicity, offensive, support and crisis of every row of every frozen review set, and the
counts plan 25's bars read.

    .venv/bin/python training/variants/2026-12-06i/wish_reads.py [--repo DIR] --out FILE
    .venv/bin/python training/variants/2026-12-06i/wish_reads.py --compare BASE NEW

The first form reads every ``training/variants/*/review/*.jsonl`` whose bytes are the frozen
ones, each row with its context (the post it answers; none where the set has none), through
``score_texts`` of the checkout ``--repo`` (default: this one), and writes
``{set: {id: {"group": ..., "kind": ..., signal: score}}}``. A row's group is ``at_risk``
(``author_at_risk``, ``at_risk`` 1, ``group`` "at_risk" or ``label`` "crisis"), ``attack``
(``attacks``, ``attacks_someone`` or an integer ``label`` 1: the hate sets) or ``other``.
The second prints, for BASE and NEW, how many rows of each group (and of each kind of this
folder's sets) read at 0.5 as each signal, and each row of any set that attacks no one and
changes a flag.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent))

from frozen_sets import frozen_review_sets  # noqa: E402

SIGNALS = ("toxicity", "offensive", "support", "crisis")
#: This folder's sets, by the name the README gives them.
OWN = {"2026-12-06i/review/wish_replies.jsonl": "set1",
       "2026-12-06i/review/hostile_replies_2.jsonl": "set2",
       "2026-12-06i/review/hostile_replies_3.jsonl": "set3",
       "2026-12-06i/review/hostile_replies_4.jsonl": "set4"}


def group(row: dict) -> str:
    if (row.get("author_at_risk") in (1, True) or row.get("at_risk") in (1, True)
            or row.get("group") == "at_risk" or row.get("label") == "crisis"):
        return "at_risk"
    label = row.get("label")
    if row.get("attacks") or row.get("attacks_someone") or (
            isinstance(label, int) and not isinstance(label, bool) and label == 1):
        return "attack"
    return "other"


def readings(repo: Path) -> dict:
    sys.path.insert(0, str(repo.resolve()))
    from kindscope.signals import score_texts

    out = {}
    for name, rows in frozen_review_sets():
        rows = [r for r in rows if r.get("text")]
        # a reply in its author's own thread (set 4's ``same_author``) answers no one else,
        # where the checkout can be told so (from plan 25 on)
        others = {"answers_other": [not r.get("same_author") for r in rows]} \
            if "answers_other" in inspect.signature(score_texts).parameters else {}
        table = score_texts([r["text"] for r in rows],
                            contexts=[r.get("context") or None for r in rows], signals=SIGNALS,
                            **others)
        cols = {s: table.column(s).to_pylist() for s in SIGNALS}
        out[name] = {str(r.get("id", i)): {"group": group(r), "kind": r.get("kind"),
                                          **{s: round(float(cols[s][i]), 4) for s in SIGNALS}}
                     for i, r in enumerate(rows)}
    return out


def counts(read: dict) -> tuple[Counter, Counter]:
    """(rows per (scope, group-or-kind, signal) at 0.5, rows per (scope, group-or-kind)):
    scope ``set1``-``set4`` is one of this folder's sets by kind, ``others`` every other set
    by group."""
    flagged, total = Counter(), Counter()
    for name, rows in read.items():
        for row in rows.values():
            key = (OWN[name], row["kind"]) if name in OWN else ("others", row["group"])
            total[key] += 1
            for s in SIGNALS:
                flagged[(*key, s)] += row[s] >= 0.5
    return flagged, total


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BASE", "NEW"))
    args = parser.parse_args(argv)
    if args.compare:
        (fb, tb), (fn, _) = (counts(json.loads(p.read_text())) for p in args.compare)
        print(f"{'scope':7} {'group / kind':20} {'n':>5}  " +
              "  ".join(f"{s:>16}" for s in SIGNALS))
        for key in sorted(tb):
            cells = "  ".join(f"{fb[(*key, s)]:>7} -> {fn[(*key, s)]:<5}" for s in SIGNALS)
            print(f"{key[0]:7} {key[1]:20} {tb[key]:>5}  {cells}")
        base, new = (json.loads(p.read_text()) for p in args.compare)
        for name, rows in base.items():
            for key, row in rows.items():
                moved = [s for s in SIGNALS if (row[s] >= 0.5) != (new[name][key][s] >= 0.5)]
                if moved and row["group"] != "attack":
                    print(f"moved, not an attack: {name} {key} {moved}")
        return 0
    if args.out is None:
        parser.error("--out FILE (or --compare BASE NEW)")
    args.out.write_text(json.dumps(readings(args.repo), indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
