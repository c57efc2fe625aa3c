"""Score the frozen abuse / self-talk review set (``review/abuse_selftalk.jsonl``).

    .venv/bin/python training/variants/2026-12-05c/score_wishes.py [--repo DIR] [--show]

Reads each text with the post it answers (``context``) through ``score_texts``, at 0.5, and
prints per kind the share flagged for crisis, distress and toxicity next to the labels the
reviewer gave (``author_at_risk``, ``attacks_someone``). ``--repo`` imports ``kindscope`` from
another checkout (``git worktree add --detach DIR d9a4c46`` for the model before the death-wish
rule). ``--show`` lists every text whose crisis or toxicity flag disagrees with its label.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET = HERE / "review" / "abuse_selftalk.jsonl"
SHA = "9321a129231d86274b4d277756237c5a7ed992a227d337c220614a79b8346846"


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", type=Path, default=HERE.parents[2])
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    data = SET.read_bytes()
    if hashlib.sha256(data).hexdigest() != SHA:
        raise SystemExit(f"{SET}: not the frozen review set (sha256 differs)")
    rows = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
    sys.path.insert(0, str(args.repo.resolve()))
    from kindscope.signals import MODEL_VERSION, score_texts

    table = score_texts([r["text"] for r in rows], contexts=[r["context"] or None for r in rows],
                        signals=["crisis", "distress", "toxicity"])
    cols = {s: table.column(s).to_pylist() for s in ("crisis", "distress", "toxicity")}
    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    out = {"model_version": MODEL_VERSION, "kinds": {}}
    print(f"{MODEL_VERSION}\n{'kind':18s} {'n':>3s} {'risk':>4s} {'att':>4s} "
          f"{'crisis':>7s} {'distress':>8s} {'toxicity':>8s}")
    right = {"crisis": 0, "toxicity": 0}
    for kind in kinds:
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
        rates = {s: sum((cols[s][i] or 0) >= 0.5 for i in idx) for s in cols}
        out["kinds"][kind] = {"n": len(idx), "flagged": rates}
        r0 = rows[idx[0]]
        print(f"{kind:18s} {len(idx):3d} {r0['author_at_risk']:4d} {r0['attacks_someone']:4d} "
              f"{rates['crisis']:7d} {rates['distress']:8d} {rates['toxicity']:8d}")
    for i, r in enumerate(rows):
        for signal, label in (("crisis", "author_at_risk"), ("toxicity", "attacks_someone")):
            flag = int((cols[signal][i] or 0) >= 0.5)
            right[signal] += flag == r[label]
            if args.show and flag != r[label]:
                print(f"  {signal} {cols[signal][i]:.2f} want {r[label]} {r['id']}: "
                      f"{r['text'][:110]!r}")
    out["right"] = {s: round(v / len(rows), 3) for s, v in right.items()}
    print("agreement with the labels:", out["right"], f"of {len(rows)}")
    return out


if __name__ == "__main__":
    main()
