"""Where the crisis phrase layer's ``passive`` rule fires on real text, per source.

    .venv/bin/python training/variants/2026-12-05j/passive_rates.py [N]

For every source of ``training/rule_rates.py`` (training and validation files only), how many
texts ``passive`` fires on, how many only it fires on (no other risk rule), and the first N
(default 5) of those with the words around the match. Not held apart: the rule's everyday
exclusions were written with these sources at hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

import rule_rates  # noqa: E402

from kindscope.signals import phrases  # noqa: E402
from kindscope.signals.guards import lowered  # noqa: E402
from kindscope.signals.passive import WISHES, passive_wish  # noqa: E402


def main(argv=None) -> dict:
    argv = sys.argv[1:] if argv is None else argv
    show = int(argv[0]) if argv else 5
    out = {}
    for name, texts in rule_rates.sources().items():
        hits = [t for t in texts if "passive" in phrases.explain(t)]
        only = [t for t in hits if phrases.explain(t) == ["passive"]]
        out[name] = {"n": len(texts), "passive": len(hits), "only_passive": len(only)}
        print(f"{name}: n={len(texts)} passive={len(hits)} only={len(only)}")
        for text in only[:show]:
            low = lowered(text)
            m = next(x for x in WISHES.finditer(low) if passive_wish(low[: x.end() + 240]))
            print("   ", repr(low[max(0, m.start() - 100) : m.end() + 60]))
    return out


if __name__ == "__main__":
    main()
