"""Scoring a frozen review set: the shared part of the ``score_*.py`` scripts of 2026-12-05c-l.

Each review set is a JSONL file written by a reviewer and hashed before any model scored it;
rows have ``id``, ``kind``, ``text``, ``context`` (the post it answers, or "") and
``author_at_risk``. The hash stands beside the set, in its folder's ``SHA256SUMS`` or in
``<name>.sha256`` (``tests/test_review_sets.py`` checks every one); ``main`` refuses a set whose
bytes differ, reads every text with its context through ``score_texts`` (crisis and distress, at
0.5), and prints per kind how many are flagged next to the label, and how many read as painful
as the care queue reads it (crisis or distress), of all and of the replies. Options: ``--repo
DIR`` imports ``kindscope`` from another checkout, ``--show`` lists every row whose crisis flag
disagrees with its label, ``--json OUT`` writes the counts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

SIGNALS = ("crisis", "distress")
ROOT = Path(__file__).resolve().parents[2]


def frozen_hash(path: Path) -> str:
    """The sha256 a review set was frozen with: its line in the folder's ``SHA256SUMS``, or
    ``<name>.sha256`` beside it."""
    for hashes in (path.parent / "SHA256SUMS", path.with_suffix(".sha256")):
        if hashes.exists():
            for line in hashes.read_text(encoding="utf-8").splitlines():
                if line.strip() and line.split(maxsplit=1)[1].lstrip("*") == path.name:
                    return line.split()[0]
    raise SystemExit(f"{path}: no frozen hash beside it")


def read_frozen(path: Path) -> tuple[list[dict], str]:
    """The rows of a review set and its sha256, refused if its bytes are not the frozen ones."""
    data = path.read_bytes()
    sha256 = frozen_hash(path)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SystemExit(f"{path}: not the frozen review set (sha256 differs)")
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()], sha256


def frozen_review_sets(root: Path | None = None):
    """``(name, rows)`` of every ``*/review/*.jsonl`` under ``root`` (default: this folder)
    that has a frozen hash beside it, in name order; a set with a hash its bytes no longer
    match is refused (``read_frozen``), not skipped."""
    root = root or Path(__file__).resolve().parent
    for path in sorted(root.glob("*/review/*.jsonl")):
        try:
            frozen_hash(path)
        except SystemExit:  # no hash beside it: not a frozen set
            continue
        rows, _ = read_frozen(path)
        yield str(path.relative_to(root)), rows


def read_or_compare(parser: argparse.ArgumentParser, read, compare) -> None:
    """The ``--json OUT`` / ``--compare OLD NEW`` command of a plan's review script: adds both
    to ``parser`` (which holds the script's own options), then prints ``compare(old, new)``
    of two earlier outputs, or writes ``read(args)``'s rows to OUT."""
    parser.add_argument("--json", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = parser.parse_args()
    if args.compare:
        old, new = (json.loads(p.read_text()) for p in args.compare)
        print(json.dumps(compare(old, new), indent=1, ensure_ascii=False))
        return
    rows = read(args)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    print(f"{len(rows)} rows read")


def pick_set(sets: dict[str, Path], argv=None) -> tuple[Path, list[str]]:
    """The set that ``--set NAME`` names among ``sets`` ("1" without it), and the other
    arguments."""
    argv = list(sys.argv[1:] if argv is None else argv)
    which = "1"
    if "--set" in argv:
        at = argv.index("--set")
        which = argv[at + 1]
        del argv[at : at + 2]
    if which not in sets:
        raise SystemExit(f"--set: one of {', '.join(sets)}")
    return sets[which], argv


def _args(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT")
    return parser.parse_args(argv)


def main(path: Path, argv=None, show_context: bool = False) -> dict:
    args = _args(argv)
    rows, sha256 = read_frozen(path)
    sys.path.insert(0, str(args.repo.resolve()))
    from kindscope.signals import MODEL_VERSION, score_texts

    table = score_texts([r["text"] for r in rows],
                        contexts=[r["context"] or None for r in rows], signals=list(SIGNALS))
    cols = {s: table.column(s).to_pylist() for s in SIGNALS}
    flags = {s: [int((v or 0) >= 0.5) for v in cols[s]] for s in SIGNALS}
    out = {"model_version": MODEL_VERSION, "sha256": sha256, "kinds": {}}
    painful = [max(flags["crisis"][i], flags["distress"][i]) for i in range(len(rows))]
    print(f"{MODEL_VERSION}\n{'kind':24s} {'n':>3s} {'risk':>4s} {'crisis':>7s} "
          f"{'distress':>8s} {'agree':>6s} {'painful':>7s} {'replies':>7s} {'painful':>7s}")
    right = 0
    for kind in dict.fromkeys(r["kind"] for r in rows):
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
        rates = {s: sum(flags[s][i] for i in idx) for s in SIGNALS}
        labels = {rows[i]["author_at_risk"] for i in idx}
        label = labels.pop() if len(labels) == 1 else -1
        agree = sum(flags["crisis"][i] == rows[i]["author_at_risk"] for i in idx)
        right += agree
        replies = [i for i in idx if rows[i]["context"]]
        out["kinds"][kind] = {"n": len(idx), "author_at_risk": label, "flagged": rates,
                              "crisis_agrees": agree, "painful": sum(painful[i] for i in idx),
                              "replies": len(replies),
                              "painful_replies": sum(painful[i] for i in replies)}
        print(f"{kind:24s} {len(idx):3d} {label:4d} {rates['crisis']:7d} "
              f"{rates['distress']:8d} {agree:6d} {out['kinds'][kind]['painful']:7d} "
              f"{len(replies):7d} {out['kinds'][kind]['painful_replies']:7d}")
    for i, r in enumerate(rows if args.show else []):
        if flags["crisis"][i] != r["author_at_risk"]:
            said = (f"{(r['context'] or '')[:60]!r} -> {r['text'][:60]!r}" if show_context
                    else f"{r['text'][:110]!r}")
            print(f"  crisis {cols['crisis'][i] or 0:.2f} want {r['author_at_risk']} "
                  f"{r['id']}: {said}")
    out["n"] = len(rows)
    out["crisis_agreement"] = round(right / len(rows), 3)
    print(f"crisis flag agrees with author_at_risk: {right}/{len(rows)} = "
          f"{out['crisis_agreement']}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return out


def main_labelled(path: Path, labels: dict[str, str], argv=None) -> dict:
    """Like ``main`` for a set with a label per signal (``labels``: signal -> row field, e.g.
    ``{"crisis": "author_at_risk", "toxicity": "attacks"}``): per kind, how many texts each
    signal flags at 0.5 (distress too), and how many flags agree with their label over the
    set. ``--show`` lists every disagreeing flag."""
    args = _args(argv)
    rows, sha256 = read_frozen(path)
    sys.path.insert(0, str(args.repo.resolve()))
    from kindscope.signals import MODEL_VERSION, score_texts

    signals = list(dict.fromkeys([*labels, "distress"]))
    table = score_texts([r["text"] for r in rows],
                        contexts=[r["context"] or None for r in rows], signals=signals)
    cols = {s: table.column(s).to_pylist() for s in signals}
    out = {"model_version": MODEL_VERSION, "sha256": sha256, "kinds": {}}
    print(f"{MODEL_VERSION}\n{'kind':18s} {'n':>3s} "
          + " ".join(f"{labels[s][:6]:>6s}" for s in labels)
          + " " + " ".join(f"{s:>8s}" for s in signals))
    for kind in dict.fromkeys(r["kind"] for r in rows):
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
        rates = {s: sum((cols[s][i] or 0) >= 0.5 for i in idx) for s in signals}
        out["kinds"][kind] = {"n": len(idx), "flagged": rates}
        print(f"{kind:18s} {len(idx):3d} "
              + " ".join(f"{int(rows[idx[0]][labels[s]]):6d}" for s in labels)
              + " " + " ".join(f"{rates[s]:8d}" for s in signals))
    right = dict.fromkeys(labels, 0)
    for i, r in enumerate(rows):
        for signal, label in labels.items():
            flag = int((cols[signal][i] or 0) >= 0.5)
            right[signal] += flag == r[label]
            if args.show and flag != r[label]:
                print(f"  {signal} {cols[signal][i] or 0:.2f} want {int(r[label])} {r['id']}: "
                      f"{r['text'][:110]!r}")
    out["right"] = {s: round(v / len(rows), 3) for s, v in right.items()}
    print("agreement with the labels:", out["right"], f"of {len(rows)}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return out
