"""Hate's group cap for personal talk only (shipped before) against the cap for every text
that names no group (plan 2 of README.md here), on the same sets, in one process.

    .venv/bin/python training/variants/2026-12-05p/impersonal.py [--dropped FILE]

Per set: posts read as hate (>= 0.5) with the cap for personal talk only, and with the cap
for every text. ``--dropped`` writes the RumourEval replies the wider cap lowers below 0.5
(text and the post they answer, no scores) for a reviewer to label.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, ".")
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE.parent))

from data import goemotions, in_val_fold, rumoureval_replies, toxigen  # noqa: E402
from frozen_sets import read_frozen  # noqa: E402
from ood_sets import conan, unhealthy  # noqa: E402

from kindscope.signals import targets  # noqa: E402
from kindscope.signals.model import SignalModel  # noqa: E402

REVIEW = HERE.parent / "2026-12-05o/review"


def sets() -> dict[str, tuple[list[str], list[str | None]]]:
    out = {}
    c = conan()
    out["CONAN hate speech (sister set of a training source)"] = [t for t, y, _ in c if y == 1]
    out["CONAN counter-narratives (sister set of a training source)"] = [
        t for t, y, _ in c if y == 0]
    tg = [(t, y) for t, y, _ in toxigen() if in_val_fold(t)]
    out["ToxiGen validation, hateful (in distribution)"] = [t for t, y in tg if y == 1]
    out["ToxiGen validation, neutral (in distribution)"] = [t for t, y in tg if y == 0]
    for name in ("disability", "negation", "adversarial"):
        rows, _ = read_frozen(REVIEW / f"{name}.jsonl")
        out[f"review {name}, hateful"] = [r["text"] for r in rows if r["label"] == 1]
        out[f"review {name}, not hateful"] = [r["text"] for r in rows if r["label"] == 0]
    tox = unhealthy()
    out["Unhealthy Comments healthy (chose the rule)"] = [t for t, y in tox if y == 0]
    out["Unhealthy Comments hostile (chose the rule)"] = [t for t, y in tox if y == 1]
    out["GoEmotions dev (Reddit comments)"] = [t for t, _, _ in goemotions("dev")]
    out = {k: (v, [None] * len(v)) for k, v in out.items()}
    rum = rumoureval_replies()
    out["RumourEval replies, with the post they answer"] = ([r for _, _, r in rum],
                                                           [p for _, p, _ in rum])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dropped")
    args = parser.parse_args()
    model = SignalModel()
    shipped_personal = targets.is_personal
    print("| set | posts | read as hate, cap for personal talk | cap for every text |")
    print("|---|---:|---:|---:|")
    for name, (texts, contexts) in sets().items():
        ctx = contexts if any(c is not None for c in contexts) else None
        targets.is_personal = shipped_personal
        before = np.asarray(model.score(texts, ctx, ("hate",))["hate"]) >= 0.5
        targets.is_personal = lambda text: True
        after = np.asarray(model.score(texts, ctx, ("hate",))["hate"]) >= 0.5
        targets.is_personal = shipped_personal
        print(f"| {name} | {len(texts)} | {before.sum()} | {after.sum()} |")
        if args.dropped and name.startswith("RumourEval"):
            rows = [{"reply": texts[i], "answers": contexts[i]}
                    for i in np.flatnonzero(before & ~after)]
            Path(args.dropped).write_text("\n".join(json.dumps(r, ensure_ascii=False)
                                                    for r in rows) + "\n")


if __name__ == "__main__":
    main()
