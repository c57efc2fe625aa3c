"""How far each shipped signal can be trusted on text from elsewhere: the lowest AUC it
reached on the held-apart (leave-one-data-set-out) sets of ``training/eval_ood.py``,
read from ``artifacts/ood_metrics.json``. The report says so beside every figure that
rests on a signal below :data:`WEAK_AUC`."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

__all__ = ["HATE_ON_DENIALS", "SCORN_AS_KIND", "WEAK_AUC", "held_apart_auc", "weak_signals"]

#: Below this AUC on data from another source, a signal's figures are called rough.
WEAK_AUC = 0.7
_FILE = Path(__file__).resolve().parent / "artifacts" / "ood_metrics.json"
#: Said wherever the product counts or flags a post read as hateful but not toxic: hate
#: reads many denials of a stereotype as hateful (docs/models/hate.md: 39 of 60 on a set
#: written for review, not taken from a platform; training/variants/2026-12-05o).
HATE_ON_DENIALS = ("the model reads many posts that argue against a stereotype "
                   "(\u201cdisabled people aren\u2019t a burden\u201d) as hateful")

#: Said wherever the product lists a reply, or a person, as kind, and where it says no
#: painful post is waiting (a belittling answer counts as a kind one): the support head
#: reads more than half of such replies as comfort on each of four sets written for review
#: (docs/models/support.md; tests/signals/test_scorn_as_kind.py reads them again).
SCORN_AS_KIND = ("the model reads many replies that belittle someone, or brush their pain "
                 "aside, as kind: more than half of those written to test it")


@lru_cache(maxsize=1)
def held_apart_auc() -> dict[str, float]:
    """Signal -> its lowest AUC on a held-apart set (empty when the file is missing)."""
    try:
        data = json.loads(_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out = {}
    for signal, sets in (data.get("signals") or {}).items():
        aucs = [v["auc"] for v in sets.values() if isinstance(v, dict) and v.get("auc")]
        if aucs:
            out[signal] = round(min(aucs), 3)
    return out


def weak_signals() -> dict[str, float]:
    """The signals below :data:`WEAK_AUC` on data they were not trained on, with that AUC."""
    return {s: a for s, a in held_apart_auc().items() if a < WEAK_AUC}
