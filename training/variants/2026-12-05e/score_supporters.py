"""Score the frozen peer-supporter review set (``review/supporters.jsonl``).

    .venv/bin/python training/variants/2026-12-05e/score_supporters.py \
        [--repo DIR] [--show] [--json OUT]

The set was written and hashed before any model scored it. Each text is read with the post it
answers (``context``) through ``score_texts``, at 0.5, and per kind the script prints how many are
flagged for crisis and distress next to the reviewer's label (``author_at_risk``: is the AUTHOR of
the text at risk now). Kinds: ``asks_about_risk``, ``talks_about_their_risk`` and
``own_past_over`` are supporters (label 0), ``own_risk_now`` are authors at risk (label 1),
``ordinary_mentions`` mention suicide without anyone's risk (label 0). ``--repo`` imports
``kindscope`` from another checkout. ``--show`` lists every text whose crisis flag disagrees with
its label. ``--json OUT`` writes the per-kind counts and the agreement to OUT.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET = HERE / "review" / "supporters.jsonl"
SHA = "c5802838d90f9464c58c0f69317b9ab8af047e6bc0b2a2e180aa5e1927addec3"
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

    table = score_texts([r["text"] for r in rows], contexts=[r["context"] or None for r in rows],
                        signals=list(SIGNALS))
    cols = {s: table.column(s).to_pylist() for s in SIGNALS}
    flags = {s: [int((v or 0) >= 0.5) for v in cols[s]] for s in SIGNALS}
    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    out = {"model_version": MODEL_VERSION, "sha256": SHA, "kinds": {}}
    print(f"{MODEL_VERSION}\n{'kind':24s} {'n':>3s} {'risk':>4s} {'crisis':>7s} {'distress':>8s} "
          f"{'agree':>6s}")
    right = 0
    for kind in kinds:
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
        rates = {s: sum(flags[s][i] for i in idx) for s in SIGNALS}
        labels = {rows[i]["author_at_risk"] for i in idx}
        label = labels.pop() if len(labels) == 1 else -1
        agree = sum(flags["crisis"][i] == rows[i]["author_at_risk"] for i in idx)
        right += agree
        out["kinds"][kind] = {"n": len(idx), "author_at_risk": label, "flagged": rates,
                              "crisis_agrees": agree}
        print(f"{kind:24s} {len(idx):3d} {label:4d} {rates['crisis']:7d} {rates['distress']:8d} "
              f"{agree:6d}")
    if args.show:
        for i, r in enumerate(rows):
            if flags["crisis"][i] != r["author_at_risk"]:
                print(f"  crisis {cols['crisis'][i] or 0:.2f} want {r['author_at_risk']} "
                      f"{r['id']}: {r['text'][:110]!r}")
    out["n"] = len(rows)
    out["crisis_agreement"] = round(right / len(rows), 3)
    print(f"crisis flag agrees with author_at_risk: {right}/{len(rows)} = "
          f"{out['crisis_agreement']}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main()
