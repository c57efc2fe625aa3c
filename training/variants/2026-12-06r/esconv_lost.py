"""Which ESConv dev comforting replies a variant stops reading as support, by the
supporter's strategy (plan 37's reading after the verdict):

    HF_HUB_OFFLINE=1 .venv/bin/python training/variants/2026-12-06r/esconv_lost.py DIR

``DIR``: the variant's artifacts (plan 37 ran it on row ``r1``), read against the shipped
ones; every reply is read with the seeker turn before it, as ``eval_ood.py`` reads it.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parents[2]))

from eval_ood import COMFORT  # noqa: E402
from ood_sets import esconv_dev  # noqa: E402

from kindscope.signals.model import ARTIFACTS, SignalModel  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", type=Path)
    args = parser.parse_args()
    rows = [(post, strategy, reply) for post, strategy, reply in esconv_dev()
            if strategy in COMFORT]
    texts, posts = [r for _, _, r in rows], [p for p, _, _ in rows]
    base, new = (SignalModel(folder).score(texts, posts, ("support",),
                                           replies=[True] * len(rows))["support"] >= 0.5
                 for folder in (ARTIFACTS, args.variant))
    by = defaultdict(list)
    for i, (_, strategy, _) in enumerate(rows):
        by[strategy].append(i)
    for strategy, idx in sorted(by.items()):
        before, after = int(base[idx].sum()), int(new[idx].sum())
        print(f"{strategy:30s} n={len(idx):4d} before={before:4d} after={after:4d} "
              f"lost={before - after:3d}")
    lost = [i for i in range(len(rows)) if base[i] and not new[i]]
    print(f"lost {len(lost)}, of them questions {sum('?' in rows[i][2] for i in lost)}")
    for i in random.Random(0).sample(lost, min(12, len(lost))):
        print("-", rows[i][1], "|", rows[i][2][:150])


if __name__ == "__main__":
    main()
