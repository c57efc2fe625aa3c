"""Time of the rule layers over the heads' scores, on the bench_signals.py mix.

    .venv/bin/python benchmarks/bench_rules.py [--rows 3000] [--rounds 5]

Builds the same 3,000-row mix as ``bench_signals.py`` and ``bench_score_ab.py`` (two thirds
tweets, one third long Reddit posts, seed 7) and runs the rule layers as
``SignalModel.score`` does after the heads: each text is read once for the idiom families,
text about abuse and set phrases, then the crisis phrase layer, the toxicity guards and the
caps and floors are applied; hate's cap for text naming no group reads the texts without
contexts (a reply's context is read only where the text names no group). Best of
``--rounds`` runs per step and for the whole; prints seconds and how many texts each step
changes (scores of 0.9 in, so a cap shows; 0.2 for
set phrases, which raise). The first step is not a rule: offensive's word model
(``profanity.Profanity``, since model 2026.12.15), read before the heads' stacker.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from bench_signals import mix  # noqa: E402

from kindscope.signals.answers import answer_mask  # noqa: E402
from kindscope.signals.guards import adjust_toxicity  # noqa: E402
from kindscope.signals.idioms import DISTRESS_FREE, adjust_idioms, explain_idioms  # noqa: E402
from kindscope.signals.mentions import adjust_mentions, mention_mask  # noqa: E402
from kindscope.signals.milestones import adjust_milestones, milestone_mask  # noqa: E402
from kindscope.signals.model import ARTIFACTS  # noqa: E402
from kindscope.signals.phrases import adjust_crisis  # noqa: E402
from kindscope.signals.profanity import Profanity  # noqa: E402
from kindscope.signals.slogans import adjust_slogans, slogan_mask  # noqa: E402
from kindscope.signals.targets import adjust_targets, target_mask  # noqa: E402
from kindscope.signals.wishes import adjust_wishes, wish_masks  # noqa: E402


def steps(texts: list[str]) -> dict:
    """The steps in ``SignalModel.score``'s order; each takes what earlier steps read."""
    high, low = np.full(len(texts), 0.9), np.full(len(texts), 0.2)
    read: dict = {}
    words = Profanity(ARTIFACTS / "profanity.npz")
    return {
        "read words for offensive (profanity.Profanity.logits)":
            lambda: read.__setitem__("words", words.logits(texts)),
        "read idiom families (idioms.explain_idioms)":
            lambda: read.__setitem__("idioms", [explain_idioms(t) for t in texts]),
        "read text about abuse (mentions.mention_mask)":
            lambda: read.__setitem__("mentions", mention_mask(texts)),
        "read set phrases (slogans.slogan_mask)":
            lambda: read.__setitem__("slogans", slogan_mask(texts)),
        "phrases.adjust_crisis": lambda: adjust_crisis(texts, high, read["idioms"]),
        "guards.adjust_toxicity": lambda: adjust_toxicity(texts, high),
        "read groups named (targets.target_mask, no contexts)":
            lambda: read.__setitem__("targets", target_mask(texts)),
        "targets.adjust_targets (hate)": lambda: adjust_targets(texts, high, read["targets"]),
        "mentions.adjust_mentions (toxicity, hate)":
            lambda: adjust_mentions(texts, high, read["mentions"]),
        "idioms.adjust_idioms (offensive)":
            lambda: adjust_idioms(texts, high, found=read["idioms"]),
        "idioms.adjust_idioms (distress)":
            lambda: adjust_idioms(texts, high, DISTRESS_FREE, read["idioms"]),
        "slogans.adjust_slogans (hate)": lambda: adjust_slogans(texts, low, read["slogans"]),
        "read recovery milestones (milestones.milestone_mask)":
            lambda: read.__setitem__("milestones", milestone_mask(texts)),
        "milestones.adjust_milestones (upbeat)":
            lambda: adjust_milestones("upbeat", texts, low, read["milestones"]),
        "read answers to risk questions (answers.answer_mask; context: the row before)":
            lambda: read.__setitem__("answers", answer_mask(texts, ["", *texts[:-1]])),
        "read death wishes (wishes.wish_masks)":
            lambda: read.__setitem__("wishes", wish_masks(texts)),
        "wishes.adjust_wishes (toxicity)":
            lambda: adjust_wishes("toxicity", low, read["wishes"], low),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts, _ = mix(args.rows)
    times: dict[str, list[float]] = {}
    changed: dict[str, int] = {}
    totals = []
    for _ in range(args.rounds):
        t_round = time.perf_counter()
        for name, step in steps(texts).items():
            t0 = time.perf_counter()
            result = step()
            times.setdefault(name, []).append(time.perf_counter() - t0)
            if isinstance(result, np.ndarray):
                start = 0.2 if name.startswith(("slogans", "milestones", "wishes")) else 0.9
                changed[name] = int((result != start).sum())
        totals.append(time.perf_counter() - t_round)
    out = {"texts": len(texts),
           "steps": {name: {"seconds_best": round(min(t), 4),
                            **({"texts_changed": changed[name]} if name in changed else {})}
                     for name, t in times.items()},
           "seconds_total_best": round(min(totals), 4)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
