"""How often the hate head reads personal talk as hate, with the examples it is surest of.

    .venv/bin/python training/variants/2026-12-04b/hate_on_talk.py [ARTIFACT_DIR]

ESConv dev's supporter replies and the painful posts they answer (eval_ood.esconv_dev),
EPITOME's peer replies and Counsel Chat's answers, each scored alone through
``SignalModel.score``; prints the share read as hate and as toxic at 0.5, the five each
scores highest, and 20 of the painful posts read as hate drawn at random (seed 13), to be
read by hand.
"""

import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

from data import counsel_chat, epitome  # noqa: E402
from eval_ood import esconv_dev  # noqa: E402

from kindscope.signals.model import ARTIFACTS, SignalModel  # noqa: E402


def main() -> None:
    model = SignalModel(Path(sys.argv[1]) if len(sys.argv) > 1 else ARTIFACTS)
    rows = esconv_dev()
    sets = {
        "esconv dev supporter replies": [reply for _, _, reply in rows],
        "esconv dev seeker posts": sorted({post for post, _, _ in rows}),
        "epitome replies": [r["response_post"] for r in epitome("er")],
        "counsel chat answers": [r["answerText"] for r in counsel_chat()],
    }
    for name, texts in sets.items():
        s = model.score(texts, None, ("hate", "toxicity"))
        print(f"{name:30s} n {len(texts):5d} hate>=.5 {np.mean(s['hate'] >= .5):.4f} "
              f"toxicity>=.5 {np.mean(s['toxicity'] >= .5):.4f}")
        for i in np.argsort(-s["hate"])[:5]:
            print(f"    {s['hate'][i]:.2f}  {texts[i][:120]}")
        if name == "esconv dev seeker posts":
            flagged = [t for t, h in zip(texts, s["hate"], strict=True) if h >= 0.5]
            print("  a random 20 of those read as hate:")
            for t in random.Random(13).sample(flagged, min(20, len(flagged))):
                print(f"    - {t[:120]}")


if __name__ == "__main__":
    main()
