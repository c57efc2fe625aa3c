"""An import killed midway leaves the database as it was; a re-run completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time


def _write_posts(path, n, start=0):
    with open(path, "w") as handle:
        for i in range(start, start + n):
            handle.write(json.dumps({"id": str(i), "author": f"a{i % 97}", "text": f"post {i}",
                                     "created_at": 1_700_000_000 + i}) + "\n")


def _posts(db) -> int:
    out = subprocess.run([sys.executable, "-m", "kindscope", "stats", "--json", "--db", str(db)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["posts"]


def test_killed_import_leaves_database_consistent_and_rerun_completes(tmp_path):
    db = tmp_path / "k.duckdb"
    small, big = tmp_path / "small.jsonl", tmp_path / "big.jsonl"
    _write_posts(small, 10)
    _write_posts(big, 400_000, start=1000)
    cmd = [sys.executable, "-m", "kindscope", "import", "--db", str(db)]
    subprocess.run(cmd + [str(small)], check=True, capture_output=True)
    assert _posts(db) == 10

    env = dict(os.environ, KINDSCOPE_BATCH_ROWS="20000")  # many writes before the commit
    proc = subprocess.Popen(cmd + [str(big)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(3.0)
    assert proc.poll() is None, "the import finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    assert _posts(db) == 10  # nothing of the killed import, nothing lost
    subprocess.run(cmd + [str(big)], check=True, capture_output=True)
    assert _posts(db) == 400_010
