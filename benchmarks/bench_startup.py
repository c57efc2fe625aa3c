"""Start-up time of the command line: wall time of fresh ``python -m kindscope`` processes.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--text "..."]

Times, each in ``--runs`` new processes (median, min and max wall seconds, and the median
CPU seconds, which another load on the machine changes less; one JSON object on standard
output): ``score --text`` with a short text (too short for the language detector)
and with a sentence (the detector runs), ``score -`` reading two lines from standard input,
and ``--help``. One untimed warm-up run first, so that every timed run finds the files in
the page cache and the bytecode cache. The processes run as an installed kindscope does,
with compiled bytecode: cached in a temporary folder (``PYTHONPYCACHEPREFIX``), even where
``PYTHONDONTWRITEBYTECODE`` is set, so that no run pays for compiling kindscope's modules
and nothing is written into the repository. Run it on an otherwise idle machine: the score
commands use every core.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

SHORT = "hello there"
SENTENCE = "I'm so sorry about your week, I'm here for you if you want to talk."


def cases(text: str) -> dict[str, tuple[list[str], str | None]]:
    """Case name -> (arguments after ``python -m kindscope``, standard input)."""
    return {
        "score --text (short)": (["score", "--text", SHORT], None),
        "score --text": (["score", "--text", text], None),
        "score - (2 lines)": (["score", "-"], "hi\nyou idiot\n"),
        "--help": (["--help"], None),
    }


def once(args: list[str], stdin: str | None, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system, all threads) seconds of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kindscope", *args], input=stdin, text=True,
                   stdout=subprocess.DEVNULL, check=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--text", default=SENTENCE, help="the text of `score --text`")
    parser.add_argument("--environment-as-is", action="store_true",
                        help="no bytecode cache of its own: with PYTHONDONTWRITEBYTECODE set, "
                             "every run compiles kindscope's modules")
    options = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-startup-pyc-") as pycache:
        env = dict(os.environ)
        if not options.environment_as_is:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = pycache
        results = {name: timed(args, stdin, env, options.runs)
                   for name, (args, stdin) in cases(options.text).items()}
    print(json.dumps({"runs": options.runs, "cpus": os.cpu_count(),
                      "bytecode_cache": not options.environment_as_is,
                      "load_1min_at_start": round(load, 2), "results": results},
                     indent=2))


def timed(args: list[str], stdin: str | None, env: dict[str, str], runs: int) -> dict:
    once(args, stdin, env)  # warm-up: the page cache, the bytecode cache
    walls, cpus = zip(*(once(args, stdin, env) for _ in range(runs)), strict=True)
    return {"median_s": round(statistics.median(walls), 3),
            "min_s": round(min(walls), 3), "max_s": round(max(walls), 3),
            "cpu_median_s": round(statistics.median(cpus), 3)}


if __name__ == "__main__":
    main()
