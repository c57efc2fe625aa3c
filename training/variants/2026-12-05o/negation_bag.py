"""Hate's bag of WordPieces with negation scope marked: a variant, not shipped (README.md).

    cp -r kindscope/signals/artifacts DIR
    .venv/bin/python training/variants/2026-12-05o/negation_bag.py fit DIR
    .venv/bin/python training/variants/2026-12-05o/negation_bag.py score DIR [--plain]

Up to four WordPieces after a negation ("not", "no", "never", "nobody", "n't", ...; up to a
comma, a full stop or "but") also count as hashed (NEGATION, piece) columns of the bag, so
that the bag's logistic head can weigh "burden" after "not" apart from "burden". ``fit``
refits the hate head with it into DIR; ``score`` reads the three review sets with DIR's
hate head and this bag (``--plain``: the shipped bag, for the same DIR refitted without it).
Run from the repository root.
"""
import sys

import numpy as np

sys.path.insert(0, ".")
sys.path.insert(0, "training")
from tokenizers import Tokenizer

from kindscope.signals import heads
from kindscope.signals.heads import _MULT, BAG_DIM, VOCAB

tok = Tokenizer.from_file("kindscope/signals/artifacts/tokenizer.json")


def ids(words):
    return {tok.encode(w, add_special_tokens=False).ids[0] for w in words}


NEG = ids(["not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without",
           "cannot", "nowhere"])
APOS, T = 1005, 1056
STOP = ids([",", ".", "!", "?", ";", ":", "but", "however", "and"]) | {102, 101}
SALT = np.int64(99_991)
WINDOW = 4
_orig = heads.bag_rows

def negation_marks(x):
    out = []
    k = 0
    for i, t in enumerate(x):
        if k and t in STOP:
            k = 0
        elif k:
            out.append(t)
            k -= 1
        if t in NEG or (t == T and i > 0 and x[i - 1] == APOS):
            k = WINDOW
    return np.array(out, dtype=np.int64)

def bag_rows_neg(token_ids):
    indptr = np.zeros(len(token_ids) + 1, dtype=np.int64)
    parts = []
    for row, x in enumerate(token_ids):
        x = x.astype(np.int64)
        bigrams = (x[:-1] * _MULT + x[1:]) % (BAG_DIM - VOCAB) + VOCAB
        marked = (SALT * _MULT + negation_marks(list(x))) % (BAG_DIM - VOCAB) + VOCAB
        cols = np.unique(np.concatenate([x, bigrams, marked]))
        parts.append(cols)
        indptr[row + 1] = indptr[row] + len(cols)
    return indptr, (np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64))

def patch():
    import train_signals

    import kindscope.signals.model as model
    train_signals.bag_rows = bag_rows_neg
    model.bag_rows = bag_rows_neg

def score(folder, plain: bool) -> None:
    import json
    from collections import Counter
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from frozen_sets import read_frozen

    if not plain:
        patch()
    from kindscope.signals.model import SignalModel

    model = SignalModel(Path(folder))
    for name in ("disability", "negation", "adversarial"):
        rows, _ = read_frozen(Path(__file__).resolve().parent / f"review/{name}.jsonl")
        p = model.score([r["text"] for r in rows], None, ("hate",))["hate"]
        right = Counter(r["kind"] for r, x in zip(rows, p, strict=True) if (x >= .5) == r["label"])
        total = Counter(r["kind"] for r in rows)
        print(name, sum(right.values()), "of", len(rows),
              json.dumps({k: f"{right[k]} of {n}" for k, n in sorted(total.items())}))


if __name__ == "__main__":
    if sys.argv[1] == "fit":
        patch()
        import train_signals

        train_signals.main(["--skip-export", "--signals", "hate", "--out", sys.argv[2]])
    else:
        score(sys.argv[2], "--plain" in sys.argv)
