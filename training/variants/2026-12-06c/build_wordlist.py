"""Build the word list that splits run-together hashtags (``hashtags.py`` beside this file).

    .venv/bin/python training/variants/2026-12-06c/build_wordlist.py [--out FILE]

Counts the plain words (letters only, lower case) of the training files of ``../shared/data``
named below: Reddit comments and posts, tweets, counselling answers. A word written as a
hashtag body at least as often as as a plain word ("mentalhealth", "tbt") is left out, so a
run-together tag is split into the words people write rather than kept whole; so is a word
whose two halves are each written alone ten times as often (``_compound``). Words seen fewer
than ``--min-count`` times, and words longer than 20 letters, are left out. One line per word,
``word count``, most frequent first (ties by word): the same file from the same data.
"""

from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from pathlib import Path

DATA = Path(os.environ.get("KINDSCOPE_DATA", Path(__file__).resolve().parents[4] / "shared/data"))
OUT = Path(__file__).resolve().parent / "words.txt"

#: Training files only (no test split, no validation file read for figures).
FILES = (
    "goemotions/train.tsv",
    "dreaddit/dreaddit-train.csv",
    "olid/olid-training-v1.0.tsv",
    "tweeteval/datasets/emotion/train_text.txt",
    "tweeteval/datasets/hate/train_text.txt",
    "tweeteval/datasets/irony/train_text.txt",
    "tweeteval/datasets/offensive/train_text.txt",
    "sdcnl/data/training-set.csv",
    "counsel-chat/data/20200325_counsel_chat.csv",
    "epitome/emotional-reactions-reddit.csv",
    "epitome/explorations-reddit.csv",
    "epitome/interpretations-reddit.csv",
    "davidson-hate-offensive/data/labeled_data.csv",
)

_URL = re.compile(r"https?://\S+|www\.\S+")
_TOKEN = re.compile(r"([#@]?)([a-z]+)")
MAX_LEN = 20
MIN_COUNT = 3
#: A word is taken for two when each half is written alone this many times as often.
COMPOUND = 10


def count_words(texts: list[str]) -> tuple[Counter, Counter]:
    """Plain words and hashtag bodies of ``texts`` (mentions are neither)."""
    plain, tags = Counter(), Counter()
    for text in texts:
        for sign, word in _TOKEN.findall(_URL.sub(" ", text.lower())):
            if sign == "#":
                tags[word] += 1
            elif not sign:
                plain[word] += 1
    return plain, tags


def build(min_count: int) -> list[tuple[str, int]]:
    texts = [(DATA / name).read_text(encoding="utf-8", errors="replace") for name in FILES]
    plain, tags = count_words(texts)
    kept = {w: n for w, n in plain.items()
            if n >= min_count and len(w) <= MAX_LEN and tags[w] < n
            and (len(w) > 1 or w in ("a", "i"))}
    kept = {w: n for w, n in kept.items() if not _compound(w, n, kept)}
    return sorted(kept.items(), key=lambda wn: (-wn[1], wn[0]))


def _compound(word: str, count: int, counts: dict[str, int]) -> bool:
    """Whether ``word`` is two words each far more often written alone ("mentalhealth",
    "noone"): left out, so that a tag of it is split ("anymore", "goodbye" stay)."""
    return len(word) >= 5 and any(
        min(counts.get(word[:i], 0), counts.get(word[i:], 0)) > COMPOUND * count
        for i in range(2, len(word) - 1))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    args = parser.parse_args(argv)
    words = build(args.min_count)
    args.out.write_text("".join(f"{w} {n}\n" for w, n in words), encoding="utf-8")
    print(f"{len(words):,} words -> {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
