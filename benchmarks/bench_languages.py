"""How often the language rule calls English text "not English", and how often it finds
real German posts, on data from ../shared.

    .venv/bin/python benchmarks/bench_languages.py [--min-letters 15] [--min-probability 0.8]

English sets: TweetEval validation texts (emotion, hate, irony, offensive, sentiment) and
the GoEmotions dev split (Reddit comments). Labelled sets: the original tweets (no
retweets) of the real X archive in ../shared/fixtures/x-archive-full, grouped by the
language X itself gave each tweet (``lang``; X's own detector, not a human label), and
the notes of the real Mastodon export beside it (all tagged ``en`` by their author). Prints
one Markdown table (the one in docs/models/languages.md) and the detector's speed.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import time
from pathlib import Path

from kindscope.ingest.html_text import html_to_text
from kindscope.signals import language
from kindscope.signals.language import detect

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data"
X_TWEETS = SHARED / "fixtures/x-archive-full/data/tweets.js"
MASTODON = SHARED / "fixtures/mastodon-archive-full/outbox.json"
TWEETEVAL = ("emotion", "hate", "irony", "offensive", "sentiment")
csv.field_size_limit(sys.maxsize)


def tweeteval_val() -> list[str]:
    texts = []
    for task in TWEETEVAL:
        path = DATA / f"tweeteval/datasets/{task}/val_text.txt"
        texts += path.read_text(encoding="utf-8").splitlines()
    return texts


def goemotions_dev() -> list[str]:
    with open(DATA / "goemotions/dev.tsv", encoding="utf-8", newline="") as fh:
        return [row[0] for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def x_archive_by_lang() -> dict[str, list[str]]:
    raw = X_TWEETS.read_text(encoding="utf-8")
    by_lang: dict[str, list[str]] = collections.defaultdict(list)
    for item in json.loads(raw[raw.index("=") + 1:]):
        tweet = item["tweet"]
        if not tweet["full_text"].startswith("RT @"):
            by_lang[tweet["lang"]].append(tweet["full_text"])
    return by_lang


def mastodon_notes() -> list[str]:
    items = json.loads(MASTODON.read_text(encoding="utf-8"))["orderedItems"]
    return [html_to_text(a["object"].get("content")) for a in items
            if isinstance(a.get("object"), dict)]


def _row(name: str, texts: list[str], expect: str) -> str:
    found = [detect(t) for t in texts]
    langs = collections.Counter(d.lang for d in found)
    not_en = sum(n for lang, n in langs.items() if lang != "en")
    short = sum(1 for d in found if d.letters < language.MIN_LETTERS)
    others = ", ".join(f"{lang} {n}" for lang, n in langs.most_common() if lang != "en")
    rate = (langs[expect] if expect != "en" else not_en) / len(texts)
    what = "found as " + expect if expect != "en" else "called not English"
    return (f"| {name} | {len(texts):,} | {what}: **{rate:.4f}** | {short:,} | "
            f"{others or '-'} |")


def _hint_row(name: str, texts: list[str]) -> str:
    hints = collections.Counter(h for h in map(language.maybe_language, texts) if h)
    named = ", ".join(f"{lang} {n}" for lang, n in hints.most_common())
    return f"| {name} | {len(texts):,} | {sum(hints.values()):,} | {named or '-'} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-letters", type=int, default=language.MIN_LETTERS)
    parser.add_argument("--min-probability", type=float, default=language.MIN_PROBABILITY)
    args = parser.parse_args()
    language.MIN_LETTERS = args.min_letters  # detect() reads these at call time
    language.MIN_PROBABILITY = args.min_probability
    x = x_archive_by_lang()
    print(f"Rule: mostly non-Latin letters (>= {language.MIN_SCRIPT_LETTERS}), or at least "
          f"{args.min_letters} letters after stripping and py3langid normalised probability "
          f">= {args.min_probability} (>= {language.LOWER_PROBABILITY} for "
          f"{', '.join(sorted(language.LOWER_CUT))}).\n")
    print("| texts | n | rate | under the letter minimum | taken as (not English) |")
    print("|---|---|---|---|---|")
    print(_row("TweetEval validation (English tweets)", tweeteval_val(), "en"))
    print(_row("GoEmotions dev (English Reddit comments)", goemotions_dev(), "en"))
    print(_row("X archive, tweets X labelled `en`", x["en"], "en"))
    print(_row("X archive, tweets X labelled `de`", x["de"], "de"))
    print(_row("X archive, tweets X labelled `und`", x["und"], "en"))
    print(_row("Mastodon export, notes (all tagged `en`)", mastodon_notes(), "en"))
    print("\n`kindscope check`'s hint that a short draft read as English may be another language "
          f"(`maybe_language`: best guess not English at >= {language.MAYBE_PROBABILITY}, "
          f">= {language.MAYBE_LETTERS} letters):\n")
    print("| texts | n | hinted | hinted as |")
    print("|---|---|---|---|")
    print(_hint_row("TweetEval validation (English tweets)", tweeteval_val()))
    print(_hint_row("GoEmotions dev (English Reddit comments)", goemotions_dev()))
    print(_hint_row("X archive, tweets X labelled `en`", x["en"]))
    print(_hint_row("X archive, tweets X labelled `de`", x["de"]))
    texts = tweeteval_val()
    start = time.perf_counter()
    for text in texts:
        detect(text)
    rate = len(texts) / (time.perf_counter() - start)
    print(f"\nSpeed: {rate:,.0f} texts/s on one core (TweetEval validation, model loaded).")


if __name__ == "__main__":
    main()
