"""Offensive on the third review's posts, none of them offensive, with the model of the
checkout it runs in: how many read as offensive (0.5), per kind.

    .venv/bin/python training/variants/2026-12-05m/score_review.py [--set targeted]
        [--save FILE] [--against FILE]

``review/posts.jsonl`` (104 posts) was written by the reviewer before looking at the word
model; ``review/targeted.jsonl`` (18) after reading its weights, to aim at words the list
missed. Both are frozen (``review/SHA256SUMS``). Run from the repository root of a checkout
(copy this folder in for older commits): ``kindscope`` is imported from the current
directory. ``--save`` writes each post's score; ``--against`` a file saved so by another
checkout lists the posts that cross 0.5 between the two.
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, ".")
sys.path.insert(0, str(HERE.parent))

from frozen_sets import read_frozen  # noqa: E402

from kindscope.signals.model import MODEL_VERSION, SignalModel  # noqa: E402

SETS = {"posts": HERE / "review/posts.jsonl", "targeted": HERE / "review/targeted.jsonl"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=tuple(SETS), default="posts")
    parser.add_argument("--save", help="write each post's score to this file")
    parser.add_argument("--against", help="scores saved by another checkout, to compare")
    args = parser.parse_args()
    rows, sha256 = read_frozen(SETS[args.set])
    p = SignalModel().score([r["text"] for r in rows], None, ("offensive",))["offensive"]
    flagged = Counter(r["kind"] for r, x in zip(rows, p, strict=True) if x >= 0.5)
    out = {"model_version": MODEL_VERSION, "set": args.set, "sha256": sha256,
           "flagged": f"{int((p >= 0.5).sum())} of {len(rows)}", "by_kind": dict(flagged)}
    if args.against:
        before = json.loads(Path(args.against).read_text())
        out["compared_with"] = before["model_version"]
        out["crossed"] = [f"{a:.3f} -> {b:.3f} {r['text']}"
                          for r, a, b in zip(rows, before["scores"], p, strict=True)
                          if (a >= 0.5) != (b >= 0.5)]
    if args.save:
        Path(args.save).write_text(json.dumps(
            {"model_version": MODEL_VERSION, "scores": [float(x) for x in p]}))
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
