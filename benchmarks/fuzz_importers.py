"""The long importer fuzz: N mutated real fixtures per importer, resumable, in shards.

Case ``i`` of importer ``name`` is fully determined by the seed ``"name:i"`` (see
``tests/fuzzing.py`` for the mutations), so a run can stop at any time and go on later:
finished shards are kept in the state file and skipped. Each case imports into a real
DuckDB database (in memory, new every shard); a case that fails with InputError must leave
the database exactly as it was (every table's row count and an order-free hash of its
rows); any other exception is a crash, listed with the command that replays it.

Usage::

    nice .venv/bin/python benchmarks/fuzz_importers.py --cases 10000          # all importers
    nice .venv/bin/python benchmarks/fuzz_importers.py --importer jetstream --cases 10000
    .venv/bin/python benchmarks/fuzz_importers.py --importer x-archive --replay 1234  # one case

State goes to ``--state`` (default ``/tmp/kindscope-fuzz/state.json``); ``--fresh`` starts
over. To use two cores, run two processes on different importers with different state
files, then ``--merge`` them into one state and print the table. Exit status 1 when any
case crashed or changed the database on an input error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))

import fuzzing  # noqa: E402

from kindscope.store.db import Store  # noqa: E402


def run_shard(name: str, start: int, stop: int, work: Path) -> dict:
    bases = fuzzing.bases()[name]
    counts: Counter = Counter()
    crashes, changed = [], []
    store = Store(":memory:")  # a file behaves the same inside a transaction, only slower
    try:
        for case in range(start, stop):
            ch = fuzzing.RandomChooser(f"{name}:{case}")
            base = ch.choice(bases)
            outcome = fuzzing.run_case(base, ch, work / f"case-{name}", store)
            counts[outcome.result] += 1
            if outcome.result == "crash":
                crashes.append([case, outcome.detail])
            if outcome.db_changed:
                changed.append([case, outcome.detail])
    finally:
        store.close()
    return {"counts": dict(counts), "crashes": crashes, "changed": changed}


def replay(name: str, case: int) -> None:
    ch = fuzzing.RandomChooser(f"{name}:{case}")
    base = ch.choice(fuzzing.bases()[name])
    work = Path(tempfile.mkdtemp(prefix="kindscope-replay-"))
    source = fuzzing.mutated_source(base, ch, work / "case")
    print(f"source kept at {source}")
    from kindscope.ingest import import_sources

    with Store(":memory:") as store:
        try:
            import_sources(store, [str(source)])
            print("imported")
        except Exception:  # noqa: BLE001 - show whatever happened
            traceback.print_exc(limit=8)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--importer", action="append", choices=list(fuzzing.bases()))
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--shard", type=int, default=250, help="cases per shard")
    parser.add_argument("--state", default="/tmp/kindscope-fuzz/state.json")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--replay", type=int, default=None, help="replay one case")
    parser.add_argument("--merge", nargs="*", default=[], help="state files to merge in")
    parser.add_argument("--report", action="store_true",
                        help="only print the table of what the state holds")
    parser.add_argument("--first-cases", action="store_true",
                        help="replay each shard's first case on a fresh database and print "
                             "any crash or change (a check of the shard boundaries)")
    args = parser.parse_args()
    logging.getLogger("kindscope").setLevel(logging.ERROR)  # skipped-row warnings
    names = args.importer or list(fuzzing.bases())
    if args.replay is not None:
        replay(names[0], args.replay)
        return 0
    state_path = Path(args.state)
    state_path.parent.mkdir(parents=True, exist_ok=True)
    state = {} if args.fresh or not state_path.exists() else json.loads(state_path.read_text())
    for other in args.merge:
        state.update(json.loads(Path(other).read_text()))
    state_path.write_text(json.dumps(state, indent=1))
    if args.report:
        return report(state, names, args.cases)
    if args.first_cases:
        return first_cases(names, args.cases, args.shard, state_path.parent / "work")
    work = state_path.parent / "work"
    work.mkdir(exist_ok=True)
    for start in range(0, args.cases, args.shard):  # shards round-robin over importers,
        for name in names:                          # so a stopped run has covered them all
            key = f"{name}:{start}:{min(start + args.shard, args.cases)}"
            if key in state:
                continue
            began = time.perf_counter()
            state[key] = run_shard(name, start, min(start + args.shard, args.cases), work)
            state[key]["seconds"] = round(time.perf_counter() - began, 1)
            state_path.write_text(json.dumps(state, indent=1))
            print(key, state[key]["counts"], f"crashes={len(state[key]['crashes'])}",
                  f"{state[key]['seconds']}s", flush=True)
    return report(state, names, args.cases)


def first_cases(names: list[str], cases: int, shard: int, work: Path) -> int:
    bad = 0
    for name in names:
        for start in range(0, cases, shard):
            with Store(":memory:") as store:
                ch = fuzzing.RandomChooser(f"{name}:{start}")
                outcome = fuzzing.run_case(ch.choice(fuzzing.bases()[name]), ch,
                                           work / f"first-{name}", store)
            if outcome.result == "crash" or outcome.db_changed:
                bad += 1
                print(name, start, outcome)
    print(f"first cases replayed: {len(names) * len(range(0, cases, shard))}, bad: {bad}")
    return 1 if bad else 0


def report(state: dict, names: list[str], cases: int) -> int:
    bad = 0
    print(f"\n{'importer':18}{'cases':>8}{'ok':>8}{'input err':>10}{'crashes':>9}{'changed':>9}"
          f"{'seconds':>9}")
    for name in names:
        shards = [v for k, v in state.items() if k.startswith(name + ":")
                  and int(k.split(":")[2]) <= cases]
        total = Counter()
        for shard in shards:
            total.update(shard["counts"])
        crashes = [c for s in shards for c in s["crashes"]]
        changed = [c for s in shards for c in s["changed"]]
        bad += len(crashes) + len(changed)
        seconds = sum(shard.get("seconds", 0) for shard in shards)
        print(f"{name:18}{sum(total.values()):>8}{total['ok']:>8}{total['input_error']:>10}"
              f"{len(crashes):>9}{len(changed):>9}{seconds:>9.0f}")
        kinds = Counter(detail.split(":")[0] for _, detail in crashes)
        for kind, count in kinds.most_common():
            example = next(c for c in crashes if c[1].startswith(kind))
            print(f"    {count} x {example[1][:150]}  (replay: --importer {name} "
                  f"--replay {example[0]})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
