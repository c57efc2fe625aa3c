"""The held-apart sets ``eval_ood.py`` scores, read from ../shared/data (seeded samples
where a data set has no split; no test split is read)."""

from __future__ import annotations

import csv
import random
import re

from data import DATA, SEED, counsel_chat, davidson, in_val_fold, norm, unhealthy_comments

__all__ = ["conan", "counsel_pairs", "davidson_sample", "esconv_dev", "unhealthy"]


def _rng(salt: str) -> random.Random:
    return random.Random(f"{SEED}:ood:{salt}")


def unhealthy() -> list[tuple[str, int]]:
    """The Unhealthy Comments' ``val.csv``, labelled by data.unhealthy_comments."""
    return [(text, label) for text, label, _ in unhealthy_comments()]


def davidson_sample(n: int = 3000) -> list[tuple[str, int]]:
    rows = _rng("davidson").sample(davidson(), n)
    return [(t, int(c in (0, 1))) for t, c in rows]


def conan(n: int = 1000) -> list[tuple[str, int, str]]:
    with open(DATA / "conan/Multitarget-CONAN.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    disabled = [r for r in rows if r["TARGET"] == "DISABLED"]
    rest = [r for r in rows if r["TARGET"] != "DISABLED"]
    picked = disabled + _rng("conan").sample(rest, n)
    out, seen = [], set()
    for r in picked:
        for text, label in ((r["HATE_SPEECH"], 1), (r["COUNTER_NARRATIVE"], 0)):
            if norm(text) not in seen:
                seen.add(norm(text))
                out.append((text, label, r["TARGET"]))
    return out


_SEG = re.compile(r"^\S+ (\d) \d+ (?:\[([^\]]+)\] )?(.*)$", re.DOTALL)


def esconv_dev() -> list[tuple[str, str, str]]:
    """(seeker turn, supporter strategy, supporter turn): each dev line ends in a supporter
    turn; its context is the nearest seeker turn before it. Deduplicated."""
    out, seen = [], set()
    path = DATA / "esconv/codes/dataset/devWithStrategy_short.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        segs = [_SEG.match(s.strip()) for s in line.split(" EOS ")]
        if not segs or segs[-1] is None or segs[-1].group(1) != "1":
            continue
        reply, strategy = segs[-1].group(3).strip(), segs[-1].group(2) or "Other"
        post = next(
            (m.group(3).strip() for m in reversed(segs[:-1]) if m and m.group(1) == "0"), ""
        )
        if len(reply) >= 25 and len(post) >= 40 and (post, reply) not in seen:
            seen.add((post, reply))
            out.append((post, strategy, reply))
    return out


def counsel_pairs() -> list[tuple[str, str]]:
    """(question, answer) of Counsel Chat's held-apart fold (train/val rows only)."""
    return [
        (r["questionText"].strip(), r["answerText"].strip())
        for r in counsel_chat()
        if in_val_fold(r["questionID"]) and r["questionText"].strip() and r["answerText"].strip()
    ]
