"""The Spark engine on ``local[2]`` against DuckDB: scoring, and import plus report at scale.

(a) ``--score N`` (default 100,000): N posts whose texts are drawn (seeded, with
    replacement) from ``../shared/data``: 60% tweets (TweetEval train texts), 20% Reddit
    comments (GoEmotions train), 20% longer Reddit posts (Dreaddit and SDCNL); 500
    authors over 30 days, a fifth of them replies to an earlier post (read with its
    context). Written as a generic JSONL file, imported into a database, exported to
    Parquet; then timed: ``kindscope score --db`` (local, ONNX Runtime on both cores) and
    ``kindscope score --engine spark --data --master local[2]``. Posts per second each,
    and the largest difference between their scores.
(b) ``--report N [N ...]`` (e.g. 1000000 10000000): the seeded synthetic store of
    ``bench_report_scale.py`` (scores given), then timed: ``export --format parquet``
    (the import to Parquet), ``report --db``, ``report --data`` (DuckDB over the
    Parquet views) and ``report --engine spark --data``; then whether the three
    report.json files are equal without their ``source`` blocks (with ``--keep DIR``
    they stay in DIR/reports-N). ``--stages export,db,spark`` runs only those.

Every stage is a fresh process run by this script, which samples the resident memory of
the process and its children (the JVM of a Spark run) every 0.2 s from /proc: peak of
the whole tree, and of the Python and Java processes apart.

Example::

    nice -n 10 .venv/bin/python benchmarks/bench_spark.py --score 100000
    nice -n 10 .venv/bin/python benchmarks/bench_spark.py --report 1000000 --keep /tmp/k
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data"
KINDSCOPE = Path(sys.executable).parent / "kindscope"
sys.path.insert(0, str(ROOT / "benchmarks"))
csv.field_size_limit(10**8)


# -- measuring -------------------------------------------------------------------------------
def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:  # a thread that ended meanwhile
        return ""


def _tree(pid: int) -> dict[int, tuple[str, int]]:
    """{pid: (name, rss bytes)} of ``pid`` and its descendants."""
    out, todo = {}, [pid]
    while todo:
        p = todo.pop()
        try:
            name = Path(f"/proc/{p}/comm").read_text().strip()
            rss = int(Path(f"/proc/{p}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            # children of every thread: the JVM forks Spark's Python daemon from a
            # thread other than its main one
            children = [c for t in Path(f"/proc/{p}/task").iterdir()
                        for c in _read(t / "children").split()]
        except (OSError, ValueError):
            continue
        out[p] = (name, rss)
        todo += [int(c) for c in children]
    return out


def measured(label: str, cmd: list[str], env: dict | None = None) -> dict:
    """Run ``cmd``; wall seconds, peak RSS (MB) of the tree, of its Java processes and of
    the rest (Python: the CLI and Spark's Python workers)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    peak = {"tree": 0, "python": 0, "java": 0}
    while proc.poll() is None:
        tree = _tree(proc.pid)
        peak["tree"] = max(peak["tree"], sum(r for _, r in tree.values()))
        java = sum(r for n, r in tree.values() if n == "java")
        peak["java"] = max(peak["java"], java)
        peak["python"] = max(peak["python"], sum(r for _, r in tree.values()) - java)
        time.sleep(0.2)
    out, err = proc.communicate()
    row = {"stage": label, "exit": proc.returncode, "wall_s": round(time.perf_counter() - start, 1),
           **{f"peak_{k}_mb": round(v / 2**20) for k, v in peak.items()},
           "says": (out.strip().splitlines() or [""])[-1][:80],
           "command": " ".join(cmd)}
    if proc.returncode:
        row["error"] = (err.strip().splitlines() or [""])[-1][:200]
    print(json.dumps(row), flush=True)
    return row


# -- (a) scoring -----------------------------------------------------------------------------
def _texts() -> dict[str, list[str]]:
    tweets = []
    for path in sorted((DATA / "tweeteval/datasets").glob("*/train_text.txt")):
        tweets += [t for t in path.read_text(encoding="utf-8").splitlines() if t.strip()]
    with open(DATA / "goemotions/train.tsv", encoding="utf-8") as f:
        comments = [row[0] for row in csv.reader(f, delimiter="\t") if row and row[0].strip()]
    longer = []
    with open(DATA / "dreaddit/dreaddit-train.csv", encoding="utf-8") as f:
        longer += [r["text"] for r in csv.DictReader(f) if r["text"].strip()]
    with open(DATA / "sdcnl/data/training-set.csv", encoding="utf-8") as f:
        longer += [r["selftext"] for r in csv.DictReader(f) if r["selftext"].strip()]
    return {"tweets": tweets, "comments": comments, "longer": longer}


def scoring_source(n: int, seed: int, path: Path) -> None:
    rng = np.random.default_rng(seed)
    pools = _texts()
    kinds = rng.choice(["tweets", "comments", "longer"], n, p=[0.6, 0.2, 0.2])
    seconds = np.sort(rng.integers(0, 30 * 86400, n))
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"type": "meta", "platform": "generic", "owner": "a0",
                            "taken_at": "2024-02-01T00:00:00Z"}) + "\n")
        for i in range(n):
            pool = pools[str(kinds[i])]
            day, sec = divmod(int(seconds[i]), 86400)
            post = {"id": f"p{i:07d}", "author": f"a{rng.integers(0, 500)}",
                    "created_at": f"2024-01-{day + 1:02d}T{sec // 3600:02d}:"
                                  f"{sec % 3600 // 60:02d}:{sec % 60:02d}Z",
                    "text": pool[int(rng.integers(0, len(pool)))]}
            if i > 10 and rng.random() < 0.2:
                post["reply_to"] = f"p{int(rng.integers(0, i)):07d}"
            f.write(json.dumps(post) + "\n")


def bench_scoring(n: int, seed: int, master: str, work: Path) -> list[dict]:
    source = work / "posts.jsonl"
    scoring_source(n, seed, source)
    db = work / "score.duckdb"
    subprocess.run([str(KINDSCOPE), "import", str(source), "--db", str(db)], check=True,
                   capture_output=True)
    data = work / "score-data"
    subprocess.run([str(KINDSCOPE), "export", "--format", "parquet", "--db", str(db),
                    "--out", str(data)], check=True, capture_output=True)
    rows = [measured("score --db (local)", [str(KINDSCOPE), "score", "--db", str(db)]),
            measured(f"score --engine spark ({master})",
                     [str(KINDSCOPE), "score", "--engine", "spark", "--data", str(data),
                      "--master", master], env={"PYSPARK_PYTHON": sys.executable})]
    for row in rows:
        row["posts_per_s"] = round(n / row["wall_s"], 1)
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    diff = con.execute(
        "SELECT count(*), max(abs(s.score - l.score)) FROM read_parquet(?, "
        "hive_partitioning = true) s JOIN signal_scores l USING (platform, post_id, signal)",
        [f"{data}/signal_scores.parquet/**/*.parquet"]).fetchone()
    con.close()
    rows.append({"stage": "compare", "score_rows": diff[0], "max_abs_diff": diff[1]})
    print(json.dumps(rows[-1]), flush=True)
    return rows


# -- (b) import and report -------------------------------------------------------------------
STAGES = ("export", "db", "data", "spark")


def bench_report(n: int, seed: int, master: str, work: Path, keep: Path | None,
                 stages: tuple[str, ...] = STAGES) -> list[dict]:
    from bench_report_scale import build_new

    home = keep or work
    home.mkdir(parents=True, exist_ok=True)
    db = home / f"n{n}-a5000-s{seed}.duckdb"
    if not db.exists():
        start = time.perf_counter()
        build_new(db, n, 5000, seed)
        print(json.dumps({"stage": "generate store", "posts": n,
                          "wall_s": round(time.perf_counter() - start, 1)}), flush=True)
    data = work / f"data-{n}"
    out = home / f"reports-{n}"  # kept with --keep, to read a difference
    shutil.rmtree(out, ignore_errors=True)
    k = str(KINDSCOPE)
    runs = {
        "export": ("export --format parquet", [k, "export", "--format", "parquet", "--db",
                                               str(db), "--out", str(data)], None),
        "db": ("report --db (DuckDB)", [k, "report", "--db", str(db), "--out",
                                        str(out / "db")], None),
        "data": ("report --data (DuckDB)", [k, "report", "--data", str(data), "--out",
                                            str(out / "data")], None),
        "spark": (f"report --engine spark --data ({master})",
                  [k, "report", "--engine", "spark", "--data", str(data), "--master",
                   master, "--out", str(out / "spark")], {"PYSPARK_PYTHON": sys.executable}),
    }
    rows = [measured(*runs[stage]) for stage in STAGES if stage in stages]
    for row in rows:
        row["posts"] = n
    rows.append(compare_reports(*(out / s for s in ("db", "data", "spark"))))
    print(json.dumps(rows[-1]), flush=True)
    return rows


def compare_reports(*dirs: Path) -> dict:
    """Whether the report.json files are ``==`` without their ``source`` blocks (which
    name the engine, the input and the time), as the equality tests compare them."""
    bodies = {}
    for folder in dirs:
        path = folder / "report.json"
        if path.is_file():
            body = json.loads(path.read_text(encoding="utf-8"))
            body.pop("source", None)
            bodies[folder.name] = body
    first = next(iter(bodies.values()), {})
    differs = sorted({k for b in bodies.values() for k in set(b) | set(first)
                      if b.get(k) != first.get(k)})
    return {"stage": "compare report.json", "compared": sorted(bodies),
            "equal": bool(bodies) and not differs, "sections_that_differ": differs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--score", type=int, default=None, help="posts to score (a)")
    parser.add_argument("--report", type=int, nargs="*", default=[], help="posts (b)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the synthetic stores")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--stages", default=",".join(STAGES),
                        help="which of (b) to run, comma-separated (export is needed first)")
    args = parser.parse_args()
    if args.score is None and not args.report:
        args.score = 100_000
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    work = Path(tempfile.mkdtemp(prefix="kindscope-spark-"))
    results = {}
    try:
        if args.score:
            results["scoring"] = bench_scoring(args.score, args.seed, args.master, work)
        for n in args.report:
            results[f"report_{n}"] = bench_report(n, args.seed, args.master, work, args.keep,
                                                  tuple(args.stages.split(",")))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
