"""Plans 10 to 18: their bars (README), medians over a variant's seeds against a base's seeds.

    .venv/bin/python training/variants/2026-12-05s/judge_seeds.py [--plan 10|...|16]
        --new DIR OOD.json CHALLENGE.json [--new ...]  [--base DIR OOD.json CHALLENGE.json ...]

Each run is an artifact folder (with its ``metrics.json``), its ``eval_ood.py`` figures and its
``eval_challenge.py`` figures. Without ``--base``, the base is the shipped recipe's three
seeds: the shipped artifacts with their committed figures (seed 13) and stop 35's runs at
seeds 14 and 15 (``/tmp/s14``, ``/tmp/s15``; their figures, in-distribution figures and
review counts are in ``baseline/``, the counts written by ``--record-base``, so the
artifacts are not needed once recorded). Exactly
three runs a side. Prints every bar with the per-seed figures of both sides and PASS or
FAIL; exit status 1 if any bar fails. Plan 16 (``2026-12-06``'s plan D) has bars 1-5 only: its
gain is judged on that folder's review set (``score_keep_going.py``).

Bar 5 compares the *count* of comforting replies read as support, as the README says (a
reply gained can offset one lost); the per-run counts are printed for reading.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
R = HERE.parent / "2026-12-05r"
Q = HERE.parent / "2026-12-05q"
sys.path[:0] = [str(R), str(Q), str(HERE.parent), str(ROOT)]

from judge import CARING, ESCONV, UCC, false_alarm, rnd  # noqa: E402

SHIPPED = ROOT / "kindscope/signals/artifacts"
B = HERE / "baseline"
BASE = [
    (SHIPPED, SHIPPED / "ood_metrics.json", ROOT / "tests/challenge/results.json"),
    (Path("/tmp/s14"), B / "ood_s14.json", B / "challenge_s14.json"),
    (Path("/tmp/s15"), B / "ood_s15.json", B / "challenge_s15.json"),
]
#: What the baseline's runs at seeds 14 and 15 need once their artifacts are gone: their
#: in-distribution figures and review counts, recorded here (``--record-base``).
RECORDED = {"/tmp/s14": "s14", "/tmp/s15": "s15"}
SEEDS = 3
DISTRESS_SUPPORTERS = "esconv dev supporter turns read as distress"
#: bar 6: (signal, row, metric, +1 where higher is better, -1 where lower is)
GAINS = [
    ("offensive", "davidson seeded sample 3000 (hate/offensive vs neither; "
     "alt-profanity-check trained on it)", "macro_f1", 1),
    ("offensive", "unhealthy-conversations val (hostile/antagonize vs healthy)", "macro_f1", 1),
    ("toxicity", "unhealthy-conversations val (hostile/antagonize vs healthy)", "auc", 1),
    ("hate", "conan DISABLED pairs", "macro_f1", 1),
    ("distress", DISTRESS_SUPPORTERS, "flag_rate", -1),
]
#: bar 6 of plans 11 to 15: plan 10's gains, to be kept
GAINS_11 = [
    ("crisis", "sdcnl at-risk val fold vs held-apart supporters, sadness, neutral", "macro_f1", 1),
    ("crisis", "goemotions dev painful-emotion comments flagged", "flag_rate", -1),
    ("support", ESCONV, "auc", 1),
    ("distress", DISTRESS_SUPPORTERS, "flag_rate", -1),
]
#: support's own bars (2): (row, metric, largest allowed fall; a negative one bounds a rise)
SUPPORT_OWN = [
    (ESCONV, "auc", 0.005),
    (ESCONV, "replies_flagged", 0.005),
    (ESCONV, "posts_flagged", -0.005),
    (CARING, "auc", 0.005),
    (UCC, "flag_rate", -0.005),
]


class Run:
    """One seed: its artifacts, held-apart figures, challenge figures and review counts."""

    def __init__(self, artifacts: Path, ood: Path, challenge: Path):
        self.artifacts = artifacts
        self.ood = json.loads(ood.read_text())["signals"]
        self.challenge = json.loads(challenge.read_text())["phenomena"]
        tag = RECORDED.get(str(artifacts))
        if tag and not (artifacts / "heads.npz").exists():  # a baseline run, recorded
            self.metrics = json.loads((B / f"metrics_{tag}.json").read_text())
            self.review = json.loads((B / f"review_{tag}.json").read_text())
        else:
            self.metrics = json.loads((artifacts / "metrics.json").read_text())
            self.review = review_counts(artifacts)

    def figure(self, signal: str, row: str, metric: str) -> float:
        fig = self.ood[signal][row]
        return fig if not isinstance(fig, dict) else fig[metric]


def review_counts(artifacts: Path) -> dict[str, dict[str, int]]:
    """Per review set: comforting and dismissive replies read as support at 0.5."""
    from compare_heads import SETS, kinds, support
    from frozen_sets import read_frozen

    out = {}
    for name in ("2", "3", "4"):
        rows, _ = read_frozen(SETS[name])
        scores = support(artifacts, rows)
        comfort, dismissive = kinds(rows)
        out[name] = {"comfort": sum(scores[i] >= 0.5 for i in comfort),
                     "dismissive": sum(scores[i] >= 0.5 for i in dismissive)}
    return out


def median(values) -> float:
    return statistics.median(values)


def _show(base: list[float], new: list[float]) -> str:
    return (f"{median(base):.4f} -> {median(new):.4f}  (seeds {', '.join(f'{x:.4f}' for x in base)}"
            f" | {', '.join(f'{x:.4f}' for x in new)})")


def bars(base: list[Run], new: list[Run], floors: dict[str, float], plan: int = 10
         ) -> list[tuple[str, bool, str]]:
    out = []
    own = {("support", row, m) for row, m, _ in SUPPORT_OWN}
    rows = base[0].ood
    # 1. every held-apart AUC / macro-F1 and false-alarm rate
    for signal, signal_rows in rows.items():
        for row, fig in signal_rows.items():
            metrics = ["auc"] if not isinstance(fig, dict) else [m for m in ("auc", "macro_f1")
                                                                  if m in fig]
            for metric in metrics:
                if (signal, row, metric) in own:
                    continue
                b = [r.figure(signal, row, metric) for r in base]
                n = [r.figure(signal, row, metric) for r in new]
                out.append((f"{signal} | {row} | {metric} falls <= 0.01",
                            rnd(median(n)) >= rnd(median(b) - 0.01), _show(b, n)))
            if isinstance(fig, dict) and "flag_rate" in fig and false_alarm(row) \
                    and (signal, row, "flag_rate") not in own:
                b = [r.figure(signal, row, "flag_rate") for r in base]
                n = [r.figure(signal, row, "flag_rate") for r in new]
                out.append((f"{signal} | {row} | false alarms rise <= 0.01",
                            rnd(median(n)) <= rnd(median(b) + 0.01), _show(b, n)))
    # 2. support's own
    for row, metric, fall in SUPPORT_OWN:
        b = [r.figure("support", row, metric) for r in base]
        n = [r.figure("support", row, metric) for r in new]
        if fall > 0:
            name, ok = f"falls <= {fall}", rnd(median(n)) >= rnd(median(b) - fall)
        else:
            name, ok = f"rises <= {-fall}", rnd(median(n)) <= rnd(median(b) - fall)
        out.append((f"support | {row} | {metric} {name}", ok, _show(b, n)))
    b = [r.metrics["support"]["summary"]["macro_f1"] for r in base]
    n = [r.metrics["support"]["summary"]["macro_f1"] for r in new]
    out.append(("support in-distribution macro-F1 falls <= 0.01",
                rnd(median(n)) >= rnd(median(b) - 0.01), _show(b, n)))
    # 3. crisis recall on its validation split
    b = [r.metrics["crisis"]["summary"]["recall_suicidewatch"] for r in base]
    n = [r.metrics["crisis"]["summary"]["recall_suicidewatch"] for r in new]
    out.append(("crisis validation recall >= 0.90", median(n) >= 0.90, _show(b, n)))
    # 4. challenge suite
    for name, floor in floors.items():
        b = [r.challenge[name] for r in base]
        n = [r.challenge[name] for r in new]
        out.append((f"challenge {name} >= floor {floor}", median(n) >= floor, _show(b, n)))
    b = [r.challenge["comfort_pair"] for r in base]
    n = [r.challenge["comfort_pair"] for r in new]
    out.append(("challenge comfort_pair >= base median", median(n) >= median(b), _show(b, n)))
    # 5. review sets
    for sets, most in ((("2", "3"), 3), (("4",), 5)):
        b = [sum(r.review[s]["comfort"] for s in sets) for r in base]
        n = [sum(r.review[s]["comfort"] for s in sets) for r in new]
        label = f"set{'s' * (len(sets) > 1)} {'+'.join(sets)}"
        out.append((f"{label}: comforting replies read as support fall <= {most}",
                    median(n) >= median(b) - most, _show(b, n)))
    b = [sum(r.review[s]["dismissive"] for s in ("2", "3", "4")) for r in base]
    n = [sum(r.review[s]["dismissive"] for s in ("2", "3", "4")) for r in new]
    out.append(("sets 2+3+4: dismissive replies read as support rise <= 3",
                median(n) <= median(b) + 3, _show(b, n)))
    if plan == 16:  # bars 1-5 only (2026-12-06's README)
        return out
    # 6. a gain outside the seeds' spread, on at least one
    gains = []
    for signal, row, metric, sign in GAINS if plan == 10 else GAINS_11:
        b = [sign * r.figure(signal, row, metric) for r in base]
        n = [sign * r.figure(signal, row, metric) for r in new]
        gains.append((f"{signal} | {row} | {metric}", min(n) > max(b),
                      _show([sign * x for x in b], [sign * x for x in n])))
    out.append(("a gain outside the seeds' spread on at least one of "
                + "; ".join(g[0] for g in gains), any(ok for _, ok, _ in gains),
                "\n        " + "\n        ".join(f"{'yes' if ok else 'no '} {name}: {figs}"
                                               for name, ok, figs in gains)))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new", nargs=3, action="append", type=Path, default=[],
                        metavar=("DIR", "OOD", "CHALLENGE"))
    parser.add_argument("--base", nargs=3, action="append", type=Path,
                        metavar=("DIR", "OOD", "CHALLENGE"))
    parser.add_argument("--plan", type=int, choices=range(10, 19), default=10)
    parser.add_argument("--record-base", action="store_true",
                        help="write the default base's review counts to baseline/ and stop")
    args = parser.parse_args(argv)
    if args.record_base:
        for artifacts, tag in RECORDED.items():
            (B / f"review_{tag}.json").write_text(
                json.dumps(review_counts(Path(artifacts)), indent=1) + "\n")
        return 0
    if len(args.new) != SEEDS or len(args.base or BASE) != SEEDS:
        parser.error(f"plans 10 to 18 are judged on {SEEDS} seeds a side (README)")
    sys.path.insert(0, str(ROOT / "tests/challenge"))
    from test_challenge import FLOORS

    base = [Run(*run) for run in (args.base or BASE)]
    new = [Run(*run) for run in args.new]
    for side, runs in (("base", base), ("new", new)):
        for run in runs:
            print(f"{side} {run.artifacts}: review {json.dumps(run.review)}")
    results = bars(base, new, FLOORS, args.plan)
    for name, ok, figures in results:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {figures}")
    failed = [ok for _, ok, _ in results].count(False)
    print(f"{len(results) - failed} of {len(results)} bars pass "
          f"(medians over {len(base)} base and {len(new)} new seeds)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
