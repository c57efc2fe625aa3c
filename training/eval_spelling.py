"""How much of a signal survives disguised spellings, with and without undoing them.

    nice -n 10 .venv/bin/python training/eval_spelling.py [--out PATH]

Takes the validation texts of toxicity, offensive and hate (``splits.py``: the training
sources' held-apart fold, so in distribution),
disguises them with a seeded generator (each word of four or more letters, with
probability one half: digits or symbols for one or two letters, "m0ron"; letters spaced
out, "m o r o n"; or a stretched letter, "mooooron") and scores three versions through the
shipped model: as written, disguised and read as written (``Respeller`` off), disguised
and respelled (as ``kindscope score`` reads them). Also counts how many of the original
validation texts the respeller changes at all.

The generator makes only substitutions the respeller knows, so the recovered share is an
upper bound for these three kinds of disguise. A second generator (``conceal``, since
2026-12-04) masks or drops letters, but only in the words of ``spelling.LEXICON`` (one
inner letter, a vowel where there is one, becomes "*", "st*pid"; or, where that form is
unambiguous, is dropped, "stpid"), since those are the only words the respeller restores
from such disguises: its figures say how much the lexicon recovers of the words it holds,
not how many disguised words are outside it. Swapped letters and misspellings ("idjit")
are neither generated nor undone. Writes JSON to
``kindscope/signals/artifacts/spelling_metrics.json`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from data import SEED  # noqa: E402
from splits import SPLITS  # noqa: E402

from kindscope.signals import MODEL_VERSION, THRESHOLDS  # noqa: E402
from kindscope.signals.model import get_model  # noqa: E402
from kindscope.signals.spelling import _DROPPED, LEXICON  # noqa: E402

OUT = HERE.parent / "kindscope/signals/artifacts/spelling_metrics.json"
SIGNALS = ("toxicity", "offensive", "hate")
_FOR = {"o": "0", "i": "1", "e": "3", "a": "@", "s": "$", "t": "7"}
_WORD = re.compile(r"\b[a-zA-Z]{4,}\b")


def disguise(text: str, rng: random.Random) -> str:
    """``text`` with about half of its longer words disguised (seeded by ``rng``)."""

    def one(m: re.Match) -> str:
        word = m.group()
        if rng.random() >= 0.5:
            return word
        kind = rng.choice(("leet", "spaced", "stretched"))
        if kind == "spaced":
            return " ".join(word)
        if kind == "stretched":
            i = rng.randrange(len(word))
            return word[: i + 1] + word[i] * rng.randint(2, 4) + word[i + 1 :]
        spots = [i for i, c in enumerate(word) if c.lower() in _FOR and 0 < i < len(word) - 1]
        for i in rng.sample(spots, min(len(spots), rng.randint(1, 2))):
            word = word[:i] + _FOR[word[i].lower()] + word[i + 1 :]
        return word

    return _WORD.sub(one, text)


_LEXICAL = re.compile(r"\b(?:" + "|".join(sorted(LEXICON, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def conceal(text: str, rng: random.Random) -> str:
    """``text`` with each lexicon word masked ("st*pid") or, half of the time where the
    dropped form is unambiguous, with a letter dropped ("stpid")."""

    def one(m: re.Match) -> str:
        word = m.group()
        inner = range(1, len(word) - 1)
        vowels = [i for i in inner if word[i].lower() in "aeiou"] or list(inner)
        i = rng.choice(vowels)
        dropped = word[:i] + word[i + 1 :]
        if dropped.lower() in _DROPPED and rng.random() < 0.5:
            return dropped
        return word[:i] + "*" + word[i + 1 :]

    return _LEXICAL.sub(one, text)


def _figures(y: np.ndarray, p: np.ndarray, threshold: float) -> dict:
    return {
        "auc": round(float(roc_auc_score(y, p)), 4),
        "recall": round(float((p[y == 1] >= threshold).mean()), 4),
        "false_alarms": round(float((p[y == 0] >= threshold).mean()), 4),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    model = get_model()
    respell = model.respeller.fix
    t0 = time.time()
    res: dict = {}
    for signal in SIGNALS:
        _, val = SPLITS[signal]()
        texts = [e.text for e in val]
        y = np.array([e.label for e in val])
        rng = random.Random(f"{SEED}:spelling:{signal}")
        hidden = [disguise(t, rng) for t in texts]
        concealed = [conceal(t, rng) for t in texts]

        def run(batch: list[str], fix: bool, name: str = signal) -> np.ndarray:
            model.respeller.fix = respell if fix else (lambda text: text)
            try:
                return model.score(batch, None, (name,))[name]
            finally:
                model.respeller.fix = respell

        th = THRESHOLDS[signal]
        res[signal] = {
            "n": len(texts),
            "positives": int(y.sum()),
            "texts_changed_by_respeller": round(
                float(np.mean([respell(t) != t for t in texts])), 4),
            "as_written": _figures(y, run(texts, True), th),
            "disguised_read_as_written": _figures(y, run(hidden, False), th),
            "disguised_respelled": _figures(y, run(hidden, True), th),
            "texts_with_lexicon_words": round(
                float(np.mean([c != t for c, t in zip(concealed, texts, strict=True)])), 4),
            "concealed_read_as_written": _figures(y, run(concealed, False), th),
            "concealed_respelled": _figures(y, run(concealed, True), th),
        }
        print(signal, json.dumps(res[signal]), flush=True)
    report = {
        "model_version": MODEL_VERSION,
        "command": "nice -n 10 .venv/bin/python training/eval_spelling.py",
        "seconds": round(time.time() - t0, 1),
        "signals": res,
    }
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
