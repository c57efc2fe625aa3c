"""Labelled examples per signal, read from ../shared/data and training/cases.

Every loader returns ``Example`` lists. ``signal_split(name)`` returns the train and
validation lists for one signal; validation comes only from validation splits or from
seeded held-apart folds (grouped so that pieces of one post never straddle the split).
No public test split is read.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

csv.field_size_limit(sys.maxsize)

DATA = Path(os.environ.get("KINDSCOPE_DATA", Path(__file__).resolve().parents[2] / "shared/data"))
CASES = Path(__file__).resolve().parent / "cases"
SEED = 13
VAL_FRACTION = 0.2


@dataclass(frozen=True)
class Example:
    text: str
    label: int
    context: str = ""
    source: str = ""
    weight: float = 1.0


def in_val_fold(key: str, fraction: float = VAL_FRACTION, seed: int = SEED) -> bool:
    """Seeded, stable assignment of a group key to the held-apart fold."""
    digest = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < fraction


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def norm(text: str) -> str:
    return " ".join(text.lower().replace("@user", "@user").split())


# ---------------------------------------------------------------- TweetEval
def tweeteval(task: str, split: str) -> list[tuple[str, int]]:
    base = DATA / "tweeteval/datasets" / task
    texts = _lines(base / f"{split}_text.txt")
    labels = [int(x) for x in _lines(base / f"{split}_labels.txt")]
    return list(zip(texts, labels, strict=True))


def dedupe(rows: list[tuple[str, int]], drop: set[str] = frozenset()) -> list[tuple[str, int]]:
    """Drop texts with conflicting labels, exact repeats, and texts in ``drop``."""
    labels: dict[str, set[int]] = {}
    for text, label in rows:
        labels.setdefault(norm(text), set()).add(label)
    seen: set[str] = set()
    out = []
    for text, label in rows:
        key = norm(text)
        if key in seen or key in drop or len(labels[key]) > 1:
            continue
        seen.add(key)
        out.append((text, label))
    return out


# ---------------------------------------------------------------- other sources
def olid() -> list[dict]:
    with open(DATA / "olid/olid-training-v1.0.tsv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def davidson() -> list[tuple[str, int]]:
    rows = _csv(DATA / "davidson-hate-offensive/data/labeled_data.csv")
    return [(r["tweet"], int(r["class"])) for r in rows]


def dreaddit() -> list[dict]:
    return _csv(DATA / "dreaddit/dreaddit-train.csv")


def sdcnl() -> list[dict]:
    rows = _csv(DATA / "sdcnl/data/training-set.csv")
    for r in rows:
        r["full"] = (r["title"].strip() + ". " + r["selftext"].strip()).strip()
    return rows


def epitome(mechanism: str) -> list[dict]:
    name = {"er": "emotional-reactions", "ip": "interpretations", "ex": "explorations"}
    return _csv(DATA / "epitome" / f"{name[mechanism]}-reddit.csv")


def counsel_chat() -> list[dict]:
    rows = _csv(DATA / "counsel-chat/data/20200325_counsel_chat.csv")
    return [r for r in rows if r["split"] in ("train", "val")]  # test rows never read


def esconv_listener_turns() -> list[tuple[str, str]]:
    """(seeker context, supporter turn) pairs from the failed ESConv dialogues."""
    dialogs = json.loads((DATA / "esconv/FailedESConv.json").read_text(encoding="utf-8"))
    out = []
    for d_i, d in enumerate(dialogs):
        last_seeker = ""
        for turn in d["dialog"]:
            text = turn["content"].strip()
            if turn["speaker"] != "listener":
                last_seeker = text
            elif len(text) > 25:
                out.append((f"esconv{d_i}", last_seeker, text))
    return out


def esconv_failed_dialogs() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(dialogue key, [(speaker, strategy, text), ...]) of the failed ESConv dialogues, with
    consecutive turns of one speaker joined into one turn (strategy: the first one's;
    seekers have none). The key is the one crisis groups its folds by."""
    dialogs = json.loads((DATA / "esconv/FailedESConv.json").read_text(encoding="utf-8"))
    out = []
    for d_i, d in enumerate(dialogs):
        turns: list[tuple[str, str, str]] = []
        for turn in d["dialog"]:
            text = " ".join(turn["content"].split())
            speaker = "supporter" if turn["speaker"] == "listener" else "seeker"
            strategy = turn.get("annotation", {}).get("strategy", "")
            if turns and turns[-1][0] == speaker:
                turns[-1] = (speaker, turns[-1][1], f"{turns[-1][2]} {text}".strip())
            elif text:
                turns.append((speaker, strategy, text))
        out.append((f"esconv{d_i}", turns))
    return out


def rumoureval_replies() -> list[tuple[str, str, str]]:
    """(thread id, parent text, reply text) for replies in the traindev reply trees."""
    base = DATA / "rumoureval2017-threads/traindev"
    posts = json.loads((base / "posts.json").read_text(encoding="utf-8"))
    trees = json.loads((base / "structures.json").read_text(encoding="utf-8"))
    out = []

    def walk(thread, parent, children):
        if not isinstance(children, dict):
            return
        for child, sub in children.items():
            if parent in posts and child in posts:
                out.append((thread, posts[parent]["text"], posts[child]["text"]))
            walk(thread, child, sub)

    for thread, tree in trees.items():
        for root, children in tree.items():
            walk(thread, root, children)
    return out


#: GoEmotions labels read as painful and as joyful (the same sets eval_ood.py uses).
PAINFUL = frozenset({"sadness", "grief", "fear", "nervousness", "remorse", "disappointment"})
JOYFUL = frozenset({"joy", "pride", "excitement", "gratitude"})


def goemotions_label(labels: frozenset[str], pos: frozenset[str],
                     neg: frozenset[str]) -> int | None:
    """1 for a comment with an emotion of ``pos`` and none of ``neg``; 0 for one of ``neg``
    without ``pos``, or neutral only; None (left out) for mixed comments and other emotions."""
    if labels & pos and not labels & neg:
        return 1
    if (labels & neg and not labels & pos) or labels == {"neutral"}:
        return 0
    return None


def goemotions(split: str) -> list[tuple[str, frozenset[str], str]]:
    """(comment, its emotion labels, comment id) of GoEmotions ``train`` or ``dev``."""
    names = (DATA / "goemotions/labels.txt").read_text(encoding="utf-8").split()
    out = []
    for line in _lines(DATA / f"goemotions/{split}.tsv"):
        text, ids, key = line.split("\t")
        out.append((text, frozenset(names[int(i)] for i in ids.split(",")), key))
    return out


def dialoconan() -> list[tuple[str, int, str]]:
    """(turn, 1 hate speech / 0 counter-narrative, dialogue key) from DIALOCONAN.

    Turns that also appear in Multitarget-CONAN (about 6,000 of 16,625) are left out: that
    data set is where eval_ood.py measures hate against counter-speech. Research use only
    (conan/SOURCE.md); the hate model card says so.
    """
    with open(DATA / "conan/Multitarget-CONAN.csv", encoding="utf-8", newline="") as fh:
        held = {norm(r[c]) for r in csv.DictReader(fh)
                for c in ("HATE_SPEECH", "COUNTER_NARRATIVE")}
    out, seen = [], set()
    for r in _csv(DATA / "conan/DIALOCONAN.csv"):
        text = " ".join(r["text"].split())
        key = norm(text)
        if text and key not in held and key not in seen and r["type"] in ("HS", "CN"):
            seen.add(key)
            out.append((text, int(r["type"] == "HS"), f"dialoconan{r['dialogue_id']}"))
    return out


def unhealthy_comments() -> list[tuple[str, int, str]]:
    """(comment, label, comment id) of the Unhealthy Comments Corpus ``val.csv``: 1 for a
    comment labelled hostile or antagonising, 0 for one labelled healthy with no unhealthy
    attribute; comments with only other attributes (condescending, dismissive, sarcastic,
    unfair generalisation) are left out. ``test.csv`` is never read. No signal trains on it
    (eval_ood.py's held-apart set for toxicity; training/variants/2026-12-04b tried it)."""
    others = ("condescending", "dismissive", "sarcastic", "generalisation_unfair")
    out = []
    for r in _csv(DATA / "unhealthy-conversations/val.csv"):
        flag = {k: float(r[k] or 0) >= 0.5 for k in ("hostile", "antagonize", "healthy", *others)}
        if flag["hostile"] or flag["antagonize"]:
            out.append((r["comment"], 1, r["_unit_id"]))
        elif flag["healthy"] and not any(flag[k] for k in others):
            out.append((r["comment"], 0, r["_unit_id"]))
    return out


def toxigen() -> list[tuple[str, int, str]]:
    """(sentence, 1 hateful / 0 neutral, group) from the demonstration files."""
    out, seen = [], set()
    for path in sorted((DATA / "toxigen-demonstrations").glob("*/*.txt")):
        label = 1 if path.name.startswith("hate") else 0
        group = path.parent.name
        for line in _lines(path):
            text = line.strip().lstrip("- ").strip()
            if text and norm(text) not in seen:
                seen.add(norm(text))
                out.append((text, label, group))
    return out


def cases(signal: str, weight: float = 3.0, source: str = "cases") -> list[Example]:
    """Our written cases for ``signal`` (``training/cases/<signal>.jsonl``)."""
    path = CASES / f"{signal}.jsonl"
    if not path.exists():
        return []
    out = []
    for line in _lines(path):
        if line.strip():
            r = json.loads(line)
            ctx = r.get("context", "")
            out.append(Example(r["text"], int(r["label"]), ctx, source, weight))
    return out
