"""Which rows of a review set read a different crisis here and in another checkout.

    .venv/bin/python training/variants/2026-12-05e/compare_rows.py SET.jsonl DIR \
        [--new DIR2] [--only KEY=VALUE]

SET.jsonl: one object per line with ``text`` and optionally ``context``, ``kind`` and
``author_at_risk`` (the review sets of 2026-12-05e and 2026-12-05f). Each checkout scores the
rows in a process of its own (``score_texts``, crisis, each text with its context); every row
whose score moved by more than 0.005 is printed with both scores, and the counts of at-risk
rows that fell, and that fell below 0.5, close the output. DIR: ``git worktree add --detach
DIR 5edeef6`` (with ``../shared`` beside it) for the model before 2026.12.14. ``--new`` reads
another checkout as "now" (the reviews' counts: ``review/reviewers_posts.jsonl`` with
``--only review=owners-3727548`` and DIR2 a checkout of 3727548, or
``--only review=pasts-owners-90ce408`` and one of 90ce408 with this checkout's
``kindscope/signals/artifacts/manifest.json``: the commit's own names the old version).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
_SCORE = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); import kindscope;"
    "assert kindscope.__file__.startswith(sys.argv[1]), kindscope.__file__;"
    "from kindscope.signals import score_texts;"
    "rows = [json.loads(x) for x in open(sys.argv[2], encoding='utf-8') if x.strip()];"
    "t = score_texts([r['text'] for r in rows],"
    " contexts=[r.get('context') or None for r in rows], signals=['crisis']);"
    "print(json.dumps(t.column('crisis').to_pylist()))"
)


def crisis_in(repo: Path, path: Path) -> list[float]:
    done = subprocess.run([sys.executable, "-c", _SCORE, str(repo.resolve()), str(path)],
                          capture_output=True, text=True, check=True)
    return [p or 0.0 for p in json.loads(done.stdout.strip().splitlines()[-1])]


def _at_risk(row: dict) -> bool:
    """The review sets label ``author_at_risk``; the reviewers' posts a ``group``."""
    return row.get("author_at_risk") == 1 or row.get("group") == "at_risk"


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", type=Path)
    parser.add_argument("other", type=Path, help="the checkout read as 'before'")
    parser.add_argument("--new", type=Path, default=ROOT,
                        help="the checkout read as 'now' (default: this one)")
    parser.add_argument("--only", default=None, metavar="KEY=VALUE",
                        help="read only the rows whose KEY is VALUE (review=owners-3727548)")
    args = parser.parse_args(argv)
    rows = [json.loads(x) for x in args.set.read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.only:
        key, value = args.only.split("=", 1)
        rows = [r for r in rows if str(r.get(key)) == value]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as part:
        part.write("".join(json.dumps(r) + "\n" for r in rows))
        part.flush()
        before, now = crisis_in(args.other, Path(part.name)), crisis_in(args.new, Path(part.name))
    fell = fell_below = 0
    for row, a, b in zip(rows, before, now, strict=True):
        if abs(a - b) > 0.005:
            print(f"{row.get('kind', row.get('tag', '')):24s} at risk {int(_at_risk(row))} "
                  f"{a:.2f} -> {b:.2f} | {row['text'][:110]}")
        if _at_risk(row) and b < a - 0.005:
            fell += 1
            fell_below += a >= 0.5 > b
    print(f"at-risk rows lower in the new checkout: {fell}; of them from >= 0.5 to < 0.5: "
          f"{fell_below}")
    return {"fell": fell, "fell_below": fell_below}


if __name__ == "__main__":
    main()
