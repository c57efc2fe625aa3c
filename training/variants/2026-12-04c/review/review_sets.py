"""The reviewers' sentences: hate and toxicity at 0.5 with this stop's rules and without them.

    .venv/bin/python training/variants/2026-12-04c/review/review_sets.py

Two reviews of the rule layers of model 2026.12.10 (sub-agents, 2026-12-04) wrote these
sentences themselves, to test the rules; none comes from a data set, and neither reviewer read
the challenge suite. The group list and the denial rule were changed after reading what they
got wrong, so the figures are **in sample**: a check that the fixes hold, not a held-apart
measure. Each JSON file holds {"text", "context"} rows; a context is the post a reply answers.
"Without" switches off ``targets`` (hate's cap for personal talk naming no group) and the
``denial`` rule of ``mentions`` (``eval_ood.switch_off``), in a second process. To see an
earlier state of the rules, copy this folder into a checkout of that commit and run it there.
"""

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
SETS = ("hateful", "painful_or_support", "counter_speech", "hedged_denials", "genuine_denials")


def score(rows: list[dict], without: bool) -> list[float]:
    """Hate per row, in a fresh process (switching rules off is process-wide)."""
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT / 'training')!r}); sys.path.insert(0, {str(ROOT)!r})\n"
        + ("import eval_ood; eval_ood.switch_off(['targets', 'denial'])\n" if without else "")
        + "from kindscope.signals import score_texts\n"
        "rows = json.load(sys.stdin)\n"
        "ctx = [r['context'] for r in rows]\n"
        "out = score_texts([r['text'] for r in rows], ctx if any(ctx) else None,\n"
        "                  signals=('hate',)).to_pydict()['hate']\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(rows), text=True,
                          capture_output=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def main() -> dict:
    result = {}
    for name in SETS:
        rows = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
        off, on = score(rows, True), score(rows, False)
        hate_off = sum(p >= 0.5 for p in off)
        lost = sum(a >= 0.5 > b for a, b in zip(off, on, strict=True))
        result[name] = {"n": len(rows), "hate_without_rules": hate_off,
                        "hate_with_rules": sum(p >= 0.5 for p in on), "lost": lost}
        print(f"{name:20s} n={len(rows):3d}  read as hate (>= 0.5): without the rules "
              f"{hate_off:3d}, with them {result[name]['hate_with_rules']:3d}  "
              f"(lowered below 0.5: {lost})")
    return result


if __name__ == "__main__":
    main()
