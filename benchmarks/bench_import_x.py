"""Speed and memory of the X archive importer on a large archive.

Builds an archive in a temporary folder by replicating the tweets of the real fixture
``../shared/fixtures/x-archive-full`` with new ids (every copy gets a fresh ``id_str``;
replies, retweets, mentions and text stay as they were), then imports it with the library
into a fresh DuckDB file and prints tweets/s and the peak resident memory.

Usage::

    .venv/bin/python benchmarks/bench_import_x.py --tweets 200000
    .venv/bin/python benchmarks/bench_import_x.py --tweets 200000 --parts 4 --profile
    .venv/bin/python benchmarks/bench_import_x.py --tweets 200000 --zip
    .venv/bin/python benchmarks/bench_import_x.py --tweets 200000 --zip --parse-only stream

``--parts`` splits tweets.js into tweets-part1.js, ... (as large archives are); ``--zip``
imports the archive packed as a .zip, as X delivers it;
``--profile`` prints the 25 most expensive functions (cProfile, cumulative);
``--no-gc`` turns Python's cyclic garbage collector off during the import (a diagnosis:
how much of the time the collector takes; kindscope itself leaves it on).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kindscope.ingest import import_sources
from kindscope.ingest.archive import ArchiveReader
from kindscope.ingest.x_js import iter_items, load_value
from kindscope.store.db import Store

FIXTURE = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "x-archive-full"


def build_archive(folder: Path, n_tweets: int, parts: int) -> None:
    """Write an archive of ``n_tweets`` tweets (fixture tweets with new ids) into ``folder``."""
    data = folder / "data"
    data.mkdir(parents=True)
    # every file the fixture's manifest lists but the tweets (an archive missing a listed
    # file is refused as incomplete)
    for file in (FIXTURE / "data").iterdir():
        if file.is_file() and not file.name.startswith("tweets"):
            shutil.copy(file, data / file.name)
    source = (FIXTURE / "data" / "tweets.js").read_bytes()
    tweets = [item["tweet"] for item in iter_items(source, "tweets.js")]
    per_part = -(-n_tweets // parts)
    if parts > 1:  # the manifest lists the files the archive holds (an import checks it)
        manifest = load_value((data / "manifest.js").read_bytes(), "manifest.js")
        manifest["dataTypes"]["tweets"]["files"] = [
            {"fileName": f"data/tweets-part{p + 1}.js", "globalName": f"YTD.tweets.part{p}",
             "count": str(min(per_part, n_tweets - p * per_part))} for p in range(parts)]
        (data / "manifest.js").write_text(
            "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2), encoding="utf-8")
    written = 0
    for part in range(parts):
        name = "tweets.js" if parts == 1 else f"tweets-part{part + 1}.js"
        count = min(per_part, n_tweets - written)
        with open(data / name, "w", encoding="utf-8") as out:
            out.write(f"window.YTD.tweets.part{part} = [\n")
            for i in range(written, written + count):
                tweet = dict(tweets[i % len(tweets)])
                tweet["id_str"] = tweet["id"] = str(10**18 + i)
                out.write(",\n" if i > written else "")
                out.write(json.dumps({"tweet": tweet}, indent=2, separators=(",", " : "),
                                     ensure_ascii=False))
            out.write("\n]")
        written += count


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _parse_only(source: Path, how: str, rss_before: float) -> int:
    """Read and parse every tweets member of ``source``; print items and peak RSS."""
    items = 0
    with ArchiveReader(source) as reader:
        for name in reader.names():
            if not name.rsplit("/", 1)[-1].startswith("tweets"):
                continue
            if how == "whole":
                items += sum(1 for _ in iter_items(reader.read_bytes(name), name))
            else:
                with reader.open(name) as stream:
                    items += sum(1 for _ in iter_items(stream, name))
    print(f"parsed {items:,} tweets ({how}); peak RSS: {peak_rss_mib():,.0f} MiB "
          f"(before parsing: {rss_before:,.0f} MiB)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tweets", type=int, default=200_000)
    parser.add_argument("--parts", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--no-gc", action="store_true")
    parser.add_argument("--zip", action="store_true",
                        help="import the archive packed as a .zip (as X delivers it)")
    parser.add_argument("--parse-only", choices=("whole", "stream"), default=None,
                        help="no database: only read and parse the tweets, the member held "
                             "whole (read_bytes, as the importer did until 2026-12-06) or "
                             "streamed (ArchiveReader.open, as it does now); run each in its "
                             "own process, the peak is the process's")
    args = parser.parse_args(argv)
    if not FIXTURE.exists():
        print(f"fixture not found: {FIXTURE}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="kindscope-bench-x-") as tmp:
        folder = Path(tmp) / "archive"
        build_archive(folder, args.tweets, args.parts)
        size = sum(f.stat().st_size for f in (folder / "data").iterdir())
        source = folder
        if args.zip:
            source = Path(shutil.make_archive(str(Path(tmp) / "archive"), "zip", folder))
            shutil.rmtree(folder)
        rss_before = peak_rss_mib()
        if args.parse_only:
            return _parse_only(source, args.parse_only, rss_before)
        store = Store(Path(tmp) / "bench.duckdb")
        if args.no_gc:
            gc.disable()
        started, cpu_started = time.perf_counter(), time.process_time()
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            results = profiler.runcall(import_sources, store, [str(source)])
        else:
            results = import_sources(store, [str(source)])
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        gc.enable()
        store.close()
        added = results[0].added
        imported = added["posts"] + added["reposts"]
        print(f"archive: {args.tweets:,} tweets in {args.parts} part(s), {size / 2**20:,.0f} MiB"
              f"{f', as a {source.stat().st_size / 2**20:,.0f} MiB zip' if args.zip else ''}")
        print(f"added: {json.dumps(added)}")
        print(f"wall: {seconds:.2f} s  ->  {imported / seconds:,.0f} tweets/s"
              f"{'  (gc off)' if args.no_gc else ''}")
        print(f"CPU (all threads): {cpu_seconds:.2f} s  ->  {imported / cpu_seconds:,.0f} "
              f"tweets per CPU-second")
        print(f"peak RSS: {peak_rss_mib():,.0f} MiB (before the import: {rss_before:,.0f} MiB)")
        if args.profile:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
