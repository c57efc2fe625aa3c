"""How often the answer rule (``signals/answers.py``) fires on real replies, per source.

    .venv/bin/python training/variants/2026-12-05g/answer_rates.py [--show N]

Each reply is read with the post it answers: the seekers' turns of ESConv's failed dialogues
(each after the supporter's turn before it) and their supporters' turns (after the seeker's),
EPITOME's peer replies (after the seeker's post), Counsel Chat's answers (train and val rows,
after the question), DIALOCONAN's turns (after the turn before) and RumourEval's tweet
replies (after their parent). ``--show N`` prints up to N replies it fires on per source.
Not held apart from the rule's wording in the sense that its misfires here would be read;
none of these texts was read before the rule was written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "training"))


def pairs() -> dict[str, list[tuple[str, str]]]:
    from data import counsel_chat, dialoconan, epitome, esconv_failed_dialogs, rumoureval_replies

    seekers, supporters = [], []
    for _, turns in esconv_failed_dialogs():
        for before, turn in zip(turns, turns[1:], strict=False):
            (seekers if turn[0] == "seeker" else supporters).append((before[2], turn[2]))
    epi = {(r["seeker_post"], r["response_post"]) for m in ("er", "ip", "ex") for r in epitome(m)}
    counsel = {(r["questionText"].strip(), r["answerText"].strip()) for r in counsel_chat()}
    dialogues: dict[str, list[str]] = {}
    for text, _, key in dialoconan():
        dialogues.setdefault(key, []).append(text)
    dialo = [(a, b) for turns in dialogues.values() for a, b in zip(turns, turns[1:], strict=False)]
    return {
        "ESConv seeker turns": seekers,
        "ESConv supporter turns": supporters,
        "EPITOME peer replies": sorted(epi),
        "Counsel Chat answers": sorted(counsel),
        "DIALOCONAN turns": dialo,
        "RumourEval replies": [(p, r) for _, p, r in rumoureval_replies()],
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args(argv)
    from kindscope.signals.answers import answered_risk

    out = {}
    for name, rows in pairs().items():
        hits = [(c, t) for c, t in rows if answered_risk(t, c)]
        out[name] = {"n": len(rows), "fired": len(hits)}
        print(f"{name:24s} {len(rows):6d} {len(hits):4d}")
        for c, t in hits[:args.show]:
            print(f"    {c[-90:]!r}\n      -> {t[:110]!r}")
    return out


if __name__ == "__main__":
    main()
