"""How often a post reads as both painful and upbeat, and which way its label should go.

    .venv/bin/python training/probe_both_labels.py

The decision rule (``kindscope/store/read_sql.py``, ``LABEL``) labels a post ``distress``
when distress or crisis passes its threshold, whatever upbeat says. This scores the
GoEmotions dev comments (upbeat's own validation split: the source it trains on) with the
shipped model and, for those read as both, counts the comments labelled only painful or only joyful
(``data.PAINFUL`` / ``data.JOYFUL``), and what "painful wins" and "the higher score wins
(crisis always painful)" would pick. Measures; changes nothing.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import JOYFUL, PAINFUL, goemotions  # noqa: E402

from kindscope.signals import THRESHOLDS, score_texts  # noqa: E402


def main() -> None:
    rows = goemotions("dev")
    scores = score_texts([t for t, _, _ in rows], signals=["distress", "crisis", "upbeat"])
    s = scores.to_pydict()
    t = THRESHOLDS
    both, painful = [], 0
    for (_, labels, _), d, c, u in zip(rows, s["distress"], s["crisis"], s["upbeat"],
                                       strict=True):
        pain = d >= t["distress"] or c >= t["crisis"]
        painful += pain
        if pain and u >= t["upbeat"]:
            truth = ("painful" if labels & PAINFUL and not labels & JOYFUL
                     else "joyful" if labels & JOYFUL and not labels & PAINFUL else "other")
            higher = "painful" if c >= t["crisis"] or max(d, c) >= u else "joyful"
            both.append((truth, higher))
    print(f"{len(rows)} comments, {painful} read as painful, {len(both)} as painful and "
          "upbeat")
    truths = Counter(truth for truth, _ in both)
    print("their labels:", dict(truths))
    for rule, pick in (("painful wins", lambda h: "painful"), ("higher wins", lambda h: h)):
        right = sum(1 for truth, h in both if truth != "other" and pick(h) == truth)
        missed = sum(1 for truth, h in both if truth == "painful" and pick(h) != "painful")
        print(f"{rule}: {right} of {truths['painful'] + truths['joyful']} one-sided comments "
              f"right, {missed} painful ones labelled upbeat")


if __name__ == "__main__":
    main()
