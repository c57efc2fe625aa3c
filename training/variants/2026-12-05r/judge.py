"""Plan 8's or plan 9's bars (``--plan``) for a variant against the shipped model (README).

    .venv/bin/python training/variants/2026-12-05r/judge.py NEW_DIR [--plan 8|9] --new-ood OOD.json
        --new-challenge CHALLENGE.json [--base DIR --base-ood OOD.json
        --base-challenge CHALLENGE.json]

NEW_DIR is an artifact folder (``train_signals.py --weights ... --out NEW_DIR``); its OOD and
challenge figures come from ``training/eval_ood.py --artifacts NEW_DIR --out OOD.json`` and
``training/eval_challenge.py --artifacts NEW_DIR --out CHALLENGE.json``. The base defaults
to the shipped artifacts and their committed figures. Prints every bar, its figures and
PASS or FAIL, and the review sets' counts per kind (support at 0.5 with the post each reply
answers; no dismissal rule).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
Q = HERE.parent / "2026-12-05q"
sys.path[:0] = [str(Q), str(HERE.parent), str(ROOT)]

from compare_heads import SETS, kinds, support  # noqa: E402
from frozen_sets import read_frozen  # noqa: E402

ESCONV = "esconv dev: comforting reply vs the painful post it answers (pair AUC)"
CARING = "goemotions dev caring vs painful or neutral (no context)"
UCC = "unhealthy-conversations val hostile/antagonize comments read as support"
#: (signal, row, metric) checked by their own bars, not by the general 0.01 bars
OWN = {("support", ESCONV, "auc"), ("support", CARING, "auc")}
#: plan 8 also gives this false-alarm rate its own (0.005) bar
OWN_8 = {("support", UCC, "flag_rate")}
#: the bars compare figures at the four places eval_ood.py writes them
PLACES = 4


def review(base_dir: Path, new_dir: Path) -> dict:
    out = {}
    for name in ("4", "2", "3"):
        rows, _ = read_frozen(SETS[name])
        base, new = support(base_dir, rows), support(new_dir, rows)
        comfort, dismissive = kinds(rows)
        out[name] = {
            "comfort": len(comfort),
            "comfort_lost": sum(base[i] >= 0.5 > new[i] for i in comfort),
            "comfort_gained": sum(new[i] >= 0.5 > base[i] for i in comfort),
            "dismissive": len(dismissive),
            "dismissive_support_base": sum(base[i] >= 0.5 for i in dismissive),
            "dismissive_support_new": sum(new[i] >= 0.5 for i in dismissive),
        }
    return out


def bars(rev: dict, base_ood: dict, new_ood: dict, base_ch: dict, new_ch: dict,
         base_m: dict, new_m: dict, floors: dict, plan: int = 8
         ) -> list[tuple[str, bool | None, str]]:
    out = []
    s4 = rev["4"]
    b, n = base_ood["signals"]["support"], new_ood["signals"]["support"]
    out.append(("set 4: comforting replies lost <= 5", s4["comfort_lost"] <= 5,
                f"{s4['comfort_lost']} of {s4['comfort']}"))
    lost = rev["2"]["comfort_lost"] + rev["3"]["comfort_lost"]
    out.append(("sets 2+3: comforting replies lost <= 3", lost <= 3, str(lost)))
    if plan == 9:
        before = rev["2"]["dismissive_support_base"] + rev["3"]["dismissive_support_base"]
        after = rev["2"]["dismissive_support_new"] + rev["3"]["dismissive_support_new"]
        out.append(("sets 2+3: dismissive read as support fall by a third",
                    after <= 2 * before // 3, f"{before} -> {after} (bar {2 * before // 3})"))
    else:
        cut = 2 * s4["dismissive_support_base"] // 3  # 32 -> 21 or fewer
        out.append(("set 4: dismissive read as support fall by a third",
                    s4["dismissive_support_new"] <= cut,
                    f"{s4['dismissive_support_base']} -> {s4['dismissive_support_new']} "
                    f"(bar {cut})"))
    out.append(("ESConv pair AUC >= 0.9032", n[ESCONV]["auc"] >= 0.9032,
                f"{b[ESCONV]['auc']} -> {n[ESCONV]['auc']}"))
    out.append(("ESConv comforting replies read as support fall <= 0.005",
                rnd(n[ESCONV]["replies_flagged"]) >= rnd(b[ESCONV]["replies_flagged"] - 0.005),
                f"{b[ESCONV]['replies_flagged']} -> {n[ESCONV]['replies_flagged']}"))
    out.append(("GoEmotions caring AUC >= 0.7287", n[CARING]["auc"] >= 0.7287,
                f"{b[CARING]['auc']} -> {n[CARING]['auc']}"))
    if plan == 8:
        out.append(("ESConv painful posts read as support rise <= 0.005",
                    rnd(n[ESCONV]["posts_flagged"]) <= rnd(b[ESCONV]["posts_flagged"] + 0.005),
                    f"{b[ESCONV]['posts_flagged']} -> {n[ESCONV]['posts_flagged']}"))
        out.append(("Unhealthy hostile read as support rise <= 0.005",
                    rnd(n[UCC]["flag_rate"]) <= rnd(b[UCC]["flag_rate"] + 0.005),
                    f"{b[UCC]['flag_rate']} -> {n[UCC]['flag_rate']}"))
        bf = base_m["support"]["summary"]["macro_f1"]
        nf = new_m["support"]["summary"]["macro_f1"]
        out.append(("support in-distribution macro-F1 falls <= 0.01", rnd(nf) >= rnd(bf - 0.01),
                    f"{bf} -> {nf}"))
    else:  # reported, not bars
        out.append(("(reported) ESConv painful posts read as support", None,
                    f"{b[ESCONV]['posts_flagged']} -> {n[ESCONV]['posts_flagged']}"))
        out.append(("(reported) set 4: dismissive read as support", None,
                    f"{s4['dismissive_support_base']} -> {s4['dismissive_support_new']}"))
    own = OWN | OWN_8 if plan == 8 else OWN
    for signal, rows in base_ood["signals"].items():
        for row, fig in rows.items():
            new = new_ood["signals"][signal][row]
            if not isinstance(fig, dict):  # a bare AUC (crisis: at-risk vs supporters)
                fig, new = {"auc": fig}, {"auc": new}
            for metric in ("auc", "macro_f1"):
                if metric in fig and (signal, row, metric) not in own:
                    out.append((f"{signal} | {row} | {metric} falls <= 0.01",
                                rnd(new[metric]) >= rnd(fig[metric] - 0.01),
                                f"{fig[metric]} -> {new[metric]}"))
            if "flag_rate" in fig and false_alarm(row) \
                    and (signal, row, "flag_rate") not in own:
                out.append((f"{signal} | {row} | false alarms rise <= 0.01",
                            rnd(new["flag_rate"]) <= rnd(fig["flag_rate"] + 0.01),
                            f"{fig['flag_rate']} -> {new['flag_rate']}"))
    if plan == 8:
        rec = new_m["crisis"]["summary"]["recall_suicidewatch"]
        out.append(("crisis validation recall >= 0.90", rec >= 0.90,
                    f"{base_m['crisis']['summary']['recall_suicidewatch']} -> {rec}"))
    for name, floor in floors.items():
        got = new_ch["phenomena"][name]
        out.append((f"challenge {name} >= floor {floor}", got >= floor,
                    f"{base_ch['phenomena'][name]} -> {got}"))
    out.append(("challenge comfort_pair stays 1.0", new_ch["phenomena"]["comfort_pair"] == 1.0,
                str(new_ch["phenomena"]["comfort_pair"])))
    return out


def false_alarm(row: str) -> bool:
    """A flag rate of texts that are not the signal's kind: not a recall ("caught"), and not
    a row of texts with no label (a shortcut check)."""
    return not ("caught" in row or "recall" in row or "no label" in row)


def rnd(x: float) -> float:
    return round(x, PLACES)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("new", type=Path)
    parser.add_argument("--new-ood", type=Path, required=True)
    parser.add_argument("--new-challenge", type=Path, required=True)
    parser.add_argument("--base", type=Path, default=ROOT / "kindscope/signals/artifacts")
    parser.add_argument("--base-ood", type=Path)
    parser.add_argument("--plan", type=int, choices=(8, 9), default=8)
    parser.add_argument("--base-challenge", type=Path,
                        default=ROOT / "tests/challenge/results.json")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests/challenge"))
    from test_challenge import FLOORS

    def read(path: Path) -> dict:
        return json.loads(path.read_text())

    rev = review(args.base, args.new)
    for name, r in rev.items():
        print(f"set {name}: {json.dumps(r)}")
    results = bars(rev, read(args.base_ood or args.base / "ood_metrics.json"),
                   read(args.new_ood), read(args.base_challenge), read(args.new_challenge),
                   read(args.base / "metrics.json"), read(args.new / "metrics.json"), FLOORS,
                   args.plan)
    for name, ok, figures in results:
        print(f"{'    ' if ok is None else 'PASS' if ok else 'FAIL'}  {name}: {figures}")
    checked = [ok for _, ok, _ in results if ok is not None]
    failed = checked.count(False)
    print(f"{len(checked) - failed} of {len(checked)} bars pass")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
