"""Plan 35's review set read by a set of artifacts: per row its support, toxicity and
death_wish readings, then the bars' counts.

    .venv/bin/python training/variants/2026-12-06p/score_devaluing.py --json OUT [--artifacts DIR]
    .venv/bin/python training/variants/2026-12-06p/score_devaluing.py --compare OLD NEW

``--set PATH`` reads another frozen set of the same shape (plan 36's ``review/stance.jsonl``).

``--artifacts DIR`` scores with the artifacts in DIR (default: the shipped ones). The set is
refused unless its bytes are the frozen ones (``review/devaluing.sha256``). Each reply is
read with the post it answers as context, as a store reads a reply.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parents[2]))
from frozen_sets import read_frozen, read_or_compare  # noqa: E402

from kindscope.signals.model import ARTIFACTS, SignalModel  # noqa: E402

SET = HERE / "review" / "devaluing.jsonl"
SIGNALS = ("support", "toxicity", "death_wish")
HOSTILE = ("devaluing", "dismissive")
KIND = ("comfort", "blunt_care")


def read(artifacts: Path, path: Path = SET) -> list[dict]:
    rows, _ = read_frozen(path)
    contexts = [r["context"] for r in rows]
    scores = SignalModel(artifacts).score([r["text"] for r in rows], contexts, SIGNALS,
                                          replies=[True] * len(rows))
    return [{"kind": r["kind"], "pair": r["pair"], "text": r["text"],
             **{s: round(float(scores[s][i]), 4) for s in SIGNALS}}
            for i, r in enumerate(rows)]


def compare(old: list[dict], new: list[dict]) -> dict:
    pairs = list(zip(old, new, strict=True))

    def count(rows, kinds):
        return sum(r["support"] >= 0.5 for r in rows if r["kind"] in kinds)

    out = {}
    for kinds in (HOSTILE, *((k,) for k in HOSTILE), *((k,) for k in KIND)):
        name = "+".join(kinds)
        out[name] = {"rows": sum(r["kind"] in kinds for r in old),
                     "support_before": count(old, kinds), "support_after": count(new, kinds)}
    before, after = out["+".join(HOSTILE)]["support_before"], \
        out["+".join(HOSTILE)]["support_after"]
    out["bar1_gain"] = before >= 10 and after <= before / 2 and before - after >= 5
    out["bar2_comfort"] = all(out[k]["support_before"] - out[k]["support_after"] <= 2
                              for k in KIND)
    out["comfort_lost"] = [n["text"] for o, n in pairs
                           if o["kind"] in KIND and o["support"] >= 0.5 > n["support"]]
    out["hostile_still_support"] = [n["text"] for n in new
                                    if n["kind"] in HOSTILE and n["support"] >= 0.5]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifacts", type=Path, default=ARTIFACTS)
    parser.add_argument("--set", type=Path, default=SET)
    read_or_compare(parser, lambda args: read(args.artifacts, args.set), compare)


if __name__ == "__main__":
    main()
