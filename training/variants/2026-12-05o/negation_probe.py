"""Hate of each negated post of a review set, as written and with its negation taken out,
with the model of the checkout it runs in: does the model read "are not" apart from "are"?

    .venv/bin/python training/variants/2026-12-05o/negation_probe.py [--set disability|negation]

Prints label, score as written, score without the negation, their difference, kind and text.
"""

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, ".")
sys.path.insert(0, str(HERE.parent))

from frozen_sets import read_frozen  # noqa: E402

from kindscope.signals.model import SignalModel  # noqa: E402

#: Negations taken out, in order (contractions first).
UNDO = [(r"\b(are|is|do|does|was|were|can|could|should|would|will|did|have|has)(n't| not)\b",
         r"\1"), (r"\baren't\b", "are"), (r"\bisn't\b", "is"), (r"\bdon't\b", "do"),
        (r"\bdoesn't\b", "does"), (r"\bwon't\b", "will"), (r"\bcan't\b", "can"),
        (r"\bnever\b", ""), (r"\bnobody\b", "everybody"), (r"\bno one\b", "everyone"),
        (r"\bnot\b", "")]
NEGATED = re.compile(r"n't|\bnot\b|\bnever\b|\bno(?:body| one)\b")


def without_negation(text: str) -> str:
    low = text.lower().replace("’", "'")
    for pattern, repl in UNDO:
        low = re.sub(pattern, repl, low)
    return re.sub(r"\s+", " ", low)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="disability", choices=("disability", "negation"))
    args = parser.parse_args()
    rows, _ = read_frozen(HERE / f"review/{args.set}.jsonl")
    rows = [r for r in rows if NEGATED.search(r["text"].lower().replace("’", "'"))]
    model = SignalModel()
    a = model.score([r["text"] for r in rows], None, ("hate",))["hate"]
    b = model.score([without_negation(r["text"]) for r in rows], None, ("hate",))["hate"]
    for r, x, y in sorted(zip(rows, a, b, strict=True), key=lambda z: z[0]["label"]):
        print(f"{r['label']} {x:.2f} {y:.2f} {y - x:+.2f} {r['kind']:14.14s} | {r['text']}")


if __name__ == "__main__":
    main()
