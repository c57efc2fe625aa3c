"""The answer rule on the pairs a code review wrote to break it.

    .venv/bin/python training/variants/2026-12-05g/reviewer_pairs.py [--show] [--repo DIR]

``review/reviewer_false_alarm_pairs.json``: 238 (question, reply) pairs in which the reply is
not by someone at risk, aimed at the rule's patterns ("are you safe to drive?", "are you going
to die your hair?", "did you hurt yourself?" after a fall, rhetorical "do you want to die?").
``review/reviewer_false_alarm_pairs_2.json``: 214 more, written by a second code review
against two later widenings (ec752e5, taken back) ("do you want to live in the city or the
suburbs?" "no", "you'll make it to the party right?" "no", scales about an investment).
``review/reviewer_miss_pairs.json``: 51 at-risk answers in wordings the rule may miss. Prints
how many of each ``answers.answered_risk`` fires on, per cause or kind. Not held apart: the
rule was narrowed with the first file's firings in view (192 of 238 fired at 7e38dd9).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--repo", type=Path, default=HERE.parents[2],
                        help="the checkout whose answers.py is read (default: this one)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.repo.resolve()))
    from kindscope.signals.answers import answered_risk

    out = {}
    for name, key in (("reviewer_false_alarm_pairs", "cause"),
                      ("reviewer_false_alarm_pairs_2", "cause"), ("reviewer_miss_pairs", "kind")):
        rows = json.loads((HERE / "review" / f"{name}.json").read_text(encoding="utf-8"))
        fired = [r for r in rows if answered_risk(r["reply"], r["context"])]
        out[name] = {"n": len(rows), "fired": len(fired),
                     "by": dict(Counter(r[key] for r in fired))}
        print(f"{name}: fired on {len(fired)} of {len(rows)}")
        for r in fired if args.show else []:
            print(f"    {r[key]}: {r['context'][-70:]!r} -> {r['reply'][:60]!r}")
    return out


if __name__ == "__main__":
    main()
