"""Time and peak memory of the Parquet dataset steps (issue 14, step 1) on a large store.

Builds (or reuses, with ``--keep DIR``) the seeded synthetic store of
``benchmarks/bench_report_scale.py`` (N posts, default 1,000,000, one owner and 5,000
accounts), then runs each step as its own ``kindscope`` command under ``/usr/bin/time``,
so the peak resident memory is that command's own:

1. ``kindscope export --format parquet`` of the store into a dataset;
2. ``kindscope stats --data``-style read of the dataset (``open_dataset`` loaded and as
   views, then ``stats``);
3. ``kindscope community --engine duckdb --data DIR``;
4. ``kindscope report --data DIR`` and ``kindscope report --db`` on the same rows.

Usage::

    nice -n 10 python benchmarks/bench_dataset.py [--posts 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_report_scale import build_new  # noqa: E402

KINDSCOPE = Path(sys.executable).with_name("kindscope")
_OPEN = """
import sys, time
from kindscope.store.dataset import open_dataset
from kindscope.store.queries import stats
t = time.perf_counter()
store = open_dataset(sys.argv[1], load=sys.argv[2] == "load")
opened = time.perf_counter() - t
posts = stats(store)["posts"]
print(f"opened in {opened:.1f} s, stats in {time.perf_counter() - t - opened:.1f} s, "
      f"{posts:,} posts")
"""


def timed(label: str, cmd: list[str]) -> str:
    """Run ``cmd`` under /usr/bin/time; return a table row (wall, CPU, peak RSS)."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", *cmd], capture_output=True,
                            text=True)
    wall, user, system, rss = result.stderr.strip().splitlines()[-1].split()
    status = "" if result.returncode == 0 else f" (exit {result.returncode})"
    tail = result.stdout.strip().splitlines()[-1:] if result.stdout.strip() else [""]
    return (f"| {label}{status} | {float(wall):.1f} | {float(user) + float(system):.1f} | "
            f"{int(rss) / 1024:,.0f} MB | {tail[0][:60]} |")


def size_mb(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*.parquet") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1024**2, len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--accounts", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the store in DIR")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kindscope-dataset-"))
    keep = args.keep or work
    keep.mkdir(parents=True, exist_ok=True)
    db = keep / f"n{args.posts}-a{args.accounts}-s{args.seed}.duckdb"
    if not db.exists():
        build_new(db, args.posts, args.accounts, args.seed)
    data = work / "dataset"
    rows = ["| step | wall s | CPU s | peak RSS | says |", "|---|---:|---:|---:|---|"]
    try:
        rows.append(timed("export --format parquet", [str(KINDSCOPE), "export", "--format",
                                                      "parquet", "--out", str(data),
                                                      "--db", str(db)]))
        mb, files = size_mb(data)
        rows.append(f"| the dataset | | | | {mb:,.0f} MB of Parquet in {files} files |")
        for mode in ("load", "views"):
            rows.append(timed(f"open_dataset ({mode}) + stats",
                              [sys.executable, "-c", _OPEN, str(data), mode]))
        rows.append(timed("community --data", [str(KINDSCOPE), "community", "--engine",
                                               "duckdb", "--data", str(data), "--out",
                                               str(work / "community")]))
        rows.append(timed("report --data", [str(KINDSCOPE), "report", "--data", str(data),
                                            "--out", str(work / "r-data")]))
        rows.append(timed("report --db", [str(KINDSCOPE), "report", "--db", str(db), "--out",
                                          str(work / "r-db")]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.posts:,} posts, {args.accounts:,} accounts, seed {args.seed}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
