"""Score the frozen recovery review set with a model's artifacts.

    .venv/bin/python training/variants/2026-12-05b/score_recovery.py [ARTIFACTS_DIR]

``review/recovery_set.json`` (written by a reviewer who saw neither the code nor the training
cases, frozen in SHA256SUMS before it was scored): 60 posts sharing recovery good news in
mental-health words, 40 with the same words and scenes where the author still hurts, 20
everyday upbeat posts. Prints the share of each list that the model reads as distress,
upbeat and crisis (score >= 0.5), through ``SignalModel.score`` (rules included).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kindscope.signals import THRESHOLDS
from kindscope.signals.model import ARTIFACTS, SignalModel

SET = Path(__file__).resolve().parent / "review/recovery_set.json"


def main(folder: Path = ARTIFACTS) -> dict:
    data = json.loads(SET.read_text(encoding="utf-8"))
    model = SignalModel(folder)
    out = {}
    for part in ("good_news", "still_hurting", "everyday"):
        texts = [x["text"] for x in data[part]]
        scores = model.score(texts, None, ("distress", "upbeat", "crisis"))
        out[part] = {"n": len(texts), **{s: round(float((p >= THRESHOLDS[s]).mean()), 3)
                                         for s, p in scores.items()}}
    print(json.dumps(out, indent=1))
    return out


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ARTIFACTS)
