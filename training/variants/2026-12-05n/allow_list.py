"""The word model with positive weights kept only for an allow-list of offensive words: a
variant of model 2026.12.15's offensive input, not shipped (README.md here).

    .venv/bin/python training/variants/2026-12-05n/allow_list.py export DIR
    .venv/bin/python training/variants/2026-12-05n/allow_list.py score DIR

``export`` writes ``DIR/profanity.npz`` with every word's positive weights set to 0 except
those in ``allow.txt`` (and never those of ``export_profanity.NEUTRAL``); negative weights
stay. Refit the offensive head on it with ``train_signals.py --skip-export --signals
offensive --out DIR``. ``score`` prints, for the artifacts in DIR, the offensive validation
figures (``DIR/metrics.json``), how many posts of pain and comfort read as offensive (the sets
of ``2026-12-05m/offensive_on_pain.py``) and how many of the third review's posts do.
Run from the repository root.
"""

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, ".")
sys.path.insert(0, "training")
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "2026-12-05m"))


def allowed() -> set[str]:
    lines = (HERE / "allow.txt").read_text(encoding="utf-8").splitlines()
    return {w for line in lines if not line.startswith("#") for w in line.split()}


def export(out: Path) -> None:
    import export_profanity as ep

    allow = allowed()
    vocabulary = set(ep.load_package()[0].vocabulary_)
    if allow - vocabulary or allow & ep.NEUTRAL:
        raise SystemExit(f"not in the vocabulary or neutral: {sorted(allow - vocabulary)} "
                         f"{sorted(allow & ep.NEUTRAL)}")
    ep.NEUTRAL = frozenset(vocabulary - allow)  # every other word's positive weight: 0
    print(ep.export(out))


def score(folder: Path) -> None:
    from frozen_sets import read_frozen
    from offensive_on_pain import sets

    from kindscope.signals.model import SignalModel

    overall = json.loads((folder / "metrics.json").read_text())["offensive"]["overall"]
    print("tweeteval offensive val", {k: overall[k] for k in ("auc", "macro_f1")})
    model = SignalModel(folder)

    def flags(texts):
        return model.score(texts, None, ("offensive",))["offensive"] >= 0.5

    for name, texts in sets().items():
        print(f"{name}: {int(flags(texts).sum())} of {len(texts)}")
    for name in ("posts", "targeted"):
        rows, _ = read_frozen(HERE.parent / f"2026-12-05m/review/{name}.jsonl")
        hit = flags([r["text"] for r in rows])
        kinds = Counter(r["kind"] for r, x in zip(rows, hit, strict=True) if x)
        print(f"third review, {name}: {int(hit.sum())} of {len(rows)} {dict(kinds)}")


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    {"export": export, "score": score}[command](folder)
