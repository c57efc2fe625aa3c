"""Score the frozen challenge suite (tests/challenge/challenge.jsonl) with the shipped model.

    nice -n 10 .venv/bin/python training/eval_challenge.py [--out PATH] [--failures]
        [--artifacts DIR]

Each case names the signal(s) it is about and the expected decision for each (a score at
or above the shipped threshold ``THRESHOLDS[signal]`` means "shows the signal"). Texts are
read as the product reads them, through ``kindscope.signals.read_texts`` (language
detection first): a case whose text the signals do not read (null scores) counts as "does
not show" the signal, as in every rate the product reports, and is counted in ``unread``.
A case is right when every expected decision is right. Prints the accuracy per phenomenon
and overall, and writes them (with the accuracy per phenomenon and signal, the ids of the
cases got wrong, and every case's scores of every signal as the model's fingerprint) as
JSON to ``tests/challenge/results.json`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kindscope.signals import MODEL_VERSION, SIGNALS, THRESHOLDS  # noqa: E402
from kindscope.signals.language import read_texts  # noqa: E402

sys.path.insert(0, str(ROOT / "training"))
from features import environment  # noqa: E402

SUITE = ROOT / "tests/challenge/challenge.jsonl"
OUT = ROOT / "tests/challenge/results.json"


def load(path: Path = SUITE) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def score(cases: list[dict]) -> list[dict[str, float | None]]:
    """Per case, the score of every signal (None where the text is not read).

    Every signal, not only those a case names: ``results.json`` keeps them all as the
    model's fingerprint (``test_challenge.py`` checks that they move only with a new
    ``MODEL_VERSION``, since stores keep scores by version).
    """
    table = read_texts(
        [c["text"] for c in cases], [c.get("context") for c in cases], signals=list(SIGNALS)
    )
    columns = {s: table[s].to_pylist() for s in SIGNALS}
    return [{s: columns[s][i] for s in SIGNALS} for i in range(len(cases))]


def fingerprint(cases: list[dict], scores: list[dict[str, float | None]]) -> dict:
    """Every case's scores, rounded to 4 places, in the order of ``SIGNALS``."""
    return {
        "signals": list(SIGNALS),
        "scores": {
            c["id"]: [None if got[s] is None else round(got[s], 4) for s in SIGNALS]
            for c, got in zip(cases, scores, strict=True)
        },
    }


def evaluate(cases: list[dict], scores: list[dict[str, float | None]]) -> dict:
    right: dict[str, list[bool]] = defaultdict(list)
    by_signal: dict[str, list[bool]] = defaultdict(list)
    wrong: dict[str, list[str]] = defaultdict(list)
    unread = 0
    for case, got in zip(cases, scores, strict=True):
        ok = True
        for signal, expected in case["expect"].items():
            value = got[signal]
            unread += value is None
            shows = value is not None and value >= THRESHOLDS[signal]
            by_signal[f"{case['phenomenon']}/{signal}={str(expected).lower()}"].append(
                shows == expected
            )
            ok &= shows == expected
        right[case["phenomenon"]].append(ok)
        if not ok:
            wrong[case["phenomenon"]].append(case["id"])
    all_right = [x for xs in right.values() for x in xs]
    return {
        "model_version": MODEL_VERSION,
        "command": "nice -n 10 .venv/bin/python training/eval_challenge.py",
        "cases": len(cases),
        "unread": unread,
        "overall": round(sum(all_right) / len(all_right), 4),
        "phenomena": {p: round(sum(xs) / len(xs), 4) for p, xs in sorted(right.items())},
        "cases_per_phenomenon": {p: len(xs) for p, xs in sorted(right.items())},
        "by_expectation": {
            k: {"n": len(xs), "accuracy": round(sum(xs) / len(xs), 4)}
            for k, xs in sorted(by_signal.items())
        },
        "wrong": dict(sorted(wrong.items())),
        "fingerprint": fingerprint(cases, scores),
        "environment": environment(),
    }


#: Scores may differ by this much between machines and dependency releases (float sums in
#: another order, another int8 kernel) without the model having changed. On one machine they
#: are equal to 4 places; a rule that fires or a head refitted moves some by far more.
FINGERPRINT_TOLERANCE = 0.01


def moved_scores(stored: dict, result: dict) -> list[tuple]:
    """(case, signal, stored, now) for every score that moved by more than the tolerance,
    when ``stored`` names the same model version as ``result``; empty otherwise."""
    if stored.get("model_version") != result["model_version"] or "fingerprint" not in stored:
        return []
    now, then = result["fingerprint"], stored["fingerprint"]
    if now["signals"] != then["signals"] or set(now["scores"]) != set(then["scores"]):
        return [("(cases or signals)", None, None, None)]
    moved = []
    for case_id, scores in now["scores"].items():
        for signal, a, b in zip(now["signals"], scores, then["scores"][case_id], strict=True):
            if (a is None) != (b is None) or (
                    a is not None and not abs(a - b) <= FINGERPRINT_TOLERANCE):
                moved.append((case_id, signal, b, a))
    return moved


def dump(result: dict) -> str:
    """``result`` as JSON, indented, with one line per case in the fingerprint."""
    scores = result["fingerprint"]["scores"]
    marker = "@@scores@@"
    text = json.dumps(
        {**result, "fingerprint": {**result["fingerprint"], "scores": marker}}, indent=1
    )
    lines = ",\n".join(f"   {json.dumps(k)}: {json.dumps(v)}" for k, v in scores.items())
    return text.replace(json.dumps(marker), "{\n" + lines + "\n  }") + "\n"


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=SUITE)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--failures", action="store_true", help="print the cases got wrong")
    parser.add_argument("--force", action="store_true",
                        help="write tests/challenge/results.json even though scores moved "
                             "under the model version it names (only for a version that "
                             "never left the branch)")
    parser.add_argument("--artifacts", type=Path,
                        help="score with the artifacts in this folder instead of the shipped "
                             "ones (a variant model; write to another --out)")
    args = parser.parse_args(argv)
    if args.artifacts:
        if args.out == OUT:
            parser.error("--artifacts writes to another --out")
        import kindscope.signals.model as signal_model

        signal_model._model = signal_model.SignalModel(args.artifacts)
    cases = load(args.suite)
    scores = score(cases)
    result = evaluate(cases, scores)
    if args.out == OUT and OUT.exists() and not args.force:
        moved = moved_scores(json.loads(OUT.read_text(encoding="utf-8")), result)
        if moved:
            parser.error(f"{len(moved)} scores moved under {MODEL_VERSION} (first: {moved[0]}): "
                         "bump MODEL_VERSION in kindscope/signals/model.py and manifest.json "
                         "first (stores keep scores by version), or --force for a version "
                         "that never left the branch")
    args.out.write_text(dump(result), encoding="utf-8")
    width = max(map(len, result["phenomena"]))
    for name, acc in result["phenomena"].items():
        print(f"{name:{width}s}  {acc:.3f}  (n={result['cases_per_phenomenon'][name]})")
    print(
        f"{'overall':{width}s}  {result['overall']:.3f}  (n={result['cases']}, "
        f"unread {result['unread']})"
    )
    if args.failures:
        by_id = {c["id"]: (c, s) for c, s in zip(cases, scores, strict=True)}
        for ids in result["wrong"].values():
            for i in ids:
                case, got = by_id[i]
                figs = ", ".join(
                    f"{k} {'-' if got[k] is None else round(got[k], 2)}" for k in case["expect"]
                )
                print(f"  {i}: {case['text']!r} expect {case['expect']} got {figs}")
    return result


if __name__ == "__main__":
    main()
