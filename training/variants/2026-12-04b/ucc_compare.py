"""Toxicity variants on the held-apart half of the Unhealthy Comments, and on a few
sentences of the kinds issue 11 names (written for this probe; not the challenge suite).

    .venv/bin/python training/variants/2026-12-04b/ucc_compare.py ARTIFACT_DIR [DIR ...]
"""

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))
from data import in_val_fold, unhealthy_comments  # noqa: E402

from kindscope.signals.model import SignalModel  # noqa: E402

# the patches' data.ucc_held: half of val.csv, seeded, by comment id
rows = [(t, y) for t, y, k in unhealthy_comments() if in_val_fold(f"ucc:{k}", 0.5)]
texts = [t for t, _ in rows]
y = np.array([y for _, y in rows])
scenes = ["Please stop calling people morons, it's hurtful.",
 "Can we not use the r-word here? It hurts disabled people.",
 "Free speech should not include hate speech.",
 "Just block them, they aren't worth it.",
 "You are a worthless idiot.",
 "Honestly you're pathetic and everyone here knows it.",
 "Nobody asked for your opinion, go away.",
 "Go back to where you came from.",
 "I felt like such an idiot at the meeting today.",
 "Sorry you're going through this, I'm here if you want to talk.",
 "Stop whining, other people have real problems.",
 "Typical snowflake, can't handle a bit of criticism."]
for folder in sys.argv[1:]:
    m = SignalModel(Path(folder))
    out = m.score(texts, None, ("toxicity", "support"))
    t, s = out["toxicity"], out["support"]
    print(folder, "hostile flagged", int((t[y == 1] >= .5).sum()), "/", int(y.sum()),
          "healthy flagged", int((t[y == 0] >= .5).sum()), "/", int((y == 0).sum()),
          "hostile read as support", int((s[y == 1] >= .5).sum()))
    sc = m.score(scenes, None, ("toxicity", "hate", "support"))
    for i, x in enumerate(scenes):
        tox, hate, sup = sc["toxicity"][i], sc["hate"][i], sc["support"][i]
        print(f"   tox {tox:.2f} hate {hate:.2f} sup {sup:.2f}  {x}")
