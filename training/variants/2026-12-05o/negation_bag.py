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
from pathlib import Path

import numpy as np

sys.path.insert(0, ".")
sys.path.insert(0, "training")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from tokenizers import Tokenizer

from kindscope.signals.heads import _MULT, BAG_DIM, VOCAB, bag_rows

tok = Tokenizer.from_file("kindscope/signals/artifacts/tokenizer.json")


def ids(words):
    return {tok.encode(w, add_special_tokens=False).ids[0] for w in words}


NEG = ids(["not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without",
           "cannot", "nowhere"])
APOS, T = tok.token_to_id("'"), tok.token_to_id("t")  # "n't" is n, ', t
STOP = ids([",", ".", "!", "?", ";", ":", "but", "however", "and"]) | {
    tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")}
SALT = np.int64(99_991)
WINDOW = 4


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
    """``heads.bag_rows``, each row with its (NEGATION, piece) columns added."""
    indptr, indices = bag_rows(token_ids)
    out_ptr = np.zeros_like(indptr)
    parts = []
    for row, x in enumerate(token_ids):
        marked = (SALT * _MULT + negation_marks(list(x.astype(np.int64)))) % (
            BAG_DIM - VOCAB) + VOCAB
        cols = np.unique(np.concatenate([indices[indptr[row]:indptr[row + 1]], marked]))
        parts.append(cols)
        out_ptr[row + 1] = out_ptr[row] + len(cols)
    return out_ptr, (np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64))


def patch():
    import train_signals

    import kindscope.signals.model as model
    train_signals.bag_rows = bag_rows_neg
    model.bag_rows = bag_rows_neg

def score(folder, plain: bool) -> None:
    from score_disability import right_by_kind, scored_set

    if not plain:
        patch()
    from kindscope.signals.model import SignalModel

    model = SignalModel(Path(folder))
    for name in ("disability", "negation", "adversarial"):
        rows, p, _ = scored_set(model, name)
        right = right_by_kind(rows, p)
        total = sum((x >= 0.5) == r["label"] for r, x in zip(rows, p, strict=True))
        print(name, total, "of", len(rows), right)


if __name__ == "__main__":
    if sys.argv[1] == "fit":
        patch()
        import train_signals

        train_signals.main(["--skip-export", "--signals", "hate", "--out", sys.argv[2]])
    else:
        score(sys.argv[2], "--plain" in sys.argv)
