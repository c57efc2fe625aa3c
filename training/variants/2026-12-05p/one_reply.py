"""What one reply read as hostile says about its author, on sets from outside the training
data (each says how far outside).

    .venv/bin/python training/variants/2026-12-05p/one_reply.py

The read model calls an account hostile when more than half of its read posts aimed at the
owner are toxic or hateful (``store/read_sql.py``). With one post, one reading decides, and
the care queue then leaves that person out. This prints, per set, how often a single post
reads as toxic, as hateful but not toxic ("hate only"), or as neither, at the shipped
thresholds, with the model of the checkout it runs in:

- Multitarget-CONAN, the sample ``eval_ood.py`` scores (a sister set of DIALOCONAN, which hate
  trains on: a new data set, not a new source; written by NGO operators, not taken from a
  platform): each hate speech as a reply aimed at someone, and
  each counter-narrative as a reply to the hate speech it answers;
- the Unhealthy Comments ``val.csv`` (real newspaper comments; no signal trains on it):
  hostile or antagonising comments against healthy ones (``ood_sets.unhealthy``);
- ESConv dev (no hate or toxicity training source): supporters' replies to the painful turn
  they answer, the kind of reply a friend sends.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, ".")
sys.path.insert(0, str(HERE.parent.parent))

from ood_sets import conan, esconv_dev, unhealthy  # noqa: E402

from kindscope.signals import score_texts  # noqa: E402
from kindscope.store.read import decision_thresholds  # noqa: E402


def readings(texts: list[str], contexts: list[str | None]) -> dict[str, int]:
    table = score_texts(texts, contexts, signals=["toxicity", "hate"])
    th = decision_thresholds()
    toxic = table["toxicity"].to_numpy() >= th["toxicity"]
    hate = table["hate"].to_numpy() >= th["hate"]
    return {"n": len(texts), "toxic": int(toxic.sum()), "hate only": int((hate & ~toxic).sum()),
            "neither": int((~hate & ~toxic).sum())}


def main() -> None:
    rows = conan()
    pairs = {}
    for text, label, _ in rows:
        pairs.setdefault(label, []).append(text)
    # the sample keeps pairs in order (hate speech, then its counter-narrative)
    hs_of = {}
    last_hs = None
    for text, label, _ in rows:
        if label == 1:
            last_hs = text
        else:
            hs_of[text] = last_hs
    tox = unhealthy()
    esc = esconv_dev()
    sets = {
        "CONAN hate speech, as a reply": (pairs[1], [None] * len(pairs[1])),
        "CONAN counter-narratives, replying to the hate": (pairs[0], [hs_of[t] for t in pairs[0]]),
        "Unhealthy Comments, hostile or antagonising": ([t for t, y in tox if y == 1], None),
        "Unhealthy Comments, healthy": ([t for t, y in tox if y == 0], None),
        "ESConv dev supporters' replies": ([r for _, _, r in esc], [p for p, _, _ in esc]),
    }
    print("| set | posts | toxic | hate only | neither |")
    print("|---|---:|---:|---:|---:|")
    for name, (texts, contexts) in sets.items():
        r = readings(texts, contexts if contexts is not None else [None] * len(texts))
        pct = {k: f"{r[k]} ({100 * r[k] / r['n']:.1f}%)" for k in ("toxic", "hate only", "neither")}
        print(f"| {name} | {r['n']} | {pct['toxic']} | {pct['hate only']} | {pct['neither']} |")


if __name__ == "__main__":
    main()
