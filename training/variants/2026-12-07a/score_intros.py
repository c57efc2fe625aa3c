"""Plan 39's review set read by a set of artifacts: per row its crisis and distress readings,
then the bars' counts.

    .venv/bin/python training/variants/2026-12-07a/score_intros.py --json OUT [--artifacts DIR]
    .venv/bin/python training/variants/2026-12-07a/score_intros.py --compare OLD NEW

``--artifacts DIR`` scores with the artifacts in DIR (default: the shipped ones). The set is
refused unless its bytes are the frozen ones (``review/intros.sha256``). Each post is read as
a post (no context), as a store reads one.
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

SET = HERE / "review" / "intros.jsonl"
SIGNALS = ("crisis", "distress")


def read(artifacts: Path) -> list[dict]:
    rows, _ = read_frozen(SET)
    scores = SignalModel(artifacts).score([r["text"] for r in rows], None, SIGNALS)
    return [{"id": r["id"], "kind": r["kind"], "text": r["text"],
             **{s: round(float(scores[s][i]), 4) for s in SIGNALS}}
            for i, r in enumerate(rows)]


def compare(old: list[dict], new: list[dict]) -> dict:
    pairs = list(zip(old, new, strict=True))

    def flagged(rows, kind):
        return sum(r["crisis"] >= 0.5 for r in rows if r["kind"] == kind)

    out = {kind: {"rows": sum(r["kind"] == kind for r in old),
                  "crisis_before": flagged(old, kind), "crisis_after": flagged(new, kind)}
           for kind in ("intro", "intro_risk")}
    before, after = out["intro"]["crisis_before"], out["intro"]["crisis_after"]
    out["bar1_harm"] = before >= 10 and after <= before / 2 and before - after >= 5
    lost = [n["text"] for o, n in pairs
            if o["kind"] == "intro_risk" and o["crisis"] >= 0.5 > n["crisis"]]
    out["bar2_risk_lost"] = lost
    out["bar2_holds"] = not lost
    out["intro_still_flagged"] = [n["text"] for n in new
                                  if n["kind"] == "intro" and n["crisis"] >= 0.5]
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--artifacts", type=Path, default=ARTIFACTS)
    read_or_compare(parser, lambda args: read(args.artifacts), compare)
