"""Two measurements behind the notes on hate-only readings (README.md here), with the model
and code of the checkout it runs in.

    .venv/bin/python training/variants/2026-12-05o/scenes.py pileon
    .venv/bin/python training/variants/2026-12-05o/scenes.py separation

``pileon``: a thread written for this note (not taken from a platform): a disabled person
says they were called a burden, and seven people answer within half an hour with denials of
the stereotype, several of them posts of ``review/negation.jsonl`` and
``review/disability.jsonl``, one with a word of comfort. It is imported, scored and read by
``kindscope safety`` and ``kindscope inbox`` in a temporary folder, and what they print is
shown.

``separation``: whether toxicity or support could tell a misread denial from hate. Per kind
of the negation and disability sets: posts read as hateful, and of them how many read as
toxic alone, and as support when each is read as a reply to a painful post.
"""

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, ".")
sys.path.insert(0, str(HERE.parent))

PAINFUL = "someone at work told me disabled people like me are a burden. i can't stop crying"
REPLIES = [
    "no, wheelchair users are not a burden on society. the buildings without ramps are the "
    "problem",
    "disabled people aren't a drain on society, inaccessible society is the drain",
    "disabled people are not a burden. you are loved and you matter",
    "mentally ill people are not violent monsters, stop with the movie tropes",
    "stop pretending disabled people are faking it for benefits. the assessments are brutal",
    "disabled people shouldn't be hidden away, they belong in public like everyone else",
    "nobody with a disability is a waste of money, they're people",
]


def _kindscope(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "kindscope", *args], capture_output=True,
                          text=True, check=True)
    return done.stdout


def pileon() -> None:
    lines = [{"type": "meta", "owner": "me", "taken_at": "2024-06-01T00:00:00Z"},
             {"id": "p0", "author": "me", "text": PAINFUL,
              "created_at": "2024-05-01T10:00:00Z"}]
    lines += [{"id": f"r{i}", "author": f"friend{i}", "text": text, "reply_to": "p0",
               "reply_to_author": "me", "created_at": f"2024-05-01T10:{10 + 5 * i:02d}:00Z"}
              for i, text in enumerate(REPLIES)]
    with tempfile.TemporaryDirectory() as tmp:
        source, db = Path(tmp) / "thread.jsonl", str(Path(tmp) / "k.duckdb")
        source.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
        _kindscope("analyze", str(source), "--db", db, "--out", str(Path(tmp) / "report"))
        print("kindscope safety:\n" + _kindscope("safety", "--db", db))
        print("kindscope inbox:\n" + _kindscope("inbox", "--db", db, "--as-of",
                                                "2024-05-02T00:00:00Z"))


def separation() -> None:
    from frozen_sets import read_frozen

    from kindscope.signals.model import SignalModel

    model = SignalModel()
    for name in ("negation", "disability"):
        rows, _ = read_frozen(HERE / f"review/{name}.jsonl")
        texts = [r["text"] for r in rows]
        alone = model.score(texts, None, ("toxicity", "hate"))
        reply = model.score(texts, [PAINFUL] * len(texts), ("toxicity", "hate", "support"))
        counts: dict[tuple, Counter] = {}
        for i, r in enumerate(rows):
            c = counts.setdefault((r["label"], r["kind"]), Counter())
            c["posts"] += 1
            c["toxic alone"] += bool(alone["toxicity"][i] >= 0.5)
            if reply["hate"][i] >= 0.5:
                c["hateful as a reply"] += 1
                c["of them support"] += bool(reply["support"][i] >= 0.5)
                c["of them toxic"] += bool(reply["toxicity"][i] >= 0.5)
        for (label, kind), c in sorted(counts.items()):
            print(f"{name:10s} label {label} {kind:28s} {dict(c)}")


if __name__ == "__main__":
    {"pileon": pileon, "separation": separation}[sys.argv[1]]()
