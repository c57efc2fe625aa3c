"""Score the frozen disguise review set 3 as `kindscope score` reads it.

    .venv/bin/python training/variants/2026-12-05d/score_disguises.py [--show]
    PYTHONPATH=DIR .venv/bin/python training/variants/2026-12-05d/score_disguises.py
        # DIR: a checkout of an older commit (git worktree add --detach DIR d9a4c46)

``review/disguise_set_3.json`` (frozen: ``review/SHA256SUMS``) holds posts whose crisis or
abuse is written in a disguise (emoji inside a word, turned letters written forwards,
underscored words with punctuation, short words spaced out, "ctb", run-together tags), each
with its plain wording, and ordinary posts that look alike. Prints per kind: the posts
whose label (crisis, or toxicity for abuse) is flagged, as written and as the plain wording;
and for the ordinary kinds, the posts with any crisis, distress or toxicity flag. ``--show``
lists every post whose reading disagrees with its label.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

from kindscope.signals import MODEL_VERSION, THRESHOLDS
from kindscope.signals.language import read_texts

SET = Path(__file__).resolve().parent / "review" / "disguise_set_3.json"
SHA = "SHA256SUMS"


def flagged(row: dict, signal: str) -> bool:
    return row[signal] is not None and row[signal] >= THRESHOLDS[signal]


def main(argv: list[str]) -> dict:
    data = SET.read_bytes()
    expected = (SET.parent / SHA).read_text(encoding="utf-8").split()[0]
    if hashlib.sha256(data).hexdigest() != expected:
        raise SystemExit(f"{SET}: not the frozen review set (sha256 differs)")
    posts = json.loads(data)
    written = read_texts([p["text"] for p in posts]).to_pylist()
    plain = read_texts([p["plain"] for p in posts]).to_pylist()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    print(MODEL_VERSION)
    for p, a, b in zip(posts, written, plain, strict=True):
        row = counts[p["kind"]]
        row[2] += 1
        if p["kind"].startswith("ordinary"):
            row[0] += any(flagged(a, s) for s in ("crisis", "distress", "toxicity"))
            row[1] += any(flagged(b, s) for s in ("crisis", "distress", "toxicity"))
            wrong = any(flagged(a, s) for s in ("crisis", "toxicity"))
        else:
            signal = "crisis" if p["crisis"] else "toxicity"
            row[0] += flagged(a, signal)
            row[1] += flagged(b, signal)
            wrong = not flagged(a, signal)
        if "--show" in argv and wrong:
            print(f"  {p['id']}: crisis {a['crisis']} toxicity {a['toxicity']} "
                  f"lang {a['lang']}: {p['text'][:80]!r}")
    print("| kind | flagged as written | flagged as plain words | n |\n|---|---|---|---|")
    for kind, (a, b, n) in counts.items():
        print(f"| {kind} | {a} | {b} | {n} |")
    return dict(counts)


if __name__ == "__main__":
    main(sys.argv[1:])
