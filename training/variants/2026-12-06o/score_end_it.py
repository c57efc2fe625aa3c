"""Plan 34's review set read by a checkout: per row its death_wish, toxicity, crisis and
support readings, then the bars' counts.

    .venv/bin/python training/variants/2026-12-06o/score_end_it.py --json OUT [--repo DIR]
    .venv/bin/python training/variants/2026-12-06o/score_end_it.py --compare OLD NEW

``--repo DIR`` imports ``kindscope`` from another checkout (the plan's parent commit for
the baseline). The set is refused unless its bytes are the frozen ones
(``review/end_it.sha256``). Each text is read with the post it answers as context, as a
reply where it has one (``score_texts``'s ``replies``, as a store reads a reply).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from frozen_sets import read_frozen, read_or_compare  # noqa: E402

SET = HERE / "review" / "end_it.jsonl"
SIGNALS = ("death_wish", "toxicity", "crisis", "support")


def read(repo: Path | None) -> list[dict]:
    if repo is not None:
        sys.path.insert(0, str(repo))
    from kindscope.signals import score_texts

    rows, _ = read_frozen(SET)
    contexts = [r.get("context") or None for r in rows]
    table = score_texts([r["text"] for r in rows], contexts, SIGNALS,
                        replies=[c is not None for c in contexts])
    out = []
    for i, r in enumerate(rows):
        out.append({"kind": r["kind"], "devalues": r.get("devalues"), "text": r["text"],
                    **{s: round(float(table[s][i].as_py()), 4) for s in SIGNALS}})
    return out


def compare(old: list[dict], new: list[dict]) -> dict:
    def flags(row):
        return row["death_wish"] >= 0.5, row["toxicity"] >= 0.5, row["crisis"] >= 0.5

    told = [(o, n) for o, n in zip(old, new, strict=True)
            if o["kind"] == "told_to_end_it" and o["devalues"]]
    harmless = [(o, n) for o, n in zip(old, new, strict=True)
                if o["kind"] in ("end_it_other", "support_quoting")]
    risk = [(o, n) for o, n in zip(old, new, strict=True) if o["kind"] == "own_risk"]
    newly = [n["text"] for o, n in harmless
             if (flags(n)[0] and not flags(o)[0]) or (flags(n)[1] and not flags(o)[1])]
    return {
        "told_devalues": len(told),
        "told_devalues_wish_before": sum(flags(o)[0] for o, _ in told),
        "told_devalues_wish_after": sum(flags(n)[0] for _, n in told),
        "told_all_wish_before": sum(flags(o)[0] for o in old if o["kind"] == "told_to_end_it"),
        "told_all_wish_after": sum(flags(n)[0] for n in new if n["kind"] == "told_to_end_it"),
        "harmless_newly_wish_or_toxic": newly,
        "own_risk_crisis_fell": [n["text"] for o, n in risk if n["crisis"] < o["crisis"] - 1e-6],
        "own_risk_newly_wish_or_toxic": [
            n["text"] for o, n in risk
            if (flags(n)[0] and not flags(o)[0]) or (flags(n)[1] and not flags(o)[1])],
        "support_flags_lost": sum(o["support"] >= 0.5 > n["support"]
                                  for o, n in harmless if o["kind"] == "support_quoting"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path)
    read_or_compare(parser, lambda args: read(args.repo), compare)


if __name__ == "__main__":
    main()
