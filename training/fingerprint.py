"""The shipped model's scores on a fixed sample of real texts: a fingerprint of its version.

    nice -n 10 .venv/bin/python training/fingerprint.py [--force]

Stores keep every score under the model version that read it, so a change that moves
scores must come with a new ``MODEL_VERSION``. The challenge suite's fingerprint
(``tests/challenge/results.json``) covers its 544 written cases; this one covers real text
from ../shared/data that no case resembles: Reddit comments (GoEmotions dev), news replies
with the tweet they answer (RumourEval), supporter turns with the post they answer (ESConv
dev), newspaper comments (Unhealthy Comments val), long stress posts (Dreaddit train),
r/SuicideWatch and r/depression posts (SDCNL training set), tweets (OLID training set).
Training and validation splits only; no test split is read. The sample is seeded, so it is
the same on every machine.

Writes ``tests/signals/fingerprint.json``: the model version, the sample's SHA-256 (so a
change of the data is told apart from a change of the model) and every text's score of
every signal. Like ``eval_challenge.py`` it refuses to write over scores that moved under
the version the file names, unless ``--force`` says that version never left the branch.
``tests/signals/test_fingerprint.py`` rescores the sample and checks it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from data import (  # noqa: E402
    dreaddit,
    goemotions,
    olid,
    rumoureval_replies,
    sdcnl,
    unhealthy_comments,
)
from eval_challenge import dump, fingerprint, moved_scores  # noqa: E402
from eval_challenge import score as score_cases  # noqa: E402
from features import environment  # noqa: E402
from ood_sets import esconv_dev  # noqa: E402

OUT = HERE.parent / "tests/signals/fingerprint.json"
SEED = 13


def sample() -> list[tuple[str, str | None]]:
    """(text, the post it answers or None), in a fixed order."""
    rng = random.Random(f"{SEED}:fingerprint")
    parts: list[list[tuple[str, str | None]]] = [
        [(t, None) for t, _, _ in goemotions("dev")],
        [(reply, parent) for _, parent, reply in rumoureval_replies()],
        [(reply, post) for post, _, reply in esconv_dev()],
        [(t, None) for t, _, _ in unhealthy_comments()],
        [(r["text"], None) for r in dreaddit()],
        [(r["full"], None) for r in sdcnl()],
        [(r["tweet"], None) for r in olid()],
    ]
    sizes = (250, 120, 120, 120, 60, 60, 120)
    out = []
    for rows, k in zip(parts, sizes, strict=True):
        out += rng.sample(sorted(set(rows), key=str), k)
    return out


def sample_sha256(rows: list[tuple[str, str | None]]) -> str:
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def score(rows: list[tuple[str, str | None]]) -> dict:
    """The fingerprint of the model in this process, in ``eval_challenge.dump``'s shape."""
    from kindscope.signals import MODEL_VERSION

    cases = [{"id": str(i), "text": t, "context": c} for i, (t, c) in enumerate(rows)]
    return {
        "model_version": MODEL_VERSION,
        "command": "nice -n 10 .venv/bin/python training/fingerprint.py",
        "texts": len(rows),
        "sample_sha256": sample_sha256(rows),
        "environment": environment(),
        "fingerprint": fingerprint(cases, score_cases(cases)),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true",
                        help="write even though scores moved under the version the file "
                             "names (only for a version that never left the branch)")
    args = parser.parse_args(argv)
    rows = sample()
    result = score(rows)
    if OUT.exists() and not args.force:
        stored = json.loads(OUT.read_text(encoding="utf-8"))
        moved = moved_scores(stored, result) if stored.get("sample_sha256") == \
            result["sample_sha256"] else []
        if moved:
            most = max((abs(a - b) for *_, b, a in moved if a is not None and b is not None),
                       default=0.0)
            parser.error(f"{len(moved)} scores of {len({m[0] for m in moved})} texts moved "
                         f"under {result['model_version']}, by at most {most:.3f} (first: "
                         f"{moved[0]}): bump MODEL_VERSION first, or --force")
    OUT.write_text(dump(result), encoding="utf-8")
    unread = sum(v[0] is None for v in result["fingerprint"]["scores"].values())
    print(f"{len(rows)} texts ({unread} not read: another language), {OUT}")
    return result


if __name__ == "__main__":
    main()
