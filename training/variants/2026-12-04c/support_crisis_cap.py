"""Support capped for texts read as in crisis or in distress: measured and left out.

    .venv/bin/python training/variants/2026-12-04c/support_crisis_cap.py

A first-person goodbye note reads as support 0.91 at model 2026.12.10 ("Goodbye everyone. I
love you all. I'm sorry it had to end this way."): support is "a reply that comforts", and a
post in crisis is not one. Caps fixed before any figure was read: support at 0.3 where crisis
>= 0.5, where distress >= 0.5, or either. Scored on ESConv dev's comforting replies against
the painful posts they answer (the support row of eval_ood.py) and Counsel Chat's held-apart
fold.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from eval_ood import COMFORT, binary, counsel_pairs, esconv_dev  # noqa: E402

from kindscope.signals.guards import GUARD_CAP  # noqa: E402
from kindscope.signals.model import SignalModel  # noqa: E402

SIGNALS = ("support", "distress", "crisis")


def capped(scores: dict, variant: str) -> np.ndarray:
    flag = {"none": np.zeros(len(scores["support"]), dtype=bool),
            "crisis": scores["crisis"] >= 0.5,
            "distress": scores["distress"] >= 0.5,
            "either": (scores["crisis"] >= 0.5) | (scores["distress"] >= 0.5)}[variant]
    out = scores["support"].copy()
    out[flag] = np.minimum(out[flag], GUARD_CAP)
    return out


def main() -> None:
    model = SignalModel()
    sets = {"esconv dev": [(p, r) for p, s, r in esconv_dev() if s in COMFORT],
            "counsel chat": counsel_pairs()}
    for name, rows in sets.items():
        posts = list(dict.fromkeys(p for p, _ in rows))
        on_posts = model.score(posts, None, SIGNALS)
        on_replies = model.score([r for _, r in rows], [p for p, _ in rows], SIGNALS)
        for variant in ("none", "crisis", "distress", "either"):
            pp, pr = capped(on_posts, variant), capped(on_replies, variant)
            r = binary(np.r_[np.ones(len(pr)), np.zeros(len(pp))], np.r_[pr, pp], 0.5)
            print(f"{name:13s} cap where {variant:9s} pair AUC {r['auc']:.4f}  macro-F1 "
                  f"{r['macro_f1']:.4f}  replies flagged {np.mean(pr >= 0.5):.4f}  posts "
                  f"flagged {np.mean(pp >= 0.5):.4f}")


if __name__ == "__main__":
    main()
