"""Crisis flags on supporters' and at-risk people's real posts, and who decides them.

    .venv/bin/python training/variants/2026-12-05e/crisis_on_supporters.py [--repo DIR]

For every text of five sources (every EPITOME peer reply, every Counsel Chat answer of the
train and val rows, every ESConv supporter turn of the failed dialogues and of dev, every
SDCNL post from r/SuicideWatch and from r/depression), the share that ``SignalModel.score``
reads as crisis at 0.5, the share on which a risk rule of the phrase layer fires
(``phrases.explain``), and how many of the flagged texts only the rule flags (the head alone
reads them under 0.5). ``--repo`` imports ``kindscope`` from another checkout (``git worktree
add --detach DIR 5edeef6`` for the phrase layer before ``owners.py``, which 3727548 added and
bcb07ab removed). Not held apart: the
EPITOME, Counsel Chat and SDCNL texts include the crisis head's training rows, and the
owners rules were checked against the misfires listed here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def sources() -> dict[str, list[str]]:
    from data import counsel_chat, epitome, esconv_listener_turns, sdcnl
    from ood_sets import esconv_dev

    def unique(texts) -> list[str]:
        return list(dict.fromkeys(t for t in texts if t))

    posts = sdcnl()
    return {
        "EPITOME peer replies": unique(r["response_post"] for m in ("er", "ip", "ex")
                                       for r in epitome(m)),
        "Counsel Chat answers": unique(r["answerText"].strip() for r in counsel_chat()),
        "ESConv supporter turns": unique([t for _, _, t in esconv_listener_turns()]
                                         + [t for _, _, t in esconv_dev()]),
        "SDCNL r/SuicideWatch posts": unique(r["full"] for r in posts if r["is_suicide"] == "1"),
        "SDCNL r/depression posts": unique(r["full"] for r in posts if r["is_suicide"] == "0"),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.repo.resolve()))
    sys.path.insert(1, str(ROOT / "training"))
    from kindscope.signals import MODEL_VERSION, phrases
    from kindscope.signals.model import SignalModel

    model = SignalModel()
    rules = dict(phrases.RISK_RULES)
    out = {"model_version": MODEL_VERSION, "sources": {}}
    print(f"{MODEL_VERSION} ({phrases.__file__})")
    print(f"{'source':28s} {'n':>5s} {'flagged':>8s} {'rule fires':>10s} {'only the rule':>13s}")
    for name, texts in sources().items():
        full = model.score(texts, None, ("crisis",))["crisis"] >= 0.5
        phrases.RISK_RULES.clear()
        try:
            bare = model.score(texts, None, ("crisis",))["crisis"] >= 0.5
        finally:
            phrases.RISK_RULES.update(rules)
        fires = sum(bool(phrases.explain(t)) for t in texts)
        only = int((full & ~bare).sum())
        out["sources"][name] = {"n": len(texts), "flagged": int(full.sum()),
                                "rule_fires": fires, "only_the_rule": only}
        print(f"{name:28s} {len(texts):5d} {int(full.sum()):8d} {fires:10d} {only:13d}")
    return out


if __name__ == "__main__":
    main()
