"""Score the frozen hashtag review set (``review/hashtags.jsonl``).

    .venv/bin/python training/variants/2026-12-06/score_hashtags.py [--set FILE] [--repo DIR]
        [--show] [--json OUT]

The set was written by a sub-agent that saw no code and hashed before any model scored it
(README); ``--set`` names another frozen set of the same shape
(``../2026-12-06b/review/hashtags_2.jsonl``). Per kind: posts read as painful (distress or
crisis at 0.5, as the care queue reads them) and as crisis, next to the labels ``painful``
and ``at_risk``. ``--repo`` imports ``kindscope`` from another checkout; ``--show`` lists
every post whose painful reading disagrees with its label; ``--json OUT`` writes the
readings per id.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from frozen_sets import read_frozen  # noqa: E402

SET = HERE / "review" / "hashtags.jsonl"


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=SET)
    parser.add_argument("--repo", type=Path, default=HERE.parents[2])
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rows, _ = read_frozen(args.set)
    sys.path.insert(0, str(args.repo.resolve()))
    from kindscope.signals import MODEL_VERSION, score_texts

    table = score_texts([r["text"] for r in rows], signals=["distress", "crisis"])
    distress, crisis = (table.column(s).to_pylist() for s in ("distress", "crisis"))
    painful = [int(d >= 0.5 or c >= 0.5) for d, c in zip(distress, crisis, strict=True)]
    print(f"{MODEL_VERSION}\n{'kind':18s} {'n':>3s} {'label':>5s} {'painful':>7s} {'crisis':>6s}")
    for kind in dict.fromkeys(r["kind"] for r in rows):
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
        label = f"{rows[idx[0]]['painful']}/{rows[idx[0]]['at_risk']}"
        print(f"{kind:18s} {len(idx):3d} {label:>5s} {sum(painful[i] for i in idx):7d} "
              f"{sum(crisis[i] >= 0.5 for i in idx):6d}")
    for i, r in enumerate(rows if args.show else []):
        if painful[i] != r["painful"]:
            print(f"  painful {painful[i]} want {r['painful']} {r['id']}: {r['text'][:90]!r}")
    out = {r["id"]: {"distress": round(d, 4), "crisis": round(c, 4)}
           for r, d, c in zip(rows, distress, crisis, strict=True)}
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    return out


if __name__ == "__main__":
    main()
