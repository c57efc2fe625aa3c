"""Score the frozen past-risk review set (``review/past_risk.jsonl``).

    .venv/bin/python training/variants/2026-12-05f/score_past.py \
        [--repo DIR] [--show] [--json OUT]

The set was written and hashed before any model scored it. It holds posts and replies in which
the author tells of suicidal risk in the PAST. Each text is read with the post it answers
(``context``) through ``score_texts``, at 0.5, and per kind the script prints how many are flagged
for crisis and distress next to the reviewer's label (``author_at_risk``: is the AUTHOR of the
text at risk NOW). Kinds: ``past_over`` (own past risk, clearly over; label 0),
``past_and_now`` (own past risk and at risk again now; label 1), ``past_now_struggling`` (past
risk over, struggling now but safe; label 0) and ``other_past`` (someone else's past risk, told
by the author; label 0). ``--repo`` imports ``kindscope`` from another checkout. ``--show`` lists
every text whose crisis flag disagrees with its label. ``--json OUT`` writes the per-kind counts
and the agreement to OUT.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET = HERE / "review" / "past_risk.jsonl"
SHA = "56b3e824404bfa40283624dc8ba84f6ca7d505f8e7d73ba57a3ac6c36ef56ce8"
SIGNALS = ("crisis", "distress")


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", type=Path, default=HERE.parents[2])
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT")
    args = parser.parse_args(argv)
    data = SET.read_bytes()
    if hashlib.sha256(data).hexdigest() != SHA:
        raise SystemExit(f"{SET}: not the frozen review set (sha256 differs)")
    rows = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
    sys.path.insert(0, str(args.repo.resolve()))
    from kindscope.signals import MODEL_VERSION, score_texts

    table = score_texts(
        [r["text"] for r in rows],
        contexts=[r["context"] or None for r in rows],
        signals=list(SIGNALS),
    )
    cols = {s: table.column(s).to_pylist() for s in SIGNALS}
    flags = {s: [int((v or 0) >= 0.5) for v in cols[s]] for s in SIGNALS}
    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    out = {"model_version": MODEL_VERSION, "sha256": SHA, "kinds": {}}
    print(
        f"{MODEL_VERSION}\n{'kind':24s} {'n':>3s} {'risk':>4s} {'crisis':>7s} {'distress':>8s} "
        f"{'agree':>6s}"
    )
    right = 0
    for kind in kinds:
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
        rates = {s: sum(flags[s][i] for i in idx) for s in SIGNALS}
        labels = {rows[i]["author_at_risk"] for i in idx}
        label = labels.pop() if len(labels) == 1 else -1
        agree = sum(flags["crisis"][i] == rows[i]["author_at_risk"] for i in idx)
        right += agree
        out["kinds"][kind] = {
            "n": len(idx),
            "author_at_risk": label,
            "flagged": rates,
            "crisis_agrees": agree,
        }
        print(
            f"{kind:24s} {len(idx):3d} {label:4d} {rates['crisis']:7d} {rates['distress']:8d} "
            f"{agree:6d}"
        )
    if args.show:
        for i, r in enumerate(rows):
            if flags["crisis"][i] != r["author_at_risk"]:
                print(
                    f"  crisis {cols['crisis'][i] or 0:.2f} want {r['author_at_risk']} "
                    f"{r['id']}: {r['text'][:110]!r}"
                )
    out["n"] = len(rows)
    out["crisis_agreement"] = round(right / len(rows), 3)
    print(
        f"crisis flag agrees with author_at_risk: {right}/{len(rows)} = {out['crisis_agreement']}"
    )
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main()
