"""Firing rates of the left-out put-down rules (putdowns.py here) on training sources.

    .venv/bin/python training/variants/2026-12-04c/putdowns_rates.py [SOURCE ...]

Each SOURCE named also prints up to 40 of the texts a rule fires on.
"""

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from data import (  # noqa: E402
    counsel_chat,
    dreaddit,
    epitome,
    esconv_failed_dialogs,
    esconv_listener_turns,
    goemotions,
    norm,
    olid,
    tweeteval,
)
from putdowns import explain_putdowns  # noqa: E402


def sources() -> dict[str, list[str]]:
    val_keys = {norm(t) for t, _ in tweeteval("offensive", "val")}
    rows = [(r["tweet"], r["subtask_b"] == "TIN") for r in olid()
            if norm(r["tweet"].replace("@USER", "@user")) not in val_keys]
    ep = epitome("er")
    goe = goemotions("train")
    return {
        "OLID train TIN": [t for t, y in rows if y],
        "OLID train not TIN": [t for t, y in rows if not y],
        "ESConv failed seekers": [t for _, turns in esconv_failed_dialogs()
                                  for s, _, t in turns if s == "seeker"],
        "ESConv failed supporters": [t for _, _, t in esconv_listener_turns()],
        "EPITOME seekers": sorted({r["seeker_post"] for r in ep}),
        "EPITOME replies": sorted({r["response_post"] for r in ep}),
        "Dreaddit": [r["text"] for r in dreaddit()],
        "Counsel Chat answers": [r["answerText"] for r in counsel_chat()],
        "GoEmotions train": [t for t, _, _ in goe],
        "GoEmotions train annoyance/disapproval/anger": [
            t for t, labels, _ in goe if labels & {"annoyance", "disapproval", "anger"}],
    }


def main() -> None:
    show = set(sys.argv[1:])
    for name, texts in sources().items():
        hits = [(t, explain_putdowns(t)) for t in texts]
        hits = [(t, h) for t, h in hits if h]
        print(f"{name:45s} n={len(texts):6d} fired {len(hits):4d} ({len(hits) / len(texts):.3%})")
        if name in show:
            random.Random(0).shuffle(hits)
            for text, rules in hits[:40]:
                print("    ", rules, text[:160].replace("\n", " "))


if __name__ == "__main__":
    main()
