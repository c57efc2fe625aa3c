"""Speed and memory of the Bluesky repository (.car) importer on a large repository.

Builds a repository by replicating the records of the real fixtures
``../shared/fixtures/bluesky/car/*.car`` (all but the profiles) under new record keys, each
copy with its own ``createdAt`` (so each is a block of its own), written as a valid CARv1
file with a search tree over the keys (``tests/car_writer.py``); then imports it with the
library into a fresh DuckDB file and prints records/s, the wall time and the peak resident
memory.

Usage::

    .venv/bin/python benchmarks/bench_import_bluesky.py --records 500000
    .venv/bin/python benchmarks/bench_import_bluesky.py --records 500000 --parse-only
    .venv/bin/python benchmarks/bench_import_bluesky.py --car /tmp/bench.car --records 500000

``--parse-only`` only reads the repository and walks its records
(``read_repo(...).entries()``), no database, so that the parser's own memory shows;
``--car PATH`` writes the repository to PATH (and its record count to PATH.records) and
keeps it, or reuses it when both exist, whatever ``--records`` says (run each measurement
in its own process: the peak is the process's).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import libipld

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import car_writer  # noqa: E402
from bench_import_x import peak_rss_mib  # noqa: E402

from kindscope.ingest import import_sources  # noqa: E402
from kindscope.ingest.bluesky_car import _B32_SORT, read_repo  # noqa: E402
from kindscope.store.db import Store  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "bluesky" / "car"
_START = datetime(2024, 1, 1, tzinfo=UTC)


def fixture_records() -> tuple[str, list[tuple[str, dict]]]:
    """The DID of the largest fixture, and (collection, record) of every fixture record."""
    out, did, largest = [], "", -1
    for path in sorted(FIXTURES.glob("*.car")):
        repo = read_repo(str(path))
        out += [(e.collection, e.record) for e in repo.entries()
                if e.collection != "app.bsky.actor.profile" and isinstance(e.record, dict)]
        if path.stat().st_size > largest:
            did, largest = repo.did, path.stat().st_size
        getattr(repo, "close", lambda: None)()  # (a Repo had no close before 2026-12)
    return did, out


def tid(number: int) -> str:
    """A record key: the TID of ``_START`` plus ``number`` microseconds."""
    value = (int(_START.timestamp() * 1_000_000) + number) << 10
    return "".join(_B32_SORT[(value >> shift) & 31] for shift in range(60, -1, -5))


def replicated(templates: list[tuple[str, dict]], n: int):
    """``n`` records, (key, DAG-CBOR body) in key order: copy i of template i % len."""
    for collection in sorted({c for c, _ in templates}):
        for i in range(n):
            kind, record = templates[i % len(templates)]
            if kind != collection:
                continue
            copy = dict(record)
            copy["createdAt"] = (_START + timedelta(milliseconds=i)).isoformat(
                timespec="milliseconds").replace("+00:00", "Z")
            yield f"{collection}/{tid(i)}", libipld.encode_dag_cbor(copy)


def build_repo(path: Path, n: int) -> None:
    did, templates = fixture_records()
    car_writer.write_car(path, did, tid(n), replicated(templates, n))


def _parse_only(path: Path, rss_before: float) -> int:
    started = time.perf_counter()
    repo = read_repo(str(path))
    records = sum(1 for _ in repo.entries())
    getattr(repo, "close", lambda: None)()
    seconds = time.perf_counter() - started
    print(f"parsed {records:,} records in {seconds:.2f} s  ->  {records / seconds:,.0f} "
          f"records/s; peak RSS: {peak_rss_mib():,.0f} MiB (before parsing: "
          f"{rss_before:,.0f} MiB)")
    return 0


def _run(path: Path, records: int, tmp: str, parse_only: bool) -> int:
    size = path.stat().st_size
    print(f"repository: {records:,} records, {size / 2**20:,.0f} MiB ({path})")
    rss_before = peak_rss_mib()
    if parse_only:
        return _parse_only(path, rss_before)
    store = Store(Path(tmp) / "bench.duckdb")
    started, cpu_started = time.perf_counter(), time.process_time()
    results = import_sources(store, [str(path)])
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    store.close()
    print(f"added: {json.dumps(results[0].added)}")
    print(f"wall: {seconds:.2f} s  ->  {records / seconds:,.0f} records/s")
    print(f"CPU (all threads): {cpu_seconds:.2f} s")
    print(f"peak RSS: {peak_rss_mib():,.0f} MiB (before the import: {rss_before:,.0f} MiB)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=500_000)
    parser.add_argument("--parse-only", action="store_true",
                        help="no database: only read the repository and walk its records")
    parser.add_argument("--car", type=Path, default=None,
                        help="write the repository here and keep it (reused if it exists)")
    args = parser.parse_args(argv)
    if not FIXTURES.exists():
        print(f"fixtures not found: {FIXTURES}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="kindscope-bench-bsky-") as tmp:
        path = args.car or Path(tmp) / "repo.car"
        count = path.with_name(path.name + ".records")  # how many records the file holds
        if not path.exists() or not count.exists():
            started = time.perf_counter()
            build_repo(path, args.records)
            count.write_text(str(args.records))
            print(f"built {args.records:,} records in {time.perf_counter() - started:.1f} s")
        return _run(path, int(count.read_text()), tmp, args.parse_only)


if __name__ == "__main__":
    sys.exit(main())
