"""Plan 23, bars 6 and 7: the blind set read by the shipped model and by each seed's run.

    .venv/bin/python training/variants/2026-12-06g/judge_finality.py RUN RUN RUN [--show]
        [--out FILE]

RUN: an artifact folder (``train_signals.py --out``). Checks the set's SHA-256 first; reads
each post alone with ``SignalModel(folder).score`` (heads and rule layers) at 0.5, with the
shipped artifacts and with each run; prints flags per kind, the medians over the runs and
the two bars. ``--show`` prints the posts whose reading by the median run differs from the
shipped model's (a post counts as flagged by the runs when at least two of three flag it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from kindscope.signals.model import ARTIFACTS, SignalModel  # noqa: E402

SET = HERE / "review/finality_4.jsonl"


def read_set() -> list[dict]:
    want = SET.with_suffix(".sha256").read_text().split()[0]
    data = SET.read_bytes()
    if hashlib.sha256(data).hexdigest() != want:
        raise SystemExit(f"{SET}: not the frozen bytes")
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", type=Path, nargs=3)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    rows = read_set()
    texts = [r["text"] for r in rows]
    sides = {"shipped": ARTIFACTS, **{str(run): run for run in args.runs}}
    readings = {name: [float(x) for x in SignalModel(folder).score(texts, None, ("crisis",))
                       ["crisis"]] for name, folder in sides.items()}
    kinds = Counter(r["kind"] for r in rows)
    flagged = {name: {k: sum(v >= 0.5 for v, r in zip(vals, rows, strict=True)
                             if r["kind"] == k) for k in kinds}
               for name, vals in readings.items()}
    print(f"{'kind':18s} {'n':>3s} {'shipped':>8s} " + " ".join(f"{Path(r).name:>6s}"
                                                                 for r in args.runs))
    for k in kinds:
        print(f"{k:18s} {kinds[k]:3d} {flagged['shipped'][k]:8d} "
              + " ".join(f"{flagged[str(r)][k]:6d}" for r in args.runs))
    notes = {n: f["goodbye_note"] for n, f in flagged.items()}
    others = {n: sum(v for k, v in f.items() if k != "goodbye_note") for n, f in flagged.items()}
    runs = [str(r) for r in args.runs]
    med_notes = statistics.median(notes[r] for r in runs)
    med_others = statistics.median(others[r] for r in runs)
    bar6 = med_notes >= notes["shipped"] + 10
    bar7 = med_others <= others["shipped"] + 2
    print(f"bar 6: goodbye notes caught {notes['shipped']} -> median {med_notes} "
          f"({', '.join(str(notes[r]) for r in runs)}): {'PASS' if bar6 else 'FAIL'}")
    print(f"bar 7: replies, goodbyes to a place and endings flagged {others['shipped']} -> "
          f"median {med_others} ({', '.join(str(others[r]) for r in runs)}): "
          f"{'PASS' if bar7 else 'FAIL'}")
    if args.show:
        for i, r in enumerate(rows):
            votes = sum(readings[run][i] >= 0.5 for run in runs)
            if (votes >= 2) != (readings["shipped"][i] >= 0.5):
                print(f"{r['id']:22s} {readings['shipped'][i]:.3f} -> "
                      + " ".join(f"{readings[run][i]:.3f}" for run in runs)
                      + f"  {' '.join(r['text'].split())}")
    if args.out:
        args.out.write_text(json.dumps({"flagged": flagged, "readings": {
            n: dict(zip((r["id"] for r in rows), v, strict=True))
            for n, v in readings.items()}}, indent=1) + "\n", encoding="utf-8")
    return 0 if bar6 and bar7 else 1


if __name__ == "__main__":
    raise SystemExit(main())
