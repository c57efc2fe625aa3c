"""Hate on review sets about groups (written for review, not taken from a platform), with the
artifacts in a folder (default: the shipped ones) and the rules of the checkout it runs in:
per kind, how many are read right at 0.5.

    .venv/bin/python training/variants/2026-12-05o/score_disability.py [DIR]
        [--set disability|negation|adversarial|mental_health] [--save FILE] [--against FILE]

``review/disability.jsonl`` (240 posts about disabled people) and ``review/negation.jsonl``
(200 posts on negation and denial about groups) were written by sub-agents that read no file
of this repository and saw no model; ``review/adversarial.jsonl`` (150) by a reviewer who read
the denial rule's widening and aimed hateful posts at it. Each was frozen
(``review/SHA256SUMS``) before any model read it. Labels are the writers': 1 where the post
attacks a group for who they are. ``--save`` writes each post's score; ``--against`` a file so
saved adds the posts whose decision changed. Run from the repository root of a checkout.
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

from kindscope.signals.model import ARTIFACTS, SignalModel  # noqa: E402

#: The frozen sets, by name: this folder's three and 2026-12-05p's set on mental illness
#: (170 posts of personal talk written the same way, frozen before any model read it).
SETS = {name: HERE / f"review/{name}.jsonl" for name in ("disability", "negation", "adversarial")}
SETS["mental_health"] = HERE.parent / "2026-12-05p/review/mental_health.jsonl"


def scored_set(model, name: str) -> tuple[list[dict], list[float], str]:
    """The frozen set's rows, their hate scores by ``model`` and the set's sha256."""
    rows, sha256 = read_frozen(SETS[name])
    return rows, model.score([r["text"] for r in rows], None, ("hate",))["hate"], sha256


def right_by_kind(rows: list[dict], p) -> dict[str, str]:
    """Per kind, how many posts the hate flag (0.5) reads as their label says."""
    right = Counter(r["kind"] for r, x in zip(rows, p, strict=True) if (x >= 0.5) == r["label"])
    total = Counter(r["kind"] for r in rows)
    label = {r["kind"]: "hate" if r["label"] else "not hate" for r in rows}
    return {k: f"{right[k]} of {n} ({label[k]})" for k, n in sorted(total.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("artifacts", nargs="?", type=Path, default=ARTIFACTS)
    parser.add_argument("--set", default="disability", choices=tuple(SETS))
    parser.add_argument("--save")
    parser.add_argument("--against")
    args = parser.parse_args()
    rows, p, sha256 = scored_set(SignalModel(args.artifacts), args.set)
    right = sum((x >= 0.5) == r["label"] for r, x in zip(rows, p, strict=True))
    out = {"set": args.set, "sha256": sha256, "right": f"{right} of {len(rows)}",
           "by_kind": right_by_kind(rows, p)}
    if args.against:
        before = json.loads(Path(args.against).read_text())["scores"]
        out["changed"] = [f"{a:.2f} -> {b:.2f} [{r['kind']}] {r['text']}"
                          for r, a, b in zip(rows, before, p, strict=True)
                          if (a >= 0.5) != (b >= 0.5)]
    if args.save:
        Path(args.save).write_text(json.dumps({"scores": [float(x) for x in p]}))
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
