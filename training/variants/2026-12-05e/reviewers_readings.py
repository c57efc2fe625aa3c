"""Check (or write) the readings of 2026.12.13 kept with the reviewers' posts.

    .venv/bin/python training/variants/2026-12-05e/reviewers_readings.py DIR [--write]

``review/reviewers_posts.jsonl`` holds the posts two code reviews wrote to break the crisis
changes of 2026-12-05 (taken back), with ``crisis_5edeef6`` (crisis through ``score_texts``,
no context) and ``rules_5edeef6`` (``phrases.explain``) as model 2026.12.13 read them;
``tests/signals/test_crisis_reviews.py`` keeps every post it flagged flagged. DIR is a checkout
of 5edeef6 (``git worktree add --detach DIR 5edeef6``, ``../shared`` beside it). Without
``--write`` it reads them again in DIR and prints how many differ (by more than 1e-6, or in the
rules); with ``--write`` it stores them (then refresh ``reviewers_posts.sha256``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

POSTS = Path(__file__).resolve().parent / "review" / "reviewers_posts.jsonl"
_READ = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); import kindscope;"
    "assert kindscope.__file__.startswith(sys.argv[1]), kindscope.__file__;"
    "from kindscope.signals import score_texts; from kindscope.signals.phrases import explain;"
    "rows = [json.loads(x) for x in open(sys.argv[2], encoding='utf-8') if x.strip()];"
    "c = score_texts([r['text'] for r in rows], signals=['crisis']).column('crisis');"
    "print(json.dumps([[p, explain(r['text'])] for p, r in zip(c.to_pylist(), rows)]))"
)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    rows = [json.loads(x) for x in POSTS.read_text(encoding="utf-8").splitlines() if x.strip()]
    done = subprocess.run([sys.executable, "-c", _READ, str(args.checkout.resolve()), str(POSTS)],
                          capture_output=True, text=True, check=True)
    read = json.loads(done.stdout.strip().splitlines()[-1])
    differ = sum(abs(r.get("crisis_5edeef6", -1) - p) > 1e-6 or r.get("rules_5edeef6") != e
                 for r, (p, e) in zip(rows, read, strict=True))
    print(f"{len(rows)} posts; {differ} read differently in {args.checkout}")
    if args.write:
        for r, (p, e) in zip(rows, read, strict=True):
            r["crisis_5edeef6"], r["rules_5edeef6"] = p, e
        POSTS.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                         encoding="utf-8")
    return {"posts": len(rows), "differ": differ}


if __name__ == "__main__":
    main()
