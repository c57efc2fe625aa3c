"""Plan 26's bar 5 (and plan 30's bar 4, ``--signal support``): real supporters' replies, read
with the posts they answer, that a change raises past 0.5 on toxicity (or takes out of
support: at 0.5 or more before, under it after).

    .venv/bin/python training/variants/2026-12-06i/real_replies.py [--repo DIR] [--signal S] \
        --out FILE
    .venv/bin/python training/variants/2026-12-06i/real_replies.py [--signal S] \
        --compare BASE NEW

The first form reads ESConv dev's supporter turns (each with the seeker turn before it),
Counsel Chat's held-apart answers (with their question) and EPITOME's Reddit responses
(with the seeker post; the emotional-reactions file, which holds every pair) through
``score_texts`` of the checkout ``--repo`` and writes ``{source: [score, ...]}`` of the
signal (default toxicity). The second prints, per source, how many replies moved across 0.5
the harmful way (toxicity up, support down), and each of them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "training"))

from data import epitome  # noqa: E402
from ood_sets import counsel_pairs, esconv_dev  # noqa: E402


def pairs() -> dict[str, list[tuple[str, str]]]:
    """{source: [(post, reply), ...]}."""
    return {
        "esconv_dev": [(post, reply) for post, _, reply in esconv_dev()],
        "counsel_chat_held_apart": counsel_pairs(),
        "epitome_reddit": [(r["seeker_post"], r["response_post"]) for r in epitome("er")],
    }


def readings(repo: Path, signal: str = "toxicity") -> dict[str, list[float]]:
    sys.path.insert(0, str(repo.resolve()))
    from kindscope.signals import score_texts

    out = {}
    for name, rows in pairs().items():
        table = score_texts([r for _, r in rows], contexts=[p for p, _ in rows],
                            signals=[signal])
        out[name] = [round(float(v), 4) for v in table.column(signal).to_pylist()]
    return out


def moved(base: float, new: float, signal: str) -> bool:
    """Across 0.5 the harmful way: a toxicity raised, a support lost."""
    return base < 0.5 <= new if signal == "toxicity" else base >= 0.5 > new


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BASE", "NEW"))
    parser.add_argument("--signal", choices=("toxicity", "support"), default="toxicity")
    args = parser.parse_args(argv)
    if args.compare:
        base, new = (json.loads(p.read_text()) for p in args.compare)
        source = pairs()
        total = raised = 0
        for name, rows in source.items():
            up = [i for i, (b, n) in enumerate(zip(base[name], new[name], strict=True))
                  if moved(b, n, args.signal)]
            total += len(rows)
            raised += len(up)
            what = "raised past 0.5" if args.signal == "toxicity" else "out of support"
            print(f"{name}: {len(rows)} replies, {what}: {len(up)}")
            for i in up:
                print(f"  {base[name][i]:.2f} -> {new[name][i]:.2f} | {rows[i][1][:200]!r}")
        print(f"all: {raised} of {total} ({raised / total:.3%})")
        return 0
    if args.out is None:
        parser.error("--out FILE (or --compare BASE NEW)")
    args.out.write_text(json.dumps(readings(args.repo, args.signal)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
