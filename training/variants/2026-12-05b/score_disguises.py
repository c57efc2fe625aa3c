"""Score a frozen disguise review set as `kindscope score` reads it.

    .venv/bin/python training/variants/2026-12-05b/score_disguises.py review/disguise_set_N.json
    PYTHONPATH=DIR .venv/bin/python .../score_disguises.py SET   # DIR: a checkout of an older
                                                                 # commit (git worktree add)

A set holds ``disguised`` posts (crisis, distress or toxicity written in a disguise, with the
same text written plainly) and ``ordinary`` posts that use the same characters innocently.
Prints, per kind of disguise, how many disguised posts are flagged (score >= the signal's
threshold; a post not read counts as not flagged) against their plain version, and for the
ordinary posts the language and every signal flagged. Each set was written by a reviewer who
saw neither the code nor the other set and frozen (SHA256SUMS) before it was scored.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

from kindscope.signals import SIGNALS, THRESHOLDS
from kindscope.signals.language import read_texts


def main(path: str) -> None:
    data = json.load(open(path, encoding="utf-8"))
    dis, ordinary = data["disguised"], data["ordinary"]
    styled = read_texts([x["text"] for x in dis]).to_pylist()
    plain = read_texts([x["plain"] for x in dis]).to_pylist()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for x, a, b in zip(dis, styled, plain, strict=True):
        th = THRESHOLDS[x["signal"]]
        row = counts[x["kind"]]
        row[0] += a[x["signal"]] is not None and a[x["signal"]] >= th
        row[1] += b[x["signal"]] is not None and b[x["signal"]] >= th
        row[2] += 1
    print("| kind | disguised flagged | plain flagged | n |\n|---|---|---|---|")
    for kind, (a, b, n) in sorted(counts.items()):
        print(f"| {kind} | {a} | {b} | {n} |")
    total = [sum(r[i] for r in counts.values()) for i in range(3)]
    print(f"| all | {total[0]} | {total[1]} | {total[2]} |")
    print("\nordinary posts: language, and the signals flagged")
    for x, r in zip(ordinary, read_texts([x["text"] for x in ordinary]).to_pylist(),
                    strict=True):
        flags = [s for s in SIGNALS if r[s] is not None and r[s] >= THRESHOLDS[s]]
        print(f"  {r['lang']:4} {','.join(flags) or '-':30} {x['kind']}: {x['text'][:60]!r}")


if __name__ == "__main__":
    main(sys.argv[1])
