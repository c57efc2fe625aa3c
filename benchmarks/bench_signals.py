"""End-to-end throughput and peak memory of the text signals on ~20,000 mixed rows.

    .venv/bin/python benchmarks/bench_signals.py [--rows 20000] [--via python|cli]

Builds a CSV from ../shared/data: two thirds short posts (TweetEval, Davidson tweets),
one third long Reddit posts (Dreaddit, SDCNL, EPITOME seeker posts, CounselChat
questions), shuffled with a fixed seed. Then runs, in a fresh process, either
``kindscope.signals.files.score_file`` (``--via python``) or ``kindscope score`` (``--via
cli``) and reports wall time including process start and model load, rows/s and the peak
resident memory of the child (ru_maxrss). Texts are truncated to MAX_TOKENS WordPieces.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data"
csv.field_size_limit(sys.maxsize)


def _lines(rel: str) -> list[str]:
    return (DATA / rel).read_text(encoding="utf-8").splitlines()


def _column(rel: str, col: str) -> list[str]:
    with open(DATA / rel, encoding="utf-8", newline="") as fh:
        return [r[col] for r in csv.DictReader(fh)]


def short_posts() -> list[str]:
    out = []
    for task in ("offensive", "hate", "emotion", "irony"):
        out += _lines(f"tweeteval/datasets/{task}/train_text.txt")
    out += _column("davidson-hate-offensive/data/labeled_data.csv", "tweet")
    return out


def long_posts() -> list[str]:
    out = _column("dreaddit/dreaddit-train.csv", "text")
    with open(DATA / "sdcnl/data/training-set.csv", encoding="utf-8", newline="") as fh:
        out += [r["title"] + ". " + r["selftext"] for r in csv.DictReader(fh)]
    out += sorted(set(_column("epitome/emotional-reactions-reddit.csv", "seeker_post")))
    out += sorted(set(_column("counsel-chat/data/20200325_counsel_chat.csv", "questionText")))
    return out


def mix(rows: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """The benchmark's texts in order, and the long ones among them (a third)."""
    rng = random.Random(seed)
    n_long = rows // 3
    longs = rng.choices(long_posts(), k=n_long)
    shorts = rng.choices(short_posts(), k=rows - n_long)
    texts = longs + shorts
    rng.shuffle(texts)
    return texts, longs


def build(path: Path, rows: int, seed: int = 7) -> dict:
    texts, longs = mix(rows, seed)
    n_long = len(longs)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text"])
        w.writerows([i, t] for i, t in enumerate(texts))
    chars = [len(t) for t in longs]
    return {"rows": rows, "long_rows": n_long, "long_mean_chars": sum(chars) / len(chars)}


def run(src: Path, out: Path, via: str) -> float:
    if via == "cli":
        cmd = [sys.executable, "-m", "kindscope", "score", str(src), "--text-column", "text",
               "--id-column", "id", "-o", str(out)]
    else:
        code = ("import sys; from kindscope.signals.files import score_file; "
                "score_file(sys.argv[1], 'text', id_column='id', out_path=sys.argv[2])")
        cmd = [sys.executable, "-c", code, str(src), str(out)]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.perf_counter() - start


def load_time() -> float:
    code = ("import time; t=time.perf_counter(); from kindscope.signals import score_texts; "
            "score_texts(['hello']); print(time.perf_counter()-t)")
    res = subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT,
                         capture_output=True, text=True)
    return float(res.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--via", choices=["python", "cli"], default="python")
    parser.add_argument("--workdir", default="/tmp/kindscope_bench")
    args = parser.parse_args()
    from kindscope.signals.encoder import MAX_TOKENS

    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    src, out = work / "mixed.csv", work / "scores.jsonl"
    info = build(src, args.rows)
    seconds = run(src, out, args.via)
    lines = sum(1 for _ in open(out, encoding="utf-8"))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = {
        **info,
        "via": args.via,
        "seconds_end_to_end": round(seconds, 1),
        "rows_per_second": round(lines / seconds, 1),
        "peak_rss_mb": round(peak_mb, 1),
        "model_load_and_first_text_seconds": round(load_time(), 2),
        "max_tokens": MAX_TOKENS,
        "lines_written": lines,
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
