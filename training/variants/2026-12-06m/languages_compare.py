"""Plan 32: the shipped language rule and the candidate, side by side (README.md here).

    .venv/bin/python training/variants/2026-12-06m/languages_compare.py [--set PATH]

Every text is detected once (``language.detect``); both rules are thresholds on the same
detection (best guess, its probability, letters, Latin letters), so both are read from it:

- shipped (model 2026.12.21, written out here, as ``detect`` now applies the candidate):
  another language when the script is not Latin, or on at least 15 letters at probability
  0.8 or more;
- candidate: the same, and also at probability 0.5 or more where the best guess is one of
  ``LOWER_CUT``.

Prints, for the held-apart English sets, the share each rule calls not English, and for the
frozen review set (refused if its hash differs) the rows of each group read as another
language. No test split is read.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from kindscope.signals import language
from kindscope.signals.language import detect

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import read_frozen  # noqa: E402

DATA = Path(__file__).resolve().parents[4] / "shared" / "data"
SET = HERE / "review" / "languages.jsonl"
#: the candidate's languages and cut, as pre-registered
LOWER_CUT = frozenset({"ca", "cs", "da", "de", "es", "fi", "fr", "hu", "it", "nl", "no",
                       "pl", "pt", "ro", "sv", "tr"})
LOWER_PROBABILITY = 0.5
csv.field_size_limit(sys.maxsize)


def shipped_other(d) -> bool:
    """The rule of model 2026.12.21, written out (``detect`` now applies the candidate, so
    reading ``d.lang`` would compare the candidate with itself): another script, or a
    confident guess at 0.8 on enough letters."""
    other_script = d.letters - d.latin >= max(language.MIN_SCRIPT_LETTERS, d.latin)
    return other_script or (d.letters >= language.MIN_LETTERS and d.probability >= 0.8
                            and d.best != "en")


def candidate_other(d) -> bool:
    if shipped_other(d):
        return True
    return (d.letters >= language.MIN_LETTERS and d.best in LOWER_CUT
            and d.probability >= LOWER_PROBABILITY)


def _csv(path: Path, *columns: str, **kw) -> list[str]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, **kw)
    return [t for c in columns for t in frame[c].tolist() if t.strip()]


def english_sets() -> dict[str, list[str]]:
    """The English texts of the held-apart sets (README: none of them a test split)."""
    counsel = pd.read_csv(DATA / "counsel-chat/data/20200325_counsel_chat.csv", dtype=str,
                          keep_default_na=False)
    counsel = counsel[counsel["split"] != "test"]
    rumours = json.loads((DATA / "rumoureval2017-threads/traindev/posts.json").read_text())
    esconv = []
    for line in (DATA / "esconv/codes/dataset/devWithStrategy_short.tsv").read_text(
            encoding="utf-8").splitlines():
        first = line.split(" EOS ")[0].split(" ", 3)
        if len(first) == 4:
            esconv.append(first[3].strip())
    toxigen = [t for p in sorted((DATA / "toxigen-demonstrations").glob("*/*.txt"))
               for t in p.read_text(encoding="utf-8").splitlines() if t.strip()]
    olid = _csv(DATA / "olid/olid-training-v1.0.tsv", "tweet", sep="\t", quoting=3)
    return {
        "dreaddit train": _csv(DATA / "dreaddit/dreaddit-train.csv", "text"),
        "counsel-chat (not test)": [t for c in ("questionText", "answerText")
                                    for t in counsel[c].tolist() if t.strip()],
        "SDCNL training": _csv(DATA / "sdcnl/data/training-set.csv", "title", "selftext"),
        "ESConv dev (first turns)": sorted(set(esconv)),
        "EPITOME": [t for name in ("emotional-reactions", "explorations", "interpretations")
                    for t in _csv(DATA / f"epitome/{name}-reddit.csv", "seeker_post",
                                  "response_post")],
        "OLID training": olid,
        "Davidson": _csv(DATA / "davidson-hate-offensive/data/labeled_data.csv", "tweet"),
        "Unhealthy Conversations val": _csv(DATA / "unhealthy-conversations/val.csv", "comment"),
        "CONAN": _csv(DATA / "conan/Multitarget-CONAN.csv", "HATE_SPEECH", "COUNTER_NARRATIVE")
        + _csv(DATA / "conan/DIALOCONAN.csv", "text"),
        "RumourEval threads": [p["text"] for p in rumours.values() if p.get("text")],
        "ToxiGen demonstrations": toxigen,
    }




def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, default=SET)
    args = ap.parse_args()
    print("| English set (held apart) | n | shipped: not English | candidate: not English | "
          "candidate's extra, as |")
    print("|---|---:|---:|---:|---|")
    totals = [0, 0, 0]
    for name, texts in english_sets().items():
        found = [detect(t) for t in texts]
        old = sum(shipped_other(d) for d in found)
        new = sum(candidate_other(d) for d in found)
        extra = Counter(d.best for d in found if candidate_other(d) and not shipped_other(d))
        totals = [totals[0] + len(texts), totals[1] + old, totals[2] + new]
        print(f"| {name} | {len(texts):,} | {old / len(texts):.4f} ({old}) | "
              f"{new / len(texts):.4f} ({new}) | "
              f"{', '.join(f'{k} {v}' for k, v in extra.most_common()) or '-'} |")
    n, old, new = totals
    print(f"| **all** | {n:,} | {old / n:.4f} ({old}) | {new / n:.4f} ({new}) | "
          f"rise {(new - old) / n:+.4f} |")
    rows, _ = read_frozen(args.set)
    print("\n| review group | n | shipped: not read as English | candidate | rows changed |")
    print("|---|---:|---:|---:|---|")
    for group, subset in (
            ("other_short, listed languages",
             [r for r in rows if r["group"] == "other_short" and r["lang"] in LOWER_CUT]),
            ("other_short, all", [r for r in rows if r["group"] == "other_short"]),
            ("english_hard", [r for r in rows if r["group"] == "english_hard"])):
        found = [detect(r["text"]) for r in subset]
        old = sum(shipped_other(d) for d in found)
        new = sum(candidate_other(d) for d in found)
        changed = [f"{r['id']} ({r['lang']}->{d.best} {d.probability:.2f})"
                   for r, d in zip(subset, found, strict=True)
                   if candidate_other(d) != shipped_other(d)]
        print(f"| {group} | {len(subset)} | {old / len(subset):.3f} ({old}) | "
              f"{new / len(subset):.3f} ({new}) | {len(changed)} |")
        if group == "english_hard":
            print(f"\nenglish_hard rows the candidate calls not English: {changed or 'none'}")
    wrong = [(r["id"], detect(r["text"]).best) for r in rows
             if r["group"] == "other_short" and candidate_other(detect(r["text"]))
             and detect(r["text"]).best != r["lang"]]
    print(f"\nother_short read as a language other than the one written: {wrong or 'none'}")


if __name__ == "__main__":
    main()
