"""Where crisis flags on supporters come from: the phrase layer or the head.

    .venv/bin/python training/variants/2026-12-04b/crisis_on_peers.py

For each source of crisis's held-apart validation fold (``splits.crisis``), the share
flagged at 0.5 through ``SignalModel.score`` (phrase layer and guards included) and the
share on which a phrase-layer risk rule fires; then, over every EPITOME reply and every
SDCNL post, how often a "long ago" marker ("years ago", "back then", "I survived") appears
with no marker of now ("again", "tonight", "want to"): the texts a past-tense exemption of
the phrase layer would touch.
"""

import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

from data import epitome, sdcnl  # noqa: E402
from splits import crisis  # noqa: E402

from kindscope.signals.model import SignalModel  # noqa: E402
from kindscope.signals.phrases import explain  # noqa: E402

PAST = re.compile(
    r"\b(?:years? ago|months ago|last year|few years back|back then|back in|when i was "
    r"(?:younger|a teen|a teenager|a kid|little|in (?:school|college|high school|uni))|used to|"
    r"in (?:19|20)\d\d|at my (?:worst|lowest)|i was once|i've been there|ive been there|"
    r"been there|i survived|survivor|glad i didn't|glad i didnt|glad i'm still here|still here)\b"
)
NOW = re.compile(
    r"\b(?:again|now|right now|tonight|today|these days|lately|currently|still (?:want|think|"
    r"feel|have)|anymore|any more|can't (?:go on|do this|take)|cant (?:go on|do this|take)|"
    r"want to|wanna|going to|gonna|plan|planning|every day|everyday)\b"
)


def long_ago(text: str) -> bool:
    low = text.lower().replace("’", "'")
    return bool(PAST.search(low)) and not NOW.search(low)


def main() -> None:
    _, val = crisis()
    model = SignalModel()
    for source in sorted({e.source for e in val}):
        texts = [e.text for e in val if e.source == source]
        flagged = model.score(texts, None, ("crisis",))["crisis"] >= 0.5
        rules = [explain(t) for t in texts]
        fired = np.array([bool(r) for r in rules])
        common = Counter(x for r in rules for x in r).most_common(4)
        print(f"{source:22s} n {len(texts):5d} flagged {flagged.mean():.4f}  "
              f"phrase rule fired {fired.mean():.4f}  flagged by the head alone "
              f"{np.mean(flagged & ~fired):.4f}  {common}")
    for name, texts in (("epitome replies", [r["response_post"] for r in epitome("er")]),
                        ("sdcnl suicide", [r["full"] for r in sdcnl() if r["is_suicide"] == "1"])):
        past = np.array([long_ago(t) for t in texts])
        fired = np.array([bool(explain(t)) for t in texts])
        print(f"{name:22s} n {len(texts):5d} long-ago {past.mean():.4f}  phrase rule fired "
              f"{fired.mean():.4f}  both {np.mean(past & fired):.4f}")


if __name__ == "__main__":
    main()
