"""Speed and memory of the Mastodon export importer on a large export.

Builds an export in a temporary folder by replicating the activities of the real fixture
``../shared/fixtures/mastodon-archive-full`` with new ids (every copy gets fresh activity
and Note URIs; text, addressing, tags and replies stay as they were), written in one line as
Mastodon writes ``outbox.json``, then imports it with the library into a fresh DuckDB file
and prints activities/s and the peak resident memory.

Usage::

    .venv/bin/python benchmarks/bench_import_mastodon.py --activities 150000
    .venv/bin/python benchmarks/bench_import_mastodon.py --activities 150000 --zip
    .venv/bin/python benchmarks/bench_import_mastodon.py --activities 150000 --parse-only

``--zip`` imports the export packed as a .zip; ``--parse-only`` only reads and maps the
export's records (``mastodon_archive.read``), without a database, so that the parser's own
memory shows. Run each in its own process: the peak is the process's.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench_import_x import peak_rss_mib

from kindscope.ingest import import_sources
from kindscope.ingest.base import ImportOptions
from kindscope.ingest.mastodon_archive import read
from kindscope.store.db import Store

FIXTURE = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "mastodon-archive-full"


def _renamed(value, old: str, new: str):
    """``value`` with every string equal to ``old`` or starting ``old/`` given ``new``."""
    if isinstance(value, str):
        return new + value[len(old):] if value == old or value.startswith(old + "/") else value
    if isinstance(value, list):
        return [_renamed(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _renamed(v, old, new) for k, v in value.items()}
    return value


def build_export(folder: Path, n_activities: int) -> None:
    """Write an export of ``n_activities`` activities (fixture copies, new ids)."""
    folder.mkdir(parents=True)
    for name in ("actor.json", "likes.json", "bookmarks.json"):
        shutil.copy(FIXTURE / name, folder / name)
    outbox = json.loads((FIXTURE / "outbox.json").read_text(encoding="utf-8"))
    items = outbox.pop("orderedItems")
    with open(folder / "outbox.json", "w", encoding="utf-8") as out:
        head = json.dumps({**outbox, "totalItems": n_activities}, ensure_ascii=False)
        out.write(head[:-1] + ', "orderedItems": [')
        for i in range(n_activities):
            item = items[i % len(items)]
            copy = i // len(items)
            if copy:
                ids = {item.get("id")}
                obj = item.get("object")
                if isinstance(obj, dict):
                    ids.add(obj.get("id"))
                for old in filter(None, ids):
                    item = _renamed(item, old, f"{old}-copy{copy}")
            out.write(", " if i else "")
            out.write(json.dumps(item, ensure_ascii=False))
        out.write("]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=150_000)
    parser.add_argument("--zip", action="store_true", help="import the export packed as a .zip")
    parser.add_argument("--parse-only", action="store_true",
                        help="no database: only read and map the export's records")
    args = parser.parse_args(argv)
    if not FIXTURE.exists():
        print(f"fixture not found: {FIXTURE}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="kindscope-bench-mastodon-") as tmp:
        folder = Path(tmp) / "export"
        build_export(folder, args.activities)
        size = (folder / "outbox.json").stat().st_size
        source = folder
        if args.zip:
            source = Path(shutil.make_archive(str(Path(tmp) / "export"), "zip", folder))
            shutil.rmtree(folder)
        rss_before = peak_rss_mib()
        started = time.perf_counter()
        if args.parse_only:
            records = sum(1 for _ in read(str(source), ImportOptions()))
            seconds = time.perf_counter() - started
            print(f"outbox.json {size / 2**20:,.0f} MiB: {records:,} records read in "
                  f"{seconds:.2f} s; peak RSS: {peak_rss_mib():,.0f} MiB (before reading: "
                  f"{rss_before:,.0f} MiB)")
            return 0
        store = Store(Path(tmp) / "bench.duckdb")
        results = import_sources(store, [str(source)])
        seconds = time.perf_counter() - started
        store.close()
        added = results[0].added
        imported = added["posts"] + added["reposts"]
        print(f"export: {args.activities:,} activities, outbox.json {size / 2**20:,.0f} MiB"
              f"{f', as a {source.stat().st_size / 2**20:,.0f} MiB zip' if args.zip else ''}")
        print(f"added: {json.dumps(added)}")
        print(f"wall: {seconds:.2f} s  ->  {imported / seconds:,.0f} posts and boosts/s")
        print(f"peak RSS: {peak_rss_mib():,.0f} MiB (before the import: {rss_before:,.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
