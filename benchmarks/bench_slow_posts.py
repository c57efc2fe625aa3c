"""Posts written to be slow: how long the death-wish rule and the respeller take on each.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_slow_posts.py
    PYTHONPATH=DIR .venv/bin/python benchmarks/bench_slow_posts.py   # DIR: an older checkout
                                                                      # (git worktree add)

Times ``wishes.wish_masks`` and ``Respeller.fix`` (best of ``--rounds``) on 50,000-character
strings a code review wrote to make a regular expression cost the square of a text's length
(runs of newlines, repeated quotes, a long word before an emoji, thousands of "ctb" or tags).
It imports ``kindscope`` from ``PYTHONPATH``, so the same script times an older commit; a
step the checkout does not have is reported as absent. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import time

POSTS = {
    "newlines then die": "\n" * 49_997 + "die",
    "quoted kys": '"kys" ' * 8_000,
    "single-quoted kys": "'kys' " * 8_000,
    "don't kys": "don't kys. " * 4_000,
    "vent then kys": "vent " * 5_000 + " kys" * 6_000,
    "go kill yourself": "go kill yourself. " * 2_700,
    "unclosed curly quotes": "\u201c" * 50_000 + " kys",
    "word before an emoji": "a" * 50_000 + "\U0001f62d",
    "ctb": "ctb " * 12_500,
    "i want to kms": "i want to kms " * 3_571,
    "tags": "#iwanttodie " * 4_000,
    "letters and emoji": "d\U0001f62di\U0001f62de " * 7_000,
}


def best(step, text: str, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        step([text]) if step.__name__ == "wish_masks" else step(text)
        times.append(time.perf_counter() - start)
    return round(min(times), 4)


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import kindscope
    from kindscope.signals import get_model

    steps = {"respeller": get_model().respeller.fix}
    try:
        from kindscope.signals.wishes import wish_masks
        steps["wish_masks"] = wish_masks
    except ImportError:
        pass
    out = {"kindscope": kindscope.__file__, "seconds": {}}
    for name, text in POSTS.items():
        out["seconds"][name] = {s: best(f, text, args.rounds) for s, f in steps.items()}
    print(json.dumps(out, indent=1))
    return out


if __name__ == "__main__":
    main()
