"""Score the held-apart 2026-12-05i review pairs with kindscope's crisis signal.

Each reply is scored twice: with the post it answers as context, and alone.
A row counts as flagged when crisis >= 0.5. The pairs file is checked against a
hard-coded sha256 first, so the set cannot change after it was written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_REPO = HERE.parents[2]
PAIRS = HERE / "review" / "pairs.jsonl"
EXPECTED_SHA256 = "61d4d3e6efad7447f74cf1fdbff3080f83a88c711c1c6f59b1cb1e80ed482080"
THRESHOLD = 0.5
KINDS = ("everyday", "crisis_check", "crisis_check_ok")


def load_pairs(path: Path) -> list[dict]:
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != EXPECTED_SHA256:
        sys.exit(f"sha256 mismatch for {path}: {digest} != {EXPECTED_SHA256}")
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repo", type=Path, default=DEFAULT_REPO, help="repo root holding kindscope")
    ap.add_argument("--show", action="store_true",
                    help="list rows whose with-context flag disagrees with the label")
    ap.add_argument("--json", dest="json_out", type=Path, default=None, metavar="OUT",
                    help="write summary and per-row scores to OUT")
    args = ap.parse_args()

    rows = load_pairs(PAIRS)
    sys.path.insert(0, str(args.repo.resolve()))
    from kindscope.signals import MODEL_VERSION, score_texts

    texts = [r["text"] for r in rows]
    contexts = [r.get("context") for r in rows]
    with_ctx = score_texts(texts, contexts=[c or None for c in contexts], signals=["crisis"])
    alone = score_texts(texts, contexts=None, signals=["crisis"])
    ctx_scores = [float(x) for x in with_ctx.column("crisis").to_pylist()]
    alone_scores = [float(x) for x in alone.column("crisis").to_pylist()]

    per_row = []
    for r, sc, sa in zip(rows, ctx_scores, alone_scores, strict=True):
        per_row.append({
            "id": r["id"], "kind": r["kind"], "label": int(r["author_at_risk"]),
            "crisis_ctx": sc, "crisis_alone": sa,
            "flag_ctx": int(sc >= THRESHOLD), "flag_alone": int(sa >= THRESHOLD),
        })

    print(f"model {MODEL_VERSION}  pairs {len(rows)}  sha256 {EXPECTED_SHA256[:12]}")
    header = f"{'kind':<16} {'n':>4} {'flag_ctx':>9} {'flag_alone':>11} {'agree_ctx':>10}"
    print(header + f" {'agree_alone':>12}")
    summary = {}
    kinds = list(KINDS) + sorted({p["kind"] for p in per_row} - set(KINDS))
    for kind in kinds:
        sel = [p for p in per_row if p["kind"] == kind]
        if not sel:
            continue
        n = len(sel)
        f_ctx = sum(p["flag_ctx"] for p in sel)
        f_alone = sum(p["flag_alone"] for p in sel)
        a_ctx = sum(p["flag_ctx"] == p["label"] for p in sel) / n
        a_alone = sum(p["flag_alone"] == p["label"] for p in sel) / n
        summary[kind] = {"n": n, "flagged_ctx": f_ctx, "flagged_alone": f_alone,
                         "agreement_ctx": a_ctx, "agreement_alone": a_alone}
        print(f"{kind:<16} {n:>4} {f_ctx:>9} {f_alone:>11} {a_ctx:>10.3f} {a_alone:>12.3f}")

    wrong = [(p, r) for p, r in zip(per_row, rows, strict=True) if p["flag_ctx"] != p["label"]]
    if args.show:
        print(f"\n{len(wrong)} rows where the with-context flag disagrees with the label:")
        for p, r in wrong:
            print(f"- {p['id']} label={p['label']} ctx={p['crisis_ctx']:.3f} "
                  f"alone={p['crisis_alone']:.3f}")
            print(f"    context: {r.get('context') or ''}")
            print(f"    text:    {r['text']}")

    if args.json_out is not None:
        out = {"model_version": MODEL_VERSION, "sha256": EXPECTED_SHA256,
               "threshold": THRESHOLD, "summary": summary, "rows": per_row}
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
