"""What the dismissal rule (``dismissals.py`` beside this script) does, with the plans' figures.

    .venv/bin/python training/variants/2026-12-05q/score_dismissals.py [--set 1|2|3|4]
        [--show] [--artifacts DIR] [--review-only] [--rule REV]

1. A frozen review set (``--set 2``, the default; ``--set 1``: the one whose misses were read
   to widen the rule; 3 and 4: plans 5 and 6; see the README for what each is held apart
   from): per kind, replies read as support (>= 0.5, with the post they answer) with the
   rule and without it. ``--artifacts DIR`` scores with another support head.
2. Real replies meant as support, where the rule should not fire: ESConv dev supporter
   turns, Counsel Chat's held-apart answers, EPITOME's Reddit responses (every level;
   level 0 has no empathy and may dismiss). The rule's fire rate on each; ``--show``
   prints every reply it fires on, to be read.
3. The Unhealthy Comments' val.csv (real newspaper comments, held apart from every signal):
   the rule's fire rate on comments labelled dismissive, condescending or sarcastic against
   those labelled healthy. They are not replies to pain, so this says whether the rule finds
   dismissal in real text at all, not how well.

Every text is read with disguised spellings undone (the model's respeller), as the model
did while it held the rule.

The rule is not in the model (plan 6 took it out): it lives beside this script
(``dismissals.py``, as at a672a1a) and "rule on" caps the shipped model's support where it
fires, as the model did while it held the rule.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path[:0] = [str(HERE.parent), str(ROOT / "training")]

import dismissals  # noqa: E402
from compare_heads import SETS, kinds  # noqa: E402
from frozen_sets import read_frozen  # noqa: E402


def capped(support: list[float], fired: list[list[str]]) -> list[float]:
    """Support as the rule would leave it: capped at 0.3 (``guards.GUARD_CAP``) where it
    fires, as ``SignalModel.score`` did while the rule was in it (a672a1a)."""
    return [min(p, 0.3) if why else p for p, why in zip(support, fired, strict=True)]


#: The rule scored: ``dismissals.py`` beside this script (as at a672a1a), or ``--rule REV``.
RULE = dismissals


def rule_at(rev: str):
    """The rule module as the commit ``rev`` had it in ``kindscope/signals/dismissals.py``
    (c820e90: as first shipped, before the fresh-eyes review's fixes)."""
    import subprocess
    import types

    code = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:kindscope/signals/"
                           "dismissals.py"], check=True, capture_output=True, text=True).stdout
    module = types.ModuleType(f"dismissals_{rev}")
    exec(compile(code, f"{rev}:dismissals.py", "exec"), module.__dict__)
    return module


def review(rows: list[dict]) -> dict:
    from kindscope.signals import get_model, score_texts

    texts = [r["text"] for r in rows]
    contexts = [r["context"] or None for r in rows]
    off = score_texts(texts, contexts=contexts, signals=["support"]).column("support")
    # the model read each text with disguised spellings undone, as every rule layer does
    fix = get_model().respeller.fix
    on = capped(off.to_pylist(), [RULE.explain_dismissals(fix(t)) for t in texts])
    out = {}
    print(f"{'kind':16s} {'n':>4s} {'support, rule off':>18s} {'rule on':>8s}")
    for kind in dict.fromkeys(r["kind"] for r in rows):
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
        n_off = sum(off[i].as_py() >= 0.5 for i in idx)
        n_on = sum(on[i] >= 0.5 for i in idx)
        out[kind] = {"n": len(idx), "support_off": n_off, "support_on": n_on}
        print(f"{kind:16s} {len(idx):4d} {n_off:18d} {n_on:8d}")
    lost = [rows[i]["text"] for i in kinds(rows)[0] if off[i].as_py() >= 0.5 > on[i]]
    for text in lost:
        print(f"  comfort lost: {text!r}")
    return out


def real(show: bool) -> None:
    from kindscope.signals import get_model

    fix = get_model().respeller.fix
    from data import epitome
    from ood_sets import counsel_pairs, esconv_dev

    epi = {}
    for mech in ("er", "ip", "ex"):
        for r in epitome(mech):
            epi.setdefault(r["rp_id"], (r["response_post"], int(r["level"])))
    sets = {
        "ESConv dev supporter turns": sorted({reply for _, _, reply in esconv_dev()}),
        "Counsel Chat held-apart answers": sorted({a for _, a in counsel_pairs()}),
        "EPITOME responses, any empathy (level 1-2 in one mechanism)": sorted(
            {t for t, lv in epi.values() if lv > 0}),
        "EPITOME responses, level 0 (no empathy)": sorted(
            {t for t, lv in epi.values() if lv == 0}),
    }
    print(f"\n{'real replies':60s} {'n':>6s} {'fires':>6s} {'rate':>7s}")
    for name, texts in sets.items():
        fired = [(t, RULE.explain_dismissals(fix(t))) for t in texts]
        fired = [(t, why) for t, why in fired if why]
        print(f"{name:60s} {len(texts):6d} {len(fired):6d} {len(fired) / len(texts):7.2%}")
        if show:
            for t, why in fired:
                print(f"    {','.join(why)}: {t[:300]!r}")


def unhealthy(show: bool) -> None:
    from kindscope.signals import get_model

    fix = get_model().respeller.fix
    from data import DATA, _csv

    rows = _csv(DATA / "unhealthy-conversations/val.csv")
    print(f"\n{'Unhealthy Comments val (held apart)':60s} {'n':>6s} {'fires':>6s} {'rate':>7s}")
    for attr in ("dismissive", "condescending", "sarcastic", "healthy"):
        texts = [r["comment"] for r in rows if float(r[attr] or 0) >= 0.5]
        fired = [t for t in texts if RULE.explain_dismissals(fix(t))]
        print(f"{attr:60s} {len(texts):6d} {len(fired):6d} {len(fired) / len(texts):7.2%}")
        if show and attr != "healthy":
            for t in fired:
                print(f"    {t[:200]!r}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--set", choices=sorted(SETS), default="2",
                        help="1: the first review set (read while the rule was widened); "
                             "2: the second, held apart (default); 3: the third, for plan 5; "
                             "4: comfort in other senses, for plan 6")
    parser.add_argument("--artifacts", type=Path,
                        help="score with the artifacts in this folder (a refitted head)")
    parser.add_argument("--review-only", action="store_true")
    parser.add_argument("--rule", metavar="REV",
                        help="score the rule as commit REV had it in kindscope/signals/ "
                             "(c820e90: before the fresh-eyes review's fixes)")
    args = parser.parse_args(argv)
    global RULE
    if args.rule:
        RULE = rule_at(args.rule)
    if args.artifacts:
        import kindscope.signals.model as signal_model

        signal_model._model = signal_model.SignalModel(args.artifacts)
    rows, sha = read_frozen(SETS[args.set])
    from kindscope.signals import MODEL_VERSION

    print(f"{MODEL_VERSION}, review set {args.set}, sha256 {sha[:12]}")
    review(rows)
    if args.review_only:
        return
    real(args.show)
    unhealthy(args.show)


if __name__ == "__main__":
    main()
