"""Score the frozen yes/no answer review set (``review/answers.jsonl``).

    .venv/bin/python training/variants/2026-12-05g/score_answers.py \
        [--repo DIR] [--show] [--json OUT]

The set was written and hashed before any model scored it. Each row is a post that asks a question
(``context``) and the reply of the person asked (``text``), often a bare "yes", "no" or "idk". A
reply only means something with its question, so each text is read WITH its context through
``score_texts``, at 0.5, and per kind the script prints how many are flagged for crisis and
distress next to the reviewer's label (``author_at_risk``: is the AUTHOR of the reply at risk NOW).
Kinds: ``yes_to_risk_question`` (a direct question about suicidal thoughts, plans or self-harm
answered yes or unsure; label 1), ``no_to_safety_question`` ("are you safe?" answered no or
unsure; label 1), ``no_to_risk_question`` (label 0), ``yes_to_safety_question`` (label 0),
``history_question`` (a question about the past answered about a past that is over; label 0),
``ordinary_yes_no`` (everyday questions, some near the topic: "do you want to die on this hill?";
label 0) and ``joke_or_quote`` (the question or answer is a clear joke or a quote; label 0).
``--repo`` imports ``kindscope`` from another checkout. ``--show`` lists every row whose crisis
flag disagrees with its label. ``--json OUT`` writes the per-kind counts and the agreement to OUT.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET = HERE / "review" / "answers.jsonl"
SHA = "e057a4943c3a1af2c1eabcf9b3f40196accd7a70be03fc95f568705da96e1ba9"
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
                    f"{r['id']}: {(r['context'] or '')[:60]!r} -> {r['text'][:60]!r}"
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
