"""How often the offensive signal fires on texts of pain and comfort (none of them trains
offensive or the word model), with the model of the checkout it runs in.

    .venv/bin/python training/variants/2026-12-05m/offensive_on_pain.py [--save FILE]
        [--against FILE]

Run from the repository root of a checkout (this one, or one of 4d85408 for model
2026.12.14, with this script copied in): it imports ``kindscope`` and ``training`` from the
current directory. ``--save`` writes each post's flag; ``--against`` a file saved so by
another checkout adds how many posts each set newly flags and no longer flags (a net count
hides churn).
"""

import argparse
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", help="write each post's flag (0/1) per set to this file")
    parser.add_argument("--against", help="flags saved by another checkout, to compare")
    args = parser.parse_args()
    before = json.loads(open(args.against).read()) if args.against else None
    model = SignalModel()
    out, flags = {"model_version": MODEL_VERSION}, {"model_version": MODEL_VERSION}
    for name, texts in sets().items():
        p = model.score(texts, None, ("offensive",))["offensive"]
        flags[name] = [int(x >= 0.5) for x in p]
        out[name] = {"n": len(texts), "flagged": int((p >= 0.5).sum()),
                     "rate": round(float((p >= 0.5).mean()), 3)}
        if before is not None:
            pairs = list(zip(before[name], flags[name], strict=True))
            out[name]["newly_flagged"] = sum(1 for a, b in pairs if b and not a)
            out[name]["no_longer_flagged"] = sum(1 for a, b in pairs if a and not b)
    if before is not None:
        out["compared_with"] = before["model_version"]
    if args.save:
        with open(args.save, "w") as fh:
            json.dump(flags, fh)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
