"""Out-of-distribution figures with support also capped for replies read as hateful.

    .venv/bin/python training/variants/2026-12-04b/support_hate_cap.py OUT.json

The shipped model caps support (and its mechanisms) for replies read as toxic
(``guards.adjust_support``) and for set phrases (``slogans.py``). This runs
``eval_ood.py`` with replies read as hateful (hate >= 0.5, after its rule layers) capped
too, to show what that cap would cost (the ESConv comfort pair AUC) and gain (hostile
comments read as support).
"""

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

import eval_ood  # noqa: E402

import kindscope.signals.model as signal_model  # noqa: E402
from kindscope.signals.guards import adjust_support  # noqa: E402


def main() -> None:
    model = signal_model.get_model()
    score = model.score

    def score_with_hate_cap(texts, contexts, signals, batch_size=64):
        wanted = tuple(dict.fromkeys((*signals, "hate")))
        out = score(texts, contexts, wanted, batch_size)
        for s in ("support", "support_er", "support_ip", "support_ex"):
            if s in out:
                out[s] = adjust_support(out[s], np.zeros(len(texts)), out["hate"] >= 0.5)
        return {s: out[s] for s in signals}

    model.score = score_with_hate_cap
    eval_ood.main(["--out", sys.argv[1]])


if __name__ == "__main__":
    main()
