"""Which rows of a review set read a different crisis here and in another checkout.

    .venv/bin/python training/variants/2026-12-05e/compare_rows.py SET.jsonl DIR

SET.jsonl: one object per line with ``text`` and optionally ``context``, ``kind`` and
``author_at_risk`` (the review sets of 2026-12-05e and 2026-12-05f). Each checkout scores the
rows in a process of its own (``score_texts``, crisis, each text with its context); every row
whose score moved by more than 0.005 is printed with both scores, and the counts of at-risk
rows that fell, and that fell below 0.5, close the output. DIR: ``git worktree add --detach
DIR 5edeef6`` (with ``../shared`` beside it) for the model before 2026.12.14.
"""

from __future__ import annotations

import json
import subprocess
import sys
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


def main(argv=None) -> dict:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2:
        raise SystemExit(__doc__)
    path, other = Path(args[0]), Path(args[1])
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    before, now = crisis_in(other, path), crisis_in(ROOT, path)
    fell = fell_below = 0
    for row, a, b in zip(rows, before, now, strict=True):
        if abs(a - b) > 0.005:
            print(f"{row.get('kind', ''):24s} at risk {row.get('author_at_risk', '?')} "
                  f"{a:.2f} -> {b:.2f} | {row['text'][:110]}")
        if row.get("author_at_risk") == 1 and b < a - 0.005:
            fell += 1
            fell_below += a >= 0.5 > b
    print(f"at-risk rows lower here: {fell}; of them from >= 0.5 to < 0.5: {fell_below}")
    return {"fell": fell, "fell_below": fell_below}


if __name__ == "__main__":
    main()
