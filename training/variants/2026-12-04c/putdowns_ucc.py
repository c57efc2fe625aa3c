"""The left-out put-down floor for toxicity (putdowns.py here) on the held-apart Unhealthy
Comments: the shipped model's toxicity, then the same with the floor applied after it (the
floor is the last step on toxicity, so this is what wiring it into SignalModel.score gives).

    .venv/bin/python training/variants/2026-12-04c/putdowns_ucc.py
"""

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402
from data import unhealthy_comments  # noqa: E402
from eval_ood import binary  # noqa: E402
from putdowns import adjust_putdowns, explain_putdowns  # noqa: E402

from kindscope.signals.model import SignalModel  # noqa: E402


def main() -> None:
    rows = unhealthy_comments()
    texts, y = [t for t, _, _ in rows], np.array([label for _, label, _ in rows])
    tox = SignalModel().score(texts, None, ("toxicity",))["toxicity"]
    raised = adjust_putdowns(texts, tox)
    for name, p in (("shipped", tox), ("with the put-down floor", raised)):
        r = binary(y, p, 0.5)
        print(f"{name:25s} AUC {r['auc']:.4f}  macro-F1 {r['macro_f1']:.4f}  F1 {r['f1']:.4f}")
    fired = Counter((int(label), tuple(explain_putdowns(t)))
                    for t, label in zip(texts, y, strict=True) if explain_putdowns(t))
    print("fired (label, rules):", dict(fired))


if __name__ == "__main__":
    main()
