"""Score the sarcasm review set (160 sentences a sub-agent wrote on 2026-12-05 before any
model read them; frozen by ``sarcasm_set.sha256``) with the shipped or another model.

    .venv/bin/python training/variants/2026-12-05/review/score_set.py [ARTIFACTS_DIR]

Per kind, how many meet the expectation at 0.5 and the mean score: sarcastic posts (upbeat
= false), sincere posts (upbeat = true), sarcastic replies to a painful post (support =
false), sincere replies to the same posts (support = true).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))

from kindscope.signals.model import ARTIFACTS, SignalModel  # noqa: E402

KINDS = ("sarcastic_post", "sincere_post", "sarcastic_reply", "sincere_reply")


def main() -> None:
    blob = (HERE / "sarcasm_set.json").read_bytes()
    frozen = (HERE / "sarcasm_set.sha256").read_text().split()[0]
    if hashlib.sha256(blob).hexdigest() != frozen:
        sys.exit("sarcasm_set.json changed since it was frozen")
    items = json.loads(blob)
    model = SignalModel(Path(sys.argv[1]) if len(sys.argv) > 1 else ARTIFACTS)
    for kind in KINDS:
        rows = [x for x in items if x["kind"] == kind]
        (signal, want), = rows[0]["expect"].items()
        contexts = None if kind.endswith("_post") else [x["context"] for x in rows]
        p = model.score([x["text"] for x in rows], contexts, (signal,))[signal]
        right = int(((p >= 0.5) == want).sum())
        print(f"{kind:16s} {signal:7s} right {right:2d}/{len(rows)}  mean {p.mean():.3f}")


if __name__ == "__main__":
    main()
