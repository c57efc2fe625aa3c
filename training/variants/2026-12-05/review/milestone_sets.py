"""Score the three milestone review sets (sentences sub-agents wrote on 2026-12-05 to break
``kindscope/signals/milestones.py``, each frozen by its sha256 before any model read it)
with the rule on and off.

    .venv/bin/python training/variants/2026-12-05/review/milestone_sets.py [1 2 3]

Per set and kind (milestone, trap_risk, trap_other): expectations met at 0.5 with the rule
off and on (upbeat, distress, crisis and all three), texts the rule fires on; then every
text whose expected distress or crisis the rule lowered under 0.5, and every trap it fires
on. Set 1 was written against the first version (which let the model read the rest of the
text); sets 2 and 3 against the shipped closed list, 3 after the last change.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))

import kindscope.signals.model as signal_model  # noqa: E402
from kindscope.signals.milestones import explain_milestone  # noqa: E402

SIGNALS = ("upbeat", "distress", "crisis")
KINDS = ("milestone", "trap_risk", "trap_other")


def load(n: str) -> list[dict]:
    blob = (HERE / f"milestones_{n}.json").read_bytes()
    if hashlib.sha256(blob).hexdigest() != (HERE / f"milestones_{n}.sha256").read_text().split()[0]:
        sys.exit(f"milestones_{n}.json changed since it was frozen")
    return json.loads(blob)


def met(scores: dict, i: int, expect: dict, signal: str | None = None) -> bool:
    names = [signal] if signal else list(expect)
    return all((scores[s][i] >= 0.5) == expect[s] for s in names if s in expect)


def main() -> None:
    sets = sys.argv[1:] or ["1", "2", "3"]
    model = signal_model.SignalModel()
    mask = signal_model.milestone_mask
    for n in sets:
        items = load(n)
        texts = [x["text"] for x in items]
        on = model.score(texts, None, SIGNALS)
        signal_model.milestone_mask = lambda t: np.zeros(len(t), dtype=bool)
        off = model.score(texts, None, SIGNALS)
        signal_model.milestone_mask = mask
        fired = [explain_milestone(t) is not None for t in texts]
        print(f"== set {n} ({len(items)} texts): met at 0.5, rule off -> on")
        for kind in KINDS:
            idx = [i for i, x in enumerate(items) if x["kind"] == kind]
            parts = []
            for s in (*SIGNALS, None):
                rows = [i for i in idx if s is None or s in items[i]["expect"]]
                a = sum(met(off, i, items[i]["expect"], s) for i in rows)
                b = sum(met(on, i, items[i]["expect"], s) for i in rows)
                parts.append(f"{s or 'all'} {a}->{b}/{len(rows)}")
            print(f"  {kind:10s} " + "  ".join(parts) + f"  fired {sum(fired[i] for i in idx)}")
        for i, x in enumerate(items):
            for s in ("distress", "crisis"):
                if x["expect"].get(s) and off[s][i] >= 0.5 > on[s][i]:
                    print(f"  LOWERED {s}: {x['id']} {x['text']}")
            if x["kind"] != "milestone" and fired[i]:
                print(f"  FIRED ON TRAP: {x['id']} {x['text']}")


if __name__ == "__main__":
    main()
