"""How often the offensive signal fires on texts of pain and comfort (none of them trains
offensive or the word model), with the model of the checkout it runs in.

    .venv/bin/python training/variants/2026-12-05m/offensive_on_pain.py

Run from the repository root of a checkout (this one, or one of 4d85408 for model
2026.12.14, with this script copied in): it imports ``kindscope`` and ``training`` from the
current directory.
"""

import json
import sys

sys.path.insert(0, ".")
sys.path.insert(0, "training")

from data import goemotions, in_val_fold, sdcnl  # noqa: E402
from eval_ood import PAINFUL  # noqa: E402
from ood_sets import esconv_dev  # noqa: E402

from kindscope.signals.model import MODEL_VERSION, SignalModel  # noqa: E402


def sets() -> dict[str, list[str]]:
    esc = esconv_dev()
    goe = goemotions("dev")
    val = [r for r in sdcnl() if in_val_fold(r["full"])]
    return {
        "esconv dev seeker posts": sorted({post for post, _, _ in esc}),
        "esconv dev supporter replies": [reply for _, _, reply in esc],
        "goemotions dev painful": [t for t, labels, _ in goe if labels & PAINFUL],
        "goemotions dev neutral only": [t for t, labels, _ in goe if labels == {"neutral"}],
        "sdcnl val fold, r/SuicideWatch": [r["full"] for r in val if r["is_suicide"] == "1"],
        "sdcnl val fold, r/depression": [r["full"] for r in val if r["is_suicide"] != "1"],
    }


def main() -> None:
    model = SignalModel()
    out = {"model_version": MODEL_VERSION}
    for name, texts in sets().items():
        p = model.score(texts, None, ("offensive",))["offensive"]
        out[name] = {"n": len(texts), "flagged": int((p >= 0.5).sum()),
                     "rate": round(float((p >= 0.5).mean()), 3)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
