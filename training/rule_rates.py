"""How often each rule layer fires on real text, per source (the model cards' rates).

    .venv/bin/python training/rule_rates.py [--out PATH]

The rule layers over the heads' scores (``kindscope/signals``: ``phrases.explain`` for
crisis, ``mentions.explain_mentions``, ``idioms.explain_idioms`` and the distress-capping
families ``idioms.DISTRESS_FREE``, ``slogans.explain_slogans``, ``wishes`` (death wishes
aimed at someone, reported, or said to oneself), and ``targets.explain_target``,
whose cap on hate applies to personal talk that names no group: "personal, no group" below,
read without the post a text answers) read nothing but the text,
so their firing rate on a labelled source says how often they touch hate, insults, risk or
ordinary talk. **These rates are not held apart**: the rules' wording was checked against
the misfires on these same sources while it was written (2026-12-04). The held-apart effect
of the rules is ``eval_ood.py --without-rules`` and the challenge suite. Only training and
validation files are read (no test split). Writes JSON to ``--out`` when given.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from data import (  # noqa: E402
    DATA,
    PAINFUL,
    counsel_chat,
    davidson,
    dialoconan,
    dreaddit,
    epitome,
    esconv_listener_turns,
    goemotions,
    olid,
    sdcnl,
    toxigen,
    tweeteval,
)

from kindscope.signals.idioms import DISTRESS_FREE, explain_idioms  # noqa: E402
from kindscope.signals.mentions import explain_mentions  # noqa: E402
from kindscope.signals.milestones import explain_milestone  # noqa: E402
from kindscope.signals.phrases import explain  # noqa: E402
from kindscope.signals.slogans import explain_slogans  # noqa: E402
from kindscope.signals.targets import explain_target, is_personal  # noqa: E402
from kindscope.signals.wishes import aimed_wish, reported_wish, self_wish  # noqa: E402

RULES = {
    "crisis phrases": lambda t: bool(explain(t)),
    "text about abuse": lambda t: bool(explain_mentions(t)),
    "idioms (any)": lambda t: bool(explain_idioms(t)),
    "idioms (distress)": lambda t: bool(set(explain_idioms(t)) & set(DISTRESS_FREE)),
    "set phrases": lambda t: bool(explain_slogans(t)),
    "personal, no group": lambda t: is_personal(t) and not explain_target(t),
    "recovery milestones": lambda t: explain_milestone(t) is not None,
    "death wish aimed": aimed_wish,
    "death wish reported": lambda t: reported_wish(t) and not aimed_wish(t),
    "death wish to self": lambda t: self_wish(t) and not aimed_wish(t),
}


def sources() -> dict[str, list[str]]:
    with open(DATA / "conan/Multitarget-CONAN.csv", encoding="utf-8", newline="") as fh:
        conan = list(csv.DictReader(fh))
    dia = dialoconan()
    dav = davidson()
    goe = goemotions("dev")
    out = {
        "Multitarget-CONAN hate speech": [r["HATE_SPEECH"] for r in conan],
        "Multitarget-CONAN counter-narratives": [r["COUNTER_NARRATIVE"] for r in conan],
        "DIALOCONAN hate speech": [t for t, y, _ in dia if y == 1],
        "DIALOCONAN counter-narratives": [t for t, y, _ in dia if y == 0],
        "ToxiGen hateful": [t for t, y, _ in toxigen() if y == 1],
        "Davidson hate": [t for t, y in dav if y == 0],
        "Davidson offensive": [t for t, y in dav if y == 1],
        "OLID targeted insults (TIN)": [r["tweet"] for r in olid() if r["subtask_b"] == "TIN"],
        "Dreaddit stressed posts": [r["text"] for r in dreaddit() if r["label"] == "1"],
        "SDCNL r/SuicideWatch posts": [r["full"] for r in sdcnl() if r["is_suicide"] == "1"],
        "GoEmotions dev, all": [t for t, _, _ in goe],
        "GoEmotions dev, painful": [t for t, labels, _ in goe if labels & PAINFUL],
        "EPITOME peer replies": [r["response_post"] for r in epitome("er")],
        "Counsel Chat answers": [r["answerText"] for r in counsel_chat()],
        "failed ESConv supporter turns": [t for _, _, t in esconv_listener_turns()],
    }
    for split in ("train", "val"):
        hate = tweeteval("hate", split)
        out[f"TweetEval hate {split}, hateful"] = [t for t, y in hate if y == 1]
        out[f"TweetEval hate {split}, not hateful"] = [t for t, y in hate if y == 0]
        out[f"TweetEval offensive {split}, offensive"] = [
            t for t, y in tweeteval("offensive", split) if y == 1]
    return out


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    result = {}
    print(f"{'source':40s} {'n':>6s} " + " ".join(f"{r:>17s}" for r in RULES))
    for name, texts in sources().items():
        counts = {rule: sum(map(fire, texts)) for rule, fire in RULES.items()}
        result[name] = {"n": len(texts), "fired": counts}
        print(f"{name:40s} {len(texts):6d} " + " ".join(
            f"{c:6d} ({c / max(1, len(texts)):6.2%})" for c in counts.values()))
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
