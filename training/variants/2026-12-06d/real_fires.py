"""Plan 20, bar 3: how often the goodbye-note rule fires, and how often the platform rule
drops a farewell rule, on real text (texts only, no model).

    .venv/bin/python training/variants/2026-12-06d/real_fires.py [--show N] [--out FILE]

Sources: `rule_rates.sources()` (training and validation files only) plus TweetEval
sentiment (val; it has no train file here) and emotion (train and val), GoEmotions train,
Unhealthy Comments (val), every EPITOME peer reply and every ESConv supporter turn. "note"
counts texts on which ``finality.is_goodbye_note`` fires where no other risk rule does
(what part A adds); "platform" counts texts whose only risk rules are farewells and on
which ``finality.leaves_platform`` holds (what part B drops). ``--show N`` prints up to N
texts of each per source. The rules' wording was written without reading these sources.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

from data import epitome, esconv_listener_turns, goemotions, tweeteval, unhealthy_comments  # noqa: E402, I001
from rule_rates import sources as rule_sources  # noqa: E402

from kindscope.signals import finality, phrases  # noqa: E402
from kindscope.signals.guards import lowered  # noqa: E402


def sources() -> dict[str, list[str]]:
    out = rule_sources()
    out["TweetEval sentiment val"] = [t for t, _ in tweeteval("sentiment", "val")]
    out["TweetEval emotion train+val"] = [t for s in ("train", "val")
                                          for t, _ in tweeteval("emotion", s)]
    out["GoEmotions train, all"] = [t for t, _, _ in goemotions("train")]
    out["Unhealthy Comments val"] = [t for t, _, _ in unhealthy_comments()]
    out["EPITOME peer replies (all)"] = list(dict.fromkeys(
        r["response_post"] for m in ("er", "ip", "ex") for r in epitome(m)))
    out["ESConv supporter turns (failed)"] = [t for _, _, t in esconv_listener_turns()]
    return out


def kinds(text: str) -> tuple[bool, bool]:
    """(part A adds a risk reading, part B drops one) for one text."""
    low = lowered(text)
    hits = phrases.explain(text)
    note = hits == ["goodbye_note"]
    saved = finality.leaves_platform
    finality.leaves_platform = lambda _low: False
    try:
        before = phrases.explain(text)
    finally:
        finality.leaves_platform = saved
    platform = bool(before) and not hits and finality.leaves_platform(low)
    return note, platform


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    result = {}
    print(f"{'source':42s} {'n':>7s} {'note':>14s} {'platform':>14s}")
    for name, texts in sources().items():
        marks = [kinds(t) for t in texts]
        notes = [t for t, (a, _) in zip(texts, marks, strict=True) if a]
        drops = [t for t, (_, b) in zip(texts, marks, strict=True) if b]
        n = max(1, len(texts))
        result[name] = {"n": len(texts), "note": len(notes), "platform": len(drops)}
        print(f"{name:42s} {len(texts):7d} {len(notes):6d} ({len(notes) / n:6.3%}) "
              f"{len(drops):6d} ({len(drops) / n:6.3%})")
        for label, items in (("note", notes), ("platform", drops)):
            for t in items[: args.show]:
                print(f"    {label}: {' '.join(t.split())[:220]}")
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
