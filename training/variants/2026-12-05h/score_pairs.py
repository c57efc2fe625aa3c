"""Score the held-apart (question post, reply) review set with the crisis signal.

Each reply is scored twice: with its context post and alone. The pairs file is
checked against a hard-coded sha256 first, so an edited set cannot be scored.
"""
import argparse
import hashlib
import json
import sys
from collections import OrderedDict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "review" / "pairs.jsonl"
EXPECTED_SHA256 = "48291dfc55b95f127daf5cdb9f5fd5a0df66e953494a9a4b657b5d6f3e5c698a"
THRESHOLD = 0.5


def check_sha256(path):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != EXPECTED_SHA256:
        sys.exit(f"sha256 mismatch for {path}: {digest} != {EXPECTED_SHA256}")
    return digest


def load_rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def crisis_column(table):
    names = table.column_names
    if "crisis" in names:
        return table.column("crisis").to_pylist()
    matches = [n for n in names if "crisis" in n]
    if len(matches) != 1:
        sys.exit(f"cannot find one crisis column in {names}")
    return table.column(matches[0]).to_pylist()


def summarise(rows):
    kinds = OrderedDict()
    for r in rows:
        kinds.setdefault(r["kind"], []).append(r)
    summary = OrderedDict()
    for kind, group in kinds.items():
        n = len(group)
        flag_ctx = sum(r["flag_ctx"] for r in group)
        flag_alone = sum(r["flag_alone"] for r in group)
        agree_ctx = sum(r["flag_ctx"] == r["author_at_risk"] for r in group)
        agree_alone = sum(r["flag_alone"] == r["author_at_risk"] for r in group)
        summary[kind] = {
            "n": n,
            "flagged_with_context": flag_ctx,
            "flagged_alone": flag_alone,
            "agreement_with_context": agree_ctx / n,
            "agreement_alone": agree_alone / n,
        }
    return summary


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repo", default=str(HERE.parents[2]),
                    help="repository root holding the kindscope package")
    ap.add_argument("--show", action="store_true",
                    help="list every row whose with-context flag disagrees with its label")
    ap.add_argument("--json", metavar="OUT", help="write summary and per-row scores here")
    args = ap.parse_args()

    digest = check_sha256(PAIRS)
    sys.path.insert(0, str(Path(args.repo).resolve()))
    from kindscope.signals import MODEL_VERSION, score_texts

    rows = load_rows(PAIRS)
    texts = [r["text"] for r in rows]
    contexts = [r.get("context") for r in rows]
    with_ctx = score_texts(texts, contexts=[c or None for c in contexts], signals=["crisis"])
    alone = score_texts(texts, contexts=None, signals=["crisis"])
    for r, s_ctx, s_alone in zip(rows, crisis_column(with_ctx), crisis_column(alone),
                                 strict=True):
        r["crisis_ctx"] = float(s_ctx)
        r["crisis_alone"] = float(s_alone)
        r["flag_ctx"] = int(r["crisis_ctx"] >= THRESHOLD)
        r["flag_alone"] = int(r["crisis_alone"] >= THRESHOLD)

    summary = summarise(rows)
    print(f"model {MODEL_VERSION}  pairs sha256 {digest}  threshold {THRESHOLD}")
    print(f"{'kind':<17}{'n':>5}{'flag ctx':>10}{'flag alone':>12}"
          f"{'agree ctx':>11}{'agree alone':>13}")
    for kind, s in summary.items():
        print(f"{kind:<17}{s['n']:>5}{s['flagged_with_context']:>10}"
              f"{s['flagged_alone']:>12}{s['agreement_with_context']:>11.3f}"
              f"{s['agreement_alone']:>13.3f}")
    n_all = len(rows)
    agree_ctx = sum(r["flag_ctx"] == r["author_at_risk"] for r in rows) / n_all
    agree_alone = sum(r["flag_alone"] == r["author_at_risk"] for r in rows) / n_all
    print(f"{'all':<17}{n_all:>5}{'':>22}{agree_ctx:>11.3f}{agree_alone:>13.3f}")

    wrong = [r for r in rows if r["flag_ctx"] != r["author_at_risk"]]
    if args.show:
        print(f"\n{len(wrong)} rows where the with-context flag disagrees with the label:")
        for r in wrong:
            print(f"{r['id']}  label={r['author_at_risk']}  ctx={r['crisis_ctx']:.3f}"
                  f"  alone={r['crisis_alone']:.3f}")
            print(f"    context: {r['context']}")
            print(f"    text:    {r['text']}")

    if args.json:
        out = {"model_version": MODEL_VERSION, "pairs_sha256": digest,
               "threshold": THRESHOLD, "summary": summary,
               "all": {"n": n_all, "agreement_with_context": agree_ctx,
                       "agreement_alone": agree_alone},
               "rows": [{k: r[k] for k in ("id", "kind", "author_at_risk", "crisis_ctx",
                                            "crisis_alone", "flag_ctx", "flag_alone")}
                        for r in rows]}
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
