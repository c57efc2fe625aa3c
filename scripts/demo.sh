#!/usr/bin/env bash
# Quick start, part 1: set up, then run kindscope's main job on the bundled demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
rm -f demo.duckdb demo.duckdb.wal
.venv/bin/kindscope analyze --demo --db demo.duckdb --out kindscope-report
