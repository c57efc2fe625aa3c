"""Plan 40's review set read with and without the tags-alone rule: per row its crisis and
distress readings, then the bars' counts.

    .venv/bin/python training/variants/2026-12-07b/score_tags.py --json OUT [--without-rule]
    .venv/bin/python training/variants/2026-12-07b/score_tags.py --compare OLD NEW

``--without-rule`` reads the texts as model 2026.12.23 did: no text read as its tags' words
(``model.tags_as_words`` replaced by the identity). The set is refused unless its bytes are
the frozen ones (``review/tags.sha256``). Each post is read as a post (no context).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parents[2]))
from frozen_sets import read_frozen, read_or_compare  # noqa: E402

from kindscope.signals import model  # noqa: E402
from kindscope.signals.model import ARTIFACTS, SignalModel  # noqa: E402

SET = HERE / "review" / "tags.jsonl"
SIGNALS = ("crisis", "distress")


def read(without_rule: bool) -> list[dict]:
    if without_rule:
        model.tags_as_words = lambda text, *rest: text
    rows, _ = read_frozen(SET)
    scores = SignalModel(ARTIFACTS).score([r["text"] for r in rows], None, SIGNALS)
    return [{"id": r["id"], "kind": r["kind"], "at_risk": r["author_at_risk"], "text": r["text"],
             **{s: round(float(scores[s][i]), 4) for s in SIGNALS}}
            for i, r in enumerate(rows)]


def painful(row: dict) -> bool:
    return row["crisis"] >= 0.5 or row["distress"] >= 0.5


def compare(old: list[dict], new: list[dict]) -> dict:
    pairs = list(zip(old, new, strict=True))
    out = {kind: {"rows": sum(r["kind"] == kind for r in old),
                  "painful_before": sum(painful(r) for r in old if r["kind"] == kind),
                  "painful_after": sum(painful(r) for r in new if r["kind"] == kind),
                  "crisis_before": sum(r["crisis"] >= 0.5 for r in old if r["kind"] == kind),
                  "crisis_after": sum(r["crisis"] >= 0.5 for r in new if r["kind"] == kind)}
           for kind in ("tags_everyday", "tags_painful")}
    every = out["tags_everyday"]
    before, after = every["painful_before"], every["painful_after"]
    out["bar1_harm"] = before >= 10 and after <= before / 2 and before - after >= 5
    lost = [n["text"] for o, n in pairs
            if o["kind"] == "tags_painful" and painful(o) and not painful(n)]
    crisis_lost = [n["text"] for o, n in pairs
                   if o["kind"] == "tags_painful" and o["crisis"] >= 0.5 > n["crisis"]]
    out["bar2_pain_lost"], out["bar2_crisis_lost"] = lost, crisis_lost
    out["bar2_holds"] = len(lost) <= 2 and not crisis_lost
    out["everyday_still_painful"] = [n["text"] for n in new
                                     if n["kind"] == "tags_everyday" and painful(n)]
    out["at_risk_crisis"] = [sum(r["crisis"] >= 0.5 for r in rows if r["at_risk"])
                             for rows in (old, new)]
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--without-rule", action="store_true")
    read_or_compare(parser, lambda args: read(args.without_rule), compare)
