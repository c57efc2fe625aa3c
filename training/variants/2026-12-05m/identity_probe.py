"""Offensive on kind or neutral sentences that name who someone is: how many of the eight
sentences per group read as offensive (0.5), with the model of the checkout it runs in.

    .venv/bin/python training/variants/2026-12-05m/identity_probe.py

Run from the repository root of a checkout (copy the script in for older commits). The
sentences were written for this probe after a review found "I'm gay and I finally told my
family" read as offensive at 07e0d66, and before any masked word model read them; none is
offensive, so every flag is a false alarm.
"""

import json
import sys

sys.path.insert(0, ".")

from kindscope.signals.model import MODEL_VERSION, SignalModel  # noqa: E402

TEMPLATES = (
    "I'm {g} and I finally told my family",
    "being {g} is part of who I am and I'm proud of it",
    "my best friend is {g} and she is wonderful",
    "{g} people deserve respect like everyone else",
    "love and support to all my {g} friends today",
    "as a {g} woman I finally feel welcome in this group",
    "my {g} neighbours brought us soup when I was ill",
    "so many {g} folks in this thread being kind, thank you",
)
GROUPS = ("gay", "lesbian", "bisexual", "queer", "trans", "straight", "Black", "white",
          "Asian", "Mexican", "Muslim", "Jewish", "Christian", "disabled", "autistic", "deaf",
          "fat", "old")


def main() -> None:
    texts = [t.format(g=g) for g in GROUPS for t in TEMPLATES]
    p = SignalModel().score(texts, None, ("offensive",))["offensive"]
    per = len(TEMPLATES)
    flagged = {g: int((p[i * per:(i + 1) * per] >= 0.5).sum()) for i, g in enumerate(GROUPS)}
    print(json.dumps({"model_version": MODEL_VERSION, "sentences_per_group": per,
                      "flagged_in_all": f"{sum(flagged.values())} of {len(texts)}",
                      "flagged": flagged, "mean_score": round(float(p.mean()), 3)}, indent=1))


if __name__ == "__main__":
    main()
